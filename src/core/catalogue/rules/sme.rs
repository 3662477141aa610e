//! The size table (`[[sme_limits]]`): who counts as a 中小企業・小規模事業者等.

use super::*;

/// Each row for some facility classes, each legal form in it with a
/// positive limit (capital only for a company), no class in two rows; and
/// a row for every facility class whose size a condition or a 大企業等
/// rate asks.
pub(super) fn sme_limits<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    let mut classes = BTreeSet::new();
    for (i, row) in program.sme_limits.iter().enumerate() {
        let number = i + 1;
        let mut refuse = |key, values: &[(&str, &dyn fmt::Display)]| {
            let mut values = values.to_vec();
            values.push(("row", &number));
            let path = vec![Key("sme_limits"), Index(i)];
            out.push(Fault::refuses(path, Code::SmeLimits, said(key, &values)));
        };
        if row.facilities.is_empty() {
            refuse(Msg::DataSmeNoFacilities, &[]);
        }
        if row.limits().next().is_none() {
            refuse(Msg::DataSmeNoForm, &[]);
        }
        for (entity, limit) in row.limits() {
            let form = entity.id();
            if limit.capital_max.is_none() && limit.employees_max.is_none() {
                refuse(Msg::DataSmeNoLimit, &[("form", &form)]);
            }
            if limit.capital_max.is_some() && !matches!(entity, Entity::Company { .. }) {
                refuse(Msg::DataSmeCapitalNotCompany, &[("form", &form)]);
            }
            if limit.capital_max == Some(0) || limit.employees_max == Some(0) {
                refuse(Msg::DataSmeZero, &[("form", &form)]);
            }
        }
        for class in &row.facilities {
            if !classes.insert(*class) {
                refuse(Msg::DataSmeClassTwice, &[("class", &class.id())]);
            }
        }
    }
    let size_condition = program
        .conditions
        .iter()
        .any(|c| c.decided_by == DecidedBy::EntitySize);
    for (i, tier) in program.tiers.iter().enumerate() {
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
            out.push(Fault::refuses(
                vec![Key("tiers"), Index(i), Key("facilities")],
                Code::SmeLimits,
                said(Msg::DataSmeMissing, &[("class", &class.id())]),
            ));
        }
    }
}
