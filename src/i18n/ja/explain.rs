//! The Japanese sentences of `Explain`.

use crate::i18n::key::Explain;

/// `key` の文。
pub(super) fn text(key: Explain) -> &'static str {
    match key {
        Explain::StepCost => "経費",
        Explain::StepItem => "費目「{item}」: {cost} と上限 {cap} の小さい方",
        Explain::StepRate => "× 補助率 {rate}",
        Explain::StepRateAssumed => "× 補助率 {rate}（{note}）",
        Explain::StepRateBand => {
            "経費 {cost} × 補助率 {rate} = {grant}（補助額で段階的に変わる補助率）"
        }
        Explain::StepGrantCapBelow => "補助限度額 {below} 未満 → {cap} で頭打ち",
        Explain::StepGrantCap => "補助限度額 {cap} で頭打ち",
        Explain::StepGrantCapNotStated => "補助限度額: 記載なし",
        Explain::StepPart => "＋ 費目「{item}」{cost} × {rate}",
        Explain::StepPartCapped => "＋ 費目「{item}」{cost} × {rate}（上限 {cap}）",
        Explain::StepGroupCap => "合算上限 {cap}（{parts}）の超過分を控除",
        Explain::StepTotal => "合計（端数処理前）",
        Explain::StepRounding => "端数処理: {rule}",
        Explain::StepBelowMinimum => "補助下限 {min}: 補助下限に届かないため対象外",
        Explain::StepAtMinimum => "補助下限 {min}: 補助下限以上",
        Explain::StepSelfPay => "自己負担 = {cost} − {grant}",
        Explain::StepUnitPrefix => "{unit}{n}: ",
        Explain::StepUnitsTotal => "{unit}{count}つの合計",
        Explain::StepBusinessCap => "事業額上限 {cap} で頭打ち → 対象経費",
        Explain::StepBusinessCapNotStated => "事業額上限: 記載なし → 対象経費",
        Explain::HowMet => "満たす",
        Explain::HowNotMet => "満たさない",
        Explain::HowNotStated => "未確認",
        Explain::HowByFact => "要件 {fact} → {outcome}",
        Explain::HowByPrefecture => "都道府県（{prefecture}） → {outcome}",
        Explain::HowBySize => "事業者の規模 → {outcome}",
    }
}
