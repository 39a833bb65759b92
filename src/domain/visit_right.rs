//! Visit rights: decided per child and per parent, by a youth-aid service, a
//! court, or the agreement of all parties.

use super::{limit_text, validate_id, ChildId, ParentId, ValidationError, VisitRightId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who decided the visit right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// Service d'aide à la jeunesse / Service de protection de la jeunesse.
    YouthAidService,
    YouthCourt,
    FamilyCourt,
    /// The agreement of all parties.
    Agreement,
}

impl DecidedBy {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [DecidedBy; 4] = [
        DecidedBy::YouthAidService,
        DecidedBy::YouthCourt,
        DecidedBy::FamilyCourt,
        DecidedBy::Agreement,
    ];
}

/// How visits take place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitFormat {
    /// A collective visit (several families in one room) rather than individual.
    pub collective: bool,
    /// Whether a third party must be present.
    pub supervised: bool,
}

/// How often visits are expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rhythm {
    pub visits: u8,
    pub per: RhythmPeriod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RhythmPeriod {
    Week,
    Month,
    Quarter,
}

impl RhythmPeriod {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [RhythmPeriod; 3] = [
        RhythmPeriod::Week,
        RhythmPeriod::Month,
        RhythmPeriod::Quarter,
    ];
}

/// A decision about visits between one child and one parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitRight {
    pub id: VisitRightId,
    pub child_id: ChildId,
    pub parent_id: ParentId,
    /// False when visits are forbidden for this child and parent.
    pub allowed: bool,
    pub decided_by: DecidedBy,
    pub format: VisitFormat,
    pub rhythm: Rhythm,
    pub valid_from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// The decision's reference (file number, date of the judgment).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

impl VisitRight {
    /// Whether this right allows a visit on `day`.
    pub fn allows_on(&self, day: NaiveDate) -> bool {
        self.allowed && self.covers(day)
    }

    /// Whether this decision is in force on `day`, whatever it says.
    pub fn covers(&self, day: NaiveDate) -> bool {
        day >= self.valid_from && self.valid_until.is_none_or(|until| day <= until)
    }

    /// Whether this right forbids a visit on `day`.
    pub fn forbids_on(&self, day: NaiveDate) -> bool {
        !self.allowed && self.covers(day)
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("visit_right.id", self.id.as_str())?;
        validate_id("visit_right.child_id", self.child_id.as_str())?;
        validate_id("visit_right.parent_id", self.parent_id.as_str())?;
        if let Some(until) = self.valid_until {
            if until < self.valid_from {
                return Err(ValidationError::new(
                    "visit_right.valid_until",
                    "the end of validity comes before its start",
                ));
            }
        }
        if self.rhythm.visits == 0 || self.rhythm.visits > 31 {
            return Err(ValidationError::new(
                "visit_right.rhythm",
                "enter between 1 and 31 visits per period",
            ));
        }
        limit_text("visit_right.reference", &self.reference, 200)?;
        Ok(())
    }
}

/// The first of `children` whose visits with `parent` a decision in `rights`
/// forbids on `day`: such a visit is never planned nor saved, whatever other
/// decisions say.
pub fn forbidden_child<'c>(
    children: &'c [ChildId],
    parent: &ParentId,
    day: NaiveDate,
    rights: &[VisitRight],
) -> Option<&'c ChildId> {
    children.iter().find(|child| {
        rights
            .iter()
            .any(|r| &r.child_id == *child && &r.parent_id == parent && r.forbids_on(day))
    })
}
