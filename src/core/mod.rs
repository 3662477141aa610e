//! The pure core: rules as data, exact arithmetic, windows and estimates.
//! It reads a catalogue directory when asked and otherwise does no I/O; it
//! never prints, and it knows nothing of flags, columns or form fields.

pub mod calc;
pub mod catalogue;
pub mod diagnostics;
pub mod diff;
pub mod estimate;
pub mod money;
pub mod plan;
pub mod prefecture;
pub mod rate;
pub mod recommend;
pub mod trace;
pub mod window;
