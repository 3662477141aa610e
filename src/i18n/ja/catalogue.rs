//! The Japanese sentences of `Catalogue`.

use crate::i18n::key::Catalogue;

/// `key` の文。
pub(super) fn text(key: Catalogue) -> &'static str {
    match key {
        Catalogue::FacilityHospital => "病院",
        Catalogue::FacilityClinic => "診療所",
        Catalogue::FacilityPharmacy => "薬局",
        Catalogue::EntityMedicalCorporation => "医療法人",
        Catalogue::EntitySoleProprietor => "個人事業主",
        Catalogue::EntityCompany => "会社",
        Catalogue::RoundingTruncate1000 => "申請額1,000円未満切捨て",
        Catalogue::RoundingHalfUp1 => "1円未満四捨五入",
        Catalogue::RoundingNoneStated => "端数処理の記載なし（1円未満切捨てで計算）",
        Catalogue::DateDeadline => "申請期限",
        Catalogue::DateOpens => "受付開始",
        Catalogue::DateCompletionBy => "導入完了期限",
        Catalogue::DateCostsFrom => "対象期間の開始",
        Catalogue::DateCostsUntil => "対象期間の終了",
        Catalogue::DateConditionCutoff => "要件の基準日",
        Catalogue::TaxIncluded => "消費税込みの経費",
        Catalogue::TaxExcluded => "消費税抜きの経費",
        Catalogue::TaxNotStated => "消費税の扱いは出典に記載なし（入力額をそのまま使用）",
        Catalogue::RankHigh => "高",
        Catalogue::RankLowMedium => "低〜中",
        Catalogue::RankLowest => "最低",
    }
}
