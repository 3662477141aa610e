//! Issue 15: a real browser. Headless Chromium (Debian's `chromium`;
//! `.ci/run` installs it) opens the page of a running `subsidy serve`,
//! submits the design-card facility as the form submits it (a GET with
//! every field, the unknown ones blank), and the rendered page shows
//! 6,579,000円 and 2031-09-30 (001 / 003 No.12: 13,158,000 × 1/2; 001
//! 「令和13年9月30日までに申請」). Without Chromium the test says so and
//! passes, except under CI (`CI` set), where it fails.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// `subsidy serve` on a free port, and its address.
fn serve() -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_subsidy"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env_remove("SUBSIDY_LANG")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // 「subsidy serve: http://127.0.0.1:PORT/ で待ち受けています…」
    let start = line.find("http://").expect(&line);
    let end = start + line[start..].find('/').unwrap() + 2;
    let end = end + line[end..].find('/').unwrap();
    (child, line[start..end].to_string())
}

fn dump_dom(browser: &str, url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--dump-dom",
            url,
        ])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn chromium_shows_the_design_card_answer() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Chromium: .ci/run installs Debian's chromium"
        );
        eprintln!("skipped: no chromium on this machine (apt-get install chromium)");
        return;
    };
    let (mut server, base) = serve();
    // The empty page: the form, which the browser renders.
    let page = dump_dom(browser, &format!("{base}/"));
    assert!(page.contains("<form class=\"facility\""), "{page}");
    // What submitting the form sends: every field, blanks for the unknown.
    let submitted = format!(
        "{base}/?lang=ja&facility=hospital&beds=250&kenshin=yes&prefecture=&entity=&capital=&employees=&cost=14000000&coupons=&as_of=2026-11-22&fact%3Aonline-qual-in-place=&fact%3Ae-prescription-introduced="
    );
    let result = dump_dom(browser, &submitted);
    let _ = Command::new("kill").arg(server.id().to_string()).status();
    let stopped = server.wait().unwrap();
    assert!(result.contains("6,579,000円"), "{result}");
    assert!(result.contains("2031-09-30"), "{result}");
    assert!(result.contains("<svg"), "the chart is drawn: {result}");
    // SIGTERM: the server finishes and exits cleanly.
    assert!(stopped.success(), "{stopped:?}");
}
