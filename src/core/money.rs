//! Yen: whole yen as integers, parsed from what people type and shown as `6,579,000円`.

use std::borrow::Cow;

use crate::Lang;
use crate::i18n::{self, Key};

/// An amount of money in whole yen.
pub type Yen = u64;

/// The largest amount accepted as input: 1兆円.
pub const MAX_INPUT: Yen = 1_000_000_000_000;

/// Why an amount typed by a user was refused. [`MoneyError::message`] says
/// it in either language, with an example that works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Negative,
    NotANumber,
    Fractional,
    TooLarge,
    /// `1 400万`, `1400\n0000`: a space (or line break) between digits.
    SpaceInside,
    /// `10²`, `①②③`, `½`: a character that looks like a digit but is not 0-9 (or ０-９).
    NotADigit(char),
    /// `1万1億`, `1万2万`: units out of order or repeated.
    UnitOrder,
    /// `1億20000万`, `1万12345`: a part as large as the unit before it.
    PartTooLarge {
        /// The unit before the part: `億` in `1億20000万`.
        after: char,
        /// The part's own unit, if any: `万` in `1億20000万`, none in `1万12345`.
        unit: Option<char>,
        /// What the part's figure must stay below: 10000 for 億 then 万.
        limit: u64,
    },
}

impl MoneyError {
    /// Why, with an example that works, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
        match *self {
            MoneyError::Empty => text(Key::MoneyEmpty, &[]),
            MoneyError::Negative => text(Key::MoneyNegative, &[]),
            MoneyError::NotANumber => text(Key::MoneyNotANumber, &[]),
            MoneyError::Fractional => text(Key::MoneyFractional, &[]),
            MoneyError::TooLarge => text(Key::MoneyTooLarge, &[]),
            MoneyError::SpaceInside => text(Key::MoneySpaceInside, &[]),
            MoneyError::NotADigit(c) => text(
                Key::MoneyNotADigit,
                &[("char", &c), ("code", &format!("{:04X}", u32::from(c)))],
            ),
            MoneyError::UnitOrder => text(Key::MoneyUnitOrder, &[]),
            MoneyError::PartTooLarge { after, unit, limit } => {
                let example = format!(
                    "1{after}{}{}",
                    limit - 1,
                    unit.map(String::from).unwrap_or_default()
                );
                match unit {
                    Some(unit) => text(
                        Key::MoneyPartBetween,
                        &[
                            ("after", &after),
                            ("unit", &unit),
                            ("limit", &limit),
                            ("example", &example),
                        ],
                    ),
                    None => text(
                        Key::MoneyPartAfter,
                        &[("after", &after), ("limit", &limit), ("example", &example)],
                    ),
                }
            }
        }
    }
}

/// English, where there is no language to choose.
impl std::fmt::Display for MoneyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MoneyError {}

/// The units people write amounts with, largest first: 兆 (10^12), 億 (10^8), 万 (10^4).
const UNITS: [(char, u128); 3] = [
    ('兆', 1_000_000_000_000),
    ('億', 100_000_000),
    ('万', 10_000),
];

/// The words of a tax mark after an amount: `(税込)`, `（税抜き）`.
pub(crate) const TAX_MARKS: [&str; 5] = ["税込", "税込み", "税抜", "税抜き", "税別"];

/// `1,400万円（税込）` → `1,400万円`: an amount marked as with or without
/// consumption tax is the amount written. The sources do not say whether a
/// cost includes tax (記載なし, as every estimate says), so the tool neither
/// adds nor takes off tax. Half- or full-width parentheses, one mark, last.
fn without_tax_mark(text: &str) -> &str {
    let Some(inside) = text.strip_suffix([')', '）']) else {
        return text;
    };
    TAX_MARKS
        .iter()
        .find_map(|mark| inside.strip_suffix(mark)?.strip_suffix(['(', '（']))
        .map_or(text, str::trim_end)
}

/// Parses `14000000`, `14,000,000`, `14000000円`, `1400万`, `1,400万円`, `1.5万`,
/// `1億2000万円`, `1兆円`, a leading `¥`/`￥` (or `\`, Shift_JIS's yen sign),
/// 千 and 百 (`13,158千円`, `140万5千円`, `1億4千万`, `14.0百万円`), full-width
/// forms (`１４００００００`) and a tax mark after the amount
/// (`1,400万円（税込）`, `14000000(税抜)`: the amount written, see `without_tax_mark`).
///
/// Refused: spaces between digits (`1 400万`), characters that only look like
/// digits (`10²`, `①`, `½`), units out of order or repeated (`1万1億`), and a
/// part as large as the unit before it (`1億20000万`, `1万12345`).
///
/// ```
/// use subsidy::core::money::{parse_yen, MoneyError};
/// assert_eq!(parse_yen("1,400万円"), Ok(14_000_000));
/// assert_eq!(parse_yen("１４００００００"), Ok(14_000_000));
/// assert_eq!(parse_yen("-5"), Err(MoneyError::Negative));
/// assert_eq!(parse_yen("1 4"), Err(MoneyError::SpaceInside));
/// ```
pub fn parse_yen(input: &str) -> Result<Yen, MoneyError> {
    // The common case, plain digits: no folding, no splitting.
    let trimmed = input.trim();
    if !trimmed.is_empty() && trimmed.len() <= 13 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let yen: Yen = trimmed.parse().map_err(|_| MoneyError::NotANumber)?;
        return if yen > MAX_INPUT {
            Err(MoneyError::TooLarge)
        } else {
            Ok(yen)
        };
    }
    let trimmed = without_tax_mark(trimmed);
    // `¥14,000,000`, `￥14,000,000`, and `\14,000,000`: a Shift_JIS file
    // from Japanese Excel has its yen sign at 0x5C, read as a backslash.
    let trimmed = trimmed
        .strip_prefix(['¥', '￥', '\\'])
        .map_or(trimmed, str::trim_start);
    if trimmed.is_empty() {
        return Err(MoneyError::Empty);
    }
    // Any whitespace left is inside: `1 4` is not 14, nor is a cell `1400\n0000`.
    if trimmed.contains(char::is_whitespace) {
        return Err(MoneyError::SpaceInside);
    }
    // Full-width forms (０-９, ，, ．, －, ＋) fold to ASCII; nothing else does.
    // NFKC is not used: it also turns `²`, `①` and `½` into digits.
    let text: Cow<'_, str> = if trimmed.is_ascii() {
        Cow::Borrowed(trimmed)
    } else {
        if let Some(c) = trimmed
            .chars()
            .find(|c| c.is_numeric() && !c.is_ascii_digit() && !('０'..='９').contains(c))
        {
            return Err(MoneyError::NotADigit(c));
        }
        Cow::Owned(trimmed.chars().map(fold_full_width).collect())
    };
    if text.starts_with(['-', '−', '﹣', '▲', '△']) {
        return Err(MoneyError::Negative);
    }
    let text = text.strip_prefix('+').unwrap_or(&text);
    let text = text.strip_suffix('円').unwrap_or(text);
    if text.is_empty() {
        return Err(MoneyError::NotANumber);
    }

    // Split into parts by the units, largest first: 1兆2000億3,000万4,000.
    // Each part stays below the unit before it, so every amount has one spelling.
    let mut total: u128 = 0;
    let mut before: Option<(char, u128)> = None;
    let mut rest = text;
    while !rest.is_empty() {
        let (head, unit, scale, tail) = match first_unit(rest) {
            Some((i, unit, scale)) => {
                let tail = &rest[i + unit.len_utf8()..];
                (&rest[..i], Some(unit), scale, tail)
            }
            None => (rest, None, 1, ""),
        };
        if let Some((_, before_scale)) = before
            && scale >= before_scale
        {
            return Err(MoneyError::UnitOrder);
        }
        let part = with_small_units(head, scale)?;
        if let Some((after, before_scale)) = before
            && part >= before_scale
        {
            return Err(MoneyError::PartTooLarge {
                after,
                unit,
                limit: u64::try_from(before_scale / scale).unwrap_or(u64::MAX),
            });
        }
        total += part;
        before = unit.map(|u| (u, scale));
        rest = tail;
    }
    if total > u128::from(MAX_INPUT) {
        return Err(MoneyError::TooLarge);
    }
    Yen::try_from(total).map_err(|_| MoneyError::TooLarge)
}

/// The units inside a part, largest first: 千 (1000) and 百 (100).
const SMALL_UNITS: [(char, u128); 2] = [('千', 1000), ('百', 100)];

/// A part before a unit (or the last part), `千` and `百` allowed inside it
/// as Japanese writes amounts: `13,158千` = 13,158,000; `5千` in `140万5千`;
/// `4千` in `1億4千万` = 4000万; `14.0百` in `14.0百万` = 14,000,000. What
/// follows 千 stays below 1000, and what follows 百 below 100.
fn with_small_units(head: &str, scale: u128) -> Result<u128, MoneyError> {
    let mut total: u128 = 0;
    let mut rest = head;
    let mut before: Option<(char, u128)> = None;
    for (unit, factor) in SMALL_UNITS {
        let Some((number, tail)) = rest.split_once(unit) else {
            continue;
        };
        if number.is_empty() || tail.contains(unit) {
            return Err(MoneyError::NotANumber);
        }
        let part = scaled(number, factor * scale)?;
        if let Some((after, before_factor)) = before
            && part >= before_factor * scale
        {
            return Err(MoneyError::PartTooLarge {
                after,
                unit: Some(unit),
                limit: u64::try_from(before_factor / factor).unwrap_or(u64::MAX),
            });
        }
        total += part;
        before = Some((unit, factor));
        rest = tail;
    }
    let Some((after, factor)) = before else {
        return scaled(head, scale);
    };
    if rest.is_empty() {
        return Ok(total);
    }
    let last = scaled(rest, scale)?;
    if last >= factor * scale {
        return Err(MoneyError::PartTooLarge {
            after,
            unit: None,
            limit: u64::try_from(factor).unwrap_or(u64::MAX),
        });
    }
    Ok(total + last)
}

/// Where the first of 兆, 億 and 万 is in `text`, which, and its scale.
fn first_unit(text: &str) -> Option<(usize, char, u128)> {
    text.char_indices().find_map(|(i, c)| {
        UNITS
            .iter()
            .find(|(unit, _)| *unit == c)
            .map(|&(unit, scale)| (i, unit, scale))
    })
}

/// `１` → `1`, `，` → `,`: the full-width ASCII forms (U+FF01..U+FF5E) as ASCII.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
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
    // Leading zeros spell nothing: `000…0` is 0 yen however many there are.
    let significant = whole.trim_start_matches('0');
    if (!fraction.is_empty() && !all_digits(fraction))
        || number.ends_with('.')
        || significant.len() > 20
    {
        return Err(MoneyError::NotANumber);
    }
    // Trailing zeros after the point spell nothing either: `1.50000000000000万`.
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > 12 {
        return Err(MoneyError::Fractional);
    }
    let whole: u128 = if significant.is_empty() {
        0
    } else {
        significant.parse().map_err(|_| MoneyError::TooLarge)?
    };
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
/// assert_eq!(subsidy::core::money::format_yen(6_579_000), "6,579,000円");
/// ```
pub fn format_yen(amount: Yen) -> String {
    format!("{}円", group_thousands(u128::from(amount)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yen_signs_and_thousands() {
        // Excel's currency format, and the sources' own unit (001: 「13,158千円」).
        for (text, yen) in [
            ("¥14,000,000", 14_000_000),
            ("￥14,000,000", 14_000_000),
            ("\\14,000,000", 14_000_000),
            ("¥ 14,000,000", 14_000_000),
            ("13,158千円", 13_158_000),
            ("6,579千円", 6_579_000),
            ("140万5千円", 1_405_000),
            ("1億4千万", 140_000_000),
            ("5千500", 5_500),
            ("1.5千", 1_500),
            ("１３，１５８千円", 13_158_000),
        ] {
            assert_eq!(parse_yen(text), Ok(yen), "{text}");
        }
        for text in ["千円", "5千千", "¥", "5千1000", "1万1千万"] {
            assert!(parse_yen(text).is_err(), "{text}");
        }
        assert_eq!(
            parse_yen("5千1000"),
            Err(MoneyError::PartTooLarge {
                after: '千',
                unit: None,
                limit: 1000
            })
        );
        // 百 as 千 is read: 14.0百万 = 14,000,000; what follows stays below it.
        assert_eq!(parse_yen("14.0百万円"), Ok(14_000_000));
        assert_eq!(parse_yen("2千3百45"), Ok(2_345));
        assert_eq!(
            parse_yen("1千15百").unwrap_err().to_string(),
            "the part between 千 and 百 must be below 10 (try 1千9百)"
        );
        assert_eq!(
            parse_yen("5百100"),
            Err(MoneyError::PartTooLarge {
                after: '百',
                unit: None,
                limit: 100
            })
        );
    }

    #[test]
    fn refusals_say_why_in_either_language() {
        let e = parse_yen("1 400万").unwrap_err();
        assert!(e.message(Lang::Ja).starts_with("数字の間に空白があります"));
        assert!(e.to_string().starts_with("a space inside the number"));
    }

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

    /// Found by the money fuzz target: 21 or more digits with leading zeros
    /// were refused as NotANumber, though they spell a number in range.
    #[test]
    fn trailing_zeros_after_the_point_do_not_count() {
        assert_eq!(parse_yen("1.0000000000000"), Ok(1));
        assert_eq!(parse_yen("1.50000000000000万"), Ok(15_000));
        assert_eq!(parse_yen("0.0000000000001万"), Err(MoneyError::Fractional));
    }

    #[test]
    fn leading_zeros_do_not_count_towards_the_digit_limit() {
        assert_eq!(parse_yen("000000000000000000000"), Ok(0));
        assert_eq!(parse_yen(&"0".repeat(40)), Ok(0));
        assert_eq!(parse_yen(&format!("{}1400", "0".repeat(30))), Ok(1400));
        assert_eq!(
            parse_yen(&format!("{}1000000000000", "0".repeat(30))),
            Ok(MAX_INPUT)
        );
        assert_eq!(
            parse_yen(&format!("{}1000000000001", "0".repeat(30))),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(parse_yen(&format!("{}5万", "0".repeat(25))), Ok(50_000));
    }

    // What NFKC or a loose split used to let through.

    #[test]
    fn refuses_a_space_inside_the_number() {
        for text in [
            "1 4",
            "1 400万",
            "1400\n0000",
            "1400\r\n0000",
            "14\u{3000}00",
            "1\u{a0}4",
            "1\t4",
            "1万 2000",
        ] {
            assert_eq!(parse_yen(text), Err(MoneyError::SpaceInside), "{text:?}");
        }
        // Spaces around the number are trimmed, full-width and line breaks included.
        assert_eq!(parse_yen("\u{3000}1400万\u{3000}"), Ok(14_000_000));
        assert_eq!(parse_yen("\n14000000\r\n"), Ok(14_000_000));
        assert_eq!(parse_yen(" 1,400万円 "), Ok(14_000_000));
    }

    #[test]
    fn refuses_characters_that_only_look_like_digits() {
        for (text, c) in [
            ("10²", '²'),
            ("①②③", '①'),
            ("½", '½'),
            ("1½万", '½'),
            ("H₂", '₂'),
            ("𝟏𝟒𝟎𝟎万", '𝟏'),
            ("Ⅻ", 'Ⅻ'),
            ("١٤٠٠", '١'),
            ("〇", '〇'),
            ("⑴", '⑴'),
        ] {
            assert_eq!(parse_yen(text), Err(MoneyError::NotADigit(c)), "{text}");
        }
        assert_eq!(
            MoneyError::NotADigit('²').to_string(),
            "'²' (U+00B2) is not a digit 0-9 (try 14000000 or 1400万)"
        );
        // Full-width digits, comma and period are digits people type in Japanese text.
        assert_eq!(parse_yen("６５７．９万"), Ok(6_579_000));
        assert_eq!(parse_yen("１４，０００，０００円"), Ok(14_000_000));
        assert_eq!(parse_yen("＋１４００万"), Ok(14_000_000));
    }

    #[test]
    fn each_part_stays_below_the_unit_before_it() {
        assert_eq!(parse_yen("1億9999万"), Ok(199_990_000));
        assert_eq!(parse_yen("1万2345"), Ok(12_345));
        assert_eq!(parse_yen("1万9999"), Ok(19_999));
        assert_eq!(parse_yen("1億99999999"), Ok(199_999_999));
        assert_eq!(parse_yen("1兆"), Ok(MAX_INPUT));
        assert_eq!(parse_yen("9999億9999万9999円"), Ok(999_999_999_999));
        // A lone leading part may be as large as it likes, up to 1兆円.
        assert_eq!(parse_yen("20000万"), Ok(200_000_000));
        assert_eq!(parse_yen("10000億"), Ok(MAX_INPUT));
        let too_large = |after, unit, limit| Err(MoneyError::PartTooLarge { after, unit, limit });
        assert_eq!(parse_yen("1億20000万"), too_large('億', Some('万'), 10_000));
        assert_eq!(parse_yen("1億10000万"), too_large('億', Some('万'), 10_000));
        assert_eq!(parse_yen("1万12345"), too_large('万', None, 10_000));
        assert_eq!(parse_yen("1万10000"), too_large('万', None, 10_000));
        assert_eq!(
            parse_yen("1億100000000"),
            too_large('億', None, 100_000_000)
        );
        assert_eq!(parse_yen("0兆10000億"), too_large('兆', Some('億'), 10_000));
        assert_eq!(
            parse_yen("1億20000万").unwrap_err().to_string(),
            "the part between 億 and 万 must be below 10000 (try 1億9999万)"
        );
        assert_eq!(
            parse_yen("1万12345").unwrap_err().to_string(),
            "the part after 万 must be below 10000 (try 1万9999)"
        );
    }

    #[test]
    fn units_come_largest_first_each_once() {
        for text in ["1万1億", "1万2万", "1億1億", "1万1兆", "2000万1億円"] {
            assert_eq!(parse_yen(text), Err(MoneyError::UnitOrder), "{text}");
        }
        assert_eq!(parse_yen("1億万"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn one_cho_itself_is_accepted() {
        assert_eq!(parse_yen("1兆"), Ok(MAX_INPUT));
        assert_eq!(parse_yen("1兆円"), Ok(MAX_INPUT));
        assert_eq!(parse_yen("１兆円"), Ok(MAX_INPUT));
        assert_eq!(parse_yen("0.5兆"), Ok(500_000_000_000));
        assert_eq!(parse_yen("1兆1円"), Err(MoneyError::TooLarge));
        assert_eq!(parse_yen("1兆1万"), Err(MoneyError::TooLarge));
        assert_eq!(parse_yen("2兆"), Err(MoneyError::TooLarge));
    }

    /// `123456789012` → `1234億5678万9012`, or with `cho` `1兆` for 1兆円;
    /// zero parts left out, `0` for zero.
    fn in_units(yen: Yen, cho: bool) -> String {
        let (cho, oku) = if cho {
            (yen / 1_000_000_000_000, yen / 100_000_000 % 10_000)
        } else {
            (0, yen / 100_000_000)
        };
        let parts = [
            (cho, "兆"),
            (oku, "億"),
            (yen / 10_000 % 10_000, "万"),
            (yen % 10_000, ""),
        ];
        let text: String = parts
            .iter()
            .filter(|(part, _)| *part > 0)
            .map(|(part, unit)| format!("{part}{unit}"))
            .collect();
        if text.is_empty() {
            "0".to_string()
        } else {
            text
        }
    }

    /// Amounts across the whole range, and amounts whose 億, 万 or ones part is zero.
    fn amount() -> impl proptest::strategy::Strategy<Value = Yen> {
        use proptest::prelude::*;
        prop_oneof![
            0..=MAX_INPUT,
            (0..10_000u64, 0..10_000u64, 0..10_000u64, any::<[bool; 3]>()).prop_map(
                |(oku, man, ones, keep)| {
                    let keep = |part: u64, i: usize| if keep[i] { part } else { 0 };
                    keep(oku, 0) * 100_000_000 + keep(man, 1) * 10_000 + keep(ones, 2)
                }
            ),
            Just(MAX_INPUT),
            Just(0),
        ]
    }

    proptest::proptest! {
        /// Any amount up to 1兆円 reads back the same as plain digits, with
        /// comma groups, in 億/万 (and 兆) parts, in full-width digits and with 円.
        #[test]
        fn every_amount_round_trips(yen in amount()) {
            let full_width: String = yen
                .to_string()
                .chars()
                .map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap())
                .collect();
            for text in [
                yen.to_string(),
                group_thousands(u128::from(yen)),
                format_yen(yen),
                in_units(yen, false),
                format!("{}円", in_units(yen, false)),
                in_units(yen, true),
                full_width,
            ] {
                proptest::prop_assert_eq!(parse_yen(&text), Ok(yen), "{}", text);
            }
        }
    }

    #[test]
    fn formats_with_commas_and_yen() {
        assert_eq!(format_yen(6_579_000), "6,579,000円");
        assert_eq!(format_yen(0), "0円");
        assert_eq!(format_yen(999), "999円");
        assert_eq!(format_yen(1_000), "1,000円");
    }
}
