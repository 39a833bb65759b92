//! Accounts, devices and their credentials: one-time enrollment codes, bearer
//! tokens, and the [`Caller`] every authenticated handler receives.
//!
//! Codes and tokens are random and only their SHA-256 is stored: a copy of
//! the database does not let anyone sign in.

use super::audit::{self, Actor, AuditAction};
use super::db::Db;
use super::error::ApiFailure;
use super::limits::ClientAddr;
use super::request::JsonBody;
use super::{records, AppState, ServerError};
use crate::domain::{AccountId, DeviceId, RecordKey, RecordKind, VolunteerId};
use crate::protocol::{CreateCodeResponse, EnrollRequest, EnrollResponse, Role};
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// Letters and digits that cannot be mistaken for one another when read
/// aloud or copied from paper (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 8;

/// How long an enrollment code stays valid unless said otherwise.
pub const DEFAULT_CODE_VALIDITY: Duration = Duration::days(7);

/// The authenticated device behind a request.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub device_id: DeviceId,
    pub account_id: AccountId,
    pub role: Role,
    pub volunteer_id: Option<VolunteerId>,
    /// The account's name, which a coordinator signs steps and reports with.
    pub display_name: String,
}

impl Caller {
    pub fn actor(&self) -> Actor {
        Actor {
            account_id: Some(self.account_id.clone()),
            device_id: Some(self.device_id.clone()),
        }
    }
}

pub(crate) fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn new_token() -> String {
    hex(&rand::random::<[u8; 32]>())
}

fn new_code() -> String {
    let mut rng = rand::rng();
    let chars: String = (0..CODE_LEN)
        .map(|_| {
            let i = rng.random_range(0..CODE_ALPHABET.len());
            char::from(CODE_ALPHABET.get(i).copied().unwrap_or(b'A'))
        })
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// The canonical form of a typed code: upper case, without spaces or dashes.
fn normalize_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// Why a token does not let its device in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenRefusal {
    /// Unknown or revoked.
    Unknown,
    /// The device has not synced for longer than the server allows.
    Expired,
}

impl From<TokenRefusal> for ApiFailure {
    fn from(refusal: TokenRefusal) -> Self {
        match refusal {
            TokenRefusal::Unknown => ApiFailure::unauthenticated(),
            TokenRefusal::Expired => ApiFailure::new(
                StatusCode::UNAUTHORIZED,
                "token_expired",
                "This device has not synced for a long time, so it was signed out to protect the children's data. Ask your coordinator for a new code and enroll it again.",
            ),
        }
    }
}

type TokenRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
);

/// The device holding `token`, unless it was revoked or has not synced for
/// longer than `expiry`.
pub(crate) fn caller_for_token(
    conn: &Connection,
    token: &str,
    now: DateTime<Utc>,
    expiry: Duration,
) -> Result<Result<Caller, TokenRefusal>, ServerError> {
    let row: Option<TokenRow> = super::db::cached_row(
        conn,
        "SELECT d.id, a.id, a.role, a.volunteer_id, a.display_name, d.created_at, d.last_seen
             FROM devices d JOIN accounts a ON a.id = d.account_id
             WHERE d.token_hash = ?1 AND d.revoked_at IS NULL",
        params![sha256_hex(token)],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        },
    )
    .optional()?;
    let Some((device, account, role, volunteer, display_name, created_at, last_seen)) = row else {
        return Ok(Err(TokenRefusal::Unknown));
    };
    let active = last_seen.unwrap_or(created_at);
    let active = DateTime::parse_from_rfc3339(&active)
        .map_err(|e| ServerError::Corrupt(format!("device time {active}: {e}")))?;
    if active < now - expiry {
        return Ok(Err(TokenRefusal::Expired));
    }
    let role = Role::parse(&role).ok_or_else(|| ServerError::Corrupt(format!("role {role}")))?;
    Ok(Ok(Caller {
        device_id: DeviceId(device),
        account_id: AccountId(account),
        role,
        volunteer_id: volunteer.map(VolunteerId),
        display_name,
    }))
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiFailure> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty() && t.len() <= 128)
            .ok_or_else(ApiFailure::unauthenticated)?;
        let (now, expiry) = (state.now(), state.token_expiry());
        state
            .read(move |conn| {
                caller_for_token(conn, &token, now, expiry)
                    .map_err(ApiFailure::from)?
                    .map_err(ApiFailure::from)
            })
            .await
    }
}

/// A caller who is a coordinator: handlers that take it can only be reached
/// by coordinators, and their signature says so.
pub(crate) struct Coordinator(pub Caller);

impl FromRequestParts<AppState> for Coordinator {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiFailure> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match caller.role {
            Role::Coordinator => Ok(Coordinator(caller)),
            Role::Volunteer => Err(ApiFailure::forbidden(
                "Only coordinators can do this. Ask your coordinator if you need it done.",
            )),
        }
    }
}

/// Creates (or, for a volunteer who has one, reuses) an account and a fresh
/// one-time code for it.
pub(crate) fn create_code(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    role: Role,
    display_name: &str,
    volunteer_id: Option<VolunteerId>,
    valid_for: Duration,
) -> Result<CreateCodeResponse, ServerError> {
    let display_name = display_name.trim();
    if display_name.is_empty() || display_name.chars().count() > 120 {
        return Err(ServerError::Invalid(
            "Give the name of the person this code is for (1 to 120 characters).".into(),
        ));
    }
    let volunteer_id = match role {
        Role::Coordinator => None,
        Role::Volunteer => {
            let id = volunteer_id.ok_or_else(|| {
                ServerError::Invalid(
                    "A volunteer's code must name the volunteer record it is for (volunteer_id)."
                        .into(),
                )
            })?;
            let key = RecordKey::new(RecordKind::Volunteer, id.as_str());
            if !records::exists(conn, &key)? {
                return Err(ServerError::Invalid(format!(
                    "There is no volunteer with id {id}: add the volunteer first, then create the code."
                )));
            }
            Some(id)
        }
    };
    let existing: Option<String> = match &volunteer_id {
        Some(v) => super::db::cached_row(
            conn,
            "SELECT id FROM accounts WHERE role = 'volunteer' AND volunteer_id = ?1",
            params![v.as_str()],
            |r| r.get(0),
        )
        .optional()?,
        None => None,
    };
    let account_id = match existing {
        Some(id) => {
            conn.execute(
                "UPDATE accounts SET display_name = ?2 WHERE id = ?1",
                params![id, display_name],
            )?;
            AccountId(id)
        }
        None => {
            let id = AccountId::random();
            conn.execute(
                "INSERT INTO accounts (id, role, display_name, volunteer_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id.as_str(),
                    role.as_str(),
                    display_name,
                    volunteer_id.as_ref().map(|v| v.as_str()),
                    now.to_rfc3339()
                ],
            )?;
            id
        }
    };
    let expires_at = now + valid_for;
    // A clash between two random codes is astronomically rare; try again then.
    for _ in 0..5 {
        let code = new_code();
        let hash = normalize_code(&code)
            .map(|c| sha256_hex(&c))
            .unwrap_or_default();
        let inserted = conn.execute(
            "INSERT OR IGNORE INTO enrollment_codes (code_hash, account_id, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                hash,
                account_id.as_str(),
                now.to_rfc3339(),
                expires_at.to_rfc3339()
            ],
        )?;
        if inserted == 1 {
            audit::log(
                conn,
                now,
                actor,
                AuditAction::Write,
                &audit::account_key(&account_id),
                &format!(
                    "create {} code for {display_name}, valid until {}",
                    role.as_str(),
                    expires_at.format("%Y-%m-%d %H:%M UTC")
                ),
            )?;
            return Ok(CreateCodeResponse {
                code,
                account_id,
                expires_at,
                enroll_link: None,
                qr_svg: None,
            });
        }
    }
    Err(ServerError::Internal(
        "could not draw a fresh enrollment code".into(),
    ))
}

fn code_failure(code: &str, message: &str) -> ApiFailure {
    ApiFailure::new(StatusCode::UNAUTHORIZED, code, message)
}

/// Turns a one-time code into a device and its bearer token.
pub(crate) fn enroll(
    db: &mut Db,
    now: DateTime<Utc>,
    request: &EnrollRequest,
) -> Result<EnrollResponse, ApiFailure> {
    let invalid = || {
        code_failure(
            "invalid_code",
            "This code is not valid. Check it with your coordinator: it has 8 letters and digits, like ABCD-EFGH.",
        )
    };
    let device_name = request.device_name.trim();
    if device_name.is_empty() || device_name.chars().count() > 80 {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            "invalid_device_name",
            "Give this device a name of 1 to 80 characters (for example \"Marie's phone\").",
        ));
    }
    let code = normalize_code(&request.code).ok_or_else(invalid)?;
    let tx = db.conn.transaction().map_err(ServerError::from)?;
    let row = super::db::cached_row(
        &tx,
        "SELECT c.account_id, c.expires_at, c.used_at, a.role, a.display_name, a.volunteer_id
             FROM enrollment_codes c JOIN accounts a ON a.id = c.account_id
             WHERE c.code_hash = ?1",
        params![sha256_hex(&code)],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        },
    )
    .optional()
    .map_err(ServerError::from)?;
    let (account_id, expires_at, used_at, role, display_name, volunteer_id) =
        row.ok_or_else(invalid)?;
    if used_at.is_some() {
        return Err(code_failure(
            "used_code",
            "This code has already been used to enroll a device. Ask your coordinator for a new code.",
        ));
    }
    let expired = DateTime::parse_from_rfc3339(&expires_at).map_or(true, |at| at <= now);
    if expired {
        return Err(code_failure(
            "expired_code",
            "This code has expired. Ask your coordinator for a new code.",
        ));
    }
    let role = Role::parse(&role)
        .ok_or_else(|| ApiFailure::from(ServerError::Corrupt(format!("role {role}"))))?;
    let device_id = DeviceId::random();
    let token = new_token();
    let run = || -> Result<(), rusqlite::Error> {
        tx.execute(
            "INSERT INTO devices (id, account_id, name, token_hash, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                device_id.as_str(),
                account_id,
                device_name,
                sha256_hex(&token),
                now.to_rfc3339()
            ],
        )?;
        tx.execute(
            "UPDATE enrollment_codes SET used_at = ?2, device_id = ?3 WHERE code_hash = ?1",
            params![sha256_hex(&code), now.to_rfc3339(), device_id.as_str()],
        )?;
        Ok(())
    };
    run().map_err(ServerError::from)?;
    let actor = Actor {
        account_id: Some(AccountId(account_id.clone())),
        device_id: Some(device_id.clone()),
    };
    audit::log(
        &tx,
        now,
        &actor,
        AuditAction::Write,
        &audit::device_key(&device_id),
        &format!("enroll {role}: {device_name}", role = role.as_str()),
    )?;
    tx.commit().map_err(ServerError::from)?;
    tracing::info!(device = %device_id, account = %account_id, "device enrolled");
    Ok(EnrollResponse {
        device_id,
        token,
        account_id: AccountId(account_id),
        role,
        display_name,
        volunteer_id: volunteer_id.map(VolunteerId),
    })
}

pub(crate) async fn post_enroll(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    JsonBody(request): JsonBody<EnrollRequest>,
) -> Result<Json<EnrollResponse>, ApiFailure> {
    let now = state.now();
    let attempt = state.enroll_guard().begin(addr, now)?;
    let result = state.blocking(move |db| enroll(db, now, &request)).await;
    if let Err(failure) = &result {
        if matches!(
            failure.error.code.as_str(),
            "invalid_code" | "used_code" | "expired_code"
        ) {
            attempt.wrong(now);
            tracing::warn!(?addr, code = %failure.error.code, "wrong enrollment code");
        }
    }
    result.map(Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_forgiving_to_type() {
        let code = new_code();
        assert_eq!(code.len(), 9);
        let canonical = normalize_code(&code).unwrap();
        assert_eq!(
            normalize_code(&code.to_lowercase()),
            Some(canonical.clone())
        );
        assert_eq!(
            normalize_code(&code.replace('-', " ")),
            Some(canonical.clone())
        );
        assert_eq!(normalize_code(&canonical), Some(canonical));
        assert_eq!(normalize_code("ABCD-EFG"), None);
        assert_eq!(
            normalize_code("ABCD-EFG0"),
            None,
            "0 is not in the alphabet"
        );
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
