//! Compiles the catalogue in `data/` into the binary (the default catalogue).
//!
//! Each file is embedded twice: as its TOML text (what `check`, the receipt
//! and any error message quote) and as JSON, which loads several times
//! faster than TOML. The receipt (the data's version and SHA-256) is
//! computed here, so that `--version` and every result name the data without
//! reading it at start. A file that does not parse here is embedded without
//! JSON: loading then parses its TOML and reports the fault at its line.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use sha2::{Digest as _, Sha256};

/// Must match `catalogue::REGISTRY_FILE`.
const REGISTRY_FILE: &str = "sources.toml";

fn main() {
    println!("cargo:rerun-if-changed=data");
    let data = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    let mut names: Vec<String> = fs::read_dir(&data)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    let mut code = String::from("pub static FILES: &[File] = &[\n");
    let mut facts: Vec<String> = Vec::new();
    let mut hash = Sha256::new();
    let mut newest: Option<String> = None;
    for name in &names {
        println!("cargo:rerun-if-changed=data/{name}");
        let path = data.join(name);
        let text = fs::read_to_string(&path).unwrap();
        // As catalogue::receipt: name, NUL, text, NUL, in name order.
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
        let value = toml::from_str::<toml::Value>(&text).ok();
        let id = value
            .as_ref()
            .and_then(|v| v.get("id")?.as_str().map(str::to_string));
        if let Some(value) = &value {
            facts.extend(facts_of(value));
        }
        let json = value.and_then(|value| serde_json::to_string(&to_json(value)?).ok());
        if name == REGISTRY_FILE {
            newest = newest_date(&text);
        }
        let compiled = match json {
            Some(json) => {
                let file = out.join(format!("{name}.json"));
                fs::write(&file, json).unwrap();
                format!("Some(include_str!({:?}))", file.display().to_string())
            }
            None => "None".to_string(),
        };
        let id = match id.filter(|_| name != REGISTRY_FILE) {
            Some(id) => format!("Some({id:?})"),
            None => "None".to_string(),
        };
        writeln!(
            code,
            "    File {{ name: {name:?}, id: {id}, text: include_str!({:?}), json: {compiled} }},",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    writeln!(code, "pub static SHA256: &str = {digest:?};").unwrap();
    facts.sort();
    facts.dedup();
    writeln!(code, "pub static FACTS: &[&str] = &{facts:?};").unwrap();
    writeln!(
        code,
        "pub static VERSION: Option<&str> = {};",
        newest.map_or("None".to_string(), |d| format!("Some({d:?})"))
    )
    .unwrap();
    fs::write(out.join("embedded_catalogue.rs"), code).unwrap();
}

/// TOML as JSON; `None` for a TOML date-time, which the catalogue does not
/// use (its dates are strings): that file then loads from its TOML.
fn to_json(value: toml::Value) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    Some(match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(_) => return None,
        toml::Value::Array(items) => {
            J::Array(items.into_iter().map(to_json).collect::<Option<Vec<_>>>()?)
        }
        toml::Value::Table(table) => J::Object(
            table
                .into_iter()
                .map(|(k, v)| Some((k, to_json(v)?)))
                .collect::<Option<serde_json::Map<_, _>>>()?,
        ),
    })
}

/// The fact ids a program asks: in its conditions and its tiers' conditions
/// (as `Catalogue::facts`).
fn facts_of(program: &toml::Value) -> Vec<String> {
    let conditions = |v: &toml::Value| -> Vec<String> {
        v.get("conditions")
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("fact")?.as_str().map(str::to_string))
            .collect()
    };
    let tiers = program
        .get("tiers")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten();
    conditions(program)
        .into_iter()
        .chain(tiers.flat_map(conditions))
        .collect()
}

/// The newest `date` of the registry's documents: the data's version.
fn newest_date(text: &str) -> Option<String> {
    let value: toml::Value = toml::from_str(text).ok()?;
    value
        .get("documents")?
        .as_array()?
        .iter()
        .filter_map(|d| d.get("date")?.as_str().map(str::to_string))
        .max()
}
