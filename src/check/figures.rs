//! A program's numbers: figures and their bounds, dates and windows, and
//! tiers that overlap, leave gaps or cannot reach their caps.

use super::*;

pub(crate) fn check_figures(
    doc: &Doc<'_>,
    program: &Program,
    within_bounds: bool,
    out: &mut Vec<Finding>,
) {
    for (i, t) in program.tiers.iter().enumerate() {
        let path = |key: &'static str| [Key("tiers"), Index(i), Key(key)];
        let rule = &t.rule;
        let in_rule = |rest: &[Seg<'static>]| {
            [
                &[Key("tiers"), Index(i), Key("rule"), Key(rule.kind())][..],
                rest,
            ]
            .concat()
        };
        for (key, value) in rule.figures() {
            if value == Some(0) {
                out.push(doc.error(
                    &in_rule(&[Key(key)]),
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
                out.push(doc.error(
                    &in_rule(&[Key(list), Index(j)]),
                    Code::CapNotPositive,
                    said(Msg::CheckItemCapZero, &[("tier", &t.id), ("item", key)]),
                ));
            }
        }
        if rule.business_cost_cap().is_none()
            && rule.grant_cap().is_none()
            && !matches!(rule, RateRule::PerBed(_))
        {
            out.push(doc.error(
                &path("id"),
                Code::NoCap,
                said(Msg::CheckNoCap, &[("tier", &t.id)]),
            ));
        }
        if let (Some(min), Some(cap)) = (rule.grant_min(), rule.grant_cap())
            && min > cap
        {
            out.push(doc.error(
                &in_rule(&[Key("grant_min")]),
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
                out.push(doc.error(
                    &path("id"),
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
        // A published cap the rule can never pay must be acknowledged.
        if !within_bounds {
            continue;
        }
        let ctx = Context::with_beds(t.beds_min.unwrap_or(0));
        let per_bed = matches!(rule, RateRule::PerBed(_));
        if let Some(cap) = calc::grant_cap(rule, &ctx).filter(|_| !per_bed) {
            let payable = calc::payable_max(rule, &ctx, program.rounding.rule);
            if payable < cap && rule.cap_note().is_none() {
                out.push(doc.warning(
                    &in_rule(&[Key("grant_cap")]),
                    Code::UnreachableCap,
                    said(
                        Msg::CheckUnreachableCap,
                        &[("tier", &t.id), ("cap", &cap), ("payable", &payable)],
                    ),
                ));
            }
        }
    }
}

pub(crate) fn check_dates(
    doc: &Doc<'_>,
    program: &Program,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    let index_of = |kind: DateKind, date: NaiveDate| {
        program
            .dates
            .iter()
            .position(|d| d.kind == kind && d.date == date)
            .unwrap_or(0)
    };
    let first_deadline = program.dates_of(DateKind::Deadline).min();
    let last_deadline = program.dates_of(DateKind::Deadline).max();
    if let (Some(opens), Some(deadline)) = (program.dates_of(DateKind::Opens).min(), first_deadline)
        && opens > deadline
    {
        out.push(doc.error(
            &[
                Key("dates"),
                Index(index_of(DateKind::Opens, opens)),
                Key("date"),
            ],
            Code::DateOrder,
            said(
                Msg::CheckOpensAfterDeadline,
                &[("opens", &opens), ("deadline", &deadline)],
            ),
        ));
    }
    if let (Some(done), Some(deadline)) = (
        program.dates_of(DateKind::CompletionBy).max(),
        last_deadline,
    ) && done > deadline
    {
        out.push(doc.error(
            &[
                Key("dates"),
                Index(index_of(DateKind::CompletionBy, done)),
                Key("date"),
            ],
            Code::DateOrder,
            said(
                Msg::CheckCompletionAfterDeadline,
                &[("done", &done), ("deadline", &deadline)],
            ),
        ));
    }
    if let (Some(from), Some(until)) = (
        program.dates_of(DateKind::CostsFrom).min(),
        program.dates_of(DateKind::CostsUntil).max(),
    ) && from > until
    {
        out.push(doc.error(
            &[
                Key("dates"),
                Index(index_of(DateKind::CostsFrom, from)),
                Key("date"),
            ],
            Code::DateOrder,
            said(
                Msg::CheckCostPeriodInverted,
                &[("from", &from), ("until", &until)],
            ),
        ));
    }
    if let Some(last) = last_deadline
        && last < options.as_of
    {
        out.push(doc.warning(
            &[
                Key("dates"),
                Index(index_of(DateKind::Deadline, last)),
                Key("date"),
            ],
            Code::AllDeadlinesPassed,
            said(Msg::CheckAllDeadlinesPassed, &[("last", &last)]),
        ));
    }
}

/// Two tiers that both fit one facility, and classes covered in some variants only.
pub(crate) fn check_tiers(doc: &Doc<'_>, program: &Program, out: &mut Vec<Finding>) {
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
            out.push(doc.error(
                &[Key("tiers"), Index(i), Key("id")],
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
    if program.variants.len() > 1 {
        let classes = |variant: &str| -> BTreeSet<_> {
            program
                .tiers
                .iter()
                .filter(|t| t.variant.as_deref() == Some(variant))
                .flat_map(|t| t.facilities.iter().copied())
                .collect()
        };
        let all: BTreeSet<_> = program
            .tiers
            .iter()
            .flat_map(|t| t.facilities.iter().copied())
            .collect();
        for (i, v) in program.variants.iter().enumerate() {
            let missing: Vec<_> = all.difference(&classes(&v.id)).copied().collect();
            if !missing.is_empty() {
                let names = |lang| {
                    let names: Vec<&str> = missing.iter().map(|c| c.name(lang)).collect();
                    names.join(i18n::template(lang, Msg::ListSeparator))
                };
                out.push(doc.warning(
                    &[Key("variants"), Index(i), Key("id")],
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
    }
    for (i, t) in program.tiers.iter().enumerate() {
        if !program.examples.iter().any(|e| e.tier == t.id) {
            out.push(doc.error(
                &[Key("tiers"), Index(i), Key("id")],
                Code::NoExample,
                said(Msg::CheckNoExample, &[("tier", &t.id)]),
            ));
        }
    }
}

pub(crate) fn tier_by_id<'a>(program: &'a Program, id: &str) -> Option<&'a Tier> {
    program.tiers.iter().find(|t| t.id == id)
}
