//! Each file on its own: the registry, a program (its rules are
//! [`catalogue::faults`]; here what needs the registry, the documents or
//! today's date), the discovery entries, and the facts asked across programs.

use super::*;

/// Each condition of `program`, its own and then each tier's, with the path
/// of its text (where a finding about its wording points).
pub(crate) fn condition_texts(
    program: &Program,
) -> impl Iterator<Item = (Vec<Seg<'static>>, &crate::core::catalogue::Condition)> {
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
    own.chain(of_tiers)
}

/// A fact is asked in one sentence wherever it is asked (one question to a
/// clerk, however many programs need it; each condition's own source
/// wording stays in its cite): a condition that words a fact another
/// program's already worded otherwise is an error at its text.
pub(crate) fn check_fact_wording(parsed: &[(Doc<'_>, Program)], out: &mut Vec<Finding>) {
    let mut first: BTreeMap<&str, (&crate::core::catalogue::Text, &str)> = BTreeMap::new();
    for (doc, program) in parsed {
        for (path, condition) in condition_texts(program) {
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

/// No two programs share a short name, in either language: a calendar
/// titles each event with it, and two programs with one deadline day would
/// give two events of one title on one day. `taken` holds the short names
/// of the layers below and the files each is in (empty for the rule data
/// itself); a program's own id below (one it replaces) does not count.
pub(crate) fn check_short_names(
    parsed: &[(Doc<'_>, Program)],
    taken: &[(&str, &Text, &str)],
    out: &mut Vec<Finding>,
) {
    let mut seen: Vec<(&str, &Text, &str)> = taken.to_vec();
    for (doc, program) in parsed {
        let own = &program.short_name;
        for (lang, key) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
            let name = own.get(lang).trim();
            let clash = seen.iter().find(|(id, other, _)| {
                *id != program.id
                    && program.replaces.as_deref() != Some(*id)
                    && !name.is_empty()
                    && other.get(lang).trim() == name
            });
            if let Some((_, _, file)) = clash {
                out.push(doc.error(
                    &[Key("short_name"), Key(key)],
                    Code::ShortName,
                    said(
                        Msg::CheckShortNameTwice,
                        &[("name", &name), ("first", file)],
                    ),
                ));
            }
        }
        seen.push((&program.id, own, doc.name));
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

/// One program: every rule of [`catalogue::faults`] and its references
/// to other programs, as loading checks them; its figures' bounds; and
/// what needs more than the file: the registry, the documents, today.
pub(crate) fn check_program<'p>(
    doc: &Doc<'_>,
    program: &'p Program,
    by_id: &dyn Fn(&str) -> Option<&'p Program>,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    // Figures too large to compute with: the rules compute with none of them.
    let faults = out_of_bounds(program)
        .into_iter()
        .chain(not_web_addresses(program))
        .chain(catalogue::faults(program))
        .chain(catalogue::references(program, by_id));
    out.extend(faults.map(|fault| doc.fault(fault)));
    check_sources(doc, program, registry, options, out);
    check_deadlines(doc, program, options, out);
}

/// Each source a document of the registry; with the documents at hand,
/// every quote found in the document it quotes.
pub(crate) fn check_sources(
    doc: &Doc<'_>,
    program: &Program,
    registry: &Registry,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    for (i, s) in program.sources.iter().enumerate() {
        if let Some(finding) =
            unknown_source(doc, &[Key("sources"), Index(i), Key("id")], &s.id, registry)
        {
            out.push(finding);
        }
    }
    if let Some(documents) = &options.documents {
        let cites = program.cites().map(|(_, _, cite)| cite);
        check_quotes(doc, cites, registry, documents, out);
    }
}

/// A program whose deadlines have all passed on the day checked (`--as-of`).
pub(crate) fn check_deadlines(
    doc: &Doc<'_>,
    program: &Program,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    let Some(last) = program.dates_of(DateKind::Deadline).max() else {
        return;
    };
    if last < options.as_of {
        let i = program
            .dates
            .iter()
            .position(|d| d.kind == DateKind::Deadline && d.date == last)
            .unwrap_or(0);
        out.push(doc.warning(
            &[Key("dates"), Index(i), Key("date")],
            Code::AllDeadlinesPassed,
            said(Msg::CheckAllDeadlinesPassed, &[("last", &last)]),
        ));
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
