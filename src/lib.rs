//! `subsidy`: which medical-DX subsidies (補助金・助成金) a Japanese hospital,
//! clinic or pharmacy can get, how many yen, and until when.
//!
//! The core is pure: the rule [`catalogue`], exact [`money`] and [`rate`]s,
//! the grant arithmetic in [`calc`], application [`window`]s and the
//! per-facility [`estimate`]s. It never prints; [`cli`] is the front end.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod batch;
pub mod calc;
pub mod catalogue;
pub mod check;
pub mod cli;
pub mod estimate;
pub mod messages;
pub mod money;
pub mod parse;
pub mod plan;
pub mod prefecture;
pub mod profile;
pub mod rate;
pub mod request;
pub mod serve;
pub mod text;
pub mod trace;
pub mod window;

pub use catalogue::Lang;
