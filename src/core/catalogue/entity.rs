//! The legal form and size of the applicant (the デジタル化・AI frames' SME test).

use super::*;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Legal forms the size table of the sources distinguishes (004 (参考)
/// 補助の対象となる中小企業・小規模事業者等).
///
/// In TOML (a worked example): `"medical-corporation"`, `"sole-proprietor"`,
/// `"company"` (its capital not stated), or
/// `{ company = { capital = 100_000_000 } }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Entity {
    /// 医療法人.
    MedicalCorporation,
    /// 個人開業医 or another 個人事業主.
    SoleProprietor,
    /// 会社 (株式会社, 合同会社 …), with its 資本金の額又は出資の総額
    /// (`--capital`) where stated: the table judges a company by it, and
    /// nothing else has one.
    Company { capital: Option<Yen> },
}

impl<'de> Deserialize<'de> for Entity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Entity, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        const FORMS: &[&str] = &["medical-corporation", "sole-proprietor", "company"];

        /// A company's own keys.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Company {
            #[serde(default)]
            capital: Option<Yen>,
        }

        struct Form;

        impl<'de> Visitor<'de> for Form {
            type Value = Entity;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a legal form: \"medical-corporation\", \"sole-proprietor\", \"company\" or { company = { capital = YEN } }",
                )
            }

            fn visit_str<E: de::Error>(self, form: &str) -> Result<Entity, E> {
                match form {
                    "medical-corporation" => Ok(Entity::MedicalCorporation),
                    "sole-proprietor" => Ok(Entity::SoleProprietor),
                    "company" => Ok(Entity::Company { capital: None }),
                    other => Err(E::unknown_variant(other, FORMS)),
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entity, A::Error> {
                let Some(form) = map.next_key::<String>()? else {
                    return Err(de::Error::invalid_length(0, &self));
                };
                if form != "company" {
                    return Err(de::Error::unknown_variant(&form, &["company"]));
                }
                let company: Company = map.next_value()?;
                if map.next_key::<String>()?.is_some() {
                    return Err(de::Error::invalid_length(2, &self));
                }
                Ok(Entity::Company {
                    capital: company.capital,
                })
            }
        }

        deserializer.deserialize_any(Form)
    }
}

impl Entity {
    /// The legal forms, each once (a company without its capital).
    pub const ALL: [Entity; 3] = [
        Entity::MedicalCorporation,
        Entity::Company { capital: None },
        Entity::SoleProprietor,
    ];

    /// `medical-corporation`, `sole-proprietor`, `company`: as `--entity` takes it.
    pub fn id(self) -> &'static str {
        match self {
            Entity::MedicalCorporation => "medical-corporation",
            Entity::SoleProprietor => "sole-proprietor",
            Entity::Company { .. } => "company",
        }
    }

    /// 医療法人, 個人事業主, 会社 in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                Entity::MedicalCorporation => Key::EntityMedicalCorporation,
                Entity::SoleProprietor => Key::EntitySoleProprietor,
                Entity::Company { .. } => Key::EntityCompany,
            },
        )
    }

    /// A company's capital, where stated; `None` for every other form.
    pub fn capital(self) -> Option<Yen> {
        match self {
            Entity::Company { capital } => capital,
            _ => None,
        }
    }
}

/// The size up to which an applicant of one legal form counts as a
/// 中小企業・小規模事業者等: capital at most `capital_max` OR employees at
/// most `employees_max` (004: 「資本金の額又は出資の総額が5千万円以下の会社又は
/// 常時使用する従業員の数が50人以下の会社及び個人事業主」). Either limit met is
/// enough; a limit left out is not a test.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SizeLimit {
    /// 資本金の額又は出資の総額, in yen (companies only).
    pub capital_max: Option<Yen>,
    /// 常時使用する従業員の数.
    pub employees_max: Option<u32>,
}

impl SizeLimit {
    /// Whether an applicant with this capital and these employees is an SME:
    /// `Some(true)` as soon as one stated limit is met, `Some(false)` when every
    /// limit is known to be exceeded, `None` while a limit that could still be
    /// met is not stated.
    pub fn admits(&self, capital: Option<Yen>, employees: Option<u32>) -> Option<bool> {
        let tests = [
            self.capital_max.map(|max| capital.map(|c| c <= max)),
            self.employees_max.map(|max| employees.map(|n| n <= max)),
        ];
        let mut tests = tests.into_iter().flatten().peekable();
        tests.peek()?;
        let mut all_exceeded = true;
        for test in tests {
            match test {
                Some(true) => return Some(true),
                Some(false) => {}
                None => all_exceeded = false,
            }
        }
        all_exceeded.then_some(false)
    }
}

/// One row of the sources' size table (中小企業・小規模事業者等の範囲): for
/// these facility classes, the limits of each legal form. A form the row
/// leaves out is one the sources give no limit for (a pharmacy run by a
/// 医療法人): its size stays to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SmeLimits {
    pub facilities: Vec<FacilityClass>,
    #[serde(rename = "medical-corporation")]
    pub medical_corporation: Option<SizeLimit>,
    #[serde(rename = "sole-proprietor")]
    pub sole_proprietor: Option<SizeLimit>,
    pub company: Option<SizeLimit>,
    pub cite: Cite,
}

impl SmeLimits {
    /// The limits of `entity`'s legal form, if the row gives them.
    pub fn for_entity(&self, entity: Entity) -> Option<&SizeLimit> {
        match entity {
            Entity::MedicalCorporation => self.medical_corporation.as_ref(),
            Entity::SoleProprietor => self.sole_proprietor.as_ref(),
            Entity::Company { .. } => self.company.as_ref(),
        }
    }

    /// Each legal form the row gives limits for, with them.
    pub fn limits(&self) -> impl Iterator<Item = (Entity, &SizeLimit)> {
        Entity::ALL
            .into_iter()
            .filter_map(|entity| self.for_entity(entity).map(|limit| (entity, limit)))
    }
}
