//! What the fuzz targets share: fixed options, the batch driver, and the
//! invariants a batch's output must keep whatever the input.
//!
//! A failed invariant panics with a message that says which one, so libFuzzer
//! saves the input as a crash. With `SUBSIDY_FUZZ_SKIP_KNOWN` set, the kinds
//! of failure already kept in `fuzz/regressions/` are let through, so a run
//! can hunt for new ones.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde_json::{Map, Value};
use subsidy::batch::{self, Encoding, Format, Options, RESULT_COLUMNS, Summary};
use subsidy::catalogue::Catalogue;
use subsidy::check;
use subsidy::request::Checker;

/// The date every target estimates on (the one the tests use).
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("a real date")
}

/// `subsidy check`'s defaults.
pub fn check_options() -> check::Options {
    check::Options {
        as_of: as_of(),
        stale_days: 365,
    }
}

/// Whether to let through the kinds of failure already in `fuzz/regressions/`.
pub fn skip_known() -> bool {
    static SKIP: LazyLock<bool> =
        LazyLock::new(|| std::env::var_os("SUBSIDY_FUZZ_SKIP_KNOWN").is_some());
    *SKIP
}

static CATALOGUE: LazyLock<Catalogue> =
    LazyLock::new(|| Catalogue::embedded().expect("the embedded catalogue loads"));
static CHECKER: LazyLock<Checker<'static>> = LazyLock::new(|| Checker::new(&CATALOGUE));

/// A reader that hands out at most `size` bytes a read, as a pipe may.
struct Trickle<'a> {
    data: &'a [u8],
    size: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.size).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Runs one fuzz input through `batch::run` and checks what comes out.
///
/// The first byte says how: bit 0 puts `first_line` (a valid header or first
/// object) before the rest; bit 1 writes the other format than `own`; bits
/// 2–3 pick the input encoding; bit 4 asks for a BOM; bits 5–7, half the
/// time, read the input a few bytes at a time as well, and then both runs
/// must agree (unless the encoding is sniffed, which looks at the first read).
pub fn batch(data: &[u8], first_line: &[u8], own: Format) {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let mut input = Vec::with_capacity(first_line.len() + rest.len());
    if control & 1 != 0 {
        input.extend_from_slice(first_line);
    }
    input.extend_from_slice(rest);
    let format = match (control & 2 != 0, own) {
        (false, own) => own,
        (true, Format::Csv) => Format::Jsonl,
        (true, Format::Jsonl) => Format::Csv,
    };
    let encoding = match (control >> 2) & 3 {
        1 => Encoding::Utf8,
        2 => Encoding::ShiftJis,
        _ => Encoding::Auto,
    };
    let trickle =
        [None, None, None, None, Some(1), Some(2), Some(3), Some(7)][usize::from(control >> 5)];
    let options = Options {
        as_of: as_of(),
        format: Some(format),
        encoding,
        bom: control & 16 != 0,
        raw: false,
    };

    let mut output = Vec::new();
    let result = batch::run(&CHECKER, input.as_slice(), &mut output, &options, |_| {});
    if let Ok(summary) = &result {
        check_output(&output, summary, &options, &input, true);
    }
    let Some(size) = trickle else { return };
    let mut again = Vec::new();
    let trickled = batch::run(
        &CHECKER,
        Trickle { data: &input, size },
        &mut again,
        &options,
        |_| {},
    );
    if let Ok(summary) = &trickled {
        check_output(&again, summary, &options, &input, false);
    }
    // Known: the BOM and the format are looked for in the first read only.
    let known = skip_known()
        && input
            .first()
            .is_some_and(|&b| b == 0xEF || b.is_ascii_whitespace());
    if encoding != Encoding::Auto && !known {
        match (&result, &trickled) {
            (Ok(whole), Ok(small)) => {
                assert_eq!(
                    whole, small,
                    "read {size} bytes at a time, the summary differs"
                );
                assert!(
                    output == again,
                    "read {size} bytes at a time, the output differs:\n{}\nvs\n{}",
                    String::from_utf8_lossy(&output),
                    String::from_utf8_lossy(&again)
                );
            }
            (Err(whole), Err(small)) => assert_eq!(
                whole.to_string(),
                small.to_string(),
                "read {size} bytes at a time, the error differs"
            ),
            (whole, small) => panic!(
                "read whole: {:?}; read {size} bytes at a time: {:?}",
                whole.as_ref().map_err(ToString::to_string),
                small.as_ref().map_err(ToString::to_string)
            ),
        }
    }
}

/// Checks a successful run's output; if the input was read in one go
/// (`whole`), also that the row numbers are the input's lines and that every
/// input cell reached the output unchanged.
pub fn check_output(
    output: &[u8],
    summary: &Summary,
    options: &Options,
    input: &[u8],
    whole: bool,
) {
    let text = std::str::from_utf8(output).expect("the output is UTF-8");
    let source = whole
        .then(|| Source::read(input, options.encoding))
        .flatten();
    // Known: a row's number is the line where the line ending before it
    // starts, off after a CR, a CRLF or a blank line.
    let known = skip_known()
        && (input.contains(&b'\r')
            || input.starts_with(b"\n")
            || input.windows(2).any(|w| w == b"\n\n"));
    let expect = Expect {
        summary,
        source: source.as_ref().filter(|_| !known),
        known,
    };
    match options.format {
        Some(Format::Jsonl) => check_jsonl(text, &expect),
        _ => {
            let text = if options.bom {
                text.strip_prefix('\u{feff}')
                    .expect("--bom output starts with a BOM")
            } else {
                text
            };
            check_csv(text, &expect);
        }
    }
}

/// CSV output: it parses, every record has the header's fields, no text
/// cell would run as a formula, and the rows and cells are the input's.
fn check_csv(text: &str, expect: &Expect<'_>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("the output header does not parse: {e}"))
        .clone();
    assert!(
        header.len() >= RESULT_COLUMNS.len(),
        "the output header has {} fields",
        header.len()
    );
    let first_result = header.len() - RESULT_COLUMNS.len();
    assert!(
        header.iter().skip(first_result).eq(RESULT_COLUMNS),
        "the output header does not end with the result columns: {header:?}"
    );
    header.iter().for_each(assert_guarded);
    let records: Vec<csv::StringRecord> = reader
        .records()
        .enumerate()
        .map(|(i, record)| {
            record.unwrap_or_else(|e| panic!("output record {} does not parse: {e}", i + 1))
        })
        .collect();
    records.iter().flatten().for_each(assert_guarded);
    let rows: Vec<u64> = records
        .iter()
        .map(|r| row_number(&r[first_result]))
        .collect();
    let errors: Vec<bool> = records
        .iter()
        .map(|r| !r[first_result + 9].is_empty())
        .collect();
    expect.rows(&rows, &errors);
    let Some(source) = expect.source else { return };
    for (record, row) in records.iter().zip(rows) {
        let Some(cells) = source.rows.get(&row) else {
            continue;
        };
        for (i, name) in source.columns.iter().enumerate().take(first_result) {
            let expected = cells
                .iter()
                .find(|(n, _)| n == name)
                .map_or_else(String::new, |(_, cell)| cell.as_text());
            let out = &record[i];
            assert!(
                out == expected || out.strip_prefix('\'') == Some(&expected),
                "row {row}, column {name:?}: input {expected:?} became {out:?}"
            );
        }
    }
}

/// JSONL output: every line is a JSON object, and the rows and values are
/// the input's.
fn check_jsonl(text: &str, expect: &Expect<'_>) {
    let body = if text.is_empty() {
        ""
    } else {
        text.strip_suffix('\n')
            .expect("JSONL output ends with a newline")
    };
    let objects: Vec<Map<String, Value>> = body
        .split('\n')
        .filter(|_| !text.is_empty())
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| {
                panic!("output line {} is not a JSON object: {e}: {line:?}", i + 1)
            })
        })
        .collect();
    let rows: Vec<u64> = objects
        .iter()
        .enumerate()
        .map(|(i, object)| {
            object
                .get("row")
                .and_then(Value::as_u64)
                .unwrap_or_else(|| panic!("output line {} has no row number", i + 1))
        })
        .collect();
    let errors: Vec<bool> = objects
        .iter()
        .map(|o| o.get("error").is_some_and(|e| !e.is_null()))
        .collect();
    expect.rows(&rows, &errors);
    let Some(source) = expect.source else { return };
    for (object, row) in objects.iter().zip(rows) {
        let Some(cells) = source.rows.get(&row) else {
            continue;
        };
        for (name, expected) in cells {
            // Known: result and trace keys overwrite input keys of the same name.
            if skip_known()
                && (RESULT_COLUMNS.contains(&name.as_str()) || TRACE_KEYS.contains(&name.as_str()))
            {
                continue;
            }
            let expected = expected.as_value();
            assert!(
                object.get(name) == Some(&expected),
                "row {row}, key {name:?}: input {expected} became {:?}",
                object.get(name)
            );
        }
    }
}

/// The keys every JSONL output line gets besides the result columns.
const TRACE_KEYS: [&str; 3] = ["as_of", "catalogue_version", "catalogue_sha256"];

/// What the output must agree with.
struct Expect<'s> {
    summary: &'s Summary,
    /// The input read independently, when it was read in one go (and its
    /// row numbers are not known to be wrong).
    source: Option<&'s Source>,
    /// Whether the input has a CR or a blank line (known to break row numbers).
    known: bool,
}

impl Expect<'_> {
    /// `row` values: as many as rows written, non-decreasing, one run of
    /// equal values per input row, each the line the row starts on; one
    /// `error` per failed row, and one on the last row if the input ends
    /// inside a quoted field.
    fn rows(&self, rows: &[u64], errors: &[bool]) {
        let failed = errors.iter().filter(|&&e| e).count() as u64;
        let summary = self.summary;
        let shown = |rows: &[u64]| {
            let mut s = format!("{:?}", &rows[..rows.len().min(40)]);
            if rows.len() > 40 {
                s.push_str(" …");
            }
            s
        };
        assert_eq!(rows.len() as u64, summary.written, "rows written");
        assert!(
            rows.is_sorted(),
            "output row numbers out of input order: {}",
            shown(rows)
        );
        let runs: Vec<u64> = rows.chunk_by(|a, b| a == b).map(|run| run[0]).collect();
        if !self.known {
            assert_eq!(
                runs.len() as u64,
                summary.read,
                "input rows shown in the output (row numbers {}) vs rows read",
                shown(rows)
            );
        }
        if let Some(source) = self.source {
            assert!(
                runs == source.lines,
                "row numbers {} are not the input lines the rows start on, {}",
                shown(&runs),
                shown(&source.lines)
            );
        }
        assert_eq!(failed, summary.failed, "rows with an error vs rows failed");
        // Known: an unbalanced quote takes the rest of the input into one cell.
        if self.source.is_some_and(|s| s.unterminated) && !skip_known() {
            assert!(
                errors.last() == Some(&true),
                "the input ends inside a quoted field, but its last row has no error"
            );
        }
    }
}

fn row_number(cell: &str) -> u64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("the row column holds {cell:?}"))
}

/// Panics if a spreadsheet could run `cell` as a formula: after any leading
/// blanks or control characters it starts with `=`, `+`, `-` or `@` (or their
/// full-width forms) and is not a number, and it does not start with `'`.
pub fn assert_guarded(cell: &str) {
    if cell.starts_with('\'') {
        return;
    }
    let rest = cell.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    // Known: the guard looks at the first byte only, and not at full-width signs.
    if skip_known() && (rest.len() != cell.len() || rest.starts_with(['＝', '＋', '－', '＠']))
    {
        return;
    }
    assert!(
        !rest.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']) || is_number(rest),
        "unguarded formula cell {cell:?}"
    );
}

/// `-12`, `+3.5`, `1000`.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// One input cell, as read independently of the tool.
enum Cell {
    Text(String),
    Json(Value),
}

impl Cell {
    /// As a CSV output cell shows it (before the guard).
    fn as_text(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Json(Value::String(s)) => s.clone(),
            Cell::Json(Value::Null) => String::new(),
            Cell::Json(other) => other.to_string(),
        }
    }

    /// As a JSONL output value.
    fn as_value(&self) -> Value {
        match self {
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Json(v) => v.clone(),
        }
    }
}

/// The input as read by the csv crate or serde_json directly: the line each
/// row starts on, in order; the columns (the header, or the first object's
/// keys); and each readable row's cells by line number, for rows alone on
/// their line.
struct Source {
    lines: Vec<u64>,
    /// Whether the CSV input ends inside a quoted field.
    unterminated: bool,
    columns: Vec<String>,
    rows: BTreeMap<u64, Vec<(String, Cell)>>,
}

impl Source {
    /// `None` where the csv crate cannot read it.
    fn read(input: &[u8], encoding: Encoding) -> Option<Source> {
        let bom = input.starts_with(b"\xEF\xBB\xBF");
        let sample = &input[..input.len().min(1 << 16)];
        let utf8 = match encoding {
            Encoding::Utf8 => true,
            Encoding::ShiftJis => false,
            // A character cut at the end of the sample still counts as UTF-8.
            Encoding::Auto => {
                bom || std::str::from_utf8(sample)
                    .map_or_else(|e| e.error_len().is_none(), |_| true)
            }
        };
        let input = if bom && utf8 { &input[3..] } else { input };
        // Strictly, as the tool decodes: never a replacement character.
        let text = |bytes: &[u8]| -> Option<String> {
            if utf8 {
                std::str::from_utf8(bytes).ok().map(str::to_string)
            } else {
                encoding_rs::SHIFT_JIS
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .map(Cow::into_owned)
            }
        };
        let jsonl = input.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let mut lines = Vec::new();
        let mut columns = Vec::new();
        // Every row by its line number, `None` where it cannot be read.
        let mut read = BTreeMap::new();
        let mut twice = Vec::new();
        let mut add = |line: u64, cells: Option<Vec<(String, Cell)>>| {
            lines.push(line);
            if read.insert(line, cells).is_some() {
                twice.push(line);
            }
        };
        if jsonl {
            let mut first = true;
            for (i, line) in input.split_inclusive(|&b| b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let object = text(line)
                    .and_then(|text| serde_json::from_str::<Map<String, Value>>(text.trim()).ok());
                if std::mem::replace(&mut first, false) {
                    columns = object.iter().flat_map(|o| o.keys().cloned()).collect();
                }
                let cells =
                    object.map(|o| o.into_iter().map(|(k, v)| (k, Cell::Json(v))).collect());
                add(i as u64 + 1, cells);
            }
        } else {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(input);
            let mut record = csv::ByteRecord::new();
            let mut header = true;
            while reader.read_byte_record(&mut record).ok()? {
                if std::mem::replace(&mut header, false) {
                    columns = record
                        .iter()
                        .map(|f| text(f).map(|s| s.trim().to_string()))
                        .collect::<Option<_>>()
                        .unwrap_or_default();
                    continue;
                }
                let start = record.position().map_or(0, |p| p.byte()) as usize;
                let cells: Option<Vec<(String, Cell)>> = columns
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let field = text(record.get(i).unwrap_or(b""))?;
                        Some((name.clone(), Cell::Text(field)))
                    })
                    .collect();
                add(line_of(input, start), cells);
            }
        }
        for line in twice {
            read.remove(&line);
        }
        let rows = read
            .into_iter()
            .filter_map(|(line, cells)| Some((line, cells?)))
            .collect();
        Some(Source {
            lines,
            unterminated: !jsonl && ends_quoted(input),
            columns,
            rows,
        })
    }
}

/// The 1-based line of the first byte at or after `at` that is not a line
/// ending: where a CSV record the csv crate says starts at `at` begins.
fn line_of(input: &[u8], at: usize) -> u64 {
    let content = input[at.min(input.len())..]
        .iter()
        .position(|&b| b != b'\r' && b != b'\n')
        .map_or(input.len(), |i| at + i);
    1 + input[..content].iter().filter(|&&b| b == b'\n').count() as u64
}

/// Whether CSV text ends inside a quoted field (RFC 4180, as the csv crate
/// reads it: a quote opens a field only at its start; `""` inside is a quote).
fn ends_quoted(input: &[u8]) -> bool {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    for &b in input {
        let ends_field = matches!(b, b',' | b'\r' | b'\n');
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, _) if ends_field => State::FieldStart,
            (_, _) => State::Unquoted,
        };
    }
    state == State::Quoted
}
