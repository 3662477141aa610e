//! The keys of [`Release`].

use super::Key;

area! {
    /// Catalogue releases: a bundle read and written
    /// (src/core/catalogue/bundle/), its signature, `subsidy bundle`,
    /// `subsidy update` and the catalogue it installs (src/cli/update.rs,
    /// src/cli/installed.rs).
    Release {
        /// Not a tar archive a bundle is: the archive reader's own words, `{detail}`, quoted.
        BundleNotTar,
        /// The archive ends inside `{name}`: `{bytes}` of its `{expected}` bytes.
        BundleTruncated,
        /// `subsidy bundle`: `{name}` cannot go in a bundle (the writer's `{detail}`, quoted).
        BundleUnwritable,
        /// A bundle larger than `{max}` bytes.
        BundleTooLarge,
        /// An entry that is not a regular file: `{name}`, what it is (`{kind}`).
        BundleEntryKind,
        /// A link in a bundle.
        BundleKindLink,
        /// A directory in a bundle.
        BundleKindDirectory,
        /// A device, FIFO or anything else that is not a file.
        BundleKindOther,
        /// An entry whose name is not a plain file name (`..`, `/`, an absolute path): `{name}`.
        BundleEntryName,
        /// The first entry is not the manifest (`{name}`: what it is, or nothing).
        BundleManifestFirst,
        /// The manifest cannot be read: the TOML reader's `{detail}`, quoted.
        BundleManifestInvalid,
        /// A bundle format this build does not read: `{format}`.
        BundleFormat,
        /// A file the manifest lists that the bundle lacks: `{name}`.
        BundleFileMissing,
        /// A file in the bundle the manifest does not list: `{name}`.
        BundleFileExtra,
        /// A file twice in the bundle or the manifest: `{name}`.
        BundleFileTwice,
        /// A file's size differs from its manifest's: `{name}`, `{bytes}`, `{expected}`.
        BundleFileSize,
        /// A file's SHA-256 differs from its manifest's: `{name}`.
        BundleFileHash,
        /// A file larger than `{max}` bytes: `{name}`.
        BundleFileTooLarge,
        /// A file that is not UTF-8 text: `{name}`.
        BundleNotUtf8,
        /// A file of a bundle that is not a catalogue file (`*.toml`): `{name}`.
        BundleNotToml,
        /// The signature does not match the bundle: tampered with, or cut short.
        SignatureBad,
        /// Signed by a key not trusted: `{key_id}`.
        SignatureUnknownKey,
        /// A signature file that is not a minisign signature: minisign-verify's `{detail}`, quoted.
        SignatureUnreadable,
        /// A signature file without the line that names its key.
        SignatureNoKeyId,
        /// `--trusted-key {file}` that is not a minisign public key: `{reason}`.
        TrustedKeyUnreadable,
        /// Why a `--trusted-key` file is no key: nothing but comments in it.
        KeyNoKeyLine,
        /// Why a `--trusted-key` file is no key: its line is not one (minisign-verify's `{detail}`, quoted).
        KeyNotAKey,
        /// `subsidy bundle`: wrote `{file}`, `{files}` files, rule data `{version}`, `{bytes}` bytes, `{sha256}`.
        BundleWrote,
        /// `subsidy bundle`: how to sign it: `{file}`.
        BundleSignHint,
        /// `subsidy update` with no URL, and no default.
        UpdateNoUrl,
        /// The network failed: `{url}`, `{reason}`.
        UpdateFetch,
        /// The server answered `{status}` for `{url}`.
        UpdateHttpStatus,
        /// The download stopped short: `{url}`, `{bytes}` of `{expected}`.
        UpdateTruncated,
        /// The download is larger than `{max}` bytes: `{url}`.
        UpdateTooLarge,
        /// The signature at `{url}` is larger than `{max}` bytes.
        UpdateSignatureTooLarge,
        /// The bundle at `{url}` holds rule data `{new}`, older than `{old}`, in use (`{in_use}`); `--allow-older`.
        UpdateOlder,
        /// The bundle at `{url}` holds rule data `{new}`, older than this build's own `{builtin}`: it would not be used.
        UpdateOlderThanBuiltin,
        /// The bundle at `{url}` would break an extension in use: `{reason}` (which, named where).
        UpdateBreaksExtension,
        /// The bundle at `{url}` is refused: `{reason}`.
        UpdateRefused,
        /// The bundle at `{url}` fails check: `{errors}` errors, the first `{first}`.
        UpdateCheckFailed,
        /// The bundle at `{url}` is an extension, not a catalogue.
        UpdateIsExtension,
        /// Installed: rule data `{version}`, from `{url}`, in `{dir}`.
        UpdateInstalled,
        /// What the check of a bundle could not check (the quotes: no documents in a bundle).
        UpdateQuotesUnchecked,
        /// The bundle at `{url}` is the one in use already (`{version}`).
        UpdateSame,
        /// The change, until `subsidy diff` says it: `{old}` (`{old_programs}` programs) to `{new}` (`{new_programs}`).
        /// `--rollback`: the catalogue in use again is `{version}`, from `{url}` on `{date}`.
        RollbackDone,
        /// `--rollback`: the built-in catalogue (`{version}`) is in use again.
        RollbackToBuiltin,
        /// `--rollback` with nothing installed.
        RollbackNothing,
        /// The installed catalogue `{file}` cannot be used: `{reason}`.
        InstalledCorrupt,
        /// The installed bundle's SHA-256 is not the one its record names.
        InstalledHashMismatch,
        /// The installed bundle `{file}` (rule data `{version}`) is not damaged, but this build cannot read it: `{reason}`.
        InstalledUnreadable,
        /// The installed bundle's file is not there (removed).
        InstalledMissing,
        /// The record of the installed catalogue cannot be read: `{reason}`.
        InstalledRecordInvalid,
        /// Why the record cannot be read: larger than `{max}` bytes.
        InstalledRecordTooLarge,
        /// Why the record cannot be read: not UTF-8 text.
        InstalledRecordNotUtf8,
        /// Why the record cannot be read: the TOML reader's `{detail}`, quoted.
        InstalledRecordToml,
        /// Why the record cannot be read: `{sha256}` is not a SHA-256.
        InstalledRecordSha,
        /// `--rollback`: the one before (`{version}` from `{url}`) cannot be used (`{reason}`): the built-in one (`{builtin}`) instead.
        RollbackPreviousUnusable,
        /// After `--rollback`: the entry now current (`{version}`) is older than the built-in `{builtin}`, which is used.
        RollbackShadowed,
        /// The installed directory could not be written: `{path}`, `{reason}`.
        InstalledCannotWrite,
        /// `--version`: the built-in catalogue.
        VersionFromBuiltin,
        /// `--version`: the built-in catalogue, newer than the installed `{installed}` (not used).
        VersionFromBuiltinNewer,
        /// `--version`: installed from `{url}` on `{date}`.
        VersionFromInstalled,
        /// `--version`: read from `--data {path}`.
        VersionFromData,
        /// The config file's `update_url` that is not an http(s) URL.
        ConfigUpdateUrlValue,
        /// `--from {url}` that is not an http(s) URL.
        UpdateUrlValue,
        /// `subsidy update`'s progress bar on a terminal (an indicatif template).
        UpdateProgress,
        /// Neither `XDG_DATA_HOME` nor `HOME` is set: nowhere to install.
        UpdateNoDataHome,
        /// Why a download failed: no answer in time.
        NetTimeout,
        /// Why a download failed: the host name is not known.
        NetHostNotFound,
        /// Why a download failed: nothing answers at that address and port.
        NetRefused,
        /// Why a download failed: the connection could not be made, or broke.
        NetConnection,
        /// Why a download failed: the URL has no host, or is malformed.
        NetBadUri,
        /// Why a download failed: TLS (https) could not be set up; a certificate refused.
        NetTls,
        /// Why a download failed: too many redirects, or one that failed.
        NetRedirects,
        /// Why a download failed: the answer is not HTTP.
        NetProtocol,
        /// Why a download failed: the proxy setting (HTTPS_PROXY …) is not a URL.
        NetProxy,
        /// Why a download failed, the library's own `{detail}` quoted after ours.
        NetOther,
    }
}
