//! The rule catalogue: one TOML file per program under `data/`, every figure
//! with the source it comes from.
//!
//! Parsing is pure (text in, structs out); reading a directory lives in
//! [`crate::core::catalogue::read_dir`], the one place here that touches the disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::diagnostics::{Said, said};
use crate::core::money::Yen;
use crate::core::rate::Rate;
use crate::i18n::{self, Key};

/// Text the tool shows in Japanese (default) or English (`--lang en`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

pub use crate::i18n::Lang;

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// Where a figure or a statement comes from: a source id of the program and
/// the place in it, quoted closely enough to find.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    /// The `id` of one of the program's `[[sources]]` (a registry document).
    pub source: String,
    /// Where in the source: row, column, the words printed there.
    pub at: String,
}

/// One source document, described once in `data/sources.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Short id every citation uses, e.g. `"003"`.
    pub id: String,
    /// The file name of its text in `shared/seeds/`, e.g. `003_25571b803a93ed1a.txt`.
    pub file: String,
    pub title: String,
    pub publisher: String,
    /// The date of the document (時点 or 発出日).
    pub date: NaiveDate,
    /// Which document wins where two disagree.
    pub rank: Rank,
    /// SHA-256 of the file, in lower-case hex: `check --sources` verifies it.
    pub sha256: String,
    /// What a reader should know about the document as a whole.
    pub note: Option<String>,
}

/// How far a document is trusted where two disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rank {
    Lowest,
    LowMedium,
    High,
}

impl Rank {
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                Rank::High => Key::RankHigh,
                Rank::LowMedium => Key::RankLowMedium,
                Rank::Lowest => Key::RankLowest,
            },
        )
    }
}

/// `data/sources.toml`: every document the catalogue cites.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub documents: Vec<Document>,
}

/// The file name of the document registry in a catalogue directory.
pub const REGISTRY_FILE: &str = "sources.toml";

/// The file name of the programs named without a rate table.
pub const DISCOVERY_FILE: &str = "discovery.toml";

/// A program the sources name without a rate table: shown by `list` and
/// `plan` so that a facility knows of it; no amount is ever computed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discovery {
    pub id: String,
    pub name: Text,
    /// Who runs it, as the sources say (or that they do not).
    pub authority: Text,
    /// What it pays for.
    pub funds: Text,
    /// The headline figures the sources give, where they give any.
    pub figures: Option<Text>,
    pub cite: Cite,
    /// The registry entry of `cite.source`: filled in on loading.
    #[serde(skip)]
    pub document: Option<Document>,
}

/// `data/discovery.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discoveries {
    pub entries: Vec<Discovery>,
}

/// A document a program draws on: its id in the registry, and the part of
/// it about this program (`No.12`, `別添1 …`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub id: String,
    pub part: Option<String>,
}

impl SourceRef {
    /// `福岡県「…一覧」 No.12`: the document's title and the part about the program.
    pub fn heading(&self, document: &Document) -> String {
        match &self.part {
            Some(part) => format!("{} {part}", document.title),
            None => document.title.clone(),
        }
    }
}

/// One of the program's own pages (information, guidelines), as a source prints it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: String,
    pub cite: Cite,
    /// How the address differs from what the source prints, if it does.
    pub note: Option<String>,
}

/// The facility classes the sources distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FacilityClass {
    /// 病院: 20 beds or more (医療法).
    Hospital,
    /// 診療所: 0–19 beds.
    Clinic,
    /// 薬局.
    Pharmacy,
}

impl FacilityClass {
    pub const ALL: [FacilityClass; 3] = [
        FacilityClass::Hospital,
        FacilityClass::Clinic,
        FacilityClass::Pharmacy,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FacilityClass::Hospital => "hospital",
            FacilityClass::Clinic => "clinic",
            FacilityClass::Pharmacy => "pharmacy",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                FacilityClass::Hospital => Key::FacilityHospital,
                FacilityClass::Clinic => Key::FacilityClinic,
                FacilityClass::Pharmacy => Key::FacilityPharmacy,
            },
        )
    }
}

/// 端数処理: how the program rounds the grant, as the sources state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// 申請額1,000円未満切捨て.
    #[serde(rename = "truncate-1000")]
    Truncate1000,
    /// 1円未満四捨五入 (half up).
    #[serde(rename = "round-half-up-1")]
    RoundHalfUp1,
    /// The sources state no rule: computed exactly, truncated below 1円.
    NoneStated,
}

impl Rounding {
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                Rounding::Truncate1000 => Key::RoundingTruncate1000,
                Rounding::RoundHalfUp1 => Key::RoundingHalfUp1,
                Rounding::NoneStated => Key::RoundingNoneStated,
            },
        )
    }
}

/// The program's rounding rule and where it is stated.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoundingRule {
    pub rule: Rounding,
    /// Required unless `rule = "none-stated"`.
    pub cite: Option<Cite>,
}

/// The kinds of date the sources give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateKind {
    /// 申請期日: the last day to apply. Several = rounds.
    Deadline,
    /// 受付開始.
    Opens,
    /// 導入完了期限: the work must be finished by then.
    CompletionBy,
    /// First day of the period the costs must fall in.
    CostsFrom,
    /// Last day of the period the costs must fall in.
    CostsUntil,
    /// A date an eligibility condition refers to (e.g. 令和7年9月30日までに導入完了).
    ConditionCutoff,
}

impl DateKind {
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                DateKind::Deadline => Key::DateDeadline,
                DateKind::Opens => Key::DateOpens,
                DateKind::CompletionBy => Key::DateCompletionBy,
                DateKind::CostsFrom => Key::DateCostsFrom,
                DateKind::CostsUntil => Key::DateCostsUntil,
                DateKind::ConditionCutoff => Key::DateConditionCutoff,
            },
        )
    }
}

/// One dated fact of a program.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DateEntry {
    pub kind: DateKind,
    pub date: NaiveDate,
    /// What the date is, in the source's words, where the kind alone does not say.
    pub label: Option<Text>,
    pub cite: Cite,
}

/// 申請方法.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    pub how: Text,
    pub url: String,
    pub cite: Cite,
}

/// 問合せ先.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    pub phone: String,
    pub hours: Text,
    pub cite: Cite,
}

/// A variant of a program that has its own tiers (e.g. 初期導入のみ / 新機能と同時).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: String,
    pub name: Text,
    pub cite: Cite,
}

/// A cost item a program caps on its own (e.g. モバイル端末, レセコン改修).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    /// The key users give in `--item KEY=YEN`.
    pub key: String,
    pub name: Text,
}

/// A stated circumstance that changes a rate (補助率の特例).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateFlag {
    /// 小規事業者 (`--small-business`).
    SmallBusiness,
    /// 最低賃金近傍の事業者 (`--min-wage-nearby`).
    MinWageNearby,
    /// 大企業等: not a 中小企業・小規模事業者等 by the program's
    /// `[[sme_limits]]`, or stated with `--large-company`.
    LargeCompany,
}

impl RateFlag {
    pub fn flag(self) -> &'static str {
        match self {
            RateFlag::SmallBusiness => "--small-business",
            RateFlag::MinWageNearby => "--min-wage-nearby",
            RateFlag::LargeCompany => "--large-company",
        }
    }
}

/// The rate that applies instead when a flag is stated.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RateWhen {
    pub flag: RateFlag,
    pub rate: Rate,
}

/// Picks the rate for the stated flags: the first `rate_when` whose flag is stated.
pub fn rate_for(
    base: Rate,
    when: &[RateWhen],
    flags: &std::collections::BTreeSet<RateFlag>,
) -> Rate {
    when.iter()
        .find(|w| flags.contains(&w.flag))
        .map_or(base, |w| w.rate)
}

/// One band of a rate tiered on the grant amount: the part of the grant up
/// to `up_to_grant` (or all the rest) is paid at `rate`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The grant level where this band ends; `None` for the last band.
    pub up_to_grant: Option<Yen>,
    pub rate: Rate,
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
}

/// A tier's cap on one cost item.
///
/// Without `rate` the item is capped on its own and then summed with the
/// other items under the tier's business-cost cap and rate (モバイル端末 +
/// レセコン改修). With `rate` it is a separate part with its own rate and
/// grant cap, added to the grant for the main cost (PC・タブレット等 1/2, 10万円).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TierItem {
    pub key: String,
    /// The item's own 事業額上限.
    pub business_cost_cap: Option<Yen>,
    /// The item's own 補助率, making it a separate part.
    pub rate: Option<Rate>,
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
    /// The item's own 補助上限額.
    pub grant_cap: Option<Yen>,
    /// The item's 補助上限額 per member of a group (× `--members`).
    pub grant_cap_per_member: Option<Yen>,
}

impl TierItem {
    /// A separate part with its own rate, not summed under the tier's caps.
    pub fn is_separate(&self) -> bool {
        self.rate.is_some()
    }
}

/// A cap on the grants of several parts together ((a)+(b) 合わせて3,000万円).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupCap {
    /// `"main"` for the main cost, or item keys.
    pub parts: Vec<String>,
    pub grant_cap: Yen,
    pub cite: Cite,
}

/// Where a tier's amounts are per unit (the スマホ保険証 coupon).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    pub name: Text,
    /// How many units this facility class may have.
    pub max: u32,
    pub cite: Cite,
}

/// One row of a program's amount table: who it is for and its figures.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Unique within the program.
    pub id: String,
    /// The variant this tier belongs to; `None` in programs without variants.
    pub variant: Option<String>,
    pub facilities: Vec<FacilityClass>,
    /// Inclusive bed range, where the tier depends on beds (病床数).
    pub beds_min: Option<u32>,
    pub beds_max: Option<u32>,
    /// The 健診 split: `true` = 健診実施 (健診部門システム導入済), `false` = 健診未実施.
    pub kenshin: Option<bool>,
    pub label: Text,
    /// 業務プロセス数 this tier is for (デジタル化・AI 通常枠).
    pub processes_min: Option<u32>,
    pub processes_max: Option<u32>,
    /// 会計・受発注・決済 functions this tier is for (インボイス対応類型).
    pub functions_min: Option<u32>,
    pub functions_max: Option<u32>,
    /// The fewest members a group applying must have (複数者連携: 10者以上).
    pub members_min: Option<u32>,
    /// 補助率.
    pub rate: Rate,
    /// The rate instead, when a flag is stated (小規模事業者 4/5 …).
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
    /// A rate tiered on the grant amount; replaces `rate` for the main cost.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Present when the sources state no rate: why the tool uses `rate` anyway.
    pub rate_assumed: Option<Text>,
    /// 事業額上限 (on the sum of the items, where there are items).
    pub business_cost_cap: Option<Yen>,
    /// 補助限度額 / 補助上限額.
    pub grant_cap: Option<Yen>,
    /// The grant must stay below `grant_cap` (「150万円未満」), not reach it.
    #[serde(default)]
    pub grant_cap_exclusive: bool,
    /// 補助下限: a smaller grant makes the case ineligible (never rounded up).
    pub grant_min: Option<Yen>,
    /// Caps on several parts together.
    #[serde(default)]
    pub group_caps: Vec<GroupCap>,
    /// Conditions of this tier only (4プロセス以上: 賃金引上げ計画).
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// 補助上限額 per bed (許可病床数 × this).
    pub grant_cap_per_bed: Option<Yen>,
    #[serde(default)]
    pub items: Vec<TierItem>,
    /// The item `--cost` alone goes to, where a tier has several.
    pub default_item: Option<String>,
    pub per_unit: Option<PerUnit>,
    /// Acknowledges a published cap the rule cannot reach, and why.
    pub cap_note: Option<Text>,
    pub cite: Cite,
}

impl Tier {
    pub fn fits(&self, class: FacilityClass, beds: u32) -> bool {
        self.facilities.contains(&class)
            && self.beds_min.is_none_or(|min| beds >= min)
            && self.beds_max.is_none_or(|max| beds <= max)
    }
}

/// A facility class the sources exclude outright, and why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NotCovered {
    pub facility: FacilityClass,
    pub reason: Text,
    pub cite: Cite,
}

/// Something the sources say that the engine does not compute (yet), or a
/// conflict between sources.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: Text,
    pub cite: Option<Cite>,
}

/// How a condition is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecidedBy {
    /// A fact the user states with `--fact ID=yes|no`.
    Fact,
    /// The facility's prefecture (`--prefecture`).
    Prefecture,
    /// Whether the applicant is a 中小企業・小規模事業者等, by the program's
    /// `[[sme_limits]]` (`--entity`, `--capital`, `--employees`).
    EntitySize,
}

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

/// One eligibility condition (要件) the sources state.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Unique within the program.
    pub id: String,
    pub text: Text,
    pub decided_by: DecidedBy,
    /// With `decided_by = "fact"`: the fact id users state (shared across programs).
    pub fact: Option<String>,
    /// With `decided_by = "prefecture"`: the prefecture required, e.g. `福岡県`.
    pub prefecture: Option<String>,
    /// With `decided_by = "prefecture"`: the condition is being outside
    /// `prefecture` (a national program that the prefecture runs as its own).
    #[serde(default)]
    pub outside: bool,
    /// The program whose grant this condition presupposes (交付決定 etc.).
    pub requires_program: Option<String>,
    pub cite: Cite,
}

/// How two programs, or the variants of one, relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// This program tops up `program` on the same cost (上乗せ).
    StacksOn,
    /// This program and `program` may not pay for the same content.
    Excludes,
    /// The program's variants are alternatives: one application picks one.
    VariantsExclusive,
    /// Cases the program lists together are one claim, not several.
    SingleClaim,
    /// One application per facility.
    OneApplication,
}

/// A relation the engine checks or reports.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    /// The other program, for `stacks-on` and `excludes`.
    pub program: Option<String>,
    /// For `stacks-on`: pairs `[this variant, the other program's variant]`.
    #[serde(default)]
    pub variant_pairs: Vec<[String; 2]>,
    pub text: Text,
    pub cite: Cite,
}

/// Whether the costs count 消費税.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaxBasis {
    /// 税込.
    Included,
    /// 税抜.
    Excluded,
    /// The sources do not say.
    NotStated,
}

impl TaxBasis {
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                TaxBasis::Included => Key::TaxIncluded,
                TaxBasis::Excluded => Key::TaxExcluded,
                TaxBasis::NotStated => Key::TaxNotStated,
            },
        )
    }

    pub fn id(self) -> &'static str {
        match self {
            TaxBasis::Included => "included",
            TaxBasis::Excluded => "excluded",
            TaxBasis::NotStated => "not-stated",
        }
    }
}

/// The tax basis and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tax {
    pub basis: TaxBasis,
    pub evidence: Text,
    /// Required unless `basis = "not-stated"`.
    pub cite: Option<Cite>,
}

/// One subsidy program.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Fixed kebab-case id; scripts depend on it.
    pub id: String,
    /// Official Japanese name, short English name.
    pub name: Text,
    /// 実施主体 as the tool shows it (国 / 福岡県).
    pub authority: Text,
    /// The body that runs it (社会保険診療報酬支払基金 …).
    pub implementer: Text,
    /// 財政支援: the fund it comes from.
    pub fund: Text,
    /// 内容.
    pub summary: Text,
    /// 対象施設, as the sources word it.
    pub eligibility: Text,
    /// 補助内容: the costs it covers.
    pub covered_costs: Text,
    pub apply: Apply,
    pub contact: Contact,
    /// The documents the program draws on, by registry id.
    pub sources: Vec<SourceRef>,
    /// The program's own pages.
    #[serde(default)]
    pub links: Vec<Link>,
    pub dates: Vec<DateEntry>,
    /// The sources give deadlines but no opening date: where they say so.
    #[serde(default)]
    pub opens_not_stated: Option<Cite>,
    pub rounding: RoundingRule,
    #[serde(default)]
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub items: Vec<ItemDef>,
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub not_covered: Vec<NotCovered>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Who counts as a 中小企業・小規模事業者等, per facility class and
    /// legal form: decides `entity-size` conditions and the 大企業等 rate
    /// (`rate_when` flag `large-company`).
    #[serde(default)]
    pub sme_limits: Vec<SmeLimits>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    pub tax: Tax,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Worked examples: `subsidy check` runs each and compares.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// The registry entries of `sources`, in their order: filled in on loading.
    #[serde(skip)]
    pub documents: Vec<Document>,
}

/// A worked example kept beside the rules: inputs, the expected grant and
/// eligibility, and where the working comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The tier the example exercises.
    pub tier: String,
    pub variant: Option<String>,
    pub facility: FacilityClass,
    #[serde(default)]
    pub beds: u32,
    pub kenshin: Option<bool>,
    pub prefecture: Option<String>,
    pub cost: Option<Yen>,
    #[serde(default)]
    pub items: BTreeMap<String, Yen>,
    #[serde(default)]
    pub facts: BTreeMap<String, bool>,
    #[serde(default)]
    pub flags: Vec<RateFlag>,
    pub entity: Option<Entity>,
    pub employees: Option<u32>,
    pub processes: Option<u32>,
    pub functions: Option<u32>,
    pub members: Option<u32>,
    pub coupons: Option<u32>,
    /// Each coupon's own price (`--coupon-cost`, repeated).
    #[serde(default)]
    pub coupon_costs: Vec<Yen>,
    /// The grant the rules must pay.
    pub grant: Yen,
    /// `eligible`, `unknown` or `ineligible`.
    pub eligibility: String,
    /// Where the working comes from.
    pub cite: Cite,
}

impl Program {
    /// The program's use of document `id`.
    pub fn source(&self, id: &str) -> Option<&SourceRef> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Each source with its registry entry, in the program's order.
    pub fn cited_documents(&self) -> impl Iterator<Item = (&SourceRef, &Document)> {
        self.sources.iter().zip(&self.documents)
    }

    /// The registry entry of document `id`, if the program draws on it.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    pub fn item(&self, key: &str) -> Option<&ItemDef> {
        self.items.iter().find(|i| i.key == key)
    }

    /// The size limits of `entity`'s legal form for a facility of `class`,
    /// where the program's `[[sme_limits]]` give them.
    pub fn sme_limit(&self, class: FacilityClass, entity: Entity) -> Option<&SizeLimit> {
        self.sme_row(class)?.for_entity(entity)
    }

    /// The `[[sme_limits]]` row for a facility of `class` (at most one: `validate`).
    pub fn sme_row(&self, class: FacilityClass) -> Option<&SmeLimits> {
        self.sme_limits
            .iter()
            .find(|r| r.facilities.contains(&class))
    }

    pub fn dates_of(&self, kind: DateKind) -> impl Iterator<Item = NaiveDate> + '_ {
        self.dates
            .iter()
            .filter(move |d| d.kind == kind)
            .map(|d| d.date)
    }

    /// Every citation in the program, for checking that each names a source.
    pub fn cites(&self) -> impl Iterator<Item = (&str, &Cite)> {
        let tiers = self.tiers.iter().flat_map(|t| {
            std::iter::once(("tier", &t.cite))
                .chain(t.per_unit.iter().map(|u| ("per_unit", &u.cite)))
        });
        std::iter::once(("apply", &self.apply.cite))
            .chain(self.links.iter().map(|l| ("links", &l.cite)))
            .chain(std::iter::once(("contact", &self.contact.cite)))
            .chain(self.rounding.cite.iter().map(|c| ("rounding", c)))
            .chain(self.dates.iter().map(|d| ("dates", &d.cite)))
            .chain(self.variants.iter().map(|v| ("variants", &v.cite)))
            .chain(tiers)
            .chain(self.not_covered.iter().map(|n| ("not_covered", &n.cite)))
            .chain(self.conditions.iter().map(|c| ("conditions", &c.cite)))
            .chain(self.sme_limits.iter().map(|r| ("sme_limits", &r.cite)))
            .chain(self.relations.iter().map(|r| ("relations", &r.cite)))
            .chain(self.tax.cite.iter().map(|c| ("tax", c)))
            .chain(
                self.notes
                    .iter()
                    .filter_map(|n| n.cite.as_ref().map(|c| ("notes", c))),
            )
            .chain(self.examples.iter().map(|e| ("examples", &e.cite)))
    }
}

/// Every program, in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    programs: Vec<Program>,
    /// Programs named without a rate table (not in a part of the catalogue).
    discovery: Vec<Discovery>,
    receipt: Receipt,
    /// For a part of the embedded catalogue: the facts of all of it.
    every_fact: Option<&'static [&'static str]>,
}

/// A catalogue that could not be loaded: which file, and what is wrong.
/// Shown with [`CatalogueError::message`]; as `Display`, in English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum CatalogueError {
    Invalid {
        file: String,
        message: Said,
    },
    /// A fault at a known place: the TOML, the schema, or a figure out of bounds.
    Located {
        file: String,
        line: usize,
        column: usize,
        message: Said,
    },
    /// A directory or file that could not be read, or is not a program file.
    Unreadable {
        path: String,
        message: Said,
    },
    Empty {
        dir: String,
    },
}

impl CatalogueError {
    /// A fault in `file`; values quoted in the message are clipped.
    fn invalid(file: &str, message: impl Into<Said>) -> CatalogueError {
        let message = message.into();
        CatalogueError::Invalid {
            file: file.to_string(),
            message: Said {
                en: crate::core::diagnostics::clip_message(&message.en),
                ja: crate::core::diagnostics::clip_message(&message.ja),
            },
        }
    }

    /// The message in `lang`, with the file (and line) it is about.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CatalogueError::Invalid { file, message } => format!("{file}: {}", message.get(lang)),
            CatalogueError::Located {
                file,
                line,
                column,
                message,
            } => format!("{file}:{line}:{column}: {}", message.get(lang)),
            CatalogueError::Unreadable { path, message } => {
                format!("{path}: {}", message.get(lang))
            }
            CatalogueError::Empty { dir } => i18n::text(lang, Key::DataEmpty, &[("dir", dir)]),
        }
    }
}

/// The largest program file read from `--data DIR` (the real ones are under 20 KB).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The most the program files of one `--data DIR` may hold together.
pub const MAX_CATALOGUE_BYTES: u64 = 64 * 1024 * 1024;

mod embedded {
    /// One file of `data/`, as build.rs compiled it.
    pub struct File {
        pub name: &'static str,
        /// The program's id; `None` for the registry.
        pub id: Option<&'static str>,
        pub text: &'static str,
        /// The file as JSON; `None` if the build could not parse it.
        pub json: Option<&'static str>,
    }

    impl File {
        pub(super) fn compiled(&self) -> super::Compiled<'static> {
            super::Compiled {
                name: self.name,
                text: self.text,
                json: self.json,
            }
        }
    }

    include!(concat!(env!("OUT_DIR"), "/embedded_catalogue.rs"));
}

impl Catalogue {
    /// The catalogue compiled into the binary from `data/`: read from the
    /// JSON the build made of it, checked as any other, its receipt computed
    /// by the build.
    pub fn embedded() -> Result<Catalogue, CatalogueError> {
        let files: Vec<Compiled<'_>> = embedded::FILES
            .iter()
            .map(embedded::File::compiled)
            .collect();
        Catalogue::load(&files, |_| embedded_receipt())
    }

    /// Parses `(file name, TOML text)` pairs: one program per file, and the
    /// document registry [`REGISTRY_FILE`] (without one, the embedded registry).
    pub fn parse(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Catalogue, CatalogueError> {
        let files: Vec<(String, String)> = files.into_iter().collect();
        let compiled: Vec<Compiled<'_>> = files
            .iter()
            .map(|(name, text)| Compiled {
                name,
                text,
                json: None,
            })
            .collect();
        Catalogue::load(&compiled, |registry| {
            receipt(&files, registry.documents.iter().map(|d| d.date).max())
        })
    }

    fn load(
        files: &[Compiled<'_>],
        receipt: impl FnOnce(&Registry) -> Receipt,
    ) -> Result<Catalogue, CatalogueError> {
        let registry = match files.iter().find(|f| is_registry(f.name)) {
            Some(file) => file
                .decode::<Registry>()
                .and_then(|r| checked_registry(file.name, r))?,
            None => embedded_registry()?,
        };
        let programs = files
            .iter()
            .filter(|f| is_program(f.name))
            .map(|file| file.program(&registry).map(|p| (file.name, p)))
            .collect::<Result<Vec<_>, _>>()?;
        let discovery = match files.iter().find(|f| is_discovery(f.name)) {
            Some(file) => file.discoveries(&registry, &programs)?,
            None => Vec::new(),
        };
        let mut catalogue = Catalogue::assemble(programs, receipt(&registry), None)?;
        catalogue.discovery = discovery;
        Ok(catalogue)
    }

    /// The embedded catalogue with only the programs `ids` and those they
    /// refer to decoded and checked (`calc --program ID`: the rest costs
    /// nothing). `None` when an id is not a program of it.
    pub fn embedded_subset(ids: &[&str]) -> Option<Result<Catalogue, CatalogueError>> {
        let file_of = |id: &str| embedded::FILES.iter().find(|f| f.id == Some(id));
        let wanted: Vec<&embedded::File> =
            ids.iter().map(|id| file_of(id)).collect::<Option<_>>()?;
        Some(Catalogue::embedded_closure(wanted))
    }

    /// The embedded files `wanted`, and every program they name, decoded.
    fn embedded_closure(mut wanted: Vec<&embedded::File>) -> Result<Catalogue, CatalogueError> {
        let file_of = |id: &str| embedded::FILES.iter().find(|f| f.id == Some(id));
        let registry = embedded_registry()?;
        let mut programs: Vec<(&str, Program)> = Vec::new();
        while let Some(file) = wanted.pop() {
            if programs.iter().any(|(name, _)| *name == file.name) {
                continue;
            }
            let program = file.compiled().program(&registry)?;
            // The programs its relations and conditions name come too.
            let named = program
                .relations
                .iter()
                .filter_map(|r| r.program.as_deref())
                .chain(
                    program
                        .conditions
                        .iter()
                        .filter_map(|c| c.requires_program.as_deref()),
                );
            wanted.extend(named.filter_map(file_of));
            programs.push((file.name, program));
        }
        Catalogue::assemble(programs, embedded_receipt(), Some(embedded::FACTS))
    }

    /// Sorted, each id once, every reference resolved.
    fn assemble(
        mut programs: Vec<(&str, Program)>,
        receipt: Receipt,
        facts: Option<&'static [&'static str]>,
    ) -> Result<Catalogue, CatalogueError> {
        programs.sort_by(|(_, a), (_, b)| a.id.cmp(&b.id));
        for pair in programs.windows(2) {
            if let [(first, a), (file, b)] = pair
                && a.id == b.id
            {
                return Err(CatalogueError::invalid(
                    file,
                    said(
                        Key::DataIdTwice,
                        &[("id", &format!("{:?}", b.id)), ("first", first)],
                    ),
                ));
            }
        }
        validate_references(&programs)?;
        Ok(Catalogue {
            programs: programs.into_iter().map(|(_, p)| p).collect(),
            discovery: Vec::new(),
            receipt,
            every_fact: facts,
        })
    }

    /// Programs as they are, without the cross-checks (for `check`, which
    /// reports problems rather than refusing them).
    pub(crate) fn from_programs(mut programs: Vec<Program>) -> Catalogue {
        programs.sort_by(|a, b| a.id.cmp(&b.id));
        let version = newest_document(&programs);
        Catalogue {
            programs,
            discovery: Vec::new(),
            receipt: receipt(&[], version),
            every_fact: None,
        }
    }

    /// The version and SHA-256 of the rule data, for tracing a result to it.
    pub fn receipt(&self) -> &Receipt {
        &self.receipt
    }

    /// Every cost item any program names (`--item KEY=YEN`), with the first
    /// name it is given, in key order.
    pub fn items(&self) -> Vec<(&str, &Text)> {
        let mut items: Vec<(&str, &Text)> = Vec::new();
        for item in self.programs.iter().flat_map(|p| &p.items) {
            if !items.iter().any(|(key, _)| *key == item.key) {
                items.push((&item.key, &item.name));
            }
        }
        items.sort_by_key(|(key, _)| *key);
        items
    }

    /// Every fact id any program asks, with the first text that describes it.
    pub fn facts(&self) -> Vec<(&str, &Text)> {
        let mut facts: Vec<(&str, &Text)> = Vec::new();
        let conditions = self.programs.iter().flat_map(|p| {
            p.conditions
                .iter()
                .chain(p.tiers.iter().flat_map(|t| &t.conditions))
        });
        for condition in conditions {
            if let Some(fact) = condition.fact.as_deref()
                && !facts.iter().any(|(id, _)| *id == fact)
            {
                facts.push((fact, &condition.text));
            }
        }
        facts.sort_by_key(|(id, _)| *id);
        facts
    }

    /// Every fact id any program of the whole catalogue asks (also when
    /// only part of it is loaded), for checking `--fact ID`.
    pub fn fact_ids(&self) -> Vec<&str> {
        match self.every_fact {
            Some(facts) => facts.to_vec(),
            None => self.facts().into_iter().map(|(id, _)| id).collect(),
        }
    }

    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.programs.iter().map(|p| p.id.as_str())
    }

    /// The programs the sources name without a rate table.
    pub fn discovery(&self) -> &[Discovery] {
        &self.discovery
    }
}

/// Programs named by relations and conditions must exist, with the variants
/// named; `programs` is sorted by id.
fn validate_references(programs: &[(&str, Program)]) -> Result<(), CatalogueError> {
    let by_id = |id: &str| {
        programs
            .binary_search_by(|(_, p)| p.id.as_str().cmp(id))
            .ok()
            .map(|i| &programs[i].1)
    };
    for (file, program) in programs {
        let invalid = |reason: Said| CatalogueError::invalid(file, in_program(program, &reason));
        let named = program
            .relations
            .iter()
            .filter_map(|r| r.program.as_deref())
            .chain(
                program
                    .conditions
                    .iter()
                    .filter_map(|c| c.requires_program.as_deref()),
            );
        for id in named {
            if by_id(id).is_none() {
                return Err(invalid(said(
                    Key::DataUnknownProgram,
                    &[("id", &format!("{id:?}"))],
                )));
            }
        }
        for relation in &program.relations {
            let Some(other) = relation.program.as_deref().and_then(by_id) else {
                continue;
            };
            for [_, theirs] in &relation.variant_pairs {
                if other.variant(theirs).is_none() {
                    return Err(invalid(said(
                        Key::DataNoVariant,
                        &[("program", &other.id), ("variant", &format!("{theirs:?}"))],
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Whether a catalogue file is the document registry, not a program.
pub(crate) fn is_registry(name: &str) -> bool {
    name.rsplit(['/', '\\']).next() == Some(REGISTRY_FILE)
}

/// Whether a catalogue file lists the programs without a rate table.
pub(crate) fn is_discovery(name: &str) -> bool {
    name.rsplit(['/', '\\']).next() == Some(DISCOVERY_FILE)
}

/// Whether a catalogue file is one program's.
pub(crate) fn is_program(name: &str) -> bool {
    !is_registry(name) && !is_discovery(name)
}

/// A catalogue file: its TOML text and, when the build compiled it, its JSON.
struct Compiled<'a> {
    name: &'a str,
    text: &'a str,
    json: Option<&'a str>,
}

impl Compiled<'_> {
    /// The discovery entries in this file: each id once and not a program's,
    /// each citing a document of `registry`.
    fn discoveries(
        &self,
        registry: &Registry,
        programs: &[(&str, Program)],
    ) -> Result<Vec<Discovery>, CatalogueError> {
        let mut entries = self.decode::<Discoveries>()?.entries;
        for i in 0..entries.len() {
            let id = &entries[i].id;
            let taken = entries[..i].iter().any(|e| e.id == *id)
                || programs.iter().any(|(_, p)| p.id == *id);
            if taken {
                return Err(CatalogueError::invalid(
                    self.name,
                    said(Key::DataDiscoveryIdTaken, &[("id", &format!("{id:?}"))]),
                ));
            }
            let source = &entries[i].cite.source;
            let document = registry.documents.iter().find(|d| d.id == *source);
            let Some(document) = document else {
                return Err(CatalogueError::invalid(
                    self.name,
                    said(Key::DataUnknownDocument, &[("id", &format!("{source:?}"))]),
                ));
            };
            entries[i].document = Some(document.clone());
        }
        Ok(entries)
    }

    /// The program in this file, refused unless it is within bounds, valid,
    /// and its documents are in `registry`.
    fn program(&self, registry: &Registry) -> Result<Program, CatalogueError> {
        let (file, text) = (self.name, self.text);
        let mut program: Program = self.decode()?;
        // Refused here, so that no later sum, product or loop meets them.
        let mut refused = crate::core::bounds::out_of_bounds(&program)
            .into_iter()
            .chain(crate::core::bounds::not_web_addresses(&program));
        if let Some(bound) = refused.next() {
            let (line, column) = bound.line_column(text);
            return Err(CatalogueError::Located {
                file: file.to_string(),
                line,
                column,
                message: Said {
                    en: crate::core::diagnostics::clip_message(&bound.message.en),
                    ja: crate::core::diagnostics::clip_message(&bound.message.ja),
                },
            });
        }
        validate(&program).map_err(|message| CatalogueError::invalid(file, message))?;
        resolve_documents(&mut program, registry)
            .map_err(|message| CatalogueError::invalid(file, message))?;
        Ok(program)
    }

    /// The file as `T`: from its JSON when there is one (several times
    /// faster), else, or should that fail, from its TOML, whose error names
    /// the line.
    fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, CatalogueError> {
        if let Some(value) = self.json.and_then(|json| serde_json::from_str(json).ok()) {
            return Ok(value);
        }
        from_toml(self.name, self.text)
    }
}

/// A TOML file as `T`, or the place it fails.
fn from_toml<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogueError> {
    toml::from_str(text).map_err(|e| {
        let (line, column, _) =
            crate::core::diagnostics::position(text, e.span().unwrap_or(0..0).start);
        CatalogueError::Located {
            file: file.to_string(),
            line,
            column,
            message: crate::core::diagnostics::clip_message(&one_line(e.message())).into(),
        }
    })
}

/// The registry in `text`; each id once.
pub fn parse_registry(file: &str, text: &str) -> Result<Registry, CatalogueError> {
    checked_registry(file, from_toml(file, text)?)
}

fn checked_registry(file: &str, registry: Registry) -> Result<Registry, CatalogueError> {
    for (i, document) in registry.documents.iter().enumerate() {
        if registry.documents[..i].iter().any(|d| d.id == document.id) {
            return Err(CatalogueError::invalid(
                file,
                said(
                    Key::DataDocumentTwice,
                    &[("id", &format!("{:?}", document.id))],
                ),
            ));
        }
    }
    Ok(registry)
}

/// The registry compiled into the binary.
pub fn embedded_registry() -> Result<Registry, CatalogueError> {
    // A build from a data/ without one: refused, naming the file, never a panic.
    let Some(file) = embedded::FILES.iter().find(|f| is_registry(f.name)) else {
        return Err(CatalogueError::invalid(
            REGISTRY_FILE,
            said(Key::DataNoRegistry, &[("file", &REGISTRY_FILE)]),
        ));
    };
    checked_registry(file.name, file.compiled().decode()?)
}

/// The receipt of the embedded catalogue, computed when it was built: no
/// need to read the data to name it (`--version`).
pub fn embedded_receipt() -> Receipt {
    Receipt {
        version: embedded::VERSION.unwrap_or("unknown").to_string(),
        sha256: embedded::SHA256.to_string(),
        files: embedded::FILES.len(),
    }
}

/// Fills in `program.documents` from the registry: every source must be there.
fn resolve_documents(program: &mut Program, registry: &Registry) -> Result<(), Said> {
    let mut documents = Vec::with_capacity(program.sources.len());
    for source in &program.sources {
        match registry.documents.iter().find(|d| d.id == source.id) {
            Some(document) => documents.push(document.clone()),
            None => {
                return Err(in_program(
                    program,
                    &said(
                        Key::DataUnknownDocument,
                        &[("id", &format!("{:?}", source.id))],
                    ),
                ));
            }
        }
    }
    program.documents = documents;
    Ok(())
}

/// The date of the newest document the programs draw on: the data's version.
fn newest_document(programs: &[Program]) -> Option<NaiveDate> {
    programs
        .iter()
        .flat_map(|p| p.documents.iter().map(|d| d.date))
        .max()
}

/// Which exact rule data produced a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// The date of the newest document the catalogue cites.
    pub version: String,
    /// SHA-256 over every file (name and content), in name order.
    pub sha256: String,
    pub files: usize,
}

/// The receipt of a set of catalogue files.
pub fn receipt(files: &[(String, String)], newest_document: Option<NaiveDate>) -> Receipt {
    use sha2::{Digest as _, Sha256};
    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort();
    let mut hash = Sha256::new();
    for (name, text) in sorted {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        hash.update(base.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
    }
    let digest = hash.finalize();
    Receipt {
        version: newest_document.map_or_else(|| "unknown".to_string(), |d| d.to_string()),
        sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        files: files.len(),
    }
}

/// The `(file name, text)` pairs compiled into the binary.
pub fn embedded_files() -> Vec<(String, String)> {
    embedded::FILES
        .iter()
        .map(|f| (f.name.to_string(), f.text.to_string()))
        .collect()
}

/// Every `*.toml` file directly under `dir`, as `(path, text)`, in name order.
///
/// Only regular files (after following links) of at most [`MAX_FILE_BYTES`]
/// are read, [`MAX_CATALOGUE_BYTES`] in all: a FIFO, a device such as
/// `/dev/zero` or a huge file is refused, naming its path, rather than read
/// for ever.
pub fn read_files(dir: &Path) -> Result<Vec<(String, String)>, CatalogueError> {
    let unreadable = |e: std::io::Error| CatalogueError::Unreadable {
        path: dir.display().to_string(),
        message: io_said(&e),
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(CatalogueError::Empty {
            dir: dir.display().to_string(),
        });
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    let mut total: u64 = 0;
    for path in paths {
        let text = read_file(&path)?;
        total = total.saturating_add(text.len() as u64);
        if total > MAX_CATALOGUE_BYTES {
            return Err(CatalogueError::Unreadable {
                path: dir.display().to_string(),
                message: said(
                    Key::DataTooLargeTogether,
                    &[(
                        "max",
                        &crate::core::money::group_thousands(u128::from(MAX_CATALOGUE_BYTES)),
                    )],
                ),
            });
        }
        files.push((path.display().to_string(), text));
    }
    files.sort();
    Ok(files)
}

/// One program file, refused unless it is a regular file of at most [`MAX_FILE_BYTES`].
fn read_file(path: &Path) -> Result<String, CatalogueError> {
    use std::io::Read as _;
    let refuse = |message: Said| CatalogueError::Unreadable {
        path: path.display().to_string(),
        message,
    };
    let io = |e: std::io::Error| refuse(io_said(&e));
    let max = crate::core::money::group_thousands(u128::from(MAX_FILE_BYTES));
    // Follows links: what counts is what the name leads to (a link to
    // /dev/zero is a device). Opening a FIFO would wait for a writer.
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        let kind = file_kind(&metadata.file_type());
        return Err(refuse(crate::core::diagnostics::said_each(|lang| {
            i18n::text(
                lang,
                Key::DataNotRegular,
                &[("kind", &i18n::template(lang, kind))],
            )
        })));
    }
    if metadata.len() > MAX_FILE_BYTES {
        let bytes = crate::core::money::group_thousands(u128::from(metadata.len()));
        return Err(refuse(said(
            Key::DataFileTooLarge,
            &[("bytes", &bytes), ("max", &max)],
        )));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // Read no more than the limit, even from a file that grows meanwhile.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(said(Key::DataFileGrew, &[("max", &max)])));
    }
    String::from_utf8(bytes).map_err(|e| {
        refuse(said(
            Key::DataNotUtf8,
            &[("offset", &e.utf8_error().valid_up_to())],
        ))
    })
}

/// Why a file could not be read, in both languages.
fn io_said(e: &std::io::Error) -> Said {
    Said {
        en: e.to_string(),
        ja: i18n::io_reason(Lang::Ja, e),
    }
}

/// What a path that is not a regular file is, for the message that refuses it.
fn file_kind(kind: &std::fs::FileType) -> Key {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Key::DataKindFifo;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Key::DataKindDevice;
        }
        if kind.is_socket() {
            return Key::DataKindSocket;
        }
    }
    if kind.is_dir() {
        Key::DataKindDirectory
    } else {
        Key::DataKindOther
    }
}

/// Reads every `*.toml` file directly under `dir` (the `--data DIR` option).
pub fn read_dir(dir: &Path) -> Result<Catalogue, CatalogueError> {
    Catalogue::parse(read_files(dir)?)
}

fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c == '|' || c == '^' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cross-references the schema cannot express: ids that must exist,
/// figures a tier must have. `subsidy check` (later) reports more.
fn validate(program: &Program) -> Result<(), Said> {
    let refuse = |reason: Said| Err(in_program(program, &reason));
    let tier_ids: BTreeSet<&str> = program.tiers.iter().map(|t| t.id.as_str()).collect();
    if tier_ids.len() != program.tiers.len() {
        return refuse(said(Key::DataTiersShareId, &[]));
    }
    for (place, cite) in program.cites() {
        if program.source(&cite.source).is_none() {
            return refuse(said(
                Key::DataCiteUnknown,
                &[("place", &place), ("source", &format!("{:?}", cite.source))],
            ));
        }
    }
    if program.rounding.rule != Rounding::NoneStated && program.rounding.cite.is_none() {
        return refuse(said(
            Key::DataRoundingNeedsCite,
            &[("rule", &format!("{:?}", program.rounding.rule))],
        ));
    }
    let condition_ids: BTreeSet<&str> = program.conditions.iter().map(|c| c.id.as_str()).collect();
    if condition_ids.len() != program.conditions.len() {
        return refuse(said(Key::DataConditionsShareId, &[]));
    }
    for condition in &program.conditions {
        let ok = match condition.decided_by {
            DecidedBy::Fact => condition.fact.is_some() && condition.prefecture.is_none(),
            DecidedBy::Prefecture => condition.prefecture.is_some() && condition.fact.is_none(),
            DecidedBy::EntitySize => condition.fact.is_none() && condition.prefecture.is_none(),
        };
        if !ok {
            let reason = said(
                Key::DataDecidedByKey,
                &[("by", &format!("{:?}", condition.decided_by))],
            );
            return Err(within(
                Key::DataInCondition,
                &[("program", &program.id), ("condition", &condition.id)],
                &reason,
            ));
        }
    }
    validate_sme_limits(program)?;
    for relation in &program.relations {
        let needs_program = matches!(
            relation.kind,
            RelationKind::StacksOn | RelationKind::Excludes
        );
        if needs_program != relation.program.is_some() {
            let key = if needs_program {
                Key::DataRelationNeedsProgram
            } else {
                Key::DataRelationTakesNoProgram
            };
            return refuse(said(key, &[("kind", &format!("{:?}", relation.kind))]));
        }
        for [own, _] in &relation.variant_pairs {
            if program.variant(own).is_none() {
                return refuse(said(
                    Key::DataRelationUnknownVariant,
                    &[("variant", &format!("{own:?}"))],
                ));
            }
        }
    }
    if program.tax.basis != TaxBasis::NotStated && program.tax.cite.is_none() {
        return refuse(said(
            Key::DataTaxNeedsCite,
            &[("basis", &format!("{:?}", program.tax.basis))],
        ));
    }
    for tier in &program.tiers {
        let refuse = |reason: Said| {
            Err(within(
                Key::DataInTier,
                &[("program", &program.id), ("tier", &tier.id)],
                &reason,
            ))
        };
        match (&tier.variant, program.variants.is_empty()) {
            (Some(v), _) if program.variant(v).is_none() => {
                return refuse(said(
                    Key::DataTierUnknownVariant,
                    &[("variant", &format!("{v:?}"))],
                ));
            }
            (None, false) => return refuse(said(Key::DataTierNeedsVariant, &[])),
            (Some(_), true) => return refuse(said(Key::DataTierNoVariants, &[])),
            _ => {}
        }
        if tier.facilities.is_empty() {
            return refuse(said(Key::DataTierNoFacilities, &[]));
        }
        if tier.business_cost_cap.is_none()
            && tier.grant_cap.is_none()
            && tier.grant_cap_per_bed.is_none()
        {
            return refuse(said(Key::DataTierNoCap, &[]));
        }
        for item in &tier.items {
            if program.item(&item.key).is_none() {
                return refuse(said(
                    Key::DataTierUnknownItem,
                    &[("item", &format!("{:?}", item.key))],
                ));
            }
        }
        if let Some(default) = &tier.default_item
            && !tier.items.iter().any(|i| &i.key == default)
        {
            return refuse(said(
                Key::DataTierDefaultItem,
                &[("item", &format!("{default:?}"))],
            ));
        }
    }
    Ok(())
}

/// The size table: each row for some facility classes, each legal form in it
/// with a positive limit (capital only for a company), no class in two rows;
/// and a row for every facility class whose SME status a condition or a
/// 大企業等 rate asks.
pub(crate) fn validate_sme_limits(program: &Program) -> Result<(), Said> {
    let refuse = |reason: Said| Err(in_program(program, &reason));
    let mut classes = BTreeSet::new();
    for (i, row) in program.sme_limits.iter().enumerate() {
        let number = i + 1;
        let row_said = |key, values: &[(&str, &dyn fmt::Display)]| {
            let mut values = values.to_vec();
            values.push(("row", &number));
            said(key, &values)
        };
        if row.facilities.is_empty() {
            return refuse(row_said(Key::DataSmeNoFacilities, &[]));
        }
        if row.limits().next().is_none() {
            return refuse(row_said(Key::DataSmeNoForm, &[]));
        }
        for (entity, limit) in row.limits() {
            let form = entity.id();
            if limit.capital_max.is_none() && limit.employees_max.is_none() {
                return refuse(row_said(Key::DataSmeNoLimit, &[("form", &form)]));
            }
            if limit.capital_max.is_some() && !matches!(entity, Entity::Company { .. }) {
                return refuse(row_said(Key::DataSmeCapitalNotCompany, &[("form", &form)]));
            }
            if limit.capital_max == Some(0) || limit.employees_max == Some(0) {
                return refuse(row_said(Key::DataSmeZero, &[("form", &form)]));
            }
        }
        for class in &row.facilities {
            if !classes.insert(*class) {
                return refuse(row_said(Key::DataSmeClassTwice, &[("class", &class.id())]));
            }
        }
    }
    let size_condition = program
        .conditions
        .iter()
        .any(|c| c.decided_by == DecidedBy::EntitySize);
    for tier in &program.tiers {
        let rate_by_size = tier
            .rate_when
            .iter()
            .chain(tier.bands.iter().flat_map(|b| &b.rate_when))
            .chain(tier.items.iter().flat_map(|i| &i.rate_when))
            .any(|w| w.flag == RateFlag::LargeCompany);
        let asked = size_condition
            || rate_by_size
            || tier
                .conditions
                .iter()
                .any(|c| c.decided_by == DecidedBy::EntitySize);
        if let Some(class) = tier.facilities.iter().find(|c| !classes.contains(*c))
            && asked
        {
            return Err(within(
                Key::DataInTier,
                &[("program", &program.id), ("tier", &tier.id)],
                &said(Key::DataSmeMissing, &[("class", &class.id())]),
            ));
        }
    }
    Ok(())
}

/// `reason` after the program it is about: `program {id}: …`.
fn in_program(program: &Program, reason: &Said) -> Said {
    within(Key::DataInProgram, &[("program", &program.id)], reason)
}

/// `key`'s sentence with `values` and, as `{reason}`, `reason` in the same language.
fn within(key: Key, values: &[(&str, &dyn fmt::Display)], reason: &Said) -> Said {
    crate::core::diagnostics::said_each(|lang| {
        let reason = reason.get(lang);
        let mut values = values.to_vec();
        values.push(("reason", &reason));
        i18n::text(lang, key, &values)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalogue_loads() {
        let catalogue = Catalogue::embedded().unwrap();
        assert!(catalogue.program("ehr-sharing").is_some());
    }

    /// Issue 14, part 5: the build compiles data/ to JSON and computes its
    /// receipt; what loads from that is what the TOML says, and the receipt
    /// is the one `check` and `--data data` compute.
    #[test]
    fn the_compiled_catalogue_is_the_toml_catalogue() {
        let compiled = Catalogue::embedded().unwrap();
        let from_toml = Catalogue::parse(embedded_files()).unwrap();
        assert_eq!(compiled.programs(), from_toml.programs());
        assert_eq!(compiled.receipt(), from_toml.receipt());
        assert_eq!(&embedded_receipt(), from_toml.receipt());
        // The newest document of data/sources.toml: 004, 日医発第390号 of 2026-05-25.
        assert_eq!(embedded_receipt().version, "2026-05-25");
        assert!(embedded::FILES.iter().all(|f| f.json.is_some()));
        // The build's list of facts is the catalogue's.
        let facts: Vec<&str> = compiled.facts().into_iter().map(|(id, _)| id).collect();
        assert_eq!(embedded::FACTS, facts.as_slice());
    }

    /// `calc --program ID` decodes that program and those it names, no more.
    #[test]
    fn a_part_of_the_embedded_catalogue_brings_what_it_names() {
        let whole = Catalogue::embedded().unwrap();
        let part = Catalogue::embedded_subset(&["fukuoka-e-prescription"])
            .unwrap()
            .unwrap();
        let ids: Vec<&str> = part.ids().collect();
        // 福岡県 tops up the national e-prescription grants (stacks-on, both
        // variants of the 導入 and the 機能拡充) and requires the 交付決定.
        assert_eq!(
            ids,
            [
                "e-prescription",
                "e-prescription-expansion",
                "fukuoka-e-prescription"
            ]
        );
        for id in ids {
            assert_eq!(part.program(id), whole.program(id));
        }
        assert_eq!(part.fact_ids(), whole.fact_ids());
        assert_eq!(part.receipt(), whole.receipt());
        assert!(Catalogue::embedded_subset(&["no-such-program"]).is_none());
    }

    #[test]
    fn unknown_keys_are_refused_with_the_file_name() {
        let text = include_str!("../../data/ehr-sharing.toml")
            .replace("[[tiers]]", "[[tiers]]\nbogus = 1");
        // The line after the first `[[tiers]]`.
        let line = text.lines().position(|l| l == "[[tiers]]").unwrap() + 2;
        let err = Catalogue::parse([("x.toml".to_string(), text)]).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("x.toml:{line}:1: ")),
            "{message}"
        );
        assert!(message.contains("unknown field `bogus`"), "{message}");
        // Every key a tier may have, none cut.
        assert!(
            message.ends_with("`per_unit`, `cap_note`, `cite`"),
            "{message}"
        );
    }

    #[test]
    fn figures_too_large_are_refused_at_their_line() {
        // 4,294,967,295 coupons would be computed one by one, for minutes.
        let text = include_str!("../../data/online-qual-smartphone.toml").replacen(
            "max = 3,",
            "max = 4294967295,",
            1,
        );
        let line = 1 + text[..text.find("max = 4294967295").unwrap()]
            .matches('\n')
            .count();
        let err = Catalogue::parse([("x.toml".to_string(), text)]).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with(&format!("x.toml:{line}:")), "{message}");
        assert!(
            message.contains(
                "per_unit.max 4294967295 is out of range: a tier pays for 1 to 1000 units"
            ),
            "{message}"
        );
    }

    #[test]
    fn a_program_id_used_twice_names_both_files() {
        let text = include_str!("../../data/ehr-sharing.toml").to_string();
        let err = Catalogue::parse([
            ("b.toml".to_string(), text.clone()),
            ("a.toml".to_string(), text),
        ])
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.toml: program id \"ehr-sharing\" appears twice (also in b.toml)"
        );
        assert_eq!(
            err.message(Lang::Ja),
            "a.toml: 制度の id \"ehr-sharing\" が2回あります（b.toml にも）"
        );
    }

    #[test]
    fn a_legal_form_is_written_as_a_name_or_a_company_with_its_capital() {
        #[derive(Deserialize)]
        struct Doc {
            entity: Entity,
        }
        let read = |text: &str| toml::from_str::<Doc>(text).map(|d| d.entity);
        assert_eq!(
            read("entity = \"medical-corporation\"").unwrap(),
            Entity::MedicalCorporation
        );
        assert_eq!(
            read("entity = \"company\"").unwrap(),
            Entity::Company { capital: None }
        );
        assert_eq!(
            read("entity = { company = { capital = 100_000_000 } }").unwrap(),
            Entity::Company {
                capital: Some(100_000_000)
            }
        );
        let wrong = read("entity = \"npo\"").unwrap_err().to_string();
        assert!(
            wrong.contains("unknown variant `npo`, expected one of `medical-corporation`"),
            "{wrong}"
        );
        let wrong = read("entity = { company = { capitol = 1 } }")
            .unwrap_err()
            .to_string();
        assert!(wrong.contains("unknown field `capitol`"), "{wrong}");
        let wrong = read("entity = { medical-corporation = {} }")
            .unwrap_err()
            .to_string();
        assert!(
            wrong.contains("unknown variant `medical-corporation`"),
            "{wrong}"
        );
    }

    #[test]
    fn the_size_test_meets_one_limit_or_knows_both_passed() {
        // 004 ④小売業: 「資本金の額又は出資の総額が5千万円以下の会社又は常時使用する
        // 従業員の数が50人以下の会社及び個人事業主」.
        let retail = SizeLimit {
            capital_max: Some(50_000_000),
            employees_max: Some(50),
        };
        assert_eq!(retail.admits(Some(100_000_000), Some(80)), Some(false));
        assert_eq!(retail.admits(Some(50_000_000), Some(80)), Some(true));
        assert_eq!(retail.admits(Some(100_000_000), Some(50)), Some(true));
        // One limit met is enough; one passed leaves it open while the other is unknown.
        assert_eq!(retail.admits(None, Some(50)), Some(true));
        assert_eq!(retail.admits(None, Some(51)), None);
        assert_eq!(retail.admits(Some(50_000_001), None), None);
        assert_eq!(retail.admits(None, None), None);
        // ⑨医療法人: 「常時使用する従業員の数が300人以下の者」; capital is no test.
        let medical = SizeLimit {
            capital_max: None,
            employees_max: Some(300),
        };
        assert_eq!(medical.admits(Some(1), Some(301)), Some(false));
        assert_eq!(medical.admits(None, Some(300)), Some(true));
    }

    #[test]
    fn a_size_table_that_breaks_a_rule_is_refused_in_either_language() {
        let text = include_str!("../../data/digital-ai-etrade.toml");
        let parse = |from: &str, to: &str| {
            assert!(text.contains(from), "{from}");
            let text = text.replacen(from, to, 1);
            Catalogue::parse([("e.toml".to_string(), text)]).unwrap_err()
        };
        // A facility class in two rows.
        let err = parse("facilities = [\"pharmacy\"]", "facilities = [\"hospital\"]");
        assert_eq!(
            err.message(Lang::En),
            "e.toml: program digital-ai-etrade: sme_limits row 2: facility hospital is also in an earlier row"
        );
        let err = parse(
            "facilities = [\"pharmacy\"]\ncompany",
            "facilities = [\"clinic\"]\ncompany",
        );
        assert_eq!(
            err.message(Lang::Ja),
            "e.toml: 制度 digital-ai-etrade: sme_limits の2番目の行の施設 clinic は前の行にもあります"
        );
        let err = parse(
            "sole-proprietor = { employees_max = 50 }",
            "sole-proprietor = { capital_max = 1, employees_max = 50 }",
        );
        assert_eq!(
            err.message(Lang::En),
            "e.toml: program digital-ai-etrade: sme_limits row 2: sole-proprietor has capital_max, but only a company is judged by capital"
        );
        let err = parse(
            "company = { capital_max = 50_000_000, employees_max = 50 }\nsole-proprietor = { employees_max = 50 }\n",
            "",
        );
        assert_eq!(
            err.message(Lang::En),
            "e.toml: program digital-ai-etrade: sme_limits row 2 gives no legal form (medical-corporation, sole-proprietor or company)"
        );
        // No row for the pharmacy at all: its 大企業等 rate could not be decided.
        let row = text
            .split("[[sme_limits]]")
            .nth(2)
            .and_then(|rest| rest.split("\n\n").next())
            .unwrap();
        let err = parse(&format!("[[sme_limits]]{row}"), "");
        assert_eq!(
            err.message(Lang::En),
            "e.toml: program digital-ai-etrade tier etrade: its size test (an entity-size condition or a large-company rate) has no sme_limits row for facility pharmacy"
        );
        assert_eq!(
            err.message(Lang::Ja),
            "e.toml: 制度 digital-ai-etrade の tier etrade: 規模の判定（entity-size の要件または large-company の補助率）に使う sme_limits に、施設 pharmacy の行がありません"
        );
    }

    #[test]
    fn a_program_that_breaks_a_rule_is_refused_in_either_language() {
        let text = include_str!("../../tests/broken/clean/sample.toml");
        let parse = |from: &str, to: &str| {
            assert!(text.contains(from), "{from}");
            let text = text.replacen(from, to, 1);
            Catalogue::parse([("s.toml".to_string(), text)]).unwrap_err()
        };
        let err = parse(
            "source = \"003\", at = \"No.1 病院\"",
            "source = \"9\", at = \"x\"",
        );
        assert_eq!(
            err.message(Lang::En),
            "s.toml: program sample: tier cites source \"9\", which is not among its [[sources]]"
        );
        assert_eq!(err.to_string(), err.message(Lang::En));
        assert_eq!(
            err.message(Lang::Ja),
            "s.toml: 制度 sample: tier が挙げる出典 \"9\" は [[sources]] にありません"
        );
        let err = parse("facilities = [\"hospital\"]", "facilities = []");
        assert_eq!(
            err.message(Lang::En),
            "s.toml: program sample tier hospital: lists no facilities"
        );
        assert_eq!(
            err.message(Lang::Ja),
            "s.toml: 制度 sample の tier hospital: 対象施設（facilities）がありません"
        );
    }
}
