//! What the renderers show, decided once: the text, the JSON and the web
//! page format these decisions and make none of their own (STYLE §11).

use chrono::NaiveDate;

use crate::core::catalogue::{Discovery, Program, Tier, Variant};
use crate::core::estimate::Query;
use crate::core::plan::PlanEntry;
use crate::core::window;

/// Open programs first, then not yet open, then closed; by deadline within each.
pub(super) fn in_list_order<'a>(programs: &[&'a Program], as_of: NaiveDate) -> Vec<&'a Program> {
    let mut sorted = programs.to_vec();
    sorted.sort_by_cached_key(|p| {
        let window = window::window(p, as_of);
        (window.rank(), window.deadline(), p.id.clone())
    });
    sorted
}

/// The facility `show` was given (`--profile`, flags) and the tiers of the
/// program that fit it, as `calc` chooses them (both 電子カルテ tiers while
/// `kenshin` is not said).
pub struct Fit<'a> {
    pub query: &'a Query,
    pub tiers: Vec<(&'a Tier, Option<&'a Variant>)>,
}

impl Fit<'_> {
    /// Whether `tier` is one of those that fit.
    pub fn has(&self, tier: &Tier) -> bool {
        self.tiers.iter().any(|(t, _)| std::ptr::eq(*t, tier))
    }
}

/// What `plan` names besides its table: results whose application period
/// the sources do not give, and the programs named without a rate table.
pub struct Besides<'a, 'c> {
    pub period_unknown: &'a [PlanEntry<'c>],
    pub discovery: &'c [Discovery],
}
