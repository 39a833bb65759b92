//! "Who saw what": the audit log searched for one person's data, by the
//! coordinators only, with names of people and devices, filters and pages;
//! each search is itself written in the log.
#![cfg(feature = "server")]
#![allow(clippy::unwrap_used)]

mod server_support;

use chrono::Duration;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use reqwest::StatusCode;
use server_support::{api_error, test_now, TestServer};
use std::collections::BTreeSet;

async fn audit(server: &TestServer, token: &str, query: &str) -> Vec<AuditEntry> {
    let response = server
        .client
        .get(format!("{}/api/v1/audit?{query}", server.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_childs_file_shows_who_read_it_from_which_device() {
    let network = generated_network(31, 2, 4, 40, test_now().date_naive());
    let trips: Vec<Trip> = network.trips();
    let mine = trips
        .iter()
        .find(|t| {
            t.volunteer_id.is_some()
                && t.visit_start > test_now()
                && t.visit_start < test_now() + Duration::days(30)
        })
        .expect("an assigned trip soon")
        .clone();
    let anne = mine.volunteer_id.clone().unwrap();
    let child = mine.children[0].clone();
    // A child on no trip of Anne's: she never reads it.
    let other = trips
        .iter()
        .flat_map(|t| t.children.iter())
        .find(|c| {
            !trips
                .iter()
                .any(|t| t.volunteer_id.as_ref() == Some(&anne) && t.children.contains(c))
        })
        .expect("another child")
        .clone();
    // What the audit may name about the child: its file, rights and trips.
    let mut related: BTreeSet<(String, String)> = BTreeSet::new();
    related.insert(("child".into(), child.as_str().into()));
    for record in &network.records {
        match record {
            Record::Trip(t) if t.children.contains(&child) => {
                related.insert(("trip".into(), t.id.as_str().into()));
            }
            Record::VisitRight(r) if r.child_id == child => {
                related.insert(("visit_right".into(), r.id.as_str().into()));
            }
            _ => {}
        }
    }

    let server = TestServer::start(network.records).await;
    let phone = server
        .enroll(Role::Volunteer, "Anne", Some(anne.as_str()))
        .await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    server.sync(&phone.token, None, Vec::new()).await;

    let rows = audit(&server, &office.token, &format!("person=child:{child}")).await;
    assert!(!rows.is_empty(), "Anne's phone read the child's data");
    for row in &rows {
        assert!(
            related.contains(&(row.kind.clone(), row.record_id.clone())),
            "{} {} is not about the child",
            row.kind,
            row.record_id
        );
    }
    let read = rows
        .iter()
        .find(|r| r.kind == "child" && r.action == AuditAction::Read)
        .expect("the child's record was read");
    assert_eq!(read.who, "Anne");
    assert_eq!(read.device, "Anne's phone");
    assert_eq!(read.device_id.as_ref(), Some(&phone.device_id));

    let none = audit(&server, &office.token, &format!("person=child:{other}")).await;
    assert!(
        none.iter().all(|r| r.who != "Anne"),
        "Anne never read the other child's data"
    );

    // Filters: changes only, a period, pages.
    let writes = audit(
        &server,
        &office.token,
        &format!("person=child:{child}&action=write"),
    )
    .await;
    assert!(writes.iter().all(|r| r.action == AuditAction::Write));
    let tomorrow = (test_now() + Duration::days(2)).date_naive();
    let later = audit(
        &server,
        &office.token,
        &format!("person=child:{child}&from={tomorrow}"),
    )
    .await;
    assert!(later.is_empty(), "nothing was read after today");
    let today = test_now().date_naive();
    let same_day = audit(
        &server,
        &office.token,
        &format!("person=child:{child}&from={today}&to={today}"),
    )
    .await;
    assert_eq!(same_day.len(), rows.len(), "today's rows are all of them");
    if rows.len() > 1 {
        let first = audit(
            &server,
            &office.token,
            &format!("person=child:{child}&limit=1"),
        )
        .await;
        let next = audit(
            &server,
            &office.token,
            &format!("person=child:{child}&limit=1&before={}", first[0].id),
        )
        .await;
        assert_eq!(first[0].id, rows[0].id);
        assert_eq!(
            next[0].id, rows[1].id,
            "the next page starts after the first"
        );
    }

    // A volunteer's rows: the device enrolled for her.
    let hers = audit(&server, &office.token, &format!("person=volunteer:{anne}")).await;
    assert!(
        hers.iter()
            .any(|r| r.kind == "device" && r.record_id == phone.device_id.as_str()),
        "the enrollment of Anne's phone is among her rows"
    );

    // Each search is itself in the log, in the searcher's name.
    let searches = audit(&server, &office.token, "kind=audit").await;
    assert!(searches
        .iter()
        .any(|r| r.record_id == format!("child:{child}") && r.who == "Office"));
}

#[tokio::test]
async fn only_coordinators_search_and_bad_searches_are_explained() {
    let (server, phone) = server_support::with_a_volunteers_phone(32).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let response = server
        .client
        .get(format!("{}/api/v1/audit", server.url))
        .bearer_auth(&phone.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    for (query, words) in [
        ("person=prison:p-1", "child:ID"),
        ("from=31-03-2026", "2026-03-31"),
        ("action=looked", "action=read"),
        ("from=2026-05-01&to=2026-04-01", "first day first"),
    ] {
        let response = server
            .client
            .get(format!("{}/api/v1/audit?{query}", server.url))
            .bearer_auth(&office.token)
            .send()
            .await
            .unwrap();
        let (status, error) = api_error(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(error.message.contains(words), "{query}: {}", error.message);
    }
}
