//! The Japanese sentences of `Printed`.

use crate::i18n::key::Printed;

/// `key` の文。
pub(super) fn text(key: Printed) -> &'static str {
    match key {
        Printed::PrintedTitle => "医療DX補助金の試算",
        Printed::PrintedTitleFor => "{client} 様 医療DX補助金の試算",
        Printed::PrintedAsOf => "{date} 現在",
        Printed::PrintedFacility => "施設: {facility}",
        Printed::PrintedSeparator => "／",
        Printed::PrintedCost => "事業費: {cost}",
        Printed::PrintedPrefecture => "所在地: {prefecture}",
        Printed::PrintedLargest => "受けられる補助額（最大）: {grant}（{program}）",
        Printed::PrintedNoAmount => {
            "申請できる制度はありますが、補助額は出典から計算できません（{program}）"
        }
        Printed::PrintedNothingOpen => "この日に申請できる制度はありません。",
        Printed::PrintedResults => "申請できる制度",
        Printed::PrintedColProgram => "制度",
        Printed::PrintedColTier => "区分",
        Printed::PrintedColGrant => "補助額",
        Printed::PrintedColDeadline => "申請期限",
        Printed::PrintedColDaysLeft => "残り",
        Printed::PrintedUnknown => "記載なし",
        Printed::PrintedHowToApply => "申請の方法と問合せ先",
        Printed::PrintedApply => "申請: {how}（{url}）",
        Printed::PrintedContact => "問合せ: {name}　{phone}（{hours}）",
        Printed::PrintedQuestions => "確認が必要なこと",
        Printed::PrintedNoQuestions => "確認が必要なことはありません。",
        Printed::PrintedAskContacts => "上記の問合せ先で最新の状況を確認してください。",
        Printed::PrintedDataVersion => "規則データ {version}版",
        Printed::PrintedSources => "出典: {sources}",
        Printed::PrintedCaveat => {
            "この試算は上記の資料に基づく目安で、交付を約束するものではありません。申請の前に、各制度の公募要領と問合せ先で最新の条件を確かめてください。"
        }
        Printed::PrintedContinued => "{title}（{page}ページ目）",
        Printed::PrintedRecommended => {
            "おすすめの組み合わせの補助額: 合計 {total}（事業費 {cost}、自己負担 {self_burden}）"
        }
        Printed::PrintedTopUp => "上乗せ: {tier}",
        Printed::PrintedWorth => "{question}（この答えで補助額が {worth} 変わります）",
        Printed::ReportsColRow => "行",
        Printed::ReportsColFacility => "施設",
        Printed::ReportsColFile => "ファイル",
        Printed::ReportsColTotal => "おすすめ合計（円）",
        Printed::ReportsColError => "エラー",
    }
}
