//! Exact money at the fen (two decimal places) on `rust_decimal`, with every rounding
//! named, and the two ways of turning one figure into many:
//!
//! - [`split`]: a fixed sum shared by weights; the parts add up to the sum exactly
//!   (largest remainder by default, ties to the earlier entry);
//! - [`apply_rate`]: a rate applied to quantities (4 yuan per m² to each household's
//!   area); each part is rounded on its own and the rounding residue is kept as its own
//!   figure rather than hidden in a part.
//!
//! ## Quick start
//!
//! ```
//! use gridward::money::{apply_rate, split, Amount, Rounding, SplitMethod};
//! use rust_decimal::Decimal;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let areas: Vec<Decimal> = vec!["72.35".parse()?, "88.13".parse()?, "120.00".parse()?];
//!
//! // 100 yuan shared by floor area: the parts add up to exactly 100.00.
//! let parts = split("100.00".parse()?, &areas, SplitMethod::LargestRemainder)?;
//! assert_eq!(Amount::try_sum(parts.iter().copied())?, "100.00".parse()?);
//! assert_eq!(parts[0], "25.80".parse()?);
//!
//! // 4.05 yuan per m² on each home, each rounded half up; the residue is its own line.
//! let fees = apply_rate("4.05".parse()?, &areas, Rounding::HalfUp)?;
//! assert_eq!(fees.parts[0], "293.02".parse()?); // 293.0175
//! assert_eq!(fees.exact, "1135.9440".parse()?);
//! assert_eq!(fees.total, "1135.95".parse()?);
//! assert_eq!(fees.residue, fees.exact - fees.total.value());
//! # Ok(())
//! # }
//! ```

mod amount;
pub(crate) mod decimal_text;
mod split;

pub use amount::{Amount, MoneyError, Rounding};
pub use split::{apply_rate, split, RateParts, SplitMethod};
