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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn right(child: &str, allowed: bool, from: &str, until: Option<&str>) -> VisitRight {
        VisitRight {
            id: VisitRightId::from(format!("r-{child}-{from}").as_str()),
            child_id: ChildId::from(child),
            parent_id: ParentId::from("p1"),
            allowed,
            decided_by: DecidedBy::YouthCourt,
            format: VisitFormat {
                collective: false,
                supervised: false,
            },
            rhythm: Rhythm {
                visits: 1,
                per: RhythmPeriod::Month,
            },
            valid_from: day(from),
            valid_until: until.map(day),
            reference: String::new(),
        }
    }

    #[test]
    fn which_child_a_decision_forbids_on_a_day() {
        let children = [ChildId::from("lina"), ChildId::from("noah")];
        let on = day("2026-03-10");
        let table: Vec<(&str, Vec<VisitRight>, Option<&str>)> = vec![
            (
                "allowed",
                vec![right("lina", true, "2026-01-01", None)],
                None,
            ),
            (
                "forbidden for the sibling",
                vec![
                    right("lina", true, "2026-01-01", None),
                    right("noah", false, "2026-01-01", None),
                ],
                Some("noah"),
            ),
            (
                "forbidden from a later day",
                vec![right("lina", false, "2026-03-11", None)],
                None,
            ),
            (
                "forbidden until the day before",
                vec![right("lina", false, "2026-01-01", Some("2026-03-09"))],
                None,
            ),
            (
                "forbidden on the last day of the decision",
                vec![right("lina", false, "2026-01-01", Some("2026-03-10"))],
                Some("lina"),
            ),
            (
                "forbidden wins over allowed",
                vec![
                    right("lina", true, "2026-01-01", None),
                    right("lina", false, "2026-02-01", None),
                ],
                Some("lina"),
            ),
        ];
        for (case, rights, expected) in table {
            let found = forbidden_child(&children, &ParentId::from("p1"), on, &rights);
            assert_eq!(found.map(|c| c.as_str()), expected, "{case}");
            // Another parent's decisions say nothing about this one.
            assert_eq!(
                forbidden_child(&children, &ParentId::from("p2"), on, &rights),
                None,
                "{case}"
            );
        }
    }
}
