//! The rules a program's data must keep to load: unique ids, known cites,
//! a sound size table. `check` reports the same faults with their lines.

use super::*;
use std::collections::BTreeSet;
use std::fmt;

/// Programs named by relations and conditions must exist, with the variants
/// named; `programs` is sorted by id.
pub(crate) fn validate_references(programs: &[(&str, Program)]) -> Result<(), CatalogueError> {
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

/// The cross-references the schema cannot express: ids that must exist,
/// figures a tier must have. `subsidy check` (later) reports more.
pub(crate) fn validate(program: &Program) -> Result<(), Said> {
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
        if tier.rule.business_cost_cap().is_none()
            && tier.rule.grant_cap().is_none()
            && !matches!(tier.rule, RateRule::PerBed(_))
        {
            return refuse(said(Key::DataTierNoCap, &[]));
        }
        for key in tier.rule.item_keys() {
            if program.item(key).is_none() {
                return refuse(said(
                    Key::DataTierUnknownItem,
                    &[("item", &format!("{key:?}"))],
                ));
            }
        }
        if let RateRule::PerItem(rule) = &tier.rule
            && let Some(default) = &rule.default_item
            && !rule.items.iter().any(|i| &i.key == default)
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
            .rule
            .rate_whens()
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
pub(crate) fn in_program(program: &Program, reason: &Said) -> Said {
    within(Key::DataInProgram, &[("program", &program.id)], reason)
}

/// `key`'s sentence with `values` and, as `{reason}`, `reason` in the same language.
pub(crate) fn within(key: Key, values: &[(&str, &dyn fmt::Display)], reason: &Said) -> Said {
    crate::core::diagnostics::said_each(|lang| {
        let reason = reason.get(lang);
        let mut values = values.to_vec();
        values.push(("reason", &reason));
        i18n::text(lang, key, &values)
    })
}
