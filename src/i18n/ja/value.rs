//! The Japanese sentences of `Value`.

use crate::i18n::key::Value;

/// `key` の文。
pub(super) fn text(key: Value) -> &'static str {
    match key {
        Value::MoneyEmpty => "金額がありません（例: 14000000、1400万）",
        Value::MoneyNegative => "負の金額は使えません（例: 14000000）",
        Value::MoneyNotANumber => {
            "金額として読めません（例: 14000000、14,000,000円、1400万、￥14,000,000、13,158千円）"
        }
        Value::MoneyFractional => "1円未満の端数になります（例: 1.5万 は 15000円）",
        Value::MoneyTooLarge => "1兆円を超える金額は使えません",
        Value::MoneySpaceInside => {
            "数字の間に空白があります（例: 14000000、14,000,000円、1400万。空白なしで）"
        }
        Value::MoneyNotADigit => {
            "'{char}'（U+{code}）は数字 0-9 ではありません（例: 14000000、1400万）"
        }
        Value::MoneyUnitOrder => {
            "兆・億・万・千は大きい順に1回ずつ書きます（例: 1億2000万、140万5千）"
        }
        Value::MoneyPartBetween => "{after}と{unit}の間の数は{limit}未満にします（例: {example}）",
        Value::MoneyPartAfter => "{after}の後の数は{limit}未満にします（例: {example}）",
        Value::NotAFacility => {
            "施設の種類ではありません。hospital（病院）、clinic（診療所）、pharmacy（薬局）のどれかです"
        }
        Value::NotAFacilityNear => {
            "施設の種類ではありません。もしかして {near} ですか？（hospital・病院、clinic・診療所、pharmacy・薬局）"
        }
        Value::NotAnEntity => {
            "法人の形態ではありません。medical-corporation（医療法人）、sole-proprietor（個人開業医・個人事業主）、company（会社）のどれかです"
        }
        Value::NotYesNo => {
            "はい・いいえではありません（例: yes、no、はい、いいえ、あり、なし、1、0）"
        }
        Value::CountEmpty => "数がありません（例: 250）",
        Value::CountNegative => "負の数は使えません（例: 250）",
        Value::CountFraction => "整数にしてください（例: 250）",
        Value::CountNotANumber => "数として読めません（例: 250、２５０、250床）",
        Value::CountTooLarge => "大きすぎます（{max}まで）",
        Value::NotADelimiter => "区切り文字は ASCII の記号1文字か tab です（例: ,、tab、;）",
        Value::NotASocketAddr => {
            "アドレス:ポート の形で指定してください（例: 127.0.0.1:8080、0.0.0.0:8080）"
        }
        Value::ItemForm => "費目と金額を 費目=金額 で書きます（例: mobile=41000）",
        Value::FactForm => "要件と答えを ID=yes|no で書きます（例: online-qual-in-place=yes）",
        Value::DateForm => {
            "日付として読めません（例: 2026-01-15、2026/1/15、20260115、令和8年1月15日、R8.1.15）"
        }
        Value::DateImpossible => "{date} という日はありません",
        Value::DateOutsideEra => "{era}は{first}から{last}までです",
        Value::DateBeforeEra => "{era}は{first}からです",
    }
}
