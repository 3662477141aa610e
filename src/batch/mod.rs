//! `subsidy batch`: estimates for many facilities from CSV, JSONL or an
//! Excel workbook (read as CSV text), written as CSV, JSONL or a workbook, streamed,
//! in input order, with nothing lost: a bad row becomes an output row that
//! carries its error.
//!
//! [`run`] is the library entry point; the CLI only opens the files. Rows are
//! read into chunks on one thread, each chunk is estimated and turned into
//! output rows (bytes, or typed cells for a workbook) on one of a thread per
//! core, and chunks are written in input order. What is in flight (rows
//! read, output not yet written) is bounded in bytes by a [`MEMORY_BUDGET`],
//! whatever the rows' width; the chunk to be written next always goes on,
//! so no stage waits on one that waits on it, and a stage that fails stops
//! the others with an error.
//!
//! The modules, in the order a row goes through them: `options` and the
//! `layout` of the header; `pipeline` (the stages, with the `budget`);
//! `read` (CSV, JSONL, an xlsx sheet as CSV text); `worker` (a row read
//! into a request through [`crate::input::fields`], estimated, and its
//! `columns`); `write` (CSV, JSONL, xlsx); `error` and `excel`'s limits.
//! `clients` reads a list the same way for `subsidy diff --clients`.

mod budget;
mod clients;
mod columns;
mod error;
mod excel;
mod layout;
mod options;
mod pipeline;
mod read;
mod worker;
mod write;

use std::io::{Read, Write};

use crate::input::request::Checker;
pub use clients::{ClientsDiff, diff_clients, write_clients_xlsx};
use columns::Res;
pub use error::BatchError;
pub use excel::EXCEL_ROWS;
use layout::Layout;
pub use options::{Encoding, Format, Options, Shape};
pub use pipeline::MEMORY_BUDGET;
use pipeline::run_into;
pub use read::MAX_ROW_BYTES;
pub use read::xlsx::{FormulasWithoutResult, XlsxInError, XlsxInput};
pub use write::About;
use write::{ByteSink, IcsSink, XlsxSink};

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input data rows (not the header).
    pub read: u64,
    /// Output rows (one per result; one per failed row).
    pub written: u64,
    /// Input rows that carried an error.
    pub failed: u64,
    /// Rows whose cells are all empty (Excel leaves them): skipped, not errors.
    pub blank: u64,
}

/// The result columns appended to every output row of the long shape, in
/// English (`--lang en`; Japanese names in Japanese; a test keeps them the
/// message tables' names). A result column whose name the input already has
/// is written as `result:NAME` (`結果:NAME`).
pub const RESULT_COLUMNS: [&str; 21] = [
    "row",
    "program",
    "program_name",
    "variant",
    "variant_name",
    "tier_id",
    "tier",
    "one_of",
    "eligibility",
    "cost_used",
    "grant",
    "recommended",
    "self_burden",
    "status",
    "deadline",
    "to_confirm",
    "note",
    "error",
    "as_of",
    "data_version",
    "extension",
];

/// The column that JSONL input written as CSV gets for the keys not among
/// the first object's (as a JSON object), or a line that is not an object.
pub const EXTRA_COLUMN: &str = "input_extra";

/// Runs a batch: reads `input`, writes CSV or JSONL to `output`, and calls
/// `progress` with the rows read so far as chunks are written.
pub fn run<R: Read + Send, W: Write>(
    checker: &Checker<'_>,
    input: R,
    output: W,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut sink = ByteSink::new(output, options, checker.catalogue());
    run_into(checker, input, &mut sink, options, progress)
}

/// [`run`], writing one calendar for the whole list (iCalendar): an event
/// per program and day ahead (its deadlines and the milestones its sources
/// state), naming the facilities it concerns ([`write`]'s `ics`). Written
/// into `output` at the end, whole, or not at all. The summary's `written`
/// counts the calendar's events. A calendar has no shape and shows only
/// what can still be applied for: `options.shape` and `options.all` do not
/// matter.
pub fn run_to_ics<R: Read + Send, W: Write>(
    checker: &Checker<'_>,
    input: R,
    output: W,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    if options.shift_jis {
        return Err(BatchError::ShiftJisNotCsv);
    }
    // The long shape's results, one per program, variant and tier.
    let options = Options {
        format: Some(Format::Csv),
        shape: Shape::Long,
        all: false,
        ..options.clone()
    };
    let mut sink = IcsSink::new(output, checker.catalogue(), options.lang, options.as_of);
    let summary = run_into(checker, input, &mut sink, &options, progress)?;
    Ok(Summary {
        written: sink.written(),
        ..summary
    })
}

/// [`run`], writing one printed report per input row (a one-page PDF,
/// `report::printed` set by `report::pdf` in `font`) into `dir`, named by
/// the row and the facility, and `index.csv` listing them (each row's file
/// and recommended total, or its error). `dir` should be made for the run:
/// the front end puts it in place once the run completes. The summary's
/// `written` counts the reports.
pub fn run_to_reports<R: Read + Send>(
    checker: &Checker<'_>,
    input: R,
    dir: &std::path::Path,
    font: crate::report::pdf::PdfFont,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let options = Options {
        format: Some(Format::Csv),
        shape: Shape::Long,
        ..options.clone()
    };
    let setting = write::ReportSetting {
        font,
        receipt: checker.catalogue().receipt().clone(),
        as_of: options.as_of,
        lang: options.lang,
    };
    let mut sink = write::ReportSink::new(dir.to_path_buf(), setting);
    let summary = run_into(checker, input, &mut sink, &options, progress)?;
    Ok(Summary {
        written: sink.written(),
        ..summary
    })
}

/// [`run`], writing an Excel workbook into `output` (its rows kept in a
/// temporary file in `tempdir` until it is saved).
pub fn run_to_xlsx<R: Read + Send, W: Write + std::io::Seek + Send>(
    checker: &Checker<'_>,
    input: R,
    output: W,
    tempdir: &std::path::Path,
    about: About,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    // A workbook is UTF-8 inside: Shift_JIS is for CSV.
    if options.shift_jis {
        return Err(BatchError::ShiftJisNotCsv);
    }
    // A sheet has CSV's columns (a JSONL input's keys, and the keys past
    // them in one column); its cells are typed, so no text is guarded.
    let options = Options {
        format: Some(Format::Csv),
        ..options.clone()
    };
    let mut sink = XlsxSink::new(
        output,
        tempdir,
        checker.catalogue(),
        about,
        options.lang,
        options.as_of,
    )?;
    run_into(checker, input, &mut sink, &options, progress)
}
