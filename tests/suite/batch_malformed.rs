//! Batch input that is broken, strange or hostile never panics, hangs,
//! garbles, drops or rewrites a row or a cell. Each test reproduces one
//! defect (they failed on the code before its fix). Amounts are the
//! hand-worked ones of the other tests: 003 No.1 診療所 (医療扶助) 3/4 of
//! the cost, 1,000円未満切捨て: 60,000円 → 45,000円.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{AS_OF, Run, at, batch, csv_rows, subsidy};

fn no_panic(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_ne!(run.code, 101, "{}", run.stderr);
}

/// A cell boundary inside a UTF-8 character was a panic; it is an
/// error row naming the line and the column.
#[test]
fn a_cell_boundary_inside_a_character_is_an_error_row() {
    let run = batch(b"facility,cost\n\xC3,\xA9\n", &["--encoding", "utf-8"]);
    no_panic(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0][at(&header, "error")],
        "line 2: bytes that are not UTF-8 in column 'facility' (the cell is left empty here)"
    );
}

/// One stray byte in a UTF-8 file no longer makes the whole file
/// Shift_JIS: good rows keep their names and grants; the bad row is flagged.
#[test]
fn a_stray_byte_does_not_switch_a_utf8_file_to_shift_jis() {
    let mut input = b"name,program,facility,cost\n".to_vec();
    for i in 0..2000 {
        if i == 10 {
            input.extend_from_slice(b"\xFF,online-qual-medical-aid,clinic,60000\n");
        } else {
            input.extend_from_slice(
                format!("南クリニック{i},online-qual-medical-aid,clinic,60000\n").as_bytes(),
            );
        }
    }
    let run = batch(&input, &[]);
    no_panic(&run);
    assert_eq!(run.code, 1);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 2000);
    let (grant, error) = (at(&header, "grant"), at(&header, "error"));
    for (i, row) in rows.iter().enumerate() {
        if i == 10 {
            assert!(row[error].starts_with("line 12: bytes that are not UTF-8 in column 'name'"));
        } else {
            assert_eq!(row[0], format!("南クリニック{i}"));
            assert_eq!(row[grant], "45000", "row {i}: {}", row[error]);
        }
    }
}

/// UTF-8 text further down a Shift_JIS file (past
/// the part that chose the encoding) is an error row, not mojibake
/// computed as if it were right.
#[test]
fn utf8_rows_in_a_shift_jis_file_are_flagged() {
    let mut text = String::from("name,program,facility,cost\n");
    for i in 0..3000 {
        text.push_str(&format!("北病院{i},online-qual-medical-aid,clinic,60000\n"));
    }
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let mut input = sjis.into_owned();
    input.extend_from_slice("南クリニック,online-qual-medical-aid,clinic,60000\n".as_bytes());
    let run = batch(&input, &[]);
    assert_eq!(run.code, 1);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 3001);
    assert_eq!(rows[2999][0], "北病院2999");
    assert_eq!(rows[2999][at(&header, "grant")], "45000");
    assert_eq!(
        rows[3000][at(&header, "error")],
        "line 3002: UTF-8 text in a Shift_JIS file in column 'name' (the cell is left empty here)"
    );
}

/// A row longer than the limit is an error row, read past, and the
/// rows after it are estimated.
#[test]
fn a_row_over_the_limit_is_an_error_row() {
    let mut input = b"note,program,facility,cost\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', subsidy::batch::MAX_ROW_BYTES + 1));
    input.extend_from_slice(b",online-qual-medical-aid,clinic,60000\n");
    input.extend_from_slice(b"ok,online-qual-medical-aid,clinic,60000\n");
    let run = batch(&input, &[]);
    no_panic(&run);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 2);
    assert!(rows[0][at(&header, "error")].starts_with("line 2: the row is longer than 4 MB"));
    assert_eq!(rows[1][at(&header, "grant")], "45000");
}

/// Wide rows (10,000 columns) pass, every cell kept, in order.
#[test]
fn ten_thousand_columns_pass_whole() {
    let names: Vec<String> = (0..10_000).map(|i| format!("c{i}")).collect();
    let mut input = format!("{},program,facility,cost\n", names.join(","));
    for row in 0..50 {
        let cells: Vec<String> = (0..10_000).map(|i| format!("{row}-{i}")).collect();
        input.push_str(&format!(
            "{},online-qual-medical-aid,clinic,60000\n",
            cells.join(",")
        ));
    }
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 50);
    for (r, row) in rows.iter().enumerate() {
        assert_eq!(row[9_999], format!("{r}-9999"));
        assert_eq!(row[at(&header, "grant")], "45000");
    }
}

/// JSONL of many keys written as CSV costs its length, not its
/// length squared (10,000 keys never finished: 200 such rows took far
/// past the two minutes this test allows), and every value is kept.
#[test]
fn jsonl_with_many_keys_to_csv() {
    // Written out as serde_json writes such an object (keys in insertion
    // order), without building 2,000,000 map entries first.
    let mut input = String::new();
    for row in 0..200 {
        input.push('{');
        for i in 0..10_000 {
            write!(input, "\"k{i}\":\"{row}-{i}\",").unwrap();
        }
        input.push_str(
            "\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"cost\":60000}\n",
        );
    }
    let run = batch(input.as_bytes(), &["--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 200);
    assert_eq!(rows[199][9_999], "199-9999");
    assert_eq!(rows[199][at(&header, "grant")], "45000");
}

/// A file that ends inside a quoted field is an error naming the
/// row where the field opened, not a run that swallows the rest (exit 0).
#[test]
fn an_unbalanced_quote_is_an_error_on_its_row() {
    let run = batch(
        b"id,facility,cost,note\n1,clinic,1000,\"oops\n2,clinic,1000,ok\n",
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0][at(&header, "error")],
        "line 2: a quoted cell opens here and is never closed; the file ends inside it"
    );
}

/// A leading NUL (or space) before `=`, and the full-width signs,
/// are guarded; numbers stay numbers.
#[test]
fn the_guard_sees_past_leading_controls_and_full_width_signs() {
    let input = "note,program,facility,cost\n\
                 \u{0}=1+1,online-qual-medical-aid,clinic,60000\n \
                 =1+1,online-qual-medical-aid,clinic,60000\n\
                 ＝1+1,online-qual-medical-aid,clinic,60000\n\
                 ＋81,online-qual-medical-aid,clinic,60000\n\
                 －1,online-qual-medical-aid,clinic,60000\n\
                 ＠SUM(A1),online-qual-medical-aid,clinic,60000\n\
                 -1,online-qual-medical-aid,clinic,60000\n\
                 +3.5,online-qual-medical-aid,clinic,60000\n";
    let run = batch(input.as_bytes(), &[]);
    let (_, rows) = csv_rows(&run.stdout);
    let notes: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        notes,
        [
            "'\u{0}=1+1",
            "' =1+1",
            "'＝1+1",
            "'＋81",
            "'－1",
            "'＠SUM(A1)",
            "-1",
            "+3.5"
        ]
    );
}

/// Ids from a `--data` catalogue are guarded like any text.
#[test]
fn program_ids_from_a_catalogue_are_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("data/online-qual-medical-aid.toml").unwrap();
    let text = text.replacen(
        "id = \"online-qual-medical-aid\"",
        "id = \"=HYPERLINK(1)\"",
        1,
    );
    assert!(text.contains("=HYPERLINK"));
    std::fs::write(dir.path().join("p.toml"), text).unwrap();
    let out = subsidy()
        .lang("en")
        .args(["--data", dir.path().to_str().unwrap(), "batch"])
        .args(["--as-of", AS_OF, "--all"])
        .stdin("facility,cost\nclinic,60000\n")
        .output();
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        rows[0][at(&header, "program")],
        "'=HYPERLINK(1)",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// JSONL keys named like result fields, keys first seen after
/// line 1, big integers and decimals all survive, as written.
#[test]
fn jsonl_values_are_never_dropped_or_rewritten() {
    let input = "{\"row\":\"mine\",\"grant\":\"x\",\"n\":99999999999999999999,\"d\":1.10,\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"cost\":60000}\n\
                 {\"late\":1.50,\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"cost\":\"6万\"}\n";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = std::str::from_utf8(&run.stdout).unwrap().lines().collect();
    // The input line is kept as written, byte for byte, under "input".
    let first_input = input.lines().next().unwrap();
    assert!(
        lines[0].contains(&format!("\"input\":{first_input}")),
        "{}",
        lines[0]
    );
    let first: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["row"], 1);
    assert_eq!(first["grant"], 45000);
    assert_eq!(first["input"]["row"], "mine");

    // As CSV: the first line's keys are the columns; a later key goes to input_extra.
    let run = batch(input.as_bytes(), &["--format", "csv"]);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(header[..4], ["row", "grant", "n", "d"]);
    assert_eq!(rows[0][2], "99999999999999999999");
    assert_eq!(rows[0][3], "1.10");
    assert_eq!(rows[0][at(&header, "result:grant")], "45000");
    assert_eq!(rows[1][at(&header, "input_extra")], "{\"late\":1.50}");
    assert_eq!(rows[1][at(&header, "result:grant")], "45000");

    // A first line of {} keeps every later key, in input_extra.
    let run = batch(b"{}\n{\"id\":\"A\",\"n\":1e400}\n", &["--format", "csv"]);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(
        rows[1][at(&header, "input_extra")],
        "{\"id\":\"A\",\"n\":1e400}"
    );
}

/// A CSV column named like a result column no longer gives a
/// duplicate header: the result is `result:NAME`.
#[test]
fn csv_columns_named_like_results_keep_their_own_name() {
    let run = batch(
        b"grant,status,program,facility,cost\nmine,ours,online-qual-medical-aid,clinic,60000\n",
        &[],
    );
    let (header, rows) = csv_rows(&run.stdout);
    let mut unique = header.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), header.len(), "{header:?}");
    assert_eq!(rows[0][0], "mine");
    assert_eq!(rows[0][at(&header, "result:grant")], "45000");
}

/// Rows are numbered as a spreadsheet shows them, alike for LF,
/// CRLF and CR files, blank lines counted, a line break in a cell not.
#[test]
fn rows_are_numbered_alike_for_every_line_end() {
    let lines = [
        "note,program,facility,cost",
        "a,online-qual-medical-aid,clinic,60000",
        "",
        "\"two\nlines\",online-qual-medical-aid,clinic,60000",
        "c,online-qual-medical-aid,clinic,abc",
    ];
    let mut seen = Vec::new();
    for end in ["\n", "\r\n", "\r"] {
        let input = lines
            .join(end)
            .replace("two\nlines", &format!("two{end}lines"));
        let run = batch(input.as_bytes(), &[]);
        let (header, rows) = csv_rows(&run.stdout);
        let numbers: Vec<String> = rows.iter().map(|r| r[at(&header, "row")].clone()).collect();
        let error = rows[2][at(&header, "error")].clone();
        assert!(error.starts_with("line 5: "), "{end:?}: {error}");
        seen.push(numbers);
    }
    assert_eq!(seen[0], ["2", "4", "5"]);
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

/// A short row is an error row, not padded; headers match
/// ignoring case and spaces; a near miss stops the run before any row.
#[test]
fn row_and_header_shapes_are_checked() {
    let run = batch(
        b"id,program,facility,cost\n1,online-qual-medical-aid,clinic\n",
        &[],
    );
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(
        rows[0][at(&header, "error")],
        "line 2: 3 cells, but the header has 4 columns"
    );

    let run = batch(
        b"id, Program ,FACILITY,Cost\n1,online-qual-medical-aid,clinic,60000\n",
        &[],
    );
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(header[..4], ["id", " Program ", "FACILITY", "Cost"]);
    assert_eq!(rows[0][at(&header, "grant")], "45000");

    for (name, near) in [("costs", "cost"), ("bed", "beds"), ("Facilty", "facility")] {
        let input = format!("id,program,facility,{name}\n1,online-qual-medical-aid,clinic,60000\n");
        let input = input.replacen("facility,Facilty", "Facilty,x", 1);
        let run = batch(input.as_bytes(), &[]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_eq!(run.stderr.lines().count(), 1);
        assert!(
            run.stderr.contains(&format!("'{name}'"))
                && run.stderr.contains(&format!("did you mean '{near}'")),
            "{}",
            run.stderr
        );
    }

    let run = batch(b"cost,Cost\n1,2\n", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("'cost' and 'Cost' are the same column"),
        "{}",
        run.stderr
    );
}

/// Runs the library entry point on any bytes.
fn run_bytes(
    input: &[u8],
) -> Result<(subsidy::batch::Summary, Vec<u8>), subsidy::batch::BatchError> {
    use std::sync::OnceLock;
    static CATALOGUE: OnceLock<subsidy::core::catalogue::Catalogue> = OnceLock::new();
    let catalogue =
        CATALOGUE.get_or_init(|| subsidy::core::catalogue::Catalogue::embedded().unwrap());
    let checker = subsidy::input::request::Checker::new(catalogue);
    let options = subsidy::batch::Options {
        lang: subsidy::Lang::En,
        all: true,
        ..subsidy::batch::Options::new(AS_OF.parse().unwrap())
    };
    let mut output = Vec::new();
    let summary = subsidy::batch::run(&checker, input, &mut output, &options, |_| {})?;
    Ok((summary, output))
}

/// Whether a spreadsheet could run a cell as a formula.
fn is_live_formula(cell: &str) -> bool {
    let start = cell.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    let number = {
        let unsigned = cell.strip_prefix(['-', '+']).unwrap_or(cell);
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        digits(whole) && digits(fraction)
    };
    start.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']) && !number
}

proptest::proptest! {
    #![proptest_config(crate::support::proptest_config(256))]

    /// Any bytes, after a real header or not: no panic; when the run goes on,
    /// one output row per input row at least, rows in order, the CSV
    /// parses with every record as wide as the header, and no cell is a
    /// live formula.
    #[test]
    fn any_bytes_keep_the_batch_invariants(
        header in proptest::bool::ANY,
        body in proptest::collection::vec(proptest::prop_oneof![
            proptest::num::u8::ANY,
            proptest::sample::select(b",\"\r\n=+-@ \x00\xE3\x81\x82\xEF\xBC\x9D".to_vec()),
        ], 0..400),
    ) {
        let mut input = if header { b"note,program,facility,cost\n".to_vec() } else { Vec::new() };
        input.extend_from_slice(&body);
        let Ok((summary, output)) = run_bytes(&input) else {
            return Ok(());
        };
        proptest::prop_assert!(summary.written >= summary.read);
        let text = std::str::from_utf8(&output).unwrap();
        if text.trim_start().starts_with('{') || (text.is_empty() && summary.read == 0) {
            let mut rows = Vec::new();
            for line in text.lines() {
                let value: Value = serde_json::from_str(line).unwrap();
                rows.push(value["row"].as_u64().unwrap());
            }
            proptest::prop_assert!(rows.windows(2).all(|w| w[0] <= w[1]));
            rows.dedup();
            proptest::prop_assert_eq!(rows.len() as u64, summary.read);
        } else {
            let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
            let header = reader.headers().unwrap().clone();
            let row = header.iter().position(|h| h == "row" || h == "result:row").unwrap();
            let mut rows = Vec::new();
            for record in reader.records() {
                let record = record.unwrap();
                for cell in record.iter() {
                    proptest::prop_assert!(!is_live_formula(cell), "{:?}", cell);
                }
                rows.push(record[row].parse::<u64>().unwrap());
            }
            for cell in header.iter() {
                proptest::prop_assert!(!is_live_formula(cell), "{:?}", cell);
            }
            proptest::prop_assert!(rows.windows(2).all(|w| w[0] <= w[1]));
            rows.dedup();
            proptest::prop_assert_eq!(rows.len() as u64, summary.read);
        }
    }
}

/// Counts take ASCII and full-width digits, never characters that only look
/// like digits (NFKC folds `²` and `①` into 2 and 1); a long bad cell is
/// quoted short in its error.
#[test]
fn counts_refuse_look_alike_digits_and_errors_stay_short() {
    let long = "x".repeat(100_000);
    let input = format!(
        "program,facility,beds,kenshin,cost\n\
         ehr-sharing,hospital,２５０,yes,14000000\n\
         ehr-sharing,hospital,25①,yes,14000000\n\
         ehr-sharing,hospital,{long},yes,14000000\n"
    );
    let run = batch(input.as_bytes(), &[]);
    let (header, rows) = csv_rows(&run.stdout);
    // 001 / 003 No.12: 14,000,000 capped at 13,158,000 × 1/2 = 6,579,000円.
    assert_eq!(rows[0][at(&header, "grant")], "6579000");
    assert!(rows[1][at(&header, "error")].contains("'25①' for 'beds'"));
    let error = &rows[2][at(&header, "error")];
    assert!(
        error.len() < 300 && error.contains("for 'beds'"),
        "{}",
        error.len()
    );
}

/// Rows with malformed rows of every kind that each format can carry lose
/// no row, keep their order, flag every bad row, and give the same results
/// from UTF-8, UTF-8 with a BOM, Shift_JIS and JSONL. 7,000 rows: seven
/// chunks of 1,024 rows (`batch::CHUNK_ROWS`), read and estimated on
/// several threads. Good rows are 003 No.1 診療所: 60,000円 → 45,000円 and
/// 001 ehr-sharing 250床・健診あり: 14,000,000円 → 6,579,000円.
#[test]
fn rows_agree_across_encodings_and_formats() {
    rows_agree(7_000);
}

/// The same at 200,000 rows: a measure more than a check (about two and a
/// half minutes in a debug build), run in release by benches/batch_rows.sh.
#[test]
#[ignore = "200,000 rows: run in release by benches/batch_rows.sh"]
fn two_hundred_thousand_rows_agree_across_encodings_and_formats() {
    rows_agree(200_000);
}

/// `rows` rows, the seven kinds below in turn, through the four inputs;
/// see [`rows_agree_across_encodings_and_formats`].
fn rows_agree(rows: usize) {
    // (id, name, program, facility, beds, kenshin, cost): every seventh row is bad.
    let kinds: [[&str; 6]; 7] = [
        [
            "北病院",
            "ehr-sharing",
            "hospital",
            "250",
            "yes",
            "14,000,000",
        ],
        [
            "南クリニック",
            "online-qual-medical-aid",
            "clinic",
            "",
            "",
            "6万",
        ],
        [
            "金額誤り",
            "online-qual-medical-aid",
            "clinic",
            "",
            "",
            "1万12345",
        ],
        ["未知の制度", "no-such-program", "clinic", "", "", "60000"],
        [
            "区分誤り",
            "online-qual-medical-aid",
            "castle",
            "",
            "",
            "60000",
        ],
        [
            "病床誤り",
            "ehr-sharing",
            "hospital",
            "25①",
            "yes",
            "14000000",
        ],
        [
            "健診誤り",
            "ehr-sharing",
            "hospital",
            "250",
            "maybe",
            "14000000",
        ],
    ];
    let header = [
        "id", "name", "program", "facility", "beds", "kenshin", "cost",
    ];
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(header).unwrap();
    let mut jsonl = String::new();
    for i in 0..rows {
        let kind = kinds[i % kinds.len()];
        let id = format!("F{i}");
        let mut record = vec![id.as_str()];
        record.extend(kind);
        csv.write_record(&record).unwrap();
        let object: serde_json::Map<String, Value> = header
            .iter()
            .zip(&record)
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), Value::from(*v)))
            .collect();
        jsonl.push_str(&serde_json::to_string(&object).unwrap());
        jsonl.push('\n');
    }
    let utf8 = csv.into_inner().unwrap();
    let text = String::from_utf8(utf8.clone()).unwrap();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), &utf8].concat();
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);

    // (row counted from the first data row, program, grant, error) of each output row.
    let results = |input: &[u8], first_row: u64| {
        let run = batch(input, &["--format", "csv"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let (header, rows) = csv_rows(&run.stdout);
        let (row, program, grant, error) = (
            at(&header, "row"),
            at(&header, "result:program"),
            at(&header, "grant"),
            at(&header, "error"),
        );
        let id = header.iter().position(|h| h == "id").unwrap();
        rows.iter()
            .map(|r| {
                let n: u64 = r[row].parse().unwrap();
                // The error names the row as the input numbers it: compare without it.
                let error = r[error].split_once(": ").map_or("", |(_, e)| e).to_string();
                (
                    n - first_row,
                    r[id].clone(),
                    r[program].clone(),
                    r[grant].clone(),
                    error,
                )
            })
            .collect::<Vec<_>>()
    };
    let from_utf8 = results(&utf8, 2);
    assert_eq!(
        from_utf8.len(),
        rows,
        "one result a row: each names its program"
    );
    for (i, result) in from_utf8.iter().enumerate() {
        assert_eq!(result.0, i as u64, "order kept");
        assert_eq!(result.1, format!("F{i}"));
        let expected = match i % kinds.len() {
            0 => "6579000",
            1 => "45000",
            _ => "",
        };
        assert_eq!(result.3, expected, "row {i}: {}", result.4);
        assert_eq!(
            result.4.is_empty(),
            i % kinds.len() < 2,
            "row {i} flagged: {}",
            result.4
        );
    }
    assert_eq!(results(&with_bom, 2), from_utf8, "UTF-8 with a BOM");
    assert_eq!(results(&sjis, 2), from_utf8, "Shift_JIS");
    assert_eq!(results(jsonl.as_bytes(), 1), from_utf8, "JSONL");
}

/// A near-miss key on the first object stops the run;
/// on a later line it is that row's error; a key given twice is an error.
#[test]
fn jsonl_near_miss_and_repeated_keys() {
    let run = batch(b"{\"facility\":\"clinic\",\"costs\":60000}\n", &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("did you mean 'cost'"), "{}", run.stderr);
    assert!(run.stdout.is_empty());

    let input = "{\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"cost\":60000}\n\
                 {\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"Cost\":60000,\"bed\":0}\n\
                 {\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"cost\":60000,\"COST\":1}\n";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<Value> = std::str::from_utf8(&run.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["grant"], 45000);
    assert_eq!(
        lines[1]["error"],
        "line 2: the key 'bed' is not one the tool reads; did you mean 'beds'?"
    );
    assert_eq!(lines[2]["error"], "line 3: the key 'COST' is given twice");
}
