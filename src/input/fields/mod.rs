//! The input vocabulary: the columns the tool reads, by their English names
//! and the Japanese ones consultants use (`beds`, `病床数`, `費目:mobile`),
//! and how a cell of each is read into a [`Request`](crate::input::request::Request)
//! (`fields/read.rs`). It is the one contract for what people type in a batch
//! column, a profile key and a web form field: `subsidy batch`,
//! [`crate::input::profile`] and the server's form read through it, so each
//! accepts exactly what the others accept.

mod read;

pub use read::{CellError, RowError};
pub(crate) use read::{finish, json_text, read_named, request_of_cells, request_of_pairs};

use crate::Lang;
use crate::core::catalogue::RateFlag;

/// What a column means to the tool: read from its name once per run for
/// CSV, not once per cell. Names match ignoring case and surrounding spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Program,
    Variant,
    Facility,
    Beds,
    Kenshin,
    Cost,
    Prefecture,
    Processes,
    Functions,
    Members,
    Employees,
    /// 資本金 of a company: kept until the row's legal form is read too.
    Capital,
    Coupons,
    /// Each coupon's own price: `20000 10000 10000` (also `;` `、` `／`).
    CouponCosts,
    Entity,
    Flag(RateFlag),
    /// `item:KEY`
    Item,
    /// `fact:ID`
    Fact,
    /// A column the tool does not read (an id, a name, a note): passed through.
    Other,
}

/// The columns the tool reads, by name.
const KNOWN: [(&str, Column); 18] = [
    ("program", Column::Program),
    ("variant", Column::Variant),
    ("facility", Column::Facility),
    ("beds", Column::Beds),
    ("kenshin", Column::Kenshin),
    ("cost", Column::Cost),
    ("prefecture", Column::Prefecture),
    ("processes", Column::Processes),
    ("functions", Column::Functions),
    ("members", Column::Members),
    ("employees", Column::Employees),
    ("capital", Column::Capital),
    ("coupons", Column::Coupons),
    ("coupon-costs", Column::CouponCosts),
    ("entity", Column::Entity),
    ("small-business", Column::Flag(RateFlag::SmallBusiness)),
    ("min-wage-nearby", Column::Flag(RateFlag::MinWageNearby)),
    ("large-company", Column::Flag(RateFlag::LargeCompany)),
];

/// The Japanese names consultants give these columns (issue 13): each an
/// alias of the English name, matched after trimming (also full-width spaces).
pub(crate) const ALIASES: [(&str, &str); 35] = [
    ("施設区分", "facility"),
    ("区分", "facility"),
    ("施設種別", "facility"),
    ("種別", "facility"),
    ("施設種類", "facility"),
    ("病床数", "beds"),
    ("許可病床数", "beds"),
    ("病床", "beds"),
    ("経費", "cost"),
    ("事業費", "cost"),
    ("事業額", "cost"),
    ("健診", "kenshin"),
    ("健診実施", "kenshin"),
    ("都道府県", "prefecture"),
    ("制度", "program"),
    ("制度ID", "program"),
    ("区分ID", "variant"),
    ("業務プロセス数", "processes"),
    ("プロセス数", "processes"),
    ("機能数", "functions"),
    ("構成員数", "members"),
    ("従業員数", "employees"),
    ("常時使用する従業員数", "employees"),
    ("資本金", "capital"),
    ("資本金又は出資の総額", "capital"),
    ("クーポン数", "coupons"),
    ("クーポン金額", "coupon-costs"),
    ("法人形態", "entity"),
    ("開設者区分", "entity"),
    ("小規模事業者", "small-business"),
    ("最低賃金近傍", "min-wage-nearby"),
    ("大企業", "large-company"),
    ("大企業等", "large-company"),
    ("費目:", "item:"),
    ("要件:", "fact:"),
];

/// A column that names a facility of a list, which the tool does not read
/// (it passes through) but a calendar of the list names each facility by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClientColumn {
    /// `facility_id`, `施設ID` …
    Id,
    /// `name`, `施設名` …
    Name,
}

/// The names of the columns that name a facility, English and Japanese,
/// matched ignoring case and surrounding spaces.
const CLIENT_COLUMNS: [(&str, ClientColumn); 17] = [
    ("facility_id", ClientColumn::Id),
    ("client_id", ClientColumn::Id),
    ("id", ClientColumn::Id),
    ("施設ID", ClientColumn::Id),
    ("施設コード", ClientColumn::Id),
    ("医療機関コード", ClientColumn::Id),
    ("顧客ID", ClientColumn::Id),
    ("顧客番号", ClientColumn::Id),
    ("name", ClientColumn::Name),
    ("facility_name", ClientColumn::Name),
    ("client_name", ClientColumn::Name),
    ("client", ClientColumn::Name),
    ("施設名", ClientColumn::Name),
    ("医療機関名", ClientColumn::Name),
    ("顧客名", ClientColumn::Name),
    ("名称", ClientColumn::Name),
    ("名前", ClientColumn::Name),
];

/// Whether a column named `name` names a facility (its id or its name).
pub(crate) fn client_column(name: &str) -> Option<ClientColumn> {
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    CLIENT_COLUMNS
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .map(|(_, column)| *column)
}

/// The column of a rate's circumstance: `small-business`.
pub fn flag_column(flag: RateFlag) -> &'static str {
    match flag {
        RateFlag::SmallBusiness => "small-business",
        RateFlag::MinWageNearby => "min-wage-nearby",
        RateFlag::LargeCompany => "large-company",
    }
}

/// A header name as written, with its Japanese alias replaced by the
/// English name (`病床数` → `beds`, `費目:mobile` → `item:mobile`), and a
/// unit in parentheses after a known name taken off where it is the
/// column's own (`経費（円）` → `cost`, `病床数(床)` → `beds`, see [`Column::takes`]).
fn english(name: &str) -> std::borrow::Cow<'_, str> {
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if let Some((base, unit)) = split_unit(name) {
        let english = aliased(base);
        if known(english.trim()).takes(unit) {
            return english;
        }
    }
    aliased(name)
}

/// `経費（円）` → (`経費`, `円`): a name and the unit in parentheses after
/// it, half- or full-width; `None` without one.
fn split_unit(name: &str) -> Option<(&str, &str)> {
    let inside = name.strip_suffix([')', '）'])?;
    let open = inside.rfind(['(', '（'])?;
    let paren = inside[open..].chars().next().map_or(1, char::len_utf8);
    let base = inside[..open].trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let unit = inside[open + paren..].trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    (!base.is_empty() && !unit.is_empty()).then_some((base, unit))
}

/// The words of a unit in parentheses: `円・税込` → `円`, `税込`.
fn unit_words(unit: &str) -> impl Iterator<Item = &str> {
    unit.split(['・', '、', ',', '，', '/', '／', ' ', '\u{3000}'])
        .filter(|w| !w.is_empty())
}

/// The money column a header in thousands (or ten thousands …) of yen
/// names, and its unit: `経費（千円）` → (`cost`, `千円`). Such a column is
/// not read as yen: 14,000 in it is 14,000,000円.
pub(crate) fn scaled_unit(name: &str) -> Option<(std::borrow::Cow<'_, str>, &str)> {
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let (base, unit) = split_unit(name)?;
    let english = aliased(base);
    if !known(english.trim()).is_money() {
        return None;
    }
    let scaled = unit_words(unit).find(|word| {
        word.strip_suffix('円').is_some_and(|scale| {
            !scale.is_empty()
                && crate::core::money::parse_yen(&format!("1{scale}")).is_ok_and(|yen| yen > 1)
        })
    })?;
    Some((english, scaled))
}

/// Why a money column in `unit` (千円 …) is not read, in `lang`; `name` is
/// the column it names, in English.
pub(crate) fn scaled_unit_message(lang: Lang, column: &str, unit: &str, name: &str) -> String {
    crate::i18n::text(
        lang,
        crate::i18n::Key::BatchScaledUnit,
        &[
            ("column", &column),
            ("unit", &unit),
            ("example", &format!("13,158{unit}")),
            ("name", &name),
            ("alias", &japanese_name(name)),
        ],
    )
}

/// A header name with its Japanese alias replaced by the English name.
fn aliased(name: &str) -> std::borrow::Cow<'_, str> {
    for (alias, english) in ALIASES {
        if english.ends_with(':') {
            if let Some(rest) = name.strip_prefix(alias).or_else(|| {
                // 費目：mobile, with a full-width colon.
                name.strip_prefix(alias.trim_end_matches(':'))
                    .and_then(|r| r.strip_prefix('：'))
            }) {
                return std::borrow::Cow::Owned(format!("{english}{rest}"));
            }
        } else if name == alias {
            return std::borrow::Cow::Borrowed(english);
        }
    }
    std::borrow::Cow::Borrowed(name)
}

/// The name a header means, for comparing: English, trimmed, lower case
/// (`病床数` and ` Beds ` are both `beds`).
pub(crate) fn canonical(name: &str) -> String {
    english(name).trim().to_lowercase()
}

/// The header present, among those the tool does not read, that is most
/// like what `english` (or one of its Japanese aliases) would be called:
/// `施設名` or `種類` for facility (施設区分, 種別).
pub(crate) fn nearest_header<'n>(
    english: &str,
    names: &'n [std::sync::Arc<str>],
) -> Option<&'n str> {
    let spellings: Vec<&str> = std::iter::once(english)
        .chain(
            ALIASES
                .iter()
                .filter(|(_, e)| *e == english)
                .map(|(a, _)| *a),
        )
        .collect();
    let mut best: Option<(f64, &str)> = None;
    for name in names.iter().map(|n| n.trim()) {
        if name.is_empty() || name.chars().count() > 40 || Column::of(name) != Column::Other {
            continue;
        }
        let lower = name.to_lowercase();
        let score = spellings
            .iter()
            .map(|s| strsim::jaro_winkler(&lower, s))
            .fold(0.0, f64::max);
        if score > 0.0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    best.map(|(_, name)| name)
}

/// The key after `prefix` (`item:`, `fact:`), matched ignoring case.
fn after_prefix<'n>(name: &'n str, prefix: &str) -> Option<&'n str> {
    let head = name.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| name[prefix.len()..].trim())
}

/// The column an English name (`beds`, `item:mobile`) means.
fn known(name: &str) -> Column {
    if let Some((_, column)) = KNOWN
        .iter()
        .find(|(known, _)| name.eq_ignore_ascii_case(known))
    {
        return *column;
    }
    if after_prefix(name, "item:").is_some() {
        Column::Item
    } else if after_prefix(name, "fact:").is_some() {
        Column::Fact
    } else {
        Column::Other
    }
}

impl Column {
    pub fn of(name: &str) -> Column {
        known(english(name).trim())
    }

    /// Whether the column's cells are amounts of yen.
    fn is_money(self) -> bool {
        matches!(
            self,
            Column::Cost | Column::Capital | Column::Item | Column::CouponCosts
        )
    }

    /// Whether `unit`, in parentheses after the column's name, is its own:
    /// 円 for amounts (with or without a tax mark, `円・税込`: the amount
    /// written, as in a cell), a count's unit (床, 人 …) for counts.
    /// Nothing else: `経費（千円）` is not yen ([`scaled_unit`]).
    fn takes(self, unit: &str) -> bool {
        let mut words = unit_words(unit).peekable();
        if words.peek().is_none() {
            return false;
        }
        if self.is_money() {
            words.all(|w| w == "円" || crate::core::money::TAX_MARKS.contains(&w))
        } else if matches!(
            self,
            Column::Beds
                | Column::Processes
                | Column::Functions
                | Column::Members
                | Column::Employees
                | Column::Coupons
        ) {
            let mut chars = unit.chars();
            chars
                .next()
                .is_some_and(|c| crate::input::parse::COUNT_UNITS.contains(&c))
                && chars.next().is_none()
        } else {
            false
        }
    }
}

/// The known column a name the tool does not read is probably meant to be
/// (`costs`, `bed`, `Facilty`): one or two letters apart. Long names are not
/// compared (nothing is that long, and comparing costs their length squared).
pub(crate) fn near_miss(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.len() > 40 {
        return None;
    }
    let name = name.to_lowercase();
    KNOWN.iter().map(|(known, _)| *known).find(|known| {
        let allowed = if known.len() <= 5 { 1 } else { 2 };
        strsim::levenshtein(&name, known) <= allowed
    })
}

/// The first Japanese alias of a column (`beds` → `病床数`, `fact:x` →
/// `要件:x`); the name itself where it has none.
/// [`japanese_name`] appended to `out`, without allocating: a batch words
/// its 要確認 column this way on every row.
pub(crate) fn push_japanese_name(english_name: &str, out: &mut String) {
    // `fact:ID` and `item:KEY` are most of what a row asks: their aliases,
    // the table's last entries, are looked at first.
    let prefixed = ALIASES.iter().rev().take_while(|(_, e)| e.ends_with(':'));
    for (alias, english) in prefixed {
        if let Some(rest) = english_name.strip_prefix(english) {
            out.push_str(alias);
            out.push_str(rest);
            return;
        }
    }
    match ALIASES.iter().find(|(_, english)| *english == english_name) {
        Some((alias, _)) => out.push_str(alias),
        None => out.push_str(english_name),
    }
}

pub(crate) fn japanese_name(english_name: &str) -> std::borrow::Cow<'_, str> {
    for (alias, english) in ALIASES {
        if english.ends_with(':') {
            if let Some(rest) = english_name.strip_prefix(english) {
                return std::borrow::Cow::Owned(format!("{alias}{rest}"));
            }
        } else if english_name == english {
            return std::borrow::Cow::Borrowed(alias);
        }
    }
    std::borrow::Cow::Borrowed(english_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The batch's 要確認 column words each name as the header aliases do:
    /// `fact:x` as 要件:x, `beds` as 病床数, a name without an alias as itself.
    #[test]
    fn japanese_names_are_the_first_alias_however_written() {
        let names = KNOWN
            .iter()
            .map(|(name, _)| (*name).to_string())
            .chain(["fact:online-qual-in-place", "item:mobile", "no-such"].map(String::from));
        for name in names {
            let mut pushed = String::new();
            push_japanese_name(&name, &mut pushed);
            assert_eq!(pushed, japanese_name(&name), "{name}");
        }
        let mut out = String::new();
        push_japanese_name("fact:online-qual-in-place", &mut out);
        push_japanese_name("beds", &mut out);
        assert_eq!(out, "要件:online-qual-in-place病床数");
    }
}
