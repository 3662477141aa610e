//! `subsidy check`: what is wrong in a rule catalogue, before a clinic is told
//! a wrong amount. Pure: file names and texts in, findings out.
//!
//! Every finding names the file, line and column of the key it is about.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;
use sha2::{Digest, Sha256};
use toml::Spanned;
use toml::de::DeTable;

use crate::Lang;
use crate::core::bounds::{not_web_addresses, out_of_bounds};
use crate::core::calc::{self, Context};
use crate::core::catalogue::{
    self, Catalogue, Cite, DateKind, Discoveries, Program, Receipt, Registry, RelationKind, Tier,
    receipt,
};
use crate::core::diagnostics::{
    CLIP_CHARS, Said, Seg, clip, clip_message, position, said, said_each, span,
};
use crate::core::estimate::Eligibility;
use crate::i18n::{self, Key as Msg};
use crate::input::request::{Checker, Request};
use Seg::{Index, Key};

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

/// One file: its text and, where it parses, its spanned document.
struct Doc<'t> {
    name: &'t str,
    text: &'t str,
    table: Option<Spanned<DeTable<'t>>>,
}

impl Doc<'_> {
    /// The span of the value at `path`, or of the nearest part of it that exists.
    fn span(&self, path: &[Seg<'_>]) -> Range<usize> {
        self.table.as_ref().map_or(0..0, |table| span(table, path))
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
    use crate::core::diagnostics::MESSAGE_CHARS;

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
            .map(|b| (b.code, b.line_column(&text).0, b.message.en))
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
