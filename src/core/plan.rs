//! `subsidy plan`: every program a facility can still apply for, with the
//! largest grant it can get and the cost that reaches it, by deadline.

use crate::core::calc;
use crate::core::catalogue::{Catalogue, RelationKind};
use crate::core::estimate::{Estimate, LeftOut, Query, estimate_program};
use crate::core::money::Yen;

/// One program (variant, tier) still open to the facility.
#[derive(Debug, Clone)]
pub struct PlanEntry<'c> {
    pub estimate: Estimate<'c>,
    /// The largest payable grant and the least cost that reaches it.
    pub largest: Option<(Yen, Yen)>,
    /// The program this one tops up, where it is in the plan too.
    pub stacks_on: Option<&'c str>,
}

/// A facility's plan: what it can apply for, and what it may but the
/// sources give no period for.
#[derive(Debug, Clone)]
pub struct Plan<'c> {
    /// Programs that can be applied for on the as-of date
    /// ([`Estimate::left_out`] is `None`), sorted by deadline; a top-up
    /// follows the grant it tops up.
    pub entries: Vec<PlanEntry<'c>>,
    /// Results whose application period the sources do not give
    /// ([`LeftOut::PeriodUnknown`]): named after the plan, not in it.
    pub period_unknown: Vec<PlanEntry<'c>>,
}

/// Every program estimated once for the facility, and sorted into a [`Plan`].
pub fn plan<'c>(catalogue: &'c Catalogue, query: &Query) -> Plan<'c> {
    let mut entries: Vec<PlanEntry<'c>> = Vec::new();
    let mut period_unknown: Vec<PlanEntry<'c>> = Vec::new();
    for estimate in catalogue
        .programs()
        .iter()
        .flat_map(|program| estimate_program(program, None, query))
    {
        // What `calc` shows by default: the same test, so the two agree.
        match estimate.left_out() {
            None => entries.push(entry(estimate, query)),
            Some(LeftOut::PeriodUnknown) => period_unknown.push(entry(estimate, query)),
            Some(_) => {}
        }
    }
    let present: Vec<String> = entries
        .iter()
        .map(|e| e.estimate.program.id.clone())
        .collect();
    for entry in &mut entries {
        let own_variant = entry.estimate.variant.map(|v| v.id.as_str());
        entry.stacks_on = entry
            .estimate
            .program
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::StacksOn)
            .filter(|r| {
                r.variant_pairs.is_empty()
                    || r.variant_pairs
                        .iter()
                        .any(|[own, _]| Some(own.as_str()) == own_variant)
            })
            .filter_map(|r| r.program.as_deref())
            .find(|id| present.iter().any(|p| p == id));
    }
    Plan {
        entries: by_deadline(entries),
        period_unknown,
    }
}

/// A result with the largest grant its tier pays and the least cost that reaches it.
fn entry<'c>(estimate: Estimate<'c>, query: &Query) -> PlanEntry<'c> {
    PlanEntry {
        largest: largest(&estimate, query),
        estimate,
        stacks_on: None,
    }
}

/// The largest grant `estimate`'s tier pays the facility, and the least
/// cost that reaches it (`None` without a tier): what `plan` shows, and
/// what its best combination adds up.
pub fn largest(estimate: &Estimate<'_>, query: &Query) -> Option<(Yen, Yen)> {
    estimate.tier.map(|tier| {
        let rule = estimate.program.rounding.rule;
        let (grant, cost) =
            calc::largest_payable(&tier.rule, &query.context(estimate.program), rule);
        // Never more units than the tier pays for (at most 1,000,
        // bounds::MAX_COUNT) …
        let units = tier.rule.unit().map_or(1, |unit| {
            query
                .coupons
                .map_or(unit.max, |coupons| coupons.min(unit.max))
        });
        // … of a grant and a cost of at most 1兆円 (bounds::MAX_FIGURE, money::MAX_INPUT).
        (grant * Yen::from(units), cost * Yen::from(units))
    })
}

/// By deadline; a top-up right after the grant it tops up.
fn by_deadline(entries: Vec<PlanEntry<'_>>) -> Vec<PlanEntry<'_>> {
    let deadline_of = |id: &str, entries: &[PlanEntry<'_>]| {
        entries
            .iter()
            .find(|e| e.estimate.program.id == id)
            .and_then(|e| e.estimate.window.deadline())
    };
    let keys: Vec<_> = entries
        .iter()
        .map(|e| {
            let anchor = e.stacks_on.unwrap_or(&e.estimate.program.id);
            (
                deadline_of(anchor, &entries),
                anchor.to_string(),
                e.stacks_on.is_some(),
            )
        })
        .collect();
    let mut keyed: Vec<_> = keys.into_iter().zip(entries).collect();
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    keyed.into_iter().map(|(_, entry)| entry).collect()
}
