//! Generated networks of any size, deterministic from a seed, for benchmarks
//! and scope tests. Same shapes as the demo, fictional throughout.

use super::families::phone;
use super::prisons::{example_prison, example_rooms};
use super::{brussels, DemoNetwork};
use crate::domain::{
    Child, ChildId, DecidedBy, DetainedParent, GeoPoint, Guardian, GuardianId, GuardianKind,
    Language, ParentId, Pickup, PrisonId, Record, Rhythm, RhythmPeriod, RoomId, TravelMode, Trip,
    TripId, TripStatus, VisitFormat, VisitRight, VisitRightId, Volunteer, VolunteerId, WeeklySlot,
};
use chrono::{Duration, NaiveDate, NaiveTime, Weekday};

/// A tiny xorshift generator: enough for reproducible test data, no dependency.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        // Mix the seed so that 0 and small seeds still give a non-zero state.
        let mixed = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        Self(if mixed == 0 { 1 } else { mixed })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A value in `[lo, hi)`.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next() % 1_000_000) as f64 / 1_000_000.0 * (hi - lo)
    }
}

const TOWNS: [(&str, f64, f64); 12] = [
    ("Bruxelles", 50.85, 4.35),
    ("Antwerpen", 51.22, 4.40),
    ("Gent", 51.05, 3.72),
    ("Liège", 50.63, 5.57),
    ("Charleroi", 50.41, 4.44),
    ("Namur", 50.47, 4.87),
    ("Mons", 50.45, 3.95),
    ("Brugge", 51.21, 3.22),
    ("Leuven", 50.88, 4.70),
    ("Hasselt", 50.93, 5.34),
    ("Arlon", 49.68, 5.81),
    ("Tournai", 50.61, 3.39),
];
const FIRST_NAMES: [&str; 16] = [
    "Lina", "Noah", "Emma", "Louis", "Lotte", "Daan", "Olivia", "Liam", "Inès", "Mathis", "Fien",
    "Adam", "Nora", "Arthur", "Mila", "Jules",
];
const LAST_NAMES: [&str; 10] = [
    "Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Martin", "Claes", "Leroy", "Willems",
    "Mertens",
];
const NEEDS: [&str; 5] = [
    "",
    "Brings a comfort blanket",
    "Asthma inhaler in the bag",
    "Needs a booster seat",
    "Car sick on long rides: window seat",
];
const GUARDIAN_KINDS: [GuardianKind; 5] = [
    GuardianKind::Parent,
    GuardianKind::Grandparent,
    GuardianKind::OtherRelative,
    GuardianKind::FosterFamily,
    GuardianKind::Institution,
];
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn near(rng: &mut XorShift, town: &(&str, f64, f64)) -> GeoPoint {
    GeoPoint::new(
        town.1 + rng.between(-0.08, 0.08),
        town.2 + rng.between(-0.12, 0.12),
    )
}

/// A network with `prisons` prisons (at least one), `volunteers` volunteers and
/// `trips` trips spread over [today − 14 days, today + 120 days], with about one
/// family per three trips. Every trip's children, guardian, parent, prison, room
/// and volunteer are present. With no volunteer, trips are left unassigned.
pub fn generated_network(
    seed: u64,
    prisons: usize,
    volunteers: usize,
    trips: usize,
    today: NaiveDate,
) -> DemoNetwork {
    generated_network_of(seed, prisons, volunteers, trips.div_ceil(3), trips, today)
}

/// [`generated_network`] with the number of families chosen: each has one to
/// three children, so `family_count` × 2 children on average.
pub fn generated_network_of(
    seed: u64,
    prisons: usize,
    volunteers: usize,
    family_count: usize,
    trips: usize,
    today: NaiveDate,
) -> DemoNetwork {
    let mut rng = XorShift::new(seed);
    let mut records = Vec::new();

    let mut prison_rooms: Vec<(PrisonId, GeoPoint, Vec<RoomId>)> = Vec::new();
    for i in 0..prisons.max(1) {
        let town = rng.pick(&TOWNS);
        let id = PrisonId(format!("gp-{i:04}"));
        let location = near(&mut rng, town);
        let lead = *rng.pick(&[20, 30, 45, 60]);
        let checked = today - Duration::days(rng.below(200) as i64);
        let name = format!("Prison {i} of {} (generated)", town.0);
        let address = format!("{} (generated address)", town.0);
        let prison = example_prison(id.clone(), &name, town.0, address, location, lead, checked);
        let rooms = example_rooms(&id, rng.below(12));
        prison_rooms.push((id, location, rooms.iter().map(|r| r.id.clone()).collect()));
        records.push(Record::Prison(prison));
        records.extend(rooms.into_iter().map(Record::Room));
    }

    let mut volunteer_ids = Vec::new();
    let mut names = Vec::new();
    for i in 0..volunteers {
        let id = VolunteerId(format!("gv-{i:04}"));
        let name = format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&LAST_NAMES));
        let mut languages = vec![*rng.pick(&[Language::Fr, Language::Nl])];
        if rng.chance(40) {
            languages.push(Language::En);
        }
        let start = rng.below(7);
        let availability = (0..2 + rng.below(4))
            .map(|k| WeeklySlot {
                weekday: WEEKDAYS[(start + k) % 7],
                from: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN),
                until: NaiveTime::from_hms_opt(18, 30, 0).unwrap_or(NaiveTime::MIN),
            })
            .collect();
        let town = rng.pick(&TOWNS);
        records.push(Record::Volunteer(Volunteer {
            id: id.clone(),
            name: name.clone(),
            phone: phone((i % 100) as u32),
            home_area: near(&mut rng, town),
            has_car: rng.chance(70),
            languages,
            availability,
            absences: Vec::new(),
            newcomer: false,
            archived: false,
        }));
        volunteer_ids.push(id);
        names.push(name);
    }

    // Families: a guardian, one to three children, a parent, their visit rights.
    struct Family {
        guardian: Guardian,
        children: Vec<ChildId>,
        parent: ParentId,
        prison: usize,
    }
    let mut families = Vec::new();
    for i in 0..family_count.max(1) {
        let town = rng.pick(&TOWNS);
        let language = *rng.pick(&[Language::Fr, Language::Nl]);
        let last = rng.pick(&LAST_NAMES);
        let guardian = Guardian {
            id: GuardianId(format!("gg-{i:05}")),
            kind: *rng.pick(&GUARDIAN_KINDS),
            name: format!("{} {last}", rng.pick(&FIRST_NAMES)),
            phone: phone((i % 100) as u32),
            email: String::new(),
            pickup_address: format!("{} (generated address)", town.0),
            pickup_location: near(&mut rng, town),
            language: Some(language),
            archived: false,
        };
        let prison = rng.below(prison_rooms.len());
        let parent = ParentId(format!("gpar-{i:05}"));
        records.push(Record::Parent(DetainedParent {
            id: parent.clone(),
            first_name: rng.pick(&FIRST_NAMES).to_string(),
            last_name: last.to_string(),
            prison_id: prison_rooms[prison].0.clone(),
            transfers: Vec::new(),
            released_on: None,
        }));
        let mut children = Vec::new();
        for k in 0..1 + rng.below(3) {
            let child = ChildId(format!("gc-{i:05}-{k}"));
            records.push(Record::Child(Child {
                id: child.clone(),
                first_name: rng.pick(&FIRST_NAMES).to_string(),
                last_name: last.to_string(),
                birth_year: 2011 + rng.below(13) as i32,
                language,
                needs: rng.pick(&NEEDS).to_string(),
                guardian_id: guardian.id.clone(),
                archived: false,
            }));
            records.push(Record::VisitRight(VisitRight {
                id: VisitRightId(format!("gvr-{i:05}-{k}")),
                child_id: child.clone(),
                parent_id: parent.clone(),
                allowed: true,
                decided_by: *rng.pick(&[
                    DecidedBy::YouthAidService,
                    DecidedBy::YouthCourt,
                    DecidedBy::FamilyCourt,
                    DecidedBy::Agreement,
                ]),
                format: VisitFormat {
                    collective: false,
                    supervised: rng.chance(50),
                },
                rhythm: Rhythm {
                    visits: 1,
                    per: RhythmPeriod::Month,
                },
                valid_from: today - Duration::days(365),
                valid_until: None,
                reference: format!("GEN/{i}/{k}"),
            }));
            children.push(child);
        }
        records.push(Record::Guardian(guardian.clone()));
        families.push(Family {
            guardian,
            children,
            parent,
            prison,
        });
    }

    for t in 0..trips {
        let Some(f) = families.get(rng.below(families.len())) else {
            break;
        };
        let (prison_id, _, rooms) = &prison_rooms[f.prison];
        let day = today + Duration::days(rng.below(135) as i64 - 14);
        let start = brussels(day, 9 + rng.below(7) as u32, *rng.pick(&[0, 30]));
        let volunteer_id = (!volunteer_ids.is_empty()).then(|| rng.pick(&volunteer_ids).clone());
        records.push(Record::Trip(Trip {
            id: TripId(format!("gt-{t:06}")),
            children: f.children.clone(),
            parent_id: f.parent.clone(),
            prison_id: prison_id.clone(),
            room_id: rooms.first().map(|_| rng.pick(rooms).clone()),
            visit_start: start,
            visit_end: start + Duration::minutes(*rng.pick(&[60, 90, 120])),
            pickup: Pickup {
                guardian_id: f.guardian.id.clone(),
                address: f.guardian.pickup_address.clone(),
                location: f.guardian.pickup_location,
            },
            pickup_time: None,
            travel_mode: if rng.chance(75) {
                TravelMode::Car
            } else {
                TravelMode::PublicTransport
            },
            travel_minutes: rng.chance(30).then(|| 20 + rng.below(100) as u32),
            volunteer_id,
            status: if rng.chance(70) {
                TripStatus::Confirmed
            } else {
                TripStatus::Proposed
            },
            series: Some(crate::plan::family_series(&f.parent, &f.guardian.id)),
        }));
    }

    DemoNetwork {
        records,
        coordinator_name: "Coordination Itinérances (generated)".to_owned(),
        volunteers: volunteer_ids.into_iter().zip(names).collect(),
    }
}

/// Steps and reports for `trips`, deterministic from a seed, as a season
/// would leave them: most trips done (some reported twice, the later report
/// correcting the kilometres), some done up to the end of the visit only,
/// some cancelled before leaving by a coordinator, some cancelled on the way
/// by the volunteer (who still logs coming back), some not started, some
/// stopped half-way.
pub fn generated_steps(
    seed: u64,
    trips: &[Trip],
) -> (
    Vec<crate::domain::TripEvent>,
    Vec<crate::domain::TripReport>,
) {
    use crate::domain::{
        Author, CancelReason, Contact, EventId, EventKind, Mood, TripEvent, TripReport,
    };
    let mut rng = XorShift::new(seed);
    let mut events = Vec::new();
    let mut reports = Vec::new();
    for trip in trips {
        let volunteer = match &trip.volunteer_id {
            Some(v) => Author::Volunteer(v.clone()),
            None => Author::Coordinator("Coordination (generated)".to_owned()),
        };
        let mut step = |kind: EventKind, at, author: &Author, note: &str| {
            events.push(TripEvent {
                id: EventId(format!("ge-{}-{}", trip.id.as_str(), events.len())),
                trip_id: trip.id.clone(),
                kind,
                at,
                author: author.clone(),
                note: note.to_owned(),
            });
        };
        let times = [
            trip.visit_start - Duration::minutes(60 + rng.below(60) as i64),
            trip.visit_start - Duration::minutes(20),
            trip.visit_start - Duration::minutes(10),
            trip.visit_start,
            trip.visit_end,
            trip.visit_end + Duration::minutes(45 + rng.below(60) as i64),
        ];
        let scenario = rng.below(10);
        let reason = *rng.pick(&CancelReason::ALL);
        let report = |rng: &mut XorShift, written| TripReport {
            trip_id: trip.id.clone(),
            author: volunteer.clone(),
            mood_before: Mood::Calm,
            mood_after: Mood::Happy,
            contact: Contact::Warm,
            incidents: String::new(),
            kilometres: 5 + rng.below(200) as u32,
            text: String::new(),
            written_at: written,
        };
        match scenario {
            0..=4 => {
                for (kind, at) in EventKind::STEPS.iter().zip(times) {
                    step(*kind, at, &volunteer, "");
                }
                if rng.chance(20) {
                    reports.push(report(&mut rng, times[5] + Duration::minutes(10)));
                }
                reports.push(report(&mut rng, times[5] + Duration::hours(20)));
            }
            5 => {
                for (kind, at) in EventKind::STEPS.iter().zip(times).take(5) {
                    step(*kind, at, &volunteer, "");
                }
                reports.push(report(&mut rng, times[4] + Duration::hours(3)));
            }
            6 => {
                let coordinator = Author::Coordinator("Coordination (generated)".to_owned());
                let at = trip.visit_start - Duration::days(1 + rng.below(5) as i64);
                step(
                    EventKind::Cancelled { reason },
                    at,
                    &coordinator,
                    "Example note",
                );
            }
            7 => {
                step(EventKind::PickedUp, times[0], &volunteer, "");
                step(EventKind::Arrived, times[1], &volunteer, "");
                step(
                    EventKind::Cancelled { reason },
                    times[2],
                    &volunteer,
                    "Example note",
                );
                step(EventKind::Returned, times[5], &volunteer, "");
            }
            8 => {}
            _ => {
                step(EventKind::PickedUp, times[0], &volunteer, "");
                step(EventKind::Arrived, times[1], &volunteer, "");
            }
        }
    }
    (events, reports)
}
