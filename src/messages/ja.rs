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
        Key::ProfileAt => "{file}:{line}: {message}",
        Key::ProfileSyntax => "TOML の書き方の誤り: {message}",
        Key::ProfileUnknownKey => {
            "'{key}' はプロファイルのキーではありません。{near}（キー: {keys}）"
        }
        Key::ProfileNotAboutTheFacility => {
            "'{key}' は施設ではなく計算ごとの指定です。コマンドラインの {flag} で指定してください"
        }
        Key::ProfileKeyTwice => "'{key}' は{line}行目でも指定されています",
        Key::ProfileValueType => "'{key}' の値は文字列・整数・true/false のどれかにしてください",
        Key::ProfileNotUtf8 => "UTF-8 のテキストではありません（UTF-8 で保存してください）",
        Key::ProfileCannotRead => "プロファイル '{file}' を読めません: {reason}",
        Key::ProfileTooLarge => {
            "プロファイル '{file}' は {max} バイト以下の通常のファイルにしてください"
        }
        Key::ProfileExists => {
            "'{file}' はすでにあります。上書きしません（別の名前にするか、先に消してください）"
        }
        Key::ProfileCannotWrite => "'{file}' に書き込めません: {reason}",
        Key::ProfileWritten => {
            "施設プロファイルのひな形を {file} に書きました。値を確かめて --profile {file} で使います"
        }
        Key::ProfileTemplate => PROFILE_TEMPLATE,
        Key::ProfileTemplateFacts => {
            "\n# 要件の事実: はい・いいえ（yes・no）。制度ごとの事実は subsidy show ID で表示します。\n[fact]\n"
        }
        Key::ShowFacilityTiers => "この施設（{facility}）の区分: {tiers}",
        Key::ShowNoFacilityTier => "この施設（{facility}）に当たる区分はありません",
        Key::ShowTierOfVariant => "{tier}（{variant}）",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself).
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    let _ = (command, arg);
    None
}

/// The template `subsidy profile init` writes; the facts follow it.
const PROFILE_TEMPLATE: &str = "\
# subsidy の施設プロファイル（TOML、UTF-8）
# 使い方: subsidy calc --profile このファイル --cost 14000000
#         subsidy plan --profile このファイル
#         subsidy show ehr-sharing --profile このファイル（この施設の区分を示します）
# コマンドラインで指定したフラグは、このファイルの値より優先されます。
# キーと値の書き方は subsidy batch の列と同じです。使わないキーは先頭の # を残します。

# 施設区分: 病院・診療所・薬局（hospital・clinic・pharmacy）
facility = \"病院\"
# 病床数（病院は20床以上、診療所は0〜19床、薬局は0）。福岡県の勤務環境改善補助金では許可病床数
beds = 250
# 健診部門システムを導入して健診を実施しているか（電子カルテ情報共有サービスの区分）: はい・いいえ
# kenshin = \"はい\"
# 都道府県（福岡県の制度の要件）: 福岡県、福岡、fukuoka
# prefecture = \"福岡県\"
# 開設者（デジタル化・AI導入補助金の規模要件）: 医療法人・個人開業医
# entity = \"医療法人\"
# 常時使用する従業員数（医療法人は300人以下、個人開業医は100人以下が対象）
# employees = 50
# 小規模事業者か（デジタル化・AI導入補助金の補助率。出典は医療機関についての定義を示していません）: はい・いいえ
# small-business = \"いいえ\"
# 最低賃金近傍の事業者か（通常枠 2/3）: はい・いいえ
# min-wage-nearby = \"いいえ\"
# 大企業等か（電子取引類型 1/2）: はい・いいえ
# large-company = \"いいえ\"
# IT ツールの業務プロセス数（通常枠）
# processes = 4
# 会計・受発注・決済の機能数（インボイス枠）
# functions = 2
# 複数者連携の構成員数（10以上）
# members = 10
";
