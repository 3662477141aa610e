//! An input that is wrong or missing ([`InputError`]): which, its value,
//! and why ([`Problem`]), worded in either language.

use super::*;

/// The input a refusal is about. Each front end names it its own way: a
/// flag on the command line (`--beds`, the positional `ID`), a column in a
/// batch, a field of the web form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The programs asked for (`--program`, the `program` column).
    Program,
    /// The one program a page or `show` is about (`ID`, the path's `id`).
    ProgramId,
    Variant,
    Facility,
    Beds,
    Prefecture,
    Fact,
    /// The legal form (`entity`: company, medical-corporation, …).
    Entity,
    Capital,
    Employees,
    /// Stated a 大企業等 (`large-company`).
    LargeCompany,
    Processes,
    Functions,
    Members,
    Cost,
    Item,
    Coupons,
    /// Each coupon's own price (`coupon-costs`).
    CouponCosts,
}

impl Field {
    /// The plain name: the batch column and the query-string field (`beds`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Program => "program",
            Field::ProgramId => "id",
            Field::Variant => "variant",
            Field::Facility => "facility",
            Field::Beds => "beds",
            Field::Prefecture => "prefecture",
            Field::Fact => "fact",
            Field::Entity => "entity",
            Field::Capital => "capital",
            Field::Employees => "employees",
            Field::LargeCompany => "large-company",
            Field::Processes => "processes",
            Field::Functions => "functions",
            Field::Members => "members",
            Field::Cost => "cost",
            Field::Item => "item",
            Field::Coupons => "coupons",
            Field::CouponCosts => "coupon-costs",
        }
    }
}

/// One input that is wrong or missing: which, its value, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En, &spelling::COLUMNS))]
pub struct InputError {
    /// The input, which each front end names its own way.
    pub field: Field,
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
    /// A program that caps items separately needs an amount per item
    /// (`items`: their keys).
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
    pub fn new(field: Field, value: impl Into<String>, problem: Problem) -> InputError {
        InputError {
            field,
            value: value.into(),
            problem,
        }
    }

    /// An input that was not given: `field` is what to give.
    pub fn missing(field: Field, problem: Problem) -> InputError {
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

    /// Why, in `lang`, without the input's name and value; other inputs
    /// it names are named as `spelling` names them.
    pub fn reason(&self, lang: Lang, spelling: &Spelling) -> String {
        let name = |field| (spelling.field)(field, lang);
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
            Problem::NoItems => text(Key::InputNoItems, &[("cost", &name(Field::Cost))]),
            Problem::UnknownItem { near: n, items } => text(
                Key::InputUnknownItem,
                &[("near", &near(n, Key::InputNear)), ("items", &list(items))],
            ),
            Problem::NoCoupons => text(Key::InputNoCoupons, &[]),
            Problem::CouponCount { priced } => text(
                Key::InputCouponCount,
                &[
                    ("priced", priced),
                    ("coupon_costs", &name(Field::CouponCosts)),
                    ("coupons", &name(Field::Coupons)),
                ],
            ),
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
            Problem::NeedsItems { program, items } => {
                let keys: Vec<&str> = items.iter().map(String::as_str).collect();
                let how = (spelling.ask)(&Ask::Items(keys), lang).unwrap_or_else(|| list(items));
                text(
                    Key::InputNeedsItems,
                    &[("program", program), ("items", &how)],
                )
            }
            Problem::CapitalNotCompany { entity: None } => text(
                Key::InputCapitalNeedsEntity,
                &[
                    ("entity_field", &name(Field::Entity)),
                    ("capital", &name(Field::Capital)),
                ],
            ),
            Problem::CapitalNotCompany {
                entity: Some(entity),
            } => text(
                Key::InputCapitalNotCompany,
                &[
                    ("entity", &entity.name(lang)),
                    ("entity_field", &name(Field::Entity)),
                    ("capital", &name(Field::Capital)),
                ],
            ),
            Problem::LargeCompanyWithSize => text(
                Key::InputLargeCompanyWithSize,
                &[
                    ("large_company", &name(Field::LargeCompany)),
                    ("entity_field", &name(Field::Entity)),
                    ("capital", &name(Field::Capital)),
                    ("employees", &name(Field::Employees)),
                ],
            ),
        }
    }

    /// The whole sentence in `lang`, the inputs named as `spelling` names
    /// them (`--beds` on the command line, `病床数` in a batch): "invalid
    /// value … for …" for a wrong value, "missing …" for a missing one.
    pub fn message(&self, lang: Lang, spelling: &Spelling) -> String {
        let name = (spelling.field)(self.field, lang);
        let reason = self.reason(lang, spelling);
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
