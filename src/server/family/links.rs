//! Family links: a random token per guardian (only its SHA-256 is kept),
//! created, replaced and revoked by coordinators, each change audited.

use super::super::audit::{self, Actor, AuditAction, AuditKey};
use super::super::auth::sha256_hex;
use super::super::{records, ServerError};
use super::view::has_valid_right;
use crate::domain::{GuardianId, Language, RecordKey, RecordKind};
use crate::protocol::{FamilyLinkInfo, FamilyLinkState};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// Random bytes in a token: 160 bits, far beyond guessing.
const TOKEN_BYTES: usize = 20;
/// Crockford's base 32 in lower case: no i, l, o or u, which are mistaken
/// for digits or other letters when typed from a paper.
const TOKEN_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A new token: 32 characters of a 32-letter alphabet (5 bits each).
pub(crate) fn new_token() -> String {
    let bytes = rand::random::<[u8; TOKEN_BYTES]>();
    let mut out = String::with_capacity(TOKEN_BYTES * 8 / 5);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            let index = ((buffer >> bits) & 31) as usize;
            out.push(char::from(
                TOKEN_ALPHABET.get(index).copied().unwrap_or(b'a'),
            ));
        }
    }
    out
}

/// Whether `text` could be a token at all (checked before any lookup).
pub(crate) fn plausible_token(text: &str) -> bool {
    text.len() == TOKEN_BYTES * 8 / 5 && text.bytes().all(|b| TOKEN_ALPHABET.contains(&b))
}

/// The audit key of a family link: its creation, revocation and views.
pub(crate) fn link_key(id: &str) -> AuditKey {
    AuditKey {
        kind: "family_link",
        id: id.to_owned(),
    }
}

/// A link found by its token.
#[derive(Debug, Clone)]
pub(crate) struct FoundLink {
    pub id: String,
    pub guardian_id: GuardianId,
    pub language: Language,
    pub revoked: bool,
}

fn parse_language(code: &str) -> Language {
    match code {
        "nl" => Language::Nl,
        "en" => Language::En,
        _ => Language::Fr,
    }
}

pub(crate) fn find(conn: &Connection, token: &str) -> Result<Option<FoundLink>, ServerError> {
    if !plausible_token(token) {
        return Ok(None);
    }
    let row: Option<(String, String, String, Option<String>)> = conn
        .query_row(
            "SELECT id, guardian_id, language, revoked_at FROM family_links WHERE token_hash = ?1",
            params![sha256_hex(token)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(row.map(|(id, guardian, language, revoked)| FoundLink {
        id,
        guardian_id: GuardianId(guardian),
        language: parse_language(&language),
        revoked: revoked.is_some(),
    }))
}

/// Creates a link for `guardian` in `language`, revoking the guardian's
/// earlier links (a new link replaces them). Returns the link and its token.
pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    guardian: &GuardianId,
    language: Language,
) -> Result<(FamilyLinkInfo, String), ServerError> {
    let key = RecordKey::new(RecordKind::Guardian, guardian.as_str());
    if !records::exists(conn, &key)? {
        return Err(ServerError::NotFound(format!(
            "There is no family {guardian}: save the family first, then create its link."
        )));
    }
    let language = match language {
        Language::De => Language::En,
        other => other,
    };
    let replaced = revoke_all(conn, now, actor, guardian, "replaced by a new link")?;
    let id = uuid::Uuid::new_v4().simple().to_string();
    let token = new_token();
    conn.execute(
        "INSERT INTO family_links (id, guardian_id, token_hash, language, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            guardian.as_str(),
            sha256_hex(&token),
            language.code(),
            now.to_rfc3339(),
            actor.account_id.as_ref().map(|a| a.as_str())
        ],
    )?;
    audit::log(
        conn,
        now,
        actor,
        AuditAction::Write,
        &link_key(&id),
        &format!(
            "create family link for guardian {guardian} in {}{}",
            language.code(),
            if replaced > 0 {
                ", replacing the earlier one"
            } else {
                ""
            }
        ),
    )?;
    let info = FamilyLinkInfo {
        id,
        guardian_id: guardian.clone(),
        language,
        created_at: now,
        revoked_at: None,
        last_viewed: None,
        views: 0,
        state: if has_valid_right(conn, guardian, now)? {
            FamilyLinkState::Active
        } else {
            FamilyLinkState::Ended
        },
    };
    Ok((info, token))
}

/// Revokes every live link of `guardian`; returns how many.
fn revoke_all(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    guardian: &GuardianId,
    why: &str,
) -> Result<usize, ServerError> {
    let ids: Vec<String> = {
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM family_links WHERE guardian_id = ?1 AND revoked_at IS NULL",
        )?;
        let rows = stmt.query_map(params![guardian.as_str()], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in &ids {
        revoke(conn, now, actor, id, why)?;
    }
    Ok(ids.len())
}

/// Revokes one link; `false` when there is no such link.
pub(crate) fn revoke(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: &str,
    why: &str,
) -> Result<bool, ServerError> {
    let exists: Option<Option<String>> = conn
        .query_row(
            "SELECT revoked_at FROM family_links WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()?;
    match exists {
        None => Ok(false),
        Some(Some(_)) => Ok(true),
        Some(None) => {
            conn.execute(
                "UPDATE family_links SET revoked_at = ?2 WHERE id = ?1",
                params![id, now.to_rfc3339()],
            )?;
            audit::log(conn, now, actor, AuditAction::Write, &link_key(id), why)?;
            Ok(true)
        }
    }
}

/// Notes a view of a link (its count and time) and writes it in the audit log.
pub(crate) fn record_view(
    conn: &Connection,
    now: DateTime<Utc>,
    link: &FoundLink,
    detail: &str,
) -> Result<(), ServerError> {
    conn.execute(
        "UPDATE family_links SET views = views + 1, last_viewed = ?2 WHERE id = ?1",
        params![link.id, now.to_rfc3339()],
    )?;
    audit::log(
        conn,
        now,
        &Actor::default(),
        AuditAction::Read,
        &link_key(&link.id),
        &format!("family {}: {detail}", link.guardian_id),
    )
}

type LinkRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
);

/// The links of one guardian (or of every guardian), newest first.
pub(crate) fn list(
    conn: &Connection,
    now: DateTime<Utc>,
    guardian: Option<&GuardianId>,
) -> Result<Vec<FamilyLinkInfo>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, guardian_id, language, created_at, revoked_at, last_viewed, views
         FROM family_links WHERE (?1 IS NULL OR guardian_id = ?1)
         ORDER BY created_at DESC, rowid DESC LIMIT 500",
    )?;
    let rows = stmt.query_map(params![guardian.map(|g| g.as_str())], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })?;
    let time = |t: &str| {
        DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| ServerError::Corrupt(format!("family link time {t}: {e}")))
    };
    let mut out = Vec::new();
    for row in rows {
        let (id, guardian, language, created, revoked, viewed, views): LinkRow = row?;
        let guardian = GuardianId(guardian);
        let revoked_at = revoked.as_deref().map(time).transpose()?;
        let state = if revoked_at.is_some() {
            FamilyLinkState::Revoked
        } else if has_valid_right(conn, &guardian, now)? {
            FamilyLinkState::Active
        } else {
            FamilyLinkState::Ended
        };
        out.push(FamilyLinkInfo {
            id,
            guardian_id: guardian,
            language: parse_language(&language),
            created_at: time(&created)?,
            revoked_at,
            last_viewed: viewed.as_deref().map(time).transpose()?,
            views: u64::try_from(views).unwrap_or(0),
            state,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_160_random_bits_in_plain_letters() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(plausible_token(&a));
        assert!(!plausible_token(&a.to_uppercase()));
        assert!(!plausible_token(&a[..31]));
        assert!(!plausible_token("../../etc/passwd"));
    }
}
