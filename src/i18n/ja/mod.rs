//! 日本語のメッセージ表。`{name}` に値が入ります。
//!
//! The Japanese table: one file per area of [`Key`], and the help of the
//! commands and flags.

use super::Key;

mod authoring;
mod batch;
mod batch_output;
mod catalogue;
mod check;
mod cli;
mod config;
mod coverage;
mod data;
mod diff;
mod explain;
mod finding;
pub(super) mod flags;
mod guide;
mod ics;
mod input;
mod printed;
mod recommend;
mod release;
mod screen;
mod sentence;
mod serve;
mod value;

/// `key` の文。
pub fn text(key: Key) -> &'static str {
    match key {
        Key::Cli(key) => cli::text(key),
        Key::Screen(key) => screen::text(key),
        Key::Sentence(key) => sentence::text(key),
        Key::Finding(key) => finding::text(key),
        Key::Catalogue(key) => catalogue::text(key),
        Key::Explain(key) => explain::text(key),
        Key::Batch(key) => batch::text(key),
        Key::BatchOutput(key) => batch_output::text(key),
        Key::Data(key) => data::text(key),
        Key::Check(key) => check::text(key),
        Key::Coverage(key) => coverage::text(key),
        Key::Value(key) => value::text(key),
        Key::Input(key) => input::text(key),
        Key::Serve(key) => serve::text(key),
        Key::Ics(key) => ics::text(key),
        Key::Printed(key) => printed::text(key),
        Key::Config(key) => config::text(key),
        Key::Authoring(key) => authoring::text(key),
        Key::Recommend(key) => recommend::text(key),
        Key::Guide(key) => guide::text(key),
        Key::Diff(key) => diff::text(key),
        Key::Release(key) => release::text(key),
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself). Flags shared by several commands
/// have one sentence.
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    super::help_in(flags::HELP, command, arg)
}

/// Headings and the words clap prints around the help.
pub fn heading(part: &str) -> &'static str {
    match part {
        "usage" => "使い方:",
        "options" => "オプション",
        "commands" => "コマンド",
        "arguments" => "引数",
        _ => "",
    }
}
