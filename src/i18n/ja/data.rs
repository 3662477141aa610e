//! The Japanese sentences of `Data`.

use crate::i18n::key::Data;

/// `key` の文。
pub(super) fn text(key: Data) -> &'static str {
    match key {
        Data::DataEmpty => "{dir}: 制度のファイル（*.toml）がありません",
        Data::DataIdTwice => "制度の id {id} が2回あります（{first} にも）",
        Data::DataDocumentTwice => "資料の id {id} が2回あります",
        Data::DataUnknownDocument => "出典の資料 {id} が資料の一覧（sources.toml）にありません",
        Data::DataNoRegistry => {
            "組み込みの規則データに資料の一覧 {file} がありません（data/{file} を置いてビルドし直してください）"
        }
        Data::DataDiscoveryIdTaken => "id {id} が2回あるか、制度の id と同じです",
        Data::DataTooLargeTogether => {
            "制度のファイルが合わせて {max} バイトを超えています（規則データの上限）"
        }
        Data::DataFileTooLarge => {
            "{bytes} バイトあり、制度のファイルの上限 {max} バイトを超えています"
        }
        Data::DataNotRegular => {
            "通常のファイルではなく{kind}です。制度のファイルは普通の *.toml ファイルにしてください"
        }
        Data::DataNotUtf8 => {
            "UTF-8 のテキストではありません（先頭から {offset} バイトの位置）。UTF-8 で保存してください"
        }
        Data::DataKindFifo => "FIFO（名前付きパイプ）",
        Data::DataKindDevice => "デバイス",
        Data::DataKindSocket => "ソケット",
        Data::DataKindDirectory => "ディレクトリ",
        Data::DataKindOther => "特殊なファイル",
        Data::DataFileGrew => {
            "読んでいる間に大きくなり、制度のファイルの上限 {max} バイトを超えました"
        }
        Data::RateNotAFraction => "補助率 {rate} は \"1/2\" のような分数で書きます",
        Data::RateOutOfRange => "補助率 {rate} は0より大きく1以下です",
        Data::DataInProgram => "制度 {program}: {reason}",
        Data::DataInTier => "制度 {program} の tier {tier}: {reason}",
        Data::DataInCondition => "制度 {program} の要件 {condition}: {reason}",
        Data::DataCiteUnknown => "{place} が挙げる出典 {source} は [[sources]] にありません",
        Data::DataRoundingNeedsCite => "rounding {rule} には出典（cite）が必要です",
        Data::DataShortNameEmpty => {
            "short_name の {lang} が空です（カレンダーの予定の題名になる、制度の短い名前を書いてください。例: ja = \"電子カルテ情報共有サービス導入補助\"）"
        }
        Data::DataDecidedByKey => {
            "decided_by {by} には、それに対応するキー（fact または prefecture）を1つだけ書いてください"
        }
        Data::DataRelationNeedsProgram => "relation {kind} には `program` が必要です",
        Data::DataRelationTakesNoProgram => "relation {kind} には `program` を書きません",
        Data::DataTaxNeedsCite => "tax の basis {basis} には出典（cite）が必要です",
        Data::DataTierUnknownVariant => "variant {variant} はありません",
        Data::DataTierNoFacilities => "対象施設（facilities）がありません",
        Data::DataTierDefaultItem => "default_item {item} がこの tier の費目にありません",
        Data::DataBandedNoBands => {
            "banded の規則には帯（[[tiers.rule.banded.bands]]）が1つ以上必要です"
        }
        Data::DataFieldMoved => {
            "tier '{tier}': `{key}` は tier の補助率の規則に移りました。{to} として書いてください（規則は [tiers.rule.capped]、per_bed、per_item、per_unit、banded のいずれか）"
        }
        Data::DataSmeNoFacilities => {
            "sme_limits の{row}番目の行に対象施設（facilities）がありません"
        }
        Data::DataSmeNoForm => {
            "sme_limits の{row}番目の行に法人形態（medical-corporation、sole-proprietor、company）がありません"
        }
        Data::DataSmeNoLimit => {
            "sme_limits の{row}番目の行の {form} に capital_max も employees_max もありません"
        }
        Data::DataSmeCapitalNotCompany => {
            "sme_limits の{row}番目の行の {form} に capital_max があります（資本金で判定するのは company だけです）"
        }
        Data::DataSmeZero => "sme_limits の{row}番目の行の {form} の上限が 0 です",
        Data::DataSmeClassTwice => "sme_limits の{row}番目の行の施設 {class} は前の行にもあります",
        Data::DataSmeMissing => {
            "規模の判定（entity-size の要件または large-company の補助率）に使う sme_limits に、施設 {class} の行がありません"
        }
        Data::DataGroupPartUnknown => {
            "合算上限の対象 {part} は main でも、この規則の parts の key でもありません"
        }
        Data::DataNoExtensionFile => {
            "ありません。拡張のディレクトリには、名前と版を書いた extension.toml が必要です（例: name = \"kita-city\" と version = \"2026.1\" の2行）"
        }
        Data::DataExtensionName => {
            "拡張の名前 '{name}' は小文字の英数字とハイフンで書いてください（例: name = \"kita-city\"）"
        }
        Data::DataExtensionVersion => "拡張の版（version）が空です（例: version = \"2026.1\"）",
        Data::DataExtensionNameTwice => {
            "拡張の名前 '{name}' は {other} の拡張ですでに使われています。どちらかの name を変えてください"
        }
        Data::DataExtensionDiscovery => {
            "拡張には置けません。料率表のない制度の一覧は組み込みの規則データにだけ書けます（拡張には制度のファイル、sources.toml、extension.toml を置きます）"
        }
        Data::DataDocumentClash => {
            "資料の id {id} は下の層の {lower} にもあります。拡張の資料には別の id を付けてください（下の層の資料はそのまま出典に使えます）"
        }
        Data::DataIdClash => {
            "制度の id {id} は下の層（{layer}）の {lower} にもあります。その制度を置き換えるなら replaces = {id} と replaces_reason（理由）を書き、別の制度なら別の id にしてください"
        }
        Data::DataFirstLayer => "規則データ",
        Data::DataReplacesUnknown => {
            "replaces {id}: 下の層にこの id の制度はありません（subsidy list で id を確かめてください）"
        }
        Data::DataReplacesInBase => {
            "replaces は拡張の制度にだけ書けます（この規則データの下に置き換える層はありません）"
        }
        Data::DataReplacesNeedsReason => {
            "replaces には理由 replaces_reason が必要です（例: 表 [replaces_reason] に ja = \"市の要綱で上限が変わったため\" と en = \"The city's rules changed the cap\"）"
        }
        Data::DataReasonWithoutReplaces => {
            "replaces_reason は replaces（置き換える制度の id）と一緒に書きます"
        }
        Data::DataReplacesNotAnId => {
            "replaces {id} は制度の id（小文字の英数字とハイフン、例 \"online-qual-medical-aid\"）ではありません"
        }
        Data::DataBuiltinLayer => "組み込みの規則データ",
        Data::DataUnfilled => "未記入: {field}（例: {example}）",
        Data::DataUnfilledBare => "未記入: {field}（「＿＿」を資料の値に置き換えてください）",
        Data::DataUnfilledMore => {
            "。ほかに未記入が{more}か所あります（subsidy check でそのディレクトリを検査すると、すべてを ファイル:行 で示します）"
        }
    }
}
