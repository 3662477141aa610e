//! Application windows: open, closed or not yet open on a given day.

use chrono::NaiveDate;

use crate::core::catalogue::{DateEntry, DateKind, Program};

/// Where a program's application window stands on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Applications accepted until `deadline` (the next round's, where there are rounds).
    Open { deadline: NaiveDate, days_left: i64 },
    /// Applications not accepted before `opens`.
    NotYetOpen {
        opens: NaiveDate,
        deadline: Option<NaiveDate>,
    },
    /// Before the first round's deadline of a program whose sources give
    /// deadlines but no opening date: whether applications are accepted yet
    /// is not known.
    OpeningNotStated { deadline: NaiveDate, days_left: i64 },
    /// The last deadline has passed.
    Closed { deadline: NaiveDate },
    /// The sources give no deadline.
    Unknown,
}

impl Window {
    /// 受付中, 受付前, 締切済, 期限の記載なし: as a label (no dates).
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Key;
        crate::i18n::template(
            lang,
            match self {
                Window::Open { .. } => Key::BatchOpen,
                Window::NotYetOpen { .. } => Key::BatchNotYetOpen,
                Window::OpeningNotStated { .. } => Key::BatchOpeningNotStated,
                Window::Closed { .. } => Key::Closed,
                Window::Unknown => Key::BatchNoDeadline,
            },
        )
    }

    /// The id used in JSON: `open`, `closed`, `not-yet-open`, `unknown`.
    pub fn id(self) -> &'static str {
        match self {
            Window::Open { .. } => "open",
            Window::NotYetOpen { .. } => "not-yet-open",
            Window::OpeningNotStated { .. } => "opening-not-stated",
            Window::Closed { .. } => "closed",
            Window::Unknown => "unknown",
        }
    }

    /// The deadline to show: the next one, or the last one once closed.
    pub fn deadline(self) -> Option<NaiveDate> {
        match self {
            Window::Open { deadline, .. }
            | Window::OpeningNotStated { deadline, .. }
            | Window::Closed { deadline } => Some(deadline),
            Window::NotYetOpen { deadline, .. } => deadline,
            Window::Unknown => None,
        }
    }

    /// Open now, or opening later: an application can still be made.
    pub fn can_still_apply(self) -> bool {
        matches!(
            self,
            Window::Open { .. } | Window::NotYetOpen { .. } | Window::OpeningNotStated { .. }
        )
    }

    /// Sort key: open first, then not yet open, opening not stated, unknown, closed.
    pub fn rank(self) -> u8 {
        match self {
            Window::Open { .. } => 0,
            Window::NotYetOpen { .. } => 1,
            Window::OpeningNotStated { .. } => 2,
            Window::Unknown => 3,
            Window::Closed { .. } => 4,
        }
    }
}

/// The program's window on `as_of`. A deadline day itself is still open.
pub fn window(program: &Program, as_of: NaiveDate) -> Window {
    let next = program
        .dates_of(DateKind::Deadline)
        .filter(|d| *d >= as_of)
        .min();
    let last = program.dates_of(DateKind::Deadline).max();
    if let Some(opens) = program
        .dates_of(DateKind::Opens)
        .filter(|o| *o > as_of)
        .min()
    {
        return Window::NotYetOpen {
            opens,
            deadline: next,
        };
    }
    let first = program.dates_of(DateKind::Deadline).min();
    match (next, last) {
        // No opening date in the sources: before the first round's deadline
        // day, nobody can say the window is open (issue 14). On that day it
        // is: applications are taken on a deadline day (issue 21, item 4).
        (Some(deadline), _)
            if program.opens_not_stated.is_some() && next == first && as_of < deadline =>
        {
            Window::OpeningNotStated {
                deadline,
                days_left: (deadline - as_of).num_days(),
            }
        }
        (Some(deadline), _) => Window::Open {
            deadline,
            days_left: (deadline - as_of).num_days(),
        },
        (None, Some(last)) => Window::Closed { deadline: last },
        (None, None) => Window::Unknown,
    }
}

/// Every deadline of the program on or after `as_of`, earliest first: each
/// round that can still be reached (a deadline day itself is still open, as
/// in [`window`]), one entry per day. Empty where the sources give no
/// deadline or every deadline has passed.
pub fn deadlines_ahead(program: &Program, as_of: NaiveDate) -> Vec<&DateEntry> {
    let mut ahead: Vec<&DateEntry> = program
        .dates
        .iter()
        .filter(|d| d.kind == DateKind::Deadline && d.date >= as_of)
        .collect();
    ahead.sort_by_key(|d| d.date);
    ahead.dedup_by_key(|d| d.date);
    ahead
}

/// A day on a program's calendar: an application deadline (a round), or a
/// milestone the sources state (受付開始, 導入完了期限, the cost period's
/// ends, a condition's cut-off), with the program's entries for that kind
/// and day (usually one; a second for the same day adds its words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDate<'p> {
    pub kind: DateKind,
    pub date: NaiveDate,
    pub entries: Vec<&'p DateEntry>,
}

impl CalendarDate<'_> {
    /// An application deadline; otherwise a milestone.
    pub fn is_deadline(&self) -> bool {
        self.kind == DateKind::Deadline
    }
}

/// Every day of the program's calendar on or after `as_of`: its deadlines
/// still ahead ([`deadlines_ahead`]) and the other dates its sources state
/// (`[[dates]]` of every other kind), one per kind and day, by date, a
/// deadline before a milestone of the same day. Nothing is made up: a day
/// is here only as the catalogue dates it.
pub fn calendar_ahead(program: &Program, as_of: NaiveDate) -> Vec<CalendarDate<'_>> {
    let mut ahead: Vec<CalendarDate<'_>> = Vec::new();
    let mut dates: Vec<&DateEntry> = program.dates.iter().filter(|d| d.date >= as_of).collect();
    dates.sort_by_key(|d| (d.date, d.kind));
    for entry in dates {
        match ahead.last_mut() {
            Some(last) if last.kind == entry.kind && last.date == entry.date => {
                last.entries.push(entry);
            }
            _ => ahead.push(CalendarDate {
                kind: entry.kind,
                date: entry.date,
                entries: vec![entry],
            }),
        }
    }
    ahead
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{Catalogue, Program};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// ehr-sharing opened on 2024-03-01 (000 「申請期間2024年3月1日 〜」,
    /// lowest rank; 002 「令和6年 (2024年) 3月から」; 001 and 003 give no
    /// opening date): the day before, it is not yet open.
    #[test]
    fn ehr_sharing_opened_on_2024_03_01() {
        let catalogue = Catalogue::embedded().unwrap();
        let program = catalogue.program("ehr-sharing").unwrap();
        assert_eq!(
            window(program, day("2024-02-29")),
            Window::NotYetOpen {
                opens: day("2024-03-01"),
                deadline: Some(day("2031-09-30"))
            }
        );
        assert_eq!(
            window(program, day("2024-03-01")),
            Window::Open {
                deadline: day("2031-09-30"),
                days_left: (day("2031-09-30") - day("2024-03-01")).num_days()
            }
        );
    }

    /// 004 gives the デジタル化・AI frames' deadlines (「第1次申請締切日
    /// 5月 12日」…) but no opening date: before the first round's deadline
    /// the status is not known; after it, the next rounds are open.
    #[test]
    fn digital_ai_has_no_opening_date_before_its_first_round() {
        let catalogue = Catalogue::embedded().unwrap();
        let program = catalogue.program("digital-ai-normal").unwrap();
        assert_eq!(
            window(program, day("2026-04-01")),
            Window::OpeningNotStated {
                deadline: day("2026-05-12"),
                days_left: 41
            }
        );
        // The first round's deadline day: applications are taken that day
        // (issue 21, item 4: it said 開始日不明).
        assert_eq!(
            window(program, day("2026-05-11")).id(),
            "opening-not-stated"
        );
        assert_eq!(
            window(program, day("2026-05-12")),
            Window::Open {
                deadline: day("2026-05-12"),
                days_left: 0
            }
        );
        assert_eq!(
            window(program, day("2026-05-13")),
            Window::Open {
                deadline: day("2026-06-15"),
                days_left: 33
            }
        );
    }

    /// 001 別添1 dates the start notices of two programs:
    /// スマホ保険証 「令和7年8月26日 日医発第863号」「補助事業の開始について（周知）」
    /// and the 受給者証 一体化 「令和7年5月23日 日医発第335号」「申請受付の開始
    /// について」. Before those days they are not yet open.
    #[test]
    fn a_dated_start_notice_opens_the_program() {
        let catalogue = Catalogue::embedded().unwrap();
        for (id, opens, deadline) in [
            ("online-qual-smartphone", "2025-08-26", "2026-01-31"),
            ("online-qual-public-aid-card", "2025-05-23", "2026-01-15"),
        ] {
            let program = catalogue.program(id).unwrap();
            let the_day_before = day(opens).pred_opt().unwrap();
            assert_eq!(
                window(program, the_day_before),
                Window::NotYetOpen {
                    opens: day(opens),
                    deadline: Some(day(deadline))
                },
                "{id}"
            );
            assert_eq!(window(program, day(opens)).id(), "open", "{id}");
        }
    }

    #[test]
    fn ehr_sharing_is_open_until_2031_09_30() {
        // 001: 令和13年9月30日までに申請.
        let catalogue = Catalogue::embedded().unwrap();
        let program = catalogue.program("ehr-sharing").unwrap();
        assert_eq!(
            window(program, day("2026-11-21")),
            Window::Open {
                deadline: day("2031-09-30"),
                days_left: 1774
            }
        );
        assert_eq!(
            window(program, day("2031-09-30")),
            Window::Open {
                deadline: day("2031-09-30"),
                days_left: 0
            }
        );
        assert_eq!(
            window(program, day("2031-10-01")),
            Window::Closed {
                deadline: day("2031-09-30")
            }
        );
    }

    /// A program with an opening date and rounds (as the デジタル化・AI frames have).
    fn with_rounds() -> Program {
        let extra = r#"
[[dates]]
kind = "opens"
date = "2026-03-30"
cite = { source = "001", at = "test" }

[[dates]]
kind = "deadline"
date = "2026-05-12"
cite = { source = "001", at = "test" }

[[dates]]
kind = "deadline"
date = "2026-06-15"
cite = { source = "001", at = "test" }
"#;
        let text = include_str!("../../data/ehr-sharing.toml").replace(
            "[[dates]]\nkind = \"deadline\"\ndate = \"2031-09-30\"",
            &format!("{extra}\n[[dates]]\nkind = \"condition-cutoff\"\ndate = \"2031-09-30\""),
        );
        let catalogue = Catalogue::parse([("rounds.toml".to_string(), text)]).unwrap();
        catalogue.programs()[0].clone()
    }

    #[test]
    fn rounds_use_the_next_deadline() {
        let program = with_rounds();
        assert_eq!(
            window(&program, day("2026-03-01")),
            Window::NotYetOpen {
                opens: day("2026-03-30"),
                deadline: Some(day("2026-05-12"))
            }
        );
        assert_eq!(
            window(&program, day("2026-05-12")),
            Window::Open {
                deadline: day("2026-05-12"),
                days_left: 0
            }
        );
        assert_eq!(
            window(&program, day("2026-05-13")),
            Window::Open {
                deadline: day("2026-06-15"),
                days_left: 33
            }
        );
        assert_eq!(
            window(&program, day("2026-06-16")),
            Window::Closed {
                deadline: day("2026-06-15")
            }
        );
    }

    /// 004 <今後のスケジュール>: 通常枠 「第1次申請締切日 5月 12日」「第2次申請締切日
    /// 6月 15日」「第3次申請締切日 7月 21日」「第4次申請締切日 8月 25日」: on
    /// 2026-06-15 (round 2's deadline day) rounds 2, 3 and 4 can be reached;
    /// after 8月25日 none.
    #[test]
    fn the_calendar_has_each_deadline_and_milestone_still_ahead() {
        let catalogue = Catalogue::embedded().unwrap();
        let days = |id: &str, as_of: &str| -> Vec<(DateKind, NaiveDate)> {
            let program = catalogue.program(id).unwrap();
            calendar_ahead(program, day(as_of))
                .iter()
                .map(|d| (d.kind, d.date))
                .collect()
        };
        // ehr-sharing (001 l.130): 「令和13年3月31日までに電子カルテ情報共有サービ
        // スの導入を完了した上で、令和13年9月30日までに申請」; opened 2024-03-01
        // (000, 002), which is past on 2025-12-01.
        assert_eq!(
            days("ehr-sharing", "2025-12-01"),
            [
                (DateKind::CompletionBy, day("2031-03-31")),
                (DateKind::Deadline, day("2031-09-30")),
            ]
        );
        // The day before it opened, the opening is on the calendar too.
        assert_eq!(days("ehr-sharing", "2024-02-29").len(), 3);
        // fukuoka-work-environment (003 No.13): 【第２回募集】令和７年12月15日
        // まで; the system introduced 令和６年４月１日から令和８年２月28日.
        assert_eq!(
            days("fukuoka-work-environment", "2025-12-01"),
            [
                (DateKind::Deadline, day("2025-12-15")),
                (DateKind::CostsUntil, day("2026-02-28")),
            ]
        );
        // On the day itself the milestone is still ahead; the day after, gone.
        assert_eq!(days("ehr-sharing", "2031-03-31").len(), 2);
        assert_eq!(
            days("ehr-sharing", "2031-04-01"),
            [(DateKind::Deadline, day("2031-09-30"))]
        );
        // digital-ai-normal: four rounds (004), no other date.
        assert_eq!(days("digital-ai-normal", "2026-04-01").len(), 4);
    }

    #[test]
    fn deadlines_ahead_are_every_round_not_yet_passed() {
        let catalogue = Catalogue::embedded().unwrap();
        let program = catalogue.program("digital-ai-normal").unwrap();
        let ahead = |as_of| -> Vec<NaiveDate> {
            deadlines_ahead(program, day(as_of))
                .iter()
                .map(|d| d.date)
                .collect()
        };
        assert_eq!(
            ahead("2026-06-15"),
            [day("2026-06-15"), day("2026-07-21"), day("2026-08-25")]
        );
        assert_eq!(ahead("2026-04-01").len(), 4);
        assert!(ahead("2026-08-26").is_empty());
        // ehr-sharing: one deadline, 001「令和13年9月30日までに申請」.
        let ehr = catalogue.program("ehr-sharing").unwrap();
        let dates: Vec<NaiveDate> = deadlines_ahead(ehr, day("2026-11-22"))
            .iter()
            .map(|d| d.date)
            .collect();
        assert_eq!(dates, [day("2031-09-30")]);
    }
}
