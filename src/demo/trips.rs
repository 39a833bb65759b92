//! The demo calendar: trips over the past 2 weeks and the coming 6, their steps
//! and reports.

use super::brussels;
use super::families::People;
use super::prisons::{next_week_strike_days, room_for};
use crate::domain::{
    Author, CancelReason, ChildId, Contact, EventId, EventKind, Mood, ParentId, Pickup, PrisonId,
    Record, TravelMode, Trip, TripEvent, TripId, TripReport, TripStatus, Volunteer, VolunteerId,
};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashSet;

/// A family's usual visit: who, where, with whom, at what local time.
struct Family {
    key: &'static str,
    children: &'static [&'static str],
    parent: &'static str,
    guardian: &'static str,
    prison: &'static str,
    volunteer: &'static str,
    mode: TravelMode,
    at: (u32, u32),
    minutes: i64,
    /// Days between two visits, and days from today to the first planned one.
    every: i64,
    first: i64,
    /// Travel time known from experience, when the volunteer has logged it.
    travel: Option<u32>,
    /// Kilometres of a return trip, for reports.
    km: u32,
}

#[allow(clippy::too_many_arguments)]
const fn family(
    key: &'static str,
    children: &'static [&'static str],
    parent: &'static str,
    guardian: &'static str,
    prison: &'static str,
    volunteer: &'static str,
    mode: TravelMode,
    at: (u32, u32),
    minutes: i64,
    every_first: (i64, i64),
    travel: Option<u32>,
    km: u32,
) -> Family {
    Family {
        key,
        children,
        parent,
        guardian,
        prison,
        volunteer,
        mode,
        at,
        minutes,
        every: every_first.0,
        first: every_first.1,
        travel,
        km,
    }
}

use TravelMode::{Car, PublicTransport as Pt};
const MARTIN: Family = family(
    "martin",
    &["lina", "noah"],
    "p-mehdi",
    "g-martin",
    "haren",
    "v-anne",
    Car,
    (10, 0),
    60,
    (14, 3),
    Some(25),
    24,
);
// Wout's visits are forbidden: only his sisters go.
const PEETERS: Family = family(
    "peeters",
    &["lotte", "fien"],
    "p-jens",
    "g-peeters",
    "antwerpen",
    "v-anne",
    Car,
    (14, 30),
    60,
    (14, 6),
    None,
    62,
);
const DUBOIS: Family = family(
    "dubois",
    &["emma", "louis"],
    "p-julie",
    "g-dubois",
    "lantin",
    "v-samir",
    Car,
    (14, 0),
    90,
    (14, 2),
    Some(55),
    130,
);
const TILLEULS: Family = family(
    "tilleuls",
    &["mathis", "ines"],
    "p-rachid",
    "g-tilleuls",
    "jamioulx",
    "v-marc",
    Car,
    (13, 30),
    60,
    (21, 5),
    None,
    22,
);
const JANSSENS: Family = family(
    "janssens",
    &["olivia"],
    "p-kevin",
    "g-janssens",
    "gent",
    "v-els",
    Pt,
    (14, 0),
    60,
    (14, 1),
    None,
    8,
);
const CLAES: Family = family(
    "claes",
    &["daan"],
    "p-bart",
    "g-claes",
    "hasselt",
    "v-els",
    Pt,
    (11, 0),
    60,
    (21, 4),
    Some(40),
    36,
);
const LEROY: Family = family(
    "leroy",
    &["liam"],
    "p-dylan",
    "g-leroy",
    "mons",
    "v-marc",
    Car,
    (10, 30),
    60,
    (14, 2),
    None,
    14,
);

const FAMILIES: [&Family; 7] = [
    &MARTIN, &PEETERS, &DUBOIS, &TILLEULS, &JANSSENS, &CLAES, &LEROY,
];

/// How far ahead the demo calendar goes.
const HORIZON_DAYS: i64 = 42;

pub(super) fn trips_and_events(today: NaiveDate, people: &People) -> Vec<Record> {
    let mut out = Vec::new();
    let mut busy: HashSet<(&str, NaiveDate)> = HashSet::new();
    let (strike_tuesday, _) = next_week_strike_days(today);
    let strike_day = strike_tuesday + Duration::days(1);

    // Today: the first volunteer's morning and afternoon trips, and one trip
    // still without a volunteer at the prison in lockdown.
    busy.insert(("v-anne", today));
    out.push(Record::Trip(trip(
        "trip-today-am",
        &MARTIN,
        today,
        people,
        Some("v-anne"),
        TripStatus::Confirmed,
    )));
    out.push(Record::Trip(trip(
        "trip-today-pm",
        &PEETERS,
        today,
        people,
        Some("v-anne"),
        TripStatus::Confirmed,
    )));
    out.push(Record::Trip(trip(
        "trip-today-open",
        &TILLEULS,
        today,
        people,
        None,
        TripStatus::Proposed,
    )));
    // Next week, during the strike at Lantin.
    busy.insert((DUBOIS.volunteer, strike_day));
    let id = format!("trip-dubois-{}", strike_day.format("%Y%m%d"));
    out.push(Record::Trip(trip(
        &id,
        &DUBOIS,
        strike_day,
        people,
        Some(DUBOIS.volunteer),
        TripStatus::Confirmed,
    )));

    // The past two weeks: done, and one cancelled.
    for (f, offset) in [
        (&MARTIN, -14),
        (&PEETERS, -8),
        (&DUBOIS, -12),
        (&LEROY, -10),
        (&JANSSENS, -5),
    ] {
        let Some(day) = free_day(
            f,
            today + Duration::days(offset),
            today - Duration::days(1),
            people,
            &mut busy,
        ) else {
            continue;
        };
        let id = format!("trip-{}-{}", f.key, day.format("%Y%m%d"));
        let t = trip(
            &id,
            f,
            day,
            people,
            Some(f.volunteer),
            TripStatus::Confirmed,
        );
        out.extend(past_steps(&t, f, f.key == "leroy"));
        out.push(Record::Trip(t));
    }

    // The coming six weeks, at each family's rhythm.
    let horizon = today + Duration::days(HORIZON_DAYS);
    for f in FAMILIES {
        let mut target = today + Duration::days(f.first);
        while target <= horizon {
            if let Some(day) = free_day(f, target, horizon, people, &mut busy) {
                let id = format!("trip-{}-{}", f.key, day.format("%Y%m%d"));
                let status = if day - today <= Duration::days(14) {
                    TripStatus::Confirmed
                } else {
                    TripStatus::Proposed
                };
                out.push(Record::Trip(trip(
                    &id,
                    f,
                    day,
                    people,
                    Some(f.volunteer),
                    status,
                )));
            }
            target += Duration::days(f.every);
        }
    }
    out
}

/// The first day from `from` (within a week, not after `until`) when the
/// family's volunteer is usually free, not away, and not already on a trip.
fn free_day<'a>(
    f: &'a Family,
    from: NaiveDate,
    until: NaiveDate,
    people: &People,
    busy: &mut HashSet<(&'a str, NaiveDate)>,
) -> Option<NaiveDate> {
    let volunteer: &Volunteer = people
        .volunteers
        .iter()
        .find(|v| v.id.as_str() == f.volunteer)?;
    (0..7)
        .map(|k| from + Duration::days(k))
        .take_while(|day| *day <= until)
        .find(|day| {
            let usual = volunteer
                .availability
                .iter()
                .any(|s| s.weekday == day.weekday());
            let away = volunteer
                .absences
                .iter()
                .any(|a| a.from <= *day && *day <= a.until);
            usual && !away && busy.insert((f.volunteer, *day))
        })
}

fn trip(
    id: &str,
    f: &Family,
    day: NaiveDate,
    people: &People,
    volunteer: Option<&str>,
    status: TripStatus,
) -> Trip {
    let start = brussels(day, f.at.0, f.at.1);
    let (address, location) = match people.guardian(f.guardian) {
        Some(g) => (g.pickup_address.clone(), g.pickup_location),
        None => (
            String::from("to be agreed"),
            crate::domain::GeoPoint::new(50.85, 4.35),
        ),
    };
    Trip {
        id: TripId::from(id),
        children: f.children.iter().map(|c| ChildId::from(*c)).collect(),
        parent_id: ParentId::from(f.parent),
        prison_id: PrisonId::from(f.prison),
        room_id: Some(room_for(f.prison)),
        visit_start: start,
        visit_end: start + Duration::minutes(f.minutes),
        pickup: Pickup {
            guardian_id: crate::domain::GuardianId::from(f.guardian),
            address,
            location,
        },
        pickup_time: None,
        travel_mode: f.mode,
        travel_minutes: f.travel,
        volunteer_id: volunteer.map(VolunteerId::from),
        status,
        series: Some(crate::plan::family_series(
            &ParentId::from(f.parent),
            &crate::domain::GuardianId::from(f.guardian),
        )),
    }
}

/// The logged steps of a past trip and its report, or its cancellation.
fn past_steps(t: &Trip, f: &Family, cancelled: bool) -> Vec<Record> {
    let volunteer = Author::Volunteer(VolunteerId::from(f.volunteer));
    let event = |n: usize, kind: EventKind, at, author: Author, note: &str| {
        Record::Event(TripEvent {
            id: EventId(format!("ev-{}-{n}", t.id)),
            trip_id: t.id.clone(),
            kind,
            at,
            author,
            note: note.to_owned(),
        })
    };
    if cancelled {
        return vec![event(
            0,
            EventKind::Cancelled {
                reason: CancelReason::ChildIll,
            },
            t.visit_start - Duration::hours(20),
            Author::Coordinator("coordination".to_owned()),
            "Les grands-parents ont appelé : fièvre depuis hier soir.",
        )];
    }
    let offsets = [-90, -35, -20, 0, f.minutes, f.minutes + 75];
    let mut records: Vec<Record> = EventKind::STEPS
        .iter()
        .zip(offsets)
        .enumerate()
        .map(|(n, (kind, minutes))| {
            let at = t.visit_start + Duration::minutes(minutes);
            event(n, *kind, at, volunteer.clone(), "")
        })
        .collect();
    records.push(Record::Report(TripReport {
        trip_id: t.id.clone(),
        author: volunteer,
        mood_before: Mood::Worried,
        mood_after: Mood::Happy,
        contact: Contact::Warm,
        incidents: String::new(),
        kilometres: f.km,
        // Written by the volunteer, in the family's language.
        text: if matches!(f.key, "peeters" | "janssens" | "claes") {
            "20 minuten gewacht aan de deur; het bezoek zelf verliep goed."
        } else {
            "Attendu 20 minutes à la porte ; la visite elle-même s'est bien passée."
        }
        .to_owned(),
        written_at: t.visit_end + Duration::hours(3),
    }));
    records
}
