//! The server's SQLite database: opening it durably, and its migrations.
//!
//! Every acknowledged operation must survive a power cut, hence WAL with
//! `synchronous=FULL`. Migrations are the numbered files of `migrations/`,
//! embedded in the binary and applied once each; an applied migration is never
//! edited, a new one is added.

use super::ServerError;
use crate::protocol::Hlc;
use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// The migrations, in order: (version, name, SQL).
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "0001_initial",
        include_str!("../../migrations/0001_initial.sql"),
    ),
    (
        2,
        "0002_device_acknowledged",
        include_str!("../../migrations/0002_device_acknowledged.sql"),
    ),
    (
        3,
        "0003_device_refused",
        include_str!("../../migrations/0003_device_refused.sql"),
    ),
    (
        4,
        "0004_family_links",
        include_str!("../../migrations/0004_family_links.sql"),
    ),
];

/// The connection and the server's clock, guarded together: the clock moves
/// in the same critical section as the writes it stamps.
pub(crate) struct Db {
    pub conn: Connection,
    pub clock: Hlc,
}

/// The node name of the server's hybrid logical clock.
pub(crate) const SERVER_NODE: &str = "server";

pub(crate) fn open(path: &Path) -> Result<Db, ServerError> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let mut conn = Connection::open(path)?;
    // `journal_mode` answers with the mode, so it is read as a query.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;",
    )?;
    migrate(&mut conn)?;
    let clock = stored_clock(&conn)?;
    Ok(Db { conn, clock })
}

/// A read-only connection to the same database, for the requests that only
/// read (idle syncs, token checks): in WAL mode they run beside the writer.
///
/// Readers map the database into memory: an idle sync reads a few hundred
/// small rows, and copying each page out of the page cache was a quarter of
/// its time (BENCHMARKS.md, load). The price: a disk failing under the file
/// stops the process instead of failing one request; the writer, which must
/// report every error, does not map.
pub(crate) fn open_reader(path: &Path) -> Result<Connection, ServerError> {
    let conn = Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA query_only = ON;
         PRAGMA busy_timeout = 5000;",
    )?;
    // `mmap_size` answers with the size set, so it is read as a query.
    let _mapped: i64 = conn.query_row("PRAGMA mmap_size = 268435456", [], |r| r.get(0))?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> Result<(), ServerError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
         )",
    )?;
    let current: i64 = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        [],
        |row| row.get(0),
    )?;
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    if current > known {
        return Err(ServerError::SchemaTooNew {
            found: current,
            known,
        });
    }
    for (version, name, sql) in MIGRATIONS {
        if *version <= current {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![version, name, Utc::now().to_rfc3339()],
        )?;
        tx.commit()?;
        tracing::info!(version, name, "applied migration");
    }
    Ok(())
}

/// The server's clock after a restart: never behind a stamp already stored,
/// so that a record written now wins over every earlier write.
fn stored_clock(conn: &Connection) -> Result<Hlc, ServerError> {
    let latest: Option<String> = conn
        .query_row("SELECT MAX(hlc) FROM records", [], |row| row.get(0))
        .optional()?
        .flatten();
    let zero = Hlc::zero(SERVER_NODE);
    Ok(match latest.as_deref().and_then(parse_hlc) {
        Some(stamp) => zero.observe(&stamp, 0),
        None => zero,
    })
}

/// Reads the text form of an [`Hlc`] (`millis:counter:node`, see its Display).
pub(crate) fn parse_hlc(text: &str) -> Option<Hlc> {
    let mut parts = text.splitn(3, ':');
    let millis = parts.next()?.parse().ok()?;
    let counter = parts.next()?.parse().ok()?;
    let node = parts.next()?.to_owned();
    Some(Hlc {
        millis,
        counter,
        node,
    })
}

/// A one-row query through the connection's statement cache: the reads every
/// sync makes are parsed once, not at each request.
pub(crate) fn cached_row<T, P, F>(
    conn: &Connection,
    sql: &str,
    params: P,
    f: F,
) -> rusqlite::Result<T>
where
    P: rusqlite::Params,
    F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
{
    conn.prepare_cached(sql)?.query_row(params, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_reads_back_from_its_text() {
        let stamp = Hlc {
            millis: 1_795_000_000_000,
            counter: 3,
            node: "dev:1".into(),
        };
        assert_eq!(parse_hlc(&stamp.to_string()), Some(stamp));
        assert_eq!(parse_hlc("garbage"), None);
    }

    #[test]
    fn migrations_apply_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite3");
        drop(open(&path).unwrap());
        let db = open(&path).unwrap();
        let count: i64 = db
            .conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, MIGRATIONS.len() as i64);
        let sync: i64 = db
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "FULL");
    }
}
