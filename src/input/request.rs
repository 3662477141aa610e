//! Turning what a user typed (flags or spreadsheet cells) into a checked
//! [`Query`]: the one place input is validated, for `calc`, `plan` and `batch`.
//!
//! Errors name the input by its plain name (`beds`, `item`, `fact`); the CLI
//! shows it as `--beds`, a batch as the column `beds`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::Lang;
use crate::core::catalogue::{Catalogue, Entity, FacilityClass, Program, RateFlag};
use crate::core::estimate::{self, Estimate, Facility, FacilityError, Query};
use crate::core::money::Yen;
use crate::core::prefecture;
use crate::i18n::{self, Key};
use crate::input::text::shown;

/// One input that is wrong or missing: which, its value, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En, self.field))]
pub struct InputError {
    /// The input's plain name: `beds`, `cost`, `item`, `fact`, `program` …
    pub field: &'static str,
    /// The value as given (empty for a missing input); the message quotes it
    /// cut short ([`shown`]).
    pub value: String,
    pub problem: Problem,
}

/// Why an input was refused. The sentences are in the message tables
/// ([`InputError::reason`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Missing: no facility kind.
    NoFacility,
    /// Missing: a hospital without beds (a hospital has 20 or more; no default fits).
    NoBeds,
    /// Missing: a 有床診療所 without beds (1 to 19; no default fits).
    NoBedsBeddedClinic,
    /// A 有床診療所 said to have 0 beds.
    BeddedClinicNoBeds,
    /// A 無床診療所 said to have beds.
    ClinicWithoutBedsHasBeds,
    /// Missing: a variant but no program; `programs` are those with the variant.
    NoProgramForVariant {
        variant: String,
        programs: Vec<String>,
    },
    /// Missing: `show` without a program.
    NoProgramId,
    /// No program has this id, or this text in its Japanese name.
    UnknownProgram {
        near: Option<String>,
    },
    /// Several programs have this text in their Japanese name: (id, name).
    SeveralPrograms {
        candidates: Vec<(String, String)>,
    },
    /// A facility that cannot exist.
    Facility(FacilityError),
    UnknownPrefecture {
        near: Option<String>,
    },
    UnknownFact {
        fact: String,
        near: Option<String>,
    },
    FactTwice {
        fact: String,
        previous: bool,
    },
    /// A count that must be 1 or more.
    BelowOne,
    TooManyMembers,
    /// `variant` for programs that have no variants.
    NoVariants,
    NotAVariant {
        program: String,
        near: Option<String>,
        variants: Vec<String>,
    },
    /// No program at all has this variant.
    UnknownVariant {
        near: Option<String>,
        variants: Vec<String>,
    },
    ItemTwice {
        key: String,
    },
    /// `item` for programs that split no costs.
    NoItems,
    UnknownItem {
        near: Option<String>,
        items: Vec<String>,
    },
    /// `coupons` for programs that pay this facility per coupon nowhere.
    NoCoupons,
    /// `--coupons N` and a different number of `--coupon-cost`.
    CouponCount {
        priced: u32,
    },
    CouponRange {
        class: FacilityClass,
        max: u32,
        program: String,
    },
    /// A program that caps items separately needs an amount per item.
    NeedsItems {
        program: String,
        items: Vec<String>,
    },
    /// `capital` without `entity` company: only a company is judged by its
    /// capital (004: 医療法人 and 個人事業主 by employees alone); `entity`
    /// is the legal form given, if any.
    CapitalNotCompany {
        entity: Option<Entity>,
    },
    /// `capital` or `employees` together with `large-company`: the size is
    /// stated one way or the other.
    LargeCompanyWithSize,
}

impl InputError {
    pub fn new(field: &'static str, value: impl Into<String>, problem: Problem) -> InputError {
        InputError {
            field,
            value: value.into(),
            problem,
        }
    }

    /// An input that was not given: `field` is what to give.
    pub fn missing(field: &'static str, problem: Problem) -> InputError {
        InputError::new(field, "", problem)
    }

    /// Whether the input is missing rather than wrong: the message asks for
    /// it instead of quoting a value nobody typed.
    pub fn is_missing(&self) -> bool {
        matches!(
            self.problem,
            Problem::NoFacility
                | Problem::NoBeds
                | Problem::NoBedsBeddedClinic
                | Problem::NoProgramForVariant { .. }
                | Problem::NoProgramId
        )
    }

    /// Why, in `lang`, without the input's name and value.
    pub fn reason(&self, lang: Lang) -> String {
        let list = |items: &[String]| items.join(i18n::template(lang, Key::InputListSeparator));
        let near = |near: &Option<String>, key| match near {
            Some(near) => i18n::text(lang, key, &[("near", near)]),
            None => String::new(),
        };
        let yes_no = |value: bool| if value { "yes" } else { "no" };
        let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
        match &self.problem {
            Problem::NoFacility => text(Key::InputNeedsFacility, &[]),
            Problem::NoBeds => text(Key::InputNeedsBeds, &[]),
            Problem::NoBedsBeddedClinic => text(Key::InputNeedsBedsBeddedClinic, &[]),
            Problem::BeddedClinicNoBeds => text(Key::BedsBeddedClinicHasSome, &[]),
            Problem::ClinicWithoutBedsHasBeds => text(Key::BedsClinicWithoutBedsHasNone, &[]),
            Problem::NoProgramForVariant { variant, programs } => text(
                Key::InputNeedsProgramForVariant,
                &[("variant", &shown(variant)), ("programs", &list(programs))],
            ),
            Problem::NoProgramId => text(Key::InputNeedsProgramId, &[]),
            Problem::UnknownProgram { near: n } => text(
                Key::InputUnknownProgram,
                &[("near", &near(n, Key::InputNear))],
            ),
            Problem::SeveralPrograms { candidates } => {
                let candidates: Vec<String> = candidates
                    .iter()
                    .map(|(id, name)| text(Key::InputCandidate, &[("id", id), ("name", name)]))
                    .collect();
                text(
                    Key::InputSeveralPrograms,
                    &[
                        ("count", &candidates.len()),
                        ("candidates", &list(&candidates)),
                    ],
                )
            }
            Problem::Facility(e) => e.reason(lang),
            Problem::UnknownPrefecture { near: n } => text(
                Key::InputUnknownPrefecture,
                &[("near", &near(n, Key::InputNearAtEnd))],
            ),
            Problem::UnknownFact { fact, near: n } => text(
                Key::InputUnknownFact,
                &[("fact", &shown(fact)), ("near", &near(n, Key::InputNear))],
            ),
            Problem::FactTwice { fact, previous } => text(
                Key::InputFactTwice,
                &[("fact", &shown(fact)), ("previous", &yes_no(*previous))],
            ),
            Problem::BelowOne => text(Key::InputBelowOne, &[]),
            Problem::TooManyMembers => text(Key::InputTooManyMembers, &[("max", &MAX_MEMBERS)]),
            Problem::NoVariants => text(Key::InputNoVariants, &[]),
            Problem::NotAVariant {
                program,
                near: n,
                variants,
            } => text(
                Key::InputNotAVariant,
                &[
                    ("program", program),
                    ("near", &near(n, Key::InputNear)),
                    ("variants", &list(variants)),
                ],
            ),
            Problem::UnknownVariant { near: n, variants } => text(
                Key::InputUnknownVariant,
                &[
                    ("near", &near(n, Key::InputNear)),
                    ("variants", &list(variants)),
                ],
            ),
            Problem::ItemTwice { key } => text(Key::InputItemTwice, &[("key", &shown(key))]),
            Problem::NoItems => text(Key::InputNoItems, &[]),
            Problem::UnknownItem { near: n, items } => text(
                Key::InputUnknownItem,
                &[("near", &near(n, Key::InputNear)), ("items", &list(items))],
            ),
            Problem::NoCoupons => text(Key::InputNoCoupons, &[]),
            Problem::CouponCount { priced } => text(Key::InputCouponCount, &[("priced", priced)]),
            Problem::CouponRange {
                class,
                max,
                program,
            } => text(
                Key::InputCouponRange,
                &[
                    ("facility", &class.name(lang)),
                    ("max", max),
                    ("program", program),
                ],
            ),
            Problem::NeedsItems { program, items } => text(
                Key::InputNeedsItems,
                &[("program", program), ("items", &items.join(" "))],
            ),
            Problem::CapitalNotCompany { entity: None } => text(Key::InputCapitalNeedsEntity, &[]),
            Problem::CapitalNotCompany {
                entity: Some(entity),
            } => text(
                Key::InputCapitalNotCompany,
                &[("entity", &entity.name(lang))],
            ),
            Problem::LargeCompanyWithSize => text(Key::InputLargeCompanyWithSize, &[]),
        }
    }

    /// The whole sentence in `lang`, the input called `name` (`--beds` on
    /// the command line, `beds` in a batch): "invalid value … for …" for a
    /// wrong value, "missing …" for a missing one.
    pub fn message(&self, lang: Lang, name: &str) -> String {
        let reason = self.reason(lang);
        if self.is_missing() {
            i18n::text(
                lang,
                Key::InputMissing,
                &[("flag", &name), ("reason", &reason)],
            )
        } else {
            i18n::text(
                lang,
                Key::InvalidValue,
                &[
                    ("flag", &name),
                    ("value", &shown(&self.value)),
                    ("reason", &reason),
                ],
            )
        }
    }
}

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
            "capital",
            capital.to_string(),
            Problem::CapitalNotCompany { entity },
        )),
    }
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

/// The suggestion for `wrong`, owned, for an error to keep.
pub(crate) fn near<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(wrong, candidates).map(str::to_string)
}

/// Checks requests against one catalogue; built once, used for every row.
pub struct Checker<'c> {
    catalogue: &'c Catalogue,
    facts: BTreeSet<&'c str>,
    /// Each program's Japanese name as [`for_lookup`] folds it, for finding
    /// a program by name.
    names: Vec<(String, &'c Program)>,
}

/// Text folded for finding a program by name: NFKC (full-width letters and
/// digits become ASCII, half-width kana full-width), lower case, and no
/// white space, so `ＡＩ導入`, `ai導入` and `AI 導入` all find `AI導入`.
pub fn for_lookup(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Longer inputs are not looked up by name: no name is that long, and
/// folding a 10 MB cell for every row would cost its length each time.
const LOOKUP_MAX_BYTES: usize = 1024;

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
    pub fn program(&self, field: &'static str, text: &str) -> Result<&'c Program, InputError> {
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
            .ok_or_else(|| InputError::missing("facility", Problem::NoFacility))?;
        let class = kind.class;
        // A hospital has 20 beds or more and a 有床診療所 1 to 19, so no
        // default fits them; the others are taken to have none unless told.
        let beds = match (class, kind.clinic_beds, request.beds) {
            (_, Some(ClinicBeds::With), Some(0)) => {
                return Err(InputError::new("beds", "0", Problem::BeddedClinicNoBeds));
            }
            (_, Some(ClinicBeds::Without), Some(beds)) if beds > 0 => {
                return Err(InputError::new(
                    "beds",
                    beds.to_string(),
                    Problem::ClinicWithoutBedsHasBeds,
                ));
            }
            (_, _, Some(beds)) => beds,
            (FacilityClass::Hospital, _, None) => {
                return Err(InputError::missing("beds", Problem::NoBeds));
            }
            (_, Some(ClinicBeds::With), None) => {
                return Err(InputError::missing("beds", Problem::NoBedsBeddedClinic));
            }
            (_, _, None) => 0,
        };
        let facility = Facility::new(class, beds)
            .map_err(|e| InputError::new("beds", beds.to_string(), Problem::Facility(e)))?;
        let mut query = Query::new(facility, as_of);
        query.kenshin = request.kenshin;
        if let Some(name) = &request.prefecture {
            let found = prefecture::normalize(name).ok_or_else(|| {
                InputError::new(
                    "prefecture",
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
                .map(|n| ("employees", n.to_string()))
                .or_else(|| {
                    let capital = request.entity.and_then(Entity::capital);
                    capital.map(|yen| ("capital", yen.to_string()))
                });
            if let Some((field, value)) = stated {
                return Err(InputError::new(field, value, Problem::LargeCompanyWithSize));
            }
        }
        query.entity = request.entity;
        query.employees = request.employees;
        query.flags = request.flags.clone();
        for (field, count) in [
            ("processes", request.processes),
            ("functions", request.functions),
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
                    "members",
                    members.to_string(),
                    Problem::TooManyMembers,
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
                return Err(InputError::new(
                    "fact",
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
                    "fact",
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
        Ok(())
    }
}

/// `variant` must name a variant of every named program that has variants.
/// With no program named, `programs` is every program, and a variant is
/// refused for the program it lacks: the error names the programs that have
/// it (a variant id means something only within its program).
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
        return Err(InputError::new("variant", variant, Problem::NoVariants));
    }
    if !named {
        let having: Vec<String> = with_variants
            .iter()
            .filter(|p| p.variant(variant).is_some())
            .map(|p| p.id.clone())
            .collect();
        if !having.is_empty() {
            return Err(InputError::missing(
                "program",
                Problem::NoProgramForVariant {
                    variant: variant.to_string(),
                    programs: having,
                },
            ));
        }
        let ids: BTreeSet<&str> = with_variants
            .iter()
            .flat_map(|p| p.variants.iter().map(|v| v.id.as_str()))
            .collect();
        return Err(InputError::new(
            "variant",
            variant,
            Problem::UnknownVariant {
                near: near(variant, ids.iter().copied()),
                variants: ids.iter().map(|id| id.to_string()).collect(),
            },
        ));
    }
    if let Some(program) = with_variants.iter().find(|p| p.variant(variant).is_none()) {
        let ids: Vec<&str> = program.variants.iter().map(|v| v.id.as_str()).collect();
        return Err(InputError::new(
            "variant",
            variant,
            Problem::NotAVariant {
                program: program.id.clone(),
                near: near(variant, ids.iter().copied()),
                variants: ids.iter().map(|id| id.to_string()).collect(),
            },
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
                Problem::ItemTwice { key: key.clone() },
            ));
        }
        if !programs.iter().any(|p| p.item(key).is_some()) {
            let keys: BTreeSet<&str> = programs
                .iter()
                .flat_map(|p| p.items.iter().map(|i| i.key.as_str()))
                .collect();
            let problem = if keys.is_empty() {
                Problem::NoItems
            } else {
                Problem::UnknownItem {
                    near: near(key, keys.iter().copied()),
                    items: keys.iter().map(|k| k.to_string()).collect(),
                }
            };
            return Err(InputError::new("item", value, problem));
        }
    }
    Ok(())
}

/// How many coupons the request asks for: `--coupons`, or one per
/// `--coupon-cost`; both given, they must agree.
pub fn coupon_count(request: &Request) -> Result<Option<u32>, InputError> {
    let priced = u32::try_from(request.coupon_costs.len()).unwrap_or(u32::MAX);
    match (request.coupons, priced) {
        (coupons, 0) => Ok(coupons),
        (None, n) => Ok(Some(n)),
        (Some(n), m) if n == m => Ok(Some(n)),
        (Some(n), m) => Err(InputError::new(
            "coupons",
            n.to_string(),
            Problem::CouponCount { priced: m },
        )),
    }
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
            Problem::NoCoupons,
        ));
    };
    if n == 0 || n > max {
        return Err(InputError::new(
            "coupons",
            n.to_string(),
            Problem::CouponRange {
                class: facility.class(),
                max,
                program: program.to_string(),
            },
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
        Problem::NeedsItems {
            program: estimate.program.id.clone(),
            items: keys,
        },
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
            facility: Some(FacilityClass::Clinic.into()),
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
        let error = InputError::new("variant", "basic\nplus", Problem::NoVariants);
        assert_eq!(
            error.to_string(),
            "invalid value 'basic\\nplus' for 'variant': none of the selected programs has variants"
        );
        let error = check_items(&[], &[("a\nb".to_string(), 1)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value 'a\\nb=1' for 'item': none of the selected programs splits costs into items; use --cost"
        );
    }
}
