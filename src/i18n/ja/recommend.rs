//! The Japanese sentences of `Recommend`.

use crate::i18n::key::Recommend;

/// `key` の文。
pub(super) fn text(key: Recommend) -> &'static str {
    match key {
        Recommend::WhyClosed => "申請期限を過ぎています（締切済）。",
        Recommend::WhyOtherPrefecture => "この施設の都道府県は対象外です。",
        Recommend::WhyNoTier => "出典にこの種類の施設の区分がありません。",
        Recommend::WhyPeriodUnknown => "出典に申請期間の記載がないため、申請できるかわかりません。",
        Recommend::WhyIneligible => "この施設は対象外です。",
        Recommend::WhyIneligibleBecause => "この施設は対象外です：{reason}",
        Recommend::WhyRequirementFailed => "要件を満たしていません：{condition}",
        Recommend::WhyPrefectureNotGiven => {
            "{prefecture}の施設が対象です。都道府県の指定がないため含めていません。"
        }
        Recommend::WhyPrefectureOutsideNotGiven => {
            "{prefecture}以外の施設が対象です。都道府県の指定がないため含めていません。"
        }
        Recommend::WhyNoGrant => "入力から補助額を計算できないため、比べていません。",
        Recommend::WhyNoGrantBecause => "補助額を計算できないため、比べていません：{reason}",
        Recommend::WhyOtherVariant => {
            "同じ制度の別の区分「{variant}」を選んでいます（いずれか1つを申請）。"
        }
        Recommend::WhyOtherTier => {
            "同じ制度の別の区分「{tier}」を選んでいます（当たる区分は1つ）。"
        }
        Recommend::WhyExcludedBy => "おすすめの{name}（{id}）とは併せて申請できません。",
        Recommend::WhyLowerTotal => {
            "これを含む組み合わせは最大{best}で、おすすめより少なくなります。"
        }
        Recommend::WhySameTotalMoreToConfirm => {
            "おすすめと同額ですが、確かめる要件が多いため選んでいません。"
        }
        Recommend::WhySameTotalLaterDeadline => {
            "おすすめと同額です（申請期限の早いほうを選んでいます）。"
        }
        Recommend::WhySameTotalListedLater => {
            "おすすめと同額です（同額のうち先に挙げたものを選んでいます）。"
        }
        Recommend::RecommendSummary => {
            "{count}おすすめは合計 {total}（経費 {cost}、自己負担 {self_pay}）：{items}"
        }
        Recommend::RecommendSummaryCapped => {
            "{count}おすすめは合計 {total}（補助額の計 {sum}を経費 {cost}までとした額、自己負担 {self_pay}）：{items}"
        }
        Recommend::RecommendPlanSummary => {
            "{count}おすすめの組み合わせは最大で合計 {total}（経費 {cost}のとき）：{items}"
        }
        Recommend::RecommendItem => "[{number}] {name}（{id}）{grant}、{when}。",
        Recommend::RecommendItemUnnumbered => "{name}（{id}）{grant}、{when}。",
        Recommend::RecommendTopUp => "上乗せ {item}",
        Recommend::RecommendUnknownsHeading => {
            "おすすめの額は次の要件がそろう前提です（そろわないときに減る額の大きい順）:"
        }
        Recommend::RecommendAssumesKenshin => "健診実施の前提",
        Recommend::RecommendAssumesNoKenshin => "健診未実施の前提",
        Recommend::RecommendAssumesTier => "区分「{tier}」の前提",
        Recommend::RecommendHeading => "おすすめの組み合わせ",
        Recommend::RecommendTotalLabel => "合計",
        Recommend::RecommendAskFirst => {
            "この額は次の要件がそろう前提です。そろわないときに減る額の大きい順に確かめてください。"
        }
        Recommend::RecommendCounted => "{grant}のうち{counted}（経費まで）",
        Recommend::RecommendWorthZero => "0円: そろわなくても、別の組み合わせで同じ額になります。",
    }
}
