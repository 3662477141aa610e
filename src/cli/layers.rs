//! The catalogue the command line reads: the first layer (built in, the
//! one `subsidy update` installed, or `--data DIR`/`--data FILE`) and the
//! extensions laid over it, lowest first, each named
//! by `--extend`, `SUBSIDY_EXTEND` or the config file. An extension that
//! cannot be laid over refuses the command, naming where it was named:
//! nothing is computed from half a catalogue.

use std::path::{Path, PathBuf};

use super::CliError;
use super::config::{Origin, Setting, Settings};
use super::error::{NamedError, NamedProblem};
use super::installed::{Entry, Store, Unusable, is_older};
use crate::core::catalogue::{self, Catalogue, CatalogueError};

/// Where the catalogue's layers are read from.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    /// `--data DIR`: the first layer instead of the built-in catalogue.
    pub data: Option<PathBuf>,
    /// The extensions, lowest first, each with where it was named.
    pub extend: Vec<Setting<PathBuf>>,
    /// The config file read, for naming an extension's line in it.
    pub config: Option<PathBuf>,
    /// Where `subsidy update` installs a catalogue: the first layer, when
    /// it holds one and `--data` names none.
    pub installed: Option<Store>,
}

/// Where the first layer comes from (`--version` names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum First {
    Builtin,
    /// What `subsidy update` installed, in the store.
    Installed(Store, Entry),
    /// `--data DIR` or `--data FILE`.
    Data(PathBuf),
}

/// An extension refused: which, named where, and why.
#[derive(Debug)]
pub struct ExtensionError {
    pub from: Origin,
    /// The config file, when it named the extension.
    pub config: Option<PathBuf>,
    pub error: CatalogueError,
}

impl Layers {
    /// The layers the settings name over `data` (`--data DIR`), if given.
    pub fn new(data: Option<PathBuf>, settings: &Settings) -> Layers {
        Layers {
            data,
            extend: settings.extend.clone(),
            config: settings.file().map(Path::to_path_buf),
            installed: settings.data_home.clone().map(|dir| Store { dir }),
        }
    }

    /// Where the first layer comes from: `--data`, else the installed
    /// catalogue, else the built-in one. An installed catalogue older than
    /// the built-in one (the binary was upgraded since) is not used: the
    /// built-in one is ([`Layers::set_aside`] names it for `--version`). An
    /// installed record that cannot be read refuses, naming it.
    pub fn first_from(&self) -> Result<First, CliError> {
        if let Some(data) = &self.data {
            return Ok(First::Data(data.clone()));
        }
        if let Some(store) = &self.installed
            && let Some(record) = store.record()?
            && !is_older(
                &record.current.version,
                &catalogue::embedded_receipt().version,
            )
        {
            return Ok(First::Installed(store.clone(), record.current));
        }
        Ok(First::Builtin)
    }

    /// The installed catalogue set aside for the newer built-in one, if
    /// any (and `--data` names none).
    pub fn set_aside(&self) -> Option<Entry> {
        if self.data.is_some() {
            return None;
        }
        let record = self.installed.as_ref()?.record().ok()??;
        is_older(
            &record.current.version,
            &catalogue::embedded_receipt().version,
        )
        .then_some(record.current)
    }

    /// The whole catalogue: the first layer, every extension over it.
    pub fn load(&self) -> Result<Catalogue, CliError> {
        self.over(self.first()?, &self.extend)
    }

    /// The catalogue for `calc --program ID`: with no extension, only the
    /// built-in programs `ids` and those they name are decoded; else the
    /// whole catalogue.
    pub fn load_for(&self, ids: &[&str]) -> Result<Catalogue, CliError> {
        match (self.first_from()?, self.extend.is_empty()) {
            (First::Builtin, true) => {
                Ok(Catalogue::embedded_subset(ids).unwrap_or_else(Catalogue::embedded)?)
            }
            _ => self.load(),
        }
    }

    /// The first layer alone.
    pub fn first(&self) -> Result<Catalogue, CliError> {
        Ok(match self.first_from()? {
            First::Data(dir) => catalogue::read_dir(&dir)?,
            First::Installed(store, entry) => match store.open(&entry) {
                Ok(catalogue) => catalogue,
                // Its bundle gone: an update or a rollback that finished
                // meanwhile removed it. What the record names now.
                Err(Unusable::Missing) => match self.first_from()? {
                    First::Installed(store, now) if now != entry => store.load(&now)?,
                    First::Builtin => Catalogue::embedded()?,
                    _ => return Err(store.refusal(&entry, Unusable::Missing)),
                },
                Err(why) => return Err(store.refusal(&entry, why)),
            },
            First::Builtin => Catalogue::embedded()?,
        })
    }

    /// `base` with `extensions` laid over it, in order.
    pub fn over(
        &self,
        base: Catalogue,
        extensions: &[Setting<PathBuf>],
    ) -> Result<Catalogue, CliError> {
        let mut catalogue = base;
        for extension in extensions {
            catalogue =
                catalogue::read_extension(catalogue, &extension.value).map_err(|error| {
                    CliError::Extension(Box::new(ExtensionError {
                        from: extension.from.clone(),
                        config: self.config.clone(),
                        error,
                    }))
                })?;
        }
        Ok(catalogue)
    }

    /// The extensions below `dir` (`check DIR` of an extension): those
    /// named before it, or every one if it is not among them.
    pub fn below(&self, dir: &Path) -> &[Setting<PathBuf>] {
        let same = |other: &Path| match (dir.canonicalize(), other.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => dir == other,
        };
        match self.extend.iter().position(|e| same(&e.value)) {
            Some(at) => &self.extend[..at],
            None => &self.extend,
        }
    }
}

/// How the command line names the catalogue built into the binary.
pub const BUILTIN: &str = "builtin";

/// A catalogue named on the command line (`subsidy diff OLD NEW`), read
/// whole, without the extensions of the settings: `builtin`, the one
/// built in; a directory or a bundle file, as `--data` reads them.
/// `which` (`OLD`, `NEW`) names it in an error.
pub fn read_named(arg: &Path, which: &'static str) -> Result<Catalogue, CliError> {
    let refused = |problem| {
        CliError::DiffNamed(Box::new(NamedError {
            which,
            arg: arg.to_path_buf(),
            problem,
        }))
    };
    if arg == Path::new(BUILTIN) {
        return Ok(Catalogue::embedded()?);
    }
    match std::fs::metadata(arg) {
        Ok(_) => catalogue::read_dir(arg).map_err(|e| refused(NamedProblem::Refused(e))),
        Err(_) => Err(refused(NamedProblem::Missing)),
    }
}
