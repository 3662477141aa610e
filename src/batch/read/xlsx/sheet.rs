//! The sheet's thread: opens the workbook, finds the sheet, and writes its
//! cells, in order, as CSV text sent in pieces.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;

use calamine::{DataRef, Dimensions, Reader, Xlsx, XlsxCellReader};

use super::text::{cell_name, cell_text, column_name};
use super::{
    FormulasWithoutResult, Opened, PIECE_BYTES, Piece, Stop, XlsxInError, open_failure, pick_sheet,
};
use crate::batch::excel::{EXCEL_COLUMNS, EXCEL_ROWS};

/// The sheet's thread: opens the workbook, finds the sheet and its first
/// value and reports on `ready`, then sends the sheet as CSV text on
/// `pieces` until its end, a failure, or the reader being dropped.
pub(super) fn stream_sheet(
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
            if u64::from(row) >= EXCEL_ROWS || column >= EXCEL_COLUMNS {
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

#[cfg(test)]
mod tests {
    use std::io::{self, Read};
    use std::sync::mpsc::sync_channel;

    use super::*;
    use crate::batch::read::xlsx::{PIECES_IN_FLIGHT, XlsxInput};

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
