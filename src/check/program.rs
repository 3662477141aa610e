//! Each file on its own: the registry, a program's ids, references and
//! sources, the discovery entries, and the facts asked across programs.

use super::*;

pub(crate) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A fact is asked in one sentence wherever it is asked (one question to a
/// clerk, however many programs need it; each condition's own source
/// wording stays in its cite): a condition that words a fact another
/// program's already worded otherwise is an error at its text.
pub(crate) fn check_fact_wording(parsed: &[(Doc<'_>, Program)], out: &mut Vec<Finding>) {
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
                    Code::FactWordedTwice,
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

/// The registry: each document once, with a file and a well-formed hash; a
/// stale document once, however many programs cite it; with the documents
/// at hand, each file present and unchanged.
pub(crate) fn check_registry(
    doc: &Doc<'_>,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    for (i, d) in registry.documents.iter().enumerate() {
        let path = |key: &'static str| [Key("documents"), Index(i), Key(key)];
        if registry.documents[..i].iter().any(|other| other.id == d.id) {
            out.push(doc.error(
                &path("id"),
                Code::IdDuplicate,
                said(
                    Msg::CheckIdTwice,
                    &[("section", &"documents"), ("id", &d.id)],
                ),
            ));
        }
        if d.file.trim().is_empty() {
            out.push(doc.error(
                &path("file"),
                Code::NoSource,
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
                Code::Sha256Form,
                said(Msg::CheckSha256Form, &[("id", &d.id)]),
            ));
        }
        // A date so late that adding the days leaves the calendar is not stale.
        let fresh_until = TimeDelta::try_days(options.stale_days)
            .and_then(|days| d.date.checked_add_signed(days));
        if fresh_until.is_some_and(|until| until < options.as_of) {
            out.push(doc.warning(
                &path("date"),
                Code::StaleSource,
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
                Code::UnknownDocument,
                said(
                    Msg::CheckUnknownDocument,
                    &[("id", &d.id), ("seed", &d.file)],
                ),
            )),
            Some(actual) if *actual != d.sha256 => out.push(doc.error(
                &path("sha256"),
                Code::DocumentChanged,
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

pub(crate) fn check_program<'p>(
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
                Code::IdNotKebabCase,
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
                Code::IdDuplicate,
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
        out.push(doc.error(&[Key("sme_limits")], Code::SmeLimits, reason));
    }
    check_figures(doc, program, within_bounds, out);
    check_dates(doc, program, options, out);
    check_tiers(doc, program, out);
}

pub(crate) fn check_references<'p>(
    doc: &Doc<'_>,
    program: &'p Program,
    ids: &BTreeSet<&str>,
    by_id: &dyn Fn(&str) -> Option<&'p Program>,
    out: &mut Vec<Finding>,
) {
    let unknown =
        |path: &[Seg<'_>], message: Said| doc.error(path, Code::UnknownReference, message);
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
                Code::Schema,
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
                Code::TierVariantMissing,
                said(Msg::CheckTierNeedsVariant, &[("tier", &t.id)]),
            )),
            _ => {}
        }
        let list = match t.rule {
            RateRule::Banded(_) => "parts",
            _ => "items",
        };
        for (j, key) in t.rule.item_keys().enumerate() {
            if program.item(key).is_none() {
                let rule = [Key("tiers"), Index(i), Key("rule"), Key(t.rule.kind())];
                out.push(unknown(
                    &[&rule[..], &[Key(list), Index(j), Key("key")]].concat(),
                    said(Msg::CheckTierItemUnknown, &[("item", &key)]),
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

pub(crate) fn check_sources(
    doc: &Doc<'_>,
    program: &Program,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    if program.sources.is_empty() {
        out.push(doc.error(
            &[Key("id")],
            Code::NoSource,
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
                Code::NoSource,
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
                Code::NoSource,
                said(
                    Msg::CheckCiteNoPlace,
                    &[("place", &place), ("source", &cite.source)],
                ),
            ));
        }
    }
}

/// `unknown-source` at `path`, unless the registry has document `id`.
pub(crate) fn unknown_source(
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
        Code::UnknownSource,
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
pub(crate) fn check_discovery(
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
                Code::IdNotKebabCase,
                said(Msg::CheckNotKebab, &[("what", &"entry"), ("id", &entry.id)]),
            ));
        }
        let twice = discoveries.entries[..i].iter().any(|e| e.id == entry.id);
        if twice || programs.contains(entry.id.as_str()) {
            out.push(doc.error(
                &path("id"),
                Code::IdDuplicate,
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
