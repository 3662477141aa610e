//! What a client reads of one facility's results in a cell of a workbook
//! (a batch's xlsx): the recommended combination by the programs' short
//! names, what is still to ask as questions, and why a program the
//! facility might expect is not there, in plain words. Never an id, a
//! flag or a column name: those stay in JSON and the technical sheet.

use super::model::CalcReport;
use super::questions::{asked, considered};
use super::words::{say, t, yen};
use crate::core::estimate::Estimate;
use crate::core::recommend::{Lost, Recommendation, WhyNot, why_left_out};
use crate::i18n::{Key, Lang};

/// The recommended combination by short name, each pick with its part of
/// the total: `電子処方箋管理サービス導入補助 190,000円＋福岡県
/// 電子処方箋導入促進費補助金 95,000円`. Empty where nothing pays.
pub fn combination(recommendation: &Recommendation<'_, '_>, lang: Lang) -> String {
    let items: Vec<String> = recommendation
        .picks
        .iter()
        .map(|pick| {
            say(
                lang,
                Key::BatchCombinationItem,
                &[
                    ("name", &pick.estimate.program.short_name.get(lang)),
                    ("grant", &yen(lang, pick.counted)),
                ],
            )
        })
        .collect();
    items.join(t(lang, Key::BatchCombinationJoin))
}

/// What is still to ask the facility, as questions: those the
/// recommendation turns on first, the most yen at stake first (the printed
/// report's, [`asked`]). At most `most`; past them, how many more there are.
pub fn questions(report: &CalcReport<'_, '_>, lang: Lang, most: usize) -> Vec<String> {
    let mut questions = asked(report, &considered(report), lang);
    if questions.len() > most {
        let more = questions.len() - most + 1;
        questions.truncate(most - 1);
        questions.push(say(lang, Key::BatchMoreQuestions, &[("count", &more)]));
    }
    questions
}

/// What one result leaves to ask, as questions, each once.
pub fn result_questions(estimate: &Estimate<'_>, lang: Lang) -> Vec<String> {
    let mut questions: Vec<String> = Vec::new();
    for finding in &estimate.to_confirm {
        let question = super::questions::question(finding, lang).into_owned();
        if !questions.contains(&question) {
            questions.push(question);
        }
    }
    questions
}

/// Why a result cannot be applied for, in a sentence naming the
/// requirement not met where that is why; `None` where it can be.
pub fn why_left_out_text(estimate: &Estimate<'_>, lang: Lang) -> Option<String> {
    let lost = why_left_out(estimate)?;
    Some(WhyNot { estimate, lost }.text(lang))
}

/// Why programs that can still be applied for on the as-of date are not in
/// the recommendation, where the reader would want to know: a requirement
/// stated as not met, or a prefecture not given that the program needs.
/// One line per reason, naming its programs by short name:
/// `電子カルテ情報共有サービス導入補助：要件を満たしていません：…`.
/// Needs the recommendation's `why_not` (a report not built `picks_only`).
pub fn facility_notes(report: &CalcReport<'_, '_>, lang: Lang) -> Vec<String> {
    let mut reasons: Vec<(String, Vec<&str>)> = Vec::new();
    for why in &report.recommendation().why_not {
        let named = matches!(
            why.lost,
            Lost::RequirementFailed(_) | Lost::PrefectureNotGiven(_)
        );
        if !named || !why.estimate.window.can_still_apply() {
            continue;
        }
        let text = why.text(lang);
        let name = why.estimate.program.short_name.get(lang);
        match reasons.iter_mut().find(|(t, _)| *t == text) {
            Some((_, names)) if names.contains(&name) => {}
            Some((_, names)) => names.push(name),
            None => reasons.push((text, vec![name])),
        }
    }
    let separator = t(lang, Key::BatchListSeparator);
    reasons
        .into_iter()
        .map(|(why, names)| {
            say(
                lang,
                Key::BatchNoteFor,
                &[("programs", &names.join(separator)), ("why", &why)],
            )
        })
        .collect()
}
