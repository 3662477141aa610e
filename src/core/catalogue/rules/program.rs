//! A program's own rules: ids, cites, conditions, relations and dates.

use super::*;
use chrono::NaiveDate;

/// Whether `id` is kebab-case: a-z and 0-9 in parts joined by single hyphens.
pub(crate) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Ids kebab-case, and each once in its section. Loading refuses a tier or
/// condition id used twice (it picks a tier or an answer by id); `check`
/// reports the rest.
pub(super) fn ids<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    // `what`: which id it is, in words ([`Msg::CheckKebabProgram`] …).
    let mut kebab = |path: Vec<Seg<'p>>, what: Msg, id: &str| {
        if !is_kebab(id) {
            out.push(Fault::error(
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
    kebab(vec![Key("id")], Msg::CheckKebabProgram, &program.id);
    for (i, t) in program.tiers.iter().enumerate() {
        let path = vec![Key("tiers"), Index(i), Key("id")];
        kebab(path, Msg::CheckKebabTier, &t.id);
    }
    for (i, v) in program.variants.iter().enumerate() {
        let path = vec![Key("variants"), Index(i), Key("id")];
        kebab(path, Msg::CheckKebabVariant, &v.id);
    }
    for (i, item) in program.items.iter().enumerate() {
        let path = vec![Key("items"), Index(i), Key("key")];
        kebab(path, Msg::CheckKebabItem, &item.key);
    }
    for (i, c) in program.conditions.iter().enumerate() {
        let path = vec![Key("conditions"), Index(i), Key("id")];
        kebab(path, Msg::CheckKebabCondition, &c.id);
        if let Some(fact) = &c.fact {
            let path = vec![Key("conditions"), Index(i), Key("fact")];
            kebab(path, Msg::CheckKebabFact, fact);
        }
    }
    let sections: [(&str, &str, Vec<&str>); 5] = [
        (
            "tiers",
            "id",
            program.tiers.iter().map(|t| t.id.as_str()).collect(),
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
    ];
    for (section, key, ids) in sections {
        for (i, id) in ids.iter().enumerate() {
            if !ids[..i].contains(id) {
                continue;
            }
            let path = vec![Key(section), Index(i), Key(key)];
            let message = said(Msg::CheckIdTwice, &[("section", &section), ("id", id)]);
            out.push(match section {
                "tiers" | "conditions" => Fault::refuses(path, Code::IdDuplicate, message),
                _ => Fault::error(path, Code::IdDuplicate, message),
            });
        }
    }
}

/// The short name is given in both languages (loading refuses a blank
/// one: a calendar event would have no title), and is short: at most
/// [`SHORT_NAME_CHARS`] characters (`check` warns past them). That no two
/// programs share one needs the other files: `check`'s.
pub(super) fn short_name<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    let names = [&program.short_name.ja, &program.short_name.en];
    for ((lang, name), max) in ["ja", "en"].into_iter().zip(names).zip(SHORT_NAME_CHARS) {
        let path = vec![Key("short_name"), Key(lang)];
        let chars = name.trim().chars().count();
        if chars == 0 {
            out.push(Fault::refuses(
                path,
                Code::ShortName,
                said(Msg::DataShortNameEmpty, &[("lang", &lang)]),
            ));
        } else if chars > max {
            out.push(Fault::warning(
                path,
                Code::ShortName,
                said(
                    Msg::CheckShortNameLong,
                    &[("name", name), ("chars", &chars), ("max", &max)],
                ),
            ));
        }
    }
}

/// The program cites sources, each citation one of them, saying where in
/// it; a stated rounding rule and tax basis are cited.
pub(super) fn cites<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    if program.sources.is_empty() {
        out.push(Fault::error(
            vec![Key("id")],
            Code::NoSource,
            said(Msg::CheckNoSources, &[("id", &program.id)]),
        ));
    }
    for (place, path, cite) in program.cites() {
        let source = format!("{:?}", cite.source);
        if program.source(&cite.source).is_none() {
            out.push(Fault::refuses(
                path.clone(),
                Code::NoSource,
                said(
                    Msg::DataCiteUnknown,
                    &[("place", &place), ("source", &source)],
                ),
            ));
        }
        if cite.at.trim().is_empty() {
            out.push(Fault::error(
                path,
                Code::NoSource,
                said(
                    Msg::CheckCiteNoPlace,
                    &[("place", &place), ("source", &cite.source)],
                ),
            ));
        }
    }
    if program.rounding.rule != Rounding::NoneStated && program.rounding.cite.is_none() {
        out.push(Fault::refuses(
            vec![Key("rounding"), Key("rule")],
            Code::NoSource,
            said(
                Msg::DataRoundingNeedsCite,
                &[("rule", &format!("{:?}", program.rounding.rule))],
            ),
        ));
    }
    if program.tax.basis != TaxBasis::NotStated && program.tax.cite.is_none() {
        out.push(Fault::refuses(
            vec![Key("tax"), Key("basis")],
            Code::NoSource,
            said(
                Msg::DataTaxNeedsCite,
                &[("basis", &format!("{:?}", program.tax.basis))],
            ),
        ));
    }
}

/// Each condition has exactly the key its `decided_by` asks.
pub(super) fn conditions<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    for (i, condition) in program.conditions.iter().enumerate() {
        let ok = match condition.decided_by {
            DecidedBy::Fact => condition.fact.is_some() && condition.prefecture.is_none(),
            DecidedBy::Prefecture => condition.prefecture.is_some() && condition.fact.is_none(),
            DecidedBy::EntitySize => condition.fact.is_none() && condition.prefecture.is_none(),
        };
        if !ok {
            out.push(Fault::refuses(
                vec![Key("conditions"), Index(i), Key("decided_by")],
                Code::Schema,
                said(
                    Msg::DataDecidedByKey,
                    &[("by", &format!("{:?}", condition.decided_by))],
                ),
            ));
        }
    }
}

/// `replaces` and `replaces_reason` come together: a program takes a lower
/// layer's place only with a reason `show` can give. (Whether that program
/// exists, and that there is a layer below, is for the layers to say.)
pub(super) fn replaces<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    match (&program.replaces, &program.replaces_reason) {
        (Some(_), None) => out.push(Fault::refuses(
            vec![Key("replaces")],
            Code::Replaces,
            said(Msg::DataReplacesNeedsReason, &[]),
        )),
        (None, Some(_)) => out.push(Fault::refuses(
            vec![Key("replaces_reason")],
            Code::Replaces,
            said(Msg::DataReasonWithoutReplaces, &[]),
        )),
        (Some(id), Some(_)) if !is_kebab(id) => out.push(Fault::refuses(
            vec![Key("replaces")],
            Code::Replaces,
            said(Msg::DataReplacesNotAnId, &[("id", &format!("{id:?}"))]),
        )),
        _ => {}
    }
}

/// A relation names another program exactly when its kind is about one,
/// and pairs only variants the program has (the other program's are
/// [`super::references`]').
pub(super) fn relations<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    for (i, relation) in program.relations.iter().enumerate() {
        let path = |key: &'static str| vec![Key("relations"), Index(i), Key(key)];
        let needs_program = matches!(
            relation.kind,
            RelationKind::StacksOn | RelationKind::Excludes
        );
        if needs_program != relation.program.is_some() {
            let (key, at) = if needs_program {
                (Msg::DataRelationNeedsProgram, "kind")
            } else {
                (Msg::DataRelationTakesNoProgram, "program")
            };
            out.push(Fault::refuses(
                path(at),
                Code::Schema,
                said(key, &[("kind", &format!("{:?}", relation.kind))]),
            ));
        }
        for [own, _] in &relation.variant_pairs {
            if program.variant(own).is_none() {
                out.push(Fault::refuses(
                    path("variant_pairs"),
                    Code::UnknownReference,
                    said(
                        Msg::CheckVariantPairUnknown,
                        &[("variant", own), ("program", &program.id)],
                    ),
                ));
            }
        }
    }
}

/// Dates in order: applications open before the first deadline, the work
/// is done and the cost period ends by the last.
pub(super) fn dates<'p>(program: &'p Program, out: &mut Vec<Fault<'p>>) {
    let at = |kind: DateKind, date: NaiveDate| {
        let i = program
            .dates
            .iter()
            .position(|d| d.kind == kind && d.date == date)
            .unwrap_or(0);
        vec![Key("dates"), Index(i), Key("date")]
    };
    let first_deadline = program.dates_of(DateKind::Deadline).min();
    let last_deadline = program.dates_of(DateKind::Deadline).max();
    if let (Some(opens), Some(deadline)) = (program.dates_of(DateKind::Opens).min(), first_deadline)
        && opens > deadline
    {
        out.push(Fault::error(
            at(DateKind::Opens, opens),
            Code::DateOrder,
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
        out.push(Fault::error(
            at(DateKind::CompletionBy, done),
            Code::DateOrder,
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
        out.push(Fault::error(
            at(DateKind::CostsFrom, from),
            Code::DateOrder,
            said(
                Msg::CheckCostPeriodInverted,
                &[("from", &from), ("until", &until)],
            ),
        ));
    }
}
