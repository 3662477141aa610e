//! `subsidy batch --format ics`: one calendar for a list of facilities, an
//! event per program and day (deadlines and milestones), each naming the
//! facilities it concerns, read back as `ics` reads a plan's calendar.

use crate::ics::{self, Event};
use crate::support::subsidy;

/// Four clients on 2025-12-01, as a consultant's list has them: a
/// hospital of 250 beds with 健診 in 福岡県, one of 120 beds in 東京都 (健診
/// not given), a clinic and a pharmacy in 福岡県.
const CLIENTS: &str = "facility_id,name,facility,beds,kenshin,cost,prefecture
H001,みなみ病院,hospital,250,yes,14000000,福岡県
H002,きた病院,hospital,120,,9000000,東京都
C001,さくら内科,clinic,0,,380000,福岡県
P001,ひかり薬局,pharmacy,0,,300000,福岡県
";

/// `batch --format ics` on `input` (on standard input) on 2025-12-01, in
/// `lang`: the calendar, asserting success and the summary line.
fn calendar(input: &str, lang: &str) -> String {
    let run = subsidy()
        .lang(lang)
        .args(["batch", "--as-of", "2025-12-01", "--format", "ics"])
        .stdin(input)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    String::from_utf8(run.stdout).unwrap()
}

fn event<'e>(events: &'e [Event], uid: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.uid == uid)
        .unwrap_or_else(|| panic!("no {uid} in {events:#?}"))
}

/// The facilities an event names, one a line, as its description lists them.
fn named(event: &Event) -> Vec<&str> {
    event
        .description
        .lines()
        .skip_while(|l| !l.starts_with("対象の施設"))
        .skip(1)
        .take_while(|l| l.starts_with('・'))
        .collect()
}

#[test]
fn each_event_names_the_clients_it_concerns() {
    let text = calendar(CLIENTS, "ja");
    let events = ics::events(&text);
    // One event per program and day across the list: no two alike.
    let mut seen: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.summary.as_str(), e.start.as_str()))
        .collect();
    seen.sort_unstable();
    let count = seen.len();
    seen.dedup();
    assert_eq!(seen.len(), count);
    assert!(text.contains("X-WR-CALNAME:医療DX補助金の申請期限（施設一覧）\r\n"));
    // ehr-sharing: hospitals only (001). みなみ病院: min(14,000,000, 13,158,000)
    // × 1/2 = 6,579,000円 (大規模・健診実施). きた病院, 健診 not given: the larger
    // of 中小規模 健診実施 min(9,000,000, 10,913,000) × 1/2 = 4,500,000円 and
    // 健診未実施 min(9,000,000, 8,170,000) × 1/2 = 4,085,000円.
    let hospitals = [
        "・みなみ病院（H001）: 最大6,579,000円",
        "・きた病院（H002）: 最大4,500,000円",
    ];
    let deadline = event(
        &events,
        "ehr-sharing.deadline.2031-09-30.facilities@subsidy",
    );
    assert_eq!(
        deadline.summary,
        "申請期限: 電子カルテ情報共有サービス導入補助（2施設）"
    );
    assert_eq!(named(deadline), hospitals);
    assert!(deadline.description.contains("対象の施設（2施設）:\n"));
    // The milestone (001 l.130, 導入完了 by 令和13年3月31日) names them too.
    let done = event(
        &events,
        "ehr-sharing.completion-by.2031-03-31.facilities@subsidy",
    );
    assert_eq!(done.start, "20310331");
    assert_eq!(
        done.summary,
        "導入完了期限: 電子カルテ情報共有サービス導入補助（2施設）"
    );
    assert_eq!(named(done), hospitals);
    // 003 No.13, 福岡県 only: 病院 許可病床数 × 4万円 = 250 × 40,000 =
    // 10,000,000円; 無床診療所 18万円. Not きた病院 (東京都), not the pharmacy.
    let fukuoka = event(
        &events,
        "fukuoka-work-environment.deadline.2025-12-15.facilities@subsidy",
    );
    assert_eq!(
        named(fukuoka),
        [
            "・みなみ病院（H001）: 最大10,000,000円",
            "・さくら内科（C001）: 最大180,000円"
        ]
    );
    // Issue 25's clinic: 380,000円 × 1/2 = 190,000円 (003 No.9), and 福岡県's
    // top-up × 1/4 = 95,000円 (003 No.11).
    let national = event(
        &events,
        "e-prescription.deadline.2026-03-31.facilities@subsidy",
    );
    assert!(named(national).contains(&"・さくら内科（C001）: 最大190,000円"));
    let top_up = event(
        &events,
        "fukuoka-e-prescription.deadline.2026-01-30.facilities@subsidy",
    );
    assert!(named(top_up).contains(&"・さくら内科（C001）: 最大95,000円"));
    assert!(!top_up.description.contains("きた病院"));
    // 004: デジタル化・AI, every kind of facility.
    let normal = event(
        &events,
        "digital-ai-normal.deadline.2026-05-12.facilities@subsidy",
    );
    assert_eq!(named(normal).len(), 4);
    // Plain words: no flag, no id of a program, a fact or a column.
    for event in &events {
        for word in ["--", "fact:", "要件:", "(ehr-sharing)"] {
            assert!(
                !event.description.contains(word),
                "{word}: {}",
                event.description
            );
        }
        assert!(event.description.contains("subsidy batch で作成"));
        assert_eq!(event.stamp, "20251201T000000Z");
    }
    // The same list gives the same bytes: a re-import updates the events.
    assert_eq!(text, calendar(CLIENTS, "ja"));
}

#[test]
fn the_summary_counts_the_calendars_events() {
    let run = subsidy()
        .args(["batch", "--as-of", "2025-12-01", "--format", "ics"])
        .stdin(CLIENTS)
        .run();
    let events = ics::events(&String::from_utf8(run.stdout).unwrap()).len();
    assert!(
        run.stderr.starts_with(&format!(
            "batch: 4行を読み、カレンダーに{events}件の予定を書き、0行がエラーです\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_row_without_name_or_id_is_named_by_its_row_and_json_by_its_keys() {
    // CSV: the spreadsheet's row (the header is row 1).
    let events = ics::events(&calendar(
        "facility,cost\nclinic,380000\nclinic,100000\n",
        "ja",
    ));
    let expansion = event(
        &events,
        "e-prescription-expansion.deadline.2026-01-15.facilities@subsidy",
    );
    // 003 No.10, a clinic: 1/2 up to 122,000円 (事業額上限 244,000円):
    // 380,000 → 122,000円; 100,000 → 50,000円.
    assert_eq!(
        named(expansion),
        [
            "・2行目の施設: 最大122,000円",
            "・3行目の施設: 最大50,000円"
        ]
    );
    // JSONL, in English: the keys name the facility.
    let jsonl = "{\"facility\":\"clinic\",\"cost\":380000,\"name\":\"Sakura clinic\",\"facility_id\":\"C001\"}\n";
    let events = ics::events(&calendar(jsonl, "en"));
    let expansion = event(
        &events,
        "e-prescription-expansion.deadline.2026-01-15.facilities@subsidy",
    );
    assert_eq!(
        expansion.summary,
        "Deadline: E-prescription new functions (1 facility)"
    );
    assert!(
        expansion
            .description
            .contains("Facilities (1 facility):\n- Sakura clinic (C001): up to 122,000 yen\n"),
        "{}",
        expansion.description
    );
}

/// The bound: an event names the first 20 facilities in the list's order
/// and counts the rest, however long the list; a long name is cut at 40
/// characters. What a run holds is the catalogue's events, not the rows.
#[test]
fn an_event_names_twenty_clients_and_counts_the_rest() {
    let mut input = String::from("施設ID,施設名,施設区分,経費\n");
    for i in 1..=25 {
        input.push_str(&format!("C{i:03},診療所{i},診療所,380000\n"));
    }
    input.push_str(&format!("C026,{},診療所,380000\n", "長".repeat(50)));
    let events = ics::events(&calendar(&input, "ja"));
    let expansion = event(
        &events,
        "e-prescription-expansion.deadline.2026-01-15.facilities@subsidy",
    );
    assert_eq!(
        expansion.summary,
        "申請期限: 電子処方箋の機能拡充（26施設）"
    );
    let names = named(expansion);
    assert_eq!(names.len(), 21, "{names:?}");
    assert_eq!(names[0], "・診療所1（C001）: 最大122,000円");
    assert_eq!(names[19], "・診療所20（C020）: 最大122,000円");
    assert_eq!(names[20], "・ほか6件");
    // Every event alike: at most 20 named.
    for event in &events {
        assert!(named(event).len() <= 21);
    }
    // The long name, cut at 40 characters with its id, where it is named first.
    let one = calendar(
        &format!("施設名,施設区分,経費\n{},診療所,380000\n", "長".repeat(50)),
        "ja",
    );
    let events = ics::events(&one);
    let names = named(&events[0]);
    assert_eq!(names, [format!("・{}…: 最大180,000円", "長".repeat(40))]);
}

#[test]
fn the_calendar_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("顧客.ics");
    std::fs::write(&out, "the old calendar").unwrap();
    // A header the batch refuses: nothing written, the old file kept.
    let run = subsidy()
        .args(["batch", "--as-of", "2025-12-01", "-o"])
        .arg(&out)
        .stdin("name,cost\nさくら,1\n")
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old calendar");
    // `.ics` chooses the format; the run replaces the file whole.
    let run = subsidy()
        .args(["batch", "--as-of", "2025-12-01", "-o"])
        .arg(&out)
        .stdin(CLIENTS)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text, calendar(CLIENTS, "ja"));
    assert!(!ics::events(&text).is_empty());
    // Shift_JIS is for CSV: refused before anything is read.
    let run = subsidy()
        .args(["batch", "--format", "ics", "--output-encoding", "shift_jis"])
        .stdin(CLIENTS)
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
}
