//! Catalogue files of the shape before rate rules: a tier's rate, caps and
//! items written in `[[tiers]]` itself. Such a file does not load; this
//! says, at each such key, where it goes now.

use super::*;
use toml::de::{DeTable, DeValue};

/// The keys a tier had before they moved into its rule (`[tiers.rule.<kind>]`).
const MOVED: &[&str] = &[
    "rate",
    "rate_when",
    "rate_assumed",
    "business_cost_cap",
    "grant_cap",
    "grant_cap_exclusive",
    "grant_min",
    "grant_cap_per_bed",
    "bands",
    "items",
    "default_item",
    "group_caps",
    "per_unit",
    "cap_note",
];

/// A fault at every key of a tier that belongs in its rate rule now, saying
/// where it goes (by the kind of rule the tier's keys make it). Empty for a
/// file of today's shape.
pub(crate) fn moved_fields(table: &DeTable<'_>) -> Vec<Fault<'static>> {
    let mut out = Vec::new();
    let Some(DeValue::Array(tiers)) = get(table, "tiers") else {
        return out;
    };
    for (i, tier) in tiers.iter().enumerate() {
        let DeValue::Table(tier) = tier.get_ref() else {
            continue;
        };
        let kind = kind_of(tier);
        let id = match get(tier, "id") {
            Some(DeValue::String(id)) => id.to_string(),
            _ => (i + 1).to_string(),
        };
        // In the file's order: loading names the first.
        let mut keys: Vec<_> = tier.iter().map(|(key, _)| key).collect();
        keys.sort_by_key(|key| key.span().start);
        for key in keys {
            let Some(key) = MOVED.iter().find(|k| **k == key.get_ref().as_ref()) else {
                continue;
            };
            let to = destination(key, kind);
            out.push(Fault::refuses(
                vec![Key("tiers"), Index(i), Key(key)],
                Code::FieldMoved,
                said(
                    Msg::DataFieldMoved,
                    &[("tier", &id), ("key", key), ("to", &to)],
                ),
            ));
        }
    }
    out
}

/// The value of `key` in `table`.
fn get<'a, 't>(table: &'a DeTable<'t>, key: &str) -> Option<&'a DeValue<'t>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v.get_ref())
}

/// The kind of rule an old tier's keys make: bands, group caps or items
/// with their own rates make it banded; a unit per-unit; a cap per bed
/// per-bed; items per-item; else capped.
fn kind_of(tier: &DeTable<'_>) -> &'static str {
    let items_rated = match get(tier, "items") {
        Some(DeValue::Array(items)) => items.iter().any(|item| match item.get_ref() {
            DeValue::Table(item) => get(item, "rate").is_some(),
            _ => false,
        }),
        _ => false,
    };
    let has = |key| get(tier, key).is_some();
    if has("bands") || has("group_caps") || items_rated {
        "banded"
    } else if has("per_unit") {
        "per_unit"
    } else if has("grant_cap_per_bed") {
        "per_bed"
    } else if has("items") {
        "per_item"
    } else {
        "capped"
    }
}

/// The keys each kind of rule takes of [`MOVED`], in [`RateRule`]'s order.
const KINDS: &[(&str, &[&str])] = &[
    (
        "capped",
        &[
            "rate",
            "rate_when",
            "rate_assumed",
            "business_cost_cap",
            "grant_cap",
            "grant_cap_exclusive",
            "grant_min",
            "cap_note",
        ],
    ),
    (
        "per_bed",
        &["rate", "rate_assumed", "grant_cap_per_bed", "grant_cap"],
    ),
    (
        "per_item",
        &[
            "rate",
            "business_cost_cap",
            "grant_cap",
            "items",
            "default_item",
            "cap_note",
        ],
    ),
    (
        "per_unit",
        &[
            "rate",
            "business_cost_cap",
            "grant_cap",
            "per_unit",
            "cap_note",
        ],
    ),
    (
        "banded",
        &[
            "rate",
            "rate_when",
            "bands",
            "grant_cap",
            "items",
            "group_caps",
        ],
    ),
];

/// Where `key` goes in a rule of `kind` (or of the first kind that takes
/// it): `[tiers.rule.capped] rate`, `[[tiers.rule.banded.bands]]` …
fn destination(key: &str, kind: &str) -> String {
    let takes = |(k, keys): &&(&str, &[&str])| *k == kind && keys.contains(&key);
    let kind = KINDS
        .iter()
        .find(takes)
        .or_else(|| KINDS.iter().find(|(_, keys)| keys.contains(&key)))
        .map_or(kind, |(k, _)| k);
    match (key, kind) {
        ("bands" | "group_caps", _) => format!("[[tiers.rule.banded.{key}]]"),
        ("items", "banded") => "[[tiers.rule.banded.parts]]".to_string(),
        ("items", _) => "[[tiers.rule.per_item.items]]".to_string(),
        ("per_unit", _) => "[tiers.rule.per_unit] unit".to_string(),
        // A banded tier's own rate was its first band's.
        ("rate" | "rate_when", "banded") => format!("[[tiers.rule.banded.bands]] {key}"),
        _ => format!("[tiers.rule.{kind}] {key}"),
    }
}
