//! The main job: a community shaped like Chengdu's 吉福社区 — 1 community grid, 11 compound
//! grids, 102 building micro-grids — built from rows, checked for coverage, mended, given
//! a district-style directive that its workers carry door to door, and its journal
//! exported, verified, tampered with and replayed; a month of residents' requests; and a
//! year of the common fund of a 606-home compound under trust-based property management,
//! with its owners' votes and its public statement checked against the journal.
//!
//! Run: `cargo run --release --example jifu_community`

use std::error::Error;

use gridward::grid::{CoverageRules, Domain, GridCommand, Level, NodeCode};
use gridward::tasks::Period;
use gridward::{Actor, Context, Journal, Role, Ward, WardConfig};
use gridward_scenarios::requests::simulate;
use gridward_scenarios::{at, jifu, jifu_points, jifu_rating};

fn main() -> Result<(), Box<dyn Error>> {
    let mut ward = Ward::new(jifu_points::config());
    let sample = jifu::sample(2024);
    let community = NodeCode::parse(jifu::COMMUNITY)?;

    // 1. Build: the platform imports the community's register in one all-or-nothing step.
    let platform =
        Context::new(Actor::System, at("2026-03-02T08:00:00+08:00")).with_key("jifu-import");
    let receipt = ward.import(&platform, sample.rows.iter().cloned())?;
    let counts = ward.grid().counts(Some(community))?;
    println!(
        "== 吉福社区 built: {} events in journal entry {:?}",
        receipt.events, receipt.seq
    );
    println!(
        "   1 community grid, {} grids, {} micro-grids, {} households, {} people",
        counts.grids, counts.micro_grids, counts.households, counts.people
    );
    let retry = ward.execute(
        &platform,
        GridCommand::Import {
            rows: sample.rows.clone(),
        },
    )?;
    println!(
        "   the same import retried under its key: duplicate = {}",
        retry.duplicate
    );

    // 2. Coverage, by the Chengdu band (30–100) and the one-party-member rule.
    let rules = CoverageRules::default();
    let report = ward.grid().coverage(Some(community), &rules)?;
    print_coverage(&report);

    // 3. Mend what the report found: the chief grid leader appoints workers.
    let chief = Context::new(
        Actor::person(&sample.chief),
        at("2026-03-02T09:00:00+08:00"),
    );
    for (i, micro) in sample.unstaffed.iter().enumerate() {
        let id = format!("jf-w-new-{i}");
        ward.execute(
            &chief,
            GridCommand::AddPerson {
                id: id.clone(),
                name: format!("新任微网格员{}", i + 1),
                phone: None,
                party_member: false,
            },
        )?;
        ward.execute(
            &chief,
            GridCommand::GrantRole {
                person: id,
                role: Role::MicroGridWorker,
                unit: *micro,
            },
        )?;
    }
    // A resident may not do the same: refused, and nothing changes.
    let resident = "jf-resident-demo";
    ward.execute(
        &chief,
        GridCommand::AddPerson {
            id: resident.into(),
            name: "居民甲".into(),
            phone: None,
            party_member: false,
        },
    )?;
    let (head, digest) = (ward.head(), ward.state_digest());
    let as_resident = Context::new(Actor::person(resident), at("2026-03-02T09:05:00+08:00"));
    let refused = ward.execute(
        &as_resident,
        GridCommand::RenameUnit {
            code: community,
            name: "改名".into(),
        },
    );
    match &refused {
        Err(e) => println!(
            "   a resident renaming the community is refused ({}): {e}",
            e.code()
        ),
        Ok(_) => return Err("a resident was allowed to rename the community".into()),
    }
    if ward.head() != head || ward.state_digest() != digest {
        return Err("a refused command left a trace".into());
    }
    let after = ward.grid().coverage(Some(community), &rules)?;
    println!(
        "   after appointing {} workers: {} units without a leader, micro-grid compliance {:.1}%",
        sample.unstaffed.len(),
        after.without_leader.len(),
        after.micro_grid_compliance() * 100.0
    );

    // The party organisation mirrors the grid; cadres serve on station at compounds.
    gridward_scenarios::jifu_party::organise(&mut ward, &sample, community)?;

    // 4. Who answers for a household's fire safety, up to the street's departments.
    let household = ward.grid().households_under(community)?[0].id().to_owned();
    let chain = ward.grid().chain(&household, Domain::FireSafety)?;
    println!("== Chain of responsibility for {household}, fire safety:");
    for link in &chain.links {
        let who: Vec<String> = link
            .responders()
            .map(|r| {
                format!(
                    "{} ({})",
                    gridward::grid::mask_name(r.person.name()),
                    r.role
                )
            })
            .collect();
        println!(
            "   {} {:<28} {}",
            link.unit.code(),
            link.unit.name(),
            who.join(", ")
        );
    }
    let depts: Vec<&str> = chain.departments.iter().map(|d| d.name()).collect();
    println!("   departments to whistle for: {}", depts.join(", "));

    // 5. A directive from the community reaches every household; workers go door to door.
    let issued = at("2026-03-02T14:00:00+08:00");
    let order = Context::new(Actor::person(&sample.chief), issued).with_key("gas-check-2026-03");
    ward.execute(
        &order,
        GridCommand::IssueDirective {
            id: "gas-check-2026-03".into(),
            unit: community,
            title: "燃气安全入户排查".into(),
            due: Some(at("2026-03-02T17:00:00+08:00")),
        },
    )?;
    let mut workers = sample.workers.clone();
    workers.sort();
    for (n, (micro, worker)) in workers.iter().enumerate() {
        // The first buildings answer within minutes; the last well after the deadline.
        let minutes = 5 + (n as i64) * 2;
        let when = issued + chrono::Duration::minutes(minutes);
        let households: Vec<String> = ward
            .grid()
            .households_under(*micro)?
            .iter()
            .map(|h| h.id().to_owned())
            .collect();
        // Each worker reaches all but one household in ten.
        let reached: Vec<String> = households
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % 10 != 9)
            .map(|(_, h)| h)
            .collect();
        let ctx = Context::new(Actor::person(worker), when);
        ward.execute(
            &ctx,
            GridCommand::Acknowledge {
                directive: "gas-check-2026-03".into(),
                households: reached,
            },
        )?;
    }
    let progress = ward.grid().directive_progress("gas-check-2026-03")?;
    println!("== Directive {} ({}):", progress.id, progress.title);
    println!(
        "   reached {} households; acknowledged {} ({:.2}%), {} after the deadline; first after {} min, last after {} min",
        progress.targets,
        progress.acknowledged,
        progress.completion_rate * 100.0,
        progress.late,
        progress.first_after_secs.unwrap_or(0) / 60,
        progress.last_after_secs.unwrap_or(0) / 60
    );
    println!("   by grid:");
    for row in ward
        .grid()
        .directive_progress_by("gas-check-2026-03", Level::Grid)?
    {
        println!(
            "   {} {:<16} {:>4}/{:<4} {:>6.2}%",
            row.code,
            row.name,
            row.acknowledged,
            row.targets,
            row.completion_rate * 100.0
        );
    }

    // 6. A month of requests: residents file, the rules route, workers handle, party
    //    members claim, grid leaders verify, residents rate; some are reworked after a
    //    bad rating, some need the street's market office called in.
    let sites = requests_month(&mut ward, &sample)?;
    // 7. The month's service: hours from handled requests and residents' own records,
    //    points by the rules, stars, and the community's catalog; then the community
    //    rated among its district's communities on the "four types" tree.
    points_month(&mut ward, &sample, &sites)?;
    rate_community(&ward)?;
    projects_year(&mut ward, &sample, &sites)?;
    fund_year()?;

    // 7. The journal: export, verify, show that tampering is found, replay.
    let text = ward.to_jsonl();
    let verified = Journal::verify_jsonl(&text);
    println!(
        "== Journal: {} entries, {} bytes, intact = {}",
        verified.entries,
        text.len(),
        verified.intact
    );
    println!("   head {}", ward.head());
    let tampered = text.replacen("燃气安全入户排查", "燃气安全排查", 1);
    let broken = Journal::verify_jsonl(&tampered);
    if let Some(b) = &broken.first_break {
        println!(
            "   one word changed in the directive's title: intact = {}, broken at line {}",
            broken.intact, b.line
        );
    }
    let replayed = Ward::from_jsonl(jifu_points::config(), &text)?;
    let same = replayed.state_digest() == ward.state_digest();
    println!(
        "   replayed from the export: same state = {same}, same head = {}",
        replayed.head() == ward.head()
    );
    if !(verified.intact && !broken.intact && same) {
        return Err("the journal did not verify and replay as it must".into());
    }
    Ok(())
}

fn requests_month(
    ward: &mut Ward,
    sample: &jifu::Sample,
) -> Result<Vec<gridward_scenarios::requests::Site>, Box<dyn Error>> {
    let setup = at("2026-03-02T08:00:00+08:00");
    let sites = jifu::sites(sample, ward);
    let platform = Context::new(Actor::System, setup);
    ward.import(&platform, jifu::residents(&sites))?;
    for command in gridward::sim::officer_commands(&sites) {
        ward.execute(&platform, command)?;
    }
    let outcome = simulate(
        ward,
        &sites,
        at("2026-03-02T08:30:00+08:00"),
        30,
        1500,
        2026,
    )?;
    println!(
        "== A month of requests: {} filed at {} buildings, {} commands; {} reworked after a bad rating, {} with a department called in",
        outcome.requests,
        sites.len(),
        outcome.commands,
        outcome.reworked,
        outcome.whistled
    );
    let march = Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-04-01T00:00:00+08:00"),
    };
    let pct = |d: Option<rust_decimal::Decimal>| d.map_or("-".to_owned(), |d| format!("{d}%"));
    println!(
        "   {:<15} {:<10} {:>5} {:>5} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "grid", "", "filed", "due", "closed", "结案率", "按期率", "满意率", "返工率", "响应率"
    );
    let community = ward.indicators(Some(NodeCode::parse(jifu::COMMUNITY)?), &march)?;
    let mut rows = ward.indicators_by(Level::Grid, &march);
    rows.push(community);
    for row in rows {
        let (code, name) = match row.unit.and_then(|u| ward.grid().unit(u)) {
            Some(u) if u.level() == Level::Grid => (u.code().to_string(), u.name().to_owned()),
            _ => ("吉福社区".to_owned(), "(all)".to_owned()),
        };
        println!(
            "   {:<15} {:<10} {:>5} {:>5} {:>7} {:>10} {:>10} {:>10} {:>10} {:>10}",
            code,
            name,
            row.filed,
            row.due,
            row.closed,
            pct(row.closure_rate),
            pct(row.on_time_rate),
            pct(row.satisfaction_rate),
            pct(row.rework_rate),
            pct(row.response_rate)
        );
    }
    let open311 = ward.open311_requests_json(None, None);
    println!(
        "   Open311 GeoReport v2 export: {} requests, {} bytes of JSON; {} services",
        outcome.requests,
        open311.len(),
        ward.open311_services().len()
    );
    Ok(sites)
}

fn points_month(
    ward: &mut Ward,
    sample: &jifu::Sample,
    sites: &[gridward_scenarios::requests::Site],
) -> Result<(), Box<dyn Error>> {
    let m = jifu_points::month(ward, sites, &sample.chief, 2026)?;
    let volunteers = ward.scoring().volunteers(ward.grid());
    let minutes: u64 = volunteers.iter().map(|v| v.minutes).sum();
    println!(
        "== Service and points: {} records ({} from handled requests), {} certified, {} refused; {} people, {} certified hours",
        m.records.0,
        m.records.1,
        m.certified,
        m.rejected,
        volunteers.len(),
        gridward::scoring::hours_of(minutes)
    );
    let mut stars = [0usize; 6];
    for v in &volunteers {
        stars[usize::from(v.level.min(5))] += 1;
    }
    println!(
        "   stars (张家港 30/60/100/200/300 h): none {}, ★ {}, ★★ {}, ★★★+ {}",
        stars[0],
        stars[1],
        stars[2],
        stars[3] + stars[4] + stars[5]
    );
    let t = ward.points().totals();
    println!(
        "   points: {} earnings ({} cut off by the monthly cap of 200), {} earned, {} spent, {} left; {} redemptions ({} refused), {} reversed",
        m.earnings.0, m.earnings.1, t.earned, t.spent, t.balance, m.redemptions.0, m.redemptions.1, m.reversed
    );
    let refusals: Vec<String> = m.refusals.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!("   refusals by code: {}", refusals.join(", "));
    for item in ward.points().items() {
        println!(
            "   {:<24} cost {:>3}  stock left {:>3}",
            item.name, item.cost, item.stock
        );
    }
    let community = NodeCode::parse(jifu::COMMUNITY)?;
    let rows = ward.obligations(community, "2026-03", "2026-03")?;
    let met = rows.iter().filter(|r| r.met).count();
    println!(
        "   sent-down party members with a visit of 2 h or more in March: {met} of {} ({} appointed; {} short visits)",
        rows.len(),
        m.sent_down,
        rows.iter().map(|r| r.short_visits).sum::<u32>()
    );
    let march = Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-04-01T00:00:00+08:00"),
    };
    let scores = ward.handler_scores(community, &march)?;
    let pct = |d: Option<rust_decimal::Decimal>| d.map_or("-".to_owned(), |d| d.to_string());
    for s in scores.iter().take(3) {
        println!(
            "   handler #{} {:<12} score {:>6}  handled {:>3}  结案率 {:>6}  按期率 {:>6}  满意率 {:>6}",
            s.rank.unwrap_or(0),
            s.person,
            pct(s.score),
            s.handled,
            pct(s.closure_rate),
            pct(s.on_time_rate),
            pct(s.satisfaction_rate)
        );
    }
    Ok(())
}

fn rate_community(ward: &Ward) -> Result<(), Box<dyn Error>> {
    let community = NodeCode::parse(jifu::COMMUNITY)?;
    let march = Period {
        from: at("2026-03-01T00:00:00+08:00"),
        to: at("2026-04-01T00:00:00+08:00"),
    };
    let (tree, evaluations) = jifu_rating::rate(ward, community, &march, 59)?;
    let mut grades = std::collections::BTreeMap::new();
    for e in &evaluations {
        *grades.entry(e.grade.as_str()).or_insert(0) += 1;
    }
    let vetoed = evaluations.iter().filter(|e| !e.vetoed.is_empty()).count();
    println!(
        "== Rating on \"{}\": {} items, {} indicators, {} vetoes; {} communities rated, {} vetoed; grades {:?}",
        tree.name,
        tree.item_count(),
        tree.indicators().len(),
        tree.vetoes.len(),
        evaluations.len(),
        vetoed,
        grades
    );
    let Some(jifu) = evaluations.first() else {
        return Err("no evaluation".into());
    };
    println!(
        "   吉福社区: {} points, {}, rank {} of {}",
        jifu.score,
        jifu.grade,
        jifu.rank,
        evaluations.len()
    );
    for item in &jifu.items {
        println!(
            "   {:<12} {:>6} of {:>6}",
            item.item.name, item.points, item.max
        );
    }
    for loss in jifu.lost.iter().take(5) {
        println!(
            "   lost {:>5} on {} (value {})",
            loss.points_lost, loss.indicator.name, loss.value
        );
    }
    Ok(())
}

/// A year of 精城名典's common fund: a budget and its fee standard the owners approved,
/// fees by area, payments, parking and advertising once the owners allowed that use of
/// common parts (a special matter), spending with vouchers, remuneration at 12% of fees
/// collected, a dividend of 4 yuan per m², and the public statement verified.
fn fund_year() -> Result<(), Box<dyn Error>> {
    use gridward::money::{apply_rate, Rounding};
    use gridward_scenarios::compound::{self, Shape};
    use gridward_scenarios::parity::run_steps;

    let steps = compound::year(Shape::JCMD);
    let mut ward = Ward::new(WardConfig::default());
    let ran = run_steps(&mut ward, &steps)?;
    let fund = ward.fund(compound::FUND)?;
    println!(
        "== A year of 精城名典's common fund: {} homes, {} commands ({} refused as they must be), {} transactions",
        compound::Shape::JCMD.households,
        steps.len(),
        ran.errors.len(),
        fund.ledger.len()
    );
    for m in ward.assembly().motions() {
        if let Some(t) = &m.tally {
            println!(
                "   motion {:<11} {:<8} {:<9} took part {}/{} owners, {}/{} m²; yes {} owners, {} m²",
                m.id,
                m.kind.as_str(),
                t.outcome.as_str(),
                t.voted_owners,
                t.total_owners,
                t.voted_area,
                t.total_area,
                t.yes_owners,
                t.yes_area
            );
        }
    }
    let dividend = fund
        .dividends
        .get("2026")
        .ok_or("the dividend is missing")?;
    let vector = apply_rate(4.into(), &[72.into()], Rounding::HalfUp)?;
    println!(
        "   dividend at 4 yuan/m²: {} to {} homes (a 72 m² home gets {}), residue {} stays in the fund",
        dividend.amount,
        dividend.shares.len(),
        vector.parts[0],
        dividend.residue
    );
    let from = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("date")?;
    let statement = ward.statement(compound::FUND, from, to)?;
    println!("== Public statement (公示):");
    print!("{}", gridward_scenarios::statement_text::render(&statement));
    let check = Ward::verify_statement(WardConfig::default(), &ward.to_jsonl(), &statement)?;
    let mut forged = statement.clone();
    forged.closing_bank = forged
        .closing_bank
        .checked_add(gridward::money::Amount::from_fen(1))?;
    let caught = Ward::verify_statement(WardConfig::default(), &ward.to_jsonl(), &forged)?;
    println!(
        "   checked against the journal: verified = {}; a statement with one fen changed: verified = {}",
        check.verified, caught.verified
    );
    let tb = fund.ledger.trial_balance(None);
    println!(
        "   trial balance: debits {} = credits {}",
        tb.debits, tb.credits
    );
    if !check.verified || caught.verified || tb.debits != tb.credits {
        return Err("the statement did not verify as it must".into());
    }
    Ok(())
}

fn print_coverage(report: &gridward::grid::CoverageReport) {
    println!(
        "== Coverage: {} households in {} micro-grids; micro-grid compliance {:.1}%",
        report.households,
        report.micro_grids,
        report.micro_grid_compliance() * 100.0
    );
    println!(
        "   households outside any micro-grid: {}",
        report.unassigned_households.len()
    );
    for o in &report.out_of_band {
        println!(
            "   outside the 30-100 band: {} with {} households",
            o.code, o.households
        );
    }
    for m in &report.without_party_member {
        println!("   no party member: {m}");
    }
    for m in &report.without_leader {
        println!("   no {}: {} {}", m.role, m.level, m.code);
    }
}

fn projects_year(
    ward: &mut Ward,
    sample: &jifu::Sample,
    sites: &[gridward_scenarios::requests::Site],
) -> Result<(), Box<dyn Error>> {
    use gridward::projects::Rule;
    use gridward::queries::projects::{ReportOf, WhatIf};
    use gridward_scenarios::jifu_projects::{year, FUND};
    let y = year(ward, sites, &sample.chief, "jy-sj-officer")?;
    let r = ward.ask(ReportOf { fund: FUND.into() })?;
    let pct = |d: Option<rust_decimal::Decimal>| d.map_or("-".to_owned(), |d| format!("{d}%"));
    println!(
        "== Project fund {} ({} yuan, guarantee fund): {} proposals, {} supports; {} merged, {} declined, {} on the ballot",
        FUND, r.amount, y.proposals.0, y.proposals.1, r.merged, r.declined, r.admitted
    );
    println!(
        "   every resident may vote: {} ballots of {} on the roll ({}), {} replaced",
        r.ballots,
        r.eligible,
        pct(r.participation),
        y.ballots.1
    );
    for rule in [Rule::EqualShares, Rule::Greedy, Rule::EqualSharesComparison] {
        let s = ward.ask(WhatIf {
            fund: FUND.into(),
            rule: rule.clone(),
        })?;
        println!(
            "   {:<28} {:>2} projects, {} yuan{}",
            serde_json::to_value(&rule)?["rule"]
                .as_str()
                .unwrap_or_default(),
            s.selected.len(),
            s.cost,
            s.voter_budget.map_or(String::new(), |b| format!(
                ", per-voter budget {b} after add1"
            ))
        );
    }
    println!(
        "   Equal Shares funds a project named by {} of {} voters ({}); allocated {} ({}), contracted {}, spent {} ({}), returned {}",
        r.voters_with_a_funded_project, r.ballots, pct(r.funded_share), r.allocated, pct(r.allocated_share),
        r.contracted, r.spent, pct(r.spent_share), r.returned
    );
    let refusals: Vec<String> = y.refusals.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!("   refusals by code: {}", refusals.join(", "));
    let statement = ward.projects_statement(FUND)?;
    // The journal replays under the configuration it was written with (its points and
    // scoring rules among it).
    let check =
        Ward::verify_projects_statement(ward.config().clone(), &ward.to_jsonl(), &statement)?;
    println!(
        "   public statement: {} projects, balance {}, verified against the journal: {}",
        statement.projects.len(),
        statement.balance,
        check.verified
    );
    Ok(())
}
