//! Extensions (`--extend DIR`): catalogues laid over the built-in one (or
//! `--data DIR`), lowest first. An extension is a directory like `data/`:
//! its programs, its own `sources.toml` (optional: its programs may cite
//! the documents of the layers below too) and an [`EXTENSION_FILE`] that
//! names it. Laying one over is pure: the files come in as text.
//!
//! An extension's program whose id a lower layer has is refused, naming
//! both files, unless it says `replaces = "ID"` (with `replaces_reason`):
//! then it takes the place of that lower program. Every program carries
//! the extension it came from ([`Program::extension`]), and the receipt
//! lists each layer with its SHA-256.

use super::*;
use serde::Deserialize;

/// The file that makes a directory an extension: its name and version.
pub const EXTENSION_FILE: &str = "extension.toml";

/// An extension's [`EXTENSION_FILE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionMeta {
    /// Kebab-case (`kita-city`): every result from the extension names it.
    pub name: String,
    /// As its authors number it (`2026.1`, a date).
    pub version: String,
}

/// [`ExtensionMeta`] as written, with where each value stands.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    name: toml::Spanned<String>,
    version: toml::Spanned<String>,
}

/// The extension named in `file` (`text`): both keys given, the name
/// kebab-case, the version not blank (nor left as the skeleton's [`BLANK`]);
/// refused at the line at fault.
pub fn parse_extension_meta(file: &str, text: &str) -> Result<ExtensionMeta, CatalogueError> {
    refuse_blanks(file, text)?;
    let meta: MetaFile = from_toml(file, text)?;
    let at = |span: std::ops::Range<usize>, message: Said| {
        let (line, column, _) = crate::core::diagnostics::position(text, span.start);
        CatalogueError::Located {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    let name = meta.name.get_ref();
    if !is_kebab(name) {
        return Err(at(
            meta.name.span(),
            said(
                Key::DataExtensionName,
                &[("name", &crate::core::diagnostics::clip(name, 60))],
            ),
        ));
    }
    if meta.version.get_ref().trim().is_empty() {
        return Err(at(
            meta.version.span(),
            said(Key::DataExtensionVersion, &[]),
        ));
    }
    Ok(ExtensionMeta {
        name: meta.name.into_inner(),
        version: meta.version.into_inner(),
    })
}

/// The path of `name` inside `dir`, as messages show it.
fn in_dir(dir: &str, name: &str) -> String {
    std::path::Path::new(dir).join(name).display().to_string()
}

impl Catalogue {
    /// Every document of every layer's registry, with the file that lists it.
    pub fn documents(&self) -> impl Iterator<Item = (&str, &Document)> {
        self.documents.iter().map(|(file, d)| (file.as_str(), d))
    }

    /// This catalogue with the extension `files` (read from `dir`) laid
    /// over it. Refused, with nothing laid over, where the extension has no
    /// [`EXTENSION_FILE`] or one that is wrong, a name a lower layer has, a
    /// document id a lower registry has, a program id a lower layer has
    /// (naming both files) unless the program replaces it, a `replaces`
    /// that names no lower program, a value left blank ([`BLANK`], at the
    /// first, counting them all), or any fault loading refuses.
    pub fn extend(
        mut self,
        dir: &str,
        files: &[(String, String)],
    ) -> Result<Catalogue, CatalogueError> {
        let compiled: Vec<Compiled<'_>> = files
            .iter()
            .map(|(name, text)| Compiled {
                name,
                text,
                json: None,
            })
            .collect();
        // Skeletons not filled in yet: how many blanks in all.
        refuse_blanks_in(compiled.iter().map(|f| (f.name, f.text)))?;
        let Some(meta_file) = compiled.iter().find(|f| is_extension_file(f.name)) else {
            return Err(CatalogueError::invalid(
                &in_dir(dir, EXTENSION_FILE),
                said(Key::DataNoExtensionFile, &[]),
            ));
        };
        let meta = parse_extension_meta(meta_file.name, meta_file.text)?;
        if let Some(other) = self.receipt.extensions.iter().find(|e| e.name == meta.name) {
            let other = other.dir.as_deref().unwrap_or_default();
            return Err(CatalogueError::invalid(
                meta_file.name,
                said(
                    Key::DataExtensionNameTwice,
                    &[("name", &meta.name), ("other", &other)],
                ),
            ));
        }
        if let Some(file) = compiled.iter().find(|f| is_discovery(f.name)) {
            return Err(CatalogueError::invalid(
                file.name,
                said(Key::DataExtensionDiscovery, &[]),
            ));
        }
        // Its own documents, none with a lower registry's id; its programs
        // may cite those and the lower ones.
        let own = match compiled.iter().find(|f| is_registry(f.name)) {
            Some(file) => Some((
                file.name,
                checked_registry(file.name, file.decode::<Registry>()?)?,
            )),
            None => None,
        };
        if let Some((file, registry)) = &own {
            for document in &registry.documents {
                if let Some((lower, _)) = self.documents.iter().find(|(_, d)| d.id == document.id) {
                    return Err(CatalogueError::invalid(
                        file,
                        said(
                            Key::DataDocumentClash,
                            &[("id", &format!("{:?}", document.id)), ("lower", lower)],
                        ),
                    ));
                }
            }
        }
        let mut documents = std::mem::take(&mut self.documents);
        if let Some((file, registry)) = &own {
            documents.extend((registry.documents.iter()).map(|d| ((*file).to_string(), d.clone())));
        }
        let registry = Registry {
            documents: documents.iter().map(|(_, d)| d.clone()).collect(),
        };
        let mut upper = compiled
            .iter()
            .filter(|f| is_program(f.name))
            .map(|file| file.program(&registry))
            .collect::<Result<Vec<_>, _>>()?;
        for program in &mut upper {
            program.extension = Some(meta.name.clone());
        }
        // Each id once within the extension, before it meets the layers below.
        for (i, program) in upper.iter().enumerate() {
            if let Some(first) = upper[..i].iter().find(|p| p.id == program.id) {
                return Err(CatalogueError::invalid(
                    &program.file,
                    said(
                        Key::DataIdTwice,
                        &[("id", &format!("{:?}", program.id)), ("first", &first.file)],
                    ),
                ));
            }
        }
        let mut programs = std::mem::take(&mut self.programs);
        for program in &upper {
            let Some(replaced) = &program.replaces else {
                continue;
            };
            match programs.iter().position(|p| p.id == *replaced) {
                Some(i) => {
                    programs.remove(i);
                }
                None => {
                    return Err(CatalogueError::invalid(
                        &program.file,
                        said(
                            Key::DataReplacesUnknown,
                            &[("id", &format!("{replaced:?}"))],
                        ),
                    ));
                }
            }
        }
        for program in &upper {
            if let Some(lower) = programs.iter().find(|p| p.id == program.id) {
                let builtin = self.receipt.dir.is_none();
                return Err(CatalogueError::invalid(
                    &program.file,
                    clash_said(program, lower, builtin),
                ));
            }
            if self.discovery.iter().any(|d| d.id == program.id) {
                return Err(CatalogueError::invalid(
                    &program.file,
                    said(
                        Key::DataDiscoveryIdTaken,
                        &[("id", &format!("{:?}", program.id))],
                    ),
                ));
            }
        }
        programs.extend(upper);
        check_assembled(&mut programs)?;
        self.programs = programs;
        self.documents = documents;
        // The whole catalogue is here now: its facts are its programs'.
        self.every_fact = None;
        self.receipt.extensions.push(LayerReceipt {
            name: meta.name,
            version: meta.version,
            sha256: receipt(files, None).sha256,
            files: files.len(),
            dir: Some(dir.to_string()),
        });
        Ok(self)
    }
}

/// Why `program` (of an extension) is refused: it has the id of `lower`,
/// which it does not replace. Names the lower program's file and layer
/// (`builtin`: the first layer is the built-in catalogue), and how to
/// replace it.
pub fn clash_said(program: &Program, lower: &Program, builtin: bool) -> Said {
    crate::core::diagnostics::said_each(|lang| {
        let layer = match (&lower.extension, builtin) {
            (Some(name), _) => name.clone(),
            (None, true) => i18n::template(lang, Key::DataBuiltinLayer).to_string(),
            (None, false) => i18n::template(lang, Key::DataFirstLayer).to_string(),
        };
        i18n::text(
            lang,
            Key::DataIdClash,
            &[
                ("id", &format!("{:?}", program.id)),
                ("lower", &lower.file),
                ("layer", &layer),
            ],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = include_str!("../../../tests/extensions/kakuu-city/extension.toml");
    const SOURCES: &str = include_str!("../../../tests/extensions/kakuu-city/sources.toml");
    const PROGRAM: &str = include_str!("../../../tests/extensions/kakuu-city/kakuu-city-dx.toml");
    const REPLACING: &str =
        include_str!("../../../tests/extensions/kakuu-replaces/online-qual-exempt.toml");
    const REPLACING_SOURCES: &str =
        include_str!("../../../tests/extensions/kakuu-replaces/sources.toml");

    /// `(ext/NAME, TEXT)` pairs, as read from a directory `ext`.
    fn files(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(name, text)| (format!("ext/{name}"), text.to_string()))
            .collect()
    }

    fn kakuu() -> Vec<(String, String)> {
        files(&[
            ("extension.toml", META),
            ("sources.toml", SOURCES),
            ("kakuu-city-dx.toml", PROGRAM),
        ])
    }

    fn refused(files: &[(String, String)]) -> String {
        Catalogue::embedded()
            .unwrap()
            .extend("ext", files)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn an_extension_adds_its_programs_named_after_it() {
        let base = Catalogue::embedded().unwrap();
        let layered = base.clone().extend("ext", &kakuu()).unwrap();
        assert_eq!(layered.programs().len(), base.programs().len() + 1);
        let program = layered.program("kakuu-city-dx").unwrap();
        assert_eq!(program.extension.as_deref(), Some("kakuu-city"));
        assert_eq!(program.file, "ext/kakuu-city-dx.toml");
        // It cites its own document, from its own registry.
        assert_eq!(program.documents[0].id, "kakuu-1");
        assert_eq!(program.documents[0].date.to_string(), "2026-04-01");
        // The built-in programs are as they were, from no extension.
        let ehr = layered.program("ehr-sharing").unwrap();
        assert_eq!(Some(ehr), base.program("ehr-sharing"));
        assert_eq!(ehr.extension, None);
        // The receipt: the first layer as it was, then the extension, with
        // the SHA-256 of its three files alone.
        let receipt = layered.receipt();
        assert_eq!(
            (receipt.version.as_str(), receipt.sha256.as_str()),
            (
                base.receipt().version.as_str(),
                base.receipt().sha256.as_str()
            )
        );
        let layers = receipt.layers();
        let names: Vec<(&str, &str, usize)> = layers
            .iter()
            .map(|l| (l.name.as_str(), l.version.as_str(), l.files))
            .collect();
        assert_eq!(
            names,
            [
                ("builtin", "2026-05-25", base.receipt().files),
                ("kakuu-city", "2026.1", 3)
            ]
        );
        assert_eq!(layers[1].sha256, super::receipt(&kakuu(), None).sha256);
        assert_eq!(layers[1].dir.as_deref(), Some("ext"));
        assert_ne!(layers[1].sha256, layers[0].sha256);
    }

    #[test]
    fn a_program_id_a_lower_layer_has_is_refused_naming_both_files() {
        let clash = REPLACING
            .lines()
            .filter(|l| !l.starts_with("replaces"))
            .collect::<Vec<_>>()
            .join("\n");
        let files = files(&[
            ("extension.toml", META),
            ("sources.toml", REPLACING_SOURCES),
            ("clash.toml", &clash),
        ]);
        assert_eq!(
            refused(&files),
            "ext/clash.toml: program id \"online-qual-exempt\" is also in \
             online-qual-exempt.toml, in a layer below (the built-in rule data); to replace \
             that program write replaces = \"online-qual-exempt\" and a \
             replaces_reason, or give this one another id"
        );
        let ja = Catalogue::embedded()
            .unwrap()
            .extend("ext", &files)
            .unwrap_err()
            .message(Lang::Ja);
        assert!(
            ja.starts_with("ext/clash.toml: 制度の id \"online-qual-exempt\" は下の層（組み込みの規則データ）の online-qual-exempt.toml にもあります"),
            "{ja}"
        );
    }

    #[test]
    fn a_program_that_replaces_takes_the_lower_ones_place() {
        let files = files(&[
            ("extension.toml", META),
            ("sources.toml", REPLACING_SOURCES),
            ("online-qual-exempt.toml", REPLACING),
        ]);
        let base = Catalogue::embedded().unwrap();
        let layered = base.clone().extend("ext", &files).unwrap();
        assert_eq!(layered.programs().len(), base.programs().len());
        let program = layered.program("online-qual-exempt").unwrap();
        assert_eq!(program.extension.as_deref(), Some("kakuu-city"));
        assert_eq!(program.replaces.as_deref(), Some("online-qual-exempt"));
        assert!(
            program
                .replaces_reason
                .as_ref()
                .unwrap()
                .ja
                .starts_with("テスト用: 架空市の改定通知")
        );
        // 6万円 × 3/4 = 45,000円, where the built-in one capped 41,000 × 3/4.
        assert_eq!(program.tiers[0].rule.business_cost_cap(), Some(60_000));
        // The other extension's programs and the built-in ones stay.
        let both = layered.extend("ext2", &kakuu_named("kakuu-two")).unwrap();
        assert!(both.program("kakuu-city-dx").is_some());
        assert_eq!(both.receipt().extensions.len(), 2);
    }

    /// The kakuu-city extension under another name.
    fn kakuu_named(name: &str) -> Vec<(String, String)> {
        let mut files = kakuu();
        files[0].1 = META.replace("kakuu-city", name);
        files
    }

    #[test]
    fn replaces_must_name_a_lower_program_and_give_a_reason() {
        let to = |text: &str| {
            files(&[
                ("extension.toml", META),
                ("sources.toml", REPLACING_SOURCES),
                ("x.toml", text),
            ])
        };
        let unknown = REPLACING.replace(
            "replaces = \"online-qual-exempt\"",
            "replaces = \"no-such-program\"",
        );
        assert_eq!(
            refused(&to(&unknown)),
            "ext/x.toml: replaces \"no-such-program\": no program of the layers below has this id (see subsidy list for the ids)"
        );
        let no_reason: String = REPLACING
            .lines()
            .filter(|l| !l.starts_with("replaces_reason"))
            .map(|l| format!("{l}\n"))
            .collect();
        let message = refused(&to(&no_reason));
        assert!(
            message.starts_with(
                "ext/x.toml: program online-qual-exempt: replaces needs a replaces_reason"
            ),
            "{message}"
        );
        // Nothing below the first layer to replace.
        let base = Catalogue::parse([
            ("sources.toml".to_string(), REPLACING_SOURCES.to_string()),
            ("x.toml".to_string(), REPLACING.to_string()),
        ])
        .unwrap_err()
        .to_string();
        assert!(
            base.starts_with("x.toml: replaces belongs in an extension"),
            "{base}"
        );
    }

    /// A city's top-up of a national grant names it: the program it names
    /// is in the layer below.
    #[test]
    fn an_extensions_program_may_name_a_program_below_it() {
        let topping_up = PROGRAM.replace(
            "[[tiers]]\nid = \"clinic\"",
            "[[relations]]\nkind = \"excludes\"\nprogram = \"ehr-sharing\"\n\
             text = { ja = \"テスト\", en = \"Test\" }\n\
             cite = { source = \"kakuu-1\", at = \"1 目的\" }\n\n[[tiers]]\nid = \"clinic\"",
        );
        assert_ne!(topping_up, PROGRAM);
        let mut files = kakuu();
        files[2].1 = topping_up;
        let layered = Catalogue::embedded()
            .unwrap()
            .extend("ext", &files)
            .unwrap();
        let program = layered.program("kakuu-city-dx").unwrap();
        assert_eq!(program.relations[0].program.as_deref(), Some("ehr-sharing"));
        // One it names that no layer has is refused, as in any catalogue.
        files[2].1 = files[2]
            .1
            .replace("program = \"ehr-sharing\"", "program = \"no-such\"");
        let message = refused(&files);
        assert!(
            message.starts_with("ext/kakuu-city-dx.toml: program kakuu-city-dx: "),
            "{message}"
        );
        assert!(message.contains("no-such"), "{message}");
    }

    #[test]
    fn an_extension_names_itself_in_a_strict_file() {
        let without: Vec<(String, String)> = kakuu().into_iter().skip(1).collect();
        let message = refused(&without);
        assert!(
            message.starts_with(
                "ext/extension.toml: not found: an extension's directory needs an extension.toml"
            ),
            "{message}"
        );
        let with = |meta: &str| {
            let mut files = kakuu();
            files[0].1 = meta.to_string();
            refused(&files)
        };
        let unknown = with("name = \"kakuu-city\"\nversion = \"1\"\ntitle = \"x\"\n");
        assert!(
            unknown.starts_with(
                "ext/extension.toml:3:1: unknown field `title`, expected `name` or `version`"
            ),
            "{unknown}"
        );
        let bad_name = with("name = \"Kakuu City\"\nversion = \"1\"\n");
        assert_eq!(
            bad_name,
            "ext/extension.toml:1:8: the extension's name 'Kakuu City' must be lower-case letters, digits and hyphens (e.g. name = \"kita-city\")"
        );
        let blank = with("name = \"kakuu-city\"\nversion = \" \"\n");
        assert!(blank.starts_with("ext/extension.toml:2:11: "), "{blank}");
        let missing = with("name = \"kakuu-city\"\n");
        assert!(missing.contains("missing field `version`"), "{missing}");
    }

    #[test]
    fn an_extension_keeps_its_name_and_document_ids_its_own() {
        let once = Catalogue::embedded()
            .unwrap()
            .extend("ext", &kakuu())
            .unwrap();
        // The same name again.
        let twice = once
            .clone()
            .extend("ext2", &kakuu())
            .unwrap_err()
            .to_string();
        assert_eq!(
            twice,
            "ext/extension.toml: the extension name 'kakuu-city' is already used by the extension in ext; rename one of them"
        );
        // Another name, but the document id kakuu-1 again.
        let document = once
            .extend("ext2", &kakuu_named("kakuu-two"))
            .unwrap_err()
            .to_string();
        assert!(
            document.starts_with("ext/sources.toml: document id \"kakuu-1\" is also in ext/sources.toml, a layer below"),
            "{document}"
        );
        // A built-in document id.
        let mut files = kakuu();
        files[1].1 = SOURCES.replace("id = \"kakuu-1\"", "id = \"003\"");
        let builtin = refused(&files);
        assert!(
            builtin.starts_with(
                "ext/sources.toml: document id \"003\" is also in sources.toml, a layer below"
            ),
            "{builtin}"
        );
    }
}
