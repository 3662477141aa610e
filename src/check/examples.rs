//! The worked examples (`[[examples]]`), each run through the same engine
//! and input checks a user's request goes through; what each one that
//! passes showed is kept for `--coverage` ([`Observed`]).

use super::*;

use crate::core::calc::Computation;
use crate::core::catalogue::{Example, RateFlag};
use crate::core::estimate::{Estimate, is_sme};
use crate::core::window::Window;

/// The words an example's `window` may take: [`Window::id`]'s.
const WINDOW_WORDS: [&str; 5] = [
    "open",
    "not-yet-open",
    "opening-not-stated",
    "closed",
    "unknown",
];

/// What a worked example that passed showed, taken from the engine's own
/// result: what `check --coverage` counts.
#[derive(Debug, Clone)]
pub(crate) struct Observed {
    /// Its place among the program's `[[examples]]`.
    pub index: usize,
    /// The line of its `[[examples]]` header.
    pub line: usize,
    /// The tier the rules chose (the example's own).
    pub tier: String,
    /// The arithmetic, where the rules pay an amount.
    pub computation: Option<Computation>,
    /// Each condition of the program and of the tier, by id, and how it came out.
    pub conditions: Vec<(String, Option<bool>)>,
    /// The day and window, where the example states both (`as_of`, `window`).
    pub window: Option<(NaiveDate, Window)>,
    /// Whether the applicant is a 中小企業・小規模事業者等 by the program's size table.
    pub sme: Option<bool>,
    /// The flags the rates were chosen by (大企業等 as the size test says).
    pub flags: BTreeSet<RateFlag>,
}

/// The request a worked example stands for.
fn request(program: &Program, example: &Example) -> Request {
    Request {
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
    }
}

/// Runs each worked example and reports every mismatch with both values;
/// returns what each example without a finding showed.
pub(crate) fn run_examples(
    doc: &Doc<'_>,
    program: &Program,
    checker: &Checker<'_>,
    options: &Options,
    out: &mut Vec<Finding>,
) -> Vec<Observed> {
    let mut observed = Vec::new();
    for (i, example) in program.examples.iter().enumerate() {
        if !program.tiers.iter().any(|t| t.id == example.tier) {
            continue;
        }
        let before = out.len();
        let as_of = example.as_of.unwrap_or(options.as_of);
        let request = request(program, example);
        let estimates = match checker.estimates(&request, as_of, false) {
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
        compare_grant(doc, i, example, estimate, out);
        compare_eligibility(doc, i, example, estimate, out);
        compare_window(doc, i, example, estimate, out);
        if out.len() > before {
            continue;
        }
        // Passed: what it showed, for --coverage.
        let query = checker.profile(&request, as_of).ok();
        let (line, _, _) = position(doc.text, doc.span(&[Key("examples"), Index(i)]).start);
        observed.push(Observed {
            index: i,
            line,
            tier: example.tier.clone(),
            computation: estimate.computation.clone(),
            conditions: estimate
                .conditions
                .iter()
                .map(|o| (o.condition.id.clone(), o.holds))
                .collect(),
            window: example
                .as_of
                .filter(|_| example.window.is_some())
                .map(|day| (day, estimate.window)),
            sme: query.as_ref().and_then(|q| is_sme(program, q)),
            flags: query
                .as_ref()
                .map(|q| q.context(program).flags)
                .unwrap_or_default(),
        });
    }
    observed
}

fn compare_grant(
    doc: &Doc<'_>,
    i: usize,
    example: &Example,
    estimate: &Estimate<'_>,
    out: &mut Vec<Finding>,
) {
    let grant = estimate.computation.as_ref().map(|c| c.grant);
    if grant == example.grant {
        return;
    }
    let tier = &example.tier;
    let message = match (example.grant, grant) {
        (Some(expected), Some(got)) => said(
            Msg::CheckExampleGrant,
            &[("tier", tier), ("expected", &expected), ("got", &got)],
        ),
        (Some(expected), None) => said(
            Msg::CheckExampleNoGrant,
            &[("tier", tier), ("expected", &expected)],
        ),
        (None, got) => said(
            Msg::CheckExampleUnexpectedGrant,
            &[("tier", tier), ("got", &got.unwrap_or(0))],
        ),
    };
    let path = [Key("examples"), Index(i), Key("grant")];
    out.push(doc.error(&path, Code::ExampleMismatch, message));
}

fn compare_eligibility(
    doc: &Doc<'_>,
    i: usize,
    example: &Example,
    estimate: &Estimate<'_>,
    out: &mut Vec<Finding>,
) {
    let expected = match example.eligibility.as_str() {
        "eligible" => Some(Eligibility::Eligible),
        "unknown" => Some(Eligibility::Unknown),
        "ineligible" => Some(Eligibility::Ineligible),
        _ => None,
    };
    let path = [Key("examples"), Index(i), Key("eligibility")];
    match expected {
        None => out.push(doc.error(
            &path,
            Code::Schema,
            said(
                Msg::CheckExampleEligibilityWord,
                &[("value", &example.eligibility)],
            ),
        )),
        Some(expected) if expected != estimate.eligibility => out.push(doc.error(
            &path,
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

/// The window an example states, on its own `as_of`.
fn compare_window(
    doc: &Doc<'_>,
    i: usize,
    example: &Example,
    estimate: &Estimate<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(word) = &example.window else {
        return;
    };
    let path = [Key("examples"), Index(i), Key("window")];
    if !WINDOW_WORDS.contains(&word.as_str()) {
        let message = said(Msg::CheckExampleWindowWord, &[("value", word)]);
        out.push(doc.error(&path, Code::Schema, message));
        return;
    }
    let Some(as_of) = example.as_of else {
        let message = said(Msg::CheckExampleWindowNoDate, &[("tier", &example.tier)]);
        out.push(doc.error(&path, Code::Schema, message));
        return;
    };
    let got = estimate.window.id();
    if got != word {
        out.push(doc.error(
            &path,
            Code::ExampleMismatch,
            said(
                Msg::CheckExampleWindow,
                &[
                    ("tier", &example.tier),
                    ("expected", word),
                    ("as_of", &as_of),
                    ("got", &got),
                ],
            ),
        ));
    }
}
