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

use chrono::{Days, NaiveDate};
use gridward::fund::export::to_hledger;
use gridward::fund::ledger::{segment_for, Account, Ledger, LedgerError, Posting, Transaction};
use gridward::money::Amount;

const TRANSACTIONS: usize = 100_000;

/// SplitMix64, seeded: the same ledger on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn fen(&mut self, lo: i64, hi: i64) -> Amount {
        Amount::from_fen(lo + (self.next() % (hi - lo) as u64) as i64)
    }
}

fn compound() -> Result<Ledger, Box<dyn Error>> {
    let mut rng = Rng(2026);
    let mut ledger = Ledger::new();
    ledger.open(Account::new(
        "assets:bank",
        "the common fund's bank account",
    ))?;
    let mut households = Vec::new();
    // 12 buildings × 5 units × 10 floors = 600 households, ids like "3栋-2-801".
    for building in 1..=12 {
        for unit in 1..=5 {
            for floor in 1..=10 {
                let id = format!("{building}栋-{unit}-{floor}01");
                let name = format!("assets:receivable:{}", segment_for(&id));
                ledger.open(Account::new(name.as_str(), id))?;
                households.push(name);
            }
        }
    }
    let income = ["income:parking", "income:advertising", "income:other"];
    let expenses = [
        "expenses:cleaning",
        "expenses:security",
        "expenses:greening",
        "expenses:repairs:elevator",
        "expenses:repairs:water",
        "expenses:utilities",
        "expenses:insurance",
    ];
    for name in ["income:fees"]
        .into_iter()
        .chain(income)
        .chain(expenses)
        .chain([
            "expenses:remuneration",
            "liabilities:remuneration",
            "equity:fund",
        ])
    {
        ledger.open(Account::new(name, ""))?;
    }

    let mut date = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
    let mut n = 0;
    // Posts until the ledger holds exactly TRANSACTIONS, then does nothing.
    let mut post = |ledger: &mut Ledger, date, what: &str, postings: Vec<Posting>| {
        if ledger.len() >= TRANSACTIONS {
            return Ok::<(), LedgerError>(());
        }
        n += 1;
        ledger
            .post(Transaction::new(format!("t{n}"), date, what, postings))
            .map(|_| ())
    };
    post(
        &mut ledger,
        date,
        "opening balance",
        vec![
            Posting::new("assets:bank", Amount::from_fen(50_000_000)),
            Posting::new("equity:fund", Amount::from_fen(-50_000_000)),
        ],
    )?;
    while ledger.len() < TRANSACTIONS {
        // A month: every household billed, most of them paying, common income, spending.
        for h in &households {
            let fee = rng.fen(15_000, 40_000);
            post(
                &mut ledger,
                date,
                "monthly fee",
                vec![
                    Posting::new(h.as_str(), fee),
                    Posting::new("income:fees", fee.neg()),
                ],
            )?;
        }
        date = date + Days::new(10);
        for h in &households {
            if rng.below(10) < 9 {
                let paid = rng.fen(10_000, 40_000);
                post(
                    &mut ledger,
                    date,
                    "payment",
                    vec![
                        Posting::new("assets:bank", paid),
                        Posting::new(h.as_str(), paid.neg()),
                    ],
                )?;
            }
        }
        for line in income {
            let x = rng.fen(10_000, 500_000);
            post(
                &mut ledger,
                date,
                "common income",
                vec![Posting::new("assets:bank", x), Posting::new(line, x.neg())],
            )?;
        }
        for _ in 0..40 {
            let line = expenses[rng.below(expenses.len())];
            let x = rng.fen(1_000, 300_000);
            post(
                &mut ledger,
                date,
                "spending",
                vec![Posting::new(line, x), Posting::new("assets:bank", x.neg())],
            )?;
        }
        let pay = rng.fen(1_000_000, 2_000_000);
        post(
            &mut ledger,
            date,
            "remuneration",
            vec![
                Posting::new("expenses:remuneration", pay),
                Posting::new("liabilities:remuneration", pay.neg()),
            ],
        )?;
        date = date + Days::new(20);
    }
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
