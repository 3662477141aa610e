//! The command line, as clap parses it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};

use crate::Lang;

use crate::money::{self, Yen};
use crate::text::shown;

/// The command line in `lang`: help, headings and the parser's words.
pub fn command(lang: Lang) -> clap::Command {
    let _ = lang;
    Cli::command()
}

/// Which medical-DX subsidies (医療DX補助金) a hospital, clinic or pharmacy can
/// get, how many yen, and until when.
#[derive(Debug, Parser)]
#[command(name = "subsidy", version, about, max_term_width = 100)]
pub struct Cli {
    /// Load the rule catalogue from DIR (*.toml) instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Language of names and headers.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Ja)]
    pub lang: LangArg,
    /// Emphasis on a terminal: auto (not when piped or NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute the grant each program pays for a facility and a cost.
    Calc(CalcArgs),
    /// List every program with its deadline and whether it is open.
    List(ListArgs),
    /// Everything about one program: tiers, items, rounding, dates, conditions, sources, contact.
    Show(ShowArgs),
    /// Every program a facility can still apply for, with the largest grant and its deadline.
    Plan(PlanArgs),
    /// Estimates for many facilities from CSV or JSONL, streamed; bad rows carry their error.
    Batch(BatchArgs),
    /// Check rule data: schema, ids, references, figures, dates, tiers, sources, worked examples.
    Check(CheckArgs),
    /// A facility profile: a file that gives calc, plan and show a facility (--profile FILE).
    Profile(ProfileCommandArgs),
}

#[derive(Debug, Args)]
pub struct ProfileCommandArgs {
    #[command(subcommand)]
    pub action: ProfileAction,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Write a commented profile template: to standard output, or to a new file with -o.
    Init(ProfileInitArgs),
}

#[derive(Debug, Args)]
pub struct ProfileInitArgs {
    /// Write the template to FILE, which must not exist yet (never overwritten).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The catalogue directory (default: the built-in catalogue).
    pub dir: Option<PathBuf>,
    /// Sources older than this many days on --as-of are warnings.
    #[arg(long, default_value_t = 365, value_name = "DAYS")]
    pub stale_days: u32,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The day to judge deadlines and staleness on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Input: CSV with a header row, or JSONL. `-` or nothing reads standard input.
    pub input: Option<PathBuf>,
    /// Output file (default: standard output), written whole or not at all:
    /// replaced only when the run completes; never the input file.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format (default: the input's).
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Input encoding: auto tells UTF-8 (with or without a BOM) from Shift_JIS/CP932.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Write a UTF-8 BOM so Japanese Excel opens the CSV right.
    #[arg(long)]
    pub bom: bool,
    /// Do not guard text cells that start with = + - @ (also after spaces or
    /// control characters, and full-width), a tab or CR (CSV injection).
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BatchFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "shift_jis", alias = "sjis", alias = "cp932")]
    ShiftJis,
}

/// Who is applying: the facility and what it states about itself, from
/// `--profile FILE` and these flags (a flag given overrides the file).
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// A facility profile (TOML, keys as the batch columns; `subsidy profile init` writes one).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The kind of facility.
    #[arg(long, value_enum)]
    pub facility: Option<FacilityArg>,
    /// Beds (病床数; 許可病床数 for the 福岡県 勤務環境 program). Hospitals have 20 or more;
    /// a clinic or pharmacy without it has none.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub beds: Option<u32>,
    /// Health checkups with a 健診部門システム in place (the 電子カルテ tiers).
    #[arg(long, value_enum)]
    pub kenshin: Option<YesNo>,
    /// The facility's prefecture (都道府県): 福岡県, 福岡 or fukuoka.
    #[arg(long, value_name = "NAME")]
    pub prefecture: Option<String>,
    /// A fact about the facility (repeatable), e.g. online-qual-in-place=yes; `subsidy show ID` lists them.
    #[arg(long = "fact", value_name = "ID=yes|no", value_parser = parse_fact)]
    pub facts: Vec<(String, bool)>,
    /// Legal form, for the デジタル化・AI size test (医療法人 ≤300, 個人開業医 ≤100 employees).
    #[arg(long, value_enum)]
    pub entity: Option<EntityArg>,
    /// 常時使用する従業員数 (regular employees).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub employees: Option<u32>,
    /// 小規模事業者: the sources do not define it for medical providers, so only this flag applies it.
    #[arg(long)]
    pub small_business: bool,
    /// 最低賃金近傍の事業者 (デジタル化・AI 通常枠 2/3).
    #[arg(long)]
    pub min_wage_nearby: bool,
    /// 大企業等 (デジタル化・AI 電子取引類型 1/2).
    #[arg(long)]
    pub large_company: bool,
    /// 業務プロセス数 of the IT tool (デジタル化・AI 通常枠).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub processes: Option<u32>,
    /// 会計・受発注・決済 functions of the tool (インボイス対応類型, 複数者連携).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub functions: Option<u32>,
    /// Members of a multi-party group (複数者連携: 10 or more).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub members: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CalcArgs {
    /// Program id, or text of its Japanese name (repeatable); omitted means every program.
    #[arg(long = "program", value_name = "ID")]
    pub programs: Vec<String>,
    /// Only this variant, in each selected program that has variants.
    #[arg(long, value_name = "ID")]
    pub variant: Option<String>,
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// The project's cost: 14000000, 14,000,000円, 1400万, full-width digits.
    #[arg(long, value_name = "YEN", value_parser = parse_money, allow_hyphen_values = true)]
    pub cost: Option<Yen>,
    /// One cost item's amount, for programs that cap items separately (repeatable).
    #[arg(long = "item", value_name = "KEY=YEN", value_parser = parse_item, allow_hyphen_values = true)]
    pub items: Vec<(String, Yen)>,
    /// Coupons for the スマホ保険証 card-reader grant (病院 up to 3, 診療所 1; default 1).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub coupons: Option<u32>,
    /// Also show what cannot be applied for (closed, ineligible, another
    /// prefecture), in its own section, with the reason.
    #[arg(long)]
    pub all: bool,
    /// Show how each result shown was decided and computed, step by step, with its sources.
    #[arg(long)]
    pub explain: bool,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Coupons for the スマホ保険証 card-reader grant (default: the most allowed).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub coupons: Option<u32>,
    /// The day to plan from (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only programs that can still be applied for (open or not yet open).
    #[arg(long)]
    pub open: bool,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Program id, or text of its Japanese name (see `subsidy list`).
    pub id: Option<String>,
    /// With a facility (--profile or flags), the tiers that fit it are marked.
    #[command(flatten)]
    pub facility: ProfileArgs,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FacilityArg {
    Hospital,
    Clinic,
    Pharmacy,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EntityArg {
    MedicalCorporation,
    SoleProprietor,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

fn parse_money(text: &str) -> Result<Yen, String> {
    money::parse_yen(text).map_err(|e| e.to_string())
}

fn parse_item(text: &str) -> Result<(String, Yen), String> {
    let (key, yen) = text
        .split_once('=')
        .ok_or_else(|| "expected KEY=YEN, e.g. mobile=41000".to_string())?;
    let key = key.trim();
    if key.is_empty() {
        return Err("the item key before '=' is empty".into());
    }
    Ok((key.to_string(), parse_money(yen)?))
}

fn parse_fact(text: &str) -> Result<(String, bool), String> {
    let (id, value) = text
        .split_once('=')
        .ok_or_else(|| "expected ID=yes|no, e.g. online-qual-in-place=yes".to_string())?;
    let value = match value.trim() {
        "yes" => true,
        "no" => false,
        other => return Err(format!("'{}' is not yes or no", shown(other))),
    };
    Ok((id.trim().to_string(), value))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| "not a date (YYYY-MM-DD)".into())
}
