//! How a front end names its inputs ([`Spelling`]). The core says what a
//! finding asks ([`Ask`]) and an input error which input it is about
//! ([`Field`]), as data; each front end spells it: a flag on the command
//! line (`cli::spelling`), a column in a batch or a key in a profile
//! ([`COLUMNS`]), a field of the web form, or plain words in a report or a
//! calendar ([`PLAIN`]).

use std::borrow::Cow;

use crate::Lang;
use crate::core::catalogue::DecidedBy;
use crate::core::estimate::{Ask, size_inputs};
use crate::input::fields;
use crate::input::request::Field;

/// A front end's names for its inputs.
#[derive(Clone, Copy)]
pub struct Spelling {
    /// An input's name: `--beds`, `病床数`, `beds`.
    pub field: fn(Field, Lang) -> Cow<'static, str>,
    /// How to state what a finding asks (`--kenshin yes|no`), or `None` to
    /// ask it in the finding's own words.
    pub ask: fn(&Ask<'_>, Lang) -> Option<String>,
    /// A front end's way to see more, where it has one (the command line's
    /// `--all`), as a sentence.
    pub hint: fn(Hint, Lang) -> Option<String>,
}

impl std::fmt::Debug for Spelling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Spelling")
    }
}

/// A way to see more than an answer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Every tier left out, with why: `{total}` of them.
    All { total: usize },
    /// The rows left out, shown.
    ShowHidden,
    /// Why nothing applies, from another command (plan → calc).
    WhyElsewhere,
    /// The answer on another day.
    AsOf,
    /// The grants, given the cost.
    Cost,
    /// Each program's contact (問合せ先), to ask when the rule data is old.
    Contacts,
}

/// Plain words, for a report or a calendar: inputs by their Japanese
/// (or English) names, findings in their own words, no hints.
pub const PLAIN: Spelling = Spelling {
    field: column_name,
    ask: |_, _| None,
    hint: |_, _| None,
};

/// The columns of a batch and the keys of a profile (`病床数`, `要件:ID`
/// in Japanese; `beds`, `fact:ID` in English).
pub const COLUMNS: Spelling = Spelling {
    field: column_name,
    ask: |ask, lang| {
        let mut names = String::new();
        columns_of(ask, lang, &mut names);
        Some(names).filter(|n| !n.is_empty())
    },
    hint: |_, _| None,
};

/// A field's column name in `lang`: `病床数`, `beds`.
fn column_name(field: Field, lang: Lang) -> Cow<'static, str> {
    match (lang, field) {
        // Items and facts are columns of their own (`費目:mobile`,
        // `要件:ID`): the input is named by that prefix, 費目 or 要件.
        (Lang::Ja, Field::Item | Field::Fact) => {
            let prefix = format!("{}:", field.name());
            let mut name = String::new();
            fields::push_japanese_name(&prefix, &mut name);
            Cow::Owned(name.trim_end_matches(':').to_string())
        }
        (Lang::Ja, _) => fields::japanese_name(field.name()),
        (Lang::En, _) => Cow::Borrowed(field.name()),
    }
}

/// Appends the columns (English names) that state what `ask` asks,
/// space-separated, to `out`: `fact:online-qual-in-place`, `item:mobile
/// item:rececon`, `entity capital employees`.
pub fn english_columns_of(ask: &Ask<'_>, out: &mut String) {
    let mut add = |name: &str, rest: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
        out.push_str(rest);
    };
    match ask {
        Ask::Cost => add("cost", ""),
        Ask::Items(keys) => keys.iter().for_each(|k| add("item:", k)),
        Ask::Item(key) => add("item:", key),
        Ask::Kenshin => add("kenshin", ""),
        Ask::Members => add("members", ""),
        Ask::Processes => add("processes", ""),
        Ask::Functions => add("functions", ""),
        Ask::RateFlag(flag) => add(fields::flag_column(*flag), ""),
        Ask::Condition(c) => match (c.decided_by, c.fact.as_deref()) {
            (DecidedBy::Fact, Some(fact)) => add("fact:", fact),
            (DecidedBy::Prefecture, _) => add("prefecture", ""),
            (DecidedBy::EntitySize, _) => {
                add("entity", "");
                add("capital", "");
                add("employees", "");
            }
            (DecidedBy::Fact, None) => {}
        },
        Ask::Size(program, class) => {
            let (_, capital, employees) = size_inputs(program, *class);
            add("entity", "");
            if capital {
                add("capital", "");
            }
            if employees {
                add("employees", "");
            }
        }
    }
}

/// The columns that state what `ask` asks, in `lang`, appended to `out`.
fn columns_of(ask: &Ask<'_>, lang: Lang, out: &mut String) {
    let mut english = String::new();
    english_columns_of(ask, &mut english);
    columns_in(&english, lang, out);
}

/// Column names (English, space-separated, as [`english_columns_of`]
/// writes them) in `lang`, into `out` (cleared first): the Japanese alias
/// of each (`健診 要件:online-qual-in-place`). A batch words its 要確認
/// column with it on every row, without allocating.
pub(crate) fn columns_in(english_names: &str, lang: Lang, out: &mut String) {
    out.clear();
    for name in english_names.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        match lang {
            Lang::En => out.push_str(name),
            Lang::Ja => fields::push_japanese_name(name, out),
        }
    }
}
