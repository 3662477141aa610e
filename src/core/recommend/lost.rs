//! Why a result is not in the recommendation ([`Lost`]): a stable code for
//! scripts and a plain sentence for people.

use crate::Lang;
use crate::core::catalogue::{Condition, Program, Tier, Variant};
use crate::core::estimate::{Estimate, LeftOut};
use crate::core::money::{Yen, group_thousands};
use crate::i18n::{self, Key};

/// A result not recommended, and why.
#[derive(Debug, Clone, Copy)]
pub struct WhyNot<'a, 'c> {
    pub estimate: &'a Estimate<'c>,
    pub lost: Lost<'c>,
}

/// Why a result lost to the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost<'c> {
    /// It cannot be applied for on the as-of date (締切済, 対象外, 他県,
    /// 区分なし, 期間の記載なし): [`Estimate::left_out`].
    LeftOut(LeftOut),
    /// A requirement is stated as not met (対象外, naming it).
    RequirementFailed(&'c Condition),
    /// It needs a prefecture that is not given (福岡県's programs): not
    /// assumed, as it may not be the facility's.
    PrefectureNotGiven(&'c Condition),
    /// No grant is figured from what was given (no cost, items or members).
    NoGrant,
    /// Another variant of its program is picked: one application picks
    /// one (いずれか1つ, `variants-exclusive`).
    OtherVariant(&'c Variant),
    /// Another tier of its program is picked: one tier is the facility's.
    OtherTier(&'c Tier),
    /// Its program and this program of the picks exclude each other (`excludes`).
    ExcludedBy(&'c Program),
    /// The best combination it can be part of pays this much, less.
    LowerTotal(Yen),
    /// Its best combination pays as much; the pick wins on this.
    SameTotal(TieBreak),
}

/// What decides between combinations that pay the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieBreak {
    /// The pick has fewer facts to confirm.
    MoreToConfirm,
    /// The pick's earliest deadline is earlier.
    LaterDeadline,
    /// Alike in both: the pick is listed first.
    ListedLater,
}

impl Lost<'_> {
    /// The stable code (the JSON's `reason`): a [`LeftOut`]'s own id
    /// (`closed`, `ineligible` …), or `requirement-failed`,
    /// `prefecture-not-given`, `no-grant`, `other-variant`, `other-tier`,
    /// `excluded`, `lower-total`, `same-total`.
    pub fn code(self) -> &'static str {
        match self {
            Lost::LeftOut(why) => why.id(),
            Lost::RequirementFailed(_) => "requirement-failed",
            Lost::PrefectureNotGiven(_) => "prefecture-not-given",
            Lost::NoGrant => "no-grant",
            Lost::OtherVariant(_) => "other-variant",
            Lost::OtherTier(_) => "other-tier",
            Lost::ExcludedBy(_) => "excluded",
            Lost::LowerTotal(_) => "lower-total",
            Lost::SameTotal(_) => "same-total",
        }
    }

    /// Every code, for the tests and the API's description.
    pub const CODES: [&'static str; 13] = [
        "other-prefecture",
        "ineligible",
        "no-tier",
        "closed",
        "period-unknown",
        "requirement-failed",
        "prefecture-not-given",
        "no-grant",
        "other-variant",
        "other-tier",
        "excluded",
        "lower-total",
        "same-total",
    ];
}

impl WhyNot<'_, '_> {
    /// Why, as a plain sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let say = |key| i18n::template(lang, key).to_string();
        match self.lost {
            Lost::LeftOut(LeftOut::Closed) => say(Key::WhyClosed),
            Lost::LeftOut(LeftOut::OtherPrefecture) => say(Key::WhyOtherPrefecture),
            Lost::LeftOut(LeftOut::NoTier) => say(Key::WhyNoTier),
            Lost::LeftOut(LeftOut::PeriodUnknown) => say(Key::WhyPeriodUnknown),
            Lost::LeftOut(LeftOut::Ineligible) => match self.estimate.reasons.first() {
                Some(reason) => i18n::text(
                    lang,
                    Key::WhyIneligibleBecause,
                    &[("reason", &reason.text(lang))],
                ),
                None => say(Key::WhyIneligible),
            },
            Lost::RequirementFailed(condition) => i18n::text(
                lang,
                Key::WhyRequirementFailed,
                &[("condition", &condition.text.get(lang))],
            ),
            Lost::PrefectureNotGiven(condition) => i18n::text(
                lang,
                if condition.outside {
                    Key::WhyPrefectureOutsideNotGiven
                } else {
                    Key::WhyPrefectureNotGiven
                },
                &[("prefecture", &condition.prefecture.as_deref().unwrap_or(""))],
            ),
            Lost::NoGrant => match self.estimate.reasons.first() {
                Some(reason) => i18n::text(
                    lang,
                    Key::WhyNoGrantBecause,
                    &[("reason", &reason.text(lang))],
                ),
                None => say(Key::WhyNoGrant),
            },
            Lost::OtherVariant(variant) => i18n::text(
                lang,
                Key::WhyOtherVariant,
                &[("variant", &variant.name.get(lang))],
            ),
            Lost::OtherTier(tier) => {
                i18n::text(lang, Key::WhyOtherTier, &[("tier", &tier.label.get(lang))])
            }
            Lost::ExcludedBy(program) => i18n::text(
                lang,
                Key::WhyExcludedBy,
                &[("name", &program.name.get(lang)), ("id", &program.id)],
            ),
            Lost::LowerTotal(best) => {
                i18n::text(lang, Key::WhyLowerTotal, &[("best", &yen(lang, best))])
            }
            Lost::SameTotal(TieBreak::MoreToConfirm) => say(Key::WhySameTotalMoreToConfirm),
            Lost::SameTotal(TieBreak::LaterDeadline) => say(Key::WhySameTotalLaterDeadline),
            Lost::SameTotal(TieBreak::ListedLater) => say(Key::WhySameTotalListedLater),
        }
    }
}

/// `183,000円`, `183,000 yen`.
fn yen(lang: Lang, amount: Yen) -> String {
    i18n::text(
        lang,
        Key::YenAmount,
        &[("amount", &group_thousands(u128::from(amount)))],
    )
}
