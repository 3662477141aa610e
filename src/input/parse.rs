//! One parser per kind of value a person types, shared by every flag and
//! every batch cell, so that `病院`, `２５０床`, `はい`, `￥14,000,000` and
//! `令和8年1月15日` mean the same everywhere.
//!
//! Pure: no I/O, no printing. A refusal is a [`ValueError`] that says what
//! was read, why, and an example that works, in either language.

use std::fmt;

use chrono::NaiveDate;

use crate::Lang;
use crate::core::catalogue::{Entity, FacilityClass};
use crate::core::money::{self, MoneyError, Yen};
use crate::i18n::{self, Key};
use crate::input::request::{ClinicBeds, FacilityKind};
use crate::input::text::shown;

/// A value refused, and why; rendered in a language by [`ValueError::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// What was read, cut short for the message.
    read: String,
    why: Why,
}

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Money(MoneyError),
    /// Not a kind of facility; the nearest spelling, if one is close.
    Facility(Option<&'static str>),
    /// Not a legal form.
    Entity,
    /// Not yes or no.
    YesNo,
    /// Nothing given where a number is needed.
    CountEmpty,
    /// A minus sign.
    CountNegative,
    /// A fraction.
    CountFraction,
    /// Not a whole number.
    CountNotANumber,
    /// Beyond what any facility has.
    CountTooLarge,
    /// Not one ASCII character.
    Delimiter,
    /// Not an address and port (`--addr`).
    SocketAddr,
    /// Not `KEY=YEN`.
    ItemForm,
    /// Not `ID=yes|no`.
    FactForm,
    /// Not a date in any form the tool reads.
    DateForm,
    /// A date that does not exist, as written: `2026-02-30`.
    DateImpossible(String),
    /// A 和暦 date outside its era: `令和元年4月30日` is 平成31年.
    DateOutsideEra {
        era: &'static str,
        first: NaiveDate,
        last: Option<NaiveDate>,
    },
}

impl ValueError {
    fn new(read: &str, why: Why) -> ValueError {
        ValueError {
            read: shown(read).into_owned(),
            why,
        }
    }

    /// Why, with an example that works, in `lang` (the flag and value are
    /// said by whoever names the flag or the column).
    pub fn message(&self, lang: Lang) -> String {
        let text = |key, values: &[(&str, &dyn fmt::Display)]| i18n::text(lang, key, values);
        match &self.why {
            Why::Money(e) => e.message(lang),
            Why::Facility(Some(near)) => text(Key::NotAFacilityNear, &[("near", near)]),
            Why::Facility(None) => text(Key::NotAFacility, &[]),
            Why::Entity => text(Key::NotAnEntity, &[]),
            Why::YesNo => text(Key::NotYesNo, &[]),
            Why::CountEmpty => text(Key::CountEmpty, &[]),
            Why::CountNegative => text(Key::CountNegative, &[]),
            Why::CountFraction => text(Key::CountFraction, &[]),
            Why::CountNotANumber => text(Key::CountNotANumber, &[]),
            Why::CountTooLarge => text(Key::CountTooLarge, &[("max", &MAX_COUNT)]),
            Why::Delimiter => text(Key::NotADelimiter, &[]),
            Why::SocketAddr => text(Key::NotASocketAddr, &[]),
            Why::ItemForm => text(Key::ItemForm, &[]),
            Why::FactForm => text(Key::FactForm, &[]),
            Why::DateForm => text(Key::DateForm, &[]),
            Why::DateImpossible(date) => text(Key::DateImpossible, &[("date", date)]),
            Why::DateOutsideEra { era, first, last } => match last {
                Some(last) => text(
                    Key::DateOutsideEra,
                    &[("era", era), ("first", first), ("last", last)],
                ),
                None => text(Key::DateBeforeEra, &[("era", era), ("first", first)]),
            },
        }
    }

    /// What was read.
    pub fn read(&self) -> &str {
        &self.read
    }

    pub fn why(&self) -> &Why {
        &self.why
    }
}

/// English, for logs and the places without a language.
impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ValueError {}

/// `ｈｏｓｐｉｔａｌ　` → `hospital`: trimmed (also of full-width spaces),
/// full-width ASCII folded, ASCII letters lower-cased.
pub fn normal(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .to_ascii_lowercase()
}

/// `hospital`, `病院`, `clinic`, `診療所`, `pharmacy`, `薬局`, any case,
/// full-width letters too; `有床診療所` and `無床診療所` are clinics that
/// say whether they have beds (the request then checks `beds` against it).
pub fn facility(text: &str) -> Result<FacilityKind, ValueError> {
    let kind = |class: FacilityClass| Ok(FacilityKind::from(class));
    let clinic = |beds| {
        Ok(FacilityKind {
            class: FacilityClass::Clinic,
            clinic_beds: Some(beds),
        })
    };
    // The spellings a batch repeats on every row, without allocating.
    match text {
        "hospital" | "病院" => return kind(FacilityClass::Hospital),
        "clinic" | "診療所" => return kind(FacilityClass::Clinic),
        "pharmacy" | "薬局" => return kind(FacilityClass::Pharmacy),
        _ => {}
    }
    match normal(text).as_str() {
        "hospital" | "病院" => kind(FacilityClass::Hospital),
        "clinic" | "診療所" | "一般診療所" | "医科診療所" => {
            kind(FacilityClass::Clinic)
        }
        "有床診療所" | "bedded-clinic" => clinic(ClinicBeds::With),
        "無床診療所" | "clinic-without-beds" => clinic(ClinicBeds::Without),
        "pharmacy" | "薬局" | "保険薬局" => kind(FacilityClass::Pharmacy),
        other => {
            let near = ["hospital", "clinic", "pharmacy"]
                .into_iter()
                .find(|name| strsim::levenshtein(other, name) <= 2);
            Err(ValueError::new(text, Why::Facility(near)))
        }
    }
}

/// `medical-corporation` / `医療法人`, `sole-proprietor` / `個人開業医` /
/// `個人事業主`, `company` / `会社` / `株式会社` … (its capital is given apart,
/// with `--capital`).
pub fn entity(text: &str) -> Result<Entity, ValueError> {
    match normal(text).as_str() {
        "medical-corporation" | "医療法人" => Ok(Entity::MedicalCorporation),
        "sole-proprietor" | "個人開業医" | "個人事業主" | "個人" => {
            Ok(Entity::SoleProprietor)
        }
        "company" | "会社" | "株式会社" | "有限会社" | "合同会社" | "合名会社" | "合資会社" => {
            Ok(Entity::Company { capital: None })
        }
        _ => Err(ValueError::new(text, Why::Entity)),
    }
}

/// yes/no, y/n, true/false, 1/0, はい/いいえ, あり/なし, 有/無, ○/×,
/// 実施/未実施 (a 健診 column's words).
pub fn yes_no(text: &str) -> Result<bool, ValueError> {
    match text {
        "yes" | "1" | "はい" => return Ok(true),
        "no" | "0" | "いいえ" => return Ok(false),
        _ => {}
    }
    match normal(text).as_str() {
        "yes" | "y" | "true" | "1" | "はい" | "あり" | "有" | "○" | "◯" | "実施" => {
            Ok(true)
        }
        "no" | "n" | "false" | "0" | "いいえ" | "なし" | "無" | "×" | "✕" | "未実施" => {
            Ok(false)
        }
        _ => Err(ValueError::new(text, Why::YesNo)),
    }
}

/// The largest count accepted (beds, employees, coupons …): an input bound
/// of ours, far above any facility; each use keeps its own tighter limit.
pub const MAX_COUNT: u32 = 1_000_000;

/// Units a count may end with: `250床`, `12者`, `3件`, `2個`, `40人`, `3枚`.
pub(crate) const COUNT_UNITS: &[char] = &['床', '者', '件', '個', '人', '枚'];

/// A whole number of half- or full-width digits, with an optional unit
/// (`250`, `２５０`, `250床`); nothing that only looks like a digit (`²`).
pub fn count(text: &str) -> Result<u32, ValueError> {
    // Plain digits, the common case: no folding.
    if !text.is_empty() && text.len() <= 7 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse::<u32>()
            .ok()
            .filter(|&n| n <= MAX_COUNT)
            .ok_or_else(|| ValueError::new(text, Why::CountTooLarge));
    }
    let folded = normal(text);
    let number = folded
        .strip_suffix(COUNT_UNITS)
        .unwrap_or(&folded)
        .trim_end();
    let refuse = |why| Err(ValueError::new(text, why));
    if number.is_empty() {
        return refuse(Why::CountEmpty);
    }
    if number.starts_with(['-', '−', '▲', '△']) {
        return refuse(Why::CountNegative);
    }
    let digits = number.strip_prefix('+').unwrap_or(number).replace(',', "");
    if digits.contains('.')
        && digits
            .split('.')
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        // `250.0` is 250; `2.5` is not a count.
        let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
        if !whole.is_empty() && fraction.bytes().all(|b| b == b'0') {
            return count(whole);
        }
        return refuse(Why::CountFraction);
    }
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return refuse(Why::CountNotANumber);
    }
    match digits.trim_start_matches('0').len() {
        0 => Ok(0),
        1..=7 => match digits.parse::<u32>() {
            Ok(n) if n <= MAX_COUNT => Ok(n),
            _ => refuse(Why::CountTooLarge),
        },
        _ => refuse(Why::CountTooLarge),
    }
}

/// An amount of yen: every form [`money::parse_yen`] reads.
pub fn yen(text: &str) -> Result<Yen, ValueError> {
    money::parse_yen(text).map_err(|e| ValueError::new(text, Why::Money(e)))
}

/// `mobile=41000`, `rececon=5万`: a cost item's key and amount.
pub fn item(text: &str) -> Result<(String, Yen), ValueError> {
    match text.split_once('=') {
        Some((key, amount)) if !key.trim().is_empty() => {
            let yen = yen(amount).map_err(|e| ValueError::new(text, e.why))?;
            Ok((key.trim().to_string(), yen))
        }
        _ => Err(ValueError::new(text, Why::ItemForm)),
    }
}

/// `online-qual-in-place=yes`, `…=はい`: a fact's id and whether it holds.
pub fn fact(text: &str) -> Result<(String, bool), ValueError> {
    match text.split_once('=') {
        Some((id, answer)) if !id.trim().is_empty() => {
            let holds = yes_no(answer).map_err(|e| ValueError::new(text, e.why))?;
            Ok((id.trim().to_string(), holds))
        }
        _ => Err(ValueError::new(text, Why::FactForm)),
    }
}

/// A day as (year, month, day), for the era table.
type Ymd = (i32, u32, u32);

/// A CSV delimiter: one ASCII character, or `tab` / `\t` for a tab.
pub fn delimiter(text: &str) -> Result<u8, ValueError> {
    match text {
        "tab" | "TAB" | "\\t" | "\t" => Ok(b'\t'),
        _ => match text.as_bytes() {
            [b] if b.is_ascii_punctuation() || *b == b' ' => Ok(*b),
            _ => Err(ValueError::new(text, Why::Delimiter)),
        },
    }
}

/// An address and port to listen on: `127.0.0.1:8080`, `0.0.0.0:80`, `[::1]:8080`.
pub fn socket_addr(text: &str) -> Result<std::net::SocketAddr, ValueError> {
    text.trim()
        .parse()
        .map_err(|_| ValueError::new(text, Why::SocketAddr))
}

/// The eras a 和暦 date may name: name, letter, first day, last day.
const ERAS: [(&str, char, Ymd, Option<Ymd>); 2] = [
    ("令和", 'r', (2019, 5, 1), None),
    ("平成", 'h', (1989, 1, 8), Some((2019, 4, 30))),
];

/// A date: `2026-01-15`, `2026/1/15`, `2026.1.15`, `20260115`, `2026年1月15日`,
/// `令和8年1月15日`, `令和元年5月1日`, `R8.1.15`, `H31/4/30`, full-width
/// digits; a weekday after it (`（火）`) is ignored.
pub fn date(text: &str) -> Result<NaiveDate, ValueError> {
    let refuse = |why| Err(ValueError::new(text, why));
    let mut s: String = normal(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // `2031年9月30日（火）`: the weekday adds nothing.
    if let Some(open) = s.find(['(', '（'])
        && s.ends_with([')', '）'])
    {
        s.truncate(open);
    }
    // The era, written out or as a letter: its first year is year 1 (元年).
    let mut era = None;
    for (name, letter, first, last) in ERAS {
        let rest = s.strip_prefix(name).or_else(|| {
            s.strip_prefix(letter)
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        });
        if let Some(rest) = rest {
            era = Some((name, first, last));
            s = rest.replacen('元', "1", 1);
            break;
        }
    }
    let Some((year, month, day)) = split_date(&s) else {
        return refuse(Why::DateForm);
    };
    let year = match era {
        Some((_, (first_year, _, _), _)) => match i32::try_from(year) {
            Ok(y) if (1..=99).contains(&y) => first_year + y - 1,
            _ => return refuse(Why::DateForm),
        },
        None => match i32::try_from(year) {
            Ok(y) if (1000..=9999).contains(&y) => y,
            _ => return refuse(Why::DateForm),
        },
    };
    let Some(date) = u32::try_from(month)
        .ok()
        .zip(u32::try_from(day).ok())
        .and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d))
    else {
        return refuse(Why::DateImpossible(format!("{year}-{month:02}-{day:02}")));
    };
    if let Some((name, first, last)) = era {
        let day = |(y, m, d): Ymd| NaiveDate::from_ymd_opt(y, m, d);
        let (first, last) = (day(first), last.and_then(day));
        if first.is_some_and(|f| date < f) || last.is_some_and(|l| date > l) {
            return refuse(Why::DateOutsideEra {
                era: name,
                first: first.unwrap_or(date),
                last,
            });
        }
    }
    Ok(date)
}

/// `2026-1-15`, `2026/1/15`, `2026.1.15`, `2026年1月15日`, `20260115` → (2026, 1, 15).
fn split_date(s: &str) -> Option<(u64, u64, u64)> {
    let number = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u64>().ok())
            .flatten()
    };
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some((number(&s[..4])?, number(&s[4..6])?, number(&s[6..])?));
    }
    let s = s.strip_suffix('日').unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    match parts.as_slice() {
        [y, m, d] => Some((number(y)?, number(m)?, number(d)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn every_spelling_of_a_facility() {
        for text in [
            "hospital",
            "Hospital",
            "HOSPITAL",
            " 病院 ",
            "ｈｏｓｐｉｔａｌ",
        ] {
            assert_eq!(facility(text), Ok(FacilityClass::Hospital.into()), "{text}");
        }
        for text in ["clinic", "診療所", "一般診療所"] {
            assert_eq!(facility(text), Ok(FacilityClass::Clinic.into()), "{text}");
        }
        for (text, beds) in [
            ("有床診療所", ClinicBeds::With),
            (" 有床診療所", ClinicBeds::With),
            ("無床診療所", ClinicBeds::Without),
        ] {
            let kind = facility(text).unwrap();
            assert_eq!(kind.class, FacilityClass::Clinic, "{text}");
            assert_eq!(kind.clinic_beds, Some(beds), "{text}");
        }
        for text in ["pharmacy", "薬局", "保険薬局"] {
            assert_eq!(facility(text), Ok(FacilityClass::Pharmacy.into()), "{text}");
        }
        let typo = facility("hospitl").unwrap_err();
        assert_eq!(typo.why(), &Why::Facility(Some("hospital")));
        assert!(typo.message(Lang::Ja).contains("hospital"));
        assert_eq!(facility("歯科").unwrap_err().why(), &Why::Facility(None));
    }

    #[test]
    fn every_spelling_of_yes_and_no() {
        for text in ["yes", "Y", "true", "1", "はい", "あり", "有", "○", "ＹＥＳ"] {
            assert_eq!(yes_no(text), Ok(true), "{text}");
        }
        for text in ["no", "N", "FALSE", "0", "いいえ", "なし", "無", "×"] {
            assert_eq!(yes_no(text), Ok(false), "{text}");
        }
        assert_eq!(yes_no("maybe").unwrap_err().why(), &Why::YesNo);
    }

    /// What offices write in a 健診 column and after an
    /// amount. A cost marked (税込) or (税抜) is the amount written: the
    /// sources do not say whether the cost includes tax (記載なし), so no
    /// tax is added or taken off.
    #[test]
    fn kenshin_words_tax_marks_and_millions() {
        assert_eq!(yes_no("実施"), Ok(true));
        assert_eq!(yes_no("未実施"), Ok(false));
        for text in [
            "14,000,000円(税込)",
            "14,000,000円（税込）",
            "14000000(税抜)",
            "1400万円（税抜）",
            "1,400万円 (税込)",
            "１４００万円（税込み）",
            "1400万円(税抜き)",
            "14.0百万円",
            "14百万円",
            "14百万",
            "１４．０百万円",
            "14.0百万円(税込)",
        ] {
            assert_eq!(yen(text), Ok(14_000_000), "{text}");
        }
        assert_eq!(yen("1.5百万円"), Ok(1_500_000));
        assert_eq!(yen("1億5百万円"), Ok(105_000_000));
        assert_eq!(yen("3百円"), Ok(300));
        assert_eq!(yen("1千5百万"), Ok(15_000_000));
        // Only the tax words, and only after the amount.
        for text in [
            "(税込)",
            "14000000(送料込)",
            "(税込)14000000",
            "14000000(税込)(税抜)",
        ] {
            assert!(yen(text).is_err(), "{text}");
        }
        // A decimal that is not whole yen is refused, with an example that works.
        let e = yen("1.2345千円").unwrap_err();
        assert_eq!(e.why(), &Why::Money(MoneyError::Fractional));
        assert!(
            e.message(Lang::Ja).contains("例: 1.5万"),
            "{}",
            e.message(Lang::Ja)
        );
        assert_eq!(
            yen("1.0000005百万").unwrap_err().why(),
            &Why::Money(MoneyError::Fractional)
        );
        assert!(yen("百万円").is_err());
        assert!(yen("5百百").is_err());
    }

    #[test]
    fn counts_with_full_width_digits_and_units() {
        for text in [
            "250",
            "２５０",
            "250床",
            "２５０床",
            " 250 ",
            "250.0",
            "+250",
        ] {
            assert_eq!(count(text), Ok(250), "{text}");
        }
        assert_eq!(count("12者"), Ok(12));
        assert_eq!(count("3枚"), Ok(3));
        assert_eq!(count("0"), Ok(0));
        for (text, why) in [
            ("", Why::CountEmpty),
            ("床", Why::CountEmpty),
            ("-20", Why::CountNegative),
            ("2.5", Why::CountFraction),
            ("many", Why::CountNotANumber),
            ("10²", Why::CountNotANumber),
            ("①", Why::CountNotANumber),
            ("99999999999", Why::CountTooLarge),
        ] {
            assert_eq!(count(text).unwrap_err().why(), &why, "{text}");
        }
    }

    #[test]
    fn every_spelling_of_a_date() {
        for text in [
            "2026-01-15",
            "2026/1/15",
            "2026/01/15",
            "2026.1.15",
            "20260115",
            "2026年1月15日",
            "令和8年1月15日",
            "R8.1.15",
            "r8/1/15",
            "R08.01.15",
            "２０２６年１月１５日",
            "令和８年１月１５日（木）",
        ] {
            assert_eq!(date(text), Ok(day("2026-01-15")), "{text}");
        }
        assert_eq!(date("令和元年5月1日"), Ok(day("2019-05-01")));
        assert_eq!(date("平成31年4月30日"), Ok(day("2019-04-30")));
        assert_eq!(date("H31.4.30"), Ok(day("2019-04-30")));
        // 001's deadline, as the source writes it: 令和 13年９月30日（火）.
        assert_eq!(date("令和 13年９月30日（火）"), Ok(day("2031-09-30")));
    }

    #[test]
    fn impossible_dates_are_named() {
        let e = date("2026-02-30").unwrap_err();
        assert_eq!(e.why(), &Why::DateImpossible("2026-02-30".into()));
        assert!(e.message(Lang::Ja).contains("2026-02-30"));
        // 令和 began on 2019-05-01: 令和元年4月30日 is 平成31年4月30日.
        let e = date("令和元年4月30日").unwrap_err();
        assert!(matches!(e.why(), Why::DateOutsideEra { era: "令和", .. }));
        assert!(
            e.message(Lang::Ja).contains("2019-05-01"),
            "{}",
            e.message(Lang::Ja)
        );
        assert!(date("平成32年1月1日").is_err());
        for text in ["2026-13-01", "tomorrow", "2026", "26-1-15", "R.1.15"] {
            assert!(date(text).is_err(), "{text}");
        }
    }

    #[test]
    fn items_and_facts() {
        assert_eq!(item("mobile=41,000円"), Ok(("mobile".into(), 41_000)));
        assert_eq!(item("mobile=4.1万"), Ok(("mobile".into(), 41_000)));
        assert_eq!(item("41000").unwrap_err().why(), &Why::ItemForm);
        assert_eq!(item("=41000").unwrap_err().why(), &Why::ItemForm);
        assert_eq!(
            fact("online-qual-in-place=はい"),
            Ok(("online-qual-in-place".into(), true))
        );
        assert_eq!(fact("x=いいえ"), Ok(("x".into(), false)));
        assert_eq!(fact("x").unwrap_err().why(), &Why::FactForm);
        assert_eq!(fact("x=maybe").unwrap_err().why(), &Why::YesNo);
    }

    #[test]
    fn entities() {
        assert_eq!(entity("医療法人"), Ok(Entity::MedicalCorporation));
        assert_eq!(entity("Sole-Proprietor"), Ok(Entity::SoleProprietor));
        assert_eq!(entity("株式会社"), Ok(Entity::Company { capital: None }));
        assert_eq!(entity("Company"), Ok(Entity::Company { capital: None }));
        // 社会福祉法人 (004 ⑨) and others are not among the forms the tool judges.
        assert!(entity("社会福祉法人").is_err());
    }
}
