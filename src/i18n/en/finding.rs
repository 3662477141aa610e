//! The English sentences of `Finding`.

use crate::i18n::key::Finding;

/// The sentence for `key`.
pub(super) fn text(key: Finding) -> &'static str {
    match key {
        Finding::ConditionNotMet => "Condition not met: {text}",
        Finding::StateItWith => "{text} ({how})",
        Finding::NoTierForFacility => {
            "The sources give no {class} tier or amounts (the tool never borrows another class's)."
        }
        Finding::NoTierForBeds => "No tier covers {beds} beds.",
        Finding::EveryVariantAlike => "(all {count} tiers, for the same reason)",
        Finding::AmountNotStatedForBeds => {
            "The sources give no tier or amount for a facility with {beds} beds, and do not exclude it either: to confirm (no other tier's amount is used)."
        }
        Finding::PlanAmountNotStated => "amount not stated",
        Finding::AskProcesses => "the number of business processes",
        Finding::AskFunctions => "the number of functions: accounting, ordering, payment",
        Finding::AskKenshin => "whether a health-checkup system is in place",
        Finding::AskMembers => "the number of members (10 or more)",
        Finding::AskSizeForRate => {
            "whether an SME or a large company (a large company gets {large}; computed at the SME rate {base} until stated)"
        }
        Finding::NeedsMembers => "The amount needs the number of members.",
        Finding::TooFewMembers => {
            "{members} members; a multi-party application needs {least} or more (ineligible)."
        }
        Finding::GrantBelowMinimum => {
            "The grant of {grant} yen is below the minimum of {min} yen (never rounded up)."
        }
        Finding::PerUnitNote => {
            "Caps and rounding apply per {unit} (up to {max} for this class); the grant adds up each {unit}'s amount."
        }
        Finding::SmallBusinessFromFlag => {
            "The sources do not define 小規模事業者 for medical providers: the small-business rate applies only when stated."
        }
        Finding::RoundingNotStated => {
            "The sources state no rounding rule: computed exactly, truncated below 1 yen."
        }
        Finding::NoCost => "No cost given.",
        Finding::NoItemCost => "No cost given for the cost items.",
        Finding::NeedsItems => "This program caps each cost item: give the amount of {items}",
        Finding::MissingItemIsZero => "No amount for {item}: counted as 0 yen",
        Finding::QuestionCondition => "Does this hold: {text}?",
        Finding::QuestionCost => "What does the project cost?",
        Finding::QuestionItems => "What does each cost item come to?",
        Finding::QuestionKenshin => {
            "Is a health-checkup system in place (are health checkups carried out)?"
        }
        Finding::QuestionProcesses => "How many business processes does the IT tool cover?",
        Finding::QuestionFunctions => {
            "How many of accounting, ordering and payment does the software do?"
        }
        Finding::QuestionMembers => {
            "How many members does the group have (10 or more are required)?"
        }
        Finding::QuestionSize => {
            "Is the applicant a small or medium business, or a large company (a large company gets another rate)?"
        }
        Finding::QuestionSmallBusiness => "Is the applicant a small business (小規模事業者)?",
        Finding::QuestionMinWageNearby => {
            "Is the applicant a business near the minimum wage (最低賃金近傍の事業者)?"
        }
        Finding::QuestionLargeCompany => "Is the applicant a large company (大企業等)?",
        Finding::PeriodUnknown => "no period stated",
    }
}
