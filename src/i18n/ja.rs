//! 日本語のメッセージ表。`{name}` に値が入ります。

use super::Key;

/// `key` の文。
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ErrorLine => "エラー: {message}",
        Key::InvalidValue => "{flag} の値 '{value}' は使えません: {reason}",
        Key::RuleData => "規則データ: {reason}",
        Key::WritingOutput => "出力を書き込めません: {reason}",
        Key::UnknownArgument => "不明なオプション '{arg}' です{hint}",
        Key::InvalidChoice => "{flag} の値 '{value}' は使えません。使える値: {valid}{hint}",
        Key::ValueRefused => "{flag} の値 '{value}' は使えません: {reason}",
        Key::MissingValue => "{flag} に値がありません{valid}",
        Key::MissingRequired => "{args} を指定してください",
        Key::UnknownCommand => "不明なコマンド '{name}' です{hint}（一覧は subsidy --help）",
        Key::UnexpectedValue => "{flag} は値をとりません（'{value}' は不要です）",
        Key::Conflict => "{flag} と {other} は同時に指定できません",
        Key::GivenTwice => "{flag} が2回以上指定されています",
        Key::CommandLine => "コマンドラインを解釈できません: {detail}",
        Key::DidYouMean => "。もしかして {candidates} ですか？",
        Key::ValidValues => "（使える値: {valid}）",
        Key::AsOfLabel => "基準日",
        Key::NoProgramCanStillBe => "受付中・受付予定の制度はありません。",
        Key::Status => "状況",
        Key::Deadline => "申請期限",
        Key::ProgramIDAuthority => "制度 (ID)・実施主体",
        Key::Eligible => "対象",
        Key::ToConfirm => "要確認",
        Key::Ineligible => "対象外",
        Key::FacilityLabel => "施設",
        Key::CostLabel => "経費",
        Key::CostNotForCoupons => "（クーポンごとの制度を除く）",
        Key::CouponPricesLabel => "クーポン金額",
        Key::Open => "受付中",
        Key::NotYetOpen => "受付前",
        Key::Closed => "締切済",
        Key::NotStated => "記載なし",
        Key::WhyLabel => "理由",
        Key::ToConfirmHeading => "要確認",
        Key::NotesLabel => "注",
        Key::ConsumptionTax => "消費税",
        Key::SelfPay => "自己負担＊",
        Key::Eligibility => "判定",
        Key::Grant => "補助額",
        Key::EligibleCost => "対象経費",
        Key::RateColumn => "補助率",
        Key::ProgramTier => "制度・区分",
        Key::SelfPayAssumesThisProgram => {
            "＊自己負担は、この制度だけで経費を賄う場合の額です（他の制度と併せて使うと変わります）。"
        }
        Key::WhyNot => "理由",
        Key::ForReference => "参考額",
        Key::CannotBeAppliedForFor => "申請できないもの（参考。金額は申請できる額ではありません）:",
        Key::StackedOnTheSameCost => "上乗せ（同じ経費への併給）",
        Key::OtherPrefecture => "他県",
        Key::NoTier => "区分なし",
        Key::ConditionLabel => "要件",
        Key::AsOfLower => "基準日",
        Key::AmountLabel => "計算",
        Key::SameSourceAsTheTier => "（区分と同じ出典）",
        Key::NoteLabel => "注",
        Key::Sources => "出典",
        Key::LargestGrant => "最大補助額",
        Key::CostToReachIt => "必要な経費",
        Key::TopsUp => "上乗せ先:",
        Key::ListSeparator => "、",
        Key::ThenRate => "、超過分 ",
        Key::RateAssumed => "（上限額までの経費をそのまま補助額として計算）",
        Key::CapExclusive => "未満",
        Key::Flags => "指定",
        Key::GrantRange => "補助額の範囲",
        Key::CostRange => "経費の範囲",
        Key::TierColumn => "対象区分",
        Key::YenUnit => "円",
        Key::YenAmount => "{amount}円",
        Key::CountProgramsOne | Key::CountProgramsOther => "{n}制度",
        Key::CanApplyProgramsOne | Key::CanApplyProgramsOther => "{n}件",
        Key::CountTiersOne | Key::CountTiersOther => "{n}区分",
        Key::CountDaysOne | Key::CountDaysOther => "{n}日",
        Key::StackSum => {
            "[{base}] {base_grant} + [{top}] {top_grant} = {combined}、併給後の自己負担 {self_pay}"
        }
        Key::FacilityColumn => "対象施設",
        Key::BusinessCostCap => "事業額上限",
        Key::GrantCap => "補助限度額",
        Key::LargestPayable => "支払可能な最大額",
        Key::CostToReachLargest => "最大額に必要な経費",
        Key::VariantTier => "区分・対象区分",
        Key::NameSeparator => "・",
        Key::ItemCap => "費目ごとの事業額上限",
        Key::ItemGrantCap => "補助上限",
        Key::ItemTier => "費目・対象区分",
        Key::TheTiersRate => "区分の補助率",
        Key::RateTieredOnTheGrant => "補助額で段階的に変わる補助率:",
        Key::CombinedCap => "合算上限",
        Key::TogetherAtMost => "の合計で",
        Key::MembersFlag => "構成員数 (--members)",
        Key::OrMore => "者以上",
        Key::Rounding => "端数処理",
        Key::PerUnit => "単位",
        Key::Dates => "日付",
        Key::NotCovered => "対象外",
        Key::NotesHeading => "注記",
        Key::ConditionsStateWithFactPrefecture => "要件（--fact / --prefecture で指定）",
        Key::Relations => "他制度・区分との関係",
        Key::Authority => "実施主体",
        Key::Fund => "財政支援",
        Key::Summary => "内容",
        Key::WhoCanApply => "対象施設",
        Key::CoveredCosts => "補助内容",
        Key::HowToApply => "申請方法",
        Key::Contact => "問合せ先",
        Key::StatusOpenDays => "受付中（あと{days}）",
        Key::StatusNotYetOpenFrom => "受付前（{opens}から）",
        Key::NoDeadlineStated => "期限の記載なし",
        Key::FacilityWithBeds => "{class}・{beds}床",
        Key::WithCheckups => "・健診実施",
        Key::WithoutCheckups => "・健診未実施",
        Key::WithEntity => "・{entity}",
        Key::WithCapital => "・資本金{capital}円",
        Key::WithEmployees => "・従業員{employees}人",
        Key::WithLargeCompany => "・大企業等",
        Key::SizeLabel => "規模",
        Key::SizeLine => "{facility} → {outcome}",
        Key::SizeLineWithRule => "{facility} → {outcome}（中小企業等の範囲: {rule}）",
        Key::SizeSme => "中小企業・小規模事業者等",
        Key::SizeLarge => "大企業等",
        Key::SizeUnknown => "未確認（{how}）",
        Key::SizeRuleCapitalOrEmployees => "資本金{capital}円以下または従業員{employees}人以下",
        Key::SizeRuleEmployees => "従業員{employees}人以下",
        Key::SizeRuleCapital => "資本金{capital}円以下",
        Key::SizeRuleNone => "この法人形態の基準は出典にない",
        Key::ShowSmeLimits => {
            "中小企業・小規模事業者等の範囲（規模の判定。--entity、--capital、--employees）"
        }
        Key::ShowSmeLimit => "{entity} {rule}",
        Key::ClosesToday => "本日締切",
        Key::DaysLeft => "あと{days}",
        Key::OpensOn => "{opens}から受付",
        Key::NothingAppliesSeeAbove => {
            "{on}時点で、この施設が申請できる制度はありません（理由は上の表）。--as-of 日付 で別の日の状況を表示します。"
        }
        Key::NothingAppliesPlan => {
            "{on}時点で、この施設が申請できる制度はありません。理由は subsidy calc --all で、別の日の状況は --as-of 日付 で表示します。"
        }
        Key::NothingApplies => {
            "{on}時点で、この施設が申請できる制度はありません。--all で全{total}区分とその理由を、--as-of 日付 で別の日の状況を表示します。"
        }
        Key::CanApplyCount => "申請できる制度: {programs}（{tiers}）。",
        Key::SummaryLargest => "{count}最大は {grant}：{name}（{id}）、{when}。",
        Key::NearestDeadline => {
            "{count}補助額は --cost を付けると計算します。期限が最も近いのは {name}（{id}）、{when}。"
        }
        Key::WhenOpen => "申請期限 {deadline}、{days_left}",
        Key::WhenNotYetOpen => "{opens}から受付、申請期限 {deadline}",
        Key::WhenClosed => "{deadline}に締切済",
        Key::LeftOutLine => {
            "ほかに{programs}・{tiers}は申請できないため表示していません（{counts}）。すべて表示するには --all を付けてください。"
        }
        Key::Parenthesized => "{text}（{note}）",
        Key::PerLicensedBed => "許可病床数1床あたり{yen}",
        Key::PerMember => "構成員1者あたり{yen}",
        Key::ConditionNotMet => "要件を満たしません：{text}",
        Key::StateItWith => "{text}（{how}）",
        Key::NoTierForFacility => {
            "出典に{class}の区分・金額がありません（他の区分の金額は使いません）。"
        }
        Key::NoTierForBeds => "{beds}床に該当する区分がありません。",
        Key::EveryVariantAlike => "（{count}区分とも同じ理由）",
        Key::AmountNotStatedForBeds => {
            "出典に{beds}床の施設の区分・金額の記載がありません（対象外とも書かれていないため要確認。他の区分の金額は使いません）。"
        }
        Key::PlanAmountNotStated => "金額は記載なし",
        Key::AskProcesses => "業務プロセス数（--processes N）",
        Key::AskFunctions => "会計・受発注・決済の機能数（--functions N）",
        Key::AskKenshin => "健診部門システム導入済（健診実施）か（--kenshin yes|no）",
        Key::AskMembers => "構成員数（--members N、10者以上）",
        Key::AskSizeForRate => {
            "中小企業・小規模事業者等か大企業等か（大企業等の補助率は {large}。未確認のため中小企業等の {base} で計算）"
        }
        Key::TooFewMembers => {
            "構成員数が {members}者です。複数者連携の要件は {least}者以上です（対象外）。"
        }
        Key::NeedsMembers => "構成員数（--members）がないため金額を計算できません。",
        Key::GrantBelowMinimum => {
            "補助額{grant}円が補助下限{min}円に届きません（切り上げません）。"
        }
        Key::PerUnitNote => {
            "上限と端数処理は{unit}1つごと（この区分は{max}つまで）。補助額は{unit}ごとの額の合計です。"
        }
        Key::SmallBusinessFromFlag => {
            "出典は医療機関の小規模事業者の定義を示していないため、小規模事業者の補助率は --small-business の指定によってのみ適用します。"
        }
        Key::RoundingNotStated => "出典に端数処理の記載なし：1円未満切捨てで計算。",
        Key::NoCost => "金額が未指定です（--cost）。",
        Key::NoItemCost => "金額が未指定です（--item）。",
        Key::MissingItemIsZero => {
            "{item} の金額がないため 0円として計算しています（ある場合は --item {key}=YEN）"
        }
        Key::NeedsItems => "費目ごとの金額が必要です：{keys}",
        Key::FacilityHospital => "病院",
        Key::FacilityClinic => "診療所",
        Key::FacilityPharmacy => "薬局",
        Key::EntityMedicalCorporation => "医療法人",
        Key::EntitySoleProprietor => "個人事業主",
        Key::EntityCompany => "会社",
        Key::RoundingTruncate1000 => "申請額1,000円未満切捨て",
        Key::RoundingHalfUp1 => "1円未満四捨五入",
        Key::RoundingNoneStated => "端数処理の記載なし（1円未満切捨てで計算）",
        Key::DateDeadline => "申請期限",
        Key::DateOpens => "受付開始",
        Key::DateCompletionBy => "導入完了期限",
        Key::DateCostsFrom => "対象期間の開始",
        Key::DateCostsUntil => "対象期間の終了",
        Key::DateConditionCutoff => "要件の基準日",
        Key::TaxIncluded => "消費税込みの経費",
        Key::TaxExcluded => "消費税抜きの経費",
        Key::TaxNotStated => "消費税の扱いは出典に記載なし（入力額をそのまま使用）",
        Key::StepCost => "経費",
        Key::StepItem => "費目「{item}」: {cost} と上限 {cap} の小さい方",
        Key::StepRate => "× 補助率 {rate}",
        Key::StepRateAssumed => "× 補助率 {rate}（{note}）",
        Key::StepRateBand => {
            "経費 {cost} × 補助率 {rate} = {grant}（補助額で段階的に変わる補助率）"
        }
        Key::StepGrantCapBelow => "補助限度額 {below} 未満 → {cap} で頭打ち",
        Key::StepGrantCap => "補助限度額 {cap} で頭打ち",
        Key::StepGrantCapNotStated => "補助限度額: 記載なし",
        Key::StepPart => "＋ 費目「{item}」{cost} × {rate}",
        Key::StepPartCapped => "＋ 費目「{item}」{cost} × {rate}（上限 {cap}）",
        Key::StepGroupCap => "合算上限 {cap}（{parts}）の超過分を控除",
        Key::StepTotal => "合計（端数処理前）",
        Key::StepRounding => "端数処理: {rule}",
        Key::StepBelowMinimum => "補助下限 {min}: 補助下限に届かないため対象外",
        Key::StepAtMinimum => "補助下限 {min}: 補助下限以上",
        Key::StepUnitPrefix => "{unit}{n}: ",
        Key::StepUnitsTotal => "{unit}{count}つの合計",
        Key::StepSelfPay => "自己負担 = {cost} − {grant}",
        Key::StepBusinessCap => "事業額上限 {cap} で頭打ち → 対象経費",
        Key::StepBusinessCapNotStated => "事業額上限: 記載なし → 対象経費",
        Key::HowMet => "満たす",
        Key::HowNotMet => "満たさない",
        Key::HowNotStated => "未確認",
        Key::HowByFact => "--fact {fact} → {outcome}",
        Key::HowByPrefecture => "--prefecture（{prefecture}） → {outcome}",
        Key::HowBySize => "--entity / --capital / --employees → {outcome}",
        Key::BatchRead => "入力を読めません: {reason}",
        Key::BatchWrite => "出力を書き込めません: {reason}",
        Key::BatchNoHeader => {
            "入力に見出し行がありません（1行目に facility, beds, cost などの列名を書いてください）"
        }
        Key::BatchHeaderEncoding => {
            "見出し（1行目）を {encoding} として読めません（--encoding utf-8 か shift_jis を指定してください）"
        }
        Key::BatchHeaderTooLarge => "見出しが {mb} MB を超えています",
        Key::BatchOpenQuote => "見出し（{line}行目）の引用符が閉じていません",
        Key::BatchDuplicateColumn => "見出しに列 '{column}' が2回あります",
        Key::BatchSameMeaning => {
            "見出しの列 '{first}' と '{second}' は同じ列です。どちらか一方にしてください"
        }
        Key::BatchNearMiss => {
            "見出しの列 '{column}' はこのツールが読む列ではありません。もしかして '{near}' ですか？ 列名を直すか、その列なしで計算されます"
        }
        Key::BatchMissingColumnNear => {
            "見出しに {column}（{alias}）の列がありません。近い列 '{near}' のことなら、列名を {column} か {alias} にしてください"
        }
        Key::BatchMissingColumn => {
            "見出しに {column}（{alias}）の列がありません。1行目に {column} か {alias} という名前の列を作ってください"
        }
        Key::BatchBlankRows => "（空行 {blank}行は飛ばしました）",
        Key::BatchColRow => "行",
        Key::BatchColProgram => "制度ID",
        Key::BatchColProgramName => "制度名",
        Key::BatchColVariant => "区分ID",
        Key::BatchColVariantName => "区分名",
        Key::BatchColTierId => "対象区分ID",
        Key::BatchColTier => "対象区分",
        Key::BatchColEligibility => "判定",
        Key::BatchColCostUsed => "経費（計算に使用）",
        Key::BatchColGrant => "補助額",
        Key::BatchColSelfBurden => "自己負担",
        Key::BatchColStatus => "受付状況",
        Key::BatchColDeadline => "締切",
        Key::BatchColToConfirm => "要確認",
        Key::BatchColNote => "備考",
        Key::BatchColError => "エラー",
        Key::BatchColAsOf => "基準日",
        Key::BatchColDataVersion => "規則データ版",
        Key::BatchColBestProgram => "最大の制度ID",
        Key::BatchColBestName => "最大の制度",
        Key::BatchColBestGrant => "最大の補助額",
        Key::BatchColNearestDeadline => "直近の締切",
        Key::BatchColDaysLeft => "残り日数",
        Key::BatchOpen => "受付中",
        Key::BatchOpeningNotStated => "開始日不明",
        Key::StatusOpeningNotStated => "開始日不明（資料に受付開始日の記載なし。あと{days}で締切）",
        Key::WhenOpeningNotStated => {
            "申請期限 {deadline}、{days_left}（受付開始日は資料に記載なし）"
        }
        Key::OpeningNotInSources => {
            "受付開始日: 資料に記載なし（最初の締切までは受付中かどうか不明）"
        }
        Key::BatchNotYetOpen => "受付前",
        Key::BatchNoDeadline => "期限の記載なし",
        Key::BatchNothing => "この日に申請できる制度はありません（{reasons}）",
        Key::BatchResultPrefix => "結果:",
        Key::BatchListSeparator => "、",
        Key::BatchLeftOutCount => "{why} {count}",
        Key::BatchNotShiftJis => {
            "{line}行目: Shift_JIS で書けない文字 {chars} があります（列 '{column}'）。〓 に置き換えました"
        }
        Key::BatchScaledUnit => {
            "列 '{column}' は{unit}単位ですが、金額は円で読みます。金額に単位を付けて（例 {example}）か円で書き、列名を {alias} か {name} にしてください"
        }
        Key::BatchHeaderNotShiftJis => {
            "見出しの列 '{column}' に Shift_JIS で書けない文字があります。列名を変えるか --output-encoding utf-8 にしてください"
        }
        Key::BatchJsonlIsUtf8 => {
            "--output-encoding shift_jis は CSV の出力だけに使えます（JSONL と xlsx は UTF-8 です）。例 -o 試算.csv --output-encoding shift_jis"
        }
        Key::BatchCellTooLongForXlsx => {
            "行 {row} に {chars} 文字のセルがあり、Excel のセルの上限（32,767文字）を超えます。CSV に書いてください"
        }
        Key::BatchSheetNotXlsx => {
            "--sheet は Excel のブック（.xlsx）の入力にだけ使えます。例 subsidy batch 顧客一覧.xlsx --sheet Sheet2"
        }
        Key::BatchWorkbookOnStdin => {
            "入力は Excel のブック（zip）です。標準入力ではなくファイルのパスで渡してください。例 subsidy batch 顧客一覧.xlsx"
        }
        Key::BatchTooManyColumnsForXlsx => {
            "列が {columns} 列あり、Excel のシートの上限（16,384列）を超えます。CSV に書いてください"
        }
        Key::BatchTooManyRowsForXlsx => {
            "出力が Excel の1シートの上限（{limit}行）を超えます（{rows}行以上）。CSV に書くか（例 -o {csv}）、--shape summary にしてください"
        }
        Key::BatchXlsxInput => "'{path}' を Excel のファイルとして読めません: {reason}",
        Key::BatchNoSheet => "'{path}' にシート '{sheet}' がありません。あるシート: {present}",
        Key::BatchXlsxNotSeekable => {
            "xlsx は標準出力に書けません。ファイルを指定してください。例 -o estimates.xlsx"
        }
        Key::XlsxOtherFormat => {
            "{format} のファイルです。.xlsx（Excel ブック）か CSV で保存し直してください"
        }
        Key::XlsxPassword => {
            "パスワードで保護されたブックです。パスワードなしか CSV で保存し直してください"
        }
        Key::XlsxNotWorkbook => {
            ".xlsx のブックとして開けません（{detail}）。.xlsx（Excel ブック）か CSV で保存し直してください"
        }
        Key::XlsxNoSheetReason => "シート '{sheet}' がありません。あるシート: {present}",
        Key::XlsxEmpty => "シートに値がありません",
        Key::XlsxRead => "ブックを読めません: {detail}",
        Key::XlsxInfoSheet => "情報",
        Key::XlsxResultSheet => "試算",
        Key::XlsxAsOf => "基準日",
        Key::XlsxDataVersion => "規則データ版",
        Key::XlsxDataSha => "規則データ SHA-256",
        Key::XlsxCommand => "コマンド",
        Key::XlsxGenerated => "作成",
        Key::XlsxSources => "出典（表示した制度）",
        Key::XlsxSourceProgram => "制度",
        Key::XlsxSourceTitle => "資料",
        Key::XlsxSourceDate => "日付",
        Key::XlsxSourceUrl => "URL",
        Key::CellNotUtf16 => "UTF-16 として正しくないバイト列があります",
        Key::CellNotUtf8 => "UTF-8 ではないバイト列",
        Key::CellUtf8InSjis => "Shift_JIS のファイルの中の UTF-8 の文字列",
        Key::CellNotSjis => "Shift_JIS ではないバイト列",
        Key::RowTooLong => {
            "{line}行目: 行が {mb} MB を超えています。行を分けるかセルを短くしてください"
        }
        Key::RowCellProblem => {
            "{line}行目: 列 '{name}' に{why}があります（このセルは空として出力します）"
        }
        Key::RowPastLastColumn => "{line}行目: 最後の列より後に{why}があります",
        Key::RowFormulaNoResult => {
            "{line}行目: セル {cell}（列 '{column}'）は数式ですが、計算結果が保存されていません。Excel で開いて保存してから、もう一度実行してください"
        }
        Key::RowOpenQuote => {
            "{line}行目: 引用符で始まるセルが閉じないまま、ファイルが終わっています"
        }
        Key::RowCellCount => "{line}行目: セルが {cells} 個ありますが、見出しは {columns} 列です",
        Key::RowNotEncoding => "{line}行目: {encoding} ではないバイト列です",
        Key::RowUtf8InSjis => "{line}行目: Shift_JIS のファイルの中の UTF-8 の文字列です",
        Key::RowNotJson => "{line}行目: JSON のオブジェクトではありません: {reason}",
        Key::RowNoProgram => "{line}行目: 該当する制度がありません",
        Key::RowError => "{line}行目: {error}",
        Key::KeyNotRead => {
            "キー '{key}' はこのツールが読むキーではありません。もしかして '{near}' ですか？"
        }
        Key::KeyTwice => "キー '{key}' が2回あります",
        Key::BatchInternal => "内部エラー（{line}行目）: {message}。出力は不完全です",
        Key::CannotRead => "'{path}' を読めません: {reason}",
        Key::CannotWrite => "'{path}' に書き込めません: {reason}",
        Key::OutputIsInput => {
            "出力 '-o {path}' は入力ファイルです。別のパスに書いてください。例 -o {example}"
        }
        Key::ItIsADirectory => "ディレクトリです",
        Key::IoNotFound => "ファイルがありません",
        Key::IoPermissionDenied => "権限がありません",
        Key::VersionWithData => "{version}（規則データ {data}、sha256 {sha256}）",
        Key::VersionDataUnreadable => "{version}（規則データを読めません: {reason}）",
        Key::BatchSummary => "batch: {read}行を読み、{written}行を書き、{failed}行がエラーです",
        Key::BatchProgress => "{spinner} {human_pos}行を読みました（{elapsed}）",
        Key::SeverityError => "エラー",
        Key::SeverityWarning => "警告",
        Key::CheckReceipt => {
            "規則データ {version}（最新の出典の日付）、sha256 {sha256}、{files}ファイル、{programs}制度、計算例 {examples}件を実行"
        }
        Key::MoneyEmpty => "金額がありません（例: 14000000、1400万）",
        Key::MoneyNegative => "負の金額は使えません（例: 14000000）",
        Key::MoneyNotANumber => {
            "金額として読めません（例: 14000000、14,000,000円、1400万、￥14,000,000、13,158千円）"
        }
        Key::MoneyFractional => "1円未満の端数になります（例: 1.5万 は 15000円）",
        Key::MoneyTooLarge => "1兆円を超える金額は使えません",
        Key::MoneySpaceInside => {
            "数字の間に空白があります（例: 14000000、14,000,000円、1400万。空白なしで）"
        }
        Key::MoneyNotADigit => {
            "'{char}'（U+{code}）は数字 0-9 ではありません（例: 14000000、1400万）"
        }
        Key::MoneyUnitOrder => {
            "兆・億・万・千は大きい順に1回ずつ書きます（例: 1億2000万、140万5千）"
        }
        Key::MoneyPartBetween => "{after}と{unit}の間の数は{limit}未満にします（例: {example}）",
        Key::MoneyPartAfter => "{after}の後の数は{limit}未満にします（例: {example}）",
        Key::NotAFacility => {
            "施設の種類ではありません。hospital（病院）、clinic（診療所）、pharmacy（薬局）のどれかです"
        }
        Key::NotAFacilityNear => {
            "施設の種類ではありません。もしかして {near} ですか？（hospital・病院、clinic・診療所、pharmacy・薬局）"
        }
        Key::NotAnEntity => {
            "法人の形態ではありません。medical-corporation（医療法人）、sole-proprietor（個人開業医・個人事業主）、company（会社）のどれかです"
        }
        Key::NotYesNo => {
            "はい・いいえではありません（例: yes、no、はい、いいえ、あり、なし、1、0）"
        }
        Key::CountEmpty => "数がありません（例: 250）",
        Key::CountNegative => "負の数は使えません（例: 250）",
        Key::CountFraction => "整数にしてください（例: 250）",
        Key::CountNotANumber => "数として読めません（例: 250、２５０、250床）",
        Key::CountTooLarge => "大きすぎます（{max}まで）",
        Key::NotADelimiter => "区切り文字は ASCII の記号1文字か tab です（例: ,、tab、;）",
        Key::NotASocketAddr => {
            "アドレス:ポート の形で指定してください（例: 127.0.0.1:8080、0.0.0.0:8080）"
        }
        Key::IoAddrInUse => {
            "このアドレスとポートはすでに使われています（別のポート、例 --addr 127.0.0.1:8081 を指定してください）"
        }
        Key::IoAddrNotAvailable => "このマシンにそのアドレスはありません（例: 127.0.0.1:8080）",
        Key::ItemForm => "費目と金額を 費目=金額 で書きます（例: mobile=41000）",
        Key::FactForm => "要件と答えを ID=yes|no で書きます（例: online-qual-in-place=yes）",
        Key::DateForm => {
            "日付として読めません（例: 2026-01-15、2026/1/15、20260115、令和8年1月15日、R8.1.15）"
        }
        Key::DateImpossible => "{date} という日はありません",
        Key::DateOutsideEra => "{era}は{first}から{last}までです",
        Key::DateBeforeEra => "{era}は{first}からです",
        Key::CheckFigureTooLarge => "{what} {yen} は上限 {max}（1兆円）を超えています",
        Key::CheckItemCapsSum => {
            "tier '{tier}': 費目の事業額上限の合計が {sum} で、費目 '{item}' のところで上限 {max}（1兆円）を超えます。合計を上限以下にしてください"
        }
        Key::CheckPerUnitRange => {
            "tier '{tier}': per_unit.max {max} が範囲外です（1つの tier が補助する単位数は 1〜{limit}）"
        }
        Key::CheckTooManyItems => {
            "tier '{tier}' の費目が {count} 個あり、1つの tier に書ける上限 {limit} 個を超えています"
        }
        Key::CheckMembersMin => {
            "tier '{tier}': members_min {min} が、tier が求められる構成員数の上限 {limit} を超えています"
        }
        Key::CheckRateTooFine => {
            "tier '{tier}': 補助率 {rate} が細かすぎます。この tier の補助率の分子と分母の最小公倍数が {terms} になり、上限 {max} を超えます（1/2、2/3、3/4、4/5 なら 60）"
        }
        Key::CheckIdUsedTwice => "制度の id '{id}' は {first} でも使われています",
        Key::CheckFactWordedTwice => {
            "事実 '{fact}' を {first} と違う文で尋ねています（1つの事実は1つの文で尋ね、出典の言い回しは cite に書きます）"
        }
        Key::CheckNotKebab => {
            "{what} '{id}' が kebab-case（a-z と 0-9 をハイフン1つでつなぐ形）ではありません"
        }
        Key::CheckIdTwice => "{section} の id '{id}' が2回あります",
        Key::CheckRelationUnknown => "relation が指す制度 '{id}' は存在しません",
        Key::CheckRelationNeedsProgram => "この relation には `program` が必要です",
        Key::CheckVariantPairUnknown => {
            "variant_pairs の '{variant}' は {program} の variant ではありません"
        }
        Key::CheckConditionUnknown => "要件が求める制度 '{id}' は存在しません",
        Key::CheckTierVariantUnknown => "tier が指す variant '{variant}' は、この制度にありません",
        Key::CheckTierNeedsVariant => {
            "tier '{tier}' には variant が必要です（この制度には [[variants]] があります）"
        }
        Key::CheckTierItemUnknown => "tier が指す費目 '{item}' は、制度の [[items]] にありません",
        Key::CheckExampleTierUnknown => "計算例が指す tier '{tier}' は存在しません",
        Key::CheckNoSources => "制度 {id} は出典（[[sources]]）を1つも挙げていません",
        Key::CheckNoFile => "資料 '{id}' にファイル名（file）がありません",
        Key::CheckTwoDirs => {
            "検査するディレクトリが2つあります（--data {data} と {dir}）。どちらか1つにしてください（例: subsidy check {dir}）"
        }
        Key::CheckNoUrl => {
            "アドレス '{url}' は Web のアドレスではありません。https:// か http:// で始まるアドレスにしてください（例: https://example.org/apply）"
        }
        Key::CheckUnknownSource => {
            "出典 '{id}' は資料の一覧 {registry} にありません（あるのは {ids}）"
        }
        Key::CheckDocumentChanged => {
            "資料 '{id}'（{file}）の SHA-256 は {actual} で、一覧の記録 {expected} と違います。金額と引用を確かめ直してから新しいハッシュを記録してください"
        }
        Key::CheckSha256Form => "資料 '{id}' の sha256 は小文字の16進数64桁にしてください",
        Key::CheckUnknownDocument => {
            "資料 '{id}' のファイル '{seed}' が資料のディレクトリにありません"
        }
        Key::CheckQuoteNotFound => {
            "引用「{quote}」が資料 {document} にありません（空白と改行は無視して照合）"
        }
        Key::CheckStaleSource => {
            "資料 '{id}' の日付 {date} が古くなっています（{as_of} の {days} 日より前）"
        }
        Key::CheckCiteUnknown => {
            "{place} が挙げる出典 '{source}' は、制度の [[sources]] にありません"
        }
        Key::CheckCiteNoPlace => {
            "{place} が挙げる出典 '{source}' について、出典のどこに書いてあるか（at）がありません"
        }
        Key::CheckCapZero => "tier '{tier}': {key} は 0 より大きくしてください",
        Key::CheckItemCapZero => "tier '{tier}': 費目 '{item}' の上限が 0 です",
        Key::CheckNoCap => {
            "tier '{tier}' に上限（business_cost_cap、grant_cap、grant_cap_per_bed）が1つもありません"
        }
        Key::CheckMinAboveCap => "tier '{tier}': grant_min {min} が grant_cap {cap} を超えています",
        Key::CheckRangeEmpty => {
            "tier '{tier}': {what}_min {low} が {what}_max {high} より大きく、範囲が空です"
        }
        Key::CheckUnreachableCap => {
            "tier '{tier}': 公表の上限 {cap} は、規則では支払われることがありません（最大 {payable}）。理由を cap_note に書いてください"
        }
        Key::CheckOpensAfterDeadline => "受付開始 {opens} が申請期限 {deadline} より後です",
        Key::CheckCompletionAfterDeadline => {
            "導入完了期限 {done} が最後の申請期限 {deadline} より後です"
        }
        Key::CheckCostPeriodInverted => "対象経費の期間の開始 {from} が終了 {until} より後です",
        Key::CheckAllDeadlinesPassed => "申請期限はすべて過ぎています（最後は {last}）",
        Key::CheckTierOverlap => {
            "tier '{first}' と '{second}' が、どちらも {beds} 床の{class}に当たります"
        }
        Key::CheckVariantCoverage => {
            "variant '{variant}' には{classes}向けの tier がありません（他の variant にはあります）"
        }
        Key::CheckNoExample => "tier '{tier}' に計算例（[[examples]]）がありません",
        Key::CheckExampleInvalid => {
            "tier '{tier}' の計算例は、入力として正しくありません: {reason}"
        }
        Key::CheckExampleTier => {
            "計算例は tier '{tier}' になるはずですが、規則が選んだのは {got} です"
        }
        Key::CheckExampleNoTier => {
            "計算例は tier '{tier}' になるはずですが、規則はどの tier も選びません"
        }
        Key::CheckExampleGrant => {
            "tier '{tier}' の計算例の補助額は {expected} ですが、規則で計算すると {got} です"
        }
        Key::CheckExampleNoGrant => {
            "tier '{tier}' の計算例の補助額は {expected} ですが、規則で計算すると補助額が出ません"
        }
        Key::CheckExampleEligibilityWord => {
            "eligibility '{value}' は eligible、unknown、ineligible のどれでもありません"
        }
        Key::CheckExampleEligibility => {
            "tier '{tier}' の計算例の判定は {expected} ですが、規則では {got} です"
        }
        Key::CheckWhatTierKey => "tier '{tier}': {key}",
        Key::CheckWhatItemKey => "tier '{tier}': 費目 '{item}' の {key}",
        Key::CheckWhatGroupCap => "tier '{tier}': group_caps の grant_cap",
        Key::CheckWhatExampleKey => "tier '{tier}' の計算例の {key}",
        Key::CheckWhatExampleItem => "tier '{tier}' の計算例の費目 '{item}'",
        Key::CheckKebabProgram => "制度の id",
        Key::CheckKebabTier => "tier の id",
        Key::CheckKebabVariant => "variant の id",
        Key::CheckKebabItem => "費目の key",
        Key::CheckKebabCondition => "要件の id",
        Key::CheckKebabFact => "要件の fact",
        Key::DataEmpty => "{dir}: 制度のファイル（*.toml）がありません",
        Key::DataIdTwice => "制度の id {id} が2回あります（{first} にも）",
        Key::DataUnknownProgram => "指している制度 {id} は存在しません",
        Key::DataDocumentTwice => "資料の id {id} が2回あります",
        Key::DataUnknownDocument => "出典の資料 {id} が資料の一覧（sources.toml）にありません",
        Key::RankHigh => "高",
        Key::DataNoRegistry => {
            "組み込みの規則データに資料の一覧 {file} がありません（data/{file} を置いてビルドし直してください）"
        }
        Key::ServeGetOnly => "このアドレスは GET だけを受け付けます（フォームは GET で送ります）",
        Key::ServeChartLink => "グラフ",
        Key::ServeInternal => {
            "内部の誤りで答えられませんでした（この URL を添えてお知らせください）"
        }
        Key::ServeMinWage => "最低賃金近傍の従業員がいる",
        Key::ServeSmallBusiness => "小規模事業者",
        Key::ServeMembers => "連携する事業者数",
        Key::ServeFunctions => "インボイス機能数",
        Key::ServeProcesses => "業務プロセス数",
        Key::ServeDigitalAi => "デジタル化・AI導入補助金",
        Key::ServePlan => "申請計画：まだ申請できる制度と最大補助額",
        Key::ServeNoChart => {
            "グラフにできる結果がありません（1つの経費に補助率がかかる区分だけを描きます。chart=制度ID で選べます）"
        }
        Key::ServeLeftOut => {
            "ほかに{programs}・{tiers}は申請できないため表示していません（{counts}）。"
        }
        Key::ServeQueryTooLong => "クエリが長すぎます（{max} バイトまで）",
        Key::ChartCostAxis => "経費",
        Key::ChartGrantAxis => "補助額",
        Key::ChartBusinessCap => "事業額上限 {yen}",
        Key::ChartGrantCap => "補助限度額に達する経費 {yen}",
        Key::ChartYourCost => "この施設の経費 {cost} → {grant}",
        Key::ServeTitle => "医療DX補助金の試算",
        Key::ServeIntro => {
            "施設の区分と経費を入れると、申請できる補助金とその額、締切を表示します。わからない項目は「わからない」のままで構いません（要確認として表示します）。"
        }
        Key::ServeRefused => "入力を確認してください",
        Key::ServeField => "項目",
        Key::ServeInvalidValue => "「{field}」の値 '{value}' は使えません: {reason}",
        Key::ServeMissing => "「{field}」を入力してください: {reason}",
        Key::ServeBack => "試算に戻る",
        Key::ServeOtherLang => "English",
        Key::ServeFooter => {
            "金額は出典の規則からの試算です。申請前に各制度の窓口で確認してください。"
        }
        Key::ServeCalendar => "締切をカレンダーに追加（.ics）",
        Key::ServeExplain => "計算の詳細",
        Key::ServeChartCaption => "{program}（{tier}）：経費に対する補助額",
        Key::ServeUnknown => "わからない",
        Key::ServeYes => "はい",
        Key::ServeNo => "いいえ",
        Key::ServeFacility => "施設",
        Key::ServeFacilityClass => "施設区分",
        Key::ServeBeds => "病床数",
        Key::ServeKenshin => "健診を実施",
        Key::ServePrefecture => "都道府県",
        Key::ServeEntity => "開設者",
        Key::ServeMedicalCorporation => "医療法人",
        Key::ServeSoleProprietor => "個人",
        Key::ServeCompany => "会社",
        Key::ServeCapital => "資本金（円）",
        Key::ServeEmployees => "常時使用する従業員数",
        Key::ServeCosts => "経費",
        Key::ServeCost => "経費（円）",
        Key::ServeCoupons => "クーポン数",
        Key::ServeAsOf => "基準日",
        Key::ServeFacts => "要件（わかる範囲で）",
        Key::ServeSubmit => "試算する",
        Key::ServeNotFound => "ページがありません: {path}",
        Key::ServeListening => "subsidy serve: http://{addr}/ で待ち受けています（Ctrl+C で終了）",
        Key::ServeCannotListen => "{addr} で待ち受けられません: {reason}",
        Key::ServeBusy => "混み合っています。少し待ってからもう一度お試しください",
        Key::ServeTimeout => "時間内に処理できませんでした",
        Key::FiguresStated => "出典の額",
        Key::UpTo => "最大",
        Key::DataDiscoveryIdTaken => "id {id} が2回あるか、制度の id と同じです",
        Key::NoRateTable => "料率表なし",
        Key::DiscoveryHeading => {
            "料率表なし：出典に料率表がないため、金額は計算しません（示す額は出典が挙げる参考の値）。"
        }
        Key::PlanDiscovery => {
            "ほかに出典が挙げる制度（料率表がないため金額は計算しません。内容は subsidy list で表示）: {names}"
        }
        Key::PlanPeriodUnknown => {
            "出典に申請期間の記載がない制度（申請先に期間を確認してください）: {entries}"
        }
        Key::PeriodUnknown => "期間の記載なし",
        Key::SourceDateRank => "{date}、信頼度 {rank}",
        Key::Links => "リンク",
        Key::RankLowMedium => "低〜中",
        Key::RankLowest => "最低",
        Key::DataNoVariant => "{program} に variant {variant} はありません",
        Key::DataTooLargeTogether => {
            "制度のファイルが合わせて {max} バイトを超えています（規則データの上限）"
        }
        Key::DataFileTooLarge => {
            "{bytes} バイトあり、制度のファイルの上限 {max} バイトを超えています"
        }
        Key::DataFileGrew => {
            "読んでいる間に大きくなり、制度のファイルの上限 {max} バイトを超えました"
        }
        Key::DataNotRegular => {
            "通常のファイルではなく{kind}です。制度のファイルは普通の *.toml ファイルにしてください"
        }
        Key::DataKindFifo => "FIFO（名前付きパイプ）",
        Key::DataKindDevice => "デバイス",
        Key::DataKindSocket => "ソケット",
        Key::DataKindDirectory => "ディレクトリ",
        Key::DataKindOther => "特殊なファイル",
        Key::DataNotUtf8 => {
            "UTF-8 のテキストではありません（先頭から {offset} バイトの位置）。UTF-8 で保存してください"
        }
        Key::DataInProgram => "制度 {program}: {reason}",
        Key::DataInTier => "制度 {program} の tier {tier}: {reason}",
        Key::DataInCondition => "制度 {program} の要件 {condition}: {reason}",
        Key::DataTiersShareId => "id が同じ tier が2つあります",
        Key::DataCiteUnknown => "{place} が挙げる出典 {source} は [[sources]] にありません",
        Key::DataRoundingNeedsCite => "rounding {rule} には出典（cite）が必要です",
        Key::DataConditionsShareId => "id が同じ要件（conditions）が2つあります",
        Key::DataDecidedByKey => {
            "decided_by {by} には、それに対応するキー（fact または prefecture）を1つだけ書いてください"
        }
        Key::DataRelationNeedsProgram => "relation {kind} には `program` が必要です",
        Key::DataRelationTakesNoProgram => "relation {kind} には `program` を書きません",
        Key::DataRelationUnknownVariant => "relation が指す variant {variant} はありません",
        Key::DataTaxNeedsCite => "tax の basis {basis} には出典（cite）が必要です",
        Key::DataTierUnknownVariant => "variant {variant} はありません",
        Key::DataTierNeedsVariant => "variant が必要です",
        Key::DataTierNoVariants => "この制度には variant がありません",
        Key::DataTierNoFacilities => "対象施設（facilities）がありません",
        Key::DataTierNoCap => "上限が1つもありません",
        Key::DataTierUnknownItem => "費目 {item} はありません",
        Key::DataTierDefaultItem => "default_item {item} がこの tier の費目にありません",
        Key::DataSmeNoFacilities => {
            "sme_limits の{row}番目の行に対象施設（facilities）がありません"
        }
        Key::DataSmeNoForm => {
            "sme_limits の{row}番目の行に法人形態（medical-corporation、sole-proprietor、company）がありません"
        }
        Key::DataSmeNoLimit => {
            "sme_limits の{row}番目の行の {form} に capital_max も employees_max もありません"
        }
        Key::DataSmeCapitalNotCompany => {
            "sme_limits の{row}番目の行の {form} に capital_max があります（資本金で判定するのは company だけです）"
        }
        Key::DataSmeZero => "sme_limits の{row}番目の行の {form} の上限が 0 です",
        Key::DataSmeClassTwice => "sme_limits の{row}番目の行の施設 {class} は前の行にもあります",
        Key::DataSmeMissing => {
            "規模の判定（entity-size の要件または large-company の補助率）に使う sme_limits に、施設 {class} の行がありません"
        }
        Key::CheckSummary => "check: エラー {errors}件、警告 {warnings}件 — {receipt}",
        Key::IoStorageFull => "ディスクの空きがありません",
        // profile, lookup, missing (issue 12)
        Key::InputMissing => "{flag} を指定してください: {reason}",
        Key::InputNear => "'{near}' ではありませんか？",
        Key::InputNearAtEnd => "。'{near}' ではありませんか？",
        Key::InputListSeparator => "、",
        Key::InputCandidate => "{id}（{name}）",
        Key::InputNeedsFacility => "施設区分（hospital、clinic、pharmacy）",
        Key::InputNeedsBeds => "病院の病床数（病院は20床以上。例: 250）",
        Key::InputNeedsBedsBeddedClinic => "有床診療所の病床数（1〜19床。例: 19）",
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
        Key::InputNoVariants => "選んだ制度には区分（variant）がありません",
        Key::InputNotAVariant => "{program} の区分ではありません。{near}（区分: {variants}）",
        Key::InputUnknownVariant => "この区分がある制度はありません。{near}（区分: {variants}）",
        Key::InputItemTwice => "費目 '{key}' が2回指定されています",
        Key::InputNoItems => "選んだ制度は経費を費目に分けません。--cost を使ってください",
        Key::InputUnknownItem => "選んだ制度にこの費目はありません。{near}（費目: {items}）",
        Key::InputNoCoupons => "選んだ制度には、この施設にクーポン単位で支払うものがありません",
        Key::InputCouponCount => {
            "--coupon-cost が {priced}回あります。--coupons はその数にするか、省いてください"
        }
        Key::InputCouponRange => "{program} のクーポンは{facility}で1〜{max}個です",
        Key::InputNeedsItems => "{program} は費目ごとに上限があります。{items} を指定してください",
        Key::InputCapitalNeedsEntity => {
            "資本金は会社の規模の判定に使います。--entity company（会社）も指定してください（例: --entity company --capital 1億）"
        }
        Key::InputCapitalNotCompany => {
            "資本金で規模を判定するのは会社だけです（{entity}は従業員数で判定します。例: --entity company --capital 1億）"
        }
        Key::InputLargeCompanyWithSize => {
            "--large-company（大企業等）と一緒には指定できません。規模は --large-company か、--entity・--capital・--employees のどちらかで指定してください"
        }
        Key::BedsHospitalTooFew => "病院は医療法上20床以上です。19床以下は診療所です",
        Key::BedsClinicTooMany => "診療所は19床以下です。20床以上は病院です",
        Key::BedsBeddedClinicHasSome => {
            "有床診療所の病床数は1〜19床です（例: 19）。病床がなければ無床診療所です"
        }
        Key::BedsClinicWithoutBedsHasNone => {
            "無床診療所に病床はありません（例: 0）。病床があれば有床診療所です"
        }
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
        Key::ProfileUnfilled => {
            "記入されていない項目があります: {keys}。値を書いてください（例: facility = \"病院\"、beds = 250）。使わない項目は行の先頭に # を付けます"
        }
        Key::ProfileUnfilledKey => "{key}（{line}行目）",
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
            "施設プロファイルのひな形を {file} に書きました。facility と beds を記入して --profile {file} で使います"
        }
        Key::ProfileTemplate => PROFILE_TEMPLATE,
        Key::ProfileTemplateFacts => {
            "\n# 要件の事実: はい・いいえ（yes・no）。\n# 制度ごとの事実は subsidy show ID で表示します。\n[fact]\n"
        }
        Key::ShowFacilityTiers => "この施設（{facility}）の区分: {tiers}",
        Key::ShowNoFacilityTier => "この施設（{facility}）に当たる区分はありません",
        Key::ShowTierOfVariant => "{tier}（{variant}）",
        Key::FormatIcsIsForPlan => {
            "。ics（カレンダー）は plan で使えます: subsidy plan --facility hospital --beds 250 --format ics"
        }
        Key::IcsCalendarName => "医療DX補助金の申請期限",
        Key::IcsSummary => "申請期限: {name}",
        Key::IcsProgram => "制度: {program}",
        Key::IcsTier => "区分: {tier}",
        Key::IcsLargestGrant => "最大補助額: {grant}（必要な経費 {cost}）",
        Key::IcsDeadline => "申請期限: {deadline}",
        Key::IcsDeadlineRound => "申請期限（{round}）: {deadline}",
        Key::IcsEligibility => "判定: {eligibility}",
        Key::IcsToConfirm => "要確認:",
        Key::IcsListItem => "・{item}",
        Key::IcsTopsUp => "上乗せ先: {program}",
        Key::IcsApply => "申請: {url}",
        Key::IcsAsOf => "基準日: {as_of}、規則データ: {version}（subsidy plan で作成）",
        Key::IcsAlarm => "申請期限まであと{days}: {name}",
    }
}

/// The help of flag `arg` of `command` (`""` for the top level, `"calc"`,
/// …; `arg` `""` for the command itself). Flags shared by several commands
/// have one sentence.
pub fn help(command: &str, arg: &str) -> Option<&'static str> {
    Some(match (command, arg) {
        ("", "") => {
            "病院・診療所・薬局が使える医療DX補助金を、金額（円）と申請期限つきで答えます。"
        }
        ("calc", "") => "施設と経費から、今日申請できる制度ごとの補助額・申請期限を計算します。",
        ("list", "") => "全制度の一覧（受付中を先に、申請期限順）。",
        ("show", "") => "1制度の詳細：区分、費目、端数処理、日付、要件、出典、問合せ先。",
        ("plan", "") => "施設がまだ申請できる制度を、最大補助額と申請期限つきで一覧にします。",
        ("batch", "") => {
            "Excel（.xlsx）・CSV・JSONL の施設一覧を一括計算します（誤った行はエラーつきで出力）。"
        }
        ("check", "") => "規則データを検査します：構文、ID、参照、金額、日付、区分、出典、計算例。",
        ("completions", "") => {
            "シェルの補完スクリプトを出力します（bash、zsh、fish、powershell、elvish）。"
        }
        ("completions", "shell") => "シェル：bash、zsh、fish、powershell、elvish。",
        ("man", "") => "man ページ（roff）を出力します。",
        ("serve", "") => "Web ページと JSON API を提供します（ブラウザで試算。Ctrl+C で終了）。",
        ("serve", "addr") => "待ち受けるアドレスとポート（既定 127.0.0.1:8080）。",
        (_, "quiet") => "要約の行を出しません（エラーは出します）。",
        (_, "profile") => {
            "施設プロファイル（TOML。キーは batch の列名と同じ。subsidy profile init がひな形を書きます）。フラグが優先します。"
        }
        ("profile", "") => {
            "施設プロファイル：calc・plan・show に施設の条件を渡すファイルを扱います。"
        }
        ("init", "") => {
            "コメントつきのプロファイルのひな形を書きます（標準出力、または -o で新しいファイルへ）。"
        }
        ("init", "output") => "ひな形を書くファイル（まだないファイルだけ。上書きしません）。",
        (_, "data") => "組み込みの規則データの代わりに DIR の *.toml を読みます。",
        (_, "lang") => {
            "表示・ヘルプ・エラーの言語：ja（日本語、既定）、en（英語）。環境変数 SUBSIDY_LANG でも指定できます。"
        }
        (_, "color") => {
            "端末での強調：auto（既定。パイプや NO_COLOR のときはなし）、always、never。"
        }
        (_, "help") => "このヘルプを表示します。",
        (_, "version") => "バージョンを表示します。",
        (_, "programs") => "制度 ID（繰り返し可）。省略するとすべての制度。",
        (_, "variant") => "この区分（バリアント）だけを計算します。",
        (_, "facility") => "施設の種類：hospital（病院）、clinic（診療所）、pharmacy（薬局）。",
        (_, "beds") => "病床数（福岡県の勤務環境改善補助金では許可病床数）。病院は20床以上。",
        (_, "kenshin") => {
            "健診部門システムを導入して健診を実施しているか（yes / no）。電子カルテ情報共有サービスの区分を決めます。"
        }
        (_, "prefecture") => "都道府県（福岡県、福岡、fukuoka）。県の制度の要件です。",
        (_, "facts") => {
            "要件についての事実（繰り返し可）。例 online-qual-in-place=yes。各制度の要件は subsidy show ID で。"
        }
        (_, "entity") => {
            "法人の形態（デジタル化・AI導入補助金の中小企業の判定）：medical-corporation（医療法人）、sole-proprietor（個人開業医・個人事業主）、company（会社）。"
        }
        (_, "capital") => {
            "会社の資本金の額又は出資の総額（中小企業の判定。--entity company と一緒に）：100000000、1億、5,000万円。"
        }
        (_, "employees") => "常時使用する従業員数（中小企業の判定）。",
        (_, "small_business") => {
            "小規模事業者として計算します（出典は医療機関の定義を示していないため、指定したときだけ適用）。"
        }
        (_, "min_wage_nearby") => "最低賃金近傍の事業者（デジタル化・AI 通常枠の補助率 2/3）。",
        (_, "large_company") => {
            "大企業等（中小企業・小規模事業者等でない）と指定します。--capital・--employees の代わりに使います（電子取引類型は補助率 1/2、中小企業向けの枠は対象外）。"
        }
        (_, "processes") => "ITツールの業務プロセス数（デジタル化・AI 通常枠）。",
        (_, "functions") => "会計・受発注・決済の機能数（インボイス対応類型、複数者連携）。",
        (_, "members") => "複数者連携の構成員数（10者以上）。",
        (_, "cost") => "事業の経費：14000000、14,000,000円、1400万、全角数字も可。",
        (_, "items") => {
            "費目ごとの経費（繰り返し可）。費目ごとに上限がある制度で使います。例 mobile=41000。"
        }
        (_, "coupon_costs") => {
            "クーポン1つ分の価格（クーポンごとに繰り返す）。スマホ保険証用カードリーダーの補助は1つずつ計算します。例 --coupon-cost 20000 --coupon-cost 10000。"
        }
        ("plan", "coupons") => "スマホ保険証用カードリーダーのクーポン数（既定：上限まで）。",
        (_, "coupons") => {
            "スマホ保険証用カードリーダーのクーポン数（病院3まで、診療所1。既定 1）。"
        }
        ("batch", "all") => "申請できない結果（締切済・対象外・他県）も出力します。",
        (_, "all") => "申請できない制度（締切済・対象外・他県）も、理由つきの別の表で表示します。",
        (_, "explain") => "表示した結果の判定と計算を、1段階ずつ出典つきで示します。",
        ("plan", "as_of") => "計画の基準日（既定：今日）。例 2026-11-22。",
        (_, "as_of") => "受付状況を判定する日（既定：今日）。例 2026-11-22。",
        ("batch", "format") => {
            "出力形式：csv、jsonl、xlsx（既定：-o のファイルの拡張子、なければ入力と同じ）。"
        }
        ("batch", "shape") => {
            "出力の形：long（既定。結果ごとに1行）、summary（入力の1行に1行：制度ごとの補助額、最大の補助額、直近の締切、要確認）。"
        }
        ("batch", "output_encoding") => {
            "CSV の出力の文字コード：utf-8（既定）、shift_jis（CP932。改行は CRLF。〜 ‖ − ¢ £ ¬ は Excel で同じに見える CP932 の文字で書きます。書けない文字は 〓 にして、その行のエラーに書きます）。"
        }
        ("batch", "sheet") => "xlsx の入力で読むシート（既定：最初のシート）。",
        ("plan", "format") => {
            "出力形式：table（表、既定）、json、ics（申請期限ごとの終日の予定。カレンダーに読み込めます）。"
        }
        (_, "format") => "出力形式：table（表、既定）、json。",
        ("list", "open") => "申請できる制度（受付中・受付前）だけを表示します。",
        ("show", "id") => "制度 ID（subsidy list で確認できます）。",
        ("batch", "input") => {
            "入力：Excel のブック（.xlsx）、見出し行つき CSV、または JSONL。- または省略で標準入力。"
        }
        ("batch", "output") => {
            "出力ファイル（既定：標準出力）。処理が終わったときだけ置き換え、入力ファイルには書きません。"
        }
        ("batch", "encoding") => {
            "入力の文字コード：auto（既定。UTF-8 と Shift_JIS/CP932 を判別）、utf-8、shift_jis。"
        }
        ("batch", "no_bom") => "BOM を書きません（.csv のファイルでも）。",
        ("batch", "delimiter") => {
            "入力の区切り文字：,（既定）、tab、;、|。UTF-16 の入力（Excel の「Unicode テキスト」）は既定で tab。"
        }
        ("batch", "bom") => {
            "日本語版 Excel で正しく開けるよう UTF-8 の BOM を書きます（.csv のファイルへの出力では既定）。"
        }
        ("batch", "raw") => {
            "= + - @ などで始まる文字列セルを保護しません（CSV インジェクション対策を無効にします）。"
        }
        ("check", "dir") => {
            "規則データのディレクトリ（既定：--data DIR、なければ組み込みのデータ）。"
        }
        ("check", "stale_days") => "基準日からこの日数より古い出典を警告します（既定 365）。",
        ("check", "deny_warnings") => "警告でも失敗（終了コード 1）にします。",
        ("check", "sources") => {
            "資料（出典の文書）のディレクトリ。各出典の資料があること、「…」で引用した箇所が資料にあることを確かめます。"
        }
        ("check", "allow") => "この種類の指摘を出しません（繰り返し可）。例 --allow stale-source。",
        ("check", "deny") => {
            "この種類の指摘をエラーにします（繰り返し可）。例 --deny all-deadlines-passed。"
        }
        _ => return None,
    })
}

/// Headings and the words clap prints around the help.
pub fn heading(part: &str) -> &'static str {
    match part {
        "usage" => "使い方:",
        "options" => "オプション",
        "commands" => "コマンド",
        "arguments" => "引数",
        _ => "",
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
