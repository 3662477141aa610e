//! The rule catalogue: one TOML file per program under `data/`, every figure
//! with the source it comes from.
//!
//! Parsing is pure (text in, structs out); reading a directory lives in
//! [`crate::core::catalogue::read_dir`], the one place here that touches the disk.

mod text;
pub use text::*;
mod registry;
pub use registry::*;
mod age;
pub use age::*;
mod program;
pub use program::*;
mod tier;
pub use tier::*;
mod rule;
pub use rule::*;
mod entity;
pub use entity::*;
mod files;
pub use files::*;
pub mod bundle;
mod layers;
pub use layers::*;
mod skeleton;
pub use skeleton::*;
pub(crate) mod rules;
pub(crate) use rules::*;
#[cfg(test)]
mod tests;

use crate::core::diagnostics::{Said, said};

use crate::core::money::Yen;

use crate::core::rate::Rate;

use crate::i18n::{self, Key};

pub use crate::i18n::Lang;

/// Every program, in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    programs: Vec<Program>,
    /// Programs named without a rate table (not in a part of the catalogue).
    discovery: Vec<Discovery>,
    receipt: Receipt,
    /// For a part of the embedded catalogue: the facts of all of it.
    every_fact: Option<&'static [&'static str]>,
    /// Every document of every layer's registry, with the file that lists
    /// it: an extension's programs may cite them, and may not reuse an id.
    documents: Vec<(String, Document)>,
}

/// A catalogue that could not be loaded: which file, and what is wrong.
/// Shown with [`CatalogueError::message`]; as `Display`, in English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum CatalogueError {
    Invalid {
        file: String,
        message: Said,
    },
    /// A fault at a known place: the TOML, the schema, or a figure out of bounds.
    Located {
        file: String,
        line: usize,
        column: usize,
        message: Said,
    },
    /// A directory or file that could not be read, or is not a program file.
    Unreadable {
        path: String,
        message: Said,
    },
    Empty {
        dir: String,
    },
}

impl CatalogueError {
    /// A fault in `file`; values quoted in the message are clipped.
    fn invalid(file: &str, message: impl Into<Said>) -> CatalogueError {
        let message = message.into();
        CatalogueError::Invalid {
            file: file.to_string(),
            message: Said {
                en: crate::core::diagnostics::clip_message(&message.en),
                ja: crate::core::diagnostics::clip_message(&message.ja),
            },
        }
    }

    /// The message in `lang`, with the file (and line) it is about.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CatalogueError::Invalid { file, message } => format!("{file}: {}", message.get(lang)),
            CatalogueError::Located {
                file,
                line,
                column,
                message,
            } => format!("{file}:{line}:{column}: {}", message.get(lang)),
            CatalogueError::Unreadable { path, message } => {
                format!("{path}: {}", message.get(lang))
            }
            CatalogueError::Empty { dir } => i18n::text(lang, Key::DataEmpty, &[("dir", dir)]),
        }
    }
}

impl Catalogue {
    /// The catalogue compiled into the binary from `data/`: read from the
    /// JSON the build made of it, checked as any other, its receipt computed
    /// by the build.
    pub fn embedded() -> Result<Catalogue, CatalogueError> {
        let files: Vec<Compiled<'_>> = embedded::FILES
            .iter()
            .map(embedded::File::compiled)
            .collect();
        Catalogue::load(&files, |_| embedded_receipt())
    }

    /// Parses `(file name, TOML text)` pairs: one program per file, and the
    /// document registry [`REGISTRY_FILE`] (without one, the embedded registry).
    pub fn parse(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Catalogue, CatalogueError> {
        let files: Vec<(String, String)> = files.into_iter().collect();
        let compiled: Vec<Compiled<'_>> = files
            .iter()
            .map(|(name, text)| Compiled {
                name,
                text,
                json: None,
            })
            .collect();
        Catalogue::load(&compiled, |registry| {
            receipt(&files, registry.documents.iter().map(|d| d.date).max())
        })
    }

    fn load(
        files: &[Compiled<'_>],
        receipt: impl FnOnce(&Registry) -> Receipt,
    ) -> Result<Catalogue, CatalogueError> {
        // Skeletons not filled in yet: how many blanks in all (the built-in
        // files, compiled, hold none).
        refuse_blanks_in(
            (files.iter())
                .filter(|f| f.json.is_none())
                .map(|f| (f.name, f.text)),
        )?;
        let (registry_file, registry) = match files.iter().find(|f| is_registry(f.name)) {
            Some(file) => (
                file.name,
                file.decode::<Registry>()
                    .and_then(|r| checked_registry(file.name, r))?,
            ),
            None => (REGISTRY_FILE, embedded_registry()?),
        };
        let programs = files
            .iter()
            .filter(|f| is_program(f.name))
            .map(|file| file.program(&registry))
            .collect::<Result<Vec<_>, _>>()?;
        // Nothing lies below the first layer to replace.
        if let Some(program) = programs.iter().find(|p| p.replaces.is_some()) {
            return Err(CatalogueError::invalid(
                &program.file,
                said(Key::DataReplacesInBase, &[]),
            ));
        }
        let discovery = match files.iter().find(|f| is_discovery(f.name)) {
            Some(file) => file.discoveries(&registry, &programs)?,
            None => Vec::new(),
        };
        let mut catalogue =
            Catalogue::assemble(programs, receipt(&registry), None, registry_file, &registry)?;
        catalogue.discovery = discovery;
        Ok(catalogue)
    }

    /// The embedded catalogue with only the programs `ids` and those they
    /// refer to decoded and checked (`calc --program ID`: the rest costs
    /// nothing). `None` when an id is not a program of it.
    pub fn embedded_subset(ids: &[&str]) -> Option<Result<Catalogue, CatalogueError>> {
        let file_of = |id: &str| embedded::FILES.iter().find(|f| f.id == Some(id));
        let wanted: Vec<&embedded::File> =
            ids.iter().map(|id| file_of(id)).collect::<Option<_>>()?;
        Some(Catalogue::embedded_closure(wanted))
    }

    /// The embedded files `wanted`, and every program they name, decoded.
    fn embedded_closure(mut wanted: Vec<&embedded::File>) -> Result<Catalogue, CatalogueError> {
        let file_of = |id: &str| embedded::FILES.iter().find(|f| f.id == Some(id));
        let registry = embedded_registry()?;
        let mut programs: Vec<Program> = Vec::new();
        while let Some(file) = wanted.pop() {
            if programs.iter().any(|p| p.file == file.name) {
                continue;
            }
            let program = file.compiled().program(&registry)?;
            // The programs its relations and conditions name come too.
            let named = program
                .relations
                .iter()
                .filter_map(|r| r.program.as_deref())
                .chain(
                    program
                        .conditions
                        .iter()
                        .filter_map(|c| c.requires_program.as_deref()),
                );
            wanted.extend(named.filter_map(file_of));
            programs.push(program);
        }
        Catalogue::assemble(
            programs,
            embedded_receipt(),
            Some(embedded::FACTS),
            REGISTRY_FILE,
            &registry,
        )
    }

    /// Sorted, each id once, every reference resolved; `registry` (read
    /// from `registry_file`) is the documents they cite.
    fn assemble(
        mut programs: Vec<Program>,
        receipt: Receipt,
        facts: Option<&'static [&'static str]>,
        registry_file: &str,
        registry: &Registry,
    ) -> Result<Catalogue, CatalogueError> {
        check_assembled(&mut programs)?;
        Ok(Catalogue {
            programs,
            discovery: Vec::new(),
            receipt,
            every_fact: facts,
            documents: registry
                .documents
                .iter()
                .map(|d| (registry_file.to_string(), d.clone()))
                .collect(),
        })
    }

    /// Programs as they are, without the cross-checks (for `check`, which
    /// reports problems rather than refusing them).
    pub(crate) fn from_programs(mut programs: Vec<Program>) -> Catalogue {
        programs.sort_by(|a, b| a.id.cmp(&b.id));
        let version = newest_document(&programs);
        Catalogue {
            programs,
            discovery: Vec::new(),
            receipt: receipt(&[], version),
            every_fact: None,
            documents: Vec::new(),
        }
    }

    /// The version and SHA-256 of the rule data, for tracing a result to it.
    pub fn receipt(&self) -> &Receipt {
        &self.receipt
    }

    /// Names the file or directory the first layer was read from, in its
    /// receipt (an installed bundle, read from its bytes).
    pub fn set_dir(&mut self, dir: &str) {
        self.receipt.dir = Some(dir.to_string());
    }

    /// Every cost item any program names (`--item KEY=YEN`), with the first
    /// name it is given, in key order.
    pub fn items(&self) -> Vec<(&str, &Text)> {
        let mut items: Vec<(&str, &Text)> = Vec::new();
        for item in self.programs.iter().flat_map(|p| &p.items) {
            if !items.iter().any(|(key, _)| *key == item.key) {
                items.push((&item.key, &item.name));
            }
        }
        items.sort_by_key(|(key, _)| *key);
        items
    }

    /// Every fact id any program asks, with the first text that describes it.
    pub fn facts(&self) -> Vec<(&str, &Text)> {
        let mut facts: Vec<(&str, &Text)> = Vec::new();
        let conditions = self.programs.iter().flat_map(|p| {
            p.conditions
                .iter()
                .chain(p.tiers.iter().flat_map(|t| &t.conditions))
        });
        for condition in conditions {
            if let Some(fact) = condition.fact.as_deref()
                && !facts.iter().any(|(id, _)| *id == fact)
            {
                facts.push((fact, &condition.text));
            }
        }
        facts.sort_by_key(|(id, _)| *id);
        facts
    }

    /// Every fact id any program of the whole catalogue asks (also when
    /// only part of it is loaded), for checking `--fact ID`.
    pub fn fact_ids(&self) -> Vec<&str> {
        match self.every_fact {
            Some(facts) => facts.to_vec(),
            None => self.facts().into_iter().map(|(id, _)| id).collect(),
        }
    }

    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.programs.iter().map(|p| p.id.as_str())
    }

    /// The programs the sources name without a rate table.
    pub fn discovery(&self) -> &[Discovery] {
        &self.discovery
    }
}

/// A catalogue file: its TOML text and, when the build compiled it, its JSON.
pub(crate) struct Compiled<'a> {
    name: &'a str,
    text: &'a str,
    json: Option<&'a str>,
}

impl Compiled<'_> {
    /// The discovery entries in this file: each id once and not a program's,
    /// each citing a document of `registry`.
    fn discoveries(
        &self,
        registry: &Registry,
        programs: &[Program],
    ) -> Result<Vec<Discovery>, CatalogueError> {
        let mut entries = self.decode::<Discoveries>()?.entries;
        for i in 0..entries.len() {
            let id = &entries[i].id;
            let taken =
                entries[..i].iter().any(|e| e.id == *id) || programs.iter().any(|p| p.id == *id);
            if taken {
                return Err(CatalogueError::invalid(
                    self.name,
                    said(Key::DataDiscoveryIdTaken, &[("id", &format!("{id:?}"))]),
                ));
            }
            let source = &entries[i].cite.source;
            let document = registry.documents.iter().find(|d| d.id == *source);
            let Some(document) = document else {
                return Err(CatalogueError::invalid(
                    self.name,
                    said(Key::DataUnknownDocument, &[("id", &format!("{source:?}"))]),
                ));
            };
            entries[i].document = Some(document.clone());
        }
        Ok(entries)
    }

    /// The program in this file, refused unless it is within bounds, valid,
    /// and its documents are in `registry`.
    fn program(&self, registry: &Registry) -> Result<Program, CatalogueError> {
        let (file, text) = (self.name, self.text);
        // A file of the shape before rate rules: say where a key went.
        let mut program: Program = self.decode().map_err(|e| moved(file, text).unwrap_or(e))?;
        // Refused here, so that no later sum, product or loop meets them.
        let mut refused = crate::core::catalogue::rules::bounds::out_of_bounds(&program)
            .into_iter()
            .chain(crate::core::catalogue::rules::bounds::not_web_addresses(
                &program,
            ));
        if let Some(bound) = refused.next() {
            let (line, column) = bound.line_column(text);
            return Err(CatalogueError::Located {
                file: file.to_string(),
                line,
                column,
                message: Said {
                    en: crate::core::diagnostics::clip_message(&bound.message.en),
                    ja: crate::core::diagnostics::clip_message(&bound.message.ja),
                },
            });
        }
        if let Some(message) = refusal(&program) {
            return Err(CatalogueError::invalid(file, message));
        }
        resolve_documents(&mut program, registry)
            .map_err(|message| CatalogueError::invalid(file, message))?;
        program.file = file.to_string();
        Ok(program)
    }

    /// The file as `T`: from its JSON when there is one (several times
    /// faster), else, or should that fail, from its TOML, whose error names
    /// the line. Refused at a value left blank ([`BLANK`]).
    fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, CatalogueError> {
        // A skeleton not filled in yet: refused at its first blank.
        refuse_blanks(self.name, self.text)?;
        if let Some(value) = self.json.and_then(|json| serde_json::from_str(json).ok()) {
            return Ok(value);
        }
        from_toml(self.name, self.text)
    }
}

/// The first key of `text` that has moved since (a tier's rate, caps and
/// items, now in its rule), where it goes now, at its line.
fn moved(file: &str, text: &str) -> Option<CatalogueError> {
    let table = toml::de::DeTable::parse(text).ok()?;
    let fault = moved_fields(table.get_ref()).into_iter().next()?;
    let (line, column) = fault.line_column(text);
    Some(CatalogueError::Located {
        file: file.to_string(),
        line,
        column,
        message: Said {
            en: crate::core::diagnostics::clip_message(&fault.message.en),
            ja: crate::core::diagnostics::clip_message(&fault.message.ja),
        },
    })
}

/// A TOML file as `T`, or the place it fails.
fn from_toml<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogueError> {
    toml::from_str(text).map_err(|e| {
        let (line, column, _) =
            crate::core::diagnostics::position(text, e.span().unwrap_or(0..0).start);
        CatalogueError::Located {
            file: file.to_string(),
            line,
            column,
            message: crate::core::diagnostics::clip_message(&one_line(e.message())).into(),
        }
    })
}

fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c == '|' || c == '^' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `programs` sorted by id, refused where an id is used twice (naming
/// both files) or a program names one that is not there.
pub(crate) fn check_assembled(programs: &mut [Program]) -> Result<(), CatalogueError> {
    programs.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in programs.windows(2) {
        if let [a, b] = pair
            && a.id == b.id
        {
            return Err(CatalogueError::invalid(
                &b.file,
                said(
                    Key::DataIdTwice,
                    &[("id", &format!("{:?}", b.id)), ("first", &a.file)],
                ),
            ));
        }
    }
    // What each program names in the others exists.
    let by_id = |id: &str| {
        programs
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .ok()
            .map(|i| &programs[i])
    };
    for program in programs.iter() {
        if let Some(fault) = references(program, &by_id).first() {
            return Err(CatalogueError::invalid(
                &program.file,
                in_context(program, fault),
            ));
        }
    }
    Ok(())
}
