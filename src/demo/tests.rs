use super::prisons::EXAMPLE;
use super::*;
use crate::domain::{GuardianKind, PrisonStatusKind, RecordKey, RecordKind, Trip};
use chrono::{Duration, Timelike};
use chrono_tz::Europe::Brussels;
use std::collections::HashSet;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every record validates, keys are unique, and every reference (including
/// the prisons of transfers) names a record of the network.
fn assert_consistent(net: &DemoNetwork) {
    let keys: HashSet<RecordKey> = net.records.iter().map(Record::key).collect();
    assert_eq!(keys.len(), net.records.len(), "duplicate record keys");
    for record in &net.records {
        if let Err(e) = record.validate() {
            panic!("{} does not validate: {e}", record.key());
        }
        for target in record.references() {
            assert!(
                keys.contains(&target),
                "{} points to missing {target}",
                record.key()
            );
        }
        if let Record::Parent(p) = record {
            for t in &p.transfers {
                for prison in [&t.from, &t.to] {
                    let key = RecordKey::new(RecordKind::Prison, prison.as_str());
                    assert!(keys.contains(&key), "transfer to missing {key}");
                }
            }
        }
    }
    for (id, _) in &net.volunteers {
        assert!(keys.contains(&RecordKey::new(RecordKind::Volunteer, id.as_str())));
    }
}

fn trips(net: &DemoNetwork) -> Vec<&Trip> {
    net.records
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn count(net: &DemoNetwork, kind: RecordKind) -> usize {
    net.records.iter().filter(|r| r.kind() == kind).count()
}

#[test]
fn demo_records_validate_and_references_exist_around_the_year() {
    // Ordinary days, both daylight-saving changes, a Sunday, a year end.
    for today in [
        day(2025, 6, 12),
        day(2025, 3, 30),
        day(2025, 10, 26),
        day(2025, 12, 31),
        day(2026, 2, 1),
    ] {
        assert_consistent(&demo_network(today));
    }
}

#[test]
fn demo_has_the_promised_shape() {
    let today = day(2025, 6, 12);
    let net = demo_network(today);
    assert_eq!(count(&net, RecordKind::Prison), 15);
    assert_eq!(count(&net, RecordKind::Child), 12);
    assert_eq!(count(&net, RecordKind::Volunteer), 4);
    assert_eq!(net.volunteers.len(), 4);
    let all = trips(&net);
    assert!((24..=36).contains(&all.len()), "{} trips", all.len());
    for t in &all {
        let local = t.visit_start.with_timezone(&Brussels);
        assert!(
            (9..=16).contains(&local.hour()),
            "{} starts at {local}",
            t.id
        );
        let d = local.date_naive();
        assert!(d >= today - Duration::days(14) && d <= today + Duration::days(42));
    }
    let past = all
        .iter()
        .filter(|t| t.visit_start.with_timezone(&Brussels).date_naive() < today);
    assert!(past.count() >= 3);
    let kinds: HashSet<String> = net
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Guardian(g) => Some(format!("{:?}", g.kind)),
            _ => None,
        })
        .collect();
    for kind in [
        GuardianKind::Parent,
        GuardianKind::Grandparent,
        GuardianKind::OtherRelative,
        GuardianKind::FosterFamily,
        GuardianKind::Institution,
    ] {
        assert!(kinds.contains(&format!("{kind:?}")));
    }
}

#[test]
fn first_volunteer_has_a_morning_and_an_afternoon_trip_today() {
    let today = day(2025, 6, 14);
    let net = demo_network(today);
    let first = &net.volunteers[0].0;
    let mut hours: Vec<u32> = trips(&net)
        .into_iter()
        .filter(|t| t.volunteer_id.as_ref() == Some(first))
        .map(|t| t.visit_start.with_timezone(&Brussels))
        .filter(|local| local.date_naive() == today)
        .map(|local| local.hour())
        .collect();
    hours.sort();
    assert_eq!(hours.len(), 2);
    assert!(hours[0] < 12 && hours[1] >= 12, "{hours:?}");
}

#[test]
fn prison_sheets_are_labelled_as_examples() {
    let net = demo_network(day(2025, 6, 12));
    for r in &net.records {
        if let Record::Prison(p) = r {
            assert!(p.example_content);
            assert_eq!(p.last_checked.by, "Demo data");
            for list in [
                &p.documents_adult,
                &p.documents_child,
                &p.allowed_items,
                &p.forbidden_items,
            ] {
                assert_eq!(list.first().map(String::as_str), Some(EXAMPLE));
            }
            assert!(p.visitor_entrance.starts_with(EXAMPLE));
            assert!(p.lockers.starts_with(EXAMPLE));
        }
    }
}

#[test]
fn one_strike_next_week_disrupts_a_trip_and_one_lockdown_today() {
    let today = day(2025, 6, 12);
    let net = demo_network(today);
    let prisons: Vec<_> = net
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Prison(p) => Some(p),
            _ => None,
        })
        .collect();
    let strike: Vec<_> = prisons
        .iter()
        .filter(|p| p.status.kind == PrisonStatusKind::Strike)
        .collect();
    let lockdown: Vec<_> = prisons
        .iter()
        .filter(|p| p.status.kind == PrisonStatusKind::Lockdown)
        .collect();
    assert_eq!((strike.len(), lockdown.len()), (1, 1));
    assert_eq!(strike[0].status.child_visits_kept, Some(false));
    let noon = brussels(today, 12, 0);
    assert!(lockdown[0].status.disrupts(noon, noon + Duration::hours(1)));
    let disrupted = trips(&net)
        .into_iter()
        .filter(|t| {
            t.prison_id == strike[0].id && strike[0].status.disrupts(t.visit_start, t.visit_end)
        })
        .count();
    assert_eq!(disrupted, 1);
}

#[test]
fn a_sibling_is_forbidden_while_the_others_may_visit() {
    let net = demo_network(day(2025, 6, 12));
    let rights: Vec<_> = net
        .records
        .iter()
        .filter_map(|r| match r {
            Record::VisitRight(v) if v.parent_id.as_str() == "p-jens" => {
                Some((v.child_id.as_str(), v.allowed))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        rights,
        vec![("lotte", true), ("wout", false), ("fien", true)]
    );
    assert!(trips(&net)
        .iter()
        .all(|t| !t.children.iter().any(|c| c.as_str() == "wout")));
}

#[test]
fn generated_networks_are_consistent_at_every_size() {
    let today = day(2025, 6, 12);
    for (seed, prisons, volunteers, n) in [
        (0, 0, 0, 0),
        (1, 1, 0, 5),
        (7, 30, 1, 60),
        (42, 12, 25, 500),
    ] {
        let net = generated_network(seed, prisons, volunteers, n, today);
        assert_consistent(&net);
        assert_eq!(count(&net, RecordKind::Prison), prisons.max(1));
        assert_eq!(count(&net, RecordKind::Volunteer), volunteers);
        assert_eq!(trips(&net).len(), n);
        for t in trips(&net) {
            let d = t.visit_start.with_timezone(&Brussels).date_naive();
            assert!(d >= today - Duration::days(14) && d <= today + Duration::days(120));
            assert_eq!(t.volunteer_id.is_some(), volunteers > 0);
        }
    }
}

#[test]
fn generated_networks_are_deterministic_per_seed() {
    let today = day(2025, 6, 12);
    assert_eq!(
        generated_network(5, 4, 3, 40, today),
        generated_network(5, 4, 3, 40, today)
    );
    assert_ne!(
        generated_network(5, 4, 3, 40, today),
        generated_network(6, 4, 3, 40, today)
    );
}

#[test]
fn generated_prison_sheets_have_a_realistic_size() {
    let net = generated_network(3, 10, 1, 0, day(2025, 6, 12));
    for r in &net.records {
        if let Record::Prison(_) = r {
            let len = serde_json::to_vec(r).unwrap().len();
            assert!((1000..=2500).contains(&len), "{len} bytes");
        }
    }
}
