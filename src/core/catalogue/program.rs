//! A program as its TOML file states it: who runs it, its dates, conditions,
//! relations, tax basis, notes and worked examples. Its tiers are in [`super::tier`].

use super::*;
use crate::core::diagnostics::Seg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most characters a [`Program::short_name`] has in Japanese and in
/// English before `check` warns: what a phone's calendar shows of a title.
pub const SHORT_NAME_CHARS: [usize; 2] = [24, 48];

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
    /// As the TOML names it (`completion-by`): a calendar event's `UID` says it.
    pub fn id(self) -> &'static str {
        match self {
            DateKind::Deadline => "deadline",
            DateKind::Opens => "opens",
            DateKind::CompletionBy => "completion-by",
            DateKind::CostsFrom => "costs-from",
            DateKind::CostsUntil => "costs-until",
            DateKind::ConditionCutoff => "condition-cutoff",
        }
    }

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
    /// A short name for tight places, a calendar event's title first
    /// (`電子カルテ情報共有サービス導入補助`): a label, not a figure, so it
    /// cites nothing, but stays faithful to the program's own name. At most
    /// [`SHORT_NAME_CHARS`] characters in each language (`check` warns past
    /// them), and no two programs share one (a calendar would show two
    /// events of one title on one day).
    pub short_name: Text,
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
    /// In an extension: the id of the lower layer's program this one takes
    /// the place of (with `replaces_reason`); loading refuses an id that
    /// clashes with a lower layer's otherwise.
    pub replaces: Option<String>,
    /// Why it replaces that program: `show` prints it. Given with
    /// `replaces`, and only then.
    pub replaces_reason: Option<Text>,
    /// The extension the program comes from (its `extension.toml` name);
    /// `None` for the built-in catalogue or `--data`. Set on loading, never
    /// read from the file: every renderer names it.
    #[serde(skip_deserializing)]
    pub extension: Option<String>,
    /// The file the program was read from: set on loading, for messages
    /// that name it (an id that clashes across layers).
    #[serde(skip)]
    pub file: String,
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
    /// The grant the rules must pay; left out where they pay no amount
    /// (a group of fewer members than the tier asks: 対象外, nothing computed).
    pub grant: Option<Yen>,
    /// `eligible`, `unknown` or `ineligible`.
    pub eligibility: String,
    /// The day the example is judged on (its window); else `check --as-of`.
    pub as_of: Option<NaiveDate>,
    /// The window the rules must give on `as_of` (`open`, `not-yet-open`,
    /// `opening-not-stated`, `closed`, `unknown`); needs `as_of`.
    pub window: Option<String>,
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

    /// Every citation in the program, with the place it is in (`tier`,
    /// `dates` …) and the path of its `cite`, for checking that each names
    /// a source and quotes it right.
    pub fn cites(&self) -> impl Iterator<Item = (&'static str, Vec<Seg<'static>>, &Cite)> {
        use Seg::{Index, Key};
        let at = |section: &'static str, i: usize| vec![Key(section), Index(i), Key("cite")];
        let tiers = self.tiers.iter().enumerate().flat_map(move |(i, t)| {
            let rule = [Key("tiers"), Index(i), Key("rule"), Key(t.rule.kind())];
            let in_rule = move |rest: &[Seg<'static>]| [&rule[..], rest].concat();
            let unit = (t.rule.unit())
                .map(|u| ("per_unit", in_rule(&[Key("unit"), Key("cite")]), &u.cite));
            let groups = t.rule.group_caps().iter().enumerate().map(move |(j, g)| {
                let path = in_rule(&[Key("group_caps"), Index(j), Key("cite")]);
                ("group_caps", path, &g.cite)
            });
            let conditions = t.conditions.iter().enumerate().map(move |(j, c)| {
                let path = vec![
                    Key("tiers"),
                    Index(i),
                    Key("conditions"),
                    Index(j),
                    Key("cite"),
                ];
                ("conditions", path, &c.cite)
            });
            std::iter::once(("tier", at("tiers", i), &t.cite))
                .chain(unit)
                .chain(groups)
                .chain(conditions)
        });
        std::iter::once(("apply", vec![Key("apply"), Key("cite")], &self.apply.cite))
            .chain(
                self.links
                    .iter()
                    .enumerate()
                    .map(move |(i, l)| ("links", at("links", i), &l.cite)),
            )
            .chain(std::iter::once((
                "contact",
                vec![Key("contact"), Key("cite")],
                &self.contact.cite,
            )))
            .chain(
                self.rounding
                    .cite
                    .iter()
                    .map(|c| ("rounding", vec![Key("rounding"), Key("cite")], c)),
            )
            .chain(
                self.dates
                    .iter()
                    .enumerate()
                    .map(move |(i, d)| ("dates", at("dates", i), &d.cite)),
            )
            .chain(
                (self.opens_not_stated.iter())
                    .map(|c| ("opens_not_stated", vec![Key("opens_not_stated")], c)),
            )
            .chain(
                self.variants
                    .iter()
                    .enumerate()
                    .map(move |(i, v)| ("variants", at("variants", i), &v.cite)),
            )
            .chain(tiers)
            .chain(
                self.not_covered
                    .iter()
                    .enumerate()
                    .map(move |(i, n)| ("not_covered", at("not_covered", i), &n.cite)),
            )
            .chain(
                self.conditions
                    .iter()
                    .enumerate()
                    .map(move |(i, c)| ("conditions", at("conditions", i), &c.cite)),
            )
            .chain(
                self.sme_limits
                    .iter()
                    .enumerate()
                    .map(move |(i, r)| ("sme_limits", at("sme_limits", i), &r.cite)),
            )
            .chain(
                self.relations
                    .iter()
                    .enumerate()
                    .map(move |(i, r)| ("relations", at("relations", i), &r.cite)),
            )
            .chain(
                self.tax
                    .cite
                    .iter()
                    .map(|c| ("tax", vec![Key("tax"), Key("cite")], c)),
            )
            .chain(
                self.notes.iter().enumerate().filter_map(move |(i, n)| {
                    n.cite.as_ref().map(|c| ("notes", at("notes", i), c))
                }),
            )
            .chain(
                self.examples
                    .iter()
                    .enumerate()
                    .map(move |(i, e)| ("examples", at("examples", i), &e.cite)),
            )
    }
}
