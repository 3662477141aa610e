//! `subsidy`: which medical-DX subsidies (補助金・助成金) a Japanese hospital,
//! clinic or pharmacy can get, how many yen, and until when.
//!
//! The library is the pure core: the rule [`catalogue`], exact [`money`] and
//! [`rate`]s, and the [`calc`] engine. It never prints; the `cli` module is
//! the front end.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod catalogue;
pub mod money;
pub mod rate;
