//! Every tier of every program in the embedded catalogue, worked by hand
//! from the sources. Each case names the source and shows the arithmetic.
//!
//! T1000 = 申請額1,000円未満切捨て; "none" = no rounding rule stated (1円未満切捨て).

use subsidy::Lang::Ja;
use subsidy::core::catalogue::{Catalogue, FacilityClass};
use subsidy::core::estimate::FindingCode;
use subsidy::core::estimate::{Eligibility, Facility, Query, estimate_program};
use subsidy::core::money::Yen;

use FacilityClass::{Clinic, Hospital, Pharmacy};

struct Case<'a> {
    program: &'a str,
    variant: Option<&'a str>,
    class: FacilityClass,
    beds: u32,
    kenshin: Option<bool>,
    cost: Option<Yen>,
    items: &'a [(&'a str, Yen)],
}

fn case(program: &str, class: FacilityClass, beds: u32) -> Case<'_> {
    Case {
        program,
        variant: None,
        class,
        beds,
        kenshin: None,
        cost: None,
        items: &[],
    }
}

impl<'a> Case<'a> {
    fn variant(mut self, variant: &'a str) -> Self {
        self.variant = Some(variant);
        self
    }

    fn kenshin(mut self, kenshin: bool) -> Self {
        self.kenshin = Some(kenshin);
        self
    }

    fn items(mut self, items: &'a [(&'a str, Yen)]) -> Self {
        self.items = items;
        self
    }

    /// The tier id and the grant of the one estimate this case produces.
    fn run(&self, cost: Option<Yen>) -> (Option<String>, Option<Yen>, Eligibility) {
        let catalogue = Catalogue::embedded().expect("embedded catalogue loads");
        let program = catalogue.program(self.program).expect("program exists");
        let mut query = Query::new(
            Facility::new(self.class, self.beds).expect("valid facility"),
            "2025-11-01".parse().unwrap(),
        );
        query.kenshin = self.kenshin;
        query.cost = cost.or(self.cost);
        query.items = self
            .items
            .iter()
            .map(|(k, y)| (k.to_string(), *y))
            .collect();
        let estimates = estimate_program(program, self.variant, &query);
        assert_eq!(
            estimates.len(),
            1,
            "{}: one estimate expected",
            self.program
        );
        let e = &estimates[0];
        (
            e.tier.map(|t| t.id.clone()),
            e.computation.as_ref().map(|c| c.grant),
            e.eligibility,
        )
    }

    /// Asserts the tier chosen and the grant for `cost`.
    fn pays(&self, cost: Yen, tier: &str, grant: Yen) {
        let (got_tier, got_grant, _) = self.run(Some(cost));
        assert_eq!(
            got_tier.as_deref(),
            Some(tier),
            "{} {:?} cost {cost}",
            self.program,
            self.variant
        );
        assert_eq!(
            got_grant,
            Some(grant),
            "{} {:?} tier {tier} cost {cost}",
            self.program,
            self.variant
        );
    }
}

// ---- 003 No.1 医療扶助: 病院 1/2, 限度 28.3万, 事業額上限 56.6万; 診療所 3/4, 5.4万, 7.3万; T1000.

#[test]
fn medical_aid_hospital() {
    let c = case("online-qual-medical-aid", Hospital, 20);
    c.pays(600_000, "hospital", 283_000); // 566,000 × 1/2 = 283,000
    c.pays(100_001, "hospital", 50_000); // 50,000.5 → 50,000
}

#[test]
fn medical_aid_clinic() {
    let c = case("online-qual-medical-aid", Clinic, 0);
    c.pays(60_000, "clinic", 45_000); // issue example: 60,000 × 3/4 = 45,000
    c.pays(73_000, "clinic", 54_000); // 54,750 → cap 54,000
    c.pays(72_000, "clinic", 54_000); // 54,000: the least cost reaching the cap
    c.pays(71_999, "clinic", 53_000); // 53,999.25 → 53,000
}

// ---- 003 No.2 訪問診療等: items モバイル端末 4.1万 / レセコン改修等 78.1万 (病院) 13万 (診療所).

#[test]
fn home_care_hospital_caps_each_item() {
    // 41,000 + 781,000 = 822,000 (事業額上限 82.2万) × 1/2 = 411,000 (限度 41.1万).
    case("online-qual-home-care", Hospital, 120)
        .items(&[("mobile", 50_000), ("rececon", 800_000)])
        .pays(0, "hospital", 411_000);
    // 30,000 + 300,000 = 330,000 × 1/2 = 165,000.
    case("online-qual-home-care", Hospital, 120)
        .items(&[("mobile", 30_000), ("rececon", 300_000)])
        .pays(0, "hospital", 165_000);
}

#[test]
fn home_care_clinic_caps_each_item() {
    // 30,000 + min(200,000, 130,000) = 160,000 × 3/4 = 120,000.
    case("online-qual-home-care", Clinic, 0)
        .items(&[("mobile", 30_000), ("rececon", 200_000)])
        .pays(0, "clinic", 120_000);
    // 41,000 + 130,000 = 171,000 × 3/4 = 128,250 → 128,000 (限度 12.8万).
    case("online-qual-home-care", Clinic, 0)
        .items(&[("mobile", 99_000), ("rececon", 999_000)])
        .pays(0, "clinic", 128_000);
}

/// A claim with only some items is valid (003 No.2/No.4 cap each
/// item 「モバイル端末：4.1万円、レセコンの改修等：…」 on its own); the missing
/// item counts as 0 and the result says so. Mobile only, at a clinic:
/// 41,000 × 3/4 = 30,750 → 1,000円未満切捨て 30,000円.
#[test]
fn only_some_items_count_the_others_as_zero() {
    for program in ["online-qual-home-care", "online-qual-outpatient"] {
        let c = case(program, Clinic, 0).items(&[("mobile", 41_000)]);
        let (tier, grant, _) = c.run(None);
        assert_eq!(tier.as_deref(), Some("clinic"), "{program}");
        assert_eq!(grant, Some(30_000), "{program}");
        // レセコン改修 only, at a hospital: min(900,000, 781,000) × 1/2 = 390,500 → 390,000.
        let c = case(program, Hospital, 120).items(&[("rececon", 900_000)]);
        assert_eq!(c.run(None).1, Some(390_000), "{program}");
    }
    let catalogue = Catalogue::embedded().unwrap();
    let program = catalogue.program("online-qual-home-care").unwrap();
    let mut query = Query::new(
        Facility::new(Clinic, 0).unwrap(),
        "2025-11-01".parse().unwrap(),
    );
    query.items = vec![("mobile".to_string(), 41_000)];
    let estimates = estimate_program(program, None, &query);
    let said: Vec<String> = estimates[0]
        .to_confirm
        .iter()
        .filter(|f| f.code == FindingCode::MissingItemZero)
        .map(|f| {
            subsidy::report::hints::finding_message(f, Ja, &subsidy::cli::spelling::FLAGS)
                .into_owned()
        })
        .collect();
    assert_eq!(
        said,
        ["レセコンの改修等 の金額がないため 0円として計算しています（--item rececon=YEN）"]
    );
    // The core says which item, as data; each front end spells it: a flag
    // above, a column in a batch, plain words in a calendar.
    let missing = estimates[0]
        .to_confirm
        .iter()
        .find(|f| f.code == FindingCode::MissingItemZero)
        .unwrap();
    assert_eq!(
        missing.ask(),
        Some(&subsidy::core::estimate::Ask::Item("rececon"))
    );
    let columns =
        subsidy::report::hints::finding_message(missing, Ja, &subsidy::input::spelling::COLUMNS);
    assert_eq!(
        columns,
        "レセコンの改修等 の金額がないため 0円として計算しています（費目:rececon）"
    );
    let plain =
        subsidy::report::hints::finding_message(missing, Ja, &subsidy::input::spelling::PLAIN);
    assert_eq!(
        plain,
        "レセコンの改修等 の金額がないため 0円として計算しています"
    );
}

// ---- 003 No.3 オンライン診療等: 病院 1/2 39万 / 78.1万; 診療所 3/4 9.7万 / 13万.

#[test]
fn telemedicine() {
    case("online-qual-telemedicine", Hospital, 300).pays(1_000_000, "hospital", 390_000); // 390,500 → 390,000
    case("online-qual-telemedicine", Clinic, 19).pays(100_000, "clinic", 75_000);
    case("online-qual-telemedicine", Clinic, 19).pays(130_000, "clinic", 97_000); // 97,500 → 97,000
}

// ---- 003 No.4 外来診療等: the same figures and items as No.2.

#[test]
fn outpatient() {
    // 41,000 × 1/2 = 20,500 → 20,000.
    case("online-qual-outpatient", Hospital, 50)
        .items(&[("mobile", 41_000), ("rececon", 0)])
        .pays(0, "hospital", 20_000);
    // 10,000 + min(150,000, 130,000) = 140,000 × 3/4 = 105,000.
    case("online-qual-outpatient", Clinic, 0)
        .items(&[("mobile", 10_000), ("rececon", 150_000)])
        .pays(0, "clinic", 105_000);
}

// ---- 003 No.5 健診実施機関 and No.6 義務化対象外: 3/4, 限度 3.1万, 事業額上限 4.1万 (cap unreachable).

#[test]
fn checkup_and_exempt_cannot_reach_31000() {
    for program in ["online-qual-checkup", "online-qual-exempt"] {
        let (tier, _, _) = case(program, Clinic, 0).run(Some(1));
        let tier = tier.unwrap();
        // 41,000 × 3/4 = 30,750 → 30,000, never the published 31,000.
        case(program, Clinic, 0).pays(50_000, &tier, 30_000);
        case(program, Hospital, 400).pays(41_000, &tier, 30_000);
        case(program, Hospital, 400).pays(20_000, &tier, 15_000);
        case(program, Clinic, 0).pays(10_000, &tier, 7_000); // 7,500 → 7,000
    }
}

// ---- 003 No.7 医療費助成・マイナ診察券: 病院 ア 1/2 60万 / 120万, イ and ② 1/2 28.3万 / 56.6万; 診療所 3/4 5.4万 / 7.3万.

#[test]
fn public_aid_card_hospital_variants() {
    let c = |v| case("online-qual-public-aid-card", Hospital, 200).variant(v);
    c("both-with-reception").pays(1_500_000, "both-with-reception-hospital", 600_000);
    c("both").pays(500_000, "both-hospital", 250_000);
    c("public-aid").pays(566_000, "public-aid-hospital", 283_000);
    c("card-with-reception").pays(999_999, "card-with-reception-hospital", 499_000); // 499,999.5 → 499,000
    c("card").pays(1_000_000, "card-hospital", 283_000);
}

#[test]
fn public_aid_card_clinic_variants() {
    for variant in [
        "both-with-reception",
        "both",
        "public-aid",
        "card-with-reception",
        "card",
    ] {
        let c = case("online-qual-public-aid-card", Clinic, 10).variant(variant);
        let tier = format!("{variant}-clinic");
        c.pays(73_000, &tier, 54_000); // 54,750 → 54,000
        c.pays(10_000, &tier, 7_000); // 7,500 → 7,000
    }
}

// ---- 003 No.8 スマホ保険証: per coupon 1/2, 限度 7,000, 事業額上限 1.4万, クーポン補助額１円未満は四捨五入.

#[test]
fn smartphone_coupon_rounds_half_up() {
    case("online-qual-smartphone", Clinic, 0).pays(12_345, "clinic", 6_173); // issue: 6,172.5 → 6,173
    case("online-qual-smartphone", Clinic, 0).pays(12_344, "clinic", 6_172);
    case("online-qual-smartphone", Hospital, 20).pays(13_999, "hospital", 7_000); // 6,999.5 → 7,000
    case("online-qual-smartphone", Hospital, 20).pays(13_997, "hospital", 6_999); // 6,998.5 → 6,999
    case("online-qual-smartphone", Hospital, 20).pays(30_000, "hospital", 7_000);
}

// ---- 003 No.9 電子処方箋: ① 1/3 162.2万/486.6万, 1/3 108.6万/325.9万, 1/2 19.4万/38.7万;
//      ② 1/3 200.7万/602.2万, 1/3 135.3万/405.9万, 1/2 27.1万/54.2万.

#[test]
fn e_prescription_basic() {
    let c = |class, beds| case("e-prescription", class, beds).variant("basic");
    c(Clinic, 0).pays(300_000, "basic-clinic", 150_000); // issue example
    c(Clinic, 0).pays(400_000, "basic-clinic", 193_000); // 387,000 × 1/2 = 193,500 → 193,000 < 194,000
    c(Hospital, 200).pays(5_000_000, "basic-large", 1_622_000); // 4,866,000 × 1/3
    c(Hospital, 199).pays(3_000_000, "basic-hospital", 1_000_000);
    c(Hospital, 199).pays(4_000_000, "basic-hospital", 1_086_000); // 3,259,000/3 = 1,086,333.3 → 1,086,000
}

#[test]
fn e_prescription_basic_plus_new() {
    let c = |class, beds| case("e-prescription", class, beds).variant("basic-plus-new");
    c(Hospital, 250).pays(9_000_000, "basic-plus-new-large", 2_007_000); // issue: 6,022,000/3 = 2,007,333.3
    c(Hospital, 20).pays(4_059_000, "basic-plus-new-hospital", 1_353_000);
    c(Clinic, 19).pays(542_000, "basic-plus-new-clinic", 271_000);
    c(Clinic, 19).pays(1_999, "basic-plus-new-clinic", 0); // 999.5 → 0
}

// ---- 003 No.10 機能拡充: ① 45.2万/135.6万, 33.3万/100.0万, 12.3万/24.5万; ② 55.0万/165.0万, 39.3万/117.9万, 10.8万/21.5万.

#[test]
fn e_prescription_expansion() {
    let c = |v, class, beds| case("e-prescription-expansion", class, beds).variant(v);
    c("refill", Hospital, 500).pays(1_356_000, "refill-large", 452_000);
    c("refill", Hospital, 150).pays(1_000_000, "refill-hospital", 333_000); // 333,333.3 → 333,000
    c("refill", Clinic, 0).pays(245_000, "refill-clinic", 122_000); // 122,500 → 122,000 < 123,000
    c("in-house", Hospital, 500).pays(1_650_000, "in-house-large", 550_000);
    c("in-house", Hospital, 150).pays(1_179_000, "in-house-hospital", 393_000);
    c("in-house", Clinic, 0).pays(215_000, "in-house-clinic", 107_000); // 107,500 → 107,000 < 108,000
}

// ---- 003 No.11 福岡県 電子処方箋: 1/6 (病院) 1/4 (診療所), 補助上限額 only, no 事業額上限, no rounding stated.

#[test]
fn fukuoka_e_prescription_basic() {
    let c = |class, beds| case("fukuoka-e-prescription", class, beds).variant("basic");
    c(Hospital, 250).pays(3_000_000, "basic-large", 500_000); // 3,000,000 × 1/6
    c(Hospital, 250).pays(6_000_000, "basic-large", 811_000); // 1,000,000 → cap
    c(Hospital, 100).pays(1_000_000, "basic-hospital", 166_666); // 166,666.67 → 166,666 (1円未満切捨て)
    c(Clinic, 0).pays(400_000, "basic-clinic", 97_000); // 100,000 → cap 97,000
    c(Clinic, 0).pays(387_000, "basic-clinic", 96_750);
}

#[test]
fn fukuoka_e_prescription_additional_and_simultaneous() {
    let c = |v, class, beds| case("fukuoka-e-prescription", class, beds).variant(v);
    c("additional", Hospital, 300).pays(1_356_000, "additional-large", 226_000);
    c("additional", Hospital, 199).pays(1_000_000, "additional-hospital", 166_666);
    c("additional", Hospital, 199).pays(1_002_000, "additional-hospital", 167_000);
    c("additional", Clinic, 0).pays(244_000, "additional-clinic", 61_000);
    c("simultaneous", Hospital, 300).pays(6_022_000, "simultaneous-large", 1_003_000); // 1,003,666.67 → cap
    c("simultaneous", Hospital, 199).pays(4_059_000, "simultaneous-hospital", 676_000); // 676,500 → cap
    c("simultaneous", Clinic, 0).pays(542_000, "simultaneous-clinic", 135_000); // 135,500 → cap
}

// ---- 001 / 003 No.12 電子カルテ情報共有: 1/2; 657.9万/1315.8万, 545.7万/1091.3万, 508.1万/1016.2万, 408.5万/817.0万.

#[test]
fn ehr_sharing_every_tier() {
    let c = |beds, kenshin| case("ehr-sharing", Hospital, beds).kenshin(kenshin);
    c(250, true).pays(14_000_000, "large-kenshin", 6_579_000); // design card: 13,158,000 × 1/2
    c(120, true).pays(11_000_000, "mid-kenshin", 5_456_000); // 10,913,000/2 = 5,456,500 → 5,456,000 < 5,457,000
    c(200, false).pays(10_000_000, "large-no-kenshin", 5_000_000);
    c(200, false).pays(20_000_000, "large-no-kenshin", 5_081_000);
    c(120, false).pays(6_000_000, "mid-no-kenshin", 3_000_000); // issue example
    c(20, false).pays(9_000_000, "mid-no-kenshin", 4_085_000);
    c(199, true).pays(1_999, "mid-kenshin", 0); // 999.5 → 0
}

#[test]
fn ehr_sharing_excludes_clinics_and_knows_nothing_of_pharmacies() {
    let (tier, grant, eligibility) = case("ehr-sharing", Clinic, 19).run(Some(1_000_000));
    assert_eq!(
        (tier, grant, eligibility),
        (None, None, Eligibility::Ineligible)
    );
    let (tier, grant, eligibility) = case("ehr-sharing", Pharmacy, 0).run(Some(1_000_000));
    assert_eq!(
        (tier, grant, eligibility),
        (None, None, Eligibility::Ineligible)
    );
}

// ---- 003 No.13 福岡県 勤務環境改善: 許可病床数×4万円 (病院・有床診療所), 18万円 (無床, and 4床以下). No rate stated.

#[test]
fn fukuoka_work_environment() {
    let c = |class, beds| case("fukuoka-work-environment", class, beds);
    c(Hospital, 60).pays(5_000_000, "hospital", 2_400_000); // issue: 60 × 40,000
    c(Hospital, 60).pays(1_000_000, "hospital", 1_000_000);
    c(Clinic, 19).pays(1_000_000, "clinic-beds-5-19", 760_000);
    c(Clinic, 5).pays(250_000, "clinic-beds-5-19", 200_000);
    c(Clinic, 4).pays(500_000, "clinic-beds-1-4", 180_000);
    c(Clinic, 0).pays(500_000, "clinic-no-beds", 180_000);
    c(Clinic, 0).pays(100_000, "clinic-no-beds", 100_000);
}

#[test]
fn pharmacies_get_no_borrowed_figures() {
    // 003 and 001 give no pharmacy tier in any of their programs: every row
    // says so, none pays. The デジタル化・AI frames (004) are for businesses
    // of any kind, ranked by size, not by facility: a pharmacy has its own
    // tiers there (tests/suite/pharmacy.rs).
    let catalogue = Catalogue::embedded().unwrap();
    let mut query = Query::new(
        Facility::new(Pharmacy, 0).unwrap(),
        "2025-11-01".parse().unwrap(),
    );
    query.cost = Some(1_000_000);
    for program in catalogue.programs() {
        let estimates = estimate_program(program, None, &query);
        if program.id.starts_with("digital-ai-") {
            assert!(estimates.iter().all(|e| e.tier.is_some()), "{}", program.id);
            continue;
        }
        assert_eq!(
            estimates.len(),
            program.variants.len().max(1),
            "{}",
            program.id
        );
        for e in estimates {
            assert!(e.tier.is_none(), "{}", program.id);
            assert!(e.computation.is_none(), "{}", program.id);
            assert_ne!(e.eligibility, Eligibility::Eligible, "{}", program.id);
        }
    }
}
