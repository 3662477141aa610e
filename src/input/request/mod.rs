//! Turning what a user typed (flags or spreadsheet cells) into a checked
//! [`Query`]: the one place input is validated, for `calc`, `plan` and `batch`.
//!
//! Errors name the input by its plain name (`beds`, `item`, `fact`); the CLI
//! shows it as `--beds`, a batch as the column `beds`.

mod error;
pub use error::*;
mod suggest;
pub use suggest::*;
mod checks;
pub use checks::*;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::Lang;

use crate::core::catalogue::{Catalogue, Entity, FacilityClass, Program, RateFlag};

use crate::core::estimate::{self, Ask, Estimate, Facility, FacilityError, Query};

use crate::core::money::Yen;

use crate::core::prefecture;

use crate::i18n::{self, Key};

use crate::input::spelling::{self, Spelling};
use crate::input::text::shown;

/// The most group members accepted. Our own input bound, not a rule of any
/// source: per-member caps times members stay far below any overflow, and
/// no application names more.
pub const MAX_MEMBERS: u32 = 1000;

/// `--facility` (or the column) as written: the class, and for a clinic
/// whether its name said it has beds (有床診療所) or none (無床診療所).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacilityKind {
    pub class: FacilityClass,
    /// `None` for `診療所`/`clinic`, which says nothing of its beds.
    pub clinic_beds: Option<ClinicBeds>,
}

/// What a clinic's name says of its beds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClinicBeds {
    /// 有床診療所: 1 to 19 beds (医療法: a clinic has 19 or fewer, and "with
    /// beds" means at least one).
    With,
    /// 無床診療所: no beds.
    Without,
}

impl From<FacilityClass> for FacilityKind {
    fn from(class: FacilityClass) -> FacilityKind {
        FacilityKind {
            class,
            clinic_beds: None,
        }
    }
}

/// Everything a user can say about one estimate, before checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// Program ids; empty means every program.
    pub programs: Vec<String>,
    pub variant: Option<String>,
    pub facility: Option<FacilityKind>,
    /// `None`: not given (a clinic or pharmacy then has none; a hospital must say).
    pub beds: Option<u32>,
    pub kenshin: Option<bool>,
    pub prefecture: Option<String>,
    pub facts: Vec<(String, bool)>,
    /// `--entity`, a company with its `--capital` inside ([`entity_with_capital`]).
    pub entity: Option<Entity>,
    pub employees: Option<u32>,
    pub flags: BTreeSet<RateFlag>,
    pub processes: Option<u32>,
    pub functions: Option<u32>,
    pub members: Option<u32>,
    pub cost: Option<Yen>,
    pub items: Vec<(String, Yen)>,
    pub coupons: Option<u32>,
    /// `--coupon-cost` (repeated): each coupon's own price.
    pub coupon_costs: Vec<Yen>,
}

/// The legal form with a company's capital (`--entity`, `--capital`), for
/// the request: a capital given without `entity` company is refused, since
/// only a company is judged by it (004 (参考): 「資本金の額又は出資の総額が
/// 5千万円以下の会社」; 医療法人 and 個人事業主 by employees alone). A
/// company's capital already held is kept unless another is given.
pub fn entity_with_capital(
    entity: Option<Entity>,
    capital: Option<Yen>,
) -> Result<Option<Entity>, InputError> {
    match (entity, capital) {
        (entity, None) => Ok(entity),
        (Some(Entity::Company { .. }), Some(capital)) => Ok(Some(Entity::Company {
            capital: Some(capital),
        })),
        (entity, Some(capital)) => Err(InputError::new(
            Field::Capital,
            capital.to_string(),
            Problem::CapitalNotCompany { entity },
        )),
    }
}

/// Checks requests against one catalogue; built once, used for every row.
pub struct Checker<'c> {
    catalogue: &'c Catalogue,
    facts: BTreeSet<&'c str>,
    /// Each program's Japanese name as [`for_lookup`] folds it, for finding
    /// a program by name.
    names: Vec<(String, &'c Program)>,
}

impl<'c> Checker<'c> {
    pub fn new(catalogue: &'c Catalogue) -> Checker<'c> {
        Checker {
            catalogue,
            facts: catalogue.fact_ids().into_iter().collect(),
            names: catalogue
                .programs()
                .iter()
                .map(|p| (for_lookup(&p.name.ja), p))
                .collect(),
        }
    }

    pub fn catalogue(&self) -> &'c Catalogue {
        self.catalogue
    }

    /// The program with this id; else the one whose Japanese name contains
    /// the text (`電子カルテ` → `ehr-sharing`), compared after [`for_lookup`].
    /// An exact id always wins, then an id or a whole name equal after
    /// folding. Several names containing the text is an error listing them;
    /// none is an error suggesting the nearest id.
    pub fn program(&self, field: Field, text: &str) -> Result<&'c Program, InputError> {
        if let Some(program) = self.catalogue.program(text) {
            return Ok(program);
        }
        let unknown = || {
            InputError::new(
                field,
                text,
                Problem::UnknownProgram {
                    near: near(text, self.catalogue.ids()),
                },
            )
        };
        if text.len() > LOOKUP_MAX_BYTES {
            return Err(unknown());
        }
        let wanted = for_lookup(text);
        if wanted.is_empty() {
            return Err(unknown());
        }
        let same = self
            .names
            .iter()
            .find(|(name, p)| p.id == wanted || *name == wanted);
        if let Some((_, program)) = same {
            return Ok(program);
        }
        let found: Vec<&'c Program> = self
            .names
            .iter()
            .filter(|(name, _)| name.contains(&wanted))
            .map(|(_, p)| *p)
            .collect();
        match found.as_slice() {
            [] => Err(unknown()),
            [one] => Ok(one),
            several => Err(InputError::new(
                field,
                text,
                Problem::SeveralPrograms {
                    candidates: several
                        .iter()
                        .map(|p| (p.id.clone(), p.name.ja.clone()))
                        .collect(),
                },
            )),
        }
    }

    /// The facility, prefecture, facts and counts, checked, as a query with no amounts.
    pub fn profile(&self, request: &Request, as_of: NaiveDate) -> Result<Query, InputError> {
        let kind = request
            .facility
            .ok_or_else(|| InputError::missing(Field::Facility, Problem::NoFacility))?;
        let class = kind.class;
        // A hospital has 20 beds or more and a 有床診療所 1 to 19, so no
        // default fits them; the others are taken to have none unless told.
        let beds = match (class, kind.clinic_beds, request.beds) {
            (_, Some(ClinicBeds::With), Some(0)) => {
                return Err(InputError::new(
                    Field::Beds,
                    "0",
                    Problem::BeddedClinicNoBeds,
                ));
            }
            (_, Some(ClinicBeds::Without), Some(beds)) if beds > 0 => {
                return Err(InputError::new(
                    Field::Beds,
                    beds.to_string(),
                    Problem::ClinicWithoutBedsHasBeds,
                ));
            }
            (_, _, Some(beds)) => beds,
            (FacilityClass::Hospital, _, None) => {
                return Err(InputError::missing(Field::Beds, Problem::NoBeds));
            }
            (_, Some(ClinicBeds::With), None) => {
                return Err(InputError::missing(
                    Field::Beds,
                    Problem::NoBedsBeddedClinic,
                ));
            }
            (_, _, None) => 0,
        };
        let facility = Facility::new(class, beds)
            .map_err(|e| InputError::new(Field::Beds, beds.to_string(), Problem::Facility(e)))?;
        let mut query = Query::new(facility, as_of);
        query.kenshin = request.kenshin;
        if let Some(name) = &request.prefecture {
            let found = prefecture::normalize(name).ok_or_else(|| {
                InputError::new(
                    Field::Prefecture,
                    name.as_str(),
                    Problem::UnknownPrefecture {
                        near: near(name, prefecture::names()),
                    },
                )
            })?;
            query.prefecture = Some(found.to_string());
        }
        query.facts = self.facts(&request.facts)?;
        if request.flags.contains(&RateFlag::LargeCompany) {
            let stated = request
                .employees
                .map(|n| (Field::Employees, n.to_string()))
                .or_else(|| {
                    let capital = request.entity.and_then(Entity::capital);
                    capital.map(|yen| (Field::Capital, yen.to_string()))
                });
            if let Some((field, value)) = stated {
                return Err(InputError::new(field, value, Problem::LargeCompanyWithSize));
            }
        }
        query.entity = request.entity;
        query.employees = request.employees;
        query.flags = request.flags.clone();
        for (field, count) in [
            (Field::Processes, request.processes),
            (Field::Functions, request.functions),
        ] {
            if count == Some(0) {
                return Err(InputError::new(field, "0", Problem::BelowOne));
            }
        }
        query.processes = request.processes;
        query.functions = request.functions;
        if let Some(members) = request.members {
            if members > MAX_MEMBERS {
                return Err(InputError::new(
                    Field::Members,
                    members.to_string(),
                    Problem::TooManyMembers,
                ));
            }
            query.members = Some(members);
        }
        Ok(query)
    }

    /// Every fact must be one some program asks, and not given twice with different values.
    pub(crate) fn facts(
        &self,
        facts: &[(String, bool)],
    ) -> Result<BTreeMap<String, bool>, InputError> {
        let yes_no = |value: bool| if value { "yes" } else { "no" };
        let mut stated = BTreeMap::new();
        for (id, value) in facts {
            let given = format!("{id}={}", yes_no(*value));
            if !self.facts.contains(id.as_str()) {
                return Err(InputError::new(
                    Field::Fact,
                    given,
                    Problem::UnknownFact {
                        fact: id.clone(),
                        near: near(id, self.facts.iter().copied()),
                    },
                ));
            }
            if let Some(previous) = stated.insert(id.clone(), *value)
                && previous != *value
            {
                return Err(InputError::new(
                    Field::Fact,
                    given,
                    Problem::FactTwice {
                        fact: id.clone(),
                        previous,
                    },
                ));
            }
        }
        Ok(stated)
    }

    /// The facility of a `plan` request, checked: its profile, and the
    /// coupon count checked against every program (`plan` looks at all).
    pub fn plan_query(&self, request: &Request, as_of: NaiveDate) -> Result<Query, InputError> {
        let mut query = self.profile(request, as_of)?;
        let every: Vec<&Program> = self.catalogue.programs().iter().collect();
        query.coupons = check_coupons(&every, query.facility, request.coupons)?;
        Ok(query)
    }

    /// The programs a request names (every program when it names none).
    pub fn programs(&self, request: &Request) -> Result<Vec<&'c Program>, InputError> {
        if request.programs.is_empty() {
            return Ok(self.catalogue.programs().iter().collect());
        }
        let mut programs: Vec<&Program> = Vec::new();
        for id in &request.programs {
            let program = self.program(Field::Program, id)?;
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
        Ok(self.estimates_and_query(request, as_of, notes)?.0)
    }

    /// [`Checker::estimates`], and the query they were estimated for (the
    /// facility, the costs and items, the coupons as checked): what the
    /// best combination ([`crate::core::recommend`]) and the header need.
    pub fn estimates_and_query(
        &self,
        request: &Request,
        as_of: NaiveDate,
        notes: bool,
    ) -> Result<(Vec<Estimate<'c>>, Query), InputError> {
        let mut estimates = Vec::new();
        let query = self.estimates_into(request, as_of, notes, &mut estimates)?;
        Ok((estimates, query))
    }

    /// [`Checker::estimates`], appending to `out` (a batch reuses one vector
    /// for every row), and the query they were estimated for; on an error,
    /// `out` is left as it was.
    pub fn estimates_into(
        &self,
        request: &Request,
        as_of: NaiveDate,
        notes: bool,
        out: &mut Vec<Estimate<'c>>,
    ) -> Result<Query, InputError> {
        let mut query = self.profile(request, as_of)?;
        query.notes = notes;
        // One named program (a batch row) needs no list.
        let (one, all);
        let programs: &[&Program] = match request.programs.as_slice() {
            [id] => {
                one = self.program(Field::Program, id)?;
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
        query.coupons = check_coupons(programs, query.facility, coupon_count(request)?)?;
        query.coupon_costs.clone_from(&request.coupon_costs);
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
        Ok(query)
    }
}
