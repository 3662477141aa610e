//! Reading batch input: CSV (with a header row) or JSONL, UTF-8 or
//! Shift_JIS, a chunk of [`Rows`] at a time.
//!
//! Nothing is replaced or guessed silently: a cell that is not valid in the
//! file's encoding, a row longer than [`MAX_ROW_BYTES`], a row with too few or
//! too many cells, or a quoted field still open at the end of the file makes
//! its row carry an error naming the row and the column. Rows are numbered as
//! a spreadsheet shows them (the header is row 1), whatever the line ends.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead};
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{BatchError, Encoding};
use crate::Lang;
use crate::i18n::{self, Key};

/// The most bytes one input row may hold (its cells, and 8 bytes for each
/// cell's end). A longer row is read past, not kept, and becomes an error row.
pub const MAX_ROW_BYTES: usize = 4 << 20;

/// Lines looked at for the first JSON object, whose keys become the columns.
const JSONL_LINES_FOR_COLUMNS: usize = 64;

/// A chunk of input rows, read and estimated together. The text of every CSV
/// row lives in one buffer, so reading a row allocates nothing; a chunk's
/// buffers are used again for later chunks.
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
    /// Field `i` is `text[ends[i - 1]..ends[i]]`, the first from `start`.
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
    pub fn csv_cells(self) -> Option<impl Iterator<Item = &'a str>> {
        match self.cells {
            RowCells::Csv { text, start, ends } => {
                Some(ends.iter().scan(start, move |from, &end| {
                    let cell = &text[*from..end];
                    *from = end;
                    Some(cell)
                }))
            }
            _ => None,
        }
    }

    /// Cell `i` of a CSV row.
    #[inline]
    pub fn csv_cell(self, i: usize) -> Option<&'a str> {
        match self.cells {
            RowCells::Csv { text, start, ends } => {
                let end = *ends.get(i)?;
                let start = if i == 0 { start } else { ends[i - 1] };
                Some(&text[start..end])
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

pub(super) fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => "UTF-8",
        Encoding::ShiftJis => "Shift_JIS",
    }
}

/// Chooses UTF-8 or Shift_JIS from the start of the input, by the evidence
/// of the whole sample: a stray byte or two in UTF-8 text does not make it
/// Shift_JIS. UTF-8 when the sample is valid UTF-8, or holds more valid
/// UTF-8 characters beyond ASCII than invalid sequences; otherwise whichever
/// reading finds fewer invalid sequences, UTF-8 on a tie. `at_end` says
/// the sample is the whole input (a character cut at its end is then an error).
pub(super) fn detect(sample: &[u8], at_end: bool) -> Encoding {
    let (valid, invalid) = utf8_evidence(sample, at_end);
    if invalid == 0 || valid > invalid || invalid <= shift_jis_errors(sample, at_end) {
        Encoding::Utf8
    } else {
        Encoding::ShiftJis
    }
}

/// Valid UTF-8 characters beyond ASCII, and invalid sequences.
fn utf8_evidence(mut sample: &[u8], at_end: bool) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        let (good, rest) = match std::str::from_utf8(sample) {
            Ok(text) => (text, None),
            Err(e) => {
                // `valid_up_to` bytes are valid UTF-8, so this cannot fail.
                let good = std::str::from_utf8(&sample[..e.valid_up_to()]).unwrap_or("");
                (good, Some((e.valid_up_to(), e.error_len())))
            }
        };
        valid += good.chars().filter(|c| !c.is_ascii()).count();
        match rest {
            None => return (valid, invalid),
            Some((_, None)) => return (valid, invalid + usize::from(at_end)),
            Some((at, Some(len))) => {
                invalid += 1;
                sample = &sample[at + len..];
            }
        }
    }
}

/// Invalid sequences when read as Shift_JIS (CP932).
fn shift_jis_errors(sample: &[u8], at_end: bool) -> usize {
    let mut decoder = encoding_rs::SHIFT_JIS.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 3 * sample.len() + 16];
    let (mut input, mut errors) = (sample, 0);
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(input, &mut out, at_end);
        input = &input[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => return errors,
            encoding_rs::DecoderResult::Malformed(..) => errors += 1,
            // The buffer holds the worst case, so this does not happen; stop counting if it does.
            encoding_rs::DecoderResult::OutputFull => return errors,
        }
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

/// Whether bytes that decode as Shift_JIS are really UTF-8 text: valid
/// UTF-8 with a character of three bytes or more (kana, kanji), which
/// Shift_JIS text almost never forms.
fn is_utf8_text(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b >= 0xE0) && std::str::from_utf8(bytes).is_ok()
}

/// UTF-16 input (with its BOM) read as UTF-8: Excel saves "Unicode
/// テキスト" so. A malformed sequence is an error, never a replacement
/// character.
pub(super) struct Transcoded<R> {
    input: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    done: bool,
    lang: Lang,
}

impl<R: io::Read> Transcoded<R> {
    pub(super) fn new(
        input: R,
        encoding: &'static encoding_rs::Encoding,
        lang: Lang,
    ) -> Transcoded<R> {
        Transcoded {
            lang,
            input,
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; 1 << 16],
            out: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl<R: io::Read> io::Read for Transcoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.input.read(&mut self.raw)?;
            let last = n == 0;
            let room = self
                .decoder
                .max_utf8_buffer_length_without_replacement(n)
                .unwrap_or(n * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            self.at = 0;
            let (result, _, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.raw[..n],
                &mut self.out,
                last,
            );
            self.out.truncate(written);
            if let encoding_rs::DecoderResult::Malformed(_, _) = result {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    words(self.lang, Key::CellNotUtf16),
                ));
            }
            self.done = last;
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
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

/// Why a cell cannot be read in the file's encoding, if it cannot.
fn cell_problem(bytes: &[u8], encoding: Encoding, lang: Lang) -> Option<&'static str> {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(bytes)
            .is_err()
            .then(|| words(lang, Key::CellNotUtf8)),
        Encoding::ShiftJis if bytes.is_ascii() => None,
        Encoding::ShiftJis if is_utf8_text(bytes) => Some(words(lang, Key::CellUtf8InSjis)),
        Encoding::ShiftJis => decode(bytes, encoding)
            .is_none()
            .then(|| words(lang, Key::CellNotSjis)),
    }
}

/// One CSV record as read: its fields end to end, and where each ends.
/// The buffers are kept from record to record.
struct Record {
    bytes: Vec<u8>,
    /// Bytes of `bytes` in use.
    len: usize,
    ends: Vec<usize>,
    /// Fields: entries of `ends` in use.
    fields: usize,
    /// The spreadsheet row.
    line: u64,
    /// Longer than [`MAX_ROW_BYTES`]: read past, its cells not kept.
    too_large: bool,
    /// The file ended inside a quoted field of this record.
    open_quote: bool,
}

impl Record {
    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    fn fields(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.fields).map(|i| self.field(i))
    }
}

/// CSV records from bytes, by csv_core, counting rows as a spreadsheet does:
/// a line break inside a quoted cell does not start a row; `\r\n`, `\n` and a
/// lone `\r` each end one.
pub(super) struct CsvReader<R> {
    input: R,
    core: csv_core::Reader,
    /// Line breaks read, `\r\n` counted once.
    breaks: u64,
    /// Line breaks inside the cells read.
    breaks_in_cells: u64,
    /// The line break fed at the end of the input has been read.
    fed_break: bool,
    /// Bytes of input consumed, and looked over for `\r`.
    consumed: u64,
    scanned: u64,
    /// Where the `\r`s looked over but not yet consumed are, and the `\n`s
    /// right after them (`true`).
    cr_at: VecDeque<(u64, bool)>,
    /// The bytes looked over last ended with `\r`.
    cr_last: bool,
    /// `\n`s counted by csv_core so far.
    lf_seen: u64,
    record: Record,
}

impl<R: BufRead> CsvReader<R> {
    fn new(input: R, delimiter: u8) -> CsvReader<R> {
        CsvReader {
            input,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            breaks: 0,
            breaks_in_cells: 0,
            fed_break: false,
            consumed: 0,
            scanned: 0,
            cr_at: VecDeque::new(),
            cr_last: false,
            // csv_core numbers lines from 1.
            lf_seen: 1,
            record: Record {
                bytes: vec![0; 1024],
                len: 0,
                ends: vec![0; 64],
                fields: 0,
                line: 0,
                too_large: false,
                open_quote: false,
            },
        }
    }

    /// Reads the next record into `self.record`; `false` at the end.
    fn read(&mut self) -> io::Result<bool> {
        use csv_core::ReadRecordResult as Read;
        let record = &mut self.record;
        record.too_large = false;
        record.open_quote = false;
        let (mut out, mut ends) = (0, 0);
        // Line breaks read for this record, its terminator and blank lines before it included.
        let mut record_breaks = 0;
        loop {
            let buffered = self.input.fill_buf()?;
            let at_end = buffered.is_empty();
            // At the end, one line break is fed once: a quoted field still
            // open takes it as text (so the file ended inside it); any other
            // pending record ends, as the end of input would end it.
            let input: &[u8] = if at_end && !self.fed_break {
                b"\n"
            } else {
                buffered
            };
            let (result, read, written, ended) =
                self.core
                    .read_record(input, &mut record.bytes[out..], &mut record.ends[ends..]);
            let terminated = !at_end && read > 0 && matches!(input[read - 1], b'\r' | b'\n');
            if at_end {
                if read == 1 {
                    self.fed_break = true;
                    record.open_quote = written == 1;
                }
            } else {
                let end = self.consumed + input.len() as u64;
                if self.scanned < end {
                    // Each byte of input is looked over for `\r` once, a buffer at a time.
                    let from = (self.scanned - self.consumed) as usize;
                    find_crs(
                        &input[from..],
                        self.scanned,
                        &mut self.cr_at,
                        &mut self.cr_last,
                    );
                    self.scanned = end;
                }
                self.consumed += read as u64;
                let before = self.breaks;
                // csv_core counts the `\n`s; a `\r` is a break too, and a
                // `\n` right after a `\r` is the same break.
                self.breaks = self.breaks + self.core.line() - self.lf_seen;
                self.lf_seen = self.core.line();
                while let Some(&(at, pair)) = self.cr_at.front() {
                    if at >= self.consumed {
                        break;
                    }
                    self.cr_at.pop_front();
                    if pair {
                        self.breaks -= 1;
                    } else {
                        self.breaks += 1;
                    }
                }
                record_breaks += self.breaks - before;
                self.input.consume(read);
            }
            out += written;
            ends += ended;
            match result {
                Read::InputEmpty => {}
                Read::OutputFull | Read::OutputEndsFull => {
                    let held = record.bytes.len() + record.ends.len() * size_of::<usize>();
                    if record.too_large || held >= MAX_ROW_BYTES {
                        // Read on past the record, keeping none of it.
                        record.too_large = true;
                        (out, ends) = (0, 0);
                    } else if result == Read::OutputFull {
                        record.bytes.resize(record.bytes.len() * 2, 0);
                    } else {
                        record.ends.resize(record.ends.len() * 2, 0);
                    }
                }
                Read::Record => {
                    if record.open_quote && !record.too_large {
                        // Take back the line break fed at the end.
                        out -= 1;
                        record.ends[ends - 1] -= 1;
                    }
                    if record.too_large {
                        (record.len, record.fields) = (0, 0);
                    } else {
                        (record.len, record.fields) = (out, ends);
                    }
                    // Breaks beyond the terminator are blank lines or breaks
                    // inside quoted cells: only then are the cells looked at.
                    if !record.too_large && record_breaks > u64::from(terminated) {
                        for i in 0..ends {
                            let cell = record.field(i);
                            if memchr::memchr2(b'\r', b'\n', cell).is_some() {
                                count_breaks(cell, &mut self.breaks_in_cells, &mut false);
                            }
                        }
                    }
                    let before = self.breaks.saturating_sub(u64::from(terminated));
                    record.line = 1 + before.saturating_sub(self.breaks_in_cells);
                    return Ok(true);
                }
                Read::End => return Ok(false),
            }
        }
    }
}

/// Notes where each `\r` is, and each `\n` right after one (`true`), in
/// `bytes` starting at `offset` of the input. A `\r` that ends the bytes is
/// carried in `cr_last`, to see whether the next bytes start with `\n`.
fn find_crs(bytes: &[u8], offset: u64, cr_at: &mut VecDeque<(u64, bool)>, cr_last: &mut bool) {
    if std::mem::take(cr_last) && bytes.first() == Some(&b'\n') {
        cr_at.push_back((offset, true));
    }
    for at in memchr::memchr_iter(b'\r', bytes) {
        cr_at.push_back((offset + at as u64, false));
        match bytes.get(at + 1) {
            Some(b'\n') => cr_at.push_back((offset + at as u64 + 1, true)),
            Some(_) => {}
            None => *cr_last = true,
        }
    }
}

/// Counts line breaks, `\r\n` once, carrying a final `\r` to the next call.
fn count_breaks(bytes: &[u8], breaks: &mut u64, after_cr: &mut bool) {
    for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
        let after_cr = if at == 0 {
            *after_cr
        } else {
            bytes[at - 1] == b'\r'
        };
        *breaks += u64::from(!(bytes[at] == b'\n' && after_cr));
    }
    if let Some(&last) = bytes.last() {
        *after_cr = last == b'\r';
    }
}

/// Rows from a CSV or JSONL input.
pub(super) enum Source<R: BufRead> {
    Csv {
        reader: Box<CsvReader<R>>,
        encoding: Encoding,
        columns: usize,
        lang: Lang,
        /// An .xlsx input's formula cells without a saved result.
        formulas: Option<super::FormulasWithoutResult>,
    },
    Jsonl {
        input: R,
        line: u64,
        bytes: Vec<u8>,
        encoding: Encoding,
        lang: Lang,
        /// Rows read early while looking for the first object's keys.
        early: std::collections::VecDeque<Stored>,
    },
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
        formulas: Option<super::FormulasWithoutResult>,
    ) -> Result<(Source<R>, Columns), BatchError> {
        let mut reader = Box::new(CsvReader::new(input, delimiter));
        if !reader.read().map_err(BatchError::Read)? {
            return Err(BatchError::NoHeader);
        }
        let header = &reader.record;
        if header.too_large {
            return Err(BatchError::HeaderTooLarge(MAX_ROW_BYTES >> 20));
        }
        if header.open_quote {
            return Err(BatchError::OpenQuote(header.line));
        }
        let mut names: Columns = Vec::with_capacity(header.fields);
        for field in header.fields() {
            let name = decode(field, encoding)
                .ok_or(BatchError::HeaderEncoding(encoding_name(encoding)))?;
            names.push(Arc::from(name.as_ref()));
        }
        let columns = names.len();
        Ok((
            Source::Csv {
                reader,
                encoding,
                columns,
                lang,
                formulas,
            },
            names,
        ))
    }

    /// Opens JSONL input; the columns are the keys of the first line that is
    /// a JSON object (looked for in the first lines), for CSV output.
    pub fn jsonl(
        input: R,
        encoding: Encoding,
        lang: Lang,
    ) -> Result<(Source<R>, Columns), BatchError> {
        let mut source = Source::Jsonl {
            input,
            line: 0,
            bytes: Vec::new(),
            encoding,
            lang,
            early: Default::default(),
        };
        let mut early = std::collections::VecDeque::new();
        let mut columns = None;
        while early.len() < JSONL_LINES_FOR_COLUMNS {
            let Some(row) = source.next_json()? else {
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
        if let Source::Jsonl { early: slot, .. } = &mut source {
            *slot = early;
        }
        Ok((source, columns.unwrap_or_default()))
    }

    /// Reads the next row into `rows`; `false` at the end of the input.
    pub fn read_into(&mut self, rows: &mut Rows) -> Result<bool, BatchError> {
        let stored = match self {
            Source::Csv {
                reader,
                encoding,
                columns,
                lang,
                formulas,
            } => {
                if !reader.read().map_err(BatchError::Read)? {
                    return Ok(false);
                }
                let mut stored = csv_row(rows, &reader.record, *columns, *encoding, *lang);
                if let Some(formulas) = formulas
                    && let Some((cell, field)) = formulas.take(stored.line)
                    && stored.problem.is_none()
                {
                    let column = rows.names.get(field).map_or("", |name| name.as_ref());
                    stored.problem = Some(said(
                        *lang,
                        Key::RowFormulaNoResult,
                        &[("line", &stored.line), ("cell", &cell), ("column", &column)],
                    ));
                }
                stored
            }
            Source::Jsonl { .. } => match self.next_json()? {
                Some(stored) => stored,
                None => return Ok(false),
            },
        };
        rows.push(stored);
        Ok(true)
    }

    fn next_json(&mut self) -> Result<Option<Stored>, BatchError> {
        let Source::Jsonl {
            input,
            line,
            bytes,
            encoding,
            lang,
            early,
        } = self
        else {
            return Ok(None);
        };
        if let Some(row) = early.pop_front() {
            return Ok(Some(row));
        }
        loop {
            let Some(too_long) =
                read_line(input, bytes, MAX_ROW_BYTES).map_err(BatchError::Read)?
            else {
                return Ok(None);
            };
            *line += 1;
            if too_long {
                return Ok(Some(Stored {
                    line: *line,
                    problem: Some(too_large(*line, *lang)),
                    cells: StoredCells::NotJson(None),
                }));
            }
            if !bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some(json_row(bytes, *line, *encoding, *lang)));
            }
        }
    }
}

fn too_large(line: u64, lang: Lang) -> String {
    said(
        lang,
        Key::RowTooLong,
        &[("line", &line), ("mb", &(MAX_ROW_BYTES >> 20))],
    )
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

/// Appends a CSV record to the chunk: one field end per column (an empty
/// cell for each missing or undecodable one), and the first problem found.
fn csv_row(
    rows: &mut Rows,
    record: &Record,
    columns: usize,
    encoding: Encoding,
    lang: Lang,
) -> Stored {
    let line = record.line;
    let start = rows.text.len();
    let first_end = rows.ends.len();
    let mut problem = None;
    // UTF-8 is checked once for the whole record, whose fields lie end to
    // end; a field boundary inside a character is checked for too.
    let whole = match encoding {
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(&record.bytes[..record.len])
            .ok()
            .filter(|whole| {
                record.ends[..record.fields]
                    .iter()
                    .all(|&end| whole.is_char_boundary(end))
            }),
        Encoding::ShiftJis => None,
    };
    if let Some(whole) = whole {
        rows.text.push_str(whole);
        for i in 0..columns {
            let end = if i < record.fields {
                record.ends[i]
            } else {
                whole.len()
            };
            rows.ends.push(start + end);
        }
    } else {
        for i in 0..columns {
            let field: &[u8] = if i < record.fields {
                record.field(i)
            } else {
                b""
            };
            match cell_problem(field, encoding, lang) {
                None => rows
                    .text
                    .push_str(&decode(field, encoding).unwrap_or_default()),
                Some(why) => {
                    problem.get_or_insert_with(|| {
                        let name = &rows.names[i];
                        said(
                            lang,
                            Key::RowCellProblem,
                            &[("line", &line), ("why", &why), ("name", name)],
                        )
                    });
                }
            }
            rows.ends.push(rows.text.len());
        }
        if problem.is_none() && record.fields > columns {
            // Cells past the header's columns: check them too before reporting the count.
            if let Some(why) =
                (columns..record.fields).find_map(|i| cell_problem(record.field(i), encoding, lang))
            {
                problem = Some(said(
                    lang,
                    Key::RowPastLastColumn,
                    &[("line", &line), ("why", &why)],
                ));
            }
        }
    }
    let problem = problem.or_else(|| {
        if record.too_large {
            Some(too_large(line, lang))
        } else if record.open_quote {
            Some(said(lang, Key::RowOpenQuote, &[("line", &line)]))
        } else if record.fields != columns {
            Some(said(
                lang,
                Key::RowCellCount,
                &[
                    ("line", &line),
                    ("cells", &record.fields),
                    ("columns", &columns),
                ],
            ))
        } else {
            None
        }
    });
    Stored {
        line,
        problem,
        cells: StoredCells::Csv { start, first_end },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[u8]) -> Vec<(u64, Vec<String>, bool)> {
        let mut reader = CsvReader::new(input, b',');
        let mut out = Vec::new();
        while reader.read().unwrap() {
            let r = &reader.record;
            let fields = r
                .fields()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            out.push((r.line, fields, r.open_quote));
        }
        out
    }

    #[test]
    fn rows_are_numbered_alike_for_lf_crlf_and_cr() {
        for end in ["\n", "\r\n", "\r"] {
            let input = ["h,n", "1,a", "", "2,\"b", "c\"", "3,d"].join(end);
            let rows = records(input.as_bytes());
            let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
            // The blank line is row 3 (a spreadsheet shows it); the quoted
            // line break keeps "b…c" on row 4.
            assert_eq!(lines, [1, 2, 4, 5], "{end:?}");
            assert_eq!(rows[2].1, ["2", format!("b{end}c").as_str()]);
        }
    }

    #[test]
    fn an_open_quote_at_the_end_is_flagged_on_its_row() {
        let rows = records(b"id,note\n1,\"oops\n2,ok\n");
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].0, rows[1].2), (2, true));
        assert!(!records(b"id,note\n1,\"fine\"\n")[1].2);
        assert!(!records(b"id,note\n1,\"fine\"")[1].2);
    }

    #[test]
    fn a_row_longer_than_the_limit_is_read_past() {
        let mut input = b"a,b\n1,".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_ROW_BYTES + 10));
        input.extend_from_slice(b"\n2,y\n");
        let mut reader = CsvReader::new(input.as_slice(), b',');
        assert!(reader.read().unwrap());
        assert!(reader.read().unwrap());
        assert!(reader.record.too_large);
        assert!(reader.record.bytes.len() <= 2 * MAX_ROW_BYTES);
        assert!(reader.read().unwrap());
        assert_eq!((reader.record.line, reader.record.field(1)), (3, &b"y"[..]));
    }

    #[test]
    fn detection_is_not_decided_by_one_stray_byte() {
        let mut utf8 = "id,name\n".repeat(10).into_bytes();
        utf8.extend_from_slice("1,北病院\n2,南クリニック\n".as_bytes());
        utf8.push(0xFF);
        utf8.extend_from_slice("3,東診療所\n".as_bytes());
        assert_eq!(detect(&utf8, true), Encoding::Utf8);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("id,name\n1,北病院\n2,南クリニック\n");
        assert_eq!(detect(&sjis, true), Encoding::ShiftJis);
        // A character cut at the end of a sample that is not the whole input is fine.
        let bytes = "病院".as_bytes();
        assert_eq!(detect(&bytes[..bytes.len() - 1], false), Encoding::Utf8);
        assert_eq!(
            decode(&sjis, Encoding::ShiftJis)
                .as_deref()
                .map(|s| &s[..7]),
            Some("id,name")
        );
        assert_eq!(decode(b"\xFF\xFF", Encoding::ShiftJis), None);
        assert_eq!(decode(b"\xFF", Encoding::Utf8), None);
    }

    #[test]
    fn utf8_in_a_shift_jis_cell_is_a_problem_not_mojibake() {
        assert_eq!(
            cell_problem("病院".as_bytes(), Encoding::ShiftJis, Lang::En),
            Some("UTF-8 text in a Shift_JIS file")
        );
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("病院");
        assert_eq!(cell_problem(&sjis, Encoding::ShiftJis, Lang::En), None);
        assert_eq!(
            cell_problem(&sjis, Encoding::Utf8, Lang::En),
            Some("bytes that are not UTF-8")
        );
    }
}
