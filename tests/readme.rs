//! The README's example and main command run as written, so the docs never lie.

use assert_cmd::Command;

const README: &str = include_str!("../README.md");

/// The lines of the fenced block that follows `marker`.
fn block_after(marker: &str) -> Vec<&'static str> {
    let start = README.find(marker).expect("marker in README");
    README[start..]
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .collect()
}

#[test]
fn the_readme_example_output_is_what_the_tool_prints() {
    let lines = block_after("<!-- readme-example");
    let command = lines[0]
        .strip_prefix("$ subsidy ")
        .expect("a `$ subsidy …` line");
    let expected = lines[1..].join("\n") + "\n";
    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .args(command.split_whitespace())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn the_readme_main_command_runs() {
    let line = README
        .lines()
        .find(|l| l.starts_with("cargo run --release -- calc"))
        .expect("the main command in README");
    let args = line
        .trim_start_matches("cargo run --release -- ")
        .split_whitespace();
    let out = Command::cargo_bin("subsidy")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("6,579,000円")
    );
}
