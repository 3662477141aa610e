//! Which tier of a program fits a facility, and what it pays: one
//! [`Estimate`] per (program, variant, tier) that could apply.

use chrono::NaiveDate;

use crate::calc::{self, Computation, Costs};
use crate::catalogue::{FacilityClass, Program, Rounding, Text, Tier, Variant};
use crate::money::Yen;
use crate::window::{self, Window};

/// A facility as the sources classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facility {
    class: FacilityClass,
    beds: u32,
}

/// A facility that cannot exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FacilityError {
    #[error(
        "a hospital (病院) has at least 20 beds by law; use --facility clinic for 19 beds or fewer"
    )]
    HospitalTooFewBeds,
    #[error("a clinic (診療所) has at most 19 beds; use --facility hospital for 20 beds or more")]
    ClinicTooManyBeds,
    #[error("a pharmacy (薬局) has no beds")]
    PharmacyWithBeds,
}

impl Facility {
    /// A hospital has 20 beds or more (医療法), a clinic 0–19, a pharmacy none.
    pub fn new(class: FacilityClass, beds: u32) -> Result<Facility, FacilityError> {
        match class {
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
    pub as_of: NaiveDate,
}

/// 判定: eligible, ineligible, or unknown until facts are confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Eligibility {
    Eligible,
    Unknown,
    Ineligible,
}

impl Eligibility {
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
pub struct Finding {
    pub code: &'static str,
    pub text: Text,
}

impl Finding {
    fn new(code: &'static str, ja: String, en: String) -> Finding {
        Finding {
            code,
            text: Text { ja, en },
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
    pub reasons: Vec<Finding>,
    /// Facts to confirm (要確認).
    pub to_confirm: Vec<Finding>,
    /// Caveats on the amount (assumed rate, no rounding rule stated, unreachable cap).
    pub notes: Vec<Finding>,
    /// `None` where the amount inputs are missing or no tier applies.
    pub computation: Option<Computation>,
    pub window: Window,
}

/// Every estimate for one program: one per variant (only `variant` where
/// given), and one per tier where a fact that picks the tier is unknown.
pub fn estimate_program<'c>(
    program: &'c Program,
    variant: Option<&str>,
    query: &Query,
) -> Vec<Estimate<'c>> {
    let window = window::window(program, query.as_of);
    let variants: Vec<Option<&Variant>> = if program.variants.is_empty() {
        vec![None]
    } else {
        program
            .variants
            .iter()
            .filter(|v| variant.is_none_or(|id| v.id == id))
            .map(Some)
            .collect()
    };
    variants
        .into_iter()
        .flat_map(|variant| estimate_variant(program, variant, query, window))
        .collect()
}

fn estimate_variant<'c>(
    program: &'c Program,
    variant: Option<&'c Variant>,
    query: &Query,
    window: Window,
) -> Vec<Estimate<'c>> {
    let facility = query.facility;
    let blank = |eligibility, reasons| Estimate {
        program,
        variant,
        tier: None,
        eligibility,
        reasons,
        to_confirm: Vec::new(),
        notes: Vec::new(),
        computation: None,
        window,
    };
    let tiers: Vec<&Tier> = program
        .tiers
        .iter()
        .filter(|t| t.variant.as_deref() == variant.map(|v| v.id.as_str()))
        .filter(|t| t.facilities.contains(&facility.class))
        .collect();
    if tiers.is_empty() {
        let (ja_class, en_class) = (
            facility.class.name(crate::Lang::Ja),
            facility.class.name(crate::Lang::En),
        );
        return vec![match program
            .not_covered
            .iter()
            .find(|n| n.facility == facility.class)
        {
            Some(not_covered) => blank(
                Eligibility::Ineligible,
                vec![Finding {
                    code: "facility-not-covered",
                    text: not_covered.reason.clone(),
                }],
            ),
            None => blank(
                Eligibility::Unknown,
                vec![Finding::new(
                    "no-tier-for-facility",
                    format!(
                        "出典に{ja_class}の区分・金額がありません（他の区分の金額は使いません）。"
                    ),
                    format!(
                        "The sources give no {en_class} tier or amounts (the tool never borrows another class's)."
                    ),
                )],
            ),
        }];
    }
    let fitting: Vec<&Tier> = tiers
        .into_iter()
        .filter(|t| t.fits(facility.class, facility.beds))
        .filter(|t| match (t.kenshin, query.kenshin) {
            (Some(tier), Some(said)) => tier == said,
            _ => true,
        })
        .collect();
    if fitting.is_empty() {
        return vec![blank(
            Eligibility::Ineligible,
            vec![Finding::new(
                "no-tier-for-beds",
                format!("{}床に該当する区分がありません。", facility.beds),
                format!("No tier covers {} beds.", facility.beds),
            )],
        )];
    }
    fitting
        .into_iter()
        .map(|tier| estimate_tier(program, variant, tier, query, window))
        .collect()
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
        computation: None,
        window,
    };
    if tier.kenshin.is_some() && query.kenshin.is_none() {
        estimate.eligibility = Eligibility::Unknown;
        estimate.to_confirm.push(Finding::new(
            "kenshin",
            "健診部門システム導入済（健診実施）か（--kenshin yes|no）".into(),
            "whether a health-checkup system is in place (--kenshin yes|no)".into(),
        ));
    }
    match costs_for(tier, query) {
        Ok(costs) => {
            let computation =
                calc::compute(tier, query.facility.beds, program.rounding.rule, &costs);
            estimate.notes.extend(amount_notes(
                program,
                tier,
                query.facility.beds,
                &computation,
            ));
            estimate.computation = Some(computation);
        }
        Err(finding) => estimate.reasons.push(finding),
    }
    if let Some(assumed) = &tier.rate_assumed {
        estimate.notes.push(Finding {
            code: "rate-assumed",
            text: assumed.clone(),
        });
    }
    if let Some(unit) = &tier.per_unit {
        estimate.notes.push(Finding::new(
            "per-unit",
            format!(
                "金額は{}1つあたり（この区分は{}つまで）。",
                unit.name.ja, unit.max
            ),
            format!(
                "Amounts are per {} (up to {} for this class).",
                unit.name.en, unit.max
            ),
        ));
    }
    if program.rounding.rule == Rounding::NoneStated {
        estimate.notes.push(Finding::new(
            "rounding-not-stated",
            "出典に端数処理の記載なし：1円未満切捨てで計算。".into(),
            "The sources state no rounding rule: computed exactly, truncated below 1 yen.".into(),
        ));
    }
    estimate
}

/// Resolves `--cost` / `--item` into the amounts this tier needs.
fn costs_for(tier: &Tier, query: &Query) -> Result<Costs, Finding> {
    let keys = || {
        tier.items
            .iter()
            .map(|i| format!("--item {}=YEN", i.key))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if tier.items.is_empty() {
        return query.cost.map(Costs::Total).ok_or_else(|| {
            Finding::new(
                "no-cost",
                "金額が未指定です（--cost）。".into(),
                "No cost given (--cost).".into(),
            )
        });
    }
    let given: Vec<(String, Yen)> = tier
        .items
        .iter()
        .filter_map(|item| {
            query
                .items
                .iter()
                .find(|(key, _)| key == &item.key)
                .map(|(key, yen)| (key.clone(), *yen))
        })
        .collect();
    if given.len() == tier.items.len() {
        return Ok(Costs::ByItem(given));
    }
    if query.cost.is_none() && query.items.is_empty() {
        return Err(Finding::new(
            "no-cost",
            "金額が未指定です（--item）。".into(),
            "No cost given (--item).".into(),
        ));
    }
    let sole_or_default = match &tier.items[..] {
        [only] => Some(&only.key),
        _ => tier.default_item.as_ref(),
    };
    match (query.cost, sole_or_default, given.is_empty()) {
        (Some(cost), Some(key), true) => Ok(Costs::ByItem(vec![(key.clone(), cost)])),
        _ => Err(Finding::new(
            "needs-items",
            format!("費目ごとの金額が必要です：{}", keys()),
            format!("This program caps each cost item: give {}", keys()),
        )),
    }
}

fn amount_notes(
    program: &Program,
    tier: &Tier,
    beds: u32,
    computation: &Computation,
) -> Vec<Finding> {
    let mut notes = Vec::new();
    let (Some(note), Some(cap)) = (&tier.cap_note, computation.grant_cap) else {
        return notes;
    };
    // Only worth saying when this cost is at the payable maximum.
    if let Some((payable, _)) = calc::largest_payable(tier, beds, program.rounding.rule)
        && payable < cap
        && computation.grant == payable
    {
        notes.push(Finding {
            code: "cap-unreachable",
            text: note.clone(),
        });
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
