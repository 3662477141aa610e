//! `subsidy diff --clients`, more: a grant that can no longer be worked
//! out (or now can) is a change; a row only one catalogue refuses says
//! which refused it.
//!
//! 電子カルテ情報共有サービス (data/ehr-sharing.toml), 001 l.122, 大規模病院
//! （200床以上）・健診未実施: 「5,081千円を上限に補助 (事業額の10,162千円を
//! 上限に その1/2を補助)」. A 250-bed hospital without checkups at
//! 14,000,000円: min(14,000,000, 10,162,000) × 1/2 = 5,081,000円.

use serde_json::Value;

use super::{AS_OF, copy};
use crate::support::subsidy;

/// Two hospitals of tests/diff/clients.csv: C01 (250 beds) and C02 (300 beds,
/// 8,000,000円 × 1/2 = 4,000,000円, under both caps).
const TWO_HOSPITALS: &str = "facility_id,name,program,facility,beds,kenshin,cost,fact:online-qual-in-place,fact:e-prescription-introduced\n\
    C01,あおば病院,ehr-sharing,hospital,250,no,14000000,yes,yes\n\
    C02,いずみ病院,ehr-sharing,hospital,300,no,8000000,yes,yes\n";

/// Replaces every `from` in `file` of `dir` by `to`, `count` of them.
fn edit_all(dir: &std::path::Path, file: &str, from: &str, to: &str, count: usize) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), count, "{file}: {from}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

/// `subsidy diff OLD NEW --clients two.csv` in `dir`, as text 1000 columns
/// wide: its exit code and its lines after the header.
fn clients_text(dir: &std::path::Path, old: &str, new: &str) -> (i32, Vec<String>) {
    let run = subsidy()
        .current_dir(dir)
        .columns(1000)
        .args(["diff", old, new, "--as-of", AS_OF, "--clients", "two.csv"])
        .run();
    let text = String::from_utf8(run.stdout).unwrap();
    (run.code, text.lines().skip(1).map(str::to_string).collect())
}

/// The large tiers moved to 300 beds and up: the 250-bed hospital is in no
/// tier's beds, which the sources neither include nor exclude (要確認, the
/// amount not stated). Its grant can no longer be worked out: a change of
/// its program, not only of its total; and the other way, one now known.
#[test]
fn a_grant_no_longer_or_newly_worked_out_is_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let beds = copy(dir.path(), "beds");
    edit_all(
        &beds,
        "ehr-sharing.toml",
        "beds_min = 200\n",
        "beds_min = 300\n",
        2,
    );
    std::fs::write(dir.path().join("two.csv"), TWO_HOSPITALS).unwrap();

    let (code, lines) = clients_text(dir.path(), "builtin", "beds");
    assert_eq!(code, 1, "{lines:?}");
    assert_eq!(
        lines,
        [
            "2件中 1件に変更: 対象になった 0、対象外になった 0、補助額増 0、補助額減 0、補助額が不明に 1、補助額が判明 0、申請期限の変更 0、確認事項の追加 0",
            "",
            "あおば病院（C01）  推奨合計 5,081,000円 → なし（-5,081,000円）",
            "  電子カルテ情報共有サービス導入補助: 補助額 5,081,000円 → 不明",
        ]
    );
    let (code, lines) = clients_text(dir.path(), "beds", "builtin");
    assert_eq!(code, 1, "{lines:?}");
    assert_eq!(
        lines[1..],
        [
            "",
            "あおば病院（C01）  推奨合計 なし → 5,081,000円（+5,081,000円）",
            "  電子カルテ情報共有サービス導入補助: 補助額 不明 → 5,081,000円",
        ]
    );
    assert!(
        lines[0].contains("補助額が不明に 0、補助額が判明 1"),
        "{}",
        lines[0]
    );

    let run = subsidy()
        .current_dir(dir.path())
        .args([
            "diff",
            "builtin",
            "beds",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--clients",
            "two.csv",
        ])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["grant_unknown"], 1);
    assert_eq!(json["summary"]["grant_known"], 0);
    let program = &json["clients"][0]["programs"][0];
    assert_eq!(program["shifts"], serde_json::json!(["grant-unknown"]));
    assert_eq!(program["old_grant"], 5_081_000);
    assert_eq!(program["new_grant"], Value::Null);
}

/// The fact 電子処方箋管理サービスを導入している renamed in one catalogue:
/// the list's `fact:e-prescription-introduced` column is refused by that
/// one only, and the row's error says which (OLD or NEW, and its name); a
/// row both refuse alike (a facility misspelt) is said as a batch says it.
#[test]
fn a_row_one_catalogue_refuses_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = copy(dir.path(), "renamed");
    edit_all(
        &renamed,
        "ehr-sharing.toml",
        "\"e-prescription-introduced\"",
        "\"e-prescription-in-use\"",
        2,
    );
    let mut list = TWO_HOSPITALS.to_string();
    list.push_str("C11,さくら病院,ehr-sharing,hosptal,250,no,14000000,yes,\n");
    std::fs::write(dir.path().join("two.csv"), list).unwrap();
    let refused = "の規則データでだけ読めません: 要件 の値 'e-prescription-introduced=yes' は使えません: 事実 'e-prescription-introduced' を問う制度はありません。";
    for (old, new, which) in [
        ("builtin", "renamed", "NEW（renamed）"),
        ("renamed", "builtin", "OLD（renamed）"),
    ] {
        let (code, lines) = clients_text(dir.path(), old, new);
        assert_eq!(code, 2, "{lines:?}");
        assert_eq!(lines[1], "読めない行 3件（行 2, 3, 4）", "{lines:?}");
        let errors: Vec<&String> = lines.iter().filter(|l| l.contains("行目: ")).collect();
        assert_eq!(errors.len(), 3, "{lines:?}");
        for (row, error) in ["2行目: ", "3行目: "].iter().zip(&errors) {
            assert!(
                error.starts_with(&format!("{row}{which}{refused}")),
                "{error}"
            );
        }
        assert!(
            errors[2].starts_with("4行目: ") && errors[2].contains("hosptal"),
            "{}",
            errors[2]
        );
        assert!(
            !errors[2].contains("OLD") && !errors[2].contains("NEW"),
            "{}",
            errors[2]
        );
    }
}
