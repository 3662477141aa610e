//! The keys of [`Explain`].

use super::Key;

area! {
    /// `--explain`: the steps of an amount and how a condition was decided
    /// (src/core/trace.rs).
    Explain {
        StepCost,
        StepItem,
        StepRate,
        StepRateAssumed,
        StepRateBand,
        StepGrantCapBelow,
        StepGrantCap,
        StepGrantCapNotStated,
        StepPart,
        StepPartCapped,
        StepGroupCap,
        StepTotal,
        StepRounding,
        StepBelowMinimum,
        StepAtMinimum,
        StepSelfPay,
        StepUnitPrefix,
        StepUnitsTotal,
        StepBusinessCap,
        StepBusinessCapNotStated,
        HowMet,
        HowNotMet,
        HowNotStated,
        HowByFact,
        HowByPrefecture,
        HowBySize,
    }
}
