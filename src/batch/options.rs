//! What a run is asked for: the input's encoding, the output's format,
//! shape and language, and the guards a spreadsheet needs.

use chrono::NaiveDate;

use super::FormulasWithoutResult;
use crate::Lang;

/// How input bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM) if the start of the input is UTF-8, else Shift_JIS (CP932).
    Auto,
    Utf8,
    ShiftJis,
}

/// CSV with a header row, or one JSON object per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub as_of: NaiveDate,
    /// Output format; `None` writes what was read.
    pub format: Option<Format>,
    pub encoding: Encoding,
    /// Write a UTF-8 BOM first (CSV), so Japanese Excel opens the file right.
    pub bom: bool,
    /// Turn off the CSV-injection guard.
    pub raw: bool,
    /// The CSV input's delimiter; `None`: a comma, or a tab for UTF-16
    /// input (Excel's "Unicode テキスト").
    pub delimiter: Option<u8>,
    /// The language of headers, labels, names and messages (JSONL keeps codes).
    pub lang: Lang,
    pub shape: Shape,
    /// Also what cannot be applied for on the as-of date, as `calc --all`.
    pub all: bool,
    /// CSV output in Shift_JIS (CP932), lines ending with CRLF: 〜 ‖ − ¢ £ ¬
    /// are written as CP932's bytes for them (what Excel shows as the same
    /// glyph); a character it cannot hold is written as 〓 and reported in
    /// its row's error.
    pub shift_jis: bool,
    /// An .xlsx input's formula cells without a saved result
    /// ([`XlsxInput::formulas_without_result`](super::XlsxInput::formulas_without_result)):
    /// each makes its row an error naming the cell.
    pub formulas_without_result: Option<FormulasWithoutResult>,
}

impl Options {
    /// The defaults of `subsidy batch` on `as_of`: the input's format,
    /// encoding detected, no BOM, guarded, Japanese, long shape.
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            as_of,
            format: None,
            encoding: Encoding::Auto,
            bom: false,
            raw: false,
            delimiter: None,
            lang: Lang::Ja,
            shape: Shape::Long,
            all: false,
            shift_jis: false,
            formulas_without_result: None,
        }
    }
}

/// What an output row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// One row per result: facility, program and tier.
    #[default]
    Long,
    /// One row per input row: a grant column per program, the largest grant,
    /// the nearest deadline and what to confirm.
    Summary,
}
