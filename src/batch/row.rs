//! One batch row: its cells read into a [`Request`], and each estimate
//! reduced to the output columns.

use chrono::NaiveDate;

use super::read::Row;
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

/// Reads a row's cells into a request. Errors name the column and the value.
/// Columns the tool does not know pass through untouched.
pub(super) fn request_of(row: Row<'_>) -> Result<Request, String> {
    let mut request = Request::default();
    for (column, cell) in row.cells() {
        let Some(value) = cell.text() else { continue };
        let value = value.as_ref();
        let yen = || money::parse_yen(value).map_err(|e| bad(column, value, &e));
        match column {
            "program" => request.programs = vec![value.to_string()],
            "variant" => request.variant = Some(value.to_string()),
            "facility" => {
                request.facility = Some(match value {
                    "hospital" | "病院" => FacilityClass::Hospital,
                    "clinic" | "診療所" => FacilityClass::Clinic,
                    "pharmacy" | "薬局" => FacilityClass::Pharmacy,
                    _ => return Err(bad(column, value, &"not hospital, clinic or pharmacy")),
                })
            }
            "beds" => request.beds = count(column, value)?,
            "kenshin" => request.kenshin = Some(yes_no(column, value)?),
            "cost" => request.cost = Some(yen()?),
            "prefecture" => request.prefecture = Some(value.to_string()),
            "processes" => request.processes = Some(count(column, value)?),
            "functions" => request.functions = Some(count(column, value)?),
            "members" => request.members = Some(count(column, value)?),
            "employees" => request.employees = Some(count(column, value)?),
            "coupons" => request.coupons = Some(count(column, value)?),
            "entity" => {
                request.entity = Some(match value {
                    "medical-corporation" | "医療法人" => Entity::MedicalCorporation,
                    "sole-proprietor" | "個人開業医" => Entity::SoleProprietor,
                    _ => {
                        return Err(bad(
                            column,
                            value,
                            &"not medical-corporation or sole-proprietor",
                        ));
                    }
                })
            }
            "small-business" | "min-wage-nearby" | "large-company" => {
                let flag = match column {
                    "small-business" => RateFlag::SmallBusiness,
                    "min-wage-nearby" => RateFlag::MinWageNearby,
                    _ => RateFlag::LargeCompany,
                };
                if yes_no(column, value)? {
                    request.flags.insert(flag);
                }
            }
            other => {
                if let Some(key) = other.strip_prefix("item:") {
                    request.items.push((key.to_string(), yen()?));
                } else if let Some(fact) = other.strip_prefix("fact:") {
                    request
                        .facts
                        .push((fact.to_string(), yes_no(column, value)?));
                }
            }
        }
    }
    Ok(request)
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
    pub to_confirm: String,
    pub error: String,
}

impl<'a> Outcome<'a> {
    pub fn of(estimate: &'a Estimate<'_>) -> Outcome<'a> {
        let c = estimate.computation.as_ref();
        let mut to_confirm = String::with_capacity(64);
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
            error: String::new(),
        }
    }

    pub fn failed(error: String) -> Outcome<'static> {
        Outcome {
            program: "",
            variant: "",
            eligibility: "",
            grant: None,
            self_burden: None,
            status: "",
            deadline: None,
            to_confirm: String::new(),
            error,
        }
    }
}
