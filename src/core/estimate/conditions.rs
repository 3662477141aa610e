//! A program's conditions decided on what the user said: held, failed or
//! not known.

use super::*;

/// How one condition came out for this query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionOutcome<'c> {
    pub condition: &'c Condition,
    /// `None` until the user states it.
    pub holds: Option<bool>,
}

/// Decides each of the program's conditions, and the tier's, from the query.
pub fn decide_conditions<'c>(
    program: &'c Program,
    tier: Option<&'c Tier>,
    query: &Query,
) -> Conditions<'c> {
    let tier_conditions: &[Condition] = tier.map_or(&[], |t| &t.conditions);
    let mut out = Conditions::with_capacity(program.conditions.len() + tier_conditions.len());
    let decided = program
        .conditions
        .iter()
        .chain(tier_conditions)
        .map(|condition| {
            let holds = match condition.decided_by {
                DecidedBy::Fact => condition
                    .fact
                    .as_ref()
                    .and_then(|f| query.facts.get(f).copied()),
                DecidedBy::Prefecture => query
                    .prefecture
                    .as_ref()
                    .map(|p| (Some(p) == condition.prefecture.as_ref()) != condition.outside),
                DecidedBy::EntitySize => is_sme(program, query),
            };
            ConditionOutcome { condition, holds }
        });
    out.extend(decided);
    out
}

/// Any condition false → ineligible, naming it; any unknown → unknown,
/// listing the facts to confirm; otherwise the tier's own verdict stands.
pub(crate) fn apply_conditions(estimate: &mut Estimate<'_>, query: &Query) {
    let unknown = estimate
        .conditions
        .iter()
        .filter(|o| o.holds.is_none())
        .count();
    estimate.to_confirm.reserve(unknown);
    for i in 0..estimate.conditions.len() {
        let ConditionOutcome { condition, holds } = estimate.conditions[i];
        match holds {
            Some(true) => {}
            Some(false) => {
                estimate.eligibility = Eligibility::Ineligible;
                estimate
                    .reasons
                    .push(Finding::of(FindingCode::ConditionNotMet, &condition.text).not_met());
            }
            None => {
                if estimate.eligibility == Eligibility::Eligible {
                    estimate.eligibility = Eligibility::Unknown;
                }
                let ask = match condition.decided_by {
                    // What to give depends on the facility: a pharmacy
                    // company is judged by capital too.
                    DecidedBy::EntitySize => Ask::Size(estimate.program, query.facility.class),
                    _ => Ask::Condition(condition),
                };
                estimate
                    .to_confirm
                    .push(Finding::of(FindingCode::Condition, &condition.text).asking(ask));
            }
        }
    }
}
