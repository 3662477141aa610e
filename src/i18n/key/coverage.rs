//! The keys of [`Coverage`].

use super::Key;

area! {
    /// `subsidy check --coverage`: what each target of a program is, why a
    /// rule is not a target, and the report's lines (src/check/coverage/,
    /// src/cli/check.rs).
    Coverage {
        /// A target, worded to go before 「例がありません」 / after "no example where".
        CoverageTier,
        CoverageItemCapBinds,
        CoverageItemCapFree,
        CoverageBusinessCapBinds,
        CoverageBusinessCapFree,
        CoverageGrantCapBinds,
        CoverageGrantCapFree,
        CoverageGrantMinBelow,
        CoverageGrantMinReached,
        CoveragePartCostCapBinds,
        CoveragePartCostCapFree,
        CoveragePartGrantCapBinds,
        CoveragePartGrantCapFree,
        CoverageGroupCapBinds,
        CoverageGroupCapFree,
        CoverageBand,
        CoverageRate,
        CoverageRounding,
        CoverageConditionHeld,
        CoverageConditionNotHeld,
        CoverageThresholdInside,
        CoverageThresholdOutside,
        CoverageSizeInside,
        CoverageSizeOutside,
        CoverageOpensEve,
        CoverageDeadlineDay,
        CoverageAfterLastDeadline,
        CoverageOpensEveUndated,
        CoverageWindowUndated,
        /// Who a flag's rate is for ([`Key::CoverageRate`]'s `{flag}`).
        CoverageFlagSmallBusiness,
        CoverageFlagMinWageNearby,
        CoverageFlagLargeCompany,
        /// A value at a threshold (`{at}`).
        CoverageAtBeds,
        CoverageAtProcesses,
        CoverageAtFunctions,
        CoverageAtMembers,
        CoverageAtCapital,
        CoverageAtEmployees,
        /// Why a rule is not a target.
        CoverageNeverBinds,
        CoverageNeverReached,
        CoverageNoFraction,
        CoverageInputRefused,
        CoverageCountBelowOne,
        CoverageNoTierThere,
        CoverageNoOpeningDate,
        CoverageNoDeadline,
        /// The report.
        CoverageProgram,
        CoverageMissing,
        CoverageNote,
        CoverageTotal,
        CoverageBelowFull,
        CoverageNotMeasured,
    }
}
