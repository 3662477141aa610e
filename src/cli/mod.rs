//! The command-line front end: parses flags, runs the core and renders the
//! result. The only layer that prints.

mod args;
mod ask;
mod batch;
mod bundle;
mod check;
mod config;
mod diff;
mod error;
mod fonts;
mod installed;
mod layers;
mod new;
mod printed;
mod profile;
mod source;
pub mod spelling;
mod update;

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::FromArgMatches as _;

use crate::core::catalogue::{self, Catalogue, Lang, Program};
use crate::core::{estimate, plan, window};
use crate::i18n::{self, Key};
use crate::input::request::{Checker, Field, InputError, Problem, Request};
use crate::report;
use crate::report::layout::Screen;
/// The plan as a calendar, for front ends beyond this one (`subsidy serve`).
pub use crate::report::plan_ics;
pub use args::ServeArgs;
pub use args::command;
use args::{
    CalcArgs, Cli, ColorArg, Command, Format, ListArgs, PlanArgs, PlanFormat, ProfileAction,
    ShowArgs, SourceAction,
};
pub use error::CliError;
use spelling::FLAGS;

/// Runs the command line `args` and returns the exit status; prints.
pub fn main_with<I, T>(args: I, server: Server) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let env = config::Env::read();
    let config = config::load(&env);
    // Known before parsing, so that help and the parser's errors are in it
    // too: the flag, else SUBSIDY_LANG, else the config file's (if it reads).
    let file_lang = config
        .as_ref()
        .ok()
        .and_then(|c| c.file.as_ref()?.lang.map(|(lang, _)| lang));
    let ui = lang_from(&args, env.lang.as_deref(), file_lang);
    let command = |fitted: bool| {
        let mut command = args::command(ui);
        // Help is fitted to the terminal only when it is to be shown: a
        // line that parses needs none of it (a batch starts sooner).
        if fitted {
            command = args::fit_help(command, ui, help_width());
        }
        // The rule data's version and SHA-256 are read only when asked for.
        if args.iter().any(|a| a == "--version" || a == "-V") {
            let config = config.clone().unwrap_or(config::Config {
                location: None,
                file: None,
            });
            let settings = config::Settings::resolve(
                lang_in_args(&args),
                &flag_values(&args, "--extend"),
                &env,
                config,
            );
            let layers = layers::Layers::new(flag_values(&args, "--data").pop(), &settings);
            command = command.version(version_text(&layers, ui));
        }
        command
    };
    let parsed = command(false)
        .try_get_matches_from(&args)
        .or_else(|e| match e.kind() {
            clap::error::ErrorKind::DisplayVersion => Err(e),
            _ => command(true).try_get_matches_from(&args),
        })
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            return print_out(&e.render().to_string(), ui);
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Bare `subsidy`: the help, on stderr, as a usage error.
            to_stderr(&e.render().to_string());
            return ExitCode::from(2);
        }
        Err(e) => return fail(&error::from_clap(&e, ui), ui),
    };
    let config = match config {
        Ok(config) => config,
        Err(e) => return fail(&CliError::Config(e), ui),
    };
    // `--lang` was read before parsing (`ui`); clap only checks its value.
    let Cli {
        data,
        extend,
        lang: _,
        color,
        command,
    } = cli;
    let settings = config::Settings::resolve(lang_in_args(&args), &extend, &env, config);
    let layers = layers::Layers::new(data, &settings);
    // `batch` streams its own output; every other command returns its text.
    let command = match command {
        Command::Batch(args) => return batch::run(&layers, args, ui),
        Command::Check(args) => return check::run(args, &layers, ui),
        Command::Completions(args) => return print_out(&completions(args.shell, ui), ui),
        Command::Man => return print_out(&man_page(ui), ui),
        Command::Serve(args) => return serve(&layers, &args, ui, server),
        Command::Config => return print_out(&settings.text(ui, screen_width()), ui),
        Command::Profile(args) => match args.action {
            ProfileAction::Init(args) => return profile::init(&layers, args, ui),
        },
        Command::New(args) => return new::run(args, ui),
        Command::Diff(args) => return diff::run(args, ui),
        Command::Ask(asked) => {
            let context = ask::Context {
                prefecture: settings.prefecture.map(|p| p.value),
                line: &args,
                screen: screen(color),
            };
            return ask::run(&layers, asked, &context, ui);
        }
        Command::Report(args) => {
            let prefecture = settings.prefecture.map(|p| p.value);
            return printed::run(&layers, args, prefecture, ui);
        }
        Command::Source(args) => match args.action {
            SourceAction::Add(args) => return source::add(&layers, args, ui),
        },
        Command::Bundle(args) => return bundle::run(args, &layers, ui),
        Command::Update(args) => return update::run(args, &layers, &settings, ui),
        Command::Calc(args) => Printed::Calc(args),
        Command::List(args) => Printed::List(args),
        Command::Show(args) => Printed::Show(args),
        Command::Plan(args) => Printed::Plan(args),
    };
    let prefecture = settings.prefecture.map(|p| p.value);
    match run(&layers, prefecture, ui, screen(color), command) {
        Ok(out) => print_out(&out, ui),
        Err(e) => fail(&e, ui),
    }
}

/// `0.1.0（規則データ 2026-05-25、組み込み、sha256 …）`: the program's
/// version and the rule data's, with where it comes from (built in,
/// installed from a URL on a day, or `--data DIR`), then each extension
/// over it on a line of its own.
fn version_text(layers: &layers::Layers, lang: Lang) -> String {
    let first = layers.first_from();
    let from = match &first {
        Ok(layers::First::Builtin) | Err(_) => match layers.set_aside() {
            Some(entry) => i18n::text(
                lang,
                Key::VersionFromBuiltinNewer,
                &[("installed", &entry.version)],
            ),
            None => i18n::template(lang, Key::VersionFromBuiltin).to_string(),
        },
        Ok(layers::First::Installed(_, entry)) => i18n::text(
            lang,
            Key::VersionFromInstalled,
            &[
                ("url", &update::shown_url(&entry.url)),
                ("date", &entry.date()),
            ],
        ),
        Ok(layers::First::Data(path)) => {
            i18n::text(lang, Key::VersionFromData, &[("path", &path.display())])
        }
    };
    // The built-in data's receipt was computed by the build: nothing to read.
    let receipt = match first {
        Err(e) => Err(e),
        Ok(layers::First::Builtin) if layers.extend.is_empty() => Ok(catalogue::embedded_receipt()),
        Ok(_) => layers.load().map(|c| c.receipt().clone()),
    };
    let version = env!("CARGO_PKG_VERSION");
    match receipt {
        Ok(receipt) => {
            let mut text = i18n::text(
                lang,
                Key::VersionWithData,
                &[
                    ("version", &version),
                    ("data", &receipt.version),
                    ("from", &from),
                    ("sha256", &receipt.sha256),
                ],
            );
            for layer in &receipt.extensions {
                text.push('\n');
                text.push_str(&i18n::text(
                    lang,
                    Key::VersionExtension,
                    &[
                        ("name", &layer.name),
                        ("version", &layer.version),
                        ("sha256", &layer.sha256),
                    ],
                ));
            }
            text
        }
        Err(e) => {
            // The rule data's own fault, without `rule data:` before it again.
            let reason = match &e {
                CliError::Catalogue(e) => e.message(lang),
                other => other.message(lang),
            };
            i18n::text(
                lang,
                Key::VersionDataUnreadable,
                &[("version", &version), ("reason", &reason)],
            )
        }
    }
}

/// Every value of flag `name` on the line (`--data DIR`, `--data=DIR`),
/// read before the line is parsed (`--version`).
fn flag_values(args: &[std::ffi::OsString], name: &str) -> Vec<std::path::PathBuf> {
    let prefix = format!("{name}=");
    let mut values = Vec::new();
    let mut next = false;
    for arg in args {
        if next {
            values.push(std::path::PathBuf::from(arg));
            next = false;
        } else if arg == name {
            next = true;
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix(&prefix)) {
            values.push(value.into());
        }
    }
    values
}

/// The web front end that `subsidy serve` starts: its flags, the loaded
/// catalogue, the language, and where to say that it listens (and what it
/// refuses). `main` hands it in, so that the two front ends never import
/// each other.
pub type Server = fn(&ServeArgs, Catalogue, Lang, &mut dyn FnMut(&str)) -> Result<(), String>;

/// `subsidy serve`: loads the catalogue (any fault refuses to start), then
/// serves until SIGINT or SIGTERM.
fn serve(layers: &layers::Layers, args: &args::ServeArgs, lang: Lang, server: Server) -> ExitCode {
    let catalogue = match layers.load() {
        Ok(catalogue) => catalogue,
        Err(e) => return fail(&e, lang),
    };
    match server(args, catalogue, lang, &mut |line| {
        to_stderr(&format!("{line}\n"));
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            to_stderr(&error_text(&reason, lang, stderr_width()));
            ExitCode::from(2)
        }
    }
}

/// The completion script for `shell`, help in `lang` where the shell shows it.
fn completions(shell: clap_complete::Shell, lang: Lang) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut args::command(lang), "subsidy", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page: the top level, then each command with its options, so every flag is in it.
fn man_page(lang: Lang) -> String {
    let command = args::command(lang);
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = clap_mangen::Man::new(command.clone()).render(&mut out);
    // Each command, and each command under it (`subsidy profile init`).
    let mut commands: Vec<(String, clap::Command)> = command
        .get_subcommands()
        .map(|sub| (format!("subsidy {}", sub.get_name()), sub.clone()))
        .collect();
    commands.reverse();
    while let Some((name, sub)) = commands.pop() {
        for inner in sub.get_subcommands().collect::<Vec<_>>().into_iter().rev() {
            commands.push((format!("{name} {}", inner.get_name()), inner.clone()));
        }
        let page = clap_mangen::Man::new(sub.name(name.clone()).bin_name(name.clone()));
        let _ = writeln!(out, ".SH \"{}\"", name.to_uppercase());
        let _ = page.render_description_section(&mut out);
        let _ = page.render_synopsis_section(&mut out);
        let _ = page.render_options_section(&mut out);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The commands whose whole output is printed at the end.
enum Printed {
    Calc(CalcArgs),
    List(ListArgs),
    Show(ShowArgs),
    Plan(PlanArgs),
}

/// Prints the one line a refused command prints, in `lang`, and gives its exit status.
fn fail(error: &CliError, lang: Lang) -> ExitCode {
    to_stderr(&error_text(&error.message(lang), lang, stderr_width()));
    ExitCode::from(error.exit_code())
}

/// `エラー: {message}`: one line for scripts (`width` `None`: standard error
/// is a pipe or a file); on a terminal of `width` columns, wrapped with the
/// output's rules (ids, numbers and amounts whole) under a hanging indent,
/// so that the terminal never wraps it mid-word.
fn error_text(message: &str, lang: Lang, width: Option<usize>) -> String {
    let line = i18n::text(lang, Key::ErrorLine, &[("message", &message)]);
    let Some(width) = width else {
        return format!("{line}\n");
    };
    let prefix = i18n::text(lang, Key::ErrorLine, &[("message", &"")]);
    match line.strip_prefix(prefix.as_str()) {
        Some(message) => report::layout::hanging(&prefix, message, width),
        None => report::layout::hanging("", &line, width),
    }
}

/// A line for people on stderr (not an error: `wrote … to p.toml`), laid
/// out as [`error_text`] lays out an error: wrapped on a terminal, one line
/// for scripts.
fn note_text(line: &str, width: Option<usize>) -> String {
    match width {
        Some(width) => report::layout::hanging("", line, width),
        None => format!("{line}\n"),
    }
}

/// The width to wrap an error at: `None` unless standard error is a
/// terminal; then `COLUMNS`, else the terminal's, else the unknown width.
fn stderr_width() -> Option<usize> {
    use std::io::IsTerminal as _;
    let stderr = std::io::stderr();
    if !stderr.is_terminal() {
        return None;
    }
    let width = columns_from_env()
        .or_else(|| {
            terminal_size::terminal_size_of(&stderr)
                .map(|(terminal_size::Width(w), _)| usize::from(w))
                .filter(|&w| w > 0)
        })
        .unwrap_or(Screen::UNKNOWN_WIDTH);
    Some(width)
}

/// Writes to stderr; a closed stderr is ignored (never a panic, unlike `eprintln!`).
fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print_out(text: &str, lang: Lang) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&CliError::Write(e), lang),
    }
}

/// Columns to lay output out in: `COLUMNS`, else the terminal's, else
/// unknown ([`Screen::UNKNOWN_WIDTH`]). A width of 0 (some terminals,
/// serial consoles) means unknown.
fn screen_width() -> usize {
    use std::io::IsTerminal as _;
    let stdout = std::io::stdout();
    columns_from_env()
        .or_else(|| {
            stdout
                .is_terminal()
                .then(|| terminal_size::terminal_size_of(&stdout))
                .flatten()
                .map(|(terminal_size::Width(w), _)| usize::from(w))
                .filter(|&w| w > 0)
        })
        .unwrap_or(Screen::UNKNOWN_WIDTH)
}

/// Columns for help: `COLUMNS`, else the terminal of any standard stream
/// (help is often piped into `less` or `head` on the same terminal), else 100.
fn help_width() -> usize {
    columns_from_env()
        .or_else(|| {
            terminal_size::terminal_size()
                .map(|(terminal_size::Width(w), _)| usize::from(w))
                .filter(|&w| w > 0)
        })
        .unwrap_or(Screen::UNKNOWN_WIDTH)
}

/// `COLUMNS`, when it holds a width above 0 (0 means unknown).
fn columns_from_env() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
}

/// Where the output goes: its width (`COLUMNS`, else the terminal's, else
/// unknown) and whether it may carry colour (`--color`, `NO_COLOR`, a terminal).
fn screen(color: ColorArg) -> Screen {
    use std::io::IsTerminal as _;
    let terminal = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => terminal && !no_color,
    };
    Screen {
        width: screen_width(),
        color,
        spelling: FLAGS,
    }
}

/// Runs a parsed command and returns what to print; `prefecture`: the
/// config file's, for `calc` and `plan` when neither a flag nor a profile gives one.
fn run(
    layers: &layers::Layers,
    prefecture: Option<&str>,
    lang: Lang,
    screen: Screen,
    command: Printed,
) -> Result<String, CliError> {
    let catalogue = match &command {
        // `calc --program ID`: only what it needs is read (issue 14, part 5).
        Printed::Calc(args) if !args.query.programs.is_empty() => {
            let ids: Vec<&str> = args.query.programs.iter().map(String::as_str).collect();
            layers.load_for(&ids)?
        }
        _ => layers.load()?,
    };
    let checker = Checker::new(&catalogue);
    let today = || chrono::Local::now().date_naive();
    match command {
        Printed::Calc(args) => calc(&checker, args, prefecture, lang, screen, today()),
        Printed::List(args) => {
            let as_of = args.as_of.unwrap_or_else(today);
            let programs: Vec<&Program> = catalogue
                .programs()
                .iter()
                .filter(|p| !args.open || window::window(p, as_of).can_still_apply())
                .collect();
            // `--open`: what can still be applied for; a program without a
            // rate table cannot be computed, let alone applied for here.
            let discovery = if args.open {
                &[][..]
            } else {
                catalogue.discovery()
            };
            let receipt = catalogue.receipt();
            Ok(match args.format {
                Format::Table => {
                    let age = receipt.age(as_of);
                    report::list_table(&programs, discovery, as_of, age.as_ref(), lang, screen)
                }
                Format::Json => report::list_json(receipt, &programs, discovery, as_of),
            })
        }
        Printed::Show(args) => {
            let refused = refused(lang);
            let id = args
                .id
                .as_deref()
                .ok_or_else(|| InputError::missing(Field::ProgramId, Problem::NoProgramId))
                .map_err(&refused)?;
            // A program named without a rate table: what the sources say of it.
            if let Some(entry) = catalogue.discovery().iter().find(|d| d.id == id) {
                let age = catalogue.receipt().age(args.as_of.unwrap_or_else(today));
                return Ok(match args.format {
                    Format::Table => report::show_discovery_text(entry, age.as_ref(), lang, screen),
                    Format::Json => report::show_discovery_json(entry),
                });
            }
            let program = checker.program(Field::ProgramId, id).map_err(&refused)?;
            let as_of = args.as_of.unwrap_or_else(today);
            // With a facility, the tiers that fit it (as calc would choose them).
            let request = profile::request(&args.facility, lang)?;
            let facility = if request == Request::default() {
                None
            } else {
                Some(checker.profile(&request, as_of).map_err(&refused)?)
            };
            let fit = facility.as_ref().map(|query| {
                let tiers = estimate::estimate_program(program, None, query)
                    .into_iter()
                    .filter_map(|e| e.tier.map(|tier| (tier, e.variant)))
                    .collect();
                report::Fit { query, tiers }
            });
            let receipt = catalogue.receipt();
            Ok(match args.format {
                Format::Table => {
                    let age = receipt.age(as_of);
                    report::show_text(program, as_of, age.as_ref(), lang, screen, fit.as_ref())
                }
                Format::Json => report::show_json(receipt, program, as_of, fit.as_ref()),
            })
        }
        Printed::Plan(args) => {
            let refused = refused(lang);
            let as_of = args.as_of.unwrap_or_else(today);
            let mut request = Request {
                coupons: args.coupons,
                ..profile::request(&args.profile, lang)?
            };
            with_default_prefecture(&mut request, prefecture);
            let query = checker.plan_query(&request, as_of).map_err(&refused)?;
            let plan = plan::plan(&catalogue, &query);
            let recommendation = crate::core::recommend::of_plan(&plan, &query);
            let (entries, period_unknown) = (&plan.entries, &plan.period_unknown);
            let besides = report::Besides {
                period_unknown,
                discovery: catalogue.discovery(),
                recommendation: &recommendation,
            };
            let receipt = catalogue.receipt();
            Ok(match args.format {
                PlanFormat::Table => {
                    let age = receipt.age(as_of);
                    report::plan_table(entries, &besides, &query, age.as_ref(), lang, screen)
                }
                PlanFormat::Json => {
                    report::plan_json(receipt, entries, &besides, &query, lang, &FLAGS)
                }
                PlanFormat::Ics => report::plan_ics(entries, &query, receipt, lang),
            })
        }
    }
}

/// An input the core refused, as the error to show: a missing input asks
/// for its flag (`missing --beds: …`) instead of quoting a value nobody
/// typed; a wrong one quotes it.
fn refused(lang: Lang) -> impl Fn(InputError) -> CliError {
    move |e| {
        if e.is_missing() {
            CliError::Usage(e.message(lang, &FLAGS))
        } else {
            CliError::Input(e)
        }
    }
}

/// The config file's `prefecture`, where the request names none.
fn with_default_prefecture(request: &mut Request, prefecture: Option<&str>) {
    if request.prefecture.is_none() {
        request.prefecture = prefecture.map(str::to_string);
    }
}

/// The request `calc` and `report` make of their flags (and `--profile`),
/// with the config file's prefecture where none is given.
fn calc_request(
    args: args::CalcQueryArgs,
    prefecture: Option<&str>,
    lang: Lang,
) -> Result<Request, CliError> {
    let mut request = Request {
        programs: args.programs,
        variant: args.variant,
        cost: args.cost,
        items: args.items,
        coupons: args.coupons,
        coupon_costs: args.coupon_costs,
        ..profile::request(&args.profile, lang)?
    };
    with_default_prefecture(&mut request, prefecture);
    Ok(request)
}

/// The estimates of `request` on `as_of`, and the query as checked (for a
/// header and the JSON facility block).
fn estimate<'c>(
    checker: &Checker<'c>,
    request: &Request,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<
    (
        Vec<crate::core::estimate::Estimate<'c>>,
        crate::core::estimate::Query,
    ),
    CliError,
> {
    let refused = refused(lang);
    // The query as checked: for the header, the JSON facility block and the best combination.
    let (estimates, query) = checker
        .estimates_and_query(request, as_of, true)
        .map_err(&refused)?;
    Ok((estimates, query))
}

fn calc(
    checker: &Checker<'_>,
    args: CalcArgs,
    prefecture: Option<&str>,
    lang: Lang,
    screen: Screen,
    today: NaiveDate,
) -> Result<String, CliError> {
    let view = report::CalcView {
        all: args.all,
        named: !args.query.programs.is_empty(),
        explain: args.explain,
        picks_only: false,
    };
    let as_of = args.query.as_of.unwrap_or(today);
    let request = calc_request(args.query, prefecture, lang)?;
    let (estimates, query) = estimate(checker, &request, as_of, lang)?;
    let stacks = crate::core::estimate::stacks(&estimates);
    let receipt = checker.catalogue().receipt();
    Ok(match args.format {
        Format::Table => {
            let age = receipt.age(as_of);
            report::calc_table(
                &estimates,
                &stacks,
                &query,
                age.as_ref(),
                lang,
                view,
                screen,
            )
        }
        Format::Json => {
            let report = report::CalcReport::new(&estimates, &stacks, &query, view);
            report::calc_json(receipt, &report, &query, lang, &FLAGS)
        }
    })
}

/// The language asked for on the command line (`--lang en`, `--lang=en`,
/// anywhere on it), else by `SUBSIDY_LANG` (`en`, `ja`), else by the config
/// file (`file`); Japanese when none says. Read before the command line is
/// parsed, so that the parser's own errors and help are in that language too.
fn lang_from<I, S>(args: I, env: Option<&str>, file: Option<Lang>) -> Lang
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    lang_in_args(args)
        .or_else(|| env.and_then(config::lang_named))
        .or(file)
        .unwrap_or(Lang::Ja)
}

/// The language the command line asks for, if it does (the last `--lang`
/// with a value that is one).
fn lang_in_args<I, S>(args: I) -> Option<Lang>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let parse = config::lang_named;
    let mut from_args = None;
    let mut next_is_lang = false;
    for arg in args {
        let Some(arg) = arg.as_ref().to_str() else {
            next_is_lang = false;
            continue;
        };
        if next_is_lang {
            from_args = parse(arg).or(from_args);
            next_is_lang = false;
        } else if arg == "--lang" {
            next_is_lang = true;
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            from_args = parse(value).or(from_args);
        } else if arg == "--" {
            break;
        }
    }
    from_args
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::width;

    /// On a terminal an error was one line of 150–250
    /// columns, which the terminal cut through ids.
    #[test]
    fn an_error_on_a_terminal_is_wrapped_and_a_piped_one_is_one_line() {
        let message = "ID の値 '電子処方箋' は使えません: 名前にこれを含む制度が3件あります。ID で指定してください: e-prescription（電子処方箋管理サービスの導入に係る補助金）、e-prescription-expansion（電子処方箋の機能拡充の促進事業）、fukuoka-e-prescription（福岡県電子処方箋導入促進費補助金）";
        let piped = error_text(message, Lang::Ja, None);
        assert_eq!(piped, format!("エラー: {message}\n"));
        let text = error_text(message, Lang::Ja, Some(80));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() > 2, "{text}");
        assert!(
            lines[0].starts_with("エラー: ID の値 '電子処方箋'"),
            "{text}"
        );
        for line in &lines {
            assert!(width(line) <= 80, "{text}");
        }
        for line in &lines[1..] {
            assert!(
                line.starts_with("        ") && !line.starts_with("         "),
                "{text}"
            );
        }
        let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join("|");
        for id in [
            "e-prescription（",
            "e-prescription-expansion（",
            "fukuoka-e-prescription（",
        ] {
            assert!(joined.contains(id), "{joined}");
        }
        // English: the same, under `error: `.
        let text = error_text(
            "invalid value 'hospitl' for '--facility': not a kind of facility; did you mean hospital? (hospital, 病院; clinic, 診療所; pharmacy, 薬局)",
            Lang::En,
            Some(60),
        );
        assert!(text.lines().all(|l| width(l) <= 60), "{text}");
        assert!(
            text.lines().skip(1).all(|l| l.starts_with("       ")),
            "{text}"
        );
    }

    #[test]
    fn a_note_on_stderr_is_wrapped_on_a_terminal_too() {
        let line = "施設プロファイルのひな形を p.toml に書きました。facility と beds を記入して --profile p.toml で使います";
        assert_eq!(note_text(line, None), format!("{line}\n"));
        assert_eq!(
            note_text(line, Some(80)),
            "施設プロファイルのひな形を p.toml に書きました。facility と beds を記入して\n--profile p.toml で使います\n"
        );
    }

    #[test]
    fn the_language_comes_from_the_line_then_the_environment() {
        let lang = |args: &[&str], env| lang_from(args, env, None);
        assert_eq!(lang(&["subsidy", "calc"], None), Lang::Ja);
        assert_eq!(lang(&["subsidy", "calc", "--lang", "en"], None), Lang::En);
        assert_eq!(lang(&["subsidy", "--lang=en", "calc"], None), Lang::En);
        assert_eq!(lang(&["subsidy", "calc"], Some("en")), Lang::En);
        assert_eq!(lang(&["subsidy", "--lang", "ja"], Some("en")), Lang::Ja);
        // A bad value is the parser's to refuse; the language stays as it was.
        assert_eq!(lang(&["subsidy", "--lang", "fr"], Some("en")), Lang::En);
        // The config file's, where neither the line nor the environment says.
        let with_file = |args: &[&str], env| lang_from(args, env, Some(Lang::En));
        assert_eq!(with_file(&["subsidy", "calc"], None), Lang::En);
        assert_eq!(with_file(&["subsidy", "calc"], Some("ja")), Lang::Ja);
        assert_eq!(with_file(&["subsidy", "--lang", "ja"], None), Lang::Ja);
    }
}
