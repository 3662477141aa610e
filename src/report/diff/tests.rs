//! The words of a diff: values, records and changes said.

use super::*;
use serde_json::json;

fn change(field: &str, old: Value, new: Value) -> Change {
    Change {
        area: Area::Figure,
        records: Vec::new(),
        field: Some(field.to_string()),
        old: Some(old),
        new: Some(new),
        old_cite: None,
        new_cite: None,
    }
}

/// Yen as `6,579,000円`, a rounding rule by its label, a value not
/// stated as 記載なし, and words that changed only in the other
/// language shown in it.
#[test]
fn values_are_said_in_words() {
    let said = |c: &Change, lang| change_words(c, lang);
    let cap = change("business_cost_cap", json!(13_158_000), Value::Null);
    assert_eq!(said(&cap, Lang::Ja), "事業額上限: 13,158,000円 → 記載なし");
    assert_eq!(
        said(&cap, Lang::En),
        "business cost cap: 13,158,000 yen → not stated"
    );
    let rounding = change(
        "rounding.rule",
        json!("truncate-1000"),
        json!("round-half-up-1"),
    );
    assert_eq!(
        said(&rounding, Lang::Ja),
        "端数処理: 申請額1,000円未満切捨て → 1円未満四捨五入"
    );
    let text = change(
        "summary",
        json!({"ja": "旧", "en": "same"}),
        json!({"ja": "新", "en": "same"}),
    );
    assert_eq!(said(&text, Lang::En), "summary: 旧 → 新");
    assert_eq!(said(&text, Lang::Ja), "内容: 旧 → 新");
    assert_eq!(signed_yen(-581_000, Lang::Ja), "-581,000円");
    assert_eq!(signed_yen(30_000, Lang::En), "+30,000 yen");
}

fn program(id: &str) -> crate::core::catalogue::Program {
    crate::core::catalogue::Catalogue::embedded()
        .unwrap()
        .program(id)
        .unwrap()
        .clone()
}

/// A round is said by its kind and label, with its date where it is
/// removed (004 l.136–137: 第1次申請締切日 5月 12日, 第2次 6月 15日).
#[test]
fn rounds_are_said_by_kind_and_label() {
    use crate::core::diff::program_changes;
    let old = program("digital-ai-etrade");
    let mut new = old.clone();
    new.dates.remove(0);
    new.dates[0].date = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let changes = program_changes(&old, &new);
    let said: Vec<String> = changes.iter().map(|c| change_words(c, Lang::Ja)).collect();
    assert_eq!(
        said,
        [
            "申請期限「第1次申請締切」 2026-05-12 を削除",
            "申請期限「第2次申請締切」の日付: 2026-06-15 → 2026-06-30",
        ]
    );
    let said: Vec<String> = changes.iter().map(|c| change_words(c, Lang::En)).collect();
    assert_eq!(
        said,
        [
            "application deadline “round 1 closes” 2026-05-12 removed",
            "date of application deadline “round 2 closes”: 2026-06-15 → 2026-06-30",
        ]
    );
}

/// Where a record's words are what changed, it is named otherwise: a date
/// by its kind, a note by its place; never by a data key (`deadline`) or
/// an empty or numbered id (「」, 「#2」).
#[test]
fn a_record_whose_words_changed_is_named_in_words() {
    use crate::core::diff::program_changes;
    let old = program("digital-ai-etrade");
    let mut new = old.clone();
    let label = new.dates[1].label.as_mut().unwrap();
    label.ja = "第２次申請締切".to_string();
    label.en = "second round closes".to_string();
    new.notes[0].text.ja.push_str("（参考）");
    new.notes[1].text.ja.push_str("（参考）");
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 3, "{changes:#?}");
    let said = |lang| -> Vec<String> {
        changes
            .iter()
            .map(|c| {
                let words = change_words(c, lang);
                // The notes' own words are long: what names them is before the colon.
                words.split(": ").next().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(
        said(Lang::Ja),
        [
            "申請期限の名称",
            "注記（1件目）の文言",
            "注記（2件目）の文言"
        ]
    );
    assert_eq!(
        said(Lang::En),
        [
            "label of application deadline",
            "wording of Note no. 1",
            "wording of Note no. 2"
        ]
    );
    assert_eq!(
        change_words(&changes[0], Lang::Ja),
        "申請期限の名称: 第2次申請締切 → 第２次申請締切"
    );
}
