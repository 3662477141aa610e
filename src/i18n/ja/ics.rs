//! The Japanese sentences of `Ics`.

use crate::i18n::key::Ics;

/// `key` の文。
pub(super) fn text(key: Ics) -> &'static str {
    match key {
        Ics::IcsCalendarName => "医療DX補助金の申請期限",
        Ics::IcsClientsCalendarName => "医療DX補助金の申請期限（施設一覧）",
        Ics::IcsSummary => "申請期限: {name}",
        Ics::IcsTitleOpens => "受付開始",
        Ics::IcsTitleCompletionBy => "導入完了期限",
        Ics::IcsTitleCostsFrom => "対象期間の開始",
        Ics::IcsTitleCostsUntil => "対象期間の終了",
        Ics::IcsTitleConditionCutoff => "要件の基準日",
        Ics::IcsMilestoneTitle => "{what}: {name}",
        Ics::IcsTitleWithCount => "{title}（{facilities}）",
        Ics::IcsFacilitiesOne | Ics::IcsFacilitiesOther => "{n}施設",
        Ics::IcsProgram => "制度: {program}",
        Ics::IcsOption => "・{tier}: 最大{grant}（必要な経費 {cost}）、{eligibility}",
        Ics::IcsOptions => "区分ごとの最大補助額（当てはまる1つ）:",
        Ics::IcsTier => "区分: {tier}",
        Ics::IcsLargestGrant => "最大補助額: {grant}（必要な経費 {cost}）",
        Ics::IcsEligibility => "判定: {eligibility}",
        Ics::IcsDeadline => "申請期限: {deadline}",
        Ics::IcsDeadlineRound => "申請期限（{round}）: {deadline}",
        Ics::IcsMilestone => "{what}: {date}",
        Ics::IcsSource => "出典: {title}（{date}）",
        Ics::IcsNextDeadline => "この制度の申請期限: {deadline}",
        Ics::IcsToConfirm => "確かめること:",
        Ics::IcsListItem => "・{item}",
        Ics::IcsFacilities => "対象の施設（{count}）:",
        Ics::IcsFacility => "・{name}",
        Ics::IcsFacilityGrant => "・{name}: 最大{grant}",
        Ics::IcsFacilitiesMore => "・ほか{rest}件",
        Ics::IcsFacilityNameId => "{name}（{id}）",
        Ics::IcsFacilityRow => "{row}行目の施設",
        Ics::IcsTopsUp => "上乗せ先: {program}",
        Ics::IcsApply => "申請: {url}",
        Ics::IcsContact => "問合せ先: {contact}",
        Ics::IcsContactHours => "{contact}（{hours}）",
        Ics::IcsAsOf => "基準日: {as_of}、subsidy {command} で作成",
        Ics::IcsAlarm => "申請期限まであと{days}: {name}",
        Ics::IcsMilestoneAlarm => "{what}まであと{days}: {name}",
    }
}
