//! What stops a whole run, and its message in each language.

use std::io;

use crate::i18n::Key;
use crate::input::fields;

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
    #[error("the header is longer than {0} MB")]
    HeaderTooLarge(usize),
    #[error("the header (line {0}) opens a quoted cell that is never closed")]
    OpenQuote(u64),
    #[error("the header repeats the column '{0}'")]
    DuplicateColumn(String),
    #[error("the header's columns '{0}' and '{1}' are the same column; keep one")]
    SameMeaning(String, String),
    #[error(
        "the header's column '{0}' is not one the tool reads; did you mean '{1}'? Rename it, or the rows are estimated without it"
    )]
    NearMiss(String, &'static str),
    /// A money column in thousands (or more) of yen: `経費（千円）`.
    #[error("the column '{column}' is in {unit}, but amounts are read in yen")]
    ScaledUnit {
        column: String,
        unit: String,
        /// The column it names, in English (`cost`).
        name: String,
    },
    /// The header lacks a column every row needs.
    #[error("the header has no '{column}' column")]
    MissingColumn {
        column: &'static str,
        alias: &'static str,
        near: Option<String>,
    },
    /// xlsx output: more rows than an Excel sheet holds.
    #[error("the output has {0} rows, more than an Excel sheet holds")]
    TooManyRowsForXlsx(u64),
    #[error("row {row} holds a cell of {chars} characters, more than an Excel cell holds")]
    CellTooLongForXlsx { row: u64, chars: usize },
    #[error("{0} columns are more than an Excel sheet holds")]
    TooManyColumnsForXlsx(usize),
    /// `--output-encoding shift_jis` where the output is not CSV.
    #[error("--output-encoding shift_jis is for CSV output only")]
    ShiftJisNotCsv,
    /// The input is a zip file (an .xlsx) read as text.
    #[error("the input is an Excel workbook; give its path")]
    WorkbookAsText,
    /// Shift_JIS output: a header name it cannot hold.
    #[error("the header's column '{0}' holds characters Shift_JIS cannot hold")]
    HeaderNotShiftJis(String),
    /// A stage of the run failed unexpectedly (a bug): the run stops.
    #[error("internal error at line {line}: {message}; the output is incomplete")]
    Internal { line: u64, message: String },
}

impl BatchError {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::i18n::{io_reason, text};
        match self {
            BatchError::Read(e) => text(lang, Key::BatchRead, &[("reason", &io_reason(lang, e))]),
            BatchError::Write(e) => text(lang, Key::BatchWrite, &[("reason", &io_reason(lang, e))]),
            BatchError::NoHeader => text(lang, Key::BatchNoHeader, &[]),
            BatchError::HeaderEncoding(encoding) => {
                text(lang, Key::BatchHeaderEncoding, &[("encoding", encoding)])
            }
            BatchError::HeaderTooLarge(mb) => text(lang, Key::BatchHeaderTooLarge, &[("mb", mb)]),
            BatchError::OpenQuote(line) => text(lang, Key::BatchOpenQuote, &[("line", line)]),
            BatchError::DuplicateColumn(column) => {
                text(lang, Key::BatchDuplicateColumn, &[("column", column)])
            }
            BatchError::SameMeaning(first, second) => text(
                lang,
                Key::BatchSameMeaning,
                &[("first", first), ("second", second)],
            ),
            BatchError::NearMiss(column, near) => text(
                lang,
                Key::BatchNearMiss,
                &[("column", column), ("near", near)],
            ),
            BatchError::ScaledUnit { column, unit, name } => {
                fields::scaled_unit_message(lang, column, unit, name)
            }
            BatchError::MissingColumn {
                column,
                alias,
                near: Some(near),
            } => text(
                lang,
                Key::BatchMissingColumnNear,
                &[("column", column), ("alias", alias), ("near", near)],
            ),
            BatchError::MissingColumn {
                column,
                alias,
                near: None,
            } => text(
                lang,
                Key::BatchMissingColumn,
                &[("column", column), ("alias", alias)],
            ),
            BatchError::TooManyRowsForXlsx(rows) => text(
                lang,
                Key::BatchTooManyRowsForXlsx,
                &[
                    (
                        "limit",
                        &crate::core::money::group_thousands(u128::from(super::EXCEL_ROWS)),
                    ),
                    (
                        "rows",
                        &crate::core::money::group_thousands(u128::from(*rows)),
                    ),
                    ("csv", &"estimates.csv"),
                ],
            ),
            BatchError::CellTooLongForXlsx { row, chars } => text(
                lang,
                Key::BatchCellTooLongForXlsx,
                &[("row", row), ("chars", chars)],
            ),
            BatchError::TooManyColumnsForXlsx(columns) => text(
                lang,
                Key::BatchTooManyColumnsForXlsx,
                &[("columns", columns)],
            ),
            BatchError::WorkbookAsText => text(lang, Key::BatchWorkbookOnStdin, &[]),
            BatchError::ShiftJisNotCsv => text(lang, Key::BatchJsonlIsUtf8, &[]),
            BatchError::HeaderNotShiftJis(column) => {
                text(lang, Key::BatchHeaderNotShiftJis, &[("column", column)])
            }
            BatchError::Internal { line, message } => text(
                lang,
                Key::BatchInternal,
                &[("line", line), ("message", message)],
            ),
        }
    }
}
