//! Every account's balance from a file, cold, by Gridward, hledger, ledger and Beancount.
//!
//!     bash scripts/install-tools.sh --compare   # hledger, ledger, bean-query
//!     cargo build --release --example ledger_cold
//!     target/release/examples/ledger_cold                 # 100,000 and 1,000,000
//!     target/release/examples/ledger_cold compare 100000  # sizes of your choice
//!
//! For each size it posts the compound's transactions (those a ward's `post` command
//! takes: fees, payments, common income; spending and remuneration have commands of
//! their own) through a ward, 1,000 per command, and writes the same ledger in each
//! tool's own format: the ward's JSON-lines journal, and the fund's hledger journal
//! (also read by ledger) and Beancount file. Each tool then runs as a fresh process
//! over its file, already in the page cache, and prints every account's balance:
//!
//! - Gridward: this binary's `open FILE`, which reads the journal, verifies its hash
//!   chain, replays it (every event decoded, checked and applied) and prints balances;
//! - `hledger -f FILE bal --flat --no-total -O csv`;
//! - `ledger -f FILE bal --flat --no-total --format …` (one account and amount a line);
//! - `bean-query -f csv FILE "SELECT account, sum(position) GROUP BY account"`, with
//!   `BEANCOUNT_DISABLE_LOAD_CACHE=1` so that it parses the file every time rather than
//!   a pickle of an earlier load.
//!
//! All four must agree on every account. Runs alternate between the tools; the table
//! gives each one's median wall time (the process's start included) and its ratio to
//! Gridward's. A tool whose first run took over a minute is timed by that run alone, and
//! a tool's timed runs stop before their total would pass a minute.
//! Last, `steps FILE` times the parts of Gridward's run inside one process.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use gridward::fund::export::{to_beancount, to_hledger};
use gridward::{Ward, WardConfig};
use gridward_scenarios::ledger_cold::{
    agree, beanquery_csv, hledger_csv, tab_lines, ward_transactions, ward_with, Balances, FUND,
};
use gridward_scenarios::ledger_cold_steps as steps;

const SIZES: [usize; 2] = [100_000, 1_000_000];
/// Timed runs of each tool, after the run that checks its balances.
const RUNS: usize = 5;
/// A tool's first run longer than this is its only one.
const LONG: Duration = Duration::from_secs(60);
/// The timed runs of one tool at one size stop once they have taken this long.
const BUDGET: Duration = Duration::from_secs(60);
const LEDGER_FORMAT: &str = "%(account)\t%(quantity(scrub(display_total)))\n";
const BQL: &str = "SELECT account, sum(position) GROUP BY account";

type Parse = fn(&str) -> Result<Balances, String>;

struct Tool {
    name: &'static str,
    program: PathBuf,
    args: Vec<String>,
    /// Variables set for the process.
    env: Vec<(&'static str, &'static str)>,
    parse: Parse,
}

impl Tool {
    fn run(&self) -> Result<(Duration, String), Box<dyn Error>> {
        let start = Instant::now();
        let out = Command::new(&self.program)
            .args(&self.args)
            .envs(self.env.iter().copied())
            .output();
        let took = start.elapsed();
        let out =
            out.map_err(|e| format!("{} could not start ({e}); see the header", self.name))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(format!("{} failed: {}", self.name, err.trim()).into());
        }
        Ok((took, String::from_utf8(out.stdout)?))
    }
}

/// `bean-query` from the repository's .venv when there, else from PATH.
fn bean_query() -> PathBuf {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/bean-query");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("bean-query")
    }
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| (*s).to_owned()).collect()
}

fn tools(jsonl: &str, journal: &str, beancount: &str) -> Result<Vec<Tool>, Box<dyn Error>> {
    let flat = ["bal", "--flat", "--no-total"];
    Ok(vec![
        Tool {
            name: "Gridward",
            program: std::env::current_exe()?,
            args: strings(&["open", jsonl]),
            env: vec![],
            parse: tab_lines,
        },
        Tool {
            name: "hledger",
            program: "hledger".into(),
            args: strings(&[&["-f", journal][..], &flat, &["-O", "csv"]].concat()),
            env: vec![],
            parse: hledger_csv,
        },
        Tool {
            name: "ledger",
            program: "ledger".into(),
            args: strings(&[&["-f", journal][..], &flat, &["--format", LEDGER_FORMAT]].concat()),
            env: vec![],
            parse: tab_lines,
        },
        Tool {
            name: "Beancount",
            program: bean_query(),
            args: strings(&["-f", "csv", beancount, BQL]),
            // Beancount otherwise keeps a pickle of a slow load beside the file and
            // loads that the next time instead of the file.
            env: vec![("BEANCOUNT_DISABLE_LOAD_CACHE", "1")],
            parse: beanquery_csv,
        },
    ])
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn write(dir: &Path, name: &str, text: &str) -> Result<String, Box<dyn Error>> {
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    println!("  {name}: {:.1} MB", text.len() as f64 / 1e6);
    Ok(path
        .to_str()
        .ok_or("a temp path that is not UTF-8")?
        .to_owned())
}

fn compare(n: usize, dir: &Path) -> Result<(), Box<dyn Error>> {
    println!("\n== {n} transactions");
    let start = Instant::now();
    let ward = ward_with(ward_transactions(n))?;
    let fund = ward.fund(FUND)?;
    println!(
        "  built through the ward in {:.2?}: {} journal entries",
        start.elapsed(),
        ward.journal().len()
    );
    let jsonl = write(dir, &format!("ward-{n}.jsonl"), &ward.to_jsonl())?;
    let journal = write(
        dir,
        &format!("fund-{n}.journal"),
        &to_hledger(&fund.ledger, "CNY"),
    )?;
    let bean = write(
        dir,
        &format!("fund-{n}.beancount"),
        &to_beancount(&fund.ledger, "CNY")?,
    )?;
    drop(ward);
    let tools = tools(&jsonl, &journal, &bean)?;

    // The first run of each reads its file into the page cache and checks the balances.
    let mut first = Vec::new();
    let mut reference = Balances::new();
    for tool in &tools {
        let (took, out) = tool.run()?;
        let balances = (tool.parse)(&out).map_err(|e| format!("{}: {e}", tool.name))?;
        if tool.name == "Gridward" {
            reference = balances;
        } else {
            agree(tool.name, &reference, &balances)?;
        }
        println!("  {:<9} agrees ({took:.2?} first run)", tool.name);
        first.push(took);
    }
    println!("  all four agree on {} non-zero balances", reference.len());

    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); tools.len()];
    for _ in 0..RUNS {
        for (i, tool) in tools.iter().enumerate() {
            let spent: Duration = times[i].iter().sum();
            if first[i] <= LONG && spent + first[i] <= BUDGET {
                times[i].push(tool.run()?.0);
            }
        }
    }
    let medians: Vec<(Duration, usize)> = times
        .into_iter()
        .zip(&first)
        .map(|(t, f)| match t.len() {
            0 => (*f, 1),
            k => (median(t), k),
        })
        .collect();
    let ours = medians[0].0.as_secs_f64();
    println!("\n  | tool      | runs | median (s) | time / Gridward's |");
    println!("  |-----------|-----:|-----------:|------------------:|");
    for (tool, (m, k)) in tools.iter().zip(&medians) {
        let s = m.as_secs_f64();
        println!(
            "  | {:<9} | {k:>4} | {s:>10.3} | {:>17.1} |",
            tool.name,
            s / ours
        );
    }
    let (best, (m, _)) = tools
        .iter()
        .zip(&medians)
        .skip(1)
        .min_by_key(|(_, (m, _))| *m)
        .ok_or("no other tool")?;
    let ratio = m.as_secs_f64() / ours;
    let verdict = if ratio >= 10.0 { "met" } else { "not met" };
    println!(
        "  fastest of the three: {}, {ratio:.1}× Gridward's time (target ≥ 10×: {verdict})",
        best.name
    );

    let out = Command::new(std::env::current_exe()?)
        .args(["steps", &jsonl])
        .output()?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    for file in [&jsonl, &journal, &bean] {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}

/// The fresh process's work: the journal read, verified and replayed, every balance.
fn open(file: &str) -> Result<(), Box<dyn Error>> {
    let text = std::fs::read_to_string(file)?;
    let ward = Ward::from_jsonl(WardConfig::default(), &text)?;
    let mut out = String::new();
    for row in ward.fund(FUND)?.ledger.balances_at(None) {
        out.push_str(&format!("{}\t{}\n", row.account, row.balance));
    }
    print!("{out}");
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args[..] {
        ["open", file] => open(file),
        ["steps", file] => steps::print(file),
        [] | ["compare"] => run(&SIZES),
        ["compare", ref sizes @ ..] => {
            let sizes: Vec<usize> = sizes.iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
            run(&sizes)
        }
        _ => Err("usage: ledger_cold [compare [N …] | open FILE | steps FILE]".into()),
    }
}

fn run(sizes: &[usize]) -> Result<(), Box<dyn Error>> {
    let dir = std::env::temp_dir().join(format!("gridward-ledger-cold-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let outcome = sizes.iter().try_for_each(|&n| compare(n, &dir));
    let _ = std::fs::remove_dir_all(&dir);
    outcome
}
