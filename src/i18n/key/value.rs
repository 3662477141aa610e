//! The keys of [`Value`].

use super::Key;

area! {
    /// Values refused: amounts, facilities, yes/no, counts, dates
    /// (src/core/money.rs, src/input/parse.rs).
    Value {
        MoneyEmpty,
        MoneyNegative,
        MoneyNotANumber,
        MoneyFractional,
        MoneyTooLarge,
        MoneySpaceInside,
        MoneyNotADigit,
        MoneyUnitOrder,
        MoneyPartBetween,
        MoneyPartAfter,
        NotAFacility,
        NotAFacilityNear,
        NotAnEntity,
        NotYesNo,
        CountEmpty,
        CountNegative,
        CountFraction,
        CountNotANumber,
        CountTooLarge,
        NotADelimiter,
        NotASocketAddr,
        ItemForm,
        FactForm,
        DateForm,
        DateImpossible,
        DateOutsideEra,
        DateBeforeEra,
    }
}
