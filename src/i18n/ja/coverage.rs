//! The Japanese sentences of `Coverage`.

use crate::i18n::key::Coverage;

/// `key` の文。
pub(super) fn text(key: Coverage) -> &'static str {
    match key {
        Coverage::CoverageTier => "区分 {tier} に当たる",
        Coverage::CoverageItemCapBinds => "区分 {tier} の費目 {item} の事業額上限が効く",
        Coverage::CoverageItemCapFree => "区分 {tier} の費目 {item} の事業額上限が効かない",
        Coverage::CoverageBusinessCapBinds => "区分 {tier} の事業額上限が効く",
        Coverage::CoverageBusinessCapFree => "区分 {tier} の事業額上限が効かない",
        Coverage::CoverageGrantCapBinds => "区分 {tier} の補助限度額が効く",
        Coverage::CoverageGrantCapFree => "区分 {tier} の補助限度額が効かない",
        Coverage::CoverageGrantMinBelow => "区分 {tier} の補助額が補助下限を下回る",
        Coverage::CoverageGrantMinReached => "区分 {tier} の補助額が補助下限に届く",
        Coverage::CoveragePartCostCapBinds => "区分 {tier} の {part} の事業額上限が効く",
        Coverage::CoveragePartCostCapFree => "区分 {tier} の {part} の事業額上限が効かない",
        Coverage::CoveragePartGrantCapBinds => "区分 {tier} の {part} の補助上限額が効く",
        Coverage::CoveragePartGrantCapFree => "区分 {tier} の {part} の補助上限額が効かない",
        Coverage::CoverageGroupCapBinds => "区分 {tier} の {parts} を合わせた補助上限額が効く",
        Coverage::CoverageGroupCapFree => "区分 {tier} の {parts} を合わせた補助上限額が効かない",
        Coverage::CoverageBand => "区分 {tier} で補助率の第{band}段（{rate}）まで使う",
        Coverage::CoverageRate => "区分 {tier} で{flag}の補助率 {rate} を使う",
        Coverage::CoverageRounding => "端数処理（{rule}）で補助額が変わる",
        Coverage::CoverageConditionHeld => "要件 {condition} を満たす",
        Coverage::CoverageConditionNotHeld => "要件 {condition} を満たさない（または未確認の）",
        Coverage::CoverageThresholdInside => "{at}で区分 {tier} に当たる（境目）",
        Coverage::CoverageThresholdOutside => "{at}で区分 {tier} に当たらない（境目のすぐ外）",
        Coverage::CoverageSizeInside => {
            "{classes}の{entity}が{at}で中小企業・小規模事業者等に当たる（境目）"
        }
        Coverage::CoverageSizeOutside => {
            "{classes}の{entity}が{at}で中小企業・小規模事業者等に当たらない（境目のすぐ外）"
        }
        Coverage::CoverageOpensEve => "受付開始の前日 {date} に受付前と出る",
        Coverage::CoverageDeadlineDay => "申請期限の当日 {date} に受付中と出る",
        Coverage::CoverageAfterLastDeadline => "最後の申請期限の翌日 {date} に締切済と出る",
        Coverage::CoverageOpensEveUndated => "受付開始の前日に受付前と出る",
        Coverage::CoverageWindowUndated => "申請期限の当日・翌日の受付状況を示す",
        Coverage::CoverageFlagSmallBusiness => "小規模事業者",
        Coverage::CoverageFlagMinWageNearby => "最低賃金近傍の事業者",
        Coverage::CoverageFlagLargeCompany => "大企業等",
        Coverage::CoverageAtBeds => "{value}床",
        Coverage::CoverageAtProcesses => "業務プロセス数 {value}",
        Coverage::CoverageAtFunctions => "機能数 {value}",
        Coverage::CoverageAtMembers => "構成員数 {value}",
        Coverage::CoverageAtCapital => "資本金 {value}円",
        Coverage::CoverageAtEmployees => "従業員 {value}人",
        Coverage::CoverageNeverBinds => "上限の前の額が最大 {most}円で、上限 {cap}円を超えないため",
        Coverage::CoverageNeverReached => "どの入力でも起こりえないため",
        Coverage::CoverageNoFraction => {
            "どの補助率（{rates}）でも1円未満の端数が出ず、端数処理で額が変わらないため"
        }
        Coverage::CoverageInputRefused => "その入力は受け付けないため: {reason}",
        Coverage::CoverageCountBelowOne => "数は1以上です",
        Coverage::CoverageNoTierThere => {
            "そこではこの制度のどの区分にも当たらず（額の記載なし）、計算例は区分を名指して書くため"
        }
        Coverage::CoverageNoOpeningDate => "出典に受付開始日の記載がないため",
        Coverage::CoverageNoDeadline => "出典に申請期間の記載がないため",
        Coverage::CoverageProgram => "{program}（{file}）: {percent}%（{covered}/{total}）",
        Coverage::CoverageMissing => "{target}例がありません",
        Coverage::CoverageNote => "注: {target}例は目標にしません（{reason}）",
        Coverage::CoverageTotal => {
            "計算例の網羅率: {percent}%（{covered}/{total}、{programs}制度）"
        }
        Coverage::CoverageBelowFull => {
            "100% に達していません。足りない計算例を出典から手で計算して加えてください（式と出典をコメントに）"
        }
        Coverage::CoverageNotMeasured => {
            "規則データにエラーがあり計算例を実行できないため、網羅率を計算していません"
        }
    }
}
