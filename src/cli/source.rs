//! `subsidy source add FILE --dir DIR`: records a document in
//! `DIR/sources.toml` with its SHA-256, appended after what the file holds
//! (its comments and order kept, byte for byte). What is not given
//! (`--title`, `--publisher`, `--date`, `--rank`) is left as the
//! skeleton's blank, which `check` then lists and loading refuses.
//!
//! Refused: a directory that is not there, a file that is not UTF-8 text
//! in a `.txt` (what `check --sources` reads), an id or a file (or the same
//! text) already recorded, an extension's id that a layer below has.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use super::args::{RankArg, SourceAddArgs};
use super::layers::Layers;
use super::{CliError, fail, note_text, stderr_width, to_stderr};
use crate::Lang;
use crate::core::catalogue::{BLANK, EXTENSION_FILE, REGISTRY_FILE, is_kebab, registry_head};
use crate::i18n::{self, Key};
use crate::input::text::shown;

/// The largest document read. Our own bound: the notices and lists the
/// catalogue cites are tens of kilobytes.
const MAX_DOCUMENT_BYTES: u64 = 16 << 20;

impl RankArg {
    fn id(self) -> &'static str {
        match self {
            RankArg::High => "high",
            RankArg::LowMedium => "low-medium",
            RankArg::Lowest => "lowest",
        }
    }
}

pub fn add(layers: &Layers, args: SourceAddArgs, lang: Lang) -> ExitCode {
    match record(layers, &args, lang) {
        Ok(note) => {
            to_stderr(&note_text(&note, stderr_width()));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}

/// Records the document and returns the line that says so.
fn record(layers: &Layers, args: &SourceAddArgs, lang: Lang) -> Result<String, CliError> {
    let usage = |key, values: &[(&str, &dyn std::fmt::Display)]| {
        CliError::Usage(i18n::text(lang, key, values))
    };
    let dir = args.dir.as_path();
    if !dir.is_dir() {
        return Err(usage(Key::SourceNoDir, &[("dir", &dir.display())]));
    }
    let path = args.file.as_path();
    let shown_path = path.display();
    if path.extension().is_none_or(|e| e != "txt") {
        return Err(usage(Key::SourceNotTxt, &[("file", &shown_path)]));
    }
    let bytes = read_document(path, lang)?;
    if std::str::from_utf8(&bytes).is_err() {
        return Err(usage(Key::SourceNotUtf8, &[("file", &shown_path)]));
    }
    let sha256 = {
        use sha2::{Digest as _, Sha256};
        let digest = Sha256::digest(&bytes);
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = match &args.id {
        Some(id) if is_kebab(id) => id.clone(),
        Some(id) => return Err(usage(Key::SourceBadId, &[("id", &shown(id))])),
        None => {
            let stem = name.strip_suffix(".txt").unwrap_or(&name);
            if !is_kebab(stem) {
                return Err(usage(Key::SourceNoId, &[("file", &shown(&name))]));
            }
            stem.to_string()
        }
    };
    let registry = dir.join(REGISTRY_FILE);
    let shown_registry = registry.display();
    let existing = match std::fs::read_to_string(&registry) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(CliError::CannotRead {
                path: registry.clone(),
                reason: e,
            });
        }
    };
    if let Some(existing) = &existing {
        let table = toml_table(&registry, existing, lang)?;
        let documents = table.get("documents").and_then(toml::Value::as_array);
        for document in documents.into_iter().flatten() {
            let field = |key: &str| document.get(key).and_then(toml::Value::as_str);
            if field("id") == Some(&id) {
                return Err(usage(
                    Key::SourceIdTaken,
                    &[("id", &id), ("registry", &shown_registry)],
                ));
            }
            if field("file") == Some(&name) || field("sha256") == Some(&sha256) {
                let other = field("id").unwrap_or_default();
                return Err(usage(
                    Key::SourceFileRecorded,
                    &[
                        ("file", &shown(&name)),
                        ("id", &other),
                        ("registry", &shown_registry),
                    ],
                ));
            }
        }
    }
    // An extension's documents take no id a layer below has.
    if dir.join(EXTENSION_FILE).is_file() {
        let below = layers.first()?;
        if let Some((file, _)) = below.documents().find(|(_, d)| d.id == id) {
            return Err(usage(Key::SourceIdBelow, &[("id", &id), ("lower", &file)]));
        }
    }
    let value = |text: &str| toml::Value::String(text.to_string()).to_string();
    let mut unfilled = Vec::new();
    let mut given = |key: &'static str, value: Option<String>| match value {
        Some(value) => value,
        None => {
            unfilled.push(key);
            toml::Value::String(BLANK.to_string()).to_string()
        }
    };
    let mut entry = String::from("[[documents]]\n");
    entry.push_str(&format!("id = {}\n", value(&id)));
    entry.push_str(&format!("file = {}\n", value(&name)));
    let title = given("title", args.title.as_deref().map(value));
    entry.push_str(&format!("title = {title}\n"));
    let publisher = given("publisher", args.publisher.as_deref().map(value));
    entry.push_str(&format!("publisher = {publisher}\n"));
    let date = given("date", args.date.map(|d| value(&d.to_string())));
    entry.push_str(&format!("date = {date}\n"));
    let rank = given("rank", args.rank.map(|r| value(r.id())));
    entry.push_str(&format!("rank = {rank}\n"));
    entry.push_str(&format!("sha256 = {}\n", value(&sha256)));
    if let Some(note) = &args.note {
        entry.push_str(&format!("note = {}\n", value(note)));
    }
    let mut text = match existing {
        Some(mut text) => {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text
        }
        None => super::profile::fit_comments(&registry_head(lang), 80),
    };
    text.push('\n');
    text.push_str(&entry);
    replace(&registry, text.as_bytes(), lang)?;
    let mut note = i18n::text(
        lang,
        Key::SourceAdded,
        &[
            ("id", &id),
            ("file", &shown(&name)),
            ("registry", &shown_registry),
            ("sha256", &sha256),
        ],
    );
    if !unfilled.is_empty() {
        note.push_str(&i18n::text(
            lang,
            Key::SourceAddedUnfilled,
            &[
                ("fields", &unfilled.join(", ")),
                ("registry", &shown_registry),
            ],
        ));
    }
    Ok(note)
}

/// The document's bytes: a regular file of at most [`MAX_DOCUMENT_BYTES`].
fn read_document(path: &Path, lang: Lang) -> Result<Vec<u8>, CliError> {
    let cannot = |e: std::io::Error| CliError::CannotRead {
        path: path.to_path_buf(),
        reason: e,
    };
    let too_large = || {
        CliError::Usage(i18n::text(
            lang,
            Key::SourceTooLarge,
            &[("file", &path.display()), ("max", &MAX_DOCUMENT_BYTES)],
        ))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let metadata = file.metadata().map_err(cannot)?;
    if !metadata.is_file() || metadata.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `text` (of `file`) as a TOML table, or the line it fails at.
pub(super) fn toml_table(file: &Path, text: &str, lang: Lang) -> Result<toml::Table, CliError> {
    toml::from_str::<toml::Table>(text).map_err(|e| {
        let start = e.span().map_or(0, |span| span.start);
        let (line, _, _) = crate::core::diagnostics::position(text, start);
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        CliError::Usage(i18n::text(
            lang,
            Key::TomlAt,
            &[
                ("file", &file.display()),
                ("line", &line),
                ("message", &shown(&message)),
            ],
        ))
    })
}

/// `path` replaced by `bytes` whole, or left as it was: written beside it,
/// then renamed over it.
pub(super) fn replace(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), CliError> {
    let cannot = |e: std::io::Error| CliError::CannotWrite {
        path: path.to_path_buf(),
        reason: Some(i18n::io_reason(lang, &e)),
    };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".subsidy-").suffix(".tmp");
    // Created as File::create would (0666 less the umask), not 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder
        .tempfile_in(dir.unwrap_or(Path::new(".")))
        .map_err(cannot)?;
    // A replaced file keeps its mode.
    if let Ok(meta) = std::fs::metadata(path) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(cannot)?;
    }
    temp.write_all(bytes)
        .and_then(|()| temp.flush())
        .map_err(cannot)?;
    temp.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}
