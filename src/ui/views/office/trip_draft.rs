//! What a trip's page reads and how its fields become a trip: the records,
//! names in words, the prison's visiting slots as choices, and the check of
//! every field (`draft`), with the reason in words when a decision forbids
//! the visit.

use crate::domain::{
    forbidden_child, Guardian, Pickup, Record, RecordKind, TravelMode, Trip, TripId, TripStatus,
    WeeklySlot,
};
use crate::i18n::{format_day_time, format_time, local_date, t, tr, Lang};
use crate::plan::{family_series, PlanData};
use crate::store::{Store, StoreError};
use crate::ui::components::{parse_date, FieldErrors};
use crate::ui::text_keys;
use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Brussels;

/// What the planning screens (a trip's page, the calendar, the month plan)
/// look at: the records planning needs, and the guardians (the pickup
/// places).
pub(crate) struct PlanningRecords {
    pub data: PlanData,
    pub guardians: Vec<Guardian>,
}

pub(crate) fn load(store: &dyn Store) -> Result<PlanningRecords, StoreError> {
    let mut records = Vec::new();
    for kind in [
        RecordKind::Trip,
        RecordKind::Event,
        RecordKind::Prison,
        RecordKind::Room,
        RecordKind::Parent,
        RecordKind::VisitRight,
        RecordKind::Volunteer,
        RecordKind::Child,
    ] {
        records.extend(store.list(kind)?);
    }
    let guardians = store
        .list(RecordKind::Guardian)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Guardian(g) => Some(g),
            _ => None,
        })
        .collect();
    Ok(PlanningRecords {
        data: PlanData::from_records(&records),
        guardians,
    })
}

/// A child's name as the workspace shows it.
pub(crate) fn child_name(data: &PlanData, id: &crate::domain::ChildId) -> String {
    data.children
        .iter()
        .find(|c| &c.id == id)
        .map(|c| c.full_name())
        .unwrap_or_else(|| id.to_string())
}

pub(crate) fn volunteer_name(data: &PlanData, id: &crate::domain::VolunteerId) -> String {
    data.volunteers
        .iter()
        .find(|v| &v.id == id)
        .map(|v| v.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The value of a visiting slot in the form: weekday, start and end.
pub(crate) fn slot_value(slot: &WeeklySlot) -> String {
    format!(
        "{}-{}-{}",
        slot.weekday.num_days_from_monday(),
        slot.from.format("%H:%M"),
        slot.until.format("%H:%M")
    )
}

pub(crate) fn parse_slot(value: &str) -> Option<WeeklySlot> {
    let mut parts = value.splitn(3, '-');
    let day: u8 = parts.next()?.parse().ok()?;
    let from = chrono::NaiveTime::parse_from_str(parts.next()?, "%H:%M").ok()?;
    let until = chrono::NaiveTime::parse_from_str(parts.next()?, "%H:%M").ok()?;
    let weekday = chrono::Weekday::try_from(day).ok()?;
    (from < until).then_some(WeeklySlot {
        weekday,
        from,
        until,
    })
}

pub(crate) fn slot_label(lang: Lang, slot: &WeeklySlot) -> String {
    format!(
        "{} {}–{}",
        t(lang, &text_keys::weekday(slot.weekday)),
        slot.from.format("%H:%M"),
        slot.until.format("%H:%M")
    )
}

/// The slot a trip takes, in Brussels time.
pub(crate) fn slot_of(trip: &Trip) -> WeeklySlot {
    let (start, end) = (
        trip.visit_start.with_timezone(&Brussels),
        trip.visit_end.with_timezone(&Brussels),
    );
    WeeklySlot {
        weekday: start.weekday(),
        from: start.time(),
        until: end.time(),
    }
}

pub(crate) fn brussels(day: NaiveDate, time: chrono::NaiveTime) -> Option<chrono::DateTime<Utc>> {
    Brussels
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// The form's fields, as typed.
#[derive(Clone, PartialEq)]
pub(crate) struct Fields {
    pub(crate) children: Vec<String>,
    pub(crate) parent: String,
    pub(crate) prison: String,
    pub(crate) room: String,
    pub(crate) day: String,
    pub(crate) slot: String,
    pub(crate) pickup: String,
    pub(crate) travel: String,
    /// The meeting time agreed with the family, "HH:MM", or empty for the
    /// time the plan computes.
    pub(crate) meet: String,
    /// The travel time known from experience, in minutes, or empty.
    pub(crate) minutes: String,
}

impl Fields {
    /// The fields of a saved trip.
    pub(crate) fn of(trip: &Trip) -> Fields {
        Fields {
            children: trip.children.iter().map(|c| c.to_string()).collect(),
            parent: trip.parent_id.to_string(),
            prison: trip.prison_id.to_string(),
            room: trip
                .room_id
                .as_ref()
                .map(|r| r.to_string())
                .unwrap_or_default(),
            day: local_date(trip.visit_start).to_string(),
            slot: slot_value(&slot_of(trip)),
            pickup: trip.pickup.guardian_id.to_string(),
            travel: match trip.travel_mode {
                TravelMode::Car => "car".into(),
                TravelMode::PublicTransport => "public_transport".into(),
            },
            meet: trip.pickup_time.map(format_time).unwrap_or_default(),
            minutes: trip
                .travel_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
        }
    }

    /// The fields of a new trip: nothing chosen, by car.
    pub(crate) fn empty() -> Fields {
        Fields {
            children: Vec::new(),
            parent: String::new(),
            prison: String::new(),
            room: String::new(),
            day: String::new(),
            slot: String::new(),
            pickup: String::new(),
            travel: "car".into(),
            meet: String::new(),
            minutes: String::new(),
        }
    }
}

/// The trip the fields describe, or what is wrong with them, per field.
pub(crate) fn draft(
    lang: Lang,
    f: &Fields,
    existing: Option<&Trip>,
    page: &PlanningRecords,
) -> Result<Trip, FieldErrors> {
    let mut errors = FieldErrors::new();
    if f.children.is_empty() {
        errors.insert("trip-children", t(lang, "trip-form-pick-children"));
    }
    if f.parent.is_empty() {
        errors.insert("trip-parent", t(lang, "form-pick-parent"));
    }
    if f.prison.is_empty() {
        errors.insert("trip-prison", t(lang, "form-pick-prison"));
    }
    let day = parse_date(&f.day);
    if day.is_none() {
        errors.insert("trip-day", t(lang, "form-date"));
    }
    let slot = parse_slot(&f.slot);
    match (&slot, day) {
        (None, _) => {
            errors.insert("trip-slot", t(lang, "trip-form-pick-slot"));
        }
        (Some(slot), Some(day)) if day.weekday() != slot.weekday => {
            errors.insert(
                "trip-slot",
                tr(
                    lang,
                    "trip-form-slot-weekday",
                    &[("weekday", t(lang, &text_keys::weekday(slot.weekday)).into())],
                ),
            );
        }
        _ => {}
    }
    let meet = match f.meet.trim() {
        "" => None,
        text => match chrono::NaiveTime::parse_from_str(text, "%H:%M") {
            Ok(time) => Some(time),
            Err(_) => {
                errors.insert("trip-meet", t(lang, "trip-form-meet-invalid"));
                None
            }
        },
    };
    let minutes = match f.minutes.trim() {
        "" => None,
        text => match text.parse::<u32>() {
            Ok(m) if (1..=720).contains(&m) => Some(m),
            _ => {
                errors.insert("trip-minutes", t(lang, "trip-form-minutes-invalid"));
                None
            }
        },
    };
    let guardian = page.guardians.iter().find(|g| g.id.as_str() == f.pickup);
    if guardian.is_none() {
        errors.insert("trip-pickup", t(lang, "trip-form-pick-pickup"));
    }
    let times = match (day, &slot) {
        (Some(day), Some(slot)) => brussels(day, slot.from).zip(brussels(day, slot.until)),
        _ => None,
    };
    let (Some((visit_start, visit_end)), Some(guardian), true) =
        (times, guardian, errors.is_empty())
    else {
        if errors.is_empty() {
            errors.insert("trip-slot", t(lang, "trip-form-pick-slot"));
        }
        return Err(errors);
    };
    let pickup_time = match (meet, day) {
        (Some(meet), Some(day)) => match brussels(day, meet).filter(|at| *at < visit_start) {
            Some(at) => Some(at),
            None => {
                errors.insert("trip-meet", t(lang, "trip-form-meet-before"));
                return Err(errors);
            }
        },
        _ => None,
    };
    // A trip keeps its series while its parent stays; a new one joins its
    // family's series (the first child's guardian with that parent).
    let series = match existing {
        Some(e) if e.parent_id.as_str() == f.parent => e.series.clone(),
        _ => f
            .children
            .first()
            .and_then(|c| page.data.children.iter().find(|k| k.id.as_str() == c))
            .map(|c| family_series(&f.parent.as_str().into(), &c.guardian_id)),
    };
    Ok(Trip {
        id: existing.map_or_else(TripId::random, |e| e.id.clone()),
        children: f.children.iter().map(|c| c.as_str().into()).collect(),
        parent_id: f.parent.as_str().into(),
        prison_id: f.prison.as_str().into(),
        room_id: (!f.room.is_empty()).then(|| f.room.as_str().into()),
        visit_start,
        visit_end,
        pickup: Pickup {
            guardian_id: guardian.id.clone(),
            address: guardian.pickup_address.clone(),
            location: guardian.pickup_location,
        },
        pickup_time,
        travel_mode: if f.travel == "public_transport" {
            TravelMode::PublicTransport
        } else {
            TravelMode::Car
        },
        travel_minutes: minutes,
        volunteer_id: existing.and_then(|e| e.volunteer_id.clone()),
        status: existing.map_or(TripStatus::Proposed, |e| e.status),
        series,
    })
}

/// The words of a forbidden visit in the trip, if any.
pub(crate) fn forbidden_text(lang: Lang, trip: &Trip, data: &PlanData) -> Option<String> {
    forbidden_child(
        &trip.children,
        &trip.parent_id,
        trip.visit_day(),
        &data.visit_rights,
    )
    .map(|child| {
        tr(
            lang,
            "trip-forbidden",
            &[("child", child_name(data, child).into())],
        )
    })
}

/// When the trip is, in words, for lists.
pub(crate) fn when(lang: Lang, trip: &Trip) -> String {
    format_day_time(lang, trip.visit_start)
}
