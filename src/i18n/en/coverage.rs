//! The English sentences of `Coverage`.

use crate::i18n::key::Coverage;

/// The sentence of `key`.
pub(super) fn text(key: Coverage) -> &'static str {
    match key {
        Coverage::CoverageTier => "tier {tier} applies",
        Coverage::CoverageItemCapBinds => "the cost cap of item {item} binds in tier {tier}",
        Coverage::CoverageItemCapFree => "the cost cap of item {item} does not bind in tier {tier}",
        Coverage::CoverageBusinessCapBinds => "tier {tier}'s business-cost cap (事業額上限) binds",
        Coverage::CoverageBusinessCapFree => {
            "tier {tier}'s business-cost cap (事業額上限) does not bind"
        }
        Coverage::CoverageGrantCapBinds => "tier {tier}'s grant cap (補助限度額) binds",
        Coverage::CoverageGrantCapFree => "tier {tier}'s grant cap (補助限度額) does not bind",
        Coverage::CoverageGrantMinBelow => "the grant falls below tier {tier}'s minimum (補助下限)",
        Coverage::CoverageGrantMinReached => "the grant reaches tier {tier}'s minimum (補助下限)",
        Coverage::CoveragePartCostCapBinds => "the cost cap of {part} binds in tier {tier}",
        Coverage::CoveragePartCostCapFree => "the cost cap of {part} does not bind in tier {tier}",
        Coverage::CoveragePartGrantCapBinds => "the grant cap of {part} binds in tier {tier}",
        Coverage::CoveragePartGrantCapFree => {
            "the grant cap of {part} does not bind in tier {tier}"
        }
        Coverage::CoverageGroupCapBinds => "the cap on {parts} together binds in tier {tier}",
        Coverage::CoverageGroupCapFree => {
            "the cap on {parts} together does not bind in tier {tier}"
        }
        Coverage::CoverageBand => "tier {tier} reaches its rate band {band} ({rate})",
        Coverage::CoverageRate => "tier {tier} pays the rate {rate} for {flag}",
        Coverage::CoverageRounding => "the rounding rule ({rule}) changes the grant",
        Coverage::CoverageConditionHeld => "condition {condition} holds",
        Coverage::CoverageConditionNotHeld => "condition {condition} fails or is not known",
        Coverage::CoverageThresholdInside => "at {at}, tier {tier} applies (its edge)",
        Coverage::CoverageThresholdOutside => {
            "at {at}, tier {tier} does not apply (just past its edge)"
        }
        Coverage::CoverageSizeInside => {
            "a {entity} ({classes}) with {at} counts as an SME (the edge)"
        }
        Coverage::CoverageSizeOutside => {
            "a {entity} ({classes}) with {at} does not count as an SME (just past the edge)"
        }
        Coverage::CoverageOpensEve => {
            "on {date}, the day before opening, the window is not yet open"
        }
        Coverage::CoverageDeadlineDay => "on {date}, a deadline day, the window is open",
        Coverage::CoverageAfterLastDeadline => {
            "on {date}, the day after the last deadline, the window is closed"
        }
        Coverage::CoverageOpensEveUndated => "the day before opening, the window is not yet open",
        Coverage::CoverageWindowUndated => {
            "the window is shown on a deadline day and the day after"
        }
        Coverage::CoverageFlagSmallBusiness => "small businesses",
        Coverage::CoverageFlagMinWageNearby => "employers near the minimum wage",
        Coverage::CoverageFlagLargeCompany => "large companies",
        Coverage::CoverageAtBeds => "{value} beds",
        Coverage::CoverageAtProcesses => "{value} business processes",
        Coverage::CoverageAtFunctions => "{value} functions",
        Coverage::CoverageAtMembers => "{value} members",
        Coverage::CoverageAtCapital => "a capital of {value} yen",
        Coverage::CoverageAtEmployees => "{value} employees",
        Coverage::CoverageNeverBinds => {
            "the amount before the cap is at most {most} yen, never above the cap of {cap} yen"
        }
        Coverage::CoverageNeverReached => "no input can bring it about",
        Coverage::CoverageNoFraction => {
            "no rate of the program ({rates}) leaves a fraction of a yen, so rounding changes nothing"
        }
        Coverage::CoverageInputRefused => "that input is refused: {reason}",
        Coverage::CoverageCountBelowOne => "a count is 1 or more",
        Coverage::CoverageNoTierThere => {
            "no tier of the program applies there (no amount is stated), and a worked example names its tier"
        }
        Coverage::CoverageNoOpeningDate => "the sources give no opening date",
        Coverage::CoverageNoDeadline => "the sources give no application period",
        Coverage::CoverageProgram => "{program} ({file}): {percent}% ({covered}/{total})",
        Coverage::CoverageMissing => "no example where {target}",
        Coverage::CoverageNote => "note: not a target: {target} ({reason})",
        Coverage::CoverageTotal => {
            "worked-example coverage: {percent}% ({covered}/{total}, {programs} programs)"
        }
        Coverage::CoverageBelowFull => {
            "below 100%: add the missing worked examples, worked by hand from the sources (the arithmetic and the cite in a comment)"
        }
        Coverage::CoverageNotMeasured => {
            "coverage not measured: the rule data has errors, so the worked examples were not run"
        }
    }
}
