//! The best combination as JSON (`recommendation` of calc's and plan's
//! output): its total, the results in it, what it assumes and why each
//! other result is not in it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::core::catalogue::Lang;
use crate::core::money::Yen;
use crate::core::recommend::{Assumed, Lost, Recommendation};

#[derive(Serialize)]
pub(super) struct RecommendationJson<'a> {
    /// What the picks pay together: their grants added up, never more than the cost.
    total: Yen,
    /// Their grants added up, before the cost caps them.
    sum: Yen,
    /// The cost they share (the largest among them).
    cost: Yen,
    self_burden: Yen,
    /// The results recommended: the grant on the cost first, then its top-ups.
    items: Vec<PickJson<'a>>,
    /// The facts the picks assume, with the drop in `total` were each
    /// otherwise (`worth`), largest first.
    unknowns: Vec<UnknownJson<'a>>,
    /// Every other result, with a stable `reason` and a sentence.
    why_not: Vec<WhyNotJson<'a>>,
}

#[derive(Serialize)]
struct PickJson<'a> {
    program: &'a str,
    variant: Option<&'a str>,
    tier_id: Option<&'a str>,
    tier: Option<&'a str>,
    grant: Yen,
    /// Its part of `total` (less than `grant` where the cost caps the sum).
    counted: Yen,
    /// The cost its grant is figured on.
    cost: Yen,
    deadline: Option<NaiveDate>,
}

#[derive(Serialize)]
struct UnknownJson<'a> {
    /// The inputs that settle it, as the batch and the API name them:
    /// `fact:online-qual-in-place`, `kenshin`, `entity employees`.
    ask: String,
    /// The fact, where it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    /// The question in words (`ask` says how to state it).
    question: std::borrow::Cow<'a, str>,
    /// What the recommendation assumes: `yes` (it holds; 健診 carried out),
    /// `no` (健診 not carried out), `in-tier` (a count in `tier_id`'s range).
    assumed: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tier_id: Option<&'a str>,
    /// How much less the best combination pays were it otherwise.
    worth: Yen,
}

#[derive(Serialize)]
struct WhyNotJson<'a> {
    program: &'a str,
    variant: Option<&'a str>,
    tier_id: Option<&'a str>,
    /// `closed`, `ineligible`, `other-prefecture`, `no-tier`,
    /// `period-unknown`, `requirement-failed`, `prefecture-not-given`,
    /// `no-grant`, `other-variant`, `other-tier`, `excluded`,
    /// `lower-total`, `same-total`.
    reason: &'static str,
    message: String,
    /// The program in the recommendation that excludes it (`excluded`).
    #[serde(skip_serializing_if = "Option::is_none")]
    excluded_by: Option<&'a str>,
    /// The best total it can be part of (`lower-total`).
    #[serde(skip_serializing_if = "Option::is_none")]
    best_total: Option<Yen>,
}

pub(super) fn recommendation_json<'a>(
    r: &Recommendation<'a, '_>,
    lang: Lang,
) -> RecommendationJson<'a> {
    RecommendationJson {
        total: r.total,
        sum: r.sum,
        cost: r.cost,
        self_burden: r.self_burden(),
        items: r
            .picks
            .iter()
            .map(|p| {
                let e = p.estimate;
                PickJson {
                    program: &e.program.id,
                    variant: e.variant.map(|v| v.id.as_str()),
                    tier_id: e.tier.map(|t| t.id.as_str()),
                    tier: e.tier.map(|t| t.label.get(lang)),
                    grant: p.grant,
                    counted: p.counted,
                    cost: p.cost,
                    deadline: e.window.deadline(),
                }
            })
            .collect(),
        unknowns: r
            .unknowns
            .iter()
            .map(|u| {
                let mut ask = String::new();
                crate::input::spelling::english_columns_of(u.ask, &mut ask);
                let (assumed, tier_id) = match u.assumed {
                    Assumed::Holds | Assumed::Kenshin(true) => ("yes", None),
                    Assumed::Kenshin(false) => ("no", None),
                    Assumed::Tier(tier) => ("in-tier", Some(tier.id.as_str())),
                };
                UnknownJson {
                    ask,
                    fact: u.finding.fact(),
                    question: u.finding.text(lang),
                    assumed,
                    tier_id,
                    worth: u.worth,
                }
            })
            .collect(),
        why_not: r
            .why_not
            .iter()
            .map(|w| {
                let e = w.estimate;
                WhyNotJson {
                    program: &e.program.id,
                    variant: e.variant.map(|v| v.id.as_str()),
                    tier_id: e.tier.map(|t| t.id.as_str()),
                    reason: w.lost.code(),
                    message: w.text(lang),
                    excluded_by: match w.lost {
                        Lost::ExcludedBy(program) => Some(program.id.as_str()),
                        _ => None,
                    },
                    best_total: match w.lost {
                        Lost::LowerTotal(best) => Some(best),
                        _ => None,
                    },
                }
            })
            .collect(),
    }
}
