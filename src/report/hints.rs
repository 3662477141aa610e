//! A finding as a front end says it: its message, then how to state what
//! it asks, spelled as that front end spells its inputs
//! ([`Spelling`]: flags on the command line, fields on the web, plain
//! words in a calendar).

use std::borrow::Cow;

use crate::core::estimate::{Ask, Finding};
use crate::i18n::{self, Key, Lang};
use crate::input::spelling::{self, Hint, Spelling};

/// The finding's message in `lang`, followed by how to state what it
/// asks, where it asks something and `spelling` says how: `金額が未指定です（--cost）。`.
pub fn finding_message<'f>(
    finding: &'f Finding<'_>,
    lang: Lang,
    spelling: &Spelling,
) -> Cow<'f, str> {
    let text = finding.text(lang);
    let Some(how) = finding.ask().and_then(|ask| (spelling.ask)(ask, lang)) else {
        return text;
    };
    // The hint goes before the sentence's full stop: `…です（--cost）。`
    let (sentence, stop) = match text.strip_suffix('。') {
        Some(sentence) => (sentence, "。"),
        None => match text.strip_suffix('.') {
            Some(sentence) => (sentence, "."),
            None => (text.as_ref(), ""),
        },
    };
    let mut said = i18n::text(
        lang,
        Key::StateItWith,
        &[("text", &sentence), ("how", &how)],
    );
    said.push_str(stop);
    Cow::Owned(said)
}

/// How `spelling` states what `ask` asks, or else its batch columns
/// (`法人形態 資本金 従業員数`): for sentences that must name something.
pub fn how_to_ask(spelling: &Spelling, ask: &Ask<'_>, lang: Lang) -> String {
    (spelling.ask)(ask, lang)
        .or_else(|| (spelling::COLUMNS.ask)(ask, lang))
        .unwrap_or_default()
}

/// The front end's hints, as one run of sentences (empty where it has none).
pub fn hints(spelling: &Spelling, lang: Lang, hints: &[Hint]) -> String {
    let said: Vec<String> = hints
        .iter()
        .filter_map(|hint| (spelling.hint)(*hint, lang))
        .collect();
    match lang {
        Lang::Ja => said.concat(),
        Lang::En => said.join(" "),
    }
}
