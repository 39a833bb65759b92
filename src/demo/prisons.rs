//! Real Belgian prisons with approximate coordinates, and example sheets.
//!
//! Only names, towns and rough locations are real. Addresses are given only
//! where well known; entry rules are example content and say so.

use super::brussels;
use crate::domain::{
    Equipment, GeoPoint, Prison, PrisonId, PrisonStatus, PrisonStatusKind, Record, RoomId,
    RoomKind, SheetCheck, VisitRoom,
};
use crate::domain::{Language, WeeklySlot};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

/// The first item of every example list, so no one takes it for the real rule.
pub(super) const EXAMPLE: &str = "Example — check with the prison";

struct Seed {
    id: &'static str,
    name: &'static str,
    town: &'static str,
    /// A street only where it is well known; otherwise the sheet says to check.
    street: Option<&'static str>,
    lat: f64,
    lon: f64,
    lead: u32,
}

const SEEDS: [Seed; 15] = [
    seed(
        "haren",
        "Prison de Haren / Gevangenis Haren",
        "Haren (Brussels)",
        None,
        50.8895,
        4.4195,
        45,
    ),
    seed(
        "saint-gilles",
        "Prison de Saint-Gilles / Gevangenis Sint-Gillis",
        "Saint-Gilles (Brussels)",
        Some("Avenue Ducpétiaux, 1060 Saint-Gilles"),
        50.8262,
        4.3453,
        30,
    ),
    seed(
        "lantin",
        "Prison de Lantin",
        "Lantin (Juprelle)",
        None,
        50.6855,
        5.5470,
        45,
    ),
    seed("mons", "Prison de Mons", "Mons", None, 50.4600, 3.9400, 30),
    seed(
        "jamioulx",
        "Prison de Jamioulx",
        "Jamioulx",
        None,
        50.3530,
        4.4140,
        30,
    ),
    seed(
        "marche",
        "Prison de Marche-en-Famenne",
        "Marche-en-Famenne",
        None,
        50.2170,
        5.3270,
        45,
    ),
    seed(
        "andenne",
        "Prison d'Andenne",
        "Andenne",
        None,
        50.4870,
        5.0800,
        30,
    ),
    seed(
        "ittre",
        "Prison d'Ittre",
        "Ittre",
        None,
        50.6420,
        4.2650,
        30,
    ),
    seed(
        "namur",
        "Prison de Namur",
        "Namur",
        None,
        50.4660,
        4.8600,
        20,
    ),
    seed(
        "tournai",
        "Prison de Tournai",
        "Tournai",
        None,
        50.6050,
        3.3950,
        30,
    ),
    seed(
        "brugge",
        "Gevangenis Brugge",
        "Brugge",
        None,
        51.1810,
        3.2060,
        45,
    ),
    seed("gent", "Gevangenis Gent", "Gent", None, 51.0590, 3.7120, 30),
    seed(
        "antwerpen",
        "Gevangenis Antwerpen",
        "Antwerpen",
        Some("Begijnenstraat, 2000 Antwerpen"),
        51.2120,
        4.3960,
        30,
    ),
    seed(
        "hasselt",
        "Gevangenis Hasselt",
        "Hasselt",
        None,
        50.9400,
        5.3600,
        30,
    ),
    seed(
        "leuven-centraal",
        "Centrale Gevangenis Leuven",
        "Leuven",
        None,
        50.8780,
        4.7060,
        30,
    ),
];

#[allow(clippy::too_many_arguments)]
const fn seed(
    id: &'static str,
    name: &'static str,
    town: &'static str,
    street: Option<&'static str>,
    lat: f64,
    lon: f64,
    lead: u32,
) -> Seed {
    Seed {
        id,
        name,
        town,
        street,
        lat,
        lon,
        lead,
    }
}

/// Every demo prison and its visit rooms.
pub(super) fn prisons_and_rooms(today: NaiveDate) -> Vec<Record> {
    let mut records = Vec::new();
    for (i, s) in SEEDS.iter().enumerate() {
        let address = match s.street {
            Some(street) => street.to_owned(),
            None => format!("{} (address to be checked)", s.town),
        };
        let mut prison = example_prison(
            PrisonId::from(s.id),
            s.name,
            s.town,
            address,
            GeoPoint::new(s.lat, s.lon),
            s.lead,
            today - Duration::days(3 + 11 * i as i64 % 60),
        );
        prison.status = demo_status(s.id, today);
        records.push(Record::Prison(prison));
        records.extend(
            example_rooms(&PrisonId::from(s.id), i)
                .into_iter()
                .map(Record::Room),
        );
    }
    records
}

/// A strike over a few days next week at Lantin, a lockdown today at Jamioulx.
fn demo_status(id: &str, today: NaiveDate) -> PrisonStatus {
    match id {
        "lantin" => {
            let (tuesday, friday) = next_week_strike_days(today);
            PrisonStatus {
                kind: PrisonStatusKind::Strike,
                from: Some(brussels(tuesday, 6, 0)),
                until: Some(brussels(friday, 6, 0)),
                child_visits_kept: Some(false),
                note: "Demo: staff strike announced; children's visits are not kept.".to_owned(),
            }
        }
        "jamioulx" => PrisonStatus {
            kind: PrisonStatusKind::Lockdown,
            from: Some(brussels(today, 0, 0)),
            until: Some(brussels(today + Duration::days(1), 22, 0)),
            child_visits_kept: None,
            note: "Demo: lockdown after an incident; visits suspended.".to_owned(),
        },
        _ => PrisonStatus::normal(),
    }
}

/// Tuesday of next week, and the Friday after it (the strike ends that morning).
pub(super) fn next_week_strike_days(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = today + Duration::days(7 - today.weekday().num_days_from_monday() as i64);
    (monday + Duration::days(1), monday + Duration::days(4))
}

/// A prison with a full example sheet (demo and generated networks share it).
pub(super) fn example_prison(
    id: PrisonId,
    name: &str,
    town: &str,
    address: String,
    location: GeoPoint,
    arrival_lead_minutes: u32,
    checked_on: NaiveDate,
) -> Prison {
    let list = |items: &[&str]| -> Vec<String> {
        std::iter::once(EXAMPLE)
            .chain(items.iter().copied())
            .map(str::to_owned)
            .collect()
    };
    Prison {
        id,
        name: name.to_owned(),
        town: town.to_owned(),
        address,
        location,
        phone: String::new(),
        visitor_entrance: format!(
            "{EXAMPLE}: visitors' entrance next to the main gate, follow the signs \
             \"Visites / Bezoek\"; ring once and wait at the yellow line."
        ),
        arrival_lead_minutes,
        documents_adult: list(&[
            "Identity card or passport of the accompanying adult",
            "Visit permit or written confirmation of the visit",
            "Itinérances volunteer card",
        ]),
        documents_child: list(&[
            "Child's identity document (Kids-ID)",
            "Written consent of the guardian, signed",
        ]),
        allowed_items: list(&[
            "One clear bottle of water, or milk for a baby",
            "Two nappies and wipes in a transparent bag",
            "One small soft toy, checked at security",
            "Coins for the lockers",
            "Prescribed medicine with its prescription (e.g. an inhaler)",
        ]),
        forbidden_items: list(&[
            "Mobile phones and smartwatches: leave them in the locker",
            "Food and sweets from outside",
            "Money other than coins for the lockers",
            "Gifts not announced in advance",
            "Glass, metal and sharp objects",
            "Bags and coats inside the visit room",
        ]),
        lockers: format!(
            "{EXAMPLE}: lockers in the waiting room; a 1-euro coin, returned when \
             the locker is opened. Phones, keys, bags and coats go in."
        ),
        status: PrisonStatus::normal(),
        last_checked: SheetCheck {
            on: checked_on,
            by: "Demo data".to_owned(),
        },
        example_content: true,
        sheet_language: Some(Language::En),
        translations: Default::default(),
        // Example content like the rest of the sheet.
        visiting_hours: [
            (Weekday::Tue, (13, 30), (16, 0)),
            (Weekday::Thu, (13, 30), (16, 0)),
            (Weekday::Sat, (9, 30), (11, 30)),
        ]
        .into_iter()
        .filter_map(|(weekday, from, until)| {
            Some(WeeklySlot {
                weekday,
                from: NaiveTime::from_hms_opt(from.0, from.1, 0)?,
                until: NaiveTime::from_hms_opt(until.0, until.1, 0)?,
            })
        })
        .collect(),
    }
}

/// One to three visit rooms with varied equipment for small children.
pub(super) fn example_rooms(prison: &PrisonId, variant: usize) -> Vec<VisitRoom> {
    use Equipment::*;
    let templates: [(&str, &str, RoomKind, &[Equipment], &str); 3] = [
        (
            "parloir",
            "Visit room",
            RoomKind::Parloir,
            &[Toilets],
            "Tables of four; noisy when full.",
        ),
        (
            "family",
            "Family room",
            RoomKind::FamilyRoom,
            &[ChangingMat, SpareNappies, Toys, Toilets, BottleWarming],
            "Play corner with mats; ask the guard for the toy box.",
        ),
        (
            "cabin",
            "Cabin",
            RoomKind::Cabin,
            &[],
            "Glass partition; not suited to small children.",
        ),
    ];
    let count = 1 + variant % 3;
    templates
        .iter()
        .enumerate()
        .take(count)
        .map(|(j, (suffix, name, kind, equipment, notes))| {
            // Some prisons have a family living unit instead of a cabin.
            let unit = variant % 4 == 3 && j == 2;
            // Vary the equipment a little between prisons so sheets differ.
            let equipment: Vec<Equipment> = equipment
                .iter()
                .copied()
                .filter(|e| !(variant + j).is_multiple_of(4) || *e != BottleWarming)
                .filter(|e| variant % 5 != 1 || *e != SpareNappies)
                .collect();
            VisitRoom {
                id: RoomId(format!("{prison}-{suffix}")),
                prison_id: prison.clone(),
                name: if unit { "Family living unit" } else { name }.to_owned(),
                kind: if unit { RoomKind::FamilyUnit } else { *kind },
                equipment,
                notes: if unit {
                    format!("{EXAMPLE}. Small flat for half-day visits, booked weeks ahead.")
                } else {
                    format!("{EXAMPLE}. {notes}")
                },
            }
        })
        .collect()
}

/// The room a demo trip with small children uses: the family room where the
/// prison has one, else the common visit room.
pub(super) fn room_for(prison: &str) -> RoomId {
    let variant = SEEDS.iter().position(|s| s.id == prison).unwrap_or(0);
    let suffix = if variant % 3 >= 1 {
        "family"
    } else {
        "parloir"
    };
    RoomId(format!("{prison}-{suffix}"))
}
