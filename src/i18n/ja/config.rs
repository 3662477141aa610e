//! The Japanese sentences of `Config`.

use crate::i18n::key::Config;

/// `key` の文。
pub(super) fn text(key: Config) -> &'static str {
    match key {
        Config::ConfigAt => "{file}:{line}: {message}",
        Config::ConfigSyntax => "TOML として読めません: {message}",
        Config::ConfigNotUtf8 => "UTF-8 のテキストではありません。UTF-8 で保存してください",
        Config::ConfigUnknownKey => {
            "設定ファイルに '{key}' というキーはありません{near}。使えるキーは lang、extend、prefecture、update_url です（例: lang = \"en\"）"
        }
        Config::ConfigNear => "（もしかして {near}？）",
        Config::ConfigLangValue => {
            "lang の値 '{value}' は使えません。使える値: ja、en（例: lang = \"en\"）"
        }
        Config::ConfigExtendValue => {
            "extend はディレクトリを並べた配列で書きます（例: extend = [\"kita-city\"]。相対パスは設定ファイルのあるディレクトリから読みます）"
        }
        Config::ConfigPrefectureValue => {
            "prefecture の値 '{value}' は都道府県ではありません（例: prefecture = \"福岡県\"、\"福岡\"、\"fukuoka\"）"
        }
        Config::ConfigCannotRead => "設定ファイル {file} を読めません: {reason}",
        Config::ConfigNotAFile => {
            "設定ファイル {file} は {max} バイト以下の通常のファイルではありません"
        }
        Config::ExtensionRefused => "拡張を使えません（{from}）: {reason}",
        Config::FromFlag => "コマンドラインの {flag}",
        Config::FromEnv => "環境変数 {env}",
        Config::FromFile => "{file} の{line}行目",
        Config::FromDefault => "既定",
        Config::ConfigShowRead => "設定ファイル: {file}（{by} の場所。読みました）",
        Config::ConfigShowMissing => {
            "設定ファイル: {file}（{by} の場所。まだありません。このファイルを作ると、ここから読みます）"
        }
        Config::ConfigShowNowhere => {
            "設定ファイル: なし（HOME も XDG_CONFIG_HOME もありません。環境変数 SUBSIDY_CONFIG でファイルを指定できます）"
        }
        Config::ConfigShowSetting => "{key} = {value}（{from}）",
        Config::ConfigShowNone => "なし",
        Config::ConfigShowPaths => {
            "extend の相対パスは、設定ファイルでは設定ファイルのあるディレクトリから、--extend と SUBSIDY_EXTEND では今いるディレクトリから読みます。優先順位: コマンドラインのフラグ、環境変数、設定ファイルの順です。"
        }
        Config::VersionExtension => "拡張 {name} {version}（sha256 {sha256}）",
        Config::CheckExtensionReceipt => {
            "、拡張 {name} {version}（sha256 {sha256}、{files}ファイル）"
        }
        Config::FromFileLine => "設定ファイルの{line}行目",
    }
}
