use gridward::grid::GridCommand;
use gridward::{Actor, Context, Ward, WardConfig};
use gridward_scenarios::at;
use gridward_scenarios::city::{district_rows, Shape};
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    s.split_whitespace().next().unwrap().parse::<f64>().unwrap() / 1e9
}
fn main() {
    let n: u16 = std::env::args()
        .nth(1)
        .map(|a| a.parse().unwrap())
        .unwrap_or(6);
    let all: Vec<_> = (0..n).map(|d| district_rows(&Shape::CHENGDU, d)).collect();
    let ctx = Context::new(Actor::System, at("2026-01-05T08:00:00+08:00"));
    let mut ward = Ward::new(WardConfig::default());
    let t = cpu();
    for rows in all {
        let t0 = cpu();
        ward.execute(&ctx, GridCommand::Import { rows }).unwrap();
        eprint!("{:.0} ", (cpu() - t0) * 1000.0);
    }
    let build = cpu() - t;
    let j = ward.journal().clone();
    let t = cpu();
    let w2 = Ward::replay(WardConfig::default(), j).unwrap();
    let replay = cpu() - t;
    let t = cpu();
    let _ = ward.grid().coverage(None, &Default::default()).unwrap();
    let cov = cpu() - t;
    eprintln!(
        "{n} districts: build cpu {build:.2}s, replay {replay:.2}s, coverage {cov:.3}s {}",
        w2.head() == ward.head()
    );
}
