//! `subsidy batch`: opens the files, shows progress on a terminal, reports a
//! summary on stderr. The work is [`crate::batch::run`].

use std::fs::{self, File};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tempfile::NamedTempFile;

use super::args::{BatchArgs, BatchFormat, EncodingArg, OutputEncodingArg, ShapeArg};
use super::layers::Layers;
use super::spelling::FLAGS;
use super::{CliError, fail, to_stderr};
use crate::Lang;
use crate::batch::{self, BatchError, Encoding, Format, Options, Shape};

use crate::i18n::{self, Key};
use crate::input::request::Checker;
use crate::report;

/// Runs `subsidy batch`: 0 when no row failed, 1 when some did, 2 for a usage error.
pub fn run(layers: &Layers, args: BatchArgs, lang: Lang) -> ExitCode {
    match run_batch(layers, args, lang) {
        Ok(code) => code,
        Err(e) => fail(&e, lang),
    }
}

fn run_batch(layers: &Layers, args: BatchArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let quiet = args.quiet;
    let catalogue = layers.load()?;
    let checker = Checker::new(&catalogue);
    // xlsx and ics by `--format`, or by the output file's name.
    let output_format = args.format.or_else(|| {
        let ext = args.output.as_deref().and_then(Path::extension)?;
        if ext.eq_ignore_ascii_case("xlsx") {
            Some(BatchFormat::Xlsx)
        } else if ext.eq_ignore_ascii_case("ics") {
            Some(BatchFormat::Ics)
        } else {
            None
        }
    });
    let xlsx = matches!(output_format, Some(BatchFormat::Xlsx));
    let ics = matches!(output_format, Some(BatchFormat::Ics));
    let options = Options {
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        format: match output_format {
            Some(BatchFormat::Csv) => Some(Format::Csv),
            Some(BatchFormat::Jsonl) => Some(Format::Jsonl),
            // xlsx and ics: batch::run_to_xlsx and run_to_ics set what they need.
            Some(BatchFormat::Xlsx | BatchFormat::Ics) | None => None,
        },
        encoding: match args.encoding {
            EncodingArg::Auto => Encoding::Auto,
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::ShiftJis => Encoding::ShiftJis,
        },
        // Japanese Excel reads a CSV file without a BOM as Shift_JIS (mojibake):
        // a `.csv` path gets one unless --no-bom; standard output only on request.
        bom: args.bom
            || (!args.no_bom
                && args.output.as_deref().is_some_and(|path| {
                    path.extension()
                        .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"))
                })),
        raw: args.raw,
        delimiter: args.delimiter,
        lang,
        // A workbook is handed to people: one row per facility unless asked.
        shape: match args.shape {
            Some(ShapeArg::Long) => Shape::Long,
            Some(ShapeArg::Summary) => Shape::Summary,
            None if xlsx => Shape::Summary,
            None => Shape::Long,
        },
        all: args.all,
        shift_jis: matches!(args.output_encoding, OutputEncodingArg::ShiftJis),
        formulas_without_result: None,
    };
    let input_path = args.input.as_deref().filter(|path| *path != Path::new("-"));
    if args.sheet.is_some() && !input_path.is_some_and(is_workbook) {
        return Err(CliError::SheetNotXlsx);
    }
    let mut options = options;
    let (input, rows): (Box<dyn Read + Send>, Option<u64>) = match input_path {
        None => (Box::new(io::stdin()), None),
        Some(path) if is_workbook(path) => {
            let workbook = open_workbook(path, args.sheet.as_deref(), lang)?;
            // The sheet is read as UTF-8 CSV text.
            options.encoding = Encoding::Utf8;
            options.delimiter = Some(b',');
            options.formulas_without_result = Some(workbook.formulas_without_result());
            let rows = workbook.rows();
            (Box::new(workbook), Some(rows))
        }
        Some(path) => {
            let file = File::open(path).map_err(|e| unreadable(path, &e))?;
            let rows = if xlsx { count_lines(path)? } else { None };
            (Box::new(file), rows)
        }
    };
    // Past an Excel sheet's rows: refused before any work (every input row
    // gives at least one output row, and the header one more).
    if xlsx && let Some(rows) = rows.filter(|rows| *rows > batch::EXCEL_ROWS) {
        return Err(CliError::Batch(BatchError::TooManyRowsForXlsx(rows)));
    }
    if let Some(dir) = args.report.as_deref() {
        let font = super::fonts::report_font(args.font.as_deref())?;
        let summary = reports(dir, font, &checker, input, &options)?;
        if !quiet {
            let line = i18n::text(
                lang,
                Key::BatchSummaryReports,
                &[
                    ("read", &summary.read),
                    ("written", &summary.written),
                    ("dir", &dir.display()),
                    ("failed", &summary.failed),
                ],
            );
            to_stderr(&format!(
                "{line}\n{}",
                data_age_said(&catalogue, options.as_of, lang)
            ));
        }
        return Ok(if summary.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let mut output = match args.output.as_deref() {
        None if xlsx => return Err(CliError::XlsxToStdout),
        None => Output::Stdout,
        Some(path) => Output::open(path, input_path)?,
    };
    let bar = io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        // The template is fixed, so it always parses; were it not, the default spinner is kept.
        if let Ok(style) =
            indicatif::ProgressStyle::with_template(i18n::template(lang, Key::BatchProgress))
        {
            bar.set_style(style);
        }
        bar
    });
    let progress = |rows| {
        if let Some(bar) = &bar {
            bar.set_position(rows);
        }
    };
    let result = if xlsx {
        let tempdir = output.directory();
        let about = batch::About {
            command: command_line(),
        };
        match output.seekable() {
            Some(file) => {
                batch::run_to_xlsx(&checker, input, file, &tempdir, about, &options, progress)
            }
            None => return Err(CliError::XlsxToStdout),
        }
    } else if ics {
        batch::run_to_ics(&checker, input, output.writer(), &options, progress)
    } else {
        batch::run(&checker, input, output.writer(), &options, progress)
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = match result {
        Ok(summary) => summary,
        // `| head` closed the pipe: not an error.
        Err(BatchError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS);
        }
        // The temporary file, if any, is dropped: deleted, the old output untouched.
        Err(e) => return Err(CliError::Batch(e)),
    };
    // Complete, rows that failed included: only now does the output replace the old one.
    output.finish()?;
    if !quiet {
        let line = i18n::text(
            lang,
            if ics {
                Key::BatchSummaryIcs
            } else {
                Key::BatchSummary
            },
            &[
                ("read", &summary.read),
                ("written", &summary.written),
                ("events", &summary.written),
                ("failed", &summary.failed),
            ],
        );
        let blank = if summary.blank > 0 {
            i18n::text(lang, Key::BatchBlankRows, &[("blank", &summary.blank)])
        } else {
            String::new()
        };
        let said = format!(
            "{line}{blank}\n{}",
            data_age_said(&catalogue, options.as_of, lang)
        );
        to_stderr(&said);
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What every row rests on: the rule data, its age on the run's as-of
/// date, and where to ask when it is old; a line each.
fn data_age_said(
    catalogue: &crate::core::catalogue::Catalogue,
    as_of: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let mut said = String::new();
    if let Some(age) = catalogue.receipt().age(as_of) {
        said.push_str(&report::data_age_line(&age, lang));
        said.push('\n');
        let ask = report::ask_each_contact(&FLAGS, lang);
        if let Some(stale) = report::stale_line(&age, lang, &ask) {
            said.push_str(&report::layout::plain(&stale));
            said.push('\n');
        }
    }
    said
}

/// `--report DIR`: a report per row, written into a directory made beside
/// `dir` and put in its place once the run completes (`dir` must be new or
/// empty); a run that fails leaves nothing.
fn reports(
    dir: &Path,
    font: crate::report::pdf::PdfFont,
    checker: &Checker<'_>,
    input: Box<dyn Read + Send>,
    options: &Options,
) -> Result<batch::Summary, CliError> {
    let cannot = |reason: String| CliError::CannotWrite {
        path: dir.to_path_buf(),
        reason: Some(reason),
    };
    let empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => true,
        Err(e) => return Err(cannot(i18n::io_reason(options.lang, &e))),
    };
    if !empty {
        return Err(CliError::ReportDirNotEmpty(dir.to_path_buf()));
    }
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".subsidy-")
        .tempdir_in(parent)
        .map_err(|e| cannot(i18n::io_reason(options.lang, &e)))?;
    let summary = batch::run_to_reports(checker, input, temp.path(), font, options, |_| {})
        .map_err(CliError::Batch)?;
    let made = temp.keep();
    // An empty directory in the way is replaced; `rename` does so on Unix.
    if dir.exists() {
        let _ = std::fs::remove_dir(dir);
    }
    std::fs::rename(&made, dir).map_err(|e| {
        let _ = std::fs::remove_dir_all(&made);
        cannot(i18n::io_reason(options.lang, &e))
    })?;
    Ok(summary)
}

pub(super) fn unreadable(path: &Path, e: &io::Error) -> CliError {
    CliError::CannotRead {
        path: path.to_path_buf(),
        reason: io::Error::new(e.kind(), e.to_string()),
    }
}

/// Where a batch writes: standard output, or a file written whole or not at all.
pub(super) enum Output {
    Stdout,
    /// A regular file (new or existing): written to a temporary file in the
    /// same directory, renamed over `target` when the run completes, and
    /// deleted (the old file untouched) when it does not.
    Replace {
        temp: NamedTempFile,
        /// The file replaced: the path given, its symlinks followed.
        target: PathBuf,
        /// The path as the user gave it, for messages.
        given: PathBuf,
    },
    /// Not a regular file (`/dev/null`, a pipe): written to directly, as
    /// nothing there can be replaced by renaming.
    Direct(File),
}

impl Output {
    /// Refuses an output that is the input (also through a symlink or a
    /// hard link), then opens a temporary file beside the target. Nothing
    /// is opened for writing before the check.
    pub(super) fn open(path: &Path, input: Option<&Path>) -> Result<Output, CliError> {
        let cannot = |e: &dyn std::fmt::Display| CliError::CannotWrite {
            path: path.to_path_buf(),
            reason: Some(e.to_string()),
        };
        if let Some(input) = input
            && same_file::is_same_file(input, path).unwrap_or(false)
        {
            return Err(CliError::OutputIsInput {
                path: path.to_path_buf(),
                example: beside(path),
            });
        }
        // Follows symlinks: a link to a file has that file replaced, not the link.
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(CliError::CannotWrite {
                    path: path.to_path_buf(),
                    reason: None,
                });
            }
            Ok(meta) if !meta.is_file() => {
                return File::create(path)
                    .map(Output::Direct)
                    .map_err(|e| cannot(&e));
            }
            _ => {}
        }
        let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let existing = fs::metadata(&target).ok();
        if existing.is_some() {
            // A file the user may not write (read-only) stays refused, as
            // File::create refused it; appending to check changes nothing.
            fs::OpenOptions::new()
                .append(true)
                .open(&target)
                .map_err(|e| cannot(&e))?;
        }
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".subsidy-").suffix(".tmp");
        // Created as File::create would (0666 less the umask), not 0600.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder.tempfile_in(dir).map_err(|e| {
            // tempfile's message ends with the temporary path; the user knows only theirs.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at path ")
                .map_or(&*message, |(m, _)| m);
            cannot(&message)
        })?;
        if let Some(meta) = existing {
            // A replaced file keeps its mode.
            temp.as_file()
                .set_permissions(meta.permissions())
                .map_err(|e| cannot(&e))?;
        }
        Ok(Output::Replace {
            temp,
            target,
            given: path.to_path_buf(),
        })
    }

    /// The file to write a workbook into (it must seek); `None` for standard output.
    pub(super) fn seekable(&mut self) -> Option<&mut File> {
        match self {
            Output::Stdout => None,
            Output::Replace { temp, .. } => Some(temp.as_file_mut()),
            Output::Direct(file) => Some(file),
        }
    }

    /// Where temporary files of the output go: beside it.
    fn directory(&self) -> PathBuf {
        match self {
            Output::Replace { target, .. } => target
                .parent()
                .filter(|dir| !dir.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            _ => std::env::temp_dir(),
        }
    }

    fn writer(&mut self) -> Box<dyn Write + '_> {
        match self {
            Output::Stdout => Box::new(io::stdout().lock()),
            Output::Replace { temp, .. } => Box::new(temp.as_file_mut()),
            Output::Direct(file) => Box::new(file),
        }
    }

    /// Puts the finished output in place (the run has flushed it).
    pub(super) fn finish(self) -> Result<(), CliError> {
        if let Output::Replace {
            temp,
            target,
            given,
        } = self
        {
            temp.persist(&target).map_err(|e| CliError::CannotWrite {
                path: given,
                reason: Some(e.error.to_string()),
            })?;
        }
        Ok(())
    }
}

/// An input read as a workbook: .xlsx and .xlsm, and the spreadsheet files
/// the reader refuses with advice (.xls, .xlsb, .ods).
pub(super) fn is_workbook(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"]
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

pub(super) fn open_workbook(
    path: &Path,
    sheet: Option<&str>,
    lang: Lang,
) -> Result<batch::XlsxInput, CliError> {
    use batch::XlsxInError;
    batch::XlsxInput::open(path, sheet).map_err(|e| match e {
        XlsxInError::NoSheet { wanted, present } => CliError::NoSheet {
            path: path.to_path_buf(),
            sheet: wanted,
            present,
        },
        other => CliError::XlsxInput {
            path: path.to_path_buf(),
            reason: other.message(lang),
        },
    })
}

/// The lines of a file (an upper bound of its rows: LF, CRLF or CR line
/// ends), counted only when it may be past an Excel sheet's rows. UTF-16
/// text is not counted (its bytes are not lines); its rows are checked as
/// they are written.
fn count_lines(path: &Path) -> Result<Option<u64>, CliError> {
    let size = fs::metadata(path).map_err(|e| unreadable(path, &e))?.len();
    // A row takes at least two bytes (a cell and its line end).
    if size / 2 <= batch::EXCEL_ROWS {
        return Ok(None);
    }
    let mut file = File::open(path).map_err(|e| unreadable(path, &e))?;
    let mut buffer = vec![0; 1 << 16];
    let (mut lf, mut cr) = (0u64, 0u64);
    let mut last = b'\n';
    let mut first = true;
    loop {
        let n = file.read(&mut buffer).map_err(|e| unreadable(path, &e))?;
        if n == 0 {
            break;
        }
        if first && (buffer[..n].starts_with(b"\xFF\xFE") || buffer[..n].starts_with(b"\xFE\xFF")) {
            return Ok(None);
        }
        first = false;
        lf += memchr::memchr_iter(b'\n', &buffer[..n]).count() as u64;
        cr += memchr::memchr_iter(b'\r', &buffer[..n]).count() as u64;
        last = buffer[n - 1];
    }
    // The header is a row of the sheet too; a last line may lack its end.
    let ends = lf.max(cr);
    Ok(Some(ends + u64::from(last != b'\n' && last != b'\r')))
}

/// The command as typed (the program by its name, not its path), for the
/// workbook's 情報 sheet.
fn command_line() -> String {
    std::iter::once("subsidy".to_string())
        .chain(std::env::args().skip(1))
        .map(|arg| {
            if arg.is_empty() || arg.contains([' ', '"', '\'']) {
                format!("'{}'", arg.replace('\'', "'\\''"))
            } else {
                arg
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `data/f.csv` → `data/f-estimates.csv`: an output path beside `path`.
fn beside(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(
        || "batch".into(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let name = match path.extension() {
        Some(ext) => format!("{stem}-estimates.{}", ext.to_string_lossy()),
        None => format!("{stem}-estimates"),
    };
    path.with_file_name(name)
}
