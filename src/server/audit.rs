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

pub(crate) fn log(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: &Actor,
    action: AuditAction,
    key: &RecordKey,
    detail: &str,
) -> Result<(), ServerError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit_log (at, account_id, device_id, action, kind, record_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        at.to_rfc3339(),
        actor.account_id.as_ref().map(|a| a.as_str()),
        actor.device_id.as_ref().map(|d| d.as_str()),
        action.as_str(),
        key.kind.as_str(),
        key.id,
        detail
    ])?;
    Ok(())
}

/// The latest `limit` rows, newest first.
pub(crate) fn latest(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, account_id, device_id, action, kind, record_id, detail
         FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map(params![limit], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, account_id, device_id, action, kind, record_id, detail) = row?;
        let at = DateTime::parse_from_rfc3339(&at)
            .map_err(|e| ServerError::Corrupt(format!("audit time {at}: {e}")))?
            .with_timezone(&Utc);
        let action = if action == "read" {
            AuditAction::Read
        } else {
            AuditAction::Write
        };
        out.push(AuditEntry {
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
