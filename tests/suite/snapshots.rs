//! What people see, held as files: each `tests/cmd/*.toml` runs the tool at a
//! fixed terminal width (`COLUMNS`, or none: piped) on a fixed day, and its
//! output must match the `.stdout` file beside it byte for byte. A change to
//! what users see shows up as a reviewed diff of those files; after an
//! intended change, rewrite them with `TRYCMD=overwrite cargo test --test suite snapshots`.

#[test]
fn outputs_at_the_widths_people_have() {
    trycmd::TestCases::new()
        .register_bin("subsidy", trycmd::cargo::cargo_bin!("subsidy"))
        .case("tests/cmd/*.toml");
}
