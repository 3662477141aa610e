//! The words every renderer shares: yen, dates in 和暦, where a window
//! stands, the facility as given, the size test, and the summary line. Text,
//! HTML and ICS all say these the same way.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::layout;
use super::model::{Rest, Summary};
use crate::core::catalogue::{Cite, DataAge, FacilityClass, Lang, Program, STALE_AFTER_DAYS};
use crate::core::estimate::{Estimate, Headline, LeftOut, Query};
use crate::core::money::{Yen, group_thousands};
use crate::core::recommend::{Assumed, Recommendation};
use crate::core::window::Window;
use crate::i18n::{self, Key};
use crate::input::spelling::{Hint, Spelling};

/// A word or sentence of the screen from the message table of `lang`.
pub(super) fn t(lang: Lang, key: Key) -> &'static str {
    i18n::template(lang, key)
}

/// A sentence of the screen with its values filled in.
pub(super) fn say(lang: Lang, key: Key, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    i18n::text(lang, key, values)
}

/// An amount of yen in `lang`: `6,579,000円`, `6,579,000 yen`.
pub(super) fn yen(lang: Lang, amount: Yen) -> String {
    say(
        lang,
        Key::YenAmount,
        &[("amount", &group_thousands(u128::from(amount)))],
    )
}

/// `1773日`, `1 day`, `1773 days`.
pub(super) fn days(n: i64, lang: Lang) -> String {
    i18n::counted(lang, Key::CountDaysOne, Key::CountDaysOther, n)
}

/// `拡張: kakuu-city`: the extension a program comes from, if it comes
/// from one (decided on loading; every renderer says it in these words).
pub fn extension_label(program: &Program, lang: Lang) -> Option<String> {
    (program.extension.as_deref()).map(|name| say(lang, Key::FromExtension, &[("name", &name)]))
}

/// `電子カルテ… (ehr-sharing)`, and for a program of an extension its
/// name on the next line (`拡張: kakuu-city`): a table's program cell.
pub(super) fn program_heading(program: &Program, lang: Lang) -> String {
    let mut text = format!("{} ({})", program.name.get(lang), program.id);
    if let Some(extension) = extension_label(program, lang) {
        text.push('\n');
        text.push_str(&extension);
    }
    text
}

/// [`program_heading`] on one line: `架空市… (kakuu-city-dx) [拡張: kakuu-city]`.
pub(super) fn program_inline(program: &Program, lang: Lang) -> String {
    match extension_label(program, lang) {
        Some(extension) => format!("{} ({}) [{extension}]", program.name.get(lang), program.id),
        None => format!("{} ({})", program.name.get(lang), program.id),
    }
}

/// `規則データ 2026-05-25版（195日前）`: the rule data's version and its age
/// on the as-of date (`基準日当日` on it, `基準日の5日後` before it). Every
/// output that answers says it in these words.
pub fn data_age_line(age: &DataAge, lang: Lang) -> String {
    let key = match age.days.cmp(&0) {
        std::cmp::Ordering::Greater => Key::DataAgeOld,
        std::cmp::Ordering::Equal => Key::DataAgeSameDay,
        std::cmp::Ordering::Less => Key::DataAgeAhead,
    };
    say(
        lang,
        key,
        &[
            ("version", &age.version),
            ("days", &days(age.days.abs(), lang)),
        ],
    )
}

/// Past [`STALE_AFTER_DAYS`], the line that says programs may have opened
/// or changed since, ending with `ask` (where to look): `None` until then.
pub fn stale_line(age: &DataAge, lang: Lang, ask: &str) -> Option<String> {
    age.stale.then(|| {
        say(
            lang,
            Key::DataStale,
            &[("limit", &STALE_AFTER_DAYS), ("ask", &ask)],
        )
    })
}

/// Where to look about many programs: each one's contact, and how the
/// front end of `spelling` shows it (`subsidy show ID` on the command line).
pub fn ask_each_contact(spelling: &Spelling, lang: Lang) -> String {
    (spelling.hint)(Hint::Contacts, lang)
        .unwrap_or_else(|| t(lang, Key::AskEachContact).to_string())
}

/// Where to look about `program`: the contact its sources give, by name
/// and telephone number (the data writes `—` where the sources give none).
pub fn ask_this_contact(program: &Program, lang: Lang) -> String {
    let contact = &program.contact;
    let phone = contact.phone.trim();
    let contact = match phone.chars().any(|c| c.is_ascii_digit()) {
        true => format!("{} {}", contact.name.get(lang), layout::unbroken(phone)),
        false => contact.name.get(lang).to_string(),
    };
    say(lang, Key::AskThisContact, &[("contact", &contact)])
}

/// 令和8年1月15日, for the Japanese display (令和元年 for 2019).
pub(super) fn wareki(date: NaiveDate) -> Option<String> {
    let (era, first_year) = if date >= NaiveDate::from_ymd_opt(2019, 5, 1)? {
        ("令和", 2019)
    } else if date >= NaiveDate::from_ymd_opt(1989, 1, 8)? {
        ("平成", 1989)
    } else {
        return None;
    };
    let year = date.year() - first_year + 1;
    let year = if year == 1 {
        "元".to_string()
    } else {
        year.to_string()
    };
    Some(format!("{era}{year}年{}月{}日", date.month(), date.day()))
}

/// `2026-01-15（令和8年1月15日）` in Japanese, ISO alone in English.
pub(super) fn date_text(date: NaiveDate, lang: Lang) -> String {
    match (lang, wareki(date)) {
        (Lang::Ja, Some(era)) => format!("{date}（{}）", layout::unbroken(&era)),
        _ => date.to_string(),
    }
}

pub(super) fn status_text(window: Window, lang: Lang) -> String {
    match window {
        Window::Open { days_left: 0, .. } => {
            format!(
                "{}（{}）",
                t(lang, Key::Open),
                layout::unbroken(t(lang, Key::ClosesToday))
            )
        }
        Window::Open { days_left, .. } => say(
            lang,
            Key::StatusOpenDays,
            &[("days", &days(days_left, lang))],
        ),
        Window::NotYetOpen { opens, .. } => {
            say(lang, Key::StatusNotYetOpenFrom, &[("opens", &opens)])
        }
        Window::OpeningNotStated { days_left, .. } => say(
            lang,
            Key::StatusOpeningNotStated,
            &[("days", &days(days_left, lang))],
        ),
        Window::Closed { .. } => t(lang, Key::Closed).to_string(),
        Window::Unknown => t(lang, Key::NoDeadlineStated).to_string(),
    }
}

pub(super) fn facility_text(query: &Query, lang: Lang) -> String {
    let facility = query.facility;
    let class = facility.class().name(lang);
    let mut text = match facility.class() {
        FacilityClass::Pharmacy => class.to_string(),
        _ => say(
            lang,
            Key::FacilityWithBeds,
            &[("class", &class), ("beds", &facility.beds())],
        ),
    };
    if let Some(kenshin) = query.kenshin {
        text.push_str(t(
            lang,
            if kenshin {
                Key::WithCheckups
            } else {
                Key::WithoutCheckups
            },
        ));
    }
    // What decides the size test (デジタル化・AI), as given.
    if let Some(entity) = query.entity {
        text.push_str(&say(
            lang,
            Key::WithEntity,
            &[("entity", &entity.name(lang))],
        ));
        if let Some(capital) = entity.capital() {
            let capital = group_thousands(u128::from(capital));
            text.push_str(&say(lang, Key::WithCapital, &[("capital", &capital)]));
        }
    }
    if let Some(employees) = query.employees {
        text.push_str(&say(lang, Key::WithEmployees, &[("employees", &employees)]));
    }
    if query
        .flags
        .contains(&crate::core::catalogue::RateFlag::LargeCompany)
    {
        text.push_str(t(lang, Key::WithLargeCompany));
    }
    text
}

/// `規模: 薬局・会社・資本金100,000,000円・従業員80人 → 大企業等（中小企業等は
/// 資本金50,000,000円以下または従業員50人以下）`: how the program's size test
/// (004's table) came out for this facility, and the row it used; `None`
/// where the result does not turn on it (no tier, or neither a size
/// condition nor a 大企業等 rate).
pub(super) fn size_line<'c>(
    e: &Estimate<'c>,
    query: &Query,
    lang: Lang,
    spelling: &Spelling,
) -> Option<(String, Option<&'c Cite>)> {
    let program = e.program;
    let tier = e.tier?;
    let asked = crate::core::estimate::rate_by_size(tier)
        || e.conditions
            .iter()
            .any(|o| o.condition.decided_by == crate::core::catalogue::DecidedBy::EntitySize);
    if !asked || program.sme_limits.is_empty() {
        return None;
    }
    let class = query.facility.class();
    let row = program.sme_row(class);
    let outcome = match crate::core::estimate::is_sme(program, query) {
        Some(true) => t(lang, Key::SizeSme).to_string(),
        Some(false) => t(lang, Key::SizeLarge).to_string(),
        None => say(
            lang,
            Key::SizeUnknown,
            &[(
                "how",
                &crate::report::hints::how_to_ask(
                    spelling,
                    &crate::core::estimate::Ask::Size(program, class),
                    lang,
                ),
            )],
        ),
    };
    let rule = query
        .entity
        .map(|entity| match row.and_then(|r| r.for_entity(entity)) {
            Some(limit) => size_rule(limit, lang),
            None => t(lang, Key::SizeRuleNone).to_string(),
        });
    let facility = facility_text(query, lang);
    let text = match rule {
        Some(rule) => say(
            lang,
            Key::SizeLineWithRule,
            &[
                ("facility", &facility),
                ("outcome", &outcome),
                ("rule", &rule),
            ],
        ),
        None => say(
            lang,
            Key::SizeLine,
            &[("facility", &facility), ("outcome", &outcome)],
        ),
    };
    Some((text, row.map(|r| &r.cite)))
}

/// `中小企業等は資本金50,000,000円以下または従業員50人以下`: one legal form's limits.
pub(super) fn size_rule(limit: &crate::core::catalogue::SizeLimit, lang: Lang) -> String {
    let grouped = |y: Yen| group_thousands(u128::from(y));
    match (limit.capital_max, limit.employees_max) {
        (Some(capital), Some(employees)) => say(
            lang,
            Key::SizeRuleCapitalOrEmployees,
            &[("capital", &grouped(capital)), ("employees", &employees)],
        ),
        (Some(capital), None) => say(
            lang,
            Key::SizeRuleCapital,
            &[("capital", &grouped(capital))],
        ),
        (None, Some(employees)) => say(lang, Key::SizeRuleEmployees, &[("employees", &employees)]),
        (None, None) => t(lang, Key::SizeRuleNone).to_string(),
    }
}

/// `[001] 補助金申請期間「…」`: the source's id, which the 出典 list names
/// by title and date, and the passage.
pub(super) fn cite_text(_program: &Program, cite: &Cite) -> String {
    format!("[{}] {}", cite.source, cite.at)
}

/// 受付中, 受付前, 締切済, 記載なし.
pub(super) fn status_word(window: Window, lang: Lang) -> &'static str {
    match window {
        Window::Open { .. } => t(lang, Key::Open),
        Window::NotYetOpen { .. } => t(lang, Key::NotYetOpen),
        Window::OpeningNotStated { .. } => t(lang, Key::BatchOpeningNotStated),
        Window::Closed { .. } => t(lang, Key::Closed),
        Window::Unknown => t(lang, Key::NotStated),
    }
}

/// `あと1773日`, kept on one line.
pub(super) fn days_left_text(days: i64, lang: Lang) -> String {
    if days == 0 {
        // The deadline is the as-of day itself: still open, closing today.
        return layout::unbroken(t(lang, Key::ClosesToday));
    }
    layout::unbroken(&say(
        lang,
        Key::DaysLeft,
        &[("days", &self::days(days, lang))],
    ))
}

/// The deadline over where the window stands: `2031-09-30` / `あと1773日`.
pub(super) fn deadline_lines(window: Window, lang: Lang) -> String {
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| layout::EMPTY.to_string(), |d| d.to_string());
    match window {
        Window::Open {
            deadline,
            days_left,
        } => format!("{deadline}\n{}", days_left_text(days_left, lang)),
        Window::OpeningNotStated {
            deadline,
            days_left,
        } => format!(
            "{deadline}\n{}\n{}",
            days_left_text(days_left, lang),
            t(lang, Key::BatchOpeningNotStated)
        ),
        Window::NotYetOpen { opens, deadline } => format!(
            "{}\n{}",
            date(deadline),
            say(lang, Key::OpensOn, &[("opens", &opens)])
        ),
        Window::Closed { deadline } => format!("{deadline}\n{}", t(lang, Key::Closed)),
        Window::Unknown => t(lang, Key::NotStated).to_string(),
    }
}

/// The best combination as a summary names it: the recommendation, and
/// each pick's display number where a table numbers the results.
pub(super) struct Recommended<'r, 'a, 'c> {
    pub recommendation: &'r Recommendation<'a, 'c>,
    pub number: &'r dyn Fn(&Estimate<'_>) -> Option<usize>,
    /// `plan`'s: each pick at its largest grant, the cost the one that reaches them.
    pub plan: bool,
}

/// The last line: how many programs can be applied for and the best
/// combination (its total, each pick with its grant and deadline), or
/// without one the nearest deadline; or that nothing can be applied for.
pub(super) fn summary_line(
    summary: &Summary<'_, '_>,
    recommended: Option<&Recommended<'_, '_, '_>>,
    query: &Query,
    lang: Lang,
    spelling: &Spelling,
) -> String {
    let on = date_text(query.as_of, lang);
    let Some(headline) = summary.headline else {
        let (key, hints) = match summary.rest {
            Rest::Hidden(total) => (Key::NothingApplies, [Hint::All { total }, Hint::AsOf]),
            Rest::Shown => (Key::NothingAppliesSeeAbove, [Hint::AsOf, Hint::AsOf]),
            Rest::Elsewhere => (Key::NothingAppliesPlan, [Hint::WhyElsewhere, Hint::AsOf]),
        };
        let hints = if hints[0] == hints[1] {
            &hints[..1]
        } else {
            &hints[..]
        };
        let more = crate::report::hints::hints(spelling, lang, hints);
        return say(lang, key, &[("on", &on), ("more", &more)])
            .trim_end()
            .to_string();
    };
    let count = say(
        lang,
        Key::CanApplyCount,
        &[
            (
                "programs",
                &i18n::counted(
                    lang,
                    Key::CanApplyProgramsOne,
                    Key::CanApplyProgramsOther,
                    summary.programs,
                ),
            ),
            (
                "tiers",
                &i18n::counted(
                    lang,
                    Key::CountTiersOne,
                    Key::CountTiersOther,
                    summary.results,
                ),
            ),
        ],
    );
    if let Some(recommended) = recommended.filter(|r| !r.recommendation.is_empty()) {
        return recommendation_line(recommended, &count, lang);
    }
    let (key, grant, e) = match headline {
        Headline::Largest(grant, e) => (Key::SummaryLargest, Some(grant), e),
        Headline::Nearest(e) => (Key::NearestDeadline, None, e),
    };
    let more = match lang {
        Lang::Ja => crate::report::hints::hints(spelling, lang, &[Hint::Cost]),
        Lang::En => format!(
            "{} ",
            crate::report::hints::hints(spelling, lang, &[Hint::Cost])
        )
        .trim_start()
        .to_string(),
    };
    let grant = grant.map(|g| yen(lang, g)).unwrap_or_default();
    say(
        lang,
        key,
        &[
            ("count", &count),
            ("more", &more),
            ("grant", &grant),
            ("name", &e.program.name.get(lang)),
            ("id", &e.program.id),
            ("when", &window_words(e.window, lang)),
        ],
    )
}

/// `おすすめは合計 285,000円（経費 380,000円、自己負担 95,000円）：[19] …
/// 190,000円、申請期限 …。上乗せ [15] … 95,000円、申請期限 …。`, after `count`.
fn recommendation_line(recommended: &Recommended<'_, '_, '_>, count: &str, lang: Lang) -> String {
    let r = recommended.recommendation;
    let items: Vec<String> = r
        .picks
        .iter()
        .enumerate()
        .map(|(i, pick)| {
            let e = pick.estimate;
            let grant = if pick.counted < pick.grant {
                say(
                    lang,
                    Key::RecommendCounted,
                    &[
                        ("grant", &yen(lang, pick.grant)),
                        ("counted", &yen(lang, pick.counted)),
                    ],
                )
            } else {
                yen(lang, pick.grant)
            };
            let values: [(&str, &dyn std::fmt::Display); 4] = [
                ("name", &e.program.name.get(lang)),
                ("id", &e.program.id),
                ("grant", &grant),
                ("when", &window_words(e.window, lang)),
            ];
            let item = match (recommended.number)(e) {
                Some(number) => {
                    let mut with_number = values.to_vec();
                    with_number.push(("number", &number));
                    say(lang, Key::RecommendItem, &with_number)
                }
                None => say(lang, Key::RecommendItemUnnumbered, &values),
            };
            if i == 0 {
                item
            } else {
                say(lang, Key::RecommendTopUp, &[("item", &item)])
            }
        })
        .collect();
    let items = match lang {
        Lang::Ja => items.concat(),
        Lang::En => items.join(" "),
    };
    let key = match (recommended.plan, r.cost_binds()) {
        (true, _) => Key::RecommendPlanSummary,
        (false, true) => Key::RecommendSummaryCapped,
        (false, false) => Key::RecommendSummary,
    };
    say(
        lang,
        key,
        &[
            ("count", &count),
            ("total", &yen(lang, r.total)),
            ("sum", &yen(lang, r.sum)),
            ("cost", &yen(lang, r.cost)),
            ("self_pay", &yen(lang, r.self_burden())),
            ("items", &items),
        ],
    )
}

/// The facts the best combination assumes, largest worth first: each
/// worth (`285,000円`) and the question in its own words, with what is
/// assumed where it is more than "it holds" (健診, a tier's count).
pub(super) fn unknowns_said(
    recommendation: &Recommendation<'_, '_>,
    lang: Lang,
) -> Vec<(String, String)> {
    recommendation
        .unknowns
        .iter()
        .map(|u| {
            // In its own words: how to state it is said where it is asked (要確認).
            let question = u.finding.text(lang);
            let assumed = match u.assumed {
                Assumed::Holds => None,
                Assumed::Kenshin(true) => Some(t(lang, Key::RecommendAssumesKenshin).to_string()),
                Assumed::Kenshin(false) => {
                    Some(t(lang, Key::RecommendAssumesNoKenshin).to_string())
                }
                Assumed::Tier(tier) => Some(say(
                    lang,
                    Key::RecommendAssumesTier,
                    &[("tier", &tier.label.get(lang))],
                )),
            };
            let question = match assumed {
                Some(note) => say(
                    lang,
                    Key::Parenthesized,
                    &[("text", &question), ("note", &note)],
                ),
                None => question.into_owned(),
            };
            (yen(lang, u.worth), question)
        })
        .collect()
}

/// `申請期限 2031-09-30（令和13年9月30日）、あと1773日`.
fn window_words(window: Window, lang: Lang) -> String {
    match window {
        Window::Open {
            deadline,
            days_left,
        } => say(
            lang,
            Key::WhenOpen,
            &[
                ("deadline", &date_text(deadline, lang)),
                ("days_left", &days_left_text(days_left, lang)),
            ],
        ),
        Window::OpeningNotStated {
            deadline,
            days_left,
        } => say(
            lang,
            Key::WhenOpeningNotStated,
            &[
                ("deadline", &date_text(deadline, lang)),
                ("days_left", &days_left_text(days_left, lang)),
            ],
        ),
        Window::NotYetOpen { opens, deadline } => say(
            lang,
            Key::WhenNotYetOpen,
            &[
                ("opens", &date_text(opens, lang)),
                (
                    "deadline",
                    &deadline.map_or_else(
                        || t(lang, Key::NotStated).to_string(),
                        |d| date_text(d, lang),
                    ),
                ),
            ],
        ),
        Window::Closed { deadline } => say(
            lang,
            Key::WhenClosed,
            &[("deadline", &date_text(deadline, lang))],
        ),
        Window::Unknown => t(lang, Key::NoDeadlineStated).to_string(),
    }
}

/// The rate applied: `1/2`, `2/3` with a flag, or `3/4→2/3` where it is
/// tiered on the grant (JSON's `rate`, with `rate_stated`).
pub(super) fn rate_applied(e: &Estimate<'_>) -> Option<String> {
    let tier = e.tier?;
    Some(match &e.computation {
        Some(c) if !c.bands.is_empty() => c
            .bands
            .iter()
            .map(|b| b.rate.to_string())
            .collect::<Vec<_>>()
            .join("→"),
        Some(c) => c.rate.to_string(),
        None if !tier.rule.bands().is_empty() => tier
            .rule
            .bands()
            .iter()
            .map(|b| b.rate.to_string())
            .collect::<Vec<_>>()
            .join("→"),
        None => tier.rule.main_rate().0.to_string(),
    })
}

/// `ほかに 17制度・24区分は申請できないため…（締切済 23、他県 1）`, worded by
/// `key`: `calc`'s line says `--all`; the web page's does not.
pub(super) fn left_out_said(
    hidden: &[&Estimate<'_>],
    lang: Lang,
    key: Key,
    spelling: &Spelling,
) -> String {
    let programs: BTreeSet<&str> = hidden.iter().map(|e| e.program.id.as_str()).collect();
    let mut counts: BTreeMap<LeftOut, usize> = BTreeMap::new();
    for e in hidden {
        if let Some(why) = e.left_out() {
            *counts.entry(why).or_default() += 1;
        }
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(why, n)| format!("{} {n}", why.label(lang)))
        .collect();
    let separator = t(lang, Key::ListSeparator);
    say(
        lang,
        key,
        &[
            (
                "programs",
                &crate::i18n::counted(
                    lang,
                    Key::CountProgramsOne,
                    Key::CountProgramsOther,
                    programs.len(),
                ),
            ),
            (
                "tiers",
                &crate::i18n::counted(lang, Key::CountTiersOne, Key::CountTiersOther, hidden.len()),
            ),
            ("counts", &counts.join(separator)),
            (
                "more",
                &crate::report::hints::hints(spelling, lang, &[Hint::ShowHidden]),
            ),
        ],
    )
    .trim_end()
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wareki_dates() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(wareki(day("2026-01-15")).as_deref(), Some("令和8年1月15日"));
        assert_eq!(
            wareki(day("2031-09-30")).as_deref(),
            Some("令和13年9月30日")
        );
        assert_eq!(wareki(day("2019-05-01")).as_deref(), Some("令和元年5月1日"));
        assert_eq!(
            wareki(day("2019-04-30")).as_deref(),
            Some("平成31年4月30日")
        );
    }
}
