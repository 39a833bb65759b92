use super::*;
use crate::demo::demo_network;
use crate::domain::{Author, EventId, TripEvent, TripId};
use crate::plan::timeline_for;
use crate::store::{ApplyPlan, MemoryStore};
use chrono::NaiveDate;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn store_with(events: Vec<TripEvent>) -> MemoryStore {
    let store = MemoryStore::new();
    let mut upserts = demo_network(day()).records;
    upserts.extend(events.into_iter().map(Record::Event));
    let plan = ApplyPlan {
        upserts,
        reset: true,
        ..ApplyPlan::default()
    };
    let at = day().and_hms_opt(6, 0, 0).unwrap_or_default().and_utc();
    if let Err(e) = store.apply(&plan, at) {
        panic!("the demo applies: {e}");
    }
    store
}

fn morning_trip(store: &MemoryStore) -> (Trip, crate::plan::Timeline) {
    let records = store.list(RecordKind::Trip).unwrap_or_default();
    let trip = records
        .into_iter()
        .find_map(|r| match r {
            Record::Trip(t) if t.id == TripId::from("trip-today-am") => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the demo's morning trip"));
    let prison = store
        .list(RecordKind::Prison)
        .unwrap_or_default()
        .into_iter()
        .find_map(|r| match r {
            Record::Prison(p) if p.id == trip.prison_id => Some(p),
            _ => None,
        })
        .unwrap_or_else(|| panic!("its prison"));
    let timeline = timeline_for(&trip, &prison);
    (trip, timeline)
}

fn step(trip: &Trip, kind: EventKind, at: DateTime<Utc>) -> TripEvent {
    TripEvent {
        id: EventId::from(format!("{}-{kind:?}", trip.id).as_str()),
        trip_id: trip.id.clone(),
        kind,
        at,
        author: Author::Coordinator("Office".into()),
        note: String::new(),
    }
}

fn row<'a>(rows: &'a [TodayRow], id: &str) -> &'a TodayRow {
    rows.iter()
        .find(|r| r.trip.id == TripId::from(id))
        .unwrap_or_else(|| panic!("{id} on the board"))
}

#[test]
fn the_board_lists_todays_trips_by_meeting_time_with_the_open_one_counted() {
    let store = store_with(Vec::new());
    let (_, timeline) = morning_trip(&store);
    let now = timeline.meet_at - Duration::hours(1);
    let rows = today_board(&store, now).unwrap_or_default();
    let ids: Vec<&str> = rows.iter().map(|r| r.trip.id.as_str()).collect();
    for id in ["trip-today-am", "trip-today-pm", "trip-today-open"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(
        rows.windows(2).all(|w| w[0].meet_at <= w[1].meet_at),
        "by meeting time"
    );
    let am = row(&rows, "trip-today-am");
    assert_eq!(am.stage, Stage::NotStarted);
    assert_eq!(am.late, None, "nothing is late before the meeting");
    assert!(!am.children.is_empty() && am.volunteer.is_some());
    let counts = counts(&rows);
    assert_eq!(counts.trips, rows.len());
    assert!(counts.without_volunteer >= 1, "the open trip: {counts:?}");
    assert_eq!(counts.under_way, 0);
}

#[test]
fn a_meeting_passed_without_pickup_is_late_and_each_step_moves_the_stage() {
    let store = store_with(Vec::new());
    let (trip, timeline) = morning_trip(&store);
    // Twenty minutes after the meeting time, nobody logged the pickup.
    let now = timeline.meet_at + Duration::minutes(20);
    let rows = today_board(&store, now).unwrap_or_default();
    let late = row(&rows, "trip-today-am")
        .late
        .unwrap_or_else(|| panic!("late"));
    assert_eq!(late.step, EventKind::PickedUp);
    assert_eq!(late.expected, timeline.meet_at);
    assert_eq!(late.last_news, None);
    assert_eq!(counts(&rows).late, 1);

    // Picked up on time, then at the prison: on the board, nothing late.
    let store = store_with(vec![
        step(&trip, EventKind::PickedUp, timeline.meet_at),
        step(&trip, EventKind::Arrived, timeline.at_door_by),
    ]);
    let rows = today_board(&store, timeline.at_door_by + Duration::minutes(5)).unwrap_or_default();
    let am = row(&rows, "trip-today-am");
    assert_eq!(am.stage, Stage::AtPrison);
    assert_eq!(am.late, None);
    assert_eq!(counts(&rows).under_way, 1);
    // Long after the visit's start without "visit started": late, and the
    // last news is the arrival.
    let rows =
        today_board(&store, timeline.visit_start + Duration::minutes(40)).unwrap_or_default();
    let late = row(&rows, "trip-today-am")
        .late
        .unwrap_or_else(|| panic!("late"));
    assert_eq!(late.step, EventKind::Entered);
    assert_eq!(late.last_news, Some(timeline.at_door_by));
}

#[test]
fn a_cancelled_or_finished_trip_is_never_late() {
    let store = store_with(Vec::new());
    let (trip, timeline) = morning_trip(&store);
    let late_evening = timeline.expected_return + Duration::hours(3);
    let store = store_with(vec![step(
        &trip,
        EventKind::Cancelled {
            reason: CancelReason::ChildIll,
        },
        timeline.meet_at - Duration::hours(2),
    )]);
    let rows = today_board(&store, late_evening).unwrap_or_default();
    let am = row(&rows, "trip-today-am");
    assert_eq!(am.stage, Stage::Cancelled(CancelReason::ChildIll));
    assert_eq!(am.late, None);
    assert_eq!(counts(&rows).cancelled, 1);

    let all_steps: Vec<TripEvent> = EventKind::STEPS
        .into_iter()
        .map(|kind| step(&trip, kind, timeline.meet_at))
        .collect();
    let rows = today_board(&store_with(all_steps), late_evening).unwrap_or_default();
    let am = row(&rows, "trip-today-am");
    assert_eq!(am.stage, Stage::Done);
    assert_eq!(am.late, None);
}

fn phone(id: &str, volunteer: &str, last_sync: Option<DateTime<Utc>>) -> DeviceInfo {
    DeviceInfo {
        device_id: id.into(),
        account_id: format!("account-{volunteer}").as_str().into(),
        person: volunteer.into(),
        role: Role::Volunteer,
        volunteer_id: Some(volunteer.into()),
        name: format!("{volunteer}'s phone"),
        enrolled_at: day().and_hms_opt(6, 0, 0).unwrap_or_default().and_utc(),
        last_sync,
        revoked_at: None,
        refused: 0,
    }
}

#[test]
fn a_volunteers_phone_silent_for_long_is_shown_once_the_trip_is_due() {
    let (trip, timeline) = morning_trip(&store_with(Vec::new()));
    let volunteer = trip
        .volunteer_id
        .clone()
        .unwrap_or_else(|| panic!("the morning trip has a volunteer"));
    let meet = timeline.meet_at;
    let silent_since = meet - Duration::minutes(SILENT_AFTER_MINUTES + 20);
    let recent = meet - Duration::minutes(5);
    let mut revoked = phone("old", volunteer.as_str(), Some(recent));
    revoked.revoked_at = Some(recent);
    type Case = (
        &'static str,
        Vec<TripEvent>,
        Vec<DeviceInfo>,
        i64,
        Option<Silence>,
    );
    let table: Vec<Case> = vec![
        (
            "before the meeting time, nothing is said",
            vec![],
            vec![phone("p", volunteer.as_str(), Some(silent_since))],
            -10,
            None,
        ),
        (
            "due, and the phone last synced 50 minutes before the meeting",
            vec![],
            vec![phone("p", volunteer.as_str(), Some(silent_since))],
            5,
            Some(Silence::Since(silent_since)),
        ),
        (
            "due, and a second phone of the volunteer synced just now",
            vec![],
            vec![
                phone("p", volunteer.as_str(), Some(silent_since)),
                phone("p2", volunteer.as_str(), Some(recent)),
            ],
            5,
            None,
        ),
        (
            "due, and the only recent sync is a removed phone's",
            vec![],
            vec![
                phone("p", volunteer.as_str(), Some(silent_since)),
                revoked.clone(),
            ],
            5,
            Some(Silence::Since(silent_since)),
        ),
        (
            "due, and no phone of the volunteer ever synced",
            vec![],
            vec![phone("p", "someone-else", Some(recent))],
            5,
            Some(Silence::Never),
        ),
        (
            "under way, and the phone silent",
            vec![step(&trip, EventKind::PickedUp, meet)],
            vec![phone("p", volunteer.as_str(), Some(silent_since))],
            60,
            Some(Silence::Since(silent_since)),
        ),
        (
            "done: silence is no concern",
            vec![step(&trip, EventKind::Returned, meet + Duration::hours(3))],
            vec![phone("p", volunteer.as_str(), Some(silent_since))],
            240,
            None,
        ),
    ];
    for (name, events, devices, minutes, expected) in table {
        let store = store_with(events);
        let now = meet + Duration::minutes(minutes);
        let rows = today_board(&store, now).unwrap_or_default();
        let silent = silent_phones(&rows, &devices, now);
        assert_eq!(silent.get(&trip.id).copied(), expected, "{name}");
    }
}
