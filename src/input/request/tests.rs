//! Requests refused and accepted.

use super::*;

// A 10 MB value took seconds in the edit distance,
// and its error quoted all 10 MB.

const TEN_MB: usize = 10_000_000;

#[test]
fn a_long_input_gets_no_suggestion_and_no_candidate_is_compared() {
    let long = "e".repeat(TEN_MB);
    let mut compared = 0;
    let candidates = ["ehr-sharing", "e-prescription"]
        .into_iter()
        .inspect(|_| compared += 1);
    assert_eq!(did_you_mean(&long, candidates), None);
    assert_eq!(compared, 0, "no edit distance over 10 MB");
    // Just past the limit is long too; short typos still get their suggestion.
    let over = "e".repeat(SUGGEST_MAX_CHARS + 1);
    let mut compared = 0;
    let candidates = ["ehr-sharing"].into_iter().inspect(|_| compared += 1);
    assert_eq!(did_you_mean(&over, candidates), None);
    assert_eq!(compared, 0);
    assert_eq!(
        did_you_mean("ehr-shareing", ["ehr-sharing", "e-prescription"]),
        Some("ehr-sharing")
    );
}

#[test]
fn a_ten_megabyte_program_id_gives_a_short_message() {
    let catalogue = Catalogue::embedded().unwrap();
    let checker = Checker::new(&catalogue);
    let long = format!("ehr-{}", "x".repeat(TEN_MB));
    let error = checker.program(Field::Program, &long).unwrap_err();
    assert_eq!(error.value.len(), long.len(), "the value is kept whole");
    let message = error.to_string();
    assert_eq!(
        message,
        format!(
            "invalid value 'ehr-{}…' for 'program': no such program; (`subsidy list` shows every id)",
            "x".repeat(56)
        )
    );
}

#[test]
fn a_ten_megabyte_fact_gives_a_short_message() {
    let catalogue = Catalogue::embedded().unwrap();
    let checker = Checker::new(&catalogue);
    let request = Request {
        facility: Some(FacilityClass::Clinic.into()),
        facts: vec![("f".repeat(TEN_MB), true)],
        ..Request::default()
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let message = checker.profile(&request, as_of).unwrap_err().to_string();
    let quoted = format!("{}…", "f".repeat(60));
    assert_eq!(
        message,
        format!(
            "invalid value '{quoted}' for 'fact': no program asks fact '{quoted}'; (`subsidy show ID` lists each program's facts)"
        )
    );
}

#[test]
fn a_line_break_in_a_value_stays_on_one_line() {
    let error = InputError::new(Field::Variant, "basic\nplus", Problem::NoVariants);
    assert_eq!(
        error.to_string(),
        "invalid value 'basic\\nplus' for 'variant': none of the selected programs has variants"
    );
    let error = check_items(&[], &[("a\nb".to_string(), 1)]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid value 'a\\nb=1' for 'item': none of the selected programs splits costs into items; use cost"
    );
}
