//! The Japanese sentences of `Batch`.

use crate::i18n::key::Batch;

/// `key` の文。
pub(super) fn text(key: Batch) -> &'static str {
    match key {
        Batch::BatchRead => "入力を読めません: {reason}",
        Batch::BatchWrite => "出力を書き込めません: {reason}",
        Batch::BatchNoHeader => {
            "入力に見出し行がありません（1行目に facility, beds, cost などの列名を書いてください）"
        }
        Batch::BatchHeaderEncoding => {
            "見出し（1行目）を {encoding} として読めません（入力の文字コードを utf-8 か shift_jis にしてください）"
        }
        Batch::BatchHeaderTooLarge => "見出しが {mb} MB を超えています",
        Batch::BatchOpenQuote => "見出し（{line}行目）の引用符が閉じていません",
        Batch::BatchDuplicateColumn => "見出しに列 '{column}' が2回あります",
        Batch::BatchSameMeaning => {
            "見出しの列 '{first}' と '{second}' は同じ列です。どちらか一方にしてください"
        }
        Batch::BatchNearMiss => {
            "見出しの列 '{column}' はこのツールが読む列ではありません。もしかして '{near}' ですか？ 列名を直すか、その列なしで計算されます"
        }
        Batch::BatchInternal => "内部エラー（{line}行目）: {message}。出力は不完全です",
        Batch::CellNotUtf16 => "UTF-16 として正しくないバイト列があります",
        Batch::CellNotUtf8 => "UTF-8 ではないバイト列",
        Batch::CellUtf8InSjis => "Shift_JIS のファイルの中の UTF-8 の文字列",
        Batch::CellNotSjis => "Shift_JIS ではないバイト列",
        Batch::RowTooLong => {
            "{line}行目: 行が {mb} MB を超えています。行を分けるかセルを短くしてください"
        }
        Batch::RowCellProblem => {
            "{line}行目: 列 '{name}' に{why}があります（このセルは空として出力します）"
        }
        Batch::RowPastLastColumn => "{line}行目: 最後の列より後に{why}があります",
        Batch::RowOpenQuote => {
            "{line}行目: 引用符で始まるセルが閉じないまま、ファイルが終わっています"
        }
        Batch::RowFormulaNoResult => {
            "{line}行目: セル {cell}（列 '{column}'）は数式ですが、計算結果が保存されていません。Excel で開いて保存してから、もう一度実行してください"
        }
        Batch::RowCellCount => "{line}行目: セルが {cells} 個ありますが、見出しは {columns} 列です",
        Batch::RowNotEncoding => "{line}行目: {encoding} ではないバイト列です",
        Batch::RowUtf8InSjis => "{line}行目: Shift_JIS のファイルの中の UTF-8 の文字列です",
        Batch::RowNotJson => "{line}行目: JSON のオブジェクトではありません: {reason}",
        Batch::RowNoProgram => "{line}行目: 該当する制度がありません",
        Batch::RowError => "{line}行目: {error}",
        Batch::KeyNotRead => {
            "キー '{key}' はこのツールが読むキーではありません。もしかして '{near}' ですか？"
        }
        Batch::KeyTwice => "キー '{key}' が2回あります",
        Batch::BatchMissingColumnNear => {
            "見出しに {column}（{alias}）の列がありません。近い列 '{near}' のことなら、列名を {column} か {alias} にしてください"
        }
        Batch::BatchMissingColumn => {
            "見出しに {column}（{alias}）の列がありません。1行目に {column} か {alias} という名前の列を作ってください"
        }
        Batch::BatchBlankRows => "（空行 {blank}行は飛ばしました）",
        Batch::BatchScaledUnit => {
            "列 '{column}' は{unit}単位ですが、金額は円で読みます。金額に単位を付けて（例 {example}）か円で書き、列名を {alias} か {name} にしてください"
        }
        Batch::BatchWorkbookOnStdin => {
            "入力は Excel のブック（zip）です。標準入力ではなくファイルのパスで渡してください。例 subsidy batch 顧客一覧.xlsx"
        }
        Batch::BatchXlsxInput => "'{path}' を Excel のファイルとして読めません: {reason}",
        Batch::BatchNoSheet => "'{path}' にシート '{sheet}' がありません。あるシート: {present}",
        Batch::BatchXlsxNotSeekable => {
            "xlsx は標準出力に書けません。ファイルを指定してください。例 -o estimates.xlsx"
        }
        Batch::XlsxOtherFormat => {
            "{format} のファイルです。.xlsx（Excel ブック）か CSV で保存し直してください"
        }
        Batch::XlsxPassword => {
            "パスワードで保護されたブックです。パスワードなしか CSV で保存し直してください"
        }
        Batch::XlsxNotWorkbook => {
            ".xlsx のブックとして開けません（{detail}）。.xlsx（Excel ブック）か CSV で保存し直してください"
        }
        Batch::XlsxNoSheetReason => "シート '{sheet}' がありません。あるシート: {present}",
        Batch::XlsxEmpty => "シートに値がありません",
        Batch::XlsxRead => "ブックを読めません: {detail}",
        Batch::BatchSummary => "batch: {read}行を読み、{written}行を書き、{failed}行がエラーです",
        Batch::BatchSummaryIcs => {
            "batch: {read}行を読み、カレンダーに{events}件の予定を書き、{failed}行がエラーです"
        }
        Batch::BatchProgress => "{spinner} {human_pos}行を読みました（{elapsed}）",
    }
}
