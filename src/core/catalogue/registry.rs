//! The source documents (`data/sources.toml`), the programs named without a
//! rate table (`data/discovery.toml`), and the receipt that names a catalogue.

use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One source document, described once in `data/sources.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Short id every citation uses, e.g. `"003"`.
    pub id: String,
    /// The file name of its text in `shared/seeds/`, e.g. `003_25571b803a93ed1a.txt`.
    pub file: String,
    pub title: String,
    pub publisher: String,
    /// The date of the document (時点 or 発出日).
    pub date: NaiveDate,
    /// Which document wins where two disagree.
    pub rank: Rank,
    /// SHA-256 of the file, in lower-case hex: `check --sources` verifies it.
    pub sha256: String,
    /// What a reader should know about the document as a whole.
    pub note: Option<String>,
}

/// How far a document is trusted where two disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rank {
    Lowest,
    LowMedium,
    High,
}

impl Rank {
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::template(
            lang,
            match self {
                Rank::High => Key::RankHigh,
                Rank::LowMedium => Key::RankLowMedium,
                Rank::Lowest => Key::RankLowest,
            },
        )
    }
}

/// `data/sources.toml`: every document the catalogue cites.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub documents: Vec<Document>,
}

/// The file name of the document registry in a catalogue directory.
pub const REGISTRY_FILE: &str = "sources.toml";

/// The file name of the programs named without a rate table.
pub const DISCOVERY_FILE: &str = "discovery.toml";

/// A program the sources name without a rate table: shown by `list` and
/// `plan` so that a facility knows of it; no amount is ever computed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discovery {
    pub id: String,
    pub name: Text,
    /// Who runs it, as the sources say (or that they do not).
    pub authority: Text,
    /// What it pays for.
    pub funds: Text,
    /// The headline figures the sources give, where they give any.
    pub figures: Option<Text>,
    pub cite: Cite,
    /// The registry entry of `cite.source`: filled in on loading.
    #[serde(skip)]
    pub document: Option<Document>,
}

/// `data/discovery.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discoveries {
    pub entries: Vec<Discovery>,
}

/// A document a program draws on: its id in the registry, and the part of
/// it about this program (`No.12`, `別添1 …`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub id: String,
    pub part: Option<String>,
}

impl SourceRef {
    /// `福岡県「…一覧」 No.12`: the document's title and the part about the program.
    pub fn heading(&self, document: &Document) -> String {
        match &self.part {
            Some(part) => format!("{} {part}", document.title),
            None => document.title.clone(),
        }
    }
}

/// One of the program's own pages (information, guidelines), as a source prints it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: String,
    pub cite: Cite,
    /// How the address differs from what the source prints, if it does.
    pub note: Option<String>,
}

/// The registry in `text`; each id once.
pub fn parse_registry(file: &str, text: &str) -> Result<Registry, CatalogueError> {
    checked_registry(file, from_toml(file, text)?)
}

pub(crate) fn checked_registry(file: &str, registry: Registry) -> Result<Registry, CatalogueError> {
    for (i, document) in registry.documents.iter().enumerate() {
        if registry.documents[..i].iter().any(|d| d.id == document.id) {
            return Err(CatalogueError::invalid(
                file,
                said(
                    Key::DataDocumentTwice,
                    &[("id", &format!("{:?}", document.id))],
                ),
            ));
        }
    }
    Ok(registry)
}

/// The registry compiled into the binary.
pub fn embedded_registry() -> Result<Registry, CatalogueError> {
    // A build from a data/ without one: refused, naming the file, never a panic.
    let Some(file) = embedded::FILES.iter().find(|f| is_registry(f.name)) else {
        return Err(CatalogueError::invalid(
            REGISTRY_FILE,
            said(Key::DataNoRegistry, &[("file", &REGISTRY_FILE)]),
        ));
    };
    checked_registry(file.name, file.compiled().decode()?)
}

/// The receipt of the embedded catalogue, computed when it was built: no
/// need to read the data to name it (`--version`).
pub fn embedded_receipt() -> Receipt {
    Receipt {
        version: embedded::VERSION.unwrap_or("unknown").to_string(),
        sha256: embedded::SHA256.to_string(),
        files: embedded::FILES.len(),
        dir: None,
        extensions: Vec::new(),
    }
}

/// Fills in `program.documents` from the registry: every source must be there.
pub(crate) fn resolve_documents(program: &mut Program, registry: &Registry) -> Result<(), Said> {
    let mut documents = Vec::with_capacity(program.sources.len());
    for source in &program.sources {
        match registry.documents.iter().find(|d| d.id == source.id) {
            Some(document) => documents.push(document.clone()),
            None => {
                return Err(in_program(
                    program,
                    &said(
                        Key::DataUnknownDocument,
                        &[("id", &format!("{:?}", source.id))],
                    ),
                ));
            }
        }
    }
    program.documents = documents;
    Ok(())
}

/// The date of the newest document the programs draw on: the data's version.
pub(crate) fn newest_document(programs: &[Program]) -> Option<NaiveDate> {
    programs
        .iter()
        .flat_map(|p| p.documents.iter().map(|d| d.date))
        .max()
}

/// Which exact rule data produced a result: the first layer (the
/// built-in catalogue, or `--data DIR`) and each extension laid over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// The date of the newest document the catalogue cites.
    pub version: String,
    /// SHA-256 over every file (name and content), in name order.
    pub sha256: String,
    pub files: usize,
    /// The directory the first layer was read from; `None`: built in.
    #[serde(skip)]
    pub dir: Option<String>,
    /// The extensions over it, lowest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<LayerReceipt>,
}

impl Receipt {
    /// Every layer, lowest first: the first (named [`BUILTIN_LAYER`], or
    /// [`DATA_LAYER`] when read from a directory), then each extension.
    pub fn layers(&self) -> Vec<LayerReceipt> {
        let first = LayerReceipt {
            name: match self.dir {
                None => BUILTIN_LAYER,
                Some(_) => DATA_LAYER,
            }
            .to_string(),
            version: self.version.clone(),
            sha256: self.sha256.clone(),
            files: self.files,
            dir: self.dir.clone(),
        };
        std::iter::once(first)
            .chain(self.extensions.iter().cloned())
            .collect()
    }
}

/// The name of the first layer in a receipt when it is built in.
pub const BUILTIN_LAYER: &str = "builtin";

/// The name of the first layer in a receipt when it was read from a directory.
pub const DATA_LAYER: &str = "data";

/// One layer of a catalogue, as a receipt names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerReceipt {
    /// An extension's name (its `extension.toml`); [`BUILTIN_LAYER`] or
    /// [`DATA_LAYER`] for the first layer.
    pub name: String,
    /// An extension's version as it states it; the first layer's is the
    /// date of its newest document.
    pub version: String,
    /// SHA-256 over the layer's files (name and content), in name order.
    pub sha256: String,
    pub files: usize,
    /// The directory it was read from; `None`: built in.
    pub dir: Option<String>,
}

/// The receipt of a set of catalogue files.
pub fn receipt(files: &[(String, String)], newest_document: Option<NaiveDate>) -> Receipt {
    use sha2::{Digest as _, Sha256};
    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort();
    let mut hash = Sha256::new();
    for (name, text) in sorted {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        hash.update(base.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
    }
    let digest = hash.finalize();
    Receipt {
        version: newest_document.map_or_else(|| "unknown".to_string(), |d| d.to_string()),
        sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        files: files.len(),
        dir: None,
        extensions: Vec::new(),
    }
}
