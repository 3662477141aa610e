//! The skeletons `subsidy new` writes: a program file for each kind of rate
//! rule, an entry of `discovery.toml`, an `extension.toml`, each commented
//! in both languages (the user's first) with every value to fill left as
//! [`BLANK`]. Loading refuses a file that still holds one, at its line;
//! `check` lists each ([`crate::core::catalogue::rules::unfilled`]), with
//! the example the skeleton gives for that field.
//!
//! The examples are values of the data format, the same in every language
//! (a Japanese name is Japanese in an English skeleton too): the made-up
//! notice of the authoring guide (`docs/examples/reidai-city-notice.txt`,
//! document `reidai-1`) for a program's words, and figures of the built-in
//! data for the kinds of rule it does not use. They are never loaded.

use super::*;

/// A value still to be filled: a string of `＿` (U+FF3F) alone. Any run of
/// them counts (an author may type three), so that a quote of a form's
/// `氏名＿＿＿` is not one.
pub const BLANK: &str = "＿＿";

/// Whether a string value of a catalogue file is a blank left to fill.
pub fn is_blank(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty() && value.chars().all(|c| c == '＿')
}

/// What `subsidy new` writes: a program with one kind of rate rule, or an
/// entry of the programs named without a rate table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkeletonKind {
    Capped,
    PerBed,
    PerItem,
    PerUnit,
    Banded,
    /// An entry of [`DISCOVERY_FILE`].
    Discovery,
}

impl SkeletonKind {
    pub const ALL: [SkeletonKind; 6] = [
        SkeletonKind::Capped,
        SkeletonKind::PerBed,
        SkeletonKind::PerItem,
        SkeletonKind::PerUnit,
        SkeletonKind::Banded,
        SkeletonKind::Discovery,
    ];

    /// As the TOML names the rule (`[tiers.rule.per_bed]`), or `discovery`.
    pub fn id(self) -> &'static str {
        match self {
            SkeletonKind::Capped => "capped",
            SkeletonKind::PerBed => "per_bed",
            SkeletonKind::PerItem => "per_item",
            SkeletonKind::PerUnit => "per_unit",
            SkeletonKind::Banded => "banded",
            SkeletonKind::Discovery => "discovery",
        }
    }

    /// The lines of the rule's own parts: items (before the tiers), the
    /// rule's table, and its worked example's inputs and outcome.
    fn parts(self) -> [&'static [Line]; 3] {
        match self {
            SkeletonKind::Capped => [&[], CAPPED, CAPPED_EXAMPLE],
            SkeletonKind::PerBed => [&[], PER_BED, PER_BED_EXAMPLE],
            SkeletonKind::PerItem => [ITEMS, PER_ITEM, PER_ITEM_EXAMPLE],
            SkeletonKind::PerUnit => [&[], PER_UNIT, PER_UNIT_EXAMPLE],
            SkeletonKind::Banded => [&[], BANDED, BANDED_EXAMPLE],
            SkeletonKind::Discovery => [&[], &[], &[]],
        }
    }

    /// Every line of this skeleton, in order.
    fn lines(self) -> Vec<Line> {
        if self == SkeletonKind::Discovery {
            return DISCOVERY.to_vec();
        }
        let [items, rule, example] = self.parts();
        [PROGRAM, items, TIER, rule, EXAMPLE, example]
            .concat()
            .to_vec()
    }
}

/// A line of a skeleton.
#[derive(Debug, Clone, Copy)]
enum Line {
    /// A comment, in both languages.
    Note(Key),
    /// An empty line.
    Gap,
    /// A table's header (`[apply]`, `[[tiers]]`): the fields under it are its.
    Table(&'static str),
    /// A line written as it is (`kind = "opens"`).
    Fixed(&'static str),
    /// `key = "…"`: what `subsidy new` was given (the id, an extension's name).
    Given(&'static str),
    /// `key = "＿＿"`, and a value that fills it, as TOML writes it.
    Value(&'static str, &'static str),
    /// `key = ["＿＿"]`, and a list that fills it.
    List(&'static str, &'static str),
    /// `key = { ja = "＿＿", en = "＿＿" }`, and the texts that fill it.
    Text(&'static str, [&'static str; 2]),
    /// `cite = { source = "＿＿", at = "＿＿" }`, and the `source` and
    /// `at` that fill it.
    Cite(&'static str, &'static str),
}
use Line::*;

/// A cite of the authoring guide's made-up notice, the document a
/// program's examples cite, at `at`.
const fn cite(at: &'static str) -> Line {
    Cite("reidai-1", at)
}

/// The program's parts every kind of rule has, up to its tiers.
const PROGRAM: &[Line] = &[
    Given("id"),
    Gap,
    Note(Key::SkeletonName),
    Text(
        "name",
        ["例題市 医療DX推進補助金", "Reidai City medical DX grant"],
    ),
    Note(Key::SkeletonShortName),
    Text("short_name", ["例題市 医療DX補助", "Reidai City DX grant"]),
    Note(Key::SkeletonAuthority),
    Text("authority", ["例題市", "Reidai City"]),
    Note(Key::SkeletonImplementer),
    Text(
        "implementer",
        [
            "例題市健康福祉部 医療政策課",
            "Reidai City Health and Welfare Department, medical policy section",
        ],
    ),
    Note(Key::SkeletonFund),
    Text("fund", ["出典に記載なし", "Not stated in the source"]),
    Note(Key::SkeletonSummary),
    Text(
        "summary",
        [
            "市内の診療所及び薬局が行う医療DXに係る機器の購入及びシステムの導入を支援する。",
            "Supports clinics and pharmacies in the city buying medical DX equipment and systems.",
        ],
    ),
    Note(Key::SkeletonEligibility),
    Text(
        "eligibility",
        [
            "例題市内に所在する診療所及び薬局の開設者（市税を滞納している者を除く）",
            "Clinics and pharmacies in Reidai City (not those with unpaid city taxes)",
        ],
    ),
    Note(Key::SkeletonCoveredCosts),
    Text(
        "covered_costs",
        [
            "医療DXに係る機器の購入費、システムの導入費及び設定費（消費税等を除く）",
            "Medical DX equipment, systems and their set-up (without consumption tax)",
        ],
    ),
    Gap,
    Note(Key::SkeletonApply),
    Table("[apply]"),
    Text(
        "how",
        [
            "申請書に見積書の写しを添えて医療政策課へ郵送又は持参",
            "By post or in person to the medical policy section, with a copy of the quote",
        ],
    ),
    Value("url", "\"https://example.org/reidai-city/dx\""),
    cite("7 申請方法「例題市健康福祉部 医療政策課へ郵送又は持参する。」"),
    Gap,
    Note(Key::SkeletonContact),
    Table("[contact]"),
    Text(
        "name",
        [
            "例題市健康福祉部 医療政策課",
            "Reidai City medical policy section",
        ],
    ),
    Value("phone", "\"0120-000-001\""),
    Text("hours", ["平日 8:30～17:15", "Weekdays 8:30–17:15"]),
    cite("8 問合せ先「電話 0120-000-001（平日 8:30～17:15）」"),
    Gap,
    Note(Key::SkeletonSources),
    Table("[[sources]]"),
    Value("id", "\"reidai-1\""),
    Gap,
    Note(Key::SkeletonDates),
    Table("[[dates]]"),
    Fixed("kind = \"opens\""),
    Value("date", "\"2026-07-01\""),
    cite("6 申請期間「令和8年7月1日（水）から令和9年2月26日（金）まで」"),
    Gap,
    Table("[[dates]]"),
    Fixed("kind = \"deadline\""),
    Value("date", "\"2027-02-26\""),
    cite("6 申請期間「令和8年7月1日（水）から令和9年2月26日（金）まで」"),
    Gap,
    Note(Key::SkeletonRounding),
    Table("[rounding]"),
    Value("rule", "\"truncate-1000\""),
    cite("5 端数処理「1,000円未満の端数があるときは、これを切り捨てる。」"),
    Gap,
    Note(Key::SkeletonTax),
    Table("[tax]"),
    Value("basis", "\"excluded\""),
    Text(
        "evidence",
        [
            "消費税及び地方消費税は補助対象経費に含めない。",
            "Consumption taxes are not covered costs.",
        ],
    ),
    cite("3 補助対象経費「消費税及び地方消費税は補助対象経費に含めない。」"),
    Gap,
    Note(Key::SkeletonConditions),
    Table("[[conditions]]"),
    Value("id", "\"city-tax-paid\""),
    Text(
        "text",
        ["市税を滞納していない", "Has no unpaid Reidai City taxes"],
    ),
    Fixed("decided_by = \"fact\""),
    Value("fact", "\"reidai-city-tax-paid\""),
    cite("2 補助対象者「ただし、市税を滞納している者を除く。」"),
    Gap,
];

/// The program's cost items (a per-item rule), before its tiers.
const ITEMS: &[Line] = &[
    Note(Key::SkeletonItems),
    Table("[[items]]"),
    Value("key", "\"mobile\""),
    Text("name", ["モバイル端末等", "Mobile devices etc."]),
    Gap,
];

/// A tier, up to its rule.
const TIER: &[Line] = &[
    Note(Key::SkeletonTier),
    Table("[[tiers]]"),
    Value("id", "\"clinic-pharmacy\""),
    List("facilities", "[\"clinic\", \"pharmacy\"]"),
    Text("label", ["診療所・薬局", "Clinic or pharmacy"]),
    cite("4「補助対象経費の2分の1以内とし、1施設あたり500,000円を上限とする。」"),
    Gap,
];

/// 1/2 of at most 1,000,000, at most 500,000 (kakuu-city's 診療所, a
/// test extension's).
const CAPPED: &[Line] = &[
    Note(Key::SkeletonCapped),
    Table("[tiers.rule.capped]"),
    Value("rate", "\"1/2\""),
    Value("business_cost_cap", "1_000_000"),
    Value("grant_cap", "500_000"),
    Gap,
];

const CAPPED_EXAMPLE: &[Line] = &[
    Value("cost", "1_200_000"),
    Value("grant", "500_000"),
    EXAMPLE_FACTS,
    EXAMPLE_ELIGIBLE,
    cite("worked from the figures cited in the tier: min(1,200,000, 1,000,000) × 1/2 = 500,000"),
];

/// 40,000 a licensed bed, actual costs (fukuoka-work-environment).
const PER_BED: &[Line] = &[
    Note(Key::SkeletonPerBed),
    Table("[tiers.rule.per_bed]"),
    Value("rate", "\"1/1\""),
    Value("grant_cap_per_bed", "40_000"),
    Gap,
];

const PER_BED_EXAMPLE: &[Line] = &[
    Value("beds", "19"),
    Value("cost", "1_000_000"),
    Value("grant", "760_000"),
    EXAMPLE_FACTS,
    EXAMPLE_ELIGIBLE,
    cite(
        "worked from the figures cited in the tier: 1,000,000 × 1/1, at most 19 × 40,000 = 760,000",
    ),
];

/// 3/4 of at most 171,000 (mobile devices at most 41,000), at most
/// 128,000 (online-qual-home-care's clinic).
const PER_ITEM: &[Line] = &[
    Note(Key::SkeletonPerItem),
    Table("[tiers.rule.per_item]"),
    Value("rate", "\"3/4\""),
    Value("business_cost_cap", "171_000"),
    Value("grant_cap", "128_000"),
    Gap,
    Note(Key::SkeletonPerItemItem),
    Table("[[tiers.rule.per_item.items]]"),
    Value("key", "\"mobile\""),
    Value("business_cost_cap", "41_000"),
    Gap,
];

const PER_ITEM_EXAMPLE: &[Line] = &[
    Value("items", "{ mobile = 41_000 }"),
    Value("grant", "30_000"),
    EXAMPLE_FACTS,
    EXAMPLE_ELIGIBLE,
    cite("worked from the figures cited in the tier: min(41,000, 41,000) × 3/4 = 30,750 → 30,000"),
];

/// 1/2 of at most 14,000 a coupon, at most 7,000, one coupon
/// (online-qual-smartphone's clinic).
const PER_UNIT: &[Line] = &[
    Note(Key::SkeletonPerUnit),
    Table("[tiers.rule.per_unit]"),
    Value("rate", "\"1/2\""),
    Value("business_cost_cap", "14_000"),
    Value("grant_cap", "7_000"),
    Gap,
    Note(Key::SkeletonUnit),
    Table("[tiers.rule.per_unit.unit]"),
    Text("name", ["クーポン", "coupon"]),
    Value("max", "1"),
    cite("4「1施設につき1つまで」"),
    Gap,
];

const PER_UNIT_EXAMPLE: &[Line] = &[
    Value("coupons", "1"),
    Value("cost", "20_000"),
    Value("grant", "7_000"),
    EXAMPLE_FACTS,
    EXAMPLE_ELIGIBLE,
    cite("worked from the figures cited in the tier: min(20,000, 14,000) × 1/2 = 7,000"),
];

/// 3/4 of the grant up to 500,000, 2/3 above, at most 3,500,000
/// (digital-ai-invoice's two-or-more-functions).
const BANDED: &[Line] = &[
    Note(Key::SkeletonBanded),
    Table("[tiers.rule.banded]"),
    Value("grant_cap", "3_500_000"),
    Gap,
    Note(Key::SkeletonBand),
    Table("[[tiers.rule.banded.bands]]"),
    Value("up_to_grant", "500_000"),
    Value("rate", "\"3/4\""),
    Gap,
    Table("[[tiers.rule.banded.bands]]"),
    Value("rate", "\"2/3\""),
    Gap,
];

const BANDED_EXAMPLE: &[Line] = &[
    Value("cost", "600_000"),
    Value("grant", "450_000"),
    EXAMPLE_FACTS,
    EXAMPLE_ELIGIBLE,
    cite("worked from the figures cited in the tier: 600,000 × 3/4 = 450,000 (up to 500,000)"),
];

/// A worked example, up to its kind's inputs.
const EXAMPLE: &[Line] = &[
    Note(Key::SkeletonExamples),
    Table("[[examples]]"),
    Value("tier", "\"clinic-pharmacy\""),
    Value("facility", "\"clinic\""),
];

/// A worked example's answer to the condition.
const EXAMPLE_FACTS: Line = Value("facts", "{ reidai-city-tax-paid = true }");

/// A worked example's outcome.
const EXAMPLE_ELIGIBLE: Line = Value("eligibility", "\"eligible\"");

/// An entry of [`DISCOVERY_FILE`] (tokyo-ai's, in the built-in data, from 002).
const DISCOVERY: &[Line] = &[
    Note(Key::SkeletonDiscovery),
    Table("[[entries]]"),
    Given("id"),
    Note(Key::SkeletonName),
    Text(
        "name",
        [
            "東京都 医療機関におけるAI技術活用促進事業",
            "Tokyo: promoting AI in medical institutions",
        ],
    ),
    Note(Key::SkeletonAuthority),
    Text("authority", ["東京都", "Tokyo Metropolitan Government"]),
    Note(Key::SkeletonFunds),
    Text(
        "funds",
        [
            "AI問診、電子カルテへの音声自動入力などAIを活用したシステムの導入費用",
            "AI systems (AI interviews, voice input to the EHR …)",
        ],
    ),
    Note(Key::SkeletonFigures),
    Text(
        "figures",
        [
            "サービス導入のみで最大500万円",
            "Up to 5,000,000 yen for the service alone",
        ],
    ),
    Cite("002", "2.2「サービス導入のみで最大500万円」"),
];

/// [`EXTENSION_FILE`], its name given (`name = "…"`) or left blank.
const EXTENSION: &[Line] = &[
    Note(Key::SkeletonExtension),
    Value("name", "\"reidai-city\""),
    Note(Key::SkeletonVersion),
    Value("version", "\"2026.1\""),
];

/// A document of [`REGISTRY_FILE`], as `subsidy source add` writes it: the
/// examples of what it leaves blank when not told.
const DOCUMENT: &[Line] = &[
    Table("[[documents]]"),
    Value("id", "\"reidai-1\""),
    Value("file", "\"reidai-city-notice.txt\""),
    Value("title", "\"例題市 医療DX推進補助金 募集要項\""),
    Value("publisher", "\"例題市健康福祉部 医療政策課\""),
    Value("date", "\"2026-06-01\""),
    Value("rank", "\"high\""),
];

/// `text` as a TOML basic string. The skeleton's own texts hold no quote or
/// backslash (a test keeps it so).
fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// The skeleton of `kind` for id `id` (kebab-case: `subsidy new` checks
/// it), commented in `lang` first, then the other language.
pub fn skeleton(kind: SkeletonKind, id: &str, lang: Lang) -> String {
    let mut out = String::new();
    if kind != SkeletonKind::Discovery {
        note(&mut out, Key::SkeletonHead, &[("kind", &kind.id())], lang);
        out.push('\n');
    }
    render(&mut out, &kind.lines(), id, lang);
    out
}

/// The skeleton of [`EXTENSION_FILE`], with `name` if it is known.
pub fn extension_skeleton(name: Option<&str>, lang: Lang) -> String {
    let mut out = String::new();
    let lines: Vec<Line> = EXTENSION
        .iter()
        .map(|line| match (line, name) {
            (Value("name", _), Some(_)) => Given("name"),
            (other, _) => *other,
        })
        .collect();
    render(&mut out, &lines, name.unwrap_or_default(), lang);
    out
}

/// The comment `subsidy source add` puts at the head of a new
/// [`REGISTRY_FILE`].
pub fn registry_head(lang: Lang) -> String {
    let mut out = String::new();
    note(&mut out, Key::SourcesHead, &[], lang);
    out
}

/// `key`'s sentence as comment lines, in `lang` and then the other (a
/// sentence of several lines, a paragraph, with an empty comment between).
fn note(out: &mut String, key: Key, values: &[(&str, &dyn std::fmt::Display)], lang: Lang) {
    for (i, lang) in [lang, other(lang)].into_iter().enumerate() {
        let text = i18n::text(lang, key, values);
        if i > 0 && text.contains('\n') {
            out.push_str("#\n");
        }
        for line in text.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    }
}

fn render(out: &mut String, lines: &[Line], given: &str, lang: Lang) {
    let example = |out: &mut String, key: &str, value: &str| {
        let words = [lang, other(lang)].map(|l| i18n::template(l, Key::SkeletonExample));
        out.push_str(&format!("# {} {} {key} = {value}\n", words[0], words[1]));
    };
    for line in lines {
        match *line {
            Note(key) => note(out, key, &[], lang),
            Gap => out.push('\n'),
            Table(header) => out.push_str(&format!("{header}\n")),
            Fixed(text) => out.push_str(&format!("{text}\n")),
            Given(key) => out.push_str(&format!("{key} = {}\n", quoted(given))),
            Value(key, value) => {
                example(out, key, value);
                out.push_str(&format!("{key} = {}\n", quoted(BLANK)));
            }
            List(key, value) => {
                example(out, key, value);
                out.push_str(&format!("{key} = [{}]\n", quoted(BLANK)));
            }
            Text(key, _) => out.push_str(&format!(
                "{key} = {{ ja = {blank}, en = {blank} }}\n",
                blank = quoted(BLANK)
            )),
            Cite(..) => out.push_str(&format!(
                "cite = {{ source = {blank}, at = {blank} }}\n",
                blank = quoted(BLANK)
            )),
        }
    }
}

/// Every field the lines leave blank, by its path with indices
/// (`dates[1].date`) and without (`dates.date`), with the value that
/// fills it as TOML writes it.
fn examples(lines: &[Line]) -> Vec<(String, String, String)> {
    // The header of the table the lines are in, as a path without and
    // with indices; how many of each array of tables came so far.
    let (mut table, mut indexed) = (String::new(), String::new());
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    let join = |table: &str, key: &str| match table {
        "" => key.to_string(),
        _ => format!("{table}.{key}"),
    };
    for line in lines {
        let mut push = |key: &str, value: String| {
            out.push((join(&indexed, key), join(&table, key), value));
        };
        match *line {
            Table(header) => {
                table = header.trim_matches(['[', ']']).to_string();
                if header.starts_with("[[") {
                    match counts.iter_mut().find(|(t, _)| *t == table) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((table.clone(), 0)),
                    }
                }
                // Each array of tables the header runs through, at its last.
                let mut at = String::new();
                indexed = String::new();
                for segment in table.split('.') {
                    at = join(&at, segment);
                    indexed = join(&indexed, segment);
                    if let Some((_, n)) = counts.iter().find(|(t, _)| *t == at) {
                        indexed.push_str(&format!("[{n}]"));
                    }
                }
            }
            Value(key, value) | List(key, value) => push(key, value.to_string()),
            Text(key, [ja, en]) => {
                push(&format!("{key}.ja"), quoted(ja));
                push(&format!("{key}.en"), quoted(en));
            }
            Cite(source, at) => {
                push("cite.source", quoted(source));
                push("cite.at", quoted(at));
            }
            Note(_) | Gap | Fixed(_) | Given(_) => {}
        }
    }
    out
}

/// The example the skeletons give for the blank at `indexed` (its path
/// with indices; else at `path`, without them) of catalogue file `file`: a
/// program's of its kind of rule (`kind`, from its first tier), else of any
/// kind.
pub(crate) fn example_for(
    file: &str,
    kind: Option<&str>,
    indexed: &str,
    path: &str,
) -> Option<String> {
    let lists: Vec<Vec<Line>> = if is_extension_file(file) {
        vec![EXTENSION.to_vec()]
    } else if is_registry(file) {
        vec![DOCUMENT.to_vec()]
    } else if is_discovery(file) {
        vec![DISCOVERY.to_vec()]
    } else {
        let mut kinds: Vec<SkeletonKind> = SkeletonKind::ALL
            .into_iter()
            .filter(|k| *k != SkeletonKind::Discovery)
            .collect();
        kinds.sort_by_key(|k| Some(k.id()) != kind);
        kinds.into_iter().map(SkeletonKind::lines).collect()
    };
    let examples: Vec<(String, String, String)> =
        lists.iter().flat_map(|lines| examples(lines)).collect();
    let exact = examples.iter().find(|(at, _, _)| at == indexed);
    exact
        .or_else(|| examples.iter().find(|(_, at, _)| at == path))
        .map(|(_, _, example)| example.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeletons_own_texts_need_no_escaping() {
        for kind in SkeletonKind::ALL {
            for (_, path, example) in examples(&kind.lines()) {
                let inner = example.trim_matches('"');
                assert!(
                    !inner.contains(['"', '\\']) || !example.starts_with('"'),
                    "{path}: {example}"
                );
            }
        }
    }

    #[test]
    fn blanks_are_runs_of_the_full_width_low_line_alone() {
        assert!(is_blank("＿＿"));
        assert!(is_blank("＿＿＿"));
        assert!(is_blank(" ＿ "));
        assert!(!is_blank(""));
        assert!(!is_blank("氏名＿＿＿"));
        assert!(!is_blank("__"));
    }
}
