//! The keys of [`Release`].

use super::Key;

area! {
    /// Catalogue releases: a bundle read and written
    /// (src/core/catalogue/bundle/), its signature, `subsidy bundle`,
    /// `subsidy update` and the catalogue it installs (src/cli/update.rs,
    /// src/cli/installed.rs).
    Release {
        /// Not a tar archive a bundle is: the archive reader's `{reason}`.
        BundleNotTar,
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
        /// The manifest cannot be read: `{reason}`.
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
        /// A signature file that is not a minisign signature: `{reason}`.
        SignatureUnreadable,
        /// `--trusted-key {file}` that is not a minisign public key: `{reason}`.
        TrustedKeyUnreadable,
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
        /// The record of the installed catalogue cannot be read: `{reason}`.
        InstalledRecordInvalid,
        /// The installed directory could not be written: `{path}`, `{reason}`.
        InstalledCannotWrite,
        /// `--version`: the built-in catalogue.
        VersionFromBuiltin,
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
    }
}
