//! JSONL output: one JSON object a line, the input row kept whole under
//! `input` and the results as codes (ids, not labels) and integer yen.

use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::Value;

use super::{ByteRows, Outcome};
use crate::batch::Shape;
use crate::batch::read::Row;
use crate::core::catalogue::Catalogue;

/// What every JSONL line ends with, so a line says what it rests on:
/// `as_of`, `catalogue_version`, `catalogue_sha256`, the data's age on the
/// as-of date (`catalogue_age_days`, `catalogue_stale`), and with
/// extensions `catalogue_extensions` (each one's name, version and SHA-256).
pub(super) fn trace(catalogue: &Catalogue, as_of: NaiveDate) -> Arc<[(&'static str, Value)]> {
    let receipt = catalogue.receipt();
    // The data's age on the as-of date, as every JSON output gives it
    // (null where the version is no date).
    let age = receipt.age(as_of);
    let mut trace = vec![
        ("as_of", Value::from(as_of.to_string())),
        ("catalogue_version", Value::from(receipt.version.clone())),
        ("catalogue_sha256", Value::from(receipt.sha256.clone())),
        ("catalogue_age_days", Value::from(age.map(|age| age.days))),
        ("catalogue_stale", Value::from(age.map(|age| age.stale))),
    ];
    // The extensions over the rule data, where there are any.
    if !receipt.extensions.is_empty() {
        let layers = receipt.extensions.iter().map(|layer| {
            serde_json::json!({
                "name": layer.name,
                "version": layer.version,
                "sha256": layer.sha256,
            })
        });
        trace.push(("catalogue_extensions", Value::Array(layers.collect())));
    }
    Arc::from(trace)
}

impl ByteRows<'_> {
    /// `{"row":…,"input":{…},"program":…,…}`: the input row kept whole under
    /// `input` (a JSONL line as written, every value as its original text),
    /// so no input key can clash with a result.
    pub(super) fn write_json(&mut self, row: Row<'_>, outcome: &Outcome<'_>) {
        let out = &mut self.out;
        out.extend_from_slice(b"{\"row\":");
        out.extend_from_slice(itoa::Buffer::new().format(row.line).as_bytes());
        out.extend_from_slice(b",\"input\":");
        if let Some(cells) = row.csv_cells() {
            out.push(b'{');
            for (i, (name, cell)) in self.layout.names.iter().zip(cells).enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_string(out, name);
                out.push(b':');
                json_string(out, cell);
            }
            out.push(b'}');
        } else if let Some(line) = row.json_line() {
            out.extend_from_slice(line.as_bytes());
        } else {
            match row.not_json().flatten() {
                Some(text) => json_string(out, text),
                None => out.extend_from_slice(b"null"),
            }
        }
        let fields = match self.layout.shape {
            Shape::Long => vec![
                ("program", text(outcome.program)),
                ("program_name", text(outcome.program_name)),
                ("extension", text(outcome.extension)),
                ("variant", text(outcome.variant)),
                ("variant_name", text(outcome.variant_name)),
                ("tier_id", text(outcome.tier_id)),
                ("tier", text(outcome.tier)),
                ("one_of", text(outcome.one_of)),
                (
                    "eligibility",
                    text(outcome.eligibility.map_or("", |e| e.id())),
                ),
                (
                    "cost_used",
                    outcome.cost_used.map_or(Value::Null, Value::from),
                ),
                ("grant", outcome.grant.map_or(Value::Null, Value::from)),
                (
                    "recommended",
                    outcome.recommended.map_or(Value::Null, Value::from),
                ),
                (
                    "self_burden",
                    outcome.self_burden.map_or(Value::Null, Value::from),
                ),
                ("status", text(outcome.window.map_or("", |w| w.id()))),
                ("deadline", date(outcome.window.and_then(|w| w.deadline()))),
                ("to_confirm", text(outcome.to_confirm)),
                ("note", text(outcome.note)),
                ("error", text(outcome.error)),
            ],
            Shape::Summary => vec![
                (
                    "cost_used",
                    outcome.cost_used.map_or(Value::Null, Value::from),
                ),
                (
                    "grants",
                    Value::Object(
                        self.layout
                            .programs
                            .iter()
                            .enumerate()
                            .map(|(i, id)| {
                                let grant = outcome.grants.get(i).copied().flatten();
                                (id.clone(), grant.map_or(Value::Null, Value::from))
                            })
                            .collect(),
                    ),
                ),
                (
                    "recommended_total",
                    outcome.recommended_total.map_or(Value::Null, Value::from),
                ),
                ("best_program", text(outcome.best.map_or("", |(id, _)| id))),
                (
                    "best_program_name",
                    text(outcome.best.map_or("", |(_, name)| name)),
                ),
                (
                    "best_grant",
                    outcome.best_grant.map_or(Value::Null, Value::from),
                ),
                ("nearest_deadline", date(outcome.nearest)),
                (
                    "days_left",
                    outcome.days_left.map_or(Value::Null, Value::from),
                ),
                ("to_confirm", text(outcome.to_confirm)),
                ("note", text(outcome.note)),
                ("error", text(outcome.error)),
            ],
        };
        for (key, value) in fields
            .iter()
            .map(|(k, v)| (*k, v))
            .chain(self.trace.iter().map(|(k, v)| (*k, v)))
        {
            out.push(b',');
            json_string(out, key);
            out.push(b':');
            // Writing a Value into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, value);
        }
        out.extend_from_slice(b"}\n");
    }
}

fn date(date: Option<NaiveDate>) -> Value {
    date.map_or(Value::Null, |d| d.to_string().into())
}

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        Value::String(s.to_string())
    }
}

/// A JSON string, escaped.
fn json_string(out: &mut Vec<u8>, s: &str) {
    // Writing a &str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}
