//! A program's tiers and their rate rules: whom each is for, its figures,
//! tiers that overlap or leave a class out, and their worked examples.

use super::*;
use crate::core::calc::{self, Context};

/// The path of `rest` within tier `i`'s rule: `tiers[i].rule.<kind>.…`.
fn in_rule<'p>(i: usize, rule: &RateRule, rest: &[Seg<'p>]) -> Vec<Seg<'p>> {
    [
        &[Key("tiers"), Index(i), Key("rule"), Key(rule.kind())][..],
        rest,
    ]
    .concat()
}

/// Each tier: a variant exactly when the program has them, facilities, a
/// cap, items of the program's `[[items]]`, and a rule its kind can compute.
pub(super) fn tiers<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    for (i, t) in program.tiers.iter().enumerate() {
        let path = |key: &'static str| vec![Key("tiers"), Index(i), Key(key)];
        match (&t.variant, program.variants.is_empty()) {
            (Some(v), _) if program.variant(v).is_none() => out.push(Fault::refuses(
                path("variant"),
                Code::UnknownReference,
                said(
                    Msg::DataTierUnknownVariant,
                    &[("variant", &format!("{v:?}"))],
                ),
            )),
            (None, false) => out.push(Fault::refuses(
                path("id"),
                Code::TierVariantMissing,
                said(Msg::CheckTierNeedsVariant, &[("tier", &t.id)]),
            )),
            _ => {}
        }
        if t.facilities.is_empty() {
            out.push(Fault::refuses(
                path("facilities"),
                Code::Schema,
                said(Msg::DataTierNoFacilities, &[]),
            ));
        }
        rule(program, i, t, out);
    }
}

/// Tier `i`'s rate rule: a cap, items the program has, a default item
/// among them, and bands where the rate is banded.
fn rule<'p>(program: &'p Program, i: usize, t: &'p Tier, out: &mut Vec<Fault<'p>>) {
    let rule = &t.rule;
    if rule.business_cost_cap().is_none()
        && rule.grant_cap().is_none()
        && !matches!(rule, RateRule::PerBed(_))
    {
        out.push(Fault::refuses(
            in_rule(i, rule, &[]),
            Code::NoCap,
            said(Msg::CheckNoCap, &[("tier", &t.id)]),
        ));
    }
    let list = match rule {
        RateRule::Banded(_) => "parts",
        _ => "items",
    };
    for (j, key) in rule.item_keys().enumerate() {
        if program.item(key).is_none() {
            out.push(Fault::refuses(
                in_rule(i, rule, &[Key(list), Index(j), Key("key")]),
                Code::UnknownReference,
                said(Msg::CheckTierItemUnknown, &[("item", &key)]),
            ));
        }
    }
    match rule {
        RateRule::PerItem(r) => {
            if let Some(default) = &r.default_item
                && !r.items.iter().any(|item| &item.key == default)
            {
                out.push(Fault::refuses(
                    in_rule(i, rule, &[Key("default_item")]),
                    Code::UnknownReference,
                    said(
                        Msg::DataTierDefaultItem,
                        &[("item", &format!("{default:?}"))],
                    ),
                ));
            }
        }
        RateRule::Banded(r) if r.bands.is_empty() => out.push(Fault::refuses(
            in_rule(i, rule, &[Key("bands")]),
            Code::Schema,
            said(Msg::DataBandedNoBands, &[]),
        )),
        _ => {}
    }
    // A group cap adds up the main cost's grant and parts of this rule: a
    // key it names that no part has would add nothing, silently.
    for (j, group) in rule.group_caps().iter().enumerate() {
        for (k, part) in group.parts.iter().enumerate() {
            if let GroupPart::Part(key) = part
                && !rule.parts().iter().any(|p| &p.key == key)
            {
                out.push(Fault::refuses(
                    in_rule(
                        i,
                        rule,
                        &[Key("group_caps"), Index(j), Key("parts"), Index(k)],
                    ),
                    Code::UnknownReference,
                    said(Msg::DataGroupPartUnknown, &[("part", &format!("{key:?}"))]),
                ));
            }
        }
    }
}

/// Each tier's figures: caps above 0, a minimum below the cap, ranges that
/// are not empty, and a published cap the rule can pay (or a `cap_note`
/// saying why not).
pub(super) fn figures<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    // A figure too large to compute with is refused first: then nothing here computes.
    let within_bounds = crate::core::catalogue::rules::bounds::out_of_bounds(program).is_empty();
    for (i, t) in program.tiers.iter().enumerate() {
        let rule = &t.rule;
        for (key, value) in rule.figures() {
            if value == Some(0) {
                out.push(Fault::error(
                    in_rule(i, rule, &[Key(key)]),
                    Code::CapNotPositive,
                    said(Msg::CheckCapZero, &[("tier", &t.id), ("key", &key)]),
                ));
            }
        }
        let items = rule
            .summed_items()
            .iter()
            .enumerate()
            .map(|(j, item)| ("items", j, &item.key, [item.business_cost_cap, None, None]));
        let parts = rule.parts().iter().enumerate().map(|(j, part)| {
            let caps = [
                part.business_cost_cap,
                part.grant_cap,
                part.grant_cap_per_member,
            ];
            ("parts", j, &part.key, caps)
        });
        for (list, j, key, caps) in items.chain(parts) {
            if caps.contains(&Some(0)) {
                out.push(Fault::error(
                    in_rule(i, rule, &[Key(list), Index(j)]),
                    Code::CapNotPositive,
                    said(Msg::CheckItemCapZero, &[("tier", &t.id), ("item", key)]),
                ));
            }
        }
        if let (Some(min), Some(cap)) = (rule.grant_min(), rule.grant_cap())
            && min > cap
        {
            out.push(Fault::error(
                in_rule(i, rule, &[Key("grant_min")]),
                Code::RangeInverted,
                said(
                    Msg::CheckMinAboveCap,
                    &[("tier", &t.id), ("min", &min), ("cap", &cap)],
                ),
            ));
        }
        for (low, high, what) in [
            (t.beds_min, t.beds_max, "beds"),
            (t.processes_min, t.processes_max, "processes"),
            (t.functions_min, t.functions_max, "functions"),
        ] {
            if let (Some(low), Some(high)) = (low, high)
                && low > high
            {
                out.push(Fault::error(
                    vec![Key("tiers"), Index(i), Key("id")],
                    Code::RangeInverted,
                    said(
                        Msg::CheckRangeEmpty,
                        &[
                            ("tier", &t.id),
                            ("what", &what),
                            ("low", &low),
                            ("high", &high),
                        ],
                    ),
                ));
            }
        }
        if within_bounds {
            unreachable_cap(program, i, t, out);
        }
    }
}

/// A published cap the rule can never pay must be acknowledged (`cap_note`).
fn unreachable_cap<'p>(program: &'p Program, i: usize, t: &'p Tier, out: &mut Vec<Fault<'p>>) {
    let rule = &t.rule;
    // A per-bed cap depends on the beds; a banded rule without bands pays nothing (refused above).
    let computes = match rule {
        RateRule::PerBed(_) => false,
        RateRule::Banded(r) => !r.bands.is_empty(),
        _ => true,
    };
    if !computes {
        return;
    }
    let ctx = Context::with_beds(t.beds_min.unwrap_or(0));
    let Some(cap) = calc::grant_cap(rule, &ctx) else {
        return;
    };
    let payable = calc::payable_max(rule, &ctx, program.rounding.rule);
    if payable < cap && rule.cap_note().is_none() {
        out.push(Fault::warning(
            in_rule(i, rule, &[Key("grant_cap")]),
            Code::UnreachableCap,
            said(
                Msg::CheckUnreachableCap,
                &[("tier", &t.id), ("cap", &cap), ("payable", &payable)],
            ),
        ));
    }
}

/// Two tiers that both fit one facility, and classes covered in some variants only.
pub(super) fn overlaps<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    let overlap = |a: (Option<u32>, Option<u32>), b: (Option<u32>, Option<u32>)| {
        let low = a.0.unwrap_or(0).max(b.0.unwrap_or(0));
        let high = a.1.unwrap_or(u32::MAX).min(b.1.unwrap_or(u32::MAX));
        (low <= high).then_some(low)
    };
    for (i, a) in program.tiers.iter().enumerate() {
        for b in &program.tiers[..i] {
            if a.variant != b.variant || a.kenshin.zip(b.kenshin).is_some_and(|(x, y)| x != y) {
                continue;
            }
            let Some(class) = a.facilities.iter().find(|c| b.facilities.contains(c)) else {
                continue;
            };
            let (Some(beds), Some(_), Some(_)) = (
                overlap((a.beds_min, a.beds_max), (b.beds_min, b.beds_max)),
                overlap(
                    (a.processes_min, a.processes_max),
                    (b.processes_min, b.processes_max),
                ),
                overlap(
                    (a.functions_min, a.functions_max),
                    (b.functions_min, b.functions_max),
                ),
            ) else {
                continue;
            };
            out.push(Fault::error(
                vec![Key("tiers"), Index(i), Key("id")],
                Code::TierOverlap,
                said_each(|lang| {
                    i18n::text(
                        lang,
                        Msg::CheckTierOverlap,
                        &[
                            ("first", &b.id),
                            ("second", &a.id),
                            ("class", &class.name(lang)),
                            ("beds", &beds),
                        ],
                    )
                }),
            ));
        }
    }
    if program.variants.len() < 2 {
        return;
    }
    let classes = |variant: Option<&str>| -> BTreeSet<FacilityClass> {
        program
            .tiers
            .iter()
            .filter(|t| variant.is_none_or(|v| t.variant.as_deref() == Some(v)))
            .flat_map(|t| t.facilities.iter().copied())
            .collect()
    };
    let all = classes(None);
    for (i, v) in program.variants.iter().enumerate() {
        let missing: Vec<_> = all.difference(&classes(Some(&v.id))).copied().collect();
        if missing.is_empty() {
            continue;
        }
        let names = |lang| {
            let names: Vec<&str> = missing.iter().map(|c| c.name(lang)).collect();
            names.join(i18n::template(lang, Msg::ListSeparator))
        };
        out.push(Fault::warning(
            vec![Key("variants"), Index(i), Key("id")],
            Code::VariantCoverage,
            said_each(|lang| {
                i18n::text(
                    lang,
                    Msg::CheckVariantCoverage,
                    &[("variant", &v.id), ("classes", &names(lang))],
                )
            }),
        ));
    }
}

/// Every tier has a worked example, and every example names a tier
/// (`check` runs them).
pub(super) fn examples<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    for (i, t) in program.tiers.iter().enumerate() {
        if !program.examples.iter().any(|e| e.tier == t.id) {
            out.push(Fault::error(
                vec![Key("tiers"), Index(i), Key("id")],
                Code::NoExample,
                said(Msg::CheckNoExample, &[("tier", &t.id)]),
            ));
        }
    }
    for (i, e) in program.examples.iter().enumerate() {
        if !program.tiers.iter().any(|t| t.id == e.tier) {
            out.push(Fault::error(
                vec![Key("examples"), Index(i), Key("tier")],
                Code::UnknownReference,
                said(Msg::CheckExampleTierUnknown, &[("tier", &e.tier)]),
            ));
        }
    }
}
