//! The English message table. `{name}` marks a value.

use super::Key;

/// The sentence for `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ErrorLine => "error: {message}",
        Key::InvalidValue => "invalid value '{value}' for '{flag}': {reason}",
        Key::RuleData => "rule data: {reason}",
        Key::WritingOutput => "writing output: {reason}",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself).
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    let _ = (command, arg);
    None
}
