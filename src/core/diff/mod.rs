//! What changed between two catalogues ([`catalogue_diff`]) and whom a
//! change touches ([`clients`]): pure, as data; `report::diff` words it.
//!
//! Two programs of one id are compared as the data states them: each
//! program is walked as its plain data (what `show --format json` gives,
//! the worked examples left out: they check the rules, they are not
//! rules), value by value. Lists of records are matched by what names a
//! record (a tier's or condition's `id`, an item's `key`, a date's kind
//! and label, a relation's kind and program, a document's id), never by
//! position, so a tier inserted is one addition and not every later tier
//! changed, and round 1 removed is round 1 removed, not round 2 moved into
//! its place. Records that name themselves alike (two unlabelled deadlines,
//! two notes) are paired equal first, then in order; a date whose label
//! changed is paired by its kind and date, or as the only one of its kind
//! left on each side. Every value changed carries the cite of the record it
//! is in, under each catalogue: the data's own `source` and `at`.

pub mod clients;
#[cfg(test)]
mod tests;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::catalogue::{Catalogue, Cite, DateKind, Lang, Program, Text};

/// What changed from one catalogue to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogueDiff {
    /// Programs only the new catalogue has, by id.
    pub added: Vec<Named>,
    /// Programs only the old catalogue has, by id.
    pub removed: Vec<Named>,
    /// Programs of both that differ, by id, each with what changed.
    pub changed: Vec<ProgramChanges>,
    /// What changed in the catalogue as a whole: its documents
    /// (`sources.toml`: a new version of a document, one added or removed)
    /// and the programs it names without a rate table (`discovery.toml`).
    pub catalogue: Vec<Change>,
}

impl CatalogueDiff {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.catalogue.is_empty()
    }

    /// Every change of every program changed.
    pub fn change_count(&self) -> usize {
        self.changed.iter().map(|p| p.changes.len()).sum::<usize>() + self.catalogue.len()
    }
}

/// A program by its id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: Text,
    pub short_name: Text,
}

impl Named {
    fn of(program: &Program) -> Named {
        Named {
            id: program.id.clone(),
            name: program.name.clone(),
            short_name: program.short_name.clone(),
        }
    }
}

/// A program of both catalogues, and what changed in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramChanges {
    /// The program as the new catalogue names it.
    #[serde(flatten)]
    pub program: Named,
    pub changes: Vec<Change>,
}

/// What part of a program a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// The amounts: a tier's rate, caps, per-unit amounts, items; rounding.
    Figure,
    /// The dates: opening, deadlines, rounds, periods.
    Window,
    /// Eligibility: conditions, facilities not covered, size limits.
    Condition,
    /// Relations to other programs (excludes, stacks-on …) and `replaces`.
    Relation,
    /// The documents drawn on, the program's links, a cite alone.
    Source,
    /// Anything else: names, descriptions, how to apply, contact, tax, notes.
    Other,
}

impl Area {
    pub const ALL: [Area; 6] = [
        Area::Figure,
        Area::Window,
        Area::Condition,
        Area::Relation,
        Area::Source,
        Area::Other,
    ];

    /// The area a top-level key of a program is in.
    fn of_section(section: &str) -> Area {
        match section {
            "tiers" | "rounding" | "items" | "variants" => Area::Figure,
            "dates" | "opens_not_stated" => Area::Window,
            "conditions" | "not_covered" | "sme_limits" => Area::Condition,
            "relations" | "replaces" | "replaces_reason" => Area::Relation,
            "sources" | "links" => Area::Source,
            _ => Area::Other,
        }
    }

    /// As the JSON names it: `figure`, `window` …
    pub fn id(self) -> &'static str {
        match self {
            Area::Figure => "figure",
            Area::Window => "window",
            Area::Condition => "condition",
            Area::Relation => "relation",
            Area::Source => "source",
            Area::Other => "other",
        }
    }
}

/// A record of a list within a program (a tier, a date, a condition …):
/// the list's key, what names the record in it, and its words, if it has any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The list's key in the data: `tiers`, `dates`, `conditions`, `items` …
    pub list: String,
    /// What names the record: its `id` or `key`, a date's kind and its
    /// label's Japanese (`deadline:第2次申請締切`), a relation's kind and
    /// program; `#2` after it for the second of a name. A record with
    /// nothing to name it (a note) is named by its place among those:
    /// `#1`, `#2` …
    pub id: String,
    /// Its words: a tier's or date's `label`, an item's `name`, a
    /// condition's or note's `text`.
    pub label: Option<Text>,
    /// A date's kind, in words (申請期限); `None` for other records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text>,
}

/// One change: a value (or a whole record) of a program, old and new,
/// with the cite of each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub area: Area,
    /// The records it is in, outermost first (a tier, then an item of it).
    pub records: Vec<Record>,
    /// The key of the value within the innermost record (or the program),
    /// `None` where a whole record was added or removed.
    pub field: Option<String>,
    /// The value before (`None`: the record was added).
    pub old: Option<Value>,
    /// The value after (`None`: the record was removed).
    pub new: Option<Value>,
    /// The cite of the record under the old catalogue.
    pub old_cite: Option<Cite>,
    /// The cite of the record under the new catalogue.
    pub new_cite: Option<Cite>,
}

impl Change {
    /// A whole record added (`old` `None`) or removed (`new` `None`).
    pub fn is_record(&self) -> bool {
        self.field.is_none()
    }

    /// Where in the program, as a path: `tiers[hospital].grant_cap`.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for record in &self.records {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&format!("{}[{}]", record.list, record.id));
        }
        if let Some(field) = &self.field {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(field);
        }
        path
    }
}

/// What changed from `old` to `new`: programs added and removed, and each
/// change of a program both have.
pub fn catalogue_diff(old: &Catalogue, new: &Catalogue) -> CatalogueDiff {
    let mut diff = CatalogueDiff {
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        catalogue: whole_changes(old, new),
    };
    for program in old.programs() {
        if new.program(&program.id).is_none() {
            diff.removed.push(Named::of(program));
        }
    }
    for program in new.programs() {
        match old.program(&program.id) {
            None => diff.added.push(Named::of(program)),
            Some(before) => {
                let changes = program_changes(before, program);
                if !changes.is_empty() {
                    diff.changed.push(ProgramChanges {
                        program: Named::of(program),
                        changes,
                    });
                }
            }
        }
    }
    diff
}

/// What changed in the documents and the discovery entries of `old` → `new`.
fn whole_changes(old: &Catalogue, new: &Catalogue) -> Vec<Change> {
    let as_data = |value: Result<Value, serde_json::Error>| value.unwrap_or(Value::Null);
    let documents = |c: &Catalogue| -> Vec<Value> {
        c.documents()
            .map(|(_, d)| as_data(serde_json::to_value(d)))
            .collect()
    };
    let discovery = |c: &Catalogue| -> Vec<Value> {
        c.discovery()
            .iter()
            .map(|d| as_data(serde_json::to_value(d)))
            .collect()
    };
    let mut out = Vec::new();
    for (list, area, a, b) in [
        ("documents", Area::Source, documents(old), documents(new)),
        ("discovery", Area::Other, discovery(old), discovery(new)),
    ] {
        let at = At {
            area,
            records: Vec::new(),
            field: list.to_string(),
            cites: (None, None),
        };
        records(&a, &b, &at, &mut out);
    }
    out
}

/// Keys of a program not compared: the worked examples (they check the
/// rules; `check` runs them) and where the program was read from.
const NOT_COMPARED: [&str; 1] = ["examples"];

/// Every change from `old` to `new`, two programs of one id.
pub fn program_changes(old: &Program, new: &Program) -> Vec<Change> {
    let as_data = |p: &Program| match serde_json::to_value(p) {
        Ok(Value::Object(map)) => map,
        // A program is a struct: always an object.
        _ => Map::new(),
    };
    let (old, new) = (as_data(old), as_data(new));
    let mut out = Vec::new();
    for key in keys(&old, &new) {
        if NOT_COMPARED.contains(&key) {
            continue;
        }
        let at = At {
            area: Area::of_section(key),
            records: Vec::new(),
            field: key.to_string(),
            cites: (None, None),
        };
        let null = Value::Null;
        let (a, b) = (old.get(key).unwrap_or(&null), new.get(key).unwrap_or(&null));
        walk(a, b, &at, &mut out);
    }
    out
}

/// The keys of both objects: the old's in order, then the new's it lacks.
fn keys<'m>(old: &'m Map<String, Value>, new: &'m Map<String, Value>) -> Vec<&'m str> {
    let mut keys: Vec<&str> = old.keys().map(String::as_str).collect();
    keys.extend(
        new.keys()
            .map(String::as_str)
            .filter(|k| !old.contains_key(*k)),
    );
    keys
}

/// Where the walk is: the area, the records it is in, the key of the
/// value within the innermost one (dotted past nested objects), and the
/// cites in force.
#[derive(Clone)]
struct At {
    area: Area,
    records: Vec<Record>,
    field: String,
    cites: (Option<Cite>, Option<Cite>),
}

impl At {
    fn change(&self, old: Option<&Value>, new: Option<&Value>, field: bool) -> Change {
        Change {
            area: self.area,
            records: self.records.clone(),
            field: field.then(|| self.field.clone()),
            old: old.cloned(),
            new: new.cloned(),
            old_cite: self.cites.0.clone(),
            new_cite: self.cites.1.clone(),
        }
    }

    fn key(&self, key: &str) -> At {
        let mut at = self.clone();
        at.field = if self.field.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.field)
        };
        // A condition of a tier is about eligibility, not the amount.
        if key == "conditions" {
            at.area = Area::Condition;
        }
        at
    }
}

fn cite_of(value: &Value) -> Option<Cite> {
    value
        .get("cite")
        .and_then(|c| serde_json::from_value(c.clone()).ok())
}

/// Records `old` → `new` into `out` at `at`.
fn walk(old: &Value, new: &Value, at: &At, out: &mut Vec<Change>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) if !is_text(a) && !is_text(b) => {
            let mut inner = at.clone();
            // A record's own cite is in force within it.
            if a.contains_key("cite") || b.contains_key("cite") {
                inner.cites = (cite_of(old), cite_of(new));
            }
            let mut changed = false;
            let before = out.len();
            for key in keys(a, b) {
                if key == "cite" {
                    continue;
                }
                let null = Value::Null;
                let (x, y) = (a.get(key).unwrap_or(&null), b.get(key).unwrap_or(&null));
                walk(x, y, &inner.key(key), out);
                changed |= out.len() > before;
            }
            // Only the cite changed: the record now rests on another passage.
            if !changed && a.get("cite") != b.get("cite") {
                let mut cited = inner.key("cite");
                cited.area = Area::Source;
                out.push(cited.change(a.get("cite"), b.get("cite"), true));
            }
        }
        (Value::Array(a), Value::Array(b)) if is_records(a) && is_records(b) => {
            records(a, b, at, out);
        }
        _ => out.push(at.change(Some(old), Some(new), true)),
    }
}

/// Words in both languages (`{ ja, en }`): one value, not a record.
fn is_text(object: &Map<String, Value>) -> bool {
    object.len() == 2 && object.contains_key("ja") && object.contains_key("en")
}

/// A list of records (objects), not of plain values; an empty list is either.
fn is_records(list: &[Value]) -> bool {
    list.iter().all(Value::is_object)
}

/// The name of each record of list `list`: what names it, numbered `#2`,
/// `#3` … where several share it; a record with no name is numbered from
/// `#1`.
fn names(list: &str, records: &[Value]) -> Vec<String> {
    let bare: Vec<String> = records.iter().map(|r| name_of(list, r)).collect();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    bare.iter()
        .map(|name| {
            let n = match seen.iter_mut().find(|(s, _)| *s == name) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((name, 1));
                    1
                }
            };
            if n == 1 && !name.is_empty() {
                name.clone()
            } else {
                format!("{name}#{n}")
            }
        })
        .collect()
}

/// What names a record of list `list`, before numbering.
fn name_of(list: &str, record: &Value) -> String {
    let text = |key: &str| record.get(key).and_then(Value::as_str).map(str::to_string);
    let joined = |key: &str| {
        record.get(key).map(|v| match v {
            Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join("+"),
            other => other
                .as_str()
                .map_or_else(|| other.to_string(), str::to_string),
        })
    };
    let last = list.rsplit('.').next().unwrap_or(list);
    match last {
        "relations" => match text("program") {
            Some(program) => format!("{}:{program}", text("kind").unwrap_or_default()),
            None => text("kind").unwrap_or_default(),
        },
        // A round is named by its label (第2次申請締切): round 1 removed
        // is not round 2 moved into its place.
        "dates" => {
            let kind = text("kind").unwrap_or_default();
            match record.pointer("/label/ja").and_then(Value::as_str) {
                Some(label) => format!("{kind}:{label}"),
                None => kind,
            }
        }
        "links" => text("url").unwrap_or_default(),
        "not_covered" => text("facility").unwrap_or_default(),
        "sme_limits" | "group_caps" => joined("facilities")
            .or_else(|| joined("parts"))
            .unwrap_or_default(),
        "rate_when" => text("flag").unwrap_or_default(),
        _ => text("id").or_else(|| text("key")).unwrap_or_default(),
    }
}

/// A record's family: what pairs records of one list whose names differ.
/// A date's kind (a round relabelled is still a deadline); for any other
/// record its name, before numbering.
fn family_of(list: &str, record: &Value) -> String {
    match list.rsplit('.').next() {
        Some("dates") => record
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        _ => name_of(list, record),
    }
}

/// The words of a record: its label, name or text.
fn label_of(record: &Value) -> Option<Text> {
    ["label", "name", "text"]
        .iter()
        .find_map(|key| serde_json::from_value(record.get(*key)?.clone()).ok())
}

/// A date's kind in words (申請期限); `None` for a record of another list.
fn kind_of(list: &str, record: &Value) -> Option<Text> {
    if list.rsplit('.').next() != Some("dates") {
        return None;
    }
    let kind: DateKind = serde_json::from_value(record.get("kind")?.clone()).ok()?;
    Some(Text {
        ja: kind.label(Lang::Ja).to_string(),
        en: kind.label(Lang::En).to_string(),
    })
}

/// Lists of records `old` → `new`: paired by name (equal records of one
/// name first, then the rest in order), then, of those left, by family
/// and date (a round relabelled, its date kept), then the only one of a
/// family left on each side; each record of one side alone is added or
/// removed, whole.
fn records(old: &[Value], new: &[Value], at: &At, out: &mut Vec<Change>) {
    let list = at.field.clone();
    let (old_names, new_names) = (names(&list, old), names(&list, new));
    // The names before numbering, and the families.
    let each = |values: &[Value], of: fn(&str, &Value) -> String| -> Vec<String> {
        values.iter().map(|v| of(&list, v)).collect()
    };
    let (old_bare, new_bare) = (each(old, name_of), each(new, name_of));
    let (old_family, new_family) = (each(old, family_of), each(new, family_of));
    let mut pairing = Pairing {
        pairs: Vec::new(),
        old_used: vec![false; old.len()],
        new_used: vec![false; new.len()],
    };
    // Same name and equal; then same name, in order.
    pairing.pass(|i, j| old_bare[i] == new_bare[j] && old[i] == new[j]);
    pairing.pass(|i, j| old_bare[i] == new_bare[j]);
    // A relabelled record of the same family and date.
    pairing.pass(|i, j| {
        old_family[i] == new_family[j]
            && old[i].get("date").is_some()
            && old[i].get("date") == new[j].get("date")
    });
    // The only one of its family left on each side.
    let left = |family: &[String], used: &[bool], of: &str| -> Vec<usize> {
        (0..family.len())
            .filter(|&k| !used[k] && family[k] == of)
            .collect()
    };
    for i in 0..old.len() {
        let of = &old_family[i];
        if let ([_], [j]) = (
            &left(&old_family, &pairing.old_used, of)[..],
            &left(&new_family, &pairing.new_used, of)[..],
        ) && !pairing.old_used[i]
        {
            pairing.pair(i, *j);
        }
    }
    let Pairing {
        mut pairs,
        old_used,
        new_used,
    } = pairing;
    let record = |values: &[Value], names: &[String], i: usize| Record {
        list: list.clone(),
        id: names[i].clone(),
        label: label_of(&values[i]),
        kind: kind_of(&list, &values[i]),
    };
    // A record's own cites; one without (an item of a tier) is cited by
    // the record it is in.
    let within = |record: Record, old: Option<&Value>, new: Option<&Value>| {
        let mut inner = at.clone();
        inner.records.push(record);
        inner.field = String::new();
        let own = |v: Option<&Value>| v.is_some_and(|v| v.get("cite").is_some());
        if own(old) || own(new) {
            inner.cites = (old.and_then(cite_of), new.and_then(cite_of));
        }
        inner
    };
    for (i, used) in old_used.iter().enumerate() {
        if !used {
            let inner = within(record(old, &old_names, i), Some(&old[i]), None);
            out.push(inner.change(Some(&old[i]), None, false));
        }
    }
    pairs.sort_by_key(|&(_, j)| j);
    let mut next_pair = pairs.iter().peekable();
    for (j, used) in new_used.iter().enumerate() {
        if *used {
            if let Some(&(i, _)) = next_pair.next_if(|(_, pj)| *pj == j) {
                let mut named = record(new, &new_names, j);
                named.label = named.label.or_else(|| label_of(&old[i]));
                let inner = within(named, Some(&old[i]), Some(&new[j]));
                walk(&old[i], &new[j], &inner, out);
            }
        } else {
            let inner = within(record(new, &new_names, j), None, Some(&new[j]));
            out.push(inner.change(None, Some(&new[j]), false));
        }
    }
}

/// The records of two lists paired so far: (old index, new index), and
/// which of each side are.
struct Pairing {
    pairs: Vec<(usize, usize)>,
    old_used: Vec<bool>,
    new_used: Vec<bool>,
}

impl Pairing {
    fn pair(&mut self, i: usize, j: usize) {
        self.pairs.push((i, j));
        self.old_used[i] = true;
        self.new_used[j] = true;
    }

    /// Pairs each record of the old side left with the first of the new
    /// side left that `fits` it.
    fn pass(&mut self, fits: impl Fn(usize, usize) -> bool) {
        for i in 0..self.old_used.len() {
            if self.old_used[i] {
                continue;
            }
            if let Some(j) = (0..self.new_used.len()).find(|&j| !self.new_used[j] && fits(i, j)) {
                self.pair(i, j);
            }
        }
    }
}
