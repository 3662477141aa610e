//! `subsidy check`: what is wrong in a rule catalogue, before a clinic is told
//! a wrong amount. Pure: file names and texts in, findings out.
//!
//! Every finding names the file, line and column of the key it is about.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;
use sha2::{Digest, Sha256};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::Lang;
use crate::core::calc::{self, Context};
use crate::core::catalogue::{
    self, Catalogue, Cite, DateKind, Discoveries, Program, RateWhen, Receipt, Registry,
    RelationKind, Tier, receipt,
};
use crate::core::estimate::Eligibility;
use crate::core::money::{MAX_INPUT, Yen, group_thousands};
use crate::core::rate::Rate;
use crate::i18n::{self, Key as Msg};
use crate::input::request::{Checker, Request};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the rule data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub severity: Severity,
    /// Stable id: `schema`, `id-not-kebab-case`, `tier-overlap`, …
    pub code: &'static str,
    /// In English: stable for CI logs and `--format json`.
    pub message: String,
    /// The same in Japanese, for people (`subsidy check` shows it by default).
    pub message_ja: String,
    /// The line of the file the finding points at.
    pub snippet: String,
}

impl Finding {
    /// The message in `lang`: what `subsidy check` shows people.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.message_ja,
            Lang::En => &self.message,
        }
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
pub(crate) fn said(key: Msg, values: &[(&str, &dyn std::fmt::Display)]) -> Said {
    said_each(|lang| i18n::text(lang, key, values))
}

/// A sentence rendered once per language by `render`: for sentences whose
/// values are words that differ by language too (a facility's name, "none").
pub(crate) fn said_each(render: impl Fn(Lang) -> String) -> Said {
    Said {
        en: render(Lang::En),
        ja: render(Lang::Ja),
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub as_of: NaiveDate,
    /// A source older than this many days on `as_of` is a warning.
    pub stale_days: i64,
    /// The source documents (`--sources DIR`), to verify every `seed` and
    /// every quoted passage against; `None` checks neither.
    pub documents: Option<Documents>,
}

/// The source documents by file name, as their text with white space and
/// markdown emphasis (`*`) taken out: a quote is found whatever the line
/// breaks of the document or of the quote.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    by_name: BTreeMap<String, String>,
    /// Each file's SHA-256 (lower-case hex), of its text as read.
    sha256: BTreeMap<String, String>,
}

impl Documents {
    /// `files`: each document's file name and text.
    pub fn new(files: impl IntoIterator<Item = (String, String)>) -> Documents {
        let mut documents = Documents::default();
        for (name, text) in files {
            let digest = Sha256::digest(text.as_bytes());
            let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
            documents.sha256.insert(name.clone(), hex);
            documents.by_name.insert(name, squeeze(&text));
        }
        documents
    }

    /// Whether `quote` occurs in `text`: its pieces around `…` in order.
    fn holds(text: &str, quote: &str) -> bool {
        let mut from = 0;
        for piece in quote.split(['…']).flat_map(|p| p.split("...")) {
            let piece = squeeze(piece);
            if piece.is_empty() {
                continue;
            }
            match text[from..].find(&piece) {
                Some(at) => from += at + piece.len(),
                None => return false,
            }
        }
        true
    }
}

/// Text without white space (also the ideographic space) or `*`.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

/// The passages quoted in `at` (outermost 「…」, nested quotes inside), each
/// with the source it quotes: the id written before it in its part
/// (`…; 003 No.12 申請期日「…」`), else `source`.
fn quoted<'a>(at: &'a str, source: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in at.char_indices() {
        match c {
            '「' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '」' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    // `; 003 No.12 …「`, `; 001「`, `; 002（中位）「`: an id
                    // opens its part (`500万円` does not).
                    let part = at[..start].rsplit([';', '；']).next().unwrap_or("");
                    let part = part.trim_start();
                    let id =
                        part.get(..3)
                            .filter(|id| id.bytes().all(|b| b.is_ascii_digit()))
                            .filter(|_| {
                                part[3..].chars().next().is_none_or(|c| {
                                    c.is_whitespace() || matches!(c, '「' | '（' | '(')
                                })
                            })
                            .unwrap_or(source);
                    out.push((id, &at[start..i]));
                }
            }
            _ => {}
        }
    }
    out
}

/// Everything `check` found.
#[derive(Debug, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub receipt: Receipt,
    pub programs: usize,
    pub examples: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }
}

/// A step of a path into a TOML document.
#[derive(Debug, Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}
use Seg::{Index, Key};

/// One file: its text and, where it parses, its spanned document.
struct Doc<'t> {
    name: &'t str,
    text: &'t str,
    table: Option<Spanned<DeTable<'t>>>,
}

impl Doc<'_> {
    /// The span of the value at `path`, or of the nearest part of it that exists.
    fn span(&self, path: &[Seg<'_>]) -> Range<usize> {
        let Some(table) = &self.table else {
            return 0..0;
        };
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

    fn at(
        &self,
        span: Range<usize>,
        severity: Severity,
        code: &'static str,
        message: impl Into<Said>,
    ) -> Finding {
        let (line, column, snippet) = position(self.text, span.start);
        let message = message.into();
        Finding {
            file: self.name.to_string(),
            line,
            column,
            severity,
            code,
            message: clip_message(&message.en),
            message_ja: clip_message(&message.ja),
            snippet: clip(snippet, CLIP_CHARS).into_owned(),
        }
    }

    fn error(&self, path: &[Seg<'_>], code: &'static str, message: impl Into<Said>) -> Finding {
        self.at(self.span(path), Severity::Error, code, message)
    }

    fn warning(&self, path: &[Seg<'_>], code: &'static str, message: impl Into<Said>) -> Finding {
        self.at(self.span(path), Severity::Warning, code, message)
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`,
/// and the text of that line.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize, &str) {
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
const MESSAGE_CHARS: usize = 1_000;

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

/// The most any yen figure of the catalogue may be: 1兆円, the largest amount
/// accepted as input. With it, a cap times [`MAX_COUNT`] units, or the sum of
/// a tier's item caps, stays far inside 64 bits.
pub const MAX_FIGURE: Yen = MAX_INPUT;

/// The most units a per-unit tier may pay for (`per_unit.max`; the real
/// catalogue has 3), the most members a tier may ask (`members_min`; the real
/// one asks 10) and the most items a tier may list (the real ones list 4).
/// Each unit is computed on its own, so the count bounds the work of one
/// estimate; amounts summed over units or items stay below 1,000 × 1兆円.
pub const MAX_COUNT: u32 = 1000;

/// The largest least common multiple of the numerators and denominators of
/// one tier's rates (the real catalogue's largest is 60: 1/2, 2/3, 3/4, 4/5).
/// Every exact amount of the tier then has a denominator dividing its square,
/// and the products exact arithmetic forms stay below 2^50 yen (1,000 items
/// of 1兆円) × 10,000^4 < 2^104, inside the 128 bits [`calc::ExactYen`] computes in.
pub const MAX_RATE_TERMS: u128 = 10_000;

/// A figure or count outside what the engine computes with: where it is and why.
pub(crate) struct OutOfBounds<'p> {
    path: Vec<Seg<'p>>,
    code: &'static str,
    pub(crate) message: Said,
}

impl OutOfBounds<'_> {
    /// The line and column of the figure in the file's `text`.
    pub(crate) fn line_column(&self, name: &str, text: &str) -> (usize, usize) {
        let doc = Doc {
            name,
            text,
            table: DeTable::parse(text).ok(),
        };
        let (line, column, _) = position(text, doc.span(&self.path).start);
        (line, column)
    }
}

/// Every figure and count of `program` that is too large to compute with:
/// yen figures above [`MAX_FIGURE`], item caps that add up past it, counts
/// outside 1..=[`MAX_COUNT`], rates whose terms pass [`MAX_RATE_TERMS`].
/// `check` reports them; loading refuses them, so that no later sum,
/// product or loop meets them.
pub(crate) fn out_of_bounds(program: &Program) -> Vec<OutOfBounds<'_>> {
    fn too_large<'p>(path: Vec<Seg<'p>>, what: Said, yen: Yen) -> OutOfBounds<'p> {
        let (yen, max) = (
            group_thousands(u128::from(yen)),
            group_thousands(u128::from(MAX_FIGURE)),
        );
        OutOfBounds {
            path,
            code: "figure-too-large",
            message: said_each(|lang| {
                i18n::text(
                    lang,
                    Msg::CheckFigureTooLarge,
                    &[("what", &what.get(lang)), ("yen", &yen), ("max", &max)],
                )
            }),
        }
    }
    let mut found = Vec::new();
    for (i, t) in program.tiers.iter().enumerate() {
        let at = |rest: &[Seg<'static>]| [&[Key("tiers"), Index(i)][..], rest].concat();
        for (key, value) in [
            ("business_cost_cap", t.business_cost_cap),
            ("grant_cap", t.grant_cap),
            ("grant_cap_per_bed", t.grant_cap_per_bed),
            ("grant_min", t.grant_min),
        ] {
            if let Some(yen) = value.filter(|y| *y > MAX_FIGURE) {
                let what = said(Msg::CheckWhatTierKey, &[("tier", &t.id), ("key", &key)]);
                found.push(too_large(at(&[Key(key)]), what, yen));
            }
        }
        for (j, band) in t.bands.iter().enumerate() {
            if let Some(yen) = band.up_to_grant.filter(|y| *y > MAX_FIGURE) {
                let path = at(&[Key("bands"), Index(j), Key("up_to_grant")]);
                let what = said(
                    Msg::CheckWhatTierKey,
                    &[("tier", &t.id), ("key", &"up_to_grant")],
                );
                found.push(too_large(path, what, yen));
            }
        }
        // Items summed under the tier's caps count by the sum of their caps.
        let mut summed: u128 = 0;
        let mut passed: Option<usize> = None;
        for (j, item) in t.items.iter().enumerate() {
            let mut caps = vec![
                ("grant_cap", item.grant_cap),
                ("grant_cap_per_member", item.grant_cap_per_member),
            ];
            if item.is_separate() {
                caps.push(("business_cost_cap", item.business_cost_cap));
            } else {
                summed += u128::from(item.business_cost_cap.unwrap_or(0));
                if summed > u128::from(MAX_FIGURE) && passed.is_none() {
                    passed = Some(j);
                }
            }
            for (key, value) in caps {
                if let Some(yen) = value.filter(|y| *y > MAX_FIGURE) {
                    let path = at(&[Key("items"), Index(j), Key(key)]);
                    let what = said(
                        Msg::CheckWhatItemKey,
                        &[("tier", &t.id), ("item", &item.key), ("key", &key)],
                    );
                    found.push(too_large(path, what, yen));
                }
            }
        }
        if let Some(j) = passed {
            found.push(OutOfBounds {
                path: at(&[Key("items"), Index(j), Key("business_cost_cap")]),
                code: "figure-too-large",
                message: said(
                    Msg::CheckItemCapsSum,
                    &[
                        ("tier", &t.id),
                        ("sum", &group_thousands(summed)),
                        ("max", &group_thousands(u128::from(MAX_FIGURE))),
                        ("item", &t.items[j].key),
                    ],
                ),
            });
        }
        for (j, group) in t.group_caps.iter().enumerate() {
            if group.grant_cap > MAX_FIGURE {
                let path = at(&[Key("group_caps"), Index(j), Key("grant_cap")]);
                let what = said(Msg::CheckWhatGroupCap, &[("tier", &t.id)]);
                found.push(too_large(path, what, group.grant_cap));
            }
        }
        if let Some(unit) = &t.per_unit
            && !(1..=MAX_COUNT).contains(&unit.max)
        {
            found.push(OutOfBounds {
                path: at(&[Key("per_unit"), Key("max")]),
                code: "count-out-of-range",
                message: said(
                    Msg::CheckPerUnitRange,
                    &[("tier", &t.id), ("max", &unit.max), ("limit", &MAX_COUNT)],
                ),
            });
        }
        if t.items.len() > MAX_COUNT as usize {
            found.push(OutOfBounds {
                path: at(&[Key("items"), Index(MAX_COUNT as usize)]),
                code: "count-out-of-range",
                message: said(
                    Msg::CheckTooManyItems,
                    &[
                        ("tier", &t.id),
                        ("count", &t.items.len()),
                        ("limit", &MAX_COUNT),
                    ],
                ),
            });
        }
        if let Some(min) = t.members_min.filter(|m| *m > MAX_COUNT) {
            found.push(OutOfBounds {
                path: at(&[Key("members_min")]),
                code: "count-out-of-range",
                message: said(
                    Msg::CheckMembersMin,
                    &[("tier", &t.id), ("min", &min), ("limit", &MAX_COUNT)],
                ),
            });
        }
        if let Some((path, rate, terms)) = rate_terms_past_bound(t) {
            found.push(OutOfBounds {
                path: at(&path),
                code: "rate-too-fine",
                message: said(
                    Msg::CheckRateTooFine,
                    &[
                        ("tier", &t.id),
                        ("rate", &rate),
                        ("terms", &group_thousands(terms)),
                        ("max", &group_thousands(MAX_RATE_TERMS)),
                    ],
                ),
            });
        }
    }
    for (i, e) in program.examples.iter().enumerate() {
        for (key, value) in [("cost", e.cost), ("grant", Some(e.grant))] {
            if let Some(yen) = value.filter(|y| *y > MAX_FIGURE) {
                let path = vec![Key("examples"), Index(i), Key(key)];
                let what = said(
                    Msg::CheckWhatExampleKey,
                    &[("tier", &e.tier), ("key", &key)],
                );
                found.push(too_large(path, what, yen));
            }
        }
        for (key, yen) in e.items.iter().filter(|(_, y)| **y > MAX_FIGURE) {
            let path = vec![Key("examples"), Index(i), Key("items"), Key(key.as_str())];
            let what = said(
                Msg::CheckWhatExampleItem,
                &[("tier", &e.tier), ("item", &key)],
            );
            found.push(too_large(path, what, *yen));
        }
    }
    found
}

/// Whether `url` is a web address a page and a calendar may link to:
/// `https://` or `http://`, a host, and no space or control character.
/// Anything else (`javascript:…`, `file:…`, `mailto:…`, a bare host) is not.
pub(crate) fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    host.is_some_and(|host| !host.is_empty())
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Every address of `program` that a page, `show` and a calendar would
/// print or link to (申請方法 and the links) and that is not a web address
/// ([`is_web_address`]). `check` reports them; loading refuses them, so that
/// no `javascript:` link reaches a page.
pub(crate) fn not_web_addresses(program: &Program) -> Vec<OutOfBounds<'_>> {
    let apply = [(vec![Key("apply"), Key("url")], &program.apply.url)];
    let links = program
        .links
        .iter()
        .enumerate()
        .map(|(i, link)| (vec![Key("links"), Index(i), Key("url")], &link.url));
    apply
        .into_iter()
        .chain(links)
        .filter(|(_, url)| !is_web_address(url))
        .map(|(path, url)| OutOfBounds {
            path,
            code: "url-not-web",
            message: said(Msg::CheckNoUrl, &[("url", &clip(url, 60))]),
        })
        .collect()
}

/// The first rate of `tier` (its path within the tier) that takes the least
/// common multiple of the tier's rate terms past [`MAX_RATE_TERMS`], and that multiple.
fn rate_terms_past_bound(tier: &Tier) -> Option<(Vec<Seg<'static>>, Rate, u128)> {
    fn with_when(
        rates: &mut Vec<(Vec<Seg<'static>>, Rate)>,
        base: &[Seg<'static>],
        rate: Rate,
        when: &[RateWhen],
    ) {
        rates.push(([base, &[Key("rate")]].concat(), rate));
        for (k, w) in when.iter().enumerate() {
            let path = [base, &[Key("rate_when"), Index(k), Key("rate")]].concat();
            rates.push((path, w.rate));
        }
    }
    let mut rates = Vec::new();
    with_when(&mut rates, &[], tier.rate, &tier.rate_when);
    for (j, band) in tier.bands.iter().enumerate() {
        with_when(
            &mut rates,
            &[Key("bands"), Index(j)],
            band.rate,
            &band.rate_when,
        );
    }
    for (j, item) in tier.items.iter().enumerate() {
        if let Some(rate) = item.rate {
            with_when(&mut rates, &[Key("items"), Index(j)], rate, &item.rate_when);
        }
    }
    let mut terms: u128 = 1;
    for (path, rate) in rates {
        for term in [rate.numerator(), rate.denominator()] {
            let term = u128::from(term);
            // At most 10,000 × 2^32 × 2^32 before the check below: no overflow.
            terms = terms / gcd(terms, term) * term;
        }
        if terms > MAX_RATE_TERMS {
            return Some((path, rate, terms));
        }
    }
    None
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Every kind of finding `check` reports: what `--allow` and `--deny` take.
pub const CODES: &[&str] = &[
    "all-deadlines-passed",
    "cap-not-positive",
    "count-out-of-range",
    "date-order",
    "document-changed",
    "example-invalid",
    "example-mismatch",
    "fact-worded-twice",
    "figure-too-large",
    "id-duplicate",
    "id-not-kebab-case",
    "no-cap",
    "no-example",
    "no-source",
    "quote-not-found",
    "range-inverted",
    "rate-too-fine",
    "schema",
    "sha256-form",
    "sme-limits",
    "stale-source",
    "syntax",
    "tier-overlap",
    "tier-variant-missing",
    "unknown-document",
    "unknown-reference",
    "unknown-source",
    "unreachable-cap",
    "url-not-web",
    "variant-coverage",
];

/// Checks every file of a catalogue.
pub fn check(files: &[(String, String)], options: &Options) -> Report {
    let mut findings = Vec::new();
    let (registry, programs): (Vec<_>, Vec<_>) = files
        .iter()
        .partition(|(name, _)| catalogue::is_registry(name));
    // The directory's own registry, checked; else the embedded one, as loading uses.
    let registry = match registry.first() {
        Some((name, text)) => {
            let registry = parse_file::<Registry>(name, text, &mut findings);
            if let Some((doc, registry)) = &registry {
                check_registry(doc, registry, options, &mut findings);
            }
            registry.map(|(_, registry)| registry)
        }
        None => catalogue::embedded_registry().ok(),
    }
    .unwrap_or(Registry {
        documents: Vec::new(),
    });
    let (discovery, programs): (Vec<_>, Vec<_>) = programs
        .into_iter()
        .partition(|(name, _)| catalogue::is_discovery(name));
    let mut parsed: Vec<(Doc<'_>, Program)> = programs
        .iter()
        .filter_map(|(name, text)| parse_file::<Program>(name, text, &mut findings))
        .collect();
    for (_, program) in &mut parsed {
        program.documents = program
            .sources
            .iter()
            .filter_map(|s| registry.documents.iter().find(|d| d.id == s.id).cloned())
            .collect();
    }
    let ids: BTreeSet<&str> = parsed.iter().map(|(_, p)| p.id.as_str()).collect();
    for (name, text) in discovery {
        if let Some((doc, discoveries)) = parse_file::<Discoveries>(name, text, &mut findings) {
            check_discovery(&doc, &discoveries, &ids, &registry, options, &mut findings);
        }
    }
    let mut seen = BTreeMap::new();
    for (doc, program) in &parsed {
        if let Some(first) = seen.insert(program.id.as_str(), doc.name) {
            findings.push(doc.error(
                &[Key("id")],
                "id-duplicate",
                said(
                    Msg::CheckIdUsedTwice,
                    &[("id", &program.id), ("first", &first)],
                ),
            ));
        }
        let by_id = |id: &str| parsed.iter().map(|(_, p)| p).find(|p| p.id == id);
        check_program(
            doc,
            program,
            &ids,
            &by_id,
            &registry,
            options,
            &mut findings,
        );
    }
    check_fact_wording(&parsed, &mut findings);
    let programs: Vec<Program> = parsed.iter().map(|(_, p)| p.clone()).collect();
    let mut examples = 0;
    if findings.iter().all(|f| f.severity != Severity::Error) {
        // Run the worked examples only on data that loads.
        let catalogue = Catalogue::from_programs(programs);
        let checker = Checker::new(&catalogue);
        for (doc, program) in &parsed {
            examples += program.examples.len();
            run_examples(doc, program, &checker, options, &mut findings);
        }
    }
    // Errors first, then warnings; each in file order.
    findings.sort_by(|a, b| {
        (
            a.severity != Severity::Error,
            &a.file,
            a.line,
            a.column,
            a.code,
        )
            .cmp(&(
                b.severity != Severity::Error,
                &b.file,
                b.line,
                b.column,
                b.code,
            ))
    });
    Report {
        findings,
        receipt: receipt(files, registry.documents.iter().map(|d| d.date).max()),
        programs: parsed.len(),
        examples,
    }
}

/// A fact is asked in one sentence wherever it is asked (one question to a
/// clerk, however many programs need it; each condition's own source
/// wording stays in its cite): a condition that words a fact another
/// program's already worded otherwise is an error at its text.
fn check_fact_wording(parsed: &[(Doc<'_>, Program)], out: &mut Vec<Finding>) {
    let mut first: BTreeMap<&str, (&crate::core::catalogue::Text, &str)> = BTreeMap::new();
    for (doc, program) in parsed {
        let own = program
            .conditions
            .iter()
            .enumerate()
            .map(|(i, c)| (vec![Key("conditions"), Index(i), Key("text")], c));
        let of_tiers = program.tiers.iter().enumerate().flat_map(|(t, tier)| {
            tier.conditions.iter().enumerate().map(move |(i, c)| {
                let path = vec![
                    Key("tiers"),
                    Index(t),
                    Key("conditions"),
                    Index(i),
                    Key("text"),
                ];
                (path, c)
            })
        });
        for (path, condition) in own.chain(of_tiers) {
            let Some(fact) = condition.fact.as_deref() else {
                continue;
            };
            match first.get(fact) {
                None => {
                    first.insert(fact, (&condition.text, doc.name));
                }
                Some((text, file)) if *text != &condition.text => out.push(doc.error(
                    &path,
                    "fact-worded-twice",
                    said(
                        Msg::CheckFactWordedTwice,
                        &[("fact", &fact), ("first", file)],
                    ),
                )),
                Some(_) => {}
            }
        }
    }
}

/// The file as `T`, with its spanned document; a syntax or schema fault is
/// a finding instead.
fn parse_file<'t, T: serde::de::DeserializeOwned>(
    name: &'t str,
    text: &'t str,
    findings: &mut Vec<Finding>,
) -> Option<(Doc<'t>, T)> {
    let mut doc = Doc {
        name,
        text,
        table: None,
    };
    match DeTable::parse(text) {
        Ok(table) => doc.table = Some(table),
        Err(e) => {
            findings.push(doc.at(
                e.span().unwrap_or(0..0),
                Severity::Error,
                "syntax",
                one_line(e.message()),
            ));
            return None;
        }
    }
    match toml::from_str::<T>(text) {
        Ok(value) => Some((doc, value)),
        Err(e) => {
            findings.push(doc.at(
                e.span().unwrap_or(0..0),
                Severity::Error,
                "schema",
                one_line(e.message()),
            ));
            None
        }
    }
}

/// The registry: each document once, with a file and a well-formed hash; a
/// stale document once, however many programs cite it; with the documents
/// at hand, each file present and unchanged.
fn check_registry(doc: &Doc<'_>, registry: &Registry, options: &Options, out: &mut Vec<Finding>) {
    for (i, d) in registry.documents.iter().enumerate() {
        let path = |key: &'static str| [Key("documents"), Index(i), Key(key)];
        if registry.documents[..i].iter().any(|other| other.id == d.id) {
            out.push(doc.error(
                &path("id"),
                "id-duplicate",
                said(
                    Msg::CheckIdTwice,
                    &[("section", &"documents"), ("id", &d.id)],
                ),
            ));
        }
        if d.file.trim().is_empty() {
            out.push(doc.error(
                &path("file"),
                "no-source",
                said(Msg::CheckNoFile, &[("id", &d.id)]),
            ));
        }
        if d.sha256.len() != 64
            || !d
                .sha256
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        {
            out.push(doc.error(
                &path("sha256"),
                "sha256-form",
                said(Msg::CheckSha256Form, &[("id", &d.id)]),
            ));
        }
        // A date so late that adding the days leaves the calendar is not stale.
        let fresh_until = TimeDelta::try_days(options.stale_days)
            .and_then(|days| d.date.checked_add_signed(days));
        if fresh_until.is_some_and(|until| until < options.as_of) {
            out.push(doc.warning(
                &path("date"),
                "stale-source",
                said(
                    Msg::CheckStaleSource,
                    &[
                        ("id", &d.id),
                        ("date", &d.date),
                        ("days", &options.stale_days),
                        ("as_of", &options.as_of),
                    ],
                ),
            ));
        }
        let Some(documents) = &options.documents else {
            continue;
        };
        match documents.sha256.get(&d.file) {
            None => out.push(doc.error(
                &path("file"),
                "unknown-document",
                said(
                    Msg::CheckUnknownDocument,
                    &[("id", &d.id), ("seed", &d.file)],
                ),
            )),
            Some(actual) if *actual != d.sha256 => out.push(doc.error(
                &path("sha256"),
                "document-changed",
                said(
                    Msg::CheckDocumentChanged,
                    &[
                        ("id", &d.id),
                        ("file", &d.file),
                        ("actual", actual),
                        ("expected", &d.sha256),
                    ],
                ),
            )),
            Some(_) => {}
        }
    }
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_program<'p>(
    doc: &Doc<'_>,
    program: &'p Program,
    ids: &BTreeSet<&str>,
    by_id: &dyn Fn(&str) -> Option<&'p Program>,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    // Ids: kebab-case and unique.
    // `what`: which id it is, in words ([`Msg::CheckKebabProgram`] …).
    let mut kebab = |path: &[Seg<'_>], what: Msg, id: &str| {
        if !is_kebab(id) {
            out.push(doc.error(
                path,
                "id-not-kebab-case",
                said_each(|lang| {
                    i18n::text(
                        lang,
                        Msg::CheckNotKebab,
                        &[("what", &i18n::template(lang, what)), ("id", &id)],
                    )
                }),
            ));
        }
    };
    kebab(&[Key("id")], Msg::CheckKebabProgram, &program.id);
    for (i, t) in program.tiers.iter().enumerate() {
        kebab(
            &[Key("tiers"), Index(i), Key("id")],
            Msg::CheckKebabTier,
            &t.id,
        );
    }
    for (i, v) in program.variants.iter().enumerate() {
        let path = [Key("variants"), Index(i), Key("id")];
        kebab(&path, Msg::CheckKebabVariant, &v.id);
    }
    for (i, item) in program.items.iter().enumerate() {
        let path = [Key("items"), Index(i), Key("key")];
        kebab(&path, Msg::CheckKebabItem, &item.key);
    }
    for (i, c) in program.conditions.iter().enumerate() {
        let path = [Key("conditions"), Index(i), Key("id")];
        kebab(&path, Msg::CheckKebabCondition, &c.id);
        if let Some(fact) = &c.fact {
            let path = [Key("conditions"), Index(i), Key("fact")];
            kebab(&path, Msg::CheckKebabFact, fact);
        }
    }
    let repeats = |list: Vec<&str>| -> Vec<(usize, String)> {
        list.iter()
            .enumerate()
            .filter(|(i, id)| list[..*i].contains(id))
            .map(|(i, id)| (i, id.to_string()))
            .collect()
    };
    for (section, key, list) in [
        (
            "tiers",
            "id",
            program
                .tiers
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            "variants",
            "id",
            program.variants.iter().map(|v| v.id.as_str()).collect(),
        ),
        (
            "items",
            "key",
            program.items.iter().map(|i| i.key.as_str()).collect(),
        ),
        (
            "conditions",
            "id",
            program.conditions.iter().map(|c| c.id.as_str()).collect(),
        ),
        (
            "sources",
            "id",
            program.sources.iter().map(|s| s.id.as_str()).collect(),
        ),
    ] {
        for (i, id) in repeats(list) {
            out.push(doc.error(
                &[Key(section), Index(i), Key(key)],
                "id-duplicate",
                said(Msg::CheckIdTwice, &[("section", &section), ("id", &id)]),
            ));
        }
    }

    // Figures too large to compute with: nothing below computes with them.
    let bounds = out_of_bounds(program);
    let within_bounds = bounds.is_empty();
    for bound in bounds.into_iter().chain(not_web_addresses(program)) {
        out.push(doc.error(&bound.path, bound.code, bound.message));
    }
    check_references(doc, program, ids, by_id, out);
    check_sources(doc, program, registry, options, out);
    // The size table, as loading refuses it.
    if let Err(reason) = catalogue::validate_sme_limits(program) {
        out.push(doc.error(&[Key("sme_limits")], "sme-limits", reason));
    }
    check_figures(doc, program, within_bounds, out);
    check_dates(doc, program, options, out);
    check_tiers(doc, program, out);
}

fn check_references<'p>(
    doc: &Doc<'_>,
    program: &'p Program,
    ids: &BTreeSet<&str>,
    by_id: &dyn Fn(&str) -> Option<&'p Program>,
    out: &mut Vec<Finding>,
) {
    let unknown = |path: &[Seg<'_>], message: Said| doc.error(path, "unknown-reference", message);
    for (i, r) in program.relations.iter().enumerate() {
        let needs_program = matches!(r.kind, RelationKind::StacksOn | RelationKind::Excludes);
        match (&r.program, needs_program) {
            (Some(id), _) if !ids.contains(id.as_str()) => {
                out.push(unknown(
                    &[Key("relations"), Index(i), Key("program")],
                    said(Msg::CheckRelationUnknown, &[("id", &id)]),
                ));
            }
            (None, true) => out.push(doc.error(
                &[Key("relations"), Index(i), Key("kind")],
                "schema",
                said(Msg::CheckRelationNeedsProgram, &[]),
            )),
            _ => {}
        }
        for [own, theirs] in &r.variant_pairs {
            if program.variant(own).is_none() {
                out.push(unknown(
                    &[Key("relations"), Index(i), Key("variant_pairs")],
                    said(
                        Msg::CheckVariantPairUnknown,
                        &[("variant", &own), ("program", &program.id)],
                    ),
                ));
            }
            if let Some(other) = r.program.as_deref().and_then(by_id)
                && other.variant(theirs).is_none()
            {
                out.push(unknown(
                    &[Key("relations"), Index(i), Key("variant_pairs")],
                    said(
                        Msg::CheckVariantPairUnknown,
                        &[("variant", &theirs), ("program", &other.id)],
                    ),
                ));
            }
        }
    }
    for (i, c) in program.conditions.iter().enumerate() {
        if let Some(id) = &c.requires_program
            && !ids.contains(id.as_str())
        {
            out.push(unknown(
                &[Key("conditions"), Index(i), Key("requires_program")],
                said(Msg::CheckConditionUnknown, &[("id", &id)]),
            ));
        }
    }
    for (i, t) in program.tiers.iter().enumerate() {
        match (&t.variant, program.variants.is_empty()) {
            (Some(v), _) if program.variant(v).is_none() => {
                out.push(unknown(
                    &[Key("tiers"), Index(i), Key("variant")],
                    said(Msg::CheckTierVariantUnknown, &[("variant", &v)]),
                ));
            }
            (None, false) => out.push(doc.error(
                &[Key("tiers"), Index(i), Key("id")],
                "tier-variant-missing",
                said(Msg::CheckTierNeedsVariant, &[("tier", &t.id)]),
            )),
            _ => {}
        }
        for (j, item) in t.items.iter().enumerate() {
            if program.item(&item.key).is_none() {
                out.push(unknown(
                    &[Key("tiers"), Index(i), Key("items"), Index(j), Key("key")],
                    said(Msg::CheckTierItemUnknown, &[("item", &item.key)]),
                ));
            }
        }
    }
    for (i, e) in program.examples.iter().enumerate() {
        if !program.tiers.iter().any(|t| t.id == e.tier) {
            out.push(unknown(
                &[Key("examples"), Index(i), Key("tier")],
                said(Msg::CheckExampleTierUnknown, &[("tier", &e.tier)]),
            ));
        }
    }
}

fn check_sources(
    doc: &Doc<'_>,
    program: &Program,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    if program.sources.is_empty() {
        out.push(doc.error(
            &[Key("id")],
            "no-source",
            said(Msg::CheckNoSources, &[("id", &program.id)]),
        ));
    }
    for (i, s) in program.sources.iter().enumerate() {
        if let Some(finding) =
            unknown_source(doc, &[Key("sources"), Index(i), Key("id")], &s.id, registry)
        {
            out.push(finding);
        }
    }
    if let Some(documents) = &options.documents {
        let cites = program.cites().map(|(_, cite)| cite);
        check_quotes(doc, cites, registry, documents, out);
    }
    // Each citation must name one of the program's sources.
    for (place, cite) in program.cites() {
        if program.source(&cite.source).is_none() {
            let path = locate_cite(program, place, &cite.source);
            out.push(doc.error(
                &path,
                "no-source",
                said(
                    Msg::CheckCiteUnknown,
                    &[("place", &place), ("source", &cite.source)],
                ),
            ));
        }
        if cite.at.trim().is_empty() {
            let path = locate_cite(program, place, &cite.source);
            out.push(doc.error(
                &path,
                "no-source",
                said(
                    Msg::CheckCiteNoPlace,
                    &[("place", &place), ("source", &cite.source)],
                ),
            ));
        }
    }
}

/// `unknown-source` at `path`, unless the registry has document `id`.
fn unknown_source(
    doc: &Doc<'_>,
    path: &[Seg<'_>],
    id: &str,
    registry: &Registry,
) -> Option<Finding> {
    if registry.documents.iter().any(|d| d.id == id) {
        return None;
    }
    let ids: Vec<&str> = registry.documents.iter().map(|d| d.id.as_str()).collect();
    Some(doc.error(
        path,
        "unknown-source",
        said(
            Msg::CheckUnknownSource,
            &[
                ("id", &id),
                ("registry", &catalogue::REGISTRY_FILE),
                ("ids", &ids.join(", ")),
            ],
        ),
    ))
}

/// The programs named without a rate table: ids kebab-case, once, not a
/// program's; each cite naming a document of the registry, and with the
/// documents at hand, its quotes found there.
fn check_discovery(
    doc: &Doc<'_>,
    discoveries: &Discoveries,
    programs: &BTreeSet<&str>,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    for (i, entry) in discoveries.entries.iter().enumerate() {
        let path = |key: &'static str| [Key("entries"), Index(i), Key(key)];
        if !is_kebab(&entry.id) {
            out.push(doc.error(
                &path("id"),
                "id-not-kebab-case",
                said(Msg::CheckNotKebab, &[("what", &"entry"), ("id", &entry.id)]),
            ));
        }
        let twice = discoveries.entries[..i].iter().any(|e| e.id == entry.id);
        if twice || programs.contains(entry.id.as_str()) {
            out.push(doc.error(
                &path("id"),
                "id-duplicate",
                said(
                    Msg::CheckIdTwice,
                    &[("section", &"entries"), ("id", &entry.id)],
                ),
            ));
        }
        if let Some(finding) = unknown_source(doc, &path("cite"), &entry.cite.source, registry) {
            out.push(finding);
        }
    }
    if let Some(documents) = &options.documents {
        let cites = discoveries.entries.iter().map(|e| &e.cite);
        check_quotes(doc, cites, registry, documents, out);
    }
}

/// With the documents at hand: every passage quoted in 「…」 occurs in the
/// document it quotes (a missing or unknown document is reported with the registry).
fn check_quotes<'c>(
    doc: &Doc<'_>,
    cites: impl Iterator<Item = &'c Cite>,
    registry: &Registry,
    documents: &Documents,
    out: &mut Vec<Finding>,
) {
    for cite in cites {
        for (id, quote) in quoted(&cite.at, &cite.source) {
            let document = registry
                .documents
                .iter()
                .find(|d| d.id == id)
                .and_then(|d| documents.by_name.get_key_value(&d.file));
            let Some((name, text)) = document else {
                continue;
            };
            if !Documents::holds(text, quote) {
                // At the quote in the file, where its text is found there.
                let span = doc.text.find(quote).map_or(0..0, |at| at..at + quote.len());
                out.push(doc.at(
                    span,
                    Severity::Error,
                    "quote-not-found",
                    said(
                        Msg::CheckQuoteNotFound,
                        &[("quote", &clip(quote, 60)), ("document", &name)],
                    ),
                ));
            }
        }
    }
}

/// The path of the first citation in `place` naming `source` (for locating it).
fn locate_cite<'a>(program: &'a Program, place: &'a str, source: &str) -> Vec<Seg<'a>> {
    let index = |cites: Vec<&str>| cites.iter().position(|s| *s == source);
    let found = match place {
        "tier" => index(
            program
                .tiers
                .iter()
                .map(|t| t.cite.source.as_str())
                .collect(),
        ),
        "dates" => index(
            program
                .dates
                .iter()
                .map(|d| d.cite.source.as_str())
                .collect(),
        ),
        "conditions" => index(
            program
                .conditions
                .iter()
                .map(|c| c.cite.source.as_str())
                .collect(),
        ),
        "links" => index(
            program
                .links
                .iter()
                .map(|l| l.cite.source.as_str())
                .collect(),
        ),
        "examples" => index(
            program
                .examples
                .iter()
                .map(|e| e.cite.source.as_str())
                .collect(),
        ),
        _ => None,
    };
    let section = match place {
        "tier" => "tiers",
        other => other,
    };
    match found {
        Some(i) => vec![Key(section), Index(i), Key("cite")],
        None => vec![Key(section)],
    }
}

fn check_figures(doc: &Doc<'_>, program: &Program, within_bounds: bool, out: &mut Vec<Finding>) {
    for (i, t) in program.tiers.iter().enumerate() {
        let path = |key: &'static str| [Key("tiers"), Index(i), Key(key)];
        for (key, value) in [
            ("business_cost_cap", t.business_cost_cap),
            ("grant_cap", t.grant_cap),
            ("grant_cap_per_bed", t.grant_cap_per_bed),
            ("grant_min", t.grant_min),
        ] {
            if value == Some(0) {
                out.push(doc.error(
                    &path(key),
                    "cap-not-positive",
                    said(Msg::CheckCapZero, &[("tier", &t.id), ("key", &key)]),
                ));
            }
        }
        for (j, item) in t.items.iter().enumerate() {
            if item.business_cost_cap == Some(0)
                || item.grant_cap == Some(0)
                || item.grant_cap_per_member == Some(0)
            {
                out.push(doc.error(
                    &[Key("tiers"), Index(i), Key("items"), Index(j)],
                    "cap-not-positive",
                    said(
                        Msg::CheckItemCapZero,
                        &[("tier", &t.id), ("item", &item.key)],
                    ),
                ));
            }
        }
        if t.business_cost_cap.is_none() && t.grant_cap.is_none() && t.grant_cap_per_bed.is_none() {
            out.push(doc.error(
                &path("id"),
                "no-cap",
                said(Msg::CheckNoCap, &[("tier", &t.id)]),
            ));
        }
        if let (Some(min), Some(cap)) = (t.grant_min, t.grant_cap)
            && min > cap
        {
            out.push(doc.error(
                &path("grant_min"),
                "range-inverted",
                said(
                    Msg::CheckMinAboveCap,
                    &[("tier", &t.id), ("min", &min), ("cap", &cap)],
                ),
            ));
        }
        for (low, high, what) in [
            (t.beds_min, t.beds_max, "beds"),
            (t.processes_min, t.processes_max, "processes"),
            (t.functions_min, t.functions_max, "functions"),
        ] {
            if let (Some(low), Some(high)) = (low, high)
                && low > high
            {
                out.push(doc.error(
                    &path("id"),
                    "range-inverted",
                    said(
                        Msg::CheckRangeEmpty,
                        &[
                            ("tier", &t.id),
                            ("what", &what),
                            ("low", &low),
                            ("high", &high),
                        ],
                    ),
                ));
            }
        }
        // A published cap the rule can never pay must be acknowledged.
        if !within_bounds {
            continue;
        }
        let ctx = Context::with_beds(t.beds_min.unwrap_or(0));
        if let Some(cap) = calc::grant_cap(t, &ctx).filter(|_| t.grant_cap_per_bed.is_none()) {
            let payable = calc::payable_max(t, &ctx, program.rounding.rule);
            if payable < cap && t.cap_note.is_none() {
                out.push(doc.warning(
                    &path("grant_cap"),
                    "unreachable-cap",
                    said(
                        Msg::CheckUnreachableCap,
                        &[("tier", &t.id), ("cap", &cap), ("payable", &payable)],
                    ),
                ));
            }
        }
    }
}

fn check_dates(doc: &Doc<'_>, program: &Program, options: &Options, out: &mut Vec<Finding>) {
    let index_of = |kind: DateKind, date: NaiveDate| {
        program
            .dates
            .iter()
            .position(|d| d.kind == kind && d.date == date)
            .unwrap_or(0)
    };
    let first_deadline = program.dates_of(DateKind::Deadline).min();
    let last_deadline = program.dates_of(DateKind::Deadline).max();
    if let (Some(opens), Some(deadline)) = (program.dates_of(DateKind::Opens).min(), first_deadline)
        && opens > deadline
    {
        out.push(doc.error(
            &[
                Key("dates"),
                Index(index_of(DateKind::Opens, opens)),
                Key("date"),
            ],
            "date-order",
            said(
                Msg::CheckOpensAfterDeadline,
                &[("opens", &opens), ("deadline", &deadline)],
            ),
        ));
    }
    if let (Some(done), Some(deadline)) = (
        program.dates_of(DateKind::CompletionBy).max(),
        last_deadline,
    ) && done > deadline
    {
        out.push(doc.error(
            &[
                Key("dates"),
                Index(index_of(DateKind::CompletionBy, done)),
                Key("date"),
            ],
            "date-order",
            said(
                Msg::CheckCompletionAfterDeadline,
                &[("done", &done), ("deadline", &deadline)],
            ),
        ));
    }
    if let (Some(from), Some(until)) = (
        program.dates_of(DateKind::CostsFrom).min(),
        program.dates_of(DateKind::CostsUntil).max(),
    ) && from > until
    {
        out.push(doc.error(
            &[
                Key("dates"),
                Index(index_of(DateKind::CostsFrom, from)),
                Key("date"),
            ],
            "date-order",
            said(
                Msg::CheckCostPeriodInverted,
                &[("from", &from), ("until", &until)],
            ),
        ));
    }
    if let Some(last) = last_deadline
        && last < options.as_of
    {
        out.push(doc.warning(
            &[
                Key("dates"),
                Index(index_of(DateKind::Deadline, last)),
                Key("date"),
            ],
            "all-deadlines-passed",
            said(Msg::CheckAllDeadlinesPassed, &[("last", &last)]),
        ));
    }
}

/// Two tiers that both fit one facility, and classes covered in some variants only.
fn check_tiers(doc: &Doc<'_>, program: &Program, out: &mut Vec<Finding>) {
    let overlap = |a: (Option<u32>, Option<u32>), b: (Option<u32>, Option<u32>)| {
        let low = a.0.unwrap_or(0).max(b.0.unwrap_or(0));
        let high = a.1.unwrap_or(u32::MAX).min(b.1.unwrap_or(u32::MAX));
        (low <= high).then_some(low)
    };
    for (i, a) in program.tiers.iter().enumerate() {
        for b in &program.tiers[..i] {
            if a.variant != b.variant || a.kenshin.zip(b.kenshin).is_some_and(|(x, y)| x != y) {
                continue;
            }
            let Some(class) = a.facilities.iter().find(|c| b.facilities.contains(c)) else {
                continue;
            };
            let (Some(beds), Some(_), Some(_)) = (
                overlap((a.beds_min, a.beds_max), (b.beds_min, b.beds_max)),
                overlap(
                    (a.processes_min, a.processes_max),
                    (b.processes_min, b.processes_max),
                ),
                overlap(
                    (a.functions_min, a.functions_max),
                    (b.functions_min, b.functions_max),
                ),
            ) else {
                continue;
            };
            out.push(doc.error(
                &[Key("tiers"), Index(i), Key("id")],
                "tier-overlap",
                said_each(|lang| {
                    i18n::text(
                        lang,
                        Msg::CheckTierOverlap,
                        &[
                            ("first", &b.id),
                            ("second", &a.id),
                            ("class", &class.name(lang)),
                            ("beds", &beds),
                        ],
                    )
                }),
            ));
        }
    }
    if program.variants.len() > 1 {
        let classes = |variant: &str| -> BTreeSet<_> {
            program
                .tiers
                .iter()
                .filter(|t| t.variant.as_deref() == Some(variant))
                .flat_map(|t| t.facilities.iter().copied())
                .collect()
        };
        let all: BTreeSet<_> = program
            .tiers
            .iter()
            .flat_map(|t| t.facilities.iter().copied())
            .collect();
        for (i, v) in program.variants.iter().enumerate() {
            let missing: Vec<_> = all.difference(&classes(&v.id)).copied().collect();
            if !missing.is_empty() {
                let names = |lang| {
                    let names: Vec<&str> = missing.iter().map(|c| c.name(lang)).collect();
                    names.join(i18n::template(lang, Msg::ListSeparator))
                };
                out.push(doc.warning(
                    &[Key("variants"), Index(i), Key("id")],
                    "variant-coverage",
                    said_each(|lang| {
                        i18n::text(
                            lang,
                            Msg::CheckVariantCoverage,
                            &[("variant", &v.id), ("classes", &names(lang))],
                        )
                    }),
                ));
            }
        }
    }
    for (i, t) in program.tiers.iter().enumerate() {
        if !program.examples.iter().any(|e| e.tier == t.id) {
            out.push(doc.error(
                &[Key("tiers"), Index(i), Key("id")],
                "no-example",
                said(Msg::CheckNoExample, &[("tier", &t.id)]),
            ));
        }
    }
}

fn tier_by_id<'a>(program: &'a Program, id: &str) -> Option<&'a Tier> {
    program.tiers.iter().find(|t| t.id == id)
}

/// Runs each worked example and reports every mismatch with both values.
fn run_examples(
    doc: &Doc<'_>,
    program: &Program,
    checker: &Checker<'_>,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    for (i, example) in program.examples.iter().enumerate() {
        let path = [Key("examples"), Index(i), Key("grant")];
        if tier_by_id(program, &example.tier).is_none() {
            continue;
        }
        let request = Request {
            programs: vec![program.id.clone()],
            variant: example.variant.clone(),
            facility: Some(example.facility.into()),
            beds: Some(example.beds),
            kenshin: example.kenshin,
            prefecture: example.prefecture.clone(),
            facts: example.facts.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            entity: example.entity,
            employees: example.employees,
            flags: example.flags.iter().copied().collect(),
            processes: example.processes,
            functions: example.functions,
            members: example.members,
            cost: example.cost,
            items: example.items.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            coupons: example.coupons,
            coupon_costs: example.coupon_costs.clone(),
        };
        let estimates = match checker.estimates(&request, options.as_of, false) {
            Ok(estimates) => estimates,
            Err(e) => {
                out.push(doc.error(
                    &[Key("examples"), Index(i)],
                    "example-invalid",
                    said_each(|lang| {
                        i18n::text(
                            lang,
                            Msg::CheckExampleInvalid,
                            &[
                                ("tier", &example.tier),
                                ("reason", &e.message(lang, e.field)),
                            ],
                        )
                    }),
                ));
                continue;
            }
        };
        let Some(estimate) = estimates
            .iter()
            .find(|e| e.tier.is_some_and(|t| t.id == example.tier))
        else {
            let got: Vec<&str> = estimates
                .iter()
                .filter_map(|e| e.tier.map(|t| t.id.as_str()))
                .collect();
            out.push(doc.error(
                &[Key("examples"), Index(i), Key("tier")],
                "example-mismatch",
                if got.is_empty() {
                    said(Msg::CheckExampleNoTier, &[("tier", &example.tier)])
                } else {
                    said(
                        Msg::CheckExampleTier,
                        &[("tier", &example.tier), ("got", &got.join(", "))],
                    )
                },
            ));
            continue;
        };
        let grant = estimate.computation.as_ref().map(|c| c.grant);
        if grant != Some(example.grant) {
            out.push(doc.error(
                &path,
                "example-mismatch",
                match grant {
                    Some(got) => said(
                        Msg::CheckExampleGrant,
                        &[
                            ("tier", &example.tier),
                            ("expected", &example.grant),
                            ("got", &got),
                        ],
                    ),
                    None => said(
                        Msg::CheckExampleNoGrant,
                        &[("tier", &example.tier), ("expected", &example.grant)],
                    ),
                },
            ));
        }
        let expected = match example.eligibility.as_str() {
            "eligible" => Some(Eligibility::Eligible),
            "unknown" => Some(Eligibility::Unknown),
            "ineligible" => Some(Eligibility::Ineligible),
            _ => None,
        };
        match expected {
            None => out.push(doc.error(
                &[Key("examples"), Index(i), Key("eligibility")],
                "schema",
                said(
                    Msg::CheckExampleEligibilityWord,
                    &[("value", &example.eligibility)],
                ),
            )),
            Some(expected) if expected != estimate.eligibility => out.push(doc.error(
                &[Key("examples"), Index(i), Key("eligibility")],
                "example-mismatch",
                said(
                    Msg::CheckExampleEligibility,
                    &[
                        ("tier", &example.tier),
                        ("expected", &expected.id()),
                        ("got", &estimate.eligibility.id()),
                    ],
                ),
            )),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each quote goes to the source its part names (`; 003 No.12 …「…」`),
    /// nested quotes stay inside theirs, and 500万円 is not a source id.
    #[test]
    fn quotes_are_read_with_the_source_they_quote() {
        let at = "補助金申請期間「令和13年9月30日までに申請」; 003 No.12 申請期日「令和 13年９月30日」; 500万円「「10者以上」であること」; 004「a」; 002（中位）「b」";
        assert_eq!(
            quoted(at, "001"),
            [
                ("001", "令和13年9月30日までに申請"),
                ("003", "令和 13年９月30日"),
                ("001", "「10者以上」であること"),
                ("004", "a"),
                ("002", "b"),
            ]
        );
        let text = squeeze("…申請期日\n令和 13年\n９月30日（火）\n**小規模事業者は最大4/5補助**し");
        assert!(Documents::holds(&text, "令和13年９月30日"));
        assert!(Documents::holds(&text, "申請期日…９月30日"));
        assert!(!Documents::holds(&text, "９月30日…申請期日"));
        assert!(Documents::holds(&text, "小規模事業者は最大4/5補助し"));
    }

    const SAMPLE: &str = include_str!("../tests/broken/clean/sample.toml");

    /// The clean sample with each `(from, to)` replaced, and what is out of bounds in it.
    fn bounds_of(replace: &[(&str, &str)]) -> Vec<(&'static str, usize, String)> {
        let mut text = SAMPLE.to_string();
        for (from, to) in replace {
            assert!(text.contains(from), "{from}");
            text = text.replacen(from, to, 1);
        }
        let program: Program = toml::from_str(&text).unwrap();
        out_of_bounds(&program)
            .into_iter()
            .map(|b| (b.code, b.line_column("s.toml", &text).0, b.message.en))
            .collect()
    }

    const CAP: &str = "business_cost_cap = 566_000";
    const TIER_CITE: &str = "cite = { source = \"003\", at = \"No.1 病院\" }";

    fn per_unit(max: u32) -> String {
        format!(
            "per_unit = {{ name = {{ ja = \"券\", en = \"coupon\" }}, max = {max}, cite = {{ source = \"003\", at = \"x\" }} }}\n{TIER_CITE}"
        )
    }

    fn items(caps: [u64; 2]) -> String {
        format!(
            "{TIER_CITE}\n[[tiers.items]]\nkey = \"a\"\nbusiness_cost_cap = {}\n[[tiers.items]]\nkey = \"b\"\nbusiness_cost_cap = {}\n",
            caps[0], caps[1]
        )
    }

    #[test]
    fn figures_and_counts_at_their_bounds_pass() {
        let found = bounds_of(&[
            (CAP, "business_cost_cap = 1_000_000_000_000"),
            ("rate = \"1/2\"", "rate = \"625/10000\""),
            (
                "grant_cap = 283_000",
                "grant_cap = 1_000_000_000_000\nmembers_min = 1000",
            ),
            (TIER_CITE, &per_unit(1000)),
            ("cost = 600_000", "cost = 1_000_000_000_000"),
        ]);
        assert_eq!(found, []);
        let found = bounds_of(&[(TIER_CITE, &items([600_000_000_000, 400_000_000_000]))]);
        assert_eq!(found, []);
    }

    #[test]
    fn one_past_each_bound_is_found_at_its_line() {
        let one = |replace: &[(&str, &str)]| {
            let found = bounds_of(replace);
            assert_eq!(found.len(), 1, "{found:?}");
            found.into_iter().next().unwrap()
        };
        let (code, line, message) = one(&[(CAP, "business_cost_cap = 1_000_000_000_001")]);
        assert_eq!((code, line), ("figure-too-large", 43));
        assert!(message.contains("business_cost_cap 1,000,000,000,001 is above 1,000,000,000,000"));
        for max in [0, 1001] {
            let (code, line, message) = one(&[(TIER_CITE, &per_unit(max))]);
            assert_eq!((code, line), ("count-out-of-range", 45));
            assert!(message.contains(&format!("per_unit.max {max} is out of range")));
        }
        let (code, line, _) = one(&[(
            "grant_cap = 283_000",
            "grant_cap = 283_000\nmembers_min = 1001",
        )]);
        assert_eq!((code, line), ("count-out-of-range", 45));
        let (code, line, message) = one(&[("rate = \"1/2\"", "rate = \"1/10001\"")]);
        assert_eq!((code, line), ("rate-too-fine", 42));
        assert!(
            message.contains("multiple of 10,001, above 10,000"),
            "{message}"
        );
        // 600,000,000,000 + 400,000,000,001 passes 1兆円 at the second item (line 51).
        let (code, line, message) = one(&[(TIER_CITE, &items([600_000_000_000, 400_000_000_001]))]);
        assert_eq!((code, line), ("figure-too-large", 51));
        assert!(message.contains("add up to 1,000,000,000,001"), "{message}");
        let (code, line, _) = one(&[("grant = 283_000", "grant = 1_000_000_000_001")]);
        assert_eq!((code, line), ("figure-too-large", 52));
    }

    #[test]
    fn rates_of_bands_and_items_count_together() {
        // 2/3 and then 4/5: terms 2, 3, 4, 5 → 60; with 1/7 → 420; with 1/97 → 40,740.
        let bands = "[[tiers.bands]]\nup_to_grant = 100_000\nrate = \"2/3\"\nrate_when = [{ flag = \"small-business\", rate = \"4/5\" }]\n[[tiers.bands]]\nrate = \"1/7\"\n";
        let with = |extra: &str| bounds_of(&[(TIER_CITE, &format!("{TIER_CITE}\n{bands}{extra}"))]);
        assert_eq!(with(""), []);
        let found = with("[[tiers.items]]\nkey = \"a\"\nrate = \"1/97\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), ("rate-too-fine", 54));
        assert!(found[0].2.contains("40,740"), "{}", found[0].2);
    }

    #[test]
    fn clip_cuts_on_a_character_boundary() {
        assert_eq!(clip("病院病院", 2), "病院…");
        assert_eq!(clip("病院", 2), "病院");
        assert_eq!(clip("", 0), "");
    }

    #[test]
    fn messages_keep_their_words_and_lose_long_values() {
        let long = "x".repeat(1_000);
        let message = format!("invalid type: string \"{long}\", expected u64");
        let want = format!(
            "invalid type: string \"{}…\", expected u64",
            "x".repeat(CLIP_CHARS)
        );
        assert_eq!(clip_message(&message), want);
        // Escaped quotes stay inside the value; single quotes and backticks quote too.
        let message = format!("id \"a\\\"{long}\" and '{long}' and `{long}`, program's end");
        let clipped = clip_message(&message);
        assert!(clipped.starts_with("id \"a\\\"xxx") && clipped.ends_with("…`, program's end"));
        assert_eq!(clipped.matches('…').count(), 3, "{clipped}");
        // Short messages are left alone, apostrophes and all.
        let message = "tier 'a': the program's [[items]] lack 'b'";
        assert_eq!(clip_message(message), message);
        // Long unquoted text keeps its start and end.
        let clipped = clip_message(&format!("start {long} end"));
        assert!(clipped.starts_with("start xx") && clipped.ends_with("xx end"));
        assert!(
            clipped.chars().count() <= MESSAGE_CHARS + 1,
            "{}",
            clipped.len()
        );
    }

    /// The findings of the clean sample with each `(from, to)` replaced.
    fn findings_of(replace: &[(&str, &str)]) -> Vec<Finding> {
        let mut text = SAMPLE.to_string();
        for (from, to) in replace {
            assert!(text.contains(from), "{from}");
            text = text.replacen(from, to, 1);
        }
        let options = Options {
            as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            stale_days: 365,
            documents: None,
        };
        check(&[("s.toml".to_string(), text)], &options).findings
    }

    #[test]
    fn findings_are_worded_in_both_languages_with_words_for_each() {
        // A clinic's example for the hospital tier: the rules choose no tier.
        let found = findings_of(&[(
            "facility = \"hospital\"\nbeds = 20",
            "facility = \"clinic\"\nbeds = 10",
        )]);
        let [finding] = &found[..] else {
            panic!("{found:?}")
        };
        assert_eq!(finding.code, "example-mismatch");
        assert_eq!(
            finding.message_in(Lang::En),
            "example expects tier 'hospital', the rules chose none"
        );
        assert_eq!(
            finding.message_in(Lang::Ja),
            "計算例は tier 'hospital' になるはずですが、規則はどの tier も選びません"
        );
        // A long id is clipped in both languages alike.
        let long = "X".repeat(500);
        let found = findings_of(&[("id = \"sample\"", &format!("id = \"{long}\""))]);
        let finding = found
            .iter()
            .find(|f| f.code == "id-not-kebab-case")
            .unwrap();
        let clipped = format!("'{}…'", "X".repeat(CLIP_CHARS));
        assert!(finding.message.contains(&clipped), "{}", finding.message);
        assert!(
            finding.message_ja.contains(&clipped),
            "{}",
            finding.message_ja
        );
        assert!(
            finding.message_ja.starts_with("制度の id 'XXX"),
            "{}",
            finding.message_ja
        );
    }

    #[test]
    fn kebab_case() {
        assert!(is_kebab("ehr-sharing"));
        assert!(is_kebab("clinic-beds-5-19"));
        assert!(!is_kebab("EHR"));
        assert!(!is_kebab("ehr_sharing"));
        assert!(!is_kebab("ehr--sharing"));
        assert!(!is_kebab("-ehr"));
        assert!(!is_kebab(""));
    }
}
