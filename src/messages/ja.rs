//! 日本語のメッセージ表。`{name}` に値が入ります。

use super::Key;

/// `key` の文。
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ErrorLine => "エラー: {message}",
        Key::InvalidValue => "{flag} の値 '{value}' は使えません: {reason}",
        Key::RuleData => "規則データ: {reason}",
        Key::WritingOutput => "出力を書き込めません: {reason}",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself).
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    let _ = (command, arg);
    None
}
