//! `subsidy plan --format ics`: the plan's application deadlines as an
//! iCalendar file (RFC 5545), for Google Calendar, Outlook or Apple Calendar.
//!
//! One all-day event per deadline each plan entry can still reach (every
//! round on or after the as-of date, [`window::deadlines_ahead`]), with the
//! program, its tier, the largest grant ([`PlanEntry::largest`]) and what to
//! confirm in the description, the program's page as its URL, and two
//! reminders, 30 and 7 days before. The renderer decides nothing: the grant
//! and the windows come from the plan, the deadlines from the catalogue.
//! It does no I/O, so `subsidy serve` (`/plan.ics`) renders the same file.
//!
//! Stable across runs, so that importing the file again updates events
//! instead of adding copies:
//! - `UID` is `PROGRAM[.VARIANT].TIER.YYYY-MM-DD@subsidy`: one event per
//!   program, variant, tier and deadline. A new grant, eligibility or text
//!   for the same tier and deadline updates the event; another tier (the
//!   facility grew past 200 beds) or another deadline (a new round, a moved
//!   date) is another event.
//! - `DTSTAMP` is the as-of date at 00:00 UTC, never the clock: the same
//!   command gives the same bytes, and a plan made on a later day carries a
//!   later stamp, which is how calendars tell the newer copy of an event.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::layout;
use super::words::{self, ask_this_contact, data_age_line, date_text, say, stale_line, t, yen};
use crate::core::catalogue::{DataAge, Lang, Receipt};
use crate::core::estimate::Query;
use crate::core::plan::PlanEntry;
use crate::core::window;
use crate::i18n::Key;

/// The right-hand side of every `UID`.
const UID_DOMAIN: &str = "subsidy";

/// Days before a deadline that its two reminders go off.
const REMINDER_DAYS: [u32; 2] = [30, 7];

/// RFC 5545 3.1: a content line is at most 75 octets before its line break.
const LINE_OCTETS: usize = 75;

/// The calendar of the deadlines in `entries` (a [`crate::core::plan::Plan`]'s),
/// with names and sentences in `lang`; `receipt` is the rule data's, named
/// in each description.
pub fn plan_ics(entries: &[PlanEntry<'_>], query: &Query, receipt: &Receipt, lang: Lang) -> String {
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
    out.text("X-WR-CALNAME", t(lang, Key::IcsCalendarName));
    let stamp = format!("{}T000000Z", query.as_of.format("%Y%m%d"));
    let age = receipt.age(query.as_of);
    for entry in entries {
        let e = &entry.estimate;
        let name = e.program.name.get(lang);
        for deadline in window::deadlines_ahead(e.program, query.as_of) {
            out.line("BEGIN:VEVENT");
            out.text("UID", &uid(entry, deadline.date));
            out.line(&format!("DTSTAMP:{stamp}"));
            out.line(&format!("DTSTART;VALUE=DATE:{}", ics_date(deadline.date)));
            // All day: the end is the next day, exclusive (RFC 5545 3.6.1).
            let next = deadline.date.checked_add_days(Days::new(1));
            if let Some(next) = next {
                out.line(&format!("DTEND;VALUE=DATE:{}", ics_date(next)));
            }
            out.text("SUMMARY", &say(lang, Key::IcsSummary, &[("name", &name)]));
            let round = deadline.label.as_ref().map(|l| l.get(lang));
            out.text(
                "DESCRIPTION",
                &description(
                    entry,
                    entries,
                    deadline.date,
                    round,
                    query,
                    age.as_ref(),
                    lang,
                ),
            );
            if let Some(url) = page(entry) {
                out.uri("URL", url);
            }
            // A deadline is not time the facility is busy.
            out.line("TRANSP:TRANSPARENT");
            for days in REMINDER_DAYS {
                out.line("BEGIN:VALARM");
                out.line("ACTION:DISPLAY");
                out.text(
                    "DESCRIPTION",
                    &say(
                        lang,
                        Key::IcsAlarm,
                        &[("days", &words::days(days.into(), lang)), ("name", &name)],
                    ),
                );
                out.line(&format!("TRIGGER:-P{days}D"));
                out.line("END:VALARM");
            }
            out.line("END:VEVENT");
        }
    }
    out.line("END:VCALENDAR");
    out.0
}

/// `ehr-sharing.large-kenshin.2031-09-30@subsidy`: program, variant (where
/// the program has variants), tier and deadline. Ids are kebab-case, so
/// the dots cannot be confused with the ids' own characters.
fn uid(entry: &PlanEntry<'_>, deadline: NaiveDate) -> String {
    let e = &entry.estimate;
    let mut parts: Vec<&str> = vec![&e.program.id];
    parts.extend(e.variant.map(|v| v.id.as_str()));
    parts.extend(e.tier.map(|t| t.id.as_str()));
    format!("{}.{deadline}@{UID_DOMAIN}", parts.join("."))
}

/// The program's page: where to apply, else its first link.
fn page<'c>(entry: &PlanEntry<'c>) -> Option<&'c str> {
    let program = entry.estimate.program;
    Some(program.apply.url.trim())
        .filter(|url| !url.is_empty())
        .or_else(|| program.links.first().map(|l| l.url.trim()))
        .filter(|url| !url.is_empty())
}

/// The event's description, one fact a line: the program, its tier, the
/// largest grant, the deadline (and round), the eligibility and what to
/// confirm, the program it tops up, where to apply, the as-of date, and
/// the rule data it was made from with its age (past 90 days, that the
/// program may have changed since, and its contact).
fn description(
    entry: &PlanEntry<'_>,
    entries: &[PlanEntry<'_>],
    deadline: NaiveDate,
    round: Option<&str>,
    query: &Query,
    age: Option<&DataAge>,
    lang: Lang,
) -> String {
    let e = &entry.estimate;
    let named = |name: &str, id: &str| format!("{name} ({id})");
    let mut lines = vec![say(
        lang,
        Key::IcsProgram,
        &[("program", &named(e.program.name.get(lang), &e.program.id))],
    )];
    lines.extend(super::words::extension_label(e.program, lang));
    if let Some(tier) = e.tier {
        let tier = match e.variant {
            Some(variant) => say(
                lang,
                Key::ShowTierOfVariant,
                &[
                    ("tier", &tier.label.get(lang)),
                    ("variant", &variant.name.get(lang)),
                ],
            ),
            None => tier.label.get(lang).to_string(),
        };
        lines.push(say(lang, Key::IcsTier, &[("tier", &tier)]));
    }
    if let Some((grant, cost)) = entry.largest {
        lines.push(say(
            lang,
            Key::IcsLargestGrant,
            &[("grant", &yen(lang, grant)), ("cost", &yen(lang, cost))],
        ));
    }
    let date = date_text(deadline, lang);
    lines.push(match round {
        Some(round) => say(
            lang,
            Key::IcsDeadlineRound,
            &[("deadline", &date), ("round", &round)],
        ),
        None => say(lang, Key::IcsDeadline, &[("deadline", &date)]),
    });
    lines.push(say(
        lang,
        Key::IcsEligibility,
        &[("eligibility", &e.eligibility.label(lang))],
    ));
    if !e.to_confirm.is_empty() {
        lines.push(t(lang, Key::IcsToConfirm).to_string());
        for finding in &e.to_confirm {
            lines.push(say(
                lang,
                Key::IcsListItem,
                &[(
                    "item",
                    &crate::report::hints::finding_message(
                        finding,
                        lang,
                        &crate::input::spelling::PLAIN,
                    ),
                )],
            ));
        }
    }
    if let Some(id) = entry.stacks_on {
        let program = entries
            .iter()
            .find(|other| other.estimate.program.id == id)
            .map_or_else(
                || id.to_string(),
                |other| named(other.estimate.program.name.get(lang), id),
            );
        lines.push(say(lang, Key::IcsTopsUp, &[("program", &program)]));
    }
    if let Some(url) = page(entry) {
        lines.push(say(lang, Key::IcsApply, &[("url", &url)]));
    }
    lines.push(say(
        lang,
        Key::IcsAsOf,
        &[("as_of", &date_text(query.as_of, lang))],
    ));
    if let Some(age) = age {
        lines.push(data_age_line(age, lang));
        lines.extend(stale_line(age, lang, &ask_this_contact(e.program, lang)));
    }
    lines.join("\n")
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
    fn text_escapes_backslash_semicolon_comma_and_newlines() {
        let mut out = String::new();
        escape_text_into(&mut out, "a\\b;c,d\ne\r\nf:g\u{7}\u{2060}h\u{a0}i");
        assert_eq!(out, "a\\\\b\\;c\\,d\\ne\\nf:gh i");
    }
}
