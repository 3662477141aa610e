//! `subsidy batch`: estimates for many facilities from CSV or JSONL, streamed,
//! in input order, with nothing lost: a bad row becomes an output row that
//! carries its error.
//!
//! [`run`] is the library entry point; the CLI only opens the files. Rows are
//! read into chunks on one thread, each chunk is estimated and turned into
//! output bytes on one of a thread per core, and chunks are written in input
//! order. A chunk is read only with one of a fixed number of permits, given
//! back when it is written, so memory stays flat however long the input.

mod read;
mod row;
mod write;

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use crate::estimate::Estimate;
use crate::request::{Checker, Request};
use read::{Rows, Source, looks_like_utf8};
use row::{Column, Outcome, request_of};
use write::Chunk;

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
    #[error("the header repeats the column '{0}'")]
    DuplicateColumn(String),
}

/// The result columns appended to every output row.
pub const RESULT_COLUMNS: [&str; 10] = [
    "row",
    "program",
    "variant",
    "eligibility",
    "grant",
    "self_burden",
    "status",
    "deadline",
    "to_confirm",
    "error",
];

/// Rows estimated together on one thread.
pub(crate) const CHUNK_ROWS: usize = 1024;
/// Chunks read but not yet written: bounds memory however long the input,
/// and however far one slow chunk holds back the ones after it.
const CHUNKS_IN_FLIGHT: usize = 16;

/// One chunk's output.
struct Done {
    bytes: Vec<u8>,
    summary: Summary,
}

/// Runs a batch: reads `input`, writes `output`, and calls `progress` with
/// the rows read so far as chunks are written.
pub fn run<R: Read + Send, W: Write>(
    checker: &Checker<'_>,
    input: R,
    mut output: W,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let start = input.fill_buf().map_err(BatchError::Read)?;
    let has_bom = start.starts_with(b"\xEF\xBB\xBF");
    let encoding = match options.encoding {
        Encoding::Auto if has_bom || looks_like_utf8(start) => Encoding::Utf8,
        Encoding::Auto => Encoding::ShiftJis,
        chosen => chosen,
    };
    if has_bom && encoding == Encoding::Utf8 {
        input.consume(3);
    }
    let first = input.fill_buf().map_err(BatchError::Read)?;
    let input_format = match first.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(_) => Format::Csv,
        None => return Err(BatchError::NoHeader),
    };
    let format = options.format.unwrap_or(input_format);
    let (mut source, columns) = Source::open(input, input_format, encoding)?;
    let columns: Arc<[Arc<str>]> = columns.into();

    if options.bom && format == Format::Csv {
        output
            .write_all(b"\xEF\xBB\xBF")
            .map_err(BatchError::Write)?;
    }
    output
        .write_all(&write::header(&columns, format, options.raw)?)
        .map_err(BatchError::Write)?;

    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let (chunk_tx, chunk_rx) = sync_channel::<(u64, Rows)>(CHUNKS_IN_FLIGHT);
    let (done_tx, done_rx) = sync_channel::<(u64, Result<Done, BatchError>)>(CHUNKS_IN_FLIGHT);
    // A chunk is read only with a permit, given back when it is written.
    let (permit_tx, permit_rx) = sync_channel::<()>(CHUNKS_IN_FLIGHT);
    for _ in 0..CHUNKS_IN_FLIGHT {
        let _ = permit_tx.send(());
    }
    let chunk_rx = Mutex::new(chunk_rx);

    let summary = std::thread::scope(|scope| -> Result<Summary, BatchError> {
        let names = Arc::clone(&columns);
        let reader = scope.spawn(move || read_chunks(&mut source, names, &permit_rx, &chunk_tx));
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let (chunk_rx, columns) = (&chunk_rx, Arc::clone(&columns));
            scope.spawn(move || {
                estimate_chunks(checker, chunk_rx, &done_tx, format, options, &columns)
            });
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, permit_tx, &mut output, &mut progress);
        // Stop the other threads early if writing failed: they see closed channels.
        drop(done_rx);
        let read = reader
            .join()
            .unwrap_or(Err(BatchError::Read(io::Error::other(
                "the reader stopped",
            ))));
        let summary = written?;
        read?;
        Ok(summary)
    })?;
    output.flush().map_err(BatchError::Write)?;
    Ok(summary)
}

/// Reads rows into numbered chunks until the input ends or no one listens.
fn read_chunks<R: BufRead>(
    source: &mut Source<R>,
    names: Arc<[Arc<str>]>,
    permits: &Receiver<()>,
    chunks: &SyncSender<(u64, Rows)>,
) -> Result<(), BatchError> {
    for number in 0.. {
        if permits.recv().is_err() {
            return Ok(()); // the writer stopped
        }
        let mut rows = Rows::new(Arc::clone(&names), CHUNK_ROWS);
        let mut more = true;
        while rows.len() < CHUNK_ROWS && more {
            more = source.read_into(&mut rows)?;
        }
        if !rows.is_empty() && chunks.send((number, rows)).is_err() {
            return Ok(());
        }
        if !more {
            break;
        }
    }
    Ok(())
}

/// Takes chunks, estimates every row, and sends back the output bytes.
fn estimate_chunks(
    checker: &Checker<'_>,
    chunks: &Mutex<Receiver<(u64, Rows)>>,
    done: &SyncSender<(u64, Result<Done, BatchError>)>,
    format: Format,
    options: &Options,
    columns: &Arc<[Arc<str>]>,
) {
    let mut worker = Worker::new(checker, format, options, columns);
    loop {
        let next = match chunks.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok((number, rows)) = next else { return };
        let result = worker.estimate_chunk(&rows);
        if done.send((number, result)).is_err() {
            return;
        }
    }
}

/// What one estimating thread keeps from chunk to chunk: what the columns
/// mean, the JSONL trace, and buffers reused for every row.
struct Worker<'w, 'c> {
    checker: &'w Checker<'c>,
    format: Format,
    options: &'w Options,
    columns: &'w Arc<[Arc<str>]>,
    meanings: Vec<(&'w str, Column<'w>)>,
    /// `as_of`, `catalogue_version`, `catalogue_sha256` for each JSONL line.
    trace: Arc<[(&'static str, serde_json::Value)]>,
    request: Request,
    estimates: Vec<Estimate<'c>>,
    to_confirm: String,
}

impl<'w, 'c> Worker<'w, 'c> {
    fn new(
        checker: &'w Checker<'c>,
        format: Format,
        options: &'w Options,
        columns: &'w Arc<[Arc<str>]>,
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
            format,
            options,
            columns,
            meanings: columns
                .iter()
                .map(|c| (c.as_ref(), Column::of(c)))
                .collect(),
            trace,
            request: Request::default(),
            estimates: Vec::new(),
            to_confirm: String::new(),
        }
    }

    fn estimate_chunk(&mut self, rows: &Rows) -> Result<Done, BatchError> {
        let mut chunk = Chunk::new(
            self.format,
            self.options.raw,
            Arc::clone(self.columns),
            Arc::clone(&self.trace),
        );
        let mut summary = Summary::default();
        for row in rows.iter() {
            summary.read += 1;
            self.estimates.clear();
            let estimated = match row.problem {
                Some(problem) => Err(problem.to_string()),
                None => request_of(row, &self.meanings, &mut self.request).and_then(|()| {
                    self.checker
                        .estimates_into(
                            &self.request,
                            self.options.as_of,
                            false,
                            &mut self.estimates,
                        )
                        .map_err(|e| e.to_string())
                }),
            };
            let error = match estimated {
                Ok(()) if !self.estimates.is_empty() => {
                    for estimate in &self.estimates {
                        chunk.write(row, &Outcome::of(estimate, &mut self.to_confirm))?;
                    }
                    summary.written += self.estimates.len() as u64;
                    continue;
                }
                Ok(()) => format!("line {}: no program applies", row.line),
                Err(error) if error.starts_with("line ") => error,
                Err(error) => format!("line {}: {error}", row.line),
            };
            chunk.write(row, &Outcome::failed(&error))?;
            summary.written += 1;
            summary.failed += 1;
        }
        Ok(Done {
            bytes: chunk.into_bytes(),
            summary,
        })
    }
}

/// Writes chunks as they come back, in their input order.
fn write_in_order<W: Write>(
    done: &Receiver<(u64, Result<Done, BatchError>)>,
    permits: SyncSender<()>,
    output: &mut W,
    progress: &mut impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    for (number, result) in done {
        waiting.insert(number, result?);
        while let Some(chunk) = waiting.remove(&next) {
            output.write_all(&chunk.bytes).map_err(BatchError::Write)?;
            summary.read += chunk.summary.read;
            summary.written += chunk.summary.written;
            summary.failed += chunk.summary.failed;
            progress(summary.read);
            next += 1;
            let _ = permits.try_send(());
        }
    }
    Ok(summary)
}
