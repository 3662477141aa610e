//! The README's example and main command run as written, so the docs never lie.

use crate::support::subsidy;

const README: &str = include_str!("../../README.md");

/// Every `<!-- readme-example -->` block: the `$ subsidy …` command and the output under it.
fn examples() -> Vec<(&'static str, String)> {
    README
        .match_indices("<!-- readme-example")
        .map(|(start, _)| {
            let lines: Vec<&str> = README[start..]
                .lines()
                .skip_while(|l| !l.starts_with("```"))
                .skip(1)
                .take_while(|l| !l.starts_with("```"))
                .collect();
            let command = lines[0]
                .strip_prefix("$ subsidy ")
                .expect("a `$ subsidy …` line");
            (command, lines[1..].join("\n") + "\n")
        })
        .collect()
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let examples = examples();
    assert!(examples.len() >= 4, "the README's examples went missing");
    for (command, expected) in examples {
        let out = subsidy()
            .args(command.split_whitespace())
            // As in an 80-column terminal; a pipe gets no colour either way.
            .columns(80)
            .output();
        assert!(out.status.success(), "{command}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            expected,
            "README example differs: subsidy {command}"
        );
    }
}

#[test]
fn the_quick_start_leads_with_what_can_i_get() {
    // The first command in the README answers "what can I get": every program, no --program.
    let main = README
        .lines()
        .find(|l| l.starts_with("cargo run --release -- "))
        .expect("the main command in README");
    assert!(
        main.contains(" calc ") && !main.contains("--program"),
        "{main}"
    );
    let (first, _) = examples()[0].clone();
    assert!(!first.contains("--program"), "{first}");
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
    let out = subsidy().args(args).output();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("6,579,000円")
    );
}
