//! One batch row: its cells read into a [`Request`], and each estimate
//! reduced to the output columns.

use chrono::NaiveDate;

use crate::Lang;
use crate::core::estimate::Eligibility;
use crate::core::window::Window;

use super::Layout;
use super::read::{CellRef, Row};
use crate::core::catalogue::{DecidedBy, RateFlag};
use crate::core::estimate::Estimate;
use crate::input::parse;
use crate::input::request::Request;
use crate::input::text::shown;

/// A cell (or profile value) refused by its parser, with the column it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    column: String,
    refused: parse::ValueError,
}

impl CellError {
    /// `invalid value '250床x' for 'beds': not a number (try …)`, in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        crate::i18n::text(
            lang,
            crate::i18n::Key::InvalidValue,
            &[
                ("flag", &shown(self.column.trim())),
                ("value", &self.refused.read()),
                ("reason", &self.refused.message(lang)),
            ],
        )
    }

    /// Why, in `lang`, without the column's name and value: `数として読めません（例: 250…）`.
    pub fn reason(&self, lang: crate::Lang) -> String {
        self.refused.message(lang)
    }
}

/// A cell read with one of the shared parsers ([`crate::input::parse`]); a refusal
/// names the column and the value.
fn read_value<T>(
    column: &str,
    value: &str,
    parse: fn(&str) -> Result<T, parse::ValueError>,
) -> Result<T, CellError> {
    parse(value).map_err(|refused| CellError {
        column: column.to_string(),
        refused,
    })
}

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

/// Reads a row's cells into `request` (reset first, its buffers kept for the
/// next row). Errors name the column and the value. Columns the tool does
/// not know pass through untouched; a JSONL key that is one letter or two
/// from a known column is an error.
pub(super) fn request_of(
    row: Row<'_>,
    layout: &Layout,
    request: &mut Request,
) -> Result<(), String> {
    *request = Request {
        programs: std::mem::take(&mut request.programs),
        items: std::mem::take(&mut request.items),
        facts: std::mem::take(&mut request.facts),
        ..Request::default()
    };
    request.programs.clear();
    request.items.clear();
    request.facts.clear();
    let mut capital = None;
    if row.csv_cells().is_some() {
        for (i, &column) in layout.meanings.iter().enumerate() {
            if column != Column::Other
                && let Some(cell) = row.csv_cell(i)
            {
                read_cell(
                    request,
                    &mut capital,
                    &layout.names[i],
                    column,
                    CellRef::Text(cell),
                )
                .map_err(|e| e.message(layout.lang))?;
            }
        }
    } else {
        // Known keys seen so far: a key given twice is an error, not a choice.
        let mut seen: Vec<(Column, &str)> = Vec::new();
        for (name, value) in row.json_pairs() {
            let column = Column::of(name);
            if column == Column::Other {
                if let Some((english, unit)) = scaled_unit(name) {
                    return Err(scaled_unit_message(
                        layout.lang,
                        &shown(name),
                        unit,
                        &english,
                    ));
                }
                if !layout.index.contains_key(name.as_ref())
                    && let Some(near) = near_miss(name)
                {
                    return Err(crate::i18n::text(
                        layout.lang,
                        crate::i18n::Key::KeyNotRead,
                        &[("key", &shown(name)), ("near", &near)],
                    ));
                }
                continue;
            }
            let key = name.trim();
            let repeated = seen.iter().any(|&(c, k)| {
                c == column
                    && (!matches!(c, Column::Item | Column::Fact) || k.eq_ignore_ascii_case(key))
            });
            if repeated {
                return Err(crate::i18n::text(
                    layout.lang,
                    crate::i18n::Key::KeyTwice,
                    &[("key", &shown(name))],
                ));
            }
            seen.push((column, key));
            read_cell(request, &mut capital, name, column, CellRef::Json(value))
                .map_err(|e| e.message(layout.lang))?;
        }
    }
    finish(request, capital).map_err(|e| match layout.lang {
        Lang::Ja => e.message(layout.lang, &japanese_name(e.field.name())),
        Lang::En => e.message(layout.lang, e.field.name()),
    })
}

/// Puts a company's capital, read from any column in any order, with the
/// legal form (a capital without a company is refused, naming the column).
pub(crate) fn finish(
    request: &mut Request,
    capital: Option<crate::core::money::Yen>,
) -> Result<(), crate::input::request::InputError> {
    request.entity = crate::input::request::entity_with_capital(request.entity, capital)?;
    Ok(())
}

/// Reads `value` as a cell of the column called `name` would be read; false
/// when no column has that name. A facility profile reads its keys with
/// this, so a profile accepts exactly what a batch cell accepts.
/// A capital is kept in `capital` until [`finish`] puts it with the legal form.
pub(crate) fn read_named(
    request: &mut Request,
    capital: &mut Option<crate::core::money::Yen>,
    name: &str,
    value: &str,
) -> Result<bool, CellError> {
    let column = Column::of(name);
    read_cell(request, capital, name, column, CellRef::Text(value))?;
    Ok(column != Column::Other)
}

fn read_cell(
    request: &mut Request,
    capital: &mut Option<crate::core::money::Yen>,
    name: &str,
    column: Column,
    cell: CellRef<'_>,
) -> Result<(), CellError> {
    if column == Column::Other {
        return Ok(());
    }
    let Some(value) = cell.text() else {
        return Ok(());
    };
    let value = value.as_ref();
    let yen = || read_value(name, value, parse::yen);
    let count = |name, value| read_value(name, value, parse::count);
    let yes_no = |name, value| read_value(name, value, parse::yes_no);
    match column {
        Column::Program => request.programs.push(value.to_string()),
        Column::Variant => request.variant = Some(value.to_string()),
        Column::Facility => request.facility = Some(read_value(name, value, parse::facility)?),
        Column::Beds => request.beds = Some(count(name, value)?),
        Column::Kenshin => request.kenshin = Some(yes_no(name, value)?),
        Column::Cost => request.cost = Some(yen()?),
        Column::Prefecture => request.prefecture = Some(value.to_string()),
        Column::Processes => request.processes = Some(count(name, value)?),
        Column::Functions => request.functions = Some(count(name, value)?),
        Column::Members => request.members = Some(count(name, value)?),
        Column::Employees => request.employees = Some(count(name, value)?),
        Column::Capital => *capital = Some(yen()?),
        Column::Coupons => request.coupons = Some(count(name, value)?),
        Column::CouponCosts => {
            request.coupon_costs.clear();
            for price in value
                .split(|c: char| c.is_whitespace() || matches!(c, ';' | '；' | '、' | '／' | '/'))
                .filter(|p| !p.is_empty())
            {
                request
                    .coupon_costs
                    .push(read_value(name, price, parse::yen)?);
            }
        }
        Column::Entity => request.entity = Some(read_value(name, value, parse::entity)?),
        Column::Flag(flag) => {
            if yes_no(name, value)? {
                request.flags.insert(flag);
            }
        }
        Column::Item => {
            let english = english(name);
            let key = after_prefix(english.trim(), "item:").unwrap_or_default();
            request.items.push((key.to_ascii_lowercase(), yen()?));
        }
        Column::Fact => {
            let english = english(name);
            let fact = after_prefix(english.trim(), "fact:").unwrap_or_default();
            let answer = yes_no(name, value)?;
            request.facts.push((fact.to_ascii_lowercase(), answer));
        }
        Column::Other => {}
    }
    Ok(())
}

/// One output row's result columns: a result (long shape), an input row's
/// summary (summary shape), or an error. Codes, not labels: each writer
/// words them (labels in CSV and xlsx, codes in JSONL).
#[derive(Default, Clone, Copy)]
pub(super) struct Outcome<'a> {
    pub program: &'a str,
    pub program_name: &'a str,
    pub variant: &'a str,
    pub variant_name: &'a str,
    /// The tier that applies (one row per tier where a fact picks it).
    pub tier_id: &'a str,
    pub tier: &'a str,
    pub eligibility: Option<Eligibility>,
    /// The cost the row was estimated with (its cost cell, read): a number
    /// whatever was typed, so a spreadsheet can sum it.
    pub cost_used: Option<u64>,
    pub grant: Option<u64>,
    pub self_burden: Option<u64>,
    pub window: Option<Window>,
    /// The input columns still to fill, by their English names:
    /// `fact:online-qual-in-place kenshin`.
    pub to_confirm: &'a str,
    /// Why a result cannot be applied for (`--all`), or that an input row
    /// has nothing to apply for.
    pub note: &'a str,
    pub error: &'a str,
    /// Summary shape: the grant for each program column.
    pub grants: &'a [Option<u64>],
    /// Summary shape: the headline result's program id and name.
    pub best: Option<(&'a str, &'a str)>,
    pub best_grant: Option<u64>,
    /// Summary shape: the nearest deadline among the results shown.
    pub nearest: Option<NaiveDate>,
    pub days_left: Option<i64>,
}

impl<'a> Outcome<'a> {
    /// The result columns of an estimate; `to_confirm` is the text of
    /// [`to_confirm_into`] for it.
    pub fn of(estimate: &'a Estimate<'_>, lang: Lang, to_confirm: &'a str) -> Outcome<'a> {
        let c = estimate.computation.as_ref();
        Outcome {
            program: &estimate.program.id,
            program_name: estimate.program.name.get(lang),
            variant: estimate.variant.map_or("", |v| v.id.as_str()),
            variant_name: estimate.variant.map_or("", |v| v.name.get(lang)),
            tier_id: estimate.tier.map_or("", |t| t.id.as_str()),
            tier: estimate.tier.map_or("", |t| t.label.get(lang)),
            eligibility: Some(estimate.eligibility),
            grant: c.map(|c| c.grant),
            self_burden: c.map(|c| c.self_burden),
            window: Some(estimate.window),
            to_confirm,
            ..Outcome::default()
        }
    }

    pub fn failed(error: &'a str) -> Outcome<'a> {
        Outcome {
            error,
            ..Outcome::default()
        }
    }
}

/// Appends the input columns that would settle what `estimate` leaves
/// open (`fact:online-qual-in-place kenshin`) to `out`, each once.
pub(super) fn to_confirm_into(estimate: &Estimate<'_>, out: &mut String) {
    let mut add = |column: &str| {
        if !out.split(' ').any(|c| c == column) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(column);
        }
    };
    for finding in estimate.to_confirm.iter().chain(&estimate.reasons) {
        if !finding.asks_condition() {
            finding.input().split_whitespace().for_each(&mut add);
        }
    }
    for outcome in estimate.conditions.iter().filter(|o| o.holds.is_none()) {
        let condition = outcome.condition;
        match (condition.decided_by, condition.fact.as_deref()) {
            (DecidedBy::Fact, Some(fact)) => {
                let mut column = String::with_capacity(5 + fact.len());
                column.push_str("fact:");
                column.push_str(fact);
                add(&column);
            }
            (DecidedBy::Prefecture, _) => add("prefecture"),
            // Its finding names the columns for this facility (a pharmacy's capital).
            (DecidedBy::EntitySize, _) | (DecidedBy::Fact, None) => {}
        }
    }
}

/// Column names (English, space-separated, as [`to_confirm_into`] writes
/// them) in `lang`: the Japanese alias of each (`健診 要件:online-qual-in-place`).
pub(super) fn columns_in(english_names: &str, lang: Lang, out: &mut String) {
    out.clear();
    for name in english_names.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        match lang {
            Lang::En => out.push_str(name),
            Lang::Ja => out.push_str(&japanese_name(name)),
        }
    }
}

/// The first Japanese alias of a column (`beds` → `病床数`, `fact:x` →
/// `要件:x`); the name itself where it has none.
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
