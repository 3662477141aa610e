//! The Japanese sentences of `Cli`.

use crate::i18n::key::Cli;

/// `key` の文。
pub(super) fn text(key: Cli) -> &'static str {
    match key {
        Cli::ErrorLine => "エラー: {message}",
        Cli::InvalidValue => "{flag} の値 '{value}' は使えません: {reason}",
        Cli::RuleData => "規則データ: {reason}",
        Cli::WritingOutput => "出力を書き込めません: {reason}",
        Cli::UnknownArgument => "不明なオプション '{arg}' です{hint}",
        Cli::InvalidChoice => "{flag} の値 '{value}' は使えません。使える値: {valid}{hint}",
        Cli::ValueRefused => "{flag} の値 '{value}' は使えません: {reason}",
        Cli::MissingValue => "{flag} に値がありません{valid}",
        Cli::MissingRequired => "{args} を指定してください",
        Cli::UnknownCommand => "不明なコマンド '{name}' です{hint}（一覧は subsidy --help）",
        Cli::UnexpectedValue => "{flag} は値をとりません（'{value}' は不要です）",
        Cli::Conflict => "{flag} と {other} は同時に指定できません",
        Cli::GivenTwice => "{flag} が2回以上指定されています",
        Cli::CommandLine => "コマンドラインを解釈できません: {detail}",
        Cli::DidYouMean => "。もしかして {candidates} ですか？",
        Cli::ValidValues => "（使える値: {valid}）",
        Cli::CannotRead => "'{path}' を読めません: {reason}",
        Cli::CannotWrite => "'{path}' に書き込めません: {reason}",
        Cli::OutputIsInput => {
            "出力 '-o {path}' は入力ファイルです。別のパスに書いてください。例 -o {example}"
        }
        Cli::ItIsADirectory => "ディレクトリです",
        Cli::IoNotFound => "ファイルがありません",
        Cli::IoPermissionDenied => "権限がありません",
        Cli::IoStorageFull => "ディスクの空きがありません",
        Cli::VersionWithData => "{version}（規則データ {data}、sha256 {sha256}）",
        Cli::VersionDataUnreadable => "{version}（規則データを読めません: {reason}）",
        Cli::IoAddrInUse => {
            "このアドレスとポートはすでに使われています（別のポート、例 --addr 127.0.0.1:8081 を指定してください）"
        }
        Cli::IoAddrNotAvailable => "このマシンにそのアドレスはありません（例: 127.0.0.1:8080）",
        Cli::FormatIcsIsForPlan => {
            "。ics（カレンダー）は plan で使えます: subsidy plan --facility hospital --beds 250 --format ics"
        }
    }
}
