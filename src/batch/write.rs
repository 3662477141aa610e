//! Writing batch output: CSV (guarded against formula injection) or JSONL,
//! a chunk of rows at a time into bytes, so chunks can be made in parallel
//! and written in input order.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::columns::Outcome;
use super::pipeline::Sink;
use super::read::Row;
use super::{BatchError, Format, Layout, Res, Shape};
use crate::input::fields::json_text;

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
    let mut line = CsvLine {
        out: &mut out,
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

/// The character whose Shift_JIS bytes (as encoding_rs writes them) are
/// CP932's for `c`, where CP932 (Windows, Excel) holds `c` under another
/// code point than JIS: 〜 U+301C as ～ U+FF5E (0x8160), ‖ U+2016 as ∥
/// U+2225 (0x8161), − U+2212 as － U+FF0D (0x817C), ¢ £ ¬ as ￠ ￡ ￢
/// U+FFE0-U+FFE2 (0x8191, 0x8192, 0x81CA). encoding_rs cannot write the
/// JIS ones (U+2212 it writes as 0x817C, read back as U+FF0D); Excel shows
/// these bytes as the same glyph.
fn cp932_twin(c: char) -> char {
    match c {
        '\u{301C}' => '\u{FF5E}',
        '\u{2016}' => '\u{2225}',
        '\u{2212}' => '\u{FF0D}',
        '\u{00A2}' => '\u{FFE0}',
        '\u{00A3}' => '\u{FFE1}',
        '\u{00AC}' => '\u{FFE2}',
        other => other,
    }
}

/// Encodes `text` into `out` in Shift_JIS (CP932); false when a character
/// is not held as itself (it does not read back the same). The characters
/// CP932 holds under another code point ([`cp932_twin`]) are held: written
/// as CP932's bytes for them.
fn shift_jis_into(text: &str, out: &mut Vec<u8>) -> bool {
    let text: Cow<'_, str> = if !text.is_ascii() && text.chars().any(|c| cp932_twin(c) != c) {
        Cow::Owned(text.chars().map(cp932_twin).collect())
    } else {
        Cow::Borrowed(text)
    };
    let (encoded, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    out.extend_from_slice(&encoded);
    if unmappable {
        return false;
    }
    if text.is_ascii() {
        return true; // ASCII reads back as itself
    }
    let (back, malformed) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&encoded);
    !malformed && back == text
}

/// Whether Shift_JIS holds `c` as itself.
fn in_shift_jis(c: char) -> bool {
    c.is_ascii() || shift_jis_into(c.encode_utf8(&mut [0; 4]), &mut Vec::new())
}

/// The header line in Shift_JIS, ending with CRLF; a column name it cannot
/// hold stops the run.
pub(super) fn shift_jis_header(
    header: &[u8],
    layout: &Layout,
) -> Result<Vec<u8>, super::BatchError> {
    let text = String::from_utf8_lossy(header.strip_suffix(b"\n").unwrap_or(header));
    let mut encoded = Vec::with_capacity(text.len() + 2);
    if !shift_jis_into(&text, &mut encoded) {
        let name = layout
            .names
            .iter()
            .map(|n| n.as_ref())
            .chain(layout.results.iter().map(String::as_str))
            .find(|n| !shift_jis_into(n, &mut Vec::new()))
            .unwrap_or_default();
        return Err(super::BatchError::HeaderNotShiftJis(
            crate::input::text::shown(name).into_owned(),
        ));
    }
    encoded.extend_from_slice(b"\r\n");
    Ok(encoded)
}

/// Output rows of one chunk, as bytes.
pub(super) struct Chunk<'l> {
    format: Format,
    /// `as_of`, `catalogue_version`, `catalogue_sha256` for each JSONL line.
    trace: Arc<[(&'static str, Value)]>,
    raw: bool,
    layout: &'l Layout,
    out: Vec<u8>,
    /// Reused: which of a JSONL row's pairs goes in each column.
    slots: Vec<usize>,
    scratch: String,
    /// CSV in Shift_JIS: each line is encoded as it is written.
    shift_jis: bool,
    /// What ends a CSV line: `\n`, or CRLF in Shift_JIS (the Windows
    /// programs that want Shift_JIS expect it).
    line_end: &'static [u8],
    /// Input rows with a character Shift_JIS cannot hold (and no other
    /// error): counted as failed rows.
    pub flagged: u64,
    last_flagged: u64,
}

impl<'l> Chunk<'l> {
    pub fn new(
        out: Vec<u8>,
        raw: bool,
        layout: &'l Layout,
        trace: Arc<[(&'static str, Value)]>,
    ) -> Chunk<'l> {
        Chunk {
            format: layout.output_format,
            trace,
            raw,
            layout,
            out,
            slots: Vec::new(),
            scratch: String::new(),
            shift_jis: false,
            line_end: b"\n",
            flagged: 0,
            last_flagged: 0,
        }
    }

    /// Lines are written in Shift_JIS, ending with CRLF (CSV only).
    pub fn in_shift_jis(mut self, shift_jis: bool) -> Chunk<'l> {
        self.shift_jis = shift_jis && self.format == Format::Csv;
        if self.shift_jis {
            self.line_end = b"\r\n";
        }
        self
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// The bytes written so far, leaving the chunk to write on into `next`.
    pub fn take(&mut self, next: Vec<u8>) -> Vec<u8> {
        std::mem::replace(&mut self.out, next)
    }

    pub fn write(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        match self.format {
            Format::Csv => self.write_csv(row, outcome),
            Format::Jsonl => self.write_json(row, outcome),
        }
    }

    /// Writes the line with no field quoted, then looks over it once: if it
    /// holds no quote, `\r` or `\n` and no comma but the separators, that is
    /// the line; otherwise it is written again, each field quoted where needed.
    fn write_csv(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
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

    /// The line from `start` in Shift_JIS. A character it cannot hold, or
    /// holds only as another (U+00A5 ¥ comes back as `\`), is never changed
    /// silently: the line is written again with the row's error saying which
    /// characters (as U+XXXX) and in which column, and each such character
    /// written as 〓. The six CP932 holds under another code point (〜 ‖ −
    /// ¢ £ ¬, [`cp932_twin`]) are held, as CP932's bytes.
    fn encode_shift_jis(&mut self, start: usize, row: Row<'_>, outcome: &Outcome<'_>) {
        let Ok(line) = std::str::from_utf8(&self.out[start..]) else {
            return; // The workers write UTF-8; nothing to encode otherwise.
        };
        let mut encoded = Vec::with_capacity(line.len());
        if shift_jis_into(line, &mut encoded) {
            self.out.truncate(start);
            self.out.extend_from_slice(&encoded);
            return;
        }
        let line = line.to_string();
        let mut chars: Vec<char> = line.chars().filter(|&c| !in_shift_jis(c)).collect();
        chars.sort_unstable();
        chars.dedup();
        let codes: Vec<String> = chars
            .iter()
            .map(|c| format!("U+{:04X}", u32::from(*c)))
            .collect();
        let cannot = |c: char| !in_shift_jis(c);
        let column = self.column_holding(row, outcome, &cannot);
        let mut error = outcome.error.to_string();
        if !error.is_empty() {
            error.push_str(" / ");
        }
        error.push_str(&crate::i18n::text(
            self.layout.lang,
            crate::i18n::Key::BatchNotShiftJis,
            &[
                ("line", &row.line),
                ("chars", &codes.join(" ")),
                ("column", &column),
            ],
        ));
        if outcome.error.is_empty() && self.last_flagged != row.line {
            self.flagged += 1;
            self.last_flagged = row.line;
        }
        let flagged = Outcome {
            error: &error,
            ..*outcome
        };
        self.out.truncate(start);
        self.shift_jis = false;
        self.write_csv(row, &flagged);
        self.shift_jis = true;
        let line: String = String::from_utf8_lossy(&self.out[start..])
            .chars()
            .map(|c| if in_shift_jis(c) { c } else { '〓' })
            .collect();
        encoded.clear();
        shift_jis_into(&line, &mut encoded);
        self.out.truncate(start);
        self.out.extend_from_slice(&encoded);
    }

    /// The name of the first column whose cell holds a character `cannot`
    /// says Shift_JIS cannot hold.
    fn column_holding(
        &self,
        row: Row<'_>,
        outcome: &Outcome<'_>,
        cannot: &dyn Fn(char) -> bool,
    ) -> String {
        let holds = |text: &str| text.chars().any(cannot);
        if let Some(cells) = row.csv_cells() {
            for (name, cell) in self.layout.names.iter().zip(cells) {
                if holds(cell) {
                    return name.to_string();
                }
            }
        } else if let Some((key, _)) = row
            .json_pairs()
            .iter()
            .find(|(key, value)| holds(key) || holds(value.get()))
        {
            return key.to_string();
        }
        let results = [
            (Res::ProgramName, outcome.program_name),
            (Res::VariantName, outcome.variant_name),
            (Res::Tier, outcome.tier),
            (Res::Program, outcome.program),
            (Res::Variant, outcome.variant),
            (Res::TierId, outcome.tier_id),
            (Res::Note, outcome.note),
            (Res::Error, outcome.error),
        ];
        for (res, text) in results {
            if holds(text)
                && let Some(at) = self.layout.columns.iter().position(|c| *c == res)
            {
                return self.layout.results[at].clone();
            }
        }
        String::new()
    }

    fn write_fields(&mut self, row: Row<'_>, outcome: &Outcome<'_>, quote: bool) {
        let mut line = CsvLine {
            out: &mut self.out,
            raw: self.raw,
            quote,
            first: true,
        };
        if let Some(cells) = row.csv_cells() {
            cells.for_each(|cell| line.text(cell));
        } else {
            place(self.layout, row, &mut self.slots);
            json_cells(&self.slots, &mut self.scratch, &mut line, row);
        }
        // The result columns: numbers, dates and fixed words (never quoted
        // or guarded); names and ids from the catalogue (which `--data` may
        // set) and messages, quoted and guarded like any text.
        let lang = self.layout.lang;
        for &column in &self.layout.columns {
            match column {
                Res::Row => line.number(Some(row.line)),
                Res::Program => line.text(outcome.program),
                Res::ProgramName => line.text(outcome.program_name),
                Res::Variant => line.text(outcome.variant),
                Res::VariantName => line.text(outcome.variant_name),
                Res::TierId => line.text(outcome.tier_id),
                Res::Tier => line.text(outcome.tier),
                Res::Eligibility => line.text(outcome.eligibility.map_or("", |e| e.label(lang))),
                Res::CostUsed => line.number(outcome.cost_used),
                Res::Grant => line.number(outcome.grant),
                Res::SelfBurden => line.number(outcome.self_burden),
                Res::Status => {
                    line.text(outcome.window.map_or("", |w| w.label(lang)));
                }
                Res::Deadline => line.date(outcome.window.and_then(|w| w.deadline())),
                Res::ToConfirm if outcome.to_confirm.is_empty() => line.plain(b""),
                Res::ToConfirm => {
                    super::columns::columns_in(outcome.to_confirm, lang, &mut self.scratch);
                    line.text(&self.scratch);
                }
                Res::Note => line.text(outcome.note),
                Res::Error => line.text(outcome.error),
                Res::AsOf => line.date(Some(self.layout.as_of)),
                Res::DataVersion => line.text(&self.layout.version),
                Res::ProgramGrant(i) => line.number(outcome.grants.get(i).copied().flatten()),
                Res::BestProgram => line.text(outcome.best.map_or("", |(id, _)| id)),
                Res::BestName => line.text(outcome.best.map_or("", |(_, name)| name)),
                Res::BestGrant => line.number(outcome.best_grant),
                Res::NearestDeadline => line.date(outcome.nearest),
                Res::DaysLeft => line.signed(outcome.days_left),
            }
        }
        if self.layout.extra.is_some() {
            extra_cell(self.layout, &self.slots, &mut self.scratch, row);
            line.text(&self.scratch);
        }
    }

    /// `{"row":…,"input":{…},"program":…,…}`: the input row kept whole under
    /// `input` (a JSONL line as written, every value as its original text),
    /// so no input key can clash with a result.
    fn write_json(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        let out = &mut self.out;
        out.extend_from_slice(b"{\"row\":");
        out.extend_from_slice(itoa::Buffer::new().format(row.line).as_bytes());
        out.extend_from_slice(b",\"input\":");
        if let Some(cells) = row.csv_cells() {
            out.push(b'{');
            for (i, (name, cell)) in self.layout.names.iter().zip(cells).enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_string(out, name);
                out.push(b':');
                json_string(out, cell);
            }
            out.push(b'}');
        } else if let Some(line) = row.json_line() {
            out.extend_from_slice(line.as_bytes());
        } else {
            match row.not_json().flatten() {
                Some(text) => json_string(out, text),
                None => out.extend_from_slice(b"null"),
            }
        }
        let fields = match self.layout.shape {
            Shape::Long => vec![
                ("program", text(outcome.program)),
                ("program_name", text(outcome.program_name)),
                ("variant", text(outcome.variant)),
                ("variant_name", text(outcome.variant_name)),
                ("tier_id", text(outcome.tier_id)),
                ("tier", text(outcome.tier)),
                (
                    "eligibility",
                    text(outcome.eligibility.map_or("", |e| e.id())),
                ),
                (
                    "cost_used",
                    outcome.cost_used.map_or(Value::Null, Value::from),
                ),
                ("grant", outcome.grant.map_or(Value::Null, Value::from)),
                (
                    "self_burden",
                    outcome.self_burden.map_or(Value::Null, Value::from),
                ),
                ("status", text(outcome.window.map_or("", |w| w.id()))),
                ("deadline", date(outcome.window.and_then(|w| w.deadline()))),
                ("to_confirm", text(outcome.to_confirm)),
                ("note", text(outcome.note)),
                ("error", text(outcome.error)),
            ],
            Shape::Summary => vec![
                (
                    "cost_used",
                    outcome.cost_used.map_or(Value::Null, Value::from),
                ),
                (
                    "grants",
                    Value::Object(
                        self.layout
                            .programs
                            .iter()
                            .enumerate()
                            .map(|(i, id)| {
                                let grant = outcome.grants.get(i).copied().flatten();
                                (id.clone(), grant.map_or(Value::Null, Value::from))
                            })
                            .collect(),
                    ),
                ),
                ("best_program", text(outcome.best.map_or("", |(id, _)| id))),
                (
                    "best_program_name",
                    text(outcome.best.map_or("", |(_, name)| name)),
                ),
                (
                    "best_grant",
                    outcome.best_grant.map_or(Value::Null, Value::from),
                ),
                ("nearest_deadline", date(outcome.nearest)),
                (
                    "days_left",
                    outcome.days_left.map_or(Value::Null, Value::from),
                ),
                ("to_confirm", text(outcome.to_confirm)),
                ("note", text(outcome.note)),
                ("error", text(outcome.error)),
            ],
        };
        for (key, value) in fields
            .iter()
            .map(|(k, v)| (*k, v))
            .chain(self.trace.iter().map(|(k, v)| (*k, v)))
        {
            out.push(b',');
            json_string(out, key);
            out.push(b':');
            // Writing a Value into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, value);
        }
        out.extend_from_slice(b"}\n");
    }
}

fn date(date: Option<NaiveDate>) -> Value {
    date.map_or(Value::Null, |d| d.to_string().into())
}

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        Value::String(s.to_string())
    }
}

/// A JSON string, escaped.
fn json_string(out: &mut Vec<u8>, s: &str) {
    // Writing a &str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

/// Which of a JSONL row's pairs goes in each column (`NONE` for none): the
/// first pair of the column's key. Each key is looked up once, so a row of
/// many keys costs its length, not its length squared.
fn place(layout: &Layout, row: Row<'_>, slots: &mut Vec<usize>) {
    slots.clear();
    slots.resize(layout.names.len(), NONE);
    for (at, (key, _)) in row.json_pairs().iter().enumerate() {
        if let Some(&column) = layout.index.get(key.as_ref())
            && slots[column] == NONE
        {
            slots[column] = at;
        }
    }
}

const NONE: usize = usize::MAX;

/// A JSONL row's cells in the columns of the first object's keys: each
/// value as its original text (a string's content; null empty).
fn json_cells(slots: &[usize], scratch: &mut String, line: &mut CsvLine<'_>, row: Row<'_>) {
    let pairs = row.json_pairs();
    for &at in slots {
        match pairs.get(at).and_then(|(_, value)| json_text(value)) {
            None => line.plain(b""),
            Some(text) => {
                scratch.clear();
                scratch.push_str(&text);
                line.text(scratch);
            }
        }
    }
}

/// What a JSONL row holds that the columns do not: the keys not among the
/// first object's, and repeated keys, as a JSON object of their original
/// values; or a line that is not a JSON object, as it was read.
fn extra_cell(layout: &Layout, slots: &[usize], scratch: &mut String, row: Row<'_>) {
    scratch.clear();
    if let Some(text) = row.not_json() {
        scratch.push_str(text.unwrap_or(""));
        return;
    }
    let mut first = true;
    for (at, (key, value)) in row.json_pairs().iter().enumerate() {
        let in_columns = layout
            .index
            .get(key.as_ref())
            .is_some_and(|&column| slots[column] == at);
        if in_columns {
            continue;
        }
        scratch.push(if first { '{' } else { ',' });
        first = false;
        scratch.push_str(&serde_json::to_string(key.as_ref()).unwrap_or_default());
        scratch.push(':');
        scratch.push_str(value.get());
    }
    if !first {
        scratch.push('}');
    }
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

/// CSV or JSONL bytes into a writer; a UTF-8 BOM first on request, for
/// CSV only (JSONL never has one).
pub(super) struct Bytes<W: Write> {
    pub out: W,
    pub bom: bool,
}

impl<W: Write> Sink for Bytes<W> {
    fn begin(&mut self, layout: &Layout, header: &[u8]) -> Result<(), BatchError> {
        if self.bom && layout.output_format == Format::Csv {
            self.out
                .write_all(b"\xEF\xBB\xBF")
                .map_err(BatchError::Write)?;
        }
        self.out.write_all(header).map_err(BatchError::Write)
    }

    fn rows(&mut self, bytes: &[u8]) -> Result<(), BatchError> {
        self.out.write_all(bytes).map_err(BatchError::Write)
    }

    fn end(&mut self) -> Result<(), BatchError> {
        self.out.flush().map_err(BatchError::Write)
    }
}

/// One CSV line being written, field by field, straight into the chunk's
/// bytes. With `quote`, fields are quoted where the csv crate's writer would
/// quote them (`QuoteStyle::Necessary`), by csv_core.
struct CsvLine<'a> {
    out: &'a mut Vec<u8>,
    raw: bool,
    quote: bool,
    first: bool,
}

impl CsvLine<'_> {
    /// A text cell, guarded against formula injection.
    #[inline]
    fn text(&mut self, text: &str) {
        let guard: &[u8] = if !self.raw && is_formula(text) {
            b"'"
        } else {
            b""
        };
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

    /// `2031-09-30`, written digit by digit (chrono's `Display` is slow per
    /// row); empty for `None`.
    fn date(&mut self, date: Option<NaiveDate>) {
        let Some(date) = date else {
            return self.plain(b"");
        };
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
        self.plain(&text);
    }

    /// A field that never needs quotes.
    #[inline]
    fn plain(&mut self, bytes: &[u8]) {
        self.separate();
        self.out.extend_from_slice(bytes);
    }

    #[inline]
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
    }

    /// `guard` (empty or `'`) then `bytes`, as one field.
    #[inline]
    fn write(&mut self, guard: &[u8], bytes: &[u8]) {
        self.separate();
        if !self.quote || !needs_quotes(bytes) {
            self.out.extend_from_slice(guard);
            self.out.extend_from_slice(bytes);
            return;
        }
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
            let mut line = CsvLine { out: &mut ours, raw: false, quote: true, first: true };
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

    /// Issue 21, item 6: the six characters CP932 holds under another code
    /// point, and their twins, are CP932's bytes; ¥ (written as `\\`) and
    /// what Shift_JIS has no bytes for are still not held.
    #[test]
    fn cp932s_twin_characters_are_its_bytes() {
        for (pair, bytes) in [
            ("〜～", [0x81, 0x60]),
            ("‖∥", [0x81, 0x61]),
            ("−－", [0x81, 0x7C]),
            ("¢￠", [0x81, 0x91]),
            ("£￡", [0x81, 0x92]),
            ("¬￢", [0x81, 0xCA]),
        ] {
            for c in pair.chars() {
                let mut out = Vec::new();
                assert!(shift_jis_into(&c.to_string(), &mut out), "{c}");
                assert_eq!(out, bytes, "{c} U+{:04X}", u32::from(c));
                assert!(in_shift_jis(c), "{c}");
            }
        }
        let mut out = Vec::new();
        assert!(shift_jis_into("20〜199床", &mut out));
        assert_eq!(out, b"20\x81\x60199\x8F\xB0");
        for text in ["¥", "🏥", "—"] {
            assert!(!shift_jis_into(text, &mut Vec::new()), "{text}");
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
