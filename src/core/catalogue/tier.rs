//! One row of a program's amount table (`[[tiers]]`): whom it is for, its
//! rate (補助率), caps (事業額上限, 補助限度額) and items.

use super::*;
use serde::{Deserialize, Serialize};

/// A stated circumstance that changes a rate (補助率の特例).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateFlag {
    /// 小規事業者 (`--small-business`).
    SmallBusiness,
    /// 最低賃金近傍の事業者 (`--min-wage-nearby`).
    MinWageNearby,
    /// 大企業等: not a 中小企業・小規模事業者等 by the program's
    /// `[[sme_limits]]`, or stated with `--large-company`.
    LargeCompany,
}

/// The rate that applies instead when a flag is stated.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RateWhen {
    pub flag: RateFlag,
    pub rate: Rate,
}

/// Picks the rate for the stated flags: the first `rate_when` whose flag is stated.
pub fn rate_for(
    base: Rate,
    when: &[RateWhen],
    flags: &std::collections::BTreeSet<RateFlag>,
) -> Rate {
    when.iter()
        .find(|w| flags.contains(&w.flag))
        .map_or(base, |w| w.rate)
}

/// One band of a rate tiered on the grant amount: the part of the grant up
/// to `up_to_grant` (or all the rest) is paid at `rate`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The grant level where this band ends; `None` for the last band.
    pub up_to_grant: Option<Yen>,
    pub rate: Rate,
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
}

/// A tier's cap on one cost item.
///
/// Without `rate` the item is capped on its own and then summed with the
/// other items under the tier's business-cost cap and rate (モバイル端末 +
/// レセコン改修). With `rate` it is a separate part with its own rate and
/// grant cap, added to the grant for the main cost (PC・タブレット等 1/2, 10万円).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TierItem {
    pub key: String,
    /// The item's own 事業額上限.
    pub business_cost_cap: Option<Yen>,
    /// The item's own 補助率, making it a separate part.
    pub rate: Option<Rate>,
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
    /// The item's own 補助上限額.
    pub grant_cap: Option<Yen>,
    /// The item's 補助上限額 per member of a group (× `--members`).
    pub grant_cap_per_member: Option<Yen>,
}

impl TierItem {
    /// A separate part with its own rate, not summed under the tier's caps.
    pub fn is_separate(&self) -> bool {
        self.rate.is_some()
    }
}

/// A cap on the grants of several parts together ((a)+(b) 合わせて3,000万円).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupCap {
    /// `"main"` for the main cost, or item keys.
    pub parts: Vec<String>,
    pub grant_cap: Yen,
    pub cite: Cite,
}

/// Where a tier's amounts are per unit (the スマホ保険証 coupon).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    pub name: Text,
    /// How many units this facility class may have.
    pub max: u32,
    pub cite: Cite,
}

/// One row of a program's amount table: who it is for and its figures.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Unique within the program.
    pub id: String,
    /// The variant this tier belongs to; `None` in programs without variants.
    pub variant: Option<String>,
    pub facilities: Vec<FacilityClass>,
    /// Inclusive bed range, where the tier depends on beds (病床数).
    pub beds_min: Option<u32>,
    pub beds_max: Option<u32>,
    /// The 健診 split: `true` = 健診実施 (健診部門システム導入済), `false` = 健診未実施.
    pub kenshin: Option<bool>,
    pub label: Text,
    /// 業務プロセス数 this tier is for (デジタル化・AI 通常枠).
    pub processes_min: Option<u32>,
    pub processes_max: Option<u32>,
    /// 会計・受発注・決済 functions this tier is for (インボイス対応類型).
    pub functions_min: Option<u32>,
    pub functions_max: Option<u32>,
    /// The fewest members a group applying must have (複数者連携: 10者以上).
    pub members_min: Option<u32>,
    /// 補助率.
    pub rate: Rate,
    /// The rate instead, when a flag is stated (小規模事業者 4/5 …).
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
    /// A rate tiered on the grant amount; replaces `rate` for the main cost.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Present when the sources state no rate: why the tool uses `rate` anyway.
    pub rate_assumed: Option<Text>,
    /// 事業額上限 (on the sum of the items, where there are items).
    pub business_cost_cap: Option<Yen>,
    /// 補助限度額 / 補助上限額.
    pub grant_cap: Option<Yen>,
    /// The grant must stay below `grant_cap` (「150万円未満」), not reach it.
    #[serde(default)]
    pub grant_cap_exclusive: bool,
    /// 補助下限: a smaller grant makes the case ineligible (never rounded up).
    pub grant_min: Option<Yen>,
    /// Caps on several parts together.
    #[serde(default)]
    pub group_caps: Vec<GroupCap>,
    /// Conditions of this tier only (4プロセス以上: 賃金引上げ計画).
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// 補助上限額 per bed (許可病床数 × this).
    pub grant_cap_per_bed: Option<Yen>,
    #[serde(default)]
    pub items: Vec<TierItem>,
    /// The item `--cost` alone goes to, where a tier has several.
    pub default_item: Option<String>,
    pub per_unit: Option<PerUnit>,
    /// Acknowledges a published cap the rule cannot reach, and why.
    pub cap_note: Option<Text>,
    pub cite: Cite,
}

impl Tier {
    pub fn fits(&self, class: FacilityClass, beds: u32) -> bool {
        self.facilities.contains(&class)
            && self.beds_min.is_none_or(|min| beds >= min)
            && self.beds_max.is_none_or(|max| beds <= max)
    }
}
