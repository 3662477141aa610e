//! How a tier's grant is figured: one kind of rate rule per tier
//! (`[tiers.rule.<kind>]`), each kind with only its own figures.
//!
//! A new kind of rate rule is a new variant of [`RateRule`]: the compiler
//! then lists every place that must say what it means (its arithmetic in
//! `core::calc`, its bounds and rules, how `show` and `--explain` word it).

use super::*;
use crate::core::diagnostics::Seg;
use serde::{Deserialize, Serialize};

/// A tier's rate rule: the rate (補助率), the caps (事業額上限, 補助限度額)
/// and how they combine. Written as a table named by its kind:
///
/// ```toml
/// [tiers.rule.capped]
/// rate = "1/2"
/// business_cost_cap = 566_000
/// grant_cap = 283_000
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateRule {
    /// The cost, capped, times the rate, capped (most programs).
    Capped(Capped),
    /// A grant cap per licensed bed (許可病床数 × 補助上限額).
    PerBed(PerBed),
    /// Cost items each capped on their own, then summed under the tier's
    /// caps and rate (モバイル端末 + レセコン改修).
    PerItem(PerItem),
    /// A grant per unit (the スマホ保険証 coupon): each unit computed and
    /// rounded on its own, then summed.
    PerUnit(PerUnit),
    /// A rate tiered on the grant, with parts at their own rates and caps
    /// on several parts together (デジタル化・AI インボイス枠, 複数者連携).
    Banded(Banded),
}

/// `[tiers.rule.capped]`: min(cost, 事業額上限) × 補助率, at most 補助限度額.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Capped {
    /// 補助率.
    pub rate: Rate,
    /// The rate instead, when a flag is stated (小規模事業者 4/5 …).
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
    /// Present when the sources state no rate: why the tool uses `rate` anyway.
    pub rate_assumed: Option<Text>,
    /// 事業額上限.
    pub business_cost_cap: Option<Yen>,
    /// 補助限度額 / 補助上限額.
    pub grant_cap: Option<Yen>,
    /// The grant must stay below `grant_cap` (「150万円未満」), not reach it.
    #[serde(default)]
    pub grant_cap_exclusive: bool,
    /// 補助下限: a smaller grant makes the case ineligible (never rounded up).
    pub grant_min: Option<Yen>,
    /// Acknowledges a published cap the rule cannot reach, and why.
    pub cap_note: Option<Text>,
}

/// `[tiers.rule.per_bed]`: the cost times the rate, at most 許可病床数 ×
/// `grant_cap_per_bed` (and `grant_cap`, where there is one).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerBed {
    /// 補助率.
    pub rate: Rate,
    /// Present when the sources state no rate: why the tool uses `rate` anyway.
    pub rate_assumed: Option<Text>,
    /// 補助上限額 per bed (許可病床数 × this).
    pub grant_cap_per_bed: Yen,
    /// A cap on the whole as well: the smaller of the two applies.
    pub grant_cap: Option<Yen>,
}

/// `[tiers.rule.per_item]`: each item's cost at most its own cap, summed,
/// then as [`Capped`] (事業額上限 on the sum, × 補助率, 補助限度額).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerItem {
    /// 補助率.
    pub rate: Rate,
    /// 事業額上限 on the sum of the items.
    pub business_cost_cap: Option<Yen>,
    /// 補助限度額.
    pub grant_cap: Option<Yen>,
    pub items: Vec<ItemCap>,
    /// The item `--cost` alone goes to, where the tier has several.
    pub default_item: Option<String>,
    /// Acknowledges a published cap the rule cannot reach, and why.
    pub cap_note: Option<Text>,
}

/// One item of a [`PerItem`] rule: its key among the program's `[[items]]`
/// and its own 事業額上限.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemCap {
    pub key: String,
    /// The item's own 事業額上限.
    pub business_cost_cap: Option<Yen>,
}

/// `[tiers.rule.per_unit]`: each unit as [`Capped`], up to `unit.max` units.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    /// 補助率, for each unit.
    pub rate: Rate,
    /// 事業額上限, for each unit.
    pub business_cost_cap: Option<Yen>,
    /// 補助限度額, for each unit.
    pub grant_cap: Option<Yen>,
    pub unit: Unit,
    /// Acknowledges a published cap the rule cannot reach, and why.
    pub cap_note: Option<Text>,
}

/// What a [`PerUnit`] rule pays for (a coupon), and how many a facility may have.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub name: Text,
    /// How many units this facility class may have.
    pub max: u32,
    pub cite: Cite,
}

/// `[tiers.rule.banded]`: the main cost through rate bands tiered on the
/// grant, at most `grant_cap`; plus parts at their own rates; less what
/// groups of parts pay past their caps together.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Banded {
    pub bands: Vec<Band>,
    /// 補助上限額 for the main cost.
    pub grant_cap: Option<Yen>,
    /// Parts with their own rate and caps (PC・タブレット等 1/2, 10万円).
    #[serde(default)]
    pub parts: Vec<Part>,
    /// Caps on several parts together.
    #[serde(default)]
    pub group_caps: Vec<GroupCap>,
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

/// A part of a [`Banded`] rule with its own rate and grant cap, added to the
/// grant for the main cost (PC・タブレット等 1/2, 10万円).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The item among the program's `[[items]]` (`--item KEY=YEN`).
    pub key: String,
    /// The part's own 事業額上限.
    pub business_cost_cap: Option<Yen>,
    /// The part's own 補助率.
    pub rate: Rate,
    #[serde(default)]
    pub rate_when: Vec<RateWhen>,
    /// The part's own 補助上限額.
    pub grant_cap: Option<Yen>,
    /// The part's 補助上限額 per member of a group (× `--members`).
    pub grant_cap_per_member: Option<Yen>,
}

/// A cap on the grants of several parts together ((a)+(b) 合わせて3,000万円).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupCap {
    /// The parts capped together: `"main"` for the main cost, or part keys.
    pub parts: Vec<GroupPart>,
    pub grant_cap: Yen,
    pub cite: Cite,
}

/// One of the parts a group cap adds up: the main cost's grant, or a
/// part's (by its key). Written `"main"` or the key in the TOML.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(from = "String", into = "String")]
pub enum GroupPart {
    /// The grant for the main cost (`--cost`).
    Main,
    /// The grant of the part with this key.
    Part(String),
}

impl From<String> for GroupPart {
    fn from(key: String) -> GroupPart {
        if key == "main" {
            GroupPart::Main
        } else {
            GroupPart::Part(key)
        }
    }
}

impl From<&str> for GroupPart {
    fn from(key: &str) -> GroupPart {
        GroupPart::from(key.to_string())
    }
}

impl From<GroupPart> for String {
    fn from(part: GroupPart) -> String {
        part.key().to_string()
    }
}

impl GroupPart {
    /// As the TOML writes it: `main`, or the part's key.
    pub fn key(&self) -> &str {
        match self {
            GroupPart::Main => "main",
            GroupPart::Part(key) => key,
        }
    }
}

/// `main + analysis`: the parts a group cap adds up, as the TOML names them.
pub fn group_parts_text(parts: &[GroupPart]) -> String {
    parts
        .iter()
        .map(GroupPart::key)
        .collect::<Vec<_>>()
        .join(" + ")
}

impl std::fmt::Display for GroupPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl RateRule {
    /// The kind as the TOML names it: the table under `[tiers.rule]`.
    pub fn kind(&self) -> &'static str {
        match self {
            RateRule::Capped(_) => "capped",
            RateRule::PerBed(_) => "per_bed",
            RateRule::PerItem(_) => "per_item",
            RateRule::PerUnit(_) => "per_unit",
            RateRule::Banded(_) => "banded",
        }
    }

    /// The rate for the main cost and the flags that change it (the first
    /// band's, where the rate is tiered on the grant).
    pub fn main_rate(&self) -> (Rate, &[RateWhen]) {
        match self {
            RateRule::Capped(r) => (r.rate, &r.rate_when),
            RateRule::PerBed(r) => (r.rate, &[]),
            RateRule::PerItem(r) => (r.rate, &[]),
            RateRule::PerUnit(r) => (r.rate, &[]),
            RateRule::Banded(r) => r
                .bands
                .first()
                .map_or((Rate::whole(), &[][..]), |b| (b.rate, &b.rate_when)),
        }
    }

    /// Every rate the rule states, each with the flags that change it, and
    /// its path within the rule: the main rate, each band's, each part's.
    pub fn rates(&self) -> Vec<(Vec<Seg<'static>>, Rate, &[RateWhen])> {
        use Seg::{Index, Key};
        match self {
            RateRule::Banded(r) => {
                let bands = r
                    .bands
                    .iter()
                    .enumerate()
                    .map(|(j, b)| (vec![Key("bands"), Index(j)], b.rate, &b.rate_when[..]));
                let parts = r
                    .parts
                    .iter()
                    .enumerate()
                    .map(|(j, p)| (vec![Key("parts"), Index(j)], p.rate, &p.rate_when[..]));
                bands.chain(parts).collect()
            }
            _ => {
                let (rate, when) = self.main_rate();
                vec![(Vec::new(), rate, when)]
            }
        }
    }

    /// Every `rate_when` of the rule: the flags that change a rate (the
    /// same as [`Self::rates`]'s, without building their paths: a batch
    /// asks this of every result).
    pub fn rate_whens(&self) -> impl Iterator<Item = &RateWhen> {
        let (main, bands, parts): (&[RateWhen], &[Band], &[Part]) = match self {
            RateRule::Banded(r) => (&[], &r.bands, &r.parts),
            _ => (self.main_rate().1, &[], &[]),
        };
        main.iter()
            .chain(bands.iter().flat_map(|b| &b.rate_when))
            .chain(parts.iter().flat_map(|p| &p.rate_when))
    }

    /// The rule's own yen figures, each with its key: its caps and minimum
    /// (not those of its items, parts or groups).
    pub fn figures(&self) -> Vec<(&'static str, Option<Yen>)> {
        match self {
            RateRule::Capped(r) => vec![
                ("business_cost_cap", r.business_cost_cap),
                ("grant_cap", r.grant_cap),
                ("grant_min", r.grant_min),
            ],
            RateRule::PerBed(r) => vec![
                ("grant_cap", r.grant_cap),
                ("grant_cap_per_bed", Some(r.grant_cap_per_bed)),
            ],
            RateRule::PerItem(r) => vec![
                ("business_cost_cap", r.business_cost_cap),
                ("grant_cap", r.grant_cap),
            ],
            RateRule::PerUnit(r) => vec![
                ("business_cost_cap", r.business_cost_cap),
                ("grant_cap", r.grant_cap),
            ],
            RateRule::Banded(r) => vec![("grant_cap", r.grant_cap)],
        }
    }

    /// Why the tool uses a rate the sources do not state, where it does.
    pub fn rate_assumed(&self) -> Option<&Text> {
        match self {
            RateRule::Capped(r) => r.rate_assumed.as_ref(),
            RateRule::PerBed(r) => r.rate_assumed.as_ref(),
            RateRule::PerItem(_) | RateRule::PerUnit(_) | RateRule::Banded(_) => None,
        }
    }

    /// 事業額上限 (of one unit, for a per-unit rule).
    pub fn business_cost_cap(&self) -> Option<Yen> {
        match self {
            RateRule::Capped(r) => r.business_cost_cap,
            RateRule::PerItem(r) => r.business_cost_cap,
            RateRule::PerUnit(r) => r.business_cost_cap,
            RateRule::PerBed(_) | RateRule::Banded(_) => None,
        }
    }

    /// 補助限度額 as stated (before a per-bed cap or `未満`).
    pub fn grant_cap(&self) -> Option<Yen> {
        match self {
            RateRule::Capped(r) => r.grant_cap,
            RateRule::PerBed(r) => r.grant_cap,
            RateRule::PerItem(r) => r.grant_cap,
            RateRule::PerUnit(r) => r.grant_cap,
            RateRule::Banded(r) => r.grant_cap,
        }
    }

    /// 補助下限, where the rule has one.
    pub fn grant_min(&self) -> Option<Yen> {
        match self {
            RateRule::Capped(r) => r.grant_min,
            _ => None,
        }
    }

    /// The note that acknowledges a published cap the rule cannot reach.
    pub fn cap_note(&self) -> Option<&Text> {
        match self {
            RateRule::Capped(r) => r.cap_note.as_ref(),
            RateRule::PerItem(r) => r.cap_note.as_ref(),
            RateRule::PerUnit(r) => r.cap_note.as_ref(),
            RateRule::PerBed(_) | RateRule::Banded(_) => None,
        }
    }

    /// The unit of a per-unit rule.
    pub fn unit(&self) -> Option<&Unit> {
        match self {
            RateRule::PerUnit(r) => Some(&r.unit),
            _ => None,
        }
    }

    /// The rate bands, where the rate is tiered on the grant.
    pub fn bands(&self) -> &[Band] {
        match self {
            RateRule::Banded(r) => &r.bands,
            _ => &[],
        }
    }

    /// The items summed under the tier's caps (a per-item rule).
    pub fn summed_items(&self) -> &[ItemCap] {
        match self {
            RateRule::PerItem(r) => &r.items,
            _ => &[],
        }
    }

    /// The parts with their own rates (a banded rule).
    pub fn parts(&self) -> &[Part] {
        match self {
            RateRule::Banded(r) => &r.parts,
            _ => &[],
        }
    }

    /// The caps on several parts together (a banded rule).
    pub fn group_caps(&self) -> &[GroupCap] {
        match self {
            RateRule::Banded(r) => &r.group_caps,
            _ => &[],
        }
    }

    /// The key of every item the rule names: summed items and parts.
    pub fn item_keys(&self) -> impl Iterator<Item = &str> {
        let summed = self.summed_items().iter().map(|i| i.key.as_str());
        summed.chain(self.parts().iter().map(|p| p.key.as_str()))
    }

    /// Whether the grant is figured on the main cost alone, so that it can
    /// be drawn against one cost (not per item, per unit or with parts).
    pub fn on_main_cost_alone(&self) -> bool {
        match self {
            RateRule::Capped(_) | RateRule::PerBed(_) => true,
            RateRule::PerItem(r) => r.items.is_empty(),
            RateRule::Banded(r) => r.parts.is_empty() && r.group_caps.is_empty(),
            RateRule::PerUnit(_) => false,
        }
    }
}
