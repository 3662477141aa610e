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
        Cli::VersionWithData => "{version}（規則データ {data}、{from}、sha256 {sha256}）",
        Cli::VersionDataUnreadable => "{version}（規則データを読めません: {reason}）",
        Cli::IoAddrInUse => {
            "このアドレスとポートはすでに使われています（別のポート、例 --addr 127.0.0.1:8081 を指定してください）"
        }
        Cli::IoAddrNotAvailable => "このマシンにそのアドレスはありません（例: 127.0.0.1:8080）",
        Cli::FormatIcsIsForPlan => {
            "。ics（カレンダー）は plan で使えます: subsidy plan --facility hospital --beds 250 --format ics"
        }
        Cli::BatchSheetNotXlsx => {
            "--sheet は Excel のブック（.xlsx）の入力にだけ使えます。例 subsidy batch 顧客一覧.xlsx --sheet Sheet2"
        }
        Cli::CheckTwoDirs => {
            "検査するディレクトリが2つあります（--data {data} と {dir}）。どちらか1つにしてください（例: subsidy check {dir}）"
        }
        Cli::ProfileWritten => {
            "施設プロファイルのひな形を {file} に書きました。facility と beds を記入して --profile {file} で使います"
        }
        Cli::ProfileTemplate => PROFILE_TEMPLATE,
        Cli::ProfileTemplateFacts => {
            "\n# 要件の事実: はい・いいえ（yes・no）。\n# 制度ごとの事実は subsidy show ID で表示します。\n[fact]\n"
        }
        Cli::HintAll => "--all で全{total}区分とその理由を表示します。",
        Cli::HintShowHidden => "すべて表示するには --all を付けてください。",
        Cli::HintWhyInCalc => "理由は subsidy calc --all で表示します。",
        Cli::HintAsOf => "--as-of 日付 で別の日の状況を表示します。",
        Cli::HintCost => "補助額は --cost を付けると計算します。",
        Cli::HintContacts => "各制度の問合せ先（{command} で表示）で最新の状況を確認してください。",
        Cli::CliBatchHeaderEncoding => {
            "見出し（1行目）を {encoding} として読めません（--encoding utf-8 か shift_jis を指定してください）"
        }
        Cli::CliBatchHeaderNotShiftJis => {
            "見出しの列 '{column}' に Shift_JIS で書けない文字があります。列名を変えるか --output-encoding utf-8 にしてください"
        }
        Cli::CliBatchShiftJisNotCsv => {
            "--output-encoding shift_jis は CSV の出力だけに使えます（JSONL と xlsx は UTF-8 です）。例 -o 試算.csv --output-encoding shift_jis"
        }
        Cli::CliBatchTooManyRowsForXlsx => {
            "出力が Excel の1シートの上限（{limit}行）を超えます（{rows}行以上）。CSV に書くか（例 -o {csv}）、--shape summary にしてください"
        }
        Cli::ServeBadAllowHost => {
            "--allow-host の値 '{value}' はホスト名ではありません（例: subsidy.office.lan、192.168.1.10。ポートは付けません）"
        }
        Cli::NewWrote => {
            "制度のひな形（{kind}）を {file} に書きました。「＿＿」を資料の言葉と数字に置き換え、subsidy check {dir} で確かめます（手順: docs/authoring.md）"
        }
        Cli::NewWroteExtension => {
            "拡張 {dir} を作り、名前と版を書く {meta} と、制度のひな形（{kind}）{file} を書きました。「＿＿」を資料の言葉と数字に置き換え、subsidy check {dir} で確かめます（手順: docs/authoring.md）"
        }
        Cli::NewWroteDiscovery => {
            "料率表のない制度 {id} のひな形を {file} の最後に足しました。「＿＿」を資料の言葉に置き換え、subsidy check {dir} で確かめます"
        }
        Cli::NewExists => {
            "'{file}' はすでにあります。上書きしません（別の ID にするか、そのファイルを直してください）"
        }
        Cli::NewBadId => {
            "ID '{id}' は使えません: 小文字の英数字とハイフンで書きます（例: subsidy new reidai-city-dx --dir reidai-city）"
        }
        Cli::NewNotADir => {
            "--dir の値 '{dir}' はディレクトリではありません（例: --dir reidai-city）"
        }
        Cli::NewDiscoveryInExtension => {
            "--kind discovery は拡張（{dir} には extension.toml があります）には書けません。料率表のない制度は規則データのディレクトリの discovery.toml にだけ置けます（例: --dir data）。拡張には料率表のある制度を書きます（例: --kind capped）"
        }
        Cli::NewDiscoveryNoDir => {
            "--kind discovery は規則データのディレクトリにある discovery.toml に足します。'{dir}' がありません（例: --dir data）"
        }
        Cli::NewEntryTaken => "{file} に id {id} の項目がすでにあります。別の ID にしてください",
        Cli::TomlAt => "{file}:{line}: TOML として読めません: {message}",
        Cli::SourceAdded => {
            "資料 {id}（{file}、sha256 {sha256}）を {registry} に記録しました。制度の出典（cite）の source には \"{id}\" と書きます"
        }
        Cli::SourceAddedUnfilled => {
            "。未記入: {fields}（{registry} で「＿＿」を置き換えてください）"
        }
        Cli::SourceNoDir => {
            "--dir の値 '{dir}' はディレクトリではありません。拡張は先に subsidy new ID --dir {dir} で作ります"
        }
        Cli::SourceNotTxt => {
            "'{file}' は .txt ではありません。subsidy check --sources は資料の本文を UTF-8 の .txt で読みます（例: 募集要項の文を reidai-city-notice.txt に保存して記録します）"
        }
        Cli::SourceNotUtf8 => {
            "'{file}' は UTF-8 のテキストではありません（UTF-8 で保存してください）"
        }
        Cli::SourceTooLarge => "'{file}' は {max} バイト以下の通常のファイルにしてください",
        Cli::SourceNoId => {
            "'{file}' の名前からは資料の id を作れません。--id で指定してください（例: --id reidai-1）"
        }
        Cli::SourceBadId => {
            "--id の値 '{id}' は使えません: 小文字の英数字とハイフンで書きます（例: --id reidai-1）"
        }
        Cli::SourceIdTaken => {
            "資料の id {id} は {registry} にすでにあります。別の id を --id で指定してください（例: --id {id}-2）"
        }
        Cli::SourceFileRecorded => {
            "'{file}' は {registry} に資料 {id} としてすでに記録されています（同じ資料は1度だけ記録します）"
        }
        Cli::SourceIdBelow => {
            "資料の id {id} は下の層の {lower} にあります。拡張の資料には別の id を付けてください（例: --id reidai-1）"
        }
        Cli::PdfToTerminal => {
            "PDF は端末に表示できません。ファイルを指定してください。例 subsidy report --facility hospital --beds 250 --cost 14000000 -o report.pdf"
        }
        Cli::NoJapaneseFont => {
            "PDF に使う日本語のフォントが見つかりません。Noto Sans CJK（Debian・Ubuntu: sudo apt-get install fonts-noto-cjk）か IPAex ゴシック（fonts-ipaexfont）を入れるか、--font FILE でフォントのファイルを指定してください（例 --font /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf）"
        }
        Cli::FontUnreadable => {
            "--font の '{path}' はフォントとして読めません。.ttf・.otf・.ttc のファイルを指定してください（例 --font /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf）"
        }
        Cli::FontWithoutJapanese => {
            "--font の '{path}' には日本語の文字がありません。日本語のフォントを指定してください（例 --font /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf）"
        }
        Cli::ReportDirNotEmpty => {
            "--report の '{path}' にはすでにファイルがあります。新しいか空のディレクトリを指定してください（例 --report 報告書）"
        }
        Cli::BatchSummaryReports => {
            "batch: {read}行を読み、{written}件の報告書を {dir} に書き、{failed}行がエラーです（一覧は index.csv）"
        }
    }
}

/// The template `subsidy profile init` writes; the facts follow it.
const PROFILE_TEMPLATE: &str = "\
# subsidy の施設プロファイル（TOML、UTF-8）
# 使い方: subsidy calc --profile このファイル --cost 14000000
#         subsidy plan --profile このファイル
#         subsidy show ehr-sharing --profile このファイル
#         （show では、この施設に当たる区分を示します）
# コマンドラインで指定したフラグは、このファイルの値より優先されます。
# キーと値の書き方は subsidy batch の列と同じです。
# 使わないキーは先頭の # を残します。

# 施設区分（必ず記入）: 病院・診療所・薬局（hospital・clinic・pharmacy）
facility = \"\"
# 病床数（必ず記入）: 病院は20床以上、診療所は0〜19床、薬局は0。
# 福岡県の勤務環境改善補助金では許可病床数
beds = \"\"
# 健診部門システムを導入して健診を実施しているか（電子カルテ情報共有サービス
# の区分）: はい・いいえ
# kenshin = \"はい\"
# 都道府県（福岡県の制度の要件）: 福岡県、福岡、fukuoka
# prefecture = \"福岡県\"
# 開設者（デジタル化・AI導入補助金の中小企業の判定）:
# 医療法人・個人開業医（個人事業主）・会社
# entity = \"医療法人\"
# 会社の資本金の額又は出資の総額（薬局の会社は5千万円以下なら中小企業）
# capital = \"5,000万円\"
# 常時使用する従業員数（医療法人は300人以下、個人開業医は100人以下、
# 薬局は50人以下が中小企業）
# employees = 50
# 小規模事業者か（デジタル化・AI導入補助金の補助率。出典は医療機関について
# の定義を示していません）: はい・いいえ
# small-business = \"いいえ\"
# 最低賃金近傍の事業者か（通常枠 2/3）: はい・いいえ
# min-wage-nearby = \"いいえ\"
# 大企業等か（capital・employees の代わりに。電子取引類型は 1/2）: はい・いいえ
# large-company = \"いいえ\"
# IT ツールの業務プロセス数（通常枠）
# processes = 4
# 会計・受発注・決済の機能数（インボイス枠）
# functions = 2
# 複数者連携の構成員数（10以上）
# members = 10
";
