//! The one-page report a facility takes away (`subsidy report`, `batch
//! --report`): what it is worded from the one result model, as blocks of
//! text in the reader's language. How the blocks are set on paper is
//! [`super::pdf`]'s business; nothing here knows a page.

use std::collections::BTreeSet;

use super::model::CalcReport;
use super::words::{
    data_age_line, date_text, days_left_text, facility_text, say, stale_line, status_word, t, yen,
};
use crate::core::catalogue::{DataAge, Lang, Receipt};
use crate::core::estimate::{Estimate, Query};
use crate::core::window::Window;
use crate::i18n::Key;

/// One piece of the report, in reading order. Its text may hold word
/// joiners (U+2060) and no-break spaces that keep a date or a count on one
/// line; a renderer breaks lines by them and prints neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The title, and on the same line at the right, the as-of date.
    Title {
        title: String,
        as_of: String,
    },
    /// A line of the facility as given (who, what, how much).
    Line(String),
    /// The answer, set large: the total the facility can expect.
    Total(String),
    Heading(String),
    /// A table: its header, and rows of as many cells; `right` says which
    /// columns are amounts (set flush right).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        right: Vec<bool>,
        /// Each column's share of the width, out of the sum.
        widths: Vec<u32>,
    },
    /// A program's name, then lines under it (how to apply, whom to ask).
    Entry {
        name: String,
        lines: Vec<String>,
    },
    /// Items, each a sentence.
    Bullets(Vec<String>),
    /// Small print at the foot: the data's version, sources, the caveat.
    Small(String),
}

/// Who the report is for and what it was asked, beyond the query.
#[derive(Debug, Clone, Copy, Default)]
pub struct About<'a> {
    /// The client's name (a profile's or a batch row's), if known.
    pub client: Option<&'a str>,
    /// The project's cost as given.
    pub cost: Option<u64>,
}

/// The report's blocks for the facility of `query`, from `report` (the
/// results that can be applied for, as calc shows them), the rule data's
/// `receipt` and its `age` on the as-of date.
pub fn facility_report(
    report: &CalcReport<'_, '_>,
    query: &Query,
    about: About<'_>,
    receipt: &Receipt,
    age: Option<&DataAge>,
    lang: Lang,
) -> Vec<Block> {
    let mut blocks = vec![Block::Title {
        title: match about.client {
            Some(client) => say(lang, Key::PrintedTitleFor, &[("client", &client)]),
            None => t(lang, Key::PrintedTitle).to_string(),
        },
        as_of: say(
            lang,
            Key::PrintedAsOf,
            &[("date", &date_text(query.as_of, lang))],
        ),
    }];
    let mut facility = say(
        lang,
        Key::PrintedFacility,
        &[("facility", &facility_text(query, lang))],
    );
    if let Some(cost) = about.cost {
        facility.push_str(t(lang, Key::PrintedSeparator));
        facility.push_str(&say(lang, Key::PrintedCost, &[("cost", &yen(lang, cost))]));
    }
    if let Some(prefecture) = &query.prefecture {
        facility.push_str(t(lang, Key::PrintedSeparator));
        facility.push_str(&say(
            lang,
            Key::PrintedPrefecture,
            &[("prefecture", &prefecture)],
        ));
    }
    blocks.push(Block::Line(facility));

    // The recommended combination, else (no grant can be worked out) every
    // result that can be applied for.
    let open = super::questions::considered(report);
    blocks.push(Block::Total(total_line(report, lang)));
    if open.is_empty() {
        blocks.extend(footer(&open, receipt, age, lang));
        return blocks;
    }

    blocks.push(Block::Heading(t(lang, Key::PrintedResults).to_string()));
    blocks.push(results_table(report, &open, lang));

    blocks.push(Block::Heading(t(lang, Key::PrintedHowToApply).to_string()));
    let mut seen = BTreeSet::new();
    for e in open.iter().filter(|e| seen.insert(e.program.id.as_str())) {
        let p = e.program;
        let mut lines = vec![say(
            lang,
            Key::PrintedApply,
            &[("how", &p.apply.how.get(lang)), ("url", &p.apply.url)],
        )];
        lines.push(say(
            lang,
            Key::PrintedContact,
            &[
                ("name", &p.contact.name.get(lang)),
                ("phone", &p.contact.phone),
                ("hours", &p.contact.hours.get(lang)),
            ],
        ));
        blocks.push(Block::Entry {
            name: p.name.get(lang).to_string(),
            lines,
        });
    }

    blocks.push(Block::Heading(t(lang, Key::PrintedQuestions).to_string()));
    let questions = super::questions::asked(report, &open, lang);
    if questions.is_empty() {
        blocks.push(Block::Line(t(lang, Key::PrintedNoQuestions).to_string()));
    } else {
        blocks.push(Block::Bullets(questions));
    }
    blocks.extend(footer(&open, receipt, age, lang));
    blocks
}

/// The answer: the recommended combination's total (what it costs the
/// facility), or that a program can be applied for whose grant cannot be
/// worked out, or that none can be on this day.
fn total_line(report: &CalcReport<'_, '_>, lang: Lang) -> String {
    let recommendation = report.recommendation();
    if !recommendation.is_empty() {
        return say(
            lang,
            Key::PrintedRecommended,
            &[
                ("total", &yen(lang, recommendation.total)),
                ("cost", &yen(lang, recommendation.cost)),
                ("self_burden", &yen(lang, recommendation.self_burden())),
            ],
        );
    }
    match report.summary().headline {
        Some(crate::core::estimate::Headline::Largest(grant, e)) => say(
            lang,
            Key::PrintedLargest,
            &[
                ("grant", &yen(lang, grant)),
                ("program", &e.program.name.get(lang)),
            ],
        ),
        Some(crate::core::estimate::Headline::Nearest(e)) => say(
            lang,
            Key::PrintedNoAmount,
            &[("program", &e.program.name.get(lang))],
        ),
        None => t(lang, Key::PrintedNothingOpen).to_string(),
    }
}

/// A row per result: program, tier, grant (a pick's part of the total,
/// a top-up marked), deadline, days left.
fn results_table(report: &CalcReport<'_, '_>, open: &[&Estimate<'_>], lang: Lang) -> Block {
    let picks = &report.recommendation().picks;
    let rows = open
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let pick = picks.iter().find(|p| std::ptr::addr_eq(p.estimate, *e));
            let tier = match (e.variant, e.tier) {
                (Some(variant), Some(tier)) => {
                    format!("{}（{}）", variant.name.get(lang), tier.label.get(lang))
                }
                (None, Some(tier)) => tier.label.get(lang).to_string(),
                (Some(variant), None) => variant.name.get(lang).to_string(),
                (None, None) => String::new(),
            };
            let grant = match (pick, &e.computation) {
                (Some(pick), _) => yen(lang, pick.counted),
                (None, Some(c)) => yen(lang, c.grant),
                (None, None) => t(lang, Key::PrintedUnknown).to_string(),
            };
            // The second pick on and after tops the first up.
            let tier = if pick.is_some() && n > 0 {
                say(lang, Key::PrintedTopUp, &[("tier", &tier)])
            } else {
                tier
            };
            let (deadline, left) = match e.window {
                Window::Open {
                    deadline,
                    days_left,
                }
                | Window::OpeningNotStated {
                    deadline,
                    days_left,
                } => (date_text(deadline, lang), days_left_text(days_left, lang)),
                Window::NotYetOpen { opens, deadline } => (
                    deadline.map_or_else(String::new, |d| date_text(d, lang)),
                    say(lang, Key::OpensOn, &[("opens", &opens)]),
                ),
                other => (String::new(), status_word(other, lang).to_string()),
            };
            vec![
                e.program.name.get(lang).to_string(),
                tier,
                grant,
                deadline,
                left,
            ]
        })
        .collect();
    Block::Table {
        header: [
            Key::PrintedColProgram,
            Key::PrintedColTier,
            Key::PrintedColGrant,
            Key::PrintedColDeadline,
            Key::PrintedColDaysLeft,
        ]
        .iter()
        .map(|k| t(lang, *k).to_string())
        .collect(),
        rows,
        right: vec![false, false, true, false, false],
        widths: vec![30, 26, 14, 17, 13],
    }
}

/// The foot: the rule data's version and age, the documents the results
/// come from, and what the report is and is not.
fn footer(
    open: &[&Estimate<'_>],
    receipt: &Receipt,
    age: Option<&DataAge>,
    lang: Lang,
) -> Vec<Block> {
    let mut lines = Vec::new();
    match age {
        Some(age) => {
            lines.push(data_age_line(age, lang));
            lines.extend(stale_line(age, lang, t(lang, Key::PrintedAskContacts)));
        }
        None => lines.push(say(
            lang,
            Key::PrintedDataVersion,
            &[("version", &receipt.version)],
        )),
    }
    let mut documents = BTreeSet::new();
    for e in open {
        for (source, document) in e.program.cited_documents() {
            documents.insert(format!("[{}] {}", source.id, document.title));
        }
    }
    if !documents.is_empty() {
        let list: Vec<String> = documents.into_iter().collect();
        lines.push(say(
            lang,
            Key::PrintedSources,
            &[("sources", &list.join(t(lang, Key::PrintedSeparator)))],
        ));
    }
    lines.push(t(lang, Key::PrintedCaveat).to_string());
    lines.into_iter().map(Block::Small).collect()
}
