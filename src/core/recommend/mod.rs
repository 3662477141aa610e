//! The best combination for one facility and one project cost
//! ([`recommend`]): among the results that can be applied for, the set
//! allowed together with the largest total grant, never more than the
//! cost; why each other result lost ([`Lost`]); and, where facts are not
//! yet known, the combination if they hold and what each is worth in yen
//! ([`Unknown`]), largest first.
//!
//! What may be added up is what the data says, and no more:
//! - **One cost, one program, and its top-ups.** Each result's grant is
//!   figured on the whole cost, as if it alone paid for it (the table's
//!   自己負担 says so). The data lets a second grant pay the same cost only
//!   where it says that program tops up the first (`stacks-on`, the
//!   variants paired as the relation gives them: [`tops_up`]); nothing in
//!   the sources lets two other grants pay one cost (福岡県's 勤務環境
//!   program even asks that the cost have no other grant).
//! - **One result per program.** Its variants are alternatives (いずれか1つ,
//!   `variants-exclusive`), and of its tiers one is the facility's: the
//!   others stand only while an input that picks the tier is not given
//!   (ehr-sharing: one application per hospital).
//! - **No two programs that exclude each other** (`excludes`).
//! - **Never more than the cost**: the grants together are capped at the
//!   cost, as [`crate::core::estimate::stacks`] caps a pair.
//! - **Only what can be applied for** on the as-of date
//!   ([`Estimate::left_out`]): open, or opening later with a deadline ahead.
//!
//! Facts not given are assumed to hold: a result 要確認 counts at its
//! grant. A prefecture not given is not assumed (a 福岡県 program may not be
//! the facility's at all), unless nothing else pays, as the summary's
//! headline has it ([`crate::core::estimate::headline`]). Of combinations
//! that pay the same, the one with fewer facts to confirm wins, then the
//! one with the earlier deadline, then the one listed first.

use chrono::NaiveDate;

use crate::core::catalogue::{
    Condition, DecidedBy, Program, RateFlag, RelationKind, Tier, Variant,
};
use crate::core::estimate::{
    self, Ask, Eligibility, Estimate, Finding, FindingCode, LeftOut, Query, tops_up,
};
use crate::core::money::Yen;
use crate::core::plan;

mod lost;
pub use lost::*;
mod one_of;
pub use one_of::{OneOfGroups, one_of};

#[cfg(test)]
mod tests;

/// How a result's grant is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The grant on the cost given (`calc`): the result's computation.
    OnCost,
    /// The largest grant its tier pays, at the least cost that reaches it
    /// (`plan`, which is given no cost: [`plan::largest`]).
    Largest,
}

impl Measure {
    /// `e`'s grant as this measure counts it, and the cost it is figured on.
    pub fn amount(self, e: &Estimate<'_>, query: &Query) -> Option<(Yen, Yen)> {
        match self {
            Measure::OnCost => e.computation.as_ref().map(|c| (c.grant, c.cost)),
            Measure::Largest => plan::largest(e, query),
        }
    }
}

/// The best combination, why each other result lost, and what each fact
/// not yet known is worth. Decided once (`report::model::CalcReport` holds
/// the one of a `calc`); every renderer reads it.
#[derive(Debug, Clone)]
pub struct Recommendation<'a, 'c> {
    /// The results recommended: the grant paid on the cost first, then
    /// each that tops it up. Empty where nothing pays.
    pub picks: Vec<Pick<'a, 'c>>,
    /// The project cost they share (the largest cost among them).
    pub cost: Yen,
    /// Their grants added up, before the cost caps them.
    pub sum: Yen,
    /// What they pay together: the sum, never more than the cost.
    pub total: Yen,
    /// The facts the picks assume, each with the drop in the total if it
    /// turned out otherwise; largest first.
    pub unknowns: Vec<Unknown<'a, 'c>>,
    /// Every other result, in the order given, with why it is not picked.
    pub why_not: Vec<WhyNot<'a, 'c>>,
}

/// A recommended result.
#[derive(Debug, Clone, Copy)]
pub struct Pick<'a, 'c> {
    pub estimate: &'a Estimate<'c>,
    /// Its grant, as the [`Measure`] counts it.
    pub grant: Yen,
    /// The cost its grant is figured on.
    pub cost: Yen,
    /// Its part of the total: its grant, less what the cost cap takes from
    /// the picks after it (the top-ups), so that the parts add up to the total.
    pub counted: Yen,
}

/// A fact the recommendation assumes.
#[derive(Debug, Clone, Copy)]
pub struct Unknown<'a, 'c> {
    /// What to ask: the first finding of the picks that asks it (its
    /// words, and its [`Ask`], which each front end spells).
    pub finding: &'a Finding<'c>,
    pub ask: &'a Ask<'c>,
    /// What the picks assume the answer is.
    pub assumed: Assumed<'c>,
    /// How much less the best combination pays if it turns out otherwise
    /// (0: another combination pays as much).
    pub worth: Yen,
}

/// What a recommendation assumes of a fact not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assumed<'c> {
    /// That the condition holds (a fact, the prefecture, the size test).
    Holds,
    /// That 健診 is (`true`) or is not carried out: the tier picked says which.
    Kenshin(bool),
    /// That a count (processes, functions) is in this tier's range.
    Tier(&'c Tier),
}

impl<'a, 'c> Recommendation<'a, 'c> {
    /// Nothing pays: no result to recommend.
    pub fn is_empty(&self) -> bool {
        self.picks.is_empty()
    }

    /// 自己負担: the cost less the total.
    pub fn self_burden(&self) -> Yen {
        self.cost - self.total
    }

    /// The grants together pass the cost, which caps them.
    pub fn cost_binds(&self) -> bool {
        self.sum > self.total
    }

    /// The pick of `estimate` (the same result, not an equal one), if it is one.
    pub fn pick_of(&self, estimate: &Estimate<'_>) -> Option<&Pick<'a, 'c>> {
        self.picks.iter().find(|p| same(p.estimate, estimate))
    }
}

/// Whether two estimates are the same result: program, variant and tier.
fn same(a: &Estimate<'_>, b: &Estimate<'_>) -> bool {
    std::ptr::eq(a.program, b.program)
        && a.variant.map(|v| v as *const Variant) == b.variant.map(|v| v as *const Variant)
        && a.tier.map(|t| t as *const Tier) == b.tier.map(|t| t as *const Tier)
}

/// How much of a recommendation to work out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// The picks, what each fact is worth, why each other result lost.
    #[default]
    Full,
    /// The picks and their total alone (a batch row's columns): no
    /// `unknowns`, no `why_not`.
    Picks,
}

/// The best combination of `estimates` for `query`, their grants counted
/// by `measure`: the results of one `calc` (every one, those that cannot
/// be applied for too, so that each has its reason), or a plan's.
pub fn recommend<'a, 'c>(
    estimates: impl IntoIterator<Item = &'a Estimate<'c>>,
    query: &Query,
    measure: Measure,
) -> Recommendation<'a, 'c>
where
    'c: 'a,
{
    recommend_with(estimates, query, measure, Detail::Full)
}

/// [`recommend`], working out only as much as `detail` asks.
pub fn recommend_with<'a, 'c>(
    estimates: impl IntoIterator<Item = &'a Estimate<'c>>,
    query: &Query,
    measure: Measure,
    detail: Detail,
) -> Recommendation<'a, 'c>
where
    'c: 'a,
{
    let candidates: Vec<Candidate<'a, 'c>> = estimates
        .into_iter()
        .map(|e| Candidate::new(e, query, measure))
        .collect();
    let amounts: Vec<Option<(Yen, Yen)>> = candidates.iter().map(|c| c.amount).collect();
    // Without the prefectures not given; with them only when nothing else pays.
    let mut usable: Vec<bool> = candidates
        .iter()
        .map(|c| c.payable() && c.open_prefecture.is_none())
        .collect();
    let track = detail == Detail::Full;
    let mut search = Search::run(&candidates, &amounts, &usable, track);
    let mut prefecture_assumed = false;
    if search.best.is_none()
        && (candidates.iter()).any(|c| c.open_prefecture.is_some() && c.payable())
    {
        usable = candidates.iter().map(Candidate::payable).collect();
        search = Search::run(&candidates, &amounts, &usable, track);
        prefecture_assumed = true;
    }
    let Some(best) = search.best.clone() else {
        let why_not = match detail {
            Detail::Full => candidates
                .iter()
                .map(|c| WhyNot {
                    estimate: c.e,
                    lost: c.left_out_reason(),
                })
                .collect(),
            Detail::Picks => Vec::new(),
        };
        return Recommendation {
            picks: Vec::new(),
            cost: 0,
            sum: 0,
            total: 0,
            unknowns: Vec::new(),
            why_not,
        };
    };
    let mut remaining = best.total;
    let picks: Vec<Pick<'a, 'c>> = best
        .members
        .iter()
        .map(|&i| {
            let (grant, cost) = amounts[i].unwrap_or_default();
            let counted = grant.min(remaining);
            remaining -= counted;
            Pick {
                estimate: candidates[i].e,
                grant,
                cost,
                counted,
            }
        })
        .collect();
    let (unknowns, why_not) = match detail {
        Detail::Picks => (Vec::new(), Vec::new()),
        Detail::Full => (
            unknowns(&candidates, &amounts, &usable, &best, query, measure),
            candidates
                .iter()
                .enumerate()
                .filter(|(i, _)| !best.members.contains(i))
                .map(|(i, c)| WhyNot {
                    estimate: c.e,
                    lost: lost(i, &candidates, &search, &best, prefecture_assumed),
                })
                .collect(),
        ),
    };
    Recommendation {
        picks,
        cost: best.cost,
        sum: best.sum,
        total: best.total,
        unknowns,
        why_not,
    }
}

/// The best combination of a plan ([`plan::plan`]): each result that can
/// be applied for at its largest grant ([`Measure::Largest`]), and the
/// results without a stated period, for their reason.
pub fn of_plan<'a, 'c>(plan: &'a plan::Plan<'c>, query: &Query) -> Recommendation<'a, 'c> {
    let estimates = (plan.entries.iter())
        .chain(&plan.period_unknown)
        .map(|entry| &entry.estimate);
    recommend(estimates, query, Measure::Largest)
}

/// A result as the search sees it.
struct Candidate<'a, 'c> {
    e: &'a Estimate<'c>,
    /// Its grant and cost, as the measure counts them.
    amount: Option<(Yen, Yen)>,
    /// It can be applied for on the as-of date.
    open: bool,
    /// A prefecture condition not yet decided (福岡県's programs).
    open_prefecture: Option<&'c Condition>,
    /// Its program tops up another (a `stacks-on` relation).
    tops_up_some: bool,
}

impl<'a, 'c> Candidate<'a, 'c> {
    fn new(e: &'a Estimate<'c>, query: &Query, measure: Measure) -> Candidate<'a, 'c> {
        Candidate {
            e,
            amount: measure.amount(e, query),
            open: e.left_out().is_none(),
            open_prefecture: e
                .conditions
                .iter()
                .find(|o| o.condition.decided_by == DecidedBy::Prefecture && o.holds.is_none())
                .map(|o| o.condition),
            tops_up_some: e
                .program
                .relations
                .iter()
                .any(|r| r.kind == RelationKind::StacksOn),
        }
    }

    /// Adds the facts it assumes to `asks`, each once.
    fn asks_into(&self, asks: &mut smallvec::SmallVec<[AskKey<'c>; 16]>) {
        let keys = (self.e.to_confirm.iter()).filter_map(|f| f.ask().and_then(AskKey::of));
        for key in keys {
            if !asks.contains(&key) {
                asks.push(key);
            }
        }
    }

    /// It can be applied for and pays something.
    fn payable(&self) -> bool {
        self.open && self.pays()
    }

    /// It pays something, whether or not it can be applied for.
    fn pays(&self) -> bool {
        self.amount.is_some_and(|(grant, _)| grant > 0)
    }

    /// Why it cannot be picked before any combination is looked at, if it cannot.
    fn left_out_reason(&self) -> Lost<'c> {
        match why_left_out(self.e) {
            Some(lost) => lost,
            None => match self.open_prefecture {
                Some(condition) if self.pays() => Lost::PrefectureNotGiven(condition),
                _ => Lost::NoGrant,
            },
        }
    }
}

/// Why `e` cannot be applied for on the as-of date, if it cannot
/// ([`Estimate::left_out`]), naming the requirement stated as not met
/// where that is why: what a recommendation's `why_not` says of it, for a
/// result looked at alone (a batch row's note).
pub fn why_left_out<'c>(e: &Estimate<'c>) -> Option<Lost<'c>> {
    Some(match e.left_out()? {
        LeftOut::Ineligible => e
            .conditions
            .iter()
            .find(|o| o.holds == Some(false))
            .map_or(Lost::LeftOut(LeftOut::Ineligible), |o| {
                Lost::RequirementFailed(o.condition)
            }),
        why => Lost::LeftOut(why),
    })
}

/// A fact a result assumes, as one question across programs: the same
/// fact asked by several programs is one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AskKey<'c> {
    Fact(&'c str),
    Prefecture,
    Kenshin,
    Processes,
    Functions,
    Size,
}

impl<'c> AskKey<'c> {
    /// The question `ask` is, if the recommendation assumes its answer (a
    /// cost or an item's amount is not assumed: it is an input, not a fact).
    fn of(ask: &Ask<'c>) -> Option<AskKey<'c>> {
        Some(match ask {
            Ask::Condition(c) => match c.decided_by {
                DecidedBy::Fact => AskKey::Fact(c.fact.as_deref()?),
                DecidedBy::Prefecture => AskKey::Prefecture,
                DecidedBy::EntitySize => AskKey::Size,
            },
            Ask::Size(..) => AskKey::Size,
            Ask::Kenshin => AskKey::Kenshin,
            Ask::Processes => AskKey::Processes,
            Ask::Functions => AskKey::Functions,
            Ask::Cost | Ask::Items(_) | Ask::Item(_) | Ask::Members | Ask::RateFlag(_) => {
                return None;
            }
        })
    }
}

/// A set of results allowed together, with what it pays.
#[derive(Debug, Clone)]
struct Combo {
    /// Indexes of the candidates: the base first, then its top-ups.
    members: smallvec::SmallVec<[usize; 4]>,
    sum: Yen,
    cost: Yen,
    total: Yen,
    /// Its earliest deadline.
    deadline: Option<NaiveDate>,
    /// How many facts it assumes: counted only where two combinations pay
    /// the same (a batch row looks at many).
    asks: std::cell::Cell<Option<usize>>,
}

impl Combo {
    /// How many facts its members assume, each once.
    fn asks(&self, candidates: &[Candidate<'_, '_>]) -> usize {
        if let Some(asks) = self.asks.get() {
            return asks;
        }
        let mut keys = smallvec::SmallVec::new();
        for &i in &self.members {
            candidates[i].asks_into(&mut keys);
        }
        self.asks.set(Some(keys.len()));
        keys.len()
    }

    /// Whether it ranks above `other`: the larger total, then fewer facts
    /// to confirm, then the earlier deadline (none last), then the one
    /// listed first.
    fn outranks(&self, other: &Combo, candidates: &[Candidate<'_, '_>]) -> bool {
        if self.total != other.total {
            return self.total > other.total;
        }
        let (mine, theirs) = (self.asks(candidates), other.asks(candidates));
        if mine != theirs {
            return mine < theirs;
        }
        let (mine, theirs) = (self.deadline_rank(), other.deadline_rank());
        if mine != theirs {
            return mine < theirs;
        }
        self.members < other.members
    }

    /// The earliest deadline, none last.
    fn deadline_rank(&self) -> (bool, Option<NaiveDate>) {
        (self.deadline.is_none(), self.deadline)
    }
}

/// Every combination of the usable candidates looked at once: the best,
/// and for each candidate the best it is part of.
struct Search {
    best: Option<Combo>,
    best_with: Vec<Option<Combo>>,
}

impl Search {
    /// With `track`, the best of each candidate too (for why it lost).
    fn run(
        candidates: &[Candidate<'_, '_>],
        amounts: &[Option<(Yen, Yen)>],
        usable: &[bool],
        track: bool,
    ) -> Search {
        let mut search = Search {
            best: None,
            best_with: if track {
                vec![None; candidates.len()]
            } else {
                Vec::new()
            },
        };
        each_combo(candidates, amounts, usable, |combo| {
            for &i in combo.members.iter().filter(|_| track) {
                let slot = &mut search.best_with[i];
                if slot.as_ref().is_none_or(|b| combo.outranks(b, candidates)) {
                    *slot = Some(combo.clone());
                }
            }
            if (search.best.as_ref()).is_none_or(|b| combo.outranks(b, candidates)) {
                search.best = Some(combo.clone());
            }
        });
        search
    }
}

/// The total of the best combination of the usable candidates (0: none pays).
fn best_total(
    candidates: &[Candidate<'_, '_>],
    amounts: &[Option<(Yen, Yen)>],
    usable: &[bool],
) -> Yen {
    let mut best = 0;
    each_combo(candidates, amounts, usable, |combo| {
        best = best.max(combo.total)
    });
    best
}

/// Calls `visit` with every combination allowed together: each usable
/// candidate as the base, with any of the usable candidates that top it up,
/// one per program, no two of which exclude each other.
fn each_combo(
    candidates: &[Candidate<'_, '_>],
    amounts: &[Option<(Yen, Yen)>],
    usable: &[bool],
    mut visit: impl FnMut(&Combo),
) {
    let usable_at = |i: usize| usable[i] && amounts[i].is_some_and(|(grant, _)| grant > 0);
    // Only a program that says it tops up another can (福岡県's e-prescription, today).
    let toppers: smallvec::SmallVec<[usize; 8]> = (0..candidates.len())
        .filter(|&i| usable_at(i) && candidates[i].tops_up_some)
        .collect();
    for base in (0..candidates.len()).filter(|&i| usable_at(i)) {
        let b = &candidates[base];
        // The top-ups of this base, grouped by program (one of each at most).
        let mut groups: smallvec::SmallVec<[smallvec::SmallVec<[usize; 4]>; 2]> =
            smallvec::SmallVec::new();
        for top in toppers.iter().copied().filter(|&i| i != base) {
            let t = &candidates[top];
            if std::ptr::eq(t.e.program, b.e.program)
                || !tops_up(t.e, b.e)
                || excludes(t.e.program, b.e.program)
            {
                continue;
            }
            match groups
                .iter_mut()
                .find(|g| std::ptr::eq(candidates[g[0]].e.program, t.e.program))
            {
                Some(group) => group.push(top),
                None => groups.push(smallvec::smallvec![top]),
            }
        }
        let mut members: smallvec::SmallVec<[usize; 4]> = smallvec::smallvec![base];
        choose(candidates, amounts, &groups, &mut members, &mut visit);
    }
}

/// Each way to take at most one candidate of each of `groups` onto
/// `members`, skipping those that exclude one already taken.
fn choose(
    candidates: &[Candidate<'_, '_>],
    amounts: &[Option<(Yen, Yen)>],
    groups: &[smallvec::SmallVec<[usize; 4]>],
    members: &mut smallvec::SmallVec<[usize; 4]>,
    visit: &mut impl FnMut(&Combo),
) {
    let Some((group, rest)) = groups.split_first() else {
        visit(&combo(amounts, candidates, members));
        return;
    };
    choose(candidates, amounts, rest, members, visit);
    for &top in group {
        let program = candidates[top].e.program;
        if members
            .iter()
            .any(|&m| excludes(program, candidates[m].e.program))
        {
            continue;
        }
        members.push(top);
        choose(candidates, amounts, rest, members, visit);
        members.pop();
    }
}

/// The combination of `members`: the grants added up, capped at the
/// largest of their costs, and their earliest deadline.
fn combo(
    amounts: &[Option<(Yen, Yen)>],
    candidates: &[Candidate<'_, '_>],
    members: &[usize],
) -> Combo {
    let (mut sum, mut cost) = (0, 0);
    let mut deadline: Option<NaiveDate> = None;
    for &i in members {
        let (grant, own_cost) = amounts[i].unwrap_or_default();
        sum += grant;
        cost = cost.max(own_cost);
        if let Some(d) = candidates[i].e.window.deadline() {
            deadline = Some(deadline.map_or(d, |earliest| earliest.min(d)));
        }
    }
    Combo {
        members: members.iter().copied().collect(),
        sum,
        cost,
        total: sum.min(cost),
        deadline,
        asks: std::cell::Cell::new(None),
    }
}

/// Whether programs `a` and `b` exclude each other (either says so).
fn excludes(a: &Program, b: &Program) -> bool {
    let names = |p: &Program, other: &Program| {
        p.relations.iter().any(|r| {
            r.kind == RelationKind::Excludes && r.program.as_deref() == Some(other.id.as_str())
        })
    };
    names(a, b) || names(b, a)
}

/// The facts the picks assume, each with what it is worth: the best total
/// less the best total were it otherwise. Largest first; those worth the
/// same in the order the picks ask them.
fn unknowns<'a, 'c>(
    candidates: &[Candidate<'a, 'c>],
    amounts: &[Option<(Yen, Yen)>],
    usable: &[bool],
    best: &Combo,
    query: &Query,
    measure: Measure,
) -> Vec<Unknown<'a, 'c>> {
    let mut seen: smallvec::SmallVec<[AskKey<'c>; 16]> = smallvec::SmallVec::new();
    let mut unknowns = Vec::new();
    for &m in &best.members {
        let e = candidates[m].e;
        for finding in &e.to_confirm {
            let Some(ask) = finding.ask() else { continue };
            let Some(key) = AskKey::of(ask) else { continue };
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let assumed = match key {
                AskKey::Kenshin => match e.tier.and_then(|t| t.kenshin) {
                    Some(kenshin) => Assumed::Kenshin(kenshin),
                    None => continue,
                },
                AskKey::Processes | AskKey::Functions => match e.tier {
                    Some(tier) => Assumed::Tier(tier),
                    None => continue,
                },
                _ => Assumed::Holds,
            };
            let (mut usable, mut amounts) = (usable.to_vec(), amounts.to_vec());
            otherwise(
                key,
                assumed,
                candidates,
                &mut usable,
                &mut amounts,
                query,
                measure,
            );
            let worth = best
                .total
                .saturating_sub(best_total(candidates, &amounts, &usable));
            unknowns.push(Unknown {
                finding,
                ask,
                assumed,
                worth,
            });
        }
    }
    // A stable sort keeps the picks' order among equals.
    unknowns.sort_by_key(|u| std::cmp::Reverse(u.worth));
    unknowns
}

/// The candidates as they would be were `key` not as `assumed`: those that
/// need it drop out; a rate that turns on the size test is figured for a
/// 大企業等 (電子取引類型: 1/2 instead of 2/3).
fn otherwise(
    key: AskKey<'_>,
    assumed: Assumed<'_>,
    candidates: &[Candidate<'_, '_>],
    usable: &mut [bool],
    amounts: &mut [Option<(Yen, Yen)>],
    query: &Query,
    measure: Measure,
) {
    let undecided = |e: &Estimate<'_>, test: &dyn Fn(&Condition) -> bool| {
        e.conditions
            .iter()
            .any(|o| o.holds.is_none() && test(o.condition))
    };
    // The range a count must fall in for a tier, where the tier has one.
    let range = |tier: &Tier, key: AskKey<'_>| match key {
        AskKey::Processes => (tier.processes_min, tier.processes_max),
        _ => (tier.functions_min, tier.functions_max),
    };
    for (i, c) in candidates.iter().enumerate() {
        let e = c.e;
        let needs_it = match (key, assumed) {
            (AskKey::Fact(fact), _) => undecided(e, &|cond| {
                cond.decided_by == DecidedBy::Fact && cond.fact.as_deref() == Some(fact)
            }),
            (AskKey::Prefecture, _) => undecided(e, &|cond| {
                cond.decided_by == DecidedBy::Prefecture && !cond.outside
            }),
            (AskKey::Kenshin, Assumed::Kenshin(kenshin)) => {
                query.kenshin.is_none() && e.tier.and_then(|t| t.kenshin) == Some(kenshin)
            }
            (AskKey::Processes | AskKey::Functions, Assumed::Tier(picked)) => {
                let (min, max) = range(picked, key);
                e.tier.is_some_and(|t| {
                    let (own_min, own_max) = range(t, key);
                    (own_min.is_some() || own_max.is_some())
                        && own_min.unwrap_or(0) >= min.unwrap_or(0)
                        && own_max.unwrap_or(u32::MAX) <= max.unwrap_or(u32::MAX)
                })
            }
            (AskKey::Size, _) => undecided(e, &|cond| cond.decided_by == DecidedBy::EntitySize),
            _ => false,
        };
        if needs_it {
            usable[i] = false;
        } else if key == AskKey::Size
            && usable[i]
            && e.to_confirm.iter().any(|f| f.code == FindingCode::Size)
        {
            amounts[i] = as_large_company(e, query, measure);
        }
    }
}

/// `e`'s amount were the applicant a 大企業等: the result estimated again
/// with `large-company` (its rate is the tier's for a 大企業等).
fn as_large_company(e: &Estimate<'_>, query: &Query, measure: Measure) -> Option<(Yen, Yen)> {
    let mut large = query.clone();
    large.flags.insert(RateFlag::LargeCompany);
    large.notes = false;
    let mut again = Vec::new();
    estimate::estimate_variant(e.program, e.variant, &large, e.window, &mut again);
    again
        .iter()
        .find(|r| same(r, e) && r.eligibility != Eligibility::Ineligible)
        .and_then(|r| measure.amount(r, &large))
}

/// Why candidate `i` is not in the best combination `best`.
fn lost<'c>(
    i: usize,
    candidates: &[Candidate<'_, 'c>],
    search: &Search,
    best: &Combo,
    prefecture_assumed: bool,
) -> Lost<'c> {
    let c = &candidates[i];
    if !c.open || !c.pays() || (c.open_prefecture.is_some() && !prefecture_assumed) {
        return c.left_out_reason();
    }
    let picked = || best.members.iter().map(|&m| candidates[m].e);
    if let Some(other) = picked().find(|p| std::ptr::eq(p.program, c.e.program)) {
        let variants_exclusive =
            c.e.program
                .relations
                .iter()
                .any(|r| r.kind == RelationKind::VariantsExclusive);
        let same_variant =
            other.variant.map(|v| v as *const Variant) == c.e.variant.map(|v| v as *const Variant);
        match (same_variant, other.variant, other.tier) {
            (false, Some(variant), _) if variants_exclusive => return Lost::OtherVariant(variant),
            (true, _, Some(tier)) => return Lost::OtherTier(tier),
            _ => {}
        }
    }
    if let Some(other) = picked().find(|p| excludes(p.program, c.e.program)) {
        return Lost::ExcludedBy(other.program);
    }
    let Some(own) = &search.best_with[i] else {
        return Lost::NoGrant;
    };
    if own.total < best.total {
        return Lost::LowerTotal(own.total);
    }
    Lost::SameTotal(if own.asks(candidates) > best.asks(candidates) {
        TieBreak::MoreToConfirm
    } else if own.deadline_rank() > best.deadline_rank() {
        TieBreak::LaterDeadline
    } else {
        TieBreak::ListedLater
    })
}
