//! The Japanese sentences of `Diff`.

use crate::i18n::key::Diff;

/// `key` の文。
pub(super) fn text(key: Diff) -> &'static str {
    match key {
        Diff::DiffHeader => "規則データの比較: {old} → {new}",
        Diff::DiffSide => "{name}（データ {version}）",
        Diff::DiffCounts => "制度 追加 {added}、削除 {removed}、変更 {changed}（変更点 {changes}）",
        Diff::DiffEqual => "違いはありません。",
        Diff::DiffAdded => "追加: {id}（{name}）",
        Diff::DiffRemoved => "削除: {id}（{name}）",
        Diff::DiffChanged => "変更: {id}（{name}）",
        Diff::DiffAreaFigure => "金額",
        Diff::DiffAreaWindow => "期間",
        Diff::DiffAreaCondition => "要件",
        Diff::DiffAreaRelation => "関係",
        Diff::DiffAreaSource => "出典",
        Diff::DiffAreaOther => "その他",
        Diff::DiffLine => "[{area}] {what}",
        Diff::DiffValue => "{what}: {old} → {new}",
        Diff::DiffRecordAdded => "{record} を追加",
        Diff::DiffRecordRemoved => "{record} を削除",
        Diff::DiffRecordNamed => "{list}「{label}」",
        Diff::DiffRecordDate => "{kind} {date}",
        Diff::DiffInRecord => "{record}の{field}",
        Diff::DiffCite => "出典: {cite}",
        Diff::DiffCiteMoved => "出典: {old} → {new}",
        Diff::DiffNotStated => "記載なし",
        Diff::DiffYes => "あり",
        Diff::DiffNo => "なし",
        Diff::DiffListTiers => "区分",
        Diff::DiffListConditions => "要件",
        Diff::DiffListRelations => "関係",
        Diff::DiffListSources => "出典資料",
        Diff::DiffListLinks => "リンク",
        Diff::DiffListItems => "費目",
        Diff::DiffListVariants => "類型",
        Diff::DiffListNotes => "注記",
        Diff::DiffListNotCovered => "対象外の施設",
        Diff::DiffListSmeLimits => "中小企業等の範囲",
        Diff::DiffListBands => "補助率の段階",
        Diff::DiffListGroupCaps => "合算の上限",
        Diff::DiffListRateWhen => "補助率の特例",
        Diff::DiffFieldRate => "補助率",
        Diff::DiffFieldBusinessCostCap => "事業額上限",
        Diff::DiffFieldGrantCap => "補助上限額",
        Diff::DiffFieldGrantCapExclusive => "補助上限額未満の扱い",
        Diff::DiffFieldGrantMin => "補助下限額",
        Diff::DiffFieldGrantCapPerBed => "1床あたりの補助上限額",
        Diff::DiffFieldGrantCapPerMember => "1者あたりの補助上限額",
        Diff::DiffFieldUpToGrant => "段階の補助額の上限",
        Diff::DiffFieldUnitMax => "単位の上限数",
        Diff::DiffFieldFacilities => "対象施設",
        Diff::DiffFieldBedsMin => "病床数の下限",
        Diff::DiffFieldBedsMax => "病床数の上限",
        Diff::DiffFieldKenshin => "健診の実施",
        Diff::DiffFieldLabel => "名称",
        Diff::DiffFieldName => "名称",
        Diff::DiffFieldDate => "日付",
        Diff::DiffFieldText => "文言",
        Diff::DiffFieldFact => "確認事項",
        Diff::DiffFieldPrefecture => "都道府県",
        Diff::DiffFieldProgram => "相手の制度",
        Diff::DiffFieldKind => "種類",
        Diff::DiffFieldRounding => "端数処理",
        Diff::DiffFieldTax => "消費税の扱い",
        Diff::DiffFieldSummary => "内容",
        Diff::DiffFieldEligibility => "対象施設の説明",
        Diff::DiffFieldCoveredCosts => "補助内容",
        Diff::DiffFieldApply => "申請方法",
        Diff::DiffFieldContact => "問合せ先",
        Diff::DiffFieldPart => "該当箇所",
        Diff::DiffFieldReason => "理由",
        Diff::DiffFieldCite => "出典",
        Diff::DiffFieldRateAssumed => "補助率の扱い",
        Diff::DiffFieldCapNote => "上限額の注記",
        Diff::DiffFieldOpensNotStated => "受付開始日の記載なし",
        Diff::DiffFieldReplaces => "置き換える制度",
        Diff::DiffFieldShortName => "略称",
        Diff::DiffClientsSummary => {
            "{read}件中 {changed}件に変更: 対象になった {newly}、対象外になった {no_longer}、補助額増 {up}、補助額減 {down}、申請期限の変更 {moved}、確認事項の追加 {confirm}"
        }
        Diff::DiffClientsFailed => "読めない行 {failed}件（行 {rows}）",
        Diff::DiffClientTotal => "推奨合計 {old} → {new}（{delta}）",
        Diff::DiffClientTotalSame => "推奨合計 {total}（変わらず）",
        Diff::DiffNone => "なし",
        Diff::DiffShiftNewly => "対象になった（補助額 {grant}、申請期限 {deadline}）",
        Diff::DiffShiftNoLonger => "対象外になった（{reason}）",
        Diff::DiffShiftGone => "新しいデータにない制度",
        Diff::DiffShiftGrant => "補助額 {old} → {new}（{delta}）",
        Diff::DiffShiftDeadline => "申請期限 {old} → {new}",
        Diff::DiffShiftConfirm => "新たに確認: {questions}",
        Diff::DiffShiftNewlyShort => "対象になった",
        Diff::DiffShiftNoLongerShort => "対象外になった",
        Diff::DiffShiftGrantUpShort => "補助額増",
        Diff::DiffShiftGrantDownShort => "補助額減",
        Diff::DiffShiftDeadlineShort => "申請期限の変更",
        Diff::DiffShiftConfirmShort => "確認事項の追加",
        Diff::DiffSheetName => "変更点",
        Diff::DiffColRow => "行",
        Diff::DiffColClient => "顧客",
        Diff::DiffColProgram => "制度",
        Diff::DiffColWhat => "変わったこと",
        Diff::DiffColOldTotal => "推奨合計（旧）",
        Diff::DiffColNewTotal => "推奨合計（新）",
        Diff::DiffColOldGrant => "補助額（旧）",
        Diff::DiffColNewGrant => "補助額（新）",
        Diff::DiffColGrantDelta => "補助額の差",
        Diff::DiffColOldDeadline => "申請期限（旧）",
        Diff::DiffColNewDeadline => "申請期限（新）",
        Diff::DiffColConfirm => "新たな確認事項",
        Diff::DiffColError => "エラー",
        Diff::DiffWorkbookTitle => {
            "規則データの変更と顧客への影響（{old} → {new}、基準日 {as_of}）"
        }
        Diff::DiffWrote => "{path} に書きました（変更のあった顧客 {changed}件）",
        Diff::DiffNamedFile => {
            "{which} の値 '{arg}' は使えません: ファイルの規則データ（バンドル）はまだ読めません。カタログのディレクトリか builtin を指定してください（例: subsidy diff builtin data）"
        }
        Diff::DiffNamedMissing => {
            "{which} の値 '{arg}' は使えません: そのディレクトリはありません。カタログのディレクトリか builtin を指定してください（例: subsidy diff builtin data）"
        }
        Diff::DiffNamedRefused => {
            "{which} の値 '{arg}' は使えません: 規則データを読めません: {reason}"
        }
        Diff::DiffOutputNotXlsx => {
            "-o の値 '{path}' は使えません: 書き出せるのは Excel ブック（.xlsx）だけです（例: -o 影響.xlsx）"
        }
        Diff::DiffOutputNeedsClients => {
            "-o は --clients と使います（例: subsidy diff builtin data --clients 顧客.csv -o 影響.xlsx）"
        }
        Diff::DiffCatalogueWide => "規則データ全体（資料一覧・料率表のない制度）:",
        Diff::DiffListDocuments => "資料",
        Diff::DiffListDiscovery => "料率表のない制度",
        Diff::DiffFieldTitle => "題名",
        Diff::DiffFieldPublisher => "発行者",
        Diff::DiffFieldRank => "信頼度",
        Diff::DiffFieldSha256 => "SHA-256",
        Diff::DiffFieldFile => "ファイル",
    }
}
