//! Batch output as an Excel workbook made to be handed to a client: the
//! workers' rows, typed cells in input order ([`CellRows`]), written cell
//! by cell into constant-memory worksheets, so memory stays flat whatever
//! the row count. The first sheet is for people: the client's columns
//! first, then what the client reads, set to wrap and printed on A4
//! ([`plan`]); the ids and the columns to fill go to a technical sheet,
//! row for row; a third says what the estimates rest on ([`about`]). Yen
//! are numbers formatted `#,##0"円"`, dates are dates, the header rows are
//! frozen (the first sheet's filtered too).

mod about;
mod plan;
mod rows;

use std::collections::BTreeSet;
use std::io::{Seek, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ExcelDateTime, Format as CellFormat, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::{Cell, Kind, Sink};
use crate::Lang;
use crate::batch::excel::{EXCEL_CELL_CHARS, EXCEL_COLUMNS, EXCEL_ROWS};
use crate::batch::{BatchError, Layout, Res};
use crate::core::catalogue::Catalogue;
use crate::i18n::{Key, template};
pub use about::About;
use plan::{Look, Pages, Plan};
use rows::{CellRowWriter, CellRows};

/// The sheets, in order: the results for people, what they rest on, the ids.
const MAIN: usize = 0;
const INFO: usize = 1;
const TECH: usize = 2;

/// Integers below this, up to 15 digits, are written as Excel numbers:
/// Excel keeps 15 digits exactly (Microsoft, "Excel specifications and
/// limits"); a larger one is written as text.
const EXACT_DIGITS_BELOW: u64 = 1_000_000_000_000_000;
/// A column is never made wider than this (in Excel's character widths).
const MAX_WIDTH: usize = 60;
/// A header wider than this wraps rather than widen its column.
const HEADER_WIDTH: usize = 10;
/// The rows made as tall as their wrapped text, from the first: the
/// worksheet keeps each such row's height until it is saved (about 600
/// bytes), so past these (a list longer than anyone prints) rows keep the
/// standard height and memory stays flat whatever the row count.
const TALL_ROWS: u32 = 20_000;

/// The widths of columns known before the rows, and for the others the
/// least they will be (their header's, as far as it is kept whole).
fn chars_or_min(chars: &[Option<f64>], widths: &[usize]) -> Vec<f64> {
    (chars.iter().zip(widths))
        .map(|(c, w)| c.unwrap_or(*w as f64 + 2.0))
        .collect()
}

/// A workbook being written: its first and technical sheets fill row by row.
pub(in crate::batch) struct XlsxSink<'c, W: Write + Seek + Send> {
    out: Option<W>,
    workbook: Workbook,
    catalogue: &'c Catalogue,
    about: About,
    lang: Lang,
    as_of: NaiveDate,
    /// Cells in a row; 0 until the header is known.
    width: usize,
    /// Where each cell of a row goes, and how the first sheet is set.
    plan: Plan,
    /// Which cells name programs (`program`, `best_program`), and which
    /// hold a program's grant (summary shape) and whose, to list their sources.
    program_columns: Vec<usize>,
    grant_columns: Vec<(usize, String)>,
    shown: BTreeSet<String>,
    /// The first sheet's columns' widths where known before the rows, and
    /// the widest text in each column so far (first and technical sheets),
    /// in half-width characters.
    chars: Vec<Option<f64>>,
    widths: Vec<usize>,
    tech_widths: Vec<usize>,
    /// How the first sheet's printed columns are laid on pages.
    pages: Option<Pages>,
    /// The next row to write (0 is the header).
    row: u32,
    yen: CellFormat,
    date: CellFormat,
    /// Text on the first sheet: wrapped to its column, or on one line; a
    /// number there, at the top of its cell as the text beside it is.
    wrap: CellFormat,
    top: CellFormat,
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
            plan: Plan::default(),
            program_columns: Vec::new(),
            grant_columns: Vec::new(),
            shown: BTreeSet::new(),
            chars: Vec::new(),
            widths: Vec::new(),
            tech_widths: Vec::new(),
            pages: None,
            row: 0,
            yen: CellFormat::new()
                .set_num_format("#,##0\"円\"")
                .set_align(FormatAlign::Top),
            date: CellFormat::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Top),
            wrap: CellFormat::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            top: CellFormat::new().set_align(FormatAlign::Top),
            header: CellFormat::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(0xE8E8E8)
                .set_border_bottom(FormatBorder::Thin),
        })
    }

    fn sheet(&mut self, index: usize) -> Result<&mut Worksheet, BatchError> {
        self.workbook
            .worksheet_from_index(index)
            .map_err(write_error)
    }

    /// Writes one row's cells, each where the plan puts it; a row whose
    /// wrapped text takes more than a line is made as tall as it needs
    /// (the first [`TALL_ROWS`]).
    fn write_row<'a>(&mut self, cells: impl Iterator<Item = Cell<'a>>) -> Result<(), BatchError> {
        let mut lines = 1;
        for (at, cell) in cells.enumerate() {
            if matches!(cell, Cell::Empty) {
                continue;
            }
            // The programs shown, for the info sheet's sources.
            if let Cell::Text(id) = cell
                && self.program_columns.contains(&at)
                && !self.shown.contains(id)
            {
                self.shown.insert(id.to_string());
            }
            if let Some((_, id)) = self.grant_columns.iter().find(|(c, _)| *c == at)
                && !self.shown.contains(id)
            {
                self.shown.insert(id.clone());
            }
            let place = self.plan.places.get(at).copied().unwrap_or_default();
            if let Some(col) = place.main {
                let look = self.plan.main[usize::from(col)].1;
                if let (Look::Wrap(_), Cell::Text(text) | Cell::Input(text, _)) = (look, cell) {
                    let chars = self.chars[usize::from(col)].unwrap_or(10.0);
                    lines = lines.max(plan::lines(text, chars));
                }
                let written = self.cell(MAIN, self.row, col, cell, Some(look.wraps()))?;
                if let Some(w) = self.widths.get_mut(usize::from(col)) {
                    *w = (*w).max(written);
                }
            }
            if let Some(col) = place.tech {
                let written = self.cell(TECH, self.row, col, cell, None)?;
                if let Some(w) = self.tech_widths.get_mut(usize::from(col)) {
                    *w = (*w).max(written);
                }
            }
        }
        if lines > 1 && self.row <= TALL_ROWS {
            let row = self.row;
            self.sheet(MAIN)?
                .set_row_height(row, plan::row_height(lines))
                .map_err(write_error)?;
        }
        Ok(())
    }

    /// Writes one cell as what it holds; returns its width. Yen and counts
    /// are numbers (yen formatted), and so are input cells in the columns
    /// read as yen or counts that are plain integers; dates are dates;
    /// everything else text as written.
    /// On the first sheet (`set`: whether its text wraps) text and numbers
    /// sit at the top of their cells; the technical sheet's are plain.
    fn cell(
        &mut self,
        index: usize,
        row: u32,
        col16: u16,
        cell: Cell<'_>,
        set: Option<bool>,
    ) -> Result<usize, BatchError> {
        let Self {
            workbook,
            yen,
            date,
            wrap,
            top,
            ..
        } = self;
        let (yen, date): (&CellFormat, &CellFormat) = (yen, date);
        let (text_format, number_format): (Option<&CellFormat>, Option<&CellFormat>) = match set {
            Some(true) => (Some(wrap), Some(top)),
            Some(false) => (Some(top), Some(top)),
            None => (None, None),
        };
        let sheet = workbook.worksheet_from_index(index).map_err(write_error)?;
        let mut digits = itoa::Buffer::new();
        let day_text;
        let text = match cell {
            Cell::Empty => return Ok(0),
            Cell::Text(text) => text,
            Cell::Input(text, kind) => match (kind, plain_integer(text)) {
                (Kind::Yen, Some(n)) => {
                    return number(sheet, row, col16, n, (Some(yen), None), text);
                }
                (Kind::Count, Some(n)) => {
                    return number(sheet, row, col16, n, (None, number_format), text);
                }
                _ => text,
            },
            Cell::Yen(n) if n < EXACT_DIGITS_BELOW => {
                let text = digits.format(n);
                return number(sheet, row, col16, n as i64, (Some(yen), None), text);
            }
            Cell::Count(n) if n < EXACT_DIGITS_BELOW => {
                let text = digits.format(n);
                return number(sheet, row, col16, n as i64, (None, number_format), text);
            }
            Cell::Days(n) if n.unsigned_abs() < EXACT_DIGITS_BELOW => {
                return number(
                    sheet,
                    row,
                    col16,
                    n,
                    (None, number_format),
                    digits.format(n),
                );
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
        match text_format {
            Some(format) => sheet.write_string_with_format(row, col16, text, format),
            None => sheet.write_string(row, col16, text),
        }
        .map_err(write_error)?;
        Ok(width(text))
    }
}

impl<W: Write + Seek + Send> Sink for XlsxSink<'_, W> {
    type Piece = CellRows;
    type Writer<'l> = CellRowWriter<'l>;

    fn writer<'l>(&self, layout: &'l Layout) -> CellRowWriter<'l> {
        CellRowWriter::new(layout)
    }

    /// A workbook is for people: its rows carry what a client reads.
    fn for_people(&self) -> bool {
        true
    }

    /// The sheets and their header rows, from the layout and its plan.
    fn begin(&mut self, layout: &Layout) -> Result<(), BatchError> {
        // The first and technical sheets fill row by row (constant memory);
        // the info sheet, small, is written at the end.
        let lang = self.lang;
        for (name, constant) in [
            (Key::XlsxResultSheet, true),
            (Key::XlsxInfoSheet, false),
            (Key::XlsxTechnicalSheet, true),
        ] {
            let sheet = if constant {
                self.workbook.add_worksheet_with_constant_memory()
            } else {
                Ok(self.workbook.add_worksheet())
            }
            .map_err(write_error)?;
            sheet.set_name(template(lang, name)).map_err(write_error)?;
        }
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
        self.plan = Plan::of(layout);
        // A header wraps: a long one makes its column no wider than this.
        self.widths = (self.plan.main.iter())
            .map(|(cell, _)| width(names[*cell]).min(HEADER_WIDTH))
            .collect();
        // The widths known now; the printed ones narrowed (where their
        // text wraps) until a page holds them.
        let mut chars: Vec<f64> = (self.plan.main.iter().zip(&self.widths))
            .map(|((_, look), w)| look.chars().unwrap_or(*w as f64 + 2.0))
            .collect();
        let printed = self.plan.printed.min(chars.len());
        let wraps: Vec<bool> = self.plan.main.iter().map(|(_, l)| l.wraps()).collect();
        self.pages = Some(plan::pages(&mut chars[..printed], &wraps[..printed]));
        self.chars = (self.plan.main.iter().zip(chars))
            .map(|((_, look), c)| look.chars().map(|_| c))
            .collect();
        // The header as tall as its longest name, wrapped.
        let header_lines = (self
            .plan
            .main
            .iter()
            .zip(&chars_or_min(&self.chars, &self.widths)))
        .map(|((cell, _), c)| plan::lines(names[*cell], *c))
        .max()
        .unwrap_or(1);
        self.tech_widths = (self.plan.tech.iter())
            .map(|cell| width(names[*cell]))
            .collect();
        let main: Vec<&str> = self
            .plan
            .main
            .iter()
            .map(|(cell, _)| names[*cell])
            .collect();
        let tech: Vec<&str> = self.plan.tech.iter().map(|cell| names[*cell]).collect();
        let header = self.header.clone();
        for (index, names) in [(MAIN, &main), (TECH, &tech)] {
            let sheet = self.sheet(index)?;
            for (col, name) in names.iter().enumerate() {
                sheet
                    .write_string_with_format(0, column(col)?, *name, &header)
                    .map_err(write_error)?;
            }
            sheet.set_freeze_panes(1, 0).map_err(write_error)?;
        }
        if header_lines > 1 {
            self.sheet(MAIN)?
                .set_row_height(0, plan::row_height(header_lines))
                .map_err(write_error)?;
        }
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

    /// Widths, the filter, how the first sheet prints, the info sheet;
    /// then the workbook is saved.
    fn end(&mut self) -> Result<(), BatchError> {
        let last_row = self.row.saturating_sub(1);
        let columns = self.plan.main.len();
        let last_col = column(columns.saturating_sub(1))?;
        // Each column as planned, or as wide as its widest text up to its bound.
        let widths: Vec<f64> = (self.plan.main.iter().zip(&self.chars).zip(&self.widths))
            .map(|(((_, look), chars), w)| match (look, chars) {
                (_, Some(chars)) => *chars,
                (Look::Measured(most), None) => ((*w).clamp(4, *most) + 2) as f64,
                _ => (*w + 2) as f64,
            })
            .collect();
        let printed = self.plan.printed.min(columns);
        let pages = self.pages.take().unwrap_or(Pages::FitToWidth);
        let sheet = self.sheet(MAIN)?;
        for (col, chars) in widths.iter().enumerate() {
            sheet
                .set_column_width(column(col)?, *chars)
                .map_err(write_error)?;
        }
        sheet
            .autofilter(0, 0, last_row, last_col)
            .map_err(write_error)?;
        print_setup(sheet)?;
        sheet.set_repeat_rows(0, 0).map_err(write_error)?;
        sheet.set_print_gridlines(true);
        sheet.set_footer("&P / &N");
        if printed > 0 {
            sheet
                .set_print_area(0, 0, last_row, column(printed - 1)?)
                .map_err(write_error)?;
        }
        match pages {
            Pages::FitToWidth => {
                sheet.set_print_fit_to_pages(1, 0);
            }
            Pages::Breaks { scale, breaks } => {
                sheet.set_print_scale(scale);
                sheet
                    .set_vertical_page_breaks(&breaks)
                    .map_err(write_error)?;
            }
        }
        let tech_widths = std::mem::take(&mut self.tech_widths);
        let sheet = self.sheet(TECH)?;
        for (col, w) in tech_widths.iter().enumerate() {
            let chars = (*w).clamp(6, MAX_WIDTH) + 2;
            sheet
                .set_column_width(column(col)?, chars as f64)
                .map_err(write_error)?;
        }
        print_setup(sheet)?;
        sheet.set_print_fit_to_pages(1, 0);
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

/// Writes a number (yen formatted with `yen`, else with `format`, if
/// any); returns its width, shown as `text` is (`6579000` as `6,579,000円`).
fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    n: i64,
    (yen, format): (Option<&CellFormat>, Option<&CellFormat>),
    text: &str,
) -> Result<usize, BatchError> {
    // At most 15 digits: exact as an Excel number.
    let (format, width) = match yen {
        Some(yen) => (Some(yen), digits_with_commas(text) + 2),
        None => (format, text.len()),
    };
    match format {
        Some(format) => sheet.write_number_with_format(row, col, n as f64, format),
        None => sheet.write_number(row, col, n as f64),
    }
    .map_err(write_error)?;
    Ok(width)
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

/// Printed on A4 landscape, with narrow side margins; the first sheet
/// says more (its printed area, its pages, [`plan::pages`]).
fn print_setup(sheet: &mut Worksheet) -> Result<(), BatchError> {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_margins(plan::SIDE_MARGIN, plan::SIDE_MARGIN, 0.6, 0.6, 0.3, 0.3);
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
