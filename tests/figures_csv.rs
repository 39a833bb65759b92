#![allow(clippy::unwrap_used)]
//! The figures and a volunteer's statement as CSV, read back by a CSV parser
//! as a spreadsheet would: accents intact, every number where it should be.

use chrono::NaiveDate;
use itinerances::demo::{generated_network_of, generated_steps};
use itinerances::domain::{Language, Record, Trip};
use itinerances::figures::csv::{figures_csv, statement_csv, BOM};
use itinerances::figures::{figures, volunteer_statement, Period};
use itinerances::i18n::t;

fn read(text: &str) -> Vec<Vec<String>> {
    assert!(
        text.starts_with(BOM),
        "the file starts with a byte-order mark"
    );
    assert!(text.contains("\r\n"), "lines end with CRLF");
    let body = text.trim_start_matches(BOM);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn network() -> (
    Vec<Trip>,
    Vec<itinerances::domain::TripEvent>,
    Vec<itinerances::domain::TripReport>,
) {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let demo = generated_network_of(3, 4, 8, 40, 500, today);
    let trips: Vec<Trip> = demo
        .records
        .into_iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some(t),
            _ => None,
        })
        .collect();
    let (events, reports) = generated_steps(9, &trips);
    (trips, events, reports)
}

#[test]
fn the_figures_read_back_from_csv_in_every_language() {
    let (trips, events, reports) = network();
    let fig = figures(Period::year(2026), &trips, &events, &reports);
    // A prison name with a comma, a quote and a semicolon must survive quoting.
    let name = |p: &itinerances::domain::PrisonId| format!("Prison \"{}\"; Liège, Lantin", p.0);
    for lang in [Language::Fr, Language::Nl, Language::En] {
        let rows = read(&figures_csv(lang, &fig, name));
        let header = &rows[0];
        let col = |key: &str| {
            let title = t(lang, key);
            header.iter().position(|h| *h == title).unwrap()
        };
        assert_eq!(rows.len(), 1 + 1 + 12 + fig.per_prison.len());
        assert!(rows.iter().all(|r| r.len() == header.len()));
        let total = &rows[1];
        assert_eq!(total[col("figures-planned")], fig.total.planned.to_string());
        assert_eq!(total[col("figures-done")], fig.total.done.to_string());
        assert_eq!(
            total[col("figures-kilometres")],
            fig.total.kilometres.to_string()
        );
        assert_eq!(
            total[col("figures-first-time")],
            fig.first_time_children.to_string()
        );
        assert_eq!(
            total[col("cancel-strike")],
            fig.total
                .cancelled_for(itinerances::domain::CancelReason::Strike)
                .to_string()
        );
        for (i, (_, tally)) in fig.per_month.iter().enumerate() {
            let row = &rows[2 + i];
            assert_eq!(row[col("figures-done")], tally.done.to_string());
            assert_eq!(row[col("figures-owed")], tally.owed.to_string());
            assert_eq!(row[col("figures-children")], tally.children.to_string());
        }
        for (i, (prison, tally)) in fig.per_prison.iter().enumerate() {
            let row = &rows[14 + i];
            assert_eq!(row[1], name(prison));
            assert_eq!(row[col("figures-cancelled")], tally.cancelled.to_string());
        }
    }
    let fr = read(&figures_csv(Language::Fr, &fig, name));
    assert!(
        fr[0].contains(&"Kilomètres".to_owned()),
        "accents intact: {:?}",
        fr[0]
    );
    assert_eq!(fr[2][1], "janvier 2026");
    let done: usize = fig.total.done;
    assert!(done > 0);
}

#[test]
fn a_volunteers_statement_reads_back_with_its_total() {
    let (trips, events, reports) = network();
    let volunteer = trips.iter().find_map(|t| t.volunteer_id.clone()).unwrap();
    let lines = volunteer_statement(Period::year(2026), &volunteer, &trips, &events, &reports);
    let rows = read(&statement_csv(Language::Nl, "Anaïs Dubois, Gent", &lines));
    assert_eq!(rows.len(), 1 + 12 + 1);
    assert_eq!(rows[0][2], "Ritten");
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(rows[1 + i][0], "Anaïs Dubois, Gent");
        assert_eq!(rows[1 + i][2], l.trips.to_string());
        assert_eq!(rows[1 + i][3], l.kilometres.to_string());
    }
    let km: u64 = lines.iter().map(|l| l.kilometres).sum();
    assert!(km > 0);
    assert_eq!(rows[13][1], "Totaal");
    assert_eq!(rows[13][3], km.to_string());
}
