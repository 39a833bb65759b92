//! Imports of records by the server itself (demo data, tests): validated like
//! a coordinator's edits, stamped with the server's clock.

use super::audit::{self, Actor, AuditAction};
use super::db::Db;
use super::{records, ServerError};
use crate::domain::Record;
use chrono::{DateTime, Utc};

pub(crate) fn load_records(
    db: &mut Db,
    now: DateTime<Utc>,
    batch: Vec<Record>,
) -> Result<(), ServerError> {
    for record in &batch {
        record
            .validate()
            .map_err(|e| ServerError::Invalid(format!("{}: {e}", record.key())))?;
    }
    let tx = db.conn.transaction()?;
    let mut clock = db.clock.clone();
    for record in &batch {
        clock = clock.tick(now.timestamp_millis());
        records::write(&tx, &record.key(), Some(record), &clock.to_string())?;
        audit::log(
            &tx,
            now,
            &Actor::default(),
            AuditAction::Write,
            &record.key(),
            "import",
        )?;
    }
    // References are checked once the whole batch is in: its order is free.
    for record in &batch {
        if let Some(missing) = records::missing_reference(&tx, record)? {
            return Err(ServerError::Invalid(format!(
                "{} refers to {missing}, which does not exist",
                record.key()
            )));
        }
    }
    tx.commit()?;
    db.clock = clock;
    Ok(())
}
