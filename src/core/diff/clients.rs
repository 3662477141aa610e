//! Whom a change touches: one facility's results under two catalogues
//! ([`facility_diff`]), program by program, keeping only what changed for
//! it: a program it can now apply for or no longer can, a grant up or
//! down, a grant no longer or newly computed, a deadline moved, a fact
//! newly to confirm; and the recommended total (`core::recommend`) under
//! each.

use chrono::NaiveDate;
use serde::Serialize;

use crate::core::catalogue::Text;
use crate::core::estimate::{Eligibility, Estimate, Finding, LeftOut};
use crate::core::money::Yen;
use crate::core::recommend::Recommendation;

/// Where a program stands for a facility under one catalogue: the result
/// that stands for the program (the one recommended, else the largest
/// grant of those that can be applied for, else the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Why it cannot be applied for on the as-of date; `None`: it can.
    pub left_out: Option<LeftOut>,
    pub eligibility: Eligibility,
    /// The grant on the facility's cost, where one is computed.
    pub grant: Option<Yen>,
    /// The next (or last) deadline.
    pub deadline: Option<NaiveDate>,
}

impl Standing {
    /// It can be applied for on the as-of date (eligible, or to confirm).
    pub fn applicable(&self) -> bool {
        self.left_out.is_none()
    }
}

/// What changed for a facility in one program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shift {
    /// It can apply now and could not before (or the program is new).
    NewlyEligible,
    /// It could apply before and cannot now (or the program is gone).
    NoLongerEligible,
    /// The grant on its cost went up.
    GrantUp,
    /// The grant on its cost went down.
    GrantDown,
    /// A grant was computed before and none is now (the amount is not
    /// stated for its beds, or needs what it did not give).
    GrantUnknown,
    /// No grant was computed before and one is now.
    GrantKnown,
    /// The deadline moved.
    DeadlineMoved,
    /// A fact it had not to confirm before now is.
    NewToConfirm,
}

impl Shift {
    pub const ALL: [Shift; 8] = [
        Shift::NewlyEligible,
        Shift::NoLongerEligible,
        Shift::GrantUp,
        Shift::GrantDown,
        Shift::GrantUnknown,
        Shift::GrantKnown,
        Shift::DeadlineMoved,
        Shift::NewToConfirm,
    ];

    /// As the JSON names it.
    pub fn id(self) -> &'static str {
        match self {
            Shift::NewlyEligible => "newly-eligible",
            Shift::NoLongerEligible => "no-longer-eligible",
            Shift::GrantUp => "grant-up",
            Shift::GrantDown => "grant-down",
            Shift::GrantUnknown => "grant-unknown",
            Shift::GrantKnown => "grant-known",
            Shift::DeadlineMoved => "deadline-moved",
            Shift::NewToConfirm => "new-to-confirm",
        }
    }
}

/// One program's change for a facility.
#[derive(Debug, Clone)]
pub struct ProgramShift<'a, 'o, 'n> {
    pub id: String,
    /// The program's short name (the new catalogue's where it has it).
    pub short_name: Text,
    /// Under the old catalogue (`None`: it has no such program).
    pub old: Option<Standing>,
    /// Under the new catalogue (`None`: it has no such program).
    pub new: Option<Standing>,
    /// What changed, at least one.
    pub shifts: Vec<Shift>,
    /// With [`Shift::NewToConfirm`]: the findings new under the new catalogue.
    pub new_to_confirm: Vec<&'a Finding<'n>>,
    /// The findings to confirm under the old one (for comparison).
    pub old_to_confirm: Vec<&'a Finding<'o>>,
}

/// What changed for one facility.
#[derive(Debug, Clone)]
pub struct FacilityDiff<'a, 'o, 'n> {
    /// The recommended total under the old catalogue (`None`: nothing pays).
    pub old_total: Option<Yen>,
    /// The recommended total under the new catalogue.
    pub new_total: Option<Yen>,
    /// The programs whose standing changed, by id.
    pub programs: Vec<ProgramShift<'a, 'o, 'n>>,
}

impl FacilityDiff<'_, '_, '_> {
    /// Nothing changed for the facility.
    pub fn is_empty(&self) -> bool {
        self.programs.is_empty() && self.old_total == self.new_total
    }

    /// Whether any program shifted so.
    pub fn has(&self, shift: Shift) -> bool {
        self.programs.iter().any(|p| p.shifts.contains(&shift))
    }
}

/// What changed for a facility between its results under the old
/// catalogue (`old`, recommended `old_best`) and the new.
pub fn facility_diff<'a, 'o, 'n>(
    old: &'a [Estimate<'o>],
    old_best: &Recommendation<'_, 'o>,
    new: &'a [Estimate<'n>],
    new_best: &Recommendation<'_, 'n>,
) -> FacilityDiff<'a, 'o, 'n> {
    let total = |r: &Recommendation<'_, '_>| (!r.is_empty()).then_some(r.total);
    let mut ids: Vec<&str> = old.iter().map(|e| e.program.id.as_str()).collect();
    ids.extend(new.iter().map(|e| e.program.id.as_str()));
    ids.sort_unstable();
    ids.dedup();
    let programs = ids
        .into_iter()
        .filter_map(|id| {
            let before = standing(old, old_best, id);
            let after = standing(new, new_best, id);
            let name = match (after, before) {
                (Some((e, _)), _) => e.program.short_name.clone(),
                (None, Some((e, _))) => e.program.short_name.clone(),
                (None, None) => return None,
            };
            shift(id, name, before, after)
        })
        .collect();
    FacilityDiff {
        old_total: total(old_best),
        new_total: total(new_best),
        programs,
    }
}

/// The result that stands for program `id` among `estimates`, and its standing.
fn standing<'e, 'c>(
    estimates: &'e [Estimate<'c>],
    best: &Recommendation<'_, 'c>,
    id: &str,
) -> Option<(&'e Estimate<'c>, Standing)> {
    let of_program = || estimates.iter().filter(|e| e.program.id == id);
    let grant = |e: &Estimate<'_>| e.computation.as_ref().map(|c| c.grant);
    let picked = of_program().find(|e| best.pick_of(e).is_some());
    let largest = || {
        of_program()
            .filter(|e| e.left_out().is_none())
            .max_by_key(|e| grant(e))
    };
    let e = picked.or_else(largest).or_else(|| of_program().next())?;
    Some((
        e,
        Standing {
            left_out: e.left_out(),
            eligibility: e.eligibility,
            grant: grant(e),
            deadline: e.window.deadline(),
        },
    ))
}

/// What changed in one program, if anything did.
fn shift<'a, 'o, 'n>(
    id: &str,
    short_name: Text,
    before: Option<(&'a Estimate<'o>, Standing)>,
    after: Option<(&'a Estimate<'n>, Standing)>,
) -> Option<ProgramShift<'a, 'o, 'n>> {
    let could = before.is_some_and(|(_, s)| s.applicable());
    let can = after.is_some_and(|(_, s)| s.applicable());
    let mut shifts = Vec::new();
    let mut new_to_confirm = Vec::new();
    let mut old_to_confirm = Vec::new();
    match (could, can) {
        (false, true) => shifts.push(Shift::NewlyEligible),
        (true, false) => shifts.push(Shift::NoLongerEligible),
        (true, true) => {
            let ((old_e, old), (new_e, new)) = (before?, after?);
            match (old.grant, new.grant) {
                (Some(a), Some(b)) if b > a => shifts.push(Shift::GrantUp),
                (Some(a), Some(b)) if b < a => shifts.push(Shift::GrantDown),
                (Some(_), None) => shifts.push(Shift::GrantUnknown),
                (None, Some(_)) => shifts.push(Shift::GrantKnown),
                _ => {}
            }
            if old.deadline != new.deadline {
                shifts.push(Shift::DeadlineMoved);
            }
            new_to_confirm = new_e
                .to_confirm
                .iter()
                .filter(|f| !old_e.to_confirm.iter().any(|o| same_finding(o, f)))
                .collect();
            if !new_to_confirm.is_empty() {
                shifts.push(Shift::NewToConfirm);
                old_to_confirm = old_e.to_confirm.iter().collect();
            }
        }
        (false, false) => {}
    }
    (!shifts.is_empty()).then(|| ProgramShift {
        id: id.to_string(),
        short_name,
        old: before.map(|(_, s)| s),
        new: after.map(|(_, s)| s),
        shifts,
        new_to_confirm,
        old_to_confirm,
    })
}

/// Two findings of two catalogues ask the same (equal words, equal ask).
fn same_finding(a: &Finding<'_>, b: &Finding<'_>) -> bool {
    a.asks_as(b)
}
