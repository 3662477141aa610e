//! Yen: whole yen as integers, parsed from what people type and shown as `6,579,000円`.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// An amount of money in whole yen.
pub type Yen = u64;

/// The largest amount accepted as input: 1兆円.
pub const MAX_INPUT: Yen = 1_000_000_000_000;

/// Why an amount typed by a user was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("no amount given")]
    Empty,
    #[error("negative amounts are refused")]
    Negative,
    #[error("not an amount of yen (try 14000000, 14,000,000円 or 1400万)")]
    NotANumber,
    #[error("not a whole number of yen")]
    Fractional,
    #[error("amounts above 1兆円 are refused")]
    TooLarge,
}

/// Parses `14000000`, `14,000,000`, `14000000円`, `1400万`, `1,400万円`, `1.5万`,
/// `1億2000万円` and their full-width forms (`１４００００００`).
///
/// ```
/// use subsidy::money::{parse_yen, MoneyError};
/// assert_eq!(parse_yen("1,400万円"), Ok(14_000_000));
/// assert_eq!(parse_yen("１４００００００"), Ok(14_000_000));
/// assert_eq!(parse_yen("-5"), Err(MoneyError::Negative));
/// ```
pub fn parse_yen(input: &str) -> Result<Yen, MoneyError> {
    // The common case, plain digits: no folding, no splitting.
    let plain = input.trim();
    if !plain.is_empty() && plain.len() <= 13 && plain.bytes().all(|b| b.is_ascii_digit()) {
        let yen: Yen = plain.parse().map_err(|_| MoneyError::NotANumber)?;
        return if yen > MAX_INPUT {
            Err(MoneyError::TooLarge)
        } else {
            Ok(yen)
        };
    }
    // NFKC folds full-width digits, commas and signs to ASCII; 万, 億 and 円 stay.
    // Plain ASCII without inner spaces (the common case) needs no folding.
    let trimmed = input.trim();
    let text: Cow<'_, str> = if trimmed.is_ascii() && !trimmed.contains(char::is_whitespace) {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(input.nfkc().filter(|c| !c.is_whitespace()).collect())
    };
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with(['-', '−', '▲', '△']) {
        return Err(MoneyError::Negative);
    }
    let text = text.strip_prefix('+').unwrap_or(&text);
    let text = text.strip_suffix('円').unwrap_or(text);
    if text.is_empty() {
        return Err(MoneyError::NotANumber);
    }

    // Split into parts by the units 億 and 万, largest first: 1億2,000万3,000.
    let mut total: u128 = 0;
    let mut rest = text;
    for (unit, scale) in [('億', 100_000_000u128), ('万', 10_000u128)] {
        if let Some((head, tail)) = rest.split_once(unit) {
            total += scaled(head, scale)?;
            rest = tail;
        }
    }
    if !rest.is_empty() {
        total += scaled(rest, 1)?;
    }
    if total > u128::from(MAX_INPUT) {
        return Err(MoneyError::TooLarge);
    }
    Yen::try_from(total).map_err(|_| MoneyError::TooLarge)
}

/// `digits[.digits] × scale`, exactly; commas between digit groups allowed.
fn scaled(number: &str, scale: u128) -> Result<u128, MoneyError> {
    let (grouped, fraction) = number.split_once('.').unwrap_or((number, ""));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // Commas only between groups of three digits: 1,400 and 14,000,000, not 1,,0.
    let mut groups = grouped.split(',');
    let first_ok = groups.next().is_some_and(all_digits);
    if !first_ok || !groups.all(|g| g.len() == 3 && all_digits(g)) {
        return Err(MoneyError::NotANumber);
    }
    let whole = grouped.replace(',', "");
    if (!fraction.is_empty() && !all_digits(fraction)) || number.ends_with('.') || whole.len() > 20
    {
        return Err(MoneyError::NotANumber);
    }
    if fraction.len() > 12 {
        return Err(MoneyError::Fractional);
    }
    let whole: u128 = whole.parse().map_err(|_| MoneyError::TooLarge)?;
    let fraction_scale = 10u128.pow(fraction.len() as u32);
    let fraction: u128 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| MoneyError::NotANumber)?
    };
    let fraction_yen = fraction * scale;
    if !fraction_yen.is_multiple_of(fraction_scale) {
        return Err(MoneyError::Fractional);
    }
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(fraction_yen / fraction_scale))
        .ok_or(MoneyError::TooLarge)
}

/// `6579000` → `6,579,000`.
pub fn group_thousands(amount: u128) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `6579000` → `6,579,000円`.
///
/// ```
/// assert_eq!(subsidy::money::format_yen(6_579_000), "6,579,000円");
/// ```
pub fn format_yen(amount: Yen) -> String {
    format!("{}円", group_thousands(u128::from(amount)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_form_the_issue_lists() {
        for text in [
            "14000000",
            "14,000,000",
            "14000000円",
            "1400万",
            "1,400万円",
            "１４００００００",
            "１,４００万円",
            " 14000000 ",
        ] {
            assert_eq!(parse_yen(text), Ok(14_000_000), "{text}");
        }
    }

    #[test]
    fn accepts_decimal_man_and_oku() {
        assert_eq!(parse_yen("657.9万"), Ok(6_579_000));
        assert_eq!(parse_yen("1億2,000万円"), Ok(120_000_000));
        assert_eq!(parse_yen("1億"), Ok(100_000_000));
        assert_eq!(parse_yen("0"), Ok(0));
    }

    #[test]
    fn refuses_bad_amounts() {
        assert_eq!(parse_yen("-1"), Err(MoneyError::Negative));
        assert_eq!(parse_yen("－５００"), Err(MoneyError::Negative));
        assert_eq!(parse_yen("abc"), Err(MoneyError::NotANumber));
        assert_eq!(parse_yen("1.5"), Err(MoneyError::Fractional));
        assert_eq!(parse_yen("1.23456万"), Err(MoneyError::Fractional));
        assert_eq!(parse_yen("円"), Err(MoneyError::NotANumber));
        assert_eq!(parse_yen(""), Err(MoneyError::Empty));
        assert_eq!(parse_yen("1,,0"), Err(MoneyError::NotANumber));
        assert_eq!(parse_yen("14,00,000"), Err(MoneyError::NotANumber));
        assert_eq!(parse_yen("1."), Err(MoneyError::NotANumber));
        assert_eq!(parse_yen("万"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn one_cho_is_the_limit() {
        assert_eq!(parse_yen("1000000000000"), Ok(MAX_INPUT));
        assert_eq!(parse_yen("1000000000001"), Err(MoneyError::TooLarge));
        assert_eq!(parse_yen("10000億1円"), Err(MoneyError::TooLarge));
        assert_eq!(
            parse_yen("999999999999999999999999"),
            Err(MoneyError::NotANumber)
        );
    }

    #[test]
    fn formats_with_commas_and_yen() {
        assert_eq!(format_yen(6_579_000), "6,579,000円");
        assert_eq!(format_yen(0), "0円");
        assert_eq!(format_yen(999), "999円");
        assert_eq!(format_yen(1_000), "1,000円");
    }
}
