//! `subsidy report`: the one-page A4 PDF for a facility (issue 25, item 2).
//!
//! What the page says is tested on the report's blocks (the library's
//! `report::printed`), which need no font; the PDF itself needs a Japanese
//! font and poppler's `pdftotext` and `pdfinfo` to read it back (Debian's
//! fonts-noto-cjk and poppler-utils; `.ci/run` installs both). Without them
//! those tests say so and pass, except under CI (`CI` set), where they fail.

use std::process::Command;

use subsidy::Lang;
use subsidy::core::catalogue::{Catalogue, FacilityClass};
use subsidy::input::request::{Checker, Request};
use subsidy::report::printed::{About, Block, facility_report};
use subsidy::report::{CalcReport, CalcView};

use crate::support::subsidy;

/// The design card: a 250-bed hospital with 健診, 14,000,000円, before
/// ehr-sharing's deadline.
const DESIGN_CARD: [&str; 8] = [
    "--facility",
    "hospital",
    "--beds",
    "250",
    "--kenshin",
    "yes",
    "--cost",
    "14000000",
];

/// The blocks of the design card's report on 2026-11-21.
fn design_card_blocks(lang: Lang) -> Vec<Block> {
    let catalogue = Catalogue::embedded().unwrap();
    let checker = Checker::new(&catalogue);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let request = Request {
        facility: Some(FacilityClass::Hospital.into()),
        beds: Some(250),
        kenshin: Some(true),
        cost: Some(14_000_000),
        ..Request::default()
    };
    let estimates = checker.estimates(&request, as_of, true).unwrap();
    let mut query = checker.profile(&request, as_of).unwrap();
    query.cost = request.cost;
    let report = CalcReport::new(&estimates, &[], &query, CalcView::default());
    let receipt = catalogue.receipt();
    let about = About {
        client: Some("架空総合病院"),
        cost: request.cost,
    };
    facility_report(
        &report,
        &query,
        about,
        receipt,
        receipt.age(as_of).as_ref(),
        lang,
    )
}

/// The blocks as text, without the word joiners (U+2060) that keep a
/// date or a count on one line.
/// The blocks of a clinic in 福岡県 with a 380,000円 project on 2025-12-01.
fn fukuoka_clinic_blocks() -> Vec<Block> {
    let catalogue = Catalogue::embedded().unwrap();
    let checker = Checker::new(&catalogue);
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    let request = Request {
        facility: Some(FacilityClass::Clinic.into()),
        prefecture: Some("福岡県".to_string()),
        cost: Some(380_000),
        ..Request::default()
    };
    let (estimates, query) = checker.estimates_and_query(&request, as_of, true).unwrap();
    let report = CalcReport::new(&estimates, &[], &query, CalcView::default());
    let about = About {
        client: None,
        cost: request.cost,
    };
    let receipt = catalogue.receipt();
    facility_report(
        &report,
        &query,
        about,
        receipt,
        receipt.age(as_of).as_ref(),
        Lang::Ja,
    )
}

fn text_of(blocks: &[Block]) -> String {
    format!("{blocks:?}").replace("\\u{2060}", "")
}

fn plain(text: &str) -> String {
    text.replace('\u{2060}', "")
}

/// 001 / 003 No.12: 大規模病院・健診実施 13,158,000 × 1/2 = 6,579,000円,
/// 申請は令和13年9月30日まで (001 「令和13年9月30日までに申請」).
#[test]
fn the_design_card_report_gives_the_grant_its_deadline_and_the_data_version() {
    let blocks = design_card_blocks(Lang::Ja);
    let Some(Block::Total(total)) = blocks.iter().find(|b| matches!(b, Block::Total(_))) else {
        panic!("no total: {blocks:?}");
    };
    assert!(total.contains("6,579,000円"), "{total}");
    let Some(Block::Table { rows, .. }) = blocks.iter().find(|b| matches!(b, Block::Table { .. }))
    else {
        panic!("no table: {blocks:?}");
    };
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][2], "6,579,000円");
    assert!(rows[0][3].starts_with("2031-09-30"), "{:?}", rows[0]);
    assert!(
        plain(&rows[0][3]).contains("令和13年9月30日"),
        "{:?}",
        rows[0]
    );
    let text = text_of(&blocks);
    assert!(text.contains("架空総合病院"), "{text}");
    assert!(text.contains("規則データ 2026-05-25版"), "{text}");
    // The contact the data gives for ehr-sharing (001), and how to apply.
    assert!(text.contains("0800-080-4583"), "{text}");
    assert!(text.contains("医療機関等向け総合ポータルサイト"), "{text}");
}

/// The recommended combination, not the largest single grant: 電子処方箋
/// (003 No.9, 診療所 ① 1/2 of 380,000 = 190,000円, under its 190,000円 cap)
/// topped up by 福岡県's 電子処方箋導入促進費 (003 No.11: 1/4 of 380,000 =
/// 95,000円): 285,000円 in all, 95,000円 left to the clinic.
#[test]
fn the_report_totals_the_recommended_combination() {
    let blocks = fukuoka_clinic_blocks();
    let Some(Block::Total(total)) = blocks.iter().find(|b| matches!(b, Block::Total(_))) else {
        panic!("no total: {blocks:?}");
    };
    assert!(total.contains("合計 285,000円"), "{total}");
    assert!(total.contains("自己負担 95,000円"), "{total}");
    let Some(Block::Table { rows, .. }) = blocks.iter().find(|b| matches!(b, Block::Table { .. }))
    else {
        panic!("no table: {blocks:?}");
    };
    let grants: Vec<&str> = rows.iter().map(|row| row[2].as_str()).collect();
    assert_eq!(grants, ["190,000円", "95,000円"]);
    assert!(rows[1][1].starts_with("上乗せ"), "{:?}", rows[1]);
}

/// What is left to ask is said in sentences: no id, no flag.
#[test]
fn the_questions_are_sentences_without_ids_or_flags() {
    let blocks = design_card_blocks(Lang::Ja);
    let Some(Block::Bullets(questions)) = blocks.iter().find(|b| matches!(b, Block::Bullets(_)))
    else {
        panic!("no questions: {blocks:?}");
    };
    // ehr-sharing's two requirements (001): オンライン資格確認, 電子処方箋.
    assert_eq!(questions.len(), 2, "{questions:?}");
    assert!(questions[0].contains("オンライン資格確認"), "{questions:?}");
    for question in questions {
        assert!(!question.contains("--"), "{question}");
        assert!(!question.contains("online-qual"), "{question}");
        assert!(!question.contains("fact"), "{question}");
    }
}

#[test]
fn the_report_is_in_english_on_request() {
    let text = text_of(&design_card_blocks(Lang::En));
    assert!(text.contains("6,579,000 yen"), "{text}");
    assert!(text.contains("Rule data of 2026-05-25"), "{text}");
}

/// Whether `missing` (a tool, a font) lets a PDF test be skipped: here
/// it says so; under CI it fails.
fn skipped(missing: &str) -> bool {
    assert!(
        std::env::var_os("CI").is_none(),
        "{missing} is missing (apt-get install poppler-utils fonts-noto-cjk)"
    );
    eprintln!("report: {missing} is missing here; the PDF is not read back");
    true
}

fn has_tool(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// `subsidy report` for the design card: one A4 page whose text holds the
/// grant, the deadline and the data version.
#[test]
fn the_design_card_pdf_is_one_a4_page_with_the_grant_and_the_deadline() {
    if !(has_tool("pdftotext") && has_tool("pdfinfo")) && skipped("pdftotext or pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    let run = subsidy()
        .arg("report")
        .args(DESIGN_CARD)
        .args(["--as-of", "2026-11-21", "-o"])
        .arg(&pdf)
        .run();
    if run.stderr.contains("日本語のフォントが見つかりません") && skipped("a Japanese font")
    {
        return;
    }
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           1\n"), "{info}");
    // A4: 595.28 x 841.89 pt.
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for needle in [
        "6,579,000円",
        "2031-09-30",
        "2026-05-25",
        "申請の方法と問合せ先",
    ] {
        assert!(text.contains(needle), "{needle:?} not in {text}");
    }
}

#[test]
fn a_font_that_is_not_a_font_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_font = dir.path().join("font.ttf");
    std::fs::write(&not_a_font, "not a font").unwrap();
    let pdf = dir.path().join("report.pdf");
    subsidy()
        .lang("en")
        .arg("report")
        .args(DESIGN_CARD)
        .arg("--font")
        .arg(&not_a_font)
        .arg("-o")
        .arg(&pdf)
        .refused(&[
            "--font",
            "font.ttf",
            "cannot be read as a font",
            "for example --font",
        ]);
    assert!(!pdf.exists());
}

#[test]
fn a_bad_value_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    subsidy()
        .lang("en")
        .args(["report", "--facility", "hosptal", "-o"])
        .arg(&pdf)
        .refused(&["--facility", "hosptal"]);
    assert!(!pdf.exists());
}

/// `batch --report DIR`: a report per facility and an index of them, with
/// the recommended totals worked above (6,579,000円; 190,000 + 95,000 =
/// 285,000円), a row with an error listed with it and given no report.
#[test]
fn batch_writes_a_report_per_facility_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("clients.csv");
    std::fs::write(
        &list,
        "facility_id,name,facility,beds,kenshin,cost,prefecture\n\
         H001,架空総合病院,hospital,250,yes,14000000,\n\
         C001,さくら内科,clinic,,,380000,福岡県\n\
         X9,壊れた行,hosptal,250,yes,1,\n",
    )
    .unwrap();
    let out = dir.path().join("reports");
    let run = subsidy()
        .arg("batch")
        .arg(&list)
        .args(["--as-of", "2025-12-01", "--report"])
        .arg(&out)
        .run();
    if run.stderr.contains("日本語のフォントが見つかりません") && skipped("a Japanese font")
    {
        return;
    }
    // A row failed: exit 1, as any batch with a failed row.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("2件の報告書"), "{}", run.stderr);
    let index = std::fs::read_to_string(out.join("index.csv")).unwrap();
    let lines: Vec<&str> = index.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}行,施設,ファイル,おすすめ合計（円）,エラー"
    );
    assert_eq!(
        lines[1],
        "2,架空総合病院（H001）,00002-架空総合病院（H001）.pdf,6579000,"
    );
    assert_eq!(
        lines[2],
        "3,さくら内科（C001）,00003-さくら内科（C001）.pdf,285000,"
    );
    assert!(lines[3].starts_with("4,壊れた行（X9）,,,"), "{}", lines[3]);
    assert!(lines[3].contains("hosptal"), "{}", lines[3]);
    assert_eq!(lines.len(), 4);
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "00002-架空総合病院（H001）.pdf",
            "00003-さくら内科（C001）.pdf",
            "index.csv"
        ]
    );
    let pdf = std::fs::read(out.join("00003-さくら内科（C001）.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

/// A directory that holds files is never written into; nothing is made.
#[test]
fn batch_report_refuses_a_directory_with_files_in_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    subsidy()
        .lang("en")
        .args(["batch", "--report"])
        .arg(dir.path())
        .stdin("facility,cost\nclinic,100000\n")
        .refused(&["--report", "already holds files", "for example --report"]);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}
