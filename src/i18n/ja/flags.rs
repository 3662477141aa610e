//! The help of each command and flag, in Japanese.

use crate::i18n::{ANY, HelpTable};

/// By command (`""` for the top level, `"calc"`, …) and flag (`""` for the
/// command itself); the first entry that fits answers, so a command's own
/// help for a flag comes before the one for [`ANY`] command.
pub(in crate::i18n) const HELP: &HelpTable = &[
    (
        "",
        "",
        "病院・診療所・薬局が使える医療DX補助金を、金額（円）と申請期限つきで答えます。",
    ),
    (
        "calc",
        "",
        "施設と経費から、今日申請できる制度ごとの補助額・申請期限を計算します。",
    ),
    ("list", "", "全制度の一覧（受付中を先に、申請期限順）。"),
    (
        "show",
        "",
        "1制度の詳細：区分、費目、端数処理、日付、要件、出典、問合せ先。",
    ),
    (
        "plan",
        "",
        "施設がまだ申請できる制度を、最大補助額と申請期限つきで一覧にします。",
    ),
    (
        "ask",
        "",
        "1問ずつ質問して、答えと同じ答えを出すコマンドを表示します（窓口向け）。",
    ),
    (
        "ask",
        "cost",
        "事業の経費（与えれば聞きません）：14000000、1400万、全角数字も可。",
    ),
    (
        "report",
        "",
        "1施設分の A4 1ページの PDF：受けられる補助額、申請期限、申請の方法と問合せ先、確認が必要なこと。",
    ),
    (
        "report",
        "client",
        "報告書の題に入れる依頼先（施設）の名前。",
    ),
    (
        "report",
        "output",
        "書き出す PDF ファイル（書き終えてから置き換え、失敗したら元のまま）。",
    ),
    (
        "report",
        "font",
        "日本語のフォントのファイル（.ttf・.otf・.ttc）。既定はシステムの日本語フォント（Noto Sans CJK、IPAex ゴシック、游ゴシック、メイリオなど）。",
    ),
    (
        "batch",
        "",
        "Excel（.xlsx）・CSV・JSONL の施設一覧を一括計算します（誤った行はエラーつきで出力）。",
    ),
    (
        "batch",
        "report",
        "施設ごとに A4 1ページの報告書（PDF）を DIR（新しいか空のディレクトリ）に書き、一覧 index.csv をつけます（-o の代わり）。",
    ),
    (
        "batch",
        "font",
        "--report の PDF に使う日本語のフォント（.ttf・.otf・.ttc）。既定はシステムの日本語フォント。",
    ),
    (
        "check",
        "",
        "規則データを検査します：構文、ID、参照、金額、日付、区分、出典、計算例。",
    ),
    (
        "completions",
        "",
        "シェルの補完スクリプトを出力します（bash、zsh、fish、powershell、elvish）。",
    ),
    (
        "completions",
        "shell",
        "シェル：bash、zsh、fish、powershell、elvish。",
    ),
    ("man", "", "man ページ（roff）を出力します。"),
    (
        "config",
        "",
        "設定ファイルをどこから読むか（$XDG_CONFIG_HOME/subsidy/config.toml、または環境変数 SUBSIDY_CONFIG が指定するファイル）と、各設定（lang、extend、prefecture）の値とその出どころ（フラグ、環境変数、設定ファイル、既定）を表示します。",
    ),
    (
        "serve",
        "",
        "Web ページと JSON API を提供します（ブラウザで試算。Ctrl+C で終了）。",
    ),
    (
        "serve",
        "addr",
        "待ち受けるアドレスとポート（既定 127.0.0.1:8080）。",
    ),
    (
        "serve",
        "allow_host",
        "localhost のほかに応答するホスト名（LAN の名前、リバースプロキシが渡す名前。くり返し指定できます）。ほかの名前で届いたリクエストは 421 で断ります。",
    ),
    (
        "serve",
        "idle_timeout_ms",
        "（テスト用）待機中の接続を閉じるまでのミリ秒。",
    ),
    (
        "serve",
        "header_timeout_ms",
        "（テスト用）リクエストのヘッダーを読み終えるまでのミリ秒。",
    ),
    (
        "serve",
        "write_timeout_ms",
        "（テスト用）応答を読まないクライアントを待つミリ秒。",
    ),
    (
        "serve",
        "max_connections",
        "（テスト用）同時に開く接続の上限。",
    ),
    (ANY, "quiet", "要約の行を出しません（エラーは出します）。"),
    (
        ANY,
        "profile",
        "施設プロファイル（TOML。キーは batch の列名と同じ。subsidy profile init がひな形を書きます）。フラグが優先します。",
    ),
    (
        "profile",
        "",
        "施設プロファイル：calc・plan・show に施設の条件を渡すファイルを扱います。",
    ),
    (
        "init",
        "",
        "コメントつきのプロファイルのひな形を書きます（標準出力、または -o で新しいファイルへ）。",
    ),
    (
        "init",
        "output",
        "ひな形を書くファイル（まだないファイルだけ。上書きしません）。",
    ),
    (
        "new",
        "",
        "制度のひな形（コメントつき、記入する所は「＿＿」）を書きます。記入するまで subsidy check がその場所を示します。手順は docs/authoring.md。",
    ),
    (
        "new",
        "id",
        "制度の ID（小文字の英数字とハイフン、例 reidai-city-dx）。ファイル名は DIR/ID.toml。",
    ),
    (
        "new",
        "dir",
        "書くディレクトリ。ないか空なら拡張として作り、記入する extension.toml も書きます。既存のファイルは上書きしません。",
    ),
    (
        "new",
        "kind",
        "補助額の計算のしかた：capped（既定。min(経費, 事業額上限) × 補助率、補助限度額まで）、per_bed（許可病床数あたりの上限）、per_item（費目ごとの上限）、per_unit（クーポンなど1単位ごと）、banded（補助額の段階ごとの補助率）、discovery（料率表のない制度。DIR/discovery.toml に1項目を足す。組み込みの規則データのディレクトリだけ）。",
    ),
    (
        "bundle",
        "",
        "規則データ（または拡張）を1つのバンドルファイルにまとめます。subsidy update と --data FILE で使います。中身は manifest.toml（各ファイルのサイズと SHA-256）と *.toml で、出典資料は含みません。",
    ),
    (
        "bundle",
        "dir",
        "規則データ（または拡張）のディレクトリ。読み込めないものはまとめません。",
    ),
    (
        "bundle",
        "output",
        "書き出すバンドルファイル（全体を書き終えてから置き換え、失敗したときは元のまま）。minisign -Sm FILE で署名します。",
    ),
    (
        "update",
        "",
        "規則データのバンドルと minisign の署名（URL.minisig）を取得し、署名・全ファイルの SHA-256・subsidy check を確かめてから、組み込みの規則データの代わりにインストールします（--data の指定が優先）。変わった点を表示します。",
    ),
    (
        "update",
        "from",
        "バンドルの URL（http または https）。既定: 設定ファイルの update_url。プロジェクトが配布を始めるまで既定の URL はありません。",
    ),
    (
        "update",
        "trusted_key",
        "この minisign 公開鍵（.pub ファイル、複数可）で署名されたバンドルも信頼します。プロジェクトの鍵は組み込み済みです。",
    ),
    (
        "update",
        "allow_older",
        "取得したバンドルの規則データが使用中のものより古くてもインストールします（以前の配布に戻すとき）。この subsidy に組み込みの規則データより古いものは、使われないのでインストールしません。",
    ),
    (
        "update",
        "rollback",
        "最後の更新の前に使っていた規則データに戻します（なければ組み込みの規則データ）。",
    ),
    (
        "source",
        "",
        "出典の資料（拡張や規則データの sources.toml）を扱います。",
    ),
    (
        "add",
        "",
        "資料を SHA-256 つきで DIR/sources.toml に記録します（既存の記載とコメントはそのまま）。",
    ),
    (
        "add",
        "file",
        "資料の本文（UTF-8 の .txt。subsidy check --sources が引用を探すファイル）。",
    ),
    (
        "add",
        "dir",
        "拡張（または規則データ）のディレクトリ。その sources.toml に書きます。",
    ),
    (
        "add",
        "id",
        "制度が出典に書く資料の id（既定：ファイル名から .txt を除いたもの）。",
    ),
    (
        "add",
        "title",
        "資料の題名（省略すると「＿＿」として残し、記入を求めます）。",
    ),
    (
        "add",
        "publisher",
        "発行者（省略すると「＿＿」として残します）。",
    ),
    (
        "add",
        "date",
        "発行日（2026-06-01、令和8年6月1日 など。省略すると「＿＿」として残します）。",
    ),
    (
        "add",
        "rank",
        "信頼度：high（公的な資料）、low-medium、lowest（省略すると「＿＿」として残します）。",
    ),
    (
        "add",
        "note",
        "資料全体について読む人が知っておくこと（任意）。",
    ),
    (
        ANY,
        "data",
        "組み込みの規則データ（または subsidy update でインストールしたもの）の代わりに、DIR の *.toml か、バンドルファイル FILE（subsidy bundle）を読みます。",
    ),
    (
        ANY,
        "extend",
        "DIR の拡張（extension.toml、制度の *.toml、sources.toml）を規則データに重ねます（繰り返し可、先に書いたものが下）。環境変数 SUBSIDY_EXTEND（PATH と同じ区切り）や設定ファイルの extend より優先します。",
    ),
    (
        ANY,
        "lang",
        "表示・ヘルプ・エラーの言語：ja（日本語、既定）、en（英語）。環境変数 SUBSIDY_LANG や設定ファイルの lang でも指定できます（フラグが優先）。",
    ),
    (
        ANY,
        "color",
        "端末での強調：auto（既定。パイプや NO_COLOR のときはなし）、always、never。",
    ),
    (ANY, "help", "このヘルプを表示します。"),
    (ANY, "version", "バージョンを表示します。"),
    (
        ANY,
        "programs",
        "制度 ID（繰り返し可）。省略するとすべての制度。",
    ),
    (ANY, "variant", "この区分（バリアント）だけを計算します。"),
    (
        ANY,
        "facility",
        "施設の種類：hospital（病院）、clinic（診療所）、pharmacy（薬局）。",
    ),
    (
        ANY,
        "beds",
        "病床数（福岡県の勤務環境改善補助金では許可病床数）。病院は20床以上。",
    ),
    (
        ANY,
        "kenshin",
        "健診部門システムを導入して健診を実施しているか（yes / no）。電子カルテ情報共有サービスの区分を決めます。",
    ),
    (
        ANY,
        "prefecture",
        "都道府県（福岡県、福岡、fukuoka）。県の制度の要件です。",
    ),
    (
        ANY,
        "facts",
        "要件についての事実（繰り返し可）。例 online-qual-in-place=yes。各制度の要件は subsidy show ID で。",
    ),
    (
        ANY,
        "entity",
        "法人の形態（デジタル化・AI導入補助金の中小企業の判定）：medical-corporation（医療法人）、sole-proprietor（個人開業医・個人事業主）、company（会社）。",
    ),
    (
        ANY,
        "capital",
        "会社の資本金の額又は出資の総額（中小企業の判定。--entity company と一緒に）：100000000、1億、5,000万円。",
    ),
    (ANY, "employees", "常時使用する従業員数（中小企業の判定）。"),
    (
        ANY,
        "small_business",
        "小規模事業者として計算します（出典は医療機関の定義を示していないため、指定したときだけ適用）。",
    ),
    (
        ANY,
        "min_wage_nearby",
        "最低賃金近傍の事業者（デジタル化・AI 通常枠の補助率 2/3）。",
    ),
    (
        ANY,
        "large_company",
        "大企業等（中小企業・小規模事業者等でない）と指定します。--capital・--employees の代わりに使います（電子取引類型は補助率 1/2、中小企業向けの枠は対象外）。",
    ),
    (
        ANY,
        "processes",
        "ITツールの業務プロセス数（デジタル化・AI 通常枠）。",
    ),
    (
        ANY,
        "functions",
        "会計・受発注・決済の機能数（インボイス対応類型、複数者連携）。",
    ),
    (ANY, "members", "複数者連携の構成員数（10者以上）。"),
    (
        ANY,
        "cost",
        "事業の経費：14000000、14,000,000円、1400万、全角数字も可。",
    ),
    (
        ANY,
        "items",
        "費目ごとの経費（繰り返し可）。費目ごとに上限がある制度で使います。例 mobile=41000。",
    ),
    (
        ANY,
        "coupon_costs",
        "クーポン1つ分の価格（クーポンごとに繰り返す）。スマホ保険証用カードリーダーの補助は1つずつ計算します。例 --coupon-cost 20000 --coupon-cost 10000。",
    ),
    (
        "plan",
        "coupons",
        "スマホ保険証用カードリーダーのクーポン数（既定：上限まで）。",
    ),
    (
        ANY,
        "coupons",
        "スマホ保険証用カードリーダーのクーポン数（病院3まで、診療所1。既定 1）。",
    ),
    (
        "batch",
        "all",
        "申請できない結果（締切済・対象外・他県）も出力します。",
    ),
    (
        ANY,
        "all",
        "申請できない制度（締切済・対象外・他県）も、理由つきの別の表で表示します。",
    ),
    (
        ANY,
        "explain",
        "表示した結果の判定と計算を、1段階ずつ出典つきで示します。",
    ),
    (
        "plan",
        "as_of",
        "計画の基準日（既定：今日）。例 2026-11-22。",
    ),
    (
        ANY,
        "as_of",
        "受付状況を判定する日（既定：今日）。例 2026-11-22。",
    ),
    (
        "batch",
        "format",
        "出力形式：csv、jsonl、xlsx、ics（一覧全体で1つのカレンダー。制度の申請期限と節目ごとに1つの予定で、当たる施設を並べます）（既定：-o のファイルの拡張子、なければ入力と同じ）。",
    ),
    (
        "batch",
        "shape",
        "出力の形：long（結果ごとに1行。択一の列つき）、summary（入力の1行に1行：おすすめ合計、制度ごとの補助額、直近の締切、要確認）。既定は xlsx では summary（顧客に渡す形）、CSV と JSONL では long。",
    ),
    (
        "batch",
        "output_encoding",
        "CSV の出力の文字コード：utf-8（既定）、shift_jis（CP932。改行は CRLF。〜 ‖ − ¢ £ ¬ は Excel で同じに見える CP932 の文字で書きます。書けない文字は 〓 にして、その行のエラーに書きます）。",
    ),
    (
        "batch",
        "sheet",
        "xlsx の入力で読むシート（既定：最初のシート）。",
    ),
    (
        "plan",
        "format",
        "出力形式：table（表、既定）、json、ics（制度の申請期限と節目（導入完了期限など）ごとに終日の予定。カレンダーに読み込めます）。",
    ),
    (ANY, "format", "出力形式：table（表、既定）、json。"),
    (
        "list",
        "open",
        "申請できる制度（受付中・受付前）だけを表示します。",
    ),
    ("show", "id", "制度 ID（subsidy list で確認できます）。"),
    (
        "batch",
        "input",
        "入力：Excel のブック（.xlsx）、見出し行つき CSV、または JSONL。- または省略で標準入力。",
    ),
    (
        "batch",
        "output",
        "出力ファイル（既定：標準出力）。処理が終わったときだけ置き換え、入力ファイルには書きません。",
    ),
    (
        "batch",
        "encoding",
        "入力の文字コード：auto（既定。UTF-8 と Shift_JIS/CP932 を判別）、utf-8、shift_jis。",
    ),
    (
        "batch",
        "no_bom",
        "BOM を書きません（.csv のファイルでも）。",
    ),
    (
        "batch",
        "delimiter",
        "入力の区切り文字：,（既定）、tab、;、|。UTF-16 の入力（Excel の「Unicode テキスト」）は既定で tab。",
    ),
    (
        "batch",
        "bom",
        "日本語版 Excel で正しく開けるよう UTF-8 の BOM を書きます（.csv のファイルへの出力では既定）。",
    ),
    (
        "batch",
        "raw",
        "= + - @ などで始まる文字列セルを保護しません（CSV インジェクション対策を無効にします）。",
    ),
    (
        "check",
        "dir",
        "規則データのディレクトリ、またはバンドルファイル（既定：--data DIR、なければインストールした規則データ、それもなければ組み込みのデータ）。",
    ),
    (
        "check",
        "stale_days",
        "基準日からこの日数より古い出典を警告します（既定 365）。",
    ),
    (
        "check",
        "deny_warnings",
        "警告でも失敗（終了コード 1）にします。",
    ),
    (
        "check",
        "sources",
        "資料（出典の文書）のディレクトリ。各出典の資料があること、「…」で引用した箇所が資料にあることを確かめます。",
    ),
    (
        "check",
        "allow",
        "この種類の指摘を出しません（繰り返し可）。例 --allow stale-source。",
    ),
    (
        "check",
        "deny",
        "この種類の指摘をエラーにします（繰り返し可）。例 --deny all-deadlines-passed。",
    ),
    (
        "check",
        "coverage",
        "計算例の網羅率：どの計算例も試していない区分・費目・上限・端数処理・要件・病床や規模の境目・受付期間の境目を制度ごとに示します。100% に満たなければ失敗（終了コード 1）にします。",
    ),
    (
        "diff",
        "",
        "2つの規則データの違い（制度の追加・削除、金額・期間・要件・関係・出典の変更を出典つきで）。--clients で顧客への影響。終了コード：0 違いなし、1 違いあり、2 エラー。",
    ),
    (
        "diff",
        "old",
        "古い規則データ：builtin（組み込み）かカタログのディレクトリ。",
    ),
    (
        "diff",
        "new",
        "新しい規則データ：builtin かカタログのディレクトリ。",
    ),
    (
        "diff",
        "clients",
        "顧客の一覧（CSV・JSONL・.xlsx。batch と同じ読み方）：変更で対象になった・外れた、補助額の増減、申請期限の変更、確認事項の追加がある顧客だけを示します。",
    ),
    (
        "diff",
        "output",
        "--clients の結果を Excel ブック（.xlsx）に書きます（書き終えてから置き換え、失敗したら元のまま）。",
    ),
];
