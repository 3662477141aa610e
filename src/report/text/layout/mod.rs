//! Text laid out for a terminal of a given width: line wrapping that never
//! splits a number, date, id or 円 amount and keeps 禁則, and tables with
//! plain ASCII rules that turn into one block per row when they do not fit.
//!
//! Widths are measured with East-Asian ambiguous characters (① × — ┆) as
//! two columns, the way many Japanese terminals draw them, so a wrapped
//! line never overflows there. The layout itself uses only ASCII and
//! full-width characters for rules and padding, so columns stay aligned on
//! terminals that draw ambiguous characters either way; text that may hold
//! ambiguous characters goes in a table's last column, where nothing is
//! aligned after it.

use unicode_width::UnicodeWidthStr;

use crate::input::spelling::{self, Spelling};

mod breaks;
mod table;

pub use breaks::{OVERLONG_INDENT, hanging, wrap, wrap_lines, wrap_measured};
pub use table::{Align, Column, Emphasis, Table};

/// Where output goes: how wide it may be and whether it may carry colour.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    /// Columns available.
    pub width: usize,
    /// Whether to emphasise with ANSI escapes (a terminal, colour allowed).
    pub color: bool,
    /// How the front end names its inputs (flags, form fields, plain words),
    /// where the text says how to state something.
    pub spelling: Spelling,
}

impl Screen {
    /// Width used when it is unknown: pipes, files and terminals that report
    /// a width of 0. Fits an e-mail or a printed page.
    pub const UNKNOWN_WIDTH: usize = 100;

    /// Plain output at the unknown width (files, pipes, tests, a web page's text).
    pub const PLAIN: Screen = Screen {
        width: Screen::UNKNOWN_WIDTH,
        color: false,
        spelling: spelling::PLAIN,
    };

    /// `text` in bold, where colour is on.
    pub fn strong(self, text: &str) -> String {
        self.styled("\x1b[1m", text)
    }

    /// `text` faint, where colour is on: rows that cannot be applied for.
    pub fn faint(self, text: &str) -> String {
        self.styled("\x1b[2m", text)
    }

    fn styled(self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{code}{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Columns `text` takes, ambiguous-width characters counted as two.
pub fn width(text: &str) -> usize {
    text.width_cjk()
}

/// Joins the characters on either side so a line never breaks between them
/// (U+2060 WORD JOINER); [`wrap`] takes it out of what it prints.
pub const JOIN: char = '\u{2060}';

/// A space [`wrap`] never breaks at: `経費: 14,000,000円` stays together.
pub const NO_BREAK_SPACE: char = '\u{a0}';

/// `label: value`, never broken after the colon.
pub fn field(label: &str, value: &str) -> String {
    format!("{}:{NO_BREAK_SPACE}{value}", unbroken(label))
}

/// `text` kept on one line by [`wrap`]: `あと1773日`, `令和13年9月30日`,
/// `1773 days left`.
pub fn unbroken(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            out.push(JOIN);
        }
        // A space inside is one that never breaks: `1773 days left`.
        out.push(if c == ' ' { NO_BREAK_SPACE } else { c });
    }
    out
}

/// `text` for where it is not wrapped (a line on stderr): the marks that
/// keep it whole ([`JOIN`], [`NO_BREAK_SPACE`]) taken out, as [`wrap`] does.
pub fn plain(text: &str) -> String {
    text.replace(JOIN, "").replace(NO_BREAK_SPACE, " ")
}

/// What an empty cell shows: ASCII, so it is one column wide everywhere.
pub const EMPTY: &str = "-";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_when_the_screen_has_it() {
        let plain = Screen::PLAIN;
        assert_eq!(plain.strong("x"), "x");
        let tty = Screen {
            color: true,
            ..plain
        };
        assert_eq!(tty.strong("x"), "\x1b[1mx\x1b[0m");
    }
}
