//! A small world for the planning tests: one prison, one family, one volunteer
//! and one trip on Thursday 12 June 2025 at 14:00 in Brussels.

use super::PlanData;
use crate::domain::*;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Brussels;

pub const SCHAERBEEK: GeoPoint = GeoPoint::new(50.8676, 4.3737);
pub const HAREN: GeoPoint = GeoPoint::new(50.8895, 4.4195);
pub const ARLON: GeoPoint = GeoPoint::new(49.6830, 5.8150);
pub const ANTWERPEN: GeoPoint = GeoPoint::new(51.2120, 4.3960);

/// A Brussels wall-clock time, "YYYY-MM-DD HH:MM", as UTC.
pub fn at(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
    Brussels
        .from_local_datetime(&naive)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn prison(id: &str) -> Prison {
    Prison {
        id: PrisonId::from(id),
        name: format!("Prison {id}"),
        town: "Haren".into(),
        address: "Haren".into(),
        location: HAREN,
        phone: String::new(),
        visitor_entrance: String::new(),
        arrival_lead_minutes: 30,
        documents_adult: vec![],
        documents_child: vec![],
        allowed_items: vec![],
        forbidden_items: vec![],
        lockers: String::new(),
        status: PrisonStatus::normal(),
        last_checked: SheetCheck {
            on: day("2025-06-01"),
            by: "test".into(),
        },
        example_content: true,
        sheet_language: None,
        translations: Default::default(),
        visiting_hours: Vec::new(),
    }
}

pub fn trip(id: &str, start: DateTime<Utc>, minutes: i64) -> Trip {
    Trip {
        id: TripId::from(id),
        children: vec![ChildId::from("lina")],
        parent_id: ParentId::from("p1"),
        prison_id: PrisonId::from("haren"),
        room_id: Some(RoomId::from("haren-family")),
        visit_start: start,
        visit_end: start + chrono::Duration::minutes(minutes),
        pickup: Pickup {
            guardian_id: GuardianId::from("g1"),
            address: "Schaerbeek".into(),
            location: SCHAERBEEK,
        },
        pickup_time: None,
        travel_mode: TravelMode::Car,
        travel_minutes: Some(45),
        volunteer_id: Some(VolunteerId::from("v1")),
        status: TripStatus::Confirmed,
        series: None,
    }
}

pub fn volunteer(id: &str, home: GeoPoint, has_car: bool, languages: &[Language]) -> Volunteer {
    let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let days = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    Volunteer {
        id: VolunteerId::from(id),
        name: format!("Volunteer {id}"),
        phone: String::new(),
        home_area: home,
        has_car,
        languages: languages.to_vec(),
        availability: days
            .iter()
            .map(|&weekday| WeeklySlot {
                weekday,
                from: time(7),
                until: time(21),
            })
            .collect(),
        absences: vec![],
        newcomer: false,
        archived: false,
    }
}

pub fn child(id: &str, language: Language) -> Child {
    Child {
        id: ChildId::from(id),
        first_name: id.into(),
        last_name: String::new(),
        birth_year: 2016,
        language,
        needs: String::new(),
        guardian_id: GuardianId::from("g1"),
        archived: false,
    }
}

pub fn right(child: &str, allowed: bool) -> VisitRight {
    VisitRight {
        id: VisitRightId(format!("vr-{child}")),
        child_id: ChildId::from(child),
        parent_id: ParentId::from("p1"),
        allowed,
        decided_by: DecidedBy::YouthCourt,
        format: VisitFormat {
            collective: false,
            supervised: true,
        },
        rhythm: Rhythm {
            visits: 1,
            per: RhythmPeriod::Month,
        },
        valid_from: day("2025-01-01"),
        valid_until: None,
        reference: String::new(),
    }
}

pub fn event(id: &str, trip: &str, kind: EventKind, when: DateTime<Utc>) -> TripEvent {
    TripEvent {
        id: EventId::from(id),
        trip_id: TripId::from(trip),
        kind,
        at: when,
        author: Author::Coordinator("c".into()),
        note: String::new(),
    }
}

/// The world where trip "t" has nothing wrong.
pub fn world() -> PlanData {
    PlanData {
        trips: vec![trip("t", at("2025-06-12 14:00"), 60)],
        events: vec![],
        prisons: vec![prison("haren"), prison("lantin")],
        rooms: vec![
            VisitRoom {
                id: RoomId::from("haren-family"),
                prison_id: PrisonId::from("haren"),
                name: "Family room".into(),
                kind: RoomKind::FamilyRoom,
                equipment: vec![],
                notes: String::new(),
            },
            VisitRoom {
                id: RoomId::from("lantin-parloir"),
                prison_id: PrisonId::from("lantin"),
                name: "Parloir".into(),
                kind: RoomKind::Parloir,
                equipment: vec![],
                notes: String::new(),
            },
        ],
        parents: vec![DetainedParent {
            id: ParentId::from("p1"),
            first_name: "Mehdi".into(),
            last_name: String::new(),
            prison_id: PrisonId::from("haren"),
            transfers: vec![],
            released_on: None,
        }],
        visit_rights: vec![right("lina", true)],
        volunteers: vec![volunteer("v1", SCHAERBEEK, true, &[Language::Fr])],
        children: vec![child("lina", Language::Fr), child("noah", Language::Fr)],
    }
}

pub fn guardian(id: &str) -> Guardian {
    Guardian {
        id: GuardianId::from(id),
        kind: GuardianKind::Grandparent,
        name: format!("Guardian {id}"),
        phone: "+32 2 000 00 00".into(),
        pickup_address: format!("Rue de {id}, Schaerbeek"),
        pickup_location: SCHAERBEEK,
        language: Some(Language::Fr),
        email: String::new(),
        archived: false,
    }
}
