//! A workbook a consultant hands to a client as it is (issue 25, item 3):
//! one row per facility by default, the client's columns first, then the
//! recommended total and its programs by name; 要確認 as questions and 備考
//! in words, never an id; in the long shape, the results only one of which
//! can be applied for marked alike in 択一; ids in a technical sheet, row
//! for row; printed on A4 landscape, at most 12 columns a page, never under
//! 75 % of 11 pt.
//!
//! Ten facilities on 2025-12-01, worked by hand from the sources:
//! - C001, a 福岡県 clinic of 380,000円: e-prescription ① 380,000 × 1/2 =
//!   190,000 (003 l.633–635, No.9 診療所: 1/2, 補助限度額 19.4万円, 事業額
//!   上限 38.7万円) and 福岡県's top-up ① 380,000 × 1/4 = 95,000 (003
//!   l.761–763, No.11 診療所: 1/4, 補助上限額 9.7万円): 285,000円.
//! - H001, the design card's hospital (250 beds, 健診実施, 14,000,000円):
//!   ehr-sharing 13,158,000 × 1/2 = 6,579,000円 (001 l.111, 大規模病院).
//! - H002, 150 beds, 健診 not given, 8,170,000円: ehr-sharing's two mid
//!   tiers both pay 4,085,000円 (001 l.111, 健診実施: 10,913千円の1/2 up
//!   to 5,457千円; l.122, 健診未実施: 8,170千円の1/2 = 4,085千円), one of
//!   which is the hospital's.
//! - H003 says it has no online eligibility confirmation: the programs
//!   that require it are named with the requirement, in words.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::support::{csv_rows, subsidy};

const AS_OF: &str = "2025-12-01";

const CLIENTS: &str = "\
facility_id,name,facility,beds,kenshin,cost,prefecture,fact:online-qual-in-place
C001,さくら内科,clinic,0,,380000,福岡県,
C002,みなと歯科,clinic,0,,300000,,
H001,みどり総合病院,hospital,250,yes,14000000,,yes
H002,あおば病院,hospital,150,,8170000,,
H003,ひかり病院,hospital,120,no,9000000,,no
P001,つばさ薬局,pharmacy,0,,500000,福岡県,
C003,やまびこ内科,clinic,0,,380000,東京都,
H004,かわせみ記念病院,hospital,300,yes,12000000,福岡県,yes
C004,ふたば小児科,clinic,0,,,,
X001,壊れた行,hosptal,250,,1000000,,
";

/// Writes the clients into a fresh directory and runs `subsidy batch` on
/// them into `out` with `args`; the directory, to read the output from.
fn run(out: &str, args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clients.csv"), CLIENTS).unwrap();
    let run = subsidy()
        .current_dir(dir.path())
        .args(["batch", "clients.csv", "--as-of", AS_OF, "-o", out])
        .args(args)
        .output();
    // X001's facility cannot be read: its row carries the error (exit 1).
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    dir
}

/// A sheet's cells as calamine reads them, and its header as text.
struct Sheet {
    header: Vec<String>,
    rows: Vec<Vec<Data>>,
}

impl Sheet {
    fn read(path: &Path, name: &str) -> Sheet {
        let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
        let range = workbook.worksheet_range(name).unwrap();
        let mut rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        let header = rows.remove(0).iter().map(text).collect();
        Sheet { header, rows }
    }

    fn at(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The text of column `name` on each row.
    fn column(&self, name: &str) -> Vec<String> {
        let at = self.at(name);
        self.rows
            .iter()
            .map(|r| r.get(at).map(text).unwrap_or_default())
            .collect()
    }

    /// The row whose first cell is `id`.
    fn row(&self, id: &str) -> &[Data] {
        self.rows
            .iter()
            .find(|r| text(&r[0]) == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    fn cell(&self, id: &str, name: &str) -> String {
        self.row(id)
            .get(self.at(name))
            .map(text)
            .unwrap_or_default()
    }
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

/// A file of the workbook (its XML), as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The ids a reader must never meet in words for people: every program's
/// (the rule data's files), the facts the clients' list names, and any
/// kebab-case token (`online-qual-in-place`) or column spelling (`要件:`,
/// `fact:`) or flag (`--`).
fn assert_no_id(cell: &str, context: &str) {
    let programs = std::fs::read_dir("data")
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".toml").map(str::to_string)
        })
        .filter(|name| name.contains('-'));
    for id in programs.chain(["online-qual-in-place".to_string()]) {
        assert!(!cell.contains(&id), "{context}: {id} in {cell:?}");
    }
    for spelling in ["要件:", "fact:", "--", "費目:", "item:"] {
        assert!(
            !cell.contains(spelling),
            "{context}: {spelling} in {cell:?}"
        );
    }
    let kebab = cell
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .find(|token| {
            let parts: Vec<&str> = token.split('-').collect();
            parts.len() > 1 && parts.iter().all(|p| !p.is_empty())
        });
    assert_eq!(kebab, None, "{context}: an id in {cell:?}");
}

/// The default workbook: a row per facility, what a client reads first,
/// no id in the words, the ids on the technical sheet row for row.
#[test]
fn a_workbook_is_one_row_per_facility_in_words_a_client_reads() {
    let dir = run("試算.xlsx", &[]);
    let path = dir.path().join("試算.xlsx");
    let workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["試算", "情報", "技術情報"]);

    let main = Sheet::read(&path, "試算");
    // The client's columns first, then the recommended total and its programs.
    assert_eq!(
        main.header[..4],
        [
            "facility_id",
            "name",
            "おすすめ合計",
            "おすすめの組み合わせ"
        ]
    );
    // One row per facility, in the list's order.
    let ids: Vec<String> = main.rows.iter().map(|r| text(&r[0])).collect();
    let listed: Vec<&str> = CLIENTS
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, listed);
    // No id column for people: they are on the technical sheet.
    for id_column in ["制度ID", "最大の制度ID", "要確認の列", "規則データ版"] {
        assert!(
            !main.header.iter().any(|h| h == id_column),
            "{id_column} on the first sheet: {:?}",
            main.header
        );
    }

    // C001: 190,000 + 95,000 = 285,000円, by the programs' short names.
    assert_eq!(
        main.row("C001")[main.at("おすすめ合計")],
        Data::Float(285_000.0)
    );
    assert_eq!(
        main.cell("C001", "おすすめの組み合わせ"),
        "電子処方箋管理サービス導入補助 190,000円＋福岡県 電子処方箋導入促進費補助金 95,000円"
    );
    // H001, the design card: 6,579,000円 of ehr-sharing.
    assert_eq!(
        main.row("H001")[main.at("おすすめ合計")],
        Data::Float(6_579_000.0)
    );
    assert_eq!(
        main.cell("H001", "おすすめの組み合わせ"),
        "電子カルテ情報共有サービス導入補助 6,579,000円"
    );
    // What H001 is still to be asked: a question in the requirement's words.
    assert!(
        main.cell("H001", "要確認").starts_with(
            "「電子処方箋管理サービスを導入している（導入する旨の申し出がある場合は導入しているとみなす）」に当てはまりますか？"
        ),
        "{}",
        main.cell("H001", "要確認")
    );
    // H003 said no: the programs that require it, named, and the requirement in words.
    let note = main.cell("H003", "備考");
    let failed = note
        .lines()
        .find(|l| l.contains("要件を満たしていません：オンライン資格確認等システムを導入している"))
        .unwrap_or_else(|| panic!("{note}"));
    assert!(
        failed.starts_with("オンライン資格確認（医療扶助）、")
            && failed.contains("電子処方箋管理サービス導入補助")
            && failed.contains("電子カルテ情報共有サービス導入補助"),
        "{failed}"
    );
    // A 福岡県 program is not counted where no prefecture is given, and the note says why.
    assert!(
        main.cell("H001", "備考")
            .contains("福岡県の施設が対象です。都道府県の指定がないため含めていません。"),
        "{}",
        main.cell("H001", "備考")
    );
    // C004 gave no cost: nothing is recommended; many questions, the rest counted.
    assert_eq!(main.cell("C004", "おすすめ合計"), "");
    let asked = main.cell("C004", "要確認");
    assert_eq!(asked.lines().count(), 8, "{asked}");
    assert!(asked.lines().last().unwrap().starts_with("ほか"), "{asked}");
    // X001 cannot be read: its error, and nothing else.
    assert!(main.cell("X001", "エラー").contains("hosptal"));
    assert_eq!(main.cell("X001", "おすすめ合計"), "");

    // No id in 要確認, 備考 or the combination, on any row; each question is one.
    for (column, cells) in ["要確認", "備考", "おすすめの組み合わせ"]
        .iter()
        .map(|c| (c, main.column(c)))
    {
        for (id, cell) in ids.iter().zip(&cells) {
            assert_no_id(cell, &format!("{id} {column}"));
        }
    }
    for (id, asked) in ids.iter().zip(main.column("要確認")) {
        for line in asked.lines().filter(|l| !l.starts_with("ほか")) {
            assert!(line.contains('？'), "{id}: {line}");
        }
    }

    // The technical sheet: the row, the ids and the columns to fill, row for row.
    let tech = Sheet::read(&path, "技術情報");
    assert_eq!(
        tech.header,
        ["行", "最大の制度ID", "要確認の列", "基準日", "規則データ版"]
    );
    assert_eq!(main.column("行"), tech.column("行"));
    assert_eq!(
        tech.column("行"),
        (2..=11).map(|n| n.to_string()).collect::<Vec<_>>()
    );
    let c001 = &tech.rows[0];
    assert!(text(&c001[tech.at("要確認の列")]).contains("要件:online-qual-in-place"));
    assert_eq!(text(&tech.rows[2][tech.at("最大の制度ID")]), "ehr-sharing");
}

/// The first sheet prints on A4 landscape, its header on every page, its
/// printed columns (the client's and what the client reads) at most 12 and
/// fitted to the page's width at no less than 75 %, with gridlines; a row
/// of wrapped questions is as tall as they are.
#[test]
fn the_first_sheet_prints_readably_on_a4() {
    for (shape, printed) in [("summary", 10), ("long", 12)] {
        let dir = run("試算.xlsx", &["--shape", shape]);
        let path = dir.path().join("試算.xlsx");
        let sheet = part(&path, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains("paperSize=\"9\"") && sheet.contains("orientation=\"landscape\""),
            "{shape}"
        );
        assert!(sheet.contains("<printOptions gridLines=\"1\"/>"), "{shape}");
        // One page wide (fitToWidth's default, 1), as many pages down as it takes.
        assert!(
            sheet.contains("<pageSetUpPr fitToPage=\"1\"/>")
                && sheet.contains("fitToHeight=\"0\"")
                && !sheet.contains("fitToWidth="),
            "{shape}"
        );
        // Fitted to the width: scale by the width at 75 % or more (no scale below it).
        if let Some(scale) = sheet.split("scale=\"").nth(1) {
            let scale: u32 = scale.split('"').next().unwrap().parse().unwrap();
            assert!(scale >= 75, "{shape}: {scale}");
        }
        // Rows of wrapped text are made as tall as it is.
        assert!(sheet.contains("customHeight=\"1\""), "{shape}");
        let workbook = part(&path, "xl/workbook.xml");
        assert!(
            workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">試算!$1:$1</definedName>"),
            "{workbook}"
        );
        let area = workbook
            .split("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .unwrap_or_else(|| panic!("{shape}: no print area in {workbook}"));
        // 試算!$A$1:$J$11: the columns A to J.
        let last = area.split(":$").nth(1).unwrap().split('$').next().unwrap();
        let columns = last
            .bytes()
            .fold(0, |n, b| n * 26 + usize::from(b - b'A' + 1));
        assert_eq!(columns, printed, "{shape}: {area}");
        assert!(columns <= 12);
    }
}

/// The long shape: 択一 marks the results of one facility only one of
/// which can be applied for, alike in the workbook and in CSV.
#[test]
fn one_of_marks_the_alternatives_in_the_long_shape() {
    let dir = run("明細.xlsx", &["--shape", "long"]);
    let path = dir.path().join("明細.xlsx");
    let main = Sheet::read(&path, "試算");
    assert_eq!(
        main.header[..7],
        [
            "facility_id",
            "name",
            "制度名",
            "区分名",
            "対象区分",
            "択一",
            "補助額"
        ]
    );
    let (ids, programs, grants, one_of) = (
        main.column("facility_id"),
        main.column("制度名"),
        main.column("補助額"),
        main.column("択一"),
    );
    let rows_of = |id: &str, program: &str| -> Vec<(String, String)> {
        (0..ids.len())
            .filter(|&i| ids[i] == id && programs[i] == program)
            .map(|i| (grants[i].clone(), one_of[i].clone()))
            .collect()
    };
    // H002: two rows of 4,085,000円, one group, and no other row in it.
    let ehr = rows_of("H002", "電子カルテ情報共有サービスの導入に係る補助金");
    assert_eq!(ehr.len(), 2, "{ehr:?}");
    assert!(ehr.iter().all(|(grant, _)| grant == "4085000"), "{ehr:?}");
    let label = &ehr[0].1;
    assert!(!label.is_empty() && ehr[1].1 == *label, "{ehr:?}");
    let in_group = (0..ids.len())
        .filter(|&i| ids[i] == "H002" && one_of[i] == *label)
        .count();
    assert_eq!(in_group, 2);
    // C001: e-prescription's two variants are one group, 福岡県's three
    // another; the expansion's two variants stand alone.
    let national = rows_of("C001", "電子処方箋管理サービスの導入に係る補助金");
    let top_up = rows_of("C001", "福岡県電子処方箋導入促進費補助金");
    assert_eq!((national.len(), top_up.len()), (2, 3));
    assert!(!national[0].1.is_empty() && national.iter().all(|r| r.1 == national[0].1));
    assert!(!top_up[0].1.is_empty() && top_up.iter().all(|r| r.1 == top_up[0].1));
    assert_ne!(
        national[0].1, top_up[0].1,
        "a top-up is not one of its base"
    );
    let expansion = rows_of("C001", "電子処方箋の機能拡充の促進事業");
    assert_eq!(expansion.len(), 2);
    assert!(expansion.iter().all(|r| r.1.is_empty()), "{expansion:?}");
    // Labels start again from A for each facility.
    let first: Vec<&String> = (0..ids.len())
        .filter(|&i| ids[i] == "C002" && !one_of[i].is_empty())
        .map(|i| &one_of[i])
        .collect();
    assert_eq!(first[0], "A");
    // 要確認 in words on every row.
    for (i, asked) in main.column("要確認").iter().enumerate() {
        assert_no_id(asked, &format!("{} {}", ids[i], programs[i]));
    }
    // The ids, row for row, on the technical sheet.
    let tech = Sheet::read(&path, "技術情報");
    assert_eq!(
        tech.header,
        [
            "行",
            "制度ID",
            "区分ID",
            "対象区分ID",
            "要確認の列",
            "基準日",
            "規則データ版",
            "拡張"
        ]
    );
    assert_eq!(tech.rows.len(), main.rows.len());
    let tech_programs = tech.column("制度ID");
    for i in 0..ids.len() {
        if programs[i] == "電子カルテ情報共有サービスの導入に係る補助金" {
            assert_eq!(tech_programs[i], "ehr-sharing");
        }
    }
    // The same groups in CSV (one model, every format), and JSONL's `one_of`.
    let csv = subsidy()
        .current_dir(dir.path())
        .args(["batch", "clients.csv", "--as-of", AS_OF])
        .output();
    let (header, rows) = csv_rows(&csv.stdout);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let from_csv: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r[at("制度名")].clone(), r[at("択一")].clone()))
        .collect();
    let from_xlsx: Vec<(String, String)> = programs.iter().cloned().zip(one_of.clone()).collect();
    assert_eq!(from_csv, from_xlsx);
    let jsonl = subsidy()
        .current_dir(dir.path())
        .args([
            "batch",
            "clients.csv",
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
        ])
        .output();
    let labels: Vec<String> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let line: serde_json::Value = serde_json::from_str(l).unwrap();
            line["one_of"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(labels, one_of);
}

/// In English the sheets and columns are English, the technical sheet
/// `Technical`, and a CSV or JSONL output keeps the long shape by default.
#[test]
fn english_sheets_and_the_default_shapes() {
    let dir = run("estimates.xlsx", &["--lang", "en"]);
    let path = dir.path().join("estimates.xlsx");
    let workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["Estimates", "About", "Technical"]);
    let main = Sheet::read(&path, "Estimates");
    assert_eq!(
        main.header[..4],
        [
            "facility_id",
            "name",
            "recommended_total",
            "recommended_programs"
        ]
    );
    assert_eq!(
        main.cell("C001", "recommended_programs"),
        "E-prescription service adoption 190,000 yen + Fukuoka e-prescription top-up 95,000 yen"
    );
    assert!(
        main.cell("H001", "to_confirm")
            .starts_with("Does this hold: The e-prescription management service is in"),
        "{}",
        main.cell("H001", "to_confirm")
    );
    // CSV: the long shape, a row per result.
    let csv = subsidy()
        .current_dir(dir.path())
        .args(["batch", "clients.csv", "--as-of", AS_OF, "--lang", "en"])
        .output();
    let (header, rows) = csv_rows(&csv.stdout);
    assert!(header.iter().any(|h| h == "one_of"));
    assert!(rows.len() > 10, "{} rows", rows.len());
}
