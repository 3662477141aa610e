//! Start-up benchmark (issue 14, part 5): whole-process runs of `subsidy`,
//! interleaved so that the machine's load falls on every command alike; the
//! median of each, and its ratio to `subsidy --version`.
//! Usage: cargo run --release --example startup -- [RUNS]   (see benches/startup.sh)

use std::process::{Command, Stdio};
use std::time::Instant;

const CASES: [(&str, &[&str]); 4] = [
    ("--version", &["--version"]),
    (
        "calc, one program",
        &[
            "calc",
            "--program",
            "ehr-sharing",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
            "--cost",
            "14000000",
            "--as-of",
            "2026-11-22",
        ],
    ),
    (
        "calc, every program",
        &[
            "calc",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
            "--cost",
            "14000000",
            "--as-of",
            "2026-11-22",
        ],
    ),
    (
        "calc, one program, --data data",
        &[
            "calc",
            "--data",
            "data",
            "--program",
            "ehr-sharing",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--kenshin",
            "yes",
            "--cost",
            "14000000",
            "--as-of",
            "2026-11-22",
        ],
    ),
];

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map_or(301, |n| n.parse().expect("RUNS is a number"));
    let binary = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/subsidy");
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(runs); CASES.len()];
    for _ in 0..runs {
        for (i, (_, args)) in CASES.iter().enumerate() {
            let start = Instant::now();
            let status = Command::new(binary)
                .args(*args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("subsidy runs");
            times[i].push(start.elapsed().as_secs_f64() * 1000.0);
            assert!(status.success(), "{args:?} failed");
        }
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(f64::total_cmp);
            t[t.len() / 2]
        })
        .collect();
    for ((name, _), median) in CASES.iter().zip(&medians) {
        println!(
            "{name:<32} median {median:.2} ms  ({:.2}x --version)",
            median / medians[0]
        );
    }
}
