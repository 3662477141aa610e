//! 日本語のメッセージ表。`{name}` に値が入ります。

use super::Key;

/// `key` の文。
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ErrorLine => "エラー: {message}",
        Key::InvalidValue => "{flag} の値 '{value}' は使えません: {reason}",
        Key::RuleData => "規則データ: {reason}",
        Key::WritingOutput => "出力を書き込めません: {reason}",
        // profile, lookup, missing (issue 12)
        Key::InputMissing => "{flag} を指定してください: {reason}",
        Key::InputNear => "'{near}' ではありませんか？",
        Key::InputNearAtEnd => "。'{near}' ではありませんか？",
        Key::InputListSeparator => "、",
        Key::InputCandidate => "{id}（{name}）",
        Key::InputNeedsFacility => "施設区分（hospital、clinic、pharmacy）",
        Key::InputNeedsBeds => "病院の病床数（病院は20床以上。例: 250）",
        Key::InputNeedsProgramForVariant => {
            "区分 '{variant}' は制度ごとの区分です。この区分がある制度: {programs}"
        }
        Key::InputNeedsProgramId => "制度の ID か名前（`subsidy list` で一覧を表示）",
        Key::InputUnknownProgram => {
            "その ID・名前の制度はありません。{near}（`subsidy list` で全制度の ID を表示）"
        }
        Key::InputSeveralPrograms => {
            "名前にこれを含む制度が{count}件あります。ID で指定してください: {candidates}"
        }
        Key::InputUnknownPrefecture => "都道府県名ではありません{near}",
        Key::InputUnknownFact => {
            "事実 '{fact}' を問う制度はありません。{near}（`subsidy show ID` で制度ごとの事実を表示）"
        }
        Key::InputFactTwice => "事実 '{fact}' はすでに {previous} と指定されています",
        Key::InputBelowOne => "1以上を指定してください",
        Key::InputTooManyMembers => "構成員数は{max}者までです（申請書の数を指定してください）",
        Key::InputTooFewMembers => "複数者連携の申請（{program}）には構成員{least}者以上が必要です",
        Key::InputNoVariants => "選んだ制度には区分（variant）がありません",
        Key::InputNotAVariant => "{program} の区分ではありません。{near}（区分: {variants}）",
        Key::InputUnknownVariant => "この区分がある制度はありません。{near}（区分: {variants}）",
        Key::InputItemTwice => "費目 '{key}' が2回指定されています",
        Key::InputNoItems => "選んだ制度は経費を費目に分けません。--cost を使ってください",
        Key::InputUnknownItem => "選んだ制度にこの費目はありません。{near}（費目: {items}）",
        Key::InputNoCoupons => "選んだ制度には、この施設にクーポン単位で支払うものがありません",
        Key::InputCouponRange => "{program} のクーポンは{facility}で1〜{max}個です",
        Key::InputNeedsItems => "{program} は費目ごとに上限があります。{items} を指定してください",
        Key::BedsHospitalTooFew => "病院は医療法上20床以上です。19床以下は診療所です",
        Key::BedsClinicTooMany => "診療所は19床以下です。20床以上は病院です",
        Key::BedsPharmacyHasNone => "薬局に病床はありません",
        Key::BedsTooMany => {
            "どの病院よりも多い病床数です。許可病床数を指定してください（{max}床まで）"
        }
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself).
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    let _ = (command, arg);
    None
}
