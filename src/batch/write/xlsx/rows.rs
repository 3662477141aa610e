//! A workbook's rows as the workers make them: owned typed cells, handed
//! to the sink on the writer's thread (a worksheet is written on one
//! thread, in order), which writes each as what it is.

use chrono::{Datelike, NaiveDate};

use crate::batch::Layout;
use crate::batch::columns::Outcome;
use crate::batch::read::Row;
use crate::batch::write::cells::{CellWriter, Scratch, row_cells};
use crate::batch::write::{Cell, Kind, Piece, RowWriter};

/// Rows of typed cells, each cell in column order and every row the
/// layout's width, kept end to end in one buffer: a piece is one
/// allocation, sized and recycled as CSV's are, whatever the share of text
/// and of numbers in the rows. Each cell is a tag byte, then a text's
/// length (LEB128) and UTF-8, or a number's 8 bytes, or a date's day
/// number's 4 (little-endian); an empty cell is its tag alone.
#[derive(Default)]
pub(in crate::batch) struct CellRows {
    bytes: Vec<u8>,
    /// Cells held.
    cells: usize,
}

/// The tags.
const EMPTY: u8 = 0;
const TEXT: u8 = 1;
const INPUT_TEXT: u8 = 2;
const INPUT_YEN: u8 = 3;
const INPUT_COUNT: u8 = 4;
const YEN: u8 = 5;
const COUNT: u8 = 6;
const DAYS: u8 = 7;
const DATE: u8 = 8;

impl CellRows {
    /// The rows held, of `width` cells each.
    pub fn rows(&self, width: usize) -> usize {
        self.cells.checked_div(width).unwrap_or(0)
    }

    /// Every cell, row after row.
    pub fn cells(&self) -> Cells<'_> {
        Cells {
            bytes: &self.bytes,
            at: 0,
        }
    }

    fn text(&mut self, tag: u8, text: &str) {
        self.bytes.push(tag);
        let mut len = text.len();
        while len >= 0x80 {
            self.bytes.push((len & 0x7F) as u8 | 0x80);
            len >>= 7;
        }
        self.bytes.push(len as u8);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    fn number(&mut self, tag: u8, n: [u8; 8]) {
        self.bytes.push(tag);
        self.bytes.extend_from_slice(&n);
    }
}

impl CellWriter for CellRows {
    fn cell(&mut self, cell: Cell<'_>) {
        match cell {
            // An empty text is no cell in a workbook.
            Cell::Empty | Cell::Text("") | Cell::Input("", _) => self.bytes.push(EMPTY),
            Cell::Text(text) => self.text(TEXT, text),
            Cell::Input(text, Kind::Text) => self.text(INPUT_TEXT, text),
            Cell::Input(text, Kind::Yen) => self.text(INPUT_YEN, text),
            Cell::Input(text, Kind::Count) => self.text(INPUT_COUNT, text),
            Cell::Yen(n) => self.number(YEN, n.to_le_bytes()),
            Cell::Count(n) => self.number(COUNT, n.to_le_bytes()),
            Cell::Days(n) => self.number(DAYS, n.to_le_bytes()),
            Cell::Date(day) => {
                self.bytes.push(DATE);
                self.bytes
                    .extend_from_slice(&day.num_days_from_ce().to_le_bytes());
            }
        }
        self.cells += 1;
    }
}

/// The cells of [`CellRows`], in order.
pub(in crate::batch) struct Cells<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cells<'a> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        if let Some(bytes) = self.bytes.get(self.at..self.at + N) {
            out.copy_from_slice(bytes);
        }
        self.at += N;
        out
    }

    fn text(&mut self) -> &'a str {
        let (mut len, mut shift) = (0usize, 0);
        loop {
            let [byte] = self.take::<1>();
            len |= usize::from(byte & 0x7F) << shift;
            shift += 7;
            if byte < 0x80 {
                break;
            }
        }
        let text = self.bytes.get(self.at..self.at + len).unwrap_or_default();
        self.at += len;
        // Written from a `str` just above: always UTF-8.
        std::str::from_utf8(text).unwrap_or_default()
    }
}

impl<'a> Iterator for Cells<'a> {
    type Item = Cell<'a>;

    fn next(&mut self) -> Option<Cell<'a>> {
        let tag = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(match tag {
            TEXT => Cell::Text(self.text()),
            INPUT_TEXT => Cell::Input(self.text(), Kind::Text),
            INPUT_YEN => Cell::Input(self.text(), Kind::Yen),
            INPUT_COUNT => Cell::Input(self.text(), Kind::Count),
            YEN => Cell::Yen(u64::from_le_bytes(self.take())),
            COUNT => Cell::Count(u64::from_le_bytes(self.take())),
            DAYS => Cell::Days(i64::from_le_bytes(self.take())),
            DATE => NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(self.take()))
                .map_or(Cell::Empty, Cell::Date),
            _ => Cell::Empty,
        })
    }
}

impl Piece for CellRows {
    fn with_room() -> CellRows {
        CellRows {
            bytes: Vec::with_room(),
            cells: 0,
        }
    }

    fn held(&self) -> usize {
        self.bytes.held()
    }

    fn clear(&mut self) -> bool {
        self.cells = 0;
        Piece::clear(&mut self.bytes)
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
        self.rows.bytes.len()
    }

    fn take(&mut self, next: CellRows) -> CellRows {
        std::mem::replace(&mut self.rows, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::pipeline::PIECE_BYTES;

    /// A piece gives back its cells as they were written, row after row;
    /// an empty text is no cell.
    #[test]
    fn cells_come_back_as_written() {
        let day = NaiveDate::from_ymd_opt(2031, 9, 30).unwrap();
        let long = "病".repeat(100);
        let written = [
            Cell::Input("病院", Kind::Text),
            Cell::Input("14000000", Kind::Yen),
            Cell::Count(2),
            Cell::Text("ehr-sharing"),
            Cell::Yen(6_579_000),
            Cell::Date(day),
            Cell::Input("", Kind::Count),
            Cell::Text("a,\"b\"\n"),
            Cell::Text(&long),
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
        assert!((PIECE_BYTES..=2 * PIECE_BYTES).contains(&held), "{held}");
        assert!(rows.clear(), "a piece of its usual size is kept");
        assert_eq!(rows.cells().count(), 0);
    }
}
