//! `subsidy diff`, said: what changed between two catalogues
//! ([`catalogue_diff_text`], [`catalogue_diff_json`]) and whom it touches
//! ([`ClientChange`], [`clients_text`], [`clients_json`]). The core decides
//! what changed (`core::diff`); this says it, value by value with its
//! cite, in the reader's language.

mod clients;

use serde::Serialize;
use serde_json::Value;

use super::layout;
use super::words::{t, yen};
use crate::core::catalogue::{Cite, Lang, Rounding, TaxBasis, Text};
use crate::core::diff::{Area, CatalogueDiff, Change, Record};
use crate::core::money::group_thousands;
use crate::i18n::{self, Key};

pub use clients::{
    ClientChange, ClientsSummary, ProgramChange, clients_json, clients_text, shift_label,
    signed_yen,
};

/// One of the two catalogues compared: how it was named and its version.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// As named on the command line: `builtin`, a directory or a bundle file.
    pub name: String,
    /// The rule data's version (the newest document's date).
    pub version: String,
    pub sha256: String,
}

fn say(lang: Lang, key: Key, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    i18n::text(lang, key, values)
}

/// `規則データの比較: builtin（データ 2026-05-25）→ data（データ 2026-05-25）`.
pub fn diff_header(old: &Side, new: &Side, lang: Lang) -> String {
    let side = |s: &Side| {
        say(
            lang,
            Key::DiffSide,
            &[("name", &s.name), ("version", &s.version)],
        )
    };
    say(
        lang,
        Key::DiffHeader,
        &[("old", &side(old)), ("new", &side(new))],
    )
}

/// What changed, for people: a count line, the programs added and
/// removed, then each program changed with each change on a line of its
/// own (`[金額] 区分「…」の補助上限額: 4,085,000円 → 4,500,000円`) and its
/// cite under it, old → new where it moved; wrapped to `width` columns.
pub fn catalogue_diff_text(diff: &CatalogueDiff, lang: Lang, width: usize) -> String {
    let mut text = String::new();
    if diff.is_empty() {
        text.push_str(t(lang, Key::DiffEqual));
        text.push('\n');
        return layout::wrap_lines(&text, width);
    }
    text.push_str(&say(
        lang,
        Key::DiffCounts,
        &[
            ("added", &diff.added.len()),
            ("removed", &diff.removed.len()),
            ("changed", &diff.changed.len()),
            ("changes", &diff.change_count()),
        ],
    ));
    text.push('\n');
    let named =
        |key, id: &str, name: &Text| say(lang, key, &[("id", &id), ("name", &name.get(lang))]);
    for program in &diff.added {
        text.push('\n');
        text.push_str(&named(Key::DiffAdded, &program.id, &program.name));
    }
    for program in &diff.removed {
        text.push('\n');
        text.push_str(&named(Key::DiffRemoved, &program.id, &program.name));
    }
    if !diff.added.is_empty() || !diff.removed.is_empty() {
        text.push('\n');
    }
    if !diff.catalogue.is_empty() {
        text.push('\n');
        text.push_str(t(lang, Key::DiffCatalogueWide));
        text.push('\n');
        change_lines(&mut text, &diff.catalogue, lang);
    }
    for program in &diff.changed {
        text.push('\n');
        let p = &program.program;
        text.push_str(&named(Key::DiffChanged, &p.id, &p.name));
        text.push('\n');
        change_lines(&mut text, &program.changes, lang);
    }
    layout::wrap_lines(&text, width)
}

/// Each change on a line of its own, its cite under it.
fn change_lines(text: &mut String, changes: &[Change], lang: Lang) {
    for change in changes {
        text.push_str("  ");
        text.push_str(&say(
            lang,
            Key::DiffLine,
            &[
                ("area", &area_label(change.area, lang)),
                ("what", &change_words(change, lang)),
            ],
        ));
        text.push('\n');
        if let Some(cites) = cites_words(change, lang) {
            text.push_str("    ");
            text.push_str(&cites);
            text.push('\n');
        }
    }
}

/// 金額, 期間, 要件 …: the area of a change, as a label.
pub fn area_label(area: Area, lang: Lang) -> &'static str {
    t(
        lang,
        match area {
            Area::Figure => Key::DiffAreaFigure,
            Area::Window => Key::DiffAreaWindow,
            Area::Condition => Key::DiffAreaCondition,
            Area::Relation => Key::DiffAreaRelation,
            Area::Source => Key::DiffAreaSource,
            Area::Other => Key::DiffAreaOther,
        },
    )
}

/// A change in words: `区分「…」の補助上限額: 4,085,000円 → 4,500,000円`,
/// `要件「…」 を追加`.
pub fn change_words(change: &Change, lang: Lang) -> String {
    let Some(field) = &change.field else {
        // A whole record: the innermost is the one added or removed.
        let record = change
            .records
            .last()
            .map(|r| record_words(r, change.new.as_ref().or(change.old.as_ref()), lang))
            .unwrap_or_default();
        let key = if change.old.is_none() {
            Key::DiffRecordAdded
        } else {
            Key::DiffRecordRemoved
        };
        return say(lang, key, &[("record", &record)]);
    };
    let mut what = field_label(field, lang);
    for (i, record) in change.records.iter().enumerate().rev() {
        // A record whose words are what changed is named otherwise: a
        // date by its kind, a record by its id, or by its place.
        let innermost = i + 1 == change.records.len();
        let words = if innermost && ["label", "name", "text"].contains(&field.as_str()) {
            let named = Record {
                label: None,
                ..record.clone()
            };
            record_words(&named, None, lang)
        } else {
            record_words(record, None, lang)
        };
        what = say(
            lang,
            Key::DiffInRecord,
            &[("record", &words), ("field", &what)],
        );
    }
    // Words changed in the other language only: shown in that one, so
    // that the line does not read `X → X`.
    let text_of = |v: &Option<Value>| {
        v.as_ref()
            .and_then(|v| serde_json::from_value::<Text>(v.clone()).ok())
    };
    let shown_in = match (text_of(&change.old), text_of(&change.new)) {
        (Some(a), Some(b)) if a.get(lang) == b.get(lang) => match lang {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        },
        _ => lang,
    };
    let value = |v: &Option<Value>| match v {
        Some(v) => value_words(field, v, shown_in),
        None => t(lang, Key::DiffNotStated).to_string(),
    };
    say(
        lang,
        Key::DiffValue,
        &[
            ("what", &what),
            ("old", &value(&change.old)),
            ("new", &value(&change.new)),
        ],
    )
}

/// A record in words: `区分「中小規模病院…」`; a date's kind and label
/// (`申請期限「第2次申請締切」`, with its date where `value` is the
/// record); else the list's name and the id, or its place in the list
/// (`注記（2件目）`) where nothing names it.
fn record_words(record: &Record, value: Option<&Value>, lang: Lang) -> String {
    let last = record.list.rsplit('.').next().unwrap_or(&record.list);
    if last == "dates" {
        let kind = record.kind.as_ref().map_or_else(
            || record.id.split(':').next().unwrap_or_default().to_string(),
            |k| k.get(lang).to_string(),
        );
        let kind = match &record.label {
            Some(label) => say(
                lang,
                Key::DiffRecordNamed,
                &[("list", &kind), ("label", &label.get(lang))],
            ),
            None => kind,
        };
        return match value.and_then(|v| v.get("date")).and_then(Value::as_str) {
            Some(date) => say(
                lang,
                Key::DiffRecordDate,
                &[("kind", &kind), ("date", &date)],
            ),
            None => kind,
        };
    }
    let list = match last {
        "tiers" => t(lang, Key::DiffListTiers),
        "conditions" => t(lang, Key::DiffListConditions),
        "relations" => t(lang, Key::DiffListRelations),
        "sources" => t(lang, Key::DiffListSources),
        "links" => t(lang, Key::DiffListLinks),
        "items" | "parts" => t(lang, Key::DiffListItems),
        "variants" => t(lang, Key::DiffListVariants),
        "notes" => t(lang, Key::DiffListNotes),
        "not_covered" => t(lang, Key::DiffListNotCovered),
        "sme_limits" => t(lang, Key::DiffListSmeLimits),
        "bands" => t(lang, Key::DiffListBands),
        "group_caps" => t(lang, Key::DiffListGroupCaps),
        "rate_when" => t(lang, Key::DiffListRateWhen),
        "documents" => t(lang, Key::DiffListDocuments),
        "discovery" => t(lang, Key::DiffListDiscovery),
        other => other,
    };
    // A record nothing names (a note) is named by its place: `#2`.
    if record.label.is_none()
        && let Some(place) = record.id.strip_prefix('#')
    {
        return say(lang, Key::DiffRecordNth, &[("list", &list), ("n", &place)]);
    }
    let label = record
        .label
        .as_ref()
        .map_or_else(|| record.id.clone(), |l| l.get(lang).to_string());
    say(
        lang,
        Key::DiffRecordNamed,
        &[("list", &list), ("label", &label)],
    )
}

/// The words of a value's key: `grant_cap` → 補助上限額; a key without
/// words of its own is named as the data names it.
fn field_label(field: &str, lang: Lang) -> String {
    let key = match field {
        "rate" => Key::DiffFieldRate,
        "business_cost_cap" => Key::DiffFieldBusinessCostCap,
        "grant_cap" => Key::DiffFieldGrantCap,
        "grant_cap_exclusive" => Key::DiffFieldGrantCapExclusive,
        "grant_min" => Key::DiffFieldGrantMin,
        "grant_cap_per_bed" => Key::DiffFieldGrantCapPerBed,
        "grant_cap_per_member" => Key::DiffFieldGrantCapPerMember,
        "up_to_grant" => Key::DiffFieldUpToGrant,
        "per_unit.max" => Key::DiffFieldUnitMax,
        "facilities" | "facility" => Key::DiffFieldFacilities,
        "beds_min" => Key::DiffFieldBedsMin,
        "beds_max" => Key::DiffFieldBedsMax,
        "kenshin" => Key::DiffFieldKenshin,
        "label" => Key::DiffFieldLabel,
        "name" => Key::DiffFieldName,
        "short_name" => Key::DiffFieldShortName,
        "date" => Key::DiffFieldDate,
        "text" | "evidence" | "tax.evidence" => Key::DiffFieldText,
        "fact" => Key::DiffFieldFact,
        "prefecture" => Key::DiffFieldPrefecture,
        "program" | "requires_program" => Key::DiffFieldProgram,
        "kind" | "decided_by" => Key::DiffFieldKind,
        "rounding.rule" => Key::DiffFieldRounding,
        "tax.basis" => Key::DiffFieldTax,
        "summary" => Key::DiffFieldSummary,
        "eligibility" => Key::DiffFieldEligibility,
        "covered_costs" => Key::DiffFieldCoveredCosts,
        "apply.how" | "apply.url" => Key::DiffFieldApply,
        "contact.name" | "contact.phone" | "contact.hours" => Key::DiffFieldContact,
        "part" => Key::DiffFieldPart,
        "reason" | "replaces_reason" => Key::DiffFieldReason,
        "cite" | "rounding.cite" | "tax.cite" | "apply.cite" | "contact.cite" => Key::DiffFieldCite,
        "rate_assumed" => Key::DiffFieldRateAssumed,
        "cap_note" => Key::DiffFieldCapNote,
        "opens_not_stated" => Key::DiffFieldOpensNotStated,
        "replaces" => Key::DiffFieldReplaces,
        "title" => Key::DiffFieldTitle,
        "publisher" => Key::DiffFieldPublisher,
        "rank" => Key::DiffFieldRank,
        "sha256" => Key::DiffFieldSha256,
        "file" => Key::DiffFieldFile,
        other => return other.to_string(),
    };
    t(lang, key).to_string()
}

/// The keys whose values are yen.
fn is_yen(field: &str) -> bool {
    let last = field.rsplit('.').next().unwrap_or(field);
    matches!(
        last,
        "business_cost_cap"
            | "grant_cap"
            | "grant_min"
            | "grant_cap_per_bed"
            | "grant_cap_per_member"
            | "up_to_grant"
    )
}

/// A value in words: yen as `4,085,000円`, words in the reader's
/// language, a rounding rule or tax basis by its label, a list joined.
pub fn value_words(field: &str, value: &Value, lang: Lang) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    match value {
        Value::Null => t(lang, Key::DiffNotStated).to_string(),
        Value::Bool(true) => t(lang, Key::DiffYes).to_string(),
        Value::Bool(false) => t(lang, Key::DiffNo).to_string(),
        Value::Number(n) if is_yen(field) => {
            n.as_u64().map_or_else(|| n.to_string(), |y| yen(lang, y))
        }
        Value::Number(n) => n
            .as_u64()
            .map_or_else(|| n.to_string(), |n| group_thousands(u128::from(n))),
        Value::String(s) if last == "rule" => serde_json::from_value::<Rounding>(value.clone())
            .map_or_else(|_| s.clone(), |r| r.label(lang).to_string()),
        Value::String(s) if last == "basis" => serde_json::from_value::<TaxBasis>(value.clone())
            .map_or_else(|_| s.clone(), |b| b.label(lang).to_string()),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let words: Vec<String> = items.iter().map(|v| value_words(field, v, lang)).collect();
            let separator = t(lang, Key::BatchListSeparator);
            words.join(separator)
        }
        Value::Object(_) => match serde_json::from_value::<Text>(value.clone()) {
            Ok(text) => text.get(lang).to_string(),
            Err(_) => match serde_json::from_value::<Cite>(value.clone()) {
                Ok(cite) => cite_words(&cite),
                Err(_) => value.to_string(),
            },
        },
    }
}

/// A cite as the data records it: `001 2. 健診未実施医療機関の場合 …`.
pub fn cite_words(cite: &Cite) -> String {
    format!("{} {}", cite.source, cite.at)
}

/// `出典: …`, or `出典: old → new` where the record's cite moved; `None`
/// for a value no record cites (a name, a summary).
fn cites_words(change: &Change, lang: Lang) -> Option<String> {
    // A change of the cite itself shows both as its values.
    if change.field.as_deref().is_some_and(|f| f.ends_with("cite")) {
        return None;
    }
    match (&change.old_cite, &change.new_cite) {
        (None, None) => None,
        (Some(a), Some(b)) if a != b => Some(say(
            lang,
            Key::DiffCiteMoved,
            &[("old", &cite_words(a)), ("new", &cite_words(b))],
        )),
        (Some(one), _) | (None, Some(one)) => {
            Some(say(lang, Key::DiffCite, &[("cite", &cite_words(one))]))
        }
    }
}

/// The diff for scripts: both sides, `equal`, the programs added and
/// removed, and each change with its area, path, record, values as the
/// data holds them (yen as integers, dates ISO) and cites.
pub fn catalogue_diff_json(diff: &CatalogueDiff, old: &Side, new: &Side) -> String {
    #[derive(Serialize)]
    struct Json<'a> {
        old: &'a Side,
        new: &'a Side,
        equal: bool,
        added: &'a [crate::core::diff::Named],
        removed: &'a [crate::core::diff::Named],
        changed: Vec<ProgramJson<'a>>,
        catalogue: Vec<ChangeJson<'a>>,
    }
    #[derive(Serialize)]
    struct ProgramJson<'a> {
        id: &'a str,
        name: &'a Text,
        changes: Vec<ChangeJson<'a>>,
    }
    #[derive(Serialize)]
    struct ChangeJson<'a> {
        area: Area,
        path: String,
        records: &'a [Record],
        field: Option<&'a str>,
        old: &'a Option<Value>,
        new: &'a Option<Value>,
        old_cite: &'a Option<Cite>,
        new_cite: &'a Option<Cite>,
    }
    fn change_json(c: &Change) -> ChangeJson<'_> {
        ChangeJson {
            area: c.area,
            path: c.path(),
            records: &c.records,
            field: c.field.as_deref(),
            old: &c.old,
            new: &c.new,
            old_cite: &c.old_cite,
            new_cite: &c.new_cite,
        }
    }
    let json = Json {
        old,
        new,
        catalogue: diff.catalogue.iter().map(change_json).collect(),
        equal: diff.is_empty(),
        added: &diff.added,
        removed: &diff.removed,
        changed: diff
            .changed
            .iter()
            .map(|p| ProgramJson {
                id: &p.program.id,
                name: &p.program.name,
                changes: p.changes.iter().map(change_json).collect(),
            })
            .collect(),
    };
    to_json(&json)
}

fn to_json(value: &impl Serialize) -> String {
    // Plain structs: serialising cannot fail; an empty object is the fallback.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
