//! The worked examples (`[[examples]]`), each run through the same engine
//! and input checks a user's request goes through.

use super::*;

/// Runs each worked example and reports every mismatch with both values.
pub(crate) fn run_examples(
    doc: &Doc<'_>,
    program: &Program,
    checker: &Checker<'_>,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    for (i, example) in program.examples.iter().enumerate() {
        let path = [Key("examples"), Index(i), Key("grant")];
        if !program.tiers.iter().any(|t| t.id == example.tier) {
            continue;
        }
        let request = Request {
            programs: vec![program.id.clone()],
            variant: example.variant.clone(),
            facility: Some(example.facility.into()),
            beds: Some(example.beds),
            kenshin: example.kenshin,
            prefecture: example.prefecture.clone(),
            facts: example.facts.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            entity: example.entity,
            employees: example.employees,
            flags: example.flags.iter().copied().collect(),
            processes: example.processes,
            functions: example.functions,
            members: example.members,
            cost: example.cost,
            items: example.items.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            coupons: example.coupons,
            coupon_costs: example.coupon_costs.clone(),
        };
        let estimates = match checker.estimates(&request, options.as_of, false) {
            Ok(estimates) => estimates,
            Err(e) => {
                out.push(doc.error(
                    &[Key("examples"), Index(i)],
                    Code::ExampleInvalid,
                    said_each(|lang| {
                        i18n::text(
                            lang,
                            Msg::CheckExampleInvalid,
                            &[
                                ("tier", &example.tier),
                                ("reason", &e.message(lang, &crate::input::spelling::COLUMNS)),
                            ],
                        )
                    }),
                ));
                continue;
            }
        };
        let Some(estimate) = estimates
            .iter()
            .find(|e| e.tier.is_some_and(|t| t.id == example.tier))
        else {
            let got: Vec<&str> = estimates
                .iter()
                .filter_map(|e| e.tier.map(|t| t.id.as_str()))
                .collect();
            out.push(doc.error(
                &[Key("examples"), Index(i), Key("tier")],
                Code::ExampleMismatch,
                if got.is_empty() {
                    said(Msg::CheckExampleNoTier, &[("tier", &example.tier)])
                } else {
                    said(
                        Msg::CheckExampleTier,
                        &[("tier", &example.tier), ("got", &got.join(", "))],
                    )
                },
            ));
            continue;
        };
        let grant = estimate.computation.as_ref().map(|c| c.grant);
        if grant != Some(example.grant) {
            out.push(doc.error(
                &path,
                Code::ExampleMismatch,
                match grant {
                    Some(got) => said(
                        Msg::CheckExampleGrant,
                        &[
                            ("tier", &example.tier),
                            ("expected", &example.grant),
                            ("got", &got),
                        ],
                    ),
                    None => said(
                        Msg::CheckExampleNoGrant,
                        &[("tier", &example.tier), ("expected", &example.grant)],
                    ),
                },
            ));
        }
        let expected = match example.eligibility.as_str() {
            "eligible" => Some(Eligibility::Eligible),
            "unknown" => Some(Eligibility::Unknown),
            "ineligible" => Some(Eligibility::Ineligible),
            _ => None,
        };
        match expected {
            None => out.push(doc.error(
                &[Key("examples"), Index(i), Key("eligibility")],
                Code::Schema,
                said(
                    Msg::CheckExampleEligibilityWord,
                    &[("value", &example.eligibility)],
                ),
            )),
            Some(expected) if expected != estimate.eligibility => out.push(doc.error(
                &[Key("examples"), Index(i), Key("eligibility")],
                Code::ExampleMismatch,
                said(
                    Msg::CheckExampleEligibility,
                    &[
                        ("tier", &example.tier),
                        ("expected", &expected.id()),
                        ("got", &estimate.eligibility.id()),
                    ],
                ),
            )),
            Some(_) => {}
        }
    }
}
