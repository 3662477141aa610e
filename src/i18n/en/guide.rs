//! The English sentences of `Guide`.

use crate::i18n::key::Guide;

/// The sentence for `key`.
pub(super) fn text(key: Guide) -> &'static str {
    match key {
        Guide::GuideIntro => {
            "Answer one question at a time. Press Enter on an empty line (or type skip) when you do not know; type done to see the answer now."
        }
        Guide::GuideFacility => {
            "What kind of facility is it? (hospital, clinic, bedded-clinic, pharmacy)"
        }
        Guide::GuideBeds => "How many beds does it have? (e.g. 250)",
        Guide::GuideCost => "What does the project cost? (e.g. 14000000, 14,000,000円, 1400万)",
        Guide::GuideCostEmpty => {
            "Left empty, the answer is the most the facility can get and the cost that reaches it."
        }
        Guide::GuidePrefecture => "In which prefecture is the facility? (e.g. 福岡県, fukuoka)",
        Guide::GuideEntity => "Which is the applicant: {entities}?",
        Guide::GuideCapital => "What is the company's capital? (e.g. 30000000, 3000万)",
        Guide::GuideEmployees => "How many regular employees does it have? (e.g. 20)",
        Guide::GuideCountExample => "e.g. 3",
        Guide::GuideWorth => "{worth} turns on the answer",
        Guide::GuideYesNoChoices => "yes / no / skip",
        Guide::GuideRequired => "an answer is needed (e.g. {example})",
        Guide::GuideRefused => "'{value}' cannot be used: {reason}",
        Guide::GuideCommand => "The command that gives this answer:",
        Guide::GuideNoMoreQuestions => "No question left changes the answer.",
        Guide::GuideStart => "Answer questions, one step at a time",
        Guide::GuideWebIntro => {
            "Give the kind of facility, its beds and the cost: then only the requirements that change the answer are asked, the most yen first."
        }
        Guide::GuideStepFacility => "1. The facility and the cost",
        Guide::GuideStepQuestions => "2. What changes the answer (the most yen first)",
        Guide::GuideBedsWhen => "hospitals and bedded clinics",
        Guide::GuideBeddedClinic => "Clinic with beds",
        Guide::GuideLeaveBlank => "leave empty if not known",
        Guide::GuideNext => "Next",
        Guide::GuideAnswer => "Answer and work it out again",
        Guide::GuideFullForm => "Enter every field",
        Guide::GuideStartOver => "Start over",
        Guide::GuideDepends => "This amount turns on the answers to the questions below.",
    }
}
