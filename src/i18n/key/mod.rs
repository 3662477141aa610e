//! [`Key`]: every sentence of the message tables, by area.
//!
//! Each area (one file here) declares its keys once, with [`area!`]: an
//! enum of its own, which each language's table in `ja/` and `en/` matches
//! exhaustively, so a key without a sentence in either language does not
//! compile. Callers name a key flat, `Key::InvalidValue`, without its area:
//! the macro gives [`Key`] a constant of that name.

use std::fmt;

/// Declares an area's enum, its keys as [`Key`] constants of the same
/// names, and `KEYS`, the list of them for [`Key::ALL`].
macro_rules! area {
    ($(#[$area_doc:meta])* $area:ident { $($(#[$doc:meta])* $key:ident),* $(,)? }) => {
        $(#[$area_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        // The variants keep the names callers use (`Key::ServeTitle`), area prefix and all.
        #[allow(clippy::enum_variant_names)]
        pub enum $area {
            $($(#[$doc])* $key),*
        }

        impl $area {
            /// The area's keys, in order.
            pub(super) const KEYS: &'static [Key] = &[$(Key::$key),*];
        }

        // The names callers use, flat: `Key::InvalidValue`.
        #[allow(non_upper_case_globals)]
        impl Key {
            $($(#[$doc])* pub const $key: Key = Key::$area($area::$key);)*
        }
    };
}

mod authoring;
mod batch;
mod batch_output;
mod catalogue;
mod check;
mod cli;
mod config;
mod coverage;
mod data;
mod diff;
mod explain;
mod finding;
mod guide;
mod ics;
mod input;
mod printed;
mod recommend;
mod release;
mod screen;
mod sentence;
mod serve;
mod value;

pub use authoring::Authoring;
pub use batch::Batch;
pub use batch_output::BatchOutput;
pub use catalogue::Catalogue;
pub use check::Check;
pub use cli::Cli;
pub use config::Config;
pub use coverage::Coverage;
pub use data::Data;
pub use diff::Diff;
pub use explain::Explain;
pub use finding::Finding;
pub use guide::Guide;
pub use ics::Ics;
pub use input::Input;
pub use printed::Printed;
pub use recommend::Recommend;
pub use release::Release;
pub use screen::Screen;
pub use sentence::Sentence;
pub use serve::Serve;
pub use value::Value;

/// Declares [`Key`] with one variant per area, its `Debug` (the key's own
/// name) and [`Key::ALL`].
macro_rules! areas {
    ($($area:ident),* $(,)?) => {
        /// A sentence in the message tables: `Key::InvalidValue`, a constant
        /// for the key of that name in its area.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($area($area)),*
        }

        impl fmt::Debug for Key {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $(Key::$area(key) => fmt::Debug::fmt(key, f)),*
                }
            }
        }

        impl Key {
            /// Every key, area by area, for the tests that compare the tables.
            pub const ALL: &'static [Key] = &concat::<{ 0 $(+ $area::KEYS.len())* }>(&[
                $($area::KEYS),*
            ]);
        }
    };
}

areas! {
    Cli,
    Screen,
    Sentence,
    Finding,
    Catalogue,
    Explain,
    Batch,
    BatchOutput,
    Data,
    Check,
    Coverage,
    Value,
    Input,
    Serve,
    Ics,
    Config,
    Authoring,
    Printed,
    Recommend,
    Guide,
    Diff,
    Release,
}

/// The lists joined, at compile time.
const fn concat<const N: usize>(lists: &[&[Key]]) -> [Key; N] {
    let mut all = [Key::ErrorLine; N];
    let (mut list, mut at) = (0, 0);
    while list < lists.len() {
        let mut i = 0;
        while i < lists[list].len() {
            all[at] = lists[list][i];
            (at, i) = (at + 1, i + 1);
        }
        list += 1;
    }
    assert!(at == N, "Key::ALL is as long as the areas together");
    all
}
