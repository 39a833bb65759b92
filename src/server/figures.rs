//! The figures' PDF report and a volunteer's statement as PDF, counted from
//! the server's own records with the same [`crate::figures`] functions the
//! app uses, and drawn here so that phones never download a PDF library.

use super::audit::{self, AuditAction, AuditKey};
use super::auth::{Caller, Coordinator};
use super::error::ApiFailure;
use super::{records, AppState, ServerError};
use crate::domain::{Record, RecordKey, RecordKind, Trip, TripEvent, TripReport, VolunteerId};
use crate::figures::pdf::{figures_pdf, statement_pdf};
use crate::figures::{figures, volunteer_statement, Period};
use crate::i18n::{lang_from_tag, Lang};
use crate::protocol::Role;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
pub(crate) struct ReportQuery {
    from: Option<String>,
    to: Option<String>,
    lang: Option<String>,
    volunteer: Option<String>,
}

const QUERY_HELP: &str = "use ?from=YYYY-MM-DD&to=YYYY-MM-DD (the first and last days, at most ten years apart) and &lang=fr, nl or en";

/// The period and language asked for.
fn read_query(query: &ReportQuery) -> Result<(Period, Lang), ApiFailure> {
    let day = |name: &str, value: &Option<String>| -> Result<NaiveDate, ApiFailure> {
        let value = value.as_deref().ok_or_else(|| {
            ApiFailure::malformed(format!("The {name} day is missing: {QUERY_HELP}."))
        })?;
        NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
            ApiFailure::malformed(format!(
                "\"{value}\" is not a day written YYYY-MM-DD: {QUERY_HELP}."
            ))
        })
    };
    let from = day("first", &query.from)?;
    let until = day("last", &query.to)?;
    if until < from {
        return Err(ApiFailure::malformed(format!(
            "The last day ({until}) comes before the first ({from}): swap them."
        )));
    }
    if (until - from).num_days() > 3660 {
        return Err(ApiFailure::malformed(format!(
            "The period from {from} to {until} is longer than ten years: ask for a shorter one."
        )));
    }
    let lang = match query.lang.as_deref() {
        None => Lang::Fr,
        Some(tag) => lang_from_tag(tag).ok_or_else(|| {
            ApiFailure::malformed(format!(
                "\"{tag}\" is not a language of the report: {QUERY_HELP}."
            ))
        })?,
    };
    Ok((Period { from, until }, lang))
}

/// What the counting reads.
struct Recorded {
    trips: Vec<Trip>,
    events: Vec<TripEvent>,
    reports: Vec<TripReport>,
}

fn recorded(conn: &rusqlite::Connection) -> Result<Recorded, ServerError> {
    let mut out = Recorded {
        trips: Vec::new(),
        events: Vec::new(),
        reports: Vec::new(),
    };
    for record in records::all_of(conn, RecordKind::Trip)? {
        if let Record::Trip(t) = record {
            out.trips.push(t);
        }
    }
    for record in records::all_of(conn, RecordKind::Event)? {
        if let Record::Event(e) = record {
            out.events.push(e);
        }
    }
    for record in records::all_of(conn, RecordKind::Report)? {
        if let Record::Report(r) = record {
            out.reports.push(r);
        }
    }
    Ok(out)
}

fn pdf_response(bytes: Vec<u8>, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// Draws a PDF off the async workers.
async fn draw(
    f: impl FnOnce() -> Result<Vec<u8>, crate::figures::pdf::PdfError> + Send + 'static,
) -> Result<Vec<u8>, ApiFailure> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiFailure::from(ServerError::Internal(format!("worker failed: {e}"))))?
        .map_err(|e| ApiFailure::from(ServerError::Internal(e.to_string())))
}

/// `GET /api/v1/figures/report.pdf`: the figures of a period, for
/// coordinators.
pub(crate) async fn get_report_pdf(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    query: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Response, ApiFailure> {
    let Query(query) = query.map_err(|e| ApiFailure::malformed(format!("{e}; {QUERY_HELP}.")))?;
    let (period, lang) = read_query(&query)?;
    let data = state
        .read(|conn| {
            {
                let data = recorded(conn)?;
                let mut prisons = BTreeMap::new();
                for record in records::all_of(conn, RecordKind::Prison)? {
                    if let Record::Prison(p) = record {
                        prisons.insert(p.id.clone(), p.name.clone());
                    }
                }
                Ok::<_, ServerError>((data, prisons))
            }
            .map_err(ApiFailure::from)
        })
        .await?;
    let now = state.now();
    let actor = caller.actor();
    state
        .blocking(move |db| {
            audit::log(
                &db.conn,
                now,
                &actor,
                AuditAction::Read,
                &AuditKey {
                    kind: "figures",
                    id: format!("{}..{}", period.from, period.until),
                },
                "report pdf",
            )
            .map_err(ApiFailure::from)
        })
        .await?;
    let network = state.network_name().to_owned();
    let (data, prisons) = data;
    let bytes = draw(move || {
        let fig = figures(period, &data.trips, &data.events, &data.reports);
        figures_pdf(lang, &network, &fig, &prisons)
    })
    .await?;
    Ok(pdf_response(
        bytes,
        &format!("figures-{}-{}.pdf", period.from, period.until),
    ))
}

/// `GET /api/v1/figures/statement.pdf?volunteer=`: one volunteer's trips and
/// kilometres per month. Coordinators may ask for anyone, a volunteer's
/// device for its own volunteer only.
pub(crate) async fn get_statement_pdf(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Response, ApiFailure> {
    let Query(query) = query.map_err(|e| ApiFailure::malformed(format!("{e}; {QUERY_HELP}.")))?;
    let (period, lang) = read_query(&query)?;
    let volunteer = match query.volunteer.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => VolunteerId::from(id),
        _ => match (&caller.role, &caller.volunteer_id) {
            (Role::Volunteer, Some(own)) => own.clone(),
            _ => {
                return Err(ApiFailure::malformed(format!(
                    "Say whose statement: ?volunteer= a volunteer's id; {QUERY_HELP}."
                )))
            }
        },
    };
    if caller.role == Role::Volunteer && caller.volunteer_id.as_ref() != Some(&volunteer) {
        return Err(ApiFailure::forbidden(
            "You can only download your own statement. Ask your coordinator for anyone else's.",
        ));
    }
    let key = RecordKey::new(RecordKind::Volunteer, volunteer.as_str());
    let wanted = volunteer.clone();
    let (data, name) = state
        .read(move |conn| {
            let name = match records::live(conn, &key).map_err(ApiFailure::from)? {
                Some(Record::Volunteer(v)) => Some(v.name),
                _ => None,
            };
            let Some(name) = name else {
                return Err(ApiFailure::not_found(format!(
                    "There is no volunteer {wanted}. Check the id on the volunteer's page."
                )));
            };
            Ok((recorded(conn).map_err(ApiFailure::from)?, name))
        })
        .await?;
    let now = state.now();
    let actor = caller.actor();
    let audited = RecordKey::new(RecordKind::Volunteer, volunteer.as_str());
    state
        .blocking(move |db| {
            audit::log(
                &db.conn,
                now,
                &actor,
                AuditAction::Read,
                &audited,
                "statement pdf",
            )
            .map_err(ApiFailure::from)
        })
        .await?;
    let network = state.network_name().to_owned();
    let id = volunteer.clone();
    let bytes = draw(move || {
        let lines = volunteer_statement(period, &id, &data.trips, &data.events, &data.reports);
        statement_pdf(lang, &network, &name, period, &lines)
    })
    .await?;
    Ok(pdf_response(
        bytes,
        &format!(
            "statement-{}-{}-{}.pdf",
            volunteer, period.from, period.until
        ),
    ))
}
