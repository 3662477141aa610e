//! `check` of an extension against the layers below it (`subsidy check
//! DIR` where DIR has an `extension.toml`): its name and version, program
//! and document ids that clash with a lower layer's (naming both files),
//! what it `replaces`, and facts it words otherwise than the layers below.
//! Also, of a first layer: a `replaces` with nothing below to replace.

use super::*;

use crate::core::catalogue::{CatalogueError, LayerReceipt};

/// The documents an extension's programs may cite: the layers' below, and
/// its own (`own`; an id that clashes is a finding of [`check_layering`]).
pub(super) fn registry(own: Option<&Registry>, lower: &Catalogue) -> Registry {
    let below = lower.documents().map(|(_, d)| d.clone());
    let own = own.into_iter().flat_map(|r| r.documents.iter().cloned());
    Registry {
        documents: below.chain(own).collect(),
    }
}

/// A finding at `line` and `column` of `file` (`text`), from a fault
/// loading reports.
fn located(file: &str, text: &str, error: &CatalogueError) -> Finding {
    let (line, column, message) = match error {
        CatalogueError::Located {
            line,
            column,
            message,
            ..
        } => (*line, *column, message.clone()),
        other => (1, 1, said_each(|lang| other.message(lang))),
    };
    let snippet = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    Finding {
        file: file.to_string(),
        line,
        column,
        severity: Severity::Error,
        code: Code::Schema,
        message: clip_message(&message.en),
        message_ja: clip_message(&message.ja),
        snippet: clip(snippet, CLIP_CHARS).into_owned(),
    }
}

/// `extension.toml`: strict, a kebab-case name, a version, nothing left blank.
pub(super) fn check_meta(meta: &[&(String, String)], out: &mut Vec<Finding>) {
    for (name, text) in meta {
        // A skeleton not filled in yet: each blank at its line.
        if let Ok(table) = DeTable::parse(text) {
            let doc = Doc {
                name,
                text,
                table: None,
            };
            let blanks = unfilled(&doc, table.get_ref());
            if !blanks.is_empty() {
                out.extend(blanks);
                continue;
            }
        }
        if let Err(e) = catalogue::parse_extension_meta(name, text) {
            out.push(located(name, text, &e));
        }
    }
}

/// A `discovery.toml` in an extension, which loading refuses.
pub(super) fn no_discovery(name: &str, text: &str) -> Finding {
    let error = CatalogueError::Located {
        file: name.to_string(),
        line: 1,
        column: 1,
        message: said(Msg::DataExtensionDiscovery, &[]),
    };
    located(name, text, &error)
}

/// What the layering refuses, each at its key: a document id of a lower
/// registry, a program id of a lower layer not replaced (naming the lower
/// file), and a `replaces` that names no lower program.
pub(super) fn check_layering(
    own: Option<&(Doc<'_>, Registry)>,
    parsed: &[(Doc<'_>, Program)],
    lower: &Catalogue,
    out: &mut Vec<Finding>,
) {
    if let Some((doc, registry)) = own {
        for (i, document) in registry.documents.iter().enumerate() {
            let below = lower.documents().find(|(_, d)| d.id == document.id);
            if let Some((file, _)) = below {
                out.push(doc.error(
                    &[Key("documents"), Index(i), Key("id")],
                    Code::LayerClash,
                    said(
                        Msg::DataDocumentClash,
                        &[("id", &format!("{:?}", document.id)), ("lower", &file)],
                    ),
                ));
            }
        }
    }
    let replaced: Vec<&str> = parsed
        .iter()
        .filter_map(|(_, p)| p.replaces.as_deref())
        .collect();
    for (doc, program) in parsed {
        if let Some(id) = &program.replaces
            && lower.program(id).is_none()
        {
            out.push(doc.error(
                &[Key("replaces")],
                Code::Replaces,
                said(Msg::DataReplacesUnknown, &[("id", &format!("{id:?}"))]),
            ));
        }
        let below = lower.program(&program.id);
        if let Some(below) = below.filter(|p| !replaced.contains(&p.id.as_str())) {
            out.push(doc.error(
                &[Key("id")],
                Code::LayerClash,
                catalogue::clash_said(program, below, lower.receipt().dir.is_none()),
            ));
        }
    }
}

/// A first layer's `replaces`: there is nothing below it to replace.
pub(super) fn nothing_to_replace(parsed: &[(Doc<'_>, Program)], out: &mut Vec<Finding>) {
    for (doc, _) in parsed.iter().filter(|(_, p)| p.replaces.is_some()) {
        out.push(doc.error(
            &[Key("replaces")],
            Code::Replaces,
            said(Msg::DataReplacesInBase, &[]),
        ));
    }
}

/// A fact asked in one sentence across the layers: an extension's
/// condition that words a fact otherwise than the layers below (but for
/// the programs it replaces) is an error at its text.
pub(super) fn check_fact_wording_below(
    parsed: &[(Doc<'_>, Program)],
    lower: &Catalogue,
    out: &mut Vec<Finding>,
) {
    let kept: Vec<&Program> = (lower.programs().iter())
        .filter(|p| {
            !parsed
                .iter()
                .any(|(_, own)| own.replaces.as_deref() == Some(&p.id))
        })
        .collect();
    let worded = |fact: &str| {
        kept.iter().find_map(|p| {
            p.conditions
                .iter()
                .chain(p.tiers.iter().flat_map(|t| &t.conditions))
                .find(|c| c.fact.as_deref() == Some(fact))
                .map(|c| (&c.text, p.file.as_str()))
        })
    };
    for (doc, program) in parsed {
        for (path, condition) in super::program::condition_texts(program) {
            let Some(fact) = condition.fact.as_deref() else {
                continue;
            };
            if let Some((text, file)) = worded(fact)
                && *text != condition.text
            {
                out.push(doc.error(
                    &path,
                    Code::FactWordedTwice,
                    said(
                        Msg::CheckFactWordedTwice,
                        &[("fact", &fact), ("first", &file)],
                    ),
                ));
            }
        }
    }
}

/// The programs of the layers below, but those `programs` replace or
/// have the id of, then `programs`: the catalogue the extension makes.
pub(super) fn with_lower(programs: Vec<Program>, lower: &Catalogue) -> Vec<Program> {
    let mut all: Vec<Program> = lower
        .programs()
        .iter()
        .filter(|p| {
            !programs
                .iter()
                .any(|own| own.id == p.id || own.replaces.as_deref() == Some(&p.id))
        })
        .cloned()
        .collect();
    all.extend(programs);
    all
}

/// The receipt of the layers below with the extension in `dir` (`files`) over them.
pub(super) fn layered_receipt(dir: &str, files: &[(String, String)], lower: &Catalogue) -> Receipt {
    // As written, where the file does not load (a skeleton's blank version
    // shows as the blank it is).
    let meta = files
        .iter()
        .find(|(name, _)| catalogue::is_extension_file(name))
        .and_then(|(_, text)| toml::from_str::<toml::Table>(text).ok());
    let value = |key: &str| {
        let value = meta.as_ref().and_then(|m| m.get(key)?.as_str());
        value.unwrap_or_default().to_string()
    };
    let mut receipt = lower.receipt().clone();
    receipt.extensions.push(LayerReceipt {
        name: value("name"),
        version: value("version"),
        sha256: catalogue::receipt(files, None).sha256,
        files: files.len(),
        dir: Some(dir.to_string()),
    });
    receipt
}
