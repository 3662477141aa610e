//! The settings and where each comes from: a flag, the environment, the
//! config file (`$XDG_CONFIG_HOME/subsidy/config.toml`, else
//! `~/.config/subsidy/config.toml`, or the file `SUBSIDY_CONFIG` names),
//! or the default. Flags win over the environment, which wins over the file.
//!
//! The file is strict TOML with four keys: `lang` (`ja`, `en`), `extend`
//! (extension directories, relative to the file's own directory),
//! `prefecture` (the default prefecture of `calc` and `plan`) and
//! `update_url` (where `subsidy update` fetches a catalogue bundle; no
//! default until the project publishes releases). A key it
//! does not take, or a value it cannot use, is one line naming the file
//! and the line. `subsidy config` prints where the file is and what each
//! setting is, and from where.

use std::ffi::OsString;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::Lang;
use crate::i18n::{self, Key};
use crate::input::text::shown;

/// The largest config file read (a config file is a few lines).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The config file's keys, as the error for an unknown one lists them.
const KEYS: [&str; 4] = ["lang", "extend", "prefecture", "update_url"];

/// What the environment says, read once at start.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `SUBSIDY_LANG`.
    pub lang: Option<String>,
    /// `SUBSIDY_EXTEND`: directories separated as `PATH`'s are.
    pub extend: Option<OsString>,
    /// `SUBSIDY_CONFIG`: the config file to read instead.
    pub config: Option<OsString>,
    /// `XDG_CONFIG_HOME`, and `HOME` (for `~/.config` without it).
    pub xdg_config_home: Option<OsString>,
    pub home: Option<OsString>,
    /// `XDG_DATA_HOME`: where `subsidy update` installs a catalogue.
    pub xdg_data_home: Option<OsString>,
}

impl Env {
    /// The process's environment.
    pub fn read() -> Env {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Env {
            lang: std::env::var("SUBSIDY_LANG").ok(),
            // Set but empty is a setting too: no extensions.
            extend: std::env::var_os("SUBSIDY_EXTEND"),
            config: var("SUBSIDY_CONFIG"),
            xdg_config_home: var("XDG_CONFIG_HOME"),
            home: var("HOME"),
            xdg_data_home: var("XDG_DATA_HOME"),
        }
    }
}

/// Where a setting comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    /// The config file, at this line.
    File(usize),
    Default,
}

/// Where the config file is looked for, and what found the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    /// `SUBSIDY_CONFIG`, `$XDG_CONFIG_HOME` or `$HOME`.
    pub by: &'static str,
}

/// Where the config file is: the file `SUBSIDY_CONFIG` names, else
/// `subsidy/config.toml` under `XDG_CONFIG_HOME` (an absolute path, as the
/// XDG spec wants), else under `~/.config`; `None` with neither set.
pub fn locate(env: &Env) -> Option<Location> {
    if let Some(path) = &env.config {
        return Some(Location {
            path: PathBuf::from(path),
            by: "SUBSIDY_CONFIG",
        });
    }
    let xdg = env
        .xdg_config_home
        .as_ref()
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let (base, by) = match (xdg, &env.home) {
        (Some(xdg), _) => (xdg, "$XDG_CONFIG_HOME"),
        (None, Some(home)) => (Path::new(home).join(".config"), "$HOME/.config"),
        (None, None) => return None,
    };
    Some(Location {
        path: base.join("subsidy").join("config.toml"),
        by,
    })
}

/// What the config file sets, each with its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub lang: Option<(Lang, usize)>,
    /// Extension directories as written, each with its line.
    pub extend: Option<Vec<(PathBuf, usize)>>,
    /// The official name (`福岡県`), and its line.
    pub prefecture: Option<(&'static str, usize)>,
    /// `update_url`: the bundle `subsidy update` fetches, and its line.
    pub update_url: Option<(String, usize)>,
}

/// The config file as read: where it is, and what it sets (`None`: there
/// is no file there).
#[derive(Debug, Clone)]
pub struct Config {
    pub location: Option<Location>,
    pub file: Option<FileSettings>,
}

/// A config file that cannot be used: one line, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub problem: ConfigProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Cannot be read (`SUBSIDY_CONFIG` names no file, no permission …).
    CannotRead(String),
    /// Not a regular file, or larger than [`MAX_CONFIG_BYTES`].
    NotAFile,
    /// At a line: what is wrong there.
    At(usize, AtLine),
}

/// What is wrong at a line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtLine {
    Syntax(String),
    NotUtf8,
    UnknownKey(String),
    Lang(String),
    Extend,
    Prefecture(String),
    /// `update_url` that is not an http(s) URL.
    UpdateUrl,
}

impl ConfigError {
    /// The line in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let file = self.file.display();
        let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
        match &self.problem {
            ConfigProblem::CannotRead(reason) => text(
                Key::ConfigCannotRead,
                &[("file", &file), ("reason", reason)],
            ),
            ConfigProblem::NotAFile => text(
                Key::ConfigNotAFile,
                &[("file", &file), ("max", &MAX_CONFIG_BYTES)],
            ),
            ConfigProblem::At(line, problem) => {
                let message = match problem {
                    AtLine::Syntax(message) => text(Key::ConfigSyntax, &[("message", message)]),
                    AtLine::NotUtf8 => text(Key::ConfigNotUtf8, &[]),
                    AtLine::UnknownKey(key) => {
                        let near = near_key(key)
                            .map(|near| text(Key::ConfigNear, &[("near", &near)]))
                            .unwrap_or_default();
                        text(
                            Key::ConfigUnknownKey,
                            &[("key", &shown(key)), ("near", &near)],
                        )
                    }
                    AtLine::Lang(value) => text(Key::ConfigLangValue, &[("value", &shown(value))]),
                    AtLine::Extend => text(Key::ConfigExtendValue, &[]),
                    AtLine::Prefecture(value) => {
                        text(Key::ConfigPrefectureValue, &[("value", &shown(value))])
                    }
                    AtLine::UpdateUrl => text(Key::ConfigUpdateUrlValue, &[]),
                };
                text(
                    Key::ConfigAt,
                    &[("file", &file), ("line", line), ("message", &message)],
                )
            }
        }
    }
}

/// The key of the file one or two letters from `key`, if any.
fn near_key(key: &str) -> Option<&'static str> {
    let key = key.trim().to_ascii_lowercase();
    KEYS.into_iter()
        .find(|k| strsim::levenshtein(k, &key) <= 2 || key.starts_with(k))
}

/// Reads the config file where [`locate`] finds it. No file there is no
/// error (nothing set), unless `SUBSIDY_CONFIG` named it.
pub fn load(env: &Env) -> Result<Config, ConfigError> {
    let location = locate(env);
    let Some(Location { path, by }) = &location else {
        return Ok(Config {
            location,
            file: None,
        });
    };
    let fail = |problem| ConfigError {
        file: path.clone(),
        problem,
    };
    let cannot = |e: std::io::Error| fail(ConfigProblem::CannotRead(e.to_string()));
    let opened = match std::fs::File::open(path) {
        Ok(opened) => opened,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && *by != "SUBSIDY_CONFIG" => {
            return Ok(Config {
                location,
                file: None,
            });
        }
        Err(e) => return Err(cannot(e)),
    };
    let metadata = opened.metadata().map_err(cannot)?;
    if !metadata.is_file() || metadata.len() > MAX_CONFIG_BYTES {
        return Err(fail(ConfigProblem::NotAFile));
    }
    let mut bytes = Vec::new();
    opened
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(fail(ConfigProblem::NotAFile));
    }
    let settings =
        parse(&bytes).map_err(|(line, problem)| fail(ConfigProblem::At(line, problem)))?;
    // Relative extension paths are the file's directory's.
    let dir = path.parent().unwrap_or(Path::new(""));
    let settings = FileSettings {
        extend: settings.extend.map(|dirs| {
            dirs.into_iter()
                .map(|(p, line)| (dir.join(p), line))
                .collect()
        }),
        ..settings
    };
    Ok(Config {
        location,
        file: Some(settings),
    })
}

/// What a config file's bytes set; or the line at fault, and what is wrong.
pub fn parse(bytes: &[u8]) -> Result<FileSettings, (usize, AtLine)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| (line_of(bytes, e.valid_up_to()), AtLine::NotUtf8))?;
    let table = DeTable::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(bytes, s.start));
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        (line, AtLine::Syntax(message))
    })?;
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    let mut settings = FileSettings::default();
    for (key, value) in entries {
        let line = line_of(bytes, key.span().start);
        let string = match value.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            _ => None,
        };
        match key.get_ref().as_ref() {
            "lang" => {
                let lang = string.and_then(lang_named).ok_or_else(|| {
                    let value = string.map_or_else(|| value_text(value.get_ref()), str::to_string);
                    (line, AtLine::Lang(value))
                })?;
                settings.lang = Some((lang, line));
            }
            "prefecture" => {
                let prefecture = string
                    .and_then(crate::core::prefecture::normalize)
                    .ok_or_else(|| {
                        let value =
                            string.map_or_else(|| value_text(value.get_ref()), str::to_string);
                        (line, AtLine::Prefecture(value))
                    })?;
                settings.prefecture = Some((prefecture, line));
            }
            "extend" => {
                let DeValue::Array(dirs) = value.get_ref() else {
                    return Err((line, AtLine::Extend));
                };
                let mut out = Vec::with_capacity(dirs.len());
                for dir in dirs.iter() {
                    let at = line_of(bytes, dir.span().start);
                    match dir.get_ref() {
                        DeValue::String(s) if !s.trim().is_empty() => {
                            out.push((PathBuf::from(s.as_ref()), at));
                        }
                        _ => return Err((at, AtLine::Extend)),
                    }
                }
                settings.extend = Some(out);
            }
            "update_url" => match string {
                Some(url) if is_http_url(url) => {
                    settings.update_url = Some((url.trim().to_string(), line));
                }
                _ => return Err((line, AtLine::UpdateUrl)),
            },
            other => return Err((line, AtLine::UnknownKey(other.to_string()))),
        }
    }
    Ok(settings)
}

/// Whether `url` is an http or https URL (`subsidy update` fetches nothing else).
pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace))
}

/// Where `subsidy update` installs a catalogue: `subsidy` under
/// `XDG_DATA_HOME` (an absolute path, as the XDG spec wants), else under
/// `~/.local/share`; `None` with neither set.
pub fn data_home(env: &Env) -> Option<PathBuf> {
    let xdg = (env.xdg_data_home.as_ref())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    match (xdg, &env.home) {
        (Some(xdg), _) => Some(xdg.join("subsidy")),
        (None, Some(home)) => Some(Path::new(home).join(".local/share/subsidy")),
        (None, None) => None,
    }
}

/// A value that is not text, as the error quotes it.
fn value_text(value: &DeValue<'_>) -> String {
    match value {
        DeValue::Integer(i) => i.as_str().to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}

/// The 1-based line of byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// `en`, `english` → English; `ja`, `japanese`, `jp` → Japanese (as
/// `--lang` and `SUBSIDY_LANG` are read).
pub fn lang_named(value: &str) -> Option<Lang> {
    match value.trim().to_ascii_lowercase().as_str() {
        "en" | "english" => Some(Lang::En),
        "ja" | "japanese" | "jp" => Some(Lang::Ja),
        _ => None,
    }
}

/// Where a setting comes from, in words: the flag `flag`, the variable
/// `env`, the line of the config `file` (of the config file, `None`: named
/// already), or the default.
pub fn origin_text(
    from: &Origin,
    file: Option<&Path>,
    flag: &str,
    env: &str,
    lang: Lang,
) -> String {
    match from {
        Origin::Flag => i18n::text(lang, Key::FromFlag, &[("flag", &flag)]),
        Origin::Env => i18n::text(lang, Key::FromEnv, &[("env", &env)]),
        Origin::File(line) => match file {
            Some(file) => i18n::text(
                lang,
                Key::FromFile,
                &[("file", &file.display()), ("line", line)],
            ),
            None => i18n::text(lang, Key::FromFileLine, &[("line", line)]),
        },
        Origin::Default => i18n::template(lang, Key::FromDefault).to_string(),
    }
}

/// A setting and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Origin,
}

/// Every setting, resolved: flag, else environment, else file, else default.
#[derive(Debug, Clone)]
pub struct Settings {
    pub location: Option<Location>,
    /// Whether the file was there and read.
    pub read: bool,
    pub lang: Setting<Lang>,
    /// The extension directories, lowest first, each with where it was named.
    pub extend: Vec<Setting<PathBuf>>,
    /// Where the list of extensions comes from (a flag replaces the whole list).
    pub extend_from: Origin,
    pub prefecture: Option<Setting<&'static str>>,
    /// `update_url` from the config file.
    pub update_url: Option<Setting<String>>,
    /// Where `subsidy update` installs a catalogue ([`data_home`]).
    pub data_home: Option<PathBuf>,
}

impl Settings {
    /// The settings from the command line's `lang` (as given) and
    /// `--extend` directories, the environment and the config file.
    pub fn resolve(
        flag_lang: Option<Lang>,
        flag_extend: &[PathBuf],
        env: &Env,
        config: Config,
    ) -> Settings {
        let read = config.location.is_some() && config.file.is_some();
        let file = config.file.unwrap_or_default();
        let lang = match (
            flag_lang,
            env.lang.as_deref().and_then(lang_named),
            file.lang,
        ) {
            (Some(lang), _, _) => (lang, Origin::Flag),
            (None, Some(lang), _) => (lang, Origin::Env),
            (None, None, Some((lang, line))) => (lang, Origin::File(line)),
            (None, None, None) => (Lang::Ja, Origin::Default),
        };
        let each = |from: Origin| {
            move |value: PathBuf| Setting {
                value,
                from: from.clone(),
            }
        };
        let (extend, extend_from) = if !flag_extend.is_empty() {
            let dirs = flag_extend.iter().cloned().map(each(Origin::Flag));
            (dirs.collect(), Origin::Flag)
        } else if let Some(paths) = &env.extend {
            let dirs = std::env::split_paths(paths).filter(|p| !p.as_os_str().is_empty());
            (dirs.map(each(Origin::Env)).collect(), Origin::Env)
        } else if let Some(dirs) = file.extend {
            let line = dirs.first().map_or(1, |(_, line)| *line);
            let dirs = dirs.into_iter().map(|(value, line)| Setting {
                value,
                from: Origin::File(line),
            });
            (dirs.collect(), Origin::File(line))
        } else {
            (Vec::new(), Origin::Default)
        };
        Settings {
            read,
            location: config.location,
            lang: Setting {
                value: lang.0,
                from: lang.1,
            },
            extend,
            extend_from,
            prefecture: file.prefecture.map(|(value, line)| Setting {
                value,
                from: Origin::File(line),
            }),
            update_url: file.update_url.map(|(value, line)| Setting {
                value,
                from: Origin::File(line),
            }),
            data_home: data_home(env),
        }
    }

    /// Where a setting of flag `flag` (and variable `env`) comes from, in
    /// words, under the line that names the config file.
    fn origin(&self, from: &Origin, flag: &str, env: &str, lang: Lang) -> String {
        origin_text(from, None, flag, env, lang)
    }

    /// The config file, where it was read.
    pub fn file(&self) -> Option<&Path> {
        self.location
            .as_ref()
            .filter(|_| self.read)
            .map(|l| l.path.as_path())
    }

    /// What `subsidy config` prints: the file, then each setting and where
    /// it comes from, each line wrapped to `width` (paths kept whole).
    pub fn text(&self, lang: Lang, width: usize) -> String {
        let mut out = String::new();
        let mut push = |line: &str| out.push_str(&crate::report::layout::hanging("", line, width));
        push(&match &self.location {
            None => i18n::template(lang, Key::ConfigShowNowhere).to_string(),
            Some(location) => i18n::text(
                lang,
                if self.read {
                    Key::ConfigShowRead
                } else {
                    Key::ConfigShowMissing
                },
                &[("file", &location.path.display()), ("by", &location.by)],
            ),
        });
        let none = i18n::template(lang, Key::ConfigShowNone);
        let mut line = |key: &str, value: &dyn std::fmt::Display, from: String| {
            push(&i18n::text(
                lang,
                Key::ConfigShowSetting,
                &[("key", &key), ("value", value), ("from", &from)],
            ));
        };
        let lang_id = match self.lang.value {
            Lang::Ja => "ja",
            Lang::En => "en",
        };
        line(
            "lang",
            &lang_id,
            self.origin(&self.lang.from, "--lang", "SUBSIDY_LANG", lang),
        );
        if self.extend.is_empty() {
            let from = self.origin(&self.extend_from, "--extend", "SUBSIDY_EXTEND", lang);
            line("extend", &none, from);
        }
        for dir in &self.extend {
            let from = self.origin(&dir.from, "--extend", "SUBSIDY_EXTEND", lang);
            line("extend", &dir.value.display(), from);
        }
        match &self.prefecture {
            Some(prefecture) => {
                let from = self.origin(&prefecture.from, "--prefecture", "", lang);
                line("prefecture", &prefecture.value, from);
            }
            None => line(
                "prefecture",
                &none,
                self.origin(&Origin::Default, "", "", lang),
            ),
        }
        match &self.update_url {
            Some(url) => {
                let from = self.origin(&url.from, "--from", "", lang);
                line("update_url", &url.value, from);
            }
            None => line(
                "update_url",
                &none,
                self.origin(&Origin::Default, "", "", lang),
            ),
        }
        push(i18n::template(lang, Key::ConfigShowPaths));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_sets_the_language_the_extensions_and_the_prefecture() {
        let text = "# settings\nlang = \"en\"\nextend = [\n  \"kita-city\",\n  \"/opt/ext\",\n]\nprefecture = \"fukuoka\"\n";
        let settings = parse(text.as_bytes()).unwrap();
        assert_eq!(settings.lang, Some((Lang::En, 2)));
        assert_eq!(
            settings.extend,
            Some(vec![
                (PathBuf::from("kita-city"), 4),
                (PathBuf::from("/opt/ext"), 5)
            ])
        );
        assert_eq!(settings.prefecture, Some(("福岡県", 7)));
    }

    #[test]
    fn a_key_or_value_the_file_cannot_use_is_refused_at_its_line() {
        let at = |text: &str| parse(text.as_bytes()).unwrap_err();
        assert_eq!(
            at("lang = \"en\"\nlanguage = \"en\"\n"),
            (2, AtLine::UnknownKey("language".to_string()))
        );
        assert_eq!(at("\n\nlang = \"fr\""), (3, AtLine::Lang("fr".to_string())));
        assert_eq!(at("lang = 1"), (1, AtLine::Lang("1".to_string())));
        assert_eq!(at("extend = \"kita\""), (1, AtLine::Extend));
        assert_eq!(at("extend = [\n\"a\",\n\"\"]"), (3, AtLine::Extend));
        assert_eq!(
            at("prefecture = \"Fukuoaka\""),
            (1, AtLine::Prefecture("Fukuoaka".to_string()))
        );
        assert!(matches!(at("lang = "), (1, AtLine::Syntax(_))));
        assert_eq!(parse(b"lang = \"\xff\"").unwrap_err(), (1, AtLine::NotUtf8));
        let error = ConfigError {
            file: PathBuf::from("/x/config.toml"),
            problem: ConfigProblem::At(2, AtLine::UnknownKey("language".to_string())),
        };
        assert_eq!(
            error.message(Lang::En),
            "/x/config.toml:2: the config file has no key 'language' (did you mean lang?); its keys are lang, extend, prefecture and update_url (e.g. lang = \"en\")"
        );
        assert_eq!(
            error.message(Lang::Ja),
            "/x/config.toml:2: 設定ファイルに 'language' というキーはありません（もしかして lang？）。使えるキーは lang、extend、prefecture、update_url です（例: lang = \"en\"）"
        );
    }

    fn env(pairs: &[(&str, &str)]) -> Env {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        };
        Env {
            lang: get("SUBSIDY_LANG").map(|v| v.to_string_lossy().into_owned()),
            extend: get("SUBSIDY_EXTEND"),
            config: get("SUBSIDY_CONFIG"),
            xdg_config_home: get("XDG_CONFIG_HOME"),
            home: get("HOME"),
            xdg_data_home: get("XDG_DATA_HOME"),
        }
    }

    #[test]
    fn the_file_is_where_the_environment_says() {
        let path = |pairs: &[(&str, &str)]| locate(&env(pairs)).map(|l| (l.path, l.by));
        assert_eq!(
            path(&[("HOME", "/home/u")]),
            Some((
                PathBuf::from("/home/u/.config/subsidy/config.toml"),
                "$HOME/.config"
            ))
        );
        assert_eq!(
            path(&[("HOME", "/home/u"), ("XDG_CONFIG_HOME", "/xdg")]),
            Some((
                PathBuf::from("/xdg/subsidy/config.toml"),
                "$XDG_CONFIG_HOME"
            ))
        );
        // A relative XDG_CONFIG_HOME is ignored, as the spec says.
        assert_eq!(
            path(&[("HOME", "/h"), ("XDG_CONFIG_HOME", "rel")])
                .unwrap()
                .0,
            PathBuf::from("/h/.config/subsidy/config.toml")
        );
        assert_eq!(
            path(&[("HOME", "/h"), ("SUBSIDY_CONFIG", "/etc/s.toml")]),
            Some((PathBuf::from("/etc/s.toml"), "SUBSIDY_CONFIG"))
        );
        assert_eq!(path(&[]), None);
    }

    #[test]
    fn flags_win_over_the_environment_which_wins_over_the_file() {
        let file = FileSettings {
            lang: Some((Lang::En, 1)),
            extend: Some(vec![(PathBuf::from("/cfg/a"), 2)]),
            prefecture: Some(("福岡県", 3)),
            update_url: None,
        };
        let config = || Config {
            location: Some(Location {
                path: PathBuf::from("/cfg/config.toml"),
                by: "SUBSIDY_CONFIG",
            }),
            file: Some(file.clone()),
        };
        let from_file = Settings::resolve(None, &[], &env(&[]), config());
        assert_eq!(
            (from_file.lang.value, from_file.lang.from),
            (Lang::En, Origin::File(1))
        );
        assert_eq!(from_file.extend[0].value, PathBuf::from("/cfg/a"));
        assert_eq!(from_file.extend_from, Origin::File(2));
        let environment = env(&[("SUBSIDY_LANG", "ja"), ("SUBSIDY_EXTEND", "/e/b:/e/c")]);
        let from_env = Settings::resolve(None, &[], &environment, config());
        assert_eq!(
            (from_env.lang.value, from_env.lang.from),
            (Lang::Ja, Origin::Env)
        );
        let dirs: Vec<&Path> = from_env.extend.iter().map(|s| s.value.as_path()).collect();
        assert_eq!(dirs, [Path::new("/e/b"), Path::new("/e/c")]);
        let flagged = Settings::resolve(
            Some(Lang::En),
            &[PathBuf::from("f")],
            &environment,
            config(),
        );
        assert_eq!(flagged.lang.from, Origin::Flag);
        assert_eq!(flagged.extend.len(), 1);
        assert_eq!(flagged.extend[0].from, Origin::Flag);
        // An empty SUBSIDY_EXTEND says: none, whatever the file says.
        let none = Settings::resolve(None, &[], &env(&[("SUBSIDY_EXTEND", "")]), config());
        assert!(none.extend.is_empty());
        assert_eq!(none.extend_from, Origin::Env);
        // The prefecture has no variable: the file's, from its line.
        assert_eq!(
            from_env.prefecture,
            Some(Setting {
                value: "福岡県",
                from: Origin::File(3)
            })
        );
    }
}
