//! Every estimate of one program: its variants, the tiers that fit the
//! facility, and each tier's amount with its notes.

use super::*;

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

pub(crate) fn estimate_variant<'c>(
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
    // One look over the tiers: those for this variant and class, whether
    // any has the facility's beds, and those that fit what was said.
    let (mut for_class, mut for_beds) = (false, false);
    let mut fitting: smallvec::SmallVec<[&'c Tier; 8]> = smallvec::SmallVec::new();
    let own_variant = variant.map(|v| v.id.as_str());
    for tier in &program.tiers {
        if tier.variant.as_deref() != own_variant || !tier.facilities.contains(&facility.class) {
            continue;
        }
        for_class = true;
        if !tier.fits(facility.class, facility.beds) {
            continue;
        }
        for_beds = true;
        let kenshin_fits = match (tier.kenshin, query.kenshin) {
            (Some(tier), Some(said)) => tier == said,
            _ => true,
        };
        if kenshin_fits
            && within(query.processes, tier.processes_min, tier.processes_max)
            && within(query.functions, tier.functions_min, tier.functions_max)
        {
            fitting.push(tier);
        }
    }
    if !for_class {
        out.push(
            match program
                .not_covered
                .iter()
                .find(|n| n.facility == facility.class)
            {
                Some(not_covered) => blank(
                    Eligibility::Ineligible,
                    vec![Finding::of(
                        FindingCode::FacilityNotCovered,
                        &not_covered.reason,
                    )],
                ),
                None => blank(
                    Eligibility::Unknown,
                    vec![Finding::said_with(
                        FindingCode::NoTierForFacility,
                        Key::NoTierForFacility,
                        vec![("class", Value::Class(facility.class))],
                    )],
                ),
            },
        );
        return;
    }
    if !for_beds {
        // Tiers for the class, none for these beds: the sources neither
        // include nor exclude the facility (national-work-environment: 002
        // gives 病院 and 無床診療所 「など」, nothing for 有床診療所), so it is
        // 要確認 with no amount, never 対象外 (issue 21, item 3).
        out.push(blank(
            Eligibility::Unknown,
            vec![Finding::said_with(
                FindingCode::AmountNotStatedForBeds,
                Key::AmountNotStatedForBeds,
                vec![("beds", Value::Count(facility.beds.into()))],
            )],
        ));
        return;
    }
    if fitting.is_empty() {
        out.push(blank(
            Eligibility::Ineligible,
            vec![Finding::said_with(
                FindingCode::NoTierForBeds,
                Key::NoTierForBeds,
                vec![("beds", Value::Count(facility.beds.into()))],
            )],
        ));
        return;
    }
    for tier in fitting {
        estimate_tier_into(program, variant, tier, query, window, out);
    }
}

/// The estimate of one tier, pushed onto `out` and worked out where it
/// lies (an estimate is large: it is not moved about).
pub(crate) fn estimate_tier_into<'c>(
    program: &'c Program,
    variant: Option<&'c Variant>,
    tier: &'c Tier,
    query: &Query,
    window: Window,
    out: &mut Vec<Estimate<'c>>,
) {
    out.push(Estimate {
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
    });
    let Some(estimate) = out.last_mut() else {
        return;
    };
    apply_conditions(estimate, query);
    let members_missing = ask_what_decides_the_amount(estimate, program, tier, query);
    // 複数者連携: fewer members than the tier asks is a result (対象外), not
    // a usage error (004: 「10者以上」であること等を要件とする).
    if let (Some(least), Some(members)) = (tier.members_min, query.members)
        && members < least
    {
        estimate.eligibility = Eligibility::Ineligible;
        estimate.reasons.push(Finding::said_with(
            FindingCode::TooFewMembers,
            Key::TooFewMembers,
            vec![
                ("members", Value::Count(members.into())),
                ("least", Value::Count(least.into())),
            ],
        ));
        return;
    }
    compute_amount(estimate, program, tier, query, members_missing);
    if query.notes {
        estimate.notes.extend(notes(program, variant, tier));
    }
}

/// Asks what picks the tier's rate or amount and was not said (the size
/// test, counts, 健診, members), making the result 要確認. Returns whether
/// the members, without which there is no amount, are missing.
fn ask_what_decides_the_amount<'c>(
    estimate: &mut Estimate<'c>,
    program: &'c Program,
    tier: &'c Tier,
    query: &Query,
) -> bool {
    // 電子取引類型: the rate is 2/3 for an SME, 1/2 for a 大企業等. Until the
    // size is known the rate is the tier's own (an SME's), said as to confirm.
    let size_asked = estimate
        .conditions
        .iter()
        .any(|o| o.condition.decided_by == DecidedBy::EntitySize && o.holds.is_none());
    if rate_by_size(tier) && is_sme(program, query).is_none() && !size_asked {
        estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
        let class = query.facility.class;
        let (base, when) = tier.rule.main_rate();
        let large =
            crate::core::catalogue::rate_for(base, when, &BTreeSet::from([RateFlag::LargeCompany]));
        estimate.to_confirm.push(
            Finding::said_with(
                FindingCode::Size,
                Key::AskSizeForRate,
                vec![("large", Value::Rate(large)), ("base", Value::Rate(base))],
            )
            .asking(Ask::Size(program, class)),
        );
    }
    for (said, min, max, ask, key) in [
        (
            query.processes,
            tier.processes_min,
            tier.processes_max,
            Ask::Processes,
            Key::AskProcesses,
        ),
        (
            query.functions,
            tier.functions_min,
            tier.functions_max,
            Ask::Functions,
            Key::AskFunctions,
        ),
    ] {
        if said.is_none() && (min.is_some() || max.is_some()) {
            estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
            estimate
                .to_confirm
                .push(Finding::said(FindingCode::Count, key).asking(ask));
        }
    }
    if tier.kenshin.is_some() && query.kenshin.is_none() {
        // Unknown, unless a condition already rules it out.
        estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
        estimate
            .to_confirm
            .push(Finding::said(FindingCode::Kenshin, Key::AskKenshin).asking(Ask::Kenshin));
    }
    let members_missing = tier.members_min.is_some() && query.members.is_none();
    if members_missing {
        estimate.eligibility = estimate.eligibility.max(Eligibility::Unknown);
        estimate
            .to_confirm
            .push(Finding::said(FindingCode::Count, Key::AskMembers).asking(Ask::Members));
    }
    members_missing
}

/// The tier's amount on the costs given (coupons at their own prices stand
/// for the cost of a per-unit tier), with its notes, the minimum grant and
/// the items not given; or why there is none.
fn compute_amount<'c>(
    estimate: &mut Estimate<'c>,
    program: &'c Program,
    tier: &'c Tier,
    query: &Query,
    members_missing: bool,
) {
    // Coupons at their own prices stand for the cost of a per-unit tier.
    let per_unit = matches!(tier.rule, RateRule::PerUnit(_));
    let costs = match query.coupon_costs.as_slice() {
        [_, ..] if per_unit => Ok(Costs::total(query.coupon_costs.iter().sum())),
        _ => costs_for(program, tier, query),
    };
    match costs {
        Ok(_) if members_missing => estimate
            .reasons
            .push(Finding::said(FindingCode::NeedsMembers, Key::NeedsMembers).asking(Ask::Members)),
        Ok(costs) => {
            let ctx = query.context(program);
            let (rule, rounding) = (&tier.rule, program.rounding.rule);
            let computation = match rule {
                RateRule::PerUnit(_) if !query.coupon_costs.is_empty() => {
                    calc::compute_each_unit(rule, &ctx, rounding, &query.coupon_costs)
                }
                RateRule::PerUnit(_) => calc::compute_units(
                    rule,
                    &ctx,
                    rounding,
                    costs.main,
                    query.coupons.unwrap_or(1),
                ),
                _ => calc::compute(rule, &ctx, rounding, &costs),
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
                    FindingCode::GrantBelowMinimum,
                    Key::GrantBelowMinimum,
                    vec![
                        ("grant", Value::Yen(computation.grant)),
                        ("min", Value::Yen(min)),
                    ],
                ));
            }
            estimate.computation = Some(computation);
            for item in missing_items(tier, query) {
                let values = match program.item(&item.key) {
                    Some(declared) => vec![("item", Value::Name(&declared.name))],
                    None => Vec::new(),
                };
                estimate.to_confirm.push(
                    Finding::said_with(
                        FindingCode::MissingItemZero,
                        Key::MissingItemIsZero,
                        values,
                    )
                    .asking(Ask::Item(&item.key)),
                );
            }
        }
        Err(finding) => estimate.reasons.push(finding),
    }
}

/// Caveats on the amount and relations to other programs, for people to read.
pub(crate) fn notes<'c>(
    program: &'c Program,
    variant: Option<&'c Variant>,
    tier: &'c Tier,
) -> Vec<Finding<'c>> {
    let mut notes = Vec::new();
    if let Some(assumed) = tier.rule.rate_assumed() {
        notes.push(Finding::of(FindingCode::RateAssumed, assumed));
    }
    if let Some(unit) = tier.rule.unit() {
        notes.push(Finding::said_with(
            FindingCode::PerUnit,
            Key::PerUnitNote,
            vec![
                ("unit", Value::Name(&unit.name)),
                ("max", Value::Count(unit.max.into())),
            ],
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
        .rule
        .rate_whens()
        .any(|w| w.flag == RateFlag::SmallBusiness)
    {
        notes.push(
            Finding::said(
                FindingCode::SmallBusinessFromFlag,
                Key::SmallBusinessFromFlag,
            )
            .asking(Ask::RateFlag(RateFlag::SmallBusiness)),
        );
    }
    if program.rounding.rule == Rounding::NoneStated {
        notes.push(Finding::said(
            FindingCode::RoundingNotStated,
            Key::RoundingNotStated,
        ));
    }
    notes
}

/// Resolves `--cost` / `--item` into the amounts this tier needs.
pub(crate) fn costs_for<'c>(
    program: &'c Program,
    tier: &'c Tier,
    query: &Query,
) -> Result<Costs, Finding<'c>> {
    let summed: Vec<&str> = tier
        .rule
        .summed_items()
        .iter()
        .map(|i| i.key.as_str())
        .collect();
    let no_cost = |ask: Ask<'c>| match ask {
        Ask::Cost => Finding::said(FindingCode::NoCost, Key::NoCost).asking(ask),
        _ => Finding::said(FindingCode::NoCost, Key::NoItemCost).asking(ask),
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
        let separate: Vec<&str> = tier.rule.item_keys().collect();
        let items = given(&separate);
        return match query.cost {
            Some(main) => Ok(Costs { main, items }),
            None if !items.is_empty() => Ok(Costs { main: 0, items }),
            None => Err(no_cost(Ask::Cost)),
        };
    }
    let items = given(&summed);
    if items.len() == summed.len() {
        return Ok(Costs::by_item(items));
    }
    if query.cost.is_none() && query.items.is_empty() {
        return Err(no_cost(Ask::Items(summed)));
    }
    let sole_or_default = match &summed[..] {
        [only] => Some(*only),
        _ => match &tier.rule {
            RateRule::PerItem(rule) => rule.default_item.as_deref(),
            _ => None,
        },
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
            let names = summed
                .iter()
                .filter_map(|key| program.item(key).map(|item| &item.name))
                .collect();
            Err(Finding::said_with(
                FindingCode::NeedsItems,
                Key::NeedsItems,
                vec![("items", Value::Names(names))],
            )
            .asking(Ask::Items(summed)))
        }
    }
}

/// The tier's summed items the query leaves out when it gives some of them
/// (and no cost): counted as 0 by [`costs_for`], and said on the result.
pub(crate) fn missing_items<'t>(
    tier: &'t Tier,
    query: &Query,
) -> Vec<&'t crate::core::catalogue::ItemCap> {
    let summed = || tier.rule.summed_items().iter();
    let given = |key: &str| query.items.iter().any(|(k, _)| k == key);
    if query.cost.is_some() || !summed().any(|i| given(&i.key)) {
        return Vec::new();
    }
    summed().filter(|i| !given(&i.key)).collect()
}

/// Whether a stated count fits a tier's range (an unstated one fits any).
pub(crate) fn within(said: Option<u32>, min: Option<u32>, max: Option<u32>) -> bool {
    said.is_none_or(|n| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m))
}

pub(crate) fn amount_notes<'c>(
    program: &Program,
    tier: &'c Tier,
    ctx: &Context,
    computation: &Computation,
) -> Vec<Finding<'c>> {
    let mut notes = Vec::new();
    let (Some(note), Some(cap)) = (tier.rule.cap_note(), computation.grant_cap) else {
        return notes;
    };
    // Only worth saying when this cost is at the payable maximum.
    if computation.grant < cap
        && computation.grant == calc::payable_max(&tier.rule, ctx, program.rounding.rule)
    {
        notes.push(Finding::of(FindingCode::CapUnreachable, note));
    }
    notes
}
