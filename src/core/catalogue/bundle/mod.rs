//! A catalogue bundle: one file that carries a catalogue (or an extension)
//! from the people who write it to the people who use it (`subsidy bundle`,
//! `subsidy update`, `--data FILE`).
//!
//! An uncompressed tar, flat: [`MANIFEST_FILE`] first (the format, the rule
//! data's version, the day it was bundled, and each file's name, size and
//! SHA-256), then the catalogue's `*.toml` files, in name order. Not the
//! source documents: a bundle carries rules, not the notices they cite.
//!
//! Reading is pure (bytes in, `(name, text)` pairs out) and trusts nothing
//! in the bytes: only regular files with plain names (no `/`, no `..`, no
//! absolute path; no links, directories or devices), each of at most
//! [`MAX_FILE_BYTES`], [`MAX_BUNDLE_BYTES`] in all; every file the manifest
//! lists, of its size and SHA-256, and nothing else. Nothing is written
//! anywhere: the files come back as text, for [`Catalogue::parse`].
//!
//! [`signature`] verifies the minisign signature a release carries beside it.

pub mod signature;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::{MAX_CATALOGUE_BYTES, MAX_FILE_BYTES};
use crate::core::diagnostics::{Said, said, said_each};
use crate::i18n::{self, Key};

/// The bundle's first file: what it holds.
pub const MANIFEST_FILE: &str = "manifest.toml";

/// The only bundle format there is (the manifest's `format`).
pub const BUNDLE_FORMAT: u32 = 1;

/// The largest bundle read: the files of a `--data DIR`, with room for
/// the tar's headers (512 bytes a file) and the manifest.
pub const MAX_BUNDLE_BYTES: u64 = MAX_CATALOGUE_BYTES + 4 * 1024 * 1024;

/// What a bundle holds, as its first file states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`BUNDLE_FORMAT`].
    pub format: u32,
    /// The rule data's version (the date of the newest document it cites;
    /// an extension's own version).
    pub version: String,
    /// The day the bundle was made (ISO).
    pub date: String,
    /// Each file after the manifest, in the order of the archive.
    #[serde(rename = "file", default)]
    pub files: Vec<ManifestFile>,
}

/// One file of a bundle, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    pub name: String,
    pub bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
}

/// A bundle read: its manifest and its files, `(name, text)` in name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub manifest: Manifest,
    pub files: Vec<(String, String)>,
}

/// Why bytes are not a bundle (or files cannot be made one). Worded by
/// [`BundleError::said`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The tar reader's complaint (its own words, quoted after ours).
    NotTar(String),
    /// The archive ends inside the file `name`: `bytes` of its `expected`.
    Truncated {
        name: String,
        bytes: u64,
        expected: u64,
    },
    /// `write_bundle`: the file `name` cannot be put in a bundle (the tar
    /// writer's or the TOML writer's words).
    Unwritable {
        name: String,
        detail: String,
    },
    TooLarge,
    /// An entry that is not a regular file.
    NotAFile {
        name: String,
        kind: EntryKind,
    },
    /// A name that is not a plain file name.
    UnsafeName(String),
    /// The first entry is not the manifest (its name; empty: no entry).
    ManifestNotFirst(String),
    ManifestInvalid(String),
    Format(u32),
    Missing(String),
    Extra(String),
    Twice(String),
    NotToml(String),
    Size {
        name: String,
        bytes: u64,
        expected: u64,
    },
    Hash(String),
    FileTooLarge(String),
    NotUtf8(String),
}

/// What an entry that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Link,
    Directory,
    Other,
}

impl BundleError {
    /// The reason, in both languages.
    pub fn said(&self) -> Said {
        let name = |key: Key, name: &str| said(key, &[("name", &shown(name))]);
        match self {
            BundleError::NotTar(detail) => said(Key::BundleNotTar, &[("detail", &shown(detail))]),
            BundleError::Truncated {
                name,
                bytes,
                expected,
            } => said(
                Key::BundleTruncated,
                &[
                    ("name", &shown(name)),
                    ("bytes", &thousands(*bytes)),
                    ("expected", &thousands(*expected)),
                ],
            ),
            BundleError::Unwritable { name, detail } => said(
                Key::BundleUnwritable,
                &[("name", &shown(name)), ("detail", &shown(detail))],
            ),
            BundleError::TooLarge => said(
                Key::BundleTooLarge,
                &[("max", &thousands(MAX_BUNDLE_BYTES))],
            ),
            BundleError::NotAFile { name, kind } => {
                let kind = match kind {
                    EntryKind::Link => Key::BundleKindLink,
                    EntryKind::Directory => Key::BundleKindDirectory,
                    EntryKind::Other => Key::BundleKindOther,
                };
                said_each(|lang| {
                    i18n::text(
                        lang,
                        Key::BundleEntryKind,
                        &[
                            ("name", &shown(name)),
                            ("kind", &i18n::template(lang, kind)),
                        ],
                    )
                })
            }
            BundleError::UnsafeName(n) => name(Key::BundleEntryName, n),
            BundleError::ManifestNotFirst(n) => name(Key::BundleManifestFirst, n),
            BundleError::ManifestInvalid(detail) => {
                said(Key::BundleManifestInvalid, &[("detail", &shown(detail))])
            }
            BundleError::Format(format) => said(Key::BundleFormat, &[("format", format)]),
            BundleError::Missing(n) => name(Key::BundleFileMissing, n),
            BundleError::Extra(n) => name(Key::BundleFileExtra, n),
            BundleError::Twice(n) => name(Key::BundleFileTwice, n),
            BundleError::NotToml(n) => name(Key::BundleNotToml, n),
            BundleError::Size {
                name,
                bytes,
                expected,
            } => said(
                Key::BundleFileSize,
                &[
                    ("name", &shown(name)),
                    ("bytes", &thousands(*bytes)),
                    ("expected", &thousands(*expected)),
                ],
            ),
            BundleError::Hash(n) => name(Key::BundleFileHash, n),
            BundleError::FileTooLarge(n) => said(
                Key::BundleFileTooLarge,
                &[("name", &shown(n)), ("max", &thousands(MAX_FILE_BYTES))],
            ),
            BundleError::NotUtf8(n) => name(Key::BundleNotUtf8, n),
        }
    }
}

/// `1,234,567`.
fn thousands(n: u64) -> String {
    crate::core::money::group_thousands(u128::from(n))
}

/// A name from the bytes, on one line (control characters escaped) and
/// cut short, as a message quotes it.
fn shown(name: &str) -> String {
    let one_line: String = name
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_debug().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    crate::core::diagnostics::clip(&one_line, crate::core::diagnostics::CLIP_CHARS).into_owned()
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bundle of `files` (`(name, text)`: each name's last part is the
/// file's name in the bundle), of rule data `version`, made on `date`.
/// The same files make the same bytes: names sorted, every header's time,
/// owner and mode fixed. Refused when a name cannot go in a tar header.
pub fn write_bundle(
    files: &[(String, String)],
    version: &str,
    date: &str,
) -> Result<Vec<u8>, BundleError> {
    let mut named: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (base_name(name), text.as_str()))
        .collect();
    named.sort();
    let manifest = Manifest {
        format: BUNDLE_FORMAT,
        version: version.to_string(),
        date: date.to_string(),
        files: named
            .iter()
            .map(|(name, text)| ManifestFile {
                name: (*name).to_string(),
                bytes: text.len() as u64,
                sha256: sha256_hex(text.as_bytes()),
            })
            .collect(),
    };
    let unwritable = |name: &str, detail: String| BundleError::Unwritable {
        name: name.to_string(),
        detail,
    };
    let manifest =
        toml::to_string(&manifest).map_err(|e| unwritable(MANIFEST_FILE, e.to_string()))?;
    let mut builder = tar::Builder::new(Vec::new());
    for (name, text) in std::iter::once((MANIFEST_FILE, manifest.as_str())).chain(named) {
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_uid(0);
        header.set_gid(0);
        // A name too long for a ustar header goes in a GNU long-name entry;
        // one the tar writer refuses (`..`, an absolute path) is said.
        builder
            .append_data(&mut header, name, text.as_bytes())
            .map_err(|e| unwritable(name, e.to_string()))?;
    }
    builder
        .into_inner()
        .map_err(|e| unwritable(MANIFEST_FILE, e.to_string()))
}

/// The last part of a path: the file's name in a bundle.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Whether `name` is a plain file name: not empty, `.` or `..`, with no
/// `/` (so no absolute path and no way up), no `\\` and no control
/// character.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !name.chars().any(char::is_control)
}

/// The files of the bundle `bytes`, checked against its manifest.
pub fn read_bundle(bytes: &[u8]) -> Result<Bundle, BundleError> {
    if bytes.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge);
    }
    let not_tar = |e: std::io::Error| BundleError::NotTar(e.to_string());
    let mut archive = tar::Archive::new(bytes);
    let mut manifest: Option<Manifest> = None;
    let mut by_name: Option<BTreeMap<String, ManifestFile>> = None;
    let mut files: Vec<(String, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in archive.entries().map_err(not_tar)? {
        let entry = entry.map_err(not_tar)?;
        let raw = entry.path_bytes();
        let name = String::from_utf8_lossy(&raw).into_owned();
        let kind = entry.header().entry_type();
        if !(kind.is_file() || kind == tar::EntryType::Continuous) {
            let kind = if kind.is_symlink() || kind.is_hard_link() {
                EntryKind::Link
            } else if kind.is_dir() {
                EntryKind::Directory
            } else {
                EntryKind::Other
            };
            return Err(BundleError::NotAFile { name, kind });
        }
        if std::str::from_utf8(&raw).is_err() || !is_plain_name(&name) {
            return Err(BundleError::UnsafeName(name));
        }
        let size = entry.header().size().map_err(not_tar)?;
        if size > MAX_FILE_BYTES {
            return Err(BundleError::FileTooLarge(name));
        }
        let mut content = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        entry
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut content)
            .map_err(not_tar)?;
        if content.len() as u64 != size {
            // The archive ends inside the file.
            return Err(BundleError::Truncated {
                name,
                bytes: content.len() as u64,
                expected: size,
            });
        }
        let Some(by_name) = &by_name else {
            if name != MANIFEST_FILE {
                return Err(BundleError::ManifestNotFirst(name));
            }
            let read = read_manifest(&content)?;
            // Each file's entry by its name: found once per file, not by a
            // walk of the list (a bundle of many files stays linear).
            by_name = Some(
                (read.files.iter())
                    .map(|f| (f.name.clone(), f.clone()))
                    .collect::<BTreeMap<String, ManifestFile>>(),
            );
            manifest = Some(read);
            continue;
        };
        if !seen.insert(name.clone()) {
            return Err(BundleError::Twice(name));
        }
        let Some(listed) = by_name.get(&name) else {
            return Err(BundleError::Extra(name));
        };
        if content.len() as u64 != listed.bytes {
            return Err(BundleError::Size {
                name,
                bytes: content.len() as u64,
                expected: listed.bytes,
            });
        }
        if sha256_hex(&content) != listed.sha256.to_ascii_lowercase() {
            return Err(BundleError::Hash(name));
        }
        let text = String::from_utf8(content).map_err(|_| BundleError::NotUtf8(name.clone()))?;
        files.push((name, text));
    }
    let Some(manifest) = manifest else {
        return Err(BundleError::ManifestNotFirst(String::new()));
    };
    if let Some(missing) = manifest.files.iter().find(|f| !seen.contains(&f.name)) {
        return Err(BundleError::Missing(missing.name.clone()));
    }
    files.sort();
    Ok(Bundle { manifest, files })
}

/// The manifest's bytes, read strictly: format 1, each name plain, a
/// catalogue file, once.
fn read_manifest(bytes: &[u8]) -> Result<Manifest, BundleError> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| BundleError::NotUtf8(MANIFEST_FILE.to_string()))?;
    // The format first: a later format may change the rest.
    #[derive(Deserialize)]
    struct Format {
        format: Option<u32>,
    }
    let invalid = |e: toml::de::Error| {
        BundleError::ManifestInvalid(e.message().split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if let Ok(Format {
        format: Some(format),
    }) = toml::from_str::<Format>(text)
        && format != BUNDLE_FORMAT
    {
        return Err(BundleError::Format(format));
    }
    let manifest: Manifest = toml::from_str(text).map_err(invalid)?;
    let mut names = BTreeSet::new();
    for file in &manifest.files {
        if !is_plain_name(&file.name) {
            return Err(BundleError::UnsafeName(file.name.clone()));
        }
        if !file.name.ends_with(".toml") || file.name == MANIFEST_FILE {
            return Err(BundleError::NotToml(file.name.clone()));
        }
        if !names.insert(file.name.as_str()) {
            return Err(BundleError::Twice(file.name.clone()));
        }
    }
    Ok(manifest)
}
