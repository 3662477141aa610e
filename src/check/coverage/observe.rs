//! Whether what one example showed exercises a target: read from the
//! engine's result (the tier it chose, the computation, the conditions, the
//! window) and from the example's own inputs.

use super::*;

use crate::core::catalogue::{Example, Tier};
use crate::core::window::Window;

use super::targets::range;

/// Whether the example seen in `o` exercises `target`.
pub(super) fn covers(program: &Program, target: &Target, o: &Observed) -> bool {
    let Some(example) = program.examples.get(o.index) else {
        return false;
    };
    // The computation, where the example's tier is `tier` and pays an amount.
    let amount = |tier: &str| {
        if o.tier == tier {
            o.computation.as_ref()
        } else {
            None
        }
    };
    let any_unit = |tier: &str, test: &dyn Fn(&Computation) -> bool| {
        amount(tier).is_some_and(|c| units(c).into_iter().any(test))
    };
    match target {
        Target::Tier { tier } => amount(tier).is_some(),
        Target::ItemCap { tier, item, binds } => amount(tier).is_some_and(|c| {
            c.items.iter().any(|line| {
                line.key == *item
                    && if *binds {
                        line.cost > line.business_cost_cap
                    } else {
                        line.cost > 0 && line.cost <= line.business_cost_cap
                    }
            })
        }),
        Target::BusinessCostCap { tier, binds } => any_unit(tier, &|u| {
            let before = after_items(u);
            u.business_cost_cap.is_some()
                && if *binds {
                    u.eligible_cost < before
                } else {
                    before > 0 && u.eligible_cost == before
                }
        }),
        Target::GrantCap { tier, binds } => any_unit(tier, &|u| {
            u.grant_cap.is_some()
                && if *binds {
                    u.main_grant < u.before_grant_cap
                } else {
                    u.before_grant_cap > ExactYen::ZERO && u.main_grant == u.before_grant_cap
                }
        }),
        Target::GrantMin { tier, below } => {
            amount(tier).is_some_and(|c| c.grant_min.is_some() && c.below_minimum() == *below)
        }
        Target::PartCostCap { tier, part, binds } => amount(tier).is_some_and(|c| {
            c.parts.iter().any(|p| {
                p.key == *part
                    && if *binds {
                        p.counted < p.cost
                    } else {
                        p.cost > 0 && p.counted == p.cost
                    }
            })
        }),
        Target::PartGrantCap { tier, part, binds } => amount(tier).is_some_and(|c| {
            c.parts.iter().any(|p| {
                let before = ExactYen::times(p.counted, p.rate);
                p.key == *part
                    && p.grant_cap.is_some()
                    && if *binds {
                        p.grant < before
                    } else {
                        before > ExactYen::ZERO && p.grant == before
                    }
            })
        }),
        Target::GroupCap {
            tier, group, binds, ..
        } => amount(tier).is_some_and(|c| {
            let Some(line) = c.groups.get(group.saturating_sub(1)) else {
                return false;
            };
            let Some(cap) =
                own_tier(program, tier).and_then(|t| t.rule.group_caps().get(group - 1))
            else {
                return false;
            };
            if *binds {
                line.excess > ExactYen::ZERO
            } else {
                line.excess == ExactYen::ZERO && together(c, cap) > ExactYen::ZERO
            }
        }),
        Target::Band { tier, band, .. } => amount(tier).is_some_and(|c| {
            c.bands
                .get(band.saturating_sub(1))
                .is_some_and(|b| b.cost > ExactYen::ZERO)
        }),
        Target::Rate { tier, flag, .. } => amount(tier).is_some() && o.flags.contains(flag),
        Target::Rounding { .. } => o.computation.as_ref().is_some_and(|c| {
            units(c)
                .into_iter()
                .any(|u| ExactYen::whole(u.grant) != u.before_rounding)
        }),
        Target::Condition { condition, held } => o
            .conditions
            .iter()
            .any(|(id, holds)| id == condition && (*holds == Some(true)) == *held),
        Target::Threshold { .. } => threshold(program, example, o, target),
        Target::Size { .. } => size(program, example, o, target),
        Target::Window { day, date } => match (date, o.window) {
            (Some(date), Some((on, window))) if on == *date => match day {
                Day::OpensEve => matches!(window, Window::NotYetOpen { .. }),
                Day::DeadlineDay => {
                    matches!(window, Window::Open { deadline, .. } if deadline == *date)
                }
                Day::AfterLastDeadline => matches!(window, Window::Closed { .. }),
            },
            _ => false,
        },
    }
}

fn own_tier<'p>(program: &'p Program, id: &str) -> Option<&'p Tier> {
    program.tiers.iter().find(|t| t.id == id)
}

/// What the example says of `on`.
fn said(example: &Example, on: Measure) -> Option<u32> {
    match on {
        Measure::Beds => Some(example.beds),
        Measure::Processes => example.processes,
        Measure::Functions => example.functions,
        Measure::Members => example.members,
    }
}

/// At `value` of `on`: inside, the example's tier is `tier` with an amount;
/// outside, an example that fits `tier` in every other way (its class,
/// variant, 健診 and other ranges) gets another tier, or no amount from it.
fn threshold(program: &Program, example: &Example, o: &Observed, target: &Target) -> bool {
    let &Target::Threshold {
        ref tier,
        on,
        value,
        inside,
    } = target
    else {
        return false;
    };
    let (Some(tier), Some(own)) = (own_tier(program, tier), own_tier(program, &o.tier)) else {
        return false;
    };
    if said(example, on) != Some(value) {
        return false;
    }
    if inside {
        return own.id == tier.id && o.computation.is_some();
    }
    let within = |m: Measure| {
        let (min, max) = range(tier, m);
        said(example, m).is_none_or(|n| min.is_none_or(|x| n >= x) && max.is_none_or(|x| n <= x))
    };
    let fits_otherwise = tier.facilities.contains(&example.facility)
        && own.variant == tier.variant
        && tier.kenshin.is_none_or(|k| example.kenshin == Some(k))
        && Measure::ALL.into_iter().filter(|m| *m != on).all(within);
    fits_otherwise && (own.id != tier.id || o.computation.is_none())
}

/// At a limit of the SME table: an SME by this limit alone (inside), or
/// not an SME one past it (outside).
fn size(program: &Program, example: &Example, o: &Observed, target: &Target) -> bool {
    let &Target::Size {
        ref facilities,
        entity,
        on,
        value,
        inside,
    } = target
    else {
        return false;
    };
    let Some(form) = example.entity.filter(|e| e.id() == entity) else {
        return false;
    };
    if !facilities.contains(&example.facility) {
        return false;
    }
    let capital = form.capital();
    let employees = example.employees.map(u64::from);
    let limit = program.sme_limit(example.facility, form);
    let (stated, other) = match on {
        SizeMeasure::Capital => (
            capital,
            limit.and_then(|l| l.employees_max.map(u64::from).zip(employees)),
        ),
        SizeMeasure::Employees => (employees, limit.and_then(|l| l.capital_max.zip(capital))),
    };
    if stated != Some(value) {
        return false;
    }
    let other_admits = other.is_some_and(|(max, n)| n <= max);
    if inside {
        o.sme == Some(true) && !other_admits
    } else {
        o.sme != Some(true)
    }
}
