//! The targets of a program, each with whether an example can exercise it
//! at all (`Err`: why not). Whether a cap can bind is found by the engine
//! itself, at the largest inputs it takes ([`ceilings`]).

use super::*;

use crate::core::calc::{self, Context, Costs};
use crate::core::catalogue::{DateKind, Tier};
use crate::core::estimate::{Facility, MAX_BEDS};
use crate::core::money::MAX_INPUT;
use crate::input::request::MAX_MEMBERS;

/// Whether an example can exercise a target.
pub(super) type Reach = Result<(), Reason>;

/// Every target of `program`, in the order of the file: tiers, rounding,
/// conditions, size limits, window; each once.
pub(super) fn of_program(program: &Program) -> Vec<(Target, Reach)> {
    let mut out = Vec::new();
    for tier in &program.tiers {
        of_tier(program, tier, &mut out);
    }
    rounding(program, &mut out);
    conditions(program, &mut out);
    sizes(program, &mut out);
    windows(program, &mut out);
    let mut seen: Vec<Target> = Vec::with_capacity(out.len());
    out.retain(|(target, _)| {
        let new = !seen.contains(target);
        if new {
            seen.push(target.clone());
        }
        new
    });
    out
}

/// The tier computed at the largest inputs the engine takes (every cost
/// and item 1兆円, the most beds the tier allows, the most members), once
/// with no flag and once with each flag that changes a rate: whatever can
/// bind, binds in one of these.
fn ceilings(program: &Program, tier: &Tier) -> Vec<Computation> {
    let mut flag_sets = vec![BTreeSet::new()];
    flag_sets.extend(tier.rule.rate_whens().map(|w| BTreeSet::from([w.flag])));
    let costs = Costs {
        main: MAX_INPUT,
        items: (tier.rule.item_keys())
            .map(|key| (key.to_string(), MAX_INPUT))
            .collect(),
    };
    flag_sets
        .into_iter()
        .map(|flags| {
            let ctx = Context {
                beds: tier.beds_max.unwrap_or(MAX_BEDS),
                members: MAX_MEMBERS,
                flags,
            };
            calc::compute(&tier.rule, &ctx, program.rounding.rule, &costs)
        })
        .collect()
}

/// A cap binds at the ceiling, or why it never can.
fn binds_somewhere(most: Option<ExactYen>, cap: Option<Yen>, binds: bool) -> Reach {
    match (most, cap) {
        _ if binds => Ok(()),
        (Some(most), Some(cap)) => Err(Reason::NeverBinds {
            most: most.to_string(),
            cap,
        }),
        _ => Err(Reason::NeverReached),
    }
}

fn of_tier(program: &Program, tier: &Tier, out: &mut Vec<(Target, Reach)>) {
    let id = || tier.id.clone();
    let rule = &tier.rule;
    let ceilings = ceilings(program, tier);
    out.push((Target::Tier { tier: id() }, Ok(())));
    for item in rule.summed_items() {
        if item.business_cost_cap.is_some() {
            for binds in [true, false] {
                let item = item.key.clone();
                out.push((
                    Target::ItemCap {
                        tier: id(),
                        item,
                        binds,
                    },
                    Ok(()),
                ));
            }
        }
    }
    if let Some(cap) = rule.business_cost_cap() {
        let most = ceilings.iter().map(after_items).max();
        let binds = most.is_some_and(|most| most > cap);
        let reach = binds_somewhere(most.map(ExactYen::whole), Some(cap), binds);
        out.push((
            Target::BusinessCostCap {
                tier: id(),
                binds: true,
            },
            reach,
        ));
        out.push((
            Target::BusinessCostCap {
                tier: id(),
                binds: false,
            },
            Ok(()),
        ));
    }
    if ceilings.iter().any(|c| c.grant_cap.is_some()) {
        let binds = ceilings.iter().any(|c| c.main_grant < c.before_grant_cap);
        let most = ceilings.iter().map(|c| c.before_grant_cap).max();
        let cap = rule
            .grant_cap()
            .or(ceilings.iter().find_map(|c| c.grant_cap));
        let reach = binds_somewhere(most, cap, binds);
        out.push((
            Target::GrantCap {
                tier: id(),
                binds: true,
            },
            reach,
        ));
        out.push((
            Target::GrantCap {
                tier: id(),
                binds: false,
            },
            Ok(()),
        ));
    }
    if let Some(min) = rule.grant_min().filter(|min| *min > 0) {
        out.push((
            Target::GrantMin {
                tier: id(),
                below: true,
            },
            Ok(()),
        ));
        let reached = ceilings.iter().any(|c| c.grant >= min);
        let reach = if reached {
            Ok(())
        } else {
            Err(Reason::NeverReached)
        };
        out.push((
            Target::GrantMin {
                tier: id(),
                below: false,
            },
            reach,
        ));
    }
    parts(tier, &ceilings, out);
    for (j, band) in rule.bands().iter().enumerate().skip(1) {
        let reached = ceilings.iter().any(|c| c.bands.len() > j);
        let reach = if reached {
            Ok(())
        } else {
            Err(Reason::NeverReached)
        };
        let target = Target::Band {
            tier: id(),
            band: j + 1,
            rate: band.rate,
        };
        out.push((target, reach));
    }
    for when in rule.rate_whens() {
        let target = Target::Rate {
            tier: id(),
            flag: when.flag,
            rate: when.rate,
        };
        out.push((target, Ok(())));
    }
    thresholds(program, tier, out);
}

/// The caps of a banded tier's parts, and of parts together.
fn parts(tier: &Tier, ceilings: &[Computation], out: &mut Vec<(Target, Reach)>) {
    let id = || tier.id.clone();
    for part in tier.rule.parts() {
        let key = || part.key.clone();
        let lines = || {
            ceilings
                .iter()
                .filter_map(|c| c.parts.iter().find(|p| p.key == part.key))
        };
        if part.business_cost_cap.is_some() {
            for binds in [true, false] {
                let target = Target::PartCostCap {
                    tier: id(),
                    part: key(),
                    binds,
                };
                out.push((target, Ok(())));
            }
        }
        if part.grant_cap.is_some() || part.grant_cap_per_member.is_some() {
            let before = |p: &calc::PartLine| ExactYen::times(p.counted, p.rate);
            let binds = lines().any(|p| p.grant < before(p));
            let most = lines().map(before).max();
            let cap = lines().find_map(|p| p.grant_cap);
            let reach = binds_somewhere(most, cap, binds);
            let target = |binds| Target::PartGrantCap {
                tier: id(),
                part: key(),
                binds,
            };
            out.push((target(true), reach));
            out.push((target(false), Ok(())));
        }
    }
    for (j, group) in tier.rule.group_caps().iter().enumerate() {
        let binds = ceilings
            .iter()
            .any(|c| c.groups.get(j).is_some_and(|g| g.excess > ExactYen::ZERO));
        let most = ceilings.iter().map(|c| together(c, group)).max();
        let reach = binds_somewhere(most, Some(group.grant_cap), binds);
        let target = |binds| Target::GroupCap {
            tier: id(),
            group: j + 1,
            parts: crate::core::catalogue::group_parts_text(&group.parts),
            binds,
        };
        out.push((target(true), reach));
        out.push((target(false), Ok(())));
    }
}

/// A tier's least and most of `on` (the least members only).
pub(super) fn range(tier: &Tier, on: Measure) -> (Option<u32>, Option<u32>) {
    match on {
        Measure::Beds => (tier.beds_min, tier.beds_max),
        Measure::Processes => (tier.processes_min, tier.processes_max),
        Measure::Functions => (tier.functions_min, tier.functions_max),
        Measure::Members => (tier.members_min, None),
    }
}

/// Each edge of the tier's ranges: at the edge inside, one past it outside.
fn thresholds(program: &Program, tier: &Tier, out: &mut Vec<(Target, Reach)>) {
    for on in Measure::ALL {
        let (min, max) = range(tier, on);
        let mut edges = Vec::new();
        if let Some(min) = min {
            edges.push((min, true));
            if let Some(below) = min.checked_sub(1) {
                edges.push((below, false));
            }
        }
        if let Some(max) = max {
            edges.push((max, true));
            edges.push((max.saturating_add(1), false));
        }
        for (value, inside) in edges {
            let target = Target::Threshold {
                tier: tier.id.clone(),
                on,
                value,
                inside,
            };
            out.push((target, reach_threshold(program, tier, on, value, inside)));
        }
    }
}

/// Whether an example can stand at `value` of `on`, inside the tier or just
/// outside it (another tier of the variant answering there, or, for
/// members, the tier itself refusing too few).
fn reach_threshold(program: &Program, tier: &Tier, on: Measure, value: u32, inside: bool) -> Reach {
    let classes: Vec<FacilityClass> = match on {
        Measure::Beds => {
            let valid: Vec<FacilityClass> = (tier.facilities.iter().copied())
                .filter(|c| Facility::new(*c, value).is_ok())
                .collect();
            if valid.is_empty() {
                return Err(Reason::NoSuchFacility {
                    facility: tier
                        .facilities
                        .first()
                        .copied()
                        .unwrap_or(FacilityClass::Hospital),
                    beds: value,
                });
            }
            valid
        }
        Measure::Processes | Measure::Functions if value == 0 => {
            return Err(Reason::CountBelowOne);
        }
        Measure::Members => return Ok(()),
        _ => tier.facilities.clone(),
    };
    if inside {
        return Ok(());
    }
    let kenshin_agrees = |other: &Tier| match (tier.kenshin, other.kenshin) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let answers = |other: &Tier| {
        other.id != tier.id
            && other.variant == tier.variant
            && kenshin_agrees(other)
            && classes.iter().any(|c| match on {
                Measure::Beds => other.fits(*c, value),
                _ => {
                    let (min, max) = range(other, on);
                    other.facilities.contains(c)
                        && min.is_none_or(|m| value >= m)
                        && max.is_none_or(|m| value <= m)
                }
            })
    };
    if program.tiers.iter().any(answers) {
        Ok(())
    } else {
        Err(Reason::NoTierThere)
    }
}

/// The rounding rule changes a grant: always possible for 1,000円
/// truncation; otherwise only where some rate leaves a fraction of a yen.
fn rounding(program: &Program, out: &mut Vec<(Target, Reach)>) {
    let rule = program.rounding.rule;
    let mut rates: Vec<Rate> = Vec::new();
    for tier in &program.tiers {
        for (_, rate, whens) in tier.rule.rates() {
            for rate in std::iter::once(rate).chain(whens.iter().map(|w| w.rate)) {
                if !rates.contains(&rate) {
                    rates.push(rate);
                }
            }
        }
    }
    let fraction = rates
        .iter()
        .any(|r| !r.numerator().is_multiple_of(r.denominator()));
    let reach = if rule == Rounding::Truncate1000 || fraction {
        Ok(())
    } else {
        let rates: Vec<String> = rates.iter().map(ToString::to_string).collect();
        Err(Reason::NoFraction {
            rates: rates.join(", "),
        })
    };
    out.push((Target::Rounding { rule }, reach));
}

/// Each condition of the program and of its tiers: held, and not.
fn conditions(program: &Program, out: &mut Vec<(Target, Reach)>) {
    let all = program
        .conditions
        .iter()
        .chain(program.tiers.iter().flat_map(|t| &t.conditions));
    for condition in all {
        for held in [true, false] {
            let target = Target::Condition {
                condition: condition.id.clone(),
                held,
            };
            out.push((target, Ok(())));
        }
    }
}

/// Each limit of the SME table: at it, and one past.
fn sizes(program: &Program, out: &mut Vec<(Target, Reach)>) {
    for row in &program.sme_limits {
        for (entity, limit) in row.limits() {
            let limits = [
                (SizeMeasure::Capital, limit.capital_max),
                (SizeMeasure::Employees, limit.employees_max.map(Yen::from)),
            ];
            for (on, max) in limits {
                let Some(max) = max else { continue };
                for (value, inside) in [(max, true), (max.saturating_add(1), false)] {
                    let target = Target::Size {
                        facilities: row.facilities.clone(),
                        entity: entity.id(),
                        on,
                        value,
                        inside,
                    };
                    out.push((target, Ok(())));
                }
            }
        }
    }
}

/// The eve of each opening date, each deadline day, the day after the last.
fn windows(program: &Program, out: &mut Vec<(Target, Reach)>) {
    let dates = |kind| {
        let mut dates: Vec<NaiveDate> = program.dates_of(kind).collect();
        dates.sort();
        dates.dedup();
        dates
    };
    let (opens, deadlines) = (dates(DateKind::Opens), dates(DateKind::Deadline));
    let window = |day, date| Target::Window { day, date };
    if deadlines.is_empty() {
        out.push((window(Day::DeadlineDay, None), Err(Reason::NoDeadline)));
        return;
    }
    if opens.is_empty() {
        out.push((window(Day::OpensEve, None), Err(Reason::NoOpeningDate)));
    }
    for opens in opens {
        out.push((window(Day::OpensEve, opens.pred_opt()), Ok(())));
    }
    for deadline in &deadlines {
        out.push((window(Day::DeadlineDay, Some(*deadline)), Ok(())));
    }
    if let Some(last) = deadlines.last() {
        out.push((window(Day::AfterLastDeadline, last.succ_opt()), Ok(())));
    }
}
