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
    let risky = matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if raw || !risky || is_number(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("'{text}"))
    }
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
    /// Quotes CSV fields exactly as the csv crate's writer does.
    quoting: csv_core::Writer,
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
            quoting: csv_core::Writer::new(),
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

    fn write_csv(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        let mut line = CsvLine {
            out: &mut self.out,
            quoting: &self.quoting,
            raw: self.raw,
            first: true,
        };
        for (i, column) in self.columns.iter().enumerate() {
            match row.get(i, column) {
                None | Some(CellRef::Json(Value::Null)) => line.text(""),
                Some(CellRef::Text(text)) => line.text(text),
                Some(CellRef::Json(Value::String(text))) => line.text(text),
                Some(CellRef::Json(other)) => {
                    self.scratch.clear();
                    let _ = write!(self.scratch, "{other}");
                    line.text(&self.scratch);
                }
            }
        }
        // The result columns are the tool's own: ids, numbers, dates, column
        // names and messages that start with "line N:", never a formula.
        line.number(Some(row.line));
        line.own(outcome.program);
        line.own(outcome.variant);
        line.own(outcome.eligibility);
        line.number(outcome.grant);
        line.number(outcome.self_burden);
        line.own(outcome.status);
        match outcome.deadline {
            Some(deadline) => line.date(deadline),
            None => line.own(""),
        }
        line.text(&outcome.to_confirm);
        line.text(&outcome.error);
        line.out.push(b'\n');
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
        object.insert("to_confirm".into(), text(&outcome.to_confirm));
        object.insert("error".into(), text(&outcome.error));
        for (key, value) in self.trace.iter() {
            object.insert((*key).to_string(), value.clone());
        }
        serde_json::to_writer(&mut self.out, &object).map_err(|e| BatchError::Write(e.into()))?;
        self.out.push(b'\n');
        Ok(())
    }
}

fn write_error(e: csv::Error) -> BatchError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => BatchError::Write(e),
        other => BatchError::Write(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Whether the csv crate's writer would quote this field: it holds a comma,
/// a quote, `\r` or `\n` (the unit test checks every byte against csv_core).
/// Written as a fold without early exit so the compiler vectorises it: most
/// fields need no quotes, and every byte of them is looked at.
fn needs_quotes(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |any, &b| {
        any | matches!(b, b',' | b'"' | b'\r' | b'\n')
    })
}

/// One CSV line being written, field by field, straight into the chunk's
/// bytes. Fields are quoted where the csv crate's writer would quote them
/// (`QuoteStyle::Necessary`), by csv_core; the line ends in `\n`, as there.
struct CsvLine<'a> {
    out: &'a mut Vec<u8>,
    quoting: &'a csv_core::Writer,
    raw: bool,
    first: bool,
}

impl CsvLine<'_> {
    /// A text cell from the input, guarded against formula injection.
    fn text(&mut self, text: &str) {
        self.field(guard(text, self.raw).as_bytes());
    }

    /// One of the tool's own values: ids, column names, messages.
    fn own(&mut self, text: &str) {
        self.field(text.as_bytes());
    }

    /// A number, never guarded; empty for `None`.
    fn number(&mut self, n: Option<u64>) {
        let mut buffer = itoa::Buffer::new();
        self.field(n.map_or("", |n| buffer.format(n)).as_bytes());
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
        self.field(&text);
    }

    fn field(&mut self, bytes: &[u8]) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
        if !needs_quotes(bytes) {
            self.out.extend_from_slice(bytes);
            return;
        }
        // Worst case: every byte a quote, doubled, and the two around it.
        let at = self.out.len();
        self.out.resize(at + 2 * bytes.len() + 2, 0);
        let (quote, escape) = (self.quoting.get_quote(), self.quoting.get_escape());
        self.out[at] = quote;
        let (_, _, written) = csv_core::quote(
            bytes,
            &mut self.out[at + 1..],
            quote,
            escape,
            self.quoting.get_double_quote(),
        );
        self.out[at + 1 + written] = quote;
        self.out.truncate(at + 2 + written);
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
            let quoting = csv_core::Writer::new();
            let mut line = CsvLine { out: &mut ours, quoting: &quoting, raw: true, first: true };
            for field in &fields {
                line.own(field);
            }
            ours.push(b'\n');
            let mut theirs = csv::Writer::from_writer(Vec::new());
            theirs.write_record(&fields).unwrap();
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
