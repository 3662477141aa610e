//! Every sentence a person reads, in one table per language: [`ja`] and
//! [`en`]. Code passes a [`Key`] and named values; [`text`] fills them in.
//!
//! The keys are declared by area in `key/` (screen words, findings, batch,
//! check, …), and each language has one file per area in `ja/` and `en/`,
//! an exhaustive `match` over that area's keys: a key without a sentence in
//! either language does not compile. `tests::tables_agree` checks that both
//! sentences of a key take the same values, and in debug builds (so in every
//! test) [`text`] panics when a call leaves a `{name}` without a value.
//!
//! Help for each command and flag lives beside the tables ([`ja::help`],
//! [`en::help`]), a list keyed by command and flag name; a test in `cli`
//! walks the parser's commands and checks that every flag has help in both
//! and that every entry of the lists is some flag's.

use std::fmt::Display;

/// Which language to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The language's BCP 47 tag: `ja`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

pub mod en;
pub mod ja;
mod key;

pub use key::Key;

/// `n` with its noun in `lang`, from the key for one (`1 program`) or the
/// key for any other count (`2 programs`; `0 programs`).
pub fn counted<N>(lang: Lang, one: Key, other: Key, n: N) -> String
where
    N: Display + PartialEq + From<u8>,
{
    let key = if n == N::from(1) { one } else { other };
    text(lang, key, &[("n", &n)])
}

/// The sentence for `key` in `lang`, `{name}` marking each value.
pub fn template(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Ja => ja::text(key),
        Lang::En => en::text(key),
    }
}

/// The sentence for `key` in `lang` with its values filled in:
/// `text(lang, Key::InvalidValue, &[("flag", &"--beds"), ...])`.
/// Every `{name}` of the sentence needs a value: in debug builds (every
/// test) a call that misses or misspells one panics (`check_names`); a
/// release build leaves the `{name}` as it is. A value the sentence lacks
/// is left out (callers pass one set of values to several sentences).
pub fn text(lang: Lang, key: Key, values: &[(&str, &dyn Display)]) -> String {
    let template = template(lang, key);
    if cfg!(debug_assertions) {
        check_names(key, template, values);
    }
    fill(template, values)
}

/// Panics if a `{name}` of `template` has no value in `values`. Both
/// languages of a key take the same names (`tests::tables_agree`), so a call
/// checked in one language is right in the other.
fn check_names(key: Key, template: &str, values: &[(&str, &dyn Display)]) {
    let unfilled: Vec<&str> = placeholders(template)
        .into_iter()
        .filter(|name| !values.iter().any(|(given, _)| given == name))
        .collect();
    assert!(
        unfilled.is_empty(),
        "Key::{key:?} has no value for {unfilled:?} (given: {:?})",
        values.iter().map(|&(name, _)| name).collect::<Vec<_>>()
    );
}

fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Help for commands and flags, `(command, flag, text)`: the help tables
/// of [`ja::help`] and [`en::help`], the same pairs in the same order.
type HelpTable = [(&'static str, &'static str, &'static str)];

/// In a help table, any command: a flag several commands share has one
/// sentence.
const ANY: &str = "*";

/// The help of `flag` of `command` in `table`: the first entry that fits.
fn help_in(table: &HelpTable, command: &str, flag: &str) -> Option<&'static str> {
    help_entry(table, command, flag).map(|at| table[at].2)
}

fn help_entry(table: &HelpTable, command: &str, flag: &str) -> Option<usize> {
    table
        .iter()
        .position(|&(c, f, _)| (c == command || c == ANY) && f == flag)
}

/// The entries of `lang`'s help that none of the `(command, flag)` pairs
/// `asked` reaches: a misspelt command or flag, one the command line no
/// longer has, or one hidden by an entry above it. For the test in `cli`
/// that walks the parser's commands.
#[cfg(test)]
pub(crate) fn help_unreached(
    lang: Lang,
    asked: &[(String, String)],
) -> Vec<(&'static str, &'static str)> {
    let table = match lang {
        Lang::Ja => ja::flags::HELP,
        Lang::En => en::flags::HELP,
    };
    let reached: std::collections::HashSet<usize> = asked
        .iter()
        .filter_map(|(command, flag)| help_entry(table, command, flag))
        .collect();
    (0..table.len())
        .filter(|at| !reached.contains(at))
        .map(|at| (table[at].0, table[at].1))
        .collect()
}

/// Why a file operation failed, in `lang`: the common causes in words,
/// others as the system says them.
pub fn io_reason(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let key = match error.kind() {
        ErrorKind::NotFound => Key::IoNotFound,
        ErrorKind::PermissionDenied => Key::IoPermissionDenied,
        ErrorKind::StorageFull => Key::IoStorageFull,
        ErrorKind::IsADirectory => Key::ItIsADirectory,
        ErrorKind::AddrInUse => Key::IoAddrInUse,
        ErrorKind::AddrNotAvailable => Key::IoAddrNotAvailable,
        _ => return error.to_string(),
    };
    template(lang, key).to_string()
}

/// The `{name}`s a sentence takes, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree() {
        for &key in Key::ALL {
            let (ja, en) = (ja::text(key), en::text(key));
            assert!(!ja.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            assert_eq!(
                placeholders(ja),
                placeholders(en),
                "{key:?} takes different values in ja and en"
            );
        }
    }

    #[test]
    fn help_tables_agree() {
        let pairs = |table: &HelpTable| -> Vec<(&str, &str)> {
            table
                .iter()
                .map(|&(command, flag, _)| (command, flag))
                .collect()
        };
        assert_eq!(pairs(ja::flags::HELP), pairs(en::flags::HELP));
        for &(command, flag, text) in ja::flags::HELP.iter().chain(en::flags::HELP) {
            assert!(!text.trim().is_empty(), "({command:?}, {flag:?})");
        }
    }

    #[test]
    fn values_are_filled_in_by_name() {
        let line = fill(
            "{flag} の値 '{value}' は使えません",
            &[("value", &"250床x"), ("flag", &"--beds")],
        );
        assert_eq!(line, "--beds の値 '250床x' は使えません");
        assert_eq!(fill("{a} {b", &[("a", &1)]), "1 {b");
    }

    #[test]
    fn every_brace_opens_a_value_name() {
        let is_name = |name: &str| {
            name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        };
        for &key in Key::ALL {
            for lang in [Lang::Ja, Lang::En] {
                let sentence = template(lang, key);
                let names = sentence
                    .split('{')
                    .skip(1)
                    .filter(|part| part.split_once('}').is_some_and(|(name, _)| is_name(name)));
                assert_eq!(
                    names.count(),
                    sentence.matches('{').count(),
                    "{key:?} in {lang:?}: a '{{' that opens no {{name}}: {sentence}"
                );
            }
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "Key::InvalidValue has no value for [\"flag\"]")]
    fn a_misspelt_value_name_fails_in_debug_builds() {
        text(
            Lang::En,
            Key::InvalidValue,
            &[("flg", &"--beds"), ("value", &"x"), ("reason", &"no")],
        );
    }
}
