//! `subsidy diff` on rounds: dates are named by their kind and label, so
//! a round removed and another moved are said as such, each with its own
//! date and cite. デジタル化・AI導入補助金 インボイス枠（電子取引類型）,
//! data/digital-ai-etrade.toml's `[[dates]]`, from 004 l.136–139:
//! 「第1次申請締切日 5月 12日」「第2次申請締切日 6月 15日」「第3次申請締切日
//! 7月 21日」「第4次申請締切日 8月 25日」.

use serde_json::Value;

use super::{copy, edit, lines_starting};
use crate::support::subsidy;

/// The program's file.
const ETRADE: &str = "digital-ai-etrade.toml";

/// A copy of `data/` in `dir/new` without round 1 of the program, and
/// round 2 moved from 2026-06-15 to 2026-06-30 (its cite with it).
fn round_1_removed_round_2_moved(dir: &std::path::Path) {
    let new = copy(dir, "new");
    let text = std::fs::read_to_string(new.join(ETRADE)).unwrap();
    let start = text
        .find("[[dates]]\nkind = \"deadline\"\ndate = \"2026-05-12\"")
        .unwrap();
    let end = start + 1 + text[start + 1..].find("[[dates]]").unwrap();
    assert!(text[start..end].contains("第1次申請締切日 5月 12日"));
    std::fs::write(
        new.join(ETRADE),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    edit(
        &new,
        ETRADE,
        "date = \"2026-06-15\"",
        "date = \"2026-06-30\"",
    );
    edit(
        &new,
        ETRADE,
        "セキュリティ対策推進枠「第2次申請締切日 6月 15日」",
        "セキュリティ対策推進枠「第2次申請締切日 6月 30日」",
    );
}

#[test]
fn a_round_removed_and_another_moved_are_named_with_their_dates_and_cites() {
    let dir = tempfile::tempdir().unwrap();
    round_1_removed_round_2_moved(dir.path());
    let run = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args(["diff", "builtin", "new"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(
        text.contains("制度 追加 0、削除 0、変更 1（変更点 2）"),
        "{text}"
    );
    assert_eq!(
        lines_starting(&text, "  ["),
        [
            "  [期間] 申請期限「第1次申請締切」 2026-05-12 を削除",
            "  [期間] 申請期限「第2次申請締切」の日付: 2026-06-15 → 2026-06-30",
        ],
        "{text}"
    );
    let schedule = "004 <今後のスケジュール>通常枠、インボイス枠（インボイス対応類型、電子取引類型）、セキュリティ対策推進枠";
    let year = "（年は令和8年の資料から2026年と判断）";
    assert_eq!(
        lines_starting(&text, "    出典: "),
        [
            format!("    出典: {schedule}「第1次申請締切日 5月 12日」{year}"),
            format!(
                "    出典: {schedule}「第2次申請締切日 6月 15日」{year} → {schedule}「第2次申請締切日 6月 30日」{year}"
            ),
        ],
        "{text}"
    );

    let run = subsidy()
        .current_dir(dir.path())
        .args(["diff", "builtin", "new", "--format", "json"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_slice(&run.stdout).unwrap();
    let changes = json["changed"][0]["changes"].as_array().unwrap();
    let paths: Vec<&str> = changes
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "dates[deadline:第1次申請締切]",
            "dates[deadline:第2次申請締切].date",
        ]
    );
    assert_eq!(changes[0]["old"]["date"], "2026-05-12");
    assert_eq!(changes[0]["new"], Value::Null);
    assert_eq!(changes[1]["old"], "2026-06-15");
    assert_eq!(changes[1]["new"], "2026-06-30");
    assert_eq!(changes[1]["records"][0]["kind"]["ja"], "申請期限");
}
