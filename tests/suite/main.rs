//! The tests of `subsidy`, in one binary (one link of the crate and its
//! dependencies, not one per file): `cargo test`, or `cargo test --test
//! suite MODULE::` for one module. Each module tests one command or one
//! part of the library, named after it. The runs of the binary share one
//! builder with one environment (`support`).
//!
//! Runs that measure rather than check (200,000 rows and more) are in
//! `benches/` (see benches/README.md).

mod support;

// The commands, as users run them.
mod ask;
mod authoring;
mod calc;
mod calc_output;
mod catalogue;
mod check;
mod config;
mod coupons;
mod coverage;
mod data_age;
mod discovery;
mod extensions;
mod i18n;
mod ics;
mod ics_events;
mod input;
mod list;
mod pharmacy;
mod plan;
mod profile;
mod recommend;
mod report;
mod shell;
mod show;
mod update;

// `subsidy diff`: what changed between two catalogues, and whom it touches.
mod diff;

// `subsidy batch`.
mod batch;
mod batch_client;
mod batch_excel;
mod batch_headers;
mod batch_ics;
mod batch_malformed;
mod batch_shapes;

// `subsidy serve`, in process and in a real browser.
mod browser;
mod serve;
mod serve_net;

// The library: the rules of each program, worked by hand, and invariants.
mod digital_ai;
mod eligibility;
mod estimate;
mod properties;

// What people read: the README's examples and the outputs in tests/cmd.
mod readme;
mod snapshots;
