//! `--explain`: how each result was reached, step by step, each step with
//! the source it comes from.

use std::fmt::Display;

use crate::Lang;
use crate::core::calc::Computation;
use crate::core::catalogue::{Cite, DateKind, DecidedBy, Program, RateRule, Text, Tier};
use crate::core::estimate::{ConditionOutcome, Estimate};
use crate::core::money::group_thousands;
use crate::i18n::{self, Key};

/// One step of the amount: what was done, the value after it, and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<'c> {
    /// Stable id: `cost`, `item`, `business-cost-cap`, `rate`, `grant-cap`, `rounding`, `self-burden`.
    pub key: &'static str,
    pub label: Text,
    /// The amount after this step, in yen (exact, `…` where not whole).
    pub value: String,
    pub cite: Option<&'c Cite>,
}

fn yen(amount: u64) -> String {
    group_thousands(u128::from(amount))
}

/// A step's words from the message tables, the values the same in both languages.
fn said(key: Key, values: &[(&str, &dyn Display)]) -> Text {
    said_each(key, values, values)
}

/// A step's words from the message tables, with values of each language
/// (an item's Japanese and English names).
fn said_each(key: Key, ja: &[(&str, &dyn Display)], en: &[(&str, &dyn Display)]) -> Text {
    Text {
        ja: i18n::text(Lang::Ja, key, ja),
        en: i18n::text(Lang::En, key, en),
    }
}

/// The amount's steps: cost → item caps → business-cost cap → × rate →
/// grant cap → rounding → self-pay. A per-unit tier (coupons) shows each
/// unit's steps, then their sum: the arithmetic that leads to the grant.
pub fn amount_steps<'c>(estimate: &Estimate<'c>) -> Vec<Step<'c>> {
    let (Some(tier), Some(c)) = (estimate.tier, estimate.computation.as_ref()) else {
        return Vec::new();
    };
    let program = estimate.program;
    let mut steps = match (tier.rule.unit(), c.units.as_slice()) {
        (Some(unit), [_, _, ..]) => {
            let mut steps = Vec::new();
            for (n, one) in c.units.iter().enumerate() {
                let prefix = |lang, name: &str| {
                    i18n::text(
                        lang,
                        Key::StepUnitPrefix,
                        &[("unit", &name), ("n", &(n + 1))],
                    )
                };
                let (ja, en) = (
                    prefix(Lang::Ja, &unit.name.ja),
                    prefix(Lang::En, &unit.name.en),
                );
                steps.extend(
                    computation_steps(program, tier, one)
                        .into_iter()
                        .map(|step| Step {
                            label: Text {
                                ja: format!("{ja}{}", step.label.ja),
                                en: format!("{en}{}", step.label.en),
                            },
                            ..step
                        }),
                );
            }
            steps.push(Step {
                key: "units-total",
                label: said_each(
                    Key::StepUnitsTotal,
                    &[("unit", &unit.name.ja), ("count", &c.units.len())],
                    &[("unit", &unit.name.en), ("count", &c.units.len())],
                ),
                value: yen(c.grant),
                cite: None,
            });
            steps
        }
        _ => computation_steps(program, tier, c),
    };
    steps.push(Step {
        key: "self-burden",
        label: said(
            Key::StepSelfPay,
            &[("cost", &yen(c.cost)), ("grant", &yen(c.grant))],
        ),
        value: yen(c.self_burden),
        cite: None,
    });
    steps
}

/// The steps of the parts paid at their own rates and of the caps on
/// several parts together.
fn part_steps<'c>(program: &'c Program, tier: &'c Tier, c: &Computation) -> Vec<Step<'c>> {
    let tier_cite = Some(&tier.cite);
    let mut steps = Vec::new();
    for part in &c.parts {
        let name = program.item(&part.key).map(|i| i.name.clone());
        let (ja, en) = name.map_or((part.key.clone(), part.key.clone()), |n| (n.ja, n.en));
        let cap = part.grant_cap.map(yen);
        steps.push(Step {
            key: "part",
            label: {
                let counted = yen(part.counted);
                let key = if cap.is_some() {
                    Key::StepPartCapped
                } else {
                    Key::StepPart
                };
                let cap = cap.unwrap_or_default();
                let values = |name| -> [(&str, &dyn Display); 4] {
                    [
                        ("item", name),
                        ("cost", &counted),
                        ("rate", &part.rate),
                        ("cap", &cap),
                    ]
                };
                said_each(key, &values(&ja), &values(&en))
            },
            value: part.grant.to_string(),
            cite: tier_cite,
        });
    }
    for group in &c.groups {
        steps.push(Step {
            key: "group-cap",
            label: said(
                Key::StepGroupCap,
                &[
                    ("cap", &yen(group.grant_cap)),
                    (
                        "parts",
                        &crate::core::catalogue::group_parts_text(&group.parts),
                    ),
                ],
            ),
            value: group.excess.to_string(),
            cite: tier
                .rule
                .group_caps()
                .iter()
                .find(|g| g.parts == group.parts)
                .map(|g| &g.cite),
        });
    }
    steps
}

/// One computation's steps, cost to rounding (and the grant minimum).
fn computation_steps<'c>(program: &'c Program, tier: &'c Tier, c: &Computation) -> Vec<Step<'c>> {
    let tier_cite = Some(&tier.cite);
    let mut steps = vec![Step {
        key: "cost",
        label: said(Key::StepCost, &[]),
        value: yen(c.cost),
        cite: None,
    }];
    for line in &c.items {
        let name = program.item(&line.key).map(|i| i.name.clone());
        let (ja, en) = name.map_or((line.key.clone(), line.key.clone()), |n| (n.ja, n.en));
        steps.push(Step {
            key: "item",
            label: {
                let (cost, cap) = (yen(line.cost), yen(line.business_cost_cap));
                said_each(
                    Key::StepItem,
                    &[("item", &ja), ("cost", &cost), ("cap", &cap)],
                    &[("item", &en), ("cost", &cost), ("cap", &cap)],
                )
            },
            value: yen(line.counted),
            cite: tier_cite,
        });
    }
    steps.push(business_cap_step(c, tier_cite));
    if c.bands.is_empty() {
        let label = match tier.rule.rate_assumed() {
            Some(assumed) => said_each(
                Key::StepRateAssumed,
                &[("rate", &c.rate), ("note", &assumed.ja)],
                &[("rate", &c.rate), ("note", &assumed.en)],
            ),
            None => said(Key::StepRate, &[("rate", &c.rate)]),
        };
        steps.push(Step {
            key: "rate",
            label,
            value: c.before_grant_cap.to_string(),
            cite: tier_cite,
        });
    }
    let mut so_far = crate::core::calc::ExactYen::ZERO;
    for band in &c.bands {
        so_far = so_far.plus(band.grant);
        steps.push(Step {
            key: "rate-band",
            label: said(
                Key::StepRateBand,
                &[
                    ("cost", &band.cost),
                    ("rate", &band.rate),
                    ("grant", &band.grant),
                ],
            ),
            value: so_far.to_string(),
            cite: tier_cite,
        });
    }
    let exclusive = matches!(&tier.rule, RateRule::Capped(r) if r.grant_cap_exclusive);
    steps.push(Step {
        key: "grant-cap",
        label: match c.grant_cap {
            Some(cap) if exclusive => said(
                Key::StepGrantCapBelow,
                &[("below", &yen(cap + 1)), ("cap", &yen(cap))],
            ),
            Some(cap) => said(Key::StepGrantCap, &[("cap", &yen(cap))]),
            None => said(Key::StepGrantCapNotStated, &[]),
        },
        value: c.main_grant.to_string(),
        cite: tier_cite,
    });
    steps.extend(part_steps(program, tier, c));
    if !c.parts.is_empty() || !c.groups.is_empty() {
        steps.push(Step {
            key: "total",
            label: said(Key::StepTotal, &[]),
            value: c.before_rounding.to_string(),
            cite: None,
        });
    }
    steps.push(Step {
        key: "rounding",
        label: said_each(
            Key::StepRounding,
            &[("rule", &c.rounding.label(Lang::Ja))],
            &[("rule", &c.rounding.label(Lang::En))],
        ),
        value: yen(c.grant),
        cite: program.rounding.cite.as_ref(),
    });
    if let Some(min) = c.grant_min {
        let key = if c.below_minimum() {
            Key::StepBelowMinimum
        } else {
            Key::StepAtMinimum
        };
        steps.push(Step {
            key: "grant-minimum",
            label: said(key, &[("min", &yen(min))]),
            value: yen(c.grant),
            cite: tier_cite,
        });
    }
    steps
}

fn business_cap_step<'c>(c: &Computation, cite: Option<&'c Cite>) -> Step<'c> {
    let label = match c.business_cost_cap {
        Some(cap) => said(Key::StepBusinessCap, &[("cap", &yen(cap))]),
        None => said(Key::StepBusinessCapNotStated, &[]),
    };
    Step {
        key: "business-cost-cap",
        label,
        value: yen(c.eligible_cost),
        cite,
    }
}

/// How a condition was decided, for people.
pub fn condition_how(outcome: &ConditionOutcome<'_>) -> Text {
    let condition = outcome.condition;
    let outcome_key = match outcome.holds {
        Some(true) => Key::HowMet,
        Some(false) => Key::HowNotMet,
        None => Key::HowNotStated,
    };
    let outcome_words = |lang| i18n::template(lang, outcome_key);
    match (condition.decided_by, &condition.fact, &condition.prefecture) {
        (DecidedBy::Fact, Some(fact), _) => said_each(
            Key::HowByFact,
            &[("fact", fact), ("outcome", &outcome_words(Lang::Ja))],
            &[("fact", fact), ("outcome", &outcome_words(Lang::En))],
        ),
        (DecidedBy::Prefecture, _, Some(p)) => said_each(
            Key::HowByPrefecture,
            &[("prefecture", p), ("outcome", &outcome_words(Lang::Ja))],
            &[("prefecture", p), ("outcome", &outcome_words(Lang::En))],
        ),
        _ => said_each(
            Key::HowBySize,
            &[("outcome", &outcome_words(Lang::Ja))],
            &[("outcome", &outcome_words(Lang::En))],
        ),
    }
}

/// The citation of the deadline the window was judged on.
pub fn deadline_cite<'c>(program: &'c Program, estimate: &Estimate<'_>) -> Option<&'c Cite> {
    let deadline = estimate.window.deadline()?;
    program
        .dates
        .iter()
        .find(|d| d.kind == DateKind::Deadline && d.date == deadline)
        .map(|d| &d.cite)
}
