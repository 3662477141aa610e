//! The Japanese sentences of `Sentence`.

use crate::i18n::key::Sentence;

/// `key` の文。
pub(super) fn text(key: Sentence) -> &'static str {
    match key {
        Sentence::StackSum => {
            "[{base}] {base_grant} + [{top}] {top_grant} = {combined}、併給後の自己負担 {self_pay}"
        }
        Sentence::StatusOpenDays => "受付中（あと{days}）",
        Sentence::StatusNotYetOpenFrom => "受付前（{opens}から）",
        Sentence::NoDeadlineStated => "期限の記載なし",
        Sentence::FacilityWithBeds => "{class}・{beds}床",
        Sentence::WithCheckups => "・健診実施",
        Sentence::WithoutCheckups => "・健診未実施",
        Sentence::WithEntity => "・{entity}",
        Sentence::WithCapital => "・資本金{capital}円",
        Sentence::WithEmployees => "・従業員{employees}人",
        Sentence::WithLargeCompany => "・大企業等",
        Sentence::SizeLabel => "規模",
        Sentence::SizeLine => "{facility} → {outcome}",
        Sentence::SizeLineWithRule => "{facility} → {outcome}（中小企業等の範囲: {rule}）",
        Sentence::SizeSme => "中小企業・小規模事業者等",
        Sentence::SizeLarge => "大企業等",
        Sentence::SizeUnknown => "未確認（{how}）",
        Sentence::SizeRuleCapitalOrEmployees => {
            "資本金{capital}円以下または従業員{employees}人以下"
        }
        Sentence::SizeRuleEmployees => "従業員{employees}人以下",
        Sentence::SizeRuleCapital => "資本金{capital}円以下",
        Sentence::SizeRuleNone => "この法人形態の基準は出典にない",
        Sentence::ShowSmeLimits => {
            "中小企業・小規模事業者等の範囲（規模の判定。{entity}、{capital}、{employees}）"
        }
        Sentence::ShowSmeLimit => "{entity} {rule}",
        Sentence::DaysLeft => "あと{days}",
        Sentence::ClosesToday => "本日締切",
        Sentence::OpensOn => "{opens}から受付",
        Sentence::NothingAppliesSeeAbove => {
            "{on}時点で、この施設が申請できる制度はありません（理由は上の表）。{more}"
        }
        Sentence::NothingApplies => "{on}時点で、この施設が申請できる制度はありません。{more}",
        Sentence::NothingAppliesPlan => "{on}時点で、この施設が申請できる制度はありません。{more}",
        Sentence::CanApplyCount => "申請できる制度: {programs}（{tiers}）。",
        Sentence::SummaryLargest => "{count}最大は {grant}：{name}（{id}）、{when}。",
        Sentence::NearestDeadline => "{count}{more}期限が最も近いのは {name}（{id}）、{when}。",
        Sentence::WhenOpen => "申請期限 {deadline}、{days_left}",
        Sentence::WhenNotYetOpen => "{opens}から受付、申請期限 {deadline}",
        Sentence::WhenClosed => "{deadline}に締切済",
        Sentence::LeftOutLine => {
            "ほかに{programs}・{tiers}は申請できないため表示していません（{counts}）。{more}"
        }
        Sentence::Parenthesized => "{text}（{note}）",
        Sentence::PerLicensedBed => "許可病床数1床あたり{yen}",
        Sentence::PerMember => "構成員1者あたり{yen}",
        Sentence::ShowFacilityTiers => "この施設（{facility}）の区分: {tiers}",
        Sentence::ShowNoFacilityTier => "この施設（{facility}）に当たる区分はありません",
        Sentence::ShowTierOfVariant => "{tier}（{variant}）",
        Sentence::PlanDiscovery => {
            "ほかに出典が挙げる制度（料率表がないため金額は計算しません。内容は subsidy list で表示）: {names}"
        }
        Sentence::PlanPeriodUnknown => {
            "出典に申請期間の記載がない制度（申請先に期間を確認してください）: {entries}"
        }
        Sentence::SourceDateRank => "{date}、信頼度 {rank}",
        Sentence::DataAgeOld => "規則データ {version}版（{days}前）",
        Sentence::DataAgeSameDay => "規則データ {version}版（基準日当日）",
        Sentence::DataAgeAhead => "規則データ {version}版（基準日の{days}後）",
        Sentence::DataStale => {
            "規則データが{limit}日を超えて古いため、その後に始まった・変わった制度があるかもしれません。{ask}"
        }
        Sentence::AskThisContact => "問合せ先（{contact}）で最新の状況を確認してください。",
    }
}
