//! Reading batch input: CSV (with a header row) or JSONL, UTF-8 or
//! Shift_JIS, a chunk of [`Rows`] at a time. Bytes are never replaced: a cell
//! that cannot be decoded makes its row carry the error.

use std::borrow::Cow;
use std::io::{self, BufRead};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::{BatchError, Encoding, Format};

/// A chunk of input rows, read and estimated together. The text of every CSV
/// row lives in one buffer, so reading a row allocates nothing.
pub(super) struct Rows {
    names: Arc<[Arc<str>]>,
    text: String,
    /// `names.len()` field ends into `text` for each CSV row.
    ends: Vec<usize>,
    rows: Vec<Stored>,
}

/// One row as stored in its chunk.
pub(super) struct Stored {
    line: u64,
    /// A problem found while reading (bytes that cannot be decoded, …).
    problem: Option<String>,
    cells: StoredCells,
}

enum StoredCells {
    /// Where the row's text starts, and its first field end.
    Csv {
        start: usize,
        first_end: usize,
    },
    Json(Vec<(Arc<str>, Value)>),
}

impl Rows {
    pub fn new(names: Arc<[Arc<str>]>, capacity: usize) -> Rows {
        Rows {
            // A first guess at a row's text; the buffer grows if rows are longer.
            text: String::with_capacity(capacity * 64),
            ends: Vec::with_capacity(capacity * names.len()),
            rows: Vec::with_capacity(capacity),
            names,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|stored| Row {
            line: stored.line,
            problem: stored.problem.as_deref(),
            cells: match &stored.cells {
                StoredCells::Csv { start, first_end } => RowCells::Csv {
                    names: &self.names,
                    text: &self.text,
                    start: *start,
                    ends: &self.ends[*first_end..*first_end + self.names.len()],
                },
                StoredCells::Json(pairs) => RowCells::Json(pairs),
            },
        })
    }
}

/// One input row: its line number, its cells, and any problem reading it.
#[derive(Clone, Copy)]
pub(super) struct Row<'a> {
    pub line: u64,
    pub problem: Option<&'a str>,
    cells: RowCells<'a>,
}

#[derive(Clone, Copy)]
enum RowCells<'a> {
    /// Field `i` is `text[ends[i - 1]..ends[i]]`, the first from `start`.
    Csv {
        names: &'a [Arc<str>],
        text: &'a str,
        start: usize,
        ends: &'a [usize],
    },
    Json(&'a [(Arc<str>, Value)]),
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

impl<'a> Row<'a> {
    /// Every cell with its column name.
    pub fn cells(self) -> impl Iterator<Item = (&'a str, CellRef<'a>)> {
        let (csv, json) = match self.cells {
            RowCells::Csv { names, .. } => (Some(names.iter().enumerate()), None),
            RowCells::Json(pairs) => (None, Some(pairs.iter())),
        };
        let csv = csv
            .into_iter()
            .flatten()
            .map(move |(i, name)| (name.as_ref(), self.csv_cell(i).unwrap_or(CellRef::Text(""))));
        let json = json
            .into_iter()
            .flatten()
            .map(|(k, v)| (k.as_ref(), CellRef::Json(v)));
        csv.chain(json)
    }

    #[inline]
    fn csv_cell(self, i: usize) -> Option<CellRef<'a>> {
        match self.cells {
            RowCells::Csv {
                text, start, ends, ..
            } => {
                let end = *ends.get(i)?;
                let start = if i == 0 { start } else { ends[i - 1] };
                Some(CellRef::Text(&text[start..end]))
            }
            RowCells::Json(_) => None,
        }
    }

    /// Whether the row's cells follow the header's columns (CSV), rather than
    /// naming their own (JSONL).
    pub fn is_csv(self) -> bool {
        matches!(self.cells, RowCells::Csv { .. })
    }

    /// A CSV row's cells in the header's order; `None` for a JSONL row.
    pub fn csv_cells(self) -> Option<impl Iterator<Item = &'a str>> {
        match self.cells {
            RowCells::Csv {
                text, start, ends, ..
            } => Some(ends.iter().scan(start, move |from, &end| {
                let cell = &text[*from..end];
                *from = end;
                Some(cell)
            })),
            RowCells::Json(_) => None,
        }
    }

    /// The cell of column `name`, which is column `i` of the output.
    #[inline]
    pub fn get(self, i: usize, name: &str) -> Option<CellRef<'a>> {
        match self.cells {
            RowCells::Csv { .. } => self.csv_cell(i),
            RowCells::Json(pairs) => pairs
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
        record: csv::ByteRecord,
        encoding: Encoding,
    },
    Jsonl {
        input: R,
        line: u64,
        bytes: Vec<u8>,
        encoding: Encoding,
        /// The first row, read early for its keys.
        first: Option<Stored>,
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
                let source = Source::Csv {
                    reader,
                    record,
                    encoding,
                };
                Ok((source, names))
            }
            Format::Jsonl => {
                let mut source = Source::Jsonl {
                    input,
                    line: 0,
                    bytes: Vec::new(),
                    encoding,
                    first: None,
                };
                let first = source.next_json()?.ok_or(BatchError::NoHeader)?;
                let columns = match &first.cells {
                    StoredCells::Json(pairs) => pairs.iter().map(|(k, _)| Arc::clone(k)).collect(),
                    StoredCells::Csv { .. } => Vec::new(),
                };
                if let Source::Jsonl { first: slot, .. } = &mut source {
                    *slot = Some(first);
                }
                Ok((source, columns))
            }
        }
    }

    /// Reads the next row into `rows`; `false` at the end of the input.
    pub fn read_into(&mut self, rows: &mut Rows) -> Result<bool, BatchError> {
        match self {
            Source::Csv {
                reader,
                record,
                encoding,
            } => {
                if !reader.read_byte_record(record).map_err(read_error)? {
                    return Ok(false);
                }
                let line = record.position().map_or(0, |p| p.line());
                csv_row(rows, record, line, *encoding);
                Ok(true)
            }
            Source::Jsonl { .. } => match self.next_json()? {
                Some(stored) => {
                    rows.rows.push(stored);
                    Ok(true)
                }
                None => Ok(false),
            },
        }
    }

    fn next_json(&mut self) -> Result<Option<Stored>, BatchError> {
        let Source::Jsonl {
            input,
            line,
            bytes,
            encoding,
            first,
        } = self
        else {
            return Ok(None);
        };
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

fn read_error(e: csv::Error) -> BatchError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => BatchError::Read(e),
        other => BatchError::Read(io::Error::other(format!("{other:?}"))),
    }
}

/// Appends a CSV record to the chunk: one field end per column, an empty
/// cell for each missing one.
fn csv_row(rows: &mut Rows, record: &csv::ByteRecord, line: u64, encoding: Encoding) {
    let names = &rows.names;
    let start = rows.text.len();
    let first_end = rows.ends.len();
    let mut problem = None;
    // UTF-8 is checked once for the whole record, whose fields lie end to end.
    let whole = match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(record.as_slice()).ok(),
        Encoding::ShiftJis => None,
    };
    if let Some(whole) = whole {
        rows.text.push_str(whole);
        for i in 0..names.len() {
            let end = record.range(i).map_or(whole.len(), |range| range.end);
            rows.ends.push(start + end);
        }
    } else {
        for (i, name) in names.iter().enumerate() {
            match decode(record.get(i).unwrap_or(b""), encoding) {
                Some(decoded) => rows.text.push_str(&decoded),
                None => {
                    problem.get_or_insert_with(|| {
                        format!(
                            "line {line}: column '{name}' cannot be decoded as {}",
                            encoding_name(encoding)
                        )
                    });
                }
            }
            rows.ends.push(rows.text.len());
        }
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
    rows.rows.push(Stored {
        line,
        problem,
        cells: StoredCells::Csv { start, first_end },
    });
}

fn json_row(bytes: &[u8], line: u64, encoding: Encoding) -> Stored {
    let failed = |problem: String| Stored {
        line,
        problem: Some(problem),
        cells: StoredCells::Json(Vec::new()),
    };
    let Some(text) = decode(bytes, encoding) else {
        return failed(format!(
            "line {line}: cannot be decoded as {}",
            encoding_name(encoding)
        ));
    };
    match serde_json::from_str::<Map<String, Value>>(text.trim()) {
        Ok(object) => Stored {
            line,
            problem: None,
            cells: StoredCells::Json(object.into_iter().map(|(k, v)| (Arc::from(k), v)).collect()),
        },
        Err(e) => failed(format!("line {line}: not a JSON object: {e}")),
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
