//! Reading batch input: CSV (with a header row) or JSONL, UTF-8 or
//! Shift_JIS, a chunk of [`Rows`] at a time.
//!
//! Nothing is replaced or guessed silently: a cell that is not valid in the
//! file's encoding, a row longer than [`MAX_ROW_BYTES`], a row with too few or
//! too many cells, or a quoted field still open at the end of the file makes
//! its row carry an error naming the row and the column. Rows are numbered as
//! a spreadsheet shows them (the header is row 1), whatever the line ends.
//!
//! [`csv`] and [`jsonl`] read text into rows; an Excel sheet is read as CSV
//! text ([`xlsx`]); [`encoding`] decodes it strictly.

mod csv;
pub(super) mod encoding;
mod jsonl;
pub(super) mod xlsx;

use std::io::BufRead;
use std::sync::Arc;

use serde_json::value::RawValue;

use super::{BatchError, Encoding, FormulasWithoutResult};
use crate::Lang;
use crate::i18n::{self, Key};
use csv::CsvSource;
use jsonl::JsonlSource;

/// The most bytes one input row may hold (its cells, and 8 bytes for each
/// cell's end). A longer row is read past, not kept, and becomes an error row.
pub const MAX_ROW_BYTES: usize = 4 << 20;

/// A chunk of input rows, read and estimated together. The text of every CSV
/// row lives in one buffer, its cells joined by commas (so a batch writes
/// them back as one piece where none needs quotes), and reading a row
/// allocates nothing; a chunk's buffers are used again for later chunks.
pub(super) struct Rows {
    names: Arc<[Arc<str>]>,
    text: String,
    /// `names.len()` field ends into `text` for each CSV row.
    ends: Vec<usize>,
    rows: Vec<Stored>,
    /// Bytes the rows hold outside the buffers (problems, JSON values).
    outside: usize,
}

/// One row as stored in its chunk.
pub(super) struct Stored {
    /// The row a spreadsheet shows (CSV), or the line number (JSONL).
    line: u64,
    /// A problem found while reading (bytes not valid in the encoding, …).
    problem: Option<String>,
    cells: StoredCells,
}

enum StoredCells {
    /// Where the row's text starts, and its first field end.
    Csv { start: usize, first_end: usize },
    /// A JSON object: the line as read, and its keys and values in order
    /// (repeated keys kept), each value as its original text.
    Json {
        line: Box<str>,
        pairs: Vec<(Box<str>, Box<RawValue>)>,
    },
    /// A JSONL line that is not a JSON object: its text, if it could be decoded.
    NotJson(Option<Box<str>>),
}

impl Stored {
    /// Bytes held outside the chunk's buffers.
    fn outside(&self) -> usize {
        let cells = match &self.cells {
            StoredCells::Csv { .. } => 0,
            StoredCells::Json { line, pairs } => {
                2 * line.len() + pairs.len() * 4 * size_of::<usize>()
            }
            StoredCells::NotJson(text) => text.as_ref().map_or(0, |t| t.len()),
        };
        self.problem.as_ref().map_or(0, String::capacity) + cells
    }
}

impl Rows {
    pub fn new(names: Arc<[Arc<str>]>, capacity: usize) -> Rows {
        Rows {
            text: String::new(),
            ends: Vec::new(),
            rows: Vec::with_capacity(capacity),
            names,
            outside: 0,
        }
    }

    /// Empties the chunk for the next one, keeping its buffers unless they
    /// grew large (a chunk of very long rows).
    pub fn clear(&mut self) {
        self.rows.clear();
        self.outside = 0;
        self.text.clear();
        self.ends.clear();
        if self.text.capacity() > 2 * super::pipeline::CHUNK_TEXT_BYTES {
            self.text.shrink_to(super::pipeline::CHUNK_TEXT_BYTES);
        }
        if self.ends.capacity() > super::pipeline::CHUNK_TEXT_BYTES / size_of::<usize>() {
            self.ends
                .shrink_to(super::pipeline::CHUNK_TEXT_BYTES / size_of::<usize>());
        }
    }

    /// Bytes this chunk holds, as counted against the batch's memory budget:
    /// its buffers' capacities and what its rows hold outside them.
    pub fn held(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * size_of::<usize>()
            + self.rows.capacity() * size_of::<Stored>()
            + self.outside
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The input text held, in bytes: a chunk is closed when it is large.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    #[inline]
    fn push(&mut self, stored: Stored) {
        self.outside += stored.outside();
        self.rows.push(stored);
    }

    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|stored| Row {
            line: stored.line,
            problem: stored.problem.as_deref(),
            cells: match &stored.cells {
                StoredCells::Csv { start, first_end } => RowCells::Csv {
                    text: &self.text,
                    start: *start,
                    ends: &self.ends[*first_end..*first_end + self.names.len()],
                },
                StoredCells::Json { line, pairs } => RowCells::Json { line, pairs },
                StoredCells::NotJson(text) => RowCells::NotJson(text.as_deref()),
            },
        })
    }
}

/// One input row: its number, its cells, and any problem reading it.
#[derive(Clone, Copy)]
pub(super) struct Row<'a> {
    pub line: u64,
    pub problem: Option<&'a str>,
    cells: RowCells<'a>,
}

#[derive(Clone, Copy)]
enum RowCells<'a> {
    /// The fields lie in `text` joined by commas, from `start`: field `i`
    /// is `text[ends[i - 1] + 1..ends[i]]`, the first from `start`.
    Csv {
        text: &'a str,
        start: usize,
        ends: &'a [usize],
    },
    Json {
        line: &'a str,
        pairs: &'a [(Box<str>, Box<RawValue>)],
    },
    NotJson(Option<&'a str>),
}

impl<'a> Row<'a> {
    /// A CSV row's cells in the header's order; `None` for a JSONL row.
    pub fn csv_cells(self) -> Option<impl Iterator<Item = &'a str> + Clone> {
        match self.cells {
            RowCells::Csv { text, start, ends } => {
                Some(ends.iter().scan(start, move |from, &end| {
                    let cell = &text[*from..end];
                    // Past the comma after it.
                    *from = end + 1;
                    Some(cell)
                }))
            }
            _ => None,
        }
    }

    /// A CSV row's cells `first..end` as read, joined by commas, and each
    /// one's end, counted from the start of that text; `None` for a JSONL
    /// row, or if the row has fewer cells.
    #[inline]
    pub fn csv_span(
        self,
        first: usize,
        end: usize,
    ) -> Option<(&'a str, impl Iterator<Item = usize> + 'a)> {
        match self.cells {
            RowCells::Csv { text, start, ends } if first < end && end <= ends.len() => {
                let from = if first == 0 {
                    start
                } else {
                    ends[first - 1] + 1
                };
                let span = &text[from..ends[end - 1]];
                Some((span, ends[first..end].iter().map(move |e| e - from)))
            }
            _ => None,
        }
    }

    /// A CSV row's cells as read, joined by commas (as CSV, where no cell
    /// holds a comma, a quote or a line break); `None` for a JSONL row.
    #[inline]
    pub fn csv_joined(self) -> Option<&'a str> {
        match self.cells {
            RowCells::Csv { text, start, ends } => {
                Some(&text[start..ends.last().copied().unwrap_or(start)])
            }
            _ => None,
        }
    }

    /// A JSONL row's keys and values, in the line's order, repeats kept.
    pub fn json_pairs(self) -> &'a [(Box<str>, Box<RawValue>)] {
        match self.cells {
            RowCells::Json { pairs, .. } => pairs,
            _ => &[],
        }
    }

    /// A JSONL row's line as read (a JSON object); `None` otherwise.
    pub fn json_line(self) -> Option<&'a str> {
        match self.cells {
            RowCells::Json { line, .. } => Some(line),
            _ => None,
        }
    }

    /// A JSONL line that is not a JSON object, as text (if it could be decoded).
    pub fn not_json(self) -> Option<Option<&'a str>> {
        match self.cells {
            RowCells::NotJson(text) => Some(text),
            _ => None,
        }
    }
}

/// Rows from a CSV or JSONL input.
pub(super) enum Source<R: BufRead> {
    Csv(CsvSource<R>),
    Jsonl(JsonlSource<R>),
}

/// The header's columns: each name as written, kept for the output.
pub(super) type Columns = Vec<Arc<str>>;

impl<R: BufRead> Source<R> {
    /// Opens CSV input and reads the header row; `formulas` are an .xlsx
    /// input's formula cells without a saved result, each its row's error.
    pub fn csv(
        input: R,
        encoding: Encoding,
        delimiter: u8,
        lang: Lang,
        formulas: Option<FormulasWithoutResult>,
    ) -> Result<(Source<R>, Columns), BatchError> {
        let (source, names) = CsvSource::open(input, encoding, delimiter, lang, formulas)?;
        Ok((Source::Csv(source), names))
    }

    /// Opens JSONL input; the columns are the keys of the first line that
    /// is a JSON object, for CSV output.
    pub fn jsonl(
        input: R,
        encoding: Encoding,
        lang: Lang,
    ) -> Result<(Source<R>, Columns), BatchError> {
        let (source, names) = JsonlSource::open(input, encoding, lang)?;
        Ok((Source::Jsonl(source), names))
    }

    /// Reads the next row into `rows`; `false` at the end of the input.
    pub fn read_into(&mut self, rows: &mut Rows) -> Result<bool, BatchError> {
        let stored = match self {
            Source::Csv(source) => source.next_row(rows)?,
            Source::Jsonl(source) => source.next_row()?,
        };
        let Some(stored) = stored else {
            return Ok(false);
        };
        rows.push(stored);
        Ok(true)
    }
}

/// A row's words from the message tables.
fn words(lang: Lang, key: Key) -> &'static str {
    i18n::template(lang, key)
}

/// A row's sentence from the message tables.
fn said(lang: Lang, key: Key, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    i18n::text(lang, key, values)
}

/// The error of a row longer than [`MAX_ROW_BYTES`].
fn too_large(line: u64, lang: Lang) -> String {
    said(
        lang,
        Key::RowTooLong,
        &[("line", &line), ("mb", &(MAX_ROW_BYTES >> 20))],
    )
}
