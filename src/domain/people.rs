//! The people of a trip: children, guardians, detained parents and volunteers.
//!
//! Only what the job needs is held: no offence, no case file. A volunteer's
//! device receives a child's first name, birth year, language and needs, and the
//! pickup contact; never the parent's surname or transfer history.

use super::{
    limit_text, require_text, validate_id, ChildId, GeoPoint, GuardianId, Language, ParentId,
    PrisonId, ValidationError, VolunteerId,
};
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// A child who visits a detained parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Child {
    pub id: ChildId,
    pub first_name: String,
    /// Held for coordinators only; empty on volunteers' devices.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    pub birth_year: i32,
    pub language: Language,
    /// What the volunteer must know: comfort object, allergy, fear of dogs...
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub needs: String,
    pub guardian_id: GuardianId,
    /// No longer followed (visits ended, moved away): kept for the trips and
    /// figures that refer to it, hidden from the lists.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

impl Child {
    /// First name and surname, as the coordinators' screens show them.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }

    /// What a volunteer's device holds of a child: no surname.
    pub fn for_volunteer(&self) -> Self {
        Self {
            last_name: String::new(),
            ..self.clone()
        }
    }

    /// Age in whole years reached during `year` (the birth date itself is not held).
    pub fn age_in(&self, year: i32) -> i32 {
        (year - self.birth_year).max(0)
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("child.id", self.id.as_str())?;
        validate_id("child.guardian_id", self.guardian_id.as_str())?;
        require_text("child.first_name", &self.first_name)?;
        limit_text("child.first_name", &self.first_name, 60)?;
        limit_text("child.last_name", &self.last_name, 80)?;
        if !(1990..=2100).contains(&self.birth_year) {
            return Err(ValidationError::new(
                "child.birth_year",
                format!("{} is not a plausible birth year", self.birth_year),
            ));
        }
        limit_text("child.needs", &self.needs, 1000)?;
        Ok(())
    }
}

/// Who looks after the child day to day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuardianKind {
    Parent,
    Grandparent,
    OtherRelative,
    FosterFamily,
    Institution,
}

impl GuardianKind {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [GuardianKind; 5] = [
        GuardianKind::Parent,
        GuardianKind::Grandparent,
        GuardianKind::OtherRelative,
        GuardianKind::FosterFamily,
        GuardianKind::Institution,
    ];
}

/// A guardian, and the place where the child is picked up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guardian {
    pub id: GuardianId,
    pub kind: GuardianKind,
    /// How the volunteer addresses them ("Mme Dupont", "Home Les Tilleuls").
    pub name: String,
    pub phone: String,
    /// Where notices about visits are sent by e-mail; empty: the coordinator
    /// tells them by phone or text message.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    pub pickup_address: String,
    pub pickup_location: GeoPoint,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// No longer followed: kept for what refers to it, hidden from the lists.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

impl Guardian {
    /// What a volunteer's device holds of a guardian: how to reach them on
    /// the day and where, not their e-mail address.
    pub fn for_volunteer(&self) -> Self {
        Self {
            email: String::new(),
            ..self.clone()
        }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("guardian.id", self.id.as_str())?;
        require_text("guardian.name", &self.name)?;
        limit_text("guardian.name", &self.name, 120)?;
        require_text("guardian.phone", &self.phone)?;
        limit_text("guardian.phone", &self.phone, 40)?;
        limit_text("guardian.email", &self.email, 120)?;
        let email = self.email.trim();
        if !email.is_empty() && !plausible_email(email) {
            return Err(ValidationError::new(
                "guardian.email",
                "this does not look like an e-mail address (name@example.be); leave it empty if there is none",
            ));
        }
        require_text("guardian.pickup_address", &self.pickup_address)?;
        limit_text("guardian.pickup_address", &self.pickup_address, 300)?;
        self.pickup_location.validate("guardian.pickup_location")?;
        Ok(())
    }
}

/// One `@` between a name and a domain with a dot, no spaces: enough to
/// catch a phone number typed in the wrong field.
pub fn plausible_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((name, domain)) => {
            !name.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(|c: char| c.is_whitespace() || c.is_control() || c == ',')
                && !domain.contains('@')
        }
        None => false,
    }
}

/// A move of the parent from one prison to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transfer {
    pub from: PrisonId,
    pub to: PrisonId,
    pub on: NaiveDate,
}

/// A detained parent. Family screens never label them "detainee".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetainedParent {
    pub id: ParentId,
    pub first_name: String,
    /// Held for coordinators only; empty on volunteers' devices.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    pub prison_id: PrisonId,
    /// Held for coordinators only; empty on volunteers' devices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released_on: Option<NaiveDate>,
}

impl DetainedParent {
    /// First name and surname, as the coordinators' screens show them.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }

    /// The prison where the parent was held on `day`, reading the transfer history.
    pub fn prison_on(&self, day: NaiveDate) -> &PrisonId {
        let mut transfers: Vec<&Transfer> = self.transfers.iter().collect();
        transfers.sort_by_key(|t| t.on);
        // In date order, the first transfer after `day` tells where the parent
        // was before it; with none after, the parent is where they are now.
        for t in &transfers {
            if t.on > day {
                return &t.from;
            }
        }
        &self.prison_id
    }

    /// What a volunteer's device may hold of this parent: first name and prison.
    pub fn for_volunteer(&self) -> Self {
        Self {
            id: self.id.clone(),
            first_name: self.first_name.clone(),
            last_name: String::new(),
            prison_id: self.prison_id.clone(),
            transfers: Vec::new(),
            released_on: None,
        }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("parent.id", self.id.as_str())?;
        validate_id("parent.prison_id", self.prison_id.as_str())?;
        require_text("parent.first_name", &self.first_name)?;
        limit_text("parent.first_name", &self.first_name, 60)?;
        limit_text("parent.last_name", &self.last_name, 80)?;
        if self.transfers.len() > 100 {
            return Err(ValidationError::new(
                "parent.transfers",
                "more than 100 transfers; keep the recent ones",
            ));
        }
        for transfer in &self.transfers {
            validate_id("parent.transfers", transfer.from.as_str())?;
            validate_id("parent.transfers", transfer.to.as_str())?;
        }
        Ok(())
    }
}

/// A weekly slot when a volunteer is usually free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeeklySlot {
    pub weekday: Weekday,
    pub from: NaiveTime,
    pub until: NaiveTime,
}

/// A period when a volunteer is away (holidays, illness).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Absence {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

/// A volunteer of the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Volunteer {
    pub id: VolunteerId,
    pub name: String,
    pub phone: String,
    /// Where the volunteer usually starts from (approximate).
    pub home_area: GeoPoint,
    pub has_car: bool,
    pub languages: Vec<Language>,
    /// Weekly slots when the volunteer is usually free; empty means "ask".
    #[serde(default)]
    pub availability: Vec<WeeklySlot>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
    /// New to the network: not yet alone with a child on a trip.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub newcomer: bool,
    /// No longer volunteering: kept for the trips that refer to them, hidden
    /// from the lists and from suggestions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

impl Volunteer {
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("volunteer.id", self.id.as_str())?;
        require_text("volunteer.name", &self.name)?;
        limit_text("volunteer.name", &self.name, 120)?;
        limit_text("volunteer.phone", &self.phone, 40)?;
        self.home_area.validate("volunteer.home_area")?;
        if self.languages.len() > 10 {
            return Err(ValidationError::new(
                "volunteer.languages",
                "list each language once (at most 10)",
            ));
        }
        if self.availability.len() > 50 {
            return Err(ValidationError::new(
                "volunteer.availability",
                "more than 50 weekly slots; merge the ones that follow each other",
            ));
        }
        if self.absences.len() > 200 {
            return Err(ValidationError::new(
                "volunteer.absences",
                "more than 200 absences; remove the past ones",
            ));
        }
        for slot in &self.availability {
            if slot.until <= slot.from {
                return Err(ValidationError::new(
                    "volunteer.availability",
                    format!(
                        "the slot on {} ends ({}) before it starts ({})",
                        slot.weekday, slot.until, slot.from
                    ),
                ));
            }
        }
        for absence in &self.absences {
            if absence.until < absence.from {
                return Err(ValidationError::new(
                    "volunteer.absences",
                    "an absence ends before it starts",
                ));
            }
        }
        Ok(())
    }
}
