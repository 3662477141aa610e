//! The Japanese sentences of `BatchOutput`.

use crate::i18n::key::BatchOutput;

/// `key` の文。
pub(super) fn text(key: BatchOutput) -> &'static str {
    match key {
        BatchOutput::BatchColRow => "行",
        BatchOutput::BatchColProgram => "制度ID",
        BatchOutput::BatchColProgramName => "制度名",
        BatchOutput::BatchColVariant => "区分ID",
        BatchOutput::BatchColVariantName => "区分名",
        BatchOutput::BatchColTierId => "対象区分ID",
        BatchOutput::BatchColTier => "対象区分",
        BatchOutput::BatchColEligibility => "判定",
        BatchOutput::BatchColCostUsed => "経費（計算に使用）",
        BatchOutput::BatchColGrant => "補助額",
        BatchOutput::BatchColRecommended => "おすすめ額",
        BatchOutput::BatchColRecommendedTotal => "おすすめ合計",
        BatchOutput::BatchColSelfBurden => "自己負担",
        BatchOutput::BatchColStatus => "受付状況",
        BatchOutput::BatchColDeadline => "締切",
        BatchOutput::BatchColToConfirm => "要確認",
        BatchOutput::BatchColNote => "備考",
        BatchOutput::BatchColError => "エラー",
        BatchOutput::BatchColAsOf => "基準日",
        BatchOutput::BatchColDataVersion => "規則データ版",
        BatchOutput::BatchColBestProgram => "最大の制度ID",
        BatchOutput::BatchColBestName => "最大の制度",
        BatchOutput::BatchColBestGrant => "最大の補助額",
        BatchOutput::BatchColNearestDeadline => "直近の締切",
        BatchOutput::BatchColDaysLeft => "残り日数",
        BatchOutput::BatchOpen => "受付中",
        BatchOutput::BatchNotYetOpen => "受付前",
        BatchOutput::OpeningNotInSources => {
            "受付開始日: 資料に記載なし（最初の締切までは受付中かどうか不明）"
        }
        BatchOutput::BatchOpeningNotStated => "開始日不明",
        BatchOutput::StatusOpeningNotStated => {
            "開始日不明（資料に受付開始日の記載なし。あと{days}で締切）"
        }
        BatchOutput::WhenOpeningNotStated => {
            "申請期限 {deadline}、{days_left}（受付開始日は資料に記載なし）"
        }
        BatchOutput::BatchNoDeadline => "期限の記載なし",
        BatchOutput::BatchNothing => "この日に申請できる制度はありません（{reasons}）",
        BatchOutput::BatchListSeparator => "、",
        BatchOutput::BatchResultPrefix => "結果:",
        BatchOutput::BatchNotShiftJis => {
            "{line}行目: Shift_JIS で書けない文字 {chars} があります（列 '{column}'）。〓 に置き換えました"
        }
        BatchOutput::BatchHeaderNotShiftJis => {
            "見出しの列 '{column}' に Shift_JIS で書けない文字があります。列名を変えるか、出力を UTF-8 にしてください"
        }
        BatchOutput::BatchJsonlIsUtf8 => {
            "Shift_JIS の出力は CSV だけに使えます（JSONL と xlsx は UTF-8 です）"
        }
        BatchOutput::BatchTooManyRowsForXlsx => {
            "出力が Excel の1シートの上限（{limit}行）を超えます（{rows}行以上）。CSV（例 {csv}）に書くか、1施設1行の形にしてください"
        }
        BatchOutput::BatchCellTooLongForXlsx => {
            "行 {row} に {chars} 文字のセルがあり、Excel のセルの上限（32,767文字）を超えます。CSV に書いてください"
        }
        BatchOutput::BatchTooManyColumnsForXlsx => {
            "列が {columns} 列あり、Excel のシートの上限（16,384列）を超えます。CSV に書いてください"
        }
        BatchOutput::XlsxInfoSheet => "情報",
        BatchOutput::XlsxResultSheet => "試算",
        BatchOutput::XlsxAsOf => "基準日",
        BatchOutput::XlsxDataVersion => "規則データ版",
        BatchOutput::XlsxDataSha => "規則データ SHA-256",
        BatchOutput::XlsxCommand => "コマンド",
        BatchOutput::XlsxGenerated => "作成",
        BatchOutput::XlsxSources => "出典（表示した制度）",
        BatchOutput::XlsxSourceProgram => "制度",
        BatchOutput::XlsxSourceTitle => "資料",
        BatchOutput::XlsxSourceDate => "日付",
        BatchOutput::XlsxSourceUrl => "URL",
        BatchOutput::XlsxDataAge => "規則データの古さ",
        BatchOutput::XlsxDataStale => "注意",
        BatchOutput::BatchColExtension => "拡張",
        BatchOutput::XlsxExtension => "拡張",
        BatchOutput::BatchCountOtherPrefecture => "他の都道府県の制度 {count}件",
        BatchOutput::BatchCountIneligible => "この施設が対象外の制度 {count}件",
        BatchOutput::BatchCountNoTier => "この種類の施設への補助がない制度 {count}件",
        BatchOutput::BatchCountClosed => "申請期限を過ぎた制度 {count}件",
        BatchOutput::BatchCountPeriodUnknown => "申請期間が出典にない制度 {count}件",
        BatchOutput::BatchColOneOf => "択一",
        BatchOutput::BatchColQuestions => "要確認",
        BatchOutput::BatchColToConfirmColumns => "要確認の列",
        BatchOutput::BatchColCombination => "おすすめの組み合わせ",
        BatchOutput::BatchCombinationItem => "{name} {grant}",
        BatchOutput::BatchCombinationJoin => "＋",
        BatchOutput::BatchNoteFor => "{programs}：{why}",
        BatchOutput::BatchMoreQuestions => "ほか{count}件（制度ごとの明細の出力に全部あります）",
        BatchOutput::XlsxTechnicalSheet => "技術情報",
    }
}
