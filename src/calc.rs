//! The grant arithmetic, exact and pure.
//!
//! cost → per-item caps → 事業額上限 (business-cost cap) → × 補助率 (rate)
//! → 補助限度額 (grant cap) → the program's rounding rule.
//! Multiply first, divide last: every intermediate is an exact fraction of yen.

use std::cmp::Ordering;
use std::fmt;

use crate::catalogue::{Rounding, Tier};
use crate::money::{Yen, group_thousands};
use crate::rate::Rate;

/// An exact amount of yen, `numerator / denominator` (never a float).
#[derive(Debug, Clone, Copy)]
pub struct ExactYen {
    numerator: u128,
    denominator: u64,
}

impl ExactYen {
    pub fn whole(yen: Yen) -> ExactYen {
        ExactYen {
            numerator: u128::from(yen),
            denominator: 1,
        }
    }

    /// `yen × rate`, exactly.
    pub fn times(yen: Yen, rate: Rate) -> ExactYen {
        ExactYen {
            numerator: u128::from(yen) * u128::from(rate.numerator()),
            denominator: u64::from(rate.denominator()),
        }
    }

    /// The exact sum.
    pub fn plus(self, other: ExactYen) -> ExactYen {
        if self.denominator == other.denominator {
            return ExactYen {
                numerator: self.numerator + other.numerator,
                denominator: self.denominator,
            };
        }
        ExactYen {
            numerator: self.numerator * u128::from(other.denominator)
                + other.numerator * u128::from(self.denominator),
            denominator: self.denominator * other.denominator,
        }
    }

    /// The smaller of this and a whole-yen cap.
    pub fn min_yen(self, cap: Yen) -> ExactYen {
        if self > ExactYen::whole(cap) {
            ExactYen::whole(cap)
        } else {
            self
        }
    }

    /// Applies a rounding rule, giving whole yen.
    pub fn round(self, rule: Rounding) -> Yen {
        let n = self.numerator;
        let d = u128::from(self.denominator);
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
        self.numerator.is_multiple_of(u128::from(self.denominator))
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
        (self.numerator * u128::from(other.denominator))
            .cmp(&(other.numerator * u128::from(self.denominator)))
    }
}

/// `5,456,500`, `6,172.5`, `2,007,333.33…` (two decimals, `…` where inexact).
impl fmt::Display for ExactYen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = u128::from(self.denominator);
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

/// The amounts a user gives for one tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Costs {
    /// One amount for the whole project.
    Total(Yen),
    /// One amount per item key, in the tier's item order.
    ByItem(Vec<(String, Yen)>),
}

/// One cost item after its own cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemLine {
    pub key: String,
    pub cost: Yen,
    pub business_cost_cap: Yen,
    /// `min(cost, business_cost_cap)`.
    pub counted: Yen,
}

/// Every step of one grant, for showing and explaining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computation {
    /// What the user said the project costs.
    pub cost: Yen,
    pub items: Vec<ItemLine>,
    /// 事業額上限.
    pub business_cost_cap: Option<Yen>,
    /// The cost after item caps and the business-cost cap.
    pub eligible_cost: Yen,
    pub rate: Rate,
    /// `eligible_cost × rate`, exact.
    pub before_grant_cap: ExactYen,
    /// 補助限度額 for this facility (per-bed caps already multiplied).
    pub grant_cap: Option<Yen>,
    /// After the grant cap, before rounding.
    pub before_rounding: ExactYen,
    pub rounding: Rounding,
    pub grant: Yen,
    /// 自己負担: cost − grant.
    pub self_burden: Yen,
}

/// The grant cap a facility with `beds` beds gets in this tier.
pub fn grant_cap(tier: &Tier, beds: u32) -> Option<Yen> {
    let per_bed = tier
        .grant_cap_per_bed
        .map(|per_bed| per_bed.saturating_mul(Yen::from(beds)));
    match (tier.grant_cap, per_bed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Computes the grant for one tier. `costs` must match the tier: `ByItem`
/// with every item of the tier, or `Total` for a tier without items.
///
/// ```
/// use subsidy::calc::{compute, Costs};
/// use subsidy::catalogue::Catalogue;
///
/// // 001: 大規模病院・健診実施, 14,000,000 → 13,158,000 (事業額上限) × 1/2 = 6,579,000.
/// let catalogue = Catalogue::embedded().unwrap();
/// let program = catalogue.program("ehr-sharing").unwrap();
/// let tier = program.tiers.iter().find(|t| t.id == "large-kenshin").unwrap();
/// let c = compute(tier, 250, program.rounding.rule, &Costs::Total(14_000_000));
/// assert_eq!((c.eligible_cost, c.grant, c.self_burden), (13_158_000, 6_579_000, 7_421_000));
/// ```
pub fn compute(tier: &Tier, beds: u32, rounding: Rounding, costs: &Costs) -> Computation {
    let (cost, items) = match costs {
        Costs::Total(total) => (*total, Vec::new()),
        Costs::ByItem(given) => {
            let lines: Vec<ItemLine> = tier
                .items
                .iter()
                .map(|item| {
                    let cost = given
                        .iter()
                        .find(|(key, _)| key == &item.key)
                        .map_or(0, |(_, yen)| *yen);
                    ItemLine {
                        key: item.key.clone(),
                        cost,
                        business_cost_cap: item.business_cost_cap,
                        counted: cost.min(item.business_cost_cap),
                    }
                })
                .collect();
            (given.iter().map(|(_, yen)| *yen).sum(), lines)
        }
    };
    let after_items: Yen = if items.is_empty() {
        cost
    } else {
        items.iter().map(|line| line.counted).sum()
    };
    let eligible_cost = tier
        .business_cost_cap
        .map_or(after_items, |cap| after_items.min(cap));
    let before_grant_cap = ExactYen::times(eligible_cost, tier.rate);
    let grant_cap = grant_cap(tier, beds);
    let before_rounding = grant_cap.map_or(before_grant_cap, |cap| before_grant_cap.min_yen(cap));
    let grant = before_rounding.round(rounding);
    Computation {
        cost,
        items,
        business_cost_cap: tier.business_cost_cap,
        eligible_cost,
        rate: tier.rate,
        before_grant_cap,
        grant_cap,
        before_rounding,
        rounding,
        grant,
        self_burden: cost.saturating_sub(grant),
    }
}

/// The grant for `units` units of a per-unit tier (the スマホ保険証 coupon):
/// the cost is split as evenly as possible, each unit is capped and rounded
/// on its own (クーポン補助額１円未満は四捨五入), and the units are summed.
pub fn compute_units(
    tier: &Tier,
    beds: u32,
    rounding: Rounding,
    cost: Yen,
    units: u32,
) -> Computation {
    let units = units.max(1);
    let n = Yen::from(units);
    let parts = (0..n).map(|i| cost / n + Yen::from(i < cost % n));
    let mut total: Option<Computation> = None;
    for part in parts {
        let one = compute(tier, beds, rounding, &Costs::Total(part));
        total = Some(match total {
            None => one,
            Some(sum) => Computation {
                cost: sum.cost + one.cost,
                eligible_cost: sum.eligible_cost + one.eligible_cost,
                business_cost_cap: sum
                    .business_cost_cap
                    .zip(one.business_cost_cap)
                    .map(|(a, b)| a + b),
                before_grant_cap: sum.before_grant_cap.plus(one.before_grant_cap),
                grant_cap: sum.grant_cap.zip(one.grant_cap).map(|(a, b)| a + b),
                before_rounding: sum.before_rounding.plus(one.before_rounding),
                grant: sum.grant + one.grant,
                self_burden: sum.self_burden + one.self_burden,
                ..sum
            },
        });
    }
    total.unwrap_or_else(|| compute(tier, beds, rounding, &Costs::Total(cost)))
}

/// The largest grant the rule can pay in this tier, and the smallest cost
/// that reaches it. `None` where the tier has no business-cost cap and no
/// grant cap for these beds (nothing bounds it).
pub fn largest_payable(tier: &Tier, beds: u32, rounding: Rounding) -> Option<(Yen, Yen)> {
    let cost_bound = match (&tier.items[..], tier.business_cost_cap) {
        ([], cap) => cap,
        (items, cap) => {
            let sum: Yen = items.iter().map(|i| i.business_cost_cap).sum();
            Some(cap.map_or(sum, |c| c.min(sum)))
        }
    };
    let grant_cap = grant_cap(tier, beds);
    let max_cost = match (cost_bound, grant_cap) {
        (Some(cost), _) => cost,
        // The cost that reaches the grant cap at this rate: cap × d / n, rounded up.
        (None, Some(cap)) => {
            let n = Yen::from(tier.rate.numerator());
            let d = Yen::from(tier.rate.denominator());
            (cap * d).div_ceil(n)
        }
        (None, None) => return None,
    };
    let grant_at = |cost: Yen| {
        compute(
            &Tier {
                items: Vec::new(),
                ..tier.clone()
            },
            beds,
            rounding,
            &Costs::Total(cost),
        )
        .grant
    };
    let best = grant_at(max_cost);
    // The grant never falls as the cost rises: binary-search the least cost reaching `best`.
    let (mut low, mut high) = (0, max_cost);
    while low < high {
        let mid = low + (high - low) / 2;
        if grant_at(mid) >= best {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some((best, low))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Cite, FacilityClass, Text, TierItem};

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
            rate: rate.parse().unwrap(),
            rate_assumed: None,
            business_cost_cap,
            grant_cap,
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

    fn grant(tier: &Tier, rounding: Rounding, cost: Yen) -> Yen {
        compute(tier, 0, rounding, &Costs::Total(cost)).grant
    }

    #[test]
    fn ehr_sharing_design_card() {
        // 001 / 003 No.12: 大規模病院 健診実施, 1/2, 事業額上限 13,158,000, 補助限度額 6,579,000.
        let t = tier("1/2", Some(13_158_000), Some(6_579_000));
        let c = compute(&t, 250, Rounding::Truncate1000, &Costs::Total(14_000_000));
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
        t.items = vec![
            TierItem {
                key: "mobile".into(),
                business_cost_cap: 41_000,
            },
            TierItem {
                key: "rececon".into(),
                business_cost_cap: 781_000,
            },
        ];
        let costs = Costs::ByItem(vec![
            ("mobile".into(), 100_000),
            ("rececon".into(), 300_000),
        ]);
        let c = compute(&t, 100, Rounding::Truncate1000, &costs);
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
        let c = compute(&t, 60, Rounding::NoneStated, &Costs::Total(5_000_000));
        assert_eq!(c.grant_cap, Some(2_400_000));
        assert_eq!(c.grant, 2_400_000);
    }

    #[test]
    fn largest_payable_finds_unreachable_caps() {
        // 001: 中小規模病院 健診実施: 10,913,000 × 1/2 = 5,456,500 → 5,456,000 < 5,457,000.
        let t = tier("1/2", Some(10_913_000), Some(5_457_000));
        assert_eq!(
            largest_payable(&t, 100, Rounding::Truncate1000),
            Some((5_456_000, 10_912_000))
        );
        // 003 No.1 診療所: 73,000 × 3/4 = 54,750 → 54,000, reached at 72,000.
        let t = tier("3/4", Some(73_000), Some(54_000));
        assert_eq!(
            largest_payable(&t, 0, Rounding::Truncate1000),
            Some((54_000, 72_000))
        );
        // No business cap: 福岡 診療所 ① 1/4, 97,000 → reached at 388,000.
        let t = tier("1/4", None, Some(97_000));
        assert_eq!(
            largest_payable(&t, 0, Rounding::NoneStated),
            Some((97_000, 388_000))
        );
    }

    #[test]
    fn coupons_round_each_unit_and_sum() {
        // 003 No.8: per coupon 1/2, 7,000 / 14,000, 1円未満四捨五入; 病院 up to 3 coupons.
        let t = tier("1/2", Some(14_000), Some(7_000));
        // 3 coupons, 30,001 yen: 10,001 + 10,000 + 10,000 → 5,000.5→5,001 + 5,000 + 5,000.
        let c = compute_units(&t, 300, Rounding::RoundHalfUp1, 30_001, 3);
        assert_eq!(c.grant, 15_001);
        assert_eq!(c.grant_cap, Some(21_000));
        assert_eq!(c.business_cost_cap, Some(42_000));
        // 3 coupons at 50,000: each capped at 14,000 → 7,000 × 3.
        assert_eq!(
            compute_units(&t, 300, Rounding::RoundHalfUp1, 50_000, 3).grant,
            21_000
        );
        assert_eq!(
            compute_units(&t, 300, Rounding::RoundHalfUp1, 12_345, 1).grant,
            6_173
        );
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
