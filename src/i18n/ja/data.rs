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
    }
}
