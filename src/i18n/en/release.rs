//! The English sentences of `Release`.

use crate::i18n::key::Release;

/// The sentence for `key`.
pub(super) fn text(key: Release) -> &'static str {
    match key {
        Release::BundleNotTar => "not a catalogue bundle (a tar archive): {reason}",
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
        Release::BundleManifestInvalid => "the bundle's manifest.toml cannot be read: {reason}",
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
        Release::SignatureUnreadable => "the signature is not a minisign signature: {reason}",
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
        Release::InstalledRecordInvalid => "its record cannot be read: {reason}",
        Release::InstalledCannotWrite => {
            "cannot install in {path}: {reason}; the catalogue in use is unchanged"
        }
        Release::VersionFromBuiltin => "built in",
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
    }
}
