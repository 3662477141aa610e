//! The grant as the cost rises, drawn as SVG on the server (`subsidy serve`):
//! where the business-cost cap and the grant cap start to bind, and where
//! the facility's own cost sits. The points come from the core
//! ([`crate::core::calc::grant_curve`]); this only draws them.

use maud::{Markup, html};

use crate::core::calc::{self, Curve};
use crate::core::catalogue::{Lang, Program};
use crate::core::estimate::{Estimate, Query};
use crate::core::money::Yen;
use crate::i18n::Key;

use super::words::{say, t, yen};

const WIDTH: u64 = 720;
const HEIGHT: u64 = 360;
const LEFT: u64 = 110;
const RIGHT: u64 = 20;
const TOP: u64 = 24;
const BOTTOM: u64 = 56;

/// The chart of one result: its program, the tier's label, the grant as
/// the cost rises, and the facility's own cost with its grant.
pub struct Chart<'c> {
    pub program: &'c Program,
    pub tier: &'c str,
    pub curve: Curve,
    pub mark: Option<(Yen, Yen)>,
}

impl<'c> Chart<'c> {
    /// The chart of `e` (one [`crate::report::CalcReport::chart`] chose)
    /// up to half again the facility's cost; `None` without a tier.
    pub fn of(e: &Estimate<'c>, query: &Query, lang: Lang) -> Option<Chart<'c>> {
        let tier = e.tier?;
        let cost = query.cost;
        let curve = calc::grant_curve(
            &tier.rule,
            &query.context(e.program),
            e.program.rounding.rule,
            cost.map_or(0, |c| c.saturating_add(c / 2)),
            120,
        );
        let mark = cost.zip(e.computation.as_ref().map(|c| c.grant));
        Some(Chart {
            program: e.program,
            tier: tier.label.get(lang),
            curve,
            mark,
        })
    }

    /// `電子カルテ情報共有サービス… — 大規模病院…`.
    pub fn title(&self, lang: Lang) -> String {
        format!("{} — {}", self.program.name.get(lang), self.tier)
    }

    /// The chart as SVG.
    pub fn svg(&self, lang: Lang) -> Markup {
        grant_chart(&self.curve, &self.title(lang), self.mark, lang)
    }
}

/// The chart of `curve`, titled `title`, marking `facility` (the facility's
/// own cost and the grant computed for it).
fn grant_chart(curve: &Curve, title: &str, facility: Option<(Yen, Yen)>, lang: Lang) -> Markup {
    let max_cost = curve.points.last().map_or(1, |(c, _)| *c).max(1);
    let max_grant = curve
        .points
        .iter()
        .map(|(_, g)| *g)
        .max()
        .unwrap_or(0)
        .max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    // Integer pixels: multiply first, divide last.
    let x = |c: Yen| {
        LEFT + u64::try_from(
            u128::from(c.min(max_cost)) * u128::from(plot_w) / u128::from(max_cost),
        )
        .unwrap_or(plot_w)
    };
    let y = |g: Yen| {
        let top = max_grant + max_grant / 10;
        TOP + plot_h
            - u64::try_from(u128::from(g.min(top)) * u128::from(plot_h) / u128::from(top))
                .unwrap_or(plot_h)
    };
    let line: String = curve
        .points
        .iter()
        .map(|&(c, g)| format!("{},{}", x(c), y(g)))
        .collect::<Vec<_>>()
        .join(" ");
    let (largest_grant, reaches_at) = curve.largest;
    let axis_y = TOP + plot_h;
    // A cap's label near the foot of its line, on the side away from the
    // curve (which has risen by then): left of a line in the right half.
    let label = |at: u64, row: u64| {
        let (x, anchor) = if at > LEFT + plot_w / 2 {
            (at - 4, "end")
        } else {
            (at + 4, "start")
        };
        (x, axis_y - 12 - 16 * row, anchor)
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
            width=(WIDTH) height=(HEIGHT) role="img" aria-label=(title) class="chart"
            font-family="Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif" {
            title { (title) }
            rect x="0" y="0" width=(WIDTH) height=(HEIGHT) fill="#ffffff" {}
            // Axes.
            line x1=(LEFT) y1=(TOP) x2=(LEFT) y2=(axis_y) stroke="#333" {}
            line x1=(LEFT) y1=(axis_y) x2=(WIDTH - RIGHT) y2=(axis_y) stroke="#333" {}
            text x=(LEFT - 8) y=(y(largest_grant) + 4) text-anchor="end" font-size="12" { (yen(lang, largest_grant)) }
            text x=(LEFT - 8) y=(axis_y + 4) text-anchor="end" font-size="12" { "0" }
            text x=(WIDTH - RIGHT) y=(axis_y + 40) text-anchor="end" font-size="12" { (t(lang, Key::ChartCostAxis)) " " (yen(lang, max_cost)) }
            text x=(LEFT) y=(TOP - 8) font-size="12" { (t(lang, Key::ChartGrantAxis)) }
            // The grant.
            polyline points=(line) fill="none" stroke="#1f5fbf" stroke-width="3" {}
            // Where the caps start to bind.
            @if let Some(cap) = curve.business_cost_cap.filter(|c| *c <= max_cost) {
                @let (lx, ly, anchor) = label(x(cap), 1);
                line x1=(x(cap)) y1=(TOP) x2=(x(cap)) y2=(axis_y) stroke="#b35900" stroke-dasharray="6 4" {}
                text x=(lx) y=(ly) text-anchor=(anchor) font-size="12" fill="#b35900" {
                    (say(lang, Key::ChartBusinessCap, &[("yen", &yen(lang, cap))]))
                }
            }
            @if reaches_at > 0 && Some(reaches_at) != curve.business_cost_cap {
                @let (lx, ly, anchor) = label(x(reaches_at), 0);
                line x1=(x(reaches_at)) y1=(TOP) x2=(x(reaches_at)) y2=(axis_y) stroke="#7a1fa2" stroke-dasharray="2 3" {}
                text x=(lx) y=(ly) text-anchor=(anchor) font-size="12" fill="#7a1fa2" {
                    (say(lang, Key::ChartGrantCap, &[("yen", &yen(lang, reaches_at))]))
                }
            }
            @if let Some((c, g)) = facility {
                circle cx=(x(c)) cy=(y(g)) r="6" fill="#c62828" {}
                text x=(x(c)) y=(axis_y + 20) text-anchor="middle" font-size="12" fill="#c62828" {
                    (say(lang, Key::ChartYourCost, &[("cost", &yen(lang, c)), ("grant", &yen(lang, g))]))
                }
            }
        }
    }
}
