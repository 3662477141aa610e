//! What a user typed, as an error line shows it: short, and on one line.
//!
//! An error names the value it refuses, but a value can be a 10 MB cell or
//! hold line breaks; quoted whole it would flood the terminal or split the
//! one line an error is. An error that quotes a user's value passes it
//! through [`shown`], the column names and cells of [`crate::input::fields`] too.

use std::borrow::Cow;

/// The most characters of a user's value an error line quotes.
pub const SHOWN_CHARS: usize = 60;

/// `value` as an error quotes it: its first [`SHOWN_CHARS`] characters, then
/// `…` if there were more; control and invisible formatting characters
/// (line breaks, tabs, bidi overrides, zero-width spaces) escaped as `\n`,
/// `\u{202e}` so the line stays one line and shows what is there.
///
/// ```
/// use subsidy::input::text::shown;
/// assert_eq!(shown("ehr-shareing"), "ehr-shareing");
/// assert_eq!(shown("1400\n0000"), "1400\\n0000");
/// assert_eq!(shown(&"x".repeat(10_000_000)).chars().count(), 61);
/// ```
pub fn shown(value: &str) -> Cow<'_, str> {
    // The common case, a short plain value: borrowed as it is.
    if value.len() <= SHOWN_CHARS && !value.chars().any(invisible) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(SHOWN_CHARS + 8);
    let mut chars = value.chars();
    for c in chars.by_ref().take(SHOWN_CHARS) {
        if invisible(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    Cow::Owned(out)
}

/// Characters that move the cursor, break the line or cannot be seen:
/// C0/C1 controls, zero-width and bidi formatting, line and paragraph separators, BOM.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_plain_values_are_borrowed_whole() {
        assert!(matches!(
            shown("ehr-shareing"),
            Cow::Borrowed("ehr-shareing")
        ));
        assert!(matches!(shown(""), Cow::Borrowed("")));
        let sixty = "a".repeat(SHOWN_CHARS);
        assert_eq!(shown(&sixty), sixty);
    }

    #[test]
    fn long_values_are_cut_at_sixty_characters_on_a_char_boundary() {
        let long = "a".repeat(SHOWN_CHARS + 1);
        assert_eq!(shown(&long), format!("{}…", "a".repeat(SHOWN_CHARS)));
        // 3 bytes a character: cut after 60 characters, not 60 bytes.
        let japanese = "福岡県".repeat(30);
        assert_eq!(shown(&japanese), format!("{}…", "福岡県".repeat(20)));
        let huge = "x".repeat(10_000_000);
        assert_eq!(shown(&huge).len(), SHOWN_CHARS + '…'.len_utf8());
    }

    #[test]
    fn line_breaks_and_invisible_characters_are_escaped() {
        assert_eq!(shown("1400\n0000"), "1400\\n0000");
        assert_eq!(shown("a\r\nb\tc"), "a\\r\\nb\\tc");
        assert_eq!(shown("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(shown("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(shown("\u{200b}1"), "\\u{200b}1");
        assert_eq!(shown("a\u{2028}b"), "a\\u{2028}b");
        // Visible non-ASCII stays as it is.
        assert_eq!(shown("１４００万円"), "１４００万円");
    }
}
