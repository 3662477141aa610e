//! `subsidy check`: what is wrong in a rule catalogue, before a clinic is told
//! a wrong amount. Pure: file names and texts in, findings out.
//!
//! Every finding names the file, line and column of the key it is about.

mod quotes;
pub use quotes::*;
mod program;
use program::*;
mod examples;
use examples::*;
mod coverage;
pub use coverage::{
    Coverage, Covered, Day, Measure, NotTarget, ProgramCoverage, Reason, SizeMeasure, Target,
};
mod extension;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use std::ops::Range;

use chrono::{NaiveDate, TimeDelta};

use serde::Serialize;

use sha2::{Digest, Sha256};

use toml::Spanned;

use toml::de::DeTable;

use crate::Lang;

use crate::core::catalogue::rules::bounds::{not_web_addresses, out_of_bounds};

use crate::core::catalogue::{
    self, Catalogue, Cite, DateKind, Discoveries, Program, Receipt, Registry, Text, is_kebab,
    receipt,
};

pub use crate::core::diagnostics::Code;
use crate::core::diagnostics::{
    CLIP_CHARS, Fault, Said, Seg, Weight, clip, clip_message, position, said, said_each, span,
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
    pub code: Code,
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
    /// Measure which rules the worked examples exercise (`--coverage`).
    pub coverage: bool,
}

/// Everything `check` found.
#[derive(Debug, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub receipt: Receipt,
    pub programs: usize,
    pub examples: usize,
    /// With [`Options::coverage`], once the examples could run (no error
    /// before them): what they exercise, program by program.
    pub coverage: Option<Coverage>,
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
pub(crate) struct Doc<'t> {
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
        code: Code,
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

    fn error(&self, path: &[Seg<'_>], code: Code, message: impl Into<Said>) -> Finding {
        self.at(self.span(path), Severity::Error, code, message)
    }

    fn warning(&self, path: &[Seg<'_>], code: Code, message: impl Into<Said>) -> Finding {
        self.at(self.span(path), Severity::Warning, code, message)
    }

    /// A fault of the rules as a finding at its key: an error, or a warning.
    fn fault(&self, fault: Fault<'_>) -> Finding {
        let severity = match fault.weight {
            Weight::Refuses | Weight::Error => Severity::Error,
            Weight::Warning => Severity::Warning,
        };
        self.at(self.span(&fault.path), severity, fault.code, fault.message)
    }
}

/// Checks every file of a catalogue.
pub fn check(files: &[(String, String)], options: &Options) -> Report {
    check_layer(files, None, options)
}

/// Checks the files of the extension in `dir` against `lower`, the layers
/// below it: its `extension.toml`, ids and documents that clash with
/// theirs, what it replaces, and everything [`check`] checks.
pub fn check_extension(
    dir: &str,
    files: &[(String, String)],
    lower: &Catalogue,
    options: &Options,
) -> Report {
    let mut report = check_layer(files, Some(lower), options);
    report.receipt = extension::layered_receipt(dir, files, lower);
    report
}

/// Checks a catalogue's files, or an extension's over `lower`.
fn check_layer(files: &[(String, String)], lower: Option<&Catalogue>, options: &Options) -> Report {
    let mut findings = Vec::new();
    let (meta, rest): (Vec<_>, Vec<_>) = files
        .iter()
        .partition(|(name, _)| catalogue::is_extension_file(name));
    let (registry, programs): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|(name, _)| catalogue::is_registry(name));
    // The directory's own registry, checked; else the embedded one, as
    // loading uses (an extension's programs cite the layers' below too).
    let own = registry.first().and_then(|(name, text)| {
        let registry = parse_file::<Registry>(name, text, &mut findings);
        if let Some((doc, registry)) = &registry {
            check_registry(doc, registry, options, &mut findings);
        }
        registry
    });
    let registry = match (&own, lower) {
        (_, Some(lower)) => Some(extension::registry(own.as_ref().map(|(_, r)| r), lower)),
        (Some((_, registry)), None) => Some(registry.clone()),
        (None, None) => catalogue::embedded_registry().ok(),
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
    // The layers below too: what an extension's programs name may be theirs.
    let below = |id: &str| lower.and_then(|l| l.program(id));
    let by_id =
        |id: &str| (parsed.iter().map(|(_, p)| p).find(|p| p.id == id)).or_else(|| below(id));
    for (name, text) in discovery {
        if lower.is_some() {
            findings.push(extension::no_discovery(name, text));
        } else if let Some((doc, discoveries)) =
            parse_file::<Discoveries>(name, text, &mut findings)
        {
            check_discovery(&doc, &discoveries, &ids, &registry, options, &mut findings);
        }
    }
    match lower {
        Some(lower) => {
            extension::check_meta(&meta, &mut findings);
            extension::check_layering(own.as_ref(), &parsed, lower, &mut findings);
        }
        None => extension::nothing_to_replace(&parsed, &mut findings),
    }
    let mut seen = BTreeMap::new();
    for (doc, program) in &parsed {
        if let Some(first) = seen.insert(program.id.as_str(), doc.name) {
            findings.push(doc.error(
                &[Key("id")],
                Code::IdDuplicate,
                said(
                    Msg::CheckIdUsedTwice,
                    &[("id", &program.id), ("first", &first)],
                ),
            ));
        }
        check_program(doc, program, &by_id, &registry, options, &mut findings);
    }
    check_fact_wording(&parsed, &mut findings);
    // The layers below, but for what the extension replaces: its short
    // names are new beside theirs.
    let replaced = |id: &str| {
        parsed
            .iter()
            .any(|(_, p)| p.replaces.as_deref() == Some(id))
    };
    let below: Vec<(&str, &Text, &str)> = lower.map_or_else(Vec::new, |lower| {
        (lower.programs().iter())
            .filter(|p| !replaced(&p.id))
            .map(|p| (p.id.as_str(), &p.short_name, p.file.as_str()))
            .collect()
    });
    check_short_names(&parsed, &below, &mut findings);
    if let Some(lower) = lower {
        extension::check_fact_wording_below(&parsed, lower, &mut findings);
    }
    let programs: Vec<Program> = parsed.iter().map(|(_, p)| p.clone()).collect();
    let mut examples = 0;
    let mut coverage = None;
    if findings.iter().all(|f| f.severity != Severity::Error) {
        // Run the worked examples only on data that loads (an extension's
        // over the layers below, less what it replaces).
        let catalogue = Catalogue::from_programs(match lower {
            Some(lower) => extension::with_lower(programs, lower),
            None => programs,
        });
        let checker = Checker::new(&catalogue);
        let mut measured = Vec::new();
        for (doc, program) in &parsed {
            examples += program.examples.len();
            let observed = run_examples(doc, program, &checker, options, &mut findings);
            if options.coverage {
                measured.push(coverage::measure(program, doc.name, &observed));
            }
        }
        coverage = options.coverage.then(|| Coverage::new(measured));
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
        coverage,
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
        Ok(table) => {
            // A file of the shape before rate rules: where each key went,
            // rather than the first key the schema does not know.
            let moved = catalogue::moved_fields(table.get_ref());
            // A skeleton not filled in yet: each blank, rather than the
            // first value the schema cannot read.
            let blanks = unfilled(&doc, table.get_ref());
            doc.table = Some(table);
            if !moved.is_empty() {
                findings.extend(moved.into_iter().map(|fault| doc.fault(fault)));
                return None;
            }
            if !blanks.is_empty() {
                findings.extend(blanks);
                return None;
            }
        }
        Err(e) => {
            findings.push(doc.at(
                e.span().unwrap_or(0..0),
                Severity::Error,
                Code::Syntax,
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
                Code::Schema,
                one_line(e.message()),
            ));
            None
        }
    }
}

/// Each value of `doc` (`table`) left as the skeleton's blank, at its
/// line, with the example the skeleton gives for it.
fn unfilled(doc: &Doc<'_>, table: &DeTable<'_>) -> Vec<Finding> {
    use crate::core::catalogue::rules::unfilled::{blank_said, blanks};
    blanks(table)
        .into_iter()
        .map(|blank| {
            let message = blank_said(doc.name, table, &blank);
            doc.at(blank.span, Severity::Error, Code::Unfilled, message)
        })
        .collect()
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
