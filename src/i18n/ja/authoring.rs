//! The Japanese sentences of `Authoring`: the comments of the skeletons.

use crate::i18n::key::Authoring;

/// `key` の文。
pub(super) fn text(key: Authoring) -> &'static str {
    match key {
        Authoring::SkeletonHead => {
            "subsidy new が書いた制度のひな形です（計算のしかた: {kind}）。1ファイルに1制度を書きます。
「＿＿」をすべて、出典の資料に書かれた言葉と数字に置き換えてください。1つでも残っている間は、subsidy check がその場所を ファイル:行 で示し、ほかのコマンドはこのディレクトリを読みません（半分だけの規則で計算しないため）。
金額は引用符なしの整数（500_000）、補助率は引用符つきの分数（\"1/2\"）、日付は \"2026-07-01\" の形です。
出典（cite）の source には資料の id（sources.toml にあるもの）を、at には資料の箇所と、その文を「」で囲んだ引用を書きます。subsidy check は資料のディレクトリを渡すと、引用が資料にあるかを確かめます。
「なければ消す」とある項目は、資料に書かれていなければ行（または表）ごと消します。資料にないことを推測で埋めないでください。
手順: docs/authoring.md"
        }
        Authoring::SkeletonExample => "例",
        Authoring::SkeletonName => "制度の名前: 資料のとおりの日本語の名前と、短い英語の名前",
        Authoring::SkeletonShortName => {
            "短い名前: カレンダーの予定の題名になります（日本語24文字・英語48文字まで。資料の名前を縮めたもの、ほかの制度と重ならないもの）"
        }
        Authoring::SkeletonAuthority => "実施主体（市・県・国など）",
        Authoring::SkeletonImplementer => "事業を担当する部署・機関",
        Authoring::SkeletonFund => "財源（資料に書かれていなければ「出典に記載なし」と書く）",
        Authoring::SkeletonSummary => "目的・内容（資料の言葉で短く）",
        Authoring::SkeletonEligibility => "補助対象者（資料の言葉で）",
        Authoring::SkeletonCoveredCosts => "補助対象経費（資料の言葉で）",
        Authoring::SkeletonApply => "申請方法と、申請の案内のページ（https://…）",
        Authoring::SkeletonContact => "問合せ先: 部署、電話番号、受付時間",
        Authoring::SkeletonSources => {
            "この制度が拠る資料の id（subsidy source add が sources.toml に記録し、id を表示します）"
        }
        Authoring::SkeletonDates => {
            "申請期間: 受付開始（opens）と申請期限（deadline）。受付開始が資料になければ、その [[dates]] を消し、opens_not_stated に cite と同じ形（source と at）で、受付開始の記載がないことを示す箇所を書く。資料が日付を示す節目（導入完了期限 completion-by、対象期間の始まりと終わり costs-from・costs-until、要件の基準日 condition-cutoff）も、label と cite をつけて [[dates]] に書くとカレンダーの予定になる"
        }
        Authoring::SkeletonRounding => {
            "端数処理: \"truncate-1000\"（1,000円未満切捨て）、\"round-half-up-1\"（1円未満四捨五入）、\"none-stated\"（記載なし。cite の行を消す）"
        }
        Authoring::SkeletonTax => {
            "消費税: \"included\"（税込）、\"excluded\"（税抜）、\"not-stated\"（記載なし。cite の行を消す）。evidence にその根拠"
        }
        Authoring::SkeletonConditions => {
            "要件（なければ消す）: 資料が求めることを1つずつ。fact はその事実の id で、利用者が はい・いいえ で答えます（subsidy show ID が示します）。計算例では facts に id = true（または false）と答えを書きます"
        }
        Authoring::SkeletonItems => {
            "費目: 上限が費目ごとにあるときの経費の区分。key は利用者が費目の金額を書くときの名前"
        }
        Authoring::SkeletonTier => {
            "区分: 補助率と上限の表の1行。facilities は \"hospital\"（病院）、\"clinic\"（診療所）、\"pharmacy\"（薬局）から。区分が複数あれば、[[tiers]] から次の区分の前までを写して足す"
        }
        Authoring::SkeletonCapped => {
            "capped: min(経費, 事業額上限) × 補助率、補助限度額まで。事業額上限・補助限度額は、なければ消す"
        }
        Authoring::SkeletonPerBed => {
            "per_bed: 経費 × 補助率、許可病床数 × grant_cap_per_bed まで（施設全体の上限もあれば grant_cap = … を足す）"
        }
        Authoring::SkeletonPerItem => {
            "per_item: 費目ごとに上限をかけて足し、事業額上限、× 補助率、補助限度額（上限は、なければ消す）"
        }
        Authoring::SkeletonPerItemItem => "費目ごとの事業額上限（費目ごとに1つ）",
        Authoring::SkeletonPerUnit => {
            "per_unit: 1単位（クーポン1つなど）ごとに min(経費, 事業額上限) × 補助率、補助限度額まで、端数処理も1単位ごと"
        }
        Authoring::SkeletonUnit => "単位: 何に払うか、1施設でいくつまでか",
        Authoring::SkeletonBanded => {
            "banded: 補助額の段階ごとに補助率が変わる（補助額〇〇円以下の部分は3/4、超える部分は2/3）。grant_cap は補助上限額"
        }
        Authoring::SkeletonBand => {
            "段階: up_to_grant はその段階が終わる補助額。最後の段階には up_to_grant を書かない"
        }
        Authoring::SkeletonExamples => {
            "計算例: 資料の数字で手で計算した例。subsidy check が同じ入力で計算して一致を確かめます。eligibility は \"eligible\"（対象）、\"unknown\"（要確認）、\"ineligible\"（対象外）。cite の at に計算の式を書く。区分・上限・端数処理・要件ごとに例を足すと、subsidy check の網羅率（coverage）がそれを数えます"
        }
        Authoring::SkeletonExtension => {
            "拡張の名前と版（subsidy new が書いたひな形）。name は小文字の英数字とハイフン。結果のそれぞれに、この名前が示されます"
        }
        Authoring::SkeletonVersion => "版: 作る人が付ける番号や日付。規則を直したら上げる",
        Authoring::SkeletonDiscovery => {
            "料率表のない制度（subsidy new が書いたひな形）: 名前と概要だけで、金額は計算しません。「＿＿」を資料の言葉に置き換えます"
        }
        Authoring::SkeletonFunds => "何に払うか（資料の言葉で）",
        Authoring::SkeletonFigures => "資料にある金額（上限など。なければ消す）",
        Authoring::SourcesHead => {
            "このディレクトリの制度が出典とする資料（subsidy source add が記録します）。sha256 は資料の本文の SHA-256 で、資料が変わると subsidy check が知らせます"
        }
    }
}
