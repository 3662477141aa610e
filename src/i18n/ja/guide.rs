//! The Japanese sentences of `Guide`.

use crate::i18n::key::Guide;

/// `key` の文。
pub(super) fn text(key: Guide) -> &'static str {
    match key {
        Guide::GuideIntro => {
            "質問に1つずつ答えてください。わからないときは何も入れずに Enter（「わからない」でも同じ）、途中で答えを見るには「おわり」。"
        }
        Guide::GuideFacility => "施設の種類は？（病院・診療所・有床診療所・薬局）",
        Guide::GuideBeds => "病床数は？（例: 250）",
        Guide::GuideCost => "事業の経費はいくらですか？（例: 14000000、1400万）",
        Guide::GuideCostEmpty => {
            "わからなければ空のままにすると、最大でいくら受けられるかを答えます。"
        }
        Guide::GuidePrefecture => "施設のある都道府県は？（例: 福岡県）",
        Guide::GuideEntity => "申請者（開設者）は{entities}のどれですか？",
        Guide::GuideCapital => "会社の資本金（出資の総額）はいくらですか？（例: 30000000、3000万）",
        Guide::GuideEmployees => "常時使用する従業員は何人ですか？（例: 20）",
        Guide::GuideCountExample => "例: 3",
        Guide::GuideWorth => "答え次第で {worth} 変わります",
        Guide::GuideYesNoChoices => "はい・いいえ・わからない",
        Guide::GuideRequired => "答えが必要です（例: {example}）",
        Guide::GuideRefused => "'{value}' は使えません: {reason}",
        Guide::GuideCommand => "同じ答えを出すコマンド:",
        Guide::GuideNoMoreQuestions => "答えを変える質問はもうありません。",
        Guide::GuideStart => "質問に答えて調べる",
        Guide::GuideWebIntro => {
            "施設の種類・病床数・経費を入れると、答えを変える要件だけを、影響の大きい順に聞きます。"
        }
        Guide::GuideStepFacility => "1. 施設と経費",
        Guide::GuideStepQuestions => "2. 答えを変える質問（影響の大きい順）",
        Guide::GuideBedsWhen => "病院・有床診療所のとき",
        Guide::GuideBeddedClinic => "有床診療所",
        Guide::GuideLeaveBlank => "わからなければ空欄",
        Guide::GuideNext => "次へ",
        Guide::GuideAnswer => "答えて計算し直す",
        Guide::GuideFullForm => "すべての項目を入力",
        Guide::GuideStartOver => "最初から",
        Guide::GuideDepends => "この額は、下の質問の答え次第で変わります。",
    }
}
