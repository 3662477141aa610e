//! Which tier of a program fits a facility, and what it pays: one
//! [`Estimate`] per (program, variant, tier) that could apply.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::Lang;
use crate::core::calc::{self, Computation, Context, Costs};
use crate::core::catalogue::{
    Condition, DecidedBy, Entity, FacilityClass, Program, RateFlag, Relation, RelationKind,
    Rounding, Text, Tier, Variant,
};
use crate::core::money::Yen;
use crate::core::window::{self, Window};
use crate::i18n::{self, Key};

/// A facility as the sources classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facility {
    class: FacilityClass,
    beds: u32,
}

/// A facility that cannot exist. Its sentences are in the message tables
/// ([`FacilityError::reason`]); `Display` is the English one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.reason(Lang::En))]
pub enum FacilityError {
    HospitalTooFewBeds,
    ClinicTooManyBeds,
    PharmacyWithBeds,
    TooManyBeds,
}

impl FacilityError {
    /// Why, in `lang`.
    pub fn reason(&self, lang: Lang) -> String {
        let key = match self {
            FacilityError::HospitalTooFewBeds => Key::BedsHospitalTooFew,
            FacilityError::ClinicTooManyBeds => Key::BedsClinicTooMany,
            FacilityError::PharmacyWithBeds => Key::BedsPharmacyHasNone,
            FacilityError::TooManyBeds => Key::BedsTooMany,
        };
        i18n::text(lang, key, &[("max", &MAX_BEDS)])
    }
}

/// The most beds accepted. Our own input bound, not a rule of any source:
/// per-bed caps times beds stay far below any overflow, and the largest
/// hospitals have a few thousand beds.
pub const MAX_BEDS: u32 = 9_999;

impl Facility {
    /// A hospital has 20 beds or more (医療法), a clinic 0–19, a pharmacy none.
    pub fn new(class: FacilityClass, beds: u32) -> Result<Facility, FacilityError> {
        match class {
            _ if beds > MAX_BEDS => Err(FacilityError::TooManyBeds),
            FacilityClass::Hospital if beds < 20 => Err(FacilityError::HospitalTooFewBeds),
            FacilityClass::Clinic if beds > 19 => Err(FacilityError::ClinicTooManyBeds),
            FacilityClass::Pharmacy if beds > 0 => Err(FacilityError::PharmacyWithBeds),
            _ => Ok(Facility { class, beds }),
        }
    }

    pub fn class(self) -> FacilityClass {
        self.class
    }

    pub fn beds(self) -> u32 {
        self.beds
    }
}

/// What the user told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub facility: Facility,
    /// 健診部門システム導入済 (the 電子カルテ 健診 split); `None` = not said.
    pub kenshin: Option<bool>,
    /// `--cost`.
    pub cost: Option<Yen>,
    /// `--item KEY=YEN`, in the order given.
    pub items: Vec<(String, Yen)>,
    /// `--fact ID=yes|no`.
    pub facts: BTreeMap<String, bool>,
    /// `--prefecture`, as its full name (福岡県).
    pub prefecture: Option<String>,
    /// `--coupons`: units of a per-unit tier; `None` = 1.
    pub coupons: Option<u32>,
    /// `--coupon-cost` (repeated): each unit's own cost, for a per-unit tier
    /// (003 No.8: one set per coupon code, each at its own price).
    pub coupon_costs: Vec<Yen>,
    /// Whether to write notes for people (a batch has no column for them).
    pub notes: bool,
    /// `--small-business`, `--min-wage-nearby`, `--large-company`.
    pub flags: BTreeSet<RateFlag>,
    /// `--processes` (業務プロセス数).
    pub processes: Option<u32>,
    /// `--functions` (会計・受発注・決済の機能数).
    pub functions: Option<u32>,
    /// `--members` (複数者連携の構成員数).
    pub members: Option<u32>,
    /// `--entity`, with a company's `--capital`.
    pub entity: Option<Entity>,
    /// `--employees` (常時使用する従業員数).
    pub employees: Option<u32>,
    pub as_of: NaiveDate,
}

impl Query {
    /// A query about a facility alone: no amounts, facts or prefecture yet.
    pub fn new(facility: Facility, as_of: NaiveDate) -> Query {
        Query {
            facility,
            kenshin: None,
            cost: None,
            items: Vec::new(),
            facts: BTreeMap::new(),
            prefecture: None,
            coupons: None,
            coupon_costs: Vec::new(),
            notes: true,
            flags: BTreeSet::new(),
            processes: None,
            functions: None,
            members: None,
            entity: None,
            employees: None,
            as_of,
        }
    }

    /// What besides the cost decides `program`'s amounts: 大企業等
    /// (`large-company`) is what the program's size test says, not a flag
    /// taken as given ([`is_sme`]).
    pub fn context(&self, program: &Program) -> Context {
        let mut flags = self.flags.clone();
        flags.remove(&RateFlag::LargeCompany);
        if is_sme(program, self) == Some(false) {
            flags.insert(RateFlag::LargeCompany);
        }
        Context {
            beds: self.facility.beds,
            members: self.members.unwrap_or(0),
            flags,
        }
    }
}

/// Whether the applicant is a 中小企業・小規模事業者等 by `program`'s size
/// table (`[[sme_limits]]`, 004 (参考)) for its facility class and legal
/// form: `Some(true)` an SME, `Some(false)` a large company (大企業等),
/// `None` while the inputs that decide it are not all given, or the table
/// has no limits for this legal form here. Where the inputs decide nothing,
/// `--large-company` states 大企業等 (the request refuses it together with
/// `--capital` or `--employees`).
pub fn is_sme(program: &Program, query: &Query) -> Option<bool> {
    let by_size = query
        .entity
        .and_then(|entity| {
            program
                .sme_limit(query.facility.class, entity)
                .map(|limit| (entity, limit))
        })
        .and_then(|(entity, limit)| limit.admits(entity.capital(), query.employees));
    by_size.or_else(|| {
        query
            .flags
            .contains(&RateFlag::LargeCompany)
            .then_some(false)
    })
}

/// The flags that settle the size test for a facility of `class`, from the
/// legal forms and limits the program's table has for it:
/// `--entity company|sole-proprietor --capital YEN --employees N`.
pub fn size_flags(program: &Program, class: FacilityClass) -> String {
    let (forms, capital, employees) = size_inputs(program, class);
    let mut how = format!("--entity {forms}");
    if capital {
        how.push_str(" --capital YEN");
    }
    if employees {
        how.push_str(" --employees N");
    }
    how
}

/// The batch columns that settle the size test: `entity capital employees`.
fn size_columns(program: &Program, class: FacilityClass) -> String {
    let (_, capital, employees) = size_inputs(program, class);
    let mut columns = String::from("entity");
    if capital {
        columns.push_str(" capital");
    }
    if employees {
        columns.push_str(" employees");
    }
    columns
}

/// The legal forms of the table's row for `class` (`a|b`), and whether any
/// of them is judged by capital, and by employees.
fn size_inputs(program: &Program, class: FacilityClass) -> (String, bool, bool) {
    let Some(row) = program.sme_row(class) else {
        let forms: Vec<&str> = Entity::ALL.iter().map(|e| e.id()).collect();
        return (forms.join("|"), false, true);
    };
    let forms: Vec<&str> = row.limits().map(|(e, _)| e.id()).collect();
    (
        forms.join("|"),
        row.limits().any(|(_, l)| l.capital_max.is_some()),
        row.limits().any(|(_, l)| l.employees_max.is_some()),
    )
}

/// Whether a tier's rate changes for a 大企業等 (a `large-company` rate).
pub fn rate_by_size(tier: &Tier) -> bool {
    tier.rate_when
        .iter()
        .chain(tier.bands.iter().flat_map(|b| &b.rate_when))
        .chain(tier.items.iter().flat_map(|i| &i.rate_when))
        .any(|w| w.flag == RateFlag::LargeCompany)
}

/// How one condition came out for this query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionOutcome<'c> {
    pub condition: &'c Condition,
    /// `None` until the user states it.
    pub holds: Option<bool>,
}

/// Decides each of the program's conditions, and the tier's, from the query.
pub fn decide_conditions<'c>(
    program: &'c Program,
    tier: Option<&'c Tier>,
    query: &Query,
) -> Vec<ConditionOutcome<'c>> {
    program
        .conditions
        .iter()
        .chain(tier.into_iter().flat_map(|t| &t.conditions))
        .map(|condition| {
            let holds = match condition.decided_by {
                DecidedBy::Fact => condition
                    .fact
                    .as_ref()
                    .and_then(|f| query.facts.get(f).copied()),
                DecidedBy::Prefecture => query
                    .prefecture
                    .as_ref()
                    .map(|p| (Some(p) == condition.prefecture.as_ref()) != condition.outside),
                DecidedBy::EntitySize => is_sme(program, query),
            };
            ConditionOutcome { condition, holds }
        })
        .collect()
}

/// 判定: eligible, ineligible, or unknown until facts are confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Eligibility {
    Eligible,
    Unknown,
    Ineligible,
}

impl Eligibility {
    /// 対象, 要確認, 対象外: as a label.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                Eligibility::Eligible => Key::Eligible,
                Eligibility::Unknown => Key::ToConfirm,
                Eligibility::Ineligible => Key::Ineligible,
            },
        )
    }

    pub fn id(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::Unknown => "unknown",
            Eligibility::Ineligible => "ineligible",
        }
    }
}

/// A reason, a fact to confirm, or a caveat on the amount, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'c> {
    pub code: &'static str,
    ja: Cow<'c, str>,
    en: Cow<'c, str>,
    /// A condition found not met: the message says so before its text.
    not_met: bool,
    /// The condition to state, where the finding asks for one: its flags follow the text.
    asks: Option<&'c Condition>,
    /// The inputs (batch columns) that would settle it: `kenshin`, `item:mobile item:rececon`.
    input: Cow<'c, str>,
    /// Settled by the size test of this program for this kind of facility:
    /// its flags and columns are worded when asked for ([`size_flags`]), not
    /// for every row of a batch.
    sized: Option<(&'c Program, FacilityClass)>,
}

impl<'c> Finding<'c> {
    /// A message formatted for this result.
    fn new(code: &'static str, ja: String, en: String) -> Finding<'c> {
        Finding::words(code, Cow::Owned(ja), Cow::Owned(en))
    }

    /// A sentence of the message tables, without values (borrowed: a batch
    /// makes these for every row).
    fn said(code: &'static str, key: Key) -> Finding<'c> {
        Finding::words(
            code,
            Cow::Borrowed(i18n::template(Lang::Ja, key)),
            Cow::Borrowed(i18n::template(Lang::En, key)),
        )
    }

    /// A sentence of the message tables with values the same in both languages.
    fn said_with(
        code: &'static str,
        key: Key,
        values: &[(&str, &dyn std::fmt::Display)],
    ) -> Finding<'c> {
        Finding::new(
            code,
            i18n::text(Lang::Ja, key, values),
            i18n::text(Lang::En, key, values),
        )
    }

    /// Text from the catalogue, borrowed.
    fn of(code: &'static str, text: &'c Text) -> Finding<'c> {
        Finding::words(code, Cow::Borrowed(&text.ja), Cow::Borrowed(&text.en))
    }

    fn words(code: &'static str, ja: Cow<'c, str>, en: Cow<'c, str>) -> Finding<'c> {
        Finding {
            code,
            ja,
            en,
            not_met: false,
            asks: None,
            input: Cow::Borrowed(""),
            sized: None,
        }
    }

    /// The same finding, settled by these inputs.
    fn settled_by(self, input: impl Into<Cow<'c, str>>) -> Finding<'c> {
        Finding {
            input: input.into(),
            ..self
        }
    }

    /// Whether the finding asks a fact or a prefecture condition, whose
    /// input a batch takes from the condition itself.
    pub fn asks_condition(&self) -> bool {
        self.asks.is_some()
    }

    /// The inputs (batch column names) that would settle this finding, if any:
    /// `fact:online-qual-in-place`, `prefecture`, `kenshin`, `item:mobile item:rececon`.
    pub fn input(&self) -> Cow<'_, str> {
        if let Some((program, class)) = self.sized {
            return Cow::Owned(size_columns(program, class));
        }
        match self.asks.map(|c| (c.decided_by, c)) {
            Some((DecidedBy::Fact, c)) => {
                Cow::Owned(format!("fact:{}", c.fact.as_deref().unwrap_or("")))
            }
            Some((DecidedBy::Prefecture, _)) => Cow::Borrowed("prefecture"),
            Some((DecidedBy::EntitySize, _)) => Cow::Borrowed("entity capital employees"),
            None => Cow::Borrowed(self.input.as_ref()),
        }
    }

    /// The fact this finding asks (`online-qual-in-place`), if it asks one.
    pub fn fact(&self) -> Option<&'c str> {
        self.asks
            .filter(|c| c.decided_by == DecidedBy::Fact)
            .and_then(|c| c.fact.as_deref())
    }

    /// The message in one language, with the flags that state the condition it asks.
    pub fn message(&self, lang: Lang) -> Cow<'_, str> {
        let text = self.text(lang);
        let how = match (self.sized, self.asks) {
            // The flags depend on the facility: a pharmacy company is judged by capital too.
            (Some((program, class)), _) => size_flags(program, class),
            (None, Some(condition)) => how_to_state(condition),
            (None, None) => return text,
        };
        Cow::Owned(i18n::text(
            lang,
            Key::StateItWith,
            &[("text", &text), ("how", &how)],
        ))
    }

    /// The message in one language, without the flags (a form asks the
    /// condition itself).
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        let text = match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        };
        if self.not_met {
            Cow::Owned(i18n::text(lang, Key::ConditionNotMet, &[("text", text)]))
        } else {
            Cow::Borrowed(text.as_ref())
        }
    }
}

/// One result row.
#[derive(Debug, Clone)]
pub struct Estimate<'c> {
    pub program: &'c Program,
    pub variant: Option<&'c Variant>,
    /// The tier that applies; `None` where none does.
    pub tier: Option<&'c Tier>,
    pub eligibility: Eligibility,
    /// Why it is ineligible or unknown.
    pub reasons: Vec<Finding<'c>>,
    /// Facts to confirm (要確認).
    pub to_confirm: Vec<Finding<'c>>,
    /// Caveats on the amount and relations to other programs.
    pub notes: Vec<Finding<'c>>,
    /// Every condition of the program and how it was decided.
    pub conditions: Vec<ConditionOutcome<'c>>,
    /// `None` where the amount inputs are missing or no tier applies.
    pub computation: Option<Computation>,
    pub window: Window,
}

/// Why a result cannot be applied for on the as-of date, and so is left
/// out of the default view (`calc` without `--all`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOut {
    /// 他県: a prefecture condition the facility's prefecture fails.
    OtherPrefecture,
    /// 対象外: the facility is known to be ineligible (not covered, no tier
    /// for its beds, a condition stated as not met, below the minimum grant).
    Ineligible,
    /// 区分なし: the sources give no tier for this kind of facility.
    NoTier,
    /// 締切済: the last deadline has passed.
    Closed,
    /// 期間の記載なし: the sources give no application period, so whether it
    /// can be applied for on the as-of date is not known
    /// (national-work-environment: each prefecture sets its own).
    PeriodUnknown,
}

impl LeftOut {
    /// 他県, 対象外, 区分なし, 締切済, 期間の記載なし: why a result cannot be
    /// applied for (or is not known to be), as a label.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                LeftOut::OtherPrefecture => Key::OtherPrefecture,
                LeftOut::Ineligible => Key::Ineligible,
                LeftOut::NoTier => Key::NoTier,
                LeftOut::Closed => Key::Closed,
                LeftOut::PeriodUnknown => Key::PeriodUnknown,
            },
        )
    }

    /// The id used in JSON: `other-prefecture`, `ineligible`, `no-tier`,
    /// `closed`, `period-unknown`.
    pub fn id(self) -> &'static str {
        match self {
            LeftOut::OtherPrefecture => "other-prefecture",
            LeftOut::Ineligible => "ineligible",
            LeftOut::NoTier => "no-tier",
            LeftOut::Closed => "closed",
            LeftOut::PeriodUnknown => "period-unknown",
        }
    }
}

/// The reason code of a result whose facility the sources neither include
/// nor exclude: a tier for its kind, none for its beds.
const AMOUNT_NOT_STATED: &str = "amount-not-stated-for-beds";

impl Estimate<'_> {
    /// The sources give tiers for this kind of facility but none for its
    /// beds, and do not exclude it: 要確認, the amount 記載なし.
    pub fn amount_not_stated(&self) -> bool {
        self.tier.is_none() && self.reasons.iter().any(|r| r.code == AMOUNT_NOT_STATED)
    }

    /// `None` where the result can be applied for on the as-of date: its
    /// window is open, not yet open or opening on a date not stated (a
    /// deadline is known), the facility has a tier,
    /// and it is not known to be ineligible. Otherwise the first reason, in
    /// the order of [`LeftOut`]: a rule about the facility outlasts a date.
    pub fn left_out(&self) -> Option<LeftOut> {
        let failed_prefecture = self
            .conditions
            .iter()
            .any(|o| o.condition.decided_by == DecidedBy::Prefecture && o.holds == Some(false));
        if failed_prefecture {
            Some(LeftOut::OtherPrefecture)
        } else if self.eligibility == Eligibility::Ineligible {
            Some(LeftOut::Ineligible)
        } else if self.tier.is_none() && !self.amount_not_stated() {
            Some(LeftOut::NoTier)
        } else if matches!(self.window, Window::Closed { .. }) {
            Some(LeftOut::Closed)
        } else if self.window == Window::Unknown {
            Some(LeftOut::PeriodUnknown)
        } else {
            None
        }
    }
}

/// What a summary names among the results that can be applied for.
#[derive(Debug, Clone, Copy)]
pub enum Headline<'a, 'c> {
    /// The largest grant, and its result.
    Largest(Yen, &'a Estimate<'c>),
    /// No grant is known: the result with the nearest deadline.
    Nearest(&'a Estimate<'c>),
}

/// The headline of `open` (each result with the grant to compare it by):
/// the largest grant, ties to the earlier deadline; a grant that needs a
/// prefecture not yet stated (福岡県 only) only when nothing else pays, as
/// it may not be the facility's at all. `None` for no results. `calc`,
/// `plan` and the batch summary all name this one.
pub fn headline<'a, 'c>(open: &[(Option<Yen>, &'a Estimate<'c>)]) -> Option<Headline<'a, 'c>> {
    let open_prefecture = |e: &Estimate<'_>| {
        e.conditions
            .iter()
            .any(|o| o.condition.decided_by == DecidedBy::Prefecture && o.holds.is_none())
    };
    let largest_of = |anywhere: bool| {
        open.iter()
            .filter(|(_, e)| anywhere || !open_prefecture(e))
            .filter_map(|(grant, e)| grant.map(|g| (g, *e)))
            .max_by(|(a, x), (b, y)| a.cmp(b).then(y.window.deadline().cmp(&x.window.deadline())))
    };
    if let Some((grant, e)) = largest_of(false).or_else(|| largest_of(true)) {
        return Some(Headline::Largest(grant, e));
    }
    open.iter()
        .map(|(_, e)| *e)
        .min_by_key(|e| (e.window.deadline().is_none(), e.window.deadline()))
        .map(Headline::Nearest)
}

/// Every estimate for one program: one per variant (only `variant` where
/// given), and one per tier where a fact that picks the tier is unknown.
pub fn estimate_program<'c>(
    program: &'c Program,
    variant: Option<&str>,
    query: &Query,
) -> Vec<Estimate<'c>> {
    let mut estimates = Vec::new();
    estimate_program_into(program, variant, query, &mut estimates);
    estimates
}

/// [`estimate_program`], appending to `out`, so that a batch reuses one
/// vector for every row.
pub fn estimate_program_into<'c>(
    program: &'c Program,
    variant: Option<&str>,
    query: &Query,
    out: &mut Vec<Estimate<'c>>,
) {
    let window = window::window(program, query.as_of);
    if program.variants.is_empty() {
        return estimate_variant(program, None, query, window, out);
    }
    for each in &program.variants {
        if variant.is_none_or(|id| each.id == id) {
            estimate_variant(program, Some(each), query, window, out);
        }
    }
}

fn estimate_variant<'c>(
    program: &'c Program,
    variant: Option<&'c Variant>,
    query: &Query,
    window: Window,
    out: &mut Vec<Estimate<'c>>,
) {
    let facility = query.facility;
    let blank = |eligibility, reasons| Estimate {
        program,
        variant,
        tier: None,
        eligibility,
        reasons,
        to_confirm: Vec::new(),
        notes: Vec::new(),
        conditions: decide_conditions(program, None, query),
        computation: None,
        window,
    };
    let tiers = || {
        program
            .tiers
            .iter()
            .filter(move |t| t.variant.as_deref() == variant.map(|v| v.id.as_str()))
            .filter(move |t| t.facilities.contains(&facility.class))
    };
    if tiers().next().is_none() {
        let (ja_class, en_class) = (
            facility.class.name(crate::Lang::Ja),
            facility.class.name(crate::Lang::En),
        );
        out.push(
            match program
                .not_covered
                .iter()
                .find(|n| n.facility == facility.class)
            {
                Some(not_covered) => blank(
                    Eligibility::Ineligible,
                    vec![Finding::of("facility-not-covered", &not_covered.reason)],
                ),
                None => blank(
                    Eligibility::Unknown,
                    vec![Finding::new(
                        "no-tier-for-facility",
                        i18n::text(Lang::Ja, Key::NoTierForFacility, &[("class", &ja_class)]),
                        i18n::text(Lang::En, Key::NoTierForFacility, &[("class", &en_class)]),
                    )],
                ),
            },
        );
        return;
    }
    let fitting = || {
        tiers()
            .filter(move |t| t.fits(facility.class, facility.beds))
            .filter(|t| match (t.kenshin, query.kenshin) {
                (Some(tier), Some(said)) => tier == said,
                _ => true,
            })
            .filter(|t| within(query.processes, t.processes_min, t.processes_max))
            .filter(|t| within(query.functions, t.functions_min, t.functions_max))
    };
    if !tiers().any(|t| t.fits(facility.class, facility.beds)) {
        // Tiers for the class, none for these beds: the sources neither
        // include nor exclude the facility (national-work-environment: 002
        // gives 病院 and 無床診療所 「など」, nothing for 有床診療所), so it is
        // 要確認 with no amount, never 対象外 (issue 21, item 3).
        out.push(blank(
            Eligibility::Unknown,
            vec![Finding::said_with(
                AMOUNT_NOT_STATED,
                Key::AmountNotStatedForBeds,
                &[("beds", &facility.beds)],
            )],
        ));
        return;
    }
    if fitting().next().is_none() {
        out.push(blank(
            Eligibility::Ineligible,
            vec![Finding::said_with(
                "no-tier-for-beds",
                Key::NoTierForBeds,
                &[("beds", &facility.beds)],
            )],
        ));
        return;
    }
    out.extend(fitting().map(|tier| estimate_tier(program, variant, tier, query, window)));
}

fn estimate_tier<'c>(
    program: &'c Program,
    variant: Option<&'c Variant>,
    tier: &'c Tier,
    query: &Query,
    window: Window,
) -> Estimate<'c> {
    let mut estimate = Estimate {
        program,
        variant,
        tier: Some(tier),
        eligibility: Eligibility::Eligible,
        reasons: Vec::new(),
        to_confirm: Vec::new(),
        notes: Vec::new(),
        conditions: decide_conditions(program, Some(tier), query),
        computation: None,
        window,
    };
    apply_conditions(&mut estimate, query);
    // 電子取引類型: the rate is 2/3 for an SME, 1/2 for a 大企業等. Until the
    // size is known the rate is the tier's own (an SME's), said as to confirm.
    let size_asked = estimate
        .conditions
        .iter()
        .any(|o| o.condition.decided_by == DecidedBy::EntitySize && o.holds.is_none());
    if rate_by_size(tier) && is_sme(program, query).is_none() && !size_asked {
        estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
        let class = query.facility.class;
        let large = crate::core::catalogue::rate_for(
            tier.rate,
            &tier.rate_when,
            &BTreeSet::from([RateFlag::LargeCompany]),
        );
        estimate.to_confirm.push(Finding {
            sized: Some((program, class)),
            ..Finding::said_with(
                "size",
                Key::AskSizeForRate,
                &[("large", &large), ("base", &tier.rate)],
            )
        });
    }
    for (said, min, max, flag, key) in [
        (
            query.processes,
            tier.processes_min,
            tier.processes_max,
            "processes",
            Key::AskProcesses,
        ),
        (
            query.functions,
            tier.functions_min,
            tier.functions_max,
            "functions",
            Key::AskFunctions,
        ),
    ] {
        if said.is_none() && (min.is_some() || max.is_some()) {
            estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
            estimate
                .to_confirm
                .push(Finding::said("count", key).settled_by(flag));
        }
    }
    if tier.kenshin.is_some() && query.kenshin.is_none() {
        // Unknown, unless a condition already rules it out.
        estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
        estimate
            .to_confirm
            .push(Finding::said("kenshin", Key::AskKenshin).settled_by("kenshin"));
    }
    let members_missing = tier.members_min.is_some() && query.members.is_none();
    if members_missing {
        estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
        estimate
            .to_confirm
            .push(Finding::said("count", Key::AskMembers).settled_by("members"));
    }
    // 複数者連携: fewer members than the tier asks is a result (対象外), not
    // a usage error (004: 「10者以上」であること等を要件とする).
    if let (Some(least), Some(members)) = (tier.members_min, query.members)
        && members < least
    {
        estimate.eligibility = Eligibility::Ineligible;
        estimate.reasons.push(Finding::said_with(
            "too-few-members",
            Key::TooFewMembers,
            &[("members", &members), ("least", &least)],
        ));
        return estimate;
    }
    // Coupons at their own prices stand for the cost of a per-unit tier.
    let costs = match (&tier.per_unit, query.coupon_costs.as_slice()) {
        (Some(_), [_, ..]) => Ok(Costs::total(query.coupon_costs.iter().sum())),
        _ => costs_for(tier, query),
    };
    match costs {
        Ok(_) if members_missing => estimate
            .reasons
            .push(Finding::said("needs-members", Key::NeedsMembers).settled_by("members")),
        Ok(costs) => {
            let ctx = query.context(program);
            let computation = match &tier.per_unit {
                Some(_) if !query.coupon_costs.is_empty() => {
                    calc::compute_each_unit(tier, &ctx, program.rounding.rule, &query.coupon_costs)
                }
                Some(_) => calc::compute_units(
                    tier,
                    &ctx,
                    program.rounding.rule,
                    costs.main,
                    query.coupons.unwrap_or(1),
                ),
                None => calc::compute(tier, &ctx, program.rounding.rule, &costs),
            };
            if query.notes {
                estimate
                    .notes
                    .extend(amount_notes(program, tier, &ctx, &computation));
            }
            if computation.below_minimum() {
                let min = computation.grant_min.unwrap_or(0);
                estimate.eligibility = Eligibility::Ineligible;
                estimate.reasons.push(Finding::said_with(
                    "grant-below-minimum",
                    Key::GrantBelowMinimum,
                    &[
                        (
                            "grant",
                            &crate::core::money::group_thousands(u128::from(computation.grant)),
                        ),
                        ("min", &crate::core::money::group_thousands(u128::from(min))),
                    ],
                ));
            }
            estimate.computation = Some(computation);
            for item in missing_items(tier, query) {
                let name = |lang| {
                    program
                        .item(&item.key)
                        .map_or(item.key.as_str(), |d| d.name.get(lang))
                };
                let said = |lang| {
                    i18n::text(
                        lang,
                        Key::MissingItemIsZero,
                        &[("item", &name(lang)), ("key", &item.key)],
                    )
                };
                estimate.to_confirm.push(
                    Finding::new("missing-item-zero", said(Lang::Ja), said(Lang::En))
                        .settled_by(format!("item:{}", item.key)),
                );
            }
        }
        Err(finding) => estimate.reasons.push(finding),
    }
    if query.notes {
        estimate.notes.extend(notes(program, variant, tier));
    }
    estimate
}

/// Caveats on the amount and relations to other programs, for people to read.
fn notes<'c>(
    program: &'c Program,
    variant: Option<&'c Variant>,
    tier: &'c Tier,
) -> Vec<Finding<'c>> {
    let mut notes = Vec::new();
    if let Some(assumed) = &tier.rate_assumed {
        notes.push(Finding::of("rate-assumed", assumed));
    }
    if let Some(unit) = &tier.per_unit {
        let per_unit = |lang, name: &str| {
            i18n::text(
                lang,
                Key::PerUnitNote,
                &[("unit", &name), ("max", &unit.max)],
            )
        };
        notes.push(Finding::new(
            "per-unit",
            per_unit(Lang::Ja, &unit.name.ja),
            per_unit(Lang::En, &unit.name.en),
        ));
    }
    let own_variant = variant.map(|v| v.id.as_str());
    let concerns_this_variant = |r: &&Relation| {
        r.variant_pairs.is_empty()
            || r.variant_pairs
                .iter()
                .any(|[own, _]| Some(own.as_str()) == own_variant)
    };
    notes.extend(
        program
            .relations
            .iter()
            .filter(concerns_this_variant)
            .map(relation_note),
    );
    if tier
        .rate_when
        .iter()
        .chain(tier.bands.iter().flat_map(|b| &b.rate_when))
        .chain(tier.items.iter().flat_map(|i| &i.rate_when))
        .any(|w| w.flag == RateFlag::SmallBusiness)
    {
        notes.push(Finding::said(
            "small-business-from-flag",
            Key::SmallBusinessFromFlag,
        ));
    }
    if program.rounding.rule == Rounding::NoneStated {
        notes.push(Finding::said("rounding-not-stated", Key::RoundingNotStated));
    }
    notes
}

/// Any condition false → ineligible, naming it; any unknown → unknown,
/// listing the facts to confirm; otherwise the tier's own verdict stands.
fn apply_conditions(estimate: &mut Estimate<'_>, query: &Query) {
    for i in 0..estimate.conditions.len() {
        let ConditionOutcome { condition, holds } = estimate.conditions[i];
        match holds {
            Some(true) => {}
            Some(false) => {
                estimate.eligibility = Eligibility::Ineligible;
                estimate.reasons.push(Finding {
                    not_met: true,
                    ..Finding::of("condition-not-met", &condition.text)
                });
            }
            None => {
                if estimate.eligibility == Eligibility::Eligible {
                    estimate.eligibility = Eligibility::Unknown;
                }
                let finding = match condition.decided_by {
                    // The flags to give depend on the facility: a pharmacy
                    // company is judged by capital too.
                    DecidedBy::EntitySize => Finding {
                        sized: Some((estimate.program, query.facility.class)),
                        ..Finding::of("condition", &condition.text)
                    },
                    _ => Finding {
                        asks: Some(condition),
                        ..Finding::of("condition", &condition.text)
                    },
                };
                estimate.to_confirm.push(finding);
            }
        }
    }
}

/// The flags that state a condition: `--fact ID=yes|no`, `--prefecture 福岡県`, …
pub fn how_to_state(condition: &Condition) -> String {
    match condition.decided_by {
        DecidedBy::Fact => format!("--fact {}=yes|no", condition.fact.as_deref().unwrap_or("?")),
        // Being outside a prefecture: any other one states it.
        DecidedBy::Prefecture if condition.outside => "--prefecture PREFECTURE".to_string(),
        DecidedBy::Prefecture => format!(
            "--prefecture {}",
            condition.prefecture.as_deref().unwrap_or("?")
        ),
        // Without the facility, every legal form (a result names the ones
        // its facility's row has: [`size_flags`]).
        DecidedBy::EntitySize => {
            "--entity medical-corporation|sole-proprietor|company --capital YEN --employees N"
                .to_string()
        }
    }
}

fn relation_note(relation: &Relation) -> Finding<'_> {
    let code = match relation.kind {
        RelationKind::StacksOn => "stacks-on",
        RelationKind::Excludes => "excludes",
        RelationKind::VariantsExclusive => "variants-exclusive",
        RelationKind::SingleClaim => "single-claim",
        RelationKind::OneApplication => "one-application",
    };
    Finding::of(code, &relation.text)
}

/// A top-up grant on the same cost, shown with the grant it tops up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stack {
    /// Indexes into the estimates: the grant topped up, and the top-up.
    pub base: usize,
    pub top: usize,
    pub cost: Yen,
    /// Both grants together, never more than the cost.
    pub combined: Yen,
    pub self_burden: Yen,
}

/// Pairs of estimates where one program tops up another on the same cost
/// (a `stacks-on` relation with matching variants). Only such pairs are
/// ever summed: programs that exclude each other never are.
pub fn stacks(estimates: &[Estimate<'_>]) -> Vec<Stack> {
    let mut found = Vec::new();
    for (top, e) in estimates.iter().enumerate() {
        let Some(top_amount) = e.computation.as_ref() else {
            continue;
        };
        let own_variant = e.variant.map(|v| v.id.as_str());
        for relation in e
            .program
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::StacksOn)
        {
            let Some(base_id) = relation.program.as_deref() else {
                continue;
            };
            let base_variant = relation
                .variant_pairs
                .iter()
                .find(|[own, _]| Some(own.as_str()) == own_variant)
                .map(|[_, theirs]| theirs.as_str());
            if !relation.variant_pairs.is_empty() && base_variant.is_none() {
                continue;
            }
            let base = estimates.iter().position(|b| {
                b.program.id == base_id && b.variant.map(|v| v.id.as_str()) == base_variant
            });
            if let Some(base) = base
                && let Some(base_amount) = estimates[base].computation.as_ref()
            {
                let cost = base_amount.cost.max(top_amount.cost);
                let combined = (base_amount.grant + top_amount.grant).min(cost);
                found.push(Stack {
                    base,
                    top,
                    cost,
                    combined,
                    self_burden: cost - combined,
                });
            }
        }
    }
    found
}

/// Resolves `--cost` / `--item` into the amounts this tier needs.
fn costs_for<'c>(tier: &Tier, query: &Query) -> Result<Costs, Finding<'c>> {
    let summed: Vec<&str> = tier
        .items
        .iter()
        .filter(|i| !i.is_separate())
        .map(|i| i.key.as_str())
        .collect();
    let no_cost = |input: &'static str| {
        match input {
            "cost" => Finding::said("no-cost", Key::NoCost),
            _ => Finding::said("no-cost", Key::NoItemCost),
        }
        .settled_by(input)
    };
    let given = |keys: &[&str]| -> Vec<(String, Yen)> {
        query
            .items
            .iter()
            .filter(|(key, _)| keys.contains(&key.as_str()))
            .cloned()
            .collect()
    };
    if summed.is_empty() {
        // The main cost, plus any separate parts the tier has.
        let separate: Vec<&str> = tier.items.iter().map(|i| i.key.as_str()).collect();
        let items = given(&separate);
        return match query.cost {
            Some(main) => Ok(Costs { main, items }),
            None if !items.is_empty() => Ok(Costs { main: 0, items }),
            None => Err(no_cost("cost")),
        };
    }
    let items = given(&summed);
    if items.len() == summed.len() {
        return Ok(Costs::by_item(items));
    }
    if query.cost.is_none() && query.items.is_empty() {
        return Err(no_cost("item"));
    }
    let sole_or_default = match &summed[..] {
        [only] => Some(*only),
        _ => tier.default_item.as_deref(),
    };
    match (query.cost, sole_or_default, items.is_empty()) {
        (Some(cost), Some(key), true) => Ok(Costs::by_item(vec![(key.to_string(), cost)])),
        // Some items only (only a mobile terminal, only the レセコン改修): a
        // claim the sources allow; each missing item counts as 0, and
        // [`missing_items`] says so on the result.
        (None, _, false) => {
            let mut all = items;
            for key in &summed {
                if !all.iter().any(|(k, _)| k == key) {
                    all.push(((*key).to_string(), 0));
                }
            }
            Ok(Costs::by_item(all))
        }
        _ => {
            let keys = summed
                .iter()
                .map(|k| format!("--item {k}=YEN"))
                .collect::<Vec<_>>()
                .join(" ");
            let columns = summed
                .iter()
                .map(|k| format!("item:{k}"))
                .collect::<Vec<_>>()
                .join(" ");
            Err(
                Finding::said_with("needs-items", Key::NeedsItems, &[("keys", &keys)])
                    .settled_by(columns),
            )
        }
    }
}

/// The tier's summed items the query leaves out when it gives some of them
/// (and no cost): counted as 0 by [`costs_for`], and said on the result.
fn missing_items<'t>(tier: &'t Tier, query: &Query) -> Vec<&'t crate::core::catalogue::TierItem> {
    let summed = || tier.items.iter().filter(|i| !i.is_separate());
    let given = |key: &str| query.items.iter().any(|(k, _)| k == key);
    if query.cost.is_some() || !summed().any(|i| given(&i.key)) {
        return Vec::new();
    }
    summed().filter(|i| !given(&i.key)).collect()
}

/// Whether a stated count fits a tier's range (an unstated one fits any).
fn within(said: Option<u32>, min: Option<u32>, max: Option<u32>) -> bool {
    said.is_none_or(|n| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m))
}

fn amount_notes<'c>(
    program: &Program,
    tier: &'c Tier,
    ctx: &Context,
    computation: &Computation,
) -> Vec<Finding<'c>> {
    let mut notes = Vec::new();
    let (Some(note), Some(cap)) = (&tier.cap_note, computation.grant_cap) else {
        return notes;
    };
    // Only worth saying when this cost is at the payable maximum.
    if computation.grant < cap
        && computation.grant == calc::payable_max(tier, ctx, program.rounding.rule)
    {
        notes.push(Finding::of("cap-unreachable", note));
    }
    notes
}

/// Sorts rows as people read them: open windows first, then by eligibility,
/// then the soonest deadline.
pub fn sort(estimates: &mut [Estimate<'_>]) {
    estimates.sort_by(|a, b| {
        (
            a.window.rank(),
            a.eligibility,
            a.window.deadline(),
            &a.program.id,
        )
            .cmp(&(
                b.window.rank(),
                b.eligibility,
                b.window.deadline(),
                &b.program.id,
            ))
    });
}
