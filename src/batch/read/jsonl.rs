//! JSONL input: one JSON object a line, its keys and values kept in order
//! as written; the first object's keys are the columns of CSV output.

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead};
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::encoding::{decode, encoding_name, is_utf8_text};
use super::{Columns, MAX_ROW_BYTES, Stored, StoredCells, said, too_large};
use crate::Lang;
use crate::batch::{BatchError, Encoding};
use crate::i18n::Key;

/// Lines looked at for the first JSON object, whose keys become the columns.
const JSONL_LINES_FOR_COLUMNS: usize = 64;

/// Rows from JSONL input.
pub(in crate::batch) struct JsonlSource<R> {
    input: R,
    line: u64,
    bytes: Vec<u8>,
    encoding: Encoding,
    lang: Lang,
    /// Rows read early while looking for the first object's keys.
    early: VecDeque<Stored>,
}

impl<R: BufRead> JsonlSource<R> {
    /// Opens JSONL input; the columns are the keys of the first line that is
    /// a JSON object (looked for in the first lines), for CSV output.
    pub fn open(
        input: R,
        encoding: Encoding,
        lang: Lang,
    ) -> Result<(JsonlSource<R>, Columns), BatchError> {
        let mut source = JsonlSource {
            input,
            line: 0,
            bytes: Vec::new(),
            encoding,
            lang,
            early: VecDeque::new(),
        };
        let mut early = VecDeque::new();
        let mut columns = None;
        while early.len() < JSONL_LINES_FOR_COLUMNS {
            let Some(row) = source.next_row()? else {
                break;
            };
            if let StoredCells::Json { pairs, .. } = &row.cells {
                let mut keys: Columns = Vec::with_capacity(pairs.len());
                for (key, _) in pairs {
                    if !keys.iter().any(|k| k.as_ref() == key.as_ref()) {
                        keys.push(Arc::from(key.as_ref()));
                    }
                }
                columns = Some(keys);
            }
            early.push_back(row);
            if columns.is_some() {
                break;
            }
        }
        if early.is_empty() {
            return Err(BatchError::NoHeader);
        }
        source.early = early;
        Ok((source, columns.unwrap_or_default()))
    }

    /// The next row (a blank line is passed over); `None` at the end.
    pub fn next_row(&mut self) -> Result<Option<Stored>, BatchError> {
        if let Some(row) = self.early.pop_front() {
            return Ok(Some(row));
        }
        loop {
            let Some(too_long) = read_line(&mut self.input, &mut self.bytes, MAX_ROW_BYTES)
                .map_err(BatchError::Read)?
            else {
                return Ok(None);
            };
            self.line += 1;
            if too_long {
                return Ok(Some(Stored {
                    line: self.line,
                    problem: Some(too_large(self.line, self.lang)),
                    cells: StoredCells::NotJson(None),
                }));
            }
            if !self.bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some(json_row(
                    &self.bytes,
                    self.line,
                    self.encoding,
                    self.lang,
                )));
            }
        }
    }
}

/// Reads one line (to `\n`) into `line`, keeping at most `limit` bytes:
/// `None` at the end, else whether the line was longer (and not kept).
fn read_line<R: BufRead>(
    input: &mut R,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<bool>> {
    line.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        if !too_long && line.len() + take > limit {
            too_long = true;
            line.clear();
            line.shrink_to(limit.min(1 << 16));
        }
        if !too_long {
            line.extend_from_slice(&available[..take]);
        }
        input.consume(take);
        if done {
            return Ok(Some(too_long));
        }
    }
}

/// A JSON object's keys and values in order, repeats kept, values as text.
struct Pairs(Vec<(Box<str>, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Pairs, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    pairs.push((key.into_boxed_str(), value));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Object)
    }
}

fn json_row(bytes: &[u8], line: u64, encoding: Encoding, lang: Lang) -> Stored {
    let not_json = |problem: String, text: Option<&str>| Stored {
        line,
        problem: Some(problem),
        cells: StoredCells::NotJson(text.map(Box::from)),
    };
    let Some(text) = decode(bytes, encoding) else {
        return not_json(
            said(
                lang,
                Key::RowNotEncoding,
                &[("line", &line), ("encoding", &encoding_name(encoding))],
            ),
            None,
        );
    };
    if encoding == Encoding::ShiftJis && is_utf8_text(bytes) {
        return not_json(said(lang, Key::RowUtf8InSjis, &[("line", &line)]), None);
    }
    let text = text.trim();
    match serde_json::from_str::<Pairs>(text) {
        Ok(Pairs(pairs)) => Stored {
            line,
            problem: None,
            cells: StoredCells::Json {
                line: Box::from(text),
                pairs,
            },
        },
        Err(e) => not_json(
            said(lang, Key::RowNotJson, &[("line", &line), ("reason", &e)]),
            Some(text),
        ),
    }
}
