//! The grant arithmetic, exact and pure.
//!
//! cost → per-item caps → 事業額上限 (business-cost cap) → × 補助率 (rate, or
//! rate bands tiered on the grant) → 補助限度額 (grant cap) → separate parts
//! with their own rates → caps on parts together → the program's rounding rule.
//! Multiply first, divide last: every intermediate is an exact fraction of yen.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt;

use crate::core::catalogue::{Band, RateFlag, Rounding, Tier, TierItem, rate_for};
use crate::core::money::{MAX_INPUT, Yen, group_thousands};
use crate::core::rate::Rate;

/// An exact amount of yen, `numerator / denominator` (never a float).
///
/// Computed in 128 bits without checks: a loaded catalogue keeps every figure
/// at most 1兆円 and the terms of each tier's rates small (see
/// [`crate::core::bounds::MAX_RATE_TERMS`]), so every product formed here stays
/// below 2^104.
#[derive(Debug, Clone, Copy)]
pub struct ExactYen {
    numerator: u128,
    denominator: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl ExactYen {
    pub const ZERO: ExactYen = ExactYen {
        numerator: 0,
        denominator: 1,
    };

    fn new(numerator: u128, denominator: u128) -> ExactYen {
        let g = gcd(numerator, denominator);
        ExactYen {
            numerator: numerator / g,
            denominator: denominator / g,
        }
    }

    pub fn whole(yen: Yen) -> ExactYen {
        ExactYen::new(u128::from(yen), 1)
    }

    /// `yen × rate`, exactly.
    pub fn times(yen: Yen, rate: Rate) -> ExactYen {
        ExactYen::whole(yen).times_rate(rate)
    }

    pub fn times_rate(self, rate: Rate) -> ExactYen {
        ExactYen::new(
            self.numerator * u128::from(rate.numerator()),
            self.denominator * u128::from(rate.denominator()),
        )
    }

    /// `self / rate`: the cost that earns this grant at `rate`.
    pub fn divided_by_rate(self, rate: Rate) -> ExactYen {
        ExactYen::new(
            self.numerator * u128::from(rate.denominator()),
            self.denominator * u128::from(rate.numerator()),
        )
    }

    /// The exact sum.
    pub fn plus(self, other: ExactYen) -> ExactYen {
        ExactYen::new(
            self.numerator * other.denominator + other.numerator * self.denominator,
            self.denominator * other.denominator,
        )
    }

    /// The exact difference, or zero where `other` is larger.
    pub fn saturating_minus(self, other: ExactYen) -> ExactYen {
        let a = self.numerator * other.denominator;
        let b = other.numerator * self.denominator;
        ExactYen::new(a.saturating_sub(b), self.denominator * other.denominator)
    }

    /// The smaller of this and a whole-yen cap.
    pub fn min_yen(self, cap: Yen) -> ExactYen {
        self.min(ExactYen::whole(cap))
    }

    /// Applies a rounding rule, giving whole yen.
    pub fn round(self, rule: Rounding) -> Yen {
        let n = self.numerator;
        let d = self.denominator;
        let yen = match rule {
            Rounding::Truncate1000 => n / (d * 1000) * 1000,
            // Half up: floor(x + 1/2) = floor((2n + d) / 2d).
            Rounding::RoundHalfUp1 => (2 * n + d) / (2 * d),
            Rounding::NoneStated => n / d,
        };
        // Inputs are at most 1兆円 × a rate <= 1, so this always fits.
        Yen::try_from(yen).unwrap_or(Yen::MAX)
    }

    pub fn is_whole(self) -> bool {
        self.numerator.is_multiple_of(self.denominator)
    }

    /// `"5456500"` or, where not whole, the exact fraction `"6499999/9"` (for JSON).
    pub fn to_fraction_string(self) -> String {
        if self.is_whole() {
            (self.numerator / self.denominator).to_string()
        } else {
            format!("{}/{}", self.numerator, self.denominator)
        }
    }
}

impl PartialEq for ExactYen {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ExactYen {}

impl PartialOrd for ExactYen {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ExactYen {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.numerator * other.denominator).cmp(&(other.numerator * self.denominator))
    }
}

/// `5,456,500`, `6,172.5`, `2,007,333.33…` (two decimals, `…` where inexact).
impl fmt::Display for ExactYen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.denominator;
        let whole = self.numerator / d;
        let remainder = self.numerator % d;
        write!(f, "{}", group_thousands(whole))?;
        if remainder == 0 {
            return Ok(());
        }
        let hundredths = remainder * 100 / d;
        let exact = (remainder * 100).is_multiple_of(d);
        let mut decimals = format!("{hundredths:02}");
        if exact {
            while decimals.ends_with('0') {
                decimals.pop();
            }
        }
        write!(f, ".{decimals}{}", if exact { "" } else { "…" })
    }
}

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

    fn item(&self, key: &str) -> Yen {
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
    pub parts: Vec<String>,
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

/// The grant cap for the main cost a facility gets in this tier.
pub fn grant_cap(tier: &Tier, ctx: &Context) -> Option<Yen> {
    let per_bed = tier
        .grant_cap_per_bed
        .map(|per_bed| per_bed.saturating_mul(Yen::from(ctx.beds)));
    let cap = match (tier.grant_cap, per_bed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    // 「150万円未満」: whole yen below the cap.
    cap.map(|c| {
        if tier.grant_cap_exclusive {
            c.saturating_sub(1)
        } else {
            c
        }
    })
}

/// The rate for the main cost with the stated flags (the first band's, if banded).
pub fn main_rate(tier: &Tier, flags: &BTreeSet<RateFlag>) -> Rate {
    match tier.bands.first() {
        Some(band) => rate_for(band.rate, &band.rate_when, flags),
        None => rate_for(tier.rate, &tier.rate_when, flags),
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

fn separate_part(item: &TierItem, costs: &Costs, ctx: &Context) -> Option<PartLine> {
    let rate = rate_for(item.rate?, &item.rate_when, &ctx.flags);
    let cost = costs.item(&item.key);
    let counted = item.business_cost_cap.map_or(cost, |cap| cost.min(cap));
    let per_member = item
        .grant_cap_per_member
        .map(|per| per.saturating_mul(Yen::from(ctx.members)));
    let grant_cap = match (item.grant_cap, per_member) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let exact = ExactYen::times(counted, rate);
    Some(PartLine {
        key: item.key.clone(),
        cost,
        counted,
        rate,
        grant_cap,
        grant: grant_cap.map_or(exact, |cap| exact.min_yen(cap)),
    })
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
/// let c = compute(tier, &Context::with_beds(250), program.rounding.rule, &Costs::total(14_000_000));
/// assert_eq!((c.eligible_cost, c.grant, c.self_burden), (13_158_000, 6_579_000, 7_421_000));
/// ```
pub fn compute(tier: &Tier, ctx: &Context, rounding: Rounding, costs: &Costs) -> Computation {
    let summed: Vec<&TierItem> = tier.items.iter().filter(|i| !i.is_separate()).collect();
    let items: Vec<ItemLine> = summed
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
    let after_items: Yen = if summed.is_empty() {
        costs.main
    } else {
        items.iter().map(|line| line.counted).sum()
    };
    let eligible_cost = tier
        .business_cost_cap
        .map_or(after_items, |cap| after_items.min(cap));
    let (before_grant_cap, bands) = if tier.bands.is_empty() {
        let rate = rate_for(tier.rate, &tier.rate_when, &ctx.flags);
        (ExactYen::times(eligible_cost, rate), Vec::new())
    } else {
        banded(ExactYen::whole(eligible_cost), &tier.bands, &ctx.flags)
    };
    let grant_cap = grant_cap(tier, ctx);
    let main_grant = grant_cap.map_or(before_grant_cap, |cap| before_grant_cap.min_yen(cap));
    let parts: Vec<PartLine> = tier
        .items
        .iter()
        .filter_map(|item| separate_part(item, costs, ctx))
        .collect();
    let grant_of = |key: &str| {
        if key == "main" {
            main_grant
        } else {
            parts
                .iter()
                .find(|p| p.key == key)
                .map_or(ExactYen::ZERO, |p| p.grant)
        }
    };
    let groups: Vec<GroupLine> = tier
        .group_caps
        .iter()
        .map(|group| {
            let together = group
                .parts
                .iter()
                .fold(ExactYen::ZERO, |sum, key| sum.plus(grant_of(key)));
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
    let cost = if summed.is_empty() {
        costs.main + costs.items.iter().map(|(_, yen)| *yen).sum::<Yen>()
    } else {
        costs.items.iter().map(|(_, yen)| *yen).sum()
    };
    Computation {
        cost,
        items,
        business_cost_cap: tier.business_cost_cap,
        eligible_cost,
        rate: main_rate(tier, &ctx.flags),
        bands,
        before_grant_cap,
        grant_cap,
        main_grant,
        parts,
        groups,
        before_rounding,
        rounding,
        grant,
        grant_min: tier.grant_min,
        self_burden: cost.saturating_sub(grant),
        units: Vec::new(),
    }
}

/// The grant for `units` units of a per-unit tier (the スマホ保険証 coupon):
/// the cost is split as evenly as possible, each unit is capped and rounded
/// on its own (クーポン補助額１円未満は四捨五入), and the units are summed.
pub fn compute_units(
    tier: &Tier,
    ctx: &Context,
    rounding: Rounding,
    cost: Yen,
    units: u32,
) -> Computation {
    // Loading keeps `units` at most 1,000 (bounds::MAX_COUNT): the loop is
    // short, and sums of per-unit caps of at most 1兆円 fit in u64.
    let n = Yen::from(units.max(1));
    let parts: Vec<Yen> = (0..n).map(|i| cost / n + Yen::from(i < cost % n)).collect();
    compute_each_unit(tier, ctx, rounding, &parts)
}

/// A per-unit tier with each unit's own cost (003 No.8: one set per coupon
/// code, each at its own price): every unit computed and rounded on its own,
/// then added up.
pub fn compute_each_unit(
    tier: &Tier,
    ctx: &Context,
    rounding: Rounding,
    costs: &[Yen],
) -> Computation {
    let units: Vec<Computation> = costs
        .iter()
        .map(|cost| compute(tier, ctx, rounding, &Costs::total(*cost)))
        .collect();
    let Some((first, rest)) = units.split_first() else {
        return compute(tier, ctx, rounding, &Costs::total(0));
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

/// The largest grant the rule can pay for the main cost in this tier (what
/// [`largest_payable`] finds, without searching for the cost that reaches it).
pub fn payable_max(tier: &Tier, ctx: &Context, rounding: Rounding) -> Yen {
    if tier.items.is_empty() && tier.group_caps.is_empty() {
        return compute(tier, ctx, rounding, &Costs::total(cost_bound(tier))).grant;
    }
    let main_only = Tier {
        items: Vec::new(),
        group_caps: Vec::new(),
        ..tier.clone()
    };
    compute(&main_only, ctx, rounding, &Costs::total(cost_bound(tier))).grant
}

/// The main cost past which the grant cannot grow: the business-cost cap,
/// the sum of the item caps, or else the largest input.
fn cost_bound(tier: &Tier) -> Yen {
    let summed: Vec<&TierItem> = tier.items.iter().filter(|i| !i.is_separate()).collect();
    // A loaded catalogue keeps this sum at most 1兆円 (bounds::out_of_bounds);
    // a sum past u64 would count as no bound rather than wrap.
    let item_bound: Option<Yen> = summed
        .iter()
        .try_fold(0, |sum: Yen, i| sum.checked_add(i.business_cost_cap?))
        .filter(|_| !summed.is_empty());
    match (tier.business_cost_cap, item_bound) {
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

/// [`Curve`] of a tier's main cost (items and group caps aside), up to
/// `up_to` (at least past where the grant stops growing).
pub fn grant_curve(
    tier: &Tier,
    ctx: &Context,
    rounding: Rounding,
    up_to: Yen,
    points: u32,
) -> Curve {
    let main_only = Tier {
        items: Vec::new(),
        group_caps: Vec::new(),
        ..tier.clone()
    };
    let largest = largest_payable(tier, ctx, rounding);
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
                compute(&main_only, ctx, rounding, &Costs::total(cost)).grant,
            )
        })
        .collect();
    Curve {
        points,
        business_cost_cap: tier.business_cost_cap,
        largest,
    }
}

/// The largest grant the rule can pay for the main cost in this tier (parts
/// with their own rates aside), and the least main cost that reaches it.
pub fn largest_payable(tier: &Tier, ctx: &Context, rounding: Rounding) -> (Yen, Yen) {
    let bound = cost_bound(tier);
    // The main cost alone, as one amount.
    let main_only = Tier {
        items: Vec::new(),
        group_caps: Vec::new(),
        ..tier.clone()
    };
    let grant_at = |cost: Yen| compute(&main_only, ctx, rounding, &Costs::total(cost)).grant;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{Cite, FacilityClass, Text, TierItem};

    fn tier(rate: &str, business_cost_cap: Option<Yen>, grant_cap: Option<Yen>) -> Tier {
        Tier {
            id: "t".into(),
            variant: None,
            facilities: vec![FacilityClass::Hospital],
            beds_min: None,
            beds_max: None,
            kenshin: None,
            label: Text {
                ja: "t".into(),
                en: "t".into(),
            },
            processes_min: None,
            processes_max: None,
            functions_min: None,
            functions_max: None,
            members_min: None,
            rate: rate.parse().unwrap(),
            rate_when: Vec::new(),
            bands: Vec::new(),
            rate_assumed: None,
            business_cost_cap,
            grant_cap,
            grant_cap_exclusive: false,
            grant_min: None,
            group_caps: Vec::new(),
            conditions: Vec::new(),
            grant_cap_per_bed: None,
            items: Vec::new(),
            default_item: None,
            per_unit: None,
            cap_note: None,
            cite: Cite {
                source: "003".into(),
                at: "test".into(),
            },
        }
    }

    fn item(key: &str, business_cost_cap: Yen) -> TierItem {
        TierItem {
            key: key.into(),
            business_cost_cap: Some(business_cost_cap),
            rate: None,
            rate_when: Vec::new(),
            grant_cap: None,
            grant_cap_per_member: None,
        }
    }

    fn grant(tier: &Tier, rounding: Rounding, cost: Yen) -> Yen {
        compute(tier, &Context::with_beds(0), rounding, &Costs::total(cost)).grant
    }

    #[test]
    fn ehr_sharing_design_card() {
        // 001 / 003 No.12: 大規模病院 健診実施, 1/2, 事業額上限 13,158,000, 補助限度額 6,579,000.
        let t = tier("1/2", Some(13_158_000), Some(6_579_000));
        let c = compute(
            &t,
            &Context::with_beds(250),
            Rounding::Truncate1000,
            &Costs::total(14_000_000),
        );
        assert_eq!(c.eligible_cost, 13_158_000);
        assert_eq!(c.grant, 6_579_000);
        assert_eq!(c.self_burden, 14_000_000 - 6_579_000);
    }

    #[test]
    fn truncation_to_1000_yen_edges() {
        // 003 No.9 病院(199床以下) 初期導入: 1/3, 事業額上限 3,259,000, cap 1,086,000.
        let t = tier("1/3", Some(3_259_000), Some(1_086_000));
        assert_eq!(grant(&t, Rounding::Truncate1000, 2_999), 0); // 999.67 → 0
        assert_eq!(grant(&t, Rounding::Truncate1000, 3_000), 1_000); // exactly 1,000
        assert_eq!(grant(&t, Rounding::Truncate1000, 5_999), 1_000); // 1,999.67 → 1,000
        assert_eq!(grant(&t, Rounding::Truncate1000, 3_258_000), 1_086_000);
        assert_eq!(grant(&t, Rounding::Truncate1000, 3_257_999), 1_085_000);
    }

    #[test]
    fn coupon_rounds_half_up_to_the_yen() {
        // 003 No.8: 1/2, 限度額 7,000, 事業額上限 14,000, クーポン補助額１円未満は四捨五入.
        let t = tier("1/2", Some(14_000), Some(7_000));
        assert_eq!(grant(&t, Rounding::RoundHalfUp1, 12_345), 6_173); // 6,172.5 → 6,173
        assert_eq!(grant(&t, Rounding::RoundHalfUp1, 12_344), 6_172);
        assert_eq!(grant(&t, Rounding::RoundHalfUp1, 1), 1); // 0.5 → 1
        assert_eq!(grant(&t, Rounding::RoundHalfUp1, 20_000), 7_000);
        // The 1,000-yen rule would pay 6,000 for the same cost.
        assert_eq!(grant(&t, Rounding::Truncate1000, 12_345), 6_000);
    }

    #[test]
    fn none_stated_truncates_below_one_yen() {
        // 003 No.11 福岡 病院(199床以下) ② 追加: 1/6, 上限 167,000, no 事業額上限 stated.
        let t = tier("1/6", None, Some(167_000));
        assert_eq!(grant(&t, Rounding::NoneStated, 1_000_000), 166_666); // 166,666.67
        assert_eq!(grant(&t, Rounding::NoneStated, 1_002_000), 167_000);
        assert_eq!(grant(&t, Rounding::NoneStated, 5), 0); // 0.83
    }

    #[test]
    fn item_caps_apply_per_item_then_the_business_cap() {
        // 003 No.2 病院: モバイル端末 4.1万, レセコン改修等 78.1万, 事業額上限 82.2万, 1/2, 41.1万.
        let mut t = tier("1/2", Some(822_000), Some(411_000));
        t.items = vec![item("mobile", 41_000), item("rececon", 781_000)];
        let costs = Costs::by_item(vec![
            ("mobile".into(), 100_000),
            ("rececon".into(), 300_000),
        ]);
        let c = compute(&t, &Context::with_beds(100), Rounding::Truncate1000, &costs);
        assert_eq!(c.cost, 400_000);
        assert_eq!(c.items[0].counted, 41_000);
        assert_eq!(c.eligible_cost, 341_000);
        assert_eq!(c.grant, 170_000); // 170,500 → 170,000
        assert_eq!(c.self_burden, 230_000);
    }

    #[test]
    fn per_bed_caps_multiply() {
        // 003 No.13: 許可病床数 × 4万円; 60 beds → 2,400,000.
        let mut t = tier("1/1", None, None);
        t.grant_cap_per_bed = Some(40_000);
        let c = compute(
            &t,
            &Context::with_beds(60),
            Rounding::NoneStated,
            &Costs::total(5_000_000),
        );
        assert_eq!(c.grant_cap, Some(2_400_000));
        assert_eq!(c.grant, 2_400_000);
    }

    #[test]
    fn largest_payable_finds_unreachable_caps() {
        // 001: 中小規模病院 健診実施: 10,913,000 × 1/2 = 5,456,500 → 5,456,000 < 5,457,000.
        let t = tier("1/2", Some(10_913_000), Some(5_457_000));
        assert_eq!(
            largest_payable(&t, &Context::with_beds(100), Rounding::Truncate1000),
            (5_456_000, 10_912_000)
        );
        // 003 No.1 診療所: 73,000 × 3/4 = 54,750 → 54,000, reached at 72,000.
        let t = tier("3/4", Some(73_000), Some(54_000));
        assert_eq!(
            largest_payable(&t, &Context::default(), Rounding::Truncate1000),
            (54_000, 72_000)
        );
        // No business cap: 福岡 診療所 ① 1/4, 97,000 → reached at 388,000.
        let t = tier("1/4", None, Some(97_000));
        assert_eq!(
            largest_payable(&t, &Context::default(), Rounding::NoneStated),
            (97_000, 388_000)
        );
    }

    #[test]
    fn coupons_round_each_unit_and_sum() {
        // 003 No.8: per coupon 1/2, 7,000 / 14,000, 1円未満四捨五入; 病院 up to 3 coupons.
        let t = tier("1/2", Some(14_000), Some(7_000));
        // 3 coupons, 30,001 yen: 10,001 + 10,000 + 10,000 → 5,000.5→5,001 + 5,000 + 5,000.
        let c = compute_units(
            &t,
            &Context::with_beds(300),
            Rounding::RoundHalfUp1,
            30_001,
            3,
        );
        assert_eq!(c.grant, 15_001);
        assert_eq!(c.grant_cap, Some(21_000));
        assert_eq!(c.business_cost_cap, Some(42_000));
        // 3 coupons at 50,000: each capped at 14,000 → 7,000 × 3.
        assert_eq!(
            compute_units(
                &t,
                &Context::with_beds(300),
                Rounding::RoundHalfUp1,
                50_000,
                3
            )
            .grant,
            21_000
        );
        assert_eq!(
            compute_units(
                &t,
                &Context::with_beds(300),
                Rounding::RoundHalfUp1,
                12_345,
                1
            )
            .grant,
            6_173
        );
    }

    #[test]
    fn a_tier_at_the_load_bounds_computes_exactly_without_overflow() {
        // Terms 16/625, 1/16, 625/10000, 1/10000, 5/8: least common multiple
        // 10,000, the most bounds::MAX_RATE_TERMS lets load; every figure and
        // input 1兆円 or just below. Expected values worked with Python's
        // fractions.Fraction following the same steps.
        use crate::core::catalogue::GroupCap;
        let rate = |text: &str| text.parse::<Rate>().unwrap();
        let band = |up_to_grant, text| Band {
            up_to_grant,
            rate: rate(text),
            rate_when: Vec::new(),
        };
        let mut t = tier("1/2", None, Some(1_000_000_000_000));
        t.bands = vec![
            band(Some(1_000_000_007), "16/625"),
            band(Some(2_000_000_011), "1/16"),
            band(None, "625/10000"),
        ];
        t.items = vec![
            TierItem {
                rate: Some(rate("1/10000")),
                grant_cap: Some(999_999_999_999),
                business_cost_cap: None,
                ..item("a", 0)
            },
            TierItem {
                rate: Some(rate("5/8")),
                ..item("b", 999_999_999_999)
            },
        ];
        t.group_caps = vec![GroupCap {
            parts: vec!["main".into(), "a".into(), "b".into()],
            grant_cap: 1_000_000_000_000,
            cite: t.cite.clone(),
        }];
        let costs = Costs {
            main: 1_000_000_000_000,
            items: vec![
                ("a".into(), 1_000_000_000_000),
                ("b".into(), 999_999_999_999),
            ],
        };
        let c = compute(&t, &Context::default(), Rounding::RoundHalfUp1, &costs);
        // Bands: 1,000,000,007 + 1,000,000,004 + 944,937,499,662.5625 × 1/16.
        assert_eq!(c.main_grant.to_fraction_string(), "15630999997417/256");
        assert_eq!(c.parts[0].grant.to_fraction_string(), "100000000");
        assert_eq!(c.parts[1].grant.to_fraction_string(), "4999999999995/8");
        assert_eq!(
            c.before_rounding.to_fraction_string(),
            "175656599997257/256"
        );
        assert_eq!(c.grant, 686_158_593_739);
        // Per unit: each of 7 units of 142,857,142,857 earns 1916714283129/256 → 7,487,165,168.
        let c = compute_units(
            &t,
            &Context::default(),
            Rounding::RoundHalfUp1,
            999_999_999_999,
            7,
        );
        assert_eq!(c.before_rounding.to_fraction_string(), "13416999981903/256");
        assert_eq!(c.grant, 52_410_156_176);
        // 1,000 units (bounds::MAX_COUNT) of 1,000,000,000 yen: 16/625 each.
        let c = compute_units(
            &t,
            &Context::default(),
            Rounding::RoundHalfUp1,
            1_000_000_000_000,
            1000,
        );
        assert_eq!(
            (c.grant, c.grant_cap),
            (25_600_000_000, Some(1_000_000_000_000_000))
        );
    }

    #[test]
    fn per_bed_caps_past_u64_do_not_overflow_when_units_are_summed() {
        // 1兆円 a bed × 4,294,967,295 beds passes u64::MAX: the cap saturates
        // for each unit, and the sum of two such caps did overflow.
        let mut t = tier("1/2", None, None);
        t.grant_cap_per_bed = Some(1_000_000_000_000);
        let c = compute_units(
            &t,
            &Context::with_beds(u32::MAX),
            Rounding::RoundHalfUp1,
            30_001,
            2,
        );
        // 15,001 → 7,500.5 → 7,501 and 15,000 → 7,500.
        assert_eq!((c.grant, c.grant_cap), (15_001, Some(Yen::MAX)));
    }

    #[test]
    fn exact_amounts_display() {
        assert_eq!(
            ExactYen::times(10_913_000, "1/2".parse().unwrap()).to_string(),
            "5,456,500"
        );
        assert_eq!(
            ExactYen::times(12_345, "1/2".parse().unwrap()).to_string(),
            "6,172.5"
        );
        assert_eq!(
            ExactYen::times(6_022_000, "1/3".parse().unwrap()).to_string(),
            "2,007,333.33…"
        );
        assert_eq!(
            ExactYen::times(1_000_000, "1/6".parse().unwrap()).to_string(),
            "166,666.66…"
        );
    }
}
