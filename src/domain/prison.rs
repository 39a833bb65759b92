//! A prison's practical sheet and its visit rooms: what a volunteer reads in the
//! car park before going in with a child.

use super::{
    limit_list, limit_text, require_text, validate_id, GeoPoint, Language, PrisonId, RoomId,
    ValidationError, WeeklySlot,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether visits run normally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrisonStatusKind {
    Normal,
    Strike,
    Lockdown,
}

impl PrisonStatusKind {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [PrisonStatusKind; 3] = [
        PrisonStatusKind::Normal,
        PrisonStatusKind::Strike,
        PrisonStatusKind::Lockdown,
    ];
}

/// The current (or announced) status of a prison, with its period and a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrisonStatus {
    pub kind: PrisonStatusKind,
    /// Start of the disruption; `None` means "already going on".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    /// End of the disruption; `None` means "until further notice".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
    /// Whether children's visits are kept during a strike (the guide asks for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_visits_kept: Option<bool>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl PrisonStatus {
    pub fn normal() -> Self {
        Self {
            kind: PrisonStatusKind::Normal,
            from: None,
            until: None,
            child_visits_kept: None,
            note: String::new(),
        }
    }

    /// Whether this status disrupts a visit held from `start` to `end`.
    pub fn disrupts(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        if self.kind == PrisonStatusKind::Normal {
            return false;
        }
        if self.kind == PrisonStatusKind::Strike && self.child_visits_kept == Some(true) {
            return false;
        }
        let after_start = self.from.is_none_or(|from| end > from);
        let before_end = self.until.is_none_or(|until| start < until);
        after_start && before_end
    }
}

/// When a sheet was last checked, and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetCheck {
    pub on: NaiveDate,
    pub by: String,
}

/// The texts of a practical sheet that are written in a language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SheetTexts {
    pub visitor_entrance: String,
    pub documents_adult: Vec<String>,
    pub documents_child: Vec<String>,
    pub allowed_items: Vec<String>,
    pub forbidden_items: Vec<String>,
    pub lockers: String,
}

impl SheetTexts {
    pub fn is_empty(&self) -> bool {
        self.visitor_entrance.trim().is_empty()
            && self.lockers.trim().is_empty()
            && self.documents_adult.is_empty()
            && self.documents_child.is_empty()
            && self.allowed_items.is_empty()
            && self.forbidden_items.is_empty()
    }

    fn validate(&self) -> Result<(), ValidationError> {
        limit_text("prison.visitor_entrance", &self.visitor_entrance, 1000)?;
        limit_list("prison.documents_adult", &self.documents_adult, 30, 300)?;
        limit_list("prison.documents_child", &self.documents_child, 30, 300)?;
        limit_list("prison.allowed_items", &self.allowed_items, 50, 300)?;
        limit_list("prison.forbidden_items", &self.forbidden_items, 50, 300)?;
        limit_text("prison.lockers", &self.lockers, 1000)
    }
}

/// A prison and its practical sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prison {
    pub id: PrisonId,
    pub name: String,
    pub town: String,
    pub address: String,
    pub location: GeoPoint,
    pub phone: String,
    /// Where visitors go in, how to find it.
    pub visitor_entrance: String,
    /// How many minutes before the visit one must be at the visitors' door.
    pub arrival_lead_minutes: u32,
    pub documents_adult: Vec<String>,
    pub documents_child: Vec<String>,
    pub allowed_items: Vec<String>,
    pub forbidden_items: Vec<String>,
    /// Lockers: where, what goes in, coins or tokens.
    pub lockers: String,
    pub status: PrisonStatus,
    pub last_checked: SheetCheck,
    /// True when the rules on this sheet are example content, not the prison's
    /// real rules (demo data). Screens must say so.
    #[serde(default)]
    pub example_content: bool,
    /// The language the sheet's texts above are written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet_language: Option<Language>,
    /// The same texts in other languages, as far as they are translated.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, SheetTexts>,
    /// The weekly slots in which visits can be planned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visiting_hours: Vec<WeeklySlot>,
}

impl Prison {
    /// The sheet's texts as first written (in [`Prison::sheet_language`]).
    pub fn texts(&self) -> SheetTexts {
        SheetTexts {
            visitor_entrance: self.visitor_entrance.clone(),
            documents_adult: self.documents_adult.clone(),
            documents_child: self.documents_child.clone(),
            allowed_items: self.allowed_items.clone(),
            forbidden_items: self.forbidden_items.clone(),
            lockers: self.lockers.clone(),
        }
    }

    /// The texts to show a person who reads `lang`: theirs when the sheet is
    /// written or translated in it; otherwise the sheet as written, with the
    /// language it is in (the screen says it is not translated yet).
    pub fn texts_in(&self, lang: Language) -> (SheetTexts, Option<Language>) {
        if self.sheet_language.is_none_or(|l| l == lang) {
            return (self.texts(), None);
        }
        match self.translations.get(&lang) {
            Some(texts) if !texts.is_empty() => (texts.clone(), None),
            _ => (self.texts(), self.sheet_language),
        }
    }

    /// Replaces the texts in `lang`: the sheet's own when it is written in
    /// that language, else its translation (an empty one is removed).
    pub fn set_texts(&mut self, lang: Language, texts: SheetTexts) {
        if self.sheet_language.is_none_or(|l| l == lang) {
            self.sheet_language = Some(lang);
            self.visitor_entrance = texts.visitor_entrance;
            self.documents_adult = texts.documents_adult;
            self.documents_child = texts.documents_child;
            self.allowed_items = texts.allowed_items;
            self.forbidden_items = texts.forbidden_items;
            self.lockers = texts.lockers;
        } else if texts.is_empty() {
            self.translations.remove(&lang);
        } else {
            self.translations.insert(lang, texts);
        }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("prison.id", self.id.as_str())?;
        require_text("prison.name", &self.name)?;
        limit_text("prison.name", &self.name, 120)?;
        require_text("prison.town", &self.town)?;
        limit_text("prison.town", &self.town, 120)?;
        require_text("prison.address", &self.address)?;
        limit_text("prison.address", &self.address, 300)?;
        self.location.validate("prison.location")?;
        limit_text("prison.phone", &self.phone, 40)?;
        self.texts().validate()?;
        for texts in self.translations.values() {
            texts.validate()?;
        }
        if self.visiting_hours.len() > 50 {
            return Err(ValidationError::new(
                "prison.visiting_hours",
                "more than 50 weekly slots; merge the ones that follow each other",
            ));
        }
        for slot in &self.visiting_hours {
            if slot.until <= slot.from {
                return Err(ValidationError::new(
                    "prison.visiting_hours",
                    "a visiting slot ends before it starts",
                ));
            }
        }
        if self.arrival_lead_minutes > 240 {
            return Err(ValidationError::new(
                "prison.arrival_lead_minutes",
                format!(
                    "{} minutes is more than 4 hours; enter how early to be at the door, in minutes",
                    self.arrival_lead_minutes
                ),
            ));
        }
        limit_text("prison.status.note", &self.status.note, 1000)?;
        if let (Some(from), Some(until)) = (self.status.from, self.status.until) {
            if until <= from {
                return Err(ValidationError::new(
                    "prison.status.until",
                    "the end of the disruption must come after its start",
                ));
            }
        }
        require_text("prison.last_checked.by", &self.last_checked.by)?;
        limit_text("prison.last_checked.by", &self.last_checked.by, 120)?;
        Ok(())
    }
}

/// The kind of room where the visit takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoomKind {
    /// The common visit room (parloir).
    Parloir,
    /// A room set up for families with children.
    FamilyRoom,
    /// A closed cabin.
    Cabin,
    /// A family living unit for longer visits.
    FamilyUnit,
}

impl RoomKind {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [RoomKind; 4] = [
        RoomKind::Parloir,
        RoomKind::FamilyRoom,
        RoomKind::Cabin,
        RoomKind::FamilyUnit,
    ];
}

/// Equipment for small children that a visit room may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Equipment {
    ChangingMat,
    SpareNappies,
    Toys,
    Toilets,
    BottleWarming,
}

impl Equipment {
    pub const ALL: [Equipment; 5] = [
        Equipment::ChangingMat,
        Equipment::SpareNappies,
        Equipment::Toys,
        Equipment::Toilets,
        Equipment::BottleWarming,
    ];
}

/// A visit room of a prison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitRoom {
    pub id: RoomId,
    pub prison_id: PrisonId,
    pub name: String,
    pub kind: RoomKind,
    pub equipment: Vec<Equipment>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl VisitRoom {
    pub fn has(&self, item: Equipment) -> bool {
        self.equipment.contains(&item)
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("room.id", self.id.as_str())?;
        validate_id("room.prison_id", self.prison_id.as_str())?;
        require_text("room.name", &self.name)?;
        limit_text("room.name", &self.name, 120)?;
        limit_text("room.notes", &self.notes, 1000)?;
        Ok(())
    }
}
