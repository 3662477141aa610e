//! The keys of [`Config`].

use super::Key;

area! {
    /// The settings: the config file, `subsidy config`, and the extensions
    /// named by `--extend`, `SUBSIDY_EXTEND` or the file (src/cli/config.rs).
    Config {
        /// A config file's fault at its line: `{file}`, `{line}`, `{message}`.
        ConfigAt,
        /// Not TOML: the parser's `{message}`.
        ConfigSyntax,
        /// Not UTF-8.
        ConfigNotUtf8,
        /// A key the config file does not take: `{key}`, `{near}` ([`Key::ConfigNear`] or nothing).
        ConfigUnknownKey,
        /// The key probably meant: `{near}`.
        ConfigNear,
        /// `lang = {value}` that is no language.
        ConfigLangValue,
        /// `extend` not a list of directories (or one of them blank).
        ConfigExtendValue,
        /// `prefecture = {value}` that is no prefecture.
        ConfigPrefectureValue,
        /// A config file that cannot be read: `{file}`, `{reason}`.
        ConfigCannotRead,
        /// A config file that is not a regular file of at most `{max}` bytes: `{file}`.
        ConfigNotAFile,
        /// An extension that cannot be laid over the catalogue: where it was named (`{from}`), and why (`{reason}`, with its file).
        ExtensionRefused,
        /// Where a setting comes from: the command line's `{flag}`.
        FromFlag,
        /// Where a setting comes from: the environment variable `{env}`.
        FromEnv,
        /// Where a setting comes from: `{file}`, at `{line}`.
        FromFile,
        /// Where a setting comes from: nowhere, the default.
        FromDefault,
        /// `subsidy config`: the file read, `{file}`, found by `{by}`.
        ConfigShowRead,
        /// `subsidy config`: the file to read, `{file}` (by `{by}`), which does not exist.
        ConfigShowMissing,
        /// `subsidy config`: no place to look for the file.
        ConfigShowNowhere,
        /// `subsidy config`: one setting, `{key} = {value}`, and where it comes from (`{from}`).
        ConfigShowSetting,
        /// `subsidy config`: a setting not set.
        ConfigShowNone,
        /// `subsidy config`: how the paths of `extend` are read.
        ConfigShowPaths,
        /// `--version`: an extension over the rule data: `{name}`, `{version}`, `{sha256}`.
        VersionExtension,
        /// `check` of an extension: the extension after the rule data's receipt.
        CheckExtensionReceipt,
        /// Where a setting comes from: the config file (named above), at `{line}`.
        FromFileLine,
    }
}
