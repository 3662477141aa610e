//! The English sentences of `Explain`.

use crate::i18n::key::Explain;

/// The sentence for `key`.
pub(super) fn text(key: Explain) -> &'static str {
    match key {
        Explain::StepCost => "cost",
        Explain::StepItem => "item {item}: the lesser of {cost} and its cap {cap}",
        Explain::StepRate => "× rate {rate}",
        Explain::StepRateAssumed => "× rate {rate} ({note})",
        Explain::StepRateBand => "cost {cost} × rate {rate} = {grant} (rate tiered on the grant)",
        Explain::StepGrantCapBelow => "below the grant cap {below} → capped at {cap}",
        Explain::StepGrantCap => "capped at the grant cap {cap}",
        Explain::StepGrantCapNotStated => "grant cap: not stated",
        Explain::StepPart => "+ item {item}: {cost} × {rate}",
        Explain::StepPartCapped => "+ item {item}: {cost} × {rate} (cap {cap})",
        Explain::StepGroupCap => "excess over the combined cap {cap} ({parts}) taken off",
        Explain::StepTotal => "total before rounding",
        Explain::StepRounding => "rounding: {rule}",
        Explain::StepBelowMinimum => "minimum grant {min}: below the minimum: not eligible",
        Explain::StepAtMinimum => "minimum grant {min}: at or above the minimum",
        Explain::StepSelfPay => "self-pay = {cost} − {grant}",
        Explain::StepUnitPrefix => "{unit} {n}: ",
        Explain::StepUnitsTotal => "Sum of the {count} {unit}s",
        Explain::StepBusinessCap => "capped at the business-cost cap {cap} → eligible cost",
        Explain::StepBusinessCapNotStated => "business-cost cap: not stated → eligible cost",
        Explain::HowMet => "met",
        Explain::HowNotMet => "not met",
        Explain::HowNotStated => "not stated",
        Explain::HowByFact => "fact {fact} → {outcome}",
        Explain::HowByPrefecture => "prefecture ({prefecture}) → {outcome}",
        Explain::HowBySize => "size test → {outcome}",
    }
}
