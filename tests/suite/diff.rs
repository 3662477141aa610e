//! `subsidy diff OLD NEW`: what changed between two catalogues, and
//! (`--clients`) whom it touches.
//!
//! Every test compares the built-in catalogue with a copy of the
//! repository's `data/` made in a temporary directory, with exactly four
//! changes ([`changed_copy`]): one cap, one deadline, one condition and
//! one program added. The amounts are worked by hand from the seeds the
//! data cites (/work/shared/seeds; `data/*.toml` quote them):
//!
//! - 001 l.122, 大規模病院・健診未実施: 「5,081千円を上限に補助 (事業額の
//!   10,162千円を上限に その1/2を補助)」; the copy lowers the 補助上限額 to
//!   4,500,000円.
//! - 001 l.111, 中小規模病院・健診実施: 「5,457千円を上限に補助 (事業額の
//!   10,913千円を上限に その1/2を補助)」.
//! - 003 No.4 (外来診療等): 診療所 l.186–187 「補助率：3/4 補助限度額：12.8万円
//!   ※事業額上限17.1万円」, l.189–190 items 「モバイル端末：4.1万円、レセコン
//!   の改修：…13万円（診療所）」, l.191 1,000円未満切捨て, l.204 申請期日
//!   「令和８年１月15日（木）」; the copy moves it to 2026-03-31.
//! - 003 No.5 (健診実施機関): l.241–244 「補助率：3/4 補助限度額：3.1 万円
//!   ※事業額上限：4.1 万円」, 1,000円未満切捨て, l.257 令和８年１月15日; the
//!   program added is a copy of it under another id.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::support::subsidy;

mod clients;
mod rounds;

/// The day deadlines are judged on: the 2026-01-15 rounds are open.
const AS_OF: &str = "2025-12-01";

/// The repository's catalogue.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// `data/` copied into `dir/name`, unchanged.
fn copy(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::create_dir(&to).unwrap();
    for entry in std::fs::read_dir(data_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    to
}

/// Replaces the one `from` in `file` of `dir` by `to` (and fails if it
/// is not there exactly once).
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{file}: {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A copy of `data/` in `dir/new` with exactly four changes.
fn changed_copy(dir: &Path) -> PathBuf {
    let new = copy(dir, "new");
    // One cap: ehr-sharing 大規模病院・健診未実施, 5,081,000円 → 4,500,000円.
    edit(
        &new,
        "ehr-sharing.toml",
        "grant_cap = 5_081_000",
        "grant_cap = 4_500_000",
    );
    // One deadline: online-qual-outpatient, 2026-01-15 → 2026-03-31.
    edit(
        &new,
        "online-qual-outpatient.toml",
        "date = \"2026-01-15\"",
        "date = \"2026-03-31\"",
    );
    // One condition: ehr-sharing's e-prescription-introduced, in new words.
    edit(
        &new,
        "ehr-sharing.toml",
        "text = { ja = \"電子処方箋管理サービスを導入している（導入する旨の申し出がある場合は導入しているとみなす）\"",
        "text = { ja = \"電子処方箋管理サービスを導入し、運用している\"",
    );
    // One program added: 003 No.5 again, under another id and name.
    let checkup = std::fs::read_to_string(new.join("online-qual-checkup.toml")).unwrap();
    let added = checkup
        .replacen(
            "id = \"online-qual-checkup\"",
            "id = \"checkup-readers-extra\"",
            1,
        )
        .replacen(
            "name = { ja = \"健診実施機関のオンライン資格確認等導入に係る助成金\"",
            "name = { ja = \"健診実施機関の読取端末の追加助成\"",
            1,
        )
        .replacen(
            "short_name = { ja = \"オンライン資格確認（健診実施機関）\", en = \"Online eligibility: checkup providers\" }",
            "short_name = { ja = \"健診機関の読取端末（追加）\", en = \"Checkup readers (added)\" }",
            1,
        );
    assert_ne!(added, checkup);
    std::fs::write(new.join("checkup-readers-extra.toml"), added).unwrap();
    new
}

/// The lines of `text` that start with `prefix`.
fn lines_starting<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    text.lines().filter(|l| l.starts_with(prefix)).collect()
}

#[test]
fn a_copy_with_four_changes_names_exactly_those_four() {
    let dir = tempfile::tempdir().unwrap();
    changed_copy(dir.path());
    let run = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args(["diff", "builtin", "new"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    // The data's version is its newest document's date, the same in both.
    assert_eq!(
        text.lines().next(),
        Some("規則データの比較: builtin（データ 2026-05-25） → new（データ 2026-05-25）"),
        "{text}"
    );
    assert!(
        text.contains("制度 追加 1、削除 0、変更 2（変更点 3）"),
        "{text}"
    );
    assert_eq!(
        lines_starting(&text, "追加: "),
        ["追加: checkup-readers-extra（健診実施機関の読取端末の追加助成）"]
    );
    assert!(lines_starting(&text, "削除: ").is_empty(), "{text}");
    assert_eq!(
        lines_starting(&text, "変更: "),
        [
            "変更: ehr-sharing（電子カルテ情報共有サービスの導入に係る補助金）",
            "変更: online-qual-outpatient（外来診療等（通常とは異なる動線・機器故障時等）におけるオンライン資格確認等導入に係る助成金）",
        ]
    );
    assert_eq!(
        lines_starting(&text, "  ["),
        [
            "  [金額] 区分「大規模病院（200床以上）・健診未実施（2文書6情報）」の補助上限額: 5,081,000円 → 4,500,000円",
            "  [要件] 要件「e-prescription-introduced」の文言: 電子処方箋管理サービスを導入している（導入する旨の申し出がある場合は導入しているとみなす） → 電子処方箋管理サービスを導入し、運用している",
            "  [期間] 申請期限の日付: 2026-01-15 → 2026-03-31",
        ]
    );
    // Each with the cite of its record, as the data records it.
    let cites = lines_starting(&text, "    出典: ");
    assert_eq!(cites.len(), 3, "{text}");
    assert!(
        cites[0].starts_with(
            "    出典: 001 2. 健診未実施医療機関の場合 大規模病院「5,081千円を上限に補助"
        ),
        "{}",
        cites[0]
    );
    assert!(
        cites[1].starts_with("    出典: 003 No.12 内容「"),
        "{}",
        cites[1]
    );
    assert_eq!(
        cites[2],
        "    出典: 003 No.4 申請期日「令和８年１月15日（木）」"
    );
    // Nothing else: a heading, the counts, the programs, the changes and their cites.
    let other: Vec<&str> = text
        .lines()
        .filter(|l| !l.is_empty())
        .filter(|l| {
            ![
                "規則データの比較",
                "制度 追加",
                "追加: ",
                "変更: ",
                "  [",
                "    出典: ",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        })
        .collect();
    assert!(other.is_empty(), "{other:?}");

    // English: the same changes in English words.
    let en = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args(["diff", "builtin", "new", "--lang", "en"])
        .run();
    assert_eq!(en.code, 1);
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(
        en.contains("  [Amount] grant cap of Tier “Large hospital (200+ beds), no health checkups (2 documents, 6 items)”: 5,081,000 yen → 4,500,000 yen"),
        "{en}"
    );
    assert!(
        en.contains("  [Dates] date of application deadline: 2026-01-15 → 2026-03-31"),
        "{en}"
    );
    // The condition's words changed in Japanese only: shown in Japanese,
    // not as the same English twice.
    assert!(
        en.contains("  [Condition] wording of Condition “e-prescription-introduced”: 電子処方箋管理サービスを導入している（導入する旨の申し出がある場合は導入しているとみなす） → 電子処方箋管理サービスを導入し、運用している"),
        "{en}"
    );
}

#[test]
fn the_json_names_the_same_four_changes_with_values_and_cites() {
    let dir = tempfile::tempdir().unwrap();
    changed_copy(dir.path());
    let run = subsidy()
        .current_dir(dir.path())
        .args(["diff", "builtin", "new", "--format", "json"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["equal"], false);
    assert_eq!(json["old"]["name"], "builtin");
    assert_eq!(json["new"]["name"], "new");
    let ids = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&json["added"]), ["checkup-readers-extra"]);
    assert!(ids(&json["removed"]).is_empty());
    assert_eq!(
        ids(&json["changed"]),
        ["ehr-sharing", "online-qual-outpatient"]
    );
    let changes: Vec<&Value> = json["changed"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["changes"].as_array().unwrap())
        .collect();
    let paths: Vec<&str> = changes
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "tiers[large-no-kenshin].grant_cap",
            "conditions[e-prescription-introduced].text",
            "dates[deadline].date",
        ]
    );
    let areas: Vec<&str> = changes
        .iter()
        .map(|c| c["area"].as_str().unwrap())
        .collect();
    assert_eq!(areas, ["figure", "condition", "window"]);
    // Yen as integers, dates ISO, words in both languages.
    assert_eq!(changes[0]["old"], 5_081_000);
    assert_eq!(changes[0]["new"], 4_500_000);
    assert_eq!(changes[0]["old_cite"]["source"], "001");
    assert_eq!(changes[0]["old_cite"], changes[0]["new_cite"]);
    assert_eq!(
        changes[1]["new"]["ja"],
        "電子処方箋管理サービスを導入し、運用している"
    );
    assert_eq!(changes[2]["old"], "2026-01-15");
    assert_eq!(changes[2]["new"], "2026-03-31");
    assert_eq!(
        changes[2]["new_cite"]["at"],
        "No.4 申請期日「令和８年１月15日（木）」"
    );
}

#[test]
fn equal_catalogues_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), "same");
    let run = subsidy()
        .current_dir(dir.path())
        .args(["diff", "builtin", "same"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    assert_eq!(text.lines().nth(1), Some("違いはありません。"), "{text}");
    let run = subsidy()
        .args(["diff", "builtin", "builtin", "--format", "json"])
        .run();
    assert_eq!(run.code, 0);
    let json: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["equal"], true);
    assert_eq!(json["changed"], Value::Array(Vec::new()));
}

/// A list of facilities that name no program (every program is estimated
/// for each, the size questions of デジタル化・AI導入補助金 among them)
/// against an unchanged copy of the data read from its directory: no
/// client is touched. The catalogues are equal; only where each was read
/// from differs, which no question may tell apart.
#[test]
fn an_unchanged_copy_touches_no_client() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), "same");
    std::fs::write(
        dir.path().join("facilities.csv"),
        "facility_id,name,facility,beds,kenshin,cost,prefecture\n\
         C001,さくら内科,clinic,0,,380000,福岡県\n\
         H001,みどり総合病院,hospital,250,yes,14000000,\n\
         P001,つばさ薬局,pharmacy,0,,500000,福岡県\n",
    )
    .unwrap();
    let run = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args([
            "diff",
            "builtin",
            "same",
            "--as-of",
            AS_OF,
            "--clients",
            "facilities.csv",
        ])
        .run();
    let text = String::from_utf8(run.stdout).unwrap();
    assert_eq!(run.code, 0, "{text}{}", run.stderr);
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("3件中 0件に変更")),
        "{text}"
    );
}

/// The client list of tests/diff/clients.csv: ten facilities, each naming
/// the program it is considering.
fn clients() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff/clients.csv")
}

/// `--clients` names exactly the clients the four changes touch, worked by hand:
/// - C01 あおば病院, 250床・健診なし, 14,000,000円: min(14,000,000, 10,162,000)
///   × 1/2 = 5,081,000円 (001 l.122), now capped at 4,500,000円: -581,000円.
/// - C02 いずみ病院, 300床, 8,000,000円 × 1/2 = 4,000,000円, under both caps: untouched.
/// - C03 うみべ病院, 120床・健診あり, 10,000,000円 × 1/2 = 5,000,000円 (001
///   l.111, under 5,457,000円) both times; it does not say whether it has
///   電子処方箋, so the condition's new words are a new question.
/// - C04 えのき病院: the same, with 電子処方箋 stated: untouched.
/// - C05 おか内科 (外来診療等): 45,000 → 4.1万 + 130,000 (13万, 003 l.189–190) =
///   171,000 × 3/4 = 128,250 → 12.8万 (l.187) = 128,000円; the deadline moved.
/// - C06 かわ病院: does not confirm on another route: 対象外 both times.
/// - C07 きた診療所 (健診実施機関): 30,000円 both times, untouched.
/// - C08 くすのき診療所 names the program added: min(50,000, 41,000) × 3/4 =
///   30,750 → 1,000円未満切捨て 30,000円 (003 l.241–244): newly eligible.
/// - C09 けやき病院: no オンライン資格確認 in place: 対象外 both times, though its cap moved.
/// - C10 こだま医院: 10,000 + min(150,000, 130,000) = 140,000 × 3/4 = 105,000円;
///   the deadline moved.
#[test]
fn the_clients_a_change_touches_and_how() {
    let dir = tempfile::tempdir().unwrap();
    changed_copy(dir.path());
    let list = clients();
    let run = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args(["diff", "builtin", "new", "--as-of", AS_OF, "--clients"])
        .arg(&list)
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    let body: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        body,
        [
            "10件中 5件に変更: 対象になった 1、対象外になった 0、補助額増 0、補助額減 1、補助額が不明に 0、補助額が判明 0、申請期限の変更 2、確認事項の追加 1",
            "",
            "あおば病院（C01）  推奨合計 5,081,000円 → 4,500,000円（-581,000円）",
            "  電子カルテ情報共有サービス導入補助: 補助額 5,081,000円 → 4,500,000円（-581,000円）",
            "",
            "うみべ病院（C03）  推奨合計 5,000,000円（変わらず）",
            "  電子カルテ情報共有サービス導入補助: 新たに確認: 「電子処方箋管理サービスを導入し、運用している」に当てはまりますか？",
            "",
            "おか内科（C05）  推奨合計 128,000円（変わらず）",
            "  オンライン資格確認（外来診療等）: 申請期限 2026-01-15 → 2026-03-31",
            "",
            "くすのき診療所（C08）  推奨合計 なし → 30,000円（+30,000円）",
            "  健診機関の読取端末（追加）: 対象になった（補助額 30,000円、申請期限 2026-01-15）",
            "",
            "こだま医院（C10）  推奨合計 105,000円（変わらず）",
            "  オンライン資格確認（外来診療等）: 申請期限 2026-01-15 → 2026-03-31",
        ]
    );

    // The same list in Shift_JIS, as a consultant's Excel saves it: the same answer.
    let csv = std::fs::read_to_string(&list).unwrap();
    let (sjis, _, lossy) = encoding_rs::SHIFT_JIS.encode(&csv);
    assert!(!lossy);
    std::fs::write(dir.path().join("sjis.csv"), &*sjis).unwrap();
    let run = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args([
            "diff",
            "builtin",
            "new",
            "--as-of",
            AS_OF,
            "--clients",
            "sjis.csv",
        ])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(String::from_utf8(run.stdout).unwrap(), text);

    // JSON: the counts and each client's programs, in yen.
    let run = subsidy()
        .current_dir(dir.path())
        .args([
            "diff",
            "builtin",
            "new",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--clients",
        ])
        .arg(&list)
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_slice(&run.stdout).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["read"], 10);
    assert_eq!(summary["changed"], 5);
    assert_eq!(summary["newly_eligible"], 1);
    assert_eq!(summary["grant_down"], 1);
    assert_eq!(summary["deadline_moved"], 2);
    assert_eq!(summary["new_to_confirm"], 1);
    assert_eq!(json["columns"], serde_json::json!(["facility_id", "name"]));
    let clients = json["clients"].as_array().unwrap();
    let ids: Vec<&str> = clients
        .iter()
        .map(|c| c["cells"][0].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["C01", "C03", "C05", "C08", "C10"]);
    let c01 = &clients[0]["programs"][0];
    assert_eq!(c01["id"], "ehr-sharing");
    assert_eq!(c01["shifts"], serde_json::json!(["grant-down"]));
    assert_eq!(
        (c01["old_grant"].as_u64(), c01["new_grant"].as_u64()),
        (Some(5_081_000), Some(4_500_000))
    );
    let c05 = &clients[2]["programs"][0];
    assert_eq!(c05["shifts"], serde_json::json!(["deadline-moved"]));
    assert_eq!(c05["old_deadline"], "2026-01-15");
    assert_eq!(c05["new_deadline"], "2026-03-31");
    assert_eq!(c05["new_grant"], 128_000);
    let c08 = &clients[3];
    assert_eq!(c08["old_total"], Value::Null);
    assert_eq!(c08["new_total"], 30_000);
    assert_eq!(
        c08["programs"][0]["shifts"],
        serde_json::json!(["newly-eligible"])
    );
    assert_eq!(clients[4]["programs"][0]["new_grant"], 105_000);
}

/// `-o FILE.xlsx`: the same clients for a meeting, the client's columns first.
#[test]
fn the_clients_touched_go_to_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    changed_copy(dir.path());
    let run = subsidy()
        .current_dir(dir.path())
        .args([
            "diff",
            "builtin",
            "new",
            "--as-of",
            AS_OF,
            "-o",
            "impact.xlsx",
            "--clients",
        ])
        .arg(clients())
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("10件中 5件に変更"), "{}", run.stderr);
    let mut workbook: Xlsx<_> = open_workbook(dir.path().join("impact.xlsx")).unwrap();
    let range = workbook.worksheet_range("変更点").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let text = |cell: &Data| match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| d.date().to_string())
            .unwrap_or_default(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    };
    let header: Vec<String> = rows[3].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "facility_id",
            "name",
            "制度",
            "変わったこと",
            "推奨合計（旧）",
            "推奨合計（新）",
            "補助額（旧）",
            "補助額（新）",
            "申請期限（旧）",
            "申請期限（新）",
            "行",
        ]
    );
    let body: Vec<Vec<String>> = rows[4..]
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let ids: Vec<&str> = body.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["C01", "C03", "C05", "C08", "C10"]);
    assert_eq!(
        body[0],
        [
            "C01",
            "あおば病院",
            "電子カルテ情報共有サービス導入補助",
            "補助額 5,081,000円 → 4,500,000円（-581,000円）",
            "5081000",
            "4500000",
            "5081000",
            "4500000",
            "2031-09-30",
            "2031-09-30",
            "2",
        ]
    );
    assert_eq!(body[2][8..10], ["2026-01-15", "2026-03-31"]);
    assert_eq!(body[3][4], "なし");
}

/// The list as an Excel workbook and as JSONL is read as `batch` reads
/// them: the same clients, the same changes.
#[test]
fn a_workbook_or_jsonl_list_gives_the_same_answer() {
    let dir = tempfile::tempdir().unwrap();
    changed_copy(dir.path());
    let csv = std::fs::read_to_string(clients()).unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    // The workbook: numbers as numbers, as a consultant's sheet has them.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
            match cell.parse::<f64>() {
                Ok(n) if r > 0 => sheet.write_number(r, c, n).map(|_| ()),
                _ if cell.is_empty() => Ok(()),
                _ => sheet.write_string(r, c, *cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    workbook.save(dir.path().join("clients.xlsx")).unwrap();
    // JSONL: a line per client, the blank cells left out.
    let jsonl: String = rows[1..]
        .iter()
        .map(|row| {
            let object: serde_json::Map<String, Value> = rows[0]
                .iter()
                .zip(row)
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(key, cell)| (key.to_string(), Value::from(*cell)))
                .collect();
            format!("{}\n", Value::Object(object))
        })
        .collect();
    std::fs::write(dir.path().join("clients.jsonl"), jsonl).unwrap();
    let answer = |list: &str| {
        let run = subsidy()
            .current_dir(dir.path())
            .args([
                "diff",
                "builtin",
                "new",
                "--as-of",
                AS_OF,
                "--format",
                "json",
                "--clients",
                list,
            ])
            .run();
        assert_eq!(run.code, 1, "{list}: {}", run.stderr);
        let json: Value = serde_json::from_slice(&run.stdout).unwrap();
        (json["summary"].clone(), json["clients"].clone())
    };
    let from_csv = answer(&clients().display().to_string());
    assert_eq!(from_csv.0["changed"], 5);
    assert_eq!(answer("clients.xlsx"), from_csv);
    // JSONL rows are numbered by their line (a batch's too), a sheet's as
    // the spreadsheet shows them, the header being row 1.
    let rows = |clients: &Value| -> Vec<u64> {
        (clients.as_array().unwrap().iter())
            .map(|c| c["row"].as_u64().unwrap())
            .collect()
    };
    let from_jsonl = answer("clients.jsonl");
    assert_eq!(rows(&from_csv.1), [2, 4, 6, 9, 11]);
    assert_eq!(rows(&from_jsonl.1), [1, 3, 5, 8, 10]);
    let without_rows = |mut clients: Value| {
        for client in clients.as_array_mut().unwrap() {
            client["row"] = Value::Null;
        }
        clients
    };
    assert_eq!(from_jsonl.0, from_csv.0);
    assert_eq!(without_rows(from_jsonl.1), without_rows(from_csv.1));
}

/// A row that cannot be read is named with its error, counted, and the
/// run exits 2 (trouble, as diff(1)); the clients read are still compared.
#[test]
fn a_row_that_cannot_be_read_is_named_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    changed_copy(dir.path());
    let mut list = std::fs::read_to_string(clients()).unwrap();
    list.push_str("C11,さくら病院,ehr-sharing,hosptal,250,no,14000000,,,yes,yes,,\n");
    std::fs::write(dir.path().join("bad.csv"), list).unwrap();
    let run = subsidy()
        .current_dir(dir.path())
        .columns(1000)
        .args([
            "diff",
            "builtin",
            "new",
            "--as-of",
            AS_OF,
            "--clients",
            "bad.csv",
        ])
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    let text = String::from_utf8(run.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("11件中 5件に変更: "), "{text}");
    assert_eq!(lines[2], "読めない行 1件（行 12）");
    assert!(
        lines.last().unwrap().starts_with("12行目: ") && text.contains("hosptal"),
        "{text}"
    );
}

#[test]
fn bad_input_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |args: &[&str], needles: &[&str]| {
        subsidy()
            .current_dir(dir.path())
            .args(args)
            .refused(needles);
    };
    refused(
        &["diff", "builtin", "nowhere"],
        &["NEW の値 'nowhere'", "subsidy diff builtin data"],
    );
    // A file is read as a bundle: one that is not a bundle is refused.
    std::fs::write(dir.path().join("bundle.bin"), b"not a bundle").unwrap();
    refused(
        &["diff", "bundle.bin", "builtin"],
        &[
            "OLD の値 'bundle.bin'",
            "バンドル（tar 形式）ではありません",
        ],
    );
    refused(
        &[
            "diff",
            "builtin",
            "builtin",
            "--clients",
            "c.csv",
            "-o",
            "out.csv",
        ],
        &["-o", "out.csv", "-o 影響.xlsx"],
    );
    refused(
        &["diff", "builtin", "builtin", "-o", "out.xlsx"],
        &["--clients"],
    );
    refused(
        &["diff", "builtin", "builtin", "--as-of", "2025-13-01"],
        &["--as-of", "2025-13-01"],
    );
    refused(
        &["diff", "builtin", "builtin", "--clients", "missing.csv"],
        &["missing.csv"],
    );
    // A catalogue directory whose data is refused names it and why.
    let broken = copy(dir.path(), "broken");
    edit(
        &broken,
        "ehr-sharing.toml",
        "grant_cap = 5_081_000",
        "grant_cap = \"x\"",
    );
    refused(
        &["diff", "builtin", "broken"],
        &["NEW の値 'broken'", "ehr-sharing.toml"],
    );
    // Nothing was written.
    assert!(!dir.path().join("out.xlsx").exists());
}

/// A bundle of the repository's `data/` is the built-in catalogue: equal
/// (exit 0), as the directory is.
#[test]
fn a_bundle_is_compared_as_its_directory_is() {
    let dir = tempfile::tempdir().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let bundled = subsidy()
        .current_dir(dir.path())
        .args(["bundle", data, "-o", "data.tar"])
        .run();
    assert_eq!(bundled.code, 0, "{}", bundled.stderr);
    let same = subsidy()
        .current_dir(dir.path())
        .args(["diff", "builtin", "data.tar"])
        .run();
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(
        String::from_utf8(same.stdout)
            .unwrap()
            .contains("違いはありません")
    );
}
