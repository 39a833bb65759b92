//! Families: a link per guardian, no account. The link opens a page the
//! server renders (plain HTML, no script), a calendar feed, and one form
//! ("we cannot come", with a confirmation step). Coordinators create,
//! replace and revoke links, and read the notices sent to families or left
//! for them to tell by phone.
//!
//! Opening a link changes nothing but its view count and the audit log. A
//! link shows only its guardian's children and their coming visits
//! (`view`), and stops by itself when none of their visit rights is valid.
//! Unknown links count against the network address like wrong enrollment
//! codes (`limits`).

mod ics;
mod links;
pub(crate) mod mailer;
pub(crate) mod notices;
mod office;
mod page;
mod texts;
mod view;

use super::error::ApiFailure;
use super::limits::ClientAddr;
use super::request::read_body;
use super::{records, AppState, ServerError};
use crate::domain::{Language, Record, RecordKey, RecordKind, TripId};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use page::PageContext;
use serde::Deserialize;
use texts::CannotCome;

pub use mailer::{SmtpOptions, SmtpSecurity};
pub(crate) use office::{
    delete_family_link, get_family_links, get_family_notices, post_family_link, post_notice_done,
};

/// Where a family's pages live: `/f/<token>`.
pub(crate) const FAMILY_PREFIX: &str = "/f/";

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LangQuery {
    lang: Option<String>,
}

fn chosen_language(asked: Option<&str>) -> Option<Language> {
    match asked? {
        "fr" => Some(Language::Fr),
        "nl" => Some(Language::Nl),
        "en" => Some(Language::En),
        _ => None,
    }
}

/// The language of a page for someone whose link is unknown: theirs if
/// asked, else their browser's, else French.
fn browser_language(headers: &HeaderMap, asked: Option<&str>) -> Language {
    chosen_language(asked).unwrap_or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.split(',')
                    .filter_map(|tag| crate::i18n::lang_from_tag(tag.split(';').next()?.trim()))
                    .next()
            })
            .unwrap_or(Language::Fr)
    })
}

fn html(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    private(headers);
    response
}

/// Family pages hold personal data: never cached, never indexed.
fn private(headers: &mut HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        axum::http::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex, nofollow"),
    );
}

/// `webcal://host/f/<token>/calendar.ics`, when the request names a plain host.
fn webcal(headers: &HeaderMap, token: &str) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let plain = !host.is_empty()
        && host.len() <= 255
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    plain.then(|| format!("webcal://{host}{FAMILY_PREFIX}{token}/calendar.ics"))
}

/// What a request on a link finds.
enum Opened {
    /// The link works: its guardian and language.
    Open(links::FoundLink),
    /// Revoked, or no visit right left: the link's own language.
    Ended(Language),
    /// No such link.
    Unknown,
}

fn open_link(
    conn: &rusqlite::Connection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Opened, ServerError> {
    let Some(link) = links::find(conn, token)? else {
        return Ok(Opened::Unknown);
    };
    if link.revoked || !view::has_valid_right(conn, &link.guardian_id, now)? {
        return Ok(Opened::Ended(link.language));
    }
    Ok(Opened::Open(link))
}

/// Lets a request on a link through unless its address tried too many
/// unknown links; runs `f` on the writer with what the link opens.
async fn on_link<T: Send + 'static>(
    state: &AppState,
    addr: Option<std::net::IpAddr>,
    token: String,
    unknown_lang: Language,
    f: impl FnOnce(&mut super::db::Db, links::FoundLink) -> Result<T, ApiFailure> + Send + 'static,
) -> Result<Result<T, Response>, ApiFailure> {
    let now = state.now();
    let phone = state.coordination_phone().to_owned();
    let Ok(attempt) = state.family_guard().begin(addr, now) else {
        return Ok(Err(html(
            StatusCode::TOO_MANY_REQUESTS,
            page::too_many_page(unknown_lang, &phone),
        )));
    };
    let outcome = state
        .blocking(move |db| {
            let opened = open_link(&db.conn, &token, now)?;
            match opened {
                Opened::Open(link) => f(db, link).map(Ok),
                Opened::Ended(lang) => Ok(Err((true, lang))),
                Opened::Unknown => Ok(Err((false, unknown_lang))),
            }
        })
        .await?;
    match outcome {
        Ok(value) => Ok(Ok(value)),
        Err((known, lang)) => {
            if !known {
                attempt.wrong(now);
            }
            Ok(Err(html(
                StatusCode::NOT_FOUND,
                page::ended_page(lang, &phone),
            )))
        }
    }
}

/// `GET /f/<token>`: the family's page.
pub(crate) async fn get_family_page(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    query: Result<Query<LangQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    let asked = query.ok().and_then(|Query(q)| q.lang);
    let unknown_lang = browser_language(&headers, asked.as_deref());
    let webcal = webcal(&headers, &token);
    let phone = state.coordination_phone().to_owned();
    let now = state.now();
    let base = format!("{FAMILY_PREFIX}{token}");
    let opened = on_link(&state, addr, token, unknown_lang, move |db, link| {
        let lang = chosen_language(asked.as_deref()).unwrap_or(link.language);
        let family = view::family_view(&db.conn, &link.guardian_id, now)?;
        links::record_view(
            &db.conn,
            now,
            &link,
            &format!(
                "page in {}: {} visits of {} children",
                lang.code(),
                family.visits.len(),
                family.children.len()
            ),
        )?;
        let cx = PageContext {
            lang,
            base: &base,
            webcal,
            phone: &phone,
        };
        Ok(page::family_page(&cx, &family))
    })
    .await?;
    Ok(match opened {
        Ok(body) => html(StatusCode::OK, body),
        Err(response) => response,
    })
}

/// `GET /f/<token>/calendar.ics`: the family's calendar feed.
pub(crate) async fn get_family_calendar(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    query: Result<Query<LangQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    let asked = query.ok().and_then(|Query(q)| q.lang);
    let unknown_lang = browser_language(&headers, asked.as_deref());
    let phone = state.coordination_phone().to_owned();
    let now = state.now();
    let opened = on_link(&state, addr, token, unknown_lang, move |db, link| {
        let lang = chosen_language(asked.as_deref()).unwrap_or(link.language);
        let family = view::family_view(&db.conn, &link.guardian_id, now)?;
        links::record_view(
            &db.conn,
            now,
            &link,
            &format!(
                "calendar in {}: {} visits",
                lang.code(),
                family.visits.len()
            ),
        )?;
        Ok(ics::calendar(lang, &family, &phone, now))
    })
    .await?;
    Ok(match opened {
        Ok(body) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"visits.ics\""),
            );
            private(headers);
            response
        }
        Err(response) => response,
    })
}

/// The fields of the "we cannot come" form.
#[derive(Debug, Default, Deserialize)]
struct CannotComeForm {
    #[serde(default)]
    trip: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    confirm: String,
}

/// What the form's answer is.
enum FormAnswer {
    Confirm(view::VisitView, CannotCome),
    Told,
    NoSuchVisit,
}

/// `POST /f/<token>/cannot-come`: first a confirmation page, then (with
/// `confirm=yes`) a notice for the coordination. The only thing a family
/// can change, and it changes no visit: the coordination acts on it.
pub(crate) async fn post_cannot_come(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    request: Request,
) -> Result<Response, ApiFailure> {
    let (parts, body) = request.into_parts();
    let bytes = read_body(&parts.headers, body).await?;
    let form: CannotComeForm = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let unknown_lang = browser_language(&parts.headers, Some(form.lang.as_str()));
    let phone = state.coordination_phone().to_owned();
    let now = state.now();
    let base = format!("{FAMILY_PREFIX}{token}");
    let asked = form.lang.clone();
    let opened = on_link(&state, addr, token, unknown_lang, move |db, link| {
        let lang = chosen_language(Some(asked.as_str())).unwrap_or(link.language);
        let said = CannotCome::parse(&form.reason).unwrap_or(CannotCome::Other);
        let family = view::family_view(&db.conn, &link.guardian_id, now)?;
        let trip = TripId(form.trip.clone());
        let Some(visit) = family
            .visits
            .into_iter()
            .find(|v| v.trip_id == trip && v.cancelled.is_none())
        else {
            return Ok((lang, FormAnswer::NoSuchVisit));
        };
        if form.confirm != "yes" {
            return Ok((lang, FormAnswer::Confirm(visit, said)));
        }
        let guardian_phone = match records::live(
            &db.conn,
            &RecordKey::new(RecordKind::Guardian, link.guardian_id.as_str()),
        )? {
            Some(Record::Guardian(g)) => g.phone,
            _ => String::new(),
        };
        let tx = db.conn.transaction().map_err(ServerError::from)?;
        notices::cannot_come(
            &tx,
            now,
            &link.guardian_id,
            lang,
            &visit,
            said,
            &guardian_phone,
        )?;
        links::record_view(
            &tx,
            now,
            &link,
            &format!("cannot come to visit {}: {}", visit.trip_id, said.code()),
        )?;
        tx.commit().map_err(ServerError::from)?;
        Ok((lang, FormAnswer::Told))
    })
    .await?;
    let (lang, answer) = match opened {
        Ok(answer) => answer,
        Err(response) => return Ok(response),
    };
    let cx = PageContext {
        lang,
        base: &base,
        webcal: None,
        phone: &phone,
    };
    Ok(match answer {
        FormAnswer::Confirm(visit, said) => {
            html(StatusCode::OK, page::confirm_page(&cx, &visit, said))
        }
        FormAnswer::Told => html(StatusCode::OK, page::told_page(&cx)),
        FormAnswer::NoSuchVisit => html(StatusCode::NOT_FOUND, page::no_such_visit_page(&cx)),
    })
}

/// Refreshes what families see of the trips touched by `changes` and
/// queues their notices; returns how many e-mails wait.
pub(crate) fn after_changes<'c>(
    conn: &rusqlite::Connection,
    now: DateTime<Utc>,
    changes: impl IntoIterator<Item = &'c crate::protocol::Change>,
    settings: &notices::NoticeSettings,
) -> Result<usize, ServerError> {
    let mut trips = Vec::new();
    for change in changes {
        trips.extend(notices::touched_trips(conn, change)?);
    }
    if trips.is_empty() {
        return Ok(0);
    }
    notices::refresh_trips(conn, now, &trips, true, settings)
}

/// Notes what families see of imported trips, without notices.
pub(crate) fn after_import(
    conn: &rusqlite::Connection,
    now: DateTime<Utc>,
    records: &[Record],
) -> Result<(), ServerError> {
    let trips: Vec<TripId> = records
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some(t.id.clone()),
            _ => None,
        })
        .collect();
    notices::refresh_trips(
        conn,
        now,
        &trips,
        false,
        &notices::NoticeSettings::default(),
    )?;
    Ok(())
}

/// Notes, without notices, what families see of the live trips that have
/// no row in `family_visits` yet (trips written before families had links):
/// their first change later is then a change, not a new visit.
pub(crate) fn note_unseen_trips(
    conn: &rusqlite::Connection,
    now: DateTime<Utc>,
) -> Result<usize, ServerError> {
    let trips: Vec<TripId> = {
        let mut stmt = conn.prepare(
            "SELECT id FROM records WHERE kind = 'trip' AND deleted = 0
                 AND id NOT IN (SELECT trip_id FROM family_visits)",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|r| r.map(TripId)).collect::<Result<_, _>>()?
    };
    if !trips.is_empty() {
        notices::refresh_trips(
            conn,
            now,
            &trips,
            false,
            &notices::NoticeSettings::default(),
        )?;
    }
    Ok(trips.len())
}

/// Whether a request's body may be a form: only the family's own form.
pub(crate) fn takes_form(path: &str) -> bool {
    path.strip_prefix(FAMILY_PREFIX)
        .and_then(|rest| rest.strip_suffix("/cannot-come"))
        .is_some_and(|token| !token.is_empty() && !token.contains('/'))
}
