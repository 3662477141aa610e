//! `subsidy ask`: the answer the questions lead to.

use super::layout::Screen;
use super::{data_age_text, header_line, summary_text, unknowns_text};
use crate::core::catalogue::{DataAge, Lang};
use crate::core::estimate::Estimate;
use crate::report::model::Answered;
use crate::report::words::{Recommended, ask_each_contact, summary_line};

/// The answer: the facility as told (with the day and the cost), what the
/// best combination still assumes (each fact with what it is worth,
/// largest first), the summary that names it (its total, each pick's grant
/// and deadline), and the rule data's `age`.
pub fn guided_text(
    answered: &Answered<'_, '_>,
    age: Option<&DataAge>,
    lang: Lang,
    screen: Screen,
) -> String {
    let query = answered.query;
    let mut out = header_line(query, lang, screen);
    out.push('\n');
    out.push_str(&unknowns_text(&answered.recommendation, lang, screen));
    // No table above it to number the picks by.
    let number = |_: &Estimate<'_>| None;
    let recommended = Recommended {
        recommendation: &answered.recommendation,
        number: &number,
        plan: answered.plan,
    };
    // Its ways to see more are `calc`'s and `plan`'s: the command line
    // under the answer leads there.
    let summary = summary_line(
        &answered.summary,
        Some(&recommended),
        query,
        lang,
        &crate::input::spelling::PLAIN,
    );
    out.push_str(&summary_text(&summary, screen));
    out.push_str(&data_age_text(
        age,
        || ask_each_contact(&screen.spelling, lang),
        lang,
        screen,
    ));
    out
}
