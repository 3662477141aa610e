//! Calendars people can read (issue 25): one event per program and day,
//! titled with the program's short name, with the milestones the sources
//! date as events of their own, and descriptions in plain words. Read back
//! and checked as `ics` checks every calendar.

use icalendar::parser::unfold;

use crate::ics::{Event, events, events_of, ics};

/// 001 l.130 「令和13年3月31日までに電子カルテ情報共有サービスの導入を完了し
/// た上で、令和13年9月30日までに申請。」: the hospital of 250 beds has the
/// 導入完了 milestone as an event of its own on 2031-03-31, before its
/// deadline, saying what the source says.
#[test]
fn the_250_bed_hospital_has_ehr_sharings_completion_milestone() {
    for as_of in ["2025-12-01", "2026-11-22"] {
        let events = events(&ics(&[
            "--facility",
            "hospital",
            "--beds",
            "250",
            "--as-of",
            as_of,
        ]));
        let ehr: Vec<&Event> = events
            .iter()
            .filter(|e| e.uid.starts_with("ehr-sharing."))
            .collect();
        let uids: Vec<&str> = ehr.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(
            uids,
            [
                "ehr-sharing.completion-by.2031-03-31@subsidy",
                "ehr-sharing.deadline.2031-09-30@subsidy"
            ]
        );
        let done = ehr[0];
        assert_eq!(
            (done.start.as_str(), done.end.as_str()),
            ("20310331", "20310401")
        );
        assert_eq!(
            done.summary,
            "導入完了期限: 電子カルテ情報共有サービス導入補助"
        );
        for part in [
            "制度: 電子カルテ情報共有サービスの導入に係る補助金",
            "導入完了期限: 2031-03-31（令和13年3月31日）",
            // data/ehr-sharing.toml [[dates]] completion-by: its label and cite.
            "電子カルテ情報共有サービスの導入完了",
            "出典: 日医発第1203号(情シ)「医療DXに関するシステムの導入等で活用できる補助金まとめ」（2025-10-21）",
            "「令和13年3月31日までに電子カルテ情報共有サービスの導入を完了した上で」",
            "この制度の申請期限: 2031-09-30（令和13年9月30日）",
            "問合せ先: オンライン資格確認等コールセンター 0800-080-4583",
        ] {
            assert!(
                done.description.contains(part),
                "{part:?} not in {}",
                done.description
            );
        }
        assert!(!done.description.contains("--"), "{}", done.description);
        let reminders: Vec<&str> = done.alarms.iter().map(|a| a.2.as_str()).collect();
        assert_eq!(
            reminders,
            [
                "導入完了期限まであと30日: 電子カルテ情報共有サービス導入補助",
                "導入完了期限まであと7日: 電子カルテ情報共有サービス導入補助"
            ]
        );
    }
    // The day after it, the milestone is gone; the deadline stays.
    let uids = events_of(&[
        "--facility",
        "hospital",
        "--beds",
        "250",
        "--as-of",
        "2031-04-01",
    ]);
    assert_eq!(uids, ["ehr-sharing.deadline.2031-09-30@subsidy"]);
}

/// The clinic of issue 25 on 2025-12-01: its calendar had 48 events, five on
/// 2026-01-15 titled alike, and `--fact` in descriptions. Now one event per
/// program and day: 31, by the data (003's programs: 福岡県 勤務環境 第２回
/// 2025-12-15 and its 対象期間 ending 2026-02-28; eight on 2026-01-15 (No.1–7
/// and No.10); 福岡県 電子処方箋 2026-01-30; スマホ 2026-01-31;
/// 電子処方箋 2026-03-31; 004's four rounds of four frames and two of 複数者連携:
/// 2 + 8 + 1 + 1 + 1 + 18 = 31).
#[test]
fn the_clinics_calendar_has_no_two_events_alike_and_no_flags() {
    let text = ics(&["--facility", "clinic", "--as-of", "2025-12-01"]);
    let events = events(&text);
    assert_eq!(events.len(), 31);
    let mut seen: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.summary.as_str(), e.start.as_str()))
        .collect();
    seen.sort_unstable();
    let count = seen.len();
    seen.dedup();
    assert_eq!(seen.len(), count, "two events of one title on one day");
    // The seven programs of 2026-01-15, each by its own short name.
    let on_the_15th: Vec<&str> = events
        .iter()
        .filter(|e| e.start == "20260115")
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(on_the_15th.len(), 8, "{on_the_15th:?}");
    assert!(on_the_15th.contains(&"申請期限: オンライン資格確認（医療扶助）"));
    // No flag anywhere, and no id of a program, a fact or a column.
    assert!(!unfold(&text).contains("--"));
    let ids = [
        "(e-prescription)",
        "fact:",
        "要件:",
        "online-qual-in-place",
        "e-prescription-introduced",
    ];
    for event in &events {
        for id in ids {
            assert!(
                !event.description.contains(id),
                "{id} in {}",
                event.description
            );
        }
    }
    // A program's variants are the options of its one event: 003 No.9, a
    // clinic's 1/2 up to 193,000円 (事業額上限 386,000円) or, with the new
    // functions at once, up to 271,000円 (542,000円).
    let e_prescription = events
        .iter()
        .find(|e| e.uid == "e-prescription.deadline.2026-03-31@subsidy")
        .unwrap();
    for part in [
        "区分ごとの最大補助額（当てはまる1つ）:",
        "・診療所（①電子処方箋管理サービスのみ導入（初期導入））: 最大193,000円（必要な経費 386,000円）、要確認",
        "・診療所（②電子処方箋管理サービス＋新機能（リフィル処方箋等）を同時に導入）: 最大271,000円（必要な経費 542,000円）、要確認",
        "・「令和７年９月30日までに電子処方箋の導入（電子処方箋管理サービスを利用できるシステムの環境整備）を完了した」に当てはまりますか？",
    ] {
        assert!(
            e_prescription.description.contains(part),
            "{part:?} not in {}",
            e_prescription.description
        );
    }
    // 003 No.13: the system introduced 令和６年４月１日から令和８年２月28日: the
    // end of that period is a milestone after the deadline of 2025-12-15.
    let period = events
        .iter()
        .find(|e| e.uid == "fukuoka-work-environment.costs-until.2026-02-28@subsidy")
        .unwrap();
    assert_eq!(
        period.summary,
        "対象期間の終了: 福岡県 医療従事者勤務環境改善"
    );
    assert!(
        period
            .description
            .contains("「令和６年４月１日から令和８年２月28 日（本事業の対象期間）」")
    );
    assert!(
        period
            .description
            .contains("この制度の申請期限: 2025-12-15（令和7年12月15日）")
    );
}
