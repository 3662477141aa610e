//! `subsidy`: which medical-DX subsidies (補助金・助成金) a Japanese hospital,
//! clinic or pharmacy can get, how many yen, and until when.
//!
//! The layers, each importing only those below it (ARCHITECTURE.md):
//! - [`i18n`]: the message tables, Japanese and English.
//! - [`core`]: the rule [`core::catalogue`], exact money and rates, the
//!   grant arithmetic, windows and the per-facility estimates. Pure: no I/O
//!   but reading a catalogue directory, and it never prints.
//! - [`input`]: what people type (flags, cells, form fields, profiles)
//!   parsed and checked into a query.
//! - [`check`]: the rule data's lint, run by `subsidy check` and CI.
//! - [`report`]: one answer, many renderers (text, JSON, HTML, ICS, SVG).
//! - [`batch`]: many facilities from a spreadsheet, streamed.
//! - [`cli`] and [`serve`]: the front ends; they translate, and never import each other.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod batch;
pub mod check;
pub mod cli;
pub mod core;
pub mod i18n;
pub mod input;
pub mod report;
pub mod serve;

pub use crate::core::catalogue::Lang;
