//! The Japanese sentences of `Input`.

use crate::i18n::key::Input;

/// `key` の文。
pub(super) fn text(key: Input) -> &'static str {
    match key {
        Input::InputMissing => "{flag} を指定してください: {reason}",
        Input::InputNear => "'{near}' ではありませんか？",
        Input::InputNearAtEnd => "。'{near}' ではありませんか？",
        Input::InputListSeparator => "、",
        Input::InputCandidate => "{id}（{name}）",
        Input::InputNeedsFacility => "施設区分（hospital、clinic、pharmacy）",
        Input::InputNeedsBeds => "病院の病床数（病院は20床以上。例: 250）",
        Input::InputNeedsBedsBeddedClinic => "有床診療所の病床数（1〜19床。例: 19）",
        Input::InputNeedsProgramForVariant => {
            "区分 '{variant}' は制度ごとの区分です。この区分がある制度: {programs}"
        }
        Input::InputNeedsProgramId => "制度の ID か名前（`subsidy list` で一覧を表示）",
        Input::InputUnknownProgram => {
            "その ID・名前の制度はありません。{near}（`subsidy list` で全制度の ID を表示）"
        }
        Input::InputSeveralPrograms => {
            "名前にこれを含む制度が{count}件あります。ID で指定してください: {candidates}"
        }
        Input::InputUnknownPrefecture => "都道府県名ではありません{near}",
        Input::InputUnknownFact => {
            "事実 '{fact}' を問う制度はありません。{near}（`subsidy show ID` で制度ごとの事実を表示）"
        }
        Input::InputFactTwice => "事実 '{fact}' はすでに {previous} と指定されています",
        Input::InputBelowOne => "1以上を指定してください",
        Input::InputTooManyMembers => "構成員数は{max}者までです（申請書の数を指定してください）",
        Input::InputNoVariants => "選んだ制度には区分（variant）がありません",
        Input::InputNotAVariant => "{program} の区分ではありません。{near}（区分: {variants}）",
        Input::InputUnknownVariant => "この区分がある制度はありません。{near}（区分: {variants}）",
        Input::InputItemTwice => "費目 '{key}' が2回指定されています",
        Input::InputNoItems => "選んだ制度は経費を費目に分けません。{cost} を使ってください",
        Input::InputUnknownItem => "選んだ制度にこの費目はありません。{near}（費目: {items}）",
        Input::InputNoCoupons => "選んだ制度には、この施設にクーポン単位で支払うものがありません",
        Input::InputCouponRange => "{program} のクーポンは{facility}で1〜{max}個です",
        Input::InputCouponCount => {
            "{coupon_costs} が {priced}回あります。{coupons} はその数にするか、省いてください"
        }
        Input::InputNeedsItems => {
            "{program} は費目ごとに上限があります。{items} を指定してください"
        }
        Input::InputCapitalNeedsEntity => {
            "資本金は会社の規模の判定に使います。{entity_field} も company（会社）と指定してください（例: {entity_field} company {capital} 1億）"
        }
        Input::InputCapitalNotCompany => {
            "資本金で規模を判定するのは会社だけです（{entity}は従業員数で判定します。例: {entity_field} company {capital} 1億）"
        }
        Input::InputLargeCompanyWithSize => {
            "{large_company}（大企業等）と一緒には指定できません。規模は {large_company} か、{entity_field}・{capital}・{employees} のどちらかで指定してください"
        }
        Input::BedsHospitalTooFew => "病院は医療法上20床以上です。19床以下は診療所です",
        Input::BedsClinicTooMany => "診療所は19床以下です。20床以上は病院です",
        Input::BedsBeddedClinicHasSome => {
            "有床診療所の病床数は1〜19床です（例: 19）。病床がなければ無床診療所です"
        }
        Input::BedsClinicWithoutBedsHasNone => {
            "無床診療所に病床はありません（例: 0）。病床があれば有床診療所です"
        }
        Input::BedsPharmacyHasNone => "薬局に病床はありません",
        Input::BedsTooMany => {
            "どの病院よりも多い病床数です。許可病床数を指定してください（{max}床まで）"
        }
        Input::ProfileAt => "{file}:{line}: {message}",
        Input::ProfileSyntax => "TOML の書き方の誤り: {message}",
        Input::ProfileUnknownKey => {
            "'{key}' はプロファイルのキーではありません。{near}（キー: {keys}）"
        }
        Input::ProfileNotAboutTheFacility => {
            "'{key}' は施設ではなく計算ごとの指定です。コマンドラインの {flag} で指定してください"
        }
        Input::ProfileKeyTwice => "'{key}' は{line}行目でも指定されています",
        Input::ProfileValueType => "'{key}' の値は文字列・整数・true/false のどれかにしてください",
        Input::ProfileUnfilled => {
            "記入されていない項目があります: {keys}。値を書いてください（例: facility = \"病院\"、beds = 250）。使わない項目は行の先頭に # を付けます"
        }
        Input::ProfileUnfilledKey => "{key}（{line}行目）",
        Input::ProfileNotUtf8 => "UTF-8 のテキストではありません（UTF-8 で保存してください）",
        Input::ProfileCannotRead => "プロファイル '{file}' を読めません: {reason}",
        Input::ProfileTooLarge => {
            "プロファイル '{file}' は {max} バイト以下の通常のファイルにしてください"
        }
        Input::ProfileExists => {
            "'{file}' はすでにあります。上書きしません（別の名前にするか、先に消してください）"
        }
        Input::ProfileCannotWrite => "'{file}' に書き込めません: {reason}",
    }
}
