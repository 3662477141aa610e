//! Batch output as an Excel workbook: the workers' rows, typed cells in
//! input order ([`CellRows`]), written cell by cell into a constant-memory
//! worksheet, so memory stays flat whatever the row count. Yen are numbers
//! formatted `#,##0"円"`, dates are dates, the header row is frozen and
//! filtered, and a second sheet says what the estimates rest on ([`about`]).

mod about;
mod rows;

use std::collections::BTreeSet;
use std::io::{Seek, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, FormatAlign, Workbook, Worksheet};

use super::{Cell, Kind, Sink};
use crate::Lang;
use crate::batch::excel::{EXCEL_CELL_CHARS, EXCEL_COLUMNS, EXCEL_ROWS};
use crate::batch::{BatchError, Layout, Res};
use crate::core::catalogue::Catalogue;
use crate::i18n::{Key, template};
pub use about::About;
use rows::{CellRowWriter, CellRows};

/// Integers below this, up to 15 digits, are written as Excel numbers:
/// Excel keeps 15 digits exactly (Microsoft, "Excel specifications and
/// limits"); a larger one is written as text.
const EXACT_DIGITS_BELOW: u64 = 1_000_000_000_000_000;
/// A column is never made wider than this (in Excel's character widths).
const MAX_WIDTH: usize = 60;

/// A workbook being written: its one data sheet fills row by row.
pub(in crate::batch) struct XlsxSink<'c, W: Write + Seek + Send> {
    out: Option<W>,
    workbook: Workbook,
    catalogue: &'c Catalogue,
    about: About,
    lang: Lang,
    as_of: NaiveDate,
    /// Cells in a row; 0 until the header is known.
    width: usize,
    /// Which columns name programs (`program`, `best_program`), and which
    /// hold a program's grant (summary shape) and whose, to list their sources.
    program_columns: Vec<usize>,
    grant_columns: Vec<(usize, String)>,
    shown: BTreeSet<String>,
    /// The widest text in each column so far, in half-width characters.
    widths: Vec<usize>,
    /// The next row to write (0 is the header).
    row: u32,
    yen: CellFormat,
    date: CellFormat,
    header: CellFormat,
}

impl<'c, W: Write + Seek + Send> XlsxSink<'c, W> {
    /// A workbook to be saved into `out`; its worksheet's rows are kept in a
    /// temporary file in `tempdir` (beside the output, not in memory).
    pub fn new(
        out: W,
        tempdir: &Path,
        catalogue: &'c Catalogue,
        about: About,
        lang: Lang,
        as_of: NaiveDate,
    ) -> Result<XlsxSink<'c, W>, BatchError> {
        let mut workbook = Workbook::new();
        workbook.set_tempdir(tempdir).map_err(write_error)?;
        Ok(XlsxSink {
            out: Some(out),
            workbook,
            catalogue,
            about,
            lang,
            as_of,
            width: 0,
            program_columns: Vec::new(),
            grant_columns: Vec::new(),
            shown: BTreeSet::new(),
            widths: Vec::new(),
            row: 0,
            yen: CellFormat::new().set_num_format("#,##0\"円\""),
            date: CellFormat::new().set_num_format("yyyy-mm-dd"),
            header: CellFormat::new().set_bold().set_align(FormatAlign::Top),
        })
    }

    fn sheet(&mut self) -> Result<&mut Worksheet, BatchError> {
        self.workbook.worksheet_from_index(0).map_err(write_error)
    }

    /// Writes one row's cells.
    fn write_row<'a>(&mut self, cells: impl Iterator<Item = Cell<'a>>) -> Result<(), BatchError> {
        for (col, cell) in cells.enumerate() {
            if matches!(cell, Cell::Empty) {
                continue;
            }
            // The programs shown, for the second sheet's sources.
            if let Cell::Text(id) = cell
                && self.program_columns.contains(&col)
                && !self.shown.contains(id)
            {
                self.shown.insert(id.to_string());
            }
            if let Some((_, id)) = self.grant_columns.iter().find(|(c, _)| *c == col)
                && !self.shown.contains(id)
            {
                self.shown.insert(id.clone());
            }
            let written = self.cell(self.row, col, cell)?;
            if let Some(w) = self.widths.get_mut(col) {
                *w = (*w).max(written);
            }
        }
        Ok(())
    }

    /// Writes one cell as what it holds; returns its width. Yen and counts
    /// are numbers (yen formatted), and so are input cells in the columns
    /// read as yen or counts that are plain integers; dates are dates;
    /// everything else text as written.
    fn cell(&mut self, row: u32, col: usize, cell: Cell<'_>) -> Result<usize, BatchError> {
        let col16 = column(col)?;
        let Self {
            workbook,
            yen,
            date,
            ..
        } = self;
        let (yen, date): (&CellFormat, &CellFormat) = (yen, date);
        let sheet = workbook.worksheet_from_index(0).map_err(write_error)?;
        let mut digits = itoa::Buffer::new();
        let day_text;
        let text = match cell {
            Cell::Empty => return Ok(0),
            Cell::Text(text) => text,
            Cell::Input(text, kind) => match (kind, plain_integer(text)) {
                (Kind::Yen, Some(n)) => return number(sheet, row, col16, n, Some(yen), text),
                (Kind::Count, Some(n)) => return number(sheet, row, col16, n, None, text),
                _ => text,
            },
            Cell::Yen(n) if n < EXACT_DIGITS_BELOW => {
                return number(sheet, row, col16, n as i64, Some(yen), digits.format(n));
            }
            Cell::Count(n) if n < EXACT_DIGITS_BELOW => {
                return number(sheet, row, col16, n as i64, None, digits.format(n));
            }
            Cell::Days(n) if n.unsigned_abs() < EXACT_DIGITS_BELOW => {
                return number(sheet, row, col16, n, None, digits.format(n));
            }
            Cell::Yen(n) | Cell::Count(n) => digits.format(n),
            Cell::Days(n) => digits.format(n),
            Cell::Date(day) => match excel_date(day) {
                Some(excel) => {
                    sheet
                        .write_datetime_with_format(row, col16, &excel, date)
                        .map_err(write_error)?;
                    return Ok(10);
                }
                None => {
                    day_text = day.format("%Y-%m-%d").to_string();
                    &day_text
                }
            },
        };
        if text.is_empty() {
            return Ok(0);
        }
        if text.chars().count() > EXCEL_CELL_CHARS {
            return Err(BatchError::CellTooLongForXlsx {
                row: u64::from(row) + 1,
                chars: text.chars().count(),
            });
        }
        sheet.write_string(row, col16, text).map_err(write_error)?;
        Ok(width(text))
    }
}

impl<W: Write + Seek + Send> Sink for XlsxSink<'_, W> {
    type Piece = CellRows;
    type Writer<'l> = CellRowWriter<'l>;

    fn writer<'l>(&self, layout: &'l Layout) -> CellRowWriter<'l> {
        CellRowWriter::new(layout)
    }

    /// The header row, from the layout.
    fn begin(&mut self, layout: &Layout) -> Result<(), BatchError> {
        let sheet = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(write_error)?;
        sheet
            .set_name(template(self.lang, Key::XlsxResultSheet))
            .map_err(write_error)?;
        let inputs = layout.names.len();
        for (at, column) in layout.columns.iter().enumerate() {
            match column {
                Res::Program | Res::BestProgram => self.program_columns.push(inputs + at),
                Res::ProgramGrant(i) => {
                    if let Some(id) = layout.programs.get(*i) {
                        self.grant_columns.push((inputs + at, id.clone()));
                    }
                }
                _ => {}
            }
        }
        let names: Vec<&str> = layout
            .names
            .iter()
            .map(|n| n.as_ref())
            .chain(layout.results.iter().map(String::as_str))
            .chain(layout.extra.as_deref())
            .collect();
        self.width = names.len();
        self.widths = names.iter().map(|n| width(n)).collect();
        let header = self.header.clone();
        let sheet = self.sheet()?;
        for (col, name) in names.iter().enumerate() {
            sheet
                .write_string_with_format(0, column(col)?, *name, &header)
                .map_err(write_error)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(write_error)?;
        print_setup(sheet)?;
        sheet.set_repeat_rows(0, 0).map_err(write_error)?;
        self.row = 1;
        Ok(())
    }

    /// Whole rows (a worker's piece), written a cell at a time.
    fn rows(&mut self, piece: &CellRows) -> Result<(), BatchError> {
        let mut cells = piece.cells();
        for _ in 0..piece.rows(self.width) {
            if u64::from(self.row) >= EXCEL_ROWS {
                return Err(BatchError::TooManyRowsForXlsx(u64::from(self.row) + 1));
            }
            self.write_row(cells.by_ref().take(self.width))?;
            self.row += 1;
        }
        Ok(())
    }

    /// Widths, the filter, the second sheet; then the workbook is saved.
    fn end(&mut self) -> Result<(), BatchError> {
        let last_row = self.row.saturating_sub(1);
        let last_col = column(self.width.saturating_sub(1))?;
        let widths = std::mem::take(&mut self.widths);
        let sheet = self.sheet()?;
        for (col, w) in widths.iter().enumerate() {
            let chars = (*w).clamp(6, MAX_WIDTH) + 2;
            sheet
                .set_column_width(column(col)?, chars as f64)
                .map_err(write_error)?;
        }
        sheet
            .autofilter(0, 0, last_row, last_col)
            .map_err(write_error)?;
        self.about_sheet()?;
        let out = self.out.take().ok_or_else(|| BatchError::Internal {
            line: 0,
            message: "the workbook was saved twice".to_string(),
        })?;
        let mut out = FailOnce {
            inner: out,
            failed: None,
        };
        let saved = self.workbook.save_to_writer(&mut out);
        // The writer's own error (a full disk) says more than the zip's.
        match (saved, out.failed) {
            (Ok(()), None) => Ok(()),
            (_, Some(e)) => Err(BatchError::Write(e)),
            (Err(e), None) => Err(write_error(e)),
        }
    }
}

/// Writes a number (yen formatted with `yen`); returns its width, shown
/// as `text` is (`6579000` as `6,579,000円`).
fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    n: i64,
    yen: Option<&CellFormat>,
    text: &str,
) -> Result<usize, BatchError> {
    // At most 15 digits: exact as an Excel number.
    match yen {
        Some(yen) => {
            sheet
                .write_number_with_format(row, col, n as f64, yen)
                .map_err(write_error)?;
            Ok(digits_with_commas(text) + 2)
        }
        None => {
            sheet
                .write_number(row, col, n as f64)
                .map_err(write_error)?;
            Ok(text.len())
        }
    }
}

/// An input cell that is a plain integer: `250`, `-3`, `14000000`; no sign
/// but `-`, no leading zero, no spaces, at most 15 digits.
fn plain_integer(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().filter(|_| is_plain_integer(text))
}

/// A writer that, once a write fails, keeps the error and takes whatever
/// follows without writing it: the zip writer tries to finish the archive
/// again when it is dropped, and would print its own second failure on
/// stderr beside the one line the run reports.
struct FailOnce<W> {
    inner: W,
    failed: Option<std::io::Error>,
}

impl<W: Write> Write for FailOnce<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            return Ok(buf.len());
        }
        self.inner.write(buf).inspect_err(|e| {
            self.failed = Some(std::io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_some() {
            return Ok(());
        }
        self.inner.flush().inspect_err(|e| {
            self.failed = Some(std::io::Error::new(e.kind(), e.to_string()));
        })
    }
}

impl<W: Seek> Seek for FailOnce<W> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        if self.failed.is_some() {
            return Ok(0);
        }
        self.inner.seek(to).inspect_err(|e| {
            self.failed = Some(std::io::Error::new(e.kind(), e.to_string()));
        })
    }
}

/// Printed as a client would want it: A4 landscape, a page wide.
fn print_setup(sheet: &mut Worksheet) -> Result<(), BatchError> {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A day as an Excel date; `None` outside Excel's years (1900–9999), where
/// it is written as text.
fn excel_date(day: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(day.year()).ok()?;
    ExcelDateTime::from_ymd(
        year,
        u8::try_from(day.month()).ok()?,
        u8::try_from(day.day()).ok()?,
    )
    .ok()
}

/// Excel's column number for `col`, or the error that the row is too wide.
fn column(col: usize) -> Result<u16, BatchError> {
    u16::try_from(col)
        .ok()
        .filter(|c| u32::from(*c) < EXCEL_COLUMNS)
        .ok_or(BatchError::TooManyColumnsForXlsx(col + 1))
}

/// `250`, `-3`, `14000000`: no sign but `-`, no leading zero, no spaces,
/// at most 15 digits (what Excel keeps exactly).
fn is_plain_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

/// The width of `6579000` shown as `6,579,000`.
fn digits_with_commas(text: &str) -> usize {
    let digits = text.trim_start_matches('-').len();
    text.len() + digits.saturating_sub(1) / 3
}

/// The width of text in half-width characters (a kanji counts 2).
fn width(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width_cjk)
        .max()
        .unwrap_or(0)
}

fn write_error(e: rust_xlsxwriter::XlsxError) -> BatchError {
    BatchError::Write(std::io::Error::other(e.to_string()))
}
