//! The command-line front end: parses flags, runs the core, renders the
//! result. The only layer that prints.

mod error;
mod render;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::catalogue::{self, Catalogue, FacilityClass, Lang, Program};
use crate::estimate::{self, Estimate, Facility, Query};
use crate::money::{self, Yen};
pub use error::CliError;

/// Which medical-DX subsidies (医療DX補助金) a hospital, clinic or pharmacy can
/// get, how many yen, and until when.
#[derive(Debug, Parser)]
#[command(name = "subsidy", version, about, max_term_width = 100)]
pub struct Cli {
    /// Load the rule catalogue from DIR (*.toml) instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Language of names and headers.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Ja)]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compute the grant each program pays for a facility and a cost.
    Calc(CalcArgs),
    /// List every program with its deadline and whether it is open.
    List(ListArgs),
    /// Everything about one program: tiers, items, rounding, dates, sources, contact.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
struct CalcArgs {
    /// Program id (repeatable); omitted means every program.
    #[arg(long = "program", value_name = "ID")]
    programs: Vec<String>,
    /// Only this variant, in each selected program that has variants.
    #[arg(long, value_name = "ID")]
    variant: Option<String>,
    /// The kind of facility.
    #[arg(long, value_enum)]
    facility: FacilityArg,
    /// Beds (病床数; 許可病床数 for the 福岡県 勤務環境 program). Hospitals have 20 or more.
    #[arg(
        long,
        default_value_t = 0,
        value_name = "N",
        allow_hyphen_values = true
    )]
    beds: u32,
    /// Health checkups with a 健診部門システム in place (the 電子カルテ tiers).
    #[arg(long, value_enum)]
    kenshin: Option<YesNo>,
    /// The project's cost: 14000000, 14,000,000円, 1400万, full-width digits.
    #[arg(long, value_name = "YEN", value_parser = parse_money, allow_hyphen_values = true)]
    cost: Option<Yen>,
    /// One cost item's amount, for programs that cap items separately (repeatable).
    #[arg(long = "item", value_name = "KEY=YEN", value_parser = parse_item, allow_hyphen_values = true)]
    items: Vec<(String, Yen)>,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// Program id (see `subsidy list`).
    id: String,
    /// The day to judge deadlines on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FacilityArg {
    Hospital,
    Clinic,
    Pharmacy,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum YesNo {
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

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| "not a date (YYYY-MM-DD)".into())
}

/// Runs the command line `args` and returns the exit status; prints.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            return print_out(&e.render().to_string());
        }
        Err(e) => return fail(&error::from_clap(&e)),
    };
    match run(cli) {
        Ok(out) => print_out(&out),
        Err(e) => fail(&e),
    }
}

fn fail(error: &CliError) -> ExitCode {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("error: {error}");
    }
    ExitCode::from(error.exit_code())
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print_out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: writing output: {e}");
            }
            ExitCode::from(2)
        }
    }
}

/// Runs a parsed command and returns what to print.
fn run(cli: Cli) -> Result<String, CliError> {
    let catalogue = match &cli.data {
        Some(dir) => catalogue::read_dir(dir)?,
        None => Catalogue::embedded()?,
    };
    let lang = match cli.lang {
        LangArg::Ja => Lang::Ja,
        LangArg::En => Lang::En,
    };
    let today = || chrono::Local::now().date_naive();
    match cli.command {
        Command::Calc(args) => calc(&catalogue, args, lang, today()),
        Command::List(args) => {
            let as_of = args.as_of.unwrap_or_else(today);
            Ok(match args.format {
                Format::Table => render::list_table(&catalogue, as_of, lang),
                Format::Json => render::list_json(&catalogue, as_of),
            })
        }
        Command::Show(args) => {
            let program = find_program(&catalogue, "ID", &args.id)?;
            let as_of = args.as_of.unwrap_or_else(today);
            Ok(match args.format {
                Format::Table => render::show_text(program, as_of, lang),
                Format::Json => render::show_json(program, as_of),
            })
        }
    }
}

fn find_program<'c>(
    catalogue: &'c Catalogue,
    flag: &str,
    id: &str,
) -> Result<&'c Program, CliError> {
    catalogue.program(id).ok_or_else(|| {
        let hint = match error::did_you_mean(id, catalogue.ids()) {
            Some(near) => {
                format!("no such program; did you mean '{near}'? (`subsidy list` shows every id)")
            }
            None => "no such program (`subsidy list` shows every id)".to_string(),
        };
        CliError::invalid(flag, id, hint)
    })
}

fn calc(
    catalogue: &Catalogue,
    args: CalcArgs,
    lang: Lang,
    today: NaiveDate,
) -> Result<String, CliError> {
    let class = match args.facility {
        FacilityArg::Hospital => FacilityClass::Hospital,
        FacilityArg::Clinic => FacilityClass::Clinic,
        FacilityArg::Pharmacy => FacilityClass::Pharmacy,
    };
    let facility = Facility::new(class, args.beds)
        .map_err(|e| CliError::invalid("--beds", args.beds.to_string(), e))?;
    let named = !args.programs.is_empty();
    let programs: Vec<&Program> = if named {
        let mut programs = Vec::new();
        for id in &args.programs {
            let program = find_program(catalogue, "--program", id)?;
            if !programs.iter().any(|p: &&Program| p.id == program.id) {
                programs.push(program);
            }
        }
        programs
    } else {
        catalogue.programs().iter().collect()
    };
    check_variant(&programs, args.variant.as_deref(), named)?;
    check_items(&programs, &args.items)?;

    let query = Query {
        facility,
        kenshin: args.kenshin.map(|k| matches!(k, YesNo::Yes)),
        cost: args.cost,
        items: args.items,
        as_of: args.as_of.unwrap_or(today),
    };
    let mut estimates: Vec<Estimate<'_>> = programs
        .iter()
        .flat_map(|p| estimate::estimate_program(p, args.variant.as_deref(), &query))
        .collect();
    if named {
        refuse_missing_items(&estimates, &query)?;
    }
    estimate::sort(&mut estimates);
    Ok(match args.format {
        Format::Table => render::calc_table(&estimates, &query, lang),
        Format::Json => render::calc_json(&estimates, &query, lang),
    })
}

/// `--variant` must name a variant of every named program that has variants,
/// or, with no `--program`, of at least one program.
fn check_variant(
    programs: &[&Program],
    variant: Option<&str>,
    named: bool,
) -> Result<(), CliError> {
    let Some(variant) = variant else {
        return Ok(());
    };
    let with_variants: Vec<&&Program> =
        programs.iter().filter(|p| !p.variants.is_empty()).collect();
    let lacking: Vec<&&Program> = with_variants
        .iter()
        .copied()
        .filter(|p| p.variant(variant).is_none())
        .collect();
    let all_lack = lacking.len() == with_variants.len();
    if let Some(program) = lacking.first()
        && (named || all_lack)
    {
        let ids: Vec<&str> = program.variants.iter().map(|v| v.id.as_str()).collect();
        let near = error::did_you_mean(variant, ids.iter().copied())
            .map(|n| format!("did you mean '{n}'? "))
            .unwrap_or_default();
        return Err(CliError::invalid(
            "--variant",
            variant,
            format!(
                "not a variant of {}; {near}(variants: {})",
                program.id,
                ids.join(", ")
            ),
        ));
    }
    if with_variants.is_empty() {
        return Err(CliError::invalid(
            "--variant",
            variant,
            "none of the selected programs has variants",
        ));
    }
    Ok(())
}

/// Every `--item` key must be an item of some selected program, and given once.
fn check_items(programs: &[&Program], items: &[(String, Yen)]) -> Result<(), CliError> {
    for (i, (key, yen)) in items.iter().enumerate() {
        let value = format!("{key}={yen}");
        if items[..i].iter().any(|(k, _)| k == key) {
            return Err(CliError::invalid(
                "--item",
                value,
                format!("item '{key}' is given twice"),
            ));
        }
        if !programs.iter().any(|p| p.item(key).is_some()) {
            let keys: Vec<&str> = programs
                .iter()
                .flat_map(|p| p.items.iter().map(|i| i.key.as_str()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let reason = if keys.is_empty() {
                "none of the selected programs splits costs into items; use --cost".to_string()
            } else {
                let near = error::did_you_mean(key, keys.iter().copied())
                    .map(|n| format!("did you mean '{n}'? "))
                    .unwrap_or_default();
                format!(
                    "no selected program has this item; {near}(items: {})",
                    keys.join(", ")
                )
            };
            return Err(CliError::invalid("--item", value, reason));
        }
    }
    Ok(())
}

/// A named program that splits costs needs `--item` for each item, unless
/// `--cost` can go to its sole or default item.
fn refuse_missing_items(estimates: &[Estimate<'_>], query: &Query) -> Result<(), CliError> {
    let missing = estimates
        .iter()
        .find(|e| e.reasons.iter().any(|r| r.code == "needs-items"));
    let Some(estimate) = missing else {
        return Ok(());
    };
    let keys: Vec<String> = estimate
        .tier
        .map(|t| {
            t.items
                .iter()
                .map(|i| format!("--item {}=YEN", i.key))
                .collect()
        })
        .unwrap_or_default();
    let (flag, value) = match (query.cost, query.items.first()) {
        (Some(cost), _) => ("--cost".to_string(), cost.to_string()),
        (None, Some((key, yen))) => ("--item".to_string(), format!("{key}={yen}")),
        (None, None) => ("--item".to_string(), String::new()),
    };
    Err(CliError::invalid(
        flag,
        value,
        format!(
            "{} caps each cost item separately: give {}",
            estimate.program.id,
            keys.join(" ")
        ),
    ))
}
