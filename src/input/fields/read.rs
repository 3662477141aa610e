//! A cell's text read into a [`Request`]: each column's parser, a refusal
//! naming the column and the value, and a row's cells read together (a
//! capital with the legal form, a JSONL key given twice).

use std::borrow::Cow;

use serde_json::value::RawValue;

use super::{Column, english, near_miss, scaled_unit, scaled_unit_message};
use crate::Lang;
use crate::core::money::Yen;
use crate::i18n::{self, Key};
use crate::input::parse;
use crate::input::request::{self, InputError, Request};
use crate::input::text::shown;

/// A cell (or profile value) refused by its parser, with the column it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    column: String,
    refused: parse::ValueError,
}

impl CellError {
    /// `invalid value '250床x' for 'beds': not a number (try …)`, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        i18n::text(
            lang,
            Key::InvalidValue,
            &[
                ("flag", &shown(self.column.trim())),
                ("value", &self.refused.read()),
                ("reason", &self.refused.message(lang)),
            ],
        )
    }

    /// Why, in `lang`, without the column's name and value: `数として読めません（例: 250…）`.
    pub fn reason(&self, lang: Lang) -> String {
        self.refused.message(lang)
    }
}

/// Why a row's cells could not be read into a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// A cell its column's parser refused.
    Cell(CellError),
    /// A JSONL key naming a money column in thousands (or more) of yen:
    /// `経費（千円）`; `name` is the column it names, in English (`cost`).
    ScaledUnit {
        key: String,
        unit: String,
        name: String,
    },
    /// A JSONL key the tool does not read, one or two letters from one it does.
    NearMiss { key: String, near: &'static str },
    /// A JSONL key given twice.
    Twice { key: String },
    /// The row's values refused together (a capital without a company), or
    /// by the estimate; the field is named as a column in the row's language.
    Input(InputError),
}

impl RowError {
    /// The reason in `lang`, naming the column and the value.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RowError::Cell(e) => e.message(lang),
            RowError::ScaledUnit { key, unit, name } => scaled_unit_message(lang, key, unit, name),
            RowError::NearMiss { key, near } => {
                i18n::text(lang, Key::KeyNotRead, &[("key", key), ("near", near)])
            }
            RowError::Twice { key } => i18n::text(lang, Key::KeyTwice, &[("key", key)]),
            RowError::Input(e) => e.message(lang, &crate::input::spelling::COLUMNS),
        }
    }
}

impl From<CellError> for RowError {
    fn from(e: CellError) -> RowError {
        RowError::Cell(e)
    }
}

impl From<InputError> for RowError {
    fn from(e: InputError) -> RowError {
        RowError::Input(e)
    }
}

/// A cell read with one of the shared parsers ([`crate::input::parse`]); a refusal
/// names the column and the value.
#[inline]
fn read_value<T>(
    column: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, parse::ValueError>,
) -> Result<T, CellError> {
    parse(value).map_err(|refused| CellError {
        column: column.to_string(),
        refused,
    })
}

/// One cell as read.
#[derive(Clone, Copy)]
enum CellRef<'a> {
    Text(&'a str),
    /// A JSON value as its original text.
    Json(&'a RawValue),
}

impl<'a> CellRef<'a> {
    /// The cell as trimmed text for parsing; `None` when empty or null.
    #[inline]
    fn text(self) -> Option<Cow<'a, str>> {
        let text: Cow<'a, str> = match self {
            CellRef::Text(s) => Cow::Borrowed(trim(s)),
            CellRef::Json(raw) => json_cell_text(raw)?,
        };
        (!text.is_empty()).then_some(text)
    }
}

/// A JSON value as trimmed text for parsing.
#[inline(never)]
fn json_cell_text(raw: &RawValue) -> Option<Cow<'_, str>> {
    Some(match json_text(raw)? {
        Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
        Cow::Owned(s) => Cow::Owned(trim(&s).to_string()),
    })
}

/// A JSON value as a cell's text: a string's content, `None` for null, and
/// any other value (number, true, object …) as its original text.
pub(crate) fn json_text(raw: &RawValue) -> Option<Cow<'_, str>> {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'"') => Some(match serde_json::from_str::<&str>(text) {
            Ok(s) => Cow::Borrowed(s),
            // Escapes: unescaped into a new string (the text is valid JSON).
            Err(_) => Cow::Owned(serde_json::from_str::<String>(text).unwrap_or_default()),
        }),
        _ if text == "null" => None,
        _ => Some(Cow::Borrowed(text)),
    }
}

/// `str::trim`, skipped where the ends are plain ASCII (most cells).
fn trim(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace());
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Empties `request` for the next row, keeping its buffers.
#[inline]
fn reset(request: &mut Request) {
    // Field by field (every field named, so a new one cannot be missed):
    // no whole request built and moved for every row.
    let Request {
        programs,
        variant,
        facility,
        beds,
        kenshin,
        prefecture,
        facts,
        entity,
        employees,
        flags,
        processes,
        functions,
        members,
        cost,
        items,
        coupons,
        coupon_costs,
    } = request;
    programs.clear();
    *variant = None;
    *facility = None;
    *beds = None;
    *kenshin = None;
    *prefecture = None;
    facts.clear();
    *entity = None;
    *employees = None;
    flags.clear();
    *processes = None;
    *functions = None;
    *members = None;
    *cost = None;
    items.clear();
    *coupons = None;
    coupon_costs.clear();
}

/// Reads a CSV row into `request` (reset first, its buffers kept for the
/// next row): each cell with its column's name and meaning, the columns the
/// tool reads only (their meanings read from the header once, not per row).
/// Errors name the column and the value.
#[inline]
pub(crate) fn request_of_cells<'a>(
    request: &mut Request,
    cells: impl Iterator<Item = (&'a str, Column, &'a str)>,
) -> Result<(), RowError> {
    reset(request);
    let mut capital = None;
    for (name, column, cell) in cells {
        read_cell(request, &mut capital, name, column, CellRef::Text(cell))?;
    }
    Ok(finish(request, capital)?)
}

/// Reads a JSON object's keys and values, in order, into `request` (reset
/// first). Keys the tool does not read pass through, but one or two letters
/// from a known column (and not `is_column`, a column of the output) is an
/// error, as is a known key given twice or a money key in thousands of yen.
pub(crate) fn request_of_pairs(
    request: &mut Request,
    pairs: &[(Box<str>, Box<RawValue>)],
    is_column: impl Fn(&str) -> bool,
) -> Result<(), RowError> {
    reset(request);
    let mut capital = None;
    // Known keys seen so far: a key given twice is an error, not a choice.
    let mut seen: Vec<(Column, &str)> = Vec::new();
    for (name, value) in pairs {
        let column = Column::of(name);
        if column == Column::Other {
            if let Some((english, unit)) = scaled_unit(name) {
                return Err(RowError::ScaledUnit {
                    key: shown(name).into_owned(),
                    unit: unit.to_string(),
                    name: english.into_owned(),
                });
            }
            if !is_column(name)
                && let Some(near) = near_miss(name)
            {
                return Err(RowError::NearMiss {
                    key: shown(name).into_owned(),
                    near,
                });
            }
            continue;
        }
        let key = name.trim();
        let repeated = seen.iter().any(|&(c, k)| {
            c == column
                && (!matches!(c, Column::Item | Column::Fact) || k.eq_ignore_ascii_case(key))
        });
        if repeated {
            return Err(RowError::Twice {
                key: shown(name).into_owned(),
            });
        }
        seen.push((column, key));
        read_cell(request, &mut capital, name, column, CellRef::Json(value))?;
    }
    Ok(finish(request, capital)?)
}

/// Puts a company's capital, read from any column in any order, with the
/// legal form (a capital without a company is refused, naming the column).
pub(crate) fn finish(request: &mut Request, capital: Option<Yen>) -> Result<(), InputError> {
    request.entity = request::entity_with_capital(request.entity, capital)?;
    Ok(())
}

/// Reads `value` as a cell of the column called `name` would be read; false
/// when no column has that name. A facility profile reads its keys with
/// this, so a profile accepts exactly what a batch cell accepts.
/// A capital is kept in `capital` until [`finish`] puts it with the legal form.
pub(crate) fn read_named(
    request: &mut Request,
    capital: &mut Option<Yen>,
    name: &str,
    value: &str,
) -> Result<bool, CellError> {
    let column = Column::of(name);
    read_cell(request, capital, name, column, CellRef::Text(value))?;
    Ok(column != Column::Other)
}

fn read_cell(
    request: &mut Request,
    capital: &mut Option<Yen>,
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
            let key = super::after_prefix(english.trim(), "item:").unwrap_or_default();
            request.items.push((key.to_ascii_lowercase(), yen()?));
        }
        Column::Fact => {
            let english = english(name);
            let fact = super::after_prefix(english.trim(), "fact:").unwrap_or_default();
            let answer = yes_no(name, value)?;
            request.facts.push((fact.to_ascii_lowercase(), answer));
        }
        Column::Other => {}
    }
    Ok(())
}
