//! What is still to confirm, asked as a question in plain words: for a
//! calendar's description (and any page handed to a client), which names no
//! flag, field, column or id. The core says what a finding asks ([`Ask`]);
//! here it becomes a question a clerk can put to the facility.

use std::borrow::Cow;

use super::model::CalcReport;
use super::words::{say, yen};
use crate::core::catalogue::{Entity, RateFlag};
use crate::core::estimate::{Ask, Estimate, Finding};
use crate::i18n::{self, Key, Lang};
use crate::input::guide::{Question as GuideQuestion, Topic};

/// The finding as a question: a condition's own words asked of the
/// facility (「…」に当てはまりますか？), an input by what it is (業務プロセス
/// をいくつ…？); a finding that asks nothing, in its own words.
pub fn question<'f>(finding: &'f Finding<'_>, lang: Lang) -> Cow<'f, str> {
    let key = match finding.ask() {
        None => return finding.text(lang),
        Some(Ask::Condition(_)) => {
            let text = finding.text(lang);
            let text = text.trim_end_matches(['。', '.']);
            return Cow::Owned(i18n::text(lang, Key::QuestionCondition, &[("text", &text)]));
        }
        Some(Ask::Cost) => Key::QuestionCost,
        Some(Ask::Items(_) | Ask::Item(_)) => Key::QuestionItems,
        Some(Ask::Kenshin) => Key::QuestionKenshin,
        Some(Ask::Processes) => Key::QuestionProcesses,
        Some(Ask::Functions) => Key::QuestionFunctions,
        Some(Ask::Members) => Key::QuestionMembers,
        Some(Ask::Size(..)) => Key::QuestionSize,
        Some(Ask::RateFlag(RateFlag::SmallBusiness)) => Key::QuestionSmallBusiness,
        Some(Ask::RateFlag(RateFlag::MinWageNearby)) => Key::QuestionMinWageNearby,
        Some(Ask::RateFlag(RateFlag::LargeCompany)) => Key::QuestionLargeCompany,
    };
    Cow::Borrowed(i18n::template(lang, key))
}

/// A question of the guided mode (`subsidy ask`, the web's `/ask`), in
/// plain words: a fact, 健診 or a count as [`question`] asks its finding;
/// the facility, its beds, the cost, the prefecture and the size test's
/// inputs in the guide's own words, each with an example.
pub fn guide_question<'q>(q: &'q GuideQuestion<'_>, lang: Lang) -> Cow<'q, str> {
    let key = match q.topic {
        Topic::Facility => Key::GuideFacility,
        Topic::Beds => Key::GuideBeds,
        Topic::Cost => Key::GuideCost,
        Topic::Prefecture => Key::GuidePrefecture,
        Topic::Capital => Key::GuideCapital,
        Topic::Employees => Key::GuideEmployees,
        Topic::Entity => {
            let entities = if q.entities.is_empty() {
                &Entity::ALL[..]
            } else {
                &q.entities[..]
            };
            let names: Vec<&str> = entities.iter().map(|e| e.name(lang)).collect();
            let names = names.join(i18n::template(lang, Key::ListSeparator));
            return Cow::Owned(i18n::text(lang, Key::GuideEntity, &[("entities", &names)]));
        }
        Topic::Kenshin | Topic::Fact(_) | Topic::Processes | Topic::Functions => match &q.finding {
            Some(finding) => return question(finding, lang),
            None => match q.topic {
                Topic::Kenshin => Key::QuestionKenshin,
                Topic::Processes => Key::QuestionProcesses,
                Topic::Functions => Key::QuestionFunctions,
                _ => return Cow::Owned(q.topic.name()),
            },
        },
    };
    Cow::Borrowed(i18n::template(lang, key))
}

/// What a guided question's answer is worth: `答え次第で 6,579,000円
/// 変わります`; `None` for those asked first (the facility, the beds, the cost).
pub fn guide_worth(q: &GuideQuestion<'_>, lang: Lang) -> Option<String> {
    let worth = yen(lang, q.worth?);
    Some(i18n::text(lang, Key::GuideWorth, &[("worth", &worth)]))
}

/// The results a facility is told about: the recommended combination, or
/// (no grant can be worked out) every result that can be applied for.
pub fn considered<'a, 'c>(report: &CalcReport<'a, 'c>) -> Vec<&'a Estimate<'c>> {
    let recommendation = report.recommendation();
    if recommendation.is_empty() {
        report.open().map(|(_, e)| e).collect()
    } else {
        recommendation.picks.iter().map(|p| p.estimate).collect()
    }
}

/// What is still to confirm of the `considered` results, as questions (the
/// printed report's, a workbook's 要確認): first the facts the
/// recommendation assumes, the most yen at stake first, each with what the
/// answer is worth; then the rest those results ask. Each once.
pub fn asked(report: &CalcReport<'_, '_>, considered: &[&Estimate<'_>], lang: Lang) -> Vec<String> {
    let mut said: Vec<String> = Vec::new();
    let mut asked = Vec::new();
    for unknown in &report.recommendation().unknowns {
        let question = question(unknown.finding, lang).into_owned();
        asked.push(question.clone());
        said.push(if unknown.worth > 0 {
            say(
                lang,
                Key::PrintedWorth,
                &[
                    ("question", &question),
                    ("worth", &yen(lang, unknown.worth)),
                ],
            )
        } else {
            question
        });
    }
    for finding in considered.iter().flat_map(|e| &e.to_confirm) {
        let text = question(finding, lang).into_owned();
        if !asked.contains(&text) {
            asked.push(text.clone());
            said.push(text);
        }
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{Catalogue, FacilityClass};
    use crate::core::estimate::{Facility, Query, estimate_program};

    /// A clinic of unknown size asking about デジタル化・AI通常枠 (004):
    /// each open question reads as one, in both languages, with no id.
    #[test]
    fn what_is_left_open_is_asked_as_questions() {
        let catalogue = Catalogue::embedded().unwrap();
        let program = catalogue.program("digital-ai-normal").unwrap();
        let clinic = Facility::new(FacilityClass::Clinic, 0).unwrap();
        let query = Query::new(clinic, "2026-05-01".parse().unwrap());
        let estimates = estimate_program(program, None, &query);
        let findings: Vec<&Finding<'_>> = estimates.iter().flat_map(|e| &e.to_confirm).collect();
        assert!(!findings.is_empty());
        for finding in findings {
            let ja = question(finding, Lang::Ja);
            let en = question(finding, Lang::En);
            assert!(ja.ends_with('？'), "{ja}");
            assert!(en.ends_with('?'), "{en}");
            for text in [&ja, &en] {
                assert!(!text.contains("--") && !text.contains("fact:"), "{text}");
            }
        }
        // 004: the process count decides the tier (1〜3 or 4以上).
        let asks_processes = estimates.iter().flat_map(|e| &e.to_confirm).any(|f| {
            question(f, Lang::Ja) == "導入するITツールは、業務プロセスをいくつ対象にしますか？"
        });
        assert!(asks_processes);
    }
}
