//! The notices the server holds: read for coordinators (newest first, per
//! guardian), marked done when told by phone, and the e-mails to send with
//! their retries (sent, or failed and tried again later).

use crate::domain::{GuardianId, TripId};
use crate::protocol::{FamilyNotice, NoticeChannel, NoticeKind, NoticeStatus};
use crate::server::ServerError;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// A notice as a row of `family_notices`.
type NoticeRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
);

const NOTICE_COLUMNS: &str =
    "id, created_at, guardian_id, trip_id, kind, channel, recipient, language,
    subject, body, status, attempts, last_error, sent_at, done_at";

fn notice_of(row: NoticeRow) -> Result<FamilyNotice, ServerError> {
    let (
        id,
        created,
        guardian,
        trip,
        kind,
        channel,
        recipient,
        language,
        subject,
        body,
        status,
        attempts,
        error,
        sent,
        done,
    ) = row;
    let time = |t: &str| {
        DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| ServerError::Corrupt(format!("notice time {t}: {e}")))
    };
    let corrupt = |what: &str, value: &str| ServerError::Corrupt(format!("notice {what} {value}"));
    Ok(FamilyNotice {
        id,
        created_at: time(&created)?,
        guardian_id: GuardianId(guardian),
        trip_id: trip.map(TripId),
        kind: NoticeKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        channel: NoticeChannel::parse(&channel).ok_or_else(|| corrupt("channel", &channel))?,
        recipient,
        language: match language.as_str() {
            "nl" => crate::domain::Language::Nl,
            "en" => crate::domain::Language::En,
            _ => crate::domain::Language::Fr,
        },
        subject,
        body,
        status: NoticeStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        attempts: u32::try_from(attempts).unwrap_or(0),
        last_error: error,
        sent_at: sent.as_deref().map(time).transpose()?,
        done_at: done.as_deref().map(time).transpose()?,
    })
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<NoticeRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
        r.get(13)?,
        r.get(14)?,
    ))
}

/// The notices, newest first (those of one guardian when given).
pub(crate) fn list(
    conn: &Connection,
    guardian: Option<&GuardianId>,
    limit: u32,
) -> Result<Vec<FamilyNotice>, ServerError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {NOTICE_COLUMNS} FROM family_notices
         WHERE (?1 IS NULL OR guardian_id = ?1) ORDER BY id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![guardian.map(|g| g.as_str()), limit], row)?;
    let mut out = Vec::new();
    for r in rows {
        out.push(notice_of(r?)?);
    }
    Ok(out)
}

/// Marks a notice told (by phone) or acted on; `false` when there is none.
pub(crate) fn mark_done(
    conn: &Connection,
    now: DateTime<Utc>,
    id: i64,
    by: &str,
) -> Result<bool, ServerError> {
    let changed = conn.execute(
        "UPDATE family_notices SET status = 'done', done_at = ?2, done_by = ?3
         WHERE id = ?1 AND status IN ('to_tell', 'to_act', 'failed', 'queued')",
        params![id, now.to_rfc3339(), by],
    )?;
    if changed == 0 {
        let exists: Option<i64> = conn
            .query_row(
                "SELECT id FROM family_notices WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        return Ok(exists.is_some());
    }
    Ok(true)
}

/// E-mails due now (queued, or failed and due for another try).
pub(crate) fn due_emails(
    conn: &Connection,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<FamilyNotice>, ServerError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {NOTICE_COLUMNS} FROM family_notices
         WHERE channel = 'email' AND status IN ('queued', 'failed') AND (next_try IS NULL OR next_try <= ?1)
         ORDER BY id LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now.to_rfc3339(), limit], row)?;
    let mut out = Vec::new();
    for r in rows {
        out.push(notice_of(r?)?);
    }
    Ok(out)
}

/// How long to wait before trying a failed e-mail again: one minute, then
/// doubling, at most an hour.
pub(crate) fn retry_after(attempts: u32) -> Duration {
    Duration::minutes(1i64 << attempts.min(6)).min(Duration::hours(1))
}

/// Notes the outcome of sending one e-mail.
pub(crate) fn mark_sent(
    conn: &Connection,
    now: DateTime<Utc>,
    id: i64,
    outcome: Result<(), String>,
) -> Result<(), ServerError> {
    match outcome {
        Ok(()) => conn.execute(
            "UPDATE family_notices SET status = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = NULL
             WHERE id = ?1 AND status IN ('queued', 'failed')",
            params![id, now.to_rfc3339()],
        )?,
        Err(error) => {
            let attempts: i64 = conn.query_row(
                "SELECT attempts FROM family_notices WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )?;
            let next = now + retry_after(u32::try_from(attempts + 1).unwrap_or(u32::MAX));
            let error: String = error.chars().take(300).collect();
            conn.execute(
                "UPDATE family_notices SET status = 'failed', attempts = attempts + 1, last_error = ?2, next_try = ?3
                 WHERE id = ?1 AND status IN ('queued', 'failed')",
                params![id, error, next.to_rfc3339()],
            )?
        }
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_emails_wait_longer_each_time_but_never_more_than_an_hour() {
        assert_eq!(retry_after(1), Duration::minutes(2));
        assert!(retry_after(3) > retry_after(2));
        assert_eq!(retry_after(40), Duration::hours(1));
    }
}
