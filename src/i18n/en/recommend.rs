//! The English sentences of `Recommend`.

use crate::i18n::key::Recommend;

/// The sentence for `key`.
pub(super) fn text(key: Recommend) -> &'static str {
    match key {
        Recommend::WhyClosed => "The application deadline has passed (closed).",
        Recommend::WhyOtherPrefecture => "Not for facilities in this prefecture.",
        Recommend::WhyNoTier => "The sources give no tier for this kind of facility.",
        Recommend::WhyPeriodUnknown => {
            "The sources give no application period, so whether it can be applied for is not known."
        }
        Recommend::WhyIneligible => "The facility is not eligible.",
        Recommend::WhyIneligibleBecause => "The facility is not eligible: {reason}",
        Recommend::WhyRequirementFailed => "A requirement is not met: {condition}",
        Recommend::WhyPrefectureNotGiven => {
            "For facilities in {prefecture}: not counted, as no prefecture is given."
        }
        Recommend::WhyPrefectureOutsideNotGiven => {
            "For facilities outside {prefecture}: not counted, as no prefecture is given."
        }
        Recommend::WhyNoGrant => {
            "No grant can be figured from what was given, so it is not compared."
        }
        Recommend::WhyNoGrantBecause => "No grant can be figured, so it is not compared: {reason}",
        Recommend::WhyOtherVariant => {
            "Another variant of the same program is picked, “{variant}” (one application picks one)."
        }
        Recommend::WhyOtherTier => {
            "Another tier of the same program is picked, “{tier}” (only one applies)."
        }
        Recommend::WhyExcludedBy => {
            "Cannot be applied for together with the recommended {name} ({id})."
        }
        Recommend::WhyLowerTotal => {
            "The best combination with it pays {best}, less than the recommendation."
        }
        Recommend::WhySameTotalMoreToConfirm => {
            "Pays as much as the recommendation, but has more to confirm."
        }
        Recommend::WhySameTotalLaterDeadline => {
            "Pays as much as the recommendation, whose deadline is earlier."
        }
        Recommend::WhySameTotalListedLater => {
            "Pays as much as the recommendation (of equals, the one listed first is picked)."
        }
        Recommend::RecommendSummary => {
            "{count} Recommended: {total} in all (cost {cost}, self-pay {self_pay}): {items}"
        }
        Recommend::RecommendSummaryCapped => {
            "{count} Recommended: {total} in all (the grants' {sum} capped at the cost of {cost}, self-pay {self_pay}): {items}"
        }
        Recommend::RecommendPlanSummary => {
            "{count} Recommended: at most {total} in all (at a cost of {cost}): {items}"
        }
        Recommend::RecommendItem => "[{number}] {name} ({id}) {grant}, {when}.",
        Recommend::RecommendItemUnnumbered => "{name} ({id}) {grant}, {when}.",
        Recommend::RecommendTopUp => "Topped up by {item}",
        Recommend::RecommendUnknownsHeading => {
            "The recommendation assumes these hold (by how much less it pays if one does not, largest first):"
        }
        Recommend::RecommendAssumesKenshin => "assumed: with checkups",
        Recommend::RecommendAssumesNoKenshin => "assumed: without checkups",
        Recommend::RecommendAssumesTier => "assumed: {tier}",
        Recommend::RecommendHeading => "Recommended combination",
        Recommend::RecommendTotalLabel => "Total",
        Recommend::RecommendAskFirst => {
            "This assumes the following hold; confirm them in this order, by how much less it pays if one does not:"
        }
        Recommend::RecommendCounted => "{counted} of {grant} (up to the cost)",
        Recommend::RecommendWorthZero => {
            "0 yen: were it otherwise, another combination would pay as much."
        }
    }
}
