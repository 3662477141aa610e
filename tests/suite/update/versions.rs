//! Which catalogue wins, and what an update may replace: an installed
//! catalogue older than the built-in one is set aside (`--version` says
//! so); one this build cannot read is said to be so; an older signed
//! bundle is refused unless `--allow-older`; the bundle in use again keeps
//! the one before; a bundle under which a configured extension breaks is
//! refused; a URL's query and credentials stay out of what is shown; a
//! rollback to a one before that is gone or damaged goes to the built-in
//! catalogue, saying so.
//!
//! The rule data's version is the date of the newest document in
//! `sources.toml`: built in, 2026-05-25 (document 004, data/sources.toml
//! line 51, the only one of that date). The copies here move that date to
//! make older or newer rule data; the grants are the module's (003 No.9 ①:
//! built in 1,622,000 yen, 事業額上限 4,500,000 → 1,500,000, 4,200,000 →
//! 1,400,000).

use std::path::{Path, PathBuf};

use super::{
    Reply, TwoInstalled, at, bundle, copy_of_data, grant, key, raw_tar, serve, sign, state,
    two_installed, update, with_cap,
};

/// A copy of `data/` whose rule data is of `version` (the newest
/// document's date moved), e-prescription's 事業額上限 `cap` with its
/// example's `grant`.
fn dated(dir: &Path, name: &str, version: &str, cap: &str, grant: &str) -> PathBuf {
    let edit = with_cap(cap, Some(grant));
    copy_of_data(dir, name, |file, text| {
        Some(match file {
            "sources.toml" => {
                assert_eq!(text.matches("date = \"2026-05-25\"").count(), 1);
                text.replace("date = \"2026-05-25\"", &format!("date = \"{version}\""))
            }
            "e-prescription.toml" => edit(text),
            _ => text,
        })
    })
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What an earlier subsidy left in `home`: `bytes` installed as rule data
/// `version` (the record as `subsidy update` writes it).
fn installed_by_hand(home: &Path, bytes: &[u8], version: &str) -> PathBuf {
    let dir = home.join("subsidy");
    let sha = sha256(bytes);
    std::fs::create_dir_all(dir.join("bundles")).unwrap();
    let file = dir.join(format!("bundles/{sha}.tar"));
    std::fs::write(&file, bytes).unwrap();
    std::fs::write(
        dir.join("installed.toml"),
        format!(
            "[current]\nsha256 = \"{sha}\"\nversion = \"{version}\"\n\
             url = \"https://example.org/c.tar\"\ninstalled = \"2026-06-01T00:00:00Z\"\n"
        ),
    )
    .unwrap();
    file
}

/// The binary was upgraded: its built-in rule data (2026-05-25) is newer
/// than the installed 2026-05-01, which is then set aside, and `--version`
/// says so. Before, the older installed rules went on being used.
#[test]
fn an_installed_catalogue_older_than_the_built_in_one_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let older = bundle(&dated(
        dir.path(),
        "older",
        "2026-05-01",
        "4_500_000",
        "1_500_000",
    ));
    installed_by_hand(&home, &older, "2026-05-01");
    assert_eq!(grant(&home), 1_622_000, "the built-in rule");
    let version = at(&home).arg("--version").stdout();
    assert!(
        version.contains(
            "（規則データ 2026-05-25、組み込み（インストール済みの 2026-05-01 より新しい）、sha256 "
        ),
        "{version}"
    );
    let version = at(&home).arg("--version").lang("en").stdout();
    assert!(
        version.contains("built in (newer than the installed 2026-05-01)"),
        "{version}"
    );
    // Installed as newer (2026-06-01 recorded): used.
    installed_by_hand(&home, &older, "2026-06-01");
    assert_eq!(grant(&home), 1_500_000, "the installed rule");
}

/// Bytes as installed (their SHA-256 the record's) that this build cannot
/// read, here a later bundle format: not called damaged; the line names
/// `subsidy update` as well as `--rollback`.
#[test]
fn an_installed_catalogue_this_build_cannot_read_is_not_called_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let manifest = "format = 2\nversion = \"2026-06-01\"\ndate = \"2026-06-01\"\n";
    let later = raw_tar(&[("manifest.toml", b'0', manifest.as_bytes())]);
    let file = installed_by_hand(&home, &later, "2026-06-01");
    at(&home).args(["list", "--as-of", "2026-03-01"]).refused(&[
        &format!(
            "インストールした規則データ {}（2026-06-01）は、この版の subsidy では読めません",
            file.display()
        ),
        "バンドルの形式 2 はこの版の subsidy では読めません",
        "subsidy update で新しい規則データを入れるか、subsidy update --rollback で戻してください",
    ]);
    // As the line says, an update is a way out (before, update refused
    // too: it loaded the catalogue in use first).
    let key = key(dir.path(), "test");
    let newer = bundle(&dated(
        dir.path(),
        "newer",
        "2026-06-10",
        "4_500_000",
        "1_500_000",
    ));
    let base = serve(vec![
        ("/newer.tar".into(), Reply::Whole(newer.clone())),
        (
            "/newer.tar.minisig".into(),
            Reply::Whole(sign(&key, &newer)),
        ),
    ]);
    let run = update(&home, &format!("{base}/newer.tar"), &key).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(grant(&home), 1_500_000);
}

/// A signed release older than the one in use, served again (a replay):
/// refused naming both versions; `--allow-older` installs it. One older
/// than the built-in catalogue is refused even so: it would not be used.
#[test]
fn an_older_signed_bundle_is_refused_unless_allow_older() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let key = key(dir.path(), "test");
    let newer = bundle(&dated(
        dir.path(),
        "newer",
        "2026-06-10",
        "4_500_000",
        "1_500_000",
    ));
    let same_as_builtin = bundle(&dated(
        dir.path(),
        "builtin-date",
        "2026-05-25",
        "4_200_000",
        "1_400_000",
    ));
    let older = bundle(&dated(
        dir.path(),
        "older",
        "2026-05-01",
        "4_200_000",
        "1_400_000",
    ));
    let mut routes = Vec::new();
    for (name, bytes) in [
        ("newer", &newer),
        ("replay", &same_as_builtin),
        ("older", &older),
    ] {
        routes.push((format!("/{name}.tar"), Reply::Whole(bytes.clone())));
        routes.push((
            format!("/{name}.tar.minisig"),
            Reply::Whole(sign(&key, bytes)),
        ));
    }
    let base = serve(routes);
    let run = update(&home, &format!("{base}/newer.tar"), &key).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(grant(&home), 1_500_000);
    let before = state(&home);
    update(&home, &format!("{base}/replay.tar"), &key).refused(&[&format!(
        "バンドル {base}/replay.tar の規則データ 2026-05-25 は使用中の規則データ 2026-06-10（{base}/newer.tar）より古いため、インストールしません。古い版に戻すときは --allow-older を付けてください"
    )]);
    update(&home, &format!("{base}/replay.tar"), &key)
        .lang("en")
        .refused(&["holds rule data 2026-05-25, older than the rule data in use, 2026-06-10"]);
    update(&home, &format!("{base}/older.tar"), &key)
        .arg("--allow-older")
        .refused(&[
            "規則データ 2026-05-01 はこの subsidy に組み込みの規則データ 2026-05-25 より古く",
            "--data FILE",
        ]);
    assert!(state(&home) == before, "the installed state changed");
    assert_eq!(grant(&home), 1_500_000);
    // On purpose: installed.
    let run = update(&home, &format!("{base}/replay.tar"), &key)
        .arg("--allow-older")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(grant(&home), 1_400_000);
}

/// `subsidy --data DIR update --from URL` of the bundle in use: nothing
/// changes and `--rollback` still goes back to the one before. Before, the
/// record became current = previous = that bundle, and the one before was
/// removed.
#[test]
fn the_bundle_in_use_installed_again_with_data_keeps_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let TwoInstalled {
        home, key, base, ..
    } = two_installed(dir.path());
    let before = state(&home);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let again = at(&home)
        .arg("--data")
        .arg(&data)
        .args([
            "update",
            "--from",
            &format!("{base}/second.tar"),
            "--trusted-key",
        ])
        .arg(&key.file)
        .run();
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.is_empty());
    assert!(
        again.stderr.contains("何も変えていません"),
        "{}",
        again.stderr
    );
    assert!(state(&home) == before, "the installed state changed");
    let back = at(&home).args(["update", "--rollback"]).run();
    assert_eq!(back.code, 0, "{}", back.stderr);
    assert_eq!(grant(&home), 1_500_000, "the one before, still there");
}

/// A bundle without the program a configured extension replaces: refused
/// before anything is installed, naming the extension and why (else every
/// command after it would stop).
#[test]
fn a_bundle_that_breaks_a_configured_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let key = key(dir.path(), "test");
    let without = bundle(&copy_of_data(dir.path(), "without", |file, text| {
        (file != "online-qual-exempt.toml").then_some(text)
    }));
    let base = serve(vec![
        ("/without.tar".into(), Reply::Whole(without.clone())),
        (
            "/without.tar.minisig".into(),
            Reply::Whole(sign(&key, &without)),
        ),
    ]);
    let extension = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extensions/kakuu-replaces");
    update(&home, &format!("{base}/without.tar"), &key)
        .env("SUBSIDY_EXTEND", &extension)
        .refused(&[
            &format!("バンドル {base}/without.tar はインストールしません。その上では設定した拡張が使えなくなります"),
            "拡張を使えません（環境変数 SUBSIDY_EXTEND）",
            "kakuu-replaces/online-qual-exempt.toml",
            "下の層にこの id の制度はありません",
        ]);
    assert!(!home.exists(), "nothing installed, nothing made");
    // Without the extension it installs.
    let run = update(&home, &format!("{base}/without.tar"), &key).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A URL with credentials and a query (a token): the signature is fetched
/// from the path's `.minisig` with the same query (before:
/// `without.tar?t=1.minisig`), and neither the password nor the query is
/// shown, recorded or printed by `--version`.
#[test]
fn a_url_with_a_query_gets_its_signature_beside_its_path_and_is_shown_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let key = key(dir.path(), "test");
    let good = bundle(&super::catalogue(
        dir.path(),
        "good",
        with_cap("4_500_000", Some("1_500_000")),
    ));
    let base = serve(vec![
        ("/good.tar?t=SECRET1".into(), Reply::Whole(good.clone())),
        (
            "/good.tar.minisig?t=SECRET1".into(),
            Reply::Whole(sign(&key, &good)),
        ),
    ]);
    let url = base.replace("http://", "http://user:SECRET2@") + "/good.tar?t=SECRET1";
    let run = update(&home, &url, &key).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown = format!("{base}/good.tar");
    assert!(
        run.stderr.contains(&format!("を {shown} から ")),
        "{}",
        run.stderr
    );
    let version = at(&home).arg("--version").stdout();
    assert!(
        version.contains(&format!("に {shown} からインストール")),
        "{version}"
    );
    let everything = format!(
        "{}{}{version}{:?}",
        String::from_utf8_lossy(&run.stdout),
        run.stderr,
        state(&home)
            .values()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect::<Vec<_>>()
    );
    assert!(!everything.contains("SECRET"), "a secret shown or kept");
    assert_eq!(grant(&home), 1_500_000);
    // A refusal shows it so too; the signature's own limit is its own line.
    let url = format!("{base}/missing.tar?t=SECRET3");
    let line = update(&home, &url, &key)
        .refused(&[&format!("{base}/missing.tar をダウンロードできません")]);
    assert!(!line.contains("SECRET"), "{line}");
}

/// `--rollback` when the one before is gone or not as installed: the
/// built-in catalogue, with a line saying why. Before, the record named
/// the one before and every command then stopped.
#[test]
fn rollback_to_a_missing_or_damaged_one_goes_to_the_built_in_catalogue() {
    for damage in ["removed", "changed"] {
        let dir = tempfile::tempdir().unwrap();
        let TwoInstalled {
            home,
            base,
            first,
            second,
            ..
        } = two_installed(dir.path());
        let file = home.join(format!("subsidy/bundles/{}.tar", sha256(&first)));
        let reason = match damage {
            "removed" => {
                std::fs::remove_file(&file).unwrap();
                "バンドルのファイルがありません"
            }
            _ => {
                std::fs::write(&file, &second).unwrap();
                "SHA-256 がインストール時の記録と一致しません（ディスク上で変わっています）"
            }
        };
        let back = at(&home).args(["update", "--rollback"]).run();
        assert_eq!(back.code, 0, "{damage}: {}", back.stderr);
        assert!(
            back.stderr.contains(&format!(
                "一つ前の規則データ 2026-05-25（{base}/first.tar）は使えないため（{reason}）、組み込みの規則データ（2026-05-25）に戻しました"
            )),
            "{damage}: {}",
            back.stderr
        );
        assert_eq!(grant(&home), 1_622_000, "{damage}");
        assert!(!home.join("subsidy/installed.toml").exists(), "{damage}");
    }
}

/// What a library says (ureq, minisign-verify, the tar reader) reaches the
/// user only quoted after a sentence of the message tables, in the user's
/// language; the cases known have sentences of their own. Before, ureq's
/// "http: invalid authority", minisign-verify's words and "no key in it"
/// were the reason itself. A signature larger than a signature is is said
/// to be one (before: "more than a catalogue bundle is").
#[test]
fn a_library_s_words_come_only_quoted_after_a_sentence_of_ours() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let key = key(dir.path(), "test");
    let good = bundle(&super::catalogue(dir.path(), "good", |text| text));
    let base = serve(vec![
        ("/badsig.tar".into(), Reply::Whole(good.clone())),
        (
            "/badsig.tar.minisig".into(),
            Reply::Whole(b"untrusted comment: x\nnot base64 at all\n".to_vec()),
        ),
        ("/bigsig.tar".into(), Reply::Whole(good.clone())),
        ("/bigsig.tar.minisig".into(), Reply::Claims(1 << 20)),
    ]);
    update(&home, "http://[bad/x.tar", &key)
        .refused(&["http://[bad/x.tar をダウンロードできません: URL の形が正しくありません"]);
    let line = update(&home, &format!("{base}/badsig.tar"), &key).refused(&[
        "badsig.tar を受け付けません: 署名が minisign の署名として読めません（詳細: 「",
    ]);
    assert!(line.ends_with("」）\n"), "{line}");
    update(&home, &format!("{base}/bigsig.tar"), &key).refused(&[&format!(
        "署名 {base}/bigsig.tar.minisig が 16,384 バイトを超えており、minisign の署名としては大きすぎます"
    )]);
    let comments = dir.path().join("comments.pub");
    std::fs::write(&comments, "untrusted comment: only this\n").unwrap();
    at(&home)
        .args([
            "update",
            "--from",
            &format!("{base}/badsig.tar"),
            "--trusted-key",
        ])
        .arg(&comments)
        .refused(&[
            "comments.pub は minisign の公開鍵ではありません",
            "コメントのほかに鍵の行がありません",
        ]);
    at(&home)
        .args([
            "update",
            "--from",
            &format!("{base}/badsig.tar"),
            "--trusted-key",
        ])
        .arg(&comments)
        .lang("en")
        .refused(&["there is no key line in it, only comments"]);
    assert!(!home.exists(), "nothing installed, nothing made");
}
