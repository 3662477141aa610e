//! `subsidy serve`, in process: every route, the error cases, the
//! escaping, and the same JSON as the CLI. The design card: 250床の病院,
//! 健診実施, 14,000,000円 on 2026-11-22 → 6,579,000円 from ehr-sharing,
//! deadline 2031-09-30 (001 / 003 No.12: 13,158,000 × 1/2; 001
//! 「令和13年9月30日までに申請」).

use std::sync::LazyLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use proptest::prelude::*;
use serde_json::Value;
use subsidy::core::catalogue::Catalogue;
use subsidy::serve::{AppState, router};
use tower::ServiceExt as _;

use crate::support::subsidy;

const DESIGN_CARD: &str = "facility=hospital&beds=250&kenshin=yes&cost=14000000&as_of=2026-11-22";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The state every request is served from, as a running server has one:
/// the catalogue read once (not once a request; the property test makes
/// thousands).
static STATE: LazyLock<AppState> =
    LazyLock::new(|| AppState::with_today(Catalogue::embedded().unwrap(), today));

struct Got {
    status: StatusCode,
    content_type: String,
    csp: String,
    cache_control: String,
    body: String,
}

fn get(uri: &str) -> Got {
    get_from(&STATE, uri)
}

/// [`get`], served from `state` (a catalogue with extensions).
fn get_from(state: &AppState, uri: &str) -> Got {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let app = router(state.clone());
        let response = app
            .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        };
        let (status, content_type, csp, cache_control) = (
            response.status(),
            header("content-type"),
            header("content-security-policy"),
            header("cache-control"),
        );
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 24)
            .await
            .unwrap();
        Got {
            status,
            content_type,
            csp,
            cache_control,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    })
}

/// What the command prints for `ARGS` (width unknown), asserting success.
/// A result's JSON with each finding's message taken out: the API and the
/// command line word what a finding asks their own way (`fact:ID` there,
/// `--fact ID=yes|no` here), and agree on everything else.
fn without_messages(json: &str) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.contains_key("code") {
                    map.remove("message");
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(json).unwrap();
    strip(&mut value);
    value
}

fn cli(args: &[&str]) -> String {
    subsidy().args(args).stdout()
}

#[test]
fn the_empty_page_is_a_form_with_the_security_headers() {
    let got = get("/");
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.content_type, "text/html; charset=utf-8");
    assert!(got.csp.contains("default-src 'none'") && got.csp.contains("frame-ancestors 'none'"));
    assert!(
        got.body
            .contains("<form class=\"facility\" method=\"get\" action=\"/\"")
    );
    assert!(got.body.contains("name=\"fact:online-qual-in-place\""));
    // No script anywhere, nothing fetched from elsewhere.
    assert!(!got.body.contains("<script"));
    assert!(
        !got.body.contains("http://") && !got.body.contains("https://"),
        "{}",
        got.body
    );
    let css = get("/assets/style.css");
    assert_eq!(css.content_type, "text/css; charset=utf-8");
}

#[test]
fn the_design_card_answers_first_with_the_grant_deadline_and_chart() {
    let got = get(&format!("/?{DESIGN_CARD}"));
    assert_eq!(got.status, StatusCode::OK);
    let body = &got.body;
    let headline = body.find("class=\"headline\"").unwrap();
    let form = body.find("<form").unwrap();
    assert!(headline < form, "the answer comes before the form");
    // The first box: the best combination, its total and what it assumes.
    assert!(body.contains("おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）：電子カルテ情報共有サービスの導入に係る補助金（ehr-sharing）6,579,000円、申請期限 2031-09-30"));
    let assumed = body.find("class=\"assumed\"").unwrap();
    assert!(
        headline < assumed && assumed < form,
        "what it assumes, in the first box"
    );
    assert!(body.contains(
        "<li><span class=\"worth\">6,579,000円</span> オンライン資格確認等システムを導入している"
    ));
    assert!(body.contains("<td class=\"num grant\">6,579,000円</td>"));
    assert!(!body.contains('\u{2060}'), "no word joiners on a web page");
    // The chart: where the business-cost cap binds (13,158,000円) and the facility's cost.
    assert!(body.contains("<svg"));
    assert!(body.contains("事業額上限 13,158,000円"));
    assert!(body.contains("この施設の経費 14,000,000円 → 6,579,000円"));
    // The form is filled in again, and the links keep the whole form.
    assert!(body.contains("name=\"beds\" min=\"0\" max=\"100000\" value=\"250\""));
    assert!(body.contains(&format!(
        "href=\"/programs/ehr-sharing?{}\"",
        DESIGN_CARD.replace('&', "&amp;")
    )));
    assert!(body.contains(&format!(
        "href=\"/api/v1/calc?{}\"",
        DESIGN_CARD.replace('&', "&amp;")
    )));
    // English by ?lang=en.
    let en = get(&format!("/?{DESIGN_CARD}&lang=en"));
    assert!(en.body.contains("<html lang=\"en\">"));
    assert!(en.body.contains("6,579,000 yen") && en.body.contains("EHR"));
    assert!(!en.body.contains("6,579,000円"));
}

#[test]
fn the_explanation_and_a_program_page() {
    let got = get(&format!("/?{DESIGN_CARD}&explain=yes"));
    assert!(got.body.contains("<details open"));
    assert!(got.body.contains("13,158,000"));
    let program = get("/programs/ehr-sharing");
    assert_eq!(program.status, StatusCode::OK);
    // Everything show prints: tiers, rounding, sources with their quotes, links, contact.
    for needle in [
        "大規模病院（200床以上）・健診実施",
        "申請額1,000円未満切捨て",
        "0800-080-4583",
        "[001] 日医発第1203号(情シ)",
        "href=\"https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&amp;sysparm_article=KB0010765\"",
    ] {
        assert!(program.body.contains(needle), "{needle}");
    }
    // A program page names its inputs as a page does, never as flags: the
    // item table's key column (費目), the conditions, the size test.
    for page in [
        "/programs/online-qual-home-care",
        "/programs/digital-ai-invoice",
        "/programs/ehr-sharing",
    ] {
        let body = get(page).body;
        for flag in [
            "--item",
            "--fact",
            "--entity",
            "--prefecture",
            "--small-business",
        ] {
            assert!(!body.contains(flag), "{page} shows {flag}");
        }
    }
    assert!(
        get("/programs/online-qual-home-care")
            .body
            .contains("費目 KEY")
    );
}

/// 003 No.3 交付額【診療所】「補助率：3/4 補助限度額：9.7万円 ※事業額上限13万円」:
/// 120,000 × 3/4 = 90,000円; the grant cap binds from 97,000 ÷ 3/4 =
/// 129,333.3…, so from 129,334円, before the business-cost cap of 130,000円.
#[test]
fn the_chart_marks_where_each_cap_binds_and_the_facilitys_cost() {
    let got = get(
        "/chart.svg?facility=clinic&cost=120000&program=online-qual-telemedicine&as_of=2025-11-01",
    );
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.content_type, "image/svg+xml; charset=utf-8");
    for needle in [
        "事業額上限 130,000円",
        "補助限度額に達する経費 129,334円",
        "この施設の経費 120,000円 → 90,000円",
        ">97,000円<",
    ] {
        assert!(got.body.contains(needle), "{needle}: {}", got.body);
    }
    // Per-item tiers are not drawn: a clear refusal, not a wrong line.
    let items = get(
        "/chart.svg?facility=clinic&program=online-qual-home-care&item%3Amobile=50000&as_of=2025-11-01",
    );
    assert_eq!(items.status, StatusCode::BAD_REQUEST);
}

#[test]
fn bad_input_is_400_naming_the_field_with_an_example() {
    let got = get("/?facility=hospital&beds=abc");
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.body.contains("role=\"alert\""));
    // The page names the field as its form labels it
    // (病床数), not by the query's name (`beds`); the API keeps `beds`.
    assert!(
        got.body
            .contains("「病床数」の値 'abc' は使えません: 数として読めません（例: 250"),
        "{}",
        got.body
    );
    assert!(
        got.body
            .contains("<p class=\"field\">項目: <code>病床数</code></p>"),
        "{}",
        got.body
    );
    assert!(!got.body.contains("beds の値"), "{}", got.body);
    let en = get("/?facility=hospital&beds=abc&lang=en");
    assert!(
        en.body.contains("invalid value 'abc' for Beds: "),
        "{}",
        en.body
    );
    // A hospital without beds asks for them by the label too; so does a cost
    // item, by its name.
    let missing = get("/?facility=hospital");
    assert!(
        missing
            .body
            .contains("「病床数」を入力してください: 病院の病床数"),
        "{}",
        missing.body
    );
    let item = get("/?facility=clinic&item%3Amobile=abc");
    assert!(
        item.body
            .contains("「モバイル端末等」の値 'abc' は使えません"),
        "{}",
        item.body
    );
    let api = get("/api/v1/calc?facility=hospital&beds=abc&lang=en");
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    assert_eq!(api.content_type, "application/json; charset=utf-8");
    let error: Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(error["error"]["field"], "beds");
    assert_eq!(error["error"]["value"], "abc");
    assert!(error["error"]["message"].as_str().unwrap().contains("250"));
    // A hospital without beds, an unknown field, a query past the limit.
    assert_eq!(
        get("/api/v1/calc?facility=hospital").status,
        StatusCode::BAD_REQUEST
    );
    let typo: Value = serde_json::from_str(&get("/api/v1/calc?facilty=hospital").body).unwrap();
    assert_eq!(typo["error"]["field"], "facilty");
    let long = format!(
        "/api/v1/calc?facility=clinic&prefecture={}",
        "a".repeat(9000)
    );
    assert_eq!(get(&long).status, StatusCode::BAD_REQUEST);
}

#[test]
fn a_script_in_an_id_or_a_cost_comes_back_inert() {
    // Unknown names are passed over; one close to a field is refused, and
    // every value quoted back is escaped.
    let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    for uri in [
        format!("/programs/{script}"),
        format!("/?facility=hospital&beds=250&cost={script}"),
        format!("/?facility={script}"),
        format!("/?facilty={script}"),
        format!("/?{DESIGN_CARD}&program={script}"),
        format!("/nowhere/{script}"),
    ] {
        let got = get(&uri);
        assert!(got.status.is_client_error(), "{uri}: {}", got.status);
        assert!(!got.body.contains("<script>"), "{uri}: {}", got.body);
        // Decoded and escaped, or (a path) left encoded.
        assert!(
            got.body.contains("&lt;script&gt;") || got.body.contains("%3Cscript%3E"),
            "{uri}: {}",
            got.body
        );
    }
    let api = get(&format!("/api/v1/programs/{script}"));
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.content_type, "application/json; charset=utf-8");
}

/// The best combination (issue 25, item 1) is the page's first box and the
/// API's `recommendation`, the same as the command line's. The cases are
/// worked by hand in `recommend` (003 l.633–635 and l.761–763; 001 l.111
/// and l.122; tests/extensions/kakuu-topup).
#[test]
fn the_first_box_is_the_best_combination() {
    let topup = AppState::with_today(
        subsidy::core::catalogue::read_extension(
            Catalogue::embedded().unwrap(),
            std::path::Path::new("tests/extensions/kakuu-topup"),
        )
        .unwrap(),
        today,
    );
    // The state, the form, the same as flags, the first box's words, the worths.
    type Case<'a> = (&'a AppState, &'a str, &'a [&'a str], &'a str, &'a [&'a str]);
    let cases: [Case<'_>; 4] = [
        (
            &STATE,
            "facility=clinic&prefecture=fukuoka&cost=380000&as_of=2025-12-01",
            &[
                "--facility",
                "clinic",
                "--prefecture",
                "福岡県",
                "--cost",
                "380000",
                "--as-of",
                "2025-12-01",
            ],
            // No numbers on the page: its table has none.
            "おすすめは合計 285,000円（経費 380,000円、自己負担 95,000円）：\
             電子処方箋管理サービスの導入に係る補助金（e-prescription）190,000円、\
             申請期限 2026-03-31（令和8年3月31日）、あと120日。\
             上乗せ 福岡県電子処方箋導入促進費補助金（fukuoka-e-prescription）95,000円、",
            &["0円", "0円", "0円"],
        ),
        (
            &STATE,
            "facility=hospital&beds=250&cost=14000000&as_of=2026-11-22",
            &[
                "--facility",
                "hospital",
                "--beds",
                "250",
                "--cost",
                "14000000",
                "--as-of",
                "2026-11-22",
            ],
            "おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）",
            &["6,579,000円", "6,579,000円", "1,498,000円"],
        ),
        (
            &STATE,
            "facility=hospital&beds=120&cost=8170000&as_of=2026-11-22",
            &[
                "--facility",
                "hospital",
                "--beds",
                "120",
                "--cost",
                "8170000",
                "--as-of",
                "2026-11-22",
            ],
            "おすすめは合計 4,085,000円（経費 8,170,000円、自己負担 4,085,000円）",
            &["4,085,000円", "4,085,000円", "0円"],
        ),
        (
            &topup,
            "facility=hospital&beds=250&kenshin=yes&cost=14000000&as_of=2026-11-22",
            &[
                "--extend",
                "tests/extensions/kakuu-topup",
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
            "おすすめは合計 14,000,000円（補助額の計 15,912,000円を経費 14,000,000円までとした額、\
             自己負担 0円）：電子カルテ情報共有サービスの導入に係る補助金（ehr-sharing）6,579,000円、",
            &["4,667,000円", "4,667,000円"],
        ),
    ];
    for (state, query, flags, said, worths) in cases {
        let page = get_from(state, &format!("/?{query}"));
        assert_eq!(page.status, StatusCode::OK, "{query}");
        let body = &page.body;
        let (headline, form) = (
            body.find("class=\"headline\"").unwrap(),
            body.find("<form").unwrap(),
        );
        let at = body
            .find(said)
            .unwrap_or_else(|| panic!("{query}: {said}\n{body}"));
        assert!(headline < at && at < form, "{query}: the first box");
        let shown: Vec<&str> = body
            .split("<span class=\"worth\">")
            .skip(1)
            .map(|rest| rest.split('<').next().unwrap())
            .collect();
        assert_eq!(shown, worths, "{query}");
        // The API's recommendation is the command line's.
        let api = get_from(state, &format!("/api/v1/calc?{query}"));
        let api: Value = serde_json::from_str(&api.body).unwrap();
        let mut args: Vec<&str> = if flags[0] == "--extend" {
            flags.to_vec()
        } else {
            [&["calc"], flags].concat()
        };
        args.extend(["--format", "json"]);
        let cli: Value = serde_json::from_str(&cli(&args)).unwrap();
        assert_eq!(api["recommendation"], cli["recommendation"], "{query}");
        assert_eq!(
            api["recommendation"]["unknowns"].as_array().unwrap().len(),
            worths.len()
        );
    }
}

#[test]
fn the_api_returns_the_json_the_cli_prints() {
    let api = get(&format!("/api/v1/calc?{DESIGN_CARD}"));
    assert_eq!(api.status, StatusCode::OK);
    let cli_json = cli(&[
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
        "--format",
        "json",
    ]);
    assert_eq!(
        without_messages(&api.body),
        without_messages(&cli_json),
        "one serializer"
    );
    // What a finding asks, in the API's own field names, never a flag.
    assert!(
        api.body.contains("（fact:online-qual-in-place）"),
        "{}",
        api.body
    );
    assert!(!api.body.contains("--"), "{}", api.body);
    assert!(cli_json.contains("（--fact online-qual-in-place=yes|no）"));
    let plan = get(&format!("/api/v1/plan?{DESIGN_CARD}"));
    let cli_plan = cli(&[
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--as-of",
        "2026-11-22",
        "--format",
        "json",
    ]);
    assert_eq!(without_messages(&plan.body), without_messages(&cli_plan));
    let programs: Value =
        serde_json::from_str(&get("/api/v1/programs?as_of=2026-11-22").body).unwrap();
    assert_eq!(programs["programs"].as_array().unwrap().len(), 19);
    assert_eq!(programs["discovery"].as_array().unwrap().len(), 12);
    let one: Value = serde_json::from_str(&get("/api/v1/programs/ehr-sharing").body).unwrap();
    assert_eq!(one["program"]["id"], "ehr-sharing");
    let missing = get("/api/v1/programs/ehr-sharng");
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing.body.contains("ehr-sharing"),
        "a suggestion: {}",
        missing.body
    );
    let openapi: Value = serde_json::from_str(&get("/api/v1/openapi.json").body).unwrap();
    assert!(openapi["paths"]["/api/v1/calc"].is_object());
    // The reasons a result lost, as the API describes them, are the core's.
    let reasons = &openapi["components"]["schemas"]["Recommendation"]["properties"]["why_not"]["items"]
        ["properties"]["reason"]["enum"];
    let reasons: Vec<&str> = reasons
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(reasons, subsidy::core::recommend::Lost::CODES);
    assert_eq!(get("/api/v2/calc").status, StatusCode::NOT_FOUND);
    // The calendar: what plan --format ics writes.
    let ics = get(&format!("/plan.ics?{DESIGN_CARD}"));
    assert_eq!(ics.content_type, "text/calendar; charset=utf-8");
    let cli_ics = cli(&[
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--kenshin",
        "yes",
        "--as-of",
        "2026-11-22",
        "--format",
        "ics",
    ]);
    assert_eq!(ics.body, cli_ics);
    assert!(
        ics.body
            .contains("UID:ehr-sharing.deadline.2031-09-30@subsidy")
    );
}

/// Percent-encoded, as a browser sends a form.
fn encoded(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

proptest! {
    #![proptest_config(crate::support::proptest_config(128))]
    /// Any query string, on every route that reads one: an answer or a
    /// refusal (400, or 404 for an unknown program), never a panic or a 5xx.
    #[test]
    fn no_query_string_breaks_any_route(
        keys in proptest::collection::vec("(facility|beds|kenshin|cost|prefecture|fact:[a-z-]{0,12}|item:[a-z]{0,6}|as_of|lang|program|variant|coupons|coupon-costs|entity|capital|employees|chart|explain|asked|[a-z%]{0,8})", 0..6),
        values in proptest::collection::vec("[ -~ぁ-ん０-９、円万億]{0,16}", 0..6),
        raw in "[ -~]{0,40}",
    ) {
        let pairs: Vec<(String, String)> = keys
            .iter()
            .cloned()
            .zip(values.iter().cloned().chain(std::iter::repeat(String::new())))
            .collect();
        let query = encoded(&pairs);
        // Also a query as typed by hand: unescaped, possibly malformed.
        let typed: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '#').collect();
        for query in [query, typed] {
            for route in ["/", "/ask", "/api/v1/calc", "/api/v1/plan", "/plan.ics", "/chart.svg", "/programs/ehr-sharing", "/api/v1/programs"] {
                let uri = format!("{route}?{query}");
                if uri.parse::<axum::http::Uri>().is_err() {
                    continue;
                }
                let got = get(&uri);
                prop_assert!(
                    matches!(got.status.as_u16(), 200 | 400 | 404),
                    "{}: {}", uri, got.status
                );
                prop_assert!(got.csp.contains("default-src 'none'"), "{}", uri);
            }
        }
    }
}

#[test]
fn an_undecodable_id_and_another_method_are_told_so() {
    let bad = get("/api/v1/programs/%FF");
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
    assert_eq!(bad.content_type, "application/json; charset=utf-8");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (status, body) = runtime.block_on(async {
        let app = router(STATE.clone());
        let response = app
            .oneshot(
                Request::builder()
                    .method("POST")
                    .uri("/api/v1/calc")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    });
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(body.contains("GET"), "{body}");
}

#[test]
fn every_response_carries_the_security_headers() {
    for uri in [
        "/?facility=hospital&beds=abc".to_string(),
        "/api/v1/programs/nope".to_string(),
        "/nowhere".to_string(),
        format!("/plan.ics?{DESIGN_CARD}"),
        format!("/chart.svg?{DESIGN_CARD}"),
        "/assets/style.css".to_string(),
    ] {
        let got = get(&uri);
        assert!(
            got.csp.contains("default-src 'none'"),
            "{uri}: {}",
            got.status
        );
    }
}

/// 003 No.8: a hospital may claim up to 3 coupon codes (スマホ保険証); plan's
/// largest grant counts the coupons given, as `plan --coupons` does.
#[test]
fn the_plan_checks_coupons_as_the_cli_does() {
    let query = "facility=hospital&beds=250&coupons=3&as_of=2025-11-01";
    let api = get(&format!("/api/v1/plan?{query}"));
    let cli_plan = cli(&[
        "plan",
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--coupons",
        "3",
        "--as-of",
        "2025-11-01",
        "--format",
        "json",
    ]);
    assert_eq!(without_messages(&api.body), without_messages(&cli_plan));
    let too_many = get("/api/v1/plan?facility=hospital&beds=250&coupons=9&as_of=2025-11-01");
    assert_eq!(too_many.status, StatusCode::BAD_REQUEST);
    let error: Value = serde_json::from_str(&too_many.body).unwrap();
    assert_eq!(error["error"]["field"], "coupons");
}

#[test]
fn a_chart_that_cannot_be_drawn_is_refused_not_replaced() {
    // online-qual-home-care is paid per item: no single cost to chart.
    let svg = get(&format!("/chart.svg?{DESIGN_CARD}&chart=bogus"));
    assert_eq!(svg.status, StatusCode::BAD_REQUEST);
    let page = get(&format!("/?{DESIGN_CARD}&chart=bogus"));
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("<svg"),
        "no other program's chart instead"
    );
    // The chart link of the drawable result.
    assert!(
        page.body.contains("chart=ehr-sharing\">グラフ</a>"),
        "{}",
        page.body
    );
}

#[test]
fn the_form_survives_an_error_and_links_keep_it() {
    let got = get("/?facility=hospital&beds=abc&cost=14000000");
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(
        got.body.contains("value=\"14000000\""),
        "the cost is still there"
    );
    // A name no field has (a tracking tag) is passed over.
    assert_eq!(
        get(&format!("/?{DESIGN_CARD}&utm_source=mail")).status,
        StatusCode::OK
    );
    // The program page keeps the form: its way back, and its date.
    let program = get(&format!("/programs/ehr-sharing?{DESIGN_CARD}"));
    assert!(
        program
            .body
            .contains(&format!("href=\"/?{}\"", DESIGN_CARD.replace('&', "&amp;")))
    );
    assert!(
        program.body.contains("基準日 2026-11-22"),
        "{}",
        program.body
    );
    // A program without a rate table has its page; a typo gets a suggestion.
    let discovery = get("/programs/tokyo-ai");
    assert_eq!(discovery.status, StatusCode::OK);
    assert!(discovery.body.contains("料率表なし"));
    let typo = get("/programs/ehr-sharng");
    assert_eq!(typo.status, StatusCode::NOT_FOUND);
    assert!(typo.body.contains("ehr-sharing"), "{}", typo.body);
}

#[test]
fn a_bad_address_or_a_port_in_use_is_one_line_and_exit_2() {
    let refused =
        |addr: &str, needles: &[&str]| subsidy().args(["serve", "--addr", addr]).refused(needles);
    refused("nonsense", &["--addr", "'nonsense'", "127.0.0.1:8080"]);
    // A port already taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    refused(&addr, &["すでに使われています"]);
}

/// A 有床診療所 needs its beds (1–19), a 無床診療所 has
/// none; the form says so on the field, as calc does on the flag.
#[test]
fn a_clinic_kind_and_its_beds_must_agree_on_the_form() {
    for (query, value) in [
        (
            "facility=%E6%9C%89%E5%BA%8A%E8%A8%BA%E7%99%82%E6%89%80&cost=2000000",
            "",
        ),
        (
            "facility=%E6%9C%89%E5%BA%8A%E8%A8%BA%E7%99%82%E6%89%80&beds=0&cost=2000000",
            "0",
        ),
        (
            "facility=%E7%84%A1%E5%BA%8A%E8%A8%BA%E7%99%82%E6%89%80&beds=5&cost=2000000",
            "5",
        ),
    ] {
        let api = get(&format!("/api/v1/calc?{query}&lang=en"));
        assert_eq!(api.status, StatusCode::BAD_REQUEST, "{query}: {}", api.body);
        let error: Value = serde_json::from_str(&api.body).unwrap();
        assert_eq!(error["error"]["field"], "beds", "{query}");
        assert_eq!(error["error"]["value"], value, "{query}");
        let page = get(&format!("/?{query}"));
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(page.body.contains("有床診療所") || page.body.contains("無床診療所"));
        // The form comes back with the clinic chosen, not the first option (病院).
        assert!(
            page.body.contains("<option value=\"clinic\" selected>"),
            "{query}"
        );
        assert!(!page.body.contains("<option value=\"hospital\" selected>"));
    }
}

/// The page's 要確認 list prefixed each sentence with a
/// program id (`ehr-sharing: 既に…`). It lists them under each program's
/// name (a link to its page), each sentence once.
#[test]
fn the_page_lists_what_to_confirm_under_each_programs_name() {
    let got = get(&format!("/?{DESIGN_CARD}"));
    let start = got.body.find("<section class=\"confirm\">").unwrap();
    let end = start + got.body[start..].find("</section>").unwrap();
    let confirm = &got.body[start..end];
    assert!(!confirm.contains("ehr-sharing:"), "{confirm}");
    assert!(
        confirm.contains(&format!(
            "<li><a href=\"/programs/ehr-sharing?{}\">電子カルテ情報共有サービスの導入に係る補助金</a><ul><li>オンライン資格確認等システムを導入している",
            DESIGN_CARD.replace('&', "&amp;")
        )),
        "{confirm}"
    );
    assert_eq!(
        confirm
            .matches("電子処方箋管理サービスを導入している")
            .count(),
        1,
        "{confirm}"
    );
}

/// `%E9%9B%BB…`: a path segment as a browser sends it.
fn path_encoded(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// `/programs/{name}` and `/api/v1/programs/{name}`
/// find a program by part of its Japanese name, as `show` does; several
/// matching names are listed with their ids.
#[test]
fn a_program_page_and_its_json_are_found_by_a_japanese_name() {
    let page = get(&format!("/programs/{}", path_encoded("電子カルテ")));
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<small>(ehr-sharing)</small>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("13,158,000円"), "{}", page.body);
    let api = get(&format!("/api/v1/programs/{}", path_encoded("電子カルテ")));
    assert_eq!(api.status, StatusCode::OK);
    let one: Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(one["program"]["id"], "ehr-sharing");
    let several = get(&format!("/api/v1/programs/{}", path_encoded("電子処方箋")));
    assert_eq!(several.status, StatusCode::NOT_FOUND);
    let error: Value = serde_json::from_str(&several.body).unwrap();
    let message = error["error"]["message"].as_str().unwrap();
    for id in [
        "e-prescription（",
        "e-prescription-expansion（",
        "fukuoka-e-prescription（",
    ] {
        assert!(message.contains(id), "{message}");
    }
    let page = get(&format!("/programs/{}", path_encoded("電子処方箋")));
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(
        page.body.contains("fukuoka-e-prescription"),
        "{}",
        page.body
    );
}

/// Each JSON `to_confirm` item names the fact it asks,
/// to answer with `fact:ID=yes` without reading the sentence.
#[test]
fn each_to_confirm_item_carries_its_fact_id() {
    let api: Value =
        serde_json::from_str(&get(&format!("/api/v1/calc?{DESIGN_CARD}")).body).unwrap();
    let result = api["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["program"] == "ehr-sharing" && r["left_out"].is_null())
        .unwrap();
    let facts: Vec<&str> = result["to_confirm"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["fact"].as_str().unwrap_or("(none)"))
        .collect();
    assert_eq!(facts, ["online-qual-in-place", "e-prescription-introduced"]);
    // The plan's JSON too; a finding that asks no fact has no `fact`.
    let plan: Value =
        serde_json::from_str(&get(&format!("/api/v1/plan?{DESIGN_CARD}")).body).unwrap();
    let text = plan.to_string();
    assert!(text.contains("\"fact\":\"online-qual-in-place\""), "{text}");
    let kenshin: Value = serde_json::from_str(
        &get("/api/v1/calc?facility=hospital&beds=250&as_of=2026-11-22&program=ehr-sharing").body,
    )
    .unwrap();
    let asks_kenshin = kenshin["results"][0]["to_confirm"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["code"] == "kenshin")
        .unwrap_or_else(|| panic!("{kenshin}"));
    assert!(asks_kenshin.get("fact").is_none(), "{asks_kenshin}");
}

/// Issue 23: `/?facility=hospital&facility=clinic` computed a clinic and
/// showed 病院 selected. A field given twice, by one name or two, is
/// refused on the page and in the API, as batch refuses a column given
/// twice; a name no field has may come twice.
#[test]
fn a_field_given_twice_is_refused_on_the_page_and_in_the_api() {
    let page = get("/?facility=hospital&facility=clinic");
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body
            .contains("「施設区分」が2回指定されています（1つにしてください）"),
        "{}",
        page.body
    );
    // `経費` is `cost` by another name.
    let api = get("/api/v1/calc?facility=clinic&cost=100&%E7%B5%8C%E8%B2%BB=200&lang=en");
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    let error: Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(error["error"]["field"], "経費");
    assert_eq!(error["error"]["value"], "200");
    assert_eq!(
        error["error"]["message"],
        "'経費' is given twice (give it once)"
    );
    for route in ["/plan.ics", "/chart.svg", "/api/v1/plan"] {
        let got = get(&format!("{route}?{DESIGN_CARD}&kenshin=no"));
        assert_eq!(got.status, StatusCode::BAD_REQUEST, "{route}");
        assert!(
            got.body.contains("'kenshin' が2回指定されています"),
            "{route}: {}",
            got.body
        );
    }
    let fine = get(&format!(
        "/api/v1/calc?{DESIGN_CARD}&utm_source=a&utm_source=b"
    ));
    assert_eq!(fine.status, StatusCode::OK);
}

/// Issue 23: nothing said how long an answer may be kept. An answer is
/// for one facility on one day: never stored (the style sheet, the same
/// for everyone, for an hour).
#[test]
fn no_answer_is_cached_but_the_style_sheet() {
    for uri in [
        format!("/?{DESIGN_CARD}"),
        format!("/api/v1/calc?{DESIGN_CARD}"),
        format!("/plan.ics?{DESIGN_CARD}"),
        format!("/chart.svg?{DESIGN_CARD}"),
        "/programs/ehr-sharing".to_string(),
        "/api/v1/programs".to_string(),
        "/?facility=hospital&beds=abc".to_string(),
        "/nowhere".to_string(),
    ] {
        let got = get(&uri);
        assert_eq!(got.cache_control, "no-store", "{uri}: {}", got.status);
    }
    assert_eq!(
        get("/assets/style.css").cache_control,
        "public, max-age=3600"
    );
}

/// Issue 24, item 1: the page says under its answer which rule data it
/// rests on and how old that is on the form's date; past 90 days, that
/// programs may have changed since and where each program's contact is.
/// 2026-05-25 → 2026-11-22: 6 + 30 + 31 + 31 + 30 + 31 + 22 = 181 days;
/// → 2026-06-01: 6 + 1 = 7 days.
#[test]
fn the_page_says_the_datas_age_under_its_answer() {
    let stale = get(&format!("/?{DESIGN_CARD}")).body;
    let age = "<p class=\"data-age\">規則データ 2026-05-25版（181日前）</p>";
    assert!(stale.contains(age), "{stale}");
    assert!(
        stale.contains(
            "<p class=\"stale\" role=\"note\">規則データが90日を超えて古いため、その後に始まった・変わった制度があるかもしれません。各制度の問合せ先（制度のページに記載）で最新の状況を確認してください。</p>"
        ),
        "{stale}"
    );
    // Under the answer, above the table; never a command on a web page.
    let (headline, at) = (
        stale.find("class=\"headline\"").unwrap(),
        stale.find(age).unwrap(),
    );
    assert!(headline < at && at < stale.find("<table").unwrap());
    assert!(!stale.contains("subsidy show"), "{stale}");
    let en = get(&format!("/?{DESIGN_CARD}&lang=en")).body;
    assert!(en.contains("<p class=\"data-age\">Rule data of 2026-05-25 (181 days old)</p>"));
    assert!(
        en.contains("Check with each program's contact (on the program's page).</p>"),
        "{en}"
    );
    // 7 days: the age, no warning.
    let fresh = get(&format!(
        "/?{}",
        DESIGN_CARD.replace("2026-11-22", "2026-06-01")
    ))
    .body;
    assert!(fresh.contains("<p class=\"data-age\">規則データ 2026-05-25版（7日前）</p>"));
    assert!(!fresh.contains("class=\"stale\""), "{fresh}");
    // The explanation under the page does not say it again.
    let explained = get(&format!("/?{DESIGN_CARD}&explain=yes")).body;
    assert_eq!(explained.matches("規則データ 2026-05-25版").count(), 1);
    // A program's page: as `show`, with that program's own contact.
    let program = get("/programs/ehr-sharing?as_of=2026-11-22").body;
    assert!(
        program.contains("規則データ 2026-05-25版（181日前）"),
        "{program}"
    );
    // (The page shows `show`'s text as it is laid out, 100 columns wide.)
    let unwrapped = program.replace('\n', "");
    assert!(
        unwrapped.contains("問合せ先（オンライン資格確認等コールセンター"),
        "{program}"
    );
    assert!(
        unwrapped.contains("0800-080-4583）で最新の状況を確認してください。"),
        "{program}"
    );
    // The API: the age beside the version, in every answer.
    for route in [
        "/api/v1/calc",
        "/api/v1/plan",
        "/api/v1/programs",
        "/api/v1/programs/ehr-sharing",
    ] {
        let json: Value =
            serde_json::from_str(&get(&format!("{route}?{DESIGN_CARD}")).body).unwrap();
        assert_eq!(json["catalogue"]["version"], "2026-05-25", "{route}");
        assert_eq!(json["catalogue"]["age_days"], 181, "{route}");
        assert_eq!(json["catalogue"]["stale"], true, "{route}");
    }
}

/// The hidden fields of the page's last form (`name`, `value`, unescaped),
/// then `answers`: what a browser submits for it with those chosen.
fn submitted(body: &str, answers: &[(&str, &str)]) -> String {
    let form = &body[body.rfind("<form").unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    let attribute = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = start + tag[start..].find('"')?;
        Some(
            tag[start..end]
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        )
    };
    let mut pairs: Vec<(String, String)> = form
        .split('<')
        .filter(|tag| tag.starts_with("input type=\"hidden\""))
        .map(|tag| {
            (
                attribute(tag, "name").unwrap(),
                attribute(tag, "value").unwrap_or_default(),
            )
        })
        .collect();
    pairs.extend(answers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The guided form (issue 25, item 4): step 1 the facility, its beds and
/// the cost; step 2 only what changes the answer, the most yen first
/// (001 l.111 and l.122: each of ehr-sharing's facts is worth all of
/// 6,579,000円 on 2026-11-22, 健診 6,579,000 − 5,081,000 = 1,498,000円),
/// with what was said carried in hidden fields; then the answer.
#[test]
fn the_two_step_form_reaches_the_design_card() {
    let start = get("/ask");
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.csp.contains("default-src 'none'"));
    let body = &start.body;
    assert!(
        body.contains("<form class=\"facility guide\" method=\"get\" action=\"/ask\">"),
        "{body}"
    );
    assert!(body.contains("<input type=\"radio\" name=\"facility\" value=\"hospital\" required>"));
    for field in ["beds", "cost", "as_of"] {
        assert!(body.contains(&format!("name=\"{field}\"")), "{field}");
    }
    assert!(
        !body.contains("fact:"),
        "no requirement before the facility: {body}"
    );
    assert!(body.contains("<a href=\"/?lang=ja\">すべての項目を入力</a>"));
    // The full form leads here.
    assert!(
        get("/")
            .body
            .contains("<a href=\"/ask?lang=ja\">質問に答えて調べる</a>")
    );

    // Step 2: the answer so far, and the three questions it turns on.
    let step = get("/ask?lang=ja&facility=hospital&beds=250&cost=14000000&as_of=2026-11-22");
    assert_eq!(step.status, StatusCode::OK);
    let body = &step.body;
    let headline = body.find("class=\"headline\"").unwrap();
    let at = |needle: &str| {
        body.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {body}"))
    };
    let questions = [
        "「オンライン資格確認等システムを導入している",
        "「電子処方箋管理サービスを導入している",
        "健診部門システムを導入していますか",
    ];
    let places: Vec<usize> = questions.iter().map(|q| at(q)).collect();
    assert!(
        headline < places[0] && places.windows(2).all(|w| w[0] < w[1]),
        "{body}"
    );
    assert_eq!(
        body.matches("<p class=\"worth\">答え次第で 6,579,000円 変わります</p>")
            .count(),
        2
    );
    assert_eq!(
        body.matches("<p class=\"worth\">答え次第で 1,498,000円 変わります</p>")
            .count(),
        1
    );
    at("<input type=\"radio\" name=\"kenshin\" value=\"yes\">はい");
    at("<input type=\"radio\" name=\"kenshin\" value=\"\" checked>わからない");
    at("<input type=\"hidden\" name=\"beds\" value=\"250\">");
    at("<input type=\"hidden\" name=\"asked\" value=\"fact:online-qual-in-place\">");
    // Only what changes the answer: none of the 21 other requirements.
    assert_eq!(body.matches("type=\"radio\"").count(), 9, "{body}");
    at("この額は、下の質問の答え次第で変わります。");

    // Answered: the design card's answer, and nothing left to ask.
    let query = submitted(
        body,
        &[
            ("fact:online-qual-in-place", "yes"),
            ("fact:e-prescription-introduced", "yes"),
            ("kenshin", "yes"),
        ],
    );
    let done = get(&format!("/ask?{query}"));
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）：電子カルテ情報共有サービスの導入に係る補助金（ehr-sharing）6,579,000円、申請期限 2031-09-30"), "{}", done.body);
    assert!(done.body.contains("答えを変える質問はもうありません。"));
    assert!(!done.body.contains("<form"), "{}", done.body);
    // The same query on the full form gives the same answer.
    let full = get(&format!("/?{query}"));
    assert!(
        full.body
            .contains("おすすめは合計 6,579,000円（経費 14,000,000円、自己負担 7,421,000円）")
    );

    // わからない: left unknown, not asked again; the answer says what it assumes.
    let query = submitted(
        body,
        &[
            ("fact:online-qual-in-place", "yes"),
            ("fact:e-prescription-introduced", ""),
            ("kenshin", ""),
        ],
    );
    let unsure = get(&format!("/ask?{query}")).body;
    assert!(
        unsure.contains("答えを変える質問はもうありません。"),
        "{unsure}"
    );
    assert!(
        unsure.contains(
            "<li><span class=\"worth\">1,498,000円</span> 健診部門システム導入済（健診実施）か"
        ),
        "{unsure}"
    );
}

#[test]
fn the_two_step_form_refuses_as_the_form_does_and_escapes() {
    // A hospital without beds: step 1 again, saying so under the form's label.
    let got = get("/ask?facility=hospital&cost=14000000&as_of=2026-11-22");
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(
        got.body.contains("「病床数」を入力してください"),
        "{}",
        got.body
    );
    assert!(
        got.body.contains("value=\"hospital\" required checked"),
        "{}",
        got.body
    );
    assert!(got.body.contains(
        "name=\"cost\" inputmode=\"numeric\" placeholder=\"14,000,000\" value=\"14000000\""
    ));
    // A value that cannot be read, carried nowhere, quoted back escaped.
    let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let got = get(&format!(
        "/ask?facility=hospital&beds=250&employees={script}&lang=en"
    ));
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(!got.body.contains("<script>"), "{}", got.body);
    assert!(got.body.contains("&lt;script&gt;"), "{}", got.body);
    assert!(!got.body.contains("name=\"employees\""), "{}", got.body);
    assert!(got.body.contains("Enter every field"));
    assert!(got.csp.contains("default-src 'none'"));
    // A name no field has rides along, escaped.
    let got = get(&format!(
        "/ask?facility=hospital&beds=250&cost=14000000&utm={script}"
    ));
    assert_eq!(got.status, StatusCode::OK);
    assert!(!got.body.contains("<script>"));
    assert!(
        got.body
            .contains("name=\"utm\" value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
        "{}",
        got.body
    );
}
