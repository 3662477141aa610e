//! One row of a program's amount table (`[[tiers]]`): whom it is for, and
//! its rate rule ([`super::rule`]: 補助率, 事業額上限, 補助限度額, items).

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

/// One row of a program's amount table: who it is for and its figures.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// Conditions of this tier only (4プロセス以上: 賃金引上げ計画).
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Where the rate and caps come from.
    pub cite: Cite,
    /// How the grant is figured: the rate, the caps, and how they combine.
    pub rule: RateRule,
}

impl Tier {
    pub fn fits(&self, class: FacilityClass, beds: u32) -> bool {
        self.facilities.contains(&class)
            && self.beds_min.is_none_or(|min| beds >= min)
            && self.beds_max.is_none_or(|max| beds <= max)
    }
}

/// A tier as `show --format json` has always given it: every figure at the
/// tier's level, whatever its rule (`null`, `[]` or `false` where the rule
/// has none), so that scripts reading it see one shape.
impl Serialize for Tier {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'t> {
            id: &'t str,
            variant: &'t Option<String>,
            facilities: &'t [FacilityClass],
            beds_min: Option<u32>,
            beds_max: Option<u32>,
            kenshin: Option<bool>,
            label: &'t Text,
            processes_min: Option<u32>,
            processes_max: Option<u32>,
            functions_min: Option<u32>,
            functions_max: Option<u32>,
            members_min: Option<u32>,
            rate: Rate,
            rate_when: &'t [RateWhen],
            bands: &'t [Band],
            rate_assumed: Option<&'t Text>,
            business_cost_cap: Option<Yen>,
            grant_cap: Option<Yen>,
            grant_cap_exclusive: bool,
            grant_min: Option<Yen>,
            group_caps: &'t [GroupCap],
            conditions: &'t [Condition],
            grant_cap_per_bed: Option<Yen>,
            items: Vec<FlatItem<'t>>,
            default_item: Option<&'t str>,
            per_unit: Option<&'t Unit>,
            cap_note: Option<&'t Text>,
            cite: &'t Cite,
        }
        #[derive(Serialize)]
        struct FlatItem<'t> {
            key: &'t str,
            business_cost_cap: Option<Yen>,
            rate: Option<Rate>,
            rate_when: &'t [RateWhen],
            grant_cap: Option<Yen>,
            grant_cap_per_member: Option<Yen>,
        }
        let rule = &self.rule;
        let summed = rule.summed_items().iter().map(|i| FlatItem {
            key: &i.key,
            business_cost_cap: i.business_cost_cap,
            rate: None,
            rate_when: &[],
            grant_cap: None,
            grant_cap_per_member: None,
        });
        let parts = rule.parts().iter().map(|p| FlatItem {
            key: &p.key,
            business_cost_cap: p.business_cost_cap,
            rate: Some(p.rate),
            rate_when: &p.rate_when,
            grant_cap: p.grant_cap,
            grant_cap_per_member: p.grant_cap_per_member,
        });
        let (rate_when, grant_cap_exclusive): (&[RateWhen], bool) = match rule {
            RateRule::Capped(r) => (&r.rate_when, r.grant_cap_exclusive),
            _ => (&[], false),
        };
        Flat {
            id: &self.id,
            variant: &self.variant,
            facilities: &self.facilities,
            beds_min: self.beds_min,
            beds_max: self.beds_max,
            kenshin: self.kenshin,
            label: &self.label,
            processes_min: self.processes_min,
            processes_max: self.processes_max,
            functions_min: self.functions_min,
            functions_max: self.functions_max,
            members_min: self.members_min,
            rate: rule.main_rate().0,
            rate_when,
            bands: rule.bands(),
            rate_assumed: rule.rate_assumed(),
            business_cost_cap: rule.business_cost_cap(),
            grant_cap: rule.grant_cap(),
            grant_cap_exclusive,
            grant_min: rule.grant_min(),
            group_caps: rule.group_caps(),
            conditions: &self.conditions,
            grant_cap_per_bed: match rule {
                RateRule::PerBed(r) => Some(r.grant_cap_per_bed),
                _ => None,
            },
            items: summed.chain(parts).collect(),
            default_item: match rule {
                RateRule::PerItem(r) => r.default_item.as_deref(),
                _ => None,
            },
            per_unit: rule.unit(),
            cap_note: rule.cap_note(),
            cite: &self.cite,
        }
        .serialize(serializer)
    }
}
