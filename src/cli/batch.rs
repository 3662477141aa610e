//! `subsidy batch`: opens the files, shows progress on a terminal, reports a
//! summary on stderr. The work is [`crate::batch::run`].

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use super::args::{BatchArgs, BatchFormat, EncodingArg};
use super::{CliError, fail, to_stderr};
use crate::batch::{self, BatchError, Encoding, Format, Options};
use crate::catalogue::{self, Catalogue};
use crate::request::Checker;

/// Runs `subsidy batch`: 0 when no row failed, 1 when some did, 2 for a usage error.
pub fn run(data: Option<&Path>, args: BatchArgs) -> ExitCode {
    match run_batch(data, args) {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

fn run_batch(data: Option<&Path>, args: BatchArgs) -> Result<ExitCode, CliError> {
    let catalogue = match data {
        Some(dir) => catalogue::read_dir(dir)?,
        None => Catalogue::embedded()?,
    };
    let checker = Checker::new(&catalogue);
    let options = Options {
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        format: args.format.map(|f| match f {
            BatchFormat::Csv => Format::Csv,
            BatchFormat::Jsonl => Format::Jsonl,
        }),
        encoding: match args.encoding {
            EncodingArg::Auto => Encoding::Auto,
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::ShiftJis => Encoding::ShiftJis,
        },
        bom: args.bom,
        raw: args.raw,
    };
    let input: Box<dyn Read + Send> = match args.input.as_deref() {
        None => Box::new(io::stdin()),
        Some(path) if path == Path::new("-") => Box::new(io::stdin()),
        Some(path) => Box::new(File::open(path).map_err(|e| unreadable(path, &e))?),
    };
    let output: Box<dyn Write> = match args.output.as_deref() {
        None => Box::new(io::stdout().lock()),
        Some(path) => Box::new(
            File::create(path)
                .map_err(|e| CliError::Usage(format!("cannot write '{}': {e}", path.display())))?,
        ),
    };
    let bar = io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        // The template is fixed, so it always parses; were it not, the default spinner is kept.
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} {human_pos} rows read ({elapsed})")
        {
            bar.set_style(style);
        }
        bar
    });
    let result = batch::run(&checker, input, output, &options, |rows| {
        if let Some(bar) = &bar {
            bar.set_position(rows);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = match result {
        Ok(summary) => summary,
        // `| head` closed the pipe: not an error.
        Err(BatchError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(CliError::Usage(e.to_string())),
    };
    to_stderr(&format!(
        "batch: {} rows read, {} rows written, {} rows with errors\n",
        summary.read, summary.written, summary.failed
    ));
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn unreadable(path: &Path, e: &io::Error) -> CliError {
    CliError::Usage(format!("cannot read '{}': {e}", path.display()))
}
