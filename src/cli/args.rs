//! The command line, as clap parses it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};

use crate::Lang;
use crate::i18n;

use crate::core::catalogue::Entity;
use crate::core::money::Yen;
use crate::input::parse;

/// The command line in `lang`: every command's and flag's help from the
/// message tables, and the headings clap prints around them.
pub fn command(lang: Lang) -> clap::Command {
    localize(Cli::command(), "", lang)
}

/// The command line with its Japanese help laid out for a screen `width`
/// wide. Clap wraps help only at spaces, which Japanese has few of, so a
/// line would run past the edge and the terminal would cut a word or a
/// number in two; each flag's help goes on the line under it instead,
/// wrapped by [`crate::report::layout::wrap`] (never inside a number,
/// an id or a flag, and with 禁則). English keeps clap's layout.
pub fn fit_help(command: clap::Command, lang: Lang, width: usize) -> clap::Command {
    if lang != Lang::Ja {
        return command;
    }
    // Clap indents help under its flag by 10 columns.
    let wrap = |text: &str, indent: usize| {
        crate::report::layout::wrap(text, width.saturating_sub(indent).max(20)).join("\n")
    };
    let about = command.get_about().map(|a| wrap(&a.to_string(), 0));
    let mut command = command
        .next_line_help(true)
        .term_width(width)
        .mut_args(|arg| match arg.get_help().map(ToString::to_string) {
            Some(help) => arg.help(wrap(&help, 10)),
            None => arg,
        })
        .mut_subcommands(|sub| fit_help(sub, lang, width));
    if let Some(about) = about {
        command = command.about(about);
    }
    command
}

/// Help for `command` and its flags from the table of `lang`, then its subcommands.
fn localize(mut command: clap::Command, path: &str, lang: Lang) -> clap::Command {
    use clap::{Arg, ArgAction};
    let (help, heading) = match lang {
        Lang::Ja => (
            i18n::ja::help as fn(&str, &str) -> _,
            i18n::ja::heading as fn(&str) -> _,
        ),
        Lang::En => (
            i18n::en::help as fn(&str, &str) -> _,
            i18n::en::heading as fn(&str) -> _,
        ),
    };
    if let Some(about) = help(path, "") {
        command = command.about(about).long_about(None);
    }
    // Clap's own -h and -V say "Print help" in English: ours say it in `lang`.
    command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help),
    );
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = help(path, &id);
        command = command.mut_arg(id.as_str(), |arg| {
            let section = if arg.is_positional() {
                "arguments"
            } else {
                "options"
            };
            // Defaults and values are in the help text itself, in `lang`.
            let takes_values = arg.get_action().takes_values();
            // The flags every command shares come after the command's own.
            let arg = if arg.is_global_set() {
                arg.display_order(900)
            } else {
                arg
            };
            let arg = arg
                .help_heading(heading(section))
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values);
            match text {
                Some(text) => arg.help(text).long_help(None),
                None => arg,
            }
        });
    }
    command = command
        .subcommand_help_heading(heading("commands"))
        .disable_help_subcommand(true)
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            heading("usage")
        ));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name.as_str(), |sub| localize(sub, &name, lang));
    }
    command
}

/// Which medical-DX subsidies (医療DX補助金) a hospital, clinic or pharmacy can
/// get, how many yen, and until when.
#[derive(Debug, Parser)]
#[command(name = "subsidy", version, about, max_term_width = 100)]
pub struct Cli {
    /// Load the rule catalogue from DIR (*.toml), or a bundle FILE, instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Lay the extension in DIR over the catalogue (repeatable, lowest first).
    #[arg(long, global = true, value_name = "DIR")]
    pub extend: Vec<PathBuf>,
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
    /// Ask one question at a time, then give the answer and the command that gives it.
    Ask(AskArgs),
    /// A one-page A4 PDF for a facility: what it can get, by when, how to apply, what to confirm.
    Report(ReportArgs),
    /// Estimates for many facilities from CSV or JSONL, streamed; bad rows carry their error.
    Batch(BatchArgs),
    /// Check rule data: schema, ids, references, figures, dates, tiers, sources, worked examples.
    Check(CheckArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Serve the web page and the JSON API.
    Serve(ServeArgs),
    /// Where the config file is read from, and each setting with where it comes from.
    Config,
    /// A facility profile: a file that gives calc, plan and show a facility (--profile FILE).
    Profile(ProfileCommandArgs),
    /// Write a commented skeleton of a program (or a discovery entry) to fill in from its document.
    New(NewArgs),
    /// The source documents of an extension or a catalogue (its sources.toml).
    Source(SourceCommandArgs),
    /// What changed between two catalogues, and (--clients) whom it touches.
    Diff(DiffArgs),
    /// Pack a catalogue directory into one bundle file, with a manifest of each file's SHA-256.
    Bundle(BundleArgs),
    /// Fetch a signed catalogue bundle, verify and check it, and install it in place of the built-in one.
    Update(UpdateArgs),
}

/// `subsidy diff OLD NEW`: two catalogues, each `builtin`, a directory or a bundle file.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old catalogue: `builtin` (the one built in), a catalogue directory or a bundle file.
    #[arg(display_order = 1)]
    pub old: PathBuf,
    /// The new catalogue: `builtin`, a catalogue directory or a bundle file.
    #[arg(display_order = 2)]
    pub new: PathBuf,
    /// A client list (CSV, JSONL or .xlsx, read as batch reads it): the
    /// clients the change touches, and how.
    #[arg(long, value_name = "FILE")]
    pub clients: Option<PathBuf>,
    /// With --clients: write the clients touched to an Excel workbook
    /// (replaced whole, or left as it was).
    #[arg(short, long, value_name = "FILE.xlsx")]
    pub output: Option<PathBuf>,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct BundleArgs {
    /// The catalogue's directory (or an extension's): it must load.
    pub dir: PathBuf,
    /// The bundle file to write (whole, or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The bundle's URL (its signature is URL.minisig); default: update_url in the config file.
    #[arg(long, value_name = "URL", conflicts_with = "rollback")]
    pub from: Option<String>,
    /// Trust bundles signed by this minisign public key too (repeatable).
    #[arg(long, value_name = "FILE")]
    pub trusted_key: Vec<PathBuf>,
    /// Install a bundle whose rule data is older than the rule data in use (going back to an earlier release).
    #[arg(long, conflicts_with = "rollback")]
    pub allow_older: bool,
    /// Go back to the catalogue in use before the last update (the built-in one if there was none).
    #[arg(long)]
    pub rollback: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The program's id: lower-case letters, digits and hyphens (reidai-city-dx).
    pub id: String,
    /// The directory: an extension's (made, with an extension.toml to fill,
    /// if it does not exist or is empty) or a catalogue's.
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
    /// How the grant is figured: capped, per_bed, per_item, per_unit or
    /// banded; or discovery, a program without a rate table.
    #[arg(long, value_enum, default_value_t = KindArg::Capped)]
    pub kind: KindArg,
}

/// `new --kind`: a kind of rate rule (as the TOML names it), or a discovery entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Capped,
    #[value(name = "per_bed", alias = "per-bed")]
    PerBed,
    #[value(name = "per_item", alias = "per-item")]
    PerItem,
    #[value(name = "per_unit", alias = "per-unit")]
    PerUnit,
    Banded,
    Discovery,
}

#[derive(Debug, Args)]
pub struct SourceCommandArgs {
    #[command(subcommand)]
    pub action: SourceAction,
}

#[derive(Debug, Subcommand)]
pub enum SourceAction {
    /// Record a document in DIR/sources.toml with its SHA-256.
    Add(SourceAddArgs),
}

#[derive(Debug, Args)]
pub struct SourceAddArgs {
    /// The document's text (.txt, UTF-8), as `check --sources` reads it.
    pub file: PathBuf,
    /// The extension's (or catalogue's) directory: its sources.toml.
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
    /// The id programs cite it by (default: the file's name without .txt).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The document's title (left to fill in when not given).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Who issued it (left to fill in when not given).
    #[arg(long, value_name = "TEXT")]
    pub publisher: Option<String>,
    /// The date it was issued (left to fill in when not given).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub date: Option<NaiveDate>,
    /// How far it is trusted (left to fill in when not given).
    #[arg(long, value_enum)]
    pub rank: Option<RankArg>,
    /// What a reader should know about the document as a whole.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `source add --rank`: as `sources.toml` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankArg {
    High,
    LowMedium,
    Lowest,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080", value_parser = parse::socket_addr)]
    pub addr: std::net::SocketAddr,
    /// A host name answered to besides localhost (repeatable).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// For tests: the idle, header and write timeouts in milliseconds, and
    /// the most connections (the server's own defaults otherwise).
    #[arg(long = "idle-timeout-ms", value_name = "MS", hide = true, value_parser = parse::count)]
    pub idle_timeout_ms: Option<u32>,
    #[arg(long = "header-timeout-ms", value_name = "MS", hide = true, value_parser = parse::count)]
    pub header_timeout_ms: Option<u32>,
    #[arg(long = "write-timeout-ms", value_name = "MS", hide = true, value_parser = parse::count)]
    pub write_timeout_ms: Option<u32>,
    #[arg(long = "max-connections", value_name = "N", hide = true, value_parser = parse::count)]
    pub max_connections: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    /// The catalogue directory (default: `--data DIR`, else the built-in catalogue).
    pub dir: Option<PathBuf>,
    /// Sources older than this many days on --as-of are warnings.
    #[arg(long, default_value_t = 365, value_name = "DAYS")]
    pub stale_days: u32,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The source documents' directory: every source must name a document
    /// there, and every passage quoted in 「…」 must occur in it.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Do not report findings of this kind (repeatable), e.g. --allow stale-source.
    #[arg(long, value_name = "CODE", value_parser = clap::builder::PossibleValuesParser::new(crate::core::diagnostics::Code::IDS))]
    pub allow: Vec<String>,
    /// Make findings of this kind errors (repeatable), e.g. --deny all-deadlines-passed.
    #[arg(long, value_name = "CODE", value_parser = clap::builder::PossibleValuesParser::new(crate::core::diagnostics::Code::IDS))]
    pub deny: Vec<String>,
    /// Print the findings only, without the summary lines.
    #[arg(short, long)]
    pub quiet: bool,
    /// Report what no worked example exercises, per program (each tier,
    /// item, cap, rounding rule, condition, bed or size threshold and
    /// window day); fail (exit 1) below 100 %.
    #[arg(long)]
    pub coverage: bool,
    /// The day to judge deadlines and staleness on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
    pub format: CheckFormat,
}

/// `check --format`: for people, JSON, or GitHub Actions annotations.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Table,
    Json,
    Github,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Input: an Excel workbook (.xlsx), CSV with a header row, or JSONL. `-` or nothing reads standard input.
    pub input: Option<PathBuf>,
    /// Output file (default: standard output), written whole or not at all:
    /// replaced only when the run completes; never the input file.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format (default: the input's, or xlsx/ics by the output file's name).
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub as_of: Option<NaiveDate>,
    /// Input encoding: auto tells UTF-8 (with or without a BOM) from Shift_JIS/CP932.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Write a UTF-8 BOM so Japanese Excel opens the CSV right (the default for a `.csv` file).
    #[arg(long, conflicts_with = "no_bom")]
    pub bom: bool,
    /// No BOM, even in a `.csv` file.
    #[arg(long)]
    pub no_bom: bool,
    /// The input's delimiter: `,` (the default), `tab` (or `\t`), `;`, `|`.
    /// UTF-16 input (Excel's "Unicode テキスト") is tab-separated by default.
    #[arg(long, value_name = "CHAR", value_parser = parse::delimiter)]
    pub delimiter: Option<u8>,
    /// Do not guard text cells that start with = + - @ (also after spaces or
    /// control characters, and full-width), a tab or CR (CSV injection).
    #[arg(long)]
    pub raw: bool,
    /// One row per result (long) or one row per input row (summary).
    /// Default: summary for an xlsx workbook (one row per facility, to hand
    /// to a client), long for CSV and JSONL.
    #[arg(long, value_enum)]
    pub shape: Option<ShapeArg>,
    /// Also what cannot be applied for on the as-of date (closed, ineligible, …).
    #[arg(long)]
    pub all: bool,
    /// The CSV output's encoding: utf-8 (the default) or shift_jis.
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = OutputEncodingArg::Utf8)]
    pub output_encoding: OutputEncodingArg,
    /// The sheet of an .xlsx input (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// No summary line on stderr (errors still print).
    #[arg(short, long)]
    pub quiet: bool,
    /// One printed report (a one-page A4 PDF) per facility into DIR (new or empty), with index.csv; instead of -o.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "format", "shape"])]
    pub report: Option<PathBuf>,
    /// The font of --report's PDFs (.ttf, .otf, .ttc) instead of the system's Japanese font.
    #[arg(long, value_name = "FILE", requires = "report")]
    pub font: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BatchFormat {
    Csv,
    Jsonl,
    Xlsx,
    Ics,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ShapeArg {
    Long,
    Summary,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputEncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "shift_jis", alias = "sjis", alias = "cp932")]
    ShiftJis,
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
    #[arg(long, value_name = "FACILITY", value_parser = Spelled::new(parse::facility, &["hospital", "clinic", "pharmacy", "病院", "診療所", "薬局"]))]
    pub facility: Option<crate::input::request::FacilityKind>,
    /// Beds (病床数; 許可病床数 for the 福岡県 勤務環境 program). Hospitals have 20 or more;
    /// a clinic or pharmacy without it has none.
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub beds: Option<u32>,
    /// Health checkups with a 健診部門システム in place (the 電子カルテ tiers).
    #[arg(long, value_name = "YES|NO", value_parser = Spelled::new(parse::yes_no, &["yes", "no", "はい", "いいえ"]))]
    pub kenshin: Option<bool>,
    /// The facility's prefecture (都道府県): 福岡県, 福岡 or fukuoka.
    #[arg(long, value_name = "NAME")]
    pub prefecture: Option<String>,
    /// A fact about the facility (repeatable), e.g. online-qual-in-place=yes; `subsidy show ID` lists them.
    #[arg(long = "fact", value_name = "ID=yes|no", value_parser = parse::fact)]
    pub facts: Vec<(String, bool)>,
    /// Legal form, for the デジタル化・AI size test (004's table of 中小企業・小規模事業者等).
    #[arg(long, value_name = "ENTITY", value_parser = Spelled::new(parse::entity, &["medical-corporation", "sole-proprietor", "company", "医療法人", "個人開業医", "個人事業主", "会社"]))]
    pub entity: Option<Entity>,
    /// 資本金の額又は出資の総額 of a company (`--entity company`), for the size test.
    #[arg(long, value_name = "YEN", value_parser = parse::yen, allow_hyphen_values = true)]
    pub capital: Option<Yen>,
    /// 常時使用する従業員数 (regular employees).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub employees: Option<u32>,
    /// 小規模事業者: the sources do not define it for medical providers, so only this flag applies it.
    #[arg(long)]
    pub small_business: bool,
    /// 最低賃金近傍の事業者 (デジタル化・AI 通常枠 2/3).
    #[arg(long)]
    pub min_wage_nearby: bool,
    /// 大企業等: not an SME, stated instead of --entity/--capital/--employees.
    #[arg(long)]
    pub large_company: bool,
    /// 業務プロセス数 of the IT tool (デジタル化・AI 通常枠).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub processes: Option<u32>,
    /// 会計・受発注・決済 functions of the tool (インボイス対応類型, 複数者連携).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub functions: Option<u32>,
    /// Members of a multi-party group (複数者連携: 10 or more).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub members: Option<u32>,
}

/// The facility, the project and the day a calculation is for: `calc`'s
/// and `report`'s.
#[derive(Debug, Args)]
pub struct CalcQueryArgs {
    /// Program id, or text of its Japanese name (repeatable); omitted means every program.
    #[arg(long = "program", value_name = "ID")]
    pub programs: Vec<String>,
    /// Only this variant, in each selected program that has variants.
    #[arg(long, value_name = "ID")]
    pub variant: Option<String>,
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// The project's cost: 14000000, 14,000,000円, 1400万, full-width digits.
    #[arg(long, value_name = "YEN", value_parser = parse::yen, allow_hyphen_values = true)]
    pub cost: Option<Yen>,
    /// One cost item's amount, for programs that cap items separately (repeatable).
    #[arg(long = "item", value_name = "KEY=YEN", value_parser = parse::item, allow_hyphen_values = true)]
    pub items: Vec<(String, Yen)>,
    /// Coupons for the スマホ保険証 card-reader grant (病院 up to 3, 診療所 1; default 1).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub coupons: Option<u32>,
    /// One coupon's own price, once per coupon (repeatable), for the スマホ保険証 card-reader grant.
    #[arg(long = "coupon-cost", value_name = "YEN", value_parser = parse::yen, allow_hyphen_values = true)]
    pub coupon_costs: Vec<Yen>,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CalcArgs {
    #[command(flatten)]
    pub query: CalcQueryArgs,
    /// Also show what cannot be applied for (closed, ineligible, another
    /// prefecture), in its own section, with the reason.
    #[arg(long)]
    pub all: bool,
    /// Show how each result shown was decided and computed, step by step, with its sources.
    #[arg(long)]
    pub explain: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// `subsidy ask`: what is known already (not asked), and the day.
#[derive(Debug, Args)]
pub struct AskArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// The project's cost, if known already (then not asked).
    #[arg(long, value_name = "YEN", value_parser = parse::yen, allow_hyphen_values = true)]
    pub cost: Option<Yen>,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub query: CalcQueryArgs,
    /// The client's name, for the report's title.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// The PDF file to write (replaced whole, or left as it was).
    #[arg(short, long, value_name = "FILE.pdf")]
    pub output: Option<PathBuf>,
    /// A font to set the report in (.ttf, .otf, .ttc) instead of the system's Japanese font.
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Coupons for the スマホ保険証 card-reader grant (default: the most allowed).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse::count)]
    pub coupons: Option<u32>,
    /// The day to plan from (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only programs that can still be applied for (open or not yet open).
    #[arg(long)]
    pub open: bool,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
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
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse::date)]
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

/// `--format` of calc, list and show: for people, or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// `plan --format`: also `ics`, the deadlines as an iCalendar file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Table,
    Json,
    Ics,
}

/// A value parser from [`crate::input::parse`], with the spellings completion offers.
#[derive(Clone)]
pub struct Spelled<T> {
    parse: fn(&str) -> Result<T, parse::ValueError>,
    spellings: &'static [&'static str],
}

impl<T> Spelled<T> {
    fn new(
        parse: fn(&str) -> Result<T, parse::ValueError>,
        spellings: &'static [&'static str],
    ) -> Spelled<T> {
        Spelled { parse, spellings }
    }
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Spelled<T> {
    type Value = T;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // The plain function's error keeps ours as its source, for the message.
        self.parse.parse_ref(command, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.spellings
                .iter()
                .map(|s| clap::builder::PossibleValue::new(*s)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every flag, as `(command, flag)`; `""` for the top level.
    fn every_flag(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), String::new()));
        for arg in command.get_arguments() {
            out.push((path.to_string(), arg.get_id().to_string()));
        }
        for sub in command.get_subcommands() {
            every_flag(sub, sub.get_name(), out);
        }
    }

    #[test]
    fn every_command_and_flag_has_help_in_both_languages() {
        let mut flags = Vec::new();
        every_flag(&Cli::command(), "", &mut flags);
        assert!(flags.len() > 40, "{flags:?}");
        // And every entry of the help tables is some command's or flag's
        // (as shown: with the -h and -V that `localize` adds).
        for lang in [Lang::Ja, Lang::En] {
            let mut shown = Vec::new();
            every_flag(&command(lang), "", &mut shown);
            let unreached = i18n::help_unreached(lang, &shown);
            assert!(
                unreached.is_empty(),
                "help for no command or flag: {unreached:?}"
            );
        }
        for (command, flag) in flags {
            assert!(
                i18n::ja::help(&command, &flag).is_some(),
                "no Japanese help for {command} {flag}"
            );
            assert!(
                i18n::en::help(&command, &flag).is_some(),
                "no English help for {command} {flag}"
            );
        }
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let help = |lang| {
            command(lang)
                .find_subcommand_mut("calc")
                .expect("calc")
                .render_help()
                .to_string()
        };
        let ja = help(Lang::Ja);
        assert!(ja.contains("使い方: calc [OPTIONS]"), "{ja}");
        assert!(ja.contains("オプション:"), "{ja}");
        assert!(ja.contains("事業の経費"), "{ja}");
        assert!(
            !ja.contains("Options:") && !ja.contains("Print help"),
            "{ja}"
        );
        let en = help(Lang::En);
        assert!(en.contains("Usage: calc [OPTIONS]"), "{en}");
        assert!(en.contains("The project's cost"), "{en}");
        assert!(!en.contains("使い方"), "{en}");
    }
}
