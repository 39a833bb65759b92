//! Demo mode: a fresh database with the demo network and a code for each
//! person one can sign in as.

use super::{AppState, ServerError, ServerOptions};
use crate::demo::demo_network;
use crate::protocol::Role;
use chrono::{Duration, NaiveDate};
use std::path::Path;

/// Demo codes last long enough to try the product over a few weeks.
pub const DEMO_CODE_VALIDITY: Duration = Duration::days(30);

/// A code, and for whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub code: String,
    pub name: String,
    pub role: Role,
}

/// Deletes the database at `db_path`, recreates it with the demo network
/// around `today`, and creates one code for the coordinator and one for each
/// volunteer.
pub fn prepare_demo(
    db_path: &Path,
    options: ServerOptions,
    today: NaiveDate,
) -> Result<(AppState, Vec<DemoLogin>), ServerError> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db_path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    let state = AppState::open(db_path, options)?;
    let network = demo_network(today);
    state.load_records(network.records)?;
    let mut logins = Vec::new();
    let coordinator = state.create_enrollment_code_valid_for(
        Role::Coordinator,
        &network.coordinator_name,
        None,
        DEMO_CODE_VALIDITY,
    )?;
    logins.push(DemoLogin {
        code: coordinator.code,
        name: network.coordinator_name,
        role: Role::Coordinator,
    });
    for (id, name) in network.volunteers {
        let created = state.create_enrollment_code_valid_for(
            Role::Volunteer,
            &name,
            Some(id),
            DEMO_CODE_VALIDITY,
        )?;
        logins.push(DemoLogin {
            code: created.code,
            name,
            role: Role::Volunteer,
        });
    }
    Ok((state, logins))
}
