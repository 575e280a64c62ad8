//! Gridward's balance report against hledger's on the same 100,000 transactions.
//!
//!     scripts/install-tools.sh   # or: apt-get install hledger
//!     cargo run --release --example ledger_vs_hledger
//!
//! Builds a compound's ledger (the bank, ~600 households' receivables, income and expense
//! lines, the manager's remuneration) with 100,000 transactions, times Gridward's balance
//! of every account summed from scratch over all postings (`balances_at(Some(last))`, not
//! the running balances; best of 5), exports the ledger as an hledger journal to a temp
//! file, times `hledger -f FILE bal --flat --no-total -O csv` (wall time including the
//! process's start and the journal's parsing; best of 3), checks that the two agree on
//! every account, and prints both times and their ratio.

use std::collections::BTreeMap;
use std::error::Error;
use std::process::Command;
use std::time::{Duration, Instant};

use gridward::fund::export::to_hledger;
use gridward::fund::ledger::Ledger;
use gridward::money::Amount;
use gridward_scenarios::ledger_load::{accounts, transactions};

const TRANSACTIONS: usize = 100_000;

/// The compound's ledger of the benchmarks, cut at 100,000 transactions.
fn compound() -> Result<Ledger, Box<dyn Error>> {
    let mut ledger = Ledger::new();
    for account in accounts() {
        ledger.open(account)?;
    }
    ledger.post_batch(transactions(TRANSACTIONS, 2026))?;
    Ok(ledger)
}

fn best<T>(
    runs: usize,
    mut f: impl FnMut() -> Result<T, Box<dyn Error>>,
) -> Result<(Duration, T), Box<dyn Error>> {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f()?;
        let took = start.elapsed();
        match &best {
            Some((b, _)) if *b <= took => {}
            _ => best = Some((took, out)),
        }
    }
    best.ok_or_else(|| "no runs".into())
}

fn parse_csv(csv: &str) -> Result<BTreeMap<String, Amount>, Box<dyn Error>> {
    let mut balances = BTreeMap::new();
    for line in csv.lines().skip(1).filter(|l| !l.is_empty()) {
        // hledger quotes every field; account names and figures hold no quotes or commas.
        let fields: Vec<&str> = line.split(',').map(|f| f.trim_matches('"')).collect();
        let [account, balance] = fields[..] else {
            return Err(format!("unexpected hledger row {line:?}").into());
        };
        let figure = balance.strip_suffix(" CNY").ok_or("a balance not in CNY")?;
        let amount: Amount = figure.parse()?;
        if !amount.is_zero() {
            balances.insert(account.to_owned(), amount);
        }
    }
    Ok(balances)
}

fn main() -> Result<(), Box<dyn Error>> {
    let start = Instant::now();
    let ledger = compound()?;
    let last = ledger.last_date().ok_or("an empty ledger")?;
    println!(
        "ledger: {} accounts, {} transactions up to {last}, built in {:.2?}",
        ledger.accounts().count(),
        ledger.len(),
        start.elapsed()
    );

    let (ours, rows) = best(5, || Ok(ledger.balances_at(Some(last))))?;
    let gridward: BTreeMap<String, Amount> = rows
        .into_iter()
        .filter(|r| !r.balance.is_zero())
        .map(|r| (r.account, r.balance))
        .collect();
    println!("Gridward balances_at(Some(last)), best of 5: {ours:.2?}");

    let journal = to_hledger(&ledger, "CNY");
    let file = std::env::temp_dir().join(format!(
        "gridward-ledger-vs-hledger-{}.journal",
        std::process::id()
    ));
    std::fs::write(&file, &journal)?;
    let path = file.to_str().ok_or("a temp path that is not UTF-8")?;
    println!(
        "hledger journal: {} ({:.1} MB)",
        path,
        journal.len() as f64 / 1e6
    );

    let args = ["-f", path, "bal", "--flat", "--no-total", "-O", "csv"];
    let measured = best(3, || {
        let out = Command::new("hledger").args(args).output()?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
        }
        Ok(String::from_utf8(out.stdout)?)
    });
    let _ = std::fs::remove_file(&file);
    let (theirs, csv) = match measured {
        Ok(m) => m,
        Err(e) => {
            println!("hledger could not run ({e}); install it with scripts/install-tools.sh");
            return Err(e);
        }
    };
    println!("hledger {}, best of 3: {theirs:.2?}", args.join(" "));

    let hledger = parse_csv(&csv)?;
    if hledger != gridward {
        let differ = gridward
            .keys()
            .chain(hledger.keys())
            .filter(|a| gridward.get(*a) != hledger.get(*a))
            .count();
        return Err(format!("{differ} accounts differ between Gridward and hledger").into());
    }
    println!("agree: all {} non-zero balances equal", gridward.len());
    println!(
        "ratio: hledger / Gridward = {:.0}x",
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
    Ok(())
}
