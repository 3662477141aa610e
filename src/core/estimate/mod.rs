//! Which tier of a program fits a facility, and what it pays: one
//! [`Estimate`] per (program, variant, tier) that could apply.

mod query;
pub use query::*;
mod finding;
pub use finding::*;
mod conditions;
pub use conditions::*;
mod tiers;
pub use tiers::*;
mod stacks;
pub use stacks::*;

use std::borrow::Cow;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::Lang;

use crate::core::calc::{self, Computation, Context, Costs};

use crate::core::catalogue::{
    Condition, DecidedBy, Entity, FacilityClass, Program, RateFlag, RateRule, Relation,
    RelationKind, Rounding, Text, Tier, Variant,
};

use crate::core::money::Yen;

use crate::core::window::{self, Window};

use crate::i18n::{self, Key};

/// 判定: eligible, ineligible, or unknown until facts are confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Eligibility {
    Eligible,
    Unknown,
    Ineligible,
}

impl Eligibility {
    /// 対象, 要確認, 対象外: as a label.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                Eligibility::Eligible => Key::Eligible,
                Eligibility::Unknown => Key::ToConfirm,
                Eligibility::Ineligible => Key::Ineligible,
            },
        )
    }

    pub fn id(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::Unknown => "unknown",
            Eligibility::Ineligible => "ineligible",
        }
    }
}

/// The conditions of one result and how each was decided: the catalogue
/// gives a program and its tier at most five today.
pub type Conditions<'c> = smallvec::SmallVec<[ConditionOutcome<'c>; 6]>;

/// One result row.
#[derive(Debug, Clone)]
pub struct Estimate<'c> {
    pub program: &'c Program,
    pub variant: Option<&'c Variant>,
    /// The tier that applies; `None` where none does.
    pub tier: Option<&'c Tier>,
    pub eligibility: Eligibility,
    /// Why it is ineligible or unknown.
    pub reasons: Vec<Finding<'c>>,
    /// Facts to confirm (要確認).
    pub to_confirm: Vec<Finding<'c>>,
    /// Caveats on the amount and relations to other programs.
    pub notes: Vec<Finding<'c>>,
    /// Every condition of the program and how it was decided (a few: held
    /// in place, so a batch row allocates nothing for them).
    pub conditions: Conditions<'c>,
    /// `None` where the amount inputs are missing or no tier applies.
    pub computation: Option<Computation>,
    pub window: Window,
}

/// Why a result cannot be applied for on the as-of date, and so is left
/// out of the default view (`calc` without `--all`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOut {
    /// 他県: a prefecture condition the facility's prefecture fails.
    OtherPrefecture,
    /// 対象外: the facility is known to be ineligible (not covered, no tier
    /// for its beds, a condition stated as not met, below the minimum grant).
    Ineligible,
    /// 区分なし: the sources give no tier for this kind of facility.
    NoTier,
    /// 締切済: the last deadline has passed.
    Closed,
    /// 期間の記載なし: the sources give no application period, so whether it
    /// can be applied for on the as-of date is not known
    /// (national-work-environment: each prefecture sets its own).
    PeriodUnknown,
}

impl LeftOut {
    /// 他県, 対象外, 区分なし, 締切済, 期間の記載なし: why a result cannot be
    /// applied for (or is not known to be), as a label.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                LeftOut::OtherPrefecture => Key::OtherPrefecture,
                LeftOut::Ineligible => Key::Ineligible,
                LeftOut::NoTier => Key::NoTier,
                LeftOut::Closed => Key::Closed,
                LeftOut::PeriodUnknown => Key::PeriodUnknown,
            },
        )
    }

    /// The id used in JSON: `other-prefecture`, `ineligible`, `no-tier`,
    /// `closed`, `period-unknown`.
    pub fn id(self) -> &'static str {
        match self {
            LeftOut::OtherPrefecture => "other-prefecture",
            LeftOut::Ineligible => "ineligible",
            LeftOut::NoTier => "no-tier",
            LeftOut::Closed => "closed",
            LeftOut::PeriodUnknown => "period-unknown",
        }
    }
}

impl Estimate<'_> {
    /// The sources give tiers for this kind of facility but none for its
    /// beds, and do not exclude it: 要確認, the amount 記載なし.
    pub fn amount_not_stated(&self) -> bool {
        self.tier.is_none()
            && self
                .reasons
                .iter()
                .any(|r| r.code == FindingCode::AmountNotStatedForBeds)
    }

    /// `None` where the result can be applied for on the as-of date: its
    /// window is open, not yet open or opening on a date not stated (a
    /// deadline is known), the facility has a tier,
    /// and it is not known to be ineligible. Otherwise the first reason, in
    /// the order of [`LeftOut`]: a rule about the facility outlasts a date.
    pub fn left_out(&self) -> Option<LeftOut> {
        let failed_prefecture = self
            .conditions
            .iter()
            .any(|o| o.condition.decided_by == DecidedBy::Prefecture && o.holds == Some(false));
        if failed_prefecture {
            Some(LeftOut::OtherPrefecture)
        } else if self.eligibility == Eligibility::Ineligible {
            Some(LeftOut::Ineligible)
        } else if self.tier.is_none() && !self.amount_not_stated() {
            Some(LeftOut::NoTier)
        } else if matches!(self.window, Window::Closed { .. }) {
            Some(LeftOut::Closed)
        } else if self.window == Window::Unknown {
            Some(LeftOut::PeriodUnknown)
        } else {
            None
        }
    }
}

/// What a summary names among the results that can be applied for.
#[derive(Debug, Clone, Copy)]
pub enum Headline<'a, 'c> {
    /// The largest grant, and its result.
    Largest(Yen, &'a Estimate<'c>),
    /// No grant is known: the result with the nearest deadline.
    Nearest(&'a Estimate<'c>),
}

/// The headline of `open` (each result with the grant to compare it by):
/// the largest grant, ties to the earlier deadline; a grant that needs a
/// prefecture not yet stated (福岡県 only) only when nothing else pays, as
/// it may not be the facility's at all. `None` for no results. `calc`,
/// `plan` and the batch summary all name this one.
pub fn headline<'a, 'c>(open: &[(Option<Yen>, &'a Estimate<'c>)]) -> Option<Headline<'a, 'c>> {
    let open_prefecture = |e: &Estimate<'_>| {
        e.conditions
            .iter()
            .any(|o| o.condition.decided_by == DecidedBy::Prefecture && o.holds.is_none())
    };
    let largest_of = |anywhere: bool| {
        open.iter()
            .filter(|(_, e)| anywhere || !open_prefecture(e))
            .filter_map(|(grant, e)| grant.map(|g| (g, *e)))
            .max_by(|(a, x), (b, y)| a.cmp(b).then(y.window.deadline().cmp(&x.window.deadline())))
    };
    if let Some((grant, e)) = largest_of(false).or_else(|| largest_of(true)) {
        return Some(Headline::Largest(grant, e));
    }
    open.iter()
        .map(|(_, e)| *e)
        .min_by_key(|e| (e.window.deadline().is_none(), e.window.deadline()))
        .map(Headline::Nearest)
}

/// Sorts rows as people read them: open windows first, then by eligibility,
/// then the soonest deadline.
pub fn sort(estimates: &mut [Estimate<'_>]) {
    estimates.sort_by(|a, b| {
        (
            a.window.rank(),
            a.eligibility,
            a.window.deadline(),
            &a.program.id,
        )
            .cmp(&(
                b.window.rank(),
                b.eligibility,
                b.window.deadline(),
                &b.program.id,
            ))
    });
}
