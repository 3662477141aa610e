//! Reading batch input: CSV (with a header row) or JSONL, UTF-8 or
//! Shift_JIS, one [`Row`] at a time. Bytes are never replaced: a cell that
//! cannot be decoded makes its row carry the error.

use std::borrow::Cow;
use std::io::{self, BufRead};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::{BatchError, Encoding, Format};

/// One input row: its line number, its cells, and any problem reading it.
pub(super) struct Row {
    pub line: u64,
    pub cells: Cells,
    /// A problem found while reading (bytes that cannot be decoded, …).
    pub problem: Option<String>,
}

/// A row's cells: CSV text in one string with field ends, or a JSON object.
pub(super) enum Cells {
    Csv {
        names: Arc<[Arc<str>]>,
        text: String,
        /// Where each field ends in `text`.
        ends: Vec<usize>,
    },
    Json(Vec<(Arc<str>, Value)>),
}

/// One cell as read.
#[derive(Clone, Copy)]
pub(super) enum CellRef<'a> {
    Text(&'a str),
    Json(&'a Value),
}

impl<'a> CellRef<'a> {
    /// The cell as trimmed text for parsing; `None` when empty or null.
    pub fn text(self) -> Option<Cow<'a, str>> {
        let text: Cow<'a, str> = match self {
            CellRef::Text(s) => Cow::Borrowed(trim(s)),
            CellRef::Json(Value::String(s)) => Cow::Borrowed(trim(s)),
            CellRef::Json(Value::Null) => return None,
            CellRef::Json(Value::Bool(b)) => Cow::Borrowed(if *b { "yes" } else { "no" }),
            CellRef::Json(other) => Cow::Owned(other.to_string()),
        };
        (!text.is_empty()).then_some(text)
    }
}

/// `str::trim`, skipped where the ends are plain ASCII (most cells).
fn trim(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace());
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// The cells of a row, CSV or JSON, without boxing.
pub(super) enum CellIter<'a> {
    Csv {
        names: std::slice::Iter<'a, Arc<str>>,
        text: &'a str,
        ends: &'a [usize],
        i: usize,
    },
    Json(std::slice::Iter<'a, (Arc<str>, Value)>),
}

impl<'a> Iterator for CellIter<'a> {
    type Item = (&'a str, CellRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            CellIter::Csv {
                names,
                text,
                ends,
                i,
            } => {
                let name = names.next()?;
                let end = *ends.get(*i)?;
                let start = if *i == 0 { 0 } else { ends[*i - 1] };
                *i += 1;
                Some((name.as_ref(), CellRef::Text(&text[start..end])))
            }
            CellIter::Json(pairs) => pairs.next().map(|(k, v)| (k.as_ref(), CellRef::Json(v))),
        }
    }
}

impl Row {
    fn failed(line: u64, problem: String) -> Row {
        Row {
            line,
            cells: Cells::Json(Vec::new()),
            problem: Some(problem),
        }
    }

    /// Every cell with its column name.
    pub fn cells(&self) -> CellIter<'_> {
        match &self.cells {
            Cells::Csv { names, text, ends } => CellIter::Csv {
                names: names.iter(),
                text,
                ends,
                i: 0,
            },
            Cells::Json(pairs) => CellIter::Json(pairs.iter()),
        }
    }

    /// The cell of column `name`, which is column `i` of the output.
    pub fn get(&self, i: usize, name: &str) -> Option<CellRef<'_>> {
        match &self.cells {
            Cells::Csv { text, ends, .. } => ends.get(i).map(|end| {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                CellRef::Text(&text[start..*end])
            }),
            Cells::Json(pairs) => pairs
                .iter()
                .find(|(k, _)| k.as_ref() == name)
                .map(|(_, v)| CellRef::Json(v)),
        }
    }
}

pub(super) fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => "UTF-8",
        Encoding::ShiftJis => "Shift_JIS",
    }
}

/// UTF-8 unless an invalid sequence appears before the end (a character cut
/// at the end of the sample is fine).
pub(super) fn looks_like_utf8(sample: &[u8]) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Decodes bytes strictly: `None` if any sequence is invalid (never replaced).
pub(super) fn decode(bytes: &[u8], encoding: Encoding) -> Option<Cow<'_, str>> {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Encoding::ShiftJis => {
            encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
        }
    }
}

/// Rows from a CSV or JSONL input.
pub(super) enum Source<R: BufRead> {
    Csv {
        reader: csv::Reader<R>,
        names: Arc<[Arc<str>]>,
        record: csv::ByteRecord,
        encoding: Encoding,
    },
    Jsonl {
        input: R,
        line: u64,
        bytes: Vec<u8>,
        encoding: Encoding,
        /// The first row, read early for its keys.
        first: Option<Row>,
    },
}

impl<R: BufRead> Source<R> {
    /// Opens the input and reads the columns: the CSV header, or the keys of
    /// the first JSONL object.
    pub fn open(
        input: R,
        format: Format,
        encoding: Encoding,
    ) -> Result<(Source<R>, Vec<Arc<str>>), BatchError> {
        match format {
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(input);
                let mut record = csv::ByteRecord::new();
                if !reader.read_byte_record(&mut record).map_err(read_error)? {
                    return Err(BatchError::NoHeader);
                }
                let mut names: Vec<Arc<str>> = Vec::with_capacity(record.len());
                for field in &record {
                    let name = decode(field, encoding)
                        .ok_or(BatchError::HeaderEncoding(encoding_name(encoding)))?;
                    let name: Arc<str> = Arc::from(name.trim());
                    if names.contains(&name) {
                        return Err(BatchError::DuplicateColumn(name.to_string()));
                    }
                    names.push(name);
                }
                let columns = names.clone();
                Ok((
                    Source::Csv {
                        reader,
                        names: names.into(),
                        record,
                        encoding,
                    },
                    columns,
                ))
            }
            Format::Jsonl => {
                let mut source = Source::Jsonl {
                    input,
                    line: 0,
                    bytes: Vec::new(),
                    encoding,
                    first: None,
                };
                let first = source.next()?.ok_or(BatchError::NoHeader)?;
                let columns = match &first.cells {
                    Cells::Json(pairs) => pairs.iter().map(|(k, _)| Arc::clone(k)).collect(),
                    Cells::Csv { .. } => Vec::new(),
                };
                if let Source::Jsonl { first: slot, .. } = &mut source {
                    *slot = Some(first);
                }
                Ok((source, columns))
            }
        }
    }

    /// The next row, or `None` at the end.
    pub fn next(&mut self) -> Result<Option<Row>, BatchError> {
        match self {
            Source::Csv {
                reader,
                names,
                record,
                encoding,
            } => {
                if !reader.read_byte_record(record).map_err(read_error)? {
                    return Ok(None);
                }
                let line = record.position().map_or(0, |p| p.line());
                Ok(Some(csv_row(names, record, line, *encoding)))
            }
            Source::Jsonl {
                input,
                line,
                bytes,
                encoding,
                first,
            } => {
                if let Some(row) = first.take() {
                    return Ok(Some(row));
                }
                loop {
                    bytes.clear();
                    if input.read_until(b'\n', bytes).map_err(BatchError::Read)? == 0 {
                        return Ok(None);
                    }
                    *line += 1;
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        return Ok(Some(json_row(bytes, *line, *encoding)));
                    }
                }
            }
        }
    }
}

fn read_error(e: csv::Error) -> BatchError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => BatchError::Read(e),
        other => BatchError::Read(io::Error::other(format!("{other:?}"))),
    }
}

fn csv_row(
    names: &Arc<[Arc<str>]>,
    record: &csv::ByteRecord,
    line: u64,
    encoding: Encoding,
) -> Row {
    let mut problem = None;
    let mut text = String::with_capacity(record.as_slice().len());
    let mut ends = Vec::with_capacity(names.len());
    // UTF-8 is checked once for the whole record, then sliced at the field ends.
    let whole = match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(record.as_slice()).ok(),
        Encoding::ShiftJis => None,
    };
    for i in 0..names.len() {
        let bytes = record.get(i).unwrap_or(b"");
        match whole.map(|whole| (whole, record.range(i))) {
            Some((whole, Some(range))) => text.push_str(&whole[range]),
            Some((_, None)) => {}
            None => match decode(bytes, encoding) {
                Some(decoded) => text.push_str(&decoded),
                None => {
                    problem.get_or_insert_with(|| {
                        format!(
                            "line {line}: column '{}' cannot be decoded as {}",
                            names[i],
                            encoding_name(encoding)
                        )
                    });
                }
            },
        }
        ends.push(text.len());
    }
    if record.len() > names.len() {
        problem.get_or_insert_with(|| {
            format!(
                "line {line}: {} cells, but the header has {} columns",
                record.len(),
                names.len()
            )
        });
    }
    Row {
        line,
        cells: Cells::Csv {
            names: Arc::clone(names),
            text,
            ends,
        },
        problem,
    }
}

fn json_row(bytes: &[u8], line: u64, encoding: Encoding) -> Row {
    let Some(text) = decode(bytes, encoding) else {
        return Row::failed(
            line,
            format!(
                "line {line}: cannot be decoded as {}",
                encoding_name(encoding)
            ),
        );
    };
    match serde_json::from_str::<Map<String, Value>>(text.trim()) {
        Ok(object) => Row {
            line,
            cells: Cells::Json(object.into_iter().map(|(k, v)| (Arc::from(k), v)).collect()),
            problem: None,
        },
        Err(e) => Row::failed(line, format!("line {line}: not a JSON object: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
