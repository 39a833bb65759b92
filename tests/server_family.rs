//! Families' links against a real server on a real port: the page, the
//! calendar read back by an iCalendar parser, the "we cannot come" form,
//! revocation, the end of visit rights, and guessing.
#![cfg(feature = "server")]
#![allow(clippy::unwrap_used)]

mod server_support;

use chrono::{DateTime, Duration, Utc};
use icalendar::{Calendar, CalendarComponent, Component, EventStatus};
use itinerances::demo::generated_network_of;
use itinerances::domain::*;
use itinerances::i18n::t;
use itinerances::protocol::*;
use reqwest::StatusCode;
use server_support::{create_link, notices, op, test_now, TestServer};

const PHONE: &str = "+32 2 555 01 23";

/// A generated network whose names are all distinct, so that a name on a
/// page can only come from the record it belongs to.
fn network(seed: u64, families: usize, trips: usize) -> Vec<Record> {
    let mut records =
        generated_network_of(seed, 3, 5, families, trips, test_now().date_naive()).records;
    for (i, record) in records.iter_mut().enumerate() {
        let tag: String = format!("{i:05}")
            .chars()
            .map(|d| char::from(b'a' + (d as u8 - b'0')))
            .collect();
        match record {
            Record::Child(c) => c.first_name = format!("Kid{tag}"),
            Record::Volunteer(v) => v.name = format!("Vol{tag} Surname{tag}"),
            Record::Parent(p) => p.first_name = format!("Par{tag}"),
            _ => {}
        }
    }
    records
}

async fn start(records: Vec<Record>) -> TestServer {
    TestServer::start_configured(records, |o| o.coordination_phone = PHONE.into()).await
}

async fn get(server: &TestServer, url: &str) -> (StatusCode, String) {
    let response = server.client.get(url).send().await.unwrap();
    let status = response.status();
    (status, response.text().await.unwrap())
}

fn events(ics: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = ics.parse().unwrap();
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn uid(trip: &TripId) -> String {
    format!("{trip}@itinerances")
}

/// A guardian with a coming trip that has a volunteer, and that trip.
fn family_with_a_coming_trip(records: &[Record]) -> (Guardian, Trip) {
    for record in records {
        let Record::Trip(trip) = record else { continue };
        if trip.visit_start < test_now() + Duration::days(2) || trip.volunteer_id.is_none() {
            continue;
        }
        let guardian = records.iter().find_map(|r| match r {
            Record::Guardian(g) if g.id == trip.pickup.guardian_id => Some(g.clone()),
            _ => None,
        });
        if let Some(guardian) = guardian {
            return (guardian, trip.clone());
        }
    }
    panic!("the network has no coming trip with a volunteer");
}

fn children_of(records: &[Record], guardian: &GuardianId) -> Vec<Child> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Child(c) if c.guardian_id == *guardian => Some(c.clone()),
            _ => None,
        })
        .collect()
}

fn lang_of(g: &Guardian) -> Language {
    g.language.unwrap_or(Language::Fr)
}

#[tokio::test]
async fn a_family_reads_its_visits_sees_a_cancellation_and_a_move_and_says_it_cannot_come() {
    let records = network(11, 12, 60);
    let (guardian, trip) = family_with_a_coming_trip(&records);
    let lang = lang_of(&guardian);
    let server = start(records.clone()).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;

    let created = create_link(&server, &office.token, &guardian.id).await;
    assert!(created.url.starts_with(&format!("{}/f/", server.url)));
    assert!(
        created.message.contains(&created.url),
        "{}",
        created.message
    );
    assert!(created
        .qr_svg
        .as_deref()
        .is_some_and(|s| s.starts_with("<svg")));
    assert_eq!(created.link.language, lang);
    assert_eq!(created.link.state, FamilyLinkState::Active);

    // The page: the family's children, the volunteer's first name, the
    // coordination's number, in the guardian's language, with no script.
    let response = server.client.get(&created.url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.unwrap();
    for child in children_of(&records, &guardian.id) {
        assert!(
            page.contains(&child.first_name),
            "{} missing",
            child.first_name
        );
    }
    let volunteer = records
        .iter()
        .find_map(|r| match r {
            Record::Volunteer(v) if Some(&v.id) == trip.volunteer_id.as_ref() => Some(v.clone()),
            _ => None,
        })
        .unwrap();
    let (first, surname) = volunteer.name.split_once(' ').unwrap();
    assert!(page.contains(first));
    assert!(!page.contains(surname));
    assert!(page.contains("tel:+3225550123"));
    assert!(page.contains(&t(lang, "family-title")));
    assert!(!page.contains("<script"));
    assert!(page.len() < 16_000, "{} bytes", page.len());
    // The language switch.
    let (_, dutch) = get(&server, &format!("{}?lang=nl", created.url)).await;
    assert!(dutch.contains("Volgende bezoeken"));
    let (_, english) = get(&server, &format!("{}?lang=en", created.url)).await;
    assert!(english.contains("Next visits"));

    // Each view is in the audit log.
    let audit: Vec<AuditEntryView> = server
        .client
        .get(format!("{}/api/v1/audit?kind=family_link", server.url))
        .bearer_auth(&office.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let views = audit
        .iter()
        .filter(|e| e.action == "read" && e.record_id == created.link.id)
        .count();
    assert_eq!(views, 3);

    let calendar_url = format!("{}/calendar.ics?lang=en", created.url);
    let (status, before) = get(&server, &calendar_url).await;
    assert_eq!(status, StatusCode::OK);
    let before = events(&before);
    let event = before
        .iter()
        .find(|e| e.get_uid() == Some(uid(&trip.id).as_str()))
        .expect("the trip is in the calendar");
    let first_sequence = event.get_sequence().unwrap();
    assert_ne!(event.get_status(), Some(EventStatus::Cancelled));

    // The coordinator moves the visit by a day, then cancels another one.
    let moved = Trip {
        visit_start: trip.visit_start + Duration::days(1),
        visit_end: trip.visit_end + Duration::days(1),
        ..trip.clone()
    };
    server
        .sync(
            &office.token,
            None,
            vec![op(
                1,
                Change::Put {
                    record: Record::Trip(moved),
                },
            )],
        )
        .await;
    let (_, after_move) = get(&server, &calendar_url).await;
    let after_move = events(&after_move);
    let event = after_move
        .iter()
        .find(|e| e.get_uid() == Some(uid(&trip.id).as_str()))
        .expect("the same UID after the move");
    let moved_sequence = event.get_sequence().unwrap();
    assert!(moved_sequence > first_sequence);
    let (_, page) = get(&server, &format!("{}?lang=en", created.url)).await;
    assert!(page.contains("Moved: it was planned on"), "{page}");

    server
        .sync(
            &office.token,
            None,
            vec![op(
                2,
                Change::LogEvent {
                    event: TripEvent {
                        id: EventId::from("cancel-1"),
                        trip_id: trip.id.clone(),
                        kind: EventKind::Cancelled {
                            reason: CancelReason::Strike,
                        },
                        at: test_now(),
                        author: Author::Coordinator("Office".into()),
                        note: String::new(),
                    },
                },
            )],
        )
        .await;
    let (_, after_cancel) = get(&server, &calendar_url).await;
    let after_cancel = events(&after_cancel);
    let event = after_cancel
        .iter()
        .find(|e| e.get_uid() == Some(uid(&trip.id).as_str()))
        .expect("a cancelled visit stays in the calendar");
    assert_eq!(event.get_status(), Some(EventStatus::Cancelled));
    assert!(event.get_sequence().unwrap() > moved_sequence);
    assert!(event
        .get_description()
        .unwrap()
        .contains("the prison is closed that day"));
    let (_, page) = get(&server, &format!("{}?lang=en", created.url)).await;
    assert!(page.contains("Cancelled: the prison is closed that day (staff strike)"));

    // The family had no e-mail: the coordinator tells them, text ready, in
    // their language.
    let listed = notices(&server, &office.token, &guardian.id).await;
    let kinds: Vec<NoticeKind> = listed.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NoticeKind::Moved), "{kinds:?}");
    assert!(kinds.contains(&NoticeKind::Cancelled), "{kinds:?}");
    for notice in &listed {
        assert_eq!(notice.channel, NoticeChannel::Phone);
        assert_eq!(notice.status, NoticeStatus::ToTell);
        assert_eq!(notice.recipient, guardian.phone);
        assert_eq!(notice.language, lang);
        assert!(notice.body.contains(PHONE));
    }

    // "We cannot come" for another coming visit: a confirmation first, then
    // a notice for the coordination. Nothing changes before the confirmation.
    let (_, page) = get(&server, &format!("{}?lang=en", created.url)).await;
    let other = page
        .split("name=\"trip\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a visit the family can answer")
        .to_owned();
    let form = |confirm: &str| format!("trip={other}&reason=child_ill&lang=en{confirm}");
    let post = |body: String| {
        server
            .client
            .post(format!("{}/cannot-come", created.url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let confirm = post(form("")).await.unwrap();
    assert_eq!(confirm.status(), StatusCode::OK);
    let confirm = confirm.text().await.unwrap();
    assert!(confirm.contains("Tell the coordination you cannot come?"));
    assert!(confirm.contains("The child is ill"));
    let count = |list: &[FamilyNotice]| {
        list.iter()
            .filter(|n| n.kind == NoticeKind::CannotCome)
            .count()
    };
    assert_eq!(
        count(&notices(&server, &office.token, &guardian.id).await),
        0
    );
    let told = post(form("&confirm=yes")).await.unwrap();
    assert_eq!(told.status(), StatusCode::OK);
    assert!(told
        .text()
        .await
        .unwrap()
        .contains("The coordination has your message"));
    let listed = notices(&server, &office.token, &guardian.id).await;
    let message = listed
        .iter()
        .find(|n| n.kind == NoticeKind::CannotCome)
        .expect("the coordination has the message");
    assert_eq!(message.status, NoticeStatus::ToAct);
    assert_eq!(message.channel, NoticeChannel::Office);
    assert_eq!(
        message.trip_id.as_ref().map(|t| t.as_str()),
        Some(other.as_str())
    );
    // Sending it twice adds nothing; another kind of body is refused.
    post(form("&confirm=yes")).await.unwrap();
    assert_eq!(
        count(&notices(&server, &office.token, &guardian.id).await),
        1
    );
    let json = server
        .client
        .post(format!("{}/cannot-come", created.url))
        .json(&serde_json::json!({"trip": other}))
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // The coordinator marks the message handled.
    let done = server
        .client
        .post(format!(
            "{}/api/v1/family-notices/{}/done",
            server.url, message.id
        ))
        .bearer_auth(&office.token)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::NO_CONTENT);
    let listed = notices(&server, &office.token, &guardian.id).await;
    assert!(listed
        .iter()
        .any(|n| n.id == message.id && n.status == NoticeStatus::Done));

    // Revoked: that sentence and the number, nothing else.
    let revoke = server
        .client
        .delete(format!(
            "{}/api/v1/family-links/{}",
            server.url, created.link.id
        ))
        .bearer_auth(&office.token)
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), StatusCode::NO_CONTENT);
    let (status, page) = get(&server, &created.url).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains(&t(lang, "family-ended")));
    assert!(page.contains("tel:+3225550123"));
    for child in children_of(&records, &guardian.id) {
        assert!(!page.contains(&child.first_name));
    }
    assert!(!page.contains("<form") && !page.contains("<section"));
    let (status, ics) = get(&server, &calendar_url).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!ics.contains("BEGIN:VEVENT"));
}

/// The audit rows as the API sends them (only what this test reads).
#[derive(serde::Deserialize)]
struct AuditEntryView {
    action: String,
    record_id: String,
}

#[tokio::test]
async fn a_new_link_replaces_the_old_and_a_link_ends_with_the_visit_rights() {
    let records = network(12, 6, 20);
    let (guardian, _) = family_with_a_coming_trip(&records);
    let lang = lang_of(&guardian);
    let server = start(records.clone()).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let first = create_link(&server, &office.token, &guardian.id).await;
    let second = create_link(&server, &office.token, &guardian.id).await;
    let (status, page) = get(&server, &first.url).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains(&t(lang, "family-ended")));
    assert_eq!(get(&server, &second.url).await.0, StatusCode::OK);

    // Every visit right of the children ends yesterday: the link stops.
    let yesterday = test_now().date_naive() - Duration::days(1);
    let ops: Vec<Operation> = records
        .iter()
        .filter_map(|r| match r {
            Record::VisitRight(v)
                if children_of(&records, &guardian.id)
                    .iter()
                    .any(|c| c.id == v.child_id) =>
            {
                Some(v.clone())
            }
            _ => None,
        })
        .enumerate()
        .map(|(i, right)| {
            op(
                i as u64 + 1,
                Change::Put {
                    record: Record::VisitRight(VisitRight {
                        valid_until: Some(yesterday),
                        ..right
                    }),
                },
            )
        })
        .collect();
    assert!(!ops.is_empty());
    server.sync(&office.token, None, ops).await;
    let (status, page) = get(&server, &second.url).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains(&t(lang, "family-ended")));
    let links: Vec<FamilyLinkInfo> = server
        .client
        .get(format!(
            "{}/api/v1/family-links?guardian_id={}",
            server.url, guardian.id
        ))
        .bearer_auth(&office.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let states: Vec<FamilyLinkState> = links.iter().map(|l| l.state).collect();
    assert_eq!(
        states,
        vec![FamilyLinkState::Ended, FamilyLinkState::Revoked]
    );
}

#[tokio::test]
async fn guessed_links_make_the_address_wait_and_volunteers_cannot_make_links() {
    let records = network(13, 4, 10);
    let (guardian, _) = family_with_a_coming_trip(&records);
    let server = start(records).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let link = create_link(&server, &office.token, &guardian.id).await;
    for i in 0..10 {
        let guess = format!("{}/f/{:0>32}", server.url, i);
        let (status, page) = get(&server, &guess).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("tel:+3225550123"));
    }
    let (status, page) = get(&server, &link.url).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{page}");
    // Ten minutes later, the family's own link works again.
    server.set_now(test_now() + Duration::minutes(11));
    assert_eq!(get(&server, &link.url).await.0, StatusCode::OK);

    let volunteer = server.enroll(Role::Volunteer, "Vol", Some("gv-0000")).await;
    let refused = server
        .client
        .post(format!("{}/api/v1/family-links", server.url))
        .bearer_auth(&volunteer.token)
        .json(&CreateFamilyLinkRequest {
            guardian_id: guardian.id.clone(),
            language: None,
            server_url: server.url.clone(),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

/// Words that must never reach a family: what other families, volunteers'
/// surnames and prison sheets hold.
fn forbidden_for(records: &[Record], guardian: &GuardianId) -> Vec<String> {
    let own_children: Vec<ChildId> = children_of(records, guardian)
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut words = vec![
        "detainee".to_owned(),
        "prisoner".to_owned(),
        "détenu".to_owned(),
        "gedetineerde".to_owned(),
    ];
    for record in records {
        match record {
            Record::Child(c) if c.guardian_id != *guardian => {
                words.push(c.first_name.clone());
                words.push(c.id.to_string());
            }
            Record::Child(c) => {
                if !c.last_name.is_empty() {
                    words.push(c.last_name.clone());
                }
                if !c.needs.is_empty() {
                    words.push(c.needs.clone());
                }
            }
            Record::Guardian(g) => words.push(g.name.clone()),
            Record::Volunteer(v) => {
                if let Some((_, surname)) = v.name.split_once(' ') {
                    words.push(surname.to_owned());
                }
            }
            Record::Trip(t) if !t.children.iter().any(|c| own_children.contains(c)) => {
                words.push(t.id.to_string());
            }
            Record::Prison(p) => {
                words.push(p.name.clone());
                words.push(p.visitor_entrance.clone());
                words.push(p.lockers.clone());
                words.extend(p.documents_adult.iter().cloned());
                words.extend(p.documents_child.iter().cloned());
                words.extend(p.allowed_items.iter().cloned());
                words.extend(p.forbidden_items.iter().cloned());
            }
            Record::VisitRight(v) => words.push(v.reference.clone()),
            _ => {}
        }
    }
    words.retain(|w| !w.trim().is_empty());
    words
}

#[tokio::test]
async fn over_generated_networks_a_link_never_shows_another_family() {
    for seed in [21, 22, 23] {
        let records = network(seed, 15, 90);
        let guardians: Vec<Guardian> = records
            .iter()
            .filter_map(|r| match r {
                Record::Guardian(g) => Some(g.clone()),
                _ => None,
            })
            .collect();
        let server = start(records.clone()).await;
        let office = server.enroll(Role::Coordinator, "Office", None).await;
        let mut visits_seen = 0;
        for guardian in &guardians {
            let link = create_link(&server, &office.token, &guardian.id).await;
            let forbidden = forbidden_for(&records, &guardian.id);
            for lang in ["fr", "nl", "en"] {
                let (status, page) = get(&server, &format!("{}?lang={lang}", link.url)).await;
                assert_eq!(status, StatusCode::OK);
                let (status, ics) =
                    get(&server, &format!("{}/calendar.ics?lang={lang}", link.url)).await;
                assert_eq!(status, StatusCode::OK);
                let unfolded = ics.replace("\r\n ", "");
                for word in &forbidden {
                    assert!(
                        !page.contains(word.as_str()),
                        "seed {seed}, {}: page shows {word:?}",
                        guardian.id
                    );
                    assert!(
                        !unfolded.contains(word.as_str()),
                        "seed {seed}, {}: calendar shows {word:?}",
                        guardian.id
                    );
                }
                let events = events(&ics);
                visits_seen += events.len();
                // Every event is one of this family's own trips.
                for event in events {
                    let trip_id = event.get_uid().unwrap().trim_end_matches("@itinerances");
                    let trip = records
                        .iter()
                        .find_map(|r| match r {
                            Record::Trip(t) if t.id.as_str() == trip_id => Some(t.clone()),
                            _ => None,
                        })
                        .unwrap();
                    let own = children_of(&records, &guardian.id);
                    assert!(trip.children.iter().any(|c| own.iter().any(|o| o.id == *c)));
                }
            }
        }
        assert!(
            visits_seen > 20,
            "seed {seed}: only {visits_seen} visits seen"
        );
    }
}

#[tokio::test]
async fn the_calendar_is_in_brussels_time() {
    let records = network(14, 5, 20);
    let (guardian, trip) = family_with_a_coming_trip(&records);
    let server = start(records).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let link = create_link(&server, &office.token, &guardian.id).await;
    let (_, ics) = get(&server, &format!("{}/calendar.ics", link.url)).await;
    let event = events(&ics)
        .into_iter()
        .find(|e| e.get_uid() == Some(uid(&trip.id).as_str()))
        .unwrap();
    match event.get_end() {
        Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
            date_time,
            tzid,
        })) => {
            assert_eq!(tzid, "Europe/Brussels");
            let brussels: DateTime<Utc> = date_time
                .and_local_timezone(chrono_tz::Europe::Brussels)
                .single()
                .unwrap()
                .with_timezone(&Utc);
            // The child is back after the visit ends.
            assert!(brussels > trip.visit_end);
        }
        other => panic!("end not in Brussels time: {other:?}"),
    }
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels"));
}

#[tokio::test]
async fn a_volunteers_phone_never_holds_a_familys_e_mail() {
    let records = network(15, 4, 12);
    let (guardian, trip) = family_with_a_coming_trip(&records);
    let volunteer = trip.volunteer_id.clone().unwrap();
    let server = start(records).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let with_email = Guardian {
        email: "famille@example.be".into(),
        ..guardian.clone()
    };
    server
        .sync(
            &office.token,
            None,
            vec![op(
                1,
                Change::Put {
                    record: Record::Guardian(with_email),
                },
            )],
        )
        .await;
    let phone = server
        .enroll(Role::Volunteer, "Vol", Some(volunteer.as_str()))
        .await;
    let pulled = server.sync(&phone.token, None, Vec::new()).await;
    let held = pulled
        .changes
        .iter()
        .find_map(|r| match r {
            Record::Guardian(g) if g.id == guardian.id => Some(g.clone()),
            _ => None,
        })
        .expect("the pickup contact is on the phone");
    assert_eq!(held.phone, guardian.phone);
    assert!(held.email.is_empty());
}

#[tokio::test]
async fn opening_a_link_changes_nothing_a_coordinator_or_volunteer_holds() {
    let records = network(16, 4, 12);
    let (guardian, _) = family_with_a_coming_trip(&records);
    let server = start(records).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let first = server.sync(&office.token, None, Vec::new()).await;
    let link = create_link(&server, &office.token, &guardian.id).await;
    let before = notices(&server, &office.token, &guardian.id).await;
    for _ in 0..3 {
        assert_eq!(get(&server, &link.url).await.0, StatusCode::OK);
        assert_eq!(
            get(&server, &format!("{}/calendar.ics", link.url)).await.0,
            StatusCode::OK
        );
    }
    let after = server
        .sync(&office.token, Some(first.cursor), Vec::new())
        .await;
    assert!(after.changes.is_empty(), "{:?}", after.changes);
    assert!(after.removed.is_empty());
    assert_eq!(notices(&server, &office.token, &guardian.id).await, before);
}

#[tokio::test]
async fn trips_from_before_family_links_are_noted_at_start_without_notices() {
    let records = network(17, 4, 12);
    let trips = records
        .iter()
        .filter(|r| matches!(r, Record::Trip(_)))
        .count() as i64;
    let server = start(records).await;
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let count = |conn: &rusqlite::Connection, table: &str| -> i64 {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&conn, "family_visits"), trips);
    // As a database written before families had links.
    conn.execute("DELETE FROM family_visits", []).unwrap();
    let _reopened = itinerances::server::AppState::open(
        &server.db_path,
        itinerances::server::ServerOptions::default(),
    )
    .unwrap();
    assert_eq!(count(&conn, "family_visits"), trips);
    assert_eq!(count(&conn, "family_notices"), 0);
}
