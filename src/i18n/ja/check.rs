//! The Japanese sentences of `Check`.

use crate::i18n::key::Check;

/// `key` の文。
pub(super) fn text(key: Check) -> &'static str {
    match key {
        Check::SeverityError => "エラー",
        Check::SeverityWarning => "警告",
        Check::CheckReceipt => {
            "規則データ {version}（最新の出典の日付）、sha256 {sha256}、{files}ファイル、{programs}制度、計算例 {examples}件を実行"
        }
        Check::CheckSummary => "check: エラー {errors}件、警告 {warnings}件 — {receipt}",
        Check::CheckFigureTooLarge => "{what} {yen} は上限 {max}（1兆円）を超えています",
        Check::CheckItemCapsSum => {
            "tier '{tier}': 費目の事業額上限の合計が {sum} で、費目 '{item}' のところで上限 {max}（1兆円）を超えます。合計を上限以下にしてください"
        }
        Check::CheckPerUnitRange => {
            "tier '{tier}': per_unit.max {max} が範囲外です（1つの tier が補助する単位数は 1〜{limit}）"
        }
        Check::CheckTooManyItems => {
            "tier '{tier}' の費目が {count} 個あり、1つの tier に書ける上限 {limit} 個を超えています"
        }
        Check::CheckMembersMin => {
            "tier '{tier}': members_min {min} が、tier が求められる構成員数の上限 {limit} を超えています"
        }
        Check::CheckRateTooFine => {
            "tier '{tier}': 補助率 {rate} が細かすぎます。この tier の補助率の分子と分母の最小公倍数が {terms} になり、上限 {max} を超えます（1/2、2/3、3/4、4/5 なら 60）"
        }
        Check::CheckIdUsedTwice => "制度の id '{id}' は {first} でも使われています",
        Check::CheckFactWordedTwice => {
            "事実 '{fact}' を {first} と違う文で尋ねています（1つの事実は1つの文で尋ね、出典の言い回しは cite に書きます）"
        }
        Check::CheckShortNameLong => {
            "短い名前 '{name}' が {chars} 文字あります（{max} 文字までにしてください。カレンダーの題名として携帯電話で切れずに見えるように）"
        }
        Check::CheckShortNameTwice => {
            "短い名前 '{name}' は {first} の制度でも使われています（同じ日に同じ題名の予定が2つになります。制度ごとに違う名前にしてください）"
        }
        Check::CheckNotKebab => {
            "{what} '{id}' が kebab-case（a-z と 0-9 をハイフン1つでつなぐ形）ではありません"
        }
        Check::CheckIdTwice => "{section} の id '{id}' が2回あります",
        Check::CheckRelationUnknown => "relation が指す制度 '{id}' は存在しません",
        Check::CheckVariantPairUnknown => {
            "variant_pairs の '{variant}' は {program} の variant ではありません"
        }
        Check::CheckConditionUnknown => "要件が求める制度 '{id}' は存在しません",
        Check::CheckTierNeedsVariant => {
            "tier '{tier}' には variant が必要です（この制度には [[variants]] があります）"
        }
        Check::CheckTierItemUnknown => "tier が指す費目 '{item}' は、制度の [[items]] にありません",
        Check::CheckExampleTierUnknown => "計算例が指す tier '{tier}' は存在しません",
        Check::CheckNoSources => "制度 {id} は出典（[[sources]]）を1つも挙げていません",
        Check::CheckNoFile => "資料 '{id}' にファイル名（file）がありません",
        Check::CheckUnknownSource => {
            "出典 '{id}' は資料の一覧 {registry} にありません（あるのは {ids}）"
        }
        Check::CheckDocumentChanged => {
            "資料 '{id}'（{file}）の SHA-256 は {actual} で、一覧の記録 {expected} と違います。金額と引用を確かめ直してから新しいハッシュを記録してください"
        }
        Check::CheckSha256Form => "資料 '{id}' の sha256 は小文字の16進数64桁にしてください",
        Check::CheckNoUrl => {
            "アドレス '{url}' は Web のアドレスではありません。https:// か http:// で始まるアドレスにしてください（例: https://example.org/apply）"
        }
        Check::CheckStaleSource => {
            "資料 '{id}' の日付 {date} が古くなっています（{as_of} の {days} 日より前）"
        }
        Check::CheckUnknownDocument => {
            "資料 '{id}' のファイル '{seed}' が資料のディレクトリにありません"
        }
        Check::CheckQuoteNotFound => {
            "引用「{quote}」が資料 {document} にありません（空白と改行は無視して照合）"
        }
        Check::CheckCiteNoPlace => {
            "{place} が挙げる出典 '{source}' について、出典のどこに書いてあるか（at）がありません"
        }
        Check::CheckCapZero => "tier '{tier}': {key} は 0 より大きくしてください",
        Check::CheckItemCapZero => "tier '{tier}': 費目 '{item}' の上限が 0 です",
        Check::CheckNoCap => {
            "tier '{tier}' に上限（business_cost_cap、grant_cap、grant_cap_per_bed）が1つもありません"
        }
        Check::CheckMinAboveCap => {
            "tier '{tier}': grant_min {min} が grant_cap {cap} を超えています"
        }
        Check::CheckRangeEmpty => {
            "tier '{tier}': {what}_min {low} が {what}_max {high} より大きく、範囲が空です"
        }
        Check::CheckUnreachableCap => {
            "tier '{tier}': 公表の上限 {cap} は、規則では支払われることがありません（最大 {payable}）。理由を cap_note に書いてください"
        }
        Check::CheckOpensAfterDeadline => "受付開始 {opens} が申請期限 {deadline} より後です",
        Check::CheckCompletionAfterDeadline => {
            "導入完了期限 {done} が最後の申請期限 {deadline} より後です"
        }
        Check::CheckCostPeriodInverted => "対象経費の期間の開始 {from} が終了 {until} より後です",
        Check::CheckAllDeadlinesPassed => "申請期限はすべて過ぎています（最後は {last}）",
        Check::CheckTierOverlap => {
            "tier '{first}' と '{second}' が、どちらも {beds} 床の{class}に当たります"
        }
        Check::CheckVariantCoverage => {
            "variant '{variant}' には{classes}向けの tier がありません（他の variant にはあります）"
        }
        Check::CheckNoExample => "tier '{tier}' に計算例（[[examples]]）がありません",
        Check::CheckExampleInvalid => {
            "tier '{tier}' の計算例は、入力として正しくありません: {reason}"
        }
        Check::CheckExampleTier => {
            "計算例は tier '{tier}' になるはずですが、規則が選んだのは {got} です"
        }
        Check::CheckExampleGrant => {
            "tier '{tier}' の計算例の補助額は {expected} ですが、規則で計算すると {got} です"
        }
        Check::CheckExampleEligibilityWord => {
            "eligibility '{value}' は eligible、unknown、ineligible のどれでもありません"
        }
        Check::CheckExampleEligibility => {
            "tier '{tier}' の計算例の判定は {expected} ですが、規則では {got} です"
        }
        Check::CheckExampleNoTier => {
            "計算例は tier '{tier}' になるはずですが、規則はどの tier も選びません"
        }
        Check::CheckExampleNoGrant => {
            "tier '{tier}' の計算例の補助額は {expected} ですが、規則で計算すると補助額が出ません"
        }
        Check::CheckExampleUnexpectedGrant => {
            "tier '{tier}' の計算例は補助額なしのはずですが、規則で計算すると {got} です"
        }
        Check::CheckExampleWindowWord => {
            "window '{value}' は open、not-yet-open、opening-not-stated、closed、unknown のどれでもありません"
        }
        Check::CheckExampleWindowNoDate => {
            "tier '{tier}' の計算例に window がありますが、判定する日（as_of）がありません"
        }
        Check::CheckExampleWindow => {
            "tier '{tier}' の計算例の受付状況は {as_of} に {expected} のはずですが、規則では {got} です"
        }
        Check::CheckWhatTierKey => "tier '{tier}': {key}",
        Check::CheckWhatItemKey => "tier '{tier}': 費目 '{item}' の {key}",
        Check::CheckWhatGroupCap => "tier '{tier}': group_caps の grant_cap",
        Check::CheckWhatExampleKey => "tier '{tier}' の計算例の {key}",
        Check::CheckWhatExampleItem => "tier '{tier}' の計算例の費目 '{item}'",
        Check::CheckKebabProgram => "制度の id",
        Check::CheckKebabTier => "tier の id",
        Check::CheckKebabVariant => "variant の id",
        Check::CheckKebabItem => "費目の key",
        Check::CheckKebabCondition => "要件の id",
        Check::CheckKebabFact => "要件の fact",
    }
}
