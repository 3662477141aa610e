//! Excel's limits, one definition each for reading a sheet and writing one
//! (Microsoft, "Excel specifications and limits": 1,048,576 rows by 16,384
//! columns; 32,767 characters a cell).

/// The most rows an Excel sheet holds, the header included: rows are
/// numbered 1 to 1,048,576.
pub const EXCEL_ROWS: u64 = 1_048_576;

/// The most columns an Excel sheet holds: A to XFD.
pub(crate) const EXCEL_COLUMNS: u32 = 16_384;

/// The most characters an Excel cell holds.
pub(crate) const EXCEL_CELL_CHARS: usize = 32_767;
