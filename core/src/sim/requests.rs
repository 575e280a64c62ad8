//! Simulated requests: residents of many micro-grids file requests day after day, and
//! each goes through its whole life — routed, claimed where claimable, started, handled,
//! verified on site by someone else, rated; some rated badly and reworked, some needing
//! a department called in, some started or finished late — with a sweep of the clock
//! every evening.
//!
//! Every command is given at the time it happens: the lives of many requests interleave,
//! so a claim limit or a time limit bites as it would in a street. A command the ward
//! refuses (a claim over the limit, and then the start of the work never claimed) leaves
//! no trace and is counted in [`Outcome::refused`], by its error's code; the request
//! stays where it was, and the indicators show it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::policy::Policy;
use super::sites::Site;
use super::Mix;
use crate::access::{Actor, Context};
use crate::error::input::{InputError, Problem};
use crate::error::Error;
use crate::grid::NodeCode;
use crate::tasks::{Location, Satisfaction, TaskCommand};
use crate::ward::{Command, Ward};

/// The most days a run may file requests on: ten years.
pub const MAX_DAYS: u32 = 3_660;

/// What to simulate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The first filing: the first day at this time of day.
    pub start: DateTime<FixedOffset>,
    /// The days on which requests are filed; lives that last longer go on after.
    pub days: u32,
    /// Requests filed in all, spread evenly over the days.
    pub requests: usize,
    /// The seed of the choices.
    pub seed: u64,
    /// Put before each request's number in its id (`R0000042` with none).
    pub id_prefix: String,
    /// The subtree the evening sweep covers (the whole ward when `None`).
    pub sweep: Option<NodeCode>,
    /// Whether to drop the journal's entries from memory after each day
    /// ([`Ward::release_journal`]), as a ward whose journal is stored does once the day is
    /// written: the state, the head and the number of entries are the same, and a year of
    /// requests no longer holds gigabytes of journal. The entries of the run cannot then
    /// be exported from the ward.
    pub release_journal: bool,
}

/// What a simulation did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outcome {
    /// Requests filed.
    pub requests: u64,
    /// Commands accepted.
    pub commands: u64,
    /// Commands refused, by their error's code.
    pub refused: BTreeMap<String, u64>,
    /// Requests rated badly and reworked.
    pub reworked: u64,
    /// Requests on which a department was called in.
    pub whistled: u64,
    /// Verifications that failed and sent the work back.
    pub failed_verifications: u64,
    /// Days run: the filing days, and those after until every life was over.
    pub days: u32,
}

/// Runs the plan on `ward`, one command at a time.
pub fn simulate(
    ward: &mut Ward,
    sites: &[Site],
    plan: &Plan,
    policy: &Policy,
) -> Result<Outcome, Error> {
    run(ward, sites, plan, policy, |ward, day, out| {
        for (ctx, command) in day.drain(..) {
            match ward.execute(&ctx, command) {
                Ok(_) => out.commands += 1,
                Err(e) => *out.refused.entry(e.code().to_owned()).or_default() += 1,
            }
        }
    })
}

/// Runs the plan on `ward` with each day's commands, the evening sweep included, given
/// as one batch ([`Ward::execute_batch`]): the same commands decided in the same order,
/// so the same state, recorded in one journal entry a day.
pub fn simulate_batched(
    ward: &mut Ward,
    sites: &[Site],
    plan: &Plan,
    policy: &Policy,
) -> Result<Outcome, Error> {
    run(ward, sites, plan, policy, |ward, day, out| {
        for outcome in ward.execute_batch(day.drain(..)).outcomes {
            match outcome {
                Ok(_) => out.commands += 1,
                Err(e) => *out.refused.entry(e.code().to_owned()).or_default() += 1,
            }
        }
    })
}

/// The most days lives may go on after the last filing day: far more than the longest.
const DRAIN_DAYS: u32 = 60;

/// A command waiting for its time; equal times keep the order they were written in.
struct Pending {
    at: DateTime<FixedOffset>,
    order: u64,
    ctx: Context,
    command: Command,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.order) == (other.at, other.order)
    }
}

impl Eq for Pending {}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pending {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, self.order).cmp(&(other.at, other.order))
    }
}

/// The commands waiting, earliest first.
#[derive(Default)]
struct Queue {
    heap: BinaryHeap<Reverse<Pending>>,
    written: u64,
}

impl Queue {
    fn push(&mut self, ctx: Context, command: Command) {
        self.written += 1;
        self.heap.push(Reverse(Pending {
            at: ctx.at,
            order: self.written,
            ctx,
            command,
        }));
    }

    /// Moves every command due by `until` (inclusive) into `day`, in time order.
    fn due(&mut self, until: DateTime<FixedOffset>, day: &mut Vec<(Context, Command)>) {
        while self.heap.peek().is_some_and(|p| p.0.at <= until) {
            if let Some(Reverse(p)) = self.heap.pop() {
                day.push((p.ctx, p.command));
            }
        }
    }
}

/// Writes each day's filings, gives every command due by the evening sweep (the sweep
/// last) to `give`, and goes on day by day until no life is left unfinished.
fn run(
    ward: &mut Ward,
    sites: &[Site],
    plan: &Plan,
    policy: &Policy,
    mut give: impl FnMut(&mut Ward, &mut Vec<(Context, Command)>, &mut Outcome),
) -> Result<Outcome, Error> {
    policy.check()?;
    if plan.days > MAX_DAYS {
        let why = format!("{} is more than {MAX_DAYS}", plan.days);
        return Err(Error::Input(InputError::new(
            "days",
            Problem::OutOfRange(why),
        )));
    }
    if sites.is_empty() && plan.requests > 0 {
        return Err(Error::Input(InputError::new(
            "sites",
            Problem::Rejected("requests need at least one site to come from".into()),
        )));
    }
    let mut rng = Mix::new(plan.seed);
    let mut out = Outcome::default();
    let mut queue = Queue::default();
    let mut day_commands = Vec::new();
    let days = plan.days.max(1);
    for day in 0..days + DRAIN_DAYS {
        if day >= days && queue.heap.is_empty() {
            break;
        }
        let today = plan.start + Duration::days(i64::from(day));
        if day < days {
            let per_day = plan.requests / days as usize;
            let n = per_day + usize::from((day as usize) < plan.requests % days as usize);
            let step = 9 * 3600 / n.max(1) as i64;
            for i in 0..n {
                let site = &sites[rng.below(sites.len() as u64) as usize];
                let t = today + Duration::seconds(step * i as i64);
                let id = format!("{}R{:07}", plan.id_prefix, out.requests);
                life(&mut queue, site, &id, t, &mut rng, policy, &mut out);
                out.requests += 1;
            }
        }
        let evening = today + Duration::hours(11);
        queue.push(
            Context::new(Actor::System, evening),
            TaskCommand::Sweep { scope: plan.sweep }.into(),
        );
        queue.due(evening, &mut day_commands);
        give(ward, &mut day_commands, &mut out);
        if plan.release_journal {
            ward.release_journal();
        }
        out.days += 1;
        day_commands.clear();
    }
    Ok(out)
}

/// Writes the commands of one request's whole life.
fn life(
    queue: &mut Queue,
    site: &Site,
    id: &str,
    t: DateTime<FixedOffset>,
    rng: &mut Mix,
    policy: &Policy,
    out: &mut Outcome,
) {
    let roll = rng.next_u64() % 100;
    // 20% fire hazards and 15% food safety; claimable help takes its share from
    // neighbour disputes.
    let claimable = u64::from(policy.claimable_percent);
    let (category, handler) = match roll {
        r if r < 65 - claimable => ("neighbour_dispute", &site.worker),
        r if r < 85 - claimable => ("fire_hazard", &site.worker),
        r if r < 85 => match &site.claimer {
            Some(claimer) => ("neighbour_help", claimer),
            None => ("neighbour_dispute", &site.worker),
        },
        _ => ("food_safety", &site.officer),
    };
    let mut run = |who: Option<&str>, minutes: i64, cmd: TaskCommand| {
        let actor = who.map_or(Actor::System, Actor::person);
        let mut ctx = Context::new(actor, t + Duration::minutes(minutes));
        if let TaskCommand::File { id, .. } = &cmd {
            ctx = ctx.with_key(format!("file-{id}"));
        }
        queue.push(ctx, cmd.into());
    };
    let request = || id.to_owned();
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
    if category == "food_safety" && rng.chance(u64::from(policy.whistle_percent)) {
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
    let mut done = start
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
        request: id.to_owned(),
        report: report.into(),
        photos: vec![],
    };
    let verify = |passed: bool| TaskCommand::Verify {
        request: id.to_owned(),
        passed,
        note: String::new(),
    };
    run(Some(handler), done, handle("已处理"));
    // Rolled only when verifications may fail, so that the default draws what it always
    // drew.
    if policy.failed_verification_percent > 0
        && rng.chance(u64::from(policy.failed_verification_percent))
    {
        out.failed_verifications += 1;
        run(Some(&site.verifier), done + 60, verify(false));
        done += 24 * 60;
        run(Some(handler), done, handle("整改完成"));
    }
    run(Some(&site.verifier), done + 60, verify(true));
    let bad = rng.chance(u64::from(policy.bad_rating_percent));
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
        run(Some(&site.verifier), done + 240, verify(true));
    }
}
