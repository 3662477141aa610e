//! What stops a whole run, and its message in each language.

use std::io;

use crate::i18n::Key;
use crate::input::fields;

/// What stops a whole run (exit status 2); a bad row never does.
#[derive(Debug)]
pub enum BatchError {
    Read(io::Error),
    Write(io::Error),
    NoHeader,
    HeaderEncoding(&'static str),
    HeaderTooLarge(usize),
    OpenQuote(u64),
    DuplicateColumn(String),
    SameMeaning(String, String),
    NearMiss(String, &'static str),
    /// A money column in thousands (or more) of yen: `経費（千円）`.
    ScaledUnit {
        column: String,
        unit: String,
        /// The column it names, in English (`cost`).
        name: String,
    },
    /// The header lacks a column every row needs.
    MissingColumn {
        column: &'static str,
        alias: &'static str,
        near: Option<String>,
    },
    /// xlsx output: more rows than an Excel sheet holds.
    TooManyRowsForXlsx(u64),
    CellTooLongForXlsx {
        row: u64,
        chars: usize,
    },
    TooManyColumnsForXlsx(usize),
    /// `--output-encoding shift_jis` where the output is not CSV.
    ShiftJisNotCsv,
    /// The input is a zip file (an .xlsx) read as text.
    WorkbookAsText,
    /// Shift_JIS output: a header name it cannot hold.
    HeaderNotShiftJis(String),
    /// A stage of the run failed unexpectedly (a bug): the run stops.
    Internal {
        line: u64,
        message: String,
    },
}

/// The English message, from the message table like every other language's.
impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

impl std::error::Error for BatchError {}

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
