//! Families from a spreadsheet, one child per row: the family that looks
//! after the child (where the child is picked up), the child, the parent the
//! child visits and, when the decision is known, the visit right.
//!
//! Rows naming the same family (same name and phone) make one family; rows
//! naming the same parent in the same prison make one parent. A family, a
//! parent or a child already in the records is not entered twice: the rows
//! refer to the family and the parent already there, and a child already
//! there is a problem to look at.
//!
//! The last four columns (the visit right) may be left empty: the child's
//! file then says that the decision is missing.

use super::{cells, coordinate, languages, separator, CellProblem};
use crate::domain::{
    Child, ChildId, DecidedBy, DetainedParent, GeoPoint, Guardian, GuardianId, GuardianKind,
    Language, ParentId, Prison, Record, Rhythm, RhythmPeriod, VisitFormat, VisitRight,
    VisitRightId,
};
use crate::ui::components::parse_date;
use crate::ui::network::fold;
use std::collections::HashMap;

/// The columns, as their text keys, in order.
pub const FAMILY_COLUMNS: [&str; 18] = [
    "import-col-family",
    "import-col-family-kind",
    "import-col-phone",
    "import-col-family-language",
    "import-col-address",
    "import-col-lat",
    "import-col-lon",
    "import-col-child-first",
    "import-col-child-last",
    "import-col-born",
    "import-col-child-language",
    "import-col-parent-first",
    "import-col-parent-last",
    "import-col-prison",
    "import-col-visits",
    "import-col-decided-by",
    "import-col-valid-from",
    "import-col-reference",
];

/// One row of the sheet, read: the child, whom it belongs to, and what is
/// wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyRow {
    /// The line number in what was pasted, from 1.
    pub line: usize,
    pub child: Child,
    pub family: String,
    pub parent: String,
    pub prison: String,
    /// The visit right, when the row gives it.
    pub right: Option<VisitRight>,
    pub problems: Vec<CellProblem>,
}

/// What a pasted sheet of families would enter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FamilyImport {
    pub rows: Vec<FamilyRow>,
    /// Families not in the records yet.
    pub families: Vec<Guardian>,
    /// Parents not in the records yet.
    pub parents: Vec<DetainedParent>,
}

impl FamilyImport {
    /// How many rows have a problem.
    pub fn wrong(&self) -> usize {
        self.rows.iter().filter(|r| !r.problems.is_empty()).count()
    }

    /// Whether the whole sheet can be entered: at least a row, none wrong.
    pub fn ready(&self) -> bool {
        !self.rows.is_empty() && self.wrong() == 0
    }

    /// The records to save, families and parents before the children and
    /// rights that refer to them.
    pub fn records(&self) -> Vec<Record> {
        let families = self.families.iter().cloned().map(Record::Guardian);
        let parents = self.parents.iter().cloned().map(Record::Parent);
        let children = self.rows.iter().map(|r| Record::Child(r.child.clone()));
        let rights = self
            .rows
            .iter()
            .filter_map(|r| r.right.clone().map(Record::VisitRight));
        families
            .chain(parents)
            .chain(children)
            .chain(rights)
            .collect()
    }
}

fn kind(text: &str) -> Option<GuardianKind> {
    let word = fold(text);
    let has = |words: &[&str]| words.iter().any(|w| word.contains(w));
    if word.is_empty() {
        None
    } else if has(&["accueil", "pleeg", "foster"]) {
        Some(GuardianKind::FosterFamily)
    } else if has(&["grand", "groot", "oma", "opa"]) {
        Some(GuardianKind::Grandparent)
    } else if has(&[
        "institution",
        "instelling",
        "voorziening",
        "foyer",
        "home",
        "centre",
        "centrum",
    ]) {
        Some(GuardianKind::Institution)
    } else if has(&[
        "parent", "ouder", "mere", "pere", "mother", "father", "moeder", "vader", "maman", "papa",
    ]) {
        Some(GuardianKind::Parent)
    } else if has(&[
        "famil", "relative", "tante", "oncle", "aunt", "uncle", "autre", "other", "ander",
    ]) {
        Some(GuardianKind::OtherRelative)
    } else {
        None
    }
}

fn one_language(text: &str) -> Result<Option<Language>, &'static str> {
    match languages(text) {
        None => Err("import-unknown-language"),
        Some(l) if l.len() > 1 => Err("import-one-language"),
        Some(l) => Ok(l.first().copied()),
    }
}

/// "2 / mois", "1 per week", "3 par trimestre", "interdit": the rhythm, or
/// `Ok(None)` for visits forbidden.
fn visits(text: &str) -> Result<Option<Rhythm>, &'static str> {
    let word = fold(text);
    if ["interdit", "verbod", "forbidden", "aucune", "geen", "none"]
        .iter()
        .any(|w| word.contains(w))
    {
        return Ok(None);
    }
    let count: String = word.chars().take_while(char::is_ascii_digit).collect();
    let visits = count
        .parse::<u8>()
        .ok()
        .filter(|v| (1..=31).contains(v))
        .ok_or("import-not-visits")?;
    let per = if ["sem", "week", "wk"].iter().any(|w| word.contains(w)) {
        RhythmPeriod::Week
    } else if ["trim", "kwart", "quarter"]
        .iter()
        .any(|w| word.contains(w))
    {
        RhythmPeriod::Quarter
    } else if ["mois", "maand", "month", "/m"]
        .iter()
        .any(|w| word.contains(w))
    {
        RhythmPeriod::Month
    } else {
        return Err("import-not-visits");
    };
    Ok(Some(Rhythm { visits, per }))
}

fn decided_by(text: &str) -> Option<DecidedBy> {
    let word = fold(text);
    let has = |words: &[&str]| words.iter().any(|w| word.contains(w));
    if has(&[
        "saj",
        "spj",
        "aide",
        "protection",
        "hulp",
        "ondersteuning",
        "aid",
    ]) {
        Some(DecidedBy::YouthAidService)
    } else if has(&["famil"]) {
        Some(DecidedBy::FamilyCourt)
    } else if has(&["jeunesse", "jeugd", "youth"]) {
        Some(DecidedBy::YouthCourt)
    } else if has(&["accord", "akkoord", "agreement"]) {
        Some(DecidedBy::Agreement)
    } else {
        None
    }
}

/// The prison a cell names (by its name or its town), when exactly one does.
fn prison_named<'a>(text: &str, prisons: &'a [Prison]) -> Result<&'a Prison, &'static str> {
    let word = fold(text);
    if word.is_empty() {
        return Err("import-missing");
    }
    let exact: Vec<&Prison> = prisons
        .iter()
        .filter(|p| fold(&p.name) == word || fold(&p.town) == word)
        .collect();
    let found = if exact.is_empty() {
        prisons
            .iter()
            .filter(|p| fold(&p.name).contains(&word) || fold(&p.town).contains(&word))
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err("import-unknown-prison"),
        _ => Err("import-several-prisons"),
    }
}

fn problem(problems: &mut Vec<CellProblem>, column: usize, what: &'static str) {
    problems.push(CellProblem {
        column: FAMILY_COLUMNS
            .get(column)
            .copied()
            .unwrap_or("import-col-family"),
        problem: what,
    });
}

/// Reads the pasted text against what the records hold already (`records`:
/// the device's families, parents, children and prisons). `this_year`
/// bounds the years of birth. New records get fresh ids.
pub fn read_families(text: &str, records: &[Record], this_year: i32) -> FamilyImport {
    let prisons: Vec<Prison> = records
        .iter()
        .filter_map(|r| match r {
            Record::Prison(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    // Families by name and phone, parents by name and prison, children by
    // name, year of birth and family: those of the records first.
    // The phone's last nine digits: "+32 470 12 34 56" and "0470 12 34 56"
    // are the same number.
    let family_key = |name: &str, phone: &str| {
        let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
        let last: String = digits[digits.len().saturating_sub(9)..].iter().collect();
        (fold(name), last)
    };
    let mut families: HashMap<(String, String), (GuardianId, bool)> = HashMap::new();
    let mut parents: HashMap<(String, String, String), (ParentId, bool)> = HashMap::new();
    let mut children: HashMap<(String, String, i32, GuardianId), bool> = HashMap::new();
    for record in records {
        match record {
            Record::Guardian(g) => {
                families.insert(family_key(&g.name, &g.phone), (g.id.clone(), false));
            }
            Record::Parent(p) => {
                let key = (
                    fold(&p.first_name),
                    fold(&p.last_name),
                    p.prison_id.to_string(),
                );
                parents.insert(key, (p.id.clone(), false));
            }
            Record::Child(c) => {
                let key = (
                    fold(&c.first_name),
                    fold(&c.last_name),
                    c.birth_year,
                    c.guardian_id.clone(),
                );
                children.insert(key, false);
            }
            _ => {}
        }
    }
    let mut out = FamilyImport::default();
    let mut titles_seen = false;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let c = cells(line, separator(line));
        let cell = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
        // Column titles: a first line without a number where the latitude goes.
        if !titles_seen
            && out.rows.is_empty()
            && coordinate(cell(5)).is_none()
            && !cell(5).is_empty()
        {
            titles_seen = true;
            continue;
        }
        let mut problems = Vec::new();
        let mut bad = |column: usize, what: &'static str| problem(&mut problems, column, what);
        for required in [0, 2, 4, 7, 11] {
            if cell(required).is_empty() {
                bad(required, "import-missing");
            }
        }
        let kind = kind(cell(1));
        if kind.is_none() {
            bad(1, "import-unknown-kind");
        }
        let family_language = one_language(cell(3)).unwrap_or_else(|e| {
            bad(3, e);
            None
        });
        let lat = coordinate(cell(5)).filter(|v| (-90.0..=90.0).contains(v));
        let lon = coordinate(cell(6)).filter(|v| (-180.0..=180.0).contains(v));
        if lat.is_none() {
            bad(5, "import-not-a-coordinate");
        }
        if lon.is_none() {
            bad(6, "import-not-a-coordinate");
        }
        let born = cell(9)
            .parse::<i32>()
            .ok()
            .filter(|y| (this_year - 25..=this_year).contains(y));
        if born.is_none() {
            bad(9, "import-not-a-year");
        }
        let child_language = match one_language(cell(10)) {
            Ok(l) => l.or(family_language),
            Err(e) => {
                bad(10, e);
                None
            }
        };
        if child_language.is_none() && cell(10).is_empty() {
            bad(10, "import-missing");
        }
        let prison = prison_named(cell(13), &prisons)
            .map_err(|e| bad(13, e))
            .ok();

        // The family: the one of an earlier row or of the records, or a new one.
        let key = family_key(cell(0), cell(2));
        let guardian_id = match families.get(&key) {
            Some((id, fresh)) => {
                let earlier = out.families.iter().find(|g| &g.id == id);
                if *fresh && earlier.is_some_and(|g| fold(&g.pickup_address) != fold(cell(4))) {
                    bad(4, "import-family-differs");
                }
                id.clone()
            }
            None => {
                let id = GuardianId::random();
                let guardian = Guardian {
                    id: id.clone(),
                    kind: kind.unwrap_or(GuardianKind::Parent),
                    name: cell(0).to_owned(),
                    phone: cell(2).to_owned(),
                    pickup_address: cell(4).to_owned(),
                    pickup_location: GeoPoint::new(lat.unwrap_or(0.0), lon.unwrap_or(0.0)),
                    language: family_language,
                    email: Default::default(),
                    archived: false,
                };
                if guardian.validate().is_err() && !cell(0).is_empty() {
                    bad(0, "import-too-long");
                }
                families.insert(key, (id.clone(), true));
                out.families.push(guardian);
                id
            }
        };

        // The parent, in the prison the row names.
        let parent_id = prison.map(|prison| {
            let key = (fold(cell(11)), fold(cell(12)), prison.id.to_string());
            match parents.get(&key) {
                Some((id, _)) => id.clone(),
                None => {
                    let id = ParentId::random();
                    out.parents.push(DetainedParent {
                        id: id.clone(),
                        first_name: cell(11).to_owned(),
                        last_name: cell(12).to_owned(),
                        prison_id: prison.id.clone(),
                        transfers: Vec::new(),
                        released_on: None,
                    });
                    parents.insert(key, (id.clone(), true));
                    id
                }
            }
        });

        let child = Child {
            id: ChildId::random(),
            first_name: cell(7).to_owned(),
            last_name: cell(8).to_owned(),
            birth_year: born.unwrap_or(this_year),
            language: child_language.unwrap_or(Language::Fr),
            needs: String::new(),
            guardian_id: guardian_id.clone(),
            archived: false,
        };
        let child_key = (fold(cell(7)), fold(cell(8)), child.birth_year, guardian_id);
        match children.get(&child_key) {
            Some(false) => bad(7, "import-child-known"),
            Some(true) => bad(7, "import-child-twice"),
            None => {
                children.insert(child_key, true);
            }
        }
        if child.validate().is_err() && !cell(7).is_empty() && born.is_some() {
            bad(7, "import-too-long");
        }

        // The decision, when the row gives it: all of it or nothing.
        let right = if (14..=17).all(|i| cell(i).is_empty()) {
            None
        } else {
            let rhythm = visits(cell(14)).map_err(|e| bad(14, e));
            let by = decided_by(cell(15));
            if by.is_none() {
                bad(15, "import-unknown-decider");
            }
            let from = parse_date(cell(16));
            if from.is_none() {
                bad(16, "import-not-a-date");
            }
            match (rhythm, by, from, &parent_id) {
                (Ok(rhythm), Some(decided_by), Some(valid_from), Some(parent_id)) => {
                    Some(VisitRight {
                        id: VisitRightId::random(),
                        child_id: child.id.clone(),
                        parent_id: parent_id.clone(),
                        allowed: rhythm.is_some(),
                        decided_by,
                        format: VisitFormat {
                            collective: false,
                            supervised: false,
                        },
                        rhythm: rhythm.unwrap_or(Rhythm {
                            visits: 1,
                            per: RhythmPeriod::Month,
                        }),
                        valid_from,
                        valid_until: None,
                        reference: cell(17).to_owned(),
                    })
                }
                _ => None,
            }
        };
        out.rows.push(FamilyRow {
            line: index + 1,
            child,
            family: cell(0).to_owned(),
            parent: format!("{} {}", cell(11), cell(12)).trim().to_owned(),
            prison: prison.map(|p| p.name.clone()).unwrap_or_default(),
            right,
            problems,
        });
    }
    out
}

#[cfg(test)]
mod tests;
