//! CSV output: a line written field by field straight into the bytes,
//! quoted where the csv crate would quote, text guarded against formula
//! injection.

use chrono::{Datelike, NaiveDate};

use super::cells::{Cell, CellWriter, Kind, row_cells};
use super::{ByteRows, Outcome};
use crate::batch::read::Row;
use crate::batch::{Format, Layout};

/// A text cell a spreadsheet would run as a formula gets a leading `'`
/// (the OWASP rule for CSV injection); numbers are never touched.
#[cfg(test)]
fn guard(text: &str, raw: bool) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !raw && is_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a spreadsheet might run this text as a formula: it begins with
/// a tab or a carriage return, or, after any spaces and control characters
/// (a NUL, say), with `=`, `+`, `-`, `@` or their full-width forms `＝＋－＠`;
/// and it is not a number (`-1`, `+3.5`).
#[inline]
fn is_formula(text: &str) -> bool {
    // Most cells start with a letter, a digit, a kanji or kana: one look decides.
    match text.as_bytes() {
        [] => false,
        [first, ..] if first.is_ascii_alphanumeric() => false,
        [first, ..] if first.is_ascii_graphic() && !is_trigger(char::from(*first)) => false,
        // U+4000–U+9FFF (kanji), and U+3001–U+30FF but the ideographic space U+3000.
        [0xE4..=0xE9, ..] => false,
        [0xE3, second, ..] if *second != 0x80 => false,
        _ => may_be_formula(text),
    }
}

#[cold]
fn may_be_formula(text: &str) -> bool {
    if text.starts_with(['\t', '\r']) {
        return true;
    }
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    start.chars().next().is_some_and(is_trigger) && !is_number(text)
}

fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
}

/// `-12`, `+3.5`, `1000`.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// The header line: the input's columns, then the result columns (CSV);
/// nothing for JSONL.
pub(super) fn header(layout: &Layout, raw: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if layout.output_format == Format::Jsonl {
        return out;
    }
    let mut dates = DateTexts::default();
    let mut line = CsvLine {
        out: &mut out,
        dates: &mut dates,
        raw,
        quote: true,
        first: true,
    };
    for name in layout.names.iter() {
        line.text(name);
    }
    for name in layout.results.iter().chain(&layout.extra) {
        line.text(name);
    }
    out.push(b'\n');
    out
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
            // At most 128 a block, so it never wraps; `wrapping_add` keeps the
            // loop vectorised when overflow checks are on.
            block_commas = block_commas.wrapping_add(u8::from(b == b','));
            special |= u8::from(b == b'"') | u8::from(b == b'\r') | u8::from(b == b'\n');
        }
        commas += usize::from(block_commas);
    }
    commas == separators && special == 0
}

/// Dates as text, the last two written kept (chrono's `Display` is slow
/// per row, and a row's dates are mostly the same few).
#[derive(Default)]
pub(super) struct DateTexts {
    kept: [Option<(NaiveDate, [u8; 10])>; 2],
}

impl DateTexts {
    /// `2031-09-30`.
    #[inline]
    fn text(&mut self, date: NaiveDate) -> [u8; 10] {
        for (kept, text) in self.kept.iter().flatten() {
            if *kept == date {
                return *text;
            }
        }
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
        self.kept[1] = self.kept[0];
        self.kept[0] = Some((date, text));
        text
    }
}

/// One CSV line being written, field by field, straight into the chunk's
/// bytes. With `quote`, fields are quoted where the csv crate's writer would
/// quote them (`QuoteStyle::Necessary`), by csv_core.
struct CsvLine<'a> {
    out: &'a mut Vec<u8>,
    dates: &'a mut DateTexts,
    raw: bool,
    quote: bool,
    first: bool,
}

impl CsvLine<'_> {
    /// A text cell, guarded against formula injection.
    #[inline]
    fn text(&mut self, text: &str) {
        let guard = !self.raw && is_formula(text);
        self.write(guard, text.as_bytes());
    }

    /// A number, never guarded; empty for `None`.
    #[inline]
    fn number(&mut self, n: Option<u64>) {
        let mut buffer = itoa::Buffer::new();
        self.plain(n.map_or("", |n| buffer.format(n)).as_bytes());
    }

    /// A signed number, never guarded; empty for `None`.
    fn signed(&mut self, n: Option<i64>) {
        let mut buffer = itoa::Buffer::new();
        self.plain(n.map_or("", |n| buffer.format(n)).as_bytes());
    }

    /// `2031-09-30`; empty for `None`. A row's dates are a few (the as-of
    /// date, a program's deadline): the last ones written are kept as text.
    fn date(&mut self, date: Option<NaiveDate>) {
        let Some(date) = date else {
            return self.plain(b"");
        };
        let text = self.dates.text(date);
        self.plain(&text);
    }

    /// A field that never needs quotes.
    #[inline]
    fn plain(&mut self, bytes: &[u8]) {
        self.out.reserve(bytes.len() + 1);
        self.separate();
        self.out.extend_from_slice(bytes);
    }

    #[inline]
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
    }

    /// `'` first with `guard`, then `bytes`, as one field.
    #[inline(always)]
    fn write(&mut self, guard: bool, bytes: &[u8]) {
        if !self.quote || !needs_quotes(bytes) {
            // One check for room: the separator, the guard and the bytes.
            self.out.reserve(bytes.len() + 2);
            self.separate();
            if guard {
                self.out.push(b'\'');
            }
            self.out.extend_from_slice(bytes);
        } else {
            self.write_quoted(guard, bytes);
        }
    }

    /// [`Self::write`] where the field needs quotes (few lines).
    #[inline(never)]
    fn write_quoted(&mut self, guard: bool, bytes: &[u8]) {
        self.separate();
        let guard: &[u8] = if guard { b"'" } else { b"" };
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

impl CellWriter for CsvLine<'_> {
    /// Text is guarded and quoted; numbers, dates and nothing never are.
    // Always inlined: where the cell is made, its kind is known and the
    // match goes (this is the row path; benches/batch.sh --instructions).
    #[inline(always)]
    fn cell(&mut self, cell: Cell<'_>) {
        match cell {
            Cell::Empty => self.plain(b""),
            Cell::Text(text) | Cell::Input(text, _) => self.text(text),
            Cell::Yen(n) | Cell::Count(n) => self.number(Some(n)),
            Cell::Days(n) => self.signed(Some(n)),
            Cell::Date(date) => self.date(Some(date)),
        }
    }

    /// The input cells as one piece, where none is quoted or guarded
    /// (most rows; a cell holding a comma shows in the line's commas, and
    /// the line is written again quoted); otherwise cell by cell.
    #[inline]
    fn input_cells<'a>(
        &mut self,
        joined: &'a str,
        cells: impl Iterator<Item = &'a str> + Clone,
        _kind: impl Fn(usize) -> Kind,
    ) {
        if !self.quote && (self.raw || !cells.clone().any(is_formula)) {
            self.plain(joined.as_bytes());
        } else {
            for cell in cells {
                self.text(cell);
            }
        }
    }
}

impl ByteRows<'_> {
    /// Writes the line with no field quoted, then looks over it once: if it
    /// holds no quote, `\r` or `\n` and no comma but the separators, that is
    /// the line; otherwise it is written again, each field quoted where needed.
    pub(super) fn write_csv(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        let start = self.out.len();
        self.write_fields(row, outcome, false);
        let separators = self.layout.names.len()
            + self.layout.results.len()
            + usize::from(self.layout.extra.is_some())
            - 1;
        if !is_plain_line(&self.out[start..], separators) {
            self.out.truncate(start);
            self.write_fields(row, outcome, true);
        }
        self.out.extend_from_slice(self.line_end);
        if self.shift_jis {
            self.encode_shift_jis(start, row, outcome);
        }
    }

    /// A line's fields, each quoted where it needs to be with `quote`.
    fn write_fields(&mut self, row: Row<'_>, outcome: &Outcome<'_>, quote: bool) {
        let mut line = CsvLine {
            out: &mut self.out,
            dates: &mut self.dates,
            raw: self.raw,
            quote,
            first: true,
        };
        row_cells(self.layout, row, outcome, &mut self.scratch, &mut line);
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
            let mut dates = DateTexts::default();
            let mut line = CsvLine { out: &mut ours, dates: &mut dates, raw: false, quote: true, first: true };
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
