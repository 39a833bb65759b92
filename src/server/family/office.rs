//! Coordinators' endpoints for families: a guardian's link (created,
//! replacing the earlier one, listed, revoked) and the notices sent to
//! families or left for a coordinator to tell by phone.

use super::{links, notices, texts, view, FAMILY_PREFIX};
use crate::domain::{GuardianId, Record, RecordKey, RecordKind};
use crate::protocol::{CreateFamilyLinkRequest, FamilyLinkCreated, FamilyLinkInfo, FamilyNotice};
use crate::server::auth::Coordinator;
use crate::server::error::ApiFailure;
use crate::server::request::JsonBody;
use crate::server::{qr, records, AppState, ServerError};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;

/// `POST /api/v1/family-links`: a new link for a guardian (replacing the
/// earlier one), with its message and QR code. The token is shown once.
pub(crate) async fn post_family_link(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    JsonBody(request): JsonBody<CreateFamilyLinkRequest>,
) -> Result<Json<FamilyLinkCreated>, ApiFailure> {
    let base = request.server_url.trim().trim_end_matches('/').to_owned();
    let plausible = (base.starts_with("https://") || base.starts_with("http://"))
        && base.len() <= 200
        && !base
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '?' || c == '#');
    if !plausible {
        return Err(ApiFailure::from(ServerError::Invalid(
            "The server address must start with https:// (or http://) and hold no spaces: check it in the settings.".into(),
        )));
    }
    let now = state.now();
    state
        .blocking(move |db| {
            let guardian = match records::live(
                &db.conn,
                &RecordKey::new(RecordKind::Guardian, request.guardian_id.as_str()),
            )? {
                Some(Record::Guardian(g)) => g,
                _ => {
                    return Err(ApiFailure::not_found(format!(
                        "There is no family {}: save the family first, then create its link.",
                        request.guardian_id
                    )))
                }
            };
            let language = request
                .language
                .unwrap_or_else(|| view::family_language(guardian.language));
            let tx = db.conn.transaction().map_err(ServerError::from)?;
            let (link, token) = links::create(&tx, now, &caller.actor(), &guardian.id, language)?;
            tx.commit().map_err(ServerError::from)?;
            let url = format!("{base}{FAMILY_PREFIX}{token}");
            let children: Vec<String> = view::children_of(&db.conn, &guardian.id)?
                .into_iter()
                .map(|c| c.first_name)
                .collect();
            let (subject, message) = texts::link_message(link.language, &children, &url);
            Ok(FamilyLinkCreated {
                qr_svg: qr::svg(&url),
                link,
                url,
                message,
                subject,
            })
        })
        .await
        .map(Json)
}

#[derive(Debug, Deserialize)]
pub(crate) struct GuardianQuery {
    guardian_id: Option<String>,
    limit: Option<u32>,
}

/// `GET /api/v1/family-links?guardian_id=`: the links, newest first.
pub(crate) async fn get_family_links(
    State(state): State<AppState>,
    Coordinator(_): Coordinator,
    query: Result<Query<GuardianQuery>, QueryRejection>,
) -> Result<Json<Vec<FamilyLinkInfo>>, ApiFailure> {
    let Query(query) =
        query.map_err(|e| ApiFailure::malformed(format!("{e}; use ?guardian_id=.")))?;
    let now = state.now();
    state
        .read(move |conn| {
            let guardian = query.guardian_id.map(GuardianId);
            links::list(conn, now, guardian.as_ref()).map_err(ApiFailure::from)
        })
        .await
        .map(Json)
}

/// `DELETE /api/v1/family-links/<id>`: the link stops working at once.
pub(crate) async fn delete_family_link(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiFailure> {
    let now = state.now();
    state
        .blocking(move |db| {
            if links::revoke(&db.conn, now, &caller.actor(), &id, "revoke")? {
                Ok(StatusCode::NO_CONTENT)
            } else {
                Err(ApiFailure::not_found(format!(
                    "There is no family link {id}; it may have been removed already."
                )))
            }
        })
        .await
}

/// `GET /api/v1/family-notices?guardian_id=&limit=`: what was sent to
/// families, to whom, when, what failed, and what is left to tell or do.
pub(crate) async fn get_family_notices(
    State(state): State<AppState>,
    Coordinator(_): Coordinator,
    query: Result<Query<GuardianQuery>, QueryRejection>,
) -> Result<Json<Vec<FamilyNotice>>, ApiFailure> {
    let Query(query) =
        query.map_err(|e| ApiFailure::malformed(format!("{e}; use ?guardian_id= and ?limit=.")))?;
    state
        .read(move |conn| {
            let guardian = query.guardian_id.map(GuardianId);
            notices::list(
                conn,
                guardian.as_ref(),
                query.limit.unwrap_or(200).clamp(1, 1000),
            )
            .map_err(ApiFailure::from)
        })
        .await
        .map(Json)
}

/// `POST /api/v1/family-notices/<id>/done`: told by phone, or acted on.
pub(crate) async fn post_notice_done(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiFailure> {
    let now = state.now();
    state
        .blocking(move |db| {
            let by = caller.display_name.clone();
            if notices::mark_done(&db.conn, now, id, &by)? {
                crate::server::audit::log(
                    &db.conn,
                    now,
                    &caller.actor(),
                    crate::server::audit::AuditAction::Write,
                    &crate::server::audit::AuditKey {
                        kind: "family_notice",
                        id: id.to_string(),
                    },
                    "done",
                )?;
                Ok(StatusCode::NO_CONTENT)
            } else {
                Err(ApiFailure::not_found(format!(
                    "There is no notice {id}; reload the list."
                )))
            }
        })
        .await
}
