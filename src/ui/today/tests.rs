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
