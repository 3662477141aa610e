//! The comparison of two programs: records matched by what names them.

use super::*;
use crate::core::catalogue::{Capped, RateRule};

fn ehr() -> Program {
    Catalogue::embedded()
        .unwrap()
        .program("ehr-sharing")
        .unwrap()
        .clone()
}

fn grant_cap<'p>(program: &'p mut Program, tier: &str) -> &'p mut Option<u64> {
    let tier = program.tiers.iter_mut().find(|t| t.id == tier).unwrap();
    match &mut tier.rule {
        RateRule::Capped(Capped { grant_cap, .. }) => grant_cap,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_program_equal_to_itself_has_no_change() {
    assert_eq!(program_changes(&ehr(), &ehr()), Vec::new());
}

/// A tier inserted before the others is one addition: the tiers after it
/// are matched by id, not by their place in the list.
#[test]
fn an_inserted_tier_is_one_addition_not_a_cascade() {
    let old = ehr();
    let mut new = ehr();
    let mut tier = new.tiers[0].clone();
    tier.id = "huge-kenshin".to_string();
    new.tiers.insert(0, tier);
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let change = &changes[0];
    assert_eq!(change.area, Area::Figure);
    assert!(change.is_record());
    assert_eq!(change.old, None);
    assert_eq!(change.records[0].id, "huge-kenshin");
    assert_eq!(change.path(), "tiers[huge-kenshin]");
    // The record's own cite: 001's 大規模病院・健診実施 passage, copied.
    assert_eq!(change.new_cite.as_ref().unwrap().source, "001");
    // And a tier removed from the middle is one removal.
    let mut fewer = ehr();
    fewer.tiers.remove(1);
    let changes = program_changes(&old, &fewer);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].path(), "tiers[mid-kenshin]");
    assert_eq!(changes[0].new, None);
}

/// A cap changed is one change, with its old and new value and the
/// tier's cite under each: 001 2. 健診未実施 中小規模病院「4,085千円を上限に補助」.
#[test]
fn a_changed_cap_names_its_tier_its_values_and_cites() {
    let old = ehr();
    let mut new = ehr();
    *grant_cap(&mut new, "mid-no-kenshin") = Some(4_500_000);
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let change = &changes[0];
    assert_eq!(change.path(), "tiers[mid-no-kenshin].grant_cap");
    assert_eq!(change.old, Some(Value::from(4_085_000)));
    assert_eq!(change.new, Some(Value::from(4_500_000)));
    let cite = change.old_cite.as_ref().unwrap();
    assert_eq!(cite.source, "001");
    assert!(cite.at.contains("4,085千円を上限に補助"), "{}", cite.at);
    assert_eq!(change.old_cite, change.new_cite);
    assert_eq!(
        change.records[0].label.as_ref().unwrap().ja,
        "中小規模病院（20〜199床）・健診未実施（2文書6情報）"
    );
}

/// Dates are named by their kind: a deadline moved is one change of
/// the deadline, in the window area; a round added after it is one addition.
#[test]
fn a_deadline_moved_and_a_round_added() {
    let old = ehr();
    let mut new = ehr();
    let deadline = new
        .dates
        .iter_mut()
        .find(|d| d.kind == DateKind::Deadline)
        .unwrap();
    deadline.date = chrono::NaiveDate::from_ymd_opt(2031, 12, 26).unwrap();
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].area, Area::Window);
    assert_eq!(changes[0].path(), "dates[deadline].date");
    assert_eq!(changes[0].old, Some(Value::from("2031-09-30")));
    assert_eq!(changes[0].records[0].kind.as_ref().unwrap().ja, "申請期限");
    // A second round first in the list: the old deadline is still
    // matched to its equal, the new one is one addition.
    let mut rounds = ehr();
    let mut earlier = rounds.dates[1].clone();
    earlier.date = chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
    rounds.dates.insert(0, earlier);
    let changes = program_changes(&old, &rounds);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert!(changes[0].is_record());
    assert_eq!(changes[0].records[0].list, "dates");
    assert_eq!(changes[0].new.as_ref().unwrap()["date"], "2027-03-31");
}

/// A condition's words changed: one change of its text, in the condition
/// area; a cite changed alone is a source change.
#[test]
fn a_condition_and_a_cite() {
    let old = ehr();
    let mut new = ehr();
    new.conditions[0].text.ja.push_str("（令和8年度以降）");
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].area, Area::Condition);
    assert_eq!(changes[0].path(), "conditions[online-qual-in-place].text");
    let mut cited = ehr();
    cited.rounding.cite.as_mut().unwrap().at = "No.12 交付額".to_string();
    let changes = program_changes(&old, &cited);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].area, Area::Source);
    assert_eq!(changes[0].path(), "rounding.cite");
}

#[test]
fn programs_added_and_removed_are_named() {
    let old = Catalogue::embedded().unwrap();
    let diff = catalogue_diff(&old, &old);
    assert!(diff.is_empty());
    let files = crate::core::catalogue::embedded_files()
        .into_iter()
        .filter(|(name, _)| !name.ends_with("online-qual-checkup.toml"));
    let fewer = Catalogue::parse(files).unwrap();
    let diff = catalogue_diff(&old, &fewer);
    assert_eq!(diff.added, Vec::new());
    assert_eq!(diff.changed, Vec::new());
    let removed: Vec<&str> = diff.removed.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(removed, ["online-qual-checkup"]);
    let diff = catalogue_diff(&fewer, &old);
    assert_eq!(diff.added.len(), 1);
    assert!(diff.removed.is_empty() && diff.changed.is_empty());
}

/// A new version of a document (its SHA-256 in `sources.toml`) is one
/// change of the catalogue as a whole, not one per program citing it.
#[test]
fn a_document_changed_is_one_change_of_the_catalogue() {
    let old = Catalogue::embedded().unwrap();
    let files = crate::core::catalogue::embedded_files()
        .into_iter()
        .map(|(name, text)| {
            if name.ends_with("sources.toml") {
                let sha = text.split("sha256 = \"").nth(1).unwrap()[..64].to_string();
                (name, text.replacen(&sha, &"0".repeat(64), 1))
            } else {
                (name, text)
            }
        });
    let new = Catalogue::parse(files).unwrap();
    let diff = catalogue_diff(&old, &new);
    assert!(diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty());
    assert_eq!(diff.catalogue.len(), 1, "{:#?}", diff.catalogue);
    assert_eq!(diff.catalogue[0].area, Area::Source);
    assert_eq!(diff.catalogue[0].path(), "documents[000].sha256");
    assert_eq!(diff.change_count(), 1);
}

/// An item of a tier has no cite of its own: its change carries the tier's
/// (003 No.4 【診療所】, where 「レセコンの改修：…13万円（診療所）」 is).
#[test]
fn an_item_without_a_cite_is_cited_by_its_tier() {
    use crate::core::catalogue::PerItem;
    let catalogue = Catalogue::embedded().unwrap();
    let old = catalogue.program("online-qual-outpatient").unwrap().clone();
    let mut new = old.clone();
    let clinic = new.tiers.iter_mut().find(|t| t.id == "clinic").unwrap();
    match &mut clinic.rule {
        RateRule::PerItem(PerItem { items, .. }) => {
            items[1].business_cost_cap = Some(150_000);
        }
        other => panic!("{other:?}"),
    }
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(
        changes[0].path(),
        "tiers[clinic].items[rececon].business_cost_cap"
    );
    assert_eq!(changes[0].old, Some(Value::from(130_000)));
    let cite = changes[0].new_cite.as_ref().unwrap();
    assert_eq!(cite.source, "003");
    assert!(cite.at.contains("13万円（診療所）"), "{}", cite.at);
}

fn etrade() -> Program {
    Catalogue::embedded()
        .unwrap()
        .program("digital-ai-etrade")
        .unwrap()
        .clone()
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Rounds are named by their labels: round 1 removed and round 2 moved
/// is round 1 removed and round 2 moved, each with its own date and
/// cite, not round 2 removed and round 1 moved to round 2's place.
/// 004 l.136–137: 「第1次申請締切日 5月 12日」「第2次申請締切日 6月 15日」.
#[test]
fn a_round_removed_and_another_moved_are_named_by_their_labels() {
    let old = etrade();
    let mut new = etrade();
    assert_eq!(new.dates[0].date, day(2026, 5, 12));
    new.dates.remove(0);
    assert_eq!(new.dates[0].date, day(2026, 6, 15));
    new.dates[0].date = day(2026, 6, 30);
    new.dates[0].cite.at = new.dates[0].cite.at.replace("6月 15日", "6月 30日");
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 2, "{changes:#?}");
    let (removed, moved) = (&changes[0], &changes[1]);
    assert_eq!(removed.path(), "dates[deadline:第1次申請締切]");
    assert!(removed.is_record() && removed.new.is_none());
    assert_eq!(removed.old.as_ref().unwrap()["date"], "2026-05-12");
    let cite = removed.old_cite.as_ref().unwrap();
    assert_eq!(cite.source, "004");
    assert!(
        cite.at.contains("「第1次申請締切日 5月 12日」"),
        "{}",
        cite.at
    );
    assert_eq!(removed.new_cite, None);
    assert_eq!(removed.records[0].kind.as_ref().unwrap().ja, "申請期限");
    assert_eq!(
        removed.records[0].label.as_ref().unwrap().ja,
        "第1次申請締切"
    );

    assert_eq!(moved.area, Area::Window);
    assert_eq!(moved.path(), "dates[deadline:第2次申請締切].date");
    assert_eq!(moved.old, Some(Value::from("2026-06-15")));
    assert_eq!(moved.new, Some(Value::from("2026-06-30")));
    let (was, now) = (
        moved.old_cite.as_ref().unwrap(),
        moved.new_cite.as_ref().unwrap(),
    );
    assert!(
        was.at.contains("「第2次申請締切日 6月 15日」"),
        "{}",
        was.at
    );
    assert!(
        now.at.contains("「第2次申請締切日 6月 30日」"),
        "{}",
        now.at
    );
}

/// A round relabelled keeps its pairing: by its kind and date where the
/// date stayed, as the only deadline left on each side where it moved
/// too; two rounds relabelled and moved at once are not guessed at.
#[test]
fn a_relabelled_round_is_paired_by_its_date_or_as_the_only_one_left() {
    let old = etrade();
    let relabel = |p: &mut Program, i: usize, ja: &str| {
        p.dates[i].label.as_mut().unwrap().ja = ja.to_string();
    };
    let mut new = etrade();
    relabel(&mut new, 1, "第２次申請締切");
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].path(), "dates[deadline:第２次申請締切].label");
    assert_eq!(changes[0].old.as_ref().unwrap()["ja"], "第2次申請締切");

    // Relabelled and moved: the only deadline not paired by its label.
    new.dates[1].date = day(2026, 6, 30);
    let changes = program_changes(&old, &new);
    let paths: Vec<String> = changes.iter().map(Change::path).collect();
    assert_eq!(
        paths,
        [
            "dates[deadline:第２次申請締切].date",
            "dates[deadline:第２次申請締切].label"
        ]
    );

    // Two rounds relabelled and moved: two removed, two added.
    relabel(&mut new, 2, "第３次申請締切");
    new.dates[2].date = day(2026, 7, 31);
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 4, "{changes:#?}");
    assert!(changes.iter().all(Change::is_record), "{changes:#?}");
}

/// Records nothing names (notes) are named by their place, from `#1`.
#[test]
fn notes_are_named_by_their_place() {
    let old = ehr();
    let mut new = ehr();
    new.notes[1].text.ja.push_str("（要確認）");
    let changes = program_changes(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].path(), "notes[#2].text");
    new.notes[0].text.ja.push_str("（参考）");
    let changes = program_changes(&old, &new);
    assert_eq!(changes[0].path(), "notes[#1].text");
}
