//! What the fuzz targets share: fixed options, the batch driver, and the
//! invariants a batch's output must keep whatever the input.
//!
//! A failed invariant panics with a message that says which one, so libFuzzer
//! saves the input as a crash.
//!
//! The input is read again here, independently of the tool (the csv crate,
//! serde_json, encoding_rs), into a [`Model`]: the spreadsheet row of every
//! input row, its cells, and whether it must carry an error. Cells are
//! compared where their text does not depend on the encoding the tool
//! guesses: always for ASCII, otherwise when the encoding is given, or when
//! the whole input is valid UTF-8 (then the guess is UTF-8).

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use subsidy::batch::{self, EXTRA_COLUMN, Encoding, Format, Options, RESULT_COLUMNS, Summary};
use subsidy::check;
use subsidy::core::catalogue::Catalogue;
use subsidy::input::request::Checker;

/// The date every target estimates on (the one the tests use).
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("a real date")
}

/// `subsidy check`'s defaults.
pub fn check_options() -> check::Options {
    check::Options {
        as_of: as_of(),
        stale_days: 365,
        documents: None,
        coverage: false,
    }
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
/// must agree byte for byte.
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
    // English, every result (`--all`): the oracle reads English result
    // columns, one row per result.
    let options = Options {
        format: Some(format),
        encoding,
        bom: control & 16 != 0,
        lang: subsidy::Lang::En,
        all: true,
        ..Options::new(as_of())
    };

    let mut output = Vec::new();
    // UTF-16 input (a BOM first) is transcoded before reading: the model
    // below reads bytes as CSV/JSONL, so only never panicking is checked.
    if input.starts_with(b"\xFF\xFE") || input.starts_with(b"\xFE\xFF") {
        let _ = batch::run(&CHECKER, input.as_slice(), &mut output, &options, |_| {});
        return;
    }
    let result = batch::run(&CHECKER, input.as_slice(), &mut output, &options, |_| {});
    if let Ok(summary) = &result {
        check_output(&output, summary, &options, &input);
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

/// Checks a successful run's output against the input.
pub fn check_output(output: &[u8], summary: &Summary, options: &Options, input: &[u8]) {
    let text = std::str::from_utf8(output).expect("the output is UTF-8");
    let model = Model::read(input, options.encoding);
    match options.format {
        Some(Format::Jsonl) => check_jsonl(text, summary, model.as_ref()),
        _ => {
            let text = if options.bom {
                text.strip_prefix('\u{feff}')
                    .expect("--bom output starts with a BOM")
            } else {
                text
            };
            check_csv(text, summary, model.as_ref());
        }
    }
}

/// The result columns' names as the tool writes them for these input
/// columns: `result:NAME` (again until unique) where an input column,
/// trimmed, is NAME in any ASCII case.
fn result_names(columns: &[String], input_format: Format, output_format: Format) -> Vec<String> {
    let used = |candidate: &str| {
        columns
            .iter()
            .any(|n| n.trim().eq_ignore_ascii_case(candidate))
    };
    let unique = |name: &str| {
        let mut name = name.to_string();
        while used(&name) {
            name.insert_str(0, "result:");
        }
        name
    };
    let extra = input_format == Format::Jsonl && output_format == Format::Csv;
    RESULT_COLUMNS
        .iter()
        .copied()
        .chain(extra.then_some(EXTRA_COLUMN))
        .map(unique)
        .collect()
}

/// CSV output: it parses with one field count, the header is the input's
/// columns then the result columns, no cell would run as a formula, and the
/// rows and cells are the input's.
fn check_csv(text: &str, summary: &Summary, model: Option<&Model>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("the output header does not parse: {e}"))
        .clone();
    header.iter().for_each(assert_guarded);
    let results = model.map_or(RESULT_COLUMNS.len(), |m| {
        RESULT_COLUMNS.len() + usize::from(m.format == Format::Jsonl)
    });
    assert!(
        header.len() >= results,
        "the output header has {} fields",
        header.len()
    );
    let first_result = header.len() - results;
    for (name, expected) in header.iter().skip(first_result).zip(RESULT_COLUMNS) {
        let mut bare = name;
        while let Some(rest) = bare.strip_prefix("result:") {
            bare = rest;
        }
        assert_eq!(
            bare, expected,
            "the output header's result columns: {header:?}"
        );
    }
    if let Some(columns) = model.and_then(|m| m.columns.as_ref()) {
        let model = model.expect("columns come with a model");
        let expected: Vec<String> = columns
            .iter()
            .map(|c| guarded(c).into_owned())
            .chain(result_names(columns, model.format, Format::Csv))
            .collect();
        assert!(
            header.iter().eq(expected.iter().map(String::as_str)),
            "the output header {header:?} is not {expected:?}"
        );
    }
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
        .map(|r| !r[first_result + error_column()].is_empty())
        .collect();
    check_rows(&rows, &errors, summary, model);
    let Some(model) = model else { return };
    let Some(columns) = &model.columns else {
        return;
    };
    for (record, row) in records.iter().zip(model.rows_of(&rows)) {
        let line = row.line;
        let error = !record[first_result + error_column()].is_empty();
        let cell = |i: usize| &record[i];
        match &row.cells {
            Cells::Csv(cells) => {
                for (i, (name, expected)) in columns.iter().zip(cells).enumerate() {
                    expected.check(cell(i), error, true, || {
                        format!("row {line}, column {name:?}")
                    });
                }
            }
            Cells::Object { pairs, .. } => {
                let slots: Vec<Option<usize>> = columns
                    .iter()
                    .map(|name| pairs.iter().position(|(k, _)| k == name))
                    .collect();
                for (i, (name, slot)) in columns.iter().zip(&slots).enumerate() {
                    let expected = slot
                        .and_then(|at| json_text(&pairs[at].1))
                        .unwrap_or_default();
                    let out = cell(i);
                    assert!(
                        out == guarded(&expected),
                        "row {line}, key {name:?}: input {expected:?} became {out:?}"
                    );
                }
                let mut extra = String::new();
                for (at, (key, value)) in pairs.iter().enumerate() {
                    if slots.contains(&Some(at)) {
                        continue;
                    }
                    extra.push(if extra.is_empty() { '{' } else { ',' });
                    extra.push_str(&serde_json::to_string(key).expect("a key serializes"));
                    extra.push(':');
                    extra.push_str(value.get());
                }
                if !extra.is_empty() {
                    extra.push('}');
                }
                let out = cell(first_result + RESULT_COLUMNS.len());
                assert!(
                    out == guarded(&extra),
                    "row {line}: the keys beyond the columns {extra:?} became {out:?}"
                );
            }
            Cells::NotJson(text) => {
                for (i, name) in columns.iter().enumerate() {
                    assert!(
                        cell(i).is_empty(),
                        "row {line} is not a JSON object, but column {name:?} holds {:?}",
                        cell(i)
                    );
                }
                let expected = text.as_deref().unwrap_or("");
                let out = cell(first_result + RESULT_COLUMNS.len());
                assert!(
                    out == guarded(expected),
                    "row {line}, not a JSON object: {expected:?} became {out:?}"
                );
            }
            Cells::Unknown => {}
        }
    }
}

/// Where the `error` column is among the result columns.
fn error_column() -> usize {
    RESULT_COLUMNS
        .iter()
        .position(|c| *c == "error")
        .expect("the result columns have an error column")
}

/// The keys of every JSONL output line, in order.
const JSONL_KEYS: [&str; 25] = [
    "row",
    "input",
    "program",
    "program_name",
    "extension",
    "variant",
    "variant_name",
    "tier_id",
    "tier",
    "one_of",
    "eligibility",
    "cost_used",
    "grant",
    "recommended",
    "self_burden",
    "status",
    "deadline",
    "to_confirm",
    "note",
    "error",
    "as_of",
    "catalogue_version",
    "catalogue_sha256",
    "catalogue_age_days",
    "catalogue_stale",
];

/// JSONL output: every line is a JSON object with the keys in order, and
/// the rows and the `input` values are the input's.
fn check_jsonl(text: &str, summary: &Summary, model: Option<&Model>) {
    let body = if text.is_empty() {
        ""
    } else {
        text.strip_suffix('\n')
            .expect("JSONL output ends with a newline")
    };
    let objects: Vec<Vec<(String, Box<RawValue>)>> = body
        .split('\n')
        .filter(|_| !text.is_empty())
        .enumerate()
        .map(|(i, line)| {
            let Pairs(pairs) = serde_json::from_str(line).unwrap_or_else(|e| {
                panic!("output line {} is not a JSON object: {e}: {line:?}", i + 1)
            });
            assert!(
                pairs.iter().map(|(k, _)| k.as_str()).eq(JSONL_KEYS),
                "output line {} has the keys {:?}",
                i + 1,
                pairs.iter().map(|(k, _)| k).collect::<Vec<_>>()
            );
            pairs
        })
        .collect();
    let rows: Vec<u64> = objects
        .iter()
        .enumerate()
        .map(|(i, object)| {
            serde_json::from_str(object[0].1.get())
                .unwrap_or_else(|_| panic!("output line {} has no row number", i + 1))
        })
        .collect();
    let error_at = JSONL_KEYS
        .iter()
        .position(|k| *k == "error")
        .expect("JSONL lines have an error key");
    let errors: Vec<bool> = objects
        .iter()
        .map(|o| o[error_at].1.get() != "null")
        .collect();
    check_rows(&rows, &errors, summary, model);
    let Some(model) = model else { return };
    for ((object, row), error) in objects.iter().zip(model.rows_of(&rows)).zip(errors) {
        let line = row.line;
        let input = object[1].1.get();
        match &row.cells {
            Cells::Csv(cells) => {
                let Pairs(pairs) = serde_json::from_str(input).unwrap_or_else(|e| {
                    panic!("row {line}: input {input:?} is not an object: {e}")
                });
                if let Some(columns) = &model.columns {
                    assert!(
                        pairs.iter().map(|(k, _)| k).eq(columns),
                        "row {line}: input keys {:?} are not the header's {columns:?}",
                        pairs.iter().map(|(k, _)| k).collect::<Vec<_>>()
                    );
                }
                for ((name, value), expected) in pairs.iter().zip(cells) {
                    let value: String = serde_json::from_str(value.get()).unwrap_or_else(|_| {
                        panic!(
                            "row {line}: input {name:?} is not a string: {}",
                            value.get()
                        )
                    });
                    expected.check(&value, error, false, || {
                        format!("row {line}, column {name:?}")
                    });
                }
            }
            Cells::Object { line: text, .. } => assert!(
                input == text.as_str(),
                "row {line}: input {text:?} became {input:?}"
            ),
            Cells::NotJson(text) => {
                let out: Option<String> = serde_json::from_str(input).unwrap_or_else(|_| {
                    panic!("row {line}: input {input:?} is neither a string nor null")
                });
                assert!(
                    out == *text,
                    "row {line}, not a JSON object: {text:?} became {out:?}"
                );
            }
            Cells::Unknown => {}
        }
    }
}

/// `row` values: as many as rows written, non-decreasing, one run of equal
/// values per input row, each the spreadsheet row of the input's; one
/// `error` per failed row, and on every row that must have one (alone).
fn check_rows(rows: &[u64], errors: &[bool], summary: &Summary, model: Option<&Model>) {
    let failed = errors.iter().filter(|&&e| e).count() as u64;
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
    let runs: Vec<&[u64]> = rows.chunk_by(|a, b| a == b).collect();
    assert_eq!(
        runs.len() as u64,
        summary.read,
        "input rows shown in the output (row numbers {}) vs rows read",
        shown(rows)
    );
    assert_eq!(failed, summary.failed, "rows with an error vs rows failed");
    let Some(model) = model else { return };
    let lines: Vec<u64> = model.rows.iter().map(|r| r.line).collect();
    let starts: Vec<u64> = runs.iter().map(|run| run[0]).collect();
    assert!(
        starts == lines,
        "row numbers {} are not the input's rows {}",
        shown(&starts),
        shown(&lines)
    );
    let mut at = 0;
    for (run, row) in runs.iter().zip(&model.rows) {
        if let Some(why) = row.must_error {
            assert!(
                run.len() == 1 && errors[at],
                "row {} ({why}) has no error of its own",
                row.line
            );
        }
        at += run.len();
    }
}

fn row_number(cell: &str) -> u64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("the row column holds {cell:?}"))
}

/// Panics if a spreadsheet could run `cell` as a formula: it starts with a
/// tab or CR, or after any leading blanks or control characters with `=`,
/// `+`, `-` or `@` (or their full-width forms) and is not a number, and it
/// does not start with `'`.
pub fn assert_guarded(cell: &str) {
    if cell.starts_with('\'') {
        return;
    }
    assert!(
        !cell.starts_with(['\t', '\r']),
        "unguarded cell starting with a tab or CR {cell:?}"
    );
    let rest = cell.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    assert!(
        !rest.starts_with(TRIGGERS) || is_number(rest),
        "unguarded formula cell {cell:?}"
    );
}

const TRIGGERS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// A text cell as the CSV output shows it: with a leading `'` when it starts
/// with a tab or CR, or (past leading blanks and controls) with a formula
/// sign, unless the whole cell is a plain number.
fn guarded(text: &str) -> Cow<'_, str> {
    let rest = text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    if text.starts_with(['\t', '\r']) || (rest.starts_with(TRIGGERS) && !is_number(text)) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `-12`, `+3.5`, `1000`.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// A JSON object's keys and values in order, repeats kept, values as text.
struct Pairs(Vec<(String, Box<RawValue>)>);

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
                while let Some(pair) = map.next_entry::<String, Box<RawValue>>()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Object)
    }
}

/// A JSON value as a CSV cell: a string's content, empty for null, any
/// other value as its original text.
fn json_text(raw: &RawValue) -> Option<String> {
    match raw.get() {
        "null" => None,
        text if text.starts_with('"') => serde_json::from_str(text).ok(),
        text => Some(text.to_string()),
    }
}

/// The encoding the tool reads with, where it does not depend on its guess.
#[derive(Clone, Copy, PartialEq)]
enum Known {
    Utf8,
    ShiftJis,
    /// Auto on input that is not all valid UTF-8: only ASCII is certain.
    Guessed,
}

impl Known {
    /// Decodes strictly, as the tool does; `Err(())` when the text depends
    /// on the guess.
    fn decode(self, bytes: &[u8]) -> Result<Option<String>, ()> {
        if bytes.is_ascii() {
            return Ok(Some(String::from_utf8(bytes.to_vec()).expect("ASCII")));
        }
        match self {
            Known::Utf8 => Ok(std::str::from_utf8(bytes).ok().map(str::to_string)),
            Known::ShiftJis => Ok(encoding_rs::SHIFT_JIS
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(Cow::into_owned)),
            Known::Guessed => Err(()),
        }
    }

    /// Bytes a Shift_JIS reading may call UTF-8 text (valid UTF-8 beyond ASCII).
    fn maybe_utf8_text(self, bytes: &[u8]) -> bool {
        self == Known::ShiftJis && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
    }
}

/// What an input cell must become in the output.
enum Expected {
    /// This text (guarded in CSV).
    Is(String),
    /// Not valid in the encoding: written empty, and the row has an error.
    Empty,
    /// Valid UTF-8 in a Shift_JIS file: as decoded (if it decodes), or empty
    /// with an error (UTF-8 text in a Shift_JIS file).
    Either(Option<String>),
    /// Depends on the guessed encoding.
    Unknown,
}

impl Expected {
    fn check(&self, out: &str, error: bool, csv: bool, at: impl Fn() -> String) {
        fn shown(s: &str, csv: bool) -> Cow<'_, str> {
            if csv { guarded(s) } else { Cow::Borrowed(s) }
        }
        let ok = match self {
            Expected::Is(text) => out == shown(text, csv),
            Expected::Empty => out.is_empty() && error,
            Expected::Either(text) => {
                (out.is_empty() && error) || text.as_ref().is_some_and(|t| out == shown(t, csv))
            }
            Expected::Unknown => true,
        };
        assert!(
            ok,
            "{}: input {} became {out:?} (error: {error})",
            at(),
            match self {
                Expected::Is(t) => format!("{t:?}"),
                Expected::Empty => "not decodable".to_string(),
                Expected::Either(t) => format!("{t:?} or UTF-8 text"),
                Expected::Unknown => unreachable!(),
            }
        );
    }
}

enum Cells {
    /// A CSV row's cells, one per header column (missing ones empty).
    Csv(Vec<Expected>),
    /// A JSONL line that is an object: its text trimmed, its pairs in order.
    Object {
        line: String,
        pairs: Vec<(String, Box<RawValue>)>,
    },
    /// A JSONL line that is not an object: its text, if decodable.
    NotJson(Option<String>),
    /// A line whose text depends on the guessed encoding.
    Unknown,
}

struct ModelRow {
    /// The spreadsheet row (CSV) or line (JSONL).
    line: u64,
    /// Why the row must carry an error, if it must.
    must_error: Option<&'static str>,
    cells: Cells,
}

/// The input as read here, independently of the tool.
struct Model {
    format: Format,
    /// The CSV header as written, or the first object's keys; `None` when
    /// they depend on the guessed encoding.
    columns: Option<Vec<String>>,
    rows: Vec<ModelRow>,
}

impl Model {
    /// `None` where the model does not apply (a second BOM, a huge input).
    fn read(input: &[u8], encoding: Encoding) -> Option<Model> {
        if input.len() > 1 << 20 {
            return None;
        }
        let bom = input.starts_with(b"\xEF\xBB\xBF");
        let known = match encoding {
            Encoding::Utf8 => Known::Utf8,
            Encoding::ShiftJis => Known::ShiftJis,
            Encoding::Auto if bom || std::str::from_utf8(input).is_ok() => Known::Utf8,
            Encoding::Auto => Known::Guessed,
        };
        let input = if bom && known != Known::ShiftJis {
            &input[3..]
        } else {
            input
        };
        match input.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Some(Model::jsonl(input, known)),
            // The csv crate skips a BOM the tool keeps as text.
            Some(_) if !input.starts_with(b"\xEF\xBB\xBF") => Model::csv(input, known),
            _ => None,
        }
    }

    fn jsonl(input: &[u8], known: Known) -> Model {
        let mut rows = Vec::new();
        for (i, bytes) in input.split_inclusive(|&b| b == b'\n').enumerate() {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = i as u64 + 1;
            let (must_error, cells) = match known.decode(bytes) {
                Err(()) => (None, Cells::Unknown),
                Ok(None) => (Some("not decodable"), Cells::NotJson(None)),
                Ok(Some(_)) if known.maybe_utf8_text(bytes) && bytes.iter().any(|&b| b >= 0xE0) => {
                    (Some("UTF-8 text in Shift_JIS"), Cells::NotJson(None))
                }
                Ok(Some(text)) => {
                    let text = text.trim();
                    match serde_json::from_str::<Pairs>(text) {
                        Ok(Pairs(pairs)) => (
                            None,
                            Cells::Object {
                                line: text.to_string(),
                                pairs,
                            },
                        ),
                        Err(_) => (
                            Some("not a JSON object"),
                            Cells::NotJson(Some(text.to_string())),
                        ),
                    }
                }
            };
            rows.push(ModelRow {
                line,
                must_error,
                cells,
            });
        }
        // The columns: the keys of the first object among the first 64 rows.
        let mut columns = Some(Vec::new());
        for row in rows.iter().take(64) {
            match &row.cells {
                Cells::Unknown => {
                    columns = None;
                    break;
                }
                Cells::Object { pairs, .. } => {
                    let mut keys: Vec<String> = Vec::new();
                    for (key, _) in pairs {
                        if !keys.contains(key) {
                            keys.push(key.clone());
                        }
                    }
                    columns = Some(keys);
                    break;
                }
                Cells::NotJson(_) | Cells::Csv(_) => {}
            }
        }
        Model {
            format: Format::Jsonl,
            columns,
            rows,
        }
    }

    fn csv(input: &[u8], known: Known) -> Option<Model> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let mut record = csv::ByteRecord::new();
        let mut header: Option<Option<Vec<String>>> = None;
        let mut width = 0;
        let mut rows = Vec::new();
        // Which rows are blank: skipped by the tool, so by the model too.
        let mut blanks = Vec::new();
        // Line breaks inside the cells of the records read so far.
        let mut in_cells = 0;
        while reader.read_byte_record(&mut record).ok()? {
            let start = record.position().map_or(0, |p| p.byte()) as usize;
            let start = input[start..]
                .iter()
                .position(|&b| b != b'\r' && b != b'\n')
                .map_or(input.len(), |i| start + i);
            let line = 1 + breaks(&input[..start]) - in_cells;
            in_cells += record.iter().map(breaks).sum::<u64>();
            if header.is_none() {
                width = record.len();
                let names: Result<Option<Vec<String>>, ()> =
                    record.iter().map(|f| known.decode(f)).collect();
                // An undecodable header fails the run: nothing to check.
                header = Some(match names {
                    Ok(names) => Some(names?),
                    Err(()) => None,
                });
                continue;
            }
            let cells: Vec<Expected> = (0..width)
                .map(|i| {
                    let field = record.get(i).unwrap_or(b"");
                    match known.decode(field) {
                        Err(()) => Expected::Unknown,
                        Ok(None) => Expected::Empty,
                        Ok(text) if known.maybe_utf8_text(field) => Expected::Either(text),
                        Ok(Some(text)) => Expected::Is(text),
                    }
                })
                .collect();
            // A row of empty cells (spaces and tabs at most), as Excel leaves
            // below a table, with the header's count: skipped, not a row.
            let blank = record.len() == width
                && record
                    .iter()
                    .all(|field| field.iter().all(|&b| b == b' ' || b == b'\t'));
            let undecodable =
                (0..record.len()).any(|i| matches!(known.decode(&record[i]), Ok(None)));
            let must_error = if undecodable {
                Some("a cell not valid in the encoding")
            } else if record.len() != width {
                Some("a cell count other than the header's")
            } else {
                None
            };
            rows.push(ModelRow {
                line,
                must_error,
                cells: Cells::Csv(cells),
            });
            blanks.push(blank);
        }
        if ends_quoted(input)
            && let Some(last) = rows.last_mut()
        {
            last.must_error = Some("a quoted cell never closed");
            if let Some(blank) = blanks.last_mut() {
                *blank = false;
            }
        }
        let mut blank = blanks.into_iter();
        rows.retain(|_| !blank.next().unwrap_or(false));
        Some(Model {
            format: Format::Csv,
            columns: header?,
            rows,
        })
    }

    /// The model's row for each output row (once the row numbers are checked).
    fn rows_of<'m>(&'m self, rows: &[u64]) -> impl Iterator<Item = &'m ModelRow> {
        rows.chunk_by(|a, b| a == b)
            .zip(&self.rows)
            .flat_map(|(run, row)| std::iter::repeat_n(row, run.len()))
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` each count one.
fn breaks(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count() as u64
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
