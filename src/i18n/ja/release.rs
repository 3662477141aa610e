//! The Japanese sentences of `Release`.

use crate::i18n::key::Release;

/// `key` の文。
pub(super) fn text(key: Release) -> &'static str {
    match key {
        Release::BundleNotTar => {
            "規則データのバンドル（tar 形式）ではありません（詳細: 「{detail}」）"
        }
        Release::BundleTruncated => {
            "バンドルが {name} の途中で切れています（{expected} バイト中 {bytes} バイト）"
        }
        Release::BundleUnwritable => "{name} をバンドルに入れられません（詳細: 「{detail}」）",
        Release::BundleTooLarge => "バンドルが {max} バイトを超えています",
        Release::BundleEntryKind => {
            "バンドルに '{name}'（{kind}）があります。バンドルに入れられるのはファイルだけです"
        }
        Release::BundleKindLink => "リンク",
        Release::BundleKindDirectory => "ディレクトリ",
        Release::BundleKindOther => "通常のファイルではないもの",
        Release::BundleEntryName => {
            "バンドルに '{name}' という名前の項目があります。バンドルのファイル名には '/'、'..'、絶対パスを使えません"
        }
        Release::BundleManifestFirst => {
            "バンドルの先頭が manifest.toml ではありません（先頭の項目: '{name}'）"
        }
        Release::BundleManifestInvalid => {
            "バンドルの manifest.toml を読めません（詳細: 「{detail}」）"
        }
        Release::BundleFormat => {
            "バンドルの形式 {format} はこの版の subsidy では読めません（読めるのは形式 1）。subsidy を更新してください"
        }
        Release::BundleFileMissing => {
            "マニフェストにある {name} がバンドルにありません（途中で切れていませんか）"
        }
        Release::BundleFileExtra => "バンドルに、マニフェストにない {name} があります",
        Release::BundleFileTwice => "バンドルに {name} が2つあります",
        Release::BundleFileSize => {
            "バンドルの {name} は {bytes} バイトですが、マニフェストでは {expected} バイトです（改変されたか途中で切れています）"
        }
        Release::BundleFileHash => {
            "バンドルの {name} の SHA-256 がマニフェストと一致しません（改変されています）"
        }
        Release::BundleFileTooLarge => "バンドルの {name} が {max} バイトを超えています",
        Release::BundleNotUtf8 => "バンドルの {name} が UTF-8 のテキストではありません",
        Release::BundleNotToml => {
            "バンドルに規則データのファイル（*.toml）ではない '{name}' があります"
        }
        Release::SignatureBad => {
            "署名がバンドルと一致しません（署名の後でバンドルが変えられたか、途中で切れています）"
        }
        Release::SignatureUnknownKey => {
            "バンドルは不明な鍵 ID {key_id} で署名されています。誰の鍵か分かっている場合に限り、その公開鍵を --trusted-key FILE.pub で信頼してください"
        }
        Release::SignatureUnreadable => {
            "署名が minisign の署名として読めません（詳細: 「{detail}」）"
        }
        Release::SignatureNoKeyId => "署名に鍵 ID の行がなく、minisign の署名として読めません",
        Release::KeyNoKeyLine => "コメントのほかに鍵の行がありません",
        Release::KeyNotAKey => "鍵の行が公開鍵として読めません（詳細: 「{detail}」）",
        Release::TrustedKeyUnreadable => {
            "--trusted-key {file} は minisign の公開鍵ではありません（例: --trusted-key minisign.pub）: {reason}"
        }
        Release::BundleWrote => {
            "{file} に書きました: {files}ファイル、規則データ {version}、{bytes} バイト、sha256 {sha256}"
        }
        Release::BundleSignHint => "subsidy update 用の署名: minisign -Sm {file}",
        Release::UpdateNoUrl => {
            "subsidy update には URL が要ります: --from URL、または設定ファイルの update_url（例: --from https://example.org/subsidy/catalogue.tar）。プロジェクトが配布を始めるまで既定の URL はありません"
        }
        Release::UpdateFetch => "{url} をダウンロードできません: {reason}",
        Release::UpdateHttpStatus => {
            "{url} をダウンロードできません: サーバーの応答は {status} でした"
        }
        Release::UpdateTruncated => {
            "{url} のダウンロードが途中で切れました（{expected} バイト中 {bytes} バイト）。もう一度試してください"
        }
        Release::UpdateTooLarge => {
            "{url} は {max} バイトを超えており、規則データのバンドルとしては大きすぎます。ダウンロードしません"
        }
        Release::UpdateSignatureTooLarge => {
            "署名 {url} が {max} バイトを超えており、minisign の署名としては大きすぎます。ダウンロードしません"
        }
        Release::UpdateOlder => {
            "バンドル {url} の規則データ {new} は使用中の規則データ {old}（{in_use}）より古いため、インストールしません。古い版に戻すときは --allow-older を付けてください"
        }
        Release::UpdateOlderThanBuiltin => {
            "バンドル {url} の規則データ {new} はこの subsidy に組み込みの規則データ {builtin} より古く、インストールしても使われません。使うには --data FILE で指定してください"
        }
        Release::UpdateBreaksExtension => {
            "バンドル {url} はインストールしません。その上では設定した拡張が使えなくなります: {reason}"
        }
        Release::UpdateRefused => "バンドル {url} を受け付けません: {reason}",
        Release::UpdateCheckFailed => {
            "バンドル {url} は subsidy check に通りません（エラー {errors}件。最初: {first}）。インストールしません"
        }
        Release::UpdateIsExtension => {
            "バンドル {url} は拡張（extension.toml を含む）で、規則データ全体ではありません。--extend FILE で使います"
        }
        Release::UpdateInstalled => {
            "規則データ {version} を {url} から {dir} にインストールしました。subsidy update --rollback で元に戻せます"
        }
        Release::UpdateQuotesUnchecked => {
            "確認済み: 署名、全ファイルの SHA-256、subsidy check（出典資料との引用照合を除く。バンドルに資料は含まれません）"
        }
        Release::UpdateSame => {
            "バンドル {url} は使用中の規則データ（{version}）と同じです。何も変えていません"
        }
        Release::RollbackDone => {
            "規則データ {version}（{date} に {url} からインストール）に戻しました"
        }
        Release::RollbackToBuiltin => "組み込みの規則データ（{version}）に戻しました",
        Release::RollbackNothing => {
            "インストールした規則データはありません。組み込みの規則データを使用中で、戻す先はありません"
        }
        Release::InstalledCorrupt => {
            "インストールした規則データ {file} を使えません: {reason}。subsidy update --rollback で一つ前に戻せます"
        }
        Release::InstalledHashMismatch => {
            "SHA-256 がインストール時の記録と一致しません（ディスク上で変わっています）"
        }
        Release::InstalledUnreadable => {
            "インストールした規則データ {file}（{version}）は、この版の subsidy では読めません: {reason}。subsidy update で新しい規則データを入れるか、subsidy update --rollback で戻してください"
        }
        Release::InstalledMissing => "バンドルのファイルがありません",
        Release::InstalledRecordInvalid => "記録を読めません: {reason}",
        Release::InstalledRecordTooLarge => "{max} バイトを超えています",
        Release::InstalledRecordNotUtf8 => "UTF-8 のテキストではありません",
        Release::InstalledRecordToml => "TOML として読めません（詳細: 「{detail}」）",
        Release::InstalledRecordSha => "sha256 = '{sha256}' は SHA-256 の値ではありません",
        Release::RollbackPreviousUnusable => {
            "一つ前の規則データ {version}（{url}）は使えないため（{reason}）、組み込みの規則データ（{builtin}）に戻しました"
        }
        Release::RollbackShadowed => {
            "ただし、この subsidy に組み込みの規則データ {builtin} の方が {version} より新しいため、組み込みの規則データを使います"
        }
        Release::InstalledCannotWrite => {
            "{path} にインストールできません: {reason}。使用中の規則データは変わっていません"
        }
        Release::VersionFromBuiltin => "組み込み",
        Release::VersionFromBuiltinNewer => "組み込み（インストール済みの {installed} より新しい）",
        Release::VersionFromInstalled => "{date} に {url} からインストール",
        Release::VersionFromData => "--data {path}",
        Release::ConfigUpdateUrlValue => {
            "update_url には規則データのバンドルの http または https の URL を書きます（例: update_url = \"https://example.org/subsidy/catalogue.tar\"）"
        }
        Release::UpdateUrlValue => {
            "--from '{url}' は http または https の URL ではありません（例: --from https://example.org/subsidy/catalogue.tar）"
        }
        Release::UpdateProgress => {
            "{wide_bar} {bytes}/{total_bytes}（{bytes_per_sec}、残り {eta}）"
        }
        Release::UpdateNoDataHome => {
            "subsidy update のインストール先がありません: XDG_DATA_HOME も HOME も設定されていません"
        }
        Release::NetTimeout => "時間内に応答がありません",
        Release::NetHostNotFound => {
            "ホスト名が見つかりません（URL とネットワークを確かめてください）"
        }
        Release::NetRefused => "その宛先では何も応答しません（URL を確かめてください）",
        Release::NetConnection => "接続できないか、途中で切れました",
        Release::NetBadUri => {
            "URL の形が正しくありません（例: https://example.org/subsidy/catalogue.tar）"
        }
        Release::NetTls => {
            "https の接続を確立できません（サーバーの証明書が信頼できないか、TLS の設定が合いません）"
        }
        Release::NetRedirects => "リダイレクトが多すぎるか、リダイレクト先に進めません",
        Release::NetProtocol => "サーバーの応答が HTTP として読めません",
        Release::NetProxy => "プロキシの設定（HTTPS_PROXY など）が URL として正しくありません",
        Release::NetOther => "通信に失敗しました（詳細: 「{detail}」）",
    }
}
