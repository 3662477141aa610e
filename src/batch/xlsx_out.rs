//! Batch output as an Excel workbook: the rows the workers make (CSV, in
//! input order) written cell by cell into a constant-memory worksheet, so
//! memory stays flat whatever the row count. Yen are numbers formatted
//! `#,##0"円"`, dates are dates, the header row is frozen and filtered, and a
//! second sheet says what the estimates rest on: the as-of date, the rule
//! data's version and SHA-256, the command, and the sources of every
//! program shown.

use std::collections::BTreeSet;
use std::io::{Seek, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, FormatAlign, Workbook, Worksheet};

use super::columns::Kind;
use super::pipeline::Sink;
use super::{BatchError, Layout, Res};
use crate::Lang;
use crate::core::catalogue::Catalogue;
use crate::i18n::{Key, template};
use crate::input::fields::Column;

/// The most rows an Excel sheet holds, the header included (Microsoft,
/// "Excel specifications and limits": 1,048,576 rows by 16,384 columns;
/// 32,767 characters a cell).
pub const EXCEL_ROWS: u64 = 1_048_576;
/// The most characters an Excel cell holds (the same page).
const EXCEL_CELL_CHARS: usize = 32_767;
/// A column is never made wider than this (in Excel's character widths).
const MAX_WIDTH: usize = 60;

/// What the second sheet says about the run besides the catalogue.
pub struct About {
    /// The command line, as typed.
    pub command: String,
}

/// A workbook being written: its one data sheet fills row by row.
pub(super) struct XlsxSink<'c, W: Write + Seek + Send> {
    out: Option<W>,
    workbook: Workbook,
    catalogue: &'c Catalogue,
    about: About,
    lang: Lang,
    as_of: NaiveDate,
    /// What each column holds; empty until the header is known.
    kinds: Vec<Kind>,
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
    record: csv::ByteRecord,
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
            kinds: Vec::new(),
            program_columns: Vec::new(),
            grant_columns: Vec::new(),
            shown: BTreeSet::new(),
            widths: Vec::new(),
            row: 0,
            yen: CellFormat::new().set_num_format("#,##0\"円\""),
            date: CellFormat::new().set_num_format("yyyy-mm-dd"),
            header: CellFormat::new().set_bold().set_align(FormatAlign::Top),
            record: csv::ByteRecord::new(),
        })
    }

    fn sheet(&mut self) -> Result<&mut Worksheet, BatchError> {
        self.workbook.worksheet_from_index(0).map_err(write_error)
    }

    /// The header row, from the layout.
    pub fn begin(&mut self, layout: &Layout) -> Result<(), BatchError> {
        let sheet = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(write_error)?;
        sheet
            .set_name(template(self.lang, Key::XlsxResultSheet))
            .map_err(write_error)?;
        let inputs = layout.names.len();
        // Input cells stay as written, text (a 13-digit 法人番号 is not a
        // number to Excel's eyes), but in the columns the tool reads as
        // amounts and counts.
        let input_kind = |meaning: &Column| match meaning {
            Column::Cost | Column::Item => Kind::Yen,
            Column::Beds
            | Column::Processes
            | Column::Functions
            | Column::Members
            | Column::Employees
            | Column::Coupons => Kind::Number,
            _ => Kind::Text,
        };
        self.kinds = layout
            .meanings
            .iter()
            .map(input_kind)
            .chain(layout.columns.iter().map(|c| c.kind()))
            .chain(layout.extra.iter().map(|_| Kind::Text))
            .collect();
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

    /// Whole CSV rows (a worker's piece), written a cell at a time.
    pub fn rows(&mut self, bytes: &[u8]) -> Result<(), BatchError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = std::mem::take(&mut self.record);
        while reader
            .read_byte_record(&mut record)
            .map_err(|e| BatchError::Internal {
                line: u64::from(self.row),
                message: e.to_string(),
            })?
        {
            if u64::from(self.row) >= EXCEL_ROWS {
                return Err(BatchError::TooManyRowsForXlsx(u64::from(self.row) + 1));
            }
            self.write_row(&record)?;
            self.row += 1;
        }
        self.record = record;
        Ok(())
    }

    fn write_row(&mut self, record: &csv::ByteRecord) -> Result<(), BatchError> {
        let row = self.row;
        for (col, cell) in record.iter().enumerate() {
            // The workers wrote these rows: UTF-8, as the input was decoded.
            let text = String::from_utf8_lossy(cell);
            if text.is_empty() {
                continue;
            }
            if self.program_columns.contains(&col) && !self.shown.contains(text.as_ref()) {
                self.shown.insert(text.to_string());
            }
            if let Some((_, id)) = self.grant_columns.iter().find(|(c, _)| *c == col)
                && !self.shown.contains(id)
            {
                self.shown.insert(id.clone());
            }
            let kind = self.kinds.get(col).copied().unwrap_or(Kind::Text);
            let written = self.cell(row, col, kind, &text)?;
            if let Some(w) = self.widths.get_mut(col) {
                *w = (*w).max(written);
            }
        }
        Ok(())
    }

    /// Writes one cell as its column's kind; returns its width. Amounts and
    /// counts that are plain integers are numbers (yen formatted), dates are
    /// dates, everything else text as written.
    fn cell(&mut self, row: u32, col: usize, kind: Kind, text: &str) -> Result<usize, BatchError> {
        let col16 = column(col)?;
        let Self {
            workbook,
            yen,
            date,
            ..
        } = self;
        let sheet = workbook.worksheet_from_index(0).map_err(write_error)?;
        let integer = || text.parse::<i64>().ok().filter(|_| is_plain_integer(text));
        match (kind, integer()) {
            (Kind::Yen, Some(n)) => {
                // At most 15 digits: exact as an Excel number.
                sheet
                    .write_number_with_format(row, col16, n as f64, yen)
                    .map_err(write_error)?;
                return Ok(digits_with_commas(text) + 2);
            }
            (Kind::Number, Some(n)) => {
                // At most 15 digits too: exact.
                sheet
                    .write_number(row, col16, n as f64)
                    .map_err(write_error)?;
                return Ok(text.len());
            }
            (Kind::Date, _) => {
                if let Some(excel) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .ok()
                    .and_then(excel_date)
                {
                    sheet
                        .write_datetime_with_format(row, col16, &excel, date)
                        .map_err(write_error)?;
                    return Ok(10);
                }
            }
            _ => {}
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

    /// Widths, the filter, the second sheet; then the workbook is saved.
    pub fn end(&mut self) -> Result<(), BatchError> {
        let last_row = self.row.saturating_sub(1);
        let last_col = column(self.kinds.len().saturating_sub(1))?;
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

    /// 情報: the as-of date, rule data, command, and the sources of every
    /// program shown.
    fn about_sheet(&mut self) -> Result<(), BatchError> {
        let lang = self.lang;
        let receipt = self.catalogue.receipt();
        let (bold, date) = (self.header.clone(), self.date.clone());
        let sheet = self.workbook.add_worksheet();
        sheet
            .set_name(template(lang, Key::XlsxInfoSheet))
            .map_err(write_error)?;
        let as_of = excel_date(self.as_of);
        let rows: [(Key, &str); 4] = [
            (Key::XlsxDataVersion, &receipt.version),
            (Key::XlsxDataSha, &receipt.sha256),
            (Key::XlsxCommand, &self.about.command),
            (
                Key::XlsxGenerated,
                concat!("subsidy ", env!("CARGO_PKG_VERSION")),
            ),
        ];
        let w = |e| write_error(e);
        sheet
            .write_string_with_format(0, 0, template(lang, Key::XlsxAsOf), &bold)
            .map_err(w)?;
        match &as_of {
            Some(as_of) => sheet.write_datetime_with_format(0, 1, as_of, &date),
            None => sheet.write_string(0, 1, self.as_of.to_string()),
        }
        .map_err(w)?;
        for (i, (key, value)) in rows.iter().enumerate() {
            let row = i as u32 + 1;
            sheet
                .write_string_with_format(row, 0, template(lang, *key), &bold)
                .map_err(w)?;
            sheet.write_string(row, 1, *value).map_err(w)?;
        }
        let mut row = rows.len() as u32 + 2;
        sheet
            .write_string_with_format(row, 0, template(lang, Key::XlsxSources), &bold)
            .map_err(w)?;
        row += 1;
        let heads = [
            Key::BatchColProgram,
            Key::XlsxSourceProgram,
            Key::XlsxSourceTitle,
            Key::XlsxSourceDate,
            Key::XlsxSourceUrl,
        ];
        for (col, key) in heads.iter().enumerate() {
            sheet
                .write_string_with_format(row, col as u16, template(lang, *key), &bold)
                .map_err(w)?;
        }
        for id in &self.shown {
            let Some(program) = self.catalogue.program(id) else {
                continue;
            };
            for (source, document) in program.cited_documents() {
                row += 1;
                let day = excel_date(document.date);
                sheet.write_string(row, 0, &program.id).map_err(w)?;
                sheet
                    .write_string(row, 1, program.name.get(lang))
                    .map_err(w)?;
                sheet
                    .write_string(
                        row,
                        2,
                        format!("[{}] {}", source.id, source.heading(document)),
                    )
                    .map_err(w)?;
                match &day {
                    Some(day) => sheet.write_datetime_with_format(row, 3, day, &date),
                    None => sheet.write_string(row, 3, document.date.to_string()),
                }
                .map_err(w)?;
                // The program's page as this document prints it.
                if let Some(link) = program.links.iter().find(|l| l.cite.source == source.id) {
                    sheet.write_string(row, 4, &link.url).map_err(w)?;
                }
            }
        }
        for (col, chars) in [(0u16, 24.0), (1, 48.0), (2, 60.0), (3, 12.0), (4, 60.0)] {
            sheet.set_column_width(col, chars).map_err(w)?;
        }
        print_setup(sheet)
    }
}

impl<W: Write + std::io::Seek + Send> Sink for XlsxSink<'_, W> {
    fn begin(&mut self, layout: &Layout, _header: &[u8]) -> Result<(), BatchError> {
        XlsxSink::begin(self, layout)
    }

    fn rows(&mut self, bytes: &[u8]) -> Result<(), BatchError> {
        XlsxSink::rows(self, bytes)
    }

    fn end(&mut self) -> Result<(), BatchError> {
        XlsxSink::end(self)
    }
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
        .filter(|c| *c < 16_384) // Excel's columns (see EXCEL_ROWS)
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
