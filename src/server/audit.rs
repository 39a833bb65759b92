//! The audit log: who read and who changed which record, and when.

use super::ServerError;
use crate::domain::{AccountId, DeviceId, RecordKey, RecordKind};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

pub use crate::protocol::{AuditAction, AuditEntry};

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
    pub action: Option<AuditAction>,
    /// Rows at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Rows before this time.
    pub until: Option<DateTime<Utc>>,
    /// Only rows about one of these (kind, id): a person's records.
    pub keys: Option<Vec<(String, String)>>,
}

/// The person an audit search is about, as `kind:id` in the query.
pub(crate) fn parse_person(text: &str) -> Option<(RecordKind, String)> {
    let (kind, id) = text.split_once(':')?;
    let kind = RecordKind::parse(kind)?;
    let person = matches!(
        kind,
        RecordKind::Child | RecordKind::Guardian | RecordKind::Volunteer | RecordKind::Parent
    );
    (person && !id.is_empty()).then(|| (kind, id.to_owned()))
}

/// Everything the audit log may name about one person: their own record,
/// and the records that carry their data. A child: its visit rights and
/// trips. A guardian (family): the family's children (with theirs) and the
/// trips that pick up at home. A parent: their visit rights and trips. A
/// volunteer: their account(s) and devices (codes, enrollments, revocations).
pub(crate) fn person_keys(
    conn: &Connection,
    kind: RecordKind,
    id: &str,
) -> Result<Vec<(String, String)>, ServerError> {
    let mut keys = vec![(kind.as_str().to_owned(), id.to_owned())];
    let referring =
        |target: &RecordKey, kinds: &[RecordKind]| -> Result<Vec<RecordKey>, ServerError> {
            Ok(super::records::referrers(conn, target)?
                .into_iter()
                .filter(|k| kinds.contains(&k.kind))
                .collect())
        };
    let own = RecordKey::new(kind, id);
    let mut found = Vec::new();
    match kind {
        RecordKind::Child | RecordKind::Parent => {
            found.extend(referring(
                &own,
                &[RecordKind::VisitRight, RecordKind::Trip],
            )?);
        }
        RecordKind::Guardian => {
            for child in referring(&own, &[RecordKind::Child])? {
                found.extend(referring(
                    &child,
                    &[RecordKind::VisitRight, RecordKind::Trip],
                )?);
                found.push(child);
            }
            found.extend(referring(&own, &[RecordKind::Trip])?);
        }
        RecordKind::Volunteer => {
            let mut accounts =
                conn.prepare_cached("SELECT id FROM accounts WHERE volunteer_id = ?1")?;
            let ids = accounts
                .query_map(params![id], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            let mut devices =
                conn.prepare_cached("SELECT id FROM devices WHERE account_id = ?1")?;
            for account in ids {
                for device in devices
                    .query_map(params![account], |r| r.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()?
                {
                    keys.push(("device".to_owned(), device));
                }
                keys.push(("account".to_owned(), account));
            }
        }
        _ => {}
    }
    for key in found {
        let pair = (key.kind.as_str().to_owned(), key.id);
        if !keys.contains(&pair) {
            keys.push(pair);
        }
    }
    Ok(keys)
}

/// One page of the audit log, newest first, with the names of who and which
/// device.
pub(crate) fn page(
    conn: &Connection,
    filter: &AuditFilter,
) -> Result<Vec<AuditEntry>, ServerError> {
    let Some(keys) = &filter.keys else {
        return page_of(
            conn,
            filter,
            filter.kind.as_deref(),
            filter.record_id.as_deref(),
        );
    };
    let mut rows = Vec::new();
    for (kind, id) in keys {
        let wanted = filter.kind.as_deref().is_none_or(|k| k == kind)
            && filter.record_id.as_deref().is_none_or(|r| r == id);
        if wanted {
            rows.extend(page_of(conn, filter, Some(kind), Some(id))?);
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.id));
    rows.dedup_by_key(|r| r.id);
    rows.truncate(filter.limit as usize);
    Ok(rows)
}

fn page_of(
    conn: &Connection,
    filter: &AuditFilter,
    kind: Option<&str>,
    record_id: Option<&str>,
) -> Result<Vec<AuditEntry>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.at, a.account_id, a.device_id, a.action, a.kind, a.record_id, a.detail,
                COALESCE(ac.display_name, ''), COALESCE(d.name, '')
         FROM audit_log a
         LEFT JOIN accounts ac ON ac.id = a.account_id
         LEFT JOIN devices d ON d.id = a.device_id
         WHERE a.id < ?1 AND (?2 IS NULL OR a.kind = ?2) AND (?3 IS NULL OR a.record_id = ?3)
           AND (?4 IS NULL OR a.action = ?4) AND (?5 IS NULL OR a.at >= ?5)
           AND (?6 IS NULL OR a.at < ?6)
         ORDER BY a.id DESC LIMIT ?7",
    )?;
    let stamp = |t: &DateTime<Utc>| t.to_rfc3339();
    let rows = stmt.query_map(
        params![
            filter.before.unwrap_or(i64::MAX),
            kind,
            record_id,
            filter.action.map(AuditAction::as_str),
            filter.from.as_ref().map(stamp),
            filter.until.as_ref().map(stamp),
            filter.limit
        ],
        |r| {
            Ok((
                (
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ),
                (
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                ),
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let ((id, at, account_id, device_id, action), (kind, record_id, detail, who, device)) =
            row?;
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
            who,
            device,
        });
    }
    Ok(out)
}
