//! CSV input: records by csv_core, rows numbered as a spreadsheet numbers
//! them, each cell checked in the file's encoding.

use std::collections::VecDeque;
use std::io::{self, BufRead};
use std::sync::Arc;

use super::encoding::{cell_problem, decode, encoding_name};
use super::{Columns, MAX_ROW_BYTES, Rows, Stored, StoredCells, said, too_large};
use crate::Lang;
use crate::batch::{BatchError, Encoding, FormulasWithoutResult};
use crate::i18n::Key;

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
    /// The record as it stood in the input, where that is its fields
    /// joined by commas (no field quoted, the delimiter a comma, read in
    /// one piece): most records. Empty otherwise.
    joined: Vec<u8>,
    /// The fields are in `joined` only (read by [`CsvReader::read_plain_line`]).
    only_joined: bool,
}

impl Record {
    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        if self.only_joined {
            // Past the `i` commas before it.
            &self.joined[start + i..self.ends[i] + i]
        } else {
            &self.bytes[start..self.ends[i]]
        }
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
    /// The delimiter is a comma: a record as it stands may be its fields joined.
    comma: bool,
    /// Lines of plain text with this many fields are read without csv_core
    /// ([`CsvReader::read_plain_line`]); set once the header is read.
    plain_fields: Option<usize>,
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
            comma: delimiter == b',',
            plain_fields: None,
            record: Record {
                bytes: vec![0; 1024],
                len: 0,
                ends: vec![0; 64],
                fields: 0,
                line: 0,
                too_large: false,
                open_quote: false,
                joined: Vec::new(),
                only_joined: false,
            },
        }
    }

    /// Reads the next record into `self.record`; `false` at the end.
    fn read(&mut self) -> io::Result<bool> {
        if let Some(fields) = self.plain_fields
            && self.read_plain_line(fields)?
        {
            return Ok(true);
        }
        self.read_with_csv_core()
    }

    /// Reads the next line as a record without csv_core where it is plain
    /// (most lines): whole in the buffer, not empty, ending in `\n` or
    /// `\r\n`, with no quote and no other `\r`, shorter than
    /// [`MAX_ROW_BYTES`], and of `fields` fields split at commas. Then the
    /// line is its fields joined, as csv_core would read them. `false`,
    /// having read nothing, for any other line.
    fn read_plain_line(&mut self, fields: usize) -> io::Result<bool> {
        if self.fed_break || self.cr_last {
            return Ok(false);
        }
        let buffered = self.input.fill_buf()?;
        let Some(newline) = memchr::memchr(b'\n', buffered) else {
            return Ok(false);
        };
        let line = &buffered[..newline];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // Far below the limit csv_core's buffers are held to: a longer row is read as it reads it.
        if line.is_empty()
            || line.len() + fields * size_of::<usize>() >= MAX_ROW_BYTES / 2
            || memchr::memchr2(b'"', b'\r', line).is_some()
        {
            return Ok(false);
        }
        let record = &mut self.record;
        if record.ends.len() < fields {
            record.ends.resize(fields, 0);
        }
        let mut found = 0;
        for at in memchr::memchr_iter(b',', line) {
            if found + 1 >= fields {
                return Ok(false);
            }
            // Field ends as csv_core gives them: the fields end to end.
            record.ends[found] = at - found;
            found += 1;
        }
        if found + 1 != fields {
            return Ok(false);
        }
        record.ends[found] = line.len() - found;
        record.joined.clear();
        record.joined.extend_from_slice(line);
        record.only_joined = true;
        record.too_large = false;
        record.open_quote = false;
        (record.len, record.fields) = (line.len() - found, fields);
        // One line break; the `\r` of a `\r\n`, if it was looked over
        // already, is the same break.
        let consumed = self.consumed + newline as u64 + 1;
        while self.cr_at.front().is_some_and(|&(at, _)| at < consumed) {
            self.cr_at.pop_front();
        }
        self.scanned = self.scanned.max(consumed);
        self.consumed = consumed;
        self.breaks += 1;
        record.line = self.breaks.saturating_sub(self.breaks_in_cells);
        self.input.consume(newline + 1);
        Ok(true)
    }

    /// Reads the next record into `self.record` with csv_core; `false` at the end.
    fn read_with_csv_core(&mut self) -> io::Result<bool> {
        use csv_core::ReadRecordResult as Read;
        let record = &mut self.record;
        record.too_large = false;
        record.open_quote = false;
        record.only_joined = false;
        record.joined.clear();
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
                if result == Read::Record
                    && (out, ends) == (0, 0)
                    && self.comma
                    && !record.too_large
                {
                    keep_if_joined(&input[..read], written, ended, &mut record.joined);
                }
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

/// Keeps `raw`, a whole record as read in one piece (blank lines before
/// it and its line break included), in `joined` where it is its `fields`
/// fields of `bytes` bytes joined by commas: a quoted field is at least two
/// bytes longer than its text, and every other byte stands for itself.
fn keep_if_joined(raw: &[u8], bytes: usize, fields: usize, joined: &mut Vec<u8>) {
    let start = raw.iter().position(|b| !matches!(b, b'\r' | b'\n'));
    let end = raw.iter().rposition(|b| !matches!(b, b'\r' | b'\n'));
    if let (Some(start), Some(end)) = (start, end)
        && end + 1 - start + 1 == bytes + fields
    {
        joined.extend_from_slice(&raw[start..=end]);
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

/// Rows from CSV input.
pub(in crate::batch) struct CsvSource<R> {
    reader: Box<CsvReader<R>>,
    encoding: Encoding,
    columns: usize,
    lang: Lang,
    /// An .xlsx input's formula cells without a saved result.
    formulas: Option<FormulasWithoutResult>,
}

impl<R: BufRead> CsvSource<R> {
    /// Opens CSV input and reads the header row; `formulas` are an .xlsx
    /// input's formula cells without a saved result, each its row's error.
    pub fn open(
        input: R,
        encoding: Encoding,
        delimiter: u8,
        lang: Lang,
        formulas: Option<FormulasWithoutResult>,
    ) -> Result<(CsvSource<R>, Columns), BatchError> {
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
        // Plain lines go without csv_core where their text is kept as it stands.
        if reader.comma && matches!(encoding, Encoding::Utf8 | Encoding::Auto) {
            reader.plain_fields = Some(columns);
        }
        let source = CsvSource {
            reader,
            encoding,
            columns,
            lang,
            formulas,
        };
        Ok((source, names))
    }

    /// The next row, its text put in `rows`' buffers; `None` at the end.
    pub fn next_row(&mut self, rows: &mut Rows) -> Result<Option<Stored>, BatchError> {
        if !self.reader.read().map_err(BatchError::Read)? {
            return Ok(None);
        }
        let lang = self.lang;
        let mut stored = csv_row(rows, &self.reader.record, self.columns, self.encoding, lang);
        if let Some(formulas) = &self.formulas
            && let Some((cell, field)) = formulas.take(stored.line)
            && stored.problem.is_none()
        {
            let column = rows.names.get(field).map_or("", |name| name.as_ref());
            stored.problem = Some(said(
                lang,
                Key::RowFormulaNoResult,
                &[("line", &stored.line), ("cell", &cell), ("column", &column)],
            ));
        }
        Ok(Some(stored))
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
        _ if record.fields == columns && !record.joined.is_empty() => None,
        Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(&record.bytes[..record.len])
            .ok()
            .filter(|whole| {
                record.ends[..record.fields]
                    .iter()
                    .all(|&end| whole.is_char_boundary(end))
            }),
        Encoding::ShiftJis => None,
    };
    // The cells are stored joined by commas ([`Rows`]): a record as it
    // stood in the input, where that is them joined (most), in one piece.
    let joined = match encoding {
        Encoding::Utf8 | Encoding::Auto
            if record.fields == columns && !record.joined.is_empty() =>
        {
            // Checked with SIMD: every byte of the input goes through here.
            simdutf8::basic::from_utf8(&record.joined).ok()
        }
        _ => None,
    };
    if let Some(joined) = joined {
        rows.text.push_str(joined);
        for (i, end) in record.ends[..columns].iter().enumerate() {
            rows.ends.push(start + end + i);
        }
    } else if let Some(whole) = whole {
        rows.text.reserve(whole.len() + columns);
        let mut from = 0;
        for i in 0..columns {
            if i > 0 {
                rows.text.push(',');
            }
            if i < record.fields {
                let end = record.ends[i];
                rows.text.push_str(&whole[from..end]);
                from = end;
            }
            rows.ends.push(rows.text.len());
        }
    } else {
        for i in 0..columns {
            if i > 0 {
                rows.text.push(',');
            }
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

    /// Every record, read with or without the plain-line path: its row,
    /// its fields, and whether it was cut or left open.
    fn read_all(input: &[u8], plain: bool) -> Vec<(u64, Vec<Vec<u8>>, bool, bool)> {
        let mut reader = CsvReader::new(input, b',');
        let mut out = Vec::new();
        while reader.read().unwrap() {
            let r = &reader.record;
            if plain && out.is_empty() {
                reader.plain_fields = Some(r.fields);
            }
            let r = &reader.record;
            out.push((
                r.line,
                r.fields().map(<[u8]>::to_vec).collect(),
                r.open_quote,
                r.too_large,
            ));
        }
        out
    }

    proptest::proptest! {
        /// Lines read without csv_core come out exactly as csv_core reads
        /// them: the same rows, numbered alike, whatever the line ends,
        /// quotes and blank lines around them.
        #[test]
        fn plain_lines_read_as_csv_core_reads_them(
            lines in proptest::collection::vec("[a,\"\r\n病 ]{0,12}", 1..12),
            end in proptest::sample::select(vec!["\n", "\r\n", "\r"]),
        ) {
            let mut input = b"h1,h2,h3".to_vec();
            for line in &lines {
                input.extend_from_slice(end.as_bytes());
                input.extend_from_slice(line.as_bytes());
            }
            proptest::prop_assert_eq!(read_all(&input, true), read_all(&input, false));
        }
    }

    #[test]
    fn plain_lines_are_numbered_as_csv_core_numbers_them() {
        let input = b"h1,h2\n1,a\n\n2,b\r\n3,\"c\nd\"\n4,e\r5,f\n6,g,h\n7,i";
        let rows = read_all(input, true);
        assert_eq!(rows, read_all(input, false));
        let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
        // Row 3 is blank; the line break in "c\nd" does not start a row (a
        // spreadsheet shows the cell on row 5), so `4,e` is row 6, ended by a
        // lone `\r`; then `5,f`, `6,g,h` (a cell too many) and `7,i`.
        assert_eq!(lines, [1, 2, 4, 5, 6, 7, 8, 9]);
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

    /// A record is kept as it stood only where that is its fields joined by
    /// commas: never when a field was quoted (the text differs), whatever the
    /// line ends and blank lines before it.
    #[test]
    fn a_record_is_kept_as_read_only_where_it_is_its_fields_joined() {
        let mut reader = CsvReader::new(
            &b"h,n\r\n1,a\r\n\r\n2,\"b,c\"\n3,\"d\"\n4,e\"f\n5,"[..],
            b',',
        );
        let mut joined = Vec::new();
        while reader.read().unwrap() {
            joined.push(String::from_utf8(reader.record.joined.clone()).unwrap());
        }
        // `4,e"f`: a quote inside an unquoted field is text, as read.
        assert_eq!(joined, ["h,n", "1,a", "", "", "4,e\"f", ""]);
        // Not with another delimiter: the stored cells are joined by commas.
        let mut reader = CsvReader::new(&b"h\tn\n1\ta\n"[..], b'\t');
        assert!(reader.read().unwrap() && reader.read().unwrap());
        assert!(reader.record.joined.is_empty());
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
}
