//! Writing batch output: CSV (guarded against formula injection) or JSONL,
//! a chunk of rows at a time into bytes, so chunks can be made in parallel
//! and written in input order.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::read::{CellRef, Row};
use super::row::Outcome;
use super::{BatchError, Format, RESULT_COLUMNS};

/// A text cell a spreadsheet would run as a formula gets a leading `'`
/// (the OWASP rule for CSV injection); numbers are never touched.
pub(super) fn guard(text: &str, raw: bool) -> Cow<'_, str> {
    if !raw && is_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a spreadsheet would run this text as a formula: it begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number.
#[inline]
fn is_formula(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) && !is_number(text)
}

/// `-12`, `+3.5`, `1000`.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// The header line: the input's columns, then the result columns.
pub(super) fn header(
    columns: &[Arc<str>],
    format: Format,
    raw: bool,
) -> Result<Vec<u8>, BatchError> {
    if format == Format::Jsonl {
        return Ok(Vec::new());
    }
    let mut csv = csv::WriterBuilder::new().from_writer(Vec::new());
    let names = columns
        .iter()
        .map(|c| guard(c, raw))
        .chain(RESULT_COLUMNS.iter().map(|c| Cow::Borrowed(*c)));
    for name in names {
        csv.write_field(name.as_bytes()).map_err(write_error)?;
    }
    csv.write_record(None::<&[u8]>).map_err(write_error)?;
    csv.into_inner()
        .map_err(|e| BatchError::Write(e.into_error()))
}

/// Output rows of one chunk, as bytes.
pub(super) struct Chunk {
    format: Format,
    /// `as_of`, `catalogue_version`, `catalogue_sha256` for each JSONL line.
    trace: Arc<[(&'static str, Value)]>,
    raw: bool,
    columns: Arc<[Arc<str>]>,
    out: Vec<u8>,
    /// Reused for JSON values shown as text.
    scratch: String,
}

impl Chunk {
    pub fn new(
        format: Format,
        raw: bool,
        columns: Arc<[Arc<str>]>,
        trace: Arc<[(&'static str, Value)]>,
    ) -> Chunk {
        Chunk {
            format,
            trace,
            raw,
            columns,
            // Room for a whole chunk, so the buffer is not regrown and copied.
            out: Vec::with_capacity(super::CHUNK_ROWS * 256),
            scratch: String::new(),
        }
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    pub fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>) -> Result<(), BatchError> {
        match self.format {
            Format::Csv => {
                self.write_csv(row, outcome);
                Ok(())
            }
            Format::Jsonl => self.write_json(row, outcome),
        }
    }

    /// Writes the line with no field quoted, then looks over it once: if it
    /// holds no quote, `\r` or `\n` and no comma but the separators, that is
    /// the line; otherwise it is written again, each field quoted where needed.
    fn write_csv(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        let start = self.out.len();
        self.write_fields(row, outcome, false);
        let separators = self.columns.len() + RESULT_COLUMNS.len() - 1;
        if !is_plain_line(&self.out[start..], separators) {
            self.out.truncate(start);
            self.write_fields(row, outcome, true);
        }
        self.out.push(b'\n');
    }

    fn write_fields(&mut self, row: Row<'_>, outcome: &Outcome<'_>, quote: bool) {
        let mut line = CsvLine {
            out: &mut self.out,
            raw: self.raw,
            quote,
            first: true,
        };
        if let Some(cells) = row.csv_cells() {
            cells.for_each(|cell| line.text(cell));
        } else {
            json_cells(&self.columns, &mut self.scratch, &mut line, row);
        }
        // The result columns are the tool's own: numbers, dates and fixed
        // words (never quoted); ids from the catalogue, column names and
        // messages that start with "line N:" (quoted where needed); never a
        // formula, but guarded all the same.
        line.number(Some(row.line));
        line.field(outcome.program.as_bytes());
        line.field(outcome.variant.as_bytes());
        line.plain(outcome.eligibility.as_bytes());
        line.number(outcome.grant);
        line.number(outcome.self_burden);
        line.plain(outcome.status.as_bytes());
        match outcome.deadline {
            Some(deadline) => line.date(deadline),
            None => line.plain(b""),
        }
        line.text(outcome.to_confirm);
        line.text(outcome.error);
    }

    fn write_json(&mut self, row: Row<'_>, outcome: &Outcome<'_>) -> Result<(), BatchError> {
        let mut object = Map::new();
        for (name, cell) in row.cells() {
            let value = match cell {
                CellRef::Text(s) => Value::String(s.to_string()),
                CellRef::Json(v) => v.clone(),
            };
            object.insert(name.to_string(), value);
        }
        let text = |s: &str| {
            if s.is_empty() {
                Value::Null
            } else {
                Value::String(s.to_string())
            }
        };
        object.insert("row".into(), row.line.into());
        object.insert("program".into(), text(outcome.program));
        object.insert("variant".into(), text(outcome.variant));
        object.insert("eligibility".into(), text(outcome.eligibility));
        object.insert(
            "grant".into(),
            outcome.grant.map_or(Value::Null, Value::from),
        );
        object.insert(
            "self_burden".into(),
            outcome.self_burden.map_or(Value::Null, Value::from),
        );
        object.insert("status".into(), text(outcome.status));
        object.insert(
            "deadline".into(),
            outcome
                .deadline
                .map_or(Value::Null, |d| d.to_string().into()),
        );
        object.insert("to_confirm".into(), text(outcome.to_confirm));
        object.insert("error".into(), text(outcome.error));
        for (key, value) in self.trace.iter() {
            object.insert((*key).to_string(), value.clone());
        }
        serde_json::to_writer(&mut self.out, &object).map_err(|e| BatchError::Write(e.into()))?;
        self.out.push(b'\n');
        Ok(())
    }
}

/// A JSONL row's cells, in the order of the first row's keys (`columns`).
fn json_cells(columns: &[Arc<str>], scratch: &mut String, line: &mut CsvLine<'_>, row: Row<'_>) {
    for (i, column) in columns.iter().enumerate() {
        match row.get(i, column) {
            None | Some(CellRef::Json(Value::Null)) => line.plain(b""),
            Some(CellRef::Text(text)) => line.text(text),
            Some(CellRef::Json(Value::String(text))) => line.text(text),
            Some(CellRef::Json(other)) => {
                scratch.clear();
                let _ = write!(scratch, "{other}");
                line.text(scratch);
            }
        }
    }
}

fn write_error(e: csv::Error) -> BatchError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => BatchError::Write(e),
        other => BatchError::Write(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Whether the csv crate's writer would quote this field: it holds a comma,
/// a quote, `\r` or `\n` (a unit test checks every byte against csv_core).
fn needs_quotes(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// Whether a line written without quotes is right as it is: its only commas
/// are the `separators` between fields, and it holds no quote, `\r` or `\n`.
/// Written without early exit so the compiler vectorises it: it looks at
/// every byte of every line.
fn is_plain_line(line: &[u8], separators: usize) -> bool {
    let (mut commas, mut special) = (0usize, 0u8);
    // Counted in bytes a block at a time, so the compiler keeps 16 or 32 in a register.
    for block in line.chunks(128) {
        let mut block_commas = 0u8;
        for &b in block {
            block_commas += u8::from(b == b',');
            special |= u8::from(b == b'"') | u8::from(b == b'\r') | u8::from(b == b'\n');
        }
        commas += usize::from(block_commas);
    }
    commas == separators && special == 0
}

/// One CSV line being written, field by field, straight into the chunk's
/// bytes. With `quote`, fields are quoted where the csv crate's writer would
/// quote them (`QuoteStyle::Necessary`), by csv_core.
struct CsvLine<'a> {
    out: &'a mut Vec<u8>,
    raw: bool,
    quote: bool,
    first: bool,
}

impl CsvLine<'_> {
    /// A text cell, guarded against formula injection.
    #[inline]
    fn text(&mut self, text: &str) {
        let guard: &[u8] = if !self.raw && is_formula(text) {
            b"'"
        } else {
            b""
        };
        self.write(guard, text.as_bytes());
    }

    /// A field quoted where needed when the line is being quoted.
    #[inline]
    fn field(&mut self, bytes: &[u8]) {
        self.write(b"", bytes);
    }

    /// A number, never guarded; empty for `None`.
    #[inline]
    fn number(&mut self, n: Option<u64>) {
        let mut buffer = itoa::Buffer::new();
        self.plain(n.map_or("", |n| buffer.format(n)).as_bytes());
    }

    /// `2031-09-30`, written digit by digit (chrono's `Display` is slow per row).
    fn date(&mut self, date: NaiveDate) {
        let mut text = *b"0000-00-00";
        let digits = |out: &mut [u8], mut n: u32| {
            for place in out.iter_mut().rev() {
                *place = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        digits(&mut text[0..4], date.year().unsigned_abs());
        digits(&mut text[5..7], date.month());
        digits(&mut text[8..10], date.day());
        self.plain(&text);
    }

    /// A field that never needs quotes.
    #[inline]
    fn plain(&mut self, bytes: &[u8]) {
        self.separate();
        self.out.extend_from_slice(bytes);
    }

    #[inline]
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
    }

    /// `guard` (empty or `'`) then `bytes`, as one field.
    #[inline]
    fn write(&mut self, guard: &[u8], bytes: &[u8]) {
        self.separate();
        if !self.quote || !needs_quotes(bytes) {
            self.out.extend_from_slice(guard);
            self.out.extend_from_slice(bytes);
            return;
        }
        // Worst case: every byte a quote, doubled, and the two around it.
        let at = self.out.len();
        self.out.resize(at + guard.len() + 2 * bytes.len() + 2, 0);
        self.out[at] = b'"';
        self.out[at + 1..at + 1 + guard.len()].copy_from_slice(guard);
        let from = at + 1 + guard.len();
        let (_, _, written) = csv_core::quote(bytes, &mut self.out[from..], b'"', b'"', true);
        self.out[from + written] = b'"';
        self.out.truncate(from + written + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_bytes_csv_core_quotes() {
        let core = csv_core::Writer::new();
        for b in 0..=u8::MAX {
            let field = [b'a', b, b'z'];
            assert_eq!(needs_quotes(&field), core.should_quote(&field), "byte {b}");
        }
    }

    proptest::proptest! {
        /// A line written field by field is byte for byte what csv::Writer writes.
        #[test]
        fn lines_match_the_csv_writer(fields in proptest::collection::vec("[a-z,\"\r\n 病院'=-]{0,8}", 1..6)) {
            let mut ours = Vec::new();
            let mut line = CsvLine { out: &mut ours, raw: false, quote: true, first: true };
            for field in &fields {
                line.text(field);
            }
            ours.push(b'\n');
            let mut theirs = csv::Writer::from_writer(Vec::new());
            theirs.write_record(fields.iter().map(|f| guard(f, false).into_owned())).unwrap();
            let theirs = theirs.into_inner().unwrap();
            // csv writes a lone empty field as `""`; a batch line has at least ten.
            if fields.len() > 1 || !fields[0].is_empty() {
                proptest::prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
            }
        }
    }

    #[test]
    fn guards_formula_cells_but_not_numbers() {
        assert_eq!(guard("=SUM(A1)", false), "'=SUM(A1)");
        assert_eq!(guard("+81-3", false), "'+81-3");
        assert_eq!(guard("@cmd", false), "'@cmd");
        assert_eq!(guard("\tx", false), "'\tx");
        assert_eq!(guard("\rx", false), "'\rx");
        assert_eq!(guard("-5", false), "-5");
        assert_eq!(guard("-1.5", false), "-1.5");
        assert_eq!(guard("=1", true), "=1");
        assert_eq!(guard("病院", false), "病院");
    }
}
