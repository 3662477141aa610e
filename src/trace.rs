//! `--explain`: how each result was reached, step by step, each step with
//! the source it comes from.

use crate::calc::Computation;
use crate::catalogue::{Cite, DateKind, DecidedBy, Program, Text};
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
    if c.bands.is_empty() {
        steps.push(Step {
            key: "rate",
            label: text(
                format!("× 補助率 {}{}", c.rate, rate_note.0),
                format!("× rate {}{}", c.rate, rate_note.1),
            ),
            value: c.before_grant_cap.to_string(),
            cite: tier_cite,
        });
    }
    let mut so_far = crate::calc::ExactYen::ZERO;
    for band in &c.bands {
        so_far = so_far.plus(band.grant);
        steps.push(Step {
            key: "rate-band",
            label: text(
                format!(
                    "経費 {} × 補助率 {} = {}（補助額で段階的に変わる補助率）",
                    band.cost, band.rate, band.grant
                ),
                format!(
                    "cost {} × rate {} = {} (rate tiered on the grant)",
                    band.cost, band.rate, band.grant
                ),
            ),
            value: so_far.to_string(),
            cite: tier_cite,
        });
    }
    steps.push(Step {
        key: "grant-cap",
        label: match c.grant_cap {
            Some(cap) if tier.grant_cap_exclusive => text(
                format!("補助限度額 {} 未満 → {} で頭打ち", yen(cap + 1), yen(cap)),
                format!(
                    "below the grant cap {} → capped at {}",
                    yen(cap + 1),
                    yen(cap)
                ),
            ),
            Some(cap) => text(
                format!("補助限度額 {} で頭打ち", yen(cap)),
                format!("capped at the grant cap {}", yen(cap)),
            ),
            None => text(
                "補助限度額: 記載なし".into(),
                "grant cap: not stated".into(),
            ),
        },
        value: c.main_grant.to_string(),
        cite: tier_cite,
    });
    for part in &c.parts {
        let name = program.item(&part.key).map(|i| i.name.clone());
        let (ja, en) = name.map_or((part.key.clone(), part.key.clone()), |n| (n.ja, n.en));
        let cap = part.grant_cap.map(yen);
        steps.push(Step {
            key: "part",
            label: text(
                format!(
                    "＋ 費目「{ja}」{} × {}{}",
                    yen(part.counted),
                    part.rate,
                    cap.as_ref()
                        .map(|c| format!("（上限 {c}）"))
                        .unwrap_or_default()
                ),
                format!(
                    "+ item {en}: {} × {}{}",
                    yen(part.counted),
                    part.rate,
                    cap.as_ref()
                        .map(|c| format!(" (cap {c})"))
                        .unwrap_or_default()
                ),
            ),
            value: part.grant.to_string(),
            cite: tier_cite,
        });
    }
    for group in &c.groups {
        steps.push(Step {
            key: "group-cap",
            label: text(
                format!(
                    "合算上限 {}（{}）の超過分を控除",
                    yen(group.grant_cap),
                    group.parts.join(" + ")
                ),
                format!(
                    "excess over the combined cap {} ({}) taken off",
                    yen(group.grant_cap),
                    group.parts.join(" + ")
                ),
            ),
            value: group.excess.to_string(),
            cite: tier
                .group_caps
                .iter()
                .find(|g| g.parts == group.parts)
                .map(|g| &g.cite),
        });
    }
    if !c.parts.is_empty() || !c.groups.is_empty() {
        steps.push(Step {
            key: "total",
            label: text("合計（端数処理前）".into(), "total before rounding".into()),
            value: c.before_rounding.to_string(),
            cite: None,
        });
    }
    steps.push(Step {
        key: "rounding",
        label: text(
            format!("端数処理: {}", c.rounding.label(crate::Lang::Ja)),
            format!("rounding: {}", c.rounding.label(crate::Lang::En)),
        ),
        value: yen(c.grant),
        cite: program.rounding.cite.as_ref(),
    });
    if let Some(min) = c.grant_min {
        let (ja, en) = if c.below_minimum() {
            (
                "補助下限に届かないため対象外",
                "below the minimum: not eligible",
            )
        } else {
            ("補助下限以上", "at or above the minimum")
        };
        steps.push(Step {
            key: "grant-minimum",
            label: text(
                format!("補助下限 {}: {ja}", yen(min)),
                format!("minimum grant {}: {en}", yen(min)),
            ),
            value: yen(c.grant),
            cite: tier_cite,
        });
    }
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
    let what = match (condition.decided_by, &condition.fact, &condition.prefecture) {
        (DecidedBy::Fact, Some(fact), _) => (format!("--fact {fact}"), format!("--fact {fact}")),
        (DecidedBy::Prefecture, _, Some(p)) => (
            format!("--prefecture（{p}）"),
            format!("--prefecture ({p})"),
        ),
        _ => (
            "--entity / --employees".to_string(),
            "--entity / --employees".to_string(),
        ),
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
