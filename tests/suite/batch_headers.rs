//! The headers consultants write. Japanese and mixed-case names are aliases
//! of the English ones; a missing column is one error before any row; rows
//! Excel leaves blank are skipped and counted.

use crate::support::{batch, csv_rows};
use serde_json::Value;

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// The design card under Japanese, English and mixed-case headers: 001 /
/// 003 No.12, 13,158,000 × 1/2 = 6,579,000 on 2026-11-21.
#[test]
fn japanese_and_mixed_case_headers_read_the_same() {
    for header in [
        "facility,beds,kenshin,cost,program",
        "施設区分,病床数,健診,経費,制度",
        "区分,許可病床数,健診実施,事業費,制度ID",
        " Facility ,BEDS,Kenshin,Cost ,Program",
        "　施設区分　,病床数,健診,事業額,制度",
    ] {
        let input = format!("{header}\n病院,250,はい,1400万,ehr-sharing\n");
        let run = batch(input.as_bytes(), &[]);
        assert_eq!(run.code, 0, "{header}: {}", run.stderr);
        let (names, rows) = csv_rows(&run.stdout);
        let grant = column(&names, "grant");
        assert_eq!(rows.len(), 1, "{header}");
        assert_eq!(rows[0][grant], "6579000", "{header}");
    }
    // 費目:KEY and 要件:ID are item:KEY and fact:ID.
    let input = "施設区分,病床数,費目:mobile,費目:rececon,制度,要件：online-qual-in-place\n\
                 病院,100,300000,600000,online-qual-outpatient,はい\n";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (names, rows) = csv_rows(&run.stdout);
    assert_eq!(rows[0][column(&names, "error")], "");
}

/// 病床 and 施設種類, and a unit in parentheses after a
/// known name (`経費(円)`, `経費（円）`, `病床数（床）`) read as that column.
#[test]
fn a_header_with_its_unit_and_more_japanese_names_read_the_same() {
    for header in [
        "施設種類,病床,健診,経費(円),制度",
        "施設区分,病床数（床）,健診,経費（円）,制度",
        " Facility ,beds (床),kenshin,Cost(円),program",
        "区分,病床,健診実施,事業費（円・税込）,制度",
        "施設区分,病床数,健診,経費（税抜）,制度",
    ] {
        let input = format!("{header}\n病院,250,実施,1400万,ehr-sharing\n");
        let run = batch(input.as_bytes(), &[]);
        assert_eq!(run.code, 0, "{header}: {}", run.stderr);
        let (names, rows) = csv_rows(&run.stdout);
        assert_eq!(rows.len(), 1, "{header}");
        assert_eq!(rows[0][column(&names, "grant")], "6579000", "{header}");
        // The input header is echoed as written.
        assert_eq!(names[..5].join(","), header, "{header}");
    }
    // 経費 and 経費（円） are the same column: one error, before any row.
    let run = batch("施設区分,経費,経費（円）\n病院,1,1\n".as_bytes(), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("columns '経費' and '経費（円）' are the same column"),
        "{}",
        run.stderr
    );
    // A unit that is not the column's own is not read as it: 健診(円) is no 健診.
    let run = batch(
        "施設区分,病床数,健診(円),経費,制度\n病院,250,はい,1400万,ehr-sharing\n".as_bytes(),
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (names, rows) = csv_rows(&run.stdout);
    assert_eq!(rows.len(), 2, "both kenshin tiers, as without the column");
    let to_confirm = &rows[0][column(&names, "to_confirm")];
    assert!(
        to_confirm.split(' ').any(|c| c == "kenshin"),
        "{to_confirm}"
    );
}

/// A cost column in 千円 or 万円 is not read as yen (14,000 would be 14,000円,
/// a thousandth of what is meant): one error before any row, naming the
/// column and the ways that work.
#[test]
fn a_cost_column_in_thousands_of_yen_is_refused_not_read_as_yen() {
    for (header, unit) in [
        ("経費（千円）", "千円"),
        ("経費(万円)", "万円"),
        ("cost (百万円)", "百万円"),
    ] {
        let input = format!("施設区分,病床数,{header}\n病院,250,14000\n");
        let run = batch(input.as_bytes(), &[]);
        assert_eq!(run.code, 2, "{header}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_eq!(
            run.stderr,
            format!(
                "error: the column '{header}' is in {unit}, but amounts are read in yen; \
                 write each amount with its unit (13,158{unit}) or in yen, and name the column cost or 経費\n"
            )
        );
    }
    // A JSONL key so, after the first line's keys, is its row's error.
    let input =
        "{\"facility\":\"clinic\",\"cost\":60000}\n{\"facility\":\"clinic\",\"経費（千円）\":60}\n";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<Value> = std::str::from_utf8(&run.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let second: Vec<&Value> = lines.iter().filter(|l| l["row"] == 2).collect();
    assert_eq!(second.len(), 1);
    assert_eq!(
        second[0]["error"],
        "line 2: the column '経費（千円）' is in 千円, but amounts are read in yen; \
         write each amount with its unit (13,158千円) or in yen, and name the column cost or 経費"
    );
    let line = crate::support::subsidy()
        .arg("batch")
        .stdin("施設区分,経費（千円）\n病院,14000\n")
        .refused(&[]);
    assert_eq!(
        line,
        "エラー: 列 '経費（千円）' は千円単位ですが、金額は円で読みます。金額に単位を付けて（例 13,158千円）か円で書き、列名を 経費 か cost にしてください\n"
    );
}

#[test]
fn a_missing_column_is_one_error_before_any_row() {
    // No facility column: the nearest header present is named.
    let run = batch("施設名,床数,金額\nA,250,1400万\n".as_bytes(), &[]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "error: the header has no 'facility' (施設区分) column; if '施設名' is it, rename it to facility or 施設区分\n"
    );
    // No cost (nor item:) column.
    let run = batch("facility,beds\nclinic,0\n".as_bytes(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no 'cost' (経費) column"),
        "{}",
        run.stderr
    );
    // The same column twice under two names.
    let run = batch("facility,beds,cost,病床数\nclinic,0,1,0\n".as_bytes(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("columns 'beds' and '病床数' are the same column"),
        "{}",
        run.stderr
    );
}

#[test]
fn blank_rows_are_skipped_and_counted_not_errors() {
    // Excel's CSV: CRLF, and empty rows of commas below (and inside) the table.
    let input = "facility,beds,cost,program\r\n\
                 clinic,0,100000,online-qual-medical-aid\r\n,,,\r\n , \t,,\r\n\
                 clinic,0,200000,online-qual-medical-aid\r\n,,,\r\n";
    let run = batch(input.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (names, rows) = csv_rows(&run.stdout);
    let row = column(&names, "row");
    let numbers: Vec<&str> = rows.iter().map(|r| r[row].as_str()).collect();
    // Spreadsheet row numbers still count the blank rows.
    assert_eq!(numbers, ["2", "5"]);
    assert_eq!(
        run.stderr.lines().next(),
        Some("batch: 2 rows read, 2 rows written, 0 rows with errors (3 blank rows skipped)")
    );
    // A row with too few cells is not blank: it is an error, as before.
    let run = batch("facility,beds,cost\r\n,\r\n".as_bytes(), &[]);
    assert_eq!(run.code, 1);
}

/// Japanese Excel reads a CSV without a
/// BOM as Shift_JIS, so a `.csv` file gets one unless `--no-bom`; standard
/// output only with `--bom`.
#[test]
fn a_csv_file_gets_a_bom_by_default_standard_output_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let input = "facility,cost,program\nclinic,60000,online-qual-medical-aid\n";
    let written = |args: &[&str], name: &str| {
        let path = dir.path().join(name);
        let mut all = vec!["-o", path.to_str().unwrap()];
        all.extend_from_slice(args);
        let run = batch(input.as_bytes(), &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read(path).unwrap()
    };
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    assert!(written(&[], "out.csv").starts_with(BOM));
    assert!(written(&[], "OUT.CSV").starts_with(BOM));
    assert!(!written(&["--no-bom"], "plain.csv").starts_with(BOM));
    assert!(!written(&[], "out.jsonl").starts_with(BOM));
    assert!(!written(&["--format", "csv"], "out.txt").starts_with(BOM));
    assert!(!batch(input.as_bytes(), &[]).stdout.starts_with(BOM));
    assert!(batch(input.as_bytes(), &["--bom"]).stdout.starts_with(BOM));
}

/// Excel's "Unicode テキスト" (UTF-16 with a BOM, tab
/// separated) and other delimiters read as the same table.
#[test]
fn utf16_unicode_text_and_other_delimiters_read_the_same() {
    let table = [
        ["施設区分", "病床数", "健診", "経費", "制度"],
        ["病院", "250", "はい", "14,000,000", "ehr-sharing"],
    ];
    let joined = |sep: &str| {
        table
            .iter()
            .map(|row| row.join(sep))
            .collect::<Vec<_>>()
            .join("\r\n")
            + "\r\n"
    };
    let grant = |input: &[u8], args: &[&str]| {
        let run = batch(input, args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let (names, rows) = csv_rows(&run.stdout);
        rows[0][column(&names, "grant")].clone()
    };
    // 001 / 003 No.12: 13,158,000 × 1/2 = 6,579,000.
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(joined("\t").encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(grant(&utf16le, &[]), "6579000");
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(joined("\t").encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(grant(&utf16be, &[]), "6579000");
    assert_eq!(
        grant(joined("\t").as_bytes(), &["--delimiter", "tab"]),
        "6579000"
    );
    assert_eq!(
        grant(joined(";").as_bytes(), &["--delimiter", ";"]),
        "6579000"
    );
    // A lone surrogate is not UTF-16: the run stops, nothing is replaced.
    let broken = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'\n', 0];
    let run = batch(&broken, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not UTF-16"), "{}", run.stderr);
    let run = batch(b"a,b\n", &["--delimiter", "ab"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--delimiter"), "{}", run.stderr);
}
