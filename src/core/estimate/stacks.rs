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
        for relation in stacks_on(e) {
            let base = estimates
                .iter()
                .position(|b| relation_joins(relation, e, b));
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

/// Whether `top` tops up `base` on the same cost (上乗せ): `top`'s program
/// has a `stacks-on` relation to `base`'s, and their variants pair as the
/// relation says. The one test of stacking: [`stacks`] and the best
/// combination (`core::recommend`) both ask it.
pub fn tops_up(top: &Estimate<'_>, base: &Estimate<'_>) -> bool {
    stacks_on(top).any(|relation| relation_joins(relation, top, base))
}

/// The `stacks-on` relations of `e`'s program, in the order the file gives them.
fn stacks_on<'c>(e: &Estimate<'c>) -> impl Iterator<Item = &'c Relation> + use<'c> {
    e.program
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::StacksOn)
}

/// Whether `relation` (a `stacks-on` of `top`'s program) joins `top` to
/// `base`: `base` is of the program it names, in the variant paired with
/// `top`'s (no pairs: neither has a variant).
fn relation_joins(relation: &Relation, top: &Estimate<'_>, base: &Estimate<'_>) -> bool {
    if relation.program.as_deref() != Some(base.program.id.as_str()) {
        return false;
    }
    let own_variant = top.variant.map(|v| v.id.as_str());
    let base_variant = base.variant.map(|v| v.id.as_str());
    if relation.variant_pairs.is_empty() {
        return base_variant.is_none();
    }
    relation.variant_pairs.iter().any(|[own, theirs]| {
        Some(own.as_str()) == own_variant && Some(theirs.as_str()) == base_variant
    })
}
