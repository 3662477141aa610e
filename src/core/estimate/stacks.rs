//! Grants that stack on the same cost (上乗せ), added up without ever
//! passing the cost.

use super::*;

/// A top-up grant on the same cost, shown with the grant it tops up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stack {
    /// Indexes into the estimates: the grant topped up, and the top-up.
    pub base: usize,
    pub top: usize,
    pub cost: Yen,
    /// Both grants together, never more than the cost.
    pub combined: Yen,
    pub self_burden: Yen,
}

/// Pairs of estimates where one program tops up another on the same cost
/// (a `stacks-on` relation with matching variants). Only such pairs are
/// ever summed: programs that exclude each other never are.
pub fn stacks(estimates: &[Estimate<'_>]) -> Vec<Stack> {
    let mut found = Vec::new();
    for (top, e) in estimates.iter().enumerate() {
        let Some(top_amount) = e.computation.as_ref() else {
            continue;
        };
        let own_variant = e.variant.map(|v| v.id.as_str());
        for relation in e
            .program
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::StacksOn)
        {
            let Some(base_id) = relation.program.as_deref() else {
                continue;
            };
            let base_variant = relation
                .variant_pairs
                .iter()
                .find(|[own, _]| Some(own.as_str()) == own_variant)
                .map(|[_, theirs]| theirs.as_str());
            if !relation.variant_pairs.is_empty() && base_variant.is_none() {
                continue;
            }
            let base = estimates.iter().position(|b| {
                b.program.id == base_id && b.variant.map(|v| v.id.as_str()) == base_variant
            });
            if let Some(base) = base
                && let Some(base_amount) = estimates[base].computation.as_ref()
            {
                let cost = base_amount.cost.max(top_amount.cost);
                let combined = (base_amount.grant + top_amount.grant).min(cost);
                found.push(Stack {
                    base,
                    top,
                    cost,
                    combined,
                    self_burden: cost - combined,
                });
            }
        }
    }
    found
}
