//! The checks a request passes before it is estimated: variants, items,
//! coupons.

use super::*;

/// `variant` must name a variant of every named program that has variants.
/// With no program named, `programs` is every program, and a variant is
/// refused for the program it lacks: the error names the programs that have
/// it (a variant id means something only within its program).
pub(crate) fn check_variant(
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
        return Err(InputError::new(
            Field::Variant,
            variant,
            Problem::NoVariants,
        ));
    }
    if !named {
        let having: Vec<String> = with_variants
            .iter()
            .filter(|p| p.variant(variant).is_some())
            .map(|p| p.id.clone())
            .collect();
        if !having.is_empty() {
            return Err(InputError::missing(
                Field::Program,
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
            Field::Variant,
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
            Field::Variant,
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
pub(crate) fn check_items(
    programs: &[&Program],
    items: &[(String, Yen)],
) -> Result<(), InputError> {
    for (i, (key, yen)) in items.iter().enumerate() {
        let value = format!("{key}={yen}");
        if items[..i].iter().any(|(k, _)| k == key) {
            return Err(InputError::new(
                Field::Item,
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
            return Err(InputError::new(Field::Item, value, problem));
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
            Field::Coupons,
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
        .find_map(|(p, t)| t.rule.unit().map(|u| (p.id.as_str(), u.max)));
    let Some((program, max)) = per_unit else {
        return Err(InputError::new(
            Field::Coupons,
            n.to_string(),
            Problem::NoCoupons,
        ));
    };
    if n == 0 || n > max {
        return Err(InputError::new(
            Field::Coupons,
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
pub(crate) fn refuse_missing_items(
    estimates: &[Estimate<'_>],
    query: &Query,
) -> Result<(), InputError> {
    let Some(estimate) = estimates.iter().find(|e| {
        e.reasons
            .iter()
            .any(|r| r.code == estimate::FindingCode::NeedsItems)
    }) else {
        return Ok(());
    };
    let keys: Vec<String> = estimate
        .tier
        .map(|t| {
            t.rule
                .summed_items()
                .iter()
                .map(|i| i.key.clone())
                .collect()
        })
        .unwrap_or_default();
    let (field, value) = match (query.cost, query.items.first()) {
        (Some(cost), _) => (Field::Cost, cost.to_string()),
        (None, Some((key, yen))) => (Field::Item, format!("{key}={yen}")),
        (None, None) => (Field::Item, String::new()),
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
