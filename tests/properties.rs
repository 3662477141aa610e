//! Invariants of the grant arithmetic, over every tier of the real catalogue.

use std::sync::LazyLock;

use proptest::prelude::*;
use subsidy::calc::{Context, Costs, compute, grant_cap, largest_payable};
use subsidy::catalogue::{Catalogue, Program, Rounding, Tier};

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
    if tier.items.is_empty() {
        Costs::total(cost)
    } else {
        // Every item gets the amount: monotone in `cost`, and over each item cap alike.
        Costs::by_item(
            tier.items
                .iter()
                .map(|item| (item.key.clone(), cost))
                .collect(),
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_grant_never_exceeds_cost_cap_or_rate_times_cost(index in 0usize..1000, cost in 0u64..=1_000_000_000_000) {
        let all = tiers();
        let (program, tier, beds) = &all[index % all.len()];
        let c = compute(tier, &Context::with_beds(*beds), program.rounding.rule, &costs_for(tier, cost));
        prop_assert!(c.grant <= c.cost);
        prop_assert!(c.eligible_cost <= c.cost);
        if let Some(cap) = grant_cap(tier, &Context::with_beds(*beds)) {
            prop_assert!(c.grant <= cap);
        }
        if let Some(cap) = tier.business_cost_cap {
            prop_assert!(c.eligible_cost <= cap);
        }
        // grant <= eligible × rate, except half-up rounding may add under 1 yen.
        let bound = u128::from(c.eligible_cost) * u128::from(tier.rate.numerator());
        let slack = if program.rounding.rule == Rounding::RoundHalfUp1 { u128::from(tier.rate.denominator()) } else { 0 };
        prop_assert!(u128::from(c.grant) * u128::from(tier.rate.denominator()) <= bound + slack);
        prop_assert_eq!(c.self_burden, c.cost - c.grant);
    }

    #[test]
    fn the_grant_never_falls_when_the_cost_rises(index in 0usize..1000, cost in 0u64..20_000_000, more in 0u64..5_000_000) {
        let all = tiers();
        let (program, tier, beds) = &all[index % all.len()];
        let rule = program.rounding.rule;
        let low = compute(tier, &Context::with_beds(*beds), rule, &costs_for(tier, cost));
        let high = compute(tier, &Context::with_beds(*beds), rule, &costs_for(tier, cost + more));
        prop_assert!(low.grant <= high.grant);
    }

    #[test]
    fn no_cost_pays_more_than_the_largest_payable(index in 0usize..1000, cost in 0u64..100_000_000) {
        let all = tiers();
        let (program, tier, beds) = &all[index % all.len()];
        let ctx = Context::with_beds(*beds);
        let (best, _) = largest_payable(tier, &ctx, program.rounding.rule);
        let c = compute(tier, &ctx, program.rounding.rule, &costs_for(tier, cost));
        prop_assert!(c.grant <= best);
    }
}
