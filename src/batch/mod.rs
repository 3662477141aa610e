//! `subsidy batch`: estimates for many facilities from CSV, JSONL or an
//! Excel workbook (read as CSV text), written as CSV, JSONL or a workbook, streamed,
//! in input order, with nothing lost: a bad row becomes an output row that
//! carries its error.
//!
//! [`run`] is the library entry point; the CLI only opens the files. Rows are
//! read into chunks on one thread, each chunk is estimated and turned into
//! output bytes on one of a thread per core, and chunks are written in input
//! order. What is in flight (rows read, output not yet written) is bounded
//! in bytes by a [`MEMORY_BUDGET`], whatever the rows' width; the chunk to
//! be written next always goes on, so no stage waits on one that waits on
//! it, and a stage that fails stops the others with an error.

mod read;
mod row;
mod write;
mod xlsx_in;
mod xlsx_out;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use chrono::NaiveDate;

use crate::Lang;
use crate::core::estimate::{Estimate, Headline, LeftOut};
use crate::i18n::Key;
use crate::input::fields::{self, Column, RowError};
use crate::input::request::{Checker, Request};
use crate::input::text::shown;
pub use read::MAX_ROW_BYTES;
use read::{Columns, Rows, Source};
use row::{Outcome, request_of};
use write::Chunk;
pub use xlsx_in::{FormulasWithoutResult, XlsxInError, XlsxInput};
pub use xlsx_out::{About, EXCEL_ROWS};

/// How input bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM) if the start of the input is UTF-8, else Shift_JIS (CP932).
    Auto,
    Utf8,
    ShiftJis,
}

/// CSV with a header row, or one JSON object per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub as_of: NaiveDate,
    /// Output format; `None` writes what was read.
    pub format: Option<Format>,
    pub encoding: Encoding,
    /// Write a UTF-8 BOM first (CSV), so Japanese Excel opens the file right.
    pub bom: bool,
    /// Turn off the CSV-injection guard.
    pub raw: bool,
    /// The CSV input's delimiter; `None`: a comma, or a tab for UTF-16
    /// input (Excel's "Unicode テキスト").
    pub delimiter: Option<u8>,
    /// The language of headers, labels, names and messages (JSONL keeps codes).
    pub lang: Lang,
    pub shape: Shape,
    /// Also what cannot be applied for on the as-of date, as `calc --all`.
    pub all: bool,
    /// CSV output in Shift_JIS (CP932), lines ending with CRLF: 〜 ‖ − ¢ £ ¬
    /// are written as CP932's bytes for them (what Excel shows as the same
    /// glyph); a character it cannot hold is written as 〓 and reported in
    /// its row's error.
    pub shift_jis: bool,
    /// An .xlsx input's formula cells without a saved result
    /// ([`XlsxInput::formulas_without_result`]): each makes its row an error
    /// naming the cell.
    pub formulas_without_result: Option<FormulasWithoutResult>,
}

impl Options {
    /// The defaults of `subsidy batch` on `as_of`: the input's format,
    /// encoding detected, no BOM, guarded, Japanese, long shape.
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            as_of,
            format: None,
            encoding: Encoding::Auto,
            bom: false,
            raw: false,
            delimiter: None,
            lang: Lang::Ja,
            shape: Shape::Long,
            all: false,
            shift_jis: false,
            formulas_without_result: None,
        }
    }
}

/// What an output row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// One row per result: facility, program and tier.
    #[default]
    Long,
    /// One row per input row: a grant column per program, the largest grant,
    /// the nearest deadline and what to confirm.
    Summary,
}

/// A result column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Res {
    Row,
    Program,
    ProgramName,
    Variant,
    VariantName,
    TierId,
    Tier,
    Eligibility,
    /// The cost the row was estimated with, as read from its cost cell.
    CostUsed,
    Grant,
    SelfBurden,
    Status,
    Deadline,
    ToConfirm,
    Note,
    Error,
    AsOf,
    DataVersion,
    /// Summary shape: the grant of the program column `n`.
    ProgramGrant(usize),
    BestProgram,
    BestName,
    BestGrant,
    NearestDeadline,
    DaysLeft,
}

/// What a result column holds, for a spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Yen,
    Date,
    Number,
}

impl Res {
    /// The long shape's columns.
    const LONG: [Res; 18] = [
        Res::Row,
        Res::Program,
        Res::ProgramName,
        Res::Variant,
        Res::VariantName,
        Res::TierId,
        Res::Tier,
        Res::Eligibility,
        Res::CostUsed,
        Res::Grant,
        Res::SelfBurden,
        Res::Status,
        Res::Deadline,
        Res::ToConfirm,
        Res::Note,
        Res::Error,
        Res::AsOf,
        Res::DataVersion,
    ];

    pub(crate) fn kind(self) -> Kind {
        match self {
            Res::CostUsed
            | Res::Grant
            | Res::SelfBurden
            | Res::ProgramGrant(_)
            | Res::BestGrant => Kind::Yen,
            Res::Deadline | Res::AsOf | Res::NearestDeadline => Kind::Date,
            Res::Row | Res::DaysLeft => Kind::Number,
            _ => Kind::Text,
        }
    }

    /// The column's name in `lang`; a program's grant column is named by
    /// its program instead (empty here).
    fn name(self, lang: Lang) -> &'static str {
        self.key()
            .map_or("", |key| crate::i18n::template(lang, key))
    }

    fn key(self) -> Option<Key> {
        Some(match self {
            Res::Row => Key::BatchColRow,
            Res::Program => Key::BatchColProgram,
            Res::ProgramName => Key::BatchColProgramName,
            Res::Variant => Key::BatchColVariant,
            Res::VariantName => Key::BatchColVariantName,
            Res::TierId => Key::BatchColTierId,
            Res::Tier => Key::BatchColTier,
            Res::Eligibility => Key::BatchColEligibility,
            Res::CostUsed => Key::BatchColCostUsed,
            Res::Grant => Key::BatchColGrant,
            Res::SelfBurden => Key::BatchColSelfBurden,
            Res::Status => Key::BatchColStatus,
            Res::Deadline => Key::BatchColDeadline,
            Res::ToConfirm => Key::BatchColToConfirm,
            Res::Note => Key::BatchColNote,
            Res::Error => Key::BatchColError,
            Res::AsOf => Key::BatchColAsOf,
            Res::DataVersion => Key::BatchColDataVersion,
            Res::ProgramGrant(_) => return None,
            Res::BestProgram => Key::BatchColBestProgram,
            Res::BestName => Key::BatchColBestName,
            Res::BestGrant => Key::BatchColBestGrant,
            Res::NearestDeadline => Key::BatchColNearestDeadline,
            Res::DaysLeft => Key::BatchColDaysLeft,
        })
    }
}

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

/// What stops a whole run (exit status 2); a bad row never does.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("reading input: {0}")]
    Read(io::Error),
    #[error("writing output: {0}")]
    Write(io::Error),
    #[error("the input has no header row")]
    NoHeader,
    #[error("the header (line 1) cannot be decoded as {0}")]
    HeaderEncoding(&'static str),
    #[error("the header is longer than {0} MB")]
    HeaderTooLarge(usize),
    #[error("the header (line {0}) opens a quoted cell that is never closed")]
    OpenQuote(u64),
    #[error("the header repeats the column '{0}'")]
    DuplicateColumn(String),
    #[error("the header's columns '{0}' and '{1}' are the same column; keep one")]
    SameMeaning(String, String),
    #[error(
        "the header's column '{0}' is not one the tool reads; did you mean '{1}'? Rename it, or the rows are estimated without it"
    )]
    NearMiss(String, &'static str),
    /// A money column in thousands (or more) of yen: `経費（千円）`.
    #[error("the column '{column}' is in {unit}, but amounts are read in yen")]
    ScaledUnit {
        column: String,
        unit: String,
        /// The column it names, in English (`cost`).
        name: String,
    },
    /// The header lacks a column every row needs.
    #[error("the header has no '{column}' column")]
    MissingColumn {
        column: &'static str,
        alias: &'static str,
        near: Option<String>,
    },
    /// xlsx output: more rows than an Excel sheet holds.
    #[error("the output has {0} rows, more than an Excel sheet holds")]
    TooManyRowsForXlsx(u64),
    #[error("row {row} holds a cell of {chars} characters, more than an Excel cell holds")]
    CellTooLongForXlsx { row: u64, chars: usize },
    #[error("{0} columns are more than an Excel sheet holds")]
    TooManyColumnsForXlsx(usize),
    /// `--output-encoding shift_jis` where the output is not CSV.
    #[error("--output-encoding shift_jis is for CSV output only")]
    ShiftJisNotCsv,
    /// The input is a zip file (an .xlsx) read as text.
    #[error("the input is an Excel workbook; give its path")]
    WorkbookAsText,
    /// Shift_JIS output: a header name it cannot hold.
    #[error("the header's column '{0}' holds characters Shift_JIS cannot hold")]
    HeaderNotShiftJis(String),
    /// A stage of the run failed unexpectedly (a bug): the run stops.
    #[error("internal error at line {line}: {message}; the output is incomplete")]
    Internal { line: u64, message: String },
}

impl BatchError {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::i18n::{io_reason, text};
        match self {
            BatchError::Read(e) => text(lang, Key::BatchRead, &[("reason", &io_reason(lang, e))]),
            BatchError::Write(e) => text(lang, Key::BatchWrite, &[("reason", &io_reason(lang, e))]),
            BatchError::NoHeader => text(lang, Key::BatchNoHeader, &[]),
            BatchError::HeaderEncoding(encoding) => {
                text(lang, Key::BatchHeaderEncoding, &[("encoding", encoding)])
            }
            BatchError::HeaderTooLarge(mb) => text(lang, Key::BatchHeaderTooLarge, &[("mb", mb)]),
            BatchError::OpenQuote(line) => text(lang, Key::BatchOpenQuote, &[("line", line)]),
            BatchError::DuplicateColumn(column) => {
                text(lang, Key::BatchDuplicateColumn, &[("column", column)])
            }
            BatchError::SameMeaning(first, second) => text(
                lang,
                Key::BatchSameMeaning,
                &[("first", first), ("second", second)],
            ),
            BatchError::NearMiss(column, near) => text(
                lang,
                Key::BatchNearMiss,
                &[("column", column), ("near", near)],
            ),
            BatchError::ScaledUnit { column, unit, name } => {
                fields::scaled_unit_message(lang, column, unit, name)
            }
            BatchError::MissingColumn {
                column,
                alias,
                near: Some(near),
            } => text(
                lang,
                Key::BatchMissingColumnNear,
                &[("column", column), ("alias", alias), ("near", near)],
            ),
            BatchError::MissingColumn {
                column,
                alias,
                near: None,
            } => text(
                lang,
                Key::BatchMissingColumn,
                &[("column", column), ("alias", alias)],
            ),
            BatchError::TooManyRowsForXlsx(rows) => text(
                lang,
                Key::BatchTooManyRowsForXlsx,
                &[
                    (
                        "limit",
                        &crate::core::money::group_thousands(u128::from(xlsx_out::EXCEL_ROWS)),
                    ),
                    (
                        "rows",
                        &crate::core::money::group_thousands(u128::from(*rows)),
                    ),
                    ("csv", &"estimates.csv"),
                ],
            ),
            BatchError::CellTooLongForXlsx { row, chars } => text(
                lang,
                Key::BatchCellTooLongForXlsx,
                &[("row", row), ("chars", chars)],
            ),
            BatchError::TooManyColumnsForXlsx(columns) => text(
                lang,
                Key::BatchTooManyColumnsForXlsx,
                &[("columns", columns)],
            ),
            BatchError::WorkbookAsText => text(lang, Key::BatchWorkbookOnStdin, &[]),
            BatchError::ShiftJisNotCsv => text(lang, Key::BatchJsonlIsUtf8, &[]),
            BatchError::HeaderNotShiftJis(column) => {
                text(lang, Key::BatchHeaderNotShiftJis, &[("column", column)])
            }
            BatchError::Internal { line, message } => text(
                lang,
                Key::BatchInternal,
                &[("line", line), ("message", message)],
            ),
        }
    }
}

/// The result columns appended to every output row of the long shape, in
/// English (`--lang en`; Japanese names in Japanese; a test keeps them the
/// message tables' names). A result column whose name the input already has
/// is written as `result:NAME` (`結果:NAME`).
pub const RESULT_COLUMNS: [&str; 18] = [
    "row",
    "program",
    "program_name",
    "variant",
    "variant_name",
    "tier_id",
    "tier",
    "eligibility",
    "cost_used",
    "grant",
    "self_burden",
    "status",
    "deadline",
    "to_confirm",
    "note",
    "error",
    "as_of",
    "data_version",
];

/// The column that JSONL input written as CSV gets for the keys not among
/// the first object's (as a JSON object), or a line that is not an object.
pub const EXTRA_COLUMN: &str = "input_extra";

/// Bytes looked at to choose the encoding.
const SAMPLE_BYTES: usize = 1 << 16;
/// The most rows estimated together on one thread.
pub(crate) const CHUNK_ROWS: usize = 1024;
/// A chunk is closed once it holds this much input text.
const CHUNK_TEXT_BYTES: usize = 1 << 20;
/// The most chunks read but not yet written (keeps memory low for the
/// common small rows; the byte budget bounds it for any row).
const CHUNKS_IN_FLIGHT: usize = 16;
/// A worker hands its output to the writer in pieces of about this size.
const PIECE_BYTES: usize = 1 << 20;
/// Bytes of input rows and output pieces held at once, outside the one
/// chunk being written next (which always goes on, so the run never stalls).
/// With a row at most [`read::MAX_ROW_BYTES`] and a piece at most
/// [`PIECE_BYTES`] plus one result, the whole run stays under 256 MB.
pub const MEMORY_BUDGET: usize = 96 << 20;

/// One piece of a chunk's output.
struct Piece {
    chunk: u64,
    bytes: Vec<u8>,
    /// The chunk's counts, on its last piece.
    last: Option<Summary>,
}

/// Where a run's rows go: bytes (CSV, JSONL) or a workbook.
trait Sink {
    /// Before any row: the header.
    fn begin(&mut self, layout: &Layout, header: &[u8]) -> Result<(), BatchError>;
    /// Whole rows, in input order.
    fn rows(&mut self, bytes: &[u8]) -> Result<(), BatchError>;
    /// After the last row.
    fn end(&mut self) -> Result<(), BatchError>;
}

/// CSV or JSONL bytes into a writer; a UTF-8 BOM first on request, for
/// CSV only (JSONL never has one).
struct Bytes<W: Write> {
    out: W,
    bom: bool,
}

impl<W: Write> Sink for Bytes<W> {
    fn begin(&mut self, layout: &Layout, header: &[u8]) -> Result<(), BatchError> {
        if self.bom && layout.output_format == Format::Csv {
            self.out
                .write_all(b"\xEF\xBB\xBF")
                .map_err(BatchError::Write)?;
        }
        self.out.write_all(header).map_err(BatchError::Write)
    }

    fn rows(&mut self, bytes: &[u8]) -> Result<(), BatchError> {
        self.out.write_all(bytes).map_err(BatchError::Write)
    }

    fn end(&mut self) -> Result<(), BatchError> {
        self.out.flush().map_err(BatchError::Write)
    }
}

impl<W: Write + std::io::Seek + Send> Sink for xlsx_out::XlsxSink<'_, W> {
    fn begin(&mut self, layout: &Layout, _header: &[u8]) -> Result<(), BatchError> {
        xlsx_out::XlsxSink::begin(self, layout)
    }

    fn rows(&mut self, bytes: &[u8]) -> Result<(), BatchError> {
        xlsx_out::XlsxSink::rows(self, bytes)
    }

    fn end(&mut self) -> Result<(), BatchError> {
        xlsx_out::XlsxSink::end(self)
    }
}

/// Runs a batch: reads `input`, writes CSV or JSONL to `output`, and calls
/// `progress` with the rows read so far as chunks are written.
pub fn run<R: Read + Send, W: Write>(
    checker: &Checker<'_>,
    input: R,
    output: W,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut sink = Bytes {
        out: output,
        // Shift_JIS output has no BOM.
        bom: options.bom && !options.shift_jis,
    };
    run_into(checker, input, &mut sink, options, progress)
}

/// [`run`], writing an Excel workbook into `output` (its rows kept in a
/// temporary file in `tempdir` until it is saved).
pub fn run_to_xlsx<R: Read + Send, W: Write + std::io::Seek + Send>(
    checker: &Checker<'_>,
    input: R,
    output: W,
    tempdir: &std::path::Path,
    about: xlsx_out::About,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    // A workbook is UTF-8 inside: Shift_JIS is for CSV.
    if options.shift_jis {
        return Err(BatchError::ShiftJisNotCsv);
    }
    let options = Options {
        format: Some(Format::Csv),
        // A workbook's cells are typed: text is never run as a formula.
        raw: true,
        bom: false,
        ..options.clone()
    };
    let mut sink = xlsx_out::XlsxSink::new(
        output,
        tempdir,
        checker.catalogue(),
        about,
        options.lang,
        options.as_of,
    )?;
    run_into(checker, input, &mut sink, &options, progress)
}

fn run_into<R: Read + Send>(
    checker: &Checker<'_>,
    input: R,
    sink: &mut impl Sink,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut input = input;
    let sample = read_sample(&mut input)?;
    // An .xlsx is a zip file: read as text it would be rows of noise.
    if sample.starts_with(b"PK\x03\x04") {
        return Err(BatchError::WorkbookAsText);
    }
    // Excel's "Unicode テキスト": UTF-16 with a BOM, tab-separated. Read as
    // UTF-8 from here on (a malformed sequence fails the run, never replaced).
    // Only when the encoding is left to the tool: `--encoding utf-8` means it.
    let utf16 = if options.encoding != Encoding::Auto {
        None
    } else if sample.starts_with(b"\xFF\xFE") {
        Some(encoding_rs::UTF_16LE)
    } else if sample.starts_with(b"\xFE\xFF") {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    if let Some(utf16) = utf16 {
        let mut input: Box<dyn Read + Send + '_> = Box::new(read::Transcoded::new(
            io::Cursor::new(sample).chain(input),
            utf16,
            options.lang,
        ));
        let sample = read_sample(&mut input)?;
        let options = Options {
            encoding: Encoding::Utf8,
            delimiter: Some(options.delimiter.unwrap_or(b'\t')),
            ..options.clone()
        };
        return run_decoded(checker, sample, input, sink, &options, progress);
    }
    run_decoded(checker, sample, input, sink, options, progress)
}

/// The first [`SAMPLE_BYTES`] of `input`, read whole (a pipe may hand over
/// less at a time): the encoding is chosen on them, then they are read
/// again as the input's start.
fn read_sample(input: &mut impl Read) -> Result<Vec<u8>, BatchError> {
    let mut sample = Vec::with_capacity(SAMPLE_BYTES);
    input
        .take(SAMPLE_BYTES as u64)
        .read_to_end(&mut sample)
        .map_err(BatchError::Read)?;
    Ok(sample)
}

/// [`run`] on input whose encoding is UTF-8, Shift_JIS or to be detected:
/// `sample` is its start, already read, and `rest` the remainder.
fn run_decoded<R: Read + Send>(
    checker: &Checker<'_>,
    sample: Vec<u8>,
    rest: R,
    sink: &mut impl Sink,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let has_bom = sample.starts_with(b"\xEF\xBB\xBF");
    let encoding = match options.encoding {
        Encoding::Auto if has_bom => Encoding::Utf8,
        Encoding::Auto => read::detect(&sample, sample.len() < SAMPLE_BYTES),
        chosen => chosen,
    };
    let skip = if has_bom && encoding == Encoding::Utf8 {
        3
    } else {
        0
    };
    let mut input = BufReader::with_capacity(1 << 16, io::Cursor::new(sample).chain(rest));
    input.fill_buf().map_err(BatchError::Read)?;
    input.consume(skip);
    let first = input.fill_buf().map_err(BatchError::Read)?;
    let input_format = match first.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(_) => Format::Csv,
        None => return Err(BatchError::NoHeader),
    };
    let format = options.format.unwrap_or(input_format);
    // JSONL (the output format a JSONL input gets by default) is UTF-8.
    if options.shift_jis && format != Format::Csv {
        return Err(BatchError::ShiftJisNotCsv);
    }
    let (mut source, names) = match input_format {
        Format::Csv => Source::csv(
            input,
            encoding,
            options.delimiter.unwrap_or(b','),
            options.lang,
            options.formulas_without_result.clone(),
        )?,
        Format::Jsonl => Source::jsonl(input, encoding, options.lang)?,
    };
    let layout = Layout::new(names, input_format, format, options, checker.catalogue())?;

    let mut header = write::header(&layout, options.raw);
    if options.shift_jis {
        header = write::shift_jis_header(&header, &layout)?;
    }
    sink.begin(&layout, &header)?;

    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let budget = Budget::new(MEMORY_BUDGET, CHUNKS_IN_FLIGHT);
    let (chunk_tx, chunk_rx) = sync_channel::<(u64, Rows)>(CHUNKS_IN_FLIGHT);
    // Unbounded: what it holds is counted by the budget.
    let (piece_tx, piece_rx) = channel::<Result<Piece, BatchError>>();
    let chunk_rx = Mutex::new(chunk_rx);

    let summary = std::thread::scope(|scope| -> Result<Summary, BatchError> {
        let (budget, layout) = (&budget, &layout);
        let reader = scope.spawn(move || {
            let read = read_chunks(&mut source, layout, budget, &chunk_tx);
            if read.is_err() {
                budget.cancel();
            }
            read
        });
        for _ in 0..workers {
            let piece_tx = piece_tx.clone();
            let chunk_rx = &chunk_rx;
            scope.spawn(move || {
                let mut worker = Worker::new(checker, options, layout, budget, &piece_tx);
                worker.run(chunk_rx);
            });
        }
        drop(piece_tx);
        let written = write_in_order(&piece_rx, budget, sink, &mut progress);
        // Stop the other threads: the reader and the workers see the budget
        // cancelled or their channels closed.
        budget.cancel();
        drop(piece_rx);
        let read = reader.join().unwrap_or_else(|panic| {
            Err(BatchError::Internal {
                line: 0,
                message: panic_message(&*panic),
            })
        });
        // A reading error explains a short output better than the writer's view.
        read?;
        written
    })?;
    sink.end()?;
    Ok(summary)
}

/// The reasons a result is left out, in the order notes count them.
const LEFT_OUT: [LeftOut; 5] = [
    LeftOut::OtherPrefecture,
    LeftOut::Ineligible,
    LeftOut::NoTier,
    LeftOut::Closed,
    LeftOut::PeriodUnknown,
];

/// How many results are left out for each reason of [`LEFT_OUT`].
type LeftOutCounts = [u32; LEFT_OUT.len()];

fn left_out_counts(estimates: &[Estimate<'_>]) -> LeftOutCounts {
    let mut counts = [0; LEFT_OUT.len()];
    for why in estimates.iter().filter_map(Estimate::left_out) {
        if let Some(at) = LEFT_OUT.iter().position(|w| *w == why) {
            counts[at] += 1;
        }
    }
    counts
}

/// `この日に申請できる制度はありません（締切済 28、対象外 1）`: why a row has
/// nothing to apply for, counted by reason.
fn nothing_note(counts: LeftOutCounts, lang: Lang) -> String {
    let reasons: Vec<String> = LEFT_OUT
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|(why, count)| {
            crate::i18n::text(
                lang,
                Key::BatchLeftOutCount,
                &[("why", &why.label(lang)), ("count", &count)],
            )
        })
        .collect();
    let separator = crate::i18n::template(lang, Key::BatchListSeparator);
    crate::i18n::text(
        lang,
        Key::BatchNothing,
        &[("reasons", &reasons.join(separator))],
    )
}

thread_local! {
    /// Set while a panic on this thread is caught and reported as an error.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic without the panic hook printing it: the run
/// reports it as its one error line. Other panics print as before.
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(was));
    result
}

/// The error a caught panic stands for: a full disk where the message says
/// so (rust_xlsxwriter panics when its temporary file cannot be written),
/// else an internal error.
fn from_panic(panic: &(dyn std::any::Any + Send)) -> BatchError {
    let message = panic_message(panic);
    if message.contains("StorageFull") {
        BatchError::Write(io::Error::from(io::ErrorKind::StorageFull))
    } else {
        BatchError::Internal { line: 0, message }
    }
}

/// What a panic said.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a stage of the batch stopped".to_string())
}

/// The input's columns and what each means, and the output's columns.
pub(crate) struct Layout {
    /// The input's column names as written (CSV header, or the first JSONL object's keys).
    pub names: Arc<[Arc<str>]>,
    /// What each input column means, from its name.
    pub meanings: Vec<Column>,
    /// Input column index by name, for JSONL rows written as CSV (empty for CSV input).
    pub index: HashMap<Arc<str>, usize>,
    pub output_format: Format,
    /// The result columns, in order.
    pub columns: Vec<Res>,
    /// The result columns' names as written: `result:NAME` where the input has NAME.
    pub results: Vec<String>,
    /// JSONL written as CSV has a last column for what the first object's keys miss.
    pub extra: Option<String>,
    pub lang: Lang,
    pub shape: Shape,
    /// Summary shape: the programs with a grant column, by id.
    pub programs: Vec<String>,
    pub as_of: NaiveDate,
    /// The rule data's version.
    pub version: String,
}

impl Layout {
    fn new(
        names: Columns,
        input_format: Format,
        output_format: Format,
        options: &Options,
        catalogue: &crate::core::catalogue::Catalogue,
    ) -> Result<Layout, BatchError> {
        let mut meanings = Vec::with_capacity(names.len());
        let mut taken: HashMap<String, usize> = HashMap::with_capacity(names.len());
        let mut index = HashMap::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let column = Column::of(name);
            if column == Column::Other
                && let Some((english, unit)) = fields::scaled_unit(name)
            {
                return Err(BatchError::ScaledUnit {
                    column: shown(name).into_owned(),
                    unit: unit.to_string(),
                    name: english.into_owned(),
                });
            }
            if column == Column::Other
                && let Some(near) = fields::near_miss(name)
            {
                return Err(BatchError::NearMiss(shown(name).into_owned(), near));
            }
            if input_format == Format::Csv {
                // `病床数` and `beds` mean the same column.
                let key = if column == Column::Other {
                    name.trim().to_lowercase()
                } else {
                    fields::canonical(name)
                };
                if let Some(&j) = taken.get(&key) {
                    if names[j].trim() == name.trim() {
                        return Err(BatchError::DuplicateColumn(shown(name).into_owned()));
                    }
                    if column != Column::Other {
                        return Err(BatchError::SameMeaning(
                            shown(&names[j]).into_owned(),
                            shown(name).into_owned(),
                        ));
                    }
                }
                taken.entry(key).or_insert(i);
            }
            if input_format == Format::Jsonl {
                index.entry(Arc::clone(name)).or_insert(i);
            }
            meanings.push(column);
        }
        // Columns every row needs, checked before any row (CSV: a JSONL
        // line may bring its keys later).
        if input_format == Format::Csv {
            let has = |wanted: &dyn Fn(&Column) -> bool| meanings.iter().any(wanted);
            let missing = if !has(&|m| *m == Column::Facility) {
                Some(("facility", "施設区分"))
            } else if !has(&|m| matches!(m, Column::Cost | Column::Item | Column::CouponCosts)) {
                Some(("cost", "経費"))
            } else {
                None
            };
            if let Some((column, alias)) = missing {
                return Err(BatchError::MissingColumn {
                    column,
                    alias,
                    near: fields::nearest_header(column, &names).map(|n| shown(n).into_owned()),
                });
            }
        }
        let used = |candidate: &str| {
            names
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(candidate))
        };
        // `結果:備考` where the input has a 備考 column (`result:note` in English).
        let prefix = crate::i18n::template(options.lang, Key::BatchResultPrefix);
        let unique = |name: &str| {
            let mut name = name.to_string();
            while used(&name) {
                name.insert_str(0, prefix);
            }
            name
        };
        // Summary shape: a grant column for each program that can be applied
        // for on the as-of date (every program with --all), open ones first.
        let mut by_window: Vec<(
            crate::core::window::Window,
            &crate::core::catalogue::Program,
        )> = catalogue
            .programs()
            .iter()
            .map(|p| (crate::core::window::window(p, options.as_of), p))
            .filter(|(w, _)| options.all || w.can_still_apply())
            .collect();
        by_window.sort_by_key(|(w, p)| (w.rank(), w.deadline(), p.id.as_str()));
        let programs: Vec<&crate::core::catalogue::Program> =
            by_window.into_iter().map(|(_, p)| p).collect();
        let columns: Vec<Res> = match options.shape {
            Shape::Long => Res::LONG.to_vec(),
            Shape::Summary => [Res::Row, Res::CostUsed]
                .into_iter()
                .chain((0..programs.len()).map(Res::ProgramGrant))
                .chain([
                    Res::BestName,
                    Res::BestGrant,
                    Res::NearestDeadline,
                    Res::DaysLeft,
                    Res::ToConfirm,
                    Res::Note,
                    Res::Error,
                    Res::BestProgram,
                    Res::AsOf,
                    Res::DataVersion,
                ])
                .collect(),
        };
        let results = columns
            .iter()
            .map(|column| match column {
                Res::ProgramGrant(i) => unique(programs[*i].name.get(options.lang)),
                other => unique(other.name(options.lang)),
            })
            .collect();
        let extra = (input_format == Format::Jsonl && output_format == Format::Csv)
            .then(|| unique(EXTRA_COLUMN));
        Ok(Layout {
            names: names.into(),
            meanings,
            index,
            output_format,
            columns,
            results,
            extra,
            lang: options.lang,
            shape: options.shape,
            programs: programs.iter().map(|p| p.id.clone()).collect(),
            as_of: options.as_of,
            version: catalogue.receipt().version.clone(),
        })
    }
}

/// Memory in flight, counted in bytes and chunks. The chunk to be written
/// next (the head) always gets what it asks for, so the writer never waits
/// on a stage that waits on the writer; every other chunk waits while the
/// budget is spent. A cancelled budget stops every waiting stage.
struct Budget {
    state: Mutex<BudgetState>,
    changed: Condvar,
    bytes: usize,
    chunks: usize,
    spare_buffers: Mutex<Vec<Vec<u8>>>,
    spare_rows: Mutex<Vec<Rows>>,
}

struct BudgetState {
    bytes: usize,
    chunks: usize,
    head: u64,
    cancelled: bool,
}

/// The run was stopped by another stage.
struct Cancelled;

impl Budget {
    fn new(bytes: usize, chunks: usize) -> Budget {
        Budget {
            state: Mutex::new(BudgetState {
                bytes: 0,
                chunks: 0,
                head: 0,
                cancelled: false,
            }),
            changed: Condvar::new(),
            bytes,
            chunks,
            spare_buffers: Mutex::new(Vec::new()),
            spare_rows: Mutex::new(Vec::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BudgetState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes `bytes` (and a chunk's place, with `chunk_place`) for chunk `chunk`.
    fn take(&self, chunk: u64, bytes: usize, chunk_place: bool) -> Result<(), Cancelled> {
        let mut state = self.lock();
        loop {
            if state.cancelled {
                return Err(Cancelled);
            }
            let fits =
                state.bytes + bytes <= self.bytes && (!chunk_place || state.chunks < self.chunks);
            if fits || chunk == state.head {
                state.bytes += bytes;
                state.chunks += usize::from(chunk_place);
                return Ok(());
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn give_back(&self, bytes: usize) {
        let mut state = self.lock();
        state.bytes = state.bytes.saturating_sub(bytes);
        drop(state);
        self.changed.notify_all();
    }

    /// Chunk `head - 1` is written whole: its place is free, `head` is next.
    fn advance(&self, head: u64) {
        let mut state = self.lock();
        state.head = head;
        state.chunks = state.chunks.saturating_sub(1);
        drop(state);
        self.changed.notify_all();
    }

    /// A chunk's place taken for nothing (the input ended).
    fn free_place(&self) {
        let mut state = self.lock();
        state.chunks = state.chunks.saturating_sub(1);
        drop(state);
        self.changed.notify_all();
    }

    /// An output buffer: one written before, or a new one the size of a piece.
    /// Buffers go round instead of being freed on one thread and made on
    /// another, which leaves allocators holding far more than is in use.
    fn buffer(&self) -> Vec<u8> {
        self.spare(&self.spare_buffers)
            .unwrap_or_else(|| Vec::with_capacity(PIECE_BYTES + PIECE_BYTES / 4))
    }

    fn recycle_buffer(&self, mut buffer: Vec<u8>) {
        if buffer.capacity() <= 2 * PIECE_BYTES {
            buffer.clear();
            self.keep(&self.spare_buffers, buffer);
        }
    }

    /// A chunk's rows, emptied, to be filled again.
    fn spare_rows(&self) -> Option<Rows> {
        self.spare(&self.spare_rows)
    }

    fn recycle_rows(&self, mut rows: Rows) {
        rows.clear();
        self.keep(&self.spare_rows, rows);
    }

    fn spare<T>(&self, pool: &Mutex<Vec<T>>) -> Option<T> {
        pool.lock().unwrap_or_else(PoisonError::into_inner).pop()
    }

    fn keep<T>(&self, pool: &Mutex<Vec<T>>, item: T) {
        let mut pool = pool.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() < 2 * CHUNKS_IN_FLIGHT {
            pool.push(item);
        }
    }

    fn cancel(&self) {
        self.lock().cancelled = true;
        self.changed.notify_all();
    }
}

/// Reads rows into numbered chunks until the input ends or the run stops.
/// What a chunk holds is taken from the budget as it grows.
fn read_chunks<R: BufRead>(
    source: &mut Source<R>,
    layout: &Layout,
    budget: &Budget,
    chunks: &SyncSender<(u64, Rows)>,
) -> Result<(), BatchError> {
    for number in 0.. {
        let mut rows = budget
            .spare_rows()
            .unwrap_or_else(|| Rows::new(Arc::clone(&layout.names), CHUNK_ROWS));
        let mut held = rows.held();
        if budget.take(number, held, true).is_err() {
            return Ok(()); // the writer stopped
        }
        let mut more = true;
        while rows.len() < CHUNK_ROWS && rows.text_len() < CHUNK_TEXT_BYTES {
            if !source.read_into(&mut rows)? {
                more = false;
                break;
            }
            // Most rows fit the buffers as they are: the budget is asked only when they grow.
            let now = rows.held();
            if now > held {
                if budget.take(number, now - held, false).is_err() {
                    return Ok(());
                }
                held = now;
            }
        }
        if rows.is_empty() {
            // Nothing to write: the chunk's place and bytes go back at once.
            budget.give_back(held);
            budget.free_place();
        } else if chunks.send((number, rows)).is_err() {
            return Ok(());
        }
        if !more {
            break;
        }
    }
    Ok(())
}

/// Writes pieces as they come back, in their input order, giving back
/// their bytes and their chunks' places in the budget.
fn write_in_order(
    pieces: &Receiver<Result<Piece, BatchError>>,
    budget: &Budget,
    output: &mut impl Sink,
    progress: &mut impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<u64, VecDeque<Piece>> = BTreeMap::new();
    let mut next = 0;
    for piece in pieces {
        let piece = piece?;
        waiting.entry(piece.chunk).or_default().push_back(piece);
        while let Some(queue) = waiting.get_mut(&next) {
            let Some(piece) = queue.pop_front() else {
                break;
            };
            // A library that panics on a failed write (rust_xlsxwriter on a
            // full disk) ends the run with an error, as a write error would.
            match quietly(std::panic::AssertUnwindSafe(|| output.rows(&piece.bytes))) {
                Ok(written) => written?,
                Err(panic) => return Err(from_panic(&*panic)),
            }
            budget.give_back(piece.bytes.capacity());
            budget.recycle_buffer(piece.bytes);
            if let Some(chunk) = piece.last {
                summary.read += chunk.read;
                summary.written += chunk.written;
                summary.failed += chunk.failed;
                summary.blank += chunk.blank;
                progress(summary.read);
                waiting.remove(&next);
                next += 1;
                budget.advance(next);
            }
        }
    }
    if waiting.values().any(|queue| !queue.is_empty()) {
        // A stage stopped before handing over every chunk.
        return Err(BatchError::Internal {
            line: 0,
            message: "a chunk of rows was never estimated".to_string(),
        });
    }
    Ok(summary)
}

/// What one estimating thread keeps from chunk to chunk: the JSONL trace,
/// and buffers reused for every row.
struct Worker<'w, 'c> {
    checker: &'w Checker<'c>,
    options: &'w Options,
    layout: &'w Layout,
    budget: &'w Budget,
    pieces: &'w Sender<Result<Piece, BatchError>>,
    /// `as_of`, `catalogue_version`, `catalogue_sha256` for each JSONL line.
    trace: Arc<[(&'static str, serde_json::Value)]>,
    request: Request,
    estimates: Vec<Estimate<'c>>,
    to_confirm: String,
    note: String,
    /// The notes of rows with nothing to apply for, by their counts.
    notes: HashMap<LeftOutCounts, String>,
    /// Summary shape: the grant of each program column.
    grants: Vec<Option<u64>>,
}

impl<'w, 'c> Worker<'w, 'c> {
    fn new(
        checker: &'w Checker<'c>,
        options: &'w Options,
        layout: &'w Layout,
        budget: &'w Budget,
        pieces: &'w Sender<Result<Piece, BatchError>>,
    ) -> Worker<'w, 'c> {
        let receipt = checker.catalogue().receipt();
        let trace = Arc::from(vec![
            ("as_of", serde_json::Value::from(options.as_of.to_string())),
            (
                "catalogue_version",
                serde_json::Value::from(receipt.version.clone()),
            ),
            (
                "catalogue_sha256",
                serde_json::Value::from(receipt.sha256.clone()),
            ),
        ]);
        Worker {
            checker,
            options,
            layout,
            budget,
            pieces,
            trace,
            request: Request::default(),
            estimates: Vec::new(),
            to_confirm: String::new(),
            note: String::new(),
            notes: HashMap::new(),
            grants: Vec::new(),
        }
    }

    /// Estimates chunks until there are none or the run stops. A chunk that
    /// fails (a bug) stops the run with an error instead of leaving the
    /// writer waiting for it.
    fn run(&mut self, chunks: &Mutex<Receiver<(u64, Rows)>>) {
        loop {
            let next = match chunks.lock() {
                Ok(receiver) => receiver.recv(),
                Err(_) => return,
            };
            let Ok((number, rows)) = next else { return };
            let first_line = rows.iter().next().map_or(0, |row| row.line);
            let estimated = quietly(std::panic::AssertUnwindSafe(|| {
                self.estimate_chunk(number, &rows)
            }));
            self.budget.give_back(rows.held());
            self.budget.recycle_rows(rows);
            let failed = match estimated {
                Ok(Ok(())) => continue,
                Ok(Err(Cancelled)) => return,
                Err(panic) => BatchError::Internal {
                    line: first_line,
                    message: panic_message(&*panic),
                },
            };
            let _ = self.pieces.send(Err(failed));
            self.budget.cancel();
            return;
        }
    }

    /// Estimates a chunk, handing its output to the writer in pieces.
    fn estimate_chunk(&mut self, number: u64, rows: &Rows) -> Result<(), Cancelled> {
        let mut chunk = Chunk::new(
            self.budget.buffer(),
            self.options.raw,
            self.layout,
            Arc::clone(&self.trace),
        )
        .in_shift_jis(self.options.shift_jis);
        let mut summary = Summary::default();
        for row in rows.iter() {
            // `,,,` as Excel leaves below a table: skipped and counted, never an error.
            if row.problem.is_none()
                && row
                    .csv_cells()
                    .is_some_and(|mut cells| cells.all(|c| c.trim_matches([' ', '\t']).is_empty()))
            {
                summary.blank += 1;
                continue;
            }
            summary.read += 1;
            #[cfg(test)]
            tests::maybe_fail(row);
            self.estimates.clear();
            let lang = self.layout.lang;
            let estimated = match row.problem {
                Some(problem) => Err(problem.to_string()),
                None => request_of(row, self.layout, &mut self.request)
                    .and_then(|()| {
                        self.checker
                            .estimates_into(
                                &self.request,
                                self.options.as_of,
                                false,
                                &mut self.estimates,
                            )
                            .map_err(RowError::Input)
                    })
                    .map_err(|e| e.message(lang)),
            };
            let error = match estimated {
                Ok(()) if !self.estimates.is_empty() => {
                    let written = self.write_results(row, &mut chunk);
                    summary.written += written;
                    if chunk.len() >= PIECE_BYTES {
                        self.hand_over(number, chunk.take(self.budget.buffer()), None)?;
                    }
                    continue;
                }
                Ok(()) => crate::i18n::text(lang, Key::RowNoProgram, &[("line", &row.line)]),
                Err(error) if row.problem.is_some() => error,
                Err(error) => crate::i18n::text(
                    lang,
                    Key::RowError,
                    &[("line", &row.line), ("error", &error)],
                ),
            };
            chunk.write(row, &Outcome::failed(&error));
            summary.written += 1;
            summary.failed += 1;
            if chunk.len() >= PIECE_BYTES {
                self.hand_over(number, chunk.take(self.budget.buffer()), None)?;
            }
        }
        // Rows with a character Shift_JIS cannot hold are failed rows too.
        summary.failed += chunk.flagged;
        self.hand_over(number, chunk.take(Vec::new()), Some(summary))
    }

    /// Writes a row's estimates in the layout's shape: the results that can
    /// be applied for (all of them with `--all`), or one row saying there
    /// are none, so no input row is ever left out. Returns the rows written.
    fn write_results(&mut self, row: read::Row<'_>, chunk: &mut Chunk<'_>) -> u64 {
        let (lang, all) = (self.layout.lang, self.options.all);
        let cost_used = self.request.cost;
        let shown = |e: &Estimate<'_>| all || e.left_out().is_none();
        let nothing = !self.estimates.iter().any(|e| e.left_out().is_none());
        self.note.clear();
        if nothing {
            // Rows of one kind share their note: it is worded once per worker.
            let counts = left_out_counts(&self.estimates);
            if self.notes.len() > 1024 {
                self.notes.clear();
            }
            let note = self
                .notes
                .entry(counts)
                .or_insert_with(|| nothing_note(counts, lang));
            self.note.push_str(note);
        }
        match self.layout.shape {
            Shape::Long => {
                let mut written = 0;
                for estimate in self.estimates.iter().filter(|e| shown(e)) {
                    self.to_confirm.clear();
                    row::to_confirm_into(estimate, &mut self.to_confirm);
                    let mut outcome = Outcome::of(estimate, lang, &self.to_confirm);
                    outcome.cost_used = cost_used;
                    if let Some(why) = estimate.left_out() {
                        outcome.note = why.label(lang);
                    }
                    chunk.write(row, &outcome);
                    written += 1;
                }
                if written == 0 {
                    chunk.write(
                        row,
                        &Outcome {
                            note: &self.note,
                            cost_used,
                            ..Outcome::default()
                        },
                    );
                    written = 1;
                }
                written
            }
            Shape::Summary => {
                self.grants.clear();
                self.grants.resize(self.layout.programs.len(), None);
                self.to_confirm.clear();
                let mut open = Vec::new();
                for estimate in &self.estimates {
                    let grant = estimate.computation.as_ref().map(|c| c.grant);
                    let why = estimate.left_out();
                    if why.is_none() {
                        open.push((grant, estimate));
                        row::to_confirm_into(estimate, &mut self.to_confirm);
                    }
                    // --all: the grant of a closed program, or of one whose
                    // period is not stated, too, for reference.
                    let counted = why.is_none()
                        || (all && matches!(why, Some(LeftOut::Closed | LeftOut::PeriodUnknown)));
                    if let (true, Some(grant)) = (counted, grant)
                        && let Some(column) = self
                            .layout
                            .programs
                            .iter()
                            .position(|id| *id == estimate.program.id)
                    {
                        let cell = &mut self.grants[column];
                        *cell = Some(cell.map_or(grant, |g| g.max(grant)));
                    }
                }
                let (best, best_grant) = match crate::core::estimate::headline(&open) {
                    Some(Headline::Largest(grant, e)) => (Some(e), Some(grant)),
                    Some(Headline::Nearest(e)) => (Some(e), None),
                    None => (None, None),
                };
                let nearest = open.iter().filter_map(|(_, e)| e.window.deadline()).min();
                let outcome = Outcome {
                    cost_used,
                    grants: &self.grants,
                    best: best.map(|e| (e.program.id.as_str(), e.program.name.get(lang))),
                    best_grant,
                    nearest,
                    days_left: nearest.map(|d| (d - self.options.as_of).num_days()),
                    to_confirm: &self.to_confirm,
                    note: &self.note,
                    ..Outcome::default()
                };
                chunk.write(row, &outcome);
                1
            }
        }
    }

    fn hand_over(
        &self,
        chunk: u64,
        bytes: Vec<u8>,
        last: Option<Summary>,
    ) -> Result<(), Cancelled> {
        self.budget.take(chunk, bytes.capacity(), false)?;
        let piece = Piece { chunk, bytes, last };
        self.pieces.send(Ok(piece)).map_err(|_| Cancelled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row whose first cell is this makes its worker panic (tests only).
    const PANIC: &str = "__panic_for_test__";

    pub(super) fn maybe_fail(row: read::Row<'_>) {
        if row.csv_cell(0) == Some(PANIC) {
            panic!("a test asked for a failure");
        }
    }

    fn run_text(input: Vec<u8>) -> Result<(Summary, Vec<u8>), BatchError> {
        let catalogue = crate::core::catalogue::Catalogue::embedded().unwrap();
        let checker = Checker::new(&catalogue);
        let options = Options::new(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        let mut output = Vec::new();
        let summary = run(&checker, input.as_slice(), &mut output, &options, |_| {})?;
        Ok((summary, output))
    }

    /// Issue 10, defect 1: a worker that fails ends the run with an error
    /// promptly, however many chunks come after it (it used to hang).
    #[test]
    fn a_failing_worker_ends_the_run_instead_of_hanging() {
        let mut input = b"id,program,facility,cost\n".to_vec();
        input.extend_from_slice(
            format!("{PANIC},online-qual-medical-aid,clinic,60000\n").as_bytes(),
        );
        for i in 0..40 * CHUNK_ROWS {
            input.extend_from_slice(
                format!("{i},online-qual-medical-aid,clinic,60000\n").as_bytes(),
            );
        }
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done_tx.send(run_text(input));
        });
        let result = done_rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("the run hung");
        match result {
            Err(BatchError::Internal { line, message }) => {
                assert_eq!(line, 2);
                assert!(message.contains("a test asked"), "{message}");
            }
            other => panic!(
                "expected an internal error, got {:?}",
                other.map(|(s, _)| s)
            ),
        }
    }

    /// The English result columns, for library users and the fuzz oracle,
    /// are the long shape's names in the English message table.
    #[test]
    fn result_columns_are_the_english_names() {
        let names: Vec<&str> = Res::LONG.iter().map(|c| c.name(Lang::En)).collect();
        assert_eq!(names, RESULT_COLUMNS);
    }

    /// A sink that panics (rust_xlsxwriter does on a full disk) ends the
    /// run with the error it stands for, promptly: the reader and workers
    /// are stopped, not left waiting on a writer that is gone.
    #[test]
    fn a_panicking_sink_ends_the_run_with_an_error() {
        struct Full;
        impl Sink for Full {
            fn begin(&mut self, _: &Layout, _: &[u8]) -> Result<(), BatchError> {
                Ok(())
            }
            fn rows(&mut self, _: &[u8]) -> Result<(), BatchError> {
                panic!("Couldn't write to xml file: Os {{ code: 28, kind: StorageFull }}")
            }
            fn end(&mut self) -> Result<(), BatchError> {
                Ok(())
            }
        }
        let mut input = b"facility,cost\n".to_vec();
        for _ in 0..40 * CHUNK_ROWS {
            input.extend_from_slice(b"clinic,60000\n");
        }
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let catalogue = crate::core::catalogue::Catalogue::embedded().unwrap();
            let checker = Checker::new(&catalogue);
            let options = Options::new(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
            let result = run_into(&checker, input.as_slice(), &mut Full, &options, |_| {});
            let _ = done_tx.send(result.map(|_| ()));
        });
        let result = done_rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("the run hung");
        match result {
            Err(BatchError::Write(e)) => assert_eq!(e.kind(), io::ErrorKind::StorageFull),
            other => panic!("expected a write error, got {other:?}"),
        }
    }

    /// Rows far wider than a chunk's usual share still pass, in order, with
    /// the budget never above its bound by more than the head chunk.
    #[test]
    fn a_small_budget_still_finishes_in_order() {
        let budget = Budget::new(1, 1);
        // The head always gets its share; others wait until it is given back.
        assert!(budget.take(0, 10, true).is_ok());
        let waiter = std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.take(1, 10, true).is_ok());
            std::thread::sleep(std::time::Duration::from_millis(50));
            budget.give_back(10);
            budget.advance(1);
            waiting.join().unwrap()
        });
        assert!(waiter);
        let budget = Budget::new(1, 1);
        let cancelled = std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.take(5, 10, false).is_err());
            std::thread::sleep(std::time::Duration::from_millis(50));
            budget.cancel();
            waiting.join().unwrap()
        });
        assert!(cancelled, "a cancelled budget frees its waiters");
    }
}
