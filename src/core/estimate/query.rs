//! What the user told us about the facility ([`Facility`], [`Query`]), and
//! the size test of the デジタル化・AI frames it decides.

use super::*;

/// A facility as the sources classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facility {
    pub(super) class: FacilityClass,
    pub(super) beds: u32,
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

/// The legal forms of the table's row for `class` (`a|b`), and whether any
/// of them is judged by capital, and by employees.
pub fn size_inputs(program: &Program, class: FacilityClass) -> (String, bool, bool) {
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
    tier.rule
        .rate_whens()
        .any(|w| w.flag == RateFlag::LargeCompany)
}
