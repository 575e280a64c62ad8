//! The delivery half of the projects parity scenario: organisations apply, staff choose
//! and pay tranches, evaluators accept (one delivery rejected and redone), final tranches
//! return what was not spent.

use std::collections::BTreeMap;

use gridward::projects::{EvaluatorCapacity, ProjectsCommand, Verdict};

use super::{yuan, STAFF};
use crate::compound::{when, Script};

/// Delivery and acceptance of the selected projects, in the order chosen, each step at
/// its time: the projects' steps interleave.
pub(super) fn deliver(script: &mut Script, selected: &[String], costs: &BTreeMap<String, i64>) {
    let mut own = Script::default();
    deliver_each(&mut own, selected, costs);
    own.steps.sort_by(|a, b| a.at.cmp(&b.at));
    script.steps.extend(own.steps);
}

fn deliver_each(s: &mut Script, selected: &[String], costs: &BTreeMap<String, i64>) {
    let staff = Some(STAFF);
    for (org, name, contact) in [
        ("sg-jc", "锦城社工服务中心", "org-a"),
        ("sg-ll", "邻里营造社", "org-b"),
    ] {
        s.at(
            staff,
            when(4, 1, 9),
            ProjectsCommand::RegisterOrganisation {
                organisation: org.into(),
                name: name.into(),
                contact: contact.into(),
            },
        );
    }
    let evaluators: BTreeMap<String, EvaluatorCapacity> = [
        ("jw-li", EvaluatorCapacity::SupervisionCommittee),
        ("owner-2", EvaluatorCapacity::CouncilMember),
        ("owner-12", EvaluatorCapacity::ResidentRepresentative),
        ("cadre", EvaluatorCapacity::StreetCadre),
    ]
    .into_iter()
    .map(|(p, c)| (p.to_owned(), c))
    .collect();
    for (n, project) in selected.iter().enumerate() {
        let cost = costs.get(project).copied().unwrap_or(0);
        let day = 2 + n as u32;
        // Both organisations apply: 邻里营造社 asks 4% less, 锦城 2% less.
        let quote_a = cost * 98 / 100;
        let quote_b = cost * 96 / 100;
        s.at(
            Some("org-a"),
            when(4, day, 9),
            ProjectsCommand::ApplyToDeliver {
                project: project.clone(),
                organisation: "sg-jc".into(),
                quote: yuan(quote_a),
                plan: "三个月内完成，分两期验收".into(),
            },
        );
        s.at(
            Some("org-b"),
            when(4, day, 10),
            ProjectsCommand::ApplyToDeliver {
                project: project.clone(),
                organisation: "sg-ll".into(),
                quote: yuan(quote_b),
                plan: "居民参与施工，两个月完成".into(),
            },
        );
        let (org, contact, contracted) = if n % 2 == 0 {
            ("sg-ll", "org-b", quote_b)
        } else {
            ("sg-jc", "org-a", quote_a)
        };
        s.at(
            staff,
            when(4, day, 15),
            ProjectsCommand::ChooseDeliverer {
                project: project.clone(),
                organisation: org.into(),
            },
        );
        s.at(
            staff,
            when(4, day, 16),
            ProjectsCommand::NameEvaluators {
                project: project.clone(),
                evaluators: evaluators.clone(),
            },
        );
        let first = contracted * 30 / 100;
        s.at(
            staff,
            when(5, day, 9),
            ProjectsCommand::PayTranche {
                project: project.clone(),
                payment: format!("{project}-t1"),
                amount: yuan(first),
                voucher: format!("PZ-2026-05-{day:02}"),
                final_tranche: false,
            },
        );
        if n == 0 {
            s.refused(
                staff,
                when(5, day, 10),
                ProjectsCommand::PayTranche {
                    project: project.clone(),
                    payment: format!("{project}-over"),
                    amount: yuan(contracted),
                    voucher: "PZ-over".into(),
                    final_tranche: false,
                },
                "over_contract",
            );
            s.refused(
                staff,
                when(5, day, 11),
                ProjectsCommand::PayTranche {
                    project: project.clone(),
                    payment: format!("{project}-early"),
                    amount: yuan(contracted - first),
                    voucher: "PZ-early".into(),
                    final_tranche: true,
                },
                "bad_tranche",
            );
        }
        // The last project stays in delivery at the year's end.
        if n + 1 == selected.len() && n > 0 {
            continue;
        }
        s.at(
            Some(contact),
            when(6, day, 9),
            ProjectsCommand::SubmitDelivery {
                project: project.clone(),
            },
        );
        let verdicts = |s: &mut Script, month: u32, accept: [bool; 4], scores: [u8; 4]| {
            for (k, person) in ["jw-li", "owner-2", "owner-12", "cadre"]
                .into_iter()
                .enumerate()
            {
                s.at(
                    Some(person),
                    when(month, day, 10 + k as u32),
                    ProjectsCommand::Evaluate {
                        project: project.clone(),
                        verdict: if accept[k] {
                            Verdict::Accept
                        } else {
                            Verdict::Reject
                        },
                        score: scores[k],
                        comment: if accept[k] {
                            "符合合同".into()
                        } else {
                            "需返工".into()
                        },
                    },
                );
            }
        };
        if n == 0 {
            // The first delivery is rejected and redone.
            verdicts(s, 6, [false, true, false, true], [55, 70, 50, 65]);
            s.refused(
                Some("owner-9"),
                when(6, day, 15),
                ProjectsCommand::Evaluate {
                    project: project.clone(),
                    verdict: Verdict::Accept,
                    score: 90,
                    comment: String::new(),
                },
                "not_an_evaluator",
            );
            s.at(
                staff,
                when(6, day, 16),
                ProjectsCommand::DecideAcceptance {
                    project: project.clone(),
                },
            );
            s.at(
                Some(contact),
                when(7, day, 9),
                ProjectsCommand::SubmitDelivery {
                    project: project.clone(),
                },
            );
            verdicts(s, 7, [true, true, true, false], [85, 90, 80, 58]);
        } else {
            verdicts(s, 6, [true, true, true, true], [88, 92, 79, 85]);
        }
        let month = if n == 0 { 7 } else { 6 };
        s.at(
            staff,
            when(month, day, 17),
            ProjectsCommand::DecideAcceptance {
                project: project.clone(),
            },
        );
        // The final tranche: the deliverer spent 1,000 yuan less than contracted.
        let rest = contracted - first - 1_000;
        s.at(
            staff,
            when(8, day, 9),
            ProjectsCommand::PayTranche {
                project: project.clone(),
                payment: format!("{project}-t2"),
                amount: yuan(rest),
                voucher: format!("PZ-2026-08-{day:02}"),
                final_tranche: true,
            },
        );
    }
}
