//! The English sentences of `Value`.

use crate::i18n::key::Value;

/// The sentence for `key`.
pub(super) fn text(key: Value) -> &'static str {
    match key {
        Value::MoneyEmpty => "no amount given (e.g. 14000000 or 1400万)",
        Value::MoneyNegative => "negative amounts are refused (e.g. 14000000)",
        Value::MoneyNotANumber => {
            "not an amount of yen (try 14000000, 14,000,000円, 1400万, ￥14,000,000 or 13,158千円)"
        }
        Value::MoneyFractional => "not a whole number of yen (e.g. 1.5万 is 15000)",
        Value::MoneyTooLarge => "amounts above 1兆円 are refused",
        Value::MoneySpaceInside => {
            "a space inside the number (try 14000000, 14,000,000円 or 1400万, with no spaces)"
        }
        Value::MoneyNotADigit => "'{char}' (U+{code}) is not a digit 0-9 (try 14000000 or 1400万)",
        Value::MoneyUnitOrder => {
            "兆, 億, 万 and 千 must come largest first, each at most once (try 1億2000万 or 140万5千)"
        }
        Value::MoneyPartBetween => {
            "the part between {after} and {unit} must be below {limit} (try {example})"
        }
        Value::MoneyPartAfter => "the part after {after} must be below {limit} (try {example})",
        Value::NotAFacility => {
            "not a kind of facility: hospital (病院), clinic (診療所) or pharmacy (薬局)"
        }
        Value::NotAFacilityNear => {
            "not a kind of facility; did you mean {near}? (hospital/病院, clinic/診療所, pharmacy/薬局)"
        }
        Value::NotAnEntity => {
            "not a legal form: medical-corporation (医療法人), sole-proprietor (個人開業医, 個人事業主) or company (会社)"
        }
        Value::NotYesNo => "not yes or no (e.g. yes, no, はい, いいえ, 1, 0)",
        Value::CountEmpty => "no number given (e.g. 250)",
        Value::CountNegative => "negative numbers are refused (e.g. 250)",
        Value::CountFraction => "not a whole number (e.g. 250)",
        Value::CountNotANumber => "not a number (try 250, ２５０ or 250床)",
        Value::CountTooLarge => "too large (at most {max})",
        Value::NotADelimiter => {
            "a delimiter is one ASCII punctuation character or tab (e.g. , tab ;)"
        }
        Value::NotASocketAddr => {
            "give an address and port (for example 127.0.0.1:8080 or 0.0.0.0:8080)"
        }
        Value::ItemForm => "expected KEY=YEN (e.g. mobile=41000)",
        Value::FactForm => "expected ID=yes|no (e.g. online-qual-in-place=yes)",
        Value::DateForm => {
            "not a date (try 2026-01-15, 2026/1/15, 20260115, 令和8年1月15日 or R8.1.15)"
        }
        Value::DateImpossible => "there is no such day as {date}",
        Value::DateOutsideEra => "{era} runs from {first} to {last}",
        Value::DateBeforeEra => "{era} begins on {first}",
    }
}
