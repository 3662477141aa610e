//! One batch row: its cells read into a [`Request`], and each estimate
//! reduced to the output columns.

use chrono::NaiveDate;

use super::read::{CellRef, Row};
use crate::catalogue::{DecidedBy, Entity, FacilityClass, RateFlag};
use crate::estimate::Estimate;
use crate::money;
use crate::request::Request;

fn bad(column: &str, value: &str, reason: &dyn std::fmt::Display) -> String {
    format!("invalid value '{value}' for '{column}': {reason}")
}

/// A whole number; full-width digits are folded.
fn count(column: &str, value: &str) -> Result<u32, String> {
    let parsed = if value.is_ascii() {
        value.parse().ok()
    } else {
        use unicode_normalization::UnicodeNormalization;
        value.nfkc().collect::<String>().parse().ok()
    };
    parsed.ok_or_else(|| bad(column, value, &"not a whole number of at least 0"))
}

fn yes_no(column: &str, value: &str) -> Result<bool, String> {
    match value {
        "yes" | "YES" | "Yes" | "y" | "true" | "TRUE" | "1" | "はい" | "○" => Ok(true),
        "no" | "NO" | "No" | "n" | "false" | "FALSE" | "0" | "いいえ" | "×" => Ok(false),
        _ => Err(bad(column, value, &"not yes or no")),
    }
}

/// What a column means to the tool: read from its name once per chunk for
/// CSV, not once per cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column<'a> {
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
    Coupons,
    Entity,
    Flag(RateFlag),
    Item(&'a str),
    Fact(&'a str),
    /// A column the tool does not read (an id, a name, a note): passed through.
    Other,
}

impl<'a> Column<'a> {
    pub fn of(name: &'a str) -> Column<'a> {
        match name {
            "program" => Column::Program,
            "variant" => Column::Variant,
            "facility" => Column::Facility,
            "beds" => Column::Beds,
            "kenshin" => Column::Kenshin,
            "cost" => Column::Cost,
            "prefecture" => Column::Prefecture,
            "processes" => Column::Processes,
            "functions" => Column::Functions,
            "members" => Column::Members,
            "employees" => Column::Employees,
            "coupons" => Column::Coupons,
            "entity" => Column::Entity,
            "small-business" => Column::Flag(RateFlag::SmallBusiness),
            "min-wage-nearby" => Column::Flag(RateFlag::MinWageNearby),
            "large-company" => Column::Flag(RateFlag::LargeCompany),
            other => match (other.strip_prefix("item:"), other.strip_prefix("fact:")) {
                (Some(key), _) => Column::Item(key),
                (_, Some(fact)) => Column::Fact(fact),
                _ => Column::Other,
            },
        }
    }
}

/// Reads a row's cells into `request` (reset first, its buffers kept for the
/// next row). Errors name the column and the value. Columns the tool does
/// not know pass through untouched. `columns` are the meanings of the
/// header's columns, for CSV rows; JSONL cells name their own.
pub(super) fn request_of(
    row: Row<'_>,
    columns: &[(&str, Column<'_>)],
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
    if row.is_csv() {
        for (i, &(name, column)) in columns.iter().enumerate() {
            if column != Column::Other
                && let Some(cell) = row.get(i, name)
            {
                read_cell(request, name, column, cell)?;
            }
        }
    } else {
        for (name, cell) in row.cells() {
            read_cell(request, name, Column::of(name), cell)?;
        }
    }
    Ok(())
}

fn read_cell(
    request: &mut Request,
    name: &str,
    column: Column<'_>,
    cell: CellRef<'_>,
) -> Result<(), String> {
    if column == Column::Other {
        return Ok(());
    }
    let Some(value) = cell.text() else {
        return Ok(());
    };
    let value = value.as_ref();
    let yen = || money::parse_yen(value).map_err(|e| bad(name, value, &e));
    match column {
        Column::Program => request.programs.push(value.to_string()),
        Column::Variant => request.variant = Some(value.to_string()),
        Column::Facility => {
            request.facility = Some(match value {
                "hospital" | "病院" => FacilityClass::Hospital,
                "clinic" | "診療所" => FacilityClass::Clinic,
                "pharmacy" | "薬局" => FacilityClass::Pharmacy,
                _ => return Err(bad(name, value, &"not hospital, clinic or pharmacy")),
            })
        }
        Column::Beds => request.beds = count(name, value)?,
        Column::Kenshin => request.kenshin = Some(yes_no(name, value)?),
        Column::Cost => request.cost = Some(yen()?),
        Column::Prefecture => request.prefecture = Some(value.to_string()),
        Column::Processes => request.processes = Some(count(name, value)?),
        Column::Functions => request.functions = Some(count(name, value)?),
        Column::Members => request.members = Some(count(name, value)?),
        Column::Employees => request.employees = Some(count(name, value)?),
        Column::Coupons => request.coupons = Some(count(name, value)?),
        Column::Entity => {
            request.entity = Some(match value {
                "medical-corporation" | "医療法人" => Entity::MedicalCorporation,
                "sole-proprietor" | "個人開業医" => Entity::SoleProprietor,
                _ => {
                    return Err(bad(
                        name,
                        value,
                        &"not medical-corporation or sole-proprietor",
                    ));
                }
            })
        }
        Column::Flag(flag) => {
            if yes_no(name, value)? {
                request.flags.insert(flag);
            }
        }
        Column::Item(key) => request.items.push((key.to_string(), yen()?)),
        Column::Fact(fact) => request.facts.push((fact.to_string(), yes_no(name, value)?)),
        Column::Other => {}
    }
    Ok(())
}

/// One output row's result columns.
pub(super) struct Outcome<'a> {
    pub program: &'a str,
    pub variant: &'a str,
    pub eligibility: &'static str,
    pub grant: Option<u64>,
    pub self_burden: Option<u64>,
    pub status: &'static str,
    pub deadline: Option<NaiveDate>,
    /// The input columns still to fill: `fact:online-qual-in-place kenshin`.
    pub to_confirm: &'a str,
    pub error: &'a str,
}

impl<'a> Outcome<'a> {
    /// The result columns of an estimate; `to_confirm` is written into `scratch`,
    /// reused from row to row.
    pub fn of(estimate: &'a Estimate<'_>, scratch: &'a mut String) -> Outcome<'a> {
        let c = estimate.computation.as_ref();
        let to_confirm = scratch;
        to_confirm.clear();
        let mut add = |column: &str| {
            if !to_confirm.split(' ').any(|c| c == column) {
                if !to_confirm.is_empty() {
                    to_confirm.push(' ');
                }
                to_confirm.push_str(column);
            }
        };
        for finding in estimate.to_confirm.iter().chain(&estimate.reasons) {
            if finding.code != "condition" {
                finding.input().split_whitespace().for_each(&mut add);
            }
        }
        // A program asks each fact once, so facts need no de-duplicating.
        for outcome in estimate.conditions.iter().filter(|o| o.holds.is_none()) {
            let condition = outcome.condition;
            let (first, second) = match (condition.decided_by, condition.fact.as_deref()) {
                (DecidedBy::Fact, Some(fact)) => (Some(("fact:", fact)), None),
                (DecidedBy::Prefecture, _) => (Some(("", "prefecture")), None),
                (DecidedBy::EntitySize, _) => (Some(("", "entity")), Some(("", "employees"))),
                (DecidedBy::Fact, None) => (None, None),
            };
            for (prefix, name) in first.into_iter().chain(second) {
                if !to_confirm.is_empty() {
                    to_confirm.push(' ');
                }
                to_confirm.push_str(prefix);
                to_confirm.push_str(name);
            }
        }
        Outcome {
            program: &estimate.program.id,
            variant: estimate.variant.map_or("", |v| v.id.as_str()),
            eligibility: estimate.eligibility.id(),
            grant: c.map(|c| c.grant),
            self_burden: c.map(|c| c.self_burden),
            status: estimate.window.id(),
            deadline: estimate.window.deadline(),
            to_confirm,
            error: "",
        }
    }

    pub fn failed(error: &'a str) -> Outcome<'a> {
        Outcome {
            program: "",
            variant: "",
            eligibility: "",
            grant: None,
            self_burden: None,
            status: "",
            deadline: None,
            to_confirm: "",
            error,
        }
    }
}
