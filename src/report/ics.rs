//! The calendars: `subsidy plan --format ics` (a facility's plan) and
//! `subsidy batch --format ics` (a list of facilities), as iCalendar files
//! (RFC 5545) for Google Calendar, Outlook or Apple Calendar.
//!
//! One all-day event per program and day on its calendar still ahead
//! ([`window::calendar_ahead`]): each application deadline (every round on
//! or after the as-of date), and each milestone its sources state (受付開始,
//! 導入完了期限, the cost period's ends, a condition's cut-off), never one
//! per tier or variant. The title is the program's short name after what
//! the day is (`申請期限: 電子カルテ情報共有サービス導入補助`); the
//! description says, one fact a line and in plain words (no flag, no id),
//! the program, the day (and round), for a deadline the largest grant of
//! each tier that fits and what is still to find out, asked as questions
//! ([`super::questions`]), for a milestone what the sources say of it,
//! where to apply, the contact, the as-of date and the rule data with its
//! age. A client list's calendar names, instead of grants and questions,
//! the facilities each event concerns. Two reminders, 30 and 7 days before.
//! The renderer decides nothing: grants and windows come from the plan or
//! the batch's rows, the days from the catalogue. It does no I/O, so
//! `subsidy serve` (`/plan.ics`) renders the same file.
//!
//! Stable across runs, so that importing the file again updates events
//! instead of adding copies:
//! - `UID` is `PROGRAM.KIND.YYYY-MM-DD@subsidy` (`ehr-sharing.deadline.2031-09-30@subsidy`,
//!   `ehr-sharing.completion-by.2031-03-31@subsidy`), and `….facilities@subsidy`
//!   in a client list's calendar: one event per program, kind of day and
//!   day. A new grant, eligibility, text or list of facilities updates the
//!   event; another day (a new round, a moved date) is another event.
//! - `DTSTAMP` is the as-of date at 00:00 UTC, never the clock: the same
//!   command gives the same bytes, and a calendar made on a later day carries a
//!   later stamp, which is how calendars tell the newer copy of an event.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::layout;
use super::questions::question;
use super::words::{self, data_age_line, date_text, say, stale_line, t, yen};
use crate::core::catalogue::{DataAge, DateKind, Lang, Program, Receipt};
use crate::core::estimate::Query;
use crate::core::money::Yen;
use crate::core::plan::PlanEntry;
use crate::core::window::{self, CalendarDate};
use crate::i18n::Key;

/// The right-hand side of every `UID`.
const UID_DOMAIN: &str = "subsidy";

/// Days before a deadline or milestone that its two reminders go off.
const REMINDER_DAYS: [u32; 2] = [30, 7];

/// RFC 5545 3.1: a content line is at most 75 octets before its line break.
const LINE_OCTETS: usize = 75;

/// The calendar of a facility's plan (a [`crate::core::plan::Plan`]'s
/// `entries`), with names and sentences in `lang`; `receipt` is the rule
/// data's, named in each description.
pub fn plan_ics(entries: &[PlanEntry<'_>], query: &Query, receipt: &Receipt, lang: Lang) -> String {
    let age = receipt.age(query.as_of);
    let mut days: Vec<(CalendarDate<'_>, Vec<&PlanEntry<'_>>)> = Vec::new();
    for options in by_program(entries) {
        let program = options[0].estimate.program;
        for day in window::calendar_ahead(program, query.as_of) {
            days.push((day, options.clone()));
        }
    }
    // By day; a program's events in the plan's order within one.
    days.sort_by_key(|(day, _)| day.date);
    let mut calendar = Calendar::new(lang, query.as_of, Key::IcsCalendarName);
    for (day, options) in &days {
        let program = options[0].estimate.program;
        let mut lines = day_lines(program, day, query.as_of, lang);
        if day.is_deadline() {
            option_lines(options, entries, lang, &mut lines);
        }
        closing_lines(program, query.as_of, age.as_ref(), "plan", lang, &mut lines);
        calendar.event(
            program,
            day,
            &uid(program, day, ""),
            &title(program, day, lang),
            &lines.join("\n"),
        );
    }
    calendar.finish()
}

/// One event of a client list's calendar: a program's day, and the
/// facilities it concerns.
pub struct FacilitiesEvent<'c> {
    pub program: &'c Program,
    pub day: CalendarDate<'c>,
    /// How many facilities it concerns.
    pub count: u64,
    /// The first of them by name, in the list's order, each with its
    /// largest grant where its row gives one.
    pub named: Vec<(String, Option<Yen>)>,
}

/// The calendar of a list of facilities (`subsidy batch --format ics`):
/// one event per program and day, naming the facilities it concerns, the
/// rest counted. `as_of` is the run's; `receipt` the rule data's.
pub fn facilities_ics(
    events: &[FacilitiesEvent<'_>],
    as_of: NaiveDate,
    receipt: &Receipt,
    lang: Lang,
) -> String {
    let age = receipt.age(as_of);
    let mut calendar = Calendar::new(lang, as_of, Key::IcsClientsCalendarName);
    for event in events {
        let (program, day) = (event.program, &event.day);
        let mut lines = day_lines(program, day, as_of, lang);
        let count = i18n_count(event.count, lang);
        lines.push(say(lang, Key::IcsFacilities, &[("count", &count)]));
        for (name, grant) in &event.named {
            lines.push(match grant {
                Some(grant) => say(
                    lang,
                    Key::IcsFacilityGrant,
                    &[("name", name), ("grant", &yen(lang, *grant))],
                ),
                None => say(lang, Key::IcsFacility, &[("name", name)]),
            });
        }
        let rest = event.count.saturating_sub(event.named.len() as u64);
        if rest > 0 {
            lines.push(say(lang, Key::IcsFacilitiesMore, &[("rest", &rest)]));
        }
        closing_lines(program, as_of, age.as_ref(), "batch", lang, &mut lines);
        let title = say(
            lang,
            Key::IcsTitleWithCount,
            &[
                ("title", &title(program, day, lang)),
                ("facilities", &count),
            ],
        );
        calendar.event(
            program,
            day,
            &uid(program, day, ".facilities"),
            &title,
            &lines.join("\n"),
        );
    }
    calendar.finish()
}

/// `3施設`, `1 facility`.
fn i18n_count(n: u64, lang: Lang) -> String {
    crate::i18n::counted(lang, Key::IcsFacilitiesOne, Key::IcsFacilitiesOther, n)
}

/// The plan's entries by program, in the plan's order: a program's tiers
/// and variants are the options of its one event a day.
fn by_program<'e, 'c>(entries: &'e [PlanEntry<'c>]) -> Vec<Vec<&'e PlanEntry<'c>>> {
    let mut programs: Vec<Vec<&PlanEntry<'_>>> = Vec::new();
    for entry in entries {
        let id = &entry.estimate.program.id;
        match programs
            .iter_mut()
            .find(|options| &options[0].estimate.program.id == id)
        {
            Some(options) => options.push(entry),
            None => programs.push(vec![entry]),
        }
    }
    programs
}

/// `ehr-sharing.deadline.2031-09-30@subsidy`: program, kind of day, day
/// and `marker` (`.facilities` for a client list's calendar). Ids are
/// kebab-case, so the dots cannot be confused with the ids' own characters.
fn uid(program: &Program, day: &CalendarDate<'_>, marker: &str) -> String {
    format!(
        "{}.{}.{}{marker}@{UID_DOMAIN}",
        program.id,
        day.kind.id(),
        day.date
    )
}

/// What a milestone is, as its title says it: 導入完了期限, Applications open.
fn what(kind: DateKind, lang: Lang) -> &'static str {
    t(
        lang,
        match kind {
            DateKind::Deadline => Key::DateDeadline,
            DateKind::Opens => Key::IcsTitleOpens,
            DateKind::CompletionBy => Key::IcsTitleCompletionBy,
            DateKind::CostsFrom => Key::IcsTitleCostsFrom,
            DateKind::CostsUntil => Key::IcsTitleCostsUntil,
            DateKind::ConditionCutoff => Key::IcsTitleConditionCutoff,
        },
    )
}

/// `申請期限: 電子カルテ情報共有サービス導入補助`, `導入完了期限: …`: what the
/// day is, and the program's short name.
fn title(program: &Program, day: &CalendarDate<'_>, lang: Lang) -> String {
    let name = program.short_name.get(lang);
    if day.is_deadline() {
        say(lang, Key::IcsSummary, &[("name", &name)])
    } else {
        let what = what(day.kind, lang);
        say(
            lang,
            Key::IcsMilestoneTitle,
            &[("what", &what), ("name", &name)],
        )
    }
}

/// The program's page: where to apply, else its first link.
fn page(program: &Program) -> Option<&str> {
    Some(program.apply.url.trim())
        .filter(|url| !url.is_empty())
        .or_else(|| program.links.first().map(|l| l.url.trim()))
        .filter(|url| !url.is_empty())
}

/// The description's head: the program (and its extension) and the day.
/// A deadline with its round; a milestone with what the sources say of it
/// (their words and the document, the passage quoted), then the program's
/// next deadline.
fn day_lines(
    program: &Program,
    day: &CalendarDate<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Vec<String> {
    let mut lines = vec![say(
        lang,
        Key::IcsProgram,
        &[("program", &program.name.get(lang))],
    )];
    lines.extend(words::extension_label(program, lang));
    let date = date_text(day.date, lang);
    let labels: Vec<&str> = day
        .entries
        .iter()
        .filter_map(|e| e.label.as_ref().map(|l| l.get(lang)))
        .collect();
    if day.is_deadline() {
        lines.push(match labels.first() {
            Some(round) => say(
                lang,
                Key::IcsDeadlineRound,
                &[("deadline", &date), ("round", round)],
            ),
            None => say(lang, Key::IcsDeadline, &[("deadline", &date)]),
        });
        return lines;
    }
    let what = what(day.kind, lang);
    lines.push(say(
        lang,
        Key::IcsMilestone,
        &[("what", &what), ("date", &date)],
    ));
    for entry in &day.entries {
        lines.extend(entry.label.as_ref().map(|l| l.get(lang).to_string()));
        if let Some(document) = program.document(&entry.cite.source) {
            lines.push(say(
                lang,
                Key::IcsSource,
                &[("title", &document.title), ("date", &document.date)],
            ));
        }
        lines.extend(quoted(&entry.cite.at).map(str::to_string));
    }
    if let Some(next) = window::deadlines_ahead(program, as_of).first() {
        let deadline = date_text(next.date, lang);
        lines.push(say(lang, Key::IcsNextDeadline, &[("deadline", &deadline)]));
    }
    lines
}

/// The first passage a cite quotes, 「」 and all, from the part of `at`
/// about its own source (before any `; 003 …` naming another).
fn quoted(at: &str) -> Option<&str> {
    let own = at.split(';').next().unwrap_or(at);
    let start = own.find('「')?;
    let end = own[start..].find('」')? + start + '」'.len_utf8();
    Some(&own[start..end])
}

/// A deadline's options in the plan: the one tier that fits (its grant
/// and eligibility line by line), or each that may, with its largest
/// grant; then what is still to find out, as questions (each once), and
/// the grant a top-up tops up.
fn option_lines(
    options: &[&PlanEntry<'_>],
    entries: &[PlanEntry<'_>],
    lang: Lang,
    lines: &mut Vec<String>,
) {
    let tier_of = |entry: &PlanEntry<'_>| {
        let e = &entry.estimate;
        e.tier.map(|tier| match e.variant {
            Some(variant) => say(
                lang,
                Key::ShowTierOfVariant,
                &[
                    ("tier", &tier.label.get(lang)),
                    ("variant", &variant.name.get(lang)),
                ],
            ),
            None => tier.label.get(lang).to_string(),
        })
    };
    let eligibility = |entry: &PlanEntry<'_>| entry.estimate.eligibility.label(lang);
    if let [entry] = options {
        if let Some(tier) = tier_of(entry) {
            lines.push(say(lang, Key::IcsTier, &[("tier", &tier)]));
        }
        if let Some((grant, cost)) = entry.largest {
            lines.push(say(
                lang,
                Key::IcsLargestGrant,
                &[("grant", &yen(lang, grant)), ("cost", &yen(lang, cost))],
            ));
        }
        let eligibility = eligibility(entry);
        lines.push(say(
            lang,
            Key::IcsEligibility,
            &[("eligibility", &eligibility)],
        ));
    } else {
        lines.push(t(lang, Key::IcsOptions).to_string());
        for entry in options {
            let tier = tier_of(entry).unwrap_or_default();
            let eligibility = eligibility(entry);
            lines.push(match entry.largest {
                Some((grant, cost)) => say(
                    lang,
                    Key::IcsOption,
                    &[
                        ("tier", &tier),
                        ("grant", &yen(lang, grant)),
                        ("cost", &yen(lang, cost)),
                        ("eligibility", &eligibility),
                    ],
                ),
                None => say(
                    lang,
                    Key::IcsListItem,
                    &[("item", &format!("{tier}: {eligibility}"))],
                ),
            });
        }
    }
    let mut questions: Vec<String> = Vec::new();
    for finding in options.iter().flat_map(|o| &o.estimate.to_confirm) {
        let asked = question(finding, lang).into_owned();
        if !questions.contains(&asked) {
            questions.push(asked);
        }
    }
    if !questions.is_empty() {
        lines.push(t(lang, Key::IcsToConfirm).to_string());
        for item in &questions {
            lines.push(say(lang, Key::IcsListItem, &[("item", item)]));
        }
    }
    // The grants its options top up, each once (a variant may top up another).
    let mut tops_up: Vec<&str> = Vec::new();
    for id in options.iter().filter_map(|o| o.stacks_on) {
        let name = entries
            .iter()
            .find(|other| other.estimate.program.id == id)
            .map_or(id, |other| other.estimate.program.name.get(lang));
        if !tops_up.contains(&name) {
            tops_up.push(name);
        }
    }
    if !tops_up.is_empty() {
        let separator = t(lang, Key::BatchListSeparator);
        let names = tops_up.join(separator);
        lines.push(say(lang, Key::IcsTopsUp, &[("program", &names)]));
    }
}

/// The description's end: where to apply, whom to ask (and when), the
/// as-of date and the `command` that made the calendar, and the rule data
/// with its age (past 90 days, that programs may have changed since).
fn closing_lines(
    program: &Program,
    as_of: NaiveDate,
    age: Option<&DataAge>,
    command: &str,
    lang: Lang,
    lines: &mut Vec<String>,
) {
    if let Some(url) = page(program) {
        lines.push(say(lang, Key::IcsApply, &[("url", &url)]));
    }
    let contact = &program.contact;
    let phone = contact.phone.trim();
    let mut whom = contact.name.get(lang).trim().to_string();
    if phone.chars().any(|c| c.is_ascii_digit()) {
        whom.push(' ');
        whom.push_str(phone);
    }
    let hours = contact.hours.get(lang).trim();
    if !hours.is_empty() {
        whom = say(
            lang,
            Key::IcsContactHours,
            &[("contact", &whom), ("hours", &hours)],
        );
    }
    lines.push(say(lang, Key::IcsContact, &[("contact", &whom)]));
    lines.push(say(
        lang,
        Key::IcsAsOf,
        &[("as_of", &date_text(as_of, lang)), ("command", &command)],
    ));
    if let Some(age) = age {
        lines.push(data_age_line(age, lang));
        let ask = words::ask_this_contact(program, lang);
        lines.extend(stale_line(age, lang, &ask));
    }
}

/// A calendar being written: its head, its events, its end.
struct Calendar {
    out: Lines,
    lang: Lang,
    /// `DTSTAMP`: the as-of date at 00:00 UTC.
    stamp: String,
}

impl Calendar {
    /// The calendar's head, named by `name` in `lang`.
    fn new(lang: Lang, as_of: NaiveDate, name: Key) -> Calendar {
        let mut out = Lines::default();
        out.line("BEGIN:VCALENDAR");
        out.line("VERSION:2.0");
        let language = match lang {
            Lang::Ja => "JA",
            Lang::En => "EN",
        };
        out.line(&format!(
            "PRODID:-//subsidy//subsidy {}//{language}",
            env!("CARGO_PKG_VERSION")
        ));
        out.line("CALSCALE:GREGORIAN");
        out.line("METHOD:PUBLISH");
        out.text("X-WR-CALNAME", t(lang, name));
        Calendar {
            out,
            lang,
            stamp: format!("{}T000000Z", as_of.format("%Y%m%d")),
        }
    }

    /// An all-day event on `day` of `program`, with its reminders.
    fn event(
        &mut self,
        program: &Program,
        day: &CalendarDate<'_>,
        uid: &str,
        summary: &str,
        description: &str,
    ) {
        let (out, lang) = (&mut self.out, self.lang);
        out.line("BEGIN:VEVENT");
        out.text("UID", uid);
        out.line(&format!("DTSTAMP:{}", self.stamp));
        out.line(&format!("DTSTART;VALUE=DATE:{}", ics_date(day.date)));
        // All day: the end is the next day, exclusive (RFC 5545 3.6.1).
        if let Some(next) = day.date.checked_add_days(Days::new(1)) {
            out.line(&format!("DTEND;VALUE=DATE:{}", ics_date(next)));
        }
        out.text("SUMMARY", summary);
        out.text("DESCRIPTION", description);
        if let Some(url) = page(program) {
            out.uri("URL", url);
        }
        // A deadline is not time the facility is busy.
        out.line("TRANSP:TRANSPARENT");
        let name = program.short_name.get(lang);
        for days in REMINDER_DAYS {
            let days_text = words::days(days.into(), lang);
            let said = if day.is_deadline() {
                say(
                    lang,
                    Key::IcsAlarm,
                    &[("days", &days_text), ("name", &name)],
                )
            } else {
                let what = what(day.kind, lang);
                say(
                    lang,
                    Key::IcsMilestoneAlarm,
                    &[("what", &what), ("days", &days_text), ("name", &name)],
                )
            };
            out.line("BEGIN:VALARM");
            out.line("ACTION:DISPLAY");
            out.text("DESCRIPTION", &said);
            out.line(&format!("TRIGGER:-P{days}D"));
            out.line("END:VALARM");
        }
        out.line("END:VEVENT");
    }

    fn finish(mut self) -> String {
        self.out.line("END:VCALENDAR");
        self.out.0
    }
}

/// `20310930`: a DATE value.
fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// The calendar's content lines, each folded and ended with CRLF.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// A content line as it is (names, dates, fixed values).
    fn line(&mut self, line: &str) {
        fold_into(&mut self.0, line);
    }

    /// `NAME:value` with a TEXT value, escaped (RFC 5545 3.3.11).
    fn text(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + 1 + value.len() * 2);
        let _ = write!(line, "{name}:");
        escape_text_into(&mut line, value);
        self.line(&line);
    }

    /// `NAME:value` with a URI value: not escaped, but no control
    /// character may end the line early (the catalogue is not trusted to
    /// have none, `--data DIR`).
    fn uri(&mut self, name: &str, value: &str) {
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        self.line(&format!("{name}:{value}"));
    }
}

/// TEXT escaping (RFC 5545 3.3.11): `\` `;` `,` and line breaks escaped;
/// other control characters, which TEXT cannot hold, left out. The
/// screen's layout marks ([`layout::JOIN`], no-break spaces) become
/// nothing and a space: a calendar lays out its own text.
fn escape_text_into(out: &mut String, value: &str) {
    let value = value.replace("\r\n", "\n");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            layout::JOIN => {}
            layout::NO_BREAK_SPACE => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Appends `line` folded (RFC 5545 3.1): at most 75 octets before each
/// CRLF, every continuation starting with one space, and never inside a
/// UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The space that starts a continuation counts.
        limit = LINE_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, line);
        out
    }

    #[test]
    fn short_lines_end_with_crlf() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        // 3-octet characters: 25 fill the first line exactly (75 octets);
        // a continuation holds 24 after its space (1 + 72 = 73 octets).
        let line = "あ".repeat(60);
        let out = folded(&line);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(lines[0], "あ".repeat(25));
        assert_eq!(lines[1], format!(" {}", "あ".repeat(24)));
        assert_eq!(lines[2], format!(" {}", "あ".repeat(11)));
        for l in &lines {
            assert!(l.len() <= 75, "{l}");
        }
        // Unfolding (remove CRLF and the space) gives the line back.
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
        // ASCII: 75, then 74 after the space.
        let out = folded(&"a".repeat(200));
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(
            lines.iter().map(|l| l.len()).collect::<Vec<_>>(),
            // 200 = 75 + 74 + 51, each continuation after its space.
            [75, 75, 52]
        );
    }

    #[test]
    fn a_milestone_quotes_its_own_sources_passage() {
        // data/ehr-sharing.toml's completion-by (001 l.130).
        assert_eq!(
            quoted(
                "補助金申請期間「令和13年3月31日までに電子カルテ情報共有サービスの導入を完了した上で」"
            ),
            Some("「令和13年3月31日までに電子カルテ情報共有サービスの導入を完了した上で」")
        );
        // A second source after `;` is not this cite's own.
        assert_eq!(
            quoted("No.13 対象施設「令和７年３月31日時点で…」; 001 別添1「（条件）」"),
            Some("「令和７年３月31日時点で…」")
        );
        assert_eq!(quoted("worked from the figures"), None);
        assert_eq!(quoted("「閉じない"), None);
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_newlines() {
        let mut out = String::new();
        escape_text_into(&mut out, "a\\b;c,d\ne\r\nf:g\u{7}\u{2060}h\u{a0}i");
        assert_eq!(out, "a\\\\b\\;c\\,d\\ne\\nf:gh i");
    }
}
