//! Invariants of the grant arithmetic, over every tier of the real catalogue.

use std::sync::LazyLock;

use proptest::prelude::*;
use subsidy::core::calc::{Context, Costs, compute, grant_cap, largest_payable};
use subsidy::core::catalogue::{Catalogue, Program, RateFlag, Rounding, Tier};

/// Every (program, tier) pair, with a bed count the tier accepts.
static TIERS: LazyLock<Vec<(Program, Tier, u32)>> = LazyLock::new(|| {
    let catalogue = Catalogue::embedded().unwrap();
    catalogue
        .programs()
        .iter()
        .flat_map(|p| {
            p.tiers.iter().map(move |t| {
                (
                    p.clone(),
                    t.clone(),
                    t.beds_min.unwrap_or(0).max(t.beds_max.unwrap_or(0).min(60)),
                )
            })
        })
        .collect()
});

fn tiers() -> &'static [(Program, Tier, u32)] {
    &TIERS
}

fn costs_for(tier: &Tier, cost: u64) -> Costs {
    if tier.rule.item_keys().next().is_none() {
        Costs::total(cost)
    } else {
        // Every item gets the amount: monotone in `cost`, and over each item cap alike.
        Costs::by_item(
            tier.rule
                .item_keys()
                .map(|key| (key.to_string(), cost))
                .collect(),
        )
    }
}

/// A context for the tier: its beds, a group size, and any of the rate flags.
fn context(beds: u32, members: u32, flag_bits: u8) -> Context {
    let flags = [
        RateFlag::SmallBusiness,
        RateFlag::MinWageNearby,
        RateFlag::LargeCompany,
    ]
    .into_iter()
    .enumerate()
    .filter(|(i, _)| flag_bits & (1 << i) != 0)
    .map(|(_, f)| f)
    .collect();
    Context {
        beds,
        members,
        flags,
    }
}

/// The largest rate any part of the tier can pay at.
fn max_rate(tier: &Tier) -> (u128, u128) {
    let rates = tier
        .rule
        .rates()
        .into_iter()
        .flat_map(|(_, rate, when)| std::iter::once(rate).chain(when.iter().map(|w| w.rate)));
    rates
        .map(|r| (u128::from(r.numerator()), u128::from(r.denominator())))
        .max_by(|a, b| (a.0 * b.1).cmp(&(b.0 * a.1)))
        .unwrap_or((1, 1))
}

proptest! {
    #![proptest_config(crate::support::proptest_config(2000))]

    #[test]
    fn the_grant_never_exceeds_cost_cap_or_rate_times_cost(
        index in 0usize..1000, cost in 0u64..=1_000_000_000_000, members in 10u32..200, flags in 0u8..8,
    ) {
        let all = tiers();
        let (program, tier, beds) = &all[index % all.len()];
        let ctx = context(*beds, members, flags);
        let c = compute(&tier.rule, &ctx, program.rounding.rule, &costs_for(tier, cost));
        prop_assert!(c.grant <= c.cost);
        prop_assert!(c.eligible_cost <= c.cost);
        if let (Some(cap), true) = (grant_cap(&tier.rule, &ctx), c.parts.is_empty()) {
            prop_assert!(c.grant <= cap);
        }
        if let Some(cap) = tier.rule.business_cost_cap() {
            prop_assert!(c.eligible_cost <= cap);
        }
        // grant <= cost × the largest rate, except half-up rounding may add under 1 yen.
        let (n, d) = max_rate(tier);
        let slack = if program.rounding.rule == Rounding::RoundHalfUp1 { d } else { 0 };
        prop_assert!(u128::from(c.grant) * d <= u128::from(c.cost) * n + slack);
        prop_assert_eq!(c.self_burden, c.cost - c.grant);
    }

    #[test]
    fn the_grant_never_falls_when_the_cost_rises(
        index in 0usize..1000, cost in 0u64..20_000_000, more in 0u64..5_000_000, members in 10u32..200, flags in 0u8..8,
    ) {
        let all = tiers();
        let (program, tier, beds) = &all[index % all.len()];
        let ctx = context(*beds, members, flags);
        let rule = program.rounding.rule;
        let low = compute(&tier.rule, &ctx, rule, &costs_for(tier, cost));
        let high = compute(&tier.rule, &ctx, rule, &costs_for(tier, cost + more));
        prop_assert!(low.grant <= high.grant);
    }

    #[test]
    fn no_cost_pays_more_than_the_largest_payable(index in 0usize..1000, cost in 0u64..100_000_000, flags in 0u8..8) {
        let all = tiers();
        let (program, tier, beds) = &all[index % all.len()];
        let ctx = context(*beds, 10, flags);
        let (best, _) = largest_payable(&tier.rule, &ctx, program.rounding.rule);
        // The largest payable covers the main cost; separate parts come on top of it.
        let costs = if tier.rule.parts().is_empty() { costs_for(tier, cost) } else { Costs::total(cost) };
        let c = compute(&tier.rule, &ctx, program.rounding.rule, &costs);
        prop_assert!(c.grant <= best);
    }
}
