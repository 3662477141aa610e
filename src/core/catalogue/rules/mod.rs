//! The rules a program's data must keep, each written once. Each rule
//! gives its faults with the path of the key at fault, a [`Code`] and a
//! sentence in both languages; loading refuses a program at its first fault
//! that [`Weight::Refuses`], worded after the program, tier or condition
//! it is in ([`refusal`]); `check` reports every fault at its file and line.
//!
//! A new rule goes here, in the file of what it is about: `program.rs`
//! (ids, cites, conditions, relations, dates), `tiers.rs` (a tier and its
//! rate rule), `sme.rs` (the size table); `moved.rs` points keys of a file
//! of an older shape to where they go now. The bounds of the figures the
//! engine computes with are [`bounds`]'s. Rules that need more
//! than the program (the source documents, the document registry, other
//! files, today's date, running the worked examples) are `check`'s.

pub(crate) mod bounds;
mod moved;
mod program;
mod sme;
mod tiers;
pub(crate) mod unfilled;

pub(crate) use moved::moved_fields;
pub(crate) use program::is_kebab;
pub(crate) use unfilled::{refuse_blanks, refuse_blanks_in};

use super::*;
use crate::core::diagnostics::{Code, Fault, Seg, Weight, said_each};
use crate::i18n::Key as Msg;
use Seg::{Index, Key};
use std::collections::BTreeSet;
use std::fmt;

/// Every fault `program` has on its own, in the order loading looks for
/// them: what loading refuses, what only `check` reports as errors, and
/// `check`'s warnings.
pub(crate) fn faults(program: &Program) -> Vec<Fault<'_>> {
    let mut out = Vec::new();
    program::ids(program, &mut out);
    program::short_name(program, &mut out);
    program::cites(program, &mut out);
    program::conditions(program, &mut out);
    sme::sme_limits(program, &mut out);
    program::relations(program, &mut out);
    program::replaces(program, &mut out);
    tiers::tiers(program, &mut out);
    tiers::figures(program, &mut out);
    tiers::overlaps(program, &mut out);
    tiers::examples(program, &mut out);
    program::dates(program, &mut out);
    out
}

/// Why loading refuses `program`: its first fault that refuses, after the
/// program, tier or condition it is in (`program {id} tier {tier}: …`).
pub(crate) fn refusal(program: &Program) -> Option<Said> {
    faults(program)
        .into_iter()
        .find(|f| f.weight == Weight::Refuses)
        .map(|fault| in_context(program, &fault))
}

/// What `program` names in other programs: the programs of its relations
/// and conditions exist (`by_id` finds one), with the variants its
/// relations pair. Loading refuses the first fault, `check` reports all.
pub(crate) fn references<'p>(
    program: &'p Program,
    by_id: &dyn Fn(&str) -> Option<&'p Program>,
) -> Vec<Fault<'p>> {
    let mut out = Vec::new();
    for (i, r) in program.relations.iter().enumerate() {
        let path = |key: &'static str| vec![Key("relations"), Index(i), Key(key)];
        let Some(id) = &r.program else {
            continue;
        };
        let Some(other) = by_id(id) else {
            out.push(Fault::refuses(
                path("program"),
                Code::UnknownReference,
                said(Msg::CheckRelationUnknown, &[("id", id)]),
            ));
            continue;
        };
        for [_, theirs] in &r.variant_pairs {
            if other.variant(theirs).is_none() {
                out.push(Fault::refuses(
                    path("variant_pairs"),
                    Code::UnknownReference,
                    said(
                        Msg::CheckVariantPairUnknown,
                        &[("variant", theirs), ("program", &other.id)],
                    ),
                ));
            }
        }
    }
    for (i, c) in program.conditions.iter().enumerate() {
        if let Some(id) = &c.requires_program
            && by_id(id).is_none()
        {
            out.push(Fault::refuses(
                vec![Key("conditions"), Index(i), Key("requires_program")],
                Code::UnknownReference,
                said(Msg::CheckConditionUnknown, &[("id", id)]),
            ));
        }
    }
    out
}

/// `fault`'s sentence after what it is in: `program {id} tier {tier}: …`,
/// `program {id} condition {condition}: …` or `program {id}: …`, by its path.
pub(crate) fn in_context(program: &Program, fault: &Fault<'_>) -> Said {
    let reason = &fault.message;
    match fault.path.as_slice() {
        [Key("tiers"), Index(i), ..] if *i < program.tiers.len() => within(
            Msg::DataInTier,
            &[("program", &program.id), ("tier", &program.tiers[*i].id)],
            reason,
        ),
        [Key("conditions"), Index(i), ..] if *i < program.conditions.len() => within(
            Msg::DataInCondition,
            &[
                ("program", &program.id),
                ("condition", &program.conditions[*i].id),
            ],
            reason,
        ),
        _ => in_program(program, reason),
    }
}

/// `reason` after the program it is about: `program {id}: …`.
pub(crate) fn in_program(program: &Program, reason: &Said) -> Said {
    within(Msg::DataInProgram, &[("program", &program.id)], reason)
}

/// `key`'s sentence with `values` and, as `{reason}`, `reason` in the same language.
pub(crate) fn within(key: Msg, values: &[(&str, &dyn fmt::Display)], reason: &Said) -> Said {
    said_each(|lang| {
        let reason = reason.get(lang);
        let mut values = values.to_vec();
        values.push(("reason", &reason));
        i18n::text(lang, key, &values)
    })
}
