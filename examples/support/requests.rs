//! Simulated requests: residents of many micro-grids file requests day after day, and
//! each goes through its whole life — routed, claimed where claimable, started, handled,
//! verified on site by someone else, rated; some rated badly and reworked, some needing
//! a department called in, some started or finished late — with a sweep of the clock
//! every evening.
//!
//! Each request's commands are given one after another with the times they happen at,
//! so a request that takes days is finished before the next is filed; the evening sweep
//! therefore finds little left open. The indicators come from those times all the same.

use chrono::{DateTime, Duration, FixedOffset};
use gridward::grid::{Domain, DomainSet, GridCommand, ImportRow, NodeCode};
use gridward::tasks::{Location, Satisfaction, TaskCommand};
use gridward::{Actor, Command, Context, Error, Ward};

use crate::city::Shape;
use crate::Mix;

/// A micro-grid where requests come from, and the people who act on them.
#[derive(Clone, Debug)]
pub struct Site {
    /// The micro-grid.
    pub micro: NodeCode,
    /// The household that files.
    pub home: String,
    /// Its resident, the filer.
    pub resident: String,
    /// The micro-grid worker the rules route grid-staff work to.
    pub worker: String,
    /// The party member who claims pooled work there, if any.
    pub claimer: Option<String>,
    /// Who verifies on site (the grid leader).
    pub verifier: String,
    /// The officer of the street's market supervision department.
    pub officer: String,
    /// That department.
    pub department: String,
}

/// What a simulation did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Requests filed.
    pub requests: usize,
    /// Commands accepted.
    pub commands: usize,
    /// Requests rated badly and reworked.
    pub reworked: usize,
    /// Requests on which a department was called in.
    pub whistled: usize,
}

/// The sites of the synthetic city: one per micro-grid, with the people
/// [`city_residents`] and [`city_departments`] add; a site's claimer is its micro-grid's
/// reporting party member when `ward` has one.
pub fn city_sites(shape: &Shape, ward: &Ward) -> Vec<Site> {
    let mut out = Vec::new();
    for d in 0..shape.districts {
        let district = Shape::district(d);
        for s in 1..=shape.streets {
            let street = child(district, s);
            for c in 1..=shape.communities {
                let community = child(street, c);
                for g in 1..=shape.grids {
                    let grid = child(community, g);
                    for m in 1..=shape.micro_grids {
                        let micro = child(grid, m);
                        let party = format!("p{micro}");
                        let claimer = ward.grid().person(&party).map(|_| party);
                        out.push(Site {
                            micro,
                            home: format!("{micro}-000"),
                            resident: format!("r{micro}"),
                            worker: format!("w{micro}"),
                            claimer,
                            verifier: format!("g{grid}"),
                            officer: format!("o{street}"),
                            department: format!("m{street}"),
                        });
                    }
                }
            }
        }
    }
    out
}

fn child(parent: NodeCode, part: u16) -> NodeCode {
    parent.child(part).expect("synthetic codes are valid")
}

/// Import rows registering each site's resident in its home.
pub fn city_residents(sites: &[Site]) -> Vec<ImportRow> {
    sites
        .iter()
        .map(|s| ImportRow::Person {
            id: s.resident.clone(),
            name: format!("居民{}", s.micro),
            phone: None,
            party_member: false,
            household: Some(s.home.clone()),
        })
        .collect()
}

/// Import rows attaching a market supervision department to every street of the sites,
/// and its officer; officers are appointed by [`appoint_officers`].
pub fn city_departments(sites: &[Site]) -> Vec<ImportRow> {
    let mut rows = Vec::new();
    let mut last = None;
    for s in sites {
        let Some(street) = s.micro.at_level(gridward::grid::Level::Street) else {
            continue;
        };
        if last == Some(street) {
            continue;
        }
        last = Some(street);
        rows.push(ImportRow::Department {
            id: s.department.clone(),
            name: format!("市场监管所{street}"),
            street,
            domains: DomainSet::of(&[Domain::MarketSupervision]),
        });
        rows.push(ImportRow::Person {
            id: s.officer.clone(),
            name: format!("执法员{street}"),
            phone: None,
            party_member: false,
            household: None,
        });
    }
    rows
}

/// Makes every site's officer an officer of its department.
pub fn appoint_officers(
    ward: &mut Ward,
    sites: &[Site],
    at: DateTime<FixedOffset>,
) -> Result<(), Error> {
    let ctx = Context::new(Actor::System, at);
    let mut last: Option<&str> = None;
    for s in sites {
        if last == Some(s.department.as_str()) {
            continue;
        }
        last = Some(&s.department);
        ward.execute(
            &ctx,
            TaskCommand::AppointOfficer {
                department: s.department.clone(),
                person: s.officer.clone(),
            },
        )?;
    }
    Ok(())
}

/// The synthetic city of `shape` built at `setup`, with a resident in every micro-grid,
/// a market supervision department in every street and its officer appointed: the
/// ward the simulations run on, and its sites.
pub fn requests_city(
    shape: &Shape,
    setup: DateTime<FixedOffset>,
) -> Result<(Ward, Vec<Site>), Error> {
    let mut ward = crate::city::build(shape, setup)?;
    let sites = city_sites(shape, &ward);
    let mut rows = city_residents(&sites);
    rows.extend(city_departments(&sites));
    ward.execute(
        &Context::new(Actor::System, setup),
        GridCommand::Import { rows },
    )?;
    appoint_officers(&mut ward, &sites, setup)?;
    Ok((ward, sites))
}

/// Files `requests` requests spread over `days` days from `start` at random sites and
/// takes each through its whole life, one command at a time. Every command must be
/// accepted.
pub fn simulate(
    ward: &mut Ward,
    sites: &[Site],
    start: DateTime<FixedOffset>,
    days: u32,
    requests: usize,
    seed: u64,
) -> Result<Outcome, Error> {
    let plan = Plan::new(start, days, requests, seed);
    run(ward, sites, &plan, execute_each)
}

/// The same simulation with each day's commands, the evening sweep included, given as
/// one batch ([`Ward::execute_batch`]): the same commands decided in the same order, so
/// the same state, recorded in one journal entry a day. Every command must be accepted.
pub fn simulate_batched(
    ward: &mut Ward,
    sites: &[Site],
    start: DateTime<FixedOffset>,
    days: u32,
    requests: usize,
    seed: u64,
) -> Result<Outcome, Error> {
    let plan = Plan::new(start, days, requests, seed);
    run(ward, sites, &plan, execute_as_batch)
}

/// Gives a day's commands one at a time.
fn execute_each(ward: &mut Ward, day: &mut Vec<(Context, Command)>) -> Result<(), Error> {
    for (ctx, command) in day.drain(..) {
        ward.execute(&ctx, command)?;
    }
    Ok(())
}

/// Gives a day's commands as one batch; the first refusal, if any, is the error.
fn execute_as_batch(ward: &mut Ward, day: &mut Vec<(Context, Command)>) -> Result<(), Error> {
    let receipt = ward.execute_batch(day.drain(..));
    match receipt.outcomes.into_iter().find_map(Result::err) {
        Some(refused) => Err(refused),
        None => Ok(()),
    }
}

/// What to simulate.
struct Plan {
    start: DateTime<FixedOffset>,
    days: u32,
    requests: usize,
    seed: u64,
}

impl Plan {
    fn new(start: DateTime<FixedOffset>, days: u32, requests: usize, seed: u64) -> Plan {
        Plan {
            start,
            days,
            requests,
            seed,
        }
    }
}

/// Writes each day's commands and hands them to `give`.
fn run(
    ward: &mut Ward,
    sites: &[Site],
    plan: &Plan,
    mut give: impl FnMut(&mut Ward, &mut Vec<(Context, Command)>) -> Result<(), Error>,
) -> Result<Outcome, Error> {
    let mut rng = Mix::new(plan.seed);
    let mut out = Outcome::default();
    let days_n = plan.days.max(1) as usize;
    let mut day_commands = Vec::new();
    for day in 0..days_n {
        let today = plan.start + Duration::days(day as i64);
        let n = plan.requests / days_n + usize::from(day < plan.requests % days_n);
        let step = 9 * 3600 / n.max(1) as i64;
        for i in 0..n {
            let site = &sites[(rng.next_u64() % sites.len() as u64) as usize];
            let t = today + Duration::seconds(step * i as i64);
            life(&mut day_commands, site, t, &mut rng, out.requests, &mut out);
            out.requests += 1;
        }
        let evening = today + Duration::hours(11);
        day_commands.push((
            Context::new(Actor::System, evening),
            TaskCommand::Sweep { scope: None }.into(),
        ));
        out.commands += day_commands.len();
        give(ward, &mut day_commands)?;
        day_commands.clear();
    }
    Ok(out)
}

/// Writes the commands of one request's whole life.
fn life(
    commands: &mut Vec<(Context, Command)>,
    site: &Site,
    t: DateTime<FixedOffset>,
    rng: &mut Mix,
    n: usize,
    out: &mut Outcome,
) {
    let id = format!("R{n:07}");
    let roll = rng.next_u64() % 100;
    let (category, handler) = match roll {
        0..=44 => ("neighbour_dispute", &site.worker),
        45..=64 => ("fire_hazard", &site.worker),
        65..=84 if site.claimer.is_some() => (
            "neighbour_help",
            site.claimer.as_ref().unwrap_or(&site.worker),
        ),
        65..=84 => ("neighbour_dispute", &site.worker),
        _ => ("food_safety", &site.officer),
    };
    let mut run = |who: Option<&str>, minutes: i64, cmd: TaskCommand| {
        let actor = who.map_or(Actor::System, Actor::person);
        let mut ctx = Context::new(actor, t + Duration::minutes(minutes));
        if let TaskCommand::File { id, .. } = &cmd {
            ctx = ctx.with_key(format!("file-{id}"));
        }
        commands.push((ctx, cmd.into()));
    };
    let request = || id.clone();
    run(
        Some(&site.resident),
        0,
        TaskCommand::File {
            id: request(),
            category: category.into(),
            location: Location::Household(site.home.clone()),
            description: "请帮忙处理".into(),
            photos: vec![],
        },
    );
    if category == "neighbour_help" {
        run(
            Some(handler),
            10,
            TaskCommand::Claim {
                request: request(),
                donor: None,
            },
        );
    }
    if category == "food_safety" && rng.chance(10) {
        out.whistled += 1;
        run(
            None,
            15,
            TaskCommand::Whistle {
                request: request(),
                departments: vec![site.department.clone()],
                reason: "联合检查".into(),
            },
        );
        run(
            Some(&site.officer),
            60,
            TaskCommand::Report {
                request: request(),
                department: site.department.clone(),
                report: "已到场".into(),
            },
        );
    }
    // Most work starts within minutes and is done within two hours; some waits a day or
    // three to start, some takes days or weeks, so some closes come late.
    let start = match rng.next_u64() % 100 {
        0..=84 => 20,
        85..=94 => 24 * 60,
        _ => 3 * 24 * 60,
    };
    let done = start
        + match rng.next_u64() % 100 {
            0..=84 => 100,
            85..=96 => 3 * 24 * 60,
            _ => 12 * 24 * 60,
        };
    run(
        Some(handler),
        start,
        TaskCommand::Start { request: request() },
    );
    let handle = |report: &str| TaskCommand::Handle {
        request: id.clone(),
        report: report.into(),
        photos: vec![],
    };
    run(Some(handler), done, handle("已处理"));
    let verify = || TaskCommand::Verify {
        request: id.clone(),
        passed: true,
        note: String::new(),
    };
    run(Some(&site.verifier), done + 60, verify());
    let bad = rng.chance(5);
    let level = if bad {
        Satisfaction::Dissatisfied
    } else if rng.chance(80) {
        Satisfaction::VerySatisfied
    } else {
        Satisfaction::Satisfied
    };
    run(
        Some(&site.resident),
        done + 120,
        TaskCommand::Rate {
            request: request(),
            level,
            comment: String::new(),
        },
    );
    if bad {
        out.reworked += 1;
        run(Some(handler), done + 180, handle("返工完成"));
        run(Some(&site.verifier), done + 240, verify());
    }
}
