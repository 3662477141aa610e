//! The Japanese sentences of `Serve`.

use crate::i18n::key::Serve;

/// `key` の文。
pub(super) fn text(key: Serve) -> &'static str {
    match key {
        Serve::ServeGetOnly => "このアドレスは GET だけを受け付けます（フォームは GET で送ります）",
        Serve::ServeChartLink => "グラフ",
        Serve::ServeInternal => {
            "内部の誤りで答えられませんでした（この URL を添えてお知らせください）"
        }
        Serve::ServeMinWage => "最低賃金近傍の従業員がいる",
        Serve::ServeSmallBusiness => "小規模事業者",
        Serve::ServeMembers => "連携する事業者数",
        Serve::ServeFunctions => "インボイス機能数",
        Serve::ServeProcesses => "業務プロセス数",
        Serve::ServeDigitalAi => "デジタル化・AI導入補助金",
        Serve::ServePlan => "申請計画：まだ申請できる制度と最大補助額",
        Serve::ServeNoChart => {
            "グラフにできる結果がありません（1つの経費に補助率がかかる区分だけを描きます。chart=制度ID で選べます）"
        }
        Serve::ServeLeftOut => {
            "ほかに{programs}・{tiers}は申請できないため表示していません（{counts}）。"
        }
        Serve::ServeQueryTooLong => "クエリが長すぎます（{max} バイトまで）",
        Serve::ChartCostAxis => "経費",
        Serve::ChartGrantAxis => "補助額",
        Serve::ChartBusinessCap => "事業額上限 {yen}",
        Serve::ChartGrantCap => "補助限度額に達する経費 {yen}",
        Serve::ChartYourCost => "この施設の経費 {cost} → {grant}",
        Serve::ServeTitle => "医療DX補助金の試算",
        Serve::ServeIntro => {
            "施設の区分と経費を入れると、申請できる補助金とその額、締切を表示します。わからない項目は「わからない」のままで構いません（要確認として表示します）。"
        }
        Serve::ServeRefused => "入力を確認してください",
        Serve::ServeInvalidValue => "「{field}」の値 '{value}' は使えません: {reason}",
        Serve::ServeMissing => "「{field}」を入力してください: {reason}",
        Serve::ServeField => "項目",
        Serve::ServeBack => "試算に戻る",
        Serve::ServeOtherLang => "English",
        Serve::ServeFooter => {
            "金額は出典の規則からの試算です。申請前に各制度の窓口で確認してください。"
        }
        Serve::ServeCalendar => "締切をカレンダーに追加（.ics）",
        Serve::ServeExplain => "計算の詳細",
        Serve::ServeChartCaption => "{program}（{tier}）：経費に対する補助額",
        Serve::ServeUnknown => "わからない",
        Serve::ServeYes => "はい",
        Serve::ServeNo => "いいえ",
        Serve::ServeFacility => "施設",
        Serve::ServeFacilityClass => "施設区分",
        Serve::ServeBeds => "病床数",
        Serve::ServeKenshin => "健診を実施",
        Serve::ServePrefecture => "都道府県",
        Serve::ServeEntity => "開設者",
        Serve::ServeMedicalCorporation => "医療法人",
        Serve::ServeSoleProprietor => "個人",
        Serve::ServeCompany => "会社",
        Serve::ServeCapital => "資本金（円）",
        Serve::ServeEmployees => "常時使用する従業員数",
        Serve::ServeCosts => "経費",
        Serve::ServeCost => "経費（円）",
        Serve::ServeCoupons => "クーポン数",
        Serve::ServeAsOf => "基準日",
        Serve::ServeFacts => "要件（わかる範囲で）",
        Serve::ServeSubmit => "試算する",
        Serve::ServeNotFound => "ページがありません: {path}",
        Serve::ServeListening => {
            "subsidy serve: http://{addr}/ で待ち受けています（Ctrl+C で終了）"
        }
        Serve::ServeCannotListen => "{addr} で待ち受けられません: {reason}",
        Serve::ServeBusy => "混み合っています。少し待ってからもう一度お試しください",
        Serve::ServeTimeout => "時間内に処理できませんでした",
        Serve::ServeBadRequest => "リクエストを読めません（HTTP の形式になっていません）",
        Serve::ServeRequestLineTooLong => "リクエストの行が長すぎます（{max} バイトまで）",
        Serve::ServeHeadersTooLarge => "ヘッダーが大きすぎます（{max} バイト、{lines} 行まで）",
        Serve::ServeBodyTooLarge => {
            "本文が大きすぎます（{max} バイトまで。このサーバーは GET だけを受け付けます）"
        }
        Serve::ServeNoHost => "Host ヘッダーがありません（HTTP/1.1 では必須です）",
        Serve::ServeHostTwice => "Host ヘッダーが2つ以上あります（1つにしてください）",
        Serve::ServeHostNotServed => {
            "このサーバーは '{host}' という名前では応答しません（応答する名前: {names}。ほかの名前で使うには、サーバーを起動する人がその名前を許可してください）"
        }
        Serve::ServeFieldTwice => "'{field}' が2回指定されています（1つにしてください）",
        Serve::ServeFieldTwicePage => "「{field}」が2回指定されています（1つにしてください）",
        Serve::ServeConnectionsRefused => {
            "新しい接続を {count} 件断りました: 接続数が上限の {max} に達していて、空いている（待機中の）接続もありません"
        }
        Serve::ServeConnectionsLowered => {
            "開けるファイル数の上限が {limit} のため、同時に開く接続は {max} までにします"
        }
        Serve::ServeAcceptFailed => "接続を受け付けられません: {reason}",
        Serve::ServeAskContacts => {
            "各制度の問合せ先（制度のページに記載）で最新の状況を確認してください。"
        }
    }
}
