//! The English sentences of `Release`.

use crate::i18n::key::Release;

/// The sentence for `key`.
pub(super) fn text(key: Release) -> &'static str {
    match key {
        Release::BundleNotTar => "not a catalogue bundle (a tar archive) (detail: \"{detail}\")",
        Release::BundleTruncated => {
            "the bundle ends inside {name} ({bytes} of its {expected} bytes)"
        }
        Release::BundleUnwritable => "{name} cannot go in a bundle (detail: \"{detail}\")",
        Release::BundleTooLarge => "the bundle is larger than {max} bytes",
        Release::BundleEntryKind => {
            "the bundle holds '{name}', which is {kind}; a bundle holds files only"
        }
        Release::BundleKindLink => "a link",
        Release::BundleKindDirectory => "a directory",
        Release::BundleKindOther => "not a regular file",
        Release::BundleEntryName => {
            "the bundle holds an entry named '{name}'; a bundle's files have plain names (no '/', no '..', no absolute path)"
        }
        Release::BundleManifestFirst => {
            "the bundle does not start with manifest.toml (its first entry: '{name}')"
        }
        Release::BundleManifestInvalid => {
            "the bundle's manifest.toml cannot be read (detail: \"{detail}\")"
        }
        Release::BundleFormat => {
            "the bundle is of format {format}, which this version of subsidy does not read (it reads format 1); update subsidy"
        }
        Release::BundleFileMissing => {
            "the bundle lacks {name}, which its manifest lists (cut short?)"
        }
        Release::BundleFileExtra => "the bundle holds {name}, which its manifest does not list",
        Release::BundleFileTwice => "the bundle holds {name} twice",
        Release::BundleFileSize => {
            "{name} in the bundle is {bytes} bytes; its manifest says {expected} (tampered with or cut short)"
        }
        Release::BundleFileHash => {
            "the SHA-256 of {name} in the bundle is not its manifest's (tampered with)"
        }
        Release::BundleFileTooLarge => "{name} in the bundle is larger than {max} bytes",
        Release::BundleNotUtf8 => "{name} in the bundle is not UTF-8 text",
        Release::BundleNotToml => {
            "the bundle holds '{name}', which is not a catalogue file (*.toml)"
        }
        Release::SignatureBad => {
            "the signature does not match the bundle (the bundle was changed or cut short after it was signed)"
        }
        Release::SignatureUnknownKey => {
            "the bundle is signed by an unknown key ID {key_id}; trust its public key with --trusted-key FILE.pub only if you know whose it is"
        }
        Release::SignatureUnreadable => {
            "the signature cannot be read as a minisign signature (detail: \"{detail}\")"
        }
        Release::SignatureNoKeyId => {
            "the signature has no key ID line: it is not a minisign signature"
        }
        Release::KeyNoKeyLine => "there is no key line in it, only comments",
        Release::KeyNotAKey => "its key line is not a public key (detail: \"{detail}\")",
        Release::TrustedKeyUnreadable => {
            "--trusted-key {file} is not a minisign public key (e.g. --trusted-key minisign.pub): {reason}"
        }
        Release::BundleWrote => {
            "wrote {file}: {files} files, rule data {version}, {bytes} bytes, sha256 {sha256}"
        }
        Release::BundleSignHint => "sign it for subsidy update with: minisign -Sm {file}",
        Release::UpdateNoUrl => {
            "subsidy update needs a URL: --from URL, or update_url in the config file (e.g. --from https://example.org/subsidy/catalogue.tar); there is no default until the project publishes releases"
        }
        Release::UpdateFetch => "cannot download {url}: {reason}",
        Release::UpdateHttpStatus => "cannot download {url}: the server answered {status}",
        Release::UpdateTruncated => {
            "the download of {url} stopped short: {bytes} of {expected} bytes; try again"
        }
        Release::UpdateTooLarge => {
            "{url} is larger than {max} bytes, more than a catalogue bundle is; not downloaded"
        }
        Release::UpdateSignatureTooLarge => {
            "the signature {url} is larger than {max} bytes, more than a minisign signature is; not downloaded"
        }
        Release::UpdateOlder => {
            "the bundle {url} holds rule data {new}, older than the rule data in use, {old} ({in_use}); not installed. To go back to an older release, add --allow-older"
        }
        Release::UpdateOlderThanBuiltin => {
            "the bundle {url} holds rule data {new}, older than this subsidy's built-in rule data {builtin}, so it would not be used; to use it, name it with --data FILE"
        }
        Release::UpdateBreaksExtension => {
            "the bundle {url} is not installed: an extension you use would not load over it: {reason}"
        }
        Release::UpdateRefused => "the bundle {url} is refused: {reason}",
        Release::UpdateCheckFailed => {
            "the bundle {url} fails subsidy check ({errors} errors; the first: {first}); not installed"
        }
        Release::UpdateIsExtension => {
            "the bundle {url} is an extension (it holds extension.toml), not a catalogue; use it with --extend FILE"
        }
        Release::UpdateInstalled => {
            "installed rule data {version} from {url} in {dir}; subsidy update --rollback goes back"
        }
        Release::UpdateQuotesUnchecked => {
            "checked: signature, every file's SHA-256 and subsidy check (all but the quotes against the source documents, which a bundle does not carry)"
        }
        Release::UpdateSame => {
            "the bundle {url} is the catalogue in use already (rule data {version}); nothing changed"
        }
        Release::RollbackDone => {
            "the catalogue in use is again rule data {version}, installed from {url} on {date}"
        }
        Release::RollbackToBuiltin => {
            "the built-in catalogue (rule data {version}) is in use again"
        }
        Release::RollbackNothing => {
            "no catalogue is installed: the built-in one is in use, and there is nothing to go back to"
        }
        Release::InstalledCorrupt => {
            "the installed catalogue {file} cannot be used: {reason}; subsidy update --rollback goes back to the one before"
        }
        Release::InstalledHashMismatch => {
            "its SHA-256 is not the one recorded when it was installed (changed on disk)"
        }
        Release::InstalledUnreadable => {
            "this version of subsidy cannot read the installed catalogue {file} (rule data {version}): {reason}; run subsidy update for newer rule data, or subsidy update --rollback"
        }
        Release::InstalledMissing => "its bundle file is not there",
        Release::InstalledRecordInvalid => "its record cannot be read: {reason}",
        Release::InstalledRecordTooLarge => "it is larger than {max} bytes",
        Release::InstalledRecordNotUtf8 => "it is not UTF-8 text",
        Release::InstalledRecordToml => "it cannot be read as TOML (detail: \"{detail}\")",
        Release::InstalledRecordSha => "sha256 = '{sha256}' is not a SHA-256",
        Release::RollbackPreviousUnusable => {
            "the catalogue before, rule data {version} ({url}), cannot be used ({reason}); the built-in catalogue (rule data {builtin}) is in use again"
        }
        Release::RollbackShadowed => {
            "but this subsidy's built-in rule data {builtin} is newer than {version}, so the built-in catalogue is used"
        }
        Release::InstalledCannotWrite => {
            "cannot install in {path}: {reason}; the catalogue in use is unchanged"
        }
        Release::VersionFromBuiltin => "built in",
        Release::VersionFromBuiltinNewer => "built in (newer than the installed {installed})",
        Release::VersionFromInstalled => "installed from {url} on {date}",
        Release::VersionFromData => "--data {path}",
        Release::ConfigUpdateUrlValue => {
            "update_url is the http or https URL of a catalogue bundle (e.g. update_url = \"https://example.org/subsidy/catalogue.tar\")"
        }
        Release::UpdateUrlValue => {
            "--from '{url}' is not an http or https URL (e.g. --from https://example.org/subsidy/catalogue.tar)"
        }
        Release::UpdateProgress => "{wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        Release::UpdateNoDataHome => {
            "subsidy update has nowhere to install: neither XDG_DATA_HOME nor HOME is set"
        }
        Release::NetTimeout => "no answer in time",
        Release::NetHostNotFound => "the host name is not known (check the URL and the network)",
        Release::NetRefused => "nothing answers at that address (check the URL)",
        Release::NetConnection => "the connection could not be made or broke off",
        Release::NetBadUri => {
            "the URL is malformed (e.g. https://example.org/subsidy/catalogue.tar)"
        }
        Release::NetTls => {
            "an https connection could not be set up (the server's certificate is not trusted, or TLS settings do not match)"
        }
        Release::NetRedirects => "too many redirects, or a redirect that cannot be followed",
        Release::NetProtocol => "the server's answer is not HTTP",
        Release::NetProxy => "the proxy setting (HTTPS_PROXY or the like) is not a valid URL",
        Release::NetOther => "the transfer failed (detail: \"{detail}\")",
    }
}
