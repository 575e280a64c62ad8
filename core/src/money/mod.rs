//! Exact money at the fen (two decimal places) on `rust_decimal`, with every rounding
//! named, and the two ways of turning one figure into many:
//!
//! - [`split`]: a fixed sum shared by weights; the parts add up to the sum exactly
//!   (largest remainder by default, ties to the earlier entry);
//! - [`apply_rate`]: a rate applied to quantities (4 yuan per m² to each household's
//!   area); each part is rounded on its own and the rounding residue is kept as its own
//!   figure rather than hidden in a part.

mod amount;
pub(crate) mod decimal_text;
mod split;

pub use amount::{Amount, MoneyError, Rounding};
pub use split::{apply_rate, split, RateParts, SplitMethod};
