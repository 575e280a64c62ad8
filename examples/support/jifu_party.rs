//! 吉福社区's party organisation for the main job: the community party committee with
//! the chief grid leader as its secretary (Chengdu's practice), a branch in every
//! compound led by its grid leader, a group in every building led by its reporting party
//! member where it has one, a first secretary, and a week of cadres on station.

use chrono::NaiveDate;
use gridward::grid::{CoverageRules, Level, NodeCode};
use gridward::party::{Office, PartyCommand};
use gridward::queries::grid::{Coverage, PartyFor};
use gridward::{Actor, Context, Error, Role, Ward};

use crate::at;
use crate::jifu::Sample;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
}

/// Sets up the party organisation and prints what its coverage and weekly report find.
pub fn organise(ward: &mut Ward, sample: &Sample, community: NodeCode) -> Result<(), Error> {
    let chief = Context::new(
        Actor::person(&sample.chief),
        at("2026-03-02T10:00:00+08:00"),
    );
    let mut units = vec![(
        community,
        "吉福社区党委".to_owned(),
        Some(sample.chief.clone()),
    )];
    for row in ward.grid().subtree(community)? {
        let level = row.code.level();
        if level == Level::Grid {
            let leader = ward
                .grid()
                .people_under(row.code)?
                .into_iter()
                .find(|p| p.unit == row.code && p.role == Some(Role::GridLeader))
                .map(|p| p.person);
            units.push((row.code, format!("{}党支部", row.name), leader));
        } else if level == Level::MicroGrid {
            let member = ward
                .grid()
                .people_under(row.code)?
                .into_iter()
                .find(|p| p.role == Some(Role::ReportingPartyMember))
                .map(|p| p.person);
            units.push((row.code, format!("{}党小组", row.name), member));
        }
    }
    for (unit, name, secretary) in units {
        ward.execute(
            &chief,
            PartyCommand::SetUpBody {
                unit,
                name,
                on: day(3, 2),
            },
        )?;
        if let Some(person) = secretary {
            ward.execute(
                &chief,
                PartyCommand::Appoint {
                    unit,
                    person,
                    office: Office::Secretary,
                },
            )?;
        }
    }
    let mut rules = CoverageRules::none();
    rules.party_bodies = true;
    rules.party_secretaries = true;
    rules.chief_is_party_secretary = true;
    let found = ward.ask(Coverage {
        scope: Some(community),
        rules: Some(rules),
    })?;
    println!(
        "== Party organisation: {} bodies; {} units without their body, {} bodies without a secretary, chief grid leader is the party secretary: {}",
        ward.party().bodies().count(),
        found.party.without_party_body.len(),
        found.party.without_secretary.len(),
        found.party.chief_not_party_secretary.is_empty()
    );
    let household = ward.grid().households_under(community)?[0].id().to_owned();
    let chain = ward.ask(PartyFor {
        household: household.clone(),
        on: None,
    })?;
    println!(
        "   the body that answers for {household}: {}",
        chain
            .answers
            .map(|u| u.to_string())
            .unwrap_or_else(|| "none".into())
    );
    // The chief grid leader and the community's staff member on station at the first two
    // compounds from Monday 2 March: the staff member serves three days, the chief one.
    let compounds: Vec<NodeCode> = ward
        .grid()
        .children(community)?
        .into_iter()
        .map(|u| u.code())
        .take(2)
        .collect();
    for (person, compound, days) in [
        (sample.chief.as_str(), compounds[0], [2u32].as_slice()),
        ("jf-staff", compounds[1], [2, 4, 6].as_slice()),
    ] {
        ward.execute(
            &chief,
            PartyCommand::AssignStation {
                person: person.into(),
                compound,
                from: day(3, 2),
            },
        )?;
        for &d in days {
            let on = Context::new(
                Actor::person(person),
                at(&format!("2026-03-{d:02}T17:00:00+08:00")),
            );
            ward.execute(
                &on,
                PartyCommand::RecordStationDay {
                    person: person.into(),
                    compound,
                    on: day(3, d),
                },
            )?;
        }
    }
    let week = ward.ask(gridward::queries::party::StationWeek {
        day: day(3, 4),
        scope: Some(community),
    })?;
    for row in &week {
        println!(
            "   驻点, week of {}: {} served {} of {} days{}",
            row.week,
            row.person,
            row.days,
            row.required,
            if row.short { " (short)" } else { "" }
        );
    }
    Ok(())
}
