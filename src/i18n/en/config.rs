//! The English sentences of `Config`.

use crate::i18n::key::Config;

/// The sentence for `key`.
pub(super) fn text(key: Config) -> &'static str {
    match key {
        Config::ConfigAt => "{file}:{line}: {message}",
        Config::ConfigSyntax => "not TOML: {message}",
        Config::ConfigNotUtf8 => "not UTF-8 text; save it as UTF-8",
        Config::ConfigUnknownKey => {
            "the config file has no key '{key}'{near}; its keys are lang, extend, prefecture and update_url (e.g. lang = \"en\")"
        }
        Config::ConfigNear => " (did you mean {near}?)",
        Config::ConfigLangValue => {
            "lang '{value}' is not a language; use ja or en (e.g. lang = \"en\")"
        }
        Config::ConfigExtendValue => {
            "extend is a list of directories (e.g. extend = [\"kita-city\"]; a relative path is read from the config file's directory)"
        }
        Config::ConfigPrefectureValue => {
            "prefecture '{value}' is not a prefecture (e.g. prefecture = \"福岡県\", \"福岡\" or \"fukuoka\")"
        }
        Config::ConfigCannotRead => "cannot read the config file {file}: {reason}",
        Config::ConfigNotAFile => {
            "the config file {file} is not a regular file of at most {max} bytes"
        }
        Config::ExtensionRefused => "cannot use the extension ({from}): {reason}",
        Config::FromFlag => "the command line's {flag}",
        Config::FromEnv => "the environment variable {env}",
        Config::FromFile => "line {line} of {file}",
        Config::FromDefault => "the default",
        Config::ConfigShowRead => "config file: {file} (found by {by}; read)",
        Config::ConfigShowMissing => {
            "config file: {file} (found by {by}; not there yet: write it and it is read from there)"
        }
        Config::ConfigShowNowhere => {
            "config file: none (neither HOME nor XDG_CONFIG_HOME is set; SUBSIDY_CONFIG names a file)"
        }
        Config::ConfigShowSetting => "{key} = {value} ({from})",
        Config::ConfigShowNone => "none",
        Config::ConfigShowPaths => {
            "Relative paths in extend are read from the config file's directory in the file, and from the current directory in --extend and SUBSIDY_EXTEND. Flags win over the environment, which wins over the file."
        }
        Config::VersionExtension => "extension {name} {version} (sha256 {sha256})",
        Config::CheckExtensionReceipt => {
            "; extension {name} {version} (sha256 {sha256}, {files} files)"
        }
        Config::FromFileLine => "line {line} of the config file",
    }
}
