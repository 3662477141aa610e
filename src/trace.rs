//! `--explain`: how each result was reached, step by step, each step with
//! the source it comes from.

use crate::calc::Computation;
use crate::catalogue::{Cite, DateKind, Program, Text};
use crate::estimate::{ConditionOutcome, Estimate};
use crate::money::group_thousands;

/// One step of the amount: what was done, the value after it, and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<'c> {
    /// Stable id: `cost`, `item`, `business-cost-cap`, `rate`, `grant-cap`, `rounding`, `self-burden`.
    pub key: &'static str,
    pub label: Text,
    /// The amount after this step, in yen (exact, `…` where not whole).
    pub value: String,
    pub cite: Option<&'c Cite>,
}

fn yen(amount: u64) -> String {
    group_thousands(u128::from(amount))
}

fn text(ja: String, en: String) -> Text {
    Text { ja, en }
}

/// The amount's steps: cost → item caps → business-cost cap → × rate → grant cap → rounding.
pub fn amount_steps<'c>(estimate: &Estimate<'c>) -> Vec<Step<'c>> {
    let (Some(tier), Some(c)) = (estimate.tier, estimate.computation.as_ref()) else {
        return Vec::new();
    };
    let program = estimate.program;
    let tier_cite = Some(&tier.cite);
    let mut steps = vec![Step {
        key: "cost",
        label: text("経費".into(), "cost".into()),
        value: yen(c.cost),
        cite: None,
    }];
    for line in &c.items {
        let name = program.item(&line.key).map(|i| i.name.clone());
        let (ja, en) = name.map_or((line.key.clone(), line.key.clone()), |n| (n.ja, n.en));
        steps.push(Step {
            key: "item",
            label: text(
                format!(
                    "費目「{ja}」: {} と上限 {} の小さい方",
                    yen(line.cost),
                    yen(line.business_cost_cap)
                ),
                format!(
                    "item {en}: the lesser of {} and its cap {}",
                    yen(line.cost),
                    yen(line.business_cost_cap)
                ),
            ),
            value: yen(line.counted),
            cite: tier_cite,
        });
    }
    steps.push(business_cap_step(c, tier_cite));
    let rate_note = tier
        .rate_assumed
        .as_ref()
        .map_or((String::new(), String::new()), |a| {
            (format!("（{}）", a.ja), format!(" ({})", a.en))
        });
    steps.push(Step {
        key: "rate",
        label: text(
            format!("× 補助率 {}{}", c.rate, rate_note.0),
            format!("× rate {}{}", c.rate, rate_note.1),
        ),
        value: c.before_grant_cap.to_string(),
        cite: tier_cite,
    });
    steps.push(Step {
        key: "grant-cap",
        label: match c.grant_cap {
            Some(cap) => text(
                format!("補助限度額 {} で頭打ち", yen(cap)),
                format!("capped at the grant cap {}", yen(cap)),
            ),
            None => text(
                "補助限度額: 記載なし".into(),
                "grant cap: not stated".into(),
            ),
        },
        value: c.before_rounding.to_string(),
        cite: tier_cite,
    });
    steps.push(Step {
        key: "rounding",
        label: text(
            format!("端数処理: {}", c.rounding.label(crate::Lang::Ja)),
            format!("rounding: {}", c.rounding.label(crate::Lang::En)),
        ),
        value: yen(c.grant),
        cite: program.rounding.cite.as_ref(),
    });
    steps.push(Step {
        key: "self-burden",
        label: text(
            format!("自己負担 = {} − {}", yen(c.cost), yen(c.grant)),
            format!("self-pay = {} − {}", yen(c.cost), yen(c.grant)),
        ),
        value: yen(c.self_burden),
        cite: None,
    });
    steps
}

fn business_cap_step<'c>(c: &Computation, cite: Option<&'c Cite>) -> Step<'c> {
    let label = match c.business_cost_cap {
        Some(cap) => text(
            format!("事業額上限 {} で頭打ち → 対象経費", yen(cap)),
            format!(
                "capped at the business-cost cap {} → eligible cost",
                yen(cap)
            ),
        ),
        None => text(
            "事業額上限: 記載なし → 対象経費".into(),
            "business-cost cap: not stated → eligible cost".into(),
        ),
    };
    Step {
        key: "business-cost-cap",
        label,
        value: yen(c.eligible_cost),
        cite,
    }
}

/// How a condition was decided, for people.
pub fn condition_how(outcome: &ConditionOutcome<'_>) -> Text {
    let condition = outcome.condition;
    let what = match (&condition.fact, &condition.prefecture) {
        (Some(fact), _) => (format!("--fact {fact}"), format!("--fact {fact}")),
        (None, Some(p)) => (
            format!("--prefecture（{p}）"),
            format!("--prefecture ({p})"),
        ),
        (None, None) => (String::new(), String::new()),
    };
    let (ja, en) = match outcome.holds {
        Some(true) => ("満たす", "met"),
        Some(false) => ("満たさない", "not met"),
        None => ("未確認", "not stated"),
    };
    text(format!("{} → {ja}", what.0), format!("{} → {en}", what.1))
}

/// The citation of the deadline the window was judged on.
pub fn deadline_cite<'c>(program: &'c Program, estimate: &Estimate<'_>) -> Option<&'c Cite> {
    let deadline = estimate.window.deadline()?;
    program
        .dates
        .iter()
        .find(|d| d.kind == DateKind::Deadline && d.date == deadline)
        .map(|d| &d.cite)
}
