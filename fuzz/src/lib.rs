//! What the fuzz targets share: fixed options, the batch driver, and the
//! invariants a batch's output must keep whatever the input.
//!
//! A failed invariant panics with a message that says which one, so libFuzzer
//! saves the input as a crash. With `SUBSIDY_FUZZ_SKIP_KNOWN` set, the kinds
//! of failure already kept in `fuzz/regressions/` are let through, so a run
//! can hunt for new ones.

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
/// (`whole`), also that every input cell reached the output unchanged.
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
    // Known: a row that ends in a bare CR shares its number with the next.
    let bare_cr = input
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\r' && input.get(i + 1) != Some(&b'\n'));
    let rows = Rows {
        summary,
        known: skip_known() && bare_cr,
    };
    match options.format {
        Some(Format::Jsonl) => check_jsonl(text, &rows, source.as_ref()),
        _ => {
            let text = if options.bom {
                text.strip_prefix('\u{feff}')
                    .expect("--bom output starts with a BOM")
            } else {
                text
            };
            check_csv(text, &rows, source.as_ref());
        }
    }
}

/// CSV output: it parses, every record has the header's fields, the row
/// numbers keep input order, and no text cell would run as a formula.
fn check_csv(text: &str, expect: &Rows<'_>, source: Option<&Source>) {
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
    let mut rows = Vec::new();
    let mut failed = 0;
    for (i, record) in reader.records().enumerate() {
        let record =
            record.unwrap_or_else(|e| panic!("output record {} does not parse: {e}", i + 1));
        record.iter().for_each(assert_guarded);
        let row = row_number(&record[first_result]);
        failed += u64::from(!record[first_result + 9].is_empty());
        if let Some((columns, cells)) = source.and_then(|s| Some((&s.columns, s.rows.get(&row)?))) {
            for (i, name) in columns.iter().enumerate().take(first_result) {
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
        rows.push(row);
    }
    expect.check(&rows, failed);
}

/// JSONL output: every line is a JSON object, the row numbers keep input
/// order, and every input key keeps its value.
fn check_jsonl(text: &str, expect: &Rows<'_>, source: Option<&Source>) {
    let mut rows = Vec::new();
    let mut failed = 0;
    let body = if text.is_empty() {
        ""
    } else {
        text.strip_suffix('\n')
            .expect("JSONL output ends with a newline")
    };
    for (i, line) in body.split('\n').enumerate().filter(|_| !text.is_empty()) {
        let object: Map<String, Value> = serde_json::from_str(line).unwrap_or_else(|e| {
            panic!("output line {} is not a JSON object: {e}: {line:?}", i + 1)
        });
        let row = match object.get("row") {
            Some(Value::Number(n)) => n.as_u64(),
            _ => None,
        }
        .unwrap_or_else(|| panic!("output line {} has no row number: {line:?}", i + 1));
        failed += u64::from(object.get("error").is_some_and(|e| !e.is_null()));
        if let Some(cells) = source.and_then(|s| s.rows.get(&row)) {
            for (name, expected) in cells {
                // Known: result and trace keys overwrite input keys of the same name.
                if skip_known()
                    && (RESULT_COLUMNS.contains(&name.as_str())
                        || TRACE_KEYS.contains(&name.as_str()))
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
        rows.push(row);
    }
    expect.check(&rows, failed);
}

/// The keys every JSONL output line gets besides the result columns.
const TRACE_KEYS: [&str; 3] = ["as_of", "catalogue_version", "catalogue_sha256"];

/// What the output's `row` and `error` columns must agree with.
struct Rows<'s> {
    summary: &'s Summary,
    /// Whether the input has a bare CR (known to break row numbers).
    known: bool,
}

impl Rows<'_> {
    /// `row` values: as many as rows written, non-decreasing, one run of
    /// equal values per input row; one `error` per failed row.
    fn check(&self, rows: &[u64], failed: u64) {
        let summary = self.summary;
        let shown = || {
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
            shown()
        );
        let inputs = rows.chunk_by(|a, b| a == b).count() as u64;
        if !self.known {
            assert_eq!(
                inputs,
                summary.read,
                "input rows shown in the output (row numbers {}) vs rows read",
                shown()
            );
        }
        assert_eq!(failed, summary.failed, "rows with an error vs rows failed");
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

/// The input as read by the csv crate or serde_json directly: the columns
/// (the header, or the first object's keys), and each readable row's cells
/// by line number, for rows that are alone on their line.
struct Source {
    columns: Vec<String>,
    rows: BTreeMap<u64, Vec<(String, Cell)>>,
}

impl Source {
    /// `None` where the tool would not read it as UTF-8 (no check then).
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
        if !utf8 {
            return None;
        }
        let input = if bom { &input[3..] } else { input };
        let jsonl = input.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let mut columns = Vec::new();
        let mut rows = BTreeMap::new();
        let mut twice = Vec::new();
        let mut add = |line: u64, cells| {
            if rows.insert(line, cells).is_some() {
                twice.push(line);
            }
        };
        if jsonl {
            let mut first = true;
            for (i, line) in input.split_inclusive(|&b| b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let object = std::str::from_utf8(line)
                    .ok()
                    .and_then(|text| serde_json::from_str::<Map<String, Value>>(text.trim()).ok());
                if std::mem::replace(&mut first, false) {
                    columns = object.iter().flat_map(|o| o.keys().cloned()).collect();
                }
                if let Some(object) = object {
                    let cells = object
                        .into_iter()
                        .map(|(k, v)| (k, Cell::Json(v)))
                        .collect();
                    add(i as u64 + 1, cells);
                }
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
                        .map(|f| std::str::from_utf8(f).ok().map(|s| s.trim().to_string()))
                        .collect::<Option<_>>()?;
                    continue;
                }
                let names = &columns;
                let line = record.position().map_or(0, |p| p.line());
                let cells: Option<Vec<(String, Cell)>> = names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let field = record.get(i).unwrap_or(b"");
                        let text = std::str::from_utf8(field).ok()?;
                        Some((name.clone(), Cell::Text(text.to_string())))
                    })
                    .collect();
                if let Some(cells) = cells {
                    add(line, cells);
                }
            }
        }
        for line in twice {
            rows.remove(&line);
        }
        Some(Source { columns, rows })
    }
}
