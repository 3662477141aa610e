//! `subsidy plan --format ics`: the plan's deadlines as an iCalendar file
//! (RFC 5545), read back with an iCalendar parser (the `icalendar` crate)
//! and checked for the structure RFC 5545 requires, which that parser does
//! not validate: balanced BEGIN/END, the required properties, CRLF line
//! ends, lines of at most 75 octets.

use icalendar::parser::{Component, read_calendar, unfold};
use icalendar::{Calendar, CalendarDateTime, Component as _, DatePerhapsTime};

use crate::support::subsidy;

/// The calendar `plan ARGS --format ics` prints (at 80 columns, which must
/// not matter), asserting success and nothing on stderr.
pub(crate) fn ics(args: &[&str]) -> String {
    let out = subsidy()
        .columns(80)
        .arg("plan")
        .args(args)
        .args(["--format", "ics"])
        .output();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    String::from_utf8(out.stdout).unwrap()
}

/// The design-card hospital: 250 beds, with health checkups.
const DESIGN_CARD: [&str; 8] = [
    "--facility",
    "hospital",
    "--beds",
    "250",
    "--kenshin",
    "yes",
    "--as-of",
    "2026-11-22",
];

/// One VEVENT as read back: its properties (unescaped) and its alarms.
#[derive(Debug)]
pub(crate) struct Event {
    pub(crate) uid: String,
    pub(crate) summary: String,
    pub(crate) description: String,
    pub(crate) url: Option<String>,
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) stamp: String,
    /// Each VALARM's (ACTION, TRIGGER, DESCRIPTION).
    pub(crate) alarms: Vec<(String, String, String)>,
}

fn prop(component: &Component<'_>, name: &str) -> Option<String> {
    component.find_prop(name).map(|p| p.val.to_string())
}

/// Checks the file as RFC 5545 requires, parses it, and returns its events.
pub(crate) fn events(text: &str) -> Vec<Event> {
    well_formed(text);
    // The typed reader: every event has its UID, summary and dates.
    let typed: Calendar = text.parse().expect("icalendar parses the file");
    for event in typed.events() {
        assert!(event.get_uid().is_some() && event.get_summary().is_some());
        assert!(matches!(event.get_start(), Some(DatePerhapsTime::Date(_))));
        assert!(matches!(event.get_end(), Some(DatePerhapsTime::Date(_))));
        assert!(event.get_timestamp().is_some(), "DTSTAMP is a UTC time");
    }
    // The component tree, for the calendar's properties and the alarms.
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).expect("icalendar parses the file");
    let property = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.to_string())
    };
    assert_eq!(property("VERSION").as_deref(), Some("2.0"));
    assert!(property("PRODID").is_some_and(|p| p.starts_with("-//subsidy//")));
    assert_eq!(property("CALSCALE").as_deref(), Some("GREGORIAN"));
    assert_eq!(property("METHOD").as_deref(), Some("PUBLISH"));
    let events: Vec<Event> = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| Event {
            uid: prop(c, "UID").expect("UID"),
            summary: prop(c, "SUMMARY").expect("SUMMARY"),
            description: prop(c, "DESCRIPTION").expect("DESCRIPTION"),
            url: prop(c, "URL"),
            start: prop(c, "DTSTART").expect("DTSTART"),
            end: prop(c, "DTEND").expect("DTEND"),
            stamp: prop(c, "DTSTAMP").expect("DTSTAMP"),
            alarms: c
                .components
                .iter()
                .filter(|a| a.name.as_str() == "VALARM")
                .map(|a| {
                    (
                        prop(a, "ACTION").expect("ACTION"),
                        prop(a, "TRIGGER").expect("TRIGGER"),
                        prop(a, "DESCRIPTION").expect("DESCRIPTION"),
                    )
                })
                .collect(),
        })
        .collect();
    assert_eq!(events.len(), typed.events().count());
    events
}

/// RFC 5545's structure, checked by hand: CRLF after every line and no
/// bare CR or LF; at most 75 octets a line (3.1); a folded line goes on
/// with a space; BEGIN/END balanced and named alike; VCALENDAR outermost,
/// VEVENT inside it, VALARM inside a VEVENT; the properties each requires
/// (3.6.1, 3.6.6), once; all-day dates (`VALUE=DATE`) a day apart.
fn well_formed(text: &str) {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    let lines: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    for line in &lines {
        assert!(!line.contains(['\r', '\n']), "a bare CR or LF: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.is_empty(), "an empty line");
    }
    assert!(!lines[0].starts_with(' '));
    let unfolded = unfold(text);
    let mut open: Vec<String> = Vec::new();
    // The properties seen in each open component.
    let mut seen: Vec<Vec<String>> = Vec::new();
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').expect("NAME:value");
        let name = name.split(';').next().unwrap();
        assert!(
            name.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
            "property name {name:?}"
        );
        match name {
            "BEGIN" => {
                let parent = open.last().map(String::as_str);
                let allowed = match value {
                    "VCALENDAR" => parent.is_none(),
                    "VEVENT" => parent == Some("VCALENDAR"),
                    "VALARM" => parent == Some("VEVENT"),
                    _ => false,
                };
                assert!(allowed, "BEGIN:{value} inside {parent:?}");
                open.push(value.to_string());
                seen.push(Vec::new());
            }
            "END" => {
                assert_eq!(open.pop().as_deref(), Some(value), "END:{value}");
                let props = seen.pop().unwrap();
                let required: &[&str] = match value {
                    "VCALENDAR" => &["PRODID", "VERSION", "CALSCALE", "METHOD"],
                    "VEVENT" => &[
                        "UID",
                        "DTSTAMP",
                        "DTSTART",
                        "DTEND",
                        "SUMMARY",
                        "DESCRIPTION",
                    ],
                    "VALARM" => &["ACTION", "TRIGGER", "DESCRIPTION"],
                    _ => &[],
                };
                for name in required {
                    let count = props.iter().filter(|p| p == name).count();
                    assert_eq!(count, 1, "{name} in {value}: {count} times");
                }
            }
            _ => {
                assert!(!open.is_empty(), "{name} outside VCALENDAR");
                seen.last_mut().unwrap().push(name.to_string());
            }
        }
    }
    assert!(open.is_empty(), "not closed: {open:?}");
    // All-day events: DTSTART;VALUE=DATE:YYYYMMDD, DTEND the day after.
    let date = |line: &str, name: &str| {
        let value = line
            .strip_prefix(&format!("{name};VALUE=DATE:"))
            .unwrap_or_else(|| panic!("{line}"));
        chrono::NaiveDate::parse_from_str(value, "%Y%m%d").unwrap()
    };
    let starts: Vec<_> = unfolded
        .split("\r\n")
        .filter(|l| l.starts_with("DTSTART"))
        .map(|l| date(l, "DTSTART"))
        .collect();
    let ends: Vec<_> = unfolded
        .split("\r\n")
        .filter(|l| l.starts_with("DTEND"))
        .map(|l| date(l, "DTEND"))
        .collect();
    assert_eq!(starts.len(), ends.len());
    for (start, end) in starts.iter().zip(&ends) {
        assert_eq!(*end, start.succ_opt().unwrap());
    }
}

#[test]
fn the_design_card_hospital_has_its_ehr_sharing_deadline_with_the_grant() {
    let events = events(&ics(&DESIGN_CARD));
    let ehr: Vec<&Event> = events
        .iter()
        .filter(|e| e.uid.starts_with("ehr-sharing.deadline."))
        .collect();
    assert_eq!(ehr.len(), 1, "{events:#?}");
    let event = ehr[0];
    // 001 補助金申請期間「令和13年9月30日までに申請」; 003 No.12 申請期日「令和
    // 13年９月30日（火）」: an all-day event on 2031-09-30.
    assert_eq!(event.uid, "ehr-sharing.deadline.2031-09-30@subsidy");
    assert_eq!(event.start, "20310930");
    assert_eq!(event.end, "20311001");
    // Titled with the program's short name (data/ehr-sharing.toml short_name).
    assert_eq!(
        event.summary,
        "申請期限: 電子カルテ情報共有サービス導入補助"
    );
    // 001 / 003 No.12: 事業額上限 13,158,000円 × 1/2 = 6,579,000円 (大規模病院・健診実施).
    let description = &event.description;
    for part in [
        "制度: 電子カルテ情報共有サービスの導入に係る補助金\n",
        "申請期限: 2031-09-30（令和13年9月30日）",
        "区分: 大規模病院（200床以上）・健診実施（3文書6情報）",
        "最大補助額: 6,579,000円（必要な経費 13,158,000円）",
        "判定: 要確認",
        // What is still to find out, as plain questions: never a flag or an id.
        "確かめること:\n",
        "・「オンライン資格確認等システムを導入している（医療保険においてオンライン資格確認を実施可能な体制を整えている）」に当てはまりますか？",
        "・「電子処方箋管理サービスを導入している（導入する旨の申し出がある場合は導入しているとみなす）」に当てはまりますか？",
        // 003 No.12 問合せ先, as data/ehr-sharing.toml [contact] gives it.
        "問合せ先: オンライン資格確認等コールセンター 0800-080-4583（月～金曜日(祝日を除く) 8:00～18:00、土曜日(祝日を除く) 8:00～16:00（通話無料））",
        "基準日: 2026-11-22（令和8年11月22日）、subsidy plan で作成",
        // 2026-05-25 → 2026-11-22: 6 + 30 + 31 + 31 + 30 + 31 + 22 = 181 days.
        "規則データ 2026-05-25版（181日前）",
        // Past 90 days: the program's own contact, as its data gives it.
        "その後に始まった・変わった制度があるかもしれません",
    ] {
        assert!(description.contains(part), "{part:?} not in {description}");
    }
    // No flag and no id: the program is named, not numbered.
    assert!(!description.contains("--"), "{description}");
    assert!(!description.contains("ehr-sharing"), "{description}");
    // One fact a line, as a calendar shows them.
    assert!(description.contains("\n判定: 要確認\n"), "{description}");
    // The program's page (001: its 申請 page, data/ehr-sharing.toml [apply]).
    let page =
        "https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&sysparm_article=KB0010765";
    assert_eq!(event.url.as_deref(), Some(page));
    assert!(description.contains(page));
    // DTSTAMP: the as-of date, not the clock.
    assert_eq!(event.stamp, "20261122T000000Z");
    // Two reminders, 30 and 7 days before, naming the program shortly.
    let triggers: Vec<&str> = event.alarms.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(triggers, ["-P30D", "-P7D"]);
    for (action, _, text) in &event.alarms {
        assert_eq!(action, "DISPLAY");
        assert!(
            text.ends_with("電子カルテ情報共有サービス導入補助"),
            "{text}"
        );
    }
    assert!(event.alarms[0].2.contains("あと30日"));
    assert!(event.alarms[1].2.contains("あと7日"));
}

/// A plan with many entries: a hospital in 福岡県 on 2025-12-01, when the
/// 003 programs were open, the 福岡県 top-ups among them.
const FUKUOKA_2025: [&str; 8] = [
    "--facility",
    "hospital",
    "--beds",
    "250",
    "--prefecture",
    "福岡県",
    "--as-of",
    "2025-12-01",
];

#[test]
fn the_same_command_gives_the_same_file_and_uids_unique_within_it() {
    let first = ics(&FUKUOKA_2025);
    let second = ics(&FUKUOKA_2025);
    assert_eq!(first, second, "a re-import must update, not duplicate");
    let events = events(&first);
    assert!(events.len() > 20, "{}", events.len());
    let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    uids.sort_unstable();
    let count = uids.len();
    uids.dedup();
    assert_eq!(uids.len(), count, "a UID twice");
    for event in &events {
        assert!(event.uid.ends_with("@subsidy"), "{}", event.uid);
        assert_eq!(event.stamp, "20251201T000000Z");
        // Every event is on a deadline the facility can still reach.
        assert!(event.start.as_str() >= "20251201", "{}", event.start);
    }
    // The UID names program, kind of day and day: the two tiers of
    // ehr-sharing (健診 not given) are the options of one event.
    assert!(uids.contains(&"ehr-sharing.deadline.2031-09-30@subsidy"));
    assert!(uids.contains(&"ehr-sharing.completion-by.2031-03-31@subsidy"));
    assert!(uids.contains(&"e-prescription.deadline.2026-03-31@subsidy"));
    let ehr = events
        .iter()
        .find(|e| e.uid == "ehr-sharing.deadline.2031-09-30@subsidy")
        .unwrap();
    // 001: 健診実施 6,579千円 (事業額 13,158千円), 健診未実施 5,081千円 (10,162千円).
    for part in [
        "・大規模病院（200床以上）・健診実施（3文書6情報）: 最大6,579,000円（必要な経費 13,158,000円）、要確認",
        "・大規模病院（200床以上）・健診未実施（2文書6情報）: 最大5,081,000円（必要な経費 10,162,000円）、要確認",
        "・健診部門システムを導入していますか（健診を実施していますか）？",
    ] {
        assert!(
            ehr.description.contains(part),
            "{part:?} not in {}",
            ehr.description
        );
    }
}

#[test]
fn a_top_up_has_its_own_event_naming_the_grant_it_tops_up() {
    let events = events(&ics(&FUKUOKA_2025));
    // 003 No.11: 福岡県電子処方箋導入促進費補助金, 申請期日 2026-01-30, on top of
    // the national 電子処方箋 grant (003 No.9); 病院 1/6 of 4,866,000 = 811,000円.
    let top_up = events
        .iter()
        .find(|e| e.uid == "fukuoka-e-prescription.deadline.2026-01-30@subsidy")
        .expect("the 福岡県 top-up's event");
    assert_eq!(top_up.start, "20260130");
    assert_eq!(
        top_up.summary,
        "申請期限: 福岡県 電子処方箋導入促進費補助金"
    );
    // ① tops up No.9, ② No.10 (data/fukuoka-e-prescription.toml variant_pairs).
    assert!(
        top_up.description.contains(
            "上乗せ先: 電子処方箋の機能拡充の促進事業、電子処方箋管理サービスの導入に係る補助金"
        ),
        "{}",
        top_up.description
    );
    assert!(
        top_up.description.contains(
            "・大規模病院（200床以上）（①基本機能の導入）: 最大811,000円（必要な経費 4,866,000円）、要確認"
        ),
        "{}",
        top_up.description
    );
    assert_eq!(
        top_up.url.as_deref(),
        Some("https://www.pref.fukuoka.lg.jp/contents/denshishohousen.html")
    );
}

#[test]
fn every_round_still_ahead_is_an_event() {
    // data/digital-ai-normal.toml, from 004 <今後のスケジュール> 通常枠:
    // 「第1次申請締切日 5月 12日」「第2次申請締切日 6月 15日」「第3次申請締切日
    // 7月 21日」「第4次申請締切日 8月 25日」 (2026). On 2026-05-13 round 1 has
    // closed: rounds 2, 3 and 4 remain, one event each.
    let events = events(&ics(&[
        "--facility",
        "clinic",
        "--processes",
        "4",
        "--as-of",
        "2026-05-13",
    ]));
    let normal: Vec<&Event> = events
        .iter()
        .filter(|e| e.uid.starts_with("digital-ai-normal."))
        .collect();
    let uids: Vec<&str> = normal.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(
        uids,
        [
            "digital-ai-normal.deadline.2026-06-15@subsidy",
            "digital-ai-normal.deadline.2026-07-21@subsidy",
            "digital-ai-normal.deadline.2026-08-25@subsidy",
        ]
    );
    let rounds: Vec<&str> = normal.iter().map(|e| e.start.as_str()).collect();
    assert_eq!(rounds, ["20260615", "20260721", "20260825"]);
    assert!(
        normal[0]
            .description
            .contains("申請期限（第2次申請締切）: 2026-06-15（令和8年6月15日）")
    );
    assert!(normal[2].description.contains("（第4次申請締切）"));
    assert_eq!(
        normal[0].summary,
        "申請期限: デジタル化・AI導入補助金 通常枠"
    );
    // 004: 4プロセス以上 150万円〜450万円.
    for event in &normal {
        assert!(event.description.contains("最大補助額: 4,500,000円"));
        assert_eq!(event.url.as_deref(), Some("https://it-shien.smrj.go.jp/"));
    }
    // 複数者連携 has two rounds of its own, 6月15日 and 8月25日 (004).
    let multi: Vec<&str> = events
        .iter()
        .filter(|e| e.uid.starts_with("digital-ai-multi.deadline."))
        .map(|e| e.start.as_str())
        .collect();
    assert_eq!(multi, ["20260615", "20260825"]);
    // On a round's own deadline day that round is still reachable.
    let on_the_day = events_of(&[
        "--facility",
        "clinic",
        "--processes",
        "4",
        "--as-of",
        "2026-07-21",
    ]);
    assert!(on_the_day.contains(&"digital-ai-normal.deadline.2026-07-21@subsidy".to_string()));
    assert!(!on_the_day.iter().any(|u| u.contains("2026-06-15")));
}

pub(crate) fn events_of(args: &[&str]) -> Vec<String> {
    events(&ics(args)).into_iter().map(|e| e.uid).collect()
}

#[test]
fn nothing_reachable_is_a_valid_calendar_without_events() {
    // Every deadline in the catalogue has passed by 2032 (the last,
    // ehr-sharing's, is 2031-09-30); national-work-environment gives none.
    let text = ics(&[
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--as-of",
        "2032-01-01",
    ]);
    assert!(events(&text).is_empty());
    assert!(!text.contains("VEVENT"));
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn a_program_without_a_deadline_has_no_event() {
    // national-work-environment (001 別添1, 002): no application period in
    // the sources; plan names it after the table, and the calendar leaves it out.
    let uids = events_of(&DESIGN_CARD);
    assert!(
        !uids
            .iter()
            .any(|u| u.starts_with("national-work-environment"))
    );
}

#[test]
fn english_with_lang_en() {
    let text = ics(&[&DESIGN_CARD[..], &["--lang", "en"]].concat());
    let events = events(&text);
    let event = events
        .iter()
        .find(|e| e.uid.starts_with("ehr-sharing.deadline."))
        .unwrap();
    // The same event as in Japanese: the UID does not depend on the language.
    assert_eq!(event.uid, "ehr-sharing.deadline.2031-09-30@subsidy");
    assert_eq!(event.summary, "Deadline: EHR sharing service adoption");
    for part in [
        "Program: EHR information sharing service adoption\n",
        // The tier's English label has commas: escaped in the file, back here.
        "Tier: Large hospital (200+ beds), with health checkups (3 documents, 6 items)",
        "Largest grant: 6,579,000 yen (for a cost of 13,158,000 yen)",
        "Deadline: 2031-09-30",
        "Eligibility: to confirm",
        "To find out:\n- Does this hold: ",
        "Contact: Online eligibility confirmation call centre 0800-080-4583 (Mon–Fri 8:00–18:00, Sat 8:00–16:00, except public holidays (toll-free))",
        "As of 2026-11-22, made by subsidy plan",
        "Rule data of 2026-05-25 (181 days old)",
        "Check with its contact: Online eligibility confirmation call centre 0800-080-4583.",
    ] {
        assert!(
            event.description.contains(part),
            "{part:?} not in {}",
            event.description
        );
    }
    let milestone = events
        .iter()
        .find(|e| e.uid == "ehr-sharing.completion-by.2031-03-31@subsidy")
        .unwrap();
    assert_eq!(
        milestone.summary,
        "Work to be completed: EHR sharing service adoption"
    );
    assert!(milestone.description.contains(
        "Work to be completed: 2031-03-31\nEHR sharing service introduction completed\nSource: "
    ));
    assert!(
        milestone.alarms[0]
            .2
            .starts_with("Work to be completed in 30 days: ")
    );
    assert!(!event.description.contains("令和"));
    assert!(event.alarms[0].2.starts_with("30 days to the deadline"));
    assert!(text.contains("PRODID:-//subsidy//subsidy "));
    // The words are English; the data's own English text may quote a
    // Japanese term ((オンライン資格確認等システム)), the labels never do.
    for word in [
        "申請期限",
        "最大補助額",
        "判定",
        "要確認",
        "基準日",
        "規則データ",
        "あと",
    ] {
        assert!(!text.contains(word), "{word} in English");
    }
    assert!(text.contains("X-WR-CALNAME:Medical-DX subsidy deadlines\r\n"));
}

#[test]
fn commas_semicolons_and_backslashes_survive_a_round_trip() {
    // A catalogue whose program name holds every character TEXT escapes.
    let dir = std::env::temp_dir().join(format!("subsidy-ics-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = r"電子カルテ, 共有; テスト\補助金";
    let short = r"カルテ, 共有; 短い\名前";
    let text = std::fs::read_to_string("data/ehr-sharing.toml")
        .unwrap()
        .replace(
            "ja = \"電子カルテ情報共有サービスの導入に係る補助金\"",
            &format!("ja = {:?}", name),
        )
        .replace(
            "ja = \"電子カルテ情報共有サービス導入補助\"",
            &format!("ja = {:?}", short),
        );
    assert!(text.contains(r"テスト\\補助金"), "the TOML holds the name");
    assert!(
        text.contains(r"短い\\名前"),
        "the TOML holds the short name"
    );
    std::fs::write(dir.join("ehr-sharing.toml"), text).unwrap();
    let out = subsidy()
        .columns(80)
        .args(["--data", dir.to_str().unwrap(), "plan"])
        .args(DESIGN_CARD)
        .args(["--format", "ics"])
        .output();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // Escaped in the file (RFC 5545 3.3.11) …
    let unfolded = unfold(&text);
    assert!(
        unfolded.contains(r"SUMMARY:申請期限: カルテ\, 共有\; 短い\\名前"),
        "{unfolded}"
    );
    // … and read back as it was, in the summary, the description and the alarms.
    let events = events(&text);
    assert_eq!(events.len(), 2, "the milestone and the deadline");
    let event = &events[1];
    assert_eq!(event.summary, format!("申請期限: {short}"));
    assert!(event.description.contains(&format!("制度: {name}\n")));
    assert!(event.alarms[1].2.ends_with(short), "{}", event.alarms[1].2);
}

#[test]
fn long_japanese_lines_fold_between_characters() {
    let text = ics(&DESIGN_CARD);
    // Folded lines exist (the description runs to hundreds of octets), and
    // every physical line is valid UTF-8 on its own: no character was cut.
    assert!(text.contains("\r\n "));
    for line in text.as_bytes().split(|&b| b == b'\n') {
        assert!(std::str::from_utf8(line).is_ok());
    }
}

/// The usual bad-value line: exit 2, nothing on stdout, one line naming the
/// flag, the value, and an example that works.
fn refused(args: &[&str], lang: &str) -> String {
    subsidy()
        .columns(80)
        .args(args)
        .args(["--lang", lang])
        .refused(&["--format", "'ics'"])
}

#[test]
fn calc_list_and_show_refuse_format_ics_with_an_example_that_works() {
    for args in [
        &[
            "calc",
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--cost",
            "14000000",
            "--format",
            "ics",
        ][..],
        &["list", "--format", "ics"],
        &["show", "ehr-sharing", "--format", "ics"],
    ] {
        let stderr = refused(args, "en");
        assert!(
            stderr.starts_with("error: invalid value 'ics' for '--format'"),
            "{stderr}"
        );
        assert!(stderr.contains("possible values: table, json"), "{stderr}");
        let example = "subsidy plan --facility hospital --beds 250 --format ics";
        assert!(stderr.contains(example), "{stderr}");
        let stderr = refused(args, "ja");
        assert!(stderr.contains("plan で使えます"), "{stderr}");
    }
    // The example works.
    let text = ics(&[
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(!events(&text).is_empty());
}

#[test]
fn the_typed_reader_sees_all_day_dates() {
    let typed: Calendar = ics(&DESIGN_CARD).parse().unwrap();
    let event = typed.events().next().expect("an event");
    let start = match event.get_start() {
        Some(DatePerhapsTime::Date(date)) => date,
        other => panic!("{other:?}"),
    };
    // The first event by day: ehr-sharing's 導入完了 by 2031-03-31 (001 l.130).
    assert_eq!(start, chrono::NaiveDate::from_ymd_opt(2031, 3, 31).unwrap());
    let stamp = event.get_timestamp().unwrap();
    assert_eq!(stamp.to_rfc3339(), "2026-11-22T00:00:00+00:00");
    // Not a date-time: an all-day event has no time zone to get wrong.
    assert!(!matches!(
        event.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(_)))
    ));
}
