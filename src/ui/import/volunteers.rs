//! Volunteers from a spreadsheet: rows pasted from a sheet (tab-separated)
//! or a CSV file (comma or semicolon), read into volunteers with each row's
//! problems, before anything is saved. Plain data, tested without Dioxus.
//!
//! Columns, in this order: name, phone, latitude, longitude of where the
//! volunteer starts from, car (yes/no), languages (fr nl en de), new to the
//! network (yes/no, may be left out). A first line whose latitude is not a
//! number is taken as the column titles and skipped.

use super::{cells, coordinate, languages, separator, yes_no, CellProblem};
use crate::domain::{GeoPoint, Volunteer, VolunteerId};

/// One row of the sheet, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// The line number in what was pasted, from 1.
    pub line: usize,
    pub volunteer: Volunteer,
    pub problems: Vec<CellProblem>,
}

/// The columns, as their text keys.
pub const COLUMNS: [&str; 7] = [
    "import-col-name",
    "import-col-phone",
    "import-col-lat",
    "import-col-lon",
    "import-col-car",
    "import-col-languages",
    "import-col-newcomer",
];

fn add(problems: &mut Vec<CellProblem>, column: usize, problem: &'static str) {
    problems.push(CellProblem {
        column: COLUMNS.get(column).copied().unwrap_or("import-col-name"),
        problem,
    });
}

/// Reads the pasted text into rows, each with its problems. Empty lines are
/// skipped. New volunteers get fresh ids.
pub fn read_volunteers(text: &str) -> Vec<ImportRow> {
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let sep = separator(line);
        let c = cells(line, sep);
        let cell = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
        // Column titles: a first line without a number where the latitude goes.
        if rows.is_empty() && index == 0 && coordinate(cell(2)).is_none() && !cell(2).is_empty() {
            continue;
        }
        let mut problems = Vec::new();
        let mut problem = |column: usize, what: &'static str| add(&mut problems, column, what);
        if cell(0).is_empty() {
            problem(0, "import-missing");
        }
        let lat = coordinate(cell(2));
        let lon = coordinate(cell(3));
        if lat.is_none_or(|v| !(-90.0..=90.0).contains(&v)) {
            problem(2, "import-not-a-coordinate");
        }
        if lon.is_none_or(|v| !(-180.0..=180.0).contains(&v)) {
            problem(3, "import-not-a-coordinate");
        }
        let car = yes_no(cell(4));
        if car.is_none() {
            problem(4, "import-not-yes-no");
        }
        let spoken = languages(cell(5));
        match &spoken {
            None => problem(5, "import-unknown-language"),
            Some(l) if l.is_empty() => problem(5, "import-missing"),
            Some(_) => {}
        }
        let newcomer = yes_no(cell(6));
        if newcomer.is_none() {
            problem(6, "import-not-yes-no");
        }
        let volunteer = Volunteer {
            id: VolunteerId::random(),
            name: cell(0).to_owned(),
            phone: cell(1).to_owned(),
            home_area: GeoPoint::new(lat.unwrap_or(0.0), lon.unwrap_or(0.0)),
            has_car: car.unwrap_or(false),
            languages: spoken.unwrap_or_default(),
            availability: Vec::new(),
            absences: Vec::new(),
            newcomer: newcomer.unwrap_or(false),
            archived: false,
        };
        // What the cells' own checks let through (a name too long...).
        if problems.is_empty() && volunteer.validate().is_err() {
            add(&mut problems, 0, "import-too-long");
        }
        rows.push(ImportRow {
            line: index + 1,
            volunteer,
            problems,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;

    #[test]
    fn a_sheet_pasted_or_a_csv_reads_into_volunteers_with_each_rows_problems() {
        let pasted = "Nom\tTéléphone\tLatitude\tLongitude\tVoiture\tLangues\tNouveau\n\
                      Anne Vermeulen\t+32 470 00 00 21\t50,836\t4,389\toui\tfr nl en\tnon\n\
                      \n\
                      Jef Peeters\t+32 470 00 00 31\t51.2\tx\tja\tnl\tja\n";
        let rows = read_volunteers(pasted);
        assert_eq!(rows.len(), 2, "titles and empty lines skipped");
        assert!(rows[0].problems.is_empty(), "{:?}", rows[0].problems);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].volunteer.name, "Anne Vermeulen");
        assert!(rows[0].volunteer.has_car);
        assert_eq!(
            rows[0].volunteer.languages,
            vec![Language::Fr, Language::Nl, Language::En]
        );
        assert_eq!(rows[1].line, 4);
        assert_eq!(
            rows[1].problems,
            vec![CellProblem {
                column: "import-col-lon",
                problem: "import-not-a-coordinate"
            }]
        );
        assert!(rows[1].volunteer.newcomer);

        let csv = "\"Delvaux, Marc\";0470;50.467;4.867;yes;\"fr, en\"\n;;;;maybe;klingon\n";
        let rows = read_volunteers(csv);
        assert_eq!(rows[0].volunteer.name, "Delvaux, Marc");
        assert!(rows[0].problems.is_empty(), "{:?}", rows[0].problems);
        let problems: Vec<&str> = rows[1].problems.iter().map(|p| p.problem).collect();
        assert_eq!(
            problems,
            vec![
                "import-missing",
                "import-not-a-coordinate",
                "import-not-a-coordinate",
                "import-not-yes-no",
                "import-unknown-language"
            ]
        );
    }
}
