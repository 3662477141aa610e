//! An .xlsx (or .xlsm) worksheet read as the CSV text the batch already
//! reads, streamed: the sheet is never held whole in memory.
//!
//! calamine's cell reader borrows the workbook it reads, so a thread owns
//! the workbook, walks the sheet's cells in order and sends CSV text in
//! pieces of about [`PIECE_BYTES`] over a bounded channel; [`XlsxInput`]'s
//! `Read` drains them. Everything calamine does (opening the file, finding
//! the sheet, reading cells) runs on that thread, so a fault in it ends the
//! reading with an error instead of ending the program; [`XlsxInput::open`]
//! waits until the sheet is found and its first value is read, so a file that
//! is not an .xlsx, a missing sheet or an empty sheet is an error from `open`.
//!
//! The CSV's line `n` is the sheet's row `n`: rows above the header are bare
//! line ends (the batch's CSV reader skips blank lines but counts them), and
//! rows without values inside the table are lines of commas. So the row
//! numbers in the batch's messages are the ones Excel shows.
//!
//! The sheet's thread is [`sheet`]; a cell's text, [`text`].

mod sheet;
#[cfg(test)]
mod tests;
mod text;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use calamine::{SheetType, SheetVisible, XlsxError};

/// About how many bytes of CSV text go in one piece sent to the reader.
const PIECE_BYTES: usize = 64 * 1024;

/// How many pieces may wait to be read before the sheet's thread waits.
const PIECES_IN_FLIGHT: usize = 4;

/// The first bytes of an OLE compound file: an Excel 97-2003 .xls, or an
/// .xlsx encrypted with a password.
const COMPOUND_FILE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// What keeps an .xlsx sheet from being read.
#[derive(Debug)]
pub enum XlsxInError {
    /// The file is another kind of spreadsheet: `.xls`, `.xlsb`, `.ods`, `.numbers`.
    OtherFormat(&'static str),
    /// The workbook is protected with a password.
    Password,
    /// The file is not an .xlsx/.xlsm workbook; calamine's reason.
    NotXlsx(String),
    /// The file could not be opened.
    Io(io::Error),
    /// No worksheet has the name asked for.
    NoSheet {
        /// The name asked for.
        wanted: String,
        /// The workbook's worksheets, in tab order.
        present: Vec<String>,
    },
    /// The sheet (or the workbook, when it has no worksheet) holds no value.
    Empty,
    /// The file could not be read (the reason says why).
    Read(String),
}

/// The English message, from the message table like every other language's.
impl std::fmt::Display for XlsxInError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

impl std::error::Error for XlsxInError {}

impl XlsxInError {
    /// The reason in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::i18n::{Key, io_reason, text};
        match self {
            XlsxInError::OtherFormat(format) => {
                text(lang, Key::XlsxOtherFormat, &[("format", format)])
            }
            XlsxInError::Password => text(lang, Key::XlsxPassword, &[]),
            XlsxInError::NotXlsx(detail) => text(lang, Key::XlsxNotWorkbook, &[("detail", detail)]),
            XlsxInError::Io(e) => io_reason(lang, e),
            XlsxInError::NoSheet { wanted, present } => text(
                lang,
                Key::XlsxNoSheetReason,
                &[("sheet", wanted), ("present", &present.join(", "))],
            ),
            XlsxInError::Empty => text(lang, Key::XlsxEmpty, &[]),
            XlsxInError::Read(detail) => text(lang, Key::XlsxRead, &[("detail", detail)]),
        }
    }
}

/// The formula cells of a sheet whose workbook holds no result for them
/// (saved by a program that does not compute formulas), by CSV line (the
/// sheet's row): the first such cell's name (`C5`) and its field. Their
/// fields are empty in the CSV text; the batch makes each row so an error
/// naming the cell, instead of reading it as empty. The sheet's thread notes
/// a row's cell before it sends the row's text, and the batch takes it as
/// it reads the row, so it holds only rows in flight.
#[derive(Debug, Clone, Default)]
pub struct FormulasWithoutResult(Arc<Mutex<HashMap<u64, (String, usize)>>>);

impl FormulasWithoutResult {
    /// Notes the cell of field `field` on line `line`, unless the line has one.
    fn note(&self, line: u64, cell: String, field: usize) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(line)
            .or_insert((cell, field));
    }

    /// The first formula cell without a result on line `line`, and its field.
    pub(crate) fn take(&self, line: u64) -> Option<(String, usize)> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&line)
    }
}

/// An .xlsx sheet read as CSV text (UTF-8, comma-separated, `\n` line ends,
/// fields quoted as the csv crate quotes them: only when they hold `,` `"`
/// `\r` or `\n`).
///
/// Every row has the header row's number of fields, except a row with values
/// right of the header's last column: those become extra fields, so that the
/// batch reports the row instead of losing them. A failure while reading is
/// an [`io::ErrorKind::InvalidData`] error from `read`, naming the cell.
/// Dropping it stops the thread reading the sheet.
pub struct XlsxInput {
    /// The sheet's name, as the workbook spells it.
    sheet: String,
    /// Rows from the header to the last row the sheet's dimensions declare.
    rows: u64,
    /// Pieces of CSV text from the sheet's thread, in order.
    pieces: Receiver<Piece>,
    /// The piece being read.
    current: Vec<u8>,
    /// Bytes of `current` already read.
    consumed: usize,
    /// How the stream ended, once it has.
    ended: Option<Ended>,
    /// Asks the sheet's thread to stop at its next cell.
    stop: Arc<AtomicBool>,
    /// The sheet's thread, joined on drop.
    worker: Option<JoinHandle<()>>,
    /// Formula cells without a saved result, noted by the sheet's thread.
    formulas: FormulasWithoutResult,
}

/// What the sheet's thread sends to the reader.
enum Piece {
    /// More CSV text.
    Text(Vec<u8>),
    /// Reading failed; the message names the sheet and the cell.
    Failed(String),
    /// The sheet was read to its end.
    End,
}

/// How the stream of pieces ended.
enum Ended {
    /// At the end of the sheet.
    Finished,
    /// With this failure, given again by every later `read`.
    Failed(String),
}

/// What the sheet's thread reports once it has found the sheet and its first value.
struct Opened {
    /// The sheet's name, as the workbook spells it.
    sheet: String,
    /// Rows from the header to the last row the dimensions declare.
    rows: u64,
}

/// Why the sheet's thread stopped before the end of the sheet.
enum Stop {
    /// The reader was dropped.
    Cancelled,
    /// Reading failed; the message names the sheet and the cell.
    Failed(String),
}

impl XlsxInput {
    /// Opens `path` and picks the sheet: `sheet` by name (exact, else ignoring
    /// case), or the first sheet (the first visible worksheet; chart sheets are
    /// never picked).
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<XlsxInput, XlsxInError> {
        refuse_other_spreadsheets(path)?;
        let mut file = File::open(path).map_err(XlsxInError::Io)?;
        let compound = starts_with_compound_magic(&mut file).map_err(XlsxInError::Io)?;
        let wanted = sheet.map(str::to_owned);
        let (ready_sender, ready) = sync_channel(1);
        let (piece_sender, pieces) = sync_channel(PIECES_IN_FLIGHT);
        let stop = Arc::new(AtomicBool::new(false));
        let stop_for_thread = Arc::clone(&stop);
        let formulas = FormulasWithoutResult::default();
        let formulas_for_thread = formulas.clone();
        let worker = std::thread::Builder::new()
            .name("xlsx-in".to_owned())
            .spawn(move || {
                sheet::stream_sheet(
                    file,
                    compound,
                    wanted,
                    &ready_sender,
                    piece_sender,
                    stop_for_thread,
                    formulas_for_thread,
                );
            })
            .map_err(|error| XlsxInError::Read(format!("starting the sheet reader: {error}")))?;
        match ready.recv() {
            Ok(Ok(opened)) => Ok(XlsxInput {
                sheet: opened.sheet,
                rows: opened.rows,
                pieces,
                current: Vec::new(),
                consumed: 0,
                ended: None,
                stop,
                worker: Some(worker),
                formulas,
            }),
            Ok(Err(error)) => {
                // The thread has returned (it reports an error only to end).
                let _ = worker.join();
                Err(error)
            }
            Err(_) => {
                let _ = worker.join();
                Err(XlsxInError::Read(
                    "the xlsx reader stopped unexpectedly".to_owned(),
                ))
            }
        }
    }

    /// The number of rows the sheet's dimensions say it has (header included),
    /// for refusing an input past Excel's row limit up front: from the header
    /// row (the first row with a value) to the last row of the declared
    /// dimensions, and at least 1. It is what the file declares, not a count:
    /// a file whose writer declared no dimensions gives 1.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The sheet's name, as read.
    pub fn sheet(&self) -> &str {
        &self.sheet
    }

    /// The formula cells without a saved result, for the batch's
    /// [`Options`](crate::batch::Options): noted as the sheet is read.
    pub fn formulas_without_result(&self) -> FormulasWithoutResult {
        self.formulas.clone()
    }
}

impl Read for XlsxInput {
    /// Copies CSV text from the pieces the sheet's thread sends, waiting for
    /// the next one when the current one is used up.
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.consumed < self.current.len() {
                let available = &self.current[self.consumed..];
                let count = available.len().min(buffer.len());
                buffer[..count].copy_from_slice(&available[..count]);
                self.consumed += count;
                return Ok(count);
            }
            match &self.ended {
                Some(Ended::Finished) => return Ok(0),
                Some(Ended::Failed(message)) => {
                    return Err(io::Error::new(io::ErrorKind::InvalidData, message.clone()));
                }
                None => {}
            }
            if buffer.is_empty() {
                return Ok(0);
            }
            match self.pieces.recv() {
                Ok(Piece::Text(text)) => {
                    self.current = text;
                    self.consumed = 0;
                }
                Ok(Piece::Failed(message)) => self.ended = Some(Ended::Failed(message)),
                Ok(Piece::End) => self.ended = Some(Ended::Finished),
                Err(_) => {
                    self.ended = Some(Ended::Failed(format!(
                        "sheet '{}': the xlsx reader stopped unexpectedly",
                        self.sheet
                    )));
                }
            }
        }
    }
}

impl Drop for XlsxInput {
    /// Stops the sheet's thread and waits for it: its next cell sees the stop
    /// flag, and a send it is blocked in fails once the receiver is gone.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Drop the receiver before joining, or a thread waiting to send would wait forever.
        let (_, disconnected) = sync_channel(0);
        drop(std::mem::replace(&mut self.pieces, disconnected));
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// Refuses, by the file's extension, the spreadsheet formats calamine's xlsx
/// reader cannot read, saying what to do instead.
fn refuse_other_spreadsheets(path: &Path) -> Result<(), XlsxInError> {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    let format = match extension.as_deref() {
        Some("xls" | "xlt" | "xla") => ".xls",
        Some("xlsb") => ".xlsb",
        Some("ods" | "fods") => ".ods",
        Some("numbers") => ".numbers",
        _ => return Ok(()),
    };
    Err(XlsxInError::OtherFormat(format))
}

/// Whether the file starts like an OLE compound file; leaves it at its start.
fn starts_with_compound_magic(file: &mut File) -> io::Result<bool> {
    let mut start = [0u8; 4];
    let mut filled = 0;
    while filled < start.len() {
        match file.read(&mut start[filled..]) {
            Ok(0) => break,
            Ok(count) => filled += count,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(filled == start.len() && start == COMPOUND_FILE_MAGIC)
}

/// Why calamine could not open the file, as an [`XlsxInError`].
fn open_failure(error: XlsxError, compound: bool) -> XlsxInError {
    match error {
        XlsxError::Io(error) => XlsxInError::Io(error),
        XlsxError::Password => XlsxInError::Password,
        _ if compound => XlsxInError::OtherFormat(".xls"),
        error => XlsxInError::NotXlsx(error.to_string()),
    }
}

/// The worksheet to read: `wanted` by name (exact, else ignoring case), or
/// the first visible worksheet (else the first worksheet). Chart, dialog and
/// macro sheets are never picked; `NoSheet` lists the worksheets.
fn pick_sheet(sheets: &[calamine::Sheet], wanted: Option<&str>) -> Result<String, XlsxInError> {
    let worksheets: Vec<&calamine::Sheet> = sheets
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .collect();
    let picked = match wanted {
        Some(wanted) => {
            let folded = wanted.to_lowercase();
            worksheets
                .iter()
                .find(|sheet| sheet.name == wanted)
                .or_else(|| {
                    worksheets
                        .iter()
                        .find(|sheet| sheet.name.to_lowercase() == folded)
                })
                .ok_or_else(|| XlsxInError::NoSheet {
                    wanted: wanted.to_owned(),
                    present: worksheets.iter().map(|sheet| sheet.name.clone()).collect(),
                })?
        }
        None => worksheets
            .iter()
            .find(|sheet| sheet.visible == SheetVisible::Visible)
            .or_else(|| worksheets.first())
            .ok_or(XlsxInError::Empty)?,
    };
    Ok(picked.name.clone())
}
