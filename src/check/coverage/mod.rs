//! `check --coverage`: for each program, every rule a worked example can
//! exercise (a [`Target`]) and the examples that do, read from the
//! engine's own result for each example that passed (the tier it chose,
//! its arithmetic, its conditions, its window; [`super::examples::Observed`]).
//! A rule that no input can exercise is not a target, and the report says
//! why ([`NotTarget`]).
//!
//! The targets of a program ([`targets`]):
//! - each tier applies, with an amount;
//! - each cap binds in one example (it lowers the figure it caps) and does
//!   not in another (that figure above 0 and at most the cap): an item's own
//!   事業額上限, the tier's 事業額上限, its 補助限度額 (of each unit, for a
//!   per-unit tier), a part's caps, a cap on parts together; a 補助下限,
//!   the grant below it and not;
//! - each rate band past the first reached, each rate a flag chooses paid;
//! - the program's rounding rule changing the grant;
//! - each condition (the program's and the tiers') held, and failed or not known;
//! - each bed and count threshold of a tier (beds, 業務プロセス数, 機能数,
//!   構成員数) at its edge inside the tier, and one past it outside;
//! - each limit of the SME table at its edge (an SME by it) and one past (not);
//! - the window, in examples that state `as_of` and `window`: the day before
//!   each opening date (受付前), each deadline day (受付中), and the day
//!   after the last deadline (締切済).

mod observe;
mod targets;
#[cfg(test)]
mod tests;
mod words;

use super::examples::Observed;
use super::*;

use crate::core::calc::{Computation, ExactYen};
use crate::core::catalogue::{FacilityClass, GroupCap, GroupPart, RateFlag, Rounding};
use crate::core::money::Yen;
use crate::core::rate::Rate;

/// Something a worked example can exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Target {
    /// The tier applies, with an amount.
    Tier { tier: String },
    /// An item's own 事業額上限 (a per-item tier).
    ItemCap {
        tier: String,
        item: String,
        binds: bool,
    },
    /// The tier's 事業額上限.
    BusinessCostCap { tier: String, binds: bool },
    /// The tier's 補助限度額 (of each unit, for a per-unit tier).
    GrantCap { tier: String, binds: bool },
    /// The tier's 補助下限: the grant below it, or not.
    GrantMin { tier: String, below: bool },
    /// A part's own 事業額上限 (a banded tier).
    PartCostCap {
        tier: String,
        part: String,
        binds: bool,
    },
    /// A part's own 補助上限額 (or its cap per member).
    PartGrantCap {
        tier: String,
        part: String,
        binds: bool,
    },
    /// A cap on several parts together: the `group`th (from 1).
    GroupCap {
        tier: String,
        group: usize,
        parts: String,
        binds: bool,
    },
    /// A rate band past the first (from 1) reached.
    Band {
        tier: String,
        band: usize,
        rate: Rate,
    },
    /// A rate a flag chooses, paid.
    Rate {
        tier: String,
        flag: RateFlag,
        rate: Rate,
    },
    /// The program's rounding rule changes the grant.
    Rounding { rule: Rounding },
    /// A condition holds, or fails or is not known.
    Condition { condition: String, held: bool },
    /// A tier's threshold: `value` at its edge inside the tier, or one past
    /// it outside.
    Threshold {
        tier: String,
        on: Measure,
        value: u32,
        inside: bool,
    },
    /// A limit of the SME table for these facility classes and legal form:
    /// `value` at the limit (an SME by it), or one past it (not an SME).
    Size {
        facilities: Vec<FacilityClass>,
        entity: &'static str,
        on: SizeMeasure,
        value: u64,
        inside: bool,
    },
    /// The window on a day: the eve of opening, a deadline day, the day
    /// after the last deadline (`None` where the sources give no such date).
    Window { day: Day, date: Option<NaiveDate> },
}

/// What a tier's threshold counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Beds,
    Processes,
    Functions,
    Members,
}

impl Measure {
    const ALL: [Measure; 4] = [
        Measure::Beds,
        Measure::Processes,
        Measure::Functions,
        Measure::Members,
    ];
}

/// What a size limit of the SME table is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SizeMeasure {
    Capital,
    Employees,
}

/// The days of the window an example can be judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Day {
    /// The day before an opening date: 受付前.
    OpensEve,
    /// A deadline day: still open.
    DeadlineDay,
    /// The day after the last deadline: closed.
    AfterLastDeadline,
}

/// Why a rule is not a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// A cap no input can make bind: the figure it caps is at most `most`.
    NeverBinds {
        most: String,
        cap: Yen,
    },
    /// No input brings it about.
    NeverReached,
    /// No rate leaves a fraction of a yen: rounding changes nothing.
    NoFraction {
        rates: String,
    },
    /// The input is refused: no such facility.
    NoSuchFacility {
        facility: FacilityClass,
        beds: u32,
    },
    /// The input is refused: a count below 1.
    CountBelowOne,
    /// No tier applies there, and an example names its tier.
    NoTierThere,
    NoOpeningDate,
    NoDeadline,
}

/// A target and the examples that exercise it.
#[derive(Debug, Clone, Serialize)]
pub struct Covered {
    pub target: Target,
    /// What it is, in English (`text_ja` in Japanese).
    pub text: String,
    pub text_ja: String,
    /// The lines of the `[[examples]]` that exercise it; empty where none does.
    pub examples: Vec<usize>,
}

/// A rule that is not a target, and why.
#[derive(Debug, Clone, Serialize)]
pub struct NotTarget {
    pub target: Target,
    pub text: String,
    pub text_ja: String,
    pub reason: Reason,
    pub why: String,
    pub why_ja: String,
}

/// One program's coverage.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramCoverage {
    pub id: String,
    pub file: String,
    pub covered: usize,
    pub total: usize,
    /// `covered × 100 / total`, rounded down: 100 only when all are covered.
    pub percent: usize,
    pub targets: Vec<Covered>,
    pub not_targets: Vec<NotTarget>,
}

impl ProgramCoverage {
    /// The targets no example exercises.
    pub fn missing(&self) -> impl Iterator<Item = &Covered> {
        self.targets.iter().filter(|t| t.examples.is_empty())
    }
}

/// Every program's coverage, and the whole.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub covered: usize,
    pub total: usize,
    /// Rounded down: 100 only when every target is covered.
    pub percent: usize,
    pub complete: bool,
    pub programs: Vec<ProgramCoverage>,
}

impl Coverage {
    pub(crate) fn new(programs: Vec<ProgramCoverage>) -> Coverage {
        let covered = programs.iter().map(|p| p.covered).sum();
        let total = programs.iter().map(|p| p.total).sum();
        Coverage {
            covered,
            total,
            percent: percent(covered, total),
            complete: covered == total,
            programs,
        }
    }
}

fn percent(covered: usize, total: usize) -> usize {
    covered
        .saturating_mul(100)
        .checked_div(total)
        .unwrap_or(100)
}

/// The coverage of `program` (in `file`) by what its examples showed.
pub(crate) fn measure(program: &Program, file: &str, observed: &[Observed]) -> ProgramCoverage {
    let mut targets = Vec::new();
    let mut not_targets = Vec::new();
    for (target, reach) in targets::of_program(program) {
        let said = words::target(&target);
        match reach {
            Ok(()) => {
                let examples = observed
                    .iter()
                    .filter(|o| observe::covers(program, &target, o))
                    .map(|o| o.line)
                    .collect();
                targets.push(Covered {
                    target,
                    text: said.en,
                    text_ja: said.ja,
                    examples,
                });
            }
            Err(reason) => {
                let why = words::reason(&reason);
                not_targets.push(NotTarget {
                    target,
                    text: said.en,
                    text_ja: said.ja,
                    reason,
                    why: why.en,
                    why_ja: why.ja,
                });
            }
        }
    }
    let covered = targets.iter().filter(|t| !t.examples.is_empty()).count();
    ProgramCoverage {
        id: program.id.clone(),
        file: file.to_string(),
        covered,
        total: targets.len(),
        percent: percent(covered, targets.len()),
        targets,
        not_targets,
    }
}

/// The main cost after the items' own caps, before the 事業額上限: the sum
/// of the items counted, or the cost less the separate parts.
fn after_items(c: &Computation) -> Yen {
    if c.items.is_empty() {
        let parts: Yen = c.parts.iter().map(|p| p.cost).sum();
        c.cost.saturating_sub(parts)
    } else {
        c.items.iter().map(|line| line.counted).sum()
    }
}

/// Each unit's own computation (a per-unit tier), else the computation.
fn units(c: &Computation) -> Vec<&Computation> {
    if c.units.is_empty() {
        vec![c]
    } else {
        c.units.iter().collect()
    }
}

/// The grants of a group's parts together, before its cap.
fn together(c: &Computation, group: &GroupCap) -> ExactYen {
    group.parts.iter().fold(ExactYen::ZERO, |sum, part| {
        let grant = match part {
            GroupPart::Main => c.main_grant,
            GroupPart::Part(key) => c
                .parts
                .iter()
                .find(|p| &p.key == key)
                .map_or(ExactYen::ZERO, |p| p.grant),
        };
        sum.plus(grant)
    })
}
