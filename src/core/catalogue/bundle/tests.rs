//! Bundles written and read back, and the bytes a bundle must refuse.

use super::*;

fn files() -> Vec<(String, String)> {
    vec![
        (
            "data/sources.toml".to_string(),
            "[[documents]]\n".to_string(),
        ),
        ("data/a.toml".to_string(), "id = \"a\"\n".to_string()),
    ]
}

/// A tar of raw entries: `(name, type flag, content)`, names written into
/// the header as they are (the `tar` crate's own writer refuses `..`).
fn raw_tar(entries: &[(&str, u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, kind, content) in entries {
        let mut header = tar::Header::new_ustar();
        header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        header.set_entry_type(tar::EntryType::new(*kind));
        header.set_size(content.len() as u64);
        header.set_mode(0o644);
        if *kind == b'2' {
            header.set_link_name("/etc/passwd").unwrap();
        }
        header.set_cksum();
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(content);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

/// A manifest listing `files` as they are.
fn manifest_of(files: &[(&str, &[u8])]) -> String {
    let mut text = "format = 1\nversion = \"2026-05-25\"\ndate = \"2026-12-07\"\n".to_string();
    for (name, bytes) in files {
        text.push_str(&format!(
            "\n[[file]]\nname = \"{name}\"\nbytes = {}\nsha256 = \"{}\"\n",
            bytes.len(),
            sha256_hex(bytes)
        ));
    }
    text
}

#[test]
fn a_bundle_reads_back_as_it_was_written_and_is_the_same_bytes_each_time() {
    let bytes = write_bundle(&files(), "2026-05-25", "2026-12-07").unwrap();
    assert_eq!(
        bytes,
        write_bundle(&files(), "2026-05-25", "2026-12-07").unwrap()
    );
    let bundle = read_bundle(&bytes).unwrap();
    assert_eq!(bundle.manifest.format, 1);
    assert_eq!(bundle.manifest.version, "2026-05-25");
    assert_eq!(bundle.manifest.date, "2026-12-07");
    let names: Vec<&str> = bundle
        .manifest
        .files
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["a.toml", "sources.toml"]);
    // `id = "a"\n`: 9 bytes; its SHA-256 as `sha256sum` gives it.
    assert_eq!(bundle.manifest.files[0].bytes, 9);
    assert_eq!(
        bundle.manifest.files[0].sha256,
        "9fbbd8e2833c063d6d25abde72b027c41440286e6e4e805fe19dc54a018c5ffd"
    );
    assert_eq!(
        bundle.files,
        vec![
            ("a.toml".to_string(), "id = \"a\"\n".to_string()),
            ("sources.toml".to_string(), "[[documents]]\n".to_string()),
        ]
    );
}

#[test]
fn a_file_changed_cut_short_missing_or_added_is_refused() {
    let a: &[u8] = b"id = \"a\"\n";
    let manifest = manifest_of(&[("a.toml", a)]);
    let good = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("a.toml", b'0', a),
    ]);
    assert!(read_bundle(&good).is_ok());
    // One byte changed, same size.
    let changed = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("a.toml", b'0', b"id = \"b\"\n"),
    ]);
    assert_eq!(
        read_bundle(&changed),
        Err(BundleError::Hash("a.toml".into()))
    );
    let shorter = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("a.toml", b'0', b"id = \"a\""),
    ]);
    assert_eq!(
        read_bundle(&shorter),
        Err(BundleError::Size {
            name: "a.toml".into(),
            bytes: 8,
            expected: 9
        })
    );
    let missing = raw_tar(&[("manifest.toml", b'0', manifest.as_bytes())]);
    assert_eq!(
        read_bundle(&missing),
        Err(BundleError::Missing("a.toml".into()))
    );
    let extra = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("a.toml", b'0', a),
        ("b.toml", b'0', a),
    ]);
    assert_eq!(
        read_bundle(&extra),
        Err(BundleError::Extra("b.toml".into()))
    );
    let twice = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("a.toml", b'0', a),
        ("a.toml", b'0', a),
    ]);
    assert_eq!(
        read_bundle(&twice),
        Err(BundleError::Twice("a.toml".into()))
    );
    // The download cut in the middle of a file's content: said as such,
    // in the user's words (before, the tar reader's English passed through).
    let cut = &good[..512 * 3 + 4];
    assert_eq!(
        read_bundle(cut),
        Err(BundleError::Truncated {
            name: "a.toml".into(),
            bytes: 4,
            expected: 9
        })
    );
    assert_eq!(
        read_bundle(cut).unwrap_err().said().ja,
        "バンドルが a.toml の途中で切れています（9 バイト中 4 バイト）"
    );
    assert!(matches!(
        read_bundle(b"<html>not found</html>"),
        Err(BundleError::NotTar(_)) | Err(BundleError::ManifestNotFirst(_))
    ));
}

#[test]
fn a_name_that_leaves_the_directory_or_an_entry_that_is_no_file_is_refused() {
    let a: &[u8] = b"id = \"a\"\n";
    for name in ["../x.toml", "/etc/x.toml", "sub/a.toml", "..", "a\\b.toml"] {
        let manifest = manifest_of(&[]);
        let bytes = raw_tar(&[
            ("manifest.toml", b'0', manifest.as_bytes()),
            (name, b'0', a),
        ]);
        assert_eq!(
            read_bundle(&bytes),
            Err(BundleError::UnsafeName(name.to_string())),
            "{name}"
        );
    }
    // The manifest cannot list such a name either.
    let manifest = manifest_of(&[("../x.toml", a)]);
    let bytes = raw_tar(&[("manifest.toml", b'0', manifest.as_bytes())]);
    assert_eq!(
        read_bundle(&bytes),
        Err(BundleError::UnsafeName("../x.toml".into()))
    );
    let manifest = manifest_of(&[]);
    for (kind, what) in [
        (b'2', EntryKind::Link),
        (b'1', EntryKind::Link),
        (b'5', EntryKind::Directory),
        (b'3', EntryKind::Other),
        (b'6', EntryKind::Other),
    ] {
        let bytes = raw_tar(&[
            ("manifest.toml", b'0', manifest.as_bytes()),
            ("a.toml", kind, b""),
        ]);
        assert_eq!(
            read_bundle(&bytes),
            Err(BundleError::NotAFile {
                name: "a.toml".into(),
                kind: what
            }),
            "type {}",
            kind as char
        );
    }
}

#[test]
fn the_manifest_comes_first_in_format_1() {
    let a: &[u8] = b"id = \"a\"\n";
    let manifest = manifest_of(&[("a.toml", a)]);
    let late = raw_tar(&[
        ("a.toml", b'0', a),
        ("manifest.toml", b'0', manifest.as_bytes()),
    ]);
    assert_eq!(
        read_bundle(&late),
        Err(BundleError::ManifestNotFirst("a.toml".into()))
    );
    let two = manifest.replace("format = 1", "format = 2");
    let bytes = raw_tar(&[("manifest.toml", b'0', two.as_bytes()), ("a.toml", b'0', a)]);
    assert_eq!(read_bundle(&bytes), Err(BundleError::Format(2)));
    let unknown = format!("{manifest}\nsigned_by = \"me\"\n");
    let bytes = raw_tar(&[
        ("manifest.toml", b'0', unknown.as_bytes()),
        ("a.toml", b'0', a),
    ]);
    assert!(matches!(
        read_bundle(&bytes),
        Err(BundleError::ManifestInvalid(_))
    ));
    let not_toml = manifest_of(&[("notes.txt", a)]);
    let bytes = raw_tar(&[
        ("manifest.toml", b'0', not_toml.as_bytes()),
        ("notes.txt", b'0', a),
    ]);
    assert_eq!(
        read_bundle(&bytes),
        Err(BundleError::NotToml("notes.txt".into()))
    );
    assert_eq!(
        read_bundle(&raw_tar(&[])),
        Err(BundleError::ManifestNotFirst(String::new()))
    );
}

#[test]
fn a_bundle_too_large_is_refused_before_it_is_read() {
    let huge = vec![0u8; usize::try_from(MAX_BUNDLE_BYTES).unwrap() + 1];
    assert_eq!(read_bundle(&huge), Err(BundleError::TooLarge));
}

#[test]
fn every_refusal_is_worded_in_both_languages() {
    let said = BundleError::NotAFile {
        name: "a.toml".into(),
        kind: EntryKind::Link,
    }
    .said();
    assert_eq!(
        said.en,
        "the bundle holds 'a.toml', which is a link; a bundle holds files only"
    );
    assert_eq!(
        said.ja,
        "バンドルに 'a.toml'（リンク）があります。バンドルに入れられるのはファイルだけです"
    );
    let said = BundleError::Hash("a.toml".into()).said();
    assert_eq!(
        said.en,
        "the SHA-256 of a.toml in the bundle is not its manifest's (tampered with)"
    );
    // A library's own words come only quoted, after a sentence of ours.
    let said = BundleError::NotTar("unexpected EOF".into()).said();
    assert_eq!(
        said.ja,
        "規則データのバンドル（tar 形式）ではありません（詳細: 「unexpected EOF」）"
    );
}

proptest::proptest! {
    /// A bundle changed anywhere (bytes flipped, cut short) is refused or,
    /// where the change touched nothing the manifest vouches for (a
    /// header's time, the padding), read as the very files written: never
    /// a panic, never other text.
    #[test]
    fn a_damaged_bundle_is_refused_or_reads_as_written(
        flips in proptest::collection::vec((0usize..8192, 1u8..=255), 0..4),
        cut in proptest::option::of(0usize..8192),
    ) {
        let written = write_bundle(&files(), "2026-05-25", "2026-12-07").unwrap();
        let mut bytes = written.clone();
        for (at, xor) in flips {
            let at = at % bytes.len();
            bytes[at] ^= xor;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        if let Ok(bundle) = read_bundle(&bytes) {
            proptest::prop_assert_eq!(bundle.files, read_bundle(&written).unwrap().files);
        }
    }
}

/// A name the tar writer refuses is an error, not a bundle without it
/// (before, `write_bundle` dropped the file and wrote the rest).
#[test]
fn a_file_the_tar_writer_refuses_is_an_error() {
    let files = vec![("..".to_string(), "id = \"a\"\n".to_string())];
    assert!(matches!(
        write_bundle(&files, "2026-05-25", "2026-12-07"),
        Err(BundleError::Unwritable { name, .. }) if name == ".."
    ));
}

#[test]
fn a_name_that_would_break_the_line_is_quoted_on_one() {
    assert_eq!(shown("a\nb.toml"), "a\\nb.toml");
    let long = "x".repeat(500);
    assert!(shown(&long).ends_with('…'));
    assert!(shown(&long).chars().count() < 200);
}
