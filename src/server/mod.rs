//! The backend: an axum application over one SQLite database.
//!
//! Devices enroll with a one-time code, then sync through one endpoint that
//! applies their operations exactly once and answers with the changes of
//! their scope. Coordinators also create codes, revoke devices and read the
//! audit log. The web bundle, when given, is served from the same process.
//!
//! Stands on `domain` and `protocol`; knows nothing of the user interface.

mod admin;
mod apply;
mod audit;
mod auth;
pub mod cli;
mod db;
mod demo_mode;
mod error;
mod family;
mod figures;
mod headers;
mod import;
mod limits;
mod live;
mod qr;
mod records;
mod request;
mod retention;
mod routes;
mod scope;
mod serve;
mod sync;

pub use audit::{AuditAction, AuditEntry};
pub use auth::DEFAULT_CODE_VALIDITY;
pub use demo_mode::{prepare_demo, DemoLogin, DEMO_CODE_VALIDITY};
pub use error::{ApiFailure, ServerError};
pub use family::{SmtpOptions, SmtpSecurity};
pub use retention::{RetentionPolicy, RetentionRun, ANONYMOUS};
pub use routes::{launch_with_listener, router};
pub use serve::{raise_open_file_limit, ConnectionLimits};

use crate::domain::{Record, RecordKey, RecordKind, VolunteerId};
use crate::protocol::{CreateCodeResponse, Hlc, Role};
use chrono::{DateTime, Duration, Utc};
use db::Db;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The server's notion of "now": the wall clock in production, a fixed or
/// stepped time in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// How far around today a volunteer's device holds trips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeWindow {
    pub past_days: i64,
    pub future_days: i64,
}

impl Default for ScopeWindow {
    fn default() -> Self {
        Self {
            past_days: 14,
            future_days: 120,
        }
    }
}

#[derive(Clone)]
pub struct ServerOptions {
    pub clock: Clock,
    pub scope_window: ScopeWindow,
    /// The web app's files, served for every path that is not the API.
    pub web_dir: Option<PathBuf>,
    /// A device that has not synced for this long is signed out: its token
    /// stops working and the app asks to enroll again.
    pub token_expiry: Duration,
    pub connection_limits: ConnectionLimits,
    /// The coordination's phone number, on every family page and notice.
    pub coordination_phone: String,
    /// The SMTP server that sends families their notices; without it they
    /// are listed for the coordinators to tell by phone.
    pub smtp: Option<SmtpOptions>,
    /// How often queued and failed e-mails are looked at.
    pub mail_poll: std::time::Duration,
    /// The network's name, at the head of the figures' PDF report and of
    /// volunteers' statements.
    pub network_name: String,
    /// How long personal data is kept before the server removes it.
    pub retention: RetentionPolicy,
}

/// The network's name when none is given.
pub const DEFAULT_NETWORK_NAME: &str = "Itinérances";

/// How long a device may go without syncing before its token expires.
pub const DEFAULT_TOKEN_EXPIRY: Duration = Duration::days(90);

/// Read-only connections beside the writer: idle syncs and token checks run
/// on these, side by side, without waiting for the write lock.
const READERS: usize = 4;

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            clock: Arc::new(Utc::now),
            scope_window: ScopeWindow::default(),
            web_dir: None,
            token_expiry: DEFAULT_TOKEN_EXPIRY,
            connection_limits: ConnectionLimits::default(),
            coordination_phone: String::new(),
            smtp: None,
            mail_poll: std::time::Duration::from_secs(30),
            network_name: DEFAULT_NETWORK_NAME.to_owned(),
            retention: RetentionPolicy::default(),
        }
    }
}

struct Inner {
    db: Mutex<Db>,
    readers: Vec<Mutex<rusqlite::Connection>>,
    next_reader: AtomicUsize,
    /// The server's clock as the last write left it, for answers that do not
    /// take the write lock.
    read_clock: Mutex<Hlc>,
    options: ServerOptions,
    enroll_guard: limits::EnrollGuard,
    /// Tells connected devices that something changed.
    changes: live::Changes,
    /// The last idle answer of each device, to answer the next one at once.
    quiet: Mutex<std::collections::HashMap<crate::domain::DeviceId, sync::QuietMark>>,
    /// Unknown family links count against their address like wrong codes.
    family_guard: limits::EnrollGuard,
    /// Woken when a write queues an e-mail to a family.
    mail_wake: tokio::sync::Notify,
}

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

impl AppState {
    /// Opens (creating and migrating when needed) the database at `db_path`.
    pub fn open(db_path: &Path, options: ServerOptions) -> Result<AppState, ServerError> {
        let db = db::open(db_path)?;
        let noted = family::note_unseen_trips(&db.conn, (options.clock)())?;
        if noted > 0 {
            tracing::info!(trips = noted, "noted what families see of earlier trips");
        }
        let readers = (0..READERS)
            .map(|_| db::open_reader(db_path).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AppState {
            inner: Arc::new(Inner {
                read_clock: Mutex::new(db.clock.clone()),
                db: Mutex::new(db),
                readers,
                next_reader: AtomicUsize::new(0),
                options,
                enroll_guard: limits::EnrollGuard::default(),
                changes: live::Changes::default(),
                quiet: Mutex::new(std::collections::HashMap::new()),
                family_guard: limits::EnrollGuard::default(),
                mail_wake: tokio::sync::Notify::new(),
            }),
        })
    }

    /// Tells the devices listening for changes that something was written
    /// (`from`: the device that wrote it, which is not told).
    pub(crate) fn notify_changed(&self, from: Option<&crate::domain::DeviceId>) {
        self.inner.changes.notify(from);
    }

    /// The mark of the device's last idle answer (see `sync::QuietMark`).
    pub(crate) fn quiet_mark(&self, device: &crate::domain::DeviceId) -> Option<sync::QuietMark> {
        self.inner.quiet.lock().ok()?.get(device).cloned()
    }

    pub(crate) fn set_quiet_mark(
        &self,
        device: &crate::domain::DeviceId,
        mark: Option<sync::QuietMark>,
    ) {
        if let Ok(mut marks) = self.inner.quiet.lock() {
            match mark {
                Some(mark) => marks.insert(device.clone(), mark),
                None => marks.remove(device),
            };
        }
    }

    /// How many devices are listening for changes.
    pub fn listeners(&self) -> usize {
        self.inner.changes.listeners()
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        (self.inner.options.clock)()
    }

    pub(crate) fn enroll_guard(&self) -> &limits::EnrollGuard {
        &self.inner.enroll_guard
    }

    pub(crate) fn family_guard(&self) -> &limits::EnrollGuard {
        &self.inner.family_guard
    }

    pub(crate) fn network_name(&self) -> &str {
        &self.inner.options.network_name
    }

    pub(crate) fn coordination_phone(&self) -> &str {
        &self.inner.options.coordination_phone
    }

    /// How notices to families go out.
    pub(crate) fn notice_settings(&self) -> family::notices::NoticeSettings {
        family::notices::NoticeSettings {
            email: self.inner.options.smtp.is_some(),
            phone: self.inner.options.coordination_phone.clone(),
        }
    }

    pub(crate) fn mail_wake(&self) -> &tokio::sync::Notify {
        &self.inner.mail_wake
    }

    /// Starts sending the families' e-mails, when an SMTP server is set.
    pub fn spawn_mailer(&self) {
        if let Some(smtp) = self.inner.options.smtp.clone() {
            tokio::spawn(family::mailer::run(
                self.clone(),
                smtp,
                self.inner.options.mail_poll,
            ));
        }
    }

    /// Removes the personal data that is due (see `retention`), now.
    pub async fn run_retention(&self) -> Result<RetentionRun, ServerError> {
        let now = self.now();
        let policy = self.inner.options.retention;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut db = state
                .inner
                .db
                .lock()
                .map_err(|_| ServerError::Internal("database lock poisoned".into()))?;
            retention::run(&mut db, now, &policy)
        })
        .await
        .map_err(|e| ServerError::Internal(format!("retention failed: {e}")))?
    }

    /// Runs the retention at start and then every hour.
    pub fn spawn_retention(&self) {
        let state = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                every.tick().await;
                match state.run_retention().await {
                    Ok(run) if run != RetentionRun::default() => tracing::info!(
                        notes = run.notes,
                        children = run.children,
                        people = run.people,
                        messages = run.messages,
                        audit_rows = run.audit_rows,
                        "personal data past its retention removed"
                    ),
                    Ok(_) => {}
                    Err(e) => tracing::error!("retention: {e}"),
                }
            }
        });
    }

    pub(crate) fn retention_policy(&self) -> RetentionPolicy {
        self.inner.options.retention
    }

    pub(crate) fn scope_window(&self) -> ScopeWindow {
        self.inner.options.scope_window
    }

    pub(crate) fn token_expiry(&self) -> Duration {
        self.inner.options.token_expiry
    }

    /// Publishes the writer's clock to the answers that only read.
    pub(crate) fn publish_clock(&self, clock: &Hlc) {
        let mut shared = self
            .inner
            .read_clock
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if *clock > *shared {
            *shared = clock.clone();
        }
    }

    /// The server's clock for an answer that wrote nothing.
    pub(crate) fn tick_read_clock(&self, now_millis: i64) -> Hlc {
        let mut shared = self
            .inner
            .read_clock
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *shared = shared.tick(now_millis);
        shared.clone()
    }

    /// Runs `f` on a read-only connection on a blocking thread: it never
    /// waits for the write lock, and many run at once.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Connection) -> Result<T, ApiFailure> + Send + 'static,
    ) -> Result<T, ApiFailure> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let readers = &state.inner.readers;
            let start = state.inner.next_reader.fetch_add(1, Ordering::Relaxed);
            // A free connection if there is one, else wait for the next in turn.
            let free = (0..readers.len())
                .filter_map(|i| readers.get((start + i) % readers.len()))
                .find_map(|r| r.try_lock().ok());
            let conn = match free {
                Some(conn) => conn,
                None => match readers.get(start % readers.len().max(1)) {
                    Some(r) => r.lock().unwrap_or_else(|p| p.into_inner()),
                    None => {
                        return Err(ApiFailure::from(ServerError::Internal(
                            "no read connection".into(),
                        )))
                    }
                },
            };
            f(&conn)
        })
        .await
        .map_err(|e| ApiFailure::from(ServerError::Internal(format!("worker failed: {e}"))))?
    }

    /// Runs `f` with the database, on the calling thread.
    fn with_db<T, E: From<ServerError>>(
        &self,
        f: impl FnOnce(&mut Db) -> Result<T, E>,
    ) -> Result<T, E> {
        // A panic while holding the lock leaves no open transaction behind
        // (rusqlite rolls back on drop), so the connection is still sound.
        let mut db = self.inner.db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut db)
    }

    /// Runs `f` with the database on a blocking thread, off the async workers.
    pub(crate) async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Db) -> Result<T, ApiFailure> + Send + 'static,
    ) -> Result<T, ApiFailure> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || state.with_db(f))
            .await
            .map_err(|e| ApiFailure::from(ServerError::Internal(format!("worker failed: {e}"))))?
    }

    /// Creates an account (or reuses a volunteer's) with a one-time code,
    /// valid [`DEFAULT_CODE_VALIDITY`].
    pub fn create_enrollment_code(
        &self,
        role: Role,
        display_name: &str,
        volunteer_id: Option<VolunteerId>,
    ) -> Result<CreateCodeResponse, ServerError> {
        self.create_enrollment_code_valid_for(
            role,
            display_name,
            volunteer_id,
            DEFAULT_CODE_VALIDITY,
        )
    }

    pub fn create_enrollment_code_valid_for(
        &self,
        role: Role,
        display_name: &str,
        volunteer_id: Option<VolunteerId>,
        valid_for: Duration,
    ) -> Result<CreateCodeResponse, ServerError> {
        let now = self.now();
        self.with_db(|db| {
            auth::create_code(
                &db.conn,
                now,
                &audit::Actor::default(),
                role,
                display_name,
                volunteer_id,
                valid_for,
            )
        })
    }

    /// Whether a coordinator account exists (the first start creates one).
    pub fn has_coordinator(&self) -> Result<bool, ServerError> {
        self.with_db(|db| {
            let count: i64 = db.conn.query_row(
                "SELECT COUNT(*) FROM accounts WHERE role = 'coordinator'",
                [],
                |r| r.get(0),
            )?;
            Ok(count > 0)
        })
    }

    /// Imports records as the server itself (demo data, tests): each is
    /// validated, every reference must resolve within the database or the
    /// batch, and all are written with new positions in the change log.
    pub fn load_records(&self, records: Vec<Record>) -> Result<(), ServerError> {
        let now = self.now();
        self.with_db(|db| {
            let trips: Vec<Record> = records
                .iter()
                .filter(|r| r.kind() == RecordKind::Trip)
                .cloned()
                .collect();
            import::load_records(db, now, records)?;
            family::after_import(&db.conn, now, &trips)?;
            self.publish_clock(&db.clock);
            Ok(())
        })
    }

    /// The server's truth about one record (`None` when missing or deleted).
    pub fn record(&self, key: &RecordKey) -> Result<Option<Record>, ServerError> {
        self.with_db(|db| records::live(&db.conn, key))
    }

    /// Every live record of one kind.
    pub fn records(&self, kind: RecordKind) -> Result<Vec<Record>, ServerError> {
        self.with_db(|db| records::all_of(&db.conn, kind))
    }
}
