//! Writing batch output. Each output row is typed once, as the input row
//! and its [`Outcome`], and in the output's columns as [`Cell`]s (text,
//! yen, a count, a date …, [`cells`]); each format writes those its own
//! way: CSV ([`csv`], guarded against formula injection, in UTF-8 or
//! [`shift_jis`]) and JSONL ([`jsonl`]) as bytes, an Excel workbook
//! ([`xlsx`]) as typed cells, a calendar of the whole list ([`ics`]) as the
//! events each row concerns. No format reads another's output.
//!
//! The workers write rows in parallel, a chunk at a time, into pieces of
//! their sink's own kind ([`Sink::Piece`]: bytes, or typed cells for a
//! workbook); the sink writes the pieces in input order.

mod cells;
mod csv;
mod ics;
mod jsonl;
mod reports;
mod shift_jis;
mod xlsx;

use std::io::Write;
use std::sync::Arc;

use serde_json::Value;

use super::columns::Outcome;
use super::pipeline::PIECE_BYTES;
use super::read::Row;
use super::{BatchError, Format, Layout, Options};
use crate::core::catalogue::Catalogue;
pub(super) use cells::{Cell, Kind};
pub(super) use ics::{ClientLabel, IcsSink};
pub(super) use reports::{ReportSink, Setting as ReportSetting};
pub use xlsx::About;
pub(super) use xlsx::XlsxSink;

/// Where a run's rows go: CSV or JSONL bytes, or a workbook.
pub(super) trait Sink {
    /// What the workers make of rows for this sink, and hand it in pieces.
    type Piece: Piece;
    /// A worker's writer of rows into pieces.
    type Writer<'l>: RowWriter<Piece = Self::Piece> + Send;
    /// A writer for one worker, for output in `layout`.
    fn writer<'l>(&self, layout: &'l Layout) -> Self::Writer<'l>;
    /// Whether people read it as it is (a workbook): the rows then carry
    /// what a client reads ([`Layout::for_people`]).
    fn for_people(&self) -> bool {
        false
    }
    /// Before any row: the header.
    fn begin(&mut self, layout: &Layout) -> Result<(), BatchError>;
    /// Whole rows, in input order.
    fn rows(&mut self, piece: &Self::Piece) -> Result<(), BatchError>;
    /// After the last row.
    fn end(&mut self) -> Result<(), BatchError>;
}

/// Output rows made on a worker and handed to the sink: buffers that go
/// round (a writer fills them, the sink empties them), counted against the
/// run's memory budget.
pub(super) trait Piece: Send + Default {
    /// An empty piece with room for about [`PIECE_BYTES`].
    fn with_room() -> Self;
    /// Bytes held, as the budget counts them.
    fn held(&self) -> usize;
    /// Empties the piece to be filled again; false if it grew too large to keep.
    fn clear(&mut self) -> bool;
}

/// Writes a worker's output rows into pieces.
pub(super) trait RowWriter {
    type Piece: Piece;
    /// The writer renders each facility's whole report ([`Self::report`])
    /// instead of its result rows; rows with an error still come to
    /// [`Self::write`].
    const WHOLE_REPORT: bool = false;
    /// A facility's results as the one model has them, and the query they
    /// were made for (a writer with [`Self::WHOLE_REPORT`]).
    fn report(
        &mut self,
        row: Row<'_>,
        report: &crate::report::CalcReport<'_, '_>,
        query: &crate::core::estimate::Query,
    ) {
        let _ = (row, report, query);
    }
    /// An output row: the input row's cells and the result columns of `outcome`.
    fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>);
    /// Bytes written into the current piece: it is handed over at [`PIECE_BYTES`].
    fn len(&self) -> usize;
    /// The current piece, leaving `next` to write on into.
    fn take(&mut self, next: Self::Piece) -> Self::Piece;
    /// Input rows written since last asked that the format could not hold
    /// as they are (Shift_JIS): each carries an error, and counts as failed.
    fn take_flagged(&mut self) -> u64 {
        0
    }
}

impl Piece for Vec<u8> {
    fn with_room() -> Vec<u8> {
        Vec::with_capacity(PIECE_BYTES + PIECE_BYTES / 4)
    }

    fn held(&self) -> usize {
        self.capacity()
    }

    fn clear(&mut self) -> bool {
        Vec::clear(self);
        self.capacity() <= 2 * PIECE_BYTES
    }
}

/// CSV or JSONL bytes into a writer; a UTF-8 BOM first on request, for
/// CSV only (JSONL never has one).
pub(super) struct ByteSink<W: Write> {
    out: W,
    bom: bool,
    /// Text cells as written, not guarded against formula injection.
    raw: bool,
    /// CSV in Shift_JIS, lines ending with CRLF.
    shift_jis: bool,
    /// `as_of`, `catalogue_version`, `catalogue_sha256` for each JSONL line.
    trace: Arc<[(&'static str, Value)]>,
}

impl<W: Write> ByteSink<W> {
    /// CSV or JSONL into `out`, as `options` ask, with the rule data's
    /// version and hash on each JSONL line.
    pub fn new(out: W, options: &Options, catalogue: &Catalogue) -> ByteSink<W> {
        ByteSink {
            out,
            // Shift_JIS output has no BOM.
            bom: options.bom && !options.shift_jis,
            raw: options.raw,
            shift_jis: options.shift_jis,
            trace: jsonl::trace(catalogue, options.as_of),
        }
    }
}

impl<W: Write> Sink for ByteSink<W> {
    type Piece = Vec<u8>;
    type Writer<'l> = ByteRows<'l>;

    fn writer<'l>(&self, layout: &'l Layout) -> ByteRows<'l> {
        ByteRows::new(self.raw, layout, Arc::clone(&self.trace)).in_shift_jis(self.shift_jis)
    }

    fn begin(&mut self, layout: &Layout) -> Result<(), BatchError> {
        let mut header = csv::header(layout, self.raw);
        if self.shift_jis {
            header = shift_jis::header(&header, layout)?;
        }
        if self.bom && layout.output_format == Format::Csv {
            self.out
                .write_all(b"\xEF\xBB\xBF")
                .map_err(BatchError::Write)?;
        }
        self.out.write_all(&header).map_err(BatchError::Write)
    }

    fn rows(&mut self, bytes: &Vec<u8>) -> Result<(), BatchError> {
        self.out.write_all(bytes).map_err(BatchError::Write)
    }

    fn end(&mut self) -> Result<(), BatchError> {
        self.out.flush().map_err(BatchError::Write)
    }
}

/// A worker's output rows as CSV or JSONL bytes.
pub(super) struct ByteRows<'l> {
    format: Format,
    /// `as_of`, `catalogue_version`, `catalogue_sha256` for each JSONL line.
    trace: Arc<[(&'static str, Value)]>,
    raw: bool,
    layout: &'l Layout,
    out: Vec<u8>,
    /// Reused from row to row.
    scratch: cells::Scratch,
    dates: csv::DateTexts,
    /// CSV in Shift_JIS: each line is encoded as it is written.
    shift_jis: bool,
    /// What ends a CSV line: `\n`, or CRLF in Shift_JIS (the Windows
    /// programs that want Shift_JIS expect it).
    line_end: &'static [u8],
    /// Input rows with a character Shift_JIS cannot hold (and no other
    /// error): counted as failed rows.
    flagged: u64,
    last_flagged: u64,
}

impl<'l> ByteRows<'l> {
    fn new(raw: bool, layout: &'l Layout, trace: Arc<[(&'static str, Value)]>) -> ByteRows<'l> {
        ByteRows {
            format: layout.output_format,
            trace,
            raw,
            layout,
            out: Vec::new(),
            scratch: cells::Scratch::default(),
            dates: csv::DateTexts::default(),
            shift_jis: false,
            line_end: b"\n",
            flagged: 0,
            last_flagged: 0,
        }
    }

    /// Lines are written in Shift_JIS, ending with CRLF (CSV only).
    fn in_shift_jis(mut self, shift_jis: bool) -> ByteRows<'l> {
        self.shift_jis = shift_jis && self.format == Format::Csv;
        if self.shift_jis {
            self.line_end = b"\r\n";
        }
        self
    }
}

impl RowWriter for ByteRows<'_> {
    type Piece = Vec<u8>;

    #[inline]
    fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        match self.format {
            Format::Csv => self.write_csv(row, outcome),
            Format::Jsonl => self.write_json(row, outcome),
        }
    }

    fn len(&self) -> usize {
        self.out.len()
    }

    fn take(&mut self, next: Vec<u8>) -> Vec<u8> {
        std::mem::replace(&mut self.out, next)
    }

    fn take_flagged(&mut self) -> u64 {
        std::mem::take(&mut self.flagged)
    }
}
