//! `subsidy diff OLD NEW`: what changed between two catalogues (each
//! `builtin`, a directory or a bundle file, read by [`read_named`] as
//! `--data` reads them), as text or JSON;
//! with `--clients LIST`, whom it touches, on standard output or (`-o
//! FILE.xlsx`) in a workbook written whole or not at all. Exits as
//! `diff(1)` does: 0 nothing changed (for `--clients`: no client touched),
//! 1 something did, 2 trouble (a bad flag, a catalogue or list that
//! cannot be read, rows of the list that cannot be).

use std::fs::File;
use std::path::Path;
use std::process::ExitCode;

use super::args::{DiffArgs, Format};
use super::batch::{Output, is_workbook, open_workbook, unreadable};
use super::layers::read_named;
use super::{CliError, fail, print_out, screen_width, to_stderr};
use crate::Lang;
use crate::batch::{self, Encoding, Options};
use crate::core::catalogue::Catalogue;
use crate::core::diff::catalogue_diff;
use crate::i18n::{self, Key};
use crate::input::request::Checker;
use crate::report::diff::{self as said, Side};

/// Runs `subsidy diff`.
pub fn run(args: DiffArgs, lang: Lang) -> ExitCode {
    match run_diff(args, lang) {
        Ok(code) => code,
        Err(e) => fail(&e, lang),
    }
}

fn run_diff(args: DiffArgs, lang: Lang) -> Result<ExitCode, CliError> {
    // The flags first: nothing is read for a line that cannot run.
    if let Some(output) = &args.output {
        if args.clients.is_none() {
            return Err(CliError::DiffOutputNeedsClients);
        }
        let xlsx = output
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx"));
        if !xlsx {
            return Err(CliError::DiffOutputNotXlsx(output.clone()));
        }
    }
    let old = read_named(&args.old, "OLD")?;
    let new = read_named(&args.new, "NEW")?;
    let side = |arg: &Path, catalogue: &Catalogue| Side {
        name: arg.display().to_string(),
        version: catalogue.receipt().version.clone(),
        sha256: catalogue.receipt().sha256.clone(),
    };
    let (old_side, new_side) = (side(&args.old, &old), side(&args.new, &new));
    if let Some(list) = &args.clients {
        return clients(&args, list, (&old, &new), (&old_side, &new_side), lang);
    }
    let diff = catalogue_diff(&old, &new);
    let text = match args.format {
        Format::Table => {
            let width = screen_width();
            let header = said::diff_header(&old_side, &new_side, lang);
            let body = said::catalogue_diff_text(&diff, lang, width);
            format!(
                "{}{body}",
                crate::report::layout::wrap_lines(&header, width)
            )
        }
        Format::Json => said::catalogue_diff_json(&diff, &old_side, &new_side),
    };
    let printed = print_out(&text, lang);
    if printed != ExitCode::SUCCESS {
        return Ok(printed);
    }
    Ok(if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `--clients LIST`: each client under both catalogues, the changed ones
/// printed or (`-o`) written to a workbook.
fn clients(
    args: &DiffArgs,
    list: &Path,
    (old, new): (&Catalogue, &Catalogue),
    (old_side, new_side): (&Side, &Side),
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut options = Options::new(as_of);
    options.lang = lang;
    // Opened as `subsidy batch` opens its input: a workbook's sheet as CSV text.
    let input: Box<dyn std::io::Read + Send> = if is_workbook(list) {
        let workbook = open_workbook(list, None, lang)?;
        options.encoding = Encoding::Utf8;
        options.delimiter = Some(b',');
        options.formulas_without_result = Some(workbook.formulas_without_result());
        Box::new(workbook)
    } else {
        Box::new(File::open(list).map_err(|e| unreadable(list, &e))?)
    };
    let mut output = match &args.output {
        Some(path) => Some(Output::open(path, Some(list))?),
        None => None,
    };
    let diff = batch::diff_clients(
        input,
        &options,
        (&Checker::new(old), &Checker::new(new)),
        (&old_side.name, &new_side.name),
    )
    .map_err(CliError::Batch)?;
    let code = if !diff.summary.failed.is_empty() {
        ExitCode::from(2)
    } else if diff.summary.changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match (&mut output, &args.output) {
        (Some(out), Some(path)) => {
            let title = i18n::text(
                lang,
                Key::DiffWorkbookTitle,
                &[
                    ("old", &old_side.name),
                    ("new", &new_side.name),
                    ("as_of", &as_of),
                ],
            );
            let file = out.seekable().ok_or(CliError::XlsxToStdout)?;
            batch::write_clients_xlsx(&diff, &title, lang, file).map_err(CliError::Batch)?;
            if let Some(out) = output {
                out.finish()?;
            }
            let wrote = i18n::text(
                lang,
                Key::DiffWrote,
                &[
                    ("path", &path.display()),
                    ("changed", &diff.summary.changed),
                ],
            );
            to_stderr(&format!("{}\n{wrote}\n", diff.summary.line(lang)));
            for (_, error) in &diff.summary.failed {
                to_stderr(&format!("{error}\n"));
            }
        }
        _ => {
            let text = match args.format {
                Format::Table => {
                    let width = screen_width();
                    let header = said::diff_header(old_side, new_side, lang);
                    let body = said::clients_text(&diff.changes, &diff.summary, lang, width);
                    format!(
                        "{}{body}",
                        crate::report::layout::wrap_lines(&header, width)
                    )
                }
                Format::Json => said::clients_json(
                    &diff.columns,
                    &diff.changes,
                    &diff.summary,
                    old_side,
                    new_side,
                    as_of,
                ),
            };
            let printed = print_out(&text, lang);
            if printed != ExitCode::SUCCESS {
                return Ok(printed);
            }
        }
    }
    Ok(code)
}
