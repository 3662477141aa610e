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
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
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
    csv: csv::Writer<Vec<u8>>,
    /// The row being built, written whole (csv's fast path for records).
    record: csv::ByteRecord,
    json: Vec<u8>,
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
            csv: csv::WriterBuilder::new()
                .buffer_capacity(1 << 16)
                .from_writer(Vec::with_capacity(super::CHUNK_ROWS * 256)),
            record: csv::ByteRecord::new(),
            json: Vec::new(),
            scratch: String::new(),
        }
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Result<Vec<u8>, BatchError> {
        match self.format {
            Format::Csv => self
                .csv
                .into_inner()
                .map_err(|e| BatchError::Write(e.into_error())),
            Format::Jsonl => Ok(self.json),
        }
    }

    pub fn write(&mut self, row: &Row, outcome: &Outcome<'_>) -> Result<(), BatchError> {
        match self.format {
            Format::Csv => self.write_csv(row, outcome),
            Format::Jsonl => self.write_json(row, outcome),
        }
    }

    fn write_csv(&mut self, row: &Row, outcome: &Outcome<'_>) -> Result<(), BatchError> {
        self.record.clear();
        let columns = Arc::clone(&self.columns);
        for (i, column) in columns.iter().enumerate() {
            match row.get(i, column) {
                None | Some(CellRef::Json(Value::Null)) => self.text(""),
                Some(CellRef::Text(text)) => self.text(text),
                Some(CellRef::Json(Value::String(text))) => self.text(text),
                Some(CellRef::Json(other)) => self.display(other),
            }?;
        }
        // The result columns are the tool's own: ids, numbers, dates, column
        // names and messages that start with "line N:", never a formula.
        self.number(Some(row.line))?;
        self.own(outcome.program)?;
        self.own(outcome.variant)?;
        self.own(outcome.eligibility)?;
        self.number(outcome.grant)?;
        self.number(outcome.self_burden)?;
        self.own(outcome.status)?;
        match outcome.deadline {
            Some(deadline) => self.date(deadline)?,
            None => self.own("")?,
        }
        self.text(&outcome.to_confirm)?;
        self.text(&outcome.error)?;
        self.csv
            .write_byte_record(&self.record)
            .map_err(write_error)
    }

    /// A text cell, guarded against formula injection.
    fn text(&mut self, text: &str) -> Result<(), BatchError> {
        self.record.push_field(guard(text, self.raw).as_bytes());
        Ok(())
    }

    /// One of the tool's own ids (program, variant, eligibility, status).
    fn own(&mut self, text: &str) -> Result<(), BatchError> {
        self.record.push_field(text.as_bytes());
        Ok(())
    }

    /// A number, never guarded; empty for `None`.
    fn number(&mut self, n: Option<u64>) -> Result<(), BatchError> {
        let mut buffer = itoa::Buffer::new();
        let text = n.map_or("", |n| buffer.format(n));
        self.record.push_field(text.as_bytes());
        Ok(())
    }

    /// `2031-09-30`, written digit by digit (chrono's `Display` is slow per row).
    fn date(&mut self, date: NaiveDate) -> Result<(), BatchError> {
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
        self.record.push_field(&text);
        Ok(())
    }

    /// A JSON value shown as text (a number, an array).
    fn display(&mut self, value: &Value) -> Result<(), BatchError> {
        self.scratch.clear();
        let _ = write!(self.scratch, "{value}");
        self.record
            .push_field(guard(&self.scratch, self.raw).as_bytes());
        Ok(())
    }

    fn write_json(&mut self, row: &Row, outcome: &Outcome<'_>) -> Result<(), BatchError> {
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
        serde_json::to_writer(&mut self.json, &object).map_err(|e| BatchError::Write(e.into()))?;
        self.json.push(b'\n');
        Ok(())
    }
}

fn write_error(e: csv::Error) -> BatchError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => BatchError::Write(e),
        other => BatchError::Write(std::io::Error::other(format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
