//! `subsidy batch`: encodings, BOM, the injection guard, JSONL, pass-through
//! columns, bad rows (nothing lost, order kept), standard input and output,
//! and the library entry point. Amounts are the hand-worked ones of the
//! other tests (001/003).

use crate::support::{AS_OF, batch, csv_rows};
use serde_json::Value;

/// Three good rows and their known grants: ehr-sharing 6,579,000 (001),
/// e-prescription basic clinic 150,000 (003 No.9), medical aid clinic 45,000 (003 No.1).
const CSV: &str = "\
facility_id,name,program,variant,facility,beds,kenshin,cost
H1,北病院,ehr-sharing,,hospital,250,yes,\"14,000,000\"
C1,南クリニック,e-prescription,basic,clinic,0,,300000
C2,東診療所,online-qual-medical-aid,,clinic,0,,6万
";

/// A result column: written `result:NAME` when the input has a column NAME.
fn column(header: &[String], name: &str) -> usize {
    let renamed = format!("result:{name}");
    header
        .iter()
        .position(|h| *h == renamed)
        .or_else(|| header.iter().rposition(|h| h == name))
        .unwrap()
}

#[test]
fn utf8_input_gives_the_known_grants_in_order() {
    let run = batch(CSV.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(
        header,
        [
            "facility_id",
            "name",
            "program",
            "variant",
            "facility",
            "beds",
            "kenshin",
            "cost",
            "row",
            "result:program",
            "program_name",
            "result:variant",
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
            "data_version",
            "extension"
        ]
    );
    let grant = column(&header, "grant");
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[grant].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("H1", "北病院", "6579000"),
            ("C1", "南クリニック", "150000"),
            ("C2", "東診療所", "45000")
        ]
    );
    let row = column(&header, "row");
    assert_eq!(
        rows.iter().map(|r| r[row].as_str()).collect::<Vec<_>>(),
        ["2", "3", "4"]
    );
    // The cost the row was estimated with, as a number
    // whatever was typed ("14,000,000", 300000, 6万); the input cell as written.
    let cost_used = column(&header, "cost_used");
    assert_eq!(
        rows.iter()
            .map(|r| (r[7].as_str(), r[cost_used].as_str()))
            .collect::<Vec<_>>(),
        [
            ("14,000,000", "14000000"),
            ("300000", "300000"),
            ("6万", "60000")
        ]
    );
    let status = column(&header, "status");
    assert_eq!(rows[0][status], "open");
    assert_eq!(rows[1][status], "closed");
    let to_confirm = column(&header, "to_confirm");
    assert_eq!(
        rows[0][to_confirm],
        "fact:online-qual-in-place fact:e-prescription-introduced"
    );
    // stderr is not a terminal here: the summary alone, no progress bar,
    // then the rule data it rests on: 2026-05-25 → 2026-11-21 (AS_OF) is
    // 6 + 30 + 31 + 31 + 30 + 31 + 21 = 180 days, past 90, so stale.
    assert_eq!(
        run.stderr,
        "batch: 3 rows read, 3 rows written, 0 rows with errors\n\
         Rule data of 2026-05-25 (180 days old)\n\
         The rule data is more than 90 days old: programs may have opened or \
         changed since. Check with each program's contact (subsidy show ID shows it).\n"
    );
}

#[test]
fn utf8_with_bom_and_shift_jis_read_the_same() {
    let plain = batch(CSV.as_bytes(), &[]).stdout;
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), CSV.as_bytes()].concat();
    assert_eq!(batch(&with_bom, &[]).stdout, plain);
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(CSV);
    assert!(!unmappable);
    assert_ne!(
        sjis.as_ref(),
        CSV.as_bytes(),
        "the sample must really be Shift_JIS"
    );
    assert_eq!(batch(&sjis, &[]).stdout, plain, "auto-detected Shift_JIS");
    assert_eq!(batch(&sjis, &["--encoding", "shift_jis"]).stdout, plain);
}

#[test]
fn undecodable_bytes_are_an_error_naming_the_line_never_replaced() {
    // Shift_JIS bytes in a file declared UTF-8: the row carries the error, the others go on.
    let (sjis_name, _, _) = encoding_rs::SHIFT_JIS.encode("北病院");
    let mut input = b"facility_id,name,program,facility,beds,cost\nA,ok,online-qual-medical-aid,clinic,0,60000\nB,".to_vec();
    input.extend_from_slice(&sjis_name);
    input.extend_from_slice(b",online-qual-medical-aid,clinic,0,60000\n");
    let run = batch(&input, &["--encoding", "utf-8"]);
    assert_eq!(run.code, 1);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 2);
    let error = column(&header, "error");
    assert_eq!(rows[0][error], "");
    assert_eq!(rows[1][0], "B");
    assert!(
        rows[1][error].contains("line 3")
            && rows[1][error].contains("name")
            && rows[1][error].contains("UTF-8"),
        "{}",
        rows[1][error]
    );
    assert!(
        !String::from_utf8_lossy(&run.stdout).contains('\u{fffd}'),
        "no replacement characters"
    );
}

#[test]
fn bom_is_written_on_request() {
    let run = batch(CSV.as_bytes(), &["--bom"]);
    assert!(run.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert!(
        !batch(CSV.as_bytes(), &[])
            .stdout
            .starts_with(b"\xEF\xBB\xBF")
    );
}

#[test]
fn formula_cells_are_guarded_unless_raw() {
    let input = "facility_id,note,program,facility,beds,cost\n=HYPERLINK(\"x\"),@SUM(1),online-qual-medical-aid,clinic,0,60000\n-5,+81 3,online-qual-medical-aid,clinic,0,60000\n";
    let (_, rows) = csv_rows(&batch(input.as_bytes(), &[]).stdout);
    assert_eq!(rows[0][0], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[0][1], "'@SUM(1)");
    assert_eq!(rows[1][0], "-5", "numbers are untouched");
    assert_eq!(rows[1][1], "'+81 3");
    let (_, raw) = csv_rows(&batch(input.as_bytes(), &["--raw"]).stdout);
    assert_eq!(raw[0][0], "=HYPERLINK(\"x\")");
    assert_eq!(raw[0][1], "@SUM(1)");
}

#[test]
fn bad_rows_of_each_kind_keep_their_place() {
    let input = "\
id,program,facility,beds,cost,prefecture
1,online-qual-medical-aid,clinic,0,60000,
2,online-qual-medical-aid,clinic,0,abc,
3,e-prescriptoin,clinic,0,1000,
4,ehr-sharing,hospital,10,1000,
5,online-qual-medical-aid,clinic,0,-5,
6,online-qual-medical-aid,clinic,0,60000,fukuoak
7,online-qual-medical-aid,clinic,0,60000,
";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    let (header, rows) = csv_rows(&run.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["1", "2", "3", "4", "5", "6", "7"],
        "nothing lost, order kept"
    );
    let error = column(&header, "error");
    let errors: Vec<&str> = rows.iter().map(|r| r[error].as_str()).collect();
    assert_eq!(errors[0], "");
    assert!(
        errors[1].contains("line 3") && errors[1].contains("'abc'") && errors[1].contains("'cost'"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].contains("did you mean 'e-prescription'"),
        "{}",
        errors[2]
    );
    assert!(
        errors[3].contains("'beds'") && errors[3].contains("20 beds"),
        "{}",
        errors[3]
    );
    assert!(errors[4].contains("negative"), "{}", errors[4]);
    assert!(
        errors[5].contains("'prefecture'") && errors[5].contains("did you mean 'fukuoka'"),
        "{}",
        errors[5]
    );
    assert_eq!(errors[6], "");
    assert!(
        run.stderr
            .contains("7 rows read, 7 rows written, 5 rows with errors"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_program_means_every_program() {
    let input = "id,program,facility,beds,cost\nX,,clinic,0,60000\n";
    let (header, rows) = csv_rows(&batch(input.as_bytes(), &[]).stdout);
    let program = column(&header, "program");
    let programs: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r[program].as_str()).collect();
    assert_eq!(programs.len(), 19, "{programs:?}");
    assert!(rows.iter().all(|r| r[0] == "X"));
    let medical_aid = rows
        .iter()
        .find(|r| r[program] == "online-qual-medical-aid")
        .unwrap();
    assert_eq!(medical_aid[column(&header, "grant")], "45000");
}

#[test]
fn items_facts_and_flags_come_from_columns() {
    // 003 No.2 病院: min(50,000, 41,000) + min(800,000, 781,000) = 822,000 × 1/2 = 411,000.
    let input = "program,facility,beds,item:mobile,item:rececon,fact:home-visits-done\nonline-qual-home-care,hospital,100,50000,800000,yes\n";
    let (header, rows) = csv_rows(&batch(input.as_bytes(), &[]).stdout);
    assert_eq!(rows[0][column(&header, "grant")], "411000");
    assert_eq!(rows[0][column(&header, "eligibility")], "eligible");
    // 004 セキュリティ対策推進枠, small business: 600,000 × 2/3.
    let input = "program,facility,cost,small-business\ndigital-ai-security,clinic,600000,yes\n";
    let (header, rows) = csv_rows(&batch(input.as_bytes(), &[]).stdout);
    assert_eq!(rows[0][column(&header, "grant")], "400000");
}

#[test]
fn jsonl_in_and_out() {
    let input = "{\"id\":\"H1\",\"program\":\"ehr-sharing\",\"facility\":\"hospital\",\"beds\":250,\"kenshin\":true,\"cost\":14000000}\n\n{\"id\":\"B\",\"program\":\"ehr-sharing\",\"facility\":\"hospital\",\"beds\":5}\nnot json\n";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    let lines: Vec<Value> = std::str::from_utf8(&run.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["input"]["id"], "H1");
    assert_eq!(
        lines[0]["input"]["beds"], 250,
        "pass-through keeps the JSON value"
    );
    assert_eq!(lines[0]["grant"], 6_579_000);
    assert_eq!(lines[0]["row"], 1);
    assert_eq!(lines[1]["input"]["id"], "B");
    assert_eq!(lines[1]["row"], 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("'beds'"));
    assert_eq!(lines[2]["row"], 4);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("not a JSON object")
    );
    // The input is kept whole under "input", in its order; the results beside it.
    let keys: Vec<&String> = lines[0]["input"].as_object().unwrap().keys().collect();
    assert_eq!(keys[..3], ["id", "program", "facility"]);
    assert_eq!(
        lines[2]["input"], "not json",
        "a line that is not JSON is kept as text"
    );
}

#[test]
fn csv_to_jsonl_and_jsonl_to_csv() {
    let run = batch(CSV.as_bytes(), &["--format", "jsonl"]);
    let first: Value = serde_json::from_str(
        std::str::from_utf8(&run.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["input"]["facility_id"], "H1");
    assert_eq!(first["grant"], 6_579_000);
    let input = "{\"id\":\"C\",\"program\":\"online-qual-medical-aid\",\"facility\":\"clinic\",\"cost\":\"60000\"}\n";
    let (header, rows) = csv_rows(&batch(input.as_bytes(), &["--format", "csv"]).stdout);
    assert_eq!(header[..4], ["id", "program", "facility", "cost"]);
    assert_eq!(rows[0][column(&header, "grant")], "45000");
}

#[test]
fn files_and_standard_streams() {
    let dir = std::env::temp_dir().join(format!("subsidy-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.csv");
    let output = dir.join("out.csv");
    std::fs::write(&input, CSV).unwrap();
    let run = batch(
        b"",
        &[input.to_str().unwrap(), "-o", output.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let from_file = std::fs::read(&output).unwrap();
    // A .csv file has a BOM for Excel; standard output does not.
    assert_eq!(
        from_file,
        [
            b"\xEF\xBB\xBF".as_slice(),
            &batch(CSV.as_bytes(), &["-"]).stdout
        ]
        .concat(),
        "a file and standard input read the same"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    for (input, args, needle) in [
        ("", vec![], "no header"),
        ("   \n", vec![], "no header"),
        (
            CSV,
            vec!["tests/no-such-file.csv"],
            "cannot read 'tests/no-such-file.csv'",
        ),
        (CSV, vec!["--encoding", "latin1"], "--encoding"),
        ("a,a\n1,2\n", vec![], "repeats the column 'a'"),
    ] {
        let run = batch(input.as_bytes(), &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains(needle), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn long_inputs_stay_in_order_across_chunks() {
    // More rows than one chunk (1,024), so several threads work on them.
    let mut input = String::from("id,program,facility,cost\n");
    for i in 0..5000 {
        input.push_str(&format!(
            "{i},online-qual-medical-aid,clinic,{}\n",
            10_000 + i
        ));
    }
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 0);
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 5000);
    let grant = column(&header, "grant");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], i.to_string());
        // 003 No.1 診療所: 3/4 of the cost, 1,000円未満切捨て.
        let expected = (10_000 + i as u64) * 3 / 4 / 1000 * 1000;
        assert_eq!(row[grant], expected.to_string());
    }
}

#[test]
fn the_library_entry_point_runs_without_the_cli() {
    let catalogue = subsidy::core::catalogue::Catalogue::embedded().unwrap();
    let checker = subsidy::input::request::Checker::new(&catalogue);
    let options = subsidy::batch::Options {
        format: Some(subsidy::batch::Format::Jsonl),
        all: true,
        ..subsidy::batch::Options::new(AS_OF.parse().unwrap())
    };
    let mut output = Vec::new();
    let mut progress = 0;
    let summary = subsidy::batch::run(&checker, CSV.as_bytes(), &mut output, &options, |rows| {
        progress = rows
    })
    .unwrap();
    assert_eq!((summary.read, summary.written, summary.failed), (3, 3, 0));
    assert_eq!(progress, 3);
    let grants: Vec<u64> = std::str::from_utf8(&output)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["grant"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(grants, [6_579_000, 150_000, 45_000]);
}

proptest::proptest! {
    #![proptest_config(crate::support::proptest_config(64))]

    /// Whatever a pass-through cell holds (commas, quotes, line breaks, formula
    /// starts, Japanese), it comes back as written, formulas with a leading `'`,
    /// on its own row, in order, beside the known grant (003 No.1: 45,000円).
    #[test]
    fn pass_through_cells_survive_quoting(notes in proptest::collection::vec("[a-z,\"\r\n =+@病院-]{0,12}", 1..20)) {
        let mut input = csv::Writer::from_writer(Vec::new());
        input.write_record(["note", "program", "facility", "cost"]).unwrap();
        for note in &notes {
            input.write_record([note.as_str(), "online-qual-medical-aid", "clinic", "60000"]).unwrap();
        }
        let input = input.into_inner().unwrap();
        let catalogue = subsidy::core::catalogue::Catalogue::embedded().unwrap();
        let checker = subsidy::input::request::Checker::new(&catalogue);
        let options = subsidy::batch::Options {
            lang: subsidy::Lang::En,
        all: true,
            ..subsidy::batch::Options::new(AS_OF.parse().unwrap())
        };
        let mut output = Vec::new();
        subsidy::batch::run(&checker, input.as_slice(), &mut output, &options, |_| {}).unwrap();
        let (header, rows) = csv_rows(&output);
        proptest::prop_assert_eq!(rows.len(), notes.len());
        let grant = column(&header, "grant");
        for (row, note) in rows.iter().zip(&notes) {
            // The alphabet has no digits, so no note is a number; spaces
            // and control characters before a formula do not hide it.
            let formula = note.starts_with('\r')
                || note
                    .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
                    .starts_with(['=', '+', '-', '@']);
            let expected = if formula { format!("'{note}") } else { note.clone() };
            proptest::prop_assert_eq!(&row[0], &expected);
            proptest::prop_assert_eq!(&row[grant], "45000");
        }
    }
}

// Output written whole or not at all

/// A directory holding `in.csv` (the three known rows) for one test; deleted when dropped.
fn dir_with_input() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, CSV).unwrap();
    (dir, input)
}

/// The names in a directory, sorted: temporary files would show here.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_that_is_the_input_is_refused_and_left_untouched() {
    let (dir, input) = dir_with_input();
    let path = input.to_str().unwrap();
    let run = batch(b"", &[path, "-o", path]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let example = dir.path().join("in-estimates.csv");
    assert_eq!(
        run.stderr,
        format!(
            "error: the output '-o {path}' is the input file; write to another path, e.g. -o {}\n",
            example.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&input).unwrap(), CSV);
    assert_eq!(names_in(dir.path()), ["in.csv"]);
}

#[cfg(unix)]
#[test]
fn an_output_that_is_the_input_through_a_symlink_or_a_hard_link_is_refused() {
    let (dir, input) = dir_with_input();
    let symlink = dir.path().join("link.csv");
    let hard_link = dir.path().join("hard.csv");
    std::os::unix::fs::symlink(&input, &symlink).unwrap();
    std::fs::hard_link(&input, &hard_link).unwrap();
    for (from, to) in [
        (&input, &symlink),
        (&symlink, &input),
        (&input, &hard_link),
        (&symlink, &hard_link),
    ] {
        let run = batch(b"", &[from.to_str().unwrap(), "-o", to.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{from:?} -o {to:?}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("is the input file"),
            "{from:?} -o {to:?}: {}",
            run.stderr
        );
        assert_eq!(std::fs::read_to_string(&input).unwrap(), CSV);
    }
    assert_eq!(names_in(dir.path()), ["hard.csv", "in.csv", "link.csv"]);
}

#[test]
fn a_failed_run_leaves_an_existing_output_untouched() {
    let (dir, _) = dir_with_input();
    let output = dir.path().join("out.csv");
    std::fs::write(&output, "the old output\n").unwrap();
    // Standard input with no header row: exit 2.
    let run = batch(b"", &["-", "-o", output.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no header"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "the old output\n"
    );
    assert_eq!(names_in(dir.path()), ["in.csv", "out.csv"]);
}

#[test]
fn a_failed_run_leaves_no_file_behind() {
    let (dir, _) = dir_with_input();
    let output = dir.path().join("new.csv");
    // A repeated column stops the run after the output would have been opened.
    let run = batch(b"a,a\n1,2\n", &["-", "-o", output.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("repeats the column 'a'"),
        "{}",
        run.stderr
    );
    // Neither the output nor a temporary file.
    assert_eq!(names_in(dir.path()), ["in.csv"]);
    // A header that is not UTF-8, read as UTF-8: exit 2, and again nothing left.
    let run = batch(
        b"\xff\xfe,a\n1,2\n",
        &["-", "--encoding", "utf-8", "-o", output.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot be decoded"), "{}", run.stderr);
    assert_eq!(names_in(dir.path()), ["in.csv"]);
}

#[test]
fn a_completed_run_replaces_the_output_whole() {
    let (dir, input) = dir_with_input();
    let output = dir.path().join("out.csv");
    std::fs::write(&output, "the old output\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&output, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    // Someone reading the old output while the batch runs reads it whole,
    // never a file emptied and half rewritten.
    let mut reader = std::fs::File::open(&output).unwrap();
    let run = batch(
        b"",
        &[input.to_str().unwrap(), "-o", output.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let mut old = String::new();
    std::io::Read::read_to_string(&mut reader, &mut old).unwrap();
    assert_eq!(old, "the old output\n");
    let written = std::fs::read(&output).unwrap();
    assert_eq!(
        written,
        [
            b"\xEF\xBB\xBF".as_slice(),
            &batch(CSV.as_bytes(), &[]).stdout
        ]
        .concat()
    );
    let (header, rows) = csv_rows(&written);
    let grants: Vec<&str> = rows
        .iter()
        .map(|r| r[column(&header, "grant")].as_str())
        .collect();
    assert_eq!(grants, ["6579000", "150000", "45000"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&output).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the replaced file keeps its mode");
    }
    assert_eq!(names_in(dir.path()), ["in.csv", "out.csv"]);

    // Exit 1 (a row failed) is a completed run: the output is written.
    let bad = format!("{CSV}X1,,nosuch-program,,clinic,0,,1000\n");
    std::fs::write(&input, &bad).unwrap();
    let run = batch(
        b"",
        &[input.to_str().unwrap(), "-o", output.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (header, rows) = csv_rows(&std::fs::read(&output).unwrap());
    assert_eq!(rows.len(), 4);
    assert!(rows[3][column(&header, "error")].contains("nosuch-program"));
    assert_eq!(names_in(dir.path()), ["in.csv", "out.csv"]);
}

/// `--bom` is for CSV: JSONL output (a JSONL input's own format) never
/// starts with one, whichever way its format was chosen.
#[test]
fn jsonl_output_never_gets_a_bom() {
    let input = "{\"facility\":\"clinic\",\"cost\":60000}\n";
    for args in [&["--bom"][..], &["--bom", "--format", "jsonl"][..]] {
        let run = batch(input.as_bytes(), args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with(b"{"), "{args:?}");
    }
    // A CSV output of the same input gets it.
    let run = batch(input.as_bytes(), &["--bom", "--format", "csv"]);
    assert!(run.stdout.starts_with(b"\xEF\xBB\xBF"));
}
