//! Batch output a consultant can hand to a client in Excel, and the files
//! Excel saves read back in. The grant every test checks is the design
//! card's: a hospital of 250 beds with checkups and 14,000,000円 of cost gets
//! 6,579,000円 from ehr-sharing (001 and 003 No.12: 13,158,000円 × 1/2),
//! deadline 2031-09-30.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::support::subsidy;

/// The day these tests judge deadlines on (as the other batch tests).
const AS_OF: &str = "2026-11-21";

const CLIENTS: &str = "\
法人番号,施設名,区分,病床数,健診,経費
1234567890123,北病院,病院,250,はい,14000000
0123456789012,南クリニック,診療所,0,,30万円
";

/// The cells of a workbook's sheet, as calamine reads them.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| d.date().to_string())
            .unwrap_or_default(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

fn at(header: &[Data], name: &str) -> usize {
    header
        .iter()
        .position(|h| text(h) == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn an_xlsx_is_written_with_numeric_yen_dates_and_an_about_sheet() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clients.csv"), CLIENTS).unwrap();
    let out = subsidy()
        .current_dir(dir.path())
        .args([
            "batch",
            "clients.csv",
            "--as-of",
            AS_OF,
            "--shape",
            "long",
            "-o",
            "estimates.xlsx",
        ])
        .output();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let path = dir.path().join("estimates.xlsx");

    let rows = sheet(&path, "試算");
    let header = &rows[0];
    let (grant, deadline, name) = (
        at(header, "補助額"),
        at(header, "締切"),
        at(header, "施設名"),
    );
    // The hospital's row: the grant a number, the deadline a date.
    assert_eq!(text(&rows[1][name]), "北病院");
    assert_eq!(rows[1][grant], Data::Float(6_579_000.0));
    assert!(
        matches!(rows[1][deadline], Data::DateTime(_)),
        "{:?}",
        rows[1][deadline]
    );
    assert_eq!(text(&rows[1][deadline]), "2031-09-30");
    // The clinic has nothing to apply for on AS_OF: still its row, saying so.
    assert_eq!(text(&rows[2][name]), "南クリニック");
    assert!(text(&rows[2][at(header, "備考")]).contains("申請できる制度はありません"));
    assert_eq!(rows.len(), 3);
    // Input cells: amounts and counts the tool reads are numbers (the cost
    // in the yen format); other cells stay text as written, so a 13-digit
    // 法人番号 is not shown as 1.23457E+12 and a leading zero is kept.
    assert_eq!(rows[1][at(header, "経費")], Data::Float(14_000_000.0));
    // The cost used, a number in the yen format, beside the cell as written.
    assert_eq!(
        rows[1][at(header, "経費（計算に使用）")],
        Data::Float(14_000_000.0)
    );
    assert_eq!(
        rows[2][at(header, "経費（計算に使用）")],
        Data::Float(300_000.0)
    );
    assert_eq!(rows[2][at(header, "経費")], Data::String("30万円".into()));
    assert_eq!(rows[1][at(header, "病床数")], Data::Float(250.0));
    assert_eq!(
        rows[1][at(header, "法人番号")],
        Data::String("1234567890123".into())
    );
    assert_eq!(
        rows[2][at(header, "法人番号")],
        Data::String("0123456789012".into())
    );

    // The grant's number format, and the frozen, filtered header row.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(
        styles.contains("formatCode=\"#,##0&quot;円&quot;\""),
        "{styles}"
    );
    let mut sheet1 = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet1)
        .unwrap();
    assert!(sheet1.contains("state=\"frozen\""), "{sheet1}");
    assert!(sheet1.contains("<autoFilter ref=\"A1:"), "{sheet1}");
    assert!(sheet1.contains("<cols>"), "{sheet1}");

    // The second sheet: as-of, rule data, command, and the sources shown.
    let about = sheet(&path, "情報");
    let find = |label: &str| {
        about
            .iter()
            .find(|r| text(&r[0]) == label)
            .map(|r| text(&r[1]))
            .unwrap_or_else(|| panic!("no {label} in {about:?}"))
    };
    assert_eq!(find("基準日"), AS_OF);
    assert_eq!(find("規則データ SHA-256").len(), 64);
    // The data's age on the as-of date (2026-05-25 → 2026-11-21: 6 + 30 +
    // 31 + 31 + 30 + 31 + 21 = 180 days), and past 90 days a note.
    assert_eq!(
        find("規則データの古さ"),
        "規則データ 2026-05-25版（180日前）"
    );
    assert_eq!(
        find("注意"),
        "規則データが90日を超えて古いため、その後に始まった・変わった制度があるかもしれません。各制度の問合せ先で最新の状況を確認してください。"
    );
    assert!(find("コマンド").starts_with("subsidy batch clients.csv"));
    assert!(
        about.iter().any(|r| text(&r[0]) == "ehr-sharing"),
        "{about:?}"
    );
}

#[test]
fn an_xlsx_input_gives_the_same_results_as_the_same_data_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clients.csv"), CLIENTS).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, line) in CLIENTS.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Numbers as Excel keeps them: numbers, not text; a code with a
            // leading zero as text (a text-formatted column).
            match cell.parse::<f64>() {
                Ok(n) if cell == "0" || !cell.starts_with('0') => {
                    sheet.write_number(r, c, n).unwrap()
                }
                _ => sheet.write_string(r, c, cell).unwrap(),
            };
        }
    }
    workbook.save(dir.path().join("clients.xlsx")).unwrap();
    let run = |input: &str| {
        let out = subsidy()
            .current_dir(dir.path())
            .args(["batch", input, "--as-of", AS_OF, "--shape", "summary"])
            .output();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let from_csv = run("clients.csv");
    assert!(from_csv.contains(",6579000,"), "{from_csv}");
    assert_eq!(run("clients.xlsx"), from_csv);
}

/// A workbook piped in is refused with the way that works, not read as
/// rows of zip bytes.
#[test]
fn a_workbook_on_standard_input_is_refused_with_a_hint() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook
        .add_worksheet()
        .write_string(0, 0, "施設区分")
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let line = subsidy().arg("batch").stdin(bytes).refused(&[]);
    assert_eq!(
        line,
        "エラー: 入力は Excel のブック（zip）です。標準入力ではなくファイルのパスで渡してください。例 subsidy batch 顧客一覧.xlsx\n"
    );
}

#[test]
fn shift_jis_output_flags_a_character_it_cannot_hold() {
    let input = "施設名,区分,病床数,健診,経費\n髙橋🏥病院,病院,250,はい,14000000\n北病院,病院,250,はい,14000000\n";
    let out = subsidy()
        .args(["batch", "--as-of", AS_OF, "--output-encoding", "shift_jis"])
        .stdin(input)
        .output();
    // A row with a character Shift_JIS cannot hold is a row with an error.
    assert_eq!(out.status.code(), Some(1));
    let (text, _, malformed) = encoding_rs::SHIFT_JIS.decode(&out.stdout);
    assert!(!malformed);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    // 髙 is in CP932 and kept; 🏥 (U+1F3E5) is not: written as 〓 and reported.
    assert!(lines[1].starts_with("髙橋〓病院,"), "{}", lines[1]);
    assert!(
        lines[1].contains("Shift_JIS で書けない文字 U+1F3E5 があります（列 '施設名'）"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains(",6579000,"), "{}", lines[1]);
    assert!(!lines[2].contains("Shift_JIS"), "{}", lines[2]);
}

/// A copy of the workbook at `path` with `from` replaced by `to` in its
/// first sheet's XML (rust_xlsxwriter always saves a formula's result).
fn with_sheet_xml_replaced(path: &Path, replacements: &[(&str, &str)]) {
    use std::io::Write;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        files.push((file.name().unwrap().to_string(), bytes));
    }
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut replaced = false;
    for (name, bytes) in files {
        let bytes = if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(bytes).unwrap();
            for (from, to) in replacements {
                assert!(xml.contains(from), "{xml}");
                xml = xml.replace(from, to);
            }
            replaced = true;
            xml.into_bytes()
        } else {
            bytes
        };
        writer.start_file(name, options).unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
    assert!(replaced);
}

/// A formula cell whose workbook holds no result (a
/// program that does not compute formulas saved it) was read as an empty
/// cost without a word: it is its row's error, naming the cell. A formula
/// whose result is empty text (Excel saves `=IF(B4="","",B4)` so) is a
/// result, and reads as the empty cell Excel shows.
#[test]
fn a_formula_with_no_saved_result_is_its_rows_error_naming_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clients.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, name) in ["施設名", "区分", "経費", "制度"].into_iter().enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    for (r, name) in ["北診療所", "東診療所", "西診療所", "南診療所"]
        .into_iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, name).unwrap();
        sheet.write_string(r, 1, "診療所").unwrap();
        sheet.write_string(r, 3, "online-qual-medical-aid").unwrap();
    }
    sheet.write_number(1, 2, 60_000).unwrap();
    sheet.write_formula(2, 2, "=50000+10000").unwrap();
    sheet.set_formula_result(2, 2, "60000");
    sheet.write_formula(3, 2, "=IF(A4=\"\",1,\"\")").unwrap();
    sheet.set_formula_result(3, 2, "");
    sheet.write_formula(4, 2, "=1000*60").unwrap();
    // Row 7, after an empty row, holds nothing but such a formula: still a row.
    sheet.write_formula(6, 2, "=1+1").unwrap();
    workbook.save(&path).unwrap();
    with_sheet_xml_replaced(
        &path,
        &[
            (
                "<c r=\"C5\"><f>1000*60</f><v>0</v></c>",
                "<c r=\"C5\"><f>1000*60</f></c>",
            ),
            (
                "<c r=\"C7\"><f>1+1</f><v>0</v></c>",
                "<c r=\"C7\"><f>1+1</f><v/></c>",
            ),
        ],
    );
    let out = subsidy()
        .current_dir(dir.path())
        .args([
            "batch",
            "clients.xlsx",
            "--as-of",
            AS_OF,
            "--all",
            "--lang",
            "en",
        ])
        .output();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (&r[0], &r[2], &r[column("grant")], &r[column("error")]))
        .collect();
    assert_eq!(
        got,
        [
            ("北診療所", "60000", "45000", ""),
            ("東診療所", "60000", "45000", ""),
            ("西診療所", "", "", ""),
            (
                "南診療所",
                "",
                "",
                "line 5: cell C5 (column '経費') is a formula with no saved result; \
                 open the workbook in Excel and save it, then run again"
            ),
            (
                "",
                "",
                "",
                "line 7: cell C7 (column '経費') is a formula with no saved result; \
                 open the workbook in Excel and save it, then run again"
            ),
        ]
    );
    let out = subsidy()
        .current_dir(dir.path())
        .args(["batch", "clients.xlsx", "--as-of", AS_OF, "--all"])
        .output();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("5行目: セル C5（列 '経費'）は数式ですが、計算結果が保存されていません。Excel で開いて保存してから、もう一度実行してください"),
        "{text}"
    );
}

/// The six characters CP932 (Windows, Excel) holds under
/// another code point than JIS, and their full-width twins, are written as
/// the CP932 bytes Excel shows as the same glyph, and the row is not an
/// error: the tier 病院（20〜199床） (e-prescription) has WAVE DASH U+301C.
/// Every line ends with CRLF, as the Windows programs that want Shift_JIS expect.
#[test]
fn shift_jis_output_writes_cp932s_own_bytes_for_its_twin_characters() {
    let input = "施設名,区分,病床数,経費,制度,メモ
                 北病院,病院,120,1000000,e-prescription,〜～‖∥−－¢￠£￡¬￢
";
    let out = subsidy()
        .args([
            "batch",
            "--as-of",
            AS_OF,
            "--all",
            "--output-encoding",
            "shift_jis",
        ])
        .stdin(input)
        .output();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = out.stdout;
    // 〜 and ～ 0x8160, ‖ and ∥ 0x8161, − and － 0x817C, ¢ and ￠ 0x8191,
    // £ and ￡ 0x8192, ¬ and ￢ 0x81CA: CP932's bytes for each glyph.
    let memo: &[u8] = &[
        0x81, 0x60, 0x81, 0x60, 0x81, 0x61, 0x81, 0x61, 0x81, 0x7C, 0x81, 0x7C, 0x81, 0x91, 0x81,
        0x91, 0x81, 0x92, 0x81, 0x92, 0x81, 0xCA, 0x81, 0xCA,
    ];
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(contains(&[b",", memo, b","].concat()), "{bytes:02X?}");
    // 病院（20〜199床）: （ 0x8169, 〜 0x8160, 床 0x8FB0, ） 0x816A.
    let (hospital, _, _) = encoding_rs::SHIFT_JIS.encode("病院");
    let tier = [
        &hospital[..],
        &[
            0x81, 0x69, b'2', b'0', 0x81, 0x60, b'1', b'9', b'9', 0x8F, 0xB0, 0x81, 0x6A,
        ],
    ]
    .concat();
    assert!(contains(&tier), "{bytes:02X?}");
    // No 〓 (0x81AC), and no row reported.
    assert!(!contains(&[0x81, 0xAC]), "{bytes:02X?}");
    let (text, _, malformed) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!malformed);
    assert!(!text.contains("Shift_JIS"), "{text}");
    // Every line, the header's too, ends with CRLF: as many CRs as LFs, each before one.
    let lines = bytes.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(lines, 3, "the header and two results: {text}");
    assert_eq!(bytes.windows(2).filter(|w| w == b"\r\n").count(), lines);
    assert!(bytes.ends_with(b"\r\n"));
}

#[test]
fn refused_before_any_work_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clients.jsonl"),
        "{\"facility\":\"hospital\"}\n",
    )
    .unwrap();
    let cases: [(&[&str], &str); 5] = [
        // A JSONL input gives JSONL by default: UTF-8 only.
        (
            &["clients.jsonl", "--output-encoding", "shift_jis"],
            "エラー: --output-encoding shift_jis は CSV の出力だけに使えます（JSONL と xlsx は UTF-8 です）。例 -o 試算.csv --output-encoding shift_jis\n",
        ),
        (
            &["--sheet", "Sheet2"],
            "エラー: --sheet は Excel のブック（.xlsx）の入力にだけ使えます。例 subsidy batch 顧客一覧.xlsx --sheet Sheet2\n",
        ),
        (
            &["--format", "xlsx"],
            "エラー: xlsx は標準出力に書けません。ファイルを指定してください。例 -o estimates.xlsx\n",
        ),
        (
            &["--format", "jsonl", "--output-encoding", "shift_jis"],
            "エラー: --output-encoding shift_jis は CSV の出力だけに使えます（JSONL と xlsx は UTF-8 です）。例 -o 試算.csv --output-encoding shift_jis\n",
        ),
        (
            &["missing.xlsx"],
            "エラー: 'missing.xlsx' を Excel のファイルとして読めません: ",
        ),
    ];
    for (args, said) in cases {
        let stderr = subsidy()
            .current_dir(dir.path())
            .arg("batch")
            .args(args)
            .stdin(CLIENTS)
            .refused(&[]);
        assert!(stderr.starts_with(said), "{stderr}");
    }
}

/// More rows than an Excel sheet holds (1,048,576 with the header) are
/// refused before any row is estimated, with a hint, and nothing is written.
#[test]
fn an_input_past_excels_rows_is_refused_up_front_for_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::from("facility,cost\n");
    input.push_str(&"clinic,1\n".repeat(1_048_576));
    std::fs::write(dir.path().join("big.csv"), input).unwrap();
    subsidy()
        .current_dir(dir.path())
        .args(["batch", "big.csv", "-o", "big.xlsx"])
        .timeout(std::time::Duration::from_secs(60))
        .refused(&[
            "Excel の1シートの上限（1,048,576行）を超えます（1,048,577行以上）",
            "--shape summary",
        ]);
    assert!(!dir.path().join("big.xlsx").exists());
}

/// Within 90 days of the rule data (2026-05-25 → 2026-06-01: 7 days), the
/// 情報 sheet says its age and no note.
#[test]
fn a_fresh_about_sheet_has_the_age_and_no_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clients.csv"), CLIENTS).unwrap();
    let out = subsidy()
        .lang("en")
        .current_dir(dir.path())
        .args([
            "batch",
            "clients.csv",
            "--as-of",
            "2026-06-01",
            "-o",
            "e.xlsx",
        ])
        .output();
    assert_eq!(out.status.code(), Some(0));
    let about = sheet(&dir.path().join("e.xlsx"), "About");
    let labels: Vec<String> = about.iter().map(|r| text(&r[0])).collect();
    let age = about
        .iter()
        .find(|r| text(&r[0]) == "Rule data age")
        .unwrap();
    assert_eq!(text(&age[1]), "Rule data of 2026-05-25 (7 days old)");
    assert!(!labels.iter().any(|l| l == "Note"), "{labels:?}");
}
