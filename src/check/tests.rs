//! `check` on small catalogues written by the tests.

use super::*;

use crate::core::diagnostics::MESSAGE_CHARS;

/// Each quote goes to the source its part names (`; 003 No.12 …「…」`),
/// nested quotes stay inside theirs, and 500万円 is not a source id.
#[test]
fn quotes_are_read_with_the_source_they_quote() {
    let at = "補助金申請期間「令和13年9月30日までに申請」; 003 No.12 申請期日「令和 13年９月30日」; 500万円「「10者以上」であること」; 004「a」; 002（中位）「b」";
    assert_eq!(
        quoted(at, "001"),
        [
            ("001", "令和13年9月30日までに申請"),
            ("003", "令和 13年９月30日"),
            ("001", "「10者以上」であること"),
            ("004", "a"),
            ("002", "b"),
        ]
    );
    let text = squeeze("…申請期日\n令和 13年\n９月30日（火）\n**小規模事業者は最大4/5補助**し");
    assert!(Documents::holds(&text, "令和13年９月30日"));
    assert!(Documents::holds(&text, "申請期日…９月30日"));
    assert!(!Documents::holds(&text, "９月30日…申請期日"));
    assert!(Documents::holds(&text, "小規模事業者は最大4/5補助し"));
}

const SAMPLE: &str = include_str!("../../tests/broken/clean/sample.toml");

/// The clean sample with each `(from, to)` replaced, and what is out of bounds in it.
fn bounds_of(replace: &[(&str, &str)]) -> Vec<(&'static str, usize, String)> {
    let mut text = SAMPLE.to_string();
    for (from, to) in replace {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let program: Program = toml::from_str(&text).unwrap();
    out_of_bounds(&program)
        .into_iter()
        .map(|b| (b.code.id(), b.line_column(&text).0, b.message.en))
        .collect()
}

const CAP: &str = "business_cost_cap = 566_000";
const GRANT_CAP: &str = "grant_cap = 283_000";
const LABEL: &str = "label = { ja = \"病院\", en = \"Hospital\" }";
const CAPPED: &str = "[tiers.rule.capped]";

/// The sample's rule as per-unit, with `max` units (the `unit` on line 48).
fn per_unit(max: u32) -> [(&'static str, String); 2] {
    [
        (CAPPED, "[tiers.rule.per_unit]".to_string()),
        (
            GRANT_CAP,
            format!(
                "{GRANT_CAP}\nunit = {{ name = {{ ja = \"券\", en = \"coupon\" }}, max = {max}, cite = {{ source = \"003\", at = \"x\" }} }}"
            ),
        ),
    ]
}

/// The sample's rule as per-item, with two items capped at `caps` (lines 48–53).
fn items(caps: [u64; 2]) -> [(&'static str, String); 2] {
    [
        (CAPPED, "[tiers.rule.per_item]".to_string()),
        (
            GRANT_CAP,
            format!(
                "{GRANT_CAP}\n[[tiers.rule.per_item.items]]\nkey = \"a\"\nbusiness_cost_cap = {}\n[[tiers.rule.per_item.items]]\nkey = \"b\"\nbusiness_cost_cap = {}",
                caps[0], caps[1]
            ),
        ),
    ]
}

fn owned<'a>(replace: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    replace
        .iter()
        .map(|(from, to)| (*from, to.as_str()))
        .collect()
}

#[test]
fn figures_and_counts_at_their_bounds_pass() {
    let found = bounds_of(&[
        (CAP, "business_cost_cap = 1_000_000_000_000"),
        ("rate = \"1/2\"", "rate = \"625/10000\""),
        (GRANT_CAP, "grant_cap = 1_000_000_000_000"),
        (LABEL, &format!("{LABEL}\nmembers_min = 1000")),
        ("cost = 600_000", "cost = 1_000_000_000_000"),
    ]);
    assert_eq!(found, []);
    assert_eq!(bounds_of(&owned(&per_unit(1000))), []);
    let found = bounds_of(&owned(&items([600_000_000_000, 400_000_000_000])));
    assert_eq!(found, []);
}

#[test]
fn one_past_each_bound_is_found_at_its_line() {
    let one = |replace: &[(&str, &str)]| {
        let found = bounds_of(replace);
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().unwrap()
    };
    let (code, line, message) = one(&[(CAP, "business_cost_cap = 1_000_000_000_001")]);
    assert_eq!((code, line), ("figure-too-large", 47));
    assert!(message.contains("business_cost_cap 1,000,000,000,001 is above 1,000,000,000,000"));
    for max in [0, 1001] {
        let (code, line, message) = one(&owned(&per_unit(max)));
        assert_eq!((code, line), ("count-out-of-range", 49));
        assert!(message.contains(&format!("per_unit.max {max} is out of range")));
    }
    let (code, line, _) = one(&[(LABEL, &format!("{LABEL}\nmembers_min = 1001"))]);
    assert_eq!((code, line), ("count-out-of-range", 43));
    let (code, line, message) = one(&[("rate = \"1/2\"", "rate = \"1/10001\"")]);
    assert_eq!((code, line), ("rate-too-fine", 46));
    assert!(
        message.contains("multiple of 10,001, above 10,000"),
        "{message}"
    );
    // 600,000,000,000 + 400,000,000,001 passes 1兆円 at the second item (line 54).
    let (code, line, message) = one(&owned(&items([600_000_000_000, 400_000_000_001])));
    assert_eq!((code, line), ("figure-too-large", 54));
    assert!(message.contains("add up to 1,000,000,000,001"), "{message}");
    let (code, line, _) = one(&[("grant = 283_000", "grant = 1_000_000_000_001")]);
    assert_eq!((code, line), ("figure-too-large", 55));
}

#[test]
fn rates_of_bands_and_items_count_together() {
    // 2/3 and then 4/5: terms 2, 3, 4, 5 → 60; with 1/7 → 420; with 1/97 → 40,740.
    let capped = format!("{CAPPED}\nrate = \"1/2\"\n{CAP}\n{GRANT_CAP}");
    let bands = "[tiers.rule.banded]\ngrant_cap = 283_000\n[[tiers.rule.banded.bands]]\nup_to_grant = 100_000\nrate = \"2/3\"\nrate_when = [{ flag = \"small-business\", rate = \"4/5\" }]\n[[tiers.rule.banded.bands]]\nrate = \"1/7\"\n";
    let with = |extra: &str| bounds_of(&[(capped.as_str(), &format!("{bands}{extra}"))]);
    assert_eq!(with(""), []);
    let found = with("[[tiers.rule.banded.parts]]\nkey = \"a\"\nrate = \"1/97\"\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), ("rate-too-fine", 55));
    assert!(found[0].2.contains("40,740"), "{}", found[0].2);
}

#[test]
fn clip_cuts_on_a_character_boundary() {
    assert_eq!(clip("病院病院", 2), "病院…");
    assert_eq!(clip("病院", 2), "病院");
    assert_eq!(clip("", 0), "");
}

#[test]
fn messages_keep_their_words_and_lose_long_values() {
    let long = "x".repeat(1_000);
    let message = format!("invalid type: string \"{long}\", expected u64");
    let want = format!(
        "invalid type: string \"{}…\", expected u64",
        "x".repeat(CLIP_CHARS)
    );
    assert_eq!(clip_message(&message), want);
    // Escaped quotes stay inside the value; single quotes and backticks quote too.
    let message = format!("id \"a\\\"{long}\" and '{long}' and `{long}`, program's end");
    let clipped = clip_message(&message);
    assert!(clipped.starts_with("id \"a\\\"xxx") && clipped.ends_with("…`, program's end"));
    assert_eq!(clipped.matches('…').count(), 3, "{clipped}");
    // Short messages are left alone, apostrophes and all.
    let message = "tier 'a': the program's [[items]] lack 'b'";
    assert_eq!(clip_message(message), message);
    // Long unquoted text keeps its start and end.
    let clipped = clip_message(&format!("start {long} end"));
    assert!(clipped.starts_with("start xx") && clipped.ends_with("xx end"));
    assert!(
        clipped.chars().count() <= MESSAGE_CHARS + 1,
        "{}",
        clipped.len()
    );
}

/// The findings of the clean sample with each `(from, to)` replaced.
fn findings_of(replace: &[(&str, &str)]) -> Vec<Finding> {
    let mut text = SAMPLE.to_string();
    for (from, to) in replace {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let options = Options {
        as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        stale_days: 365,
        documents: None,
        coverage: false,
    };
    check(&[("s.toml".to_string(), text)], &options).findings
}

#[test]
fn findings_are_worded_in_both_languages_with_words_for_each() {
    // A clinic's example for the hospital tier: the rules choose no tier.
    let found = findings_of(&[(
        "facility = \"hospital\"\nbeds = 20",
        "facility = \"clinic\"\nbeds = 10",
    )]);
    let [finding] = &found[..] else {
        panic!("{found:?}")
    };
    assert_eq!(finding.code, "example-mismatch");
    assert_eq!(
        finding.message_in(Lang::En),
        "example expects tier 'hospital', the rules chose none"
    );
    assert_eq!(
        finding.message_in(Lang::Ja),
        "計算例は tier 'hospital' になるはずですが、規則はどの tier も選びません"
    );
    // A long id is clipped in both languages alike.
    let long = "X".repeat(500);
    let found = findings_of(&[("id = \"sample\"", &format!("id = \"{long}\""))]);
    let finding = found
        .iter()
        .find(|f| f.code == "id-not-kebab-case")
        .unwrap();
    let clipped = format!("'{}…'", "X".repeat(CLIP_CHARS));
    assert!(finding.message.contains(&clipped), "{}", finding.message);
    assert!(
        finding.message_ja.contains(&clipped),
        "{}",
        finding.message_ja
    );
    assert!(
        finding.message_ja.starts_with("制度の id 'XXX"),
        "{}",
        finding.message_ja
    );
}

/// One rule, written once in the core's rules: loading refuses the program
/// with its sentence after the program and tier, and `check` reports the
/// same sentence at the line of the key at fault.
#[test]
fn a_rule_stops_loading_and_is_a_finding_at_its_line() {
    let rule =
        "[tiers.rule.capped]\nrate = \"1/2\"\nbusiness_cost_cap = 566_000\ngrant_cap = 283_000";
    let cases: [(&str, &str, &str, usize, &str); 4] = [
        (
            rule,
            "[tiers.rule.capped]\nrate = \"1/2\"",
            "no-cap",
            45,
            "tier 'hospital' has no cap at all",
        ),
        (
            "facilities = [\"hospital\"]",
            "facilities = []",
            "schema",
            41,
            "lists no facilities",
        ),
        (
            rule,
            "[tiers.rule.banded]\ngrant_cap = 283_000\nbands = []",
            "schema",
            47,
            "a banded rule needs at least one band ([[tiers.rule.banded.bands]])",
        ),
        (
            rule,
            "[tiers.rule.banded]\ngrant_cap = 283_000\n[[tiers.rule.banded.bands]]\nrate = \"1/2\"\n[[tiers.rule.banded.group_caps]]\nparts = [\"main\", \"printer\"]\ngrant_cap = 300_000\ncite = { source = \"003\", at = \"No.1 病院\" }",
            "unknown-reference",
            50,
            "the group cap names \"printer\", which is neither main nor a key of the rule's parts",
        ),
    ];
    for (from, to, code, line, sentence) in cases {
        assert!(SAMPLE.contains(from), "{from}");
        let text = SAMPLE.replacen(from, to, 1);
        let refused = Catalogue::parse([("s.toml".to_string(), text)]).unwrap_err();
        assert_eq!(
            refused.message(Lang::En),
            format!("s.toml: program sample tier hospital: {sentence}")
        );
        let found = findings_of(&[(from, to)]);
        let [finding] = &found[..] else {
            panic!("{found:?}")
        };
        assert_eq!(
            (finding.code.id(), finding.line, finding.message.as_str()),
            (code, line, sentence)
        );
        assert!(refused.message(Lang::Ja).ends_with(&finding.message_ja));
    }
}

/// A tier written as before rate rules (its rate and caps in `[[tiers]]`
/// itself) is refused by loading at its first such key, and `check` says
/// at each where it goes now, in both languages.
#[test]
fn an_old_tier_says_where_each_key_went() {
    let new = "cite = { source = \"003\", at = \"No.1 病院\" }\n\n[tiers.rule.capped]\nrate = \"1/2\"\nbusiness_cost_cap = 566_000\ngrant_cap = 283_000\n";
    let old = "rate = \"1/2\"\nbusiness_cost_cap = 566_000\ngrant_cap = 283_000\ncite = { source = \"003\", at = \"No.1 病院\" }\n";
    let kinds = "(a rule is one of [tiers.rule.capped], per_bed, per_item, per_unit or banded)";
    let refused =
        Catalogue::parse([("s.toml".to_string(), SAMPLE.replacen(new, old, 1))]).unwrap_err();
    assert_eq!(
        refused.message(Lang::En),
        format!(
            "s.toml:43:1: tier 'hospital': `rate` has moved into the tier's rate rule; write it as [tiers.rule.capped] rate {kinds}"
        )
    );
    let found = findings_of(&[(new, old)]);
    let moved: Vec<(usize, &str)> = found.iter().map(|f| (f.line, f.code.id())).collect();
    assert_eq!(
        moved,
        [
            (43, "field-moved"),
            (44, "field-moved"),
            (45, "field-moved")
        ]
    );
    assert!(
        found[1].message.ends_with(&format!(
            "`business_cost_cap` has moved into the tier's rate rule; write it as [tiers.rule.capped] business_cost_cap {kinds}"
        )),
        "{}",
        found[1].message
    );
    assert_eq!(
        found[2].message_ja,
        "tier 'hospital': `grant_cap` は tier の補助率の規則に移りました。[tiers.rule.capped] grant_cap として書いてください（規則は [tiers.rule.capped]、per_bed、per_item、per_unit、banded のいずれか）"
    );
    assert!(
        refused
            .message(Lang::Ja)
            .starts_with("s.toml:43:1: tier 'hospital': `rate` は")
    );
}

#[test]
fn kebab_case() {
    assert!(is_kebab("ehr-sharing"));
    assert!(is_kebab("clinic-beds-5-19"));
    assert!(!is_kebab("EHR"));
    assert!(!is_kebab("ehr_sharing"));
    assert!(!is_kebab("ehr--sharing"));
    assert!(!is_kebab("-ehr"));
    assert!(!is_kebab(""));
}

/// `subsidy new`'s skeleton of `kind`, each blank replaced by the example
/// the skeleton gives for it (a list's blank by the whole list).
fn filled(kind: catalogue::SkeletonKind, file: &str) -> String {
    use crate::core::catalogue::rules::unfilled::blanks;
    let text = catalogue::skeleton(kind, "reidai-city-dx", Lang::Ja);
    let table = DeTable::parse(&text).unwrap();
    let mut out = text.clone();
    let kind_id = Some(kind.id());
    for blank in blanks(table.get_ref()).into_iter().rev() {
        let example = catalogue::example_for(file, kind_id, &blank.indexed, &blank.path)
            .unwrap_or_else(|| panic!("no example for {}", blank.path));
        let mut span = blank.span.clone();
        assert_eq!(&text[span.clone()], "\"＿＿\"", "{}", blank.path);
        if example.starts_with('[') {
            span = span.start - 1..span.end + 1;
        }
        out.replace_range(span, &example);
    }
    out
}

/// The document every skeleton's examples cite, and the extension's name.
const REIDAI_FILES: [(&str, &str); 2] = [
    (
        "ext/sources.toml",
        "[[documents]]\nid = \"reidai-1\"\nfile = \"reidai-city-notice.txt\"\ntitle = \"t\"\npublisher = \"p\"\ndate = \"2026-06-01\"\nrank = \"high\"\nsha256 = \"9ccd980cbb2a000126dd4eb23d48459e994825e1e0cf502c1b3425ded1a8a7bb\"\n",
    ),
    (
        "ext/extension.toml",
        "name = \"reidai-city\"\nversion = \"1\"\n",
    ),
];

/// Every kind of skeleton is a whole program: filled with the examples it
/// shows, it loads as an extension and checks without an error, its one
/// worked example computed as the example says.
#[test]
fn every_skeleton_filled_with_its_own_examples_loads_and_checks_clean() {
    let base = Catalogue::embedded().unwrap();
    let options = Options {
        as_of: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        stale_days: 365,
        documents: None,
        coverage: false,
    };
    for kind in catalogue::SkeletonKind::ALL {
        if kind == catalogue::SkeletonKind::Discovery {
            continue;
        }
        let program = filled(kind, "ext/reidai-city-dx.toml");
        let mut files: Vec<(String, String)> = REIDAI_FILES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        files.push(("ext/reidai-city-dx.toml".to_string(), program.clone()));
        let layered = base.clone().extend("ext", &files);
        let layered = layered.unwrap_or_else(|e| panic!("{kind:?}: {e}\n{program}"));
        let loaded = layered.program("reidai-city-dx").unwrap();
        assert_eq!(loaded.tiers[0].rule.kind(), kind.id());
        let report = check_extension("ext", &files, &base, &options);
        let errors: Vec<&Finding> = (report.findings.iter())
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{kind:?}: {errors:#?}");
        assert_eq!((report.programs, report.examples), (1, 1), "{kind:?}");
    }
}

/// A skeleton left as it is: each blank an error at its line and column,
/// and nothing else of the file checked; the extension's name and version
/// as well.
#[test]
fn a_skeleton_not_filled_in_is_each_blank_at_its_line() {
    let base = Catalogue::embedded().unwrap();
    let options = Options {
        as_of: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        stale_days: 365,
        documents: None,
        coverage: false,
    };
    let program = catalogue::skeleton(catalogue::SkeletonKind::PerItem, "x-dx", Lang::En);
    let meta = catalogue::extension_skeleton(None, Lang::En);
    let files = vec![
        ("ext/extension.toml".to_string(), meta.clone()),
        ("ext/x-dx.toml".to_string(), program.clone()),
    ];
    let report = check_extension("ext", &files, &base, &options);
    let lines_with_blanks = |text: &str| -> usize {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.matches("＿＿").count())
            .sum()
    };
    assert_eq!(
        report.findings.len(),
        lines_with_blanks(&program) + lines_with_blanks(&meta)
    );
    for f in &report.findings {
        assert_eq!((f.code, f.severity), (Code::Unfilled, Severity::Error));
        let text = if f.file.ends_with("extension.toml") {
            &meta
        } else {
            &program
        };
        let line = text.lines().nth(f.line - 1).unwrap();
        assert_eq!(line, f.snippet);
        let at: String = line.chars().skip(f.column - 1).take(4).collect();
        assert_eq!(at, "\"＿＿\"", "{f:?}");
        // The field is the key on the line, the example what fills it.
        let field = f.message.strip_prefix("not filled in: ").unwrap();
        let key = field.split(' ').next().unwrap();
        let last = key.rsplit('.').next().unwrap();
        assert!(line.contains(&format!("{last} = ")), "{key}: {line}");
        assert!(field.contains(" (e.g. "), "{field}");
    }
    let name = &report.findings[0];
    assert_eq!(
        (name.file.as_str(), name.message.as_str()),
        (
            "ext/extension.toml",
            "not filled in: name (e.g. \"reidai-city\")"
        )
    );
    let rate = report
        .findings
        .iter()
        .find(|f| {
            f.message
                .starts_with("not filled in: tiers.rule.per_item.rate ")
        })
        .unwrap();
    assert_eq!(
        rate.message,
        "not filled in: tiers.rule.per_item.rate (e.g. \"3/4\")"
    );
    assert_eq!(
        rate.message_ja,
        "未記入: tiers.rule.per_item.rate（例: \"3/4\"）"
    );
    assert_eq!(report.examples, 0);
}

/// The discovery entry, filled with its examples, is one a catalogue's
/// discovery.toml may hold.
#[test]
fn the_discovery_skeleton_filled_with_its_examples_loads() {
    let text = filled(catalogue::SkeletonKind::Discovery, "discovery.toml");
    let text = text.replace("reidai-city-dx", "tokyo-ai-example");
    let catalogue = Catalogue::parse([("discovery.toml".to_string(), text.clone())])
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    let entry = &catalogue.discovery()[0];
    assert_eq!(entry.id, "tokyo-ai-example");
    assert_eq!(entry.authority.ja, "東京都");
    assert_eq!(entry.document.as_ref().unwrap().id, "002");
}

/// A short name is a calendar event's title: loading refuses a blank one,
/// `check` warns past 24 characters in Japanese (48 in English), at its line.
#[test]
fn a_short_name_is_given_and_short() {
    let given = "short_name = { ja = \"サンプル補助金\", en = \"Sample grant\" }";
    let blank = "short_name = { ja = \" \", en = \"Sample grant\" }";
    let refused =
        Catalogue::parse([("s.toml".to_string(), SAMPLE.replacen(given, blank, 1))]).unwrap_err();
    assert_eq!(
        refused.message(Lang::En),
        "s.toml: program sample: short_name's ja is empty (give the program's short name, a calendar event's title; e.g. en = \"EHR sharing service adoption\")"
    );
    let found = findings_of(&[(given, blank)]);
    let [finding] = &found[..] else {
        panic!("{found:?}")
    };
    assert_eq!((finding.code.id(), finding.line), ("short-name", 4));
    // 24 characters pass; 25 are warned of, and so are 49 in English.
    let at_most = format!(
        "short_name = {{ ja = \"{}\", en = \"{}\" }}",
        "補".repeat(24),
        "a".repeat(48)
    );
    assert_eq!(findings_of(&[(given, &at_most)]), []);
    let past = format!(
        "short_name = {{ ja = \"{}\", en = \"{}\" }}",
        "補".repeat(25),
        "a".repeat(49)
    );
    let found = findings_of(&[(given, &past)]);
    let codes: Vec<(&str, usize, Severity)> = found
        .iter()
        .map(|f| (f.code.id(), f.line, f.severity))
        .collect();
    assert_eq!(
        codes,
        [
            ("short-name", 4, Severity::Warning),
            ("short-name", 4, Severity::Warning)
        ]
    );
    assert!(
        found[0].message_ja.contains("25 文字あります（24 文字まで"),
        "{}",
        found[0].message_ja
    );
    assert!(
        found[1]
            .message
            .contains("has 49 characters; keep it to 48"),
        "{}",
        found[1].message
    );
}
