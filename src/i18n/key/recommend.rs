//! The keys of [`Recommend`].

use super::Key;

area! {
    /// The best combination (src/core/recommend): why a result lost, the
    /// summary that names the picks, the facts it assumes.
    Recommend {
        /// Why a result is not recommended: it cannot be applied for on the
        /// as-of date, …
        WhyClosed,
        WhyOtherPrefecture,
        WhyNoTier,
        WhyPeriodUnknown,
        WhyIneligible,
        /// … with the first `{reason}` it is ineligible.
        WhyIneligibleBecause,
        /// A requirement stated as not met: its `{condition}` text.
        WhyRequirementFailed,
        /// It needs `{prefecture}` (or being outside it), which is not given.
        WhyPrefectureNotGiven,
        WhyPrefectureOutsideNotGiven,
        WhyNoGrant,
        /// … with the first `{reason}` there is none.
        WhyNoGrantBecause,
        /// Another `{variant}` of the same program is picked (いずれか1つ).
        WhyOtherVariant,
        /// Another `{tier}` of the same program is picked.
        WhyOtherTier,
        /// It and the picked program `{name}` (`{id}`) exclude each other.
        WhyExcludedBy,
        /// The best combination with it pays `{best}`, less.
        WhyLowerTotal,
        /// As much as the pick, which has fewer facts to confirm, …
        WhySameTotalMoreToConfirm,
        /// … an earlier deadline, …
        WhySameTotalLaterDeadline,
        /// … or is listed first.
        WhySameTotalListedLater,
        /// The summary's recommendation (`calc`): `{count}` (how many can be
        /// applied for), the `{total}` on `{cost}` with the `{self_pay}`, and
        /// the `{items}`.
        RecommendSummary,
        /// The same, the grants' `{sum}` capped at the `{cost}`.
        RecommendSummaryCapped,
        /// `plan`'s: the largest `{total}` and the `{cost}` that reaches it.
        RecommendPlanSummary,
        /// A pick: its `{number}` in the table, `{name}`, `{id}`, `{grant}`, `{when}`.
        RecommendItem,
        /// A pick where there are no numbers (the web page).
        RecommendItemUnnumbered,
        /// A pick that tops up the one before it: the `{item}`.
        RecommendTopUp,
        /// Above the facts the recommendation assumes.
        RecommendUnknownsHeading,
        /// What a pick assumes of 健診, or of a count (`{tier}`'s range).
        RecommendAssumesKenshin,
        RecommendAssumesNoKenshin,
        RecommendAssumesTier,
        /// The web page's box: its heading, the total's label, the
        /// heading of the facts assumed.
        RecommendHeading,
        RecommendTotalLabel,
        RecommendAskFirst,
        /// A pick's grant capped by the cost: `{counted}` of its `{grant}` counts.
        RecommendCounted,
        /// Under the facts assumed, where one is worth nothing: why.
        RecommendWorthZero,
    }
}
