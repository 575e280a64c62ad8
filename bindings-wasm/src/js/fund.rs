//! Conversion for the fund (共有基金) and assembly (业主大会) capabilities: their commands,
//! amounts, decimals and days coming in; funds, accounts, postings and motions going out.
//!
//! A command is read like every other — JSON first, touched up where JavaScript differs,
//! then the core's own serde type — so its JSON form is exactly what the journal records.
//! The touch-ups: a number where an amount or a decimal belongs becomes its shortest
//! decimal string (`4` → `"4"`, `89.5` → `"89.5"`), a `null` field means absent, and a
//! `Date` for a motion's `closes` becomes ISO-8601 text. Amounts, decimals, days and unit
//! codes are checked first so that a malformed one gets its own code: the core's
//! `bad_amount` (not a decimal, or digits below the fen), `invalid_decimal`, `invalid_date`
//! (not `YYYY-MM-DD`), `invalid_datetime`, `invalid_code`.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use gridward::assembly::{AssemblyCommand, Choice, Motion, MotionKind, Subject, Tally};
use gridward::fund::ledger::{AccountKind, Transaction};
use gridward::fund::Terms;
use gridward::fund::{Accrual, Billing, Budget, Dividend, Fund, FundCommand, FundError, Payment};
use gridward::grid::NodeCode;
use gridward::money::{Amount, Rounding, SplitMethod};
use js_sys::{Array, Date};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use super::{date, field, from_json, is_plain_object, non_finite, to_json, typed_args};
use crate::error::WardError;

const COMMAND: &str = "invalid_command";
const DECIMAL: &str = "invalid_decimal";
const DAY: &str = "invalid_date";

/// Fields that hold an amount of money (yuan, exact to the fen).
const AMOUNT_FIELDS: [&str; 2] = ["amount", "approval_threshold"];
/// Fields that hold an exact decimal that is not money (a rate, a percentage).
const DECIMAL_FIELDS: [&str; 3] = ["rate", "percent", "per_m2"];
/// Fields that hold a day, `YYYY-MM-DD`.
const DAY_FIELDS: [&str; 3] = ["from", "to", "date"];

/// A JSON number as the decimal text JavaScript would print (shortest round trip).
fn number_text(n: &serde_json::Number) -> Option<String> {
    if n.is_i64() || n.is_u64() {
        return Some(n.to_string());
    }
    let f = n.as_f64()?;
    // Rust's `Display` for f64 is the shortest text that reads back as the same number,
    // written out without an exponent.
    let text = format!("{f}");
    text.parse::<Decimal>().ok().map(|d| d.to_string())
}

/// Drops `null` fields of objects (absent and `null` mean the same in commands) and
/// writes every number as its decimal text: no fund or assembly command holds a count,
/// only amounts, rates and weights, which the core reads from strings.
pub(crate) fn tidy(value: &mut Value) -> Result<(), WardError> {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().try_for_each(tidy)
        }
        Value::Array(items) => items.iter_mut().try_for_each(tidy),
        Value::Number(n) => {
            let text = number_text(n)
                .ok_or_else(|| WardError::input(DECIMAL, format!("{n} is not a decimal number")))?;
            *value = Value::String(text);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// An amount of money from text: the core's `bad_amount` when it is not one.
fn amount_text(text: &str) -> Result<Amount, WardError> {
    text.parse::<Amount>()
        .map_err(|e| WardError::Core(FundError::Money(e).into()))
}

/// An exact decimal from text.
fn decimal_text(text: &str, what: &str) -> Result<Decimal, WardError> {
    let t = text.trim();
    t.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| WardError::input(DECIMAL, format!("{what}: {text:?} is not a decimal number")))
}

/// A day from text, `YYYY-MM-DD`.
pub fn day_text(text: &str, what: &str) -> Result<NaiveDate, WardError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|e| {
        WardError::input(
            DAY,
            format!("{what}: {text:?} is not a day written YYYY-MM-DD: {e}"),
        )
    })
}

/// Checks amounts, decimals, days and unit codes wherever they occur in a fund command,
/// so that each malformed figure gets its own code rather than serde's generic one.
fn check_figures(value: &Value) -> Result<(), WardError> {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    (k, Value::String(t)) if AMOUNT_FIELDS.contains(&k) => {
                        amount_text(t)?;
                    }
                    (k, Value::String(t)) if DECIMAL_FIELDS.contains(&k) => {
                        decimal_text(t, k)?;
                    }
                    (k, Value::String(t)) if DAY_FIELDS.contains(&k) => {
                        day_text(t, k)?;
                    }
                    ("unit", Value::String(t)) => {
                        NodeCode::parse(t)?;
                    }
                    ("weights", Value::Array(pairs)) => {
                        for pair in pairs {
                            if let Some(Value::String(t)) = pair.get(1) {
                                decimal_text(t, "weight")?;
                            }
                        }
                    }
                    _ => check_figures(v)?,
                }
            }
            Ok(())
        }
        Value::Array(items) => items.iter().try_for_each(check_figures),
        _ => Ok(()),
    }
}

/// The JSON object of a typed method's arguments (or of a command with its `type`); a
/// NaN or an infinity anywhere is a malformed decimal.
fn typed_object(kind: Option<&str>, args: &JsValue) -> Result<Value, WardError> {
    if let Some(path) = non_finite(args, kind.unwrap_or("command")) {
        return Err(WardError::input(
            DECIMAL,
            format!("{path}: NaN or an infinity is not a decimal number"),
        ));
    }
    typed_args(kind, args)
}

/// A fund command from JavaScript. `kind` is the command type of a typed method (the
/// object then holds only the variant's fields); `None` means `command.type` says it.
pub fn fund_command(kind: Option<&str>, args: &JsValue) -> Result<FundCommand, WardError> {
    let mut value = typed_object(kind, args)?;
    tidy(&mut value)?;
    check_figures(&value)?;
    from_json(value, COMMAND, kind.unwrap_or("fund command"))
}

/// An assembly command from JavaScript; a motion's `closes` may be a `Date`.
pub fn assembly_command(kind: Option<&str>, args: &JsValue) -> Result<AssemblyCommand, WardError> {
    let what = kind.unwrap_or("assembly command");
    let mut value = typed_object(kind, args)?;
    if let Value::Object(map) = &mut value {
        tidy_assembly(map, args)?;
    }
    from_json(value, COMMAND, what)
}

fn tidy_assembly(map: &mut Map<String, Value>, args: &JsValue) -> Result<(), WardError> {
    map.retain(|_, v| !v.is_null());
    let closes = field(args, "closes");
    if closes.is_instance_of::<Date>() {
        let at = date(&closes, "closes")?;
        map.insert("closes".into(), Value::String(at.to_rfc3339()));
    } else if let Some(Value::String(text)) = map.get("closes") {
        super::parse_date_text(text, "closes")?;
    }
    if let Some(Value::String(text)) = map.get("unit") {
        NodeCode::parse(text)?;
    }
    Ok(())
}

/// A day given to a query: `"YYYY-MM-DD"`.
pub fn day(text: &str, what: &str) -> Result<NaiveDate, WardError> {
    day_text(text, what)
}

/// A decimal given as a string or a number (read through its shortest decimal text).
pub fn decimal(value: &JsValue, what: &str) -> Result<Decimal, WardError> {
    if let Some(text) = value.as_string() {
        return decimal_text(&text, what);
    }
    match value.as_f64() {
        Some(f) if f.is_finite() => decimal_text(&format!("{f}"), what),
        _ => Err(WardError::input(
            DECIMAL,
            format!("{what}: expected a decimal string or a finite number"),
        )),
    }
}

/// An amount given as a string or a number: the core's `bad_amount` when it has digits
/// below the fen.
pub fn amount(value: &JsValue, what: &str) -> Result<Amount, WardError> {
    let d = decimal(value, what)?;
    Amount::new(d).map_err(|e| WardError::Core(FundError::Money(e).into()))
}

/// A list of decimals (weights, quantities).
pub fn decimals(value: &JsValue, what: &str) -> Result<Vec<Decimal>, WardError> {
    let list = value.dyn_ref::<Array>().ok_or_else(|| {
        WardError::input(DECIMAL, format!("{what}: expected an array of decimals"))
    })?;
    list.iter()
        .enumerate()
        .map(|(i, v)| decimal(&v, &format!("{what}[{i}]")))
        .collect()
}

/// A snake_case name read into one of the core's enums through its serde form.
fn named<T: serde::de::DeserializeOwned>(
    text: &str,
    code: &'static str,
    what: &str,
    all: &str,
) -> Result<T, WardError> {
    serde_json::from_value(Value::String(text.to_owned()))
        .map_err(|_| WardError::input(code, format!("{what}: {text:?} is not one of {all}")))
}

/// A rounding: `half_up` (default), `half_even`, `down`, `up`.
pub fn rounding(text: Option<&str>) -> Result<Rounding, WardError> {
    text.map_or(Ok(Rounding::HalfUp), |t| {
        named(
            t,
            "invalid_rounding",
            "rounding",
            "half_up, half_even, down, up",
        )
    })
}

/// A split method: `largest_remainder` (default).
pub fn split_method(text: Option<&str>) -> Result<SplitMethod, WardError> {
    text.map_or(Ok(SplitMethod::LargestRemainder), |t| {
        named(t, "invalid_split_method", "method", "largest_remainder")
    })
}

/// A motion's kind: `ordinary` or `special`.
pub fn motion_kind(text: &str) -> Result<MotionKind, WardError> {
    named(text, "invalid_motion_kind", "kind", "ordinary, special")
}

/// The electorate of a count: `[[owner, area], …]`, areas as strings or numbers.
pub fn electorate(value: &JsValue) -> Result<Vec<(String, Decimal)>, WardError> {
    const CODE: &str = "invalid_electorate";
    let bad = |i: usize| {
        WardError::input(
            CODE,
            format!("electorate[{i}]: expected a pair [owner, area]"),
        )
    };
    let list = value.dyn_ref::<Array>().ok_or_else(|| {
        WardError::input(CODE, "electorate: expected an array of [owner, area] pairs")
    })?;
    list.iter()
        .enumerate()
        .map(|(i, pair)| {
            let pair = pair.dyn_into::<Array>().map_err(|_| bad(i))?;
            if pair.length() != 2 {
                return Err(bad(i));
            }
            let owner = pair.get(0).as_string().ok_or_else(|| bad(i))?;
            let area = decimal(&pair.get(1), &format!("electorate[{i}] area"))?;
            Ok((owner, area))
        })
        .collect()
}

/// The votes of a count: `{ owner: "yes" | "no" | "abstain" }`.
pub fn votes(value: &JsValue) -> Result<BTreeMap<String, Choice>, WardError> {
    const CODE: &str = "invalid_choice";
    if !is_plain_object(value) {
        return Err(WardError::input(
            CODE,
            "votes: expected an object { owner: \"yes\" | \"no\" | \"abstain\" }",
        ));
    }
    from_json(
        to_json(value, CODE, "votes")?,
        CODE,
        "votes (each choice is yes, no or abstain)",
    )
}

/// A published statement given back for verification (its JSON form).
pub fn statement(value: &JsValue) -> Result<gridward::fund::Statement, WardError> {
    const CODE: &str = "invalid_statement";
    if !is_plain_object(value) {
        return Err(WardError::input(
            CODE,
            "statement: expected the object statement() returned",
        ));
    }
    from_json(to_json(value, CODE, "statement")?, CODE, "statement")
}

/// A fund as `fund()` returns it: its terms and records, without the ledger (read that
/// through `balances`, `transactions` and the other ledger queries).
#[derive(Serialize)]
pub struct FundOut<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// The unit whose households own the compound.
    pub unit: NodeCode,
    /// When it was opened.
    pub opened: NaiveDate,
    /// Its terms.
    pub terms: &'a Terms,
    /// Budgets, by id.
    pub budgets: Vec<&'a Budget>,
    /// Payments against budget lines, by id.
    pub payments: Vec<&'a Payment>,
    /// Dividends, by id.
    pub dividends: Vec<&'a Dividend>,
    /// Billings, by month.
    pub billings: Vec<&'a Billing>,
    /// Accruals of remuneration, in order.
    pub accruals: &'a [Accrual],
}

impl<'a> From<&'a Fund> for FundOut<'a> {
    fn from(f: &'a Fund) -> Self {
        FundOut {
            id: &f.id,
            name: &f.name,
            unit: f.unit,
            opened: f.opened,
            terms: &f.terms,
            budgets: f.budgets.values().collect(),
            payments: f.payments.values().collect(),
            dividends: f.dividends.values().collect(),
            billings: f.billings.values().collect(),
            accruals: &f.accruals,
        }
    }
}

/// An account of a fund's ledger.
#[derive(Serialize)]
pub struct AccountOut<'a> {
    /// Its full name (`assets:bank`).
    pub account: &'a str,
    /// Its kind.
    pub kind: AccountKind,
    /// What it is for.
    pub description: &'a str,
    /// Whether it may not go below zero in its normal direction.
    pub no_negative: bool,
}

/// One posting of a transaction, as `transactions()` lists them.
#[derive(Serialize)]
pub struct PostingRowOut {
    /// The transaction.
    pub transaction: String,
    /// Its date.
    pub date: NaiveDate,
    /// Its description.
    pub description: String,
    /// The account.
    pub account: String,
    /// Debit (positive) or credit (negative).
    pub amount: Amount,
    /// For a reversal, the transaction it corrects.
    pub reverses: Option<String>,
}

/// One row per posting of every transaction, in the order posted.
pub fn posting_rows(txs: impl Iterator<Item = Transaction>) -> Vec<PostingRowOut> {
    txs.flat_map(|t| {
        let Transaction {
            id,
            date,
            description,
            postings,
            reverses,
        } = t;
        postings.into_iter().map(move |p| PostingRowOut {
            transaction: id.clone(),
            date,
            description: description.clone(),
            account: p.account,
            amount: p.amount,
            reverses: reverses.clone(),
        })
    })
    .collect()
}

/// A motion as `motion()` returns it: with the live count while voting is open.
#[derive(Serialize)]
pub struct MotionOut<'a> {
    /// Its id.
    pub id: &'a str,
    /// The compound's unit.
    pub unit: NodeCode,
    /// Its title.
    pub title: &'a str,
    /// What it decides.
    pub subject: &'a Subject,
    /// Its kind.
    pub kind: MotionKind,
    /// When it opened.
    pub opened: DateTime<FixedOffset>,
    /// When voting ends.
    pub closes: DateTime<FixedOffset>,
    /// Votes by owner.
    pub votes: &'a BTreeMap<String, Choice>,
    /// The count: final once closed, as it stands while open.
    pub tally: Option<Tally>,
    /// Whether the votes were counted.
    pub closed: bool,
}

impl<'a> MotionOut<'a> {
    /// The motion with its count.
    pub fn new(m: &'a Motion, tally: Option<Tally>) -> MotionOut<'a> {
        MotionOut {
            id: &m.id,
            unit: m.unit,
            title: &m.title,
            subject: &m.subject,
            kind: m.kind,
            opened: m.opened,
            closes: m.closes,
            votes: &m.votes,
            tally,
            closed: m.tally.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_decimal_text_and_nulls_go() {
        let mut v = serde_json::json!({
            "fee": {"per": "area", "rate": 4}, "lines": [{"line": "x", "amount": 89.5}],
            "approval_threshold": null, "key": {"by": "agreed", "weights": [["a", 0.1]]}
        });
        tidy(&mut v).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "fee": {"per": "area", "rate": "4"}, "lines": [{"line": "x", "amount": "89.5"}],
                "key": {"by": "agreed", "weights": [["a", "0.1"]]}
            })
        );
    }

    #[test]
    fn figures_get_their_own_codes() {
        let code = |v: Value| check_figures(&v).err().map(|e| e.code());
        assert_eq!(
            code(serde_json::json!({"amount": "1.005"})),
            Some("bad_amount")
        );
        assert_eq!(code(serde_json::json!({"amount": "x"})), Some("bad_amount"));
        assert_eq!(
            code(serde_json::json!({"fee": {"rate": "4,0"}})),
            Some("invalid_decimal")
        );
        assert_eq!(
            code(serde_json::json!({"from": "2026-13-01"})),
            Some("invalid_date")
        );
        assert_eq!(
            code(serde_json::json!({"transactions": [{"date": "1/2/2026"}]})),
            Some("invalid_date")
        );
        assert_eq!(
            code(serde_json::json!({"amount": "288.5", "to": "2026-12-31"})),
            None
        );
    }
}
