//! Freezes the wire format: if one of these fails, a serialized form changed.
//! Raise PROTOCOL_VERSION and keep reading the old form before touching them.

use super::*;
use crate::domain::*;
use chrono::{TimeZone, Utc};

fn sample_event() -> TripEvent {
    TripEvent {
        id: EventId::from("ev1"),
        trip_id: TripId::from("trip1"),
        kind: EventKind::Cancelled {
            reason: CancelReason::RefusedAtDoor,
        },
        at: Utc
            .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
            .single()
            .expect("valid date"),
        author: Author::Volunteer(VolunteerId::from("vol1")),
        note: "permit not found".into(),
    }
}

fn sample_op() -> Operation {
    Operation {
        op_id: OpId::from("op1"),
        seq: 7,
        hlc: Hlc {
            millis: 1_795_000_000_000,
            counter: 2,
            node: "dev1".into(),
        },
        at: Utc
            .with_ymd_and_hms(2026, 11, 22, 9, 30, 1)
            .single()
            .expect("valid date"),
        change: Change::LogEvent {
            event: sample_event(),
        },
    }
}

#[test]
fn sync_request_is_frozen() {
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: Some(Cursor(42)),
        ops: vec![sample_op()],
    };
    let json = serde_json::to_string(&request).expect("serializes");
    assert_eq!(
        json,
        r#"{"version":2,"cursor":42,"ops":[{"op_id":"op1","seq":7,"hlc":{"millis":1795000000000,"counter":2,"node":"dev1"},"at":"2026-11-22T09:30:01Z","op":"log_event","event":{"id":"ev1","trip_id":"trip1","step":"cancelled","reason":"refused_at_door","at":"2026-11-22T09:30:00Z","author":{"role":"volunteer","id":"vol1"},"note":"permit not found"}}]}"#
    );
    let back: SyncRequest = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, request);
}

#[test]
fn sync_response_is_frozen() {
    let response = SyncResponse {
        version: PROTOCOL_VERSION,
        results: vec![
            OpResult {
                seq: 7,
                op_id: OpId::from("op1"),
                outcome: Outcome::Applied,
            },
            OpResult {
                seq: 8,
                op_id: OpId::from("op2"),
                outcome: Outcome::Rejected {
                    code: RejectCode::Forbidden,
                    message: "not your trip".into(),
                },
            },
            OpResult {
                seq: 9,
                op_id: OpId::from("op3"),
                outcome: Outcome::Rejected {
                    code: RejectCode::Superseded,
                    message: "changed later".into(),
                },
            },
        ],
        changes: vec![Record::Event(sample_event())],
        removed: vec![RecordKey::new(RecordKind::Child, "c1")],
        reset: false,
        cursor: Cursor(43),
        clock: Hlc {
            millis: 5,
            counter: 0,
            node: "server".into(),
        },
    };
    let json = serde_json::to_string(&response).expect("serializes");
    assert_eq!(
        json,
        r#"{"version":2,"results":[{"seq":7,"op_id":"op1","outcome":"applied"},{"seq":8,"op_id":"op2","outcome":"rejected","code":"forbidden","message":"not your trip"},{"seq":9,"op_id":"op3","outcome":"rejected","code":"superseded","message":"changed later"}],"changes":[{"kind":"event","data":{"id":"ev1","trip_id":"trip1","step":"cancelled","reason":"refused_at_door","at":"2026-11-22T09:30:00Z","author":{"role":"volunteer","id":"vol1"},"note":"permit not found"}}],"removed":[{"kind":"child","id":"c1"}],"reset":false,"cursor":43,"clock":{"millis":5,"counter":0,"node":"server"}}"#
    );
    let back: SyncResponse = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, response);
}

#[test]
fn a_plain_step_is_frozen() {
    let mut event = sample_event();
    event.kind = EventKind::VisitStarted;
    event.note.clear();
    let json = serde_json::to_string(&Change::LogEvent { event }).expect("serializes");
    assert_eq!(
        json,
        r#"{"op":"log_event","event":{"id":"ev1","trip_id":"trip1","step":"visit_started","at":"2026-11-22T09:30:00Z","author":{"role":"volunteer","id":"vol1"}}}"#
    );
}

#[test]
fn assignment_is_frozen() {
    let change = Change::Assign {
        trip_id: TripId::from("t9"),
        volunteer_id: Some(VolunteerId::from("v2")),
    };
    let json = serde_json::to_string(&change).expect("serializes");
    assert_eq!(
        json,
        r#"{"op":"assign","trip_id":"t9","volunteer_id":"v2"}"#
    );
    let back: Change = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, change);
}

/// A trip as a coordinator puts it; `series` is optional, so trips written
/// before series existed read the same and are written the same.
#[test]
fn a_trip_and_its_series_are_frozen() {
    let at = |h| {
        Utc.with_ymd_and_hms(2026, 12, 1, h, 30, 0)
            .single()
            .expect("valid date")
    };
    let mut trip = Trip {
        id: TripId::from("t1"),
        children: vec![ChildId::from("c1")],
        parent_id: ParentId::from("p1"),
        prison_id: PrisonId::from("haren"),
        room_id: None,
        visit_start: at(12),
        visit_end: at(14),
        pickup: Pickup {
            guardian_id: GuardianId::from("g1"),
            address: "Rue Royale 1, Bruxelles".into(),
            location: GeoPoint::new(50.85, 4.36),
        },
        pickup_time: None,
        travel_mode: TravelMode::Car,
        travel_minutes: None,
        volunteer_id: None,
        status: TripStatus::Proposed,
        series: None,
    };
    let without = r#"{"op":"put","record":{"kind":"trip","data":{"id":"t1","children":["c1"],"parent_id":"p1","prison_id":"haren","visit_start":"2026-12-01T12:30:00Z","visit_end":"2026-12-01T14:30:00Z","pickup":{"guardian_id":"g1","address":"Rue Royale 1, Bruxelles","location":{"lat":50.85,"lon":4.36}},"travel_mode":"car","status":"proposed"}}}"#;
    let change = Change::Put {
        record: Record::Trip(trip.clone()),
    };
    assert_eq!(serde_json::to_string(&change).expect("serializes"), without);
    let back: Change = serde_json::from_str(without).expect("parses");
    assert_eq!(back, change);

    trip.series = Some(SeriesId::from("s0123456789abcdef"));
    let change = Change::Put {
        record: Record::Trip(trip),
    };
    let with = without.replace(
        r#""status":"proposed"}"#,
        r#""status":"proposed","series":"s0123456789abcdef"}"#,
    );
    assert_eq!(serde_json::to_string(&change).expect("serializes"), with);
    let back: Change = serde_json::from_str(&with).expect("parses");
    assert_eq!(back, change);
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    fn any_step() -> impl Strategy<Value = EventKind> {
        prop_oneof![
            Just(EventKind::PickedUp),
            Just(EventKind::Arrived),
            Just(EventKind::Entered),
            Just(EventKind::VisitStarted),
            Just(EventKind::VisitEnded),
            Just(EventKind::Returned),
            Just(EventKind::Cancelled {
                reason: CancelReason::Strike
            }),
            Just(EventKind::Cancelled {
                reason: CancelReason::ChildIll
            }),
        ]
    }

    proptest! {
        #[test]
        fn operations_survive_the_wire(
            seq in 1u64..u64::MAX / 2,
            millis in 0i64..4_000_000_000_000,
            counter in any::<u32>(),
            note in ".{0,40}",
            step in any_step(),
            secs in 0i64..4_000_000_000,
        ) {
            let mut op = sample_op();
            op.seq = seq;
            op.hlc.millis = millis;
            op.hlc.counter = counter;
            let mut event = sample_event();
            event.note = note;
            event.kind = step;
            event.at = Utc.timestamp_opt(secs, 0).single().expect("in range");
            op.change = Change::LogEvent { event };
            let json = serde_json::to_vec(&op).expect("serializes");
            let back: Operation = serde_json::from_slice(&json).expect("parses");
            prop_assert_eq!(back, op);
        }
    }
}
