//! The Japanese sentences of `Finding`.

use crate::i18n::key::Finding;

/// `key` の文。
pub(super) fn text(key: Finding) -> &'static str {
    match key {
        Finding::ConditionNotMet => "要件を満たしません：{text}",
        Finding::StateItWith => "{text}（{how}）",
        Finding::NoTierForFacility => {
            "出典に{class}の区分・金額がありません（他の区分の金額は使いません）。"
        }
        Finding::NoTierForBeds => "{beds}床に該当する区分がありません。",
        Finding::EveryVariantAlike => "（{count}区分とも同じ理由）",
        Finding::AmountNotStatedForBeds => {
            "出典に{beds}床の施設の区分・金額の記載がありません（対象外とも書かれていないため要確認。他の区分の金額は使いません）。"
        }
        Finding::PlanAmountNotStated => "金額は記載なし",
        Finding::AskProcesses => "業務プロセス数",
        Finding::AskFunctions => "会計・受発注・決済の機能数",
        Finding::AskKenshin => "健診部門システム導入済（健診実施）か",
        Finding::AskMembers => "構成員数（10者以上）",
        Finding::AskSizeForRate => {
            "中小企業・小規模事業者等か大企業等か（大企業等の補助率は {large}。未確認のため中小企業等の {base} で計算）"
        }
        Finding::NeedsMembers => "構成員数がないため金額を計算できません。",
        Finding::TooFewMembers => {
            "構成員数が {members}者です。複数者連携の要件は {least}者以上です（対象外）。"
        }
        Finding::GrantBelowMinimum => {
            "補助額{grant}円が補助下限{min}円に届きません（切り上げません）。"
        }
        Finding::PerUnitNote => {
            "上限と端数処理は{unit}1つごと（この区分は{max}つまで）。補助額は{unit}ごとの額の合計です。"
        }
        Finding::SmallBusinessFromFlag => {
            "出典は医療機関の小規模事業者の定義を示していないため、小規模事業者の補助率は小規模事業者と指定した場合にのみ適用します。"
        }
        Finding::RoundingNotStated => "出典に端数処理の記載なし：1円未満切捨てで計算。",
        Finding::NoCost => "金額が未指定です。",
        Finding::NoItemCost => "費目ごとの金額が未指定です。",
        Finding::NeedsItems => "費目ごとの金額が必要です：{items}",
        Finding::MissingItemIsZero => "{item} の金額がないため 0円として計算しています",
        Finding::PeriodUnknown => "期間の記載なし",
        Finding::QuestionCondition => "「{text}」に当てはまりますか？",
        Finding::QuestionCost => "事業にかかる経費はいくらですか？",
        Finding::QuestionItems => "費目ごとの経費はそれぞれいくらですか？",
        Finding::QuestionKenshin => {
            "健診部門システムを導入していますか（健診を実施していますか）？"
        }
        Finding::QuestionProcesses => "導入するITツールは、業務プロセスをいくつ対象にしますか？",
        Finding::QuestionFunctions => {
            "導入するソフトは、会計・受発注・決済のうちいくつの機能を持ちますか？"
        }
        Finding::QuestionMembers => "複数者連携の構成員は何者ですか（10者以上が要件です）？",
        Finding::QuestionSize => {
            "申請者は中小企業・小規模事業者等ですか、大企業等ですか（大企業等なら補助率が変わります）？"
        }
        Finding::QuestionSmallBusiness => "申請者は小規模事業者ですか？",
        Finding::QuestionMinWageNearby => "申請者は最低賃金近傍の事業者に当たりますか？",
        Finding::QuestionLargeCompany => "申請者は大企業等に当たりますか？",
    }
}
