//! The keys of [`Finding`].

use super::Key;

area! {
    /// Findings on a result: reasons, what to confirm, notes (src/core/estimate.rs).
    Finding {
        ConditionNotMet,
        StateItWith,
        NoTierForFacility,
        NoTierForBeds,
        EveryVariantAlike,
        AmountNotStatedForBeds,
        PlanAmountNotStated,
        AskProcesses,
        AskFunctions,
        AskKenshin,
        AskMembers,
        /// The size decides the rate: `{large}` for a 大企業等, `{base}` used until stated.
        AskSizeForRate,
        NeedsMembers,
        TooFewMembers,
        GrantBelowMinimum,
        PerUnitNote,
        SmallBusinessFromFlag,
        RoundingNotStated,
        NoCost,
        NoItemCost,
        NeedsItems,
        MissingItemIsZero,
        PeriodUnknown,
        /// What is still to confirm, asked as a question in plain words
        /// (src/report/questions.rs): a condition's `{text}`, or what an input is.
        QuestionCondition,
        QuestionCost,
        QuestionItems,
        QuestionKenshin,
        QuestionProcesses,
        QuestionFunctions,
        QuestionMembers,
        QuestionSize,
        QuestionSmallBusiness,
        QuestionMinWageNearby,
        QuestionLargeCompany,
    }
}
