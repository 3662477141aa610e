//! What the renderers show, decided once: the text, the web page and the
//! JSON format these decisions and make none of their own (STYLE §11).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::core::catalogue::{Discovery, Program, Tier, Variant};
use crate::core::estimate::{self, Estimate, Headline, Query, Stack};
use crate::core::money::Yen;
use crate::core::plan::PlanEntry;
use crate::core::recommend::{self, Detail, Measure, Recommendation};
use crate::core::window;
use crate::input::guide::Outcome;

/// What `calc` shows besides the results that can be applied for.
#[derive(Debug, Clone, Copy, Default)]
pub struct CalcView {
    /// `--all`: every result, those that cannot be applied for in a section of their own.
    pub all: bool,
    /// `--program`: the named programs are shown whatever their standing.
    pub named: bool,
    /// `--explain`: how each shown result was decided and computed.
    pub explain: bool,
    /// Of the best combination, the picks and their total alone: not what
    /// each fact is worth nor why each other result lost (a CSV or JSONL
    /// batch row has no column for them; a workbook's has).
    pub picks_only: bool,
}

/// The results of one `calc` as every renderer shows them: which can be
/// applied for, which are shown for reference and which are only counted,
/// their display numbers, the stacks added up, the best combination (the
/// summary's headline) and the charts that can be drawn. Built once from
/// the estimates; the table, the JSON, the web page and the batch rows
/// format it and decide nothing.
#[derive(Debug)]
pub struct CalcReport<'a, 'c> {
    estimates: &'a [Estimate<'c>],
    stacks: &'a [Stack],
    /// The best combination of the results on the query's cost.
    recommendation: Recommendation<'a, 'c>,
    /// The results that can be applied for on the as-of date, in order.
    open: Indices,
    /// Those that cannot, shown for reference (`--all`, `--program`), each
    /// with the number of results it stands for ([`one_row_per_reason`]).
    reference: Vec<(usize, usize)>,
    /// Those that cannot and are not shown: counted in one line.
    hidden: Indices,
    view: CalcView,
}

/// Results by their place in the estimates: a few for a facility and one
/// program (a batch row), held in place.
type Indices = smallvec::SmallVec<[usize; 8]>;

/// A pair of results that can both be applied for and are added up on the
/// same cost, with their display numbers.
#[derive(Debug)]
pub struct ShownStack<'a, 'c> {
    pub base: (usize, &'a Estimate<'c>),
    pub top: (usize, &'a Estimate<'c>),
    pub stack: &'a Stack,
}

impl<'a, 'c> CalcReport<'a, 'c> {
    /// The report of `estimates` (with their `stacks`) for `query` as
    /// `view` shows them: the best combination decided here, once.
    pub fn new(
        estimates: &'a [Estimate<'c>],
        stacks: &'a [Stack],
        query: &Query,
        view: CalcView,
    ) -> Self {
        let detail = if view.picks_only {
            Detail::Picks
        } else {
            Detail::Full
        };
        let recommendation = recommend::recommend_with(estimates, query, Measure::OnCost, detail);
        CalcReport::with(estimates, stacks, recommendation, view)
    }

    fn with(
        estimates: &'a [Estimate<'c>],
        stacks: &'a [Stack],
        recommendation: Recommendation<'a, 'c>,
        view: CalcView,
    ) -> Self {
        let (mut open, mut closed) = (
            Indices::with_capacity(estimates.len()),
            Indices::with_capacity(estimates.len()),
        );
        for (i, e) in estimates.iter().enumerate() {
            match e.left_out() {
                None => open.push(i),
                Some(_) => closed.push(i),
            }
        }
        let reference = if view.all || view.named {
            one_row_per_reason(estimates, &closed)
        } else {
            Vec::new()
        };
        let hidden = if reference.is_empty() {
            closed
        } else {
            Indices::new()
        };
        CalcReport {
            estimates,
            stacks,
            recommendation,
            open,
            reference,
            hidden,
            view,
        }
    }

    /// The same results as `view` shows them (the web page's explanation
    /// shows named programs that its table only counts).
    pub fn as_viewed(&self, view: CalcView) -> CalcReport<'a, 'c> {
        CalcReport::with(
            self.estimates,
            self.stacks,
            self.recommendation.clone(),
            view,
        )
    }

    /// The best combination: what the last line of `calc`, the web page's
    /// first box, the JSON's `recommendation` and a batch's recommended
    /// total all say.
    pub fn recommendation(&self) -> &Recommendation<'a, 'c> {
        &self.recommendation
    }

    /// The display number of `estimate` (one of this report's results), if it is shown.
    pub fn number_of(&self, estimate: &Estimate<'_>) -> Option<usize> {
        let index = self
            .estimates
            .iter()
            .position(|e| std::ptr::addr_eq(e, estimate))?;
        self.number(index)
    }

    /// What this report shows besides the results that can be applied for.
    pub fn view(&self) -> CalcView {
        self.view
    }

    /// Every result, whether shown or not, each with whether it can be
    /// applied for (what the default view shows): for JSON, which lists
    /// them all.
    pub fn every(&self) -> impl Iterator<Item = (&'a Estimate<'c>, bool)> + '_ {
        let estimates = self.estimates;
        (0..estimates.len()).map(move |i| (&estimates[i], self.open.contains(&i)))
    }

    /// Every stack the estimates make, whether or not both its results
    /// can be applied for (JSON lists them all; [`Self::stacks`] are those shown).
    pub fn every_stack(
        &self,
    ) -> impl Iterator<Item = (&'a Stack, &'a Estimate<'c>, &'a Estimate<'c>)> + '_ {
        let estimates = self.estimates;
        self.stacks
            .iter()
            .map(move |s| (s, &estimates[s.base], &estimates[s.top]))
    }

    /// The display number of the result at `index`, if it is shown: numbers
    /// run on from the results that can be applied for into the reference.
    fn number(&self, index: usize) -> Option<usize> {
        self.open
            .iter()
            .chain(self.reference.iter().map(|(i, _)| i))
            .position(|&i| i == index)
            .map(|n| n + 1)
    }

    /// The results that can be applied for, numbered from 1.
    pub fn open(&self) -> impl Iterator<Item = (usize, &'a Estimate<'c>)> + '_ {
        let estimates = self.estimates;
        self.open
            .iter()
            .enumerate()
            .map(move |(n, &i)| (n + 1, &estimates[i]))
    }

    /// Whether nothing can be applied for.
    pub fn nothing_open(&self) -> bool {
        self.open.is_empty()
    }

    /// The results shown for reference, numbered after [`Self::open`], each
    /// with how many results it stands for (one program's variants left out
    /// alike are one row).
    pub fn reference(&self) -> impl Iterator<Item = (usize, &'a Estimate<'c>, usize)> + '_ {
        let (estimates, first) = (self.estimates, self.open.len() + 1);
        self.reference
            .iter()
            .enumerate()
            .map(move |(n, &(i, rows))| (first + n, &estimates[i], rows))
    }

    /// Every result shown, numbered: [`Self::open`], then [`Self::reference`].
    pub fn shown(&self) -> impl Iterator<Item = (usize, &'a Estimate<'c>)> + '_ {
        self.open().chain(self.reference().map(|(n, e, _)| (n, e)))
    }

    /// Every result shown, one by one, in the order [`Self::shown`] shows
    /// them: a reference row's variants left out alike each on its own (a
    /// spreadsheet lists every result on a row of its own).
    pub fn shown_each(&self) -> impl Iterator<Item = &'a Estimate<'c>> + '_ {
        let estimates = self.estimates;
        let reference = !self.reference.is_empty();
        let closed = (0..estimates.len())
            .filter(move |i| reference && !self.open.contains(i))
            .map(move |i| &estimates[i]);
        self.open().map(|(_, e)| e).chain(closed)
    }

    /// The results that cannot be applied for and are not shown.
    pub fn hidden(&self) -> Vec<&'a Estimate<'c>> {
        self.hidden.iter().map(|&i| &self.estimates[i]).collect()
    }

    /// The stacks whose results can both be applied for (only those are
    /// ever added up), with their numbers.
    pub fn stacks(&self) -> impl Iterator<Item = ShownStack<'a, 'c>> + '_ {
        let estimates = self.estimates;
        self.stacks.iter().filter_map(move |stack| {
            if !self.open.contains(&stack.base) || !self.open.contains(&stack.top) {
                return None;
            }
            Some(ShownStack {
                base: (self.number(stack.base)?, &estimates[stack.base]),
                top: (self.number(stack.top)?, &estimates[stack.top]),
                stack,
            })
        })
    }

    /// What the last line says: how many can be applied for, and the
    /// largest grant (or the nearest deadline) among them.
    pub fn summary(&self) -> Summary<'a, 'c> {
        let rest = if self.reference.is_empty() {
            Rest::Hidden(self.estimates.len())
        } else {
            Rest::Shown
        };
        Summary::new(&self.with_grants(|_| true), rest)
    }

    /// The result the last line names ([`estimate::headline`]), without
    /// counting programs as [`Self::summary`] does: a batch's summary row
    /// asks this of every input row.
    pub fn headline(&self) -> Option<Headline<'a, 'c>> {
        estimate::headline(&self.with_grants(|_| true))
    }

    /// The results that can be applied for whose grant can be drawn
    /// against the cost (`chartable`): a chart link each.
    pub fn charts(&self) -> impl Iterator<Item = &'a Estimate<'c>> + '_ {
        self.open().map(|(_, e)| e).filter(|e| chartable(e))
    }

    /// The result to chart: the first of program `chosen` that can be
    /// drawn (`None` if none can), or with nothing chosen, the headline of
    /// those in [`Self::charts`].
    pub fn chart(&self, chosen: &str) -> Option<&'a Estimate<'c>> {
        if !chosen.is_empty() {
            return self
                .estimates
                .iter()
                .find(|e| e.program.id == chosen && chartable(e));
        }
        match estimate::headline(&self.with_grants(chartable))? {
            Headline::Largest(_, e) | Headline::Nearest(e) => Some(e),
        }
    }

    /// The results that can be applied for and pass `keep`, each with the
    /// grant the headline compares them by.
    fn with_grants(
        &self,
        keep: impl Fn(&Estimate<'c>) -> bool,
    ) -> Vec<(Option<Yen>, &'a Estimate<'c>)> {
        self.open()
            .map(|(_, e)| e)
            .filter(|e| keep(e))
            .map(|e| (e.computation.as_ref().map(|c| c.grant), e))
            .collect()
    }
}

/// Whether a result's grant can be drawn against one cost: a tier paid on
/// the main cost (not per item, per coupon or per group).
fn chartable(e: &Estimate<'_>) -> bool {
    e.tier.is_some_and(|t| t.rule.on_main_cost_alone())
}

/// The results left out, each with how many rows it stands for: the
/// variants of one program left out for the same reason with no tier for
/// the facility (a pharmacy has no tier in any of online-qual-public-aid-card's
/// five variants) are one row, the first standing for the rest.
fn one_row_per_reason(estimates: &[Estimate<'_>], left_out: &[usize]) -> Vec<(usize, usize)> {
    let alike = |a: &Estimate<'_>, b: &Estimate<'_>| {
        a.tier.is_none()
            && b.tier.is_none()
            && std::ptr::eq(a.program, b.program)
            && a.left_out() == b.left_out()
            && a.window == b.window
            && a.reasons == b.reasons
    };
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for &i in left_out {
        match rows.last_mut() {
            Some((first, count)) if alike(&estimates[*first], &estimates[i]) => *count += 1,
            _ => rows.push((i, 1)),
        }
    }
    rows
}

/// The answer of the guided mode (`subsidy ask`, the web's `/ask`): the
/// best combination on the cost, as `calc` has it, or with no cost at each
/// result's largest grant, as `plan` has it; and the summary that names it.
pub struct Answered<'a, 'c> {
    pub recommendation: Recommendation<'a, 'c>,
    pub summary: Summary<'a, 'c>,
    pub query: &'a Query,
    /// No cost was given: `plan`'s answer, each pick at its largest grant.
    pub plan: bool,
}

impl<'a, 'c> Answered<'a, 'c> {
    /// The answer of `outcome`, decided as `calc` or `plan` decides it.
    pub fn of(outcome: &'a Outcome<'c>) -> Answered<'a, 'c> {
        match outcome {
            Outcome::Calc {
                estimates,
                stacks,
                query,
            } => {
                let report = CalcReport::new(estimates, stacks, query, CalcView::default());
                Answered {
                    recommendation: report.recommendation().clone(),
                    summary: report.summary(),
                    query,
                    plan: false,
                }
            }
            Outcome::Plan { plan, query } => {
                let open: Vec<(Option<Yen>, &'a Estimate<'c>)> = (plan.entries.iter())
                    .map(|entry| (entry.largest.map(|(grant, _)| grant), &entry.estimate))
                    .collect();
                Answered {
                    recommendation: recommend::of_plan(plan, query),
                    summary: Summary::new(&open, Rest::Elsewhere),
                    query,
                    plan: true,
                }
            }
        }
    }
}

/// What a summary line says: how many programs and results can be applied
/// for, the one it names ([`estimate::headline`]), and what became of the rest.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a, 'c> {
    pub programs: usize,
    pub results: usize,
    pub headline: Option<Headline<'a, 'c>>,
    pub rest: Rest,
}

impl<'a, 'c> Summary<'a, 'c> {
    /// The summary of `open` (each result that can be applied for, with the
    /// grant to compare it by).
    pub fn new(open: &[(Option<Yen>, &'a Estimate<'c>)], rest: Rest) -> Self {
        let programs: BTreeSet<&str> = open.iter().map(|(_, e)| e.program.id.as_str()).collect();
        Summary {
            programs: programs.len(),
            results: open.len(),
            headline: estimate::headline(open),
            rest,
        }
    }
}

/// What became of the results that cannot be applied for, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest {
    /// Left out of `calc`'s view: this many tiers in all, `--all` shows them.
    Hidden(usize),
    /// Shown above (`--all`, `--program`).
    Shown,
    /// Not this command's to show (`plan`): `calc --all` shows them.
    Elsewhere,
}

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
    /// The best combination of the plan ([`recommend::of_plan`]): its headline.
    pub recommendation: &'a Recommendation<'a, 'c>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{Catalogue, FacilityClass};
    use crate::core::estimate::stacks;
    use crate::input::request::{Checker, Request};

    /// `calc` for `request` on 2026-11-22, as tests/cmd pins it, and its query.
    fn estimates<'c>(catalogue: &'c Catalogue, request: &Request) -> (Vec<Estimate<'c>>, Query) {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        Checker::new(catalogue)
            .estimates_and_query(request, as_of, true)
            .unwrap()
    }

    /// tests/cmd/calc-design-card-*: one result can be applied for, and
    /// the other 29 (18 programs) are counted.
    #[test]
    fn a_hospital_with_one_open_result_numbers_it_and_names_it() {
        let catalogue = Catalogue::embedded().unwrap();
        let request = Request {
            facility: Some(FacilityClass::Hospital.into()),
            beds: Some(250),
            kenshin: Some(true),
            cost: Some(14_000_000),
            ..Request::default()
        };
        let (estimates, query) = estimates(&catalogue, &request);
        let stacks = stacks(&estimates);
        let report = CalcReport::new(&estimates, &stacks, &query, CalcView::default());
        let open: Vec<(usize, &str)> = report
            .open()
            .map(|(n, e)| (n, e.program.id.as_str()))
            .collect();
        assert_eq!(open, [(1, "ehr-sharing")]);
        assert_eq!(report.reference().count(), 0);
        assert_eq!(report.hidden().len(), 29);
        let summary = report.summary();
        assert_eq!((summary.programs, summary.results), (1, 1));
        assert_eq!(summary.rest, Rest::Hidden(30));
        assert!(matches!(
            summary.headline,
            Some(Headline::Largest(6_579_000, e)) if e.program.id == "ehr-sharing"
        ));
        // Its grant is paid on the main cost: it can be drawn, and is the chart by default.
        assert_eq!(
            report.chart("").map(|e| e.program.id.as_str()),
            Some("ehr-sharing")
        );
        assert_eq!(report.charts().count(), 1);
        // The best combination is decided once, here: that one result, and
        // its number in the table (001 l.111: 13,158,000 × 1/2).
        let best = report.recommendation();
        assert_eq!(best.total, 6_579_000);
        let pick = best.picks[0].estimate;
        assert_eq!(report.number_of(pick), Some(1));
        // Seen another way, the same recommendation.
        let all = report.as_viewed(CalcView {
            all: true,
            ..CalcView::default()
        });
        assert_eq!(all.recommendation().total, 6_579_000);
    }

    /// tests/cmd/calc-pharmacy-all-80: nothing can be applied for; with
    /// `--all` every result is shown for reference, a program's variants
    /// left out alike as one row, numbered on.
    #[test]
    fn all_shows_what_cannot_be_applied_for_one_row_per_reason() {
        let catalogue = Catalogue::embedded().unwrap();
        let request = Request {
            facility: Some(FacilityClass::Pharmacy.into()),
            cost: Some(1_000_000),
            ..Request::default()
        };
        let (estimates, query) = estimates(&catalogue, &request);
        let hidden = CalcReport::new(&estimates, &[], &query, CalcView::default());
        assert!(hidden.nothing_open());
        assert_eq!(hidden.hidden().len(), estimates.len());
        assert_eq!(hidden.summary().rest, Rest::Hidden(estimates.len()));
        assert!(hidden.summary().headline.is_none());
        assert!(hidden.recommendation().is_empty());

        let all = CalcView {
            all: true,
            ..CalcView::default()
        };
        let report = hidden.as_viewed(all);
        assert!(report.hidden().is_empty());
        assert_eq!(report.summary().rest, Rest::Shown);
        let rows: Vec<(usize, &str, usize)> = report
            .reference()
            .map(|(n, e, rows)| (n, e.program.id.as_str(), rows))
            .collect();
        assert_eq!(rows[0], (1, "ehr-sharing", 1));
        assert_eq!(rows[3], (4, "e-prescription-expansion", 2));
        assert_eq!(rows[9], (10, "online-qual-public-aid-card", 5));
        assert_eq!(rows[11], (12, "fukuoka-e-prescription", 3));
        // Every result is one row or stood for by one.
        assert_eq!(rows.iter().map(|r| r.2).sum::<usize>(), estimates.len());
        // A batch lists each of them on a row of its own; by default, none.
        assert_eq!(report.shown_each().count(), estimates.len());
        assert_eq!(hidden.shown_each().count(), 0);
        let numbers: Vec<usize> = report.shown().map(|(n, _)| n).collect();
        assert_eq!(numbers, (1..=rows.len()).collect::<Vec<_>>());
    }
}
