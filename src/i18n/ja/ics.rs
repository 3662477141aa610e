//! The Japanese sentences of `Ics`.

use crate::i18n::key::Ics;

/// `key` の文。
pub(super) fn text(key: Ics) -> &'static str {
    match key {
        Ics::IcsCalendarName => "医療DX補助金の申請期限",
        Ics::IcsSummary => "申請期限: {name}",
        Ics::IcsProgram => "制度: {program}",
        Ics::IcsTier => "区分: {tier}",
        Ics::IcsLargestGrant => "最大補助額: {grant}（必要な経費 {cost}）",
        Ics::IcsDeadline => "申請期限: {deadline}",
        Ics::IcsDeadlineRound => "申請期限（{round}）: {deadline}",
        Ics::IcsEligibility => "判定: {eligibility}",
        Ics::IcsToConfirm => "要確認:",
        Ics::IcsListItem => "・{item}",
        Ics::IcsTopsUp => "上乗せ先: {program}",
        Ics::IcsApply => "申請: {url}",
        Ics::IcsAsOf => "基準日: {as_of}、subsidy plan で作成",
        Ics::IcsAlarm => "申請期限まであと{days}: {name}",
    }
}
