//! A workbook's rows as the workers make them: owned typed cells, handed
//! to the sink on the writer's thread (a worksheet is written on one
//! thread, in order), which writes each as what it is.

use chrono::NaiveDate;

use crate::batch::Layout;
use crate::batch::columns::Outcome;
use crate::batch::pipeline::PIECE_BYTES;
use crate::batch::read::Row;
use crate::batch::write::cells::{CellWriter, Scratch, row_cells};
use crate::batch::write::{Cell, Kind, Piece, RowWriter};

/// Rows of typed cells: each cell in column order, every row the layout's
/// width, and the text of the text cells end to end.
#[derive(Default)]
pub(in crate::batch) struct CellRows {
    text: String,
    cells: Vec<Stored>,
}

/// A cell as kept: text as where it ends in the text.
#[derive(Clone, Copy)]
enum Stored {
    Empty,
    Text(usize),
    Input(usize, Kind),
    Yen(u64),
    Count(u64),
    Days(i64),
    Date(NaiveDate),
}

impl CellRows {
    /// The rows held, of `width` cells each.
    pub fn rows(&self, width: usize) -> usize {
        self.cells.len().checked_div(width).unwrap_or(0)
    }

    /// Every cell, row after row.
    pub fn cells(&self) -> impl Iterator<Item = Cell<'_>> {
        let mut from = 0;
        self.cells.iter().map(move |stored| {
            let mut text = |end: usize| {
                let text = &self.text[from..end];
                from = end;
                text
            };
            match *stored {
                Stored::Empty => Cell::Empty,
                Stored::Text(end) => Cell::Text(text(end)),
                Stored::Input(end, kind) => Cell::Input(text(end), kind),
                Stored::Yen(n) => Cell::Yen(n),
                Stored::Count(n) => Cell::Count(n),
                Stored::Days(n) => Cell::Days(n),
                Stored::Date(day) => Cell::Date(day),
            }
        })
    }

    /// Bytes written so far.
    fn len(&self) -> usize {
        self.text.len() + self.cells.len() * size_of::<Stored>()
    }
}

impl CellWriter for CellRows {
    fn cell(&mut self, cell: Cell<'_>) {
        let mut text = |text: &str| {
            self.text.push_str(text);
            self.text.len()
        };
        let stored = match cell {
            // An empty text is no cell in a workbook.
            Cell::Empty | Cell::Text("") | Cell::Input("", _) => Stored::Empty,
            Cell::Text(t) => Stored::Text(text(t)),
            Cell::Input(t, kind) => Stored::Input(text(t), kind),
            Cell::Yen(n) => Stored::Yen(n),
            Cell::Count(n) => Stored::Count(n),
            Cell::Days(n) => Stored::Days(n),
            Cell::Date(day) => Stored::Date(day),
        };
        self.cells.push(stored);
    }
}

impl Piece for CellRows {
    fn with_room() -> CellRows {
        CellRows {
            text: String::with_capacity(PIECE_BYTES / 2),
            cells: Vec::with_capacity(PIECE_BYTES / 2 / size_of::<Stored>()),
        }
    }

    fn held(&self) -> usize {
        self.text.capacity() + self.cells.capacity() * size_of::<Stored>()
    }

    fn clear(&mut self) -> bool {
        self.text.clear();
        self.cells.clear();
        self.held() <= 2 * PIECE_BYTES
    }
}

/// A worker's rows for a workbook.
pub(in crate::batch) struct CellRowWriter<'l> {
    layout: &'l Layout,
    rows: CellRows,
    scratch: Scratch,
}

impl<'l> CellRowWriter<'l> {
    pub fn new(layout: &'l Layout) -> CellRowWriter<'l> {
        CellRowWriter {
            layout,
            rows: CellRows::default(),
            scratch: Scratch::default(),
        }
    }
}

impl RowWriter for CellRowWriter<'_> {
    type Piece = CellRows;

    fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        row_cells(self.layout, row, outcome, &mut self.scratch, &mut self.rows);
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn take(&mut self, next: CellRows) -> CellRows {
        std::mem::replace(&mut self.rows, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A piece gives back its cells as they were written, row after row;
    /// an empty text is no cell.
    #[test]
    fn cells_come_back_as_written() {
        let day = NaiveDate::from_ymd_opt(2031, 9, 30).unwrap();
        let written = [
            Cell::Input("病院", Kind::Text),
            Cell::Input("14000000", Kind::Yen),
            Cell::Count(2),
            Cell::Text("ehr-sharing"),
            Cell::Yen(6_579_000),
            Cell::Date(day),
            Cell::Input("", Kind::Count),
            Cell::Text("a,\"b\"\n"),
            Cell::Days(-3),
            Cell::Empty,
        ];
        let mut rows = CellRows::with_room();
        for cell in written {
            rows.cell(cell);
        }
        assert_eq!(rows.rows(5), 2);
        let read: Vec<Cell<'_>> = rows.cells().collect();
        let mut expected = written.to_vec();
        expected[6] = Cell::Empty;
        assert_eq!(read, expected);
        let held = rows.held();
        assert!(held >= PIECE_BYTES / 2, "{held}");
        assert!(rows.clear(), "a piece of its usual size is kept");
        assert_eq!(rows.cells().count(), 0);
    }
}
