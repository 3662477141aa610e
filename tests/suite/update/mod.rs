//! `subsidy bundle` and `subsidy update` as their users meet them: bundles
//! served over HTTP by a server on 127.0.0.1 that each test starts, signed
//! in the test with key pairs made for it (the `minisign` crate, which signs
//! as the Debian tool does) and trusted with `--trusted-key`. A good bundle
//! installs and `calc` uses it; `--rollback` goes back; a tampered file, a
//! key not trusted, a file whose hash is not its manifest's, a truncated
//! body, a bundle that fails `check`, an entry named `../x.toml` and a link
//! are each refused in one line, with the installed state byte for byte as
//! it was.
//!
//! The figure changed in the served copies: e-prescription's 大規模病院
//! tier (003 No.9 ①「補助率：1/3 補助限度額：162.2万円　※事業額上限：486.6万円」).
//! Built in, a 250-bed hospital's 5,000,000 yen gets min(5,000,000,
//! 4,866,000) × 1/3 = 1,622,000 yen; with 事業額上限 4,500,000 in the
//! served copy, 4,500,000 × 1/3 = 1,500,000; with 4,200,000, 1,400,000.

use std::collections::BTreeMap;
use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::support::{Subsidy, subsidy};

mod versions;

/// The proxy variables a machine may set: the runs reach 127.0.0.1 themselves.
const PROXY_VARS: [&str; 8] = [
    "ALL_PROXY",
    "all_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// What the server answers for a path.
#[derive(Clone)]
enum Reply {
    Whole(Vec<u8>),
    /// Says the whole length, sends the first half, and closes.
    CutShort(Vec<u8>),
    /// Says this length, sends nothing, and closes.
    Claims(u64),
}

/// Starts a server on 127.0.0.1 answering `routes` (404 for any other
/// path); its base URL. It lives as long as the test binary.
fn serve(routes: Vec<(String, Reply)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = Arc::clone(&routes);
            std::thread::spawn(move || answer(stream, &routes));
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn answer(mut stream: TcpStream, routes: &[(String, Reply)]) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("");
    let head = |length: usize| {
        format!("HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n")
    };
    let _ = match routes.iter().find(|(p, _)| p == path).map(|(_, r)| r) {
        Some(Reply::Whole(body)) => stream
            .write_all(head(body.len()).as_bytes())
            .and_then(|()| stream.write_all(body)),
        Some(Reply::CutShort(body)) => stream
            .write_all(head(body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body[..body.len() / 2])),
        Some(Reply::Claims(length)) => stream.write_all(head(*length as usize).as_bytes()),
        None => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    };
    let _ = stream.flush();
}

/// A key pair made for the test, its public key written to `dir/NAME.pub`.
struct Key {
    pk: minisign::PublicKey,
    sk: minisign::SecretKey,
    file: PathBuf,
    /// As minisign prints it.
    id: String,
}

fn key(dir: &Path, name: &str) -> Key {
    let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
    let text = pair.pk.to_box().unwrap().to_string();
    let id = text
        .lines()
        .next()
        .and_then(|l| l.rsplit(' ').next())
        .unwrap()
        .to_string();
    let file = dir.join(format!("{name}.pub"));
    std::fs::write(&file, &text).unwrap();
    Key {
        pk: pair.pk,
        sk: pair.sk,
        file,
        id,
    }
}

/// The `.minisig` of `bytes` by `key`.
fn sign(key: &Key, bytes: &[u8]) -> Vec<u8> {
    minisign::sign(
        Some(&key.pk),
        &key.sk,
        std::io::Cursor::new(bytes),
        None,
        None,
    )
    .unwrap()
    .to_string()
    .into_bytes()
}

/// A copy of `data/` in `dir/NAME`, e-prescription's file edited by `edit`.
fn catalogue(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    copy_of_data(dir, name, |file, text| {
        Some(if file == "e-prescription.toml" {
            edit(text)
        } else {
            text
        })
    })
}

/// A copy of `data/` in `dir/NAME`, each file as `edit` makes it from its
/// name and text (`None`: left out).
fn copy_of_data(dir: &Path, name: &str, edit: impl Fn(&str, String) -> Option<String>) -> PathBuf {
    let copy = dir.join(name);
    std::fs::create_dir(&copy).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(data).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Some(text) = edit(&name.to_string_lossy(), text) {
            std::fs::write(copy.join(name), text).unwrap();
        }
    }
    copy
}

/// 事業額上限 of 大規模病院 set to `cap`, its worked example's grant to
/// `grant` (`None`: left at 1,622,000, which `check` then refuses).
fn with_cap(cap: &str, grant: Option<&str>) -> impl Fn(String) -> String {
    move |text| {
        let old = "business_cost_cap = 4_866_000";
        assert_eq!(text.matches(old).count(), 1);
        let text = text.replacen(old, &format!("business_cost_cap = {cap}"), 1);
        match grant {
            // The first example is 大規模病院's at 5,000,000 yen.
            Some(grant) => text.replacen("grant = 1_622_000", &format!("grant = {grant}"), 1),
            None => text,
        }
    }
}

/// `subsidy bundle DIR -o DIR.tar`; the bundle's bytes.
fn bundle(dir: &Path) -> Vec<u8> {
    let out = dir.with_extension("tar");
    subsidy()
        .arg("bundle")
        .arg(dir)
        .arg("-o")
        .arg(&out)
        .stdout();
    std::fs::read(out).unwrap()
}

/// `subsidy` with `home` as `XDG_DATA_HOME` and no proxy.
fn at(home: &Path) -> Subsidy {
    let mut run = subsidy();
    run.env("XDG_DATA_HOME", home);
    for var in PROXY_VARS {
        run.env_remove(var);
    }
    run
}

/// `subsidy update --from URL --trusted-key KEY` at `home`.
fn update(home: &Path, url: &str, key: &Key) -> Subsidy {
    let mut run = at(home);
    run.args(["update", "--from", url, "--trusted-key"])
        .arg(&key.file);
    run
}

/// The grant `calc` gives a 250-bed hospital's 5,000,000 yen of
/// e-prescription ① (basic) on 2026-03-01, with the catalogue in use at `home`.
fn grant(home: &Path) -> i64 {
    let calc = at(home)
        .args(["calc", "--program", "e-prescription", "--variant", "basic"])
        .args([
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--cost",
            "5000000",
        ])
        .args(["--fact", "online-qual-in-place=yes"])
        .args(["--fact", "e-prescription-ready-by-2025-09-30=yes"])
        .args(["--as-of", "2026-03-01", "--format", "json"])
        .json();
    assert_eq!(calc["results"][0]["tier_id"], "basic-large", "{calc}");
    calc["results"][0]["grant"].as_i64().unwrap()
}

/// Every file under `dir` with its bytes: what is installed.
fn state(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Two signed bundles served on 127.0.0.1 and installed one after the
/// other into `dir/home`: `first` (e-prescription's 事業額上限 4,500,000 →
/// 1,500,000 yen) then `second` (4,200,000 → 1,400,000), so the record has
/// a current and a previous one. What the rollback and reinstall tests
/// start from.
struct TwoInstalled {
    home: PathBuf,
    key: Key,
    /// The server's `http://127.0.0.1:PORT`, serving `/first.tar`,
    /// `/second.tar` and their signatures.
    base: String,
    first: Vec<u8>,
    second: Vec<u8>,
}

fn two_installed(dir: &Path) -> TwoInstalled {
    let home = dir.join("home");
    let key = key(dir, "test");
    let first = bundle(&catalogue(
        dir,
        "first",
        with_cap("4_500_000", Some("1_500_000")),
    ));
    let second = bundle(&catalogue(
        dir,
        "second",
        with_cap("4_200_000", Some("1_400_000")),
    ));
    let mut routes = Vec::new();
    for (name, bytes) in [("first", &first), ("second", &second)] {
        routes.push((format!("/{name}.tar"), Reply::Whole(bytes.clone())));
        routes.push((
            format!("/{name}.tar.minisig"),
            Reply::Whole(sign(&key, bytes)),
        ));
    }
    let base = serve(routes);
    for name in ["first", "second"] {
        let run = update(&home, &format!("{base}/{name}.tar"), &key).run();
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    TwoInstalled {
        home,
        key,
        base,
        first,
        second,
    }
}

/// A tar of raw entries `(name, type flag, content)`, each name written
/// into its header as it is (a tar writer would refuse `../x.toml`).
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

/// `bytes` with the first `from` replaced by `to` (of the same length).
fn replaced(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from.as_bytes())
        .unwrap();
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to.as_bytes());
    out
}

#[test]
fn a_good_bundle_installs_and_calc_uses_it_until_data_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let key = key(dir.path(), "test");
    let copy = catalogue(dir.path(), "cap", with_cap("4_500_000", Some("1_500_000")));
    let bytes = bundle(&copy);
    let base = serve(vec![
        ("/cap.tar".into(), Reply::Whole(bytes.clone())),
        ("/cap.tar.minisig".into(), Reply::Whole(sign(&key, &bytes))),
    ]);
    let url = format!("{base}/cap.tar");
    assert_eq!(grant(&home), 1_622_000, "built in");
    let run = update(&home, &url, &key).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The change against the catalogue in use, as `subsidy diff` says it:
    // the one figure the served copy changed, with its cite (003 No.9 ①).
    let said = String::from_utf8(run.stdout).unwrap();
    assert!(
        said.starts_with("規則データの比較: builtin（データ 2026-05-25） → "),
        "{said}"
    );
    assert!(
        said.contains("制度 追加 0、削除 0、変更 1（変更点 1）"),
        "{said}"
    );
    assert!(
        said.contains("区分「大規模病院（200床以上）」の事業額上限: 4,866,000円 → 4,500,000円"),
        "{said}"
    );
    assert!(said.contains("003 No.9 ①"), "{said}");
    assert!(
        run.stderr.contains("出典資料との引用照合を除く"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "規則データ 2026-05-25 を {url} から {}/subsidy にインストールしました",
            home.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(grant(&home), 1_500_000, "installed");
    let version = at(&home).arg("--version").stdout();
    assert!(
        version.contains(&format!("に {url} からインストール、sha256 ")),
        "{version}"
    );
    // --data still wins over it.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let calc = at(&home)
        .arg("--data")
        .arg(&data)
        .args(["--version"])
        .stdout();
    assert!(
        calc.contains(&format!("、--data {}、", data.display())),
        "{calc}"
    );
    // The same bundle again: nothing to do.
    let again = update(&home, &url, &key).run();
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.is_empty());
    assert!(
        again.stderr.contains("何も変えていません"),
        "{}",
        again.stderr
    );
    // The installed bundle is a file --data and check take as they are.
    let file = copy.with_extension("tar");
    let check = at(&home).arg("check").arg(&file).stdout();
    assert!(check.contains("check: エラー 0件"), "{check}");
    assert!(check.contains("21ファイル、19制度"), "{check}");
}

#[test]
fn a_bundle_refused_leaves_what_is_installed_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let trusted = key(dir.path(), "trusted");
    let stranger = key(dir.path(), "stranger");
    let good = bundle(&catalogue(
        dir.path(),
        "good",
        with_cap("4_500_000", Some("1_500_000")),
    ));
    // Changed after signing: the cap in the served bytes.
    let tampered = replaced(
        &good,
        "business_cost_cap = 4_500_000",
        "business_cost_cap = 4_900_000",
    );
    // Signed as it is, but a file is not what its manifest says.
    let unlisted = replaced(
        &good,
        "business_cost_cap = 4_500_000",
        "business_cost_cap = 4_900_000",
    );
    let fails_check = bundle(&catalogue(dir.path(), "fails", with_cap("4_500_000", None)));
    let manifest = "format = 1\nversion = \"2026-05-25\"\ndate = \"2026-12-07\"\n";
    let dotdot = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("../x.toml", b'0', b"id = \"x\"\n"),
    ]);
    let link = raw_tar(&[
        ("manifest.toml", b'0', manifest.as_bytes()),
        ("sources.toml", b'2', b""),
    ]);
    let mut routes = vec![
        ("/good.tar".to_string(), Reply::Whole(good.clone())),
        (
            "/good.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &good)),
        ),
        ("/tampered.tar".into(), Reply::Whole(tampered)),
        (
            "/tampered.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &good)),
        ),
        ("/stranger.tar".into(), Reply::Whole(good.clone())),
        (
            "/stranger.tar.minisig".into(),
            Reply::Whole(sign(&stranger, &good)),
        ),
        ("/short.tar".into(), Reply::CutShort(good.clone())),
        (
            "/short.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &good)),
        ),
        (
            "/unlisted.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &unlisted)),
        ),
        ("/unlisted.tar".into(), Reply::Whole(unlisted)),
        (
            "/fails.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &fails_check)),
        ),
        ("/fails.tar".into(), Reply::Whole(fails_check)),
        (
            "/dotdot.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &dotdot)),
        ),
        ("/dotdot.tar".into(), Reply::Whole(dotdot)),
        (
            "/link.tar.minisig".into(),
            Reply::Whole(sign(&trusted, &link)),
        ),
        ("/link.tar".into(), Reply::Whole(link)),
    ];
    routes.push(("/nosig.tar".into(), Reply::Whole(good.clone())));
    // 1 GB said: refused before a byte of it is read.
    routes.push(("/huge.tar".into(), Reply::Claims(1 << 30)));
    let base = serve(routes);
    // Something installed, to be left as it is.
    let run = update(&home, &format!("{base}/good.tar"), &trusted).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = state(&home);
    let names: Vec<String> = (before.keys())
        .map(|p| p.strip_prefix(&home).unwrap().display().to_string())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "the lock, the record and the bundle: {names:?}"
    );
    let stranger_id = format!("不明な鍵 ID {}", stranger.id);
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let closed = format!("http://127.0.0.1:{closed}/good.tar");
    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            format!("{base}/tampered.tar"),
            vec![
                "tampered.tar を受け付けません",
                "署名がバンドルと一致しません",
            ],
        ),
        (
            format!("{base}/stranger.tar"),
            vec![&stranger_id, "--trusted-key"],
        ),
        (
            format!("{base}/short.tar"),
            vec!["short.tar のダウンロードが途中で切れました"],
        ),
        (
            format!("{base}/unlisted.tar"),
            vec!["e-prescription.toml の SHA-256 がマニフェストと一致しません"],
        ),
        (
            format!("{base}/fails.tar"),
            vec![
                "subsidy check に通りません（エラー 1件。最初: fails.tar/e-prescription.toml:",
                "計算例の補助額は 1622000 ですが、規則で計算すると 1500000 です",
            ],
        ),
        (format!("{base}/dotdot.tar"), vec!["'../x.toml'", "'..'"]),
        (format!("{base}/link.tar"), vec!["'sources.toml'（リンク）"]),
        (
            format!("{base}/nosig.tar"),
            vec!["nosig.tar.minisig をダウンロードできません", "404"],
        ),
        (
            closed,
            vec!["をダウンロードできません: その宛先では何も応答しません"],
        ),
        (
            format!("{base}/huge.tar"),
            vec![
                "huge.tar は 71,303,168 バイトを超えており",
                "ダウンロードしません",
            ],
        ),
    ];
    for (url, needles) in &cases {
        update(&home, url, &trusted).refused(needles);
        assert!(
            state(&home) == before,
            "{url}: the installed state changed",
            url = url
        );
    }
    assert_eq!(grant(&home), 1_500_000, "still the good one");
    // In English too.
    let mut english = update(&home, &format!("{base}/tampered.tar"), &trusted);
    english.lang("en").refused(&[
        "the bundle",
        "tampered.tar is refused: the signature does not match the bundle",
    ]);
    // A --trusted-key that is no minisign public key.
    let not_a_key = dir.path().join("not-a-key.pub");
    std::fs::write(&not_a_key, "untrusted comment: x\nnot base64\n").unwrap();
    at(&home)
        .args([
            "update",
            "--from",
            &format!("{base}/good.tar"),
            "--trusted-key",
        ])
        .arg(&not_a_key)
        .refused(&[
            "--trusted-key",
            "not-a-key.pub は minisign の公開鍵ではありません",
        ]);
    // Without a URL, nowhere to fetch from.
    at(&home)
        .arg("update")
        .refused(&["--from URL", "update_url", "既定の URL はありません"]);
    at(&home)
        .args(["update", "--from", "ftp://example.org/x.tar"])
        .refused(&["--from 'ftp://example.org/x.tar' は http または https の URL ではありません"]);
    assert!(state(&home) == before, "the installed state changed");
}

#[test]
fn rollback_goes_back_one_at_a_time_to_the_built_in_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let TwoInstalled { home, base, .. } = two_installed(dir.path());
    assert_eq!(grant(&home), 1_400_000);
    let back = at(&home).args(["update", "--rollback"]).run();
    assert_eq!(back.code, 0, "{}", back.stderr);
    assert!(
        back.stderr.contains("からインストール）に戻しました")
            && back.stderr.contains(&format!("{base}/first.tar")),
        "{}",
        back.stderr
    );
    assert_eq!(grant(&home), 1_500_000);
    let version = at(&home).arg("--version").stdout();
    assert!(
        version.contains(&format!("{base}/first.tar からインストール")),
        "{version}"
    );
    let back = at(&home).args(["update", "--rollback"]).run();
    assert_eq!(back.code, 0, "{}", back.stderr);
    assert!(
        back.stderr
            .contains("組み込みの規則データ（2026-05-25）に戻しました"),
        "{}",
        back.stderr
    );
    assert_eq!(grant(&home), 1_622_000);
    let version = at(&home).arg("--version").stdout();
    assert!(
        version.contains("（規則データ 2026-05-25、組み込み、sha256 "),
        "{version}"
    );
    // Nothing left to go back to: said, and nothing changed.
    let before = state(&home);
    at(&home)
        .args(["update", "--rollback"])
        .refused(&["インストールした規則データはありません"]);
    assert!(state(&home) == before, "the installed state changed");
}

#[test]
fn an_installed_bundle_changed_on_disk_stops_every_command_until_rollback() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let key = key(dir.path(), "test");
    let good = bundle(&catalogue(
        dir.path(),
        "good",
        with_cap("4_500_000", Some("1_500_000")),
    ));
    let base = serve(vec![
        ("/good.tar".into(), Reply::Whole(good.clone())),
        ("/good.tar.minisig".into(), Reply::Whole(sign(&key, &good))),
    ]);
    let run = update(&home, &format!("{base}/good.tar"), &key).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sha256 = {
        use sha2::Digest as _;
        sha2::Sha256::digest(&good)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let file = home.join(format!("subsidy/bundles/{sha256}.tar"));
    std::fs::write(
        &file,
        replaced(
            &good,
            "business_cost_cap = 4_500_000",
            "business_cost_cap = 4_900_000",
        ),
    )
    .unwrap();
    at(&home).args(["list", "--as-of", "2026-03-01"]).refused(&[
        &format!("インストールした規則データ {} を使えません", file.display()),
        "SHA-256 がインストール時の記録と一致しません",
        "subsidy update --rollback",
    ]);
    let back = at(&home).args(["update", "--rollback"]).run();
    assert_eq!(back.code, 0, "{}", back.stderr);
    assert_eq!(grant(&home), 1_622_000);
    assert!(!file.exists(), "the damaged bundle is gone");
}

#[test]
fn bundle_refuses_a_directory_that_does_not_load_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = catalogue(dir.path(), "broken", |text| {
        text.replacen("rate = \"1/3\"", "rate = \"one third\"", 1)
    });
    let out = dir.path().join("broken.tar");
    subsidy()
        .arg("bundle")
        .arg(&broken)
        .arg("-o")
        .arg(&out)
        .refused(&["e-prescription.toml:", "one third"]);
    assert!(!out.exists());
    // A good one: the note says what it holds and how to sign it.
    let good = catalogue(dir.path(), "good", |text| text);
    let out = dir.path().join("good.tar");
    let run = subsidy().arg("bundle").arg(&good).arg("-o").arg(&out).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("21ファイル、規則データ 2026-05-25")
            && run
                .stderr
                .contains(&format!("minisign -Sm {}", out.display())),
        "{}",
        run.stderr
    );
    // --data FILE reads it as --data DIR reads the directory.
    let from_dir = subsidy()
        .arg("--data")
        .arg(&good)
        .args(["list", "--format", "json", "--as-of", "2026-03-01"])
        .json();
    let from_file = subsidy()
        .arg("--data")
        .arg(&out)
        .args(["list", "--format", "json", "--as-of", "2026-03-01"])
        .json();
    assert_eq!(from_dir["programs"], from_file["programs"]);
    assert_eq!(
        from_dir["catalogue"]["sha256"],
        from_file["catalogue"]["sha256"]
    );
}
