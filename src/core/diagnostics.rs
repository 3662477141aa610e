//! What loading and `check` both say about a catalogue file: a sentence in
//! both languages ([`Said`]), a path into a TOML document ([`Seg`]) and the
//! span, line and column it points at, and values clipped to fit one line.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::{self, Key as Msg, Lang};

/// Every kind of finding `check` reports (and loading refuses with), one
/// variant each: `--allow` and `--deny` take their ids, JSON carries them.
/// The list of ids is derived from the enum, never kept by hand.
macro_rules! codes {
    ($($variant:ident = $id:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order declared.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];
            /// Every code's id, in the same order (what `--allow` takes).
            pub const IDS: &[&str] = &[$($id,)*];

            /// The stable id: `tier-overlap`, `quote-not-found` …
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$variant => $id,)*
                }
            }
        }
    };
}

codes! {
    AllDeadlinesPassed = "all-deadlines-passed",
    CapNotPositive = "cap-not-positive",
    CountOutOfRange = "count-out-of-range",
    DateOrder = "date-order",
    DocumentChanged = "document-changed",
    ExampleInvalid = "example-invalid",
    ExampleMismatch = "example-mismatch",
    FactWordedTwice = "fact-worded-twice",
    FieldMoved = "field-moved",
    FigureTooLarge = "figure-too-large",
    IdDuplicate = "id-duplicate",
    IdNotKebabCase = "id-not-kebab-case",
    LayerClash = "layer-clash",
    NoCap = "no-cap",
    NoExample = "no-example",
    NoSource = "no-source",
    QuoteNotFound = "quote-not-found",
    RangeInverted = "range-inverted",
    RateTooFine = "rate-too-fine",
    Replaces = "replaces",
    Schema = "schema",
    Sha256Form = "sha256-form",
    ShortName = "short-name",
    SmeLimits = "sme-limits",
    StaleSource = "stale-source",
    Syntax = "syntax",
    TierOverlap = "tier-overlap",
    TierVariantMissing = "tier-variant-missing",
    Unfilled = "unfilled",
    UnknownDocument = "unknown-document",
    UnknownReference = "unknown-reference",
    UnknownSource = "unknown-source",
    UnreachableCap = "unreachable-cap",
    UrlNotWeb = "url-not-web",
    VariantCoverage = "variant-coverage",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

/// A finding's message in English and Japanese, from the message tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub en: String,
    pub ja: String,
}

/// Text from elsewhere (the toml crate's parse errors), the same in both.
impl From<String> for Said {
    fn from(text: String) -> Said {
        Said {
            ja: text.clone(),
            en: text,
        }
    }
}

impl Said {
    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// `key`'s sentence in both languages, with the same values.
pub fn said(key: Msg, values: &[(&str, &dyn std::fmt::Display)]) -> Said {
    said_each(|lang| i18n::text(lang, key, values))
}

/// A sentence rendered once per language by `render`: for sentences whose
/// values are words that differ by language too (a facility's name, "none").
pub fn said_each(render: impl Fn(Lang) -> String) -> Said {
    Said {
        en: render(Lang::En),
        ja: render(Lang::Ja),
    }
}

/// How much a [`Fault`] weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Loading refuses the program (at the first such fault); `check`
    /// reports an error.
    Refuses,
    /// `check` reports an error; loading accepts the program (its amounts
    /// are still computed right).
    Error,
    /// `check` reports a warning.
    Warning,
}

/// A fault in a catalogue file: the path of the key it is about, its kind,
/// why, and how much it weighs. Loading and `check` both take them from
/// one place (the rules of [`crate::core::catalogue`], the bounds of its figures among them).
#[derive(Debug, Clone)]
pub struct Fault<'p> {
    pub path: Vec<Seg<'p>>,
    pub code: Code,
    pub message: Said,
    pub weight: Weight,
}

impl<'p> Fault<'p> {
    /// A fault that stops loading.
    pub fn refuses(path: Vec<Seg<'p>>, code: Code, message: Said) -> Fault<'p> {
        Fault {
            path,
            code,
            message,
            weight: Weight::Refuses,
        }
    }

    /// A fault `check` reports as an error and loading lets pass.
    pub fn error(path: Vec<Seg<'p>>, code: Code, message: Said) -> Fault<'p> {
        Fault {
            weight: Weight::Error,
            ..Fault::refuses(path, code, message)
        }
    }

    /// A fault `check` reports as a warning.
    pub fn warning(path: Vec<Seg<'p>>, code: Code, message: Said) -> Fault<'p> {
        Fault {
            weight: Weight::Warning,
            ..Fault::refuses(path, code, message)
        }
    }

    /// The line and column of the key it is about in the file's `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let start = DeTable::parse(text)
            .ok()
            .map_or(0, |table| span(&table, &self.path).start);
        let (line, column, _) = position(text, start);
        (line, column)
    }
}

/// A step of a path into a TOML document.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}
use Seg::{Index, Key};

/// The span of the value at `path`, or of the nearest part of it that exists.
pub fn span(table: &Spanned<DeTable<'_>>, path: &[Seg<'_>]) -> Range<usize> {
    let mut best = 0..0;
    let mut table: &DeTable<'_> = table.get_ref();
    let mut value: Option<&Spanned<DeValue<'_>>> = None;
    for seg in path {
        let next = match (seg, value.map(Spanned::get_ref)) {
            (Key(key), None) => table
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == *key)
                .map(|(k, v)| {
                    best = k.span();
                    v
                }),
            (Key(key), Some(DeValue::Table(t))) => t
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == *key)
                .map(|(k, v)| {
                    best = k.span();
                    v
                }),
            (Index(i), Some(DeValue::Array(array))) => array.get(*i),
            _ => None,
        };
        let Some(next) = next else { break };
        if matches!(seg, Index(_)) {
            best = next.span();
        }
        if let DeValue::Table(t) = next.get_ref() {
            table = t;
        }
        value = Some(next);
    }
    best
}

/// The 1-based line and column (in characters) of byte `offset` in `text`,
/// and the text of that line.
pub fn position(text: &str, offset: usize) -> (usize, usize, &str) {
    let mut start = offset.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..start].chars().count() + 1;
    let snippet = text[line_start..].lines().next().unwrap_or("");
    (line, column, snippet)
}

/// The most characters of a value quoted in a message, or of a line shown
/// under a finding: a 50 MB value makes a short message all the same.
pub const CLIP_CHARS: usize = 120;

/// The most characters of a whole message, after its values are clipped
/// (the longest real one lists the 31 keys a tier may have, in 520).
pub(crate) const MESSAGE_CHARS: usize = 1_000;

/// `text`, cut after `max` characters (on a character boundary) with `…`.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// A message fit for one line of an error: each value quoted in it (`'…'`,
/// `"…"` or `` `…` ``) clipped to [`CLIP_CHARS`], and the whole, if still
/// long, cut in the middle so that its end (what would work) stays.
pub fn clip_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(2 * MESSAGE_CHARS));
    let mut rest = message;
    while let Some(open) = rest.find(['\'', '"', '`']) {
        let quote = rest.as_bytes()[open];
        out.push_str(&rest[..=open]);
        let body = &rest[open + 1..];
        match closing_quote(body, quote) {
            Some(close) => {
                out.push_str(&clip(&body[..close], CLIP_CHARS));
                out.push(char::from(quote));
                rest = &body[close + 1..];
            }
            // An apostrophe, not a quote: go on after it.
            None => rest = body,
        }
    }
    out.push_str(rest);
    if out.chars().nth(MESSAGE_CHARS).is_none() {
        return out;
    }
    let head: String = out.chars().take(MESSAGE_CHARS * 2 / 3).collect();
    let tail_chars = MESSAGE_CHARS / 3;
    let tail_start = out
        .char_indices()
        .rev()
        .nth(tail_chars - 1)
        .map_or(0, |(i, _)| i);
    format!("{head}…{}", &out[tail_start..])
}

/// Where the quote opened before `body` closes: `"` skips escaped characters
/// (`\"`, as Rust and TOML messages quote), `'` and `` ` `` do not.
fn closing_quote(body: &str, quote: u8) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b if b == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}
