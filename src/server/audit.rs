//! The audit log: who read and who changed which record, and when.

use super::ServerError;
use crate::domain::{AccountId, DeviceId, RecordKey};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// Whether a record was read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Read,
    Write,
}

impl AuditAction {
    fn as_str(self) -> &'static str {
        match self {
            AuditAction::Read => "read",
            AuditAction::Write => "write",
        }
    }
}

/// One row of the audit log, as `GET /api/v1/audit` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// The row's number: a page's last `id` is where the next page starts.
    #[serde(default)]
    pub id: i64,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<AccountId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<DeviceId>,
    pub action: AuditAction,
    pub kind: String,
    pub record_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// Who did something: a device of an account, or the server itself (imports).
#[derive(Debug, Clone, Default)]
pub(crate) struct Actor {
    pub account_id: Option<AccountId>,
    pub device_id: Option<DeviceId>,
}

/// The audit key of a device: enrollments and revocations are written
/// against it.
pub(crate) fn device_key(device: &DeviceId) -> AuditKey {
    AuditKey {
        kind: "device",
        id: device.as_str().to_owned(),
    }
}

/// The audit key of an account: the codes created for it.
pub(crate) fn account_key(account: &AccountId) -> AuditKey {
    AuditKey {
        kind: "account",
        id: account.as_str().to_owned(),
    }
}

/// What an audit row is about: a record, or an account or device.
pub(crate) struct AuditKey {
    pub kind: &'static str,
    pub id: String,
}

/// [`AuditKey`] borrowed, as [`log`] takes it.
pub(crate) struct AuditKeyRef<'k> {
    kind: &'static str,
    id: &'k str,
}

impl<'k> From<&'k RecordKey> for AuditKeyRef<'k> {
    fn from(key: &'k RecordKey) -> Self {
        AuditKeyRef {
            kind: key.kind.as_str(),
            id: &key.id,
        }
    }
}

impl<'k> From<&'k AuditKey> for AuditKeyRef<'k> {
    fn from(key: &'k AuditKey) -> Self {
        AuditKeyRef {
            kind: key.kind,
            id: &key.id,
        }
    }
}

pub(crate) fn log<'k>(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: &Actor,
    action: AuditAction,
    key: impl Into<AuditKeyRef<'k>>,
    detail: &str,
) -> Result<(), ServerError> {
    let key = key.into();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit_log (at, account_id, device_id, action, kind, record_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        at.to_rfc3339(),
        actor.account_id.as_ref().map(|a| a.as_str()),
        actor.device_id.as_ref().map(|d| d.as_str()),
        action.as_str(),
        key.kind,
        key.id,
        detail
    ])?;
    Ok(())
}

/// Which rows of the audit log to read.
#[derive(Debug, Clone, Default)]
pub(crate) struct AuditFilter {
    pub limit: u32,
    pub before: Option<i64>,
    pub kind: Option<String>,
    pub record_id: Option<String>,
}

/// One page of the audit log, newest first.
pub(crate) fn page(
    conn: &Connection,
    filter: &AuditFilter,
) -> Result<Vec<AuditEntry>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, account_id, device_id, action, kind, record_id, detail
         FROM audit_log
         WHERE id < ?1 AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR record_id = ?3)
         ORDER BY id DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![
            filter.before.unwrap_or(i64::MAX),
            filter.kind,
            filter.record_id,
            filter.limit
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, account_id, device_id, action, kind, record_id, detail) = row?;
        let at = DateTime::parse_from_rfc3339(&at)
            .map_err(|e| ServerError::Corrupt(format!("audit time {at}: {e}")))?
            .with_timezone(&Utc);
        let action = if action == "read" {
            AuditAction::Read
        } else {
            AuditAction::Write
        };
        out.push(AuditEntry {
            id,
            at,
            account_id: account_id.map(AccountId),
            device_id: device_id.map(DeviceId),
            action,
            kind,
            record_id,
            detail,
        });
    }
    Ok(out)
}
