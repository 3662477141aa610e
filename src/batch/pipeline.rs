//! The run's stages: one thread reads rows into numbered chunks, a worker
//! per core estimates them ([`super::worker`]), and the calling thread
//! writes their output in input order, with what is in flight bounded by
//! the [`Budget`]. A stage that fails stops the others with an error.

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, BufRead, BufReader, Read};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};

use super::budget::Budget;
use super::read::{self, Columns, Rows, Source};
use super::worker::Worker;
use super::write::{Piece, Sink};
use super::{BatchError, Encoding, Format, Layout, Options, Summary};
use crate::input::request::Checker;

/// Bytes looked at to choose the encoding.
const SAMPLE_BYTES: usize = 1 << 16;
/// The most rows estimated together on one thread.
pub(super) const CHUNK_ROWS: usize = 1024;
/// A chunk is closed once it holds this much input text.
pub(super) const CHUNK_TEXT_BYTES: usize = 1 << 20;
/// The most chunks read but not yet written (keeps memory low for the
/// common small rows; the byte budget bounds it for any row).
pub(super) const CHUNKS_IN_FLIGHT: usize = 16;
/// A worker hands its output to the writer in pieces of about this size.
pub(super) const PIECE_BYTES: usize = 1 << 20;
/// Bytes of input rows and output pieces held at once, outside the one
/// chunk being written next (which always goes on, so the run never stalls).
/// With a row at most [`read::MAX_ROW_BYTES`] and a piece at most
/// `PIECE_BYTES` plus one result, the whole run stays under 256 MB.
pub const MEMORY_BUDGET: usize = 96 << 20;

/// A piece of a chunk's output, numbered by its chunk.
pub(super) struct ChunkPiece<P> {
    pub chunk: u64,
    pub piece: P,
    /// The chunk's counts, on its last piece.
    pub last: Option<Summary>,
}

/// Runs a batch from `input` into `sink`: the input's start chooses its
/// encoding (UTF-16 is read as UTF-8 text) and format, then [`run_decoded`].
pub(super) fn run_into<R: Read + Send>(
    checker: &Checker<'_>,
    input: R,
    sink: &mut impl Sink,
    options: &Options,
    progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let Decoded {
        sample,
        input,
        options,
    } = decoded(input, options)?;
    run_decoded(checker, sample, input, sink, &options, progress)
}

/// `input`'s first [`SAMPLE_BYTES`] and the rest, as UTF-8 or the bytes
/// `options` says, with the options to read them by: an .xlsx read as text
/// is refused; Excel's "Unicode テキスト" (UTF-16 with a BOM,
/// tab-separated) is read as UTF-8 from here on (a malformed sequence fails
/// the run, never replaced), only when the encoding is left to the tool
/// (`--encoding utf-8` means it).
fn decoded<'a, R: Read + Send + 'a>(
    input: R,
    options: &Options,
) -> Result<Decoded<'a>, BatchError> {
    let mut input = input;
    let sample = read_sample(&mut input)?;
    // An .xlsx is a zip file: read as text it would be rows of noise.
    if sample.starts_with(b"PK\x03\x04") {
        return Err(BatchError::WorkbookAsText);
    }
    let Some(utf16) = utf16_of(&sample, options) else {
        return Ok(Decoded {
            sample,
            input: Box::new(input),
            options: options.clone(),
        });
    };
    let mut input: Box<dyn Read + Send + 'a> = Box::new(read::encoding::Transcoded::new(
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
    Ok(Decoded {
        sample,
        input,
        options,
    })
}

/// An input opened by [`decoded`]: its sample, the rest after it, and the
/// options to read them by.
struct Decoded<'a> {
    sample: Vec<u8>,
    input: Box<dyn Read + Send + 'a>,
    options: Options,
}

/// UTF-16 (Excel's "Unicode テキスト") by its BOM at the start of
/// `sample`, when the encoding is left to the tool.
fn utf16_of(sample: &[u8], options: &Options) -> Option<&'static encoding_rs::Encoding> {
    if options.encoding != Encoding::Auto {
        None
    } else if sample.starts_with(b"\xFF\xFE") {
        Some(encoding_rs::UTF_16LE)
    } else if sample.starts_with(b"\xFE\xFF") {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Reads `input` as [`run_into`] does (its encoding, format, header and
/// rows alike), one row at a time on this thread, handing each to `each`
/// with the layout (a CSV header's meanings, a JSONL row's keys); rows
/// whose cells are all blank are skipped, as a run skips them. For
/// `subsidy diff --clients`, which estimates each row twice and keeps
/// only what changed.
pub(super) fn each_row<R: Read + Send>(
    input: R,
    options: &Options,
    catalogue: &crate::core::catalogue::Catalogue,
    mut each: impl FnMut(&Layout, read::Row<'_>) -> Result<(), BatchError>,
) -> Result<(), BatchError> {
    let Decoded {
        sample,
        input,
        options,
    } = decoded(input, options)?;
    let Opened {
        mut source,
        names,
        input_format,
        format,
    } = open(sample, input, &options)?;
    let layout = Layout::new(names, input_format, format, &options, catalogue, false)?;
    let mut rows = Rows::new(Arc::clone(&layout.names), CHUNK_ROWS);
    loop {
        rows.clear();
        let mut more = true;
        while rows.len() < CHUNK_ROWS && rows.text_len() < CHUNK_TEXT_BYTES {
            if !source.read_into(&mut rows)? {
                more = false;
                break;
            }
        }
        for row in rows.iter() {
            let blank = row.problem.is_none()
                && row.csv_cells().is_some_and(|mut cells| {
                    cells.all(|c| c.bytes().all(|b| b == b' ' || b == b'\t'))
                });
            if !blank {
                each(&layout, row)?;
            }
        }
        if !more {
            return Ok(());
        }
    }
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

/// [`run`](super::run) on input whose encoding is UTF-8, Shift_JIS or to be detected:
/// `sample` is its start, already read, and `rest` the remainder.
fn run_decoded<R: Read + Send, S: Sink>(
    checker: &Checker<'_>,
    sample: Vec<u8>,
    rest: R,
    sink: &mut S,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let Opened {
        mut source,
        names,
        input_format,
        format,
    } = open(sample, rest, options)?;
    let layout = Layout::new(
        names,
        input_format,
        format,
        options,
        checker.catalogue(),
        sink.for_people(),
    )?;
    sink.begin(&layout)?;

    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let budget = Budget::<S::Piece>::new(MEMORY_BUDGET, CHUNKS_IN_FLIGHT);
    let (chunk_tx, chunk_rx) = sync_channel::<(u64, Rows)>(CHUNKS_IN_FLIGHT);
    // Unbounded: what it holds is counted by the budget.
    let (piece_tx, piece_rx) = channel::<Result<ChunkPiece<S::Piece>, BatchError>>();
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
            let writer = sink.writer(layout);
            scope.spawn(move || {
                let mut worker = Worker::new(checker, options, layout, budget, &piece_tx, writer);
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

/// The input: its start, read already, then the rest.
type Input<R> = BufReader<io::Chain<io::Cursor<Vec<u8>>, R>>;

/// An input opened: its rows' source and columns, and the formats read and written.
struct Opened<R: Read> {
    source: Source<Input<R>>,
    names: Columns,
    input_format: Format,
    format: Format,
}

/// The input, opened: its encoding (a UTF-8 BOM skipped), its format (JSONL
/// if it starts with `{`), its rows' source and its columns, and the
/// output's format.
fn open<R: Read>(sample: Vec<u8>, rest: R, options: &Options) -> Result<Opened<R>, BatchError> {
    let has_bom = sample.starts_with(b"\xEF\xBB\xBF");
    let encoding = match options.encoding {
        Encoding::Auto if has_bom => Encoding::Utf8,
        Encoding::Auto => read::encoding::detect(&sample, sample.len() < SAMPLE_BYTES),
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
    let (source, names) = match input_format {
        Format::Csv => Source::csv(
            input,
            encoding,
            options.delimiter.unwrap_or(b','),
            options.lang,
            options.formulas_without_result.clone(),
        )?,
        Format::Jsonl => Source::jsonl(input, encoding, options.lang)?,
    };
    Ok(Opened {
        source,
        names,
        input_format,
        format,
    })
}

thread_local! {
    /// Set while a panic on this thread is caught and reported as an error.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic without the panic hook printing it: the run
/// reports it as its one error line. Other panics print as before.
pub(super) fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
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
pub(super) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a stage of the batch stopped".to_string())
}

/// Reads rows into numbered chunks until the input ends or the run stops.
/// What a chunk holds is taken from the budget as it grows.
fn read_chunks<R: BufRead, P: Piece>(
    source: &mut Source<R>,
    layout: &Layout,
    budget: &Budget<P>,
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
fn write_in_order<S: Sink>(
    pieces: &Receiver<Result<ChunkPiece<S::Piece>, BatchError>>,
    budget: &Budget<S::Piece>,
    output: &mut S,
    progress: &mut impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<u64, VecDeque<ChunkPiece<S::Piece>>> = BTreeMap::new();
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
            match quietly(std::panic::AssertUnwindSafe(|| output.rows(&piece.piece))) {
                Ok(written) => written?,
                Err(panic) => return Err(from_panic(&*panic)),
            }
            budget.give_back(piece.piece.held());
            budget.recycle_piece(piece.piece);
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::batch::write::{ByteRows, ByteSink};

    /// A sink that panics (rust_xlsxwriter does on a full disk) ends the
    /// run with the error it stands for, promptly: the reader and workers
    /// are stopped, not left waiting on a writer that is gone.
    #[test]
    fn a_panicking_sink_ends_the_run_with_an_error() {
        struct Full(ByteSink<io::Sink>);
        impl Sink for Full {
            type Piece = Vec<u8>;
            type Writer<'l> = ByteRows<'l>;
            fn writer<'l>(&self, layout: &'l Layout) -> ByteRows<'l> {
                self.0.writer(layout)
            }
            fn begin(&mut self, _: &Layout) -> Result<(), BatchError> {
                Ok(())
            }
            fn rows(&mut self, _: &Vec<u8>) -> Result<(), BatchError> {
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
            let mut full = Full(ByteSink::new(io::sink(), &options, &catalogue));
            let result = run_into(&checker, input.as_slice(), &mut full, &options, |_| {});
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
}
