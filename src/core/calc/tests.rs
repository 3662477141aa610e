//! The arithmetic, worked by hand from the sources named in each test.

use super::*;

use crate::core::catalogue::{Banded, Capped, Cite, ItemCap, Part, PerBed, PerItem};

/// A capped rule: 補助率, 事業額上限, 補助限度額.
fn tier(rate: &str, business_cost_cap: Option<Yen>, grant_cap: Option<Yen>) -> RateRule {
    RateRule::Capped(Capped {
        rate: rate.parse().unwrap(),
        rate_when: Vec::new(),
        rate_assumed: None,
        business_cost_cap,
        grant_cap,
        grant_cap_exclusive: false,
        grant_min: None,
        cap_note: None,
    })
}

/// A per-bed rule: 補助率 and 補助上限額 per bed, no other cap.
fn per_bed(rate: &str, grant_cap_per_bed: Yen) -> RateRule {
    RateRule::PerBed(PerBed {
        rate: rate.parse().unwrap(),
        rate_assumed: None,
        grant_cap_per_bed,
        grant_cap: None,
    })
}

fn item(key: &str, business_cost_cap: Yen) -> ItemCap {
    ItemCap {
        key: key.into(),
        business_cost_cap: Some(business_cost_cap),
    }
}

fn grant(tier: &RateRule, rounding: Rounding, cost: Yen) -> Yen {
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
    let t = RateRule::PerItem(PerItem {
        rate: "1/2".parse().unwrap(),
        business_cost_cap: Some(822_000),
        grant_cap: Some(411_000),
        items: vec![item("mobile", 41_000), item("rececon", 781_000)],
        default_item: None,
        cap_note: None,
    });
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
    let t = per_bed("1/1", 40_000);
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
    let rate = |text: &str| text.parse::<Rate>().unwrap();
    let band = |up_to_grant, text| Band {
        up_to_grant,
        rate: rate(text),
        rate_when: Vec::new(),
    };
    let part = |key: &str, text| Part {
        key: key.into(),
        business_cost_cap: None,
        rate: rate(text),
        rate_when: Vec::new(),
        grant_cap: None,
        grant_cap_per_member: None,
    };
    let t = RateRule::Banded(Banded {
        bands: vec![
            band(Some(1_000_000_007), "16/625"),
            band(Some(2_000_000_011), "1/16"),
            band(None, "625/10000"),
        ],
        grant_cap: Some(1_000_000_000_000),
        parts: vec![
            Part {
                grant_cap: Some(999_999_999_999),
                ..part("a", "1/10000")
            },
            Part {
                business_cost_cap: Some(999_999_999_999),
                ..part("b", "5/8")
            },
        ],
        group_caps: vec![GroupCap {
            parts: vec!["main".into(), "a".into(), "b".into()],
            grant_cap: 1_000_000_000_000,
            cite: Cite {
                source: "003".into(),
                at: "test".into(),
            },
        }],
    });
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
    let t = per_bed("1/2", 1_000_000_000_000);
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
