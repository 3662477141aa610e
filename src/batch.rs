//! `subsidy batch`: estimates for many facilities from CSV or JSONL, streamed
//! row by row, in input order, with nothing lost: a bad row becomes an output
//! row that carries its error.
//!
//! This is the library entry point ([`run`]); the CLI only opens the files.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

use crate::catalogue::{Entity, FacilityClass, RateFlag};
use crate::estimate::Estimate;
use crate::money;
use crate::request::{Checker, Request};

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
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input data rows (not the header).
    pub read: u64,
    /// Output rows (one per result; one per failed row).
    pub written: u64,
    /// Input rows that carried an error.
    pub failed: u64,
}

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
    #[error("the header repeats the column '{0}'")]
    DuplicateColumn(String),
}

/// The result columns appended to every output row.
pub const RESULT_COLUMNS: [&str; 10] = [
    "row",
    "program",
    "variant",
    "eligibility",
    "grant",
    "self_burden",
    "status",
    "deadline",
    "to_confirm",
    "error",
];

/// One input row: its line number and its cells by column.
struct Row {
    line: u64,
    /// Cells by column name; CSV rows share the header's names.
    cells: Vec<(Arc<str>, Cell)>,
    /// A problem found while reading (bytes that cannot be decoded, …).
    problem: Option<String>,
}

/// A cell as read: text from CSV, any JSON value from JSONL.
#[derive(Debug, Clone)]
enum Cell {
    Text(String),
    Json(Value),
}

impl Cell {
    /// The cell as text for parsing; `None` when empty or null.
    fn text(&self) -> Option<Cow<'_, str>> {
        let text: Cow<'_, str> = match self {
            Cell::Text(s) => Cow::Borrowed(s.as_str()),
            Cell::Json(Value::Null) => return None,
            Cell::Json(Value::String(s)) => Cow::Borrowed(s.as_str()),
            Cell::Json(Value::Bool(b)) => Cow::Borrowed(if *b { "yes" } else { "no" }),
            Cell::Json(other) => Cow::Owned(other.to_string()),
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(match text {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
            Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
        })
    }
}

/// Runs a batch: reads `input`, writes `output`, calls `progress` with the
/// rows read so far every few thousand rows.
pub fn run<R: Read, W: Write>(
    checker: &Checker<'_>,
    input: R,
    output: W,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, BatchError> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let start = input.fill_buf().map_err(BatchError::Read)?;
    let has_bom = start.starts_with(b"\xEF\xBB\xBF");
    let encoding = match options.encoding {
        Encoding::Auto if has_bom || looks_like_utf8(start) => Encoding::Utf8,
        Encoding::Auto => Encoding::ShiftJis,
        chosen => chosen,
    };
    if has_bom && encoding == Encoding::Utf8 {
        input.consume(3);
    }
    let first = input.fill_buf().map_err(BatchError::Read)?;
    let input_format = match first.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(_) => Format::Csv,
        None => return Err(BatchError::NoHeader),
    };
    let format = options.format.unwrap_or(input_format);
    let mut writer = Writer::new(output, format, options)?;
    let mut summary = Summary::default();
    let mut handle = |row: Row, writer: &mut Writer<W>| -> Result<(), BatchError> {
        summary.read += 1;
        let (written, failed) = writer.write_results(checker, &row, options)?;
        summary.written += written;
        summary.failed += u64::from(failed);
        if summary.read % 4096 == 0 {
            progress(summary.read);
        }
        Ok(())
    };
    match input_format {
        Format::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(input);
            let mut record = csv::ByteRecord::new();
            let header = match reader.read_byte_record(&mut record) {
                Ok(true) => decode_record(&record, encoding)
                    .ok_or(BatchError::HeaderEncoding(encoding_name(encoding)))?,
                Ok(false) => return Err(BatchError::NoHeader),
                Err(e) => return Err(BatchError::Read(io::Error::other(e))),
            };
            let header: Vec<Arc<str>> = header.into_iter().map(|h| Arc::from(h.trim())).collect();
            if let Some(dup) = header
                .iter()
                .enumerate()
                .find(|(i, h)| header[..*i].contains(h))
            {
                return Err(BatchError::DuplicateColumn(dup.1.to_string()));
            }
            writer.header(&header)?;
            loop {
                match reader.read_byte_record(&mut record) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => return Err(BatchError::Read(io::Error::other(e))),
                }
                let line = record.position().map_or(0, |p| p.line());
                handle(csv_row(&header, &record, line, encoding), &mut writer)?;
            }
        }
        Format::Jsonl => {
            let mut line = 0u64;
            let mut bytes = Vec::new();
            // JSONL has no header: CSV output takes its columns from the keys
            // of the first object (later objects' other keys still count as input).
            let mut header_written = false;
            loop {
                bytes.clear();
                let n = input
                    .read_until(b'\n', &mut bytes)
                    .map_err(BatchError::Read)?;
                if n == 0 {
                    break;
                }
                line += 1;
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let row = json_row(&bytes, line, encoding);
                if !header_written {
                    let columns: Vec<Arc<str>> =
                        row.cells.iter().map(|(k, _)| Arc::clone(k)).collect();
                    writer.header(&columns)?;
                    header_written = true;
                }
                handle(row, &mut writer)?;
            }
            if !header_written {
                return Err(BatchError::NoHeader);
            }
        }
    }
    writer.finish()?;
    progress(summary.read);
    Ok(summary)
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => "UTF-8",
        Encoding::ShiftJis => "Shift_JIS",
    }
}

/// UTF-8 unless an invalid sequence appears before the end (a character cut
/// at the end of the sample is fine).
fn looks_like_utf8(sample: &[u8]) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Decodes bytes strictly: `None` if any sequence is invalid (never replaced).
fn decode(bytes: &[u8], encoding: Encoding) -> Option<String> {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(bytes).ok().map(str::to_string),
        Encoding::ShiftJis => encoding_rs::SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(Cow::into_owned),
    }
}

fn decode_record(record: &csv::ByteRecord, encoding: Encoding) -> Option<Vec<String>> {
    record.iter().map(|field| decode(field, encoding)).collect()
}

fn csv_row(header: &[Arc<str>], record: &csv::ByteRecord, line: u64, encoding: Encoding) -> Row {
    let mut problem = None;
    let mut cells = Vec::with_capacity(header.len());
    for (i, name) in header.iter().enumerate() {
        let bytes = record.get(i).unwrap_or(b"");
        let text = decode(bytes, encoding).unwrap_or_else(|| {
            problem = Some(format!(
                "line {line}: column '{name}' cannot be decoded as {}",
                encoding_name(encoding)
            ));
            String::new()
        });
        cells.push((Arc::clone(name), Cell::Text(text)));
    }
    if record.len() > header.len() {
        problem.get_or_insert_with(|| {
            format!(
                "line {line}: {} cells, but the header has {} columns",
                record.len(),
                header.len()
            )
        });
    }
    Row {
        line,
        cells,
        problem,
    }
}

fn json_row(bytes: &[u8], line: u64, encoding: Encoding) -> Row {
    let failed = |problem: String| Row {
        line,
        cells: Vec::new(),
        problem: Some(problem),
    };
    let Some(text) = decode(bytes, encoding) else {
        return failed(format!(
            "line {line}: cannot be decoded as {}",
            encoding_name(encoding)
        ));
    };
    match serde_json::from_str::<Map<String, Value>>(text.trim()) {
        Ok(object) => Row {
            line,
            cells: object
                .into_iter()
                .map(|(k, v)| (Arc::from(k), Cell::Json(v)))
                .collect(),
            problem: None,
        },
        Err(e) => failed(format!("line {line}: not a JSON object: {e}")),
    }
}

/// Reads a row's cells into a request. Errors name the column and value.
fn request_of(row: &Row) -> Result<Request, String> {
    let mut request = Request::default();
    let bad = |column: &str, value: &str, reason: &dyn std::fmt::Display| {
        format!("invalid value '{value}' for '{column}': {reason}")
    };
    for (column, cell) in &row.cells {
        let Some(value) = cell.text() else { continue };
        let value = value.as_ref();
        let count = || -> Result<u32, String> {
            let folded: String = value.nfkc().collect();
            folded
                .parse()
                .map_err(|_| bad(column, value, &"not a whole number of at least 0"))
        };
        let yes_no = || -> Result<bool, String> {
            match value.to_lowercase().as_str() {
                "yes" | "y" | "true" | "1" | "はい" | "○" => Ok(true),
                "no" | "n" | "false" | "0" | "いいえ" | "×" => Ok(false),
                _ => Err(bad(column, value, &"not yes or no")),
            }
        };
        let yen = || money::parse_yen(value).map_err(|e| bad(column, value, &e));
        match column.as_ref() {
            "program" => request.programs = vec![value.to_string()],
            "variant" => request.variant = Some(value.to_string()),
            "facility" => {
                request.facility = Some(match value {
                    "hospital" | "病院" => FacilityClass::Hospital,
                    "clinic" | "診療所" => FacilityClass::Clinic,
                    "pharmacy" | "薬局" => FacilityClass::Pharmacy,
                    _ => return Err(bad(column, value, &"not hospital, clinic or pharmacy")),
                })
            }
            "beds" => request.beds = count()?,
            "kenshin" => request.kenshin = Some(yes_no()?),
            "cost" => request.cost = Some(yen()?),
            "prefecture" => request.prefecture = Some(value.to_string()),
            "processes" => request.processes = Some(count()?),
            "functions" => request.functions = Some(count()?),
            "members" => request.members = Some(count()?),
            "employees" => request.employees = Some(count()?),
            "coupons" => request.coupons = Some(count()?),
            "entity" => {
                request.entity = Some(match value {
                    "medical-corporation" | "医療法人" => Entity::MedicalCorporation,
                    "sole-proprietor" | "個人開業医" | "個人" => Entity::SoleProprietor,
                    _ => {
                        return Err(bad(
                            column,
                            value,
                            &"not medical-corporation or sole-proprietor",
                        ));
                    }
                })
            }
            "small-business" | "min-wage-nearby" | "large-company" => {
                let flag = match column.as_ref() {
                    "small-business" => RateFlag::SmallBusiness,
                    "min-wage-nearby" => RateFlag::MinWageNearby,
                    _ => RateFlag::LargeCompany,
                };
                if yes_no()? {
                    request.flags.insert(flag);
                }
            }
            other => {
                if let Some(key) = other.strip_prefix("item:") {
                    request.items.push((key.to_string(), yen()?));
                } else if let Some(fact) = other.strip_prefix("fact:") {
                    request.facts.push((fact.to_string(), yes_no()?));
                }
                // Any other column passes through untouched.
            }
        }
    }
    Ok(request)
}

/// A text cell a spreadsheet would run as a formula gets a leading `'` (OWASP).
fn guard(text: &str, raw: bool) -> Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if raw || !risky || is_number(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("'{text}"))
    }
}

/// `-12`, `+3.5`, `1000`: numbers are never guarded.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// One result row's values, before formatting.
struct Outcome<'a> {
    program: &'a str,
    variant: &'a str,
    eligibility: &'static str,
    grant: Option<u64>,
    self_burden: Option<u64>,
    status: &'static str,
    deadline: Option<NaiveDate>,
    to_confirm: String,
    error: String,
}

impl<'a> Outcome<'a> {
    fn of(estimate: &'a Estimate<'_>) -> Outcome<'a> {
        let c = estimate.computation.as_ref();
        // The input columns that would settle what is still open, once each.
        let mut to_confirm = String::new();
        for finding in estimate.to_confirm.iter().chain(&estimate.reasons) {
            for column in finding.input().split_whitespace() {
                if !to_confirm.split(' ').any(|c| c == column) {
                    if !to_confirm.is_empty() {
                        to_confirm.push(' ');
                    }
                    to_confirm.push_str(column);
                }
            }
        }
        Outcome {
            program: &estimate.program.id,
            variant: estimate.variant.map_or("", |v| v.id.as_str()),
            eligibility: estimate.eligibility.id(),
            grant: c.map(|c| c.grant),
            self_burden: c.map(|c| c.self_burden),
            status: estimate.window.id(),
            deadline: estimate.window.deadline(),
            to_confirm,
            error: String::new(),
        }
    }

    fn failed(error: String) -> Outcome<'static> {
        Outcome {
            program: "",
            variant: "",
            eligibility: "",
            grant: None,
            self_burden: None,
            status: "",
            deadline: None,
            to_confirm: String::new(),
            error,
        }
    }
}

/// Writes CSV or JSONL, one result at a time.
struct Writer<W: Write> {
    format: Format,
    csv: Option<csv::Writer<W>>,
    jsonl: Option<io::BufWriter<W>>,
    raw: bool,
    /// The input columns, in output order.
    columns: Vec<Arc<str>>,
    /// Reused for numbers and dates.
    scratch: String,
}

impl<W: Write> Writer<W> {
    fn new(mut output: W, format: Format, options: &Options) -> Result<Writer<W>, BatchError> {
        if options.bom && format == Format::Csv {
            output
                .write_all(b"\xEF\xBB\xBF")
                .map_err(BatchError::Write)?;
        }
        Ok(match format {
            Format::Csv => Writer {
                format,
                csv: Some(
                    csv::WriterBuilder::new()
                        .buffer_capacity(1 << 16)
                        .from_writer(output),
                ),
                jsonl: None,
                raw: options.raw,
                columns: Vec::new(),
                scratch: String::new(),
            },
            Format::Jsonl => Writer {
                format,
                csv: None,
                jsonl: Some(io::BufWriter::with_capacity(1 << 16, output)),
                raw: options.raw,
                columns: Vec::new(),
                scratch: String::new(),
            },
        })
    }

    fn header(&mut self, columns: &[Arc<str>]) -> Result<(), BatchError> {
        self.columns = columns.to_vec();
        if let Some(csv) = &mut self.csv {
            let raw = self.raw;
            let names = columns
                .iter()
                .map(|c| guard(c, raw))
                .chain(RESULT_COLUMNS.iter().map(|c| Cow::Borrowed(*c)));
            csv.write_record(names.map(|c| c.into_owned()))
                .map_err(csv_error)?;
        }
        Ok(())
    }

    /// Writes every result of one input row; returns (rows written, whether it failed).
    fn write_results(
        &mut self,
        checker: &Checker<'_>,
        row: &Row,
        options: &Options,
    ) -> Result<(u64, bool), BatchError> {
        let estimates = match &row.problem {
            Some(problem) => Err(problem.clone()),
            None => request_of(row).and_then(|request| {
                checker
                    .estimates(&request, options.as_of)
                    .map_err(|e| format!("line {}: {e}", row.line))
            }),
        };
        let estimates = match estimates {
            Ok(estimates) => estimates,
            Err(error) => {
                let error = if error.starts_with("line ") {
                    error
                } else {
                    format!("line {}: {error}", row.line)
                };
                self.write_one(row, &Outcome::failed(error))?;
                return Ok((1, true));
            }
        };
        if estimates.is_empty() {
            self.write_one(
                row,
                &Outcome::failed(format!("line {}: no program applies", row.line)),
            )?;
            return Ok((1, true));
        }
        for estimate in &estimates {
            self.write_one(row, &Outcome::of(estimate))?;
        }
        Ok((estimates.len() as u64, false))
    }

    fn write_one(&mut self, row: &Row, outcome: &Outcome<'_>) -> Result<(), BatchError> {
        match self.format {
            Format::Csv => {
                let Some(csv) = &mut self.csv else {
                    return Ok(());
                };
                let mut out = CsvRow {
                    csv,
                    raw: self.raw,
                    scratch: &mut self.scratch,
                };
                for (i, column) in self.columns.iter().enumerate() {
                    // CSV rows are in column order; JSONL objects are looked up by key.
                    let cell = match row.cells.get(i) {
                        Some((name, cell)) if name == column => Some(cell),
                        _ => row
                            .cells
                            .iter()
                            .find(|(name, _)| name == column)
                            .map(|(_, c)| c),
                    };
                    match cell {
                        None | Some(Cell::Json(Value::Null)) => out.text("")?,
                        Some(Cell::Text(text)) | Some(Cell::Json(Value::String(text))) => {
                            out.text(text)?
                        }
                        Some(Cell::Json(other)) => out.display(other)?,
                    }
                }
                out.number(Some(row.line))?;
                out.text(outcome.program)?;
                out.text(outcome.variant)?;
                out.text(outcome.eligibility)?;
                out.number(outcome.grant)?;
                out.number(outcome.self_burden)?;
                out.text(outcome.status)?;
                match outcome.deadline {
                    Some(deadline) => out.display(&deadline)?,
                    None => out.text("")?,
                }
                out.text(&outcome.to_confirm)?;
                out.text(&outcome.error)?;
                out.csv.write_record(None::<&[u8]>).map_err(csv_error)?;
            }
            Format::Jsonl => {
                let mut object = Map::new();
                for (name, cell) in &row.cells {
                    let value = match cell {
                        Cell::Text(s) => Value::String(s.clone()),
                        Cell::Json(v) => v.clone(),
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
                if let Some(out) = &mut self.jsonl {
                    serde_json::to_writer(&mut *out, &object)
                        .map_err(|e| BatchError::Write(e.into()))?;
                    out.write_all(b"\n").map_err(BatchError::Write)?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), BatchError> {
        if let Some(mut csv) = self.csv {
            csv.flush().map_err(BatchError::Write)?;
        }
        if let Some(mut out) = self.jsonl {
            out.flush().map_err(BatchError::Write)?;
        }
        Ok(())
    }
}

/// Writes one CSV record field by field, without a `String` per cell.
struct CsvRow<'w, W: Write> {
    csv: &'w mut csv::Writer<W>,
    raw: bool,
    scratch: &'w mut String,
}

impl<W: Write> CsvRow<'_, W> {
    /// A text cell, guarded against formula injection.
    fn text(&mut self, text: &str) -> Result<(), BatchError> {
        self.csv
            .write_field(guard(text, self.raw).as_bytes())
            .map_err(csv_error)
    }

    /// A number, never guarded; empty for `None`.
    fn number(&mut self, n: Option<u64>) -> Result<(), BatchError> {
        self.scratch.clear();
        if let Some(n) = n {
            let _ = write!(self.scratch, "{n}");
        }
        self.csv
            .write_field(self.scratch.as_bytes())
            .map_err(csv_error)
    }

    /// Anything else shown as text (a date, a JSON number).
    fn display(&mut self, value: &dyn std::fmt::Display) -> Result<(), BatchError> {
        self.scratch.clear();
        let _ = write!(self.scratch, "{value}");
        self.csv
            .write_field(guard(self.scratch, self.raw).as_bytes())
            .map_err(csv_error)
    }
}

fn csv_error(e: csv::Error) -> BatchError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => BatchError::Write(e),
        other => BatchError::Write(io::Error::other(format!("{other:?}"))),
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
        assert_eq!(guard("-5", false), "-5");
        assert_eq!(guard("-1.5", false), "-1.5");
        assert_eq!(guard("=1", true), "=1");
        assert_eq!(guard("病院", false), "病院");
    }

    #[test]
    fn sniffs_utf8_and_shift_jis() {
        assert!(looks_like_utf8("病院,clinic".as_bytes()));
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("病院");
        assert!(!looks_like_utf8(&sjis));
        // A character cut at the end of the sample still counts as UTF-8.
        let bytes = "病院".as_bytes();
        assert!(looks_like_utf8(&bytes[..bytes.len() - 1]));
        assert_eq!(decode(&sjis, Encoding::ShiftJis).as_deref(), Some("病院"));
        assert_eq!(decode(b"\xFF\xFF", Encoding::ShiftJis), None);
        assert_eq!(decode(b"\xFF", Encoding::Utf8), None);
    }
}
