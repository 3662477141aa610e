//! The grant arithmetic, exact and pure.
//!
//! cost → per-item caps → 事業額上限 (business-cost cap) → × 補助率 (rate, or
//! rate bands tiered on the grant) → 補助限度額 (grant cap) → separate parts
//! with their own rates → caps on parts together → the program's rounding rule.
//! Multiply first, divide last: every intermediate is an exact fraction of yen.

mod exact;
pub use exact::*;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use std::collections::BTreeSet;

use std::fmt;

use crate::core::catalogue::{
    Band, GroupCap, GroupPart, ItemCap, Part, RateFlag, RateRule, RateWhen, Rounding, rate_for,
};

use crate::core::money::{MAX_INPUT, Yen, group_thousands};

use crate::core::rate::Rate;

/// What besides the cost decides a tier's amounts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// 病床数 (per-bed caps).
    pub beds: u32,
    /// Group members (per-member caps).
    pub members: u32,
    /// Stated circumstances that change rates.
    pub flags: BTreeSet<RateFlag>,
}

impl Context {
    pub fn with_beds(beds: u32) -> Context {
        Context {
            beds,
            ..Context::default()
        }
    }
}

/// The amounts a user gives for one tier: the main cost (`--cost`) and
/// item amounts (`--item KEY=YEN`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Costs {
    pub main: Yen,
    pub items: Vec<(String, Yen)>,
}

impl Costs {
    /// One amount for the whole project.
    pub fn total(main: Yen) -> Costs {
        Costs {
            main,
            items: Vec::new(),
        }
    }

    /// Amounts per item key.
    pub fn by_item(items: Vec<(String, Yen)>) -> Costs {
        Costs { main: 0, items }
    }

    pub(crate) fn item(&self, key: &str) -> Yen {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, yen)| *yen)
    }
}

/// One cost item summed under the tier's caps, after its own cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemLine {
    pub key: String,
    pub cost: Yen,
    pub business_cost_cap: Yen,
    /// `min(cost, business_cost_cap)`.
    pub counted: Yen,
}

/// One band of a grant-tiered rate, as used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandLine {
    pub rate: Rate,
    /// The part of the eligible cost paid at this rate.
    pub cost: ExactYen,
    pub grant: ExactYen,
}

/// A separate part with its own rate and cap (PC・タブレット等 1/2, 10万円).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartLine {
    pub key: String,
    pub cost: Yen,
    pub counted: Yen,
    pub rate: Rate,
    pub grant_cap: Option<Yen>,
    pub grant: ExactYen,
}

/// A cap on several parts together, as applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    pub parts: Vec<GroupPart>,
    pub grant_cap: Yen,
    /// How much the parts together exceeded the cap (taken off the grant).
    pub excess: ExactYen,
}

/// Every step of one grant, for showing and explaining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computation {
    /// What the user said the project costs (main cost and every item).
    pub cost: Yen,
    pub items: Vec<ItemLine>,
    /// 事業額上限.
    pub business_cost_cap: Option<Yen>,
    /// The main cost after item caps and the business-cost cap.
    pub eligible_cost: Yen,
    /// The rate applied (the first band's, where the rate is tiered).
    pub rate: Rate,
    pub bands: Vec<BandLine>,
    /// The main grant before its cap, exact.
    pub before_grant_cap: ExactYen,
    /// 補助限度額 for the main cost (per-bed caps multiplied; `未満` caps less 1円).
    pub grant_cap: Option<Yen>,
    /// The main grant after its cap.
    pub main_grant: ExactYen,
    pub parts: Vec<PartLine>,
    pub groups: Vec<GroupLine>,
    /// Everything together, before rounding.
    pub before_rounding: ExactYen,
    pub rounding: Rounding,
    pub grant: Yen,
    /// 補助下限, where the tier has one.
    pub grant_min: Option<Yen>,
    /// 自己負担: cost − grant.
    pub self_burden: Yen,
    /// A per-unit tier (a coupon each): every unit's own computation, which
    /// the figures above add up; empty for other tiers.
    pub units: Vec<Computation>,
}

impl Computation {
    /// The grant is under the tier's 補助下限: the case is not eligible.
    pub fn below_minimum(&self) -> bool {
        self.grant_min.is_some_and(|min| self.grant < min)
    }
}

/// What the arithmetic needs of a rate rule, each kind of rule giving its
/// own ([`terms`]): the items summed into the main cost, the caps, the
/// rate, the parts at their own rates and the caps on parts together.
struct Terms<'r> {
    /// Items capped on their own and summed into the main cost.
    summed: &'r [ItemCap],
    /// 事業額上限 on the main cost.
    business_cost_cap: Option<Yen>,
    rate: MainRate<'r>,
    /// 補助限度額 for the main cost (per-bed caps multiplied; `未満` caps less 1円).
    grant_cap: Option<Yen>,
    parts: &'r [Part],
    group_caps: &'r [GroupCap],
    /// 補助下限.
    grant_min: Option<Yen>,
}

/// The rate for the main cost: one rate, or bands tiered on the grant.
#[derive(Clone, Copy)]
enum MainRate<'r> {
    One(Rate, &'r [RateWhen]),
    Bands(&'r [Band]),
}

impl Terms<'_> {
    /// The main cost alone, as one amount: no items, parts or group caps.
    fn main_only(&self) -> Terms<'_> {
        Terms {
            summed: &[],
            business_cost_cap: self.business_cost_cap,
            rate: self.rate,
            grant_cap: self.grant_cap,
            parts: &[],
            group_caps: &[],
            grant_min: self.grant_min,
        }
    }
}

/// The terms of `rule` for a facility (`ctx`: its beds, for per-bed caps).
fn terms<'r>(rule: &'r RateRule, ctx: &Context) -> Terms<'r> {
    let capped = |business_cost_cap, rate, grant_cap| Terms {
        summed: &[],
        business_cost_cap,
        rate: MainRate::One(rate, &[]),
        grant_cap,
        parts: &[],
        group_caps: &[],
        grant_min: None,
    };
    match rule {
        RateRule::Capped(r) => Terms {
            rate: MainRate::One(r.rate, &r.rate_when),
            // 「150万円未満」: whole yen below the cap.
            grant_cap: r.grant_cap.map(|cap| {
                if r.grant_cap_exclusive {
                    cap.saturating_sub(1)
                } else {
                    cap
                }
            }),
            grant_min: r.grant_min,
            ..capped(r.business_cost_cap, r.rate, None)
        },
        RateRule::PerBed(r) => {
            let per_bed = r.grant_cap_per_bed.saturating_mul(Yen::from(ctx.beds));
            let cap = r.grant_cap.map_or(per_bed, |cap| cap.min(per_bed));
            capped(None, r.rate, Some(cap))
        }
        RateRule::PerItem(r) => Terms {
            summed: &r.items,
            ..capped(r.business_cost_cap, r.rate, r.grant_cap)
        },
        // One unit; [`compute_units`] adds the units up.
        RateRule::PerUnit(r) => capped(r.business_cost_cap, r.rate, r.grant_cap),
        RateRule::Banded(r) => Terms {
            rate: MainRate::Bands(&r.bands),
            parts: &r.parts,
            group_caps: &r.group_caps,
            ..capped(None, Rate::whole(), r.grant_cap)
        },
    }
}

/// The grant cap for the main cost a facility gets under this rule.
pub fn grant_cap(rule: &RateRule, ctx: &Context) -> Option<Yen> {
    terms(rule, ctx).grant_cap
}

/// The rate for the main cost with the stated flags (the first band's, if banded).
fn main_rate(rate: &MainRate<'_>, flags: &BTreeSet<RateFlag>) -> Rate {
    match rate {
        MainRate::One(rate, when) => rate_for(*rate, when, flags),
        MainRate::Bands(bands) => bands.first().map_or(Rate::whole(), |band| {
            rate_for(band.rate, &band.rate_when, flags)
        }),
    }
}

/// `cost` through rate bands tiered on the grant: the part of the grant up
/// to each band's limit at that band's rate.
fn banded(cost: ExactYen, bands: &[Band], flags: &BTreeSet<RateFlag>) -> (ExactYen, Vec<BandLine>) {
    let mut remaining = cost;
    let mut grant = ExactYen::ZERO;
    let mut level = ExactYen::ZERO;
    let mut lines = Vec::new();
    for band in bands {
        if remaining == ExactYen::ZERO {
            break;
        }
        let rate = rate_for(band.rate, &band.rate_when, flags);
        let (used, earned) = match band.up_to_grant {
            Some(limit) => {
                let room = ExactYen::whole(limit).saturating_minus(level);
                let cost_for_room = room.divided_by_rate(rate);
                if remaining <= cost_for_room {
                    (remaining, remaining.times_rate(rate))
                } else {
                    (cost_for_room, room)
                }
            }
            None => (remaining, remaining.times_rate(rate)),
        };
        remaining = remaining.saturating_minus(used);
        grant = grant.plus(earned);
        level = level.plus(earned);
        lines.push(BandLine {
            rate,
            cost: used,
            grant: earned,
        });
    }
    (grant, lines)
}

fn separate_part(part: &Part, costs: &Costs, ctx: &Context) -> PartLine {
    let rate = rate_for(part.rate, &part.rate_when, &ctx.flags);
    let cost = costs.item(&part.key);
    let counted = part.business_cost_cap.map_or(cost, |cap| cost.min(cap));
    let per_member = part
        .grant_cap_per_member
        .map(|per| per.saturating_mul(Yen::from(ctx.members)));
    let grant_cap = match (part.grant_cap, per_member) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let exact = ExactYen::times(counted, rate);
    PartLine {
        key: part.key.clone(),
        cost,
        counted,
        rate,
        grant_cap,
        grant: grant_cap.map_or(exact, |cap| exact.min_yen(cap)),
    }
}

/// Computes the grant for one tier. For a tier whose items are summed under
/// its caps, the amounts come from `costs.items`; otherwise `costs.main` is
/// the main cost and `costs.items` the separate parts (missing ones are 0).
///
/// ```
/// use subsidy::core::calc::{compute, Context, Costs};
/// use subsidy::core::catalogue::Catalogue;
///
/// // 001: 大規模病院・健診実施, 14,000,000 → 13,158,000 (事業額上限) × 1/2 = 6,579,000.
/// let catalogue = Catalogue::embedded().unwrap();
/// let program = catalogue.program("ehr-sharing").unwrap();
/// let tier = program.tiers.iter().find(|t| t.id == "large-kenshin").unwrap();
/// let c = compute(&tier.rule, &Context::with_beds(250), program.rounding.rule, &Costs::total(14_000_000));
/// assert_eq!((c.eligible_cost, c.grant, c.self_burden), (13_158_000, 6_579_000, 7_421_000));
/// ```
pub fn compute(rule: &RateRule, ctx: &Context, rounding: Rounding, costs: &Costs) -> Computation {
    compute_terms(&terms(rule, ctx), ctx, rounding, costs)
}

fn compute_terms(t: &Terms<'_>, ctx: &Context, rounding: Rounding, costs: &Costs) -> Computation {
    let items: Vec<ItemLine> = t
        .summed
        .iter()
        .map(|item| {
            let cost = costs.item(&item.key);
            let cap = item.business_cost_cap.unwrap_or(cost);
            ItemLine {
                key: item.key.clone(),
                cost,
                business_cost_cap: cap,
                counted: cost.min(cap),
            }
        })
        .collect();
    // Amounts are inputs of at most 1兆円 each (money::MAX_INPUT), one per
    // item of a tier of at most 1,000 (bounds::MAX_COUNT): sums fit in u64.
    let after_items: Yen = if t.summed.is_empty() {
        costs.main
    } else {
        items.iter().map(|line| line.counted).sum()
    };
    let eligible_cost = t
        .business_cost_cap
        .map_or(after_items, |cap| after_items.min(cap));
    let (before_grant_cap, bands) = match t.rate {
        MainRate::One(rate, when) => {
            let rate = rate_for(rate, when, &ctx.flags);
            (ExactYen::times(eligible_cost, rate), Vec::new())
        }
        MainRate::Bands(bands) => banded(ExactYen::whole(eligible_cost), bands, &ctx.flags),
    };
    let grant_cap = t.grant_cap;
    let main_grant = grant_cap.map_or(before_grant_cap, |cap| before_grant_cap.min_yen(cap));
    let parts: Vec<PartLine> = t
        .parts
        .iter()
        .map(|part| separate_part(part, costs, ctx))
        .collect();
    let grant_of = |part: &GroupPart| match part {
        GroupPart::Main => main_grant,
        GroupPart::Part(key) => parts
            .iter()
            .find(|p| &p.key == key)
            .map_or(ExactYen::ZERO, |p| p.grant),
    };
    let groups: Vec<GroupLine> = t
        .group_caps
        .iter()
        .map(|group| {
            let together = group
                .parts
                .iter()
                .fold(ExactYen::ZERO, |sum, part| sum.plus(grant_of(part)));
            GroupLine {
                parts: group.parts.clone(),
                grant_cap: group.grant_cap,
                excess: together.saturating_minus(ExactYen::whole(group.grant_cap)),
            }
        })
        .collect();
    let before_rounding = groups.iter().fold(
        parts
            .iter()
            .fold(main_grant, |sum, part| sum.plus(part.grant)),
        |sum, group| sum.saturating_minus(group.excess),
    );
    let grant = before_rounding.round(rounding);
    let cost = if t.summed.is_empty() {
        costs.main + costs.items.iter().map(|(_, yen)| *yen).sum::<Yen>()
    } else {
        costs.items.iter().map(|(_, yen)| *yen).sum()
    };
    Computation {
        cost,
        items,
        business_cost_cap: t.business_cost_cap,
        eligible_cost,
        rate: main_rate(&t.rate, &ctx.flags),
        bands,
        before_grant_cap,
        grant_cap,
        main_grant,
        parts,
        groups,
        before_rounding,
        rounding,
        grant,
        grant_min: t.grant_min,
        self_burden: cost.saturating_sub(grant),
        units: Vec::new(),
    }
}

/// The grant for `units` units of a per-unit tier (the スマホ保険証 coupon):
/// the cost is split as evenly as possible, each unit is capped and rounded
/// on its own (クーポン補助額１円未満は四捨五入), and the units are summed.
pub fn compute_units(
    rule: &RateRule,
    ctx: &Context,
    rounding: Rounding,
    cost: Yen,
    units: u32,
) -> Computation {
    // Loading keeps `units` at most 1,000 (bounds::MAX_COUNT): the loop is
    // short, and sums of per-unit caps of at most 1兆円 fit in u64.
    let n = Yen::from(units.max(1));
    let parts: Vec<Yen> = (0..n).map(|i| cost / n + Yen::from(i < cost % n)).collect();
    compute_each_unit(rule, ctx, rounding, &parts)
}

/// A per-unit tier with each unit's own cost (003 No.8: one set per coupon
/// code, each at its own price): every unit computed and rounded on its own,
/// then added up.
pub fn compute_each_unit(
    rule: &RateRule,
    ctx: &Context,
    rounding: Rounding,
    costs: &[Yen],
) -> Computation {
    let units: Vec<Computation> = costs
        .iter()
        .map(|cost| compute(rule, ctx, rounding, &Costs::total(*cost)))
        .collect();
    let Some((first, rest)) = units.split_first() else {
        return compute(rule, ctx, rounding, &Costs::total(0));
    };
    let mut total = first.clone();
    for one in rest {
        total = Computation {
            cost: total.cost + one.cost,
            eligible_cost: total.eligible_cost + one.eligible_cost,
            business_cost_cap: total
                .business_cost_cap
                .zip(one.business_cost_cap)
                .map(|(a, b)| a + b),
            before_grant_cap: total.before_grant_cap.plus(one.before_grant_cap),
            // A per-bed cap times --beds may already stand at u64::MAX
            // (grant_cap saturates): above any grant, and it stays there.
            grant_cap: total
                .grant_cap
                .zip(one.grant_cap)
                .map(|(a, b)| a.saturating_add(b)),
            main_grant: total.main_grant.plus(one.main_grant),
            before_rounding: total.before_rounding.plus(one.before_rounding),
            grant: total.grant + one.grant,
            self_burden: total.self_burden + one.self_burden,
            ..total
        };
    }
    total.units = units;
    total
}

/// The largest grant the rule can pay for the main cost (what
/// [`largest_payable`] finds, without searching for the cost that reaches it).
pub fn payable_max(rule: &RateRule, ctx: &Context, rounding: Rounding) -> Yen {
    let t = terms(rule, ctx);
    let bound = cost_bound(&t);
    compute_terms(&t.main_only(), ctx, rounding, &Costs::total(bound)).grant
}

/// The main cost past which the grant cannot grow: the business-cost cap,
/// the sum of the item caps, or else the largest input.
fn cost_bound(t: &Terms<'_>) -> Yen {
    // A loaded catalogue keeps this sum at most 1兆円 (bounds::out_of_bounds);
    // a sum past u64 would count as no bound rather than wrap.
    let item_bound: Option<Yen> = t
        .summed
        .iter()
        .try_fold(0, |sum: Yen, i| sum.checked_add(i.business_cost_cap?))
        .filter(|_| !t.summed.is_empty());
    match (t.business_cost_cap, item_bound) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(MAX_INPUT),
    }
}

/// The grant as the main cost rises, for a chart: `points` costs from 0 to
/// `up_to`, evenly spaced, each with its grant; and where the caps start to
/// bind. All computed as a claim would be (rates, caps, rounding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Curve {
    pub points: Vec<(Yen, Yen)>,
    /// The business-cost cap (事業額上限), where the grant stops growing with the cost.
    pub business_cost_cap: Option<Yen>,
    /// The least cost at which the grant reaches its largest (the grant cap binds
    /// there unless the business-cost cap binds first), and that grant.
    pub largest: (Yen, Yen),
}

/// [`Curve`] of a rule's main cost (items, parts and group caps aside), up
/// to `up_to` (at least past where the grant stops growing).
pub fn grant_curve(
    rule: &RateRule,
    ctx: &Context,
    rounding: Rounding,
    up_to: Yen,
    points: u32,
) -> Curve {
    let t = terms(rule, ctx);
    let main_only = t.main_only();
    let largest = largest_payable(rule, ctx, rounding);
    let up_to = up_to
        .max(largest.1.saturating_add(largest.1 / 4))
        .clamp(1, MAX_INPUT);
    let points = points.max(2);
    let points = (0..=points)
        .map(|i| {
            // Multiply first, divide last: no step drifts.
            let cost = Yen::try_from(u128::from(up_to) * u128::from(i) / u128::from(points))
                .unwrap_or(up_to);
            (
                cost,
                compute_terms(&main_only, ctx, rounding, &Costs::total(cost)).grant,
            )
        })
        .collect();
    Curve {
        points,
        business_cost_cap: t.business_cost_cap,
        largest,
    }
}

/// The largest grant the rule can pay for the main cost (parts with their
/// own rates aside), and the least main cost that reaches it.
pub fn largest_payable(rule: &RateRule, ctx: &Context, rounding: Rounding) -> (Yen, Yen) {
    let t = terms(rule, ctx);
    let bound = cost_bound(&t);
    // The main cost alone, as one amount.
    let main_only = t.main_only();
    let grant_at = |cost: Yen| compute_terms(&main_only, ctx, rounding, &Costs::total(cost)).grant;
    let best = grant_at(bound);
    // The grant never falls as the cost rises: binary-search the least cost reaching `best`.
    let (mut low, mut high) = (0, bound);
    while low < high {
        let mid = low + (high - low) / 2;
        if grant_at(mid) >= best {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    (best, low)
}
