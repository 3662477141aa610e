//! Turning what a user typed (flags or spreadsheet cells) into a checked
//! [`Query`]: the one place input is validated, for `calc`, `plan` and `batch`.
//!
//! Errors name the input by its plain name (`beds`, `item`, `fact`); the CLI
//! shows it as `--beds`, a batch as the column `beds`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::catalogue::{Catalogue, Entity, FacilityClass, Program, RateFlag};
use crate::estimate::{self, Estimate, Facility, Query};
use crate::money::Yen;
use crate::prefecture;
use crate::text::shown;

/// One input that is wrong: which, its value, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid value '{}' for '{field}': {reason}", shown(.value))]
pub struct InputError {
    /// The input's plain name: `beds`, `cost`, `item`, `fact`, `program` …
    pub field: &'static str,
    /// The value as given; the message quotes it cut short ([`shown`]).
    pub value: String,
    pub reason: String,
}

impl InputError {
    pub fn new(
        field: &'static str,
        value: impl Into<String>,
        reason: impl std::fmt::Display,
    ) -> InputError {
        InputError {
            field,
            value: value.into(),
            reason: reason.to_string(),
        }
    }
}

/// The most group members accepted. Our own input bound, not a rule of any
/// source: per-member caps times members stay far below any overflow, and
/// no application names more.
pub const MAX_MEMBERS: u32 = 1000;

/// Everything a user can say about one estimate, before checking.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Program ids; empty means every program.
    pub programs: Vec<String>,
    pub variant: Option<String>,
    pub facility: Option<FacilityClass>,
    pub beds: u32,
    pub kenshin: Option<bool>,
    pub prefecture: Option<String>,
    pub facts: Vec<(String, bool)>,
    pub entity: Option<Entity>,
    pub employees: Option<u32>,
    pub flags: BTreeSet<RateFlag>,
    pub processes: Option<u32>,
    pub functions: Option<u32>,
    pub members: Option<u32>,
    pub cost: Option<Yen>,
    pub items: Vec<(String, Yen)>,
    pub coupons: Option<u32>,
}

/// Inputs longer than this many characters get no suggestion: no id is that
/// long, and the edit distance costs the product of the two lengths.
pub const SUGGEST_MAX_CHARS: usize = 64;

/// The closest of `candidates` to `wrong`, if any is close enough to suggest:
/// a small edit distance, or else the shortest candidate that `wrong` begins.
/// None for an input longer than [`SUGGEST_MAX_CHARS`], at once.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if wrong.chars().nth(SUGGEST_MAX_CHARS).is_some() {
        return None;
    }
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let near = candidates
        .iter()
        .map(|c| (strsim::levenshtein(wrong, c), *c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c);
    near.or_else(|| {
        candidates
            .iter()
            .filter(|c| wrong.chars().count() >= 3 && c.starts_with(wrong))
            .min_by_key(|c| c.len())
            .copied()
    })
}

fn suggestion(near: Option<&str>) -> String {
    near.map(|n| format!("did you mean '{n}'? "))
        .unwrap_or_default()
}

/// Checks requests against one catalogue; built once, used for every row.
pub struct Checker<'c> {
    catalogue: &'c Catalogue,
    facts: BTreeSet<&'c str>,
    /// The fewest group members any tier asks, and its program.
    members_min: Option<(&'c str, u32)>,
}

impl<'c> Checker<'c> {
    pub fn new(catalogue: &'c Catalogue) -> Checker<'c> {
        Checker {
            catalogue,
            facts: catalogue.facts().into_iter().map(|(id, _)| id).collect(),
            members_min: catalogue
                .programs()
                .iter()
                .flat_map(|p| {
                    p.tiers
                        .iter()
                        .filter_map(move |t| t.members_min.map(|m| (p.id.as_str(), m)))
                })
                .min_by_key(|(_, m)| *m),
        }
    }

    pub fn catalogue(&self) -> &'c Catalogue {
        self.catalogue
    }

    /// The program with this id, or an error suggesting the nearest.
    pub fn program(&self, field: &'static str, id: &str) -> Result<&'c Program, InputError> {
        self.catalogue.program(id).ok_or_else(|| {
            let near = suggestion(did_you_mean(id, self.catalogue.ids()));
            InputError::new(
                field,
                id,
                format!("no such program; {near}(`subsidy list` shows every id)"),
            )
        })
    }

    /// The facility, prefecture, facts and counts, checked, as a query with no amounts.
    pub fn profile(&self, request: &Request, as_of: NaiveDate) -> Result<Query, InputError> {
        let class = request.facility.ok_or_else(|| {
            InputError::new("facility", "", "required: hospital, clinic or pharmacy")
        })?;
        let facility = Facility::new(class, request.beds)
            .map_err(|e| InputError::new("beds", request.beds.to_string(), e))?;
        let mut query = Query::new(facility, as_of);
        query.kenshin = request.kenshin;
        if let Some(name) = &request.prefecture {
            let found = prefecture::normalize(name).ok_or_else(|| {
                let near = did_you_mean(name, prefecture::names())
                    .map(|n| format!("; did you mean '{n}'?"))
                    .unwrap_or_default();
                InputError::new(
                    "prefecture",
                    name.as_str(),
                    format!("not a prefecture (都道府県){near}"),
                )
            })?;
            query.prefecture = Some(found.to_string());
        }
        query.facts = self.facts(&request.facts)?;
        query.entity = request.entity;
        query.employees = request.employees;
        query.flags = request.flags.clone();
        for (field, count) in [
            ("processes", request.processes),
            ("functions", request.functions),
        ] {
            if count == Some(0) {
                return Err(InputError::new(field, "0", "must be at least 1"));
            }
        }
        query.processes = request.processes;
        query.functions = request.functions;
        if let Some(members) = request.members {
            if members > MAX_MEMBERS {
                return Err(InputError::new(
                    "members",
                    members.to_string(),
                    format!("at most {MAX_MEMBERS} members (try the number in the application)"),
                ));
            }
            if let Some((program, least)) = self.members_min
                && members < least
            {
                return Err(InputError::new(
                    "members",
                    members.to_string(),
                    format!("a multi-party application ({program}) needs at least {least} members"),
                ));
            }
            query.members = Some(members);
        }
        Ok(query)
    }

    /// Every fact must be one some program asks, and not given twice with different values.
    fn facts(&self, facts: &[(String, bool)]) -> Result<BTreeMap<String, bool>, InputError> {
        let yes_no = |value: bool| if value { "yes" } else { "no" };
        let mut stated = BTreeMap::new();
        for (id, value) in facts {
            let given = format!("{id}={}", yes_no(*value));
            if !self.facts.contains(id.as_str()) {
                let near = suggestion(did_you_mean(id, self.facts.iter().copied()));
                return Err(InputError::new(
                    "fact",
                    given,
                    format!(
                        "no program asks fact '{}'; {near}(`subsidy show ID` lists each program's facts)",
                        shown(id)
                    ),
                ));
            }
            if let Some(previous) = stated.insert(id.clone(), *value)
                && previous != *value
            {
                return Err(InputError::new(
                    "fact",
                    given,
                    format!("fact '{id}' is already given as {}", yes_no(previous)),
                ));
            }
        }
        Ok(stated)
    }

    /// The programs a request names (every program when it names none).
    pub fn programs(&self, request: &Request) -> Result<Vec<&'c Program>, InputError> {
        if request.programs.is_empty() {
            return Ok(self.catalogue.programs().iter().collect());
        }
        let mut programs: Vec<&Program> = Vec::new();
        for id in &request.programs {
            let program = self.program("program", id)?;
            if !programs.iter().any(|p| p.id == program.id) {
                programs.push(program);
            }
        }
        Ok(programs)
    }

    /// Checks a whole `calc` request and returns its estimates, sorted; with
    /// `notes`, also the caveats for people to read (a batch has no column for them).
    pub fn estimates(
        &self,
        request: &Request,
        as_of: NaiveDate,
        notes: bool,
    ) -> Result<Vec<Estimate<'c>>, InputError> {
        let mut estimates = Vec::new();
        self.estimates_into(request, as_of, notes, &mut estimates)?;
        Ok(estimates)
    }

    /// [`Checker::estimates`], appending to `out` (a batch reuses one vector
    /// for every row); on an error, `out` is left as it was.
    pub fn estimates_into(
        &self,
        request: &Request,
        as_of: NaiveDate,
        notes: bool,
        out: &mut Vec<Estimate<'c>>,
    ) -> Result<(), InputError> {
        let mut query = self.profile(request, as_of)?;
        query.notes = notes;
        // One named program (a batch row) needs no list.
        let (one, all);
        let programs: &[&Program] = match request.programs.as_slice() {
            [id] => {
                one = self.program("program", id)?;
                std::slice::from_ref(&one)
            }
            _ => {
                all = self.programs(request)?;
                &all
            }
        };
        let named = !request.programs.is_empty();
        check_variant(programs, request.variant.as_deref(), named)?;
        check_items(programs, &request.items)?;
        query.coupons = check_coupons(programs, query.facility, request.coupons)?;
        query.cost = request.cost;
        query.items.clone_from(&request.items);
        let start = out.len();
        for program in programs {
            estimate::estimate_program_into(program, request.variant.as_deref(), &query, out);
        }
        let estimates = &mut out[start..];
        if named && let Err(e) = refuse_missing_items(estimates, &query) {
            out.truncate(start);
            return Err(e);
        }
        estimate::sort(estimates);
        Ok(())
    }
}

/// `variant` must name a variant of every named program that has variants,
/// or, with no program named, of at least one program.
fn check_variant(
    programs: &[&Program],
    variant: Option<&str>,
    named: bool,
) -> Result<(), InputError> {
    let Some(variant) = variant else {
        return Ok(());
    };
    let with_variants: Vec<&&Program> =
        programs.iter().filter(|p| !p.variants.is_empty()).collect();
    if with_variants.is_empty() {
        return Err(InputError::new(
            "variant",
            variant,
            "none of the selected programs has variants",
        ));
    }
    let lacking: Vec<&&Program> = with_variants
        .iter()
        .copied()
        .filter(|p| p.variant(variant).is_none())
        .collect();
    if let Some(program) = lacking.first()
        && (named || lacking.len() == with_variants.len())
    {
        let ids: Vec<&str> = program.variants.iter().map(|v| v.id.as_str()).collect();
        let near = suggestion(did_you_mean(variant, ids.iter().copied()));
        return Err(InputError::new(
            "variant",
            variant,
            format!(
                "not a variant of {}; {near}(variants: {})",
                program.id,
                ids.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Every item key must be an item of some selected program, and given once.
fn check_items(programs: &[&Program], items: &[(String, Yen)]) -> Result<(), InputError> {
    for (i, (key, yen)) in items.iter().enumerate() {
        let value = format!("{key}={yen}");
        if items[..i].iter().any(|(k, _)| k == key) {
            return Err(InputError::new(
                "item",
                value,
                format!("item '{key}' is given twice"),
            ));
        }
        if !programs.iter().any(|p| p.item(key).is_some()) {
            let keys: BTreeSet<&str> = programs
                .iter()
                .flat_map(|p| p.items.iter().map(|i| i.key.as_str()))
                .collect();
            let reason = if keys.is_empty() {
                "none of the selected programs splits costs into items; use --cost".to_string()
            } else {
                let near = suggestion(did_you_mean(key, keys.iter().copied()));
                let keys: Vec<&str> = keys.into_iter().collect();
                format!(
                    "no selected program has this item; {near}(items: {})",
                    keys.join(", ")
                )
            };
            return Err(InputError::new("item", value, reason));
        }
    }
    Ok(())
}

/// `coupons` must be at least 1 and within what this facility class may get
/// in a selected per-coupon program.
pub fn check_coupons(
    programs: &[&Program],
    facility: Facility,
    coupons: Option<u32>,
) -> Result<Option<u32>, InputError> {
    let Some(n) = coupons else {
        return Ok(None);
    };
    let per_unit = programs
        .iter()
        .flat_map(|p| p.tiers.iter().map(move |t| (p, t)))
        .filter(|(_, t)| t.fits(facility.class(), facility.beds()))
        .find_map(|(p, t)| t.per_unit.as_ref().map(|u| (p.id.as_str(), u.max)));
    let Some((program, max)) = per_unit else {
        return Err(InputError::new(
            "coupons",
            n.to_string(),
            "no selected program pays per coupon for this facility",
        ));
    };
    if n == 0 || n > max {
        return Err(InputError::new(
            "coupons",
            n.to_string(),
            format!(
                "a {} may get 1 to {max} coupons in {program}",
                facility.class().id()
            ),
        ));
    }
    Ok(Some(n))
}

/// A named program that splits costs needs an amount for each item, unless
/// the cost can go to its sole or default item.
fn refuse_missing_items(estimates: &[Estimate<'_>], query: &Query) -> Result<(), InputError> {
    let Some(estimate) = estimates
        .iter()
        .find(|e| e.reasons.iter().any(|r| r.code == "needs-items"))
    else {
        return Ok(());
    };
    let keys: Vec<String> = estimate
        .tier
        .map(|t| {
            t.items
                .iter()
                .filter(|i| !i.is_separate())
                .map(|i| format!("--item {}=YEN", i.key))
                .collect()
        })
        .unwrap_or_default();
    let (field, value) = match (query.cost, query.items.first()) {
        (Some(cost), _) => ("cost", cost.to_string()),
        (None, Some((key, yen))) => ("item", format!("{key}={yen}")),
        (None, None) => ("item", String::new()),
    };
    Err(InputError::new(
        field,
        value,
        format!(
            "{} caps each cost item separately: give {}",
            estimate.program.id,
            keys.join(" ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 10, defect 13: a 10 MB value took seconds in the edit distance,
    // and its error quoted all 10 MB.

    const TEN_MB: usize = 10_000_000;

    #[test]
    fn a_long_input_gets_no_suggestion_and_no_candidate_is_compared() {
        let long = "e".repeat(TEN_MB);
        let mut compared = 0;
        let candidates = ["ehr-sharing", "e-prescription"]
            .into_iter()
            .inspect(|_| compared += 1);
        assert_eq!(did_you_mean(&long, candidates), None);
        assert_eq!(compared, 0, "no edit distance over 10 MB");
        // Just past the limit is long too; short typos still get their suggestion.
        let over = "e".repeat(SUGGEST_MAX_CHARS + 1);
        let mut compared = 0;
        let candidates = ["ehr-sharing"].into_iter().inspect(|_| compared += 1);
        assert_eq!(did_you_mean(&over, candidates), None);
        assert_eq!(compared, 0);
        assert_eq!(
            did_you_mean("ehr-shareing", ["ehr-sharing", "e-prescription"]),
            Some("ehr-sharing")
        );
    }

    #[test]
    fn a_ten_megabyte_program_id_gives_a_short_message() {
        let catalogue = Catalogue::embedded().unwrap();
        let checker = Checker::new(&catalogue);
        let long = format!("ehr-{}", "x".repeat(TEN_MB));
        let error = checker.program("program", &long).unwrap_err();
        assert_eq!(error.value.len(), long.len(), "the value is kept whole");
        let message = error.to_string();
        assert_eq!(
            message,
            format!(
                "invalid value 'ehr-{}…' for 'program': no such program; (`subsidy list` shows every id)",
                "x".repeat(56)
            )
        );
    }

    #[test]
    fn a_ten_megabyte_fact_gives_a_short_message() {
        let catalogue = Catalogue::embedded().unwrap();
        let checker = Checker::new(&catalogue);
        let request = Request {
            facility: Some(FacilityClass::Clinic),
            facts: vec![("f".repeat(TEN_MB), true)],
            ..Request::default()
        };
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let message = checker.profile(&request, as_of).unwrap_err().to_string();
        let quoted = format!("{}…", "f".repeat(60));
        assert_eq!(
            message,
            format!(
                "invalid value '{quoted}' for 'fact': no program asks fact '{quoted}'; (`subsidy show ID` lists each program's facts)"
            )
        );
    }

    #[test]
    fn a_line_break_in_a_value_stays_on_one_line() {
        let error = InputError::new("variant", "basic\nplus", "not a variant");
        assert_eq!(
            error.to_string(),
            "invalid value 'basic\\nplus' for 'variant': not a variant"
        );
        let error = check_items(&[], &[("a\nb".to_string(), 1)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value 'a\\nb=1' for 'item': none of the selected programs splits costs into items; use --cost"
        );
    }
}
