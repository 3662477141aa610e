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

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use calamine::{
    DataRef, Dimensions, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx, XlsxCellReader,
    XlsxError,
};
use chrono::NaiveTime;

/// About how many bytes of CSV text go in one piece sent to the reader.
const PIECE_BYTES: usize = 64 * 1024;

/// How many pieces may wait to be read before the sheet's thread waits.
const PIECES_IN_FLIGHT: usize = 4;

/// Excel's row limit: rows are numbered 1 to 1,048,576.
const EXCEL_ROWS: u32 = 1_048_576;

/// Excel's column limit: columns run from A to XFD.
const EXCEL_COLUMNS: u32 = 16_384;

/// Excel's first serial date past its last day (10000-01-01, 1900 system).
const EXCEL_SERIAL_PAST_LAST_DAY: f64 = 2_958_466.0;

/// Floats whose magnitude is below this and which have no fraction are
/// written as integers: every integer up to 2^53 is exact in an `f64`.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// The first bytes of an OLE compound file: an Excel 97-2003 .xls, or an
/// .xlsx encrypted with a password.
const COMPOUND_FILE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// What keeps an .xlsx sheet from being read.
#[derive(Debug, thiserror::Error)]
pub enum XlsxInError {
    /// The file is another kind of spreadsheet: `.xls`, `.xlsb`, `.ods`, `.numbers`.
    #[error("it is a {0} file; save it as .xlsx (Excel Workbook) or CSV and try again")]
    OtherFormat(&'static str),
    /// The workbook is protected with a password.
    #[error(
        "the workbook is protected with a password; save it without one, or as CSV, and try again"
    )]
    Password,
    /// The file is not an .xlsx/.xlsm workbook; calamine's reason.
    #[error("not an .xlsx workbook ({0}); save it as .xlsx (Excel Workbook) or CSV and try again")]
    NotXlsx(String),
    /// The file could not be opened.
    #[error("{0}")]
    Io(io::Error),
    /// No worksheet has the name asked for.
    #[error("no sheet named '{wanted}'; the workbook has: {}", .present.join(", "))]
    NoSheet {
        /// The name asked for.
        wanted: String,
        /// The workbook's worksheets, in tab order.
        present: Vec<String>,
    },
    /// The sheet (or the workbook, when it has no worksheet) holds no value.
    #[error("the sheet has no values")]
    Empty,
    /// The file could not be read (the reason says why).
    #[error("reading the workbook: {0}")]
    Read(String),
}

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
                stream_sheet(
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
    /// [`Options`](super::Options): noted as the sheet is read.
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

/// The sheet's thread: opens the workbook, finds the sheet and its first
/// value and reports on `ready`, then sends the sheet as CSV text on
/// `pieces` until its end, a failure, or the reader being dropped.
fn stream_sheet(
    file: File,
    compound: bool,
    wanted: Option<String>,
    ready: &SyncSender<Result<Opened, XlsxInError>>,
    pieces: SyncSender<Piece>,
    stop: Arc<AtomicBool>,
    formulas: FormulasWithoutResult,
) {
    let mut workbook = match Xlsx::new(BufReader::new(file)) {
        Ok(workbook) => workbook,
        Err(error) => {
            let _ = ready.send(Err(open_failure(error, compound)));
            return;
        }
    };
    let sheet = match pick_sheet(workbook.sheets_metadata(), wanted.as_deref()) {
        Ok(sheet) => sheet,
        Err(error) => {
            let _ = ready.send(Err(error));
            return;
        }
    };
    let mut cells = match workbook.worksheet_cells_reader(&sheet) {
        Ok(cells) => cells,
        Err(error) => {
            let _ = ready.send(Err(XlsxInError::Read(format!("sheet '{sheet}': {error}"))));
            return;
        }
    };
    let dimensions = cells.dimensions();
    let mut writer = CsvWriter::new(sheet.clone(), pieces, stop);
    writer.formulas = formulas;
    let first = match writer.next_value(&mut cells) {
        Ok(Some(first)) => first,
        Ok(None) => {
            let _ = ready.send(Err(XlsxInError::Empty));
            return;
        }
        Err(Stop::Failed(message)) => {
            let _ = ready.send(Err(XlsxInError::Read(message)));
            return;
        }
        Err(Stop::Cancelled) => return,
    };
    let header_row = first.row;
    let rows = u64::from(dimensions.end.0.saturating_sub(header_row)) + 1;
    if ready.send(Ok(Opened { sheet, rows })).is_err() {
        return;
    }
    match writer.write_sheet(&mut cells, first, dimensions) {
        Ok(()) | Err(Stop::Cancelled) => {}
        Err(Stop::Failed(message)) => writer.fail(message),
    }
}

/// A cell with a value, as the text its CSV field holds (before quoting).
struct Value {
    /// The cell's row, 0-based.
    row: u32,
    /// The cell's column, 0-based.
    column: u32,
    /// The cell's text; empty only for a formula without a saved result.
    text: String,
    /// A formula cell whose workbook holds no result for it.
    no_result: bool,
}

/// Turns the sheet's cells, in order, into CSV text sent in pieces.
struct CsvWriter {
    /// The sheet's name, for messages.
    sheet: String,
    /// CSV text not sent yet.
    piece: String,
    /// Where pieces go.
    pieces: SyncSender<Piece>,
    /// Set when the reader is dropped.
    stop: Arc<AtomicBool>,
    /// The sheet column of the first field (0-based).
    first_column: u32,
    /// Fields in the header row, and in every row but one with extra values.
    width: u32,
    /// The sheet row being written (0-based); its line is not ended yet.
    row: u32,
    /// Fields written on the current row.
    fields: u32,
    /// The position of the last cell read (any cell, with a value or not), for messages.
    last_cell: Option<(u32, u32)>,
    /// The header's row, once found: formula cells without a result below
    /// it are values (empty), noted in `formulas`.
    header_row: Option<u32>,
    formulas: FormulasWithoutResult,
}

impl CsvWriter {
    /// A writer that has written nothing yet.
    fn new(sheet: String, pieces: SyncSender<Piece>, stop: Arc<AtomicBool>) -> CsvWriter {
        CsvWriter {
            sheet,
            piece: String::with_capacity(PIECE_BYTES + PIECE_BYTES / 4),
            pieces,
            stop,
            first_column: 0,
            width: 0,
            row: 0,
            fields: 0,
            last_cell: None,
            header_row: None,
            formulas: FormulasWithoutResult::default(),
        }
    }

    /// The next cell with a value (cells whose text is empty are passed
    /// over, but for a formula without a saved result below the header);
    /// `None` at the end of the sheet.
    fn next_value<RS: Read + Seek>(
        &mut self,
        cells: &mut XlsxCellReader<'_, RS>,
    ) -> Result<Option<Value>, Stop> {
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return Err(Stop::Cancelled);
            }
            let cell = match cells.next_cell_with_formula_metadata() {
                Ok(Some(cell)) => cell,
                Ok(None) => return Ok(None),
                Err(error) => {
                    let place = match self.last_cell {
                        Some((row, column)) => format!(" after cell {}", cell_name(row, column)),
                        None => String::new(),
                    };
                    return Err(Stop::Failed(format!(
                        "sheet '{}'{place}: {error}",
                        self.sheet
                    )));
                }
            };
            let (row, column) = cell.pos;
            self.last_cell = Some((row, column));
            let text = cell_text(&cell.value);
            // A formula's empty text is its result (`=IF(…,"",…)`); no
            // value at all is no result.
            let no_result = text.is_empty()
                && cell.formula.is_some()
                && matches!(cell.value, DataRef::Empty)
                && self.header_row.is_some_and(|header| row > header);
            if text.is_empty() && !no_result {
                continue;
            }
            if row >= EXCEL_ROWS || column >= EXCEL_COLUMNS {
                return Err(self.failure(row, column, "lies past Excel's last row or column"));
            }
            return Ok(Some(Value {
                row,
                column,
                text: text.into_owned(),
                no_result,
            }));
        }
    }

    /// Writes the sheet from its first value to its end, then sends what is
    /// left and the end mark.
    ///
    /// The header is the first row with a value (rows above it, empty or
    /// only formatted, are bare line ends so line numbers stay the sheet's
    /// row numbers). The first field is the dimensions' first column, or the
    /// header's first value's column if the dimensions wrongly start right of
    /// it; columns left of it are not written (a value there is an error, not
    /// dropped). The width is the header's last value's column, so formatted
    /// empty cells right of the header do not widen the table.
    fn write_sheet<RS: Read + Seek>(
        &mut self,
        cells: &mut XlsxCellReader<'_, RS>,
        first: Value,
        dimensions: Dimensions,
    ) -> Result<(), Stop> {
        for _ in 0..first.row {
            self.piece.push('\n');
            self.send_if_full()?;
        }
        self.first_column = dimensions.start.1.min(first.column);
        self.row = first.row;
        self.header_row = Some(first.row);
        let mut header = vec![first];
        let mut after_header = None;
        while let Some(value) = self.next_value(cells)? {
            if value.row != self.row {
                after_header = Some(value);
                break;
            }
            header.push(value);
        }
        let last_column = header
            .last()
            .map_or(self.first_column, |value| value.column);
        self.width = last_column.saturating_sub(self.first_column) + 1;
        for value in header {
            self.put(value)?;
        }
        if let Some(value) = after_header {
            self.put(value)?;
            while let Some(value) = self.next_value(cells)? {
                self.put(value)?;
            }
        }
        self.end_row();
        let text = std::mem::take(&mut self.piece);
        self.send(Piece::Text(text.into_bytes()))?;
        self.send(Piece::End)
    }

    /// Writes one value in its place: ends the rows before its row (with
    /// lines of empty fields for rows without values) and fills the columns
    /// before it with empty fields.
    fn put(&mut self, value: Value) -> Result<(), Stop> {
        if value.no_result {
            // Outside the table it is no cell the batch reads; inside, its
            // row is an error naming it (noted before the row's text is sent).
            let Some(field) = value
                .column
                .checked_sub(self.first_column)
                .filter(|field| *field < self.width)
            else {
                return Ok(());
            };
            self.formulas.note(
                u64::from(value.row) + 1,
                cell_name(value.row, value.column),
                field as usize,
            );
        }
        if value.row < self.row {
            return Err(self.out_of_order(&value));
        }
        if value.row > self.row {
            self.end_row();
            self.send_if_full()?;
            for _ in self.row + 1..value.row {
                if self.stop.load(Ordering::Relaxed) {
                    return Err(Stop::Cancelled);
                }
                for _ in 1..self.width {
                    self.piece.push(',');
                }
                self.piece.push('\n');
                self.send_if_full()?;
            }
            self.row = value.row;
            self.fields = 0;
        }
        if value.column < self.first_column {
            return Err(self.failure(
                value.row,
                value.column,
                &format!(
                    "has a value left of the table's first column {}",
                    column_name(self.first_column)
                ),
            ));
        }
        let field = value.column - self.first_column;
        if field < self.fields {
            return Err(self.out_of_order(&value));
        }
        while self.fields < field {
            self.next_field();
        }
        self.next_field();
        push_field(&mut self.piece, &value.text);
        self.send_if_full()
    }

    /// Starts a field on the current row: a comma unless it is the row's first.
    fn next_field(&mut self) {
        if self.fields > 0 {
            self.piece.push(',');
        }
        self.fields += 1;
    }

    /// Ends the current row: empty fields up to the header's width, then the line end.
    fn end_row(&mut self) {
        while self.fields < self.width {
            self.next_field();
        }
        self.piece.push('\n');
    }

    /// Sends the text written so far once it is a piece's worth.
    fn send_if_full(&mut self) -> Result<(), Stop> {
        if self.piece.len() < PIECE_BYTES {
            return Ok(());
        }
        let capacity = self.piece.capacity();
        let text = std::mem::replace(&mut self.piece, String::with_capacity(capacity));
        self.send(Piece::Text(text.into_bytes()))
    }

    /// Sends a piece; the reader being gone stops the thread.
    fn send(&self, piece: Piece) -> Result<(), Stop> {
        self.pieces.send(piece).map_err(|_| Stop::Cancelled)
    }

    /// Sends what was written before a failure, then the failure.
    fn fail(&mut self, message: String) {
        let text = std::mem::take(&mut self.piece);
        if self.send(Piece::Text(text.into_bytes())).is_ok() {
            let _ = self.send(Piece::Failed(message));
        }
    }

    /// A failure at a cell, naming the sheet and the cell.
    fn failure(&self, row: u32, column: u32, what: &str) -> Stop {
        Stop::Failed(format!(
            "sheet '{}' cell {}: {what}",
            self.sheet,
            cell_name(row, column)
        ))
    }

    /// A cell that comes before one already written (a damaged sheet: Excel
    /// writes cells in row order).
    fn out_of_order(&self, value: &Value) -> Stop {
        self.failure(
            value.row,
            value.column,
            "comes after a cell it should precede (the sheet's cells are out of order)",
        )
    }
}

/// Appends a CSV field, quoted (with `"` doubled) only when it holds `,`,
/// `"`, `\r` or `\n`, as the csv crate writes it.
fn push_field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        for (index, part) in text.split('"').enumerate() {
            if index > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A cell's text, as the CSV field holds it (before quoting).
fn cell_text<'cell>(value: &'cell DataRef<'_>) -> Cow<'cell, str> {
    match value {
        DataRef::String(text) => Cow::Borrowed(text.as_str()),
        DataRef::SharedString(text) => Cow::Borrowed(text),
        DataRef::Int(number) => Cow::Owned(number.to_string()),
        DataRef::Float(number) => Cow::Owned(number_text(*number)),
        DataRef::Bool(true) => Cow::Borrowed("TRUE"),
        DataRef::Bool(false) => Cow::Borrowed("FALSE"),
        DataRef::DateTime(date_time) => Cow::Owned(date_time_text(date_time)),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cow::Borrowed(text.as_str()),
        DataRef::Error(error) => Cow::Owned(error.to_string()),
        DataRef::Empty => Cow::Borrowed(""),
    }
}

/// A number's text as Excel shows it: rounded to 15 significant digits
/// (Excel's number precision; Microsoft, "Excel specifications and limits")
/// (a formula's `=1700000*1.08` is stored as 1836000.0000000002 and shown,
/// and saved as CSV, as 1836000), then an integer without `.0` when it is
/// exact (below 2^53), else the shortest text that reads back as it.
fn number_text(number: f64) -> String {
    let number = if number.is_finite() {
        format!("{number:.14e}").parse().unwrap_or(number)
    } else {
        number
    };
    if number.fract() == 0.0 && number.abs() < EXACT_INTEGER_LIMIT {
        // Exact: the value is an integer of at most 53 bits.
        (number as i64).to_string()
    } else {
        number.to_string()
    }
}

/// A date-formatted cell's text: `2026-03-31` for a date,
/// `2026-03-31T09:30:00` for a date and time, `09:30:00` for a time alone
/// (a serial below 1), `36:30:00` for a duration (an `[h]:mm` format); a
/// serial outside Excel's dates is written as the number.
fn date_time_text(date_time: &ExcelDateTime) -> String {
    let serial = date_time.as_f64();
    if date_time.is_duration() {
        return duration_text(serial);
    }
    // chrono panics on durations past its range; Excel's dates are far inside it.
    if !(0.0..EXCEL_SERIAL_PAST_LAST_DAY).contains(&serial) {
        return number_text(serial);
    }
    match date_time.as_datetime() {
        Some(moment) if serial < 1.0 => moment.format("%H:%M:%S%.f").to_string(),
        Some(moment) if moment.time() == NaiveTime::MIN => moment.format("%Y-%m-%d").to_string(),
        Some(moment) => moment.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
        None => number_text(serial),
    }
}

/// A duration in days as hours, minutes and seconds (`36:30:00`, `-0:15:00`,
/// milliseconds only when there are some); an absurd one as the number.
fn duration_text(days: f64) -> String {
    let milliseconds = (days * 86_400_000.0).round();
    if !milliseconds.is_finite() || milliseconds.abs() >= EXACT_INTEGER_LIMIT {
        return number_text(days);
    }
    // Exact: the value is an integer of at most 53 bits.
    let total = milliseconds.abs() as u64;
    let sign = if milliseconds < 0.0 { "-" } else { "" };
    let (hours, minutes, seconds, millis) = (
        total / 3_600_000,
        total / 60_000 % 60,
        total / 1000 % 60,
        total % 1000,
    );
    if millis == 0 {
        format!("{sign}{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{sign}{hours}:{minutes:02}:{seconds:02}.{millis:03}")
    }
}

/// A cell's name as Excel shows it (`C12`), from 0-based indexes.
fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
}

/// A column's letters as Excel shows them (`A`, `Z`, `AA`, `XFD`), from a 0-based index.
fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        let letter = (rest - 1) % 26;
        letters.push(char::from(b'A' + letter as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime as WriterDateTime, Format, Workbook, Worksheet};

    /// Saves a one-sheet workbook filled by `fill` and returns its path (in `dir`).
    fn workbook(
        dir: &tempfile::TempDir,
        name: &str,
        fill: impl FnOnce(&mut Worksheet),
    ) -> std::path::PathBuf {
        let path = dir.path().join(name);
        let mut book = Workbook::new();
        fill(book.add_worksheet());
        book.save(&path).unwrap();
        path
    }

    /// The whole CSV text of a sheet.
    fn csv_of(path: &Path, sheet: Option<&str>) -> String {
        let mut text = String::new();
        XlsxInput::open(path, sheet)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// The CSV text parsed back by the csv crate, blank lines skipped as it skips them.
    fn parsed(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|record| record.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn japanese_headers_numbers_and_a_date_come_through_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let date_format = Format::new().set_num_format("yyyy/m/d");
        let path = workbook(&dir, "facilities.xlsx", |sheet| {
            for (column, name) in ["施設区分", "病床数", "経費", "率", "期限", "確認"]
                .into_iter()
                .enumerate()
            {
                sheet.write_string(0, column as u16, name).unwrap();
            }
            sheet.write_string(1, 0, "病院").unwrap();
            sheet.write_number(1, 1, 120).unwrap();
            sheet.write_number(1, 2, 14_000_000).unwrap();
            sheet.write_number(1, 3, 0.5).unwrap();
            let date = WriterDateTime::from_ymd(2026, 3, 31).unwrap();
            sheet
                .write_datetime_with_format(1, 4, &date, &date_format)
                .unwrap();
            sheet.write_boolean(1, 5, true).unwrap();
            sheet.write_string(2, 0, "診療所").unwrap();
            let moment = WriterDateTime::from_ymd(2026, 3, 31)
                .unwrap()
                .and_hms(9, 30, 0)
                .unwrap();
            let moment_format = Format::new().set_num_format("yyyy/m/d h:mm");
            sheet
                .write_datetime_with_format(2, 4, &moment, &moment_format)
                .unwrap();
            sheet.write_number(2, 2, -1.25e20).unwrap();
        });
        let input = XlsxInput::open(&path, None).unwrap();
        assert_eq!(input.sheet(), "Sheet1");
        assert_eq!(input.rows(), 3);
        drop(input);
        assert_eq!(
            csv_of(&path, None),
            "施設区分,病床数,経費,率,期限,確認\n\
             病院,120,14000000,0.5,2026-03-31,TRUE\n\
             診療所,,-125000000000000000000,,2026-03-31T09:30:00,\n"
        );
    }

    #[test]
    fn numbers_dates_and_errors_have_their_spreadsheet_text() {
        assert_eq!(number_text(14_000_000.0), "14000000");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(0.5), "0.5");
        // Excel's 15 significant digits, as it shows and saves them.
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(9_007_199_254_740_993.0), "9007199254740990");
        assert_eq!(number_text(f64::NAN), "NaN");
        let date =
            |serial| ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time_text(&date(46_112.0)), "2026-03-31");
        assert_eq!(date_time_text(&date(46_112.5)), "2026-03-31T12:00:00");
        assert_eq!(date_time_text(&date(0.25)), "06:00:00");
        // Past chrono's range: the number, never a panic.
        assert_eq!(
            date_time_text(&date(-1e30)),
            "-1000000000000000000000000000000"
        );
        assert_eq!(date_time_text(&date(f64::NAN)), "NaN");
        let duration =
            |serial| ExcelDateTime::new(serial, calamine::ExcelDateTimeType::TimeDelta, false);
        assert_eq!(date_time_text(&duration(1.5 + 0.5 / 24.0)), "36:30:00");
        assert_eq!(date_time_text(&duration(-1e300)), number_text(-1e300));
        let error = DataRef::Error(calamine::CellErrorType::NA);
        assert_eq!(cell_text(&error), "#N/A");
        assert_eq!(cell_name(11, 2), "C12");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(EXCEL_COLUMNS - 1), "XFD");
    }

    /// Floating-point noise below Excel's 15 digits is what Excel shows:
    /// `=1700000*1.08` is 1,836,000 there and in Excel's CSV.
    #[test]
    fn numbers_are_read_to_excels_fifteen_digits() {
        assert_eq!(number_text(1_700_000.0 * 1.08), "1836000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(14_000_000.0), "14000000");
        assert_eq!(number_text(0.5), "0.5");
        assert_eq!(number_text(-3.0), "-3");
    }

    #[test]
    fn a_formula_error_is_its_excel_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "errors.xlsx", |sheet| {
            sheet.write_string(0, 0, "経費").unwrap();
            sheet.write_formula(1, 0, "=NA()").unwrap();
            sheet.set_formula_result(1, 0, "#N/A");
        });
        assert_eq!(csv_of(&path, None), "経費\n#N/A\n");
    }

    #[test]
    fn gaps_are_filled_and_rows_keep_their_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "gaps.xlsx", |sheet| {
            for (column, name) in ["施設区分", "病床数", "経費"].into_iter().enumerate() {
                sheet.write_string(0, column as u16, name).unwrap();
            }
            sheet.write_string(1, 0, "病院").unwrap();
            sheet.write_number(1, 2, 100).unwrap();
            // Row 3 has no values; row 4 has a formatted empty cell only.
            sheet.write_blank(3, 1, &Format::new().set_bold()).unwrap();
            sheet.write_number(4, 1, 19).unwrap();
            // Empty cells right of the header are dropped, values are kept.
            sheet.write_blank(4, 5, &Format::new().set_bold()).unwrap();
            sheet.write_string(5, 0, "薬局").unwrap();
            sheet.write_string(5, 4, "余分").unwrap();
        });
        assert_eq!(
            csv_of(&path, None),
            "施設区分,病床数,経費\n病院,,100\n,,\n,,\n,19,\n薬局,,,,余分\n"
        );
    }

    #[test]
    fn a_table_starting_lower_and_further_right_starts_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "offset.xlsx", |sheet| {
            sheet.write_string(2, 1, "施設区分").unwrap();
            sheet.write_string(2, 2, "経費").unwrap();
            sheet.write_string(3, 1, "病院").unwrap();
            sheet.write_number(3, 2, 5).unwrap();
        });
        let input = XlsxInput::open(&path, None).unwrap();
        assert_eq!(input.rows(), 2);
        drop(input);
        assert_eq!(csv_of(&path, None), "\n\n施設区分,経費\n病院,5\n");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_like_the_csv_crate() {
        let dir = tempfile::tempdir().unwrap();
        let awkward = [
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\r\nlf",
            "plain",
            "\"",
        ];
        let path = workbook(&dir, "quotes.xlsx", |sheet| {
            for (column, text) in awkward.iter().enumerate() {
                sheet
                    .write_string(0, column as u16, format!("h{column}"))
                    .unwrap();
                sheet.write_string(1, column as u16, *text).unwrap();
            }
        });
        let text = csv_of(&path, None);
        let rows = parsed(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], awkward);
        let mut written = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        written.write_record(&rows[0]).unwrap();
        written.write_record(awkward).unwrap();
        assert_eq!(text.as_bytes(), written.into_inner().unwrap());
    }

    #[test]
    fn a_sheet_is_picked_by_name_ignoring_case_and_a_missing_one_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.xlsx");
        let mut book = Workbook::new();
        let first = book.add_worksheet().set_name("一覧").unwrap();
        first.write_string(0, 0, "first").unwrap();
        let second = book.add_worksheet().set_name("Data").unwrap();
        second.write_string(0, 0, "施設区分").unwrap();
        second.write_string(1, 0, "病院").unwrap();
        book.save(&path).unwrap();
        assert_eq!(csv_of(&path, Some("Data")), "施設区分\n病院\n");
        let input = XlsxInput::open(&path, Some("data")).unwrap();
        assert_eq!((input.sheet(), input.rows()), ("Data", 2));
        drop(input);
        assert_eq!(csv_of(&path, None), "first\n");
        match XlsxInput::open(&path, Some("Missing")) {
            Err(XlsxInError::NoSheet { wanted, present }) => {
                assert_eq!(wanted, "Missing");
                assert_eq!(present, ["一覧", "Data"]);
            }
            other => panic!("expected NoSheet, got {:?}", other.err()),
        }
    }

    #[test]
    fn a_hidden_first_sheet_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hidden.xlsx");
        let mut book = Workbook::new();
        let lookup = book.add_worksheet().set_name("lookup").unwrap();
        lookup.write_string(0, 0, "hidden").unwrap();
        lookup.set_hidden(true);
        let data = book.add_worksheet().set_name("input").unwrap();
        data.write_string(0, 0, "shown").unwrap();
        data.set_active(true);
        book.save(&path).unwrap();
        assert_eq!(csv_of(&path, None), "shown\n");
        assert_eq!(csv_of(&path, Some("lookup")), "hidden\n");
    }

    #[test]
    fn an_empty_sheet_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "empty.xlsx", |sheet| {
            sheet.write_blank(4, 4, &Format::new().set_bold()).unwrap();
            sheet.write_string(5, 5, "").unwrap();
        });
        assert!(matches!(
            XlsxInput::open(&path, None),
            Err(XlsxInError::Empty)
        ));
    }

    #[test]
    fn other_files_are_not_xlsx() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("facilities.xlsx");
        std::fs::write(&text, "施設区分,経費\n病院,1\n").unwrap();
        assert!(matches!(
            XlsxInput::open(&text, None),
            Err(XlsxInError::NotXlsx(_))
        ));
        let old = dir.path().join("old.xls");
        std::fs::write(&old, COMPOUND_FILE_MAGIC).unwrap();
        match XlsxInput::open(&old, None) {
            Err(e @ XlsxInError::OtherFormat(".xls")) => {
                let reason = e.message(crate::Lang::Ja);
                assert!(
                    reason.contains(".xlsx") && reason.contains("CSV"),
                    "{reason}"
                );
            }
            other => panic!("expected OtherFormat, got {:?}", other.err()),
        }
        // An .xls renamed to .xlsx is named for what it is.
        let renamed = dir.path().join("renamed.xlsx");
        std::fs::write(&renamed, [&COMPOUND_FILE_MAGIC[..], &[0; 508]].concat()).unwrap();
        assert!(matches!(
            XlsxInput::open(&renamed, None),
            Err(XlsxInError::OtherFormat(".xls"))
        ));
        for name in ["sheet.ods", "sheet.XLSB"] {
            let path = dir.path().join(name);
            std::fs::write(&path, b"PK").unwrap();
            assert!(matches!(
                XlsxInput::open(&path, None),
                Err(XlsxInError::OtherFormat(_))
            ));
        }
        let empty = dir.path().join("empty.xlsx");
        std::fs::write(&empty, b"").unwrap();
        assert!(matches!(
            XlsxInput::open(&empty, None),
            Err(XlsxInError::NotXlsx(_))
        ));
        assert!(matches!(
            XlsxInput::open(&dir.path().join("absent.xlsx"), None),
            Err(XlsxInError::Io(_))
        ));
    }

    #[test]
    fn a_damaged_workbook_is_an_error_never_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "good.xlsx", |sheet| {
            for row in 0..2000 {
                sheet.write_string(row, 0, "施設区分").unwrap();
                sheet.write_number(row, 1, f64::from(row)).unwrap();
            }
        });
        let bytes = std::fs::read(&path).unwrap();
        let damaged = dir.path().join("damaged.xlsx");
        for (index, at) in (0..bytes.len()).step_by(bytes.len() / 40).enumerate() {
            let mut copy = bytes.clone();
            copy[at] ^= 0x5A;
            if index % 2 == 1 {
                copy.truncate(at.max(1));
            }
            std::fs::write(&damaged, &copy).unwrap();
            // Opening or reading may fail; it must only ever fail.
            if let Ok(mut input) = XlsxInput::open(&damaged, None) {
                let _ = input.read_to_end(&mut Vec::new());
            }
        }
    }

    #[test]
    fn twenty_thousand_rows_stream_and_a_half_read_input_can_be_dropped() {
        const ROWS: u32 = 20_000;
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "many.xlsx", |sheet| {
            sheet.write_string(0, 0, "施設区分").unwrap();
            sheet.write_string(0, 1, "経費").unwrap();
            for row in 1..=ROWS {
                sheet.write_string(row, 0, "病院").unwrap();
                sheet.write_number(row, 1, f64::from(row) * 1000.0).unwrap();
            }
        });
        let input = XlsxInput::open(&path, None).unwrap();
        assert_eq!(input.rows(), u64::from(ROWS) + 1);
        let lines: Vec<String> = io::BufRead::lines(io::BufReader::new(input))
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(lines.len(), ROWS as usize + 1);
        assert_eq!(lines[ROWS as usize], format!("病院,{}", ROWS * 1000));

        let (done, finished) = std::sync::mpsc::channel();
        let half_way = std::thread::spawn(move || {
            let mut input = XlsxInput::open(&path, None).unwrap();
            let mut start = vec![0; 3 * PIECE_BYTES];
            input.read_exact(&mut start).unwrap();
            drop(input);
            let _ = done.send(());
        });
        finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("dropping a half-read input hung");
        half_way.join().unwrap();
    }

    #[test]
    fn the_batch_reads_it_with_the_sheets_row_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(&dir, "batch.xlsx", |sheet| {
            for (column, name) in ["id", "program", "facility", "cost"]
                .into_iter()
                .enumerate()
            {
                sheet.write_string(1, column as u16, name).unwrap();
            }
            sheet.write_string(2, 0, "a").unwrap();
            sheet.write_string(2, 1, "online-qual-medical-aid").unwrap();
            sheet.write_string(2, 2, "clinic").unwrap();
            sheet.write_number(2, 3, 60_000).unwrap();
            // Row 5 (after an empty row 4) has a value past the last column.
            sheet.write_string(4, 0, "b").unwrap();
            sheet.write_string(4, 1, "online-qual-medical-aid").unwrap();
            sheet.write_string(4, 2, "clinic").unwrap();
            sheet.write_number(4, 3, 60_000).unwrap();
            sheet.write_string(4, 5, "stray").unwrap();
        });
        let catalogue = crate::core::catalogue::Catalogue::embedded().unwrap();
        let checker = crate::input::request::Checker::new(&catalogue);
        let options = super::super::Options {
            lang: crate::Lang::En,
            all: true,
            ..super::super::Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap())
        };
        let input = XlsxInput::open(&path, None).unwrap();
        let mut output = Vec::new();
        let summary = super::super::run(&checker, input, &mut output, &options, |_| {}).unwrap();
        // Rows 3 and 5 are read; the empty row 4 is counted as blank.
        assert_eq!((summary.read, summary.failed, summary.blank), (2, 1, 1));
        let output = String::from_utf8(output).unwrap();
        assert!(
            output.contains("line 5:") || output.contains("5行目"),
            "{output}"
        );
    }

    #[test]
    fn a_failure_while_reading_is_invalid_data_naming_the_cell() {
        let (sender, pieces) = sync_channel(PIECES_IN_FLIGHT);
        let mut writer = CsvWriter::new("Sheet1".to_owned(), sender, Arc::default());
        writer.width = 2;
        let cell = |row, column, text: &str| Value {
            row,
            column,
            text: text.to_owned(),
            no_result: false,
        };
        assert!(writer.put(cell(0, 0, "a")).is_ok());
        assert!(writer.put(cell(0, 1, "b")).is_ok());
        match writer.put(cell(0, 0, "again")) {
            Err(Stop::Failed(message)) => {
                assert!(message.starts_with("sheet 'Sheet1' cell A1: "), "{message}");
                writer.fail(message);
            }
            _ => panic!("a cell out of order was accepted"),
        }
        drop(writer);
        let mut input = XlsxInput {
            sheet: "Sheet1".to_owned(),
            rows: 1,
            pieces,
            current: Vec::new(),
            consumed: 0,
            ended: None,
            stop: Arc::default(),
            worker: None,
            formulas: FormulasWithoutResult::default(),
        };
        let mut text = Vec::new();
        let error = input.read_to_end(&mut text).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(error.to_string().contains("cell A1"), "{error}");
        assert_eq!(text, b"a,b");
        // And again on the next read, never a quiet end.
        assert!(input.read(&mut [0; 8]).is_err());
    }
}
