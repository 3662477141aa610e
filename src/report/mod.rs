//! One answer, many renderers: the core computes, and this layer only says
//! it, the same way in every form.
//!
//! - `model`: what is shown, decided once ([`CalcReport`]: which results,
//!   their numbers, the headline, the charts); the renderers format it.
//! - `words`: the wording they share (yen, 和暦 dates, windows, the facility).
//! - `text`: tables and paragraphs for a terminal, laid out by [`layout`].
//! - `json`: JSON for scripts, the CLI's and the web API's alike.
//! - [`html`] and [`chart`]: the web page of `subsidy serve`, and its SVG chart.
//! - `ics`: the calendars, a plan's ([`plan_ics`]) and a list of
//!   facilities' ([`facilities_ics`]): deadlines and milestones.
//! - `questions`: what is still to confirm, asked in plain words ([`question`]),
//!   and the guided mode's questions ([`guide_question`]).
//! - [`diff`]: `subsidy diff`, what changed between two catalogues and
//!   whom it touches, in words and as JSON.
//! - [`client`]: what a client reads of a facility's results in a
//!   workbook's cell (the combination by short name, questions, plain notes).

pub mod chart;
pub mod client;
pub mod diff;
pub mod hints;
pub mod html;
mod ics;
mod json;
mod model;
pub mod pdf;
pub mod printed;
mod questions;
mod text;
mod words;

pub use ics::{FacilitiesEvent, facilities_ics, plan_ics};
pub use json::{calc_json, list_json, plan_json, show_discovery_json, show_json};
pub use model::{Answered, Besides, CalcReport, CalcView, Fit, Rest, ShownStack, Summary};
pub use questions::{guide_question, guide_worth, question};
pub use text::layout;
pub use text::{
    calc_table, calc_text, guided_text, list_table, plan_table, show_discovery_text, show_text,
};
pub use words::{ask_each_contact, ask_this_contact, data_age_line, stale_line};
