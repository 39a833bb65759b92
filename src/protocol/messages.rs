//! Requests and responses of the sync, enrollment and administration endpoints.
//!
//! Do not change: this is serialized.

use super::{Hlc, Operation};
use crate::domain::{AccountId, DeviceId, OpId, Record, RecordKey, VolunteerId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The version of this wire format. A server answers a request of another
/// version with a readable error telling the user to update the app.
///
/// 2: the server stamps every operation itself (see `server::sync`), and an
/// operation that lost to a newer edit is answered `superseded`.
pub const PROTOCOL_VERSION: u32 = 2;

/// Most operations a device sends in one request; more wait for the next.
pub const MAX_OPS_PER_REQUEST: usize = 500;

/// A position in the server's change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(pub u64);

/// One round trip: the operations the server has not acknowledged yet, and
/// where the device stands in the change log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncRequest {
    pub version: u32,
    /// `None` on a device's first sync (or after it lost its data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<Cursor>,
    #[serde(default)]
    pub ops: Vec<Operation>,
}

/// Why the server refused an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectCode {
    /// The sender's role or scope does not allow it.
    Forbidden,
    /// It refers to something that does not exist (any more).
    NotFound,
    /// Its content is not valid.
    Invalid,
    /// Someone changed the record later: their newer version is kept, and is
    /// what the device shows once it rolls its own change back.
    Superseded,
}

/// What became of one operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Applied (or found already applied): the change is part of the record.
    Applied,
    /// Refused, with a reason a person can read. The device rolls it back and
    /// keeps it visible as refused.
    Rejected { code: RejectCode, message: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpResult {
    pub seq: u64,
    pub op_id: OpId,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The server's answer to one [`SyncRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncResponse {
    pub version: u32,
    /// One result per operation of the request, in order.
    pub results: Vec<OpResult>,
    /// Records of the device's scope that changed since its cursor (or that
    /// entered its scope).
    pub changes: Vec<Record>,
    /// Records that left the device's scope: it must purge them.
    pub removed: Vec<RecordKey>,
    /// True when `changes` is the device's whole scope: everything else it
    /// holds from the server must go.
    #[serde(default)]
    pub reset: bool,
    pub cursor: Cursor,
    /// The server's clock, so that the device's clock moves past it.
    pub clock: Hlc,
}

/// A refusal of a whole request (HTTP 4xx/5xx), in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

/// The roles an account can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Coordinator,
    Volunteer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Volunteer => "volunteer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "coordinator" => Some(Role::Coordinator),
            "volunteer" => Some(Role::Volunteer),
            _ => None,
        }
    }
}

/// Enrolls a device with the one-time code a coordinator gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollRequest {
    pub code: String,
    pub device_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollResponse {
    pub device_id: DeviceId,
    /// The bearer token for every later request. The server keeps only its hash.
    pub token: String,
    pub account_id: AccountId,
    pub role: Role,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_id: Option<VolunteerId>,
}

/// A coordinator asks for a one-time enrollment code for someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCodeRequest {
    pub role: Role,
    pub display_name: String,
    /// For a volunteer: which volunteer record the account is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_id: Option<VolunteerId>,
    /// The server address as the coordinator's app knows it: the answer
    /// then carries a link and a QR code with that address and the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCodeResponse {
    pub code: String,
    pub account_id: AccountId,
    pub expires_at: DateTime<Utc>,
    /// `<server>/enroll?code=<code>`: scanned or pasted into the app's enroll
    /// screen, it fills both fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enroll_link: Option<String>,
    /// The link as a QR code, an SVG image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_svg: Option<String>,
}

/// One enrolled device, as coordinators see it in the list of devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceInfo {
    pub device_id: DeviceId,
    pub account_id: AccountId,
    /// The person the device belongs to.
    pub person: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_id: Option<VolunteerId>,
    /// The name given at enrollment ("Marie's phone").
    pub name: String,
    pub enrolled_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_sync: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
    /// How many of its changes the server refused.
    pub refused: u64,
}

/// Whether a record was read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Read,
    Write,
}

impl AuditAction {
    /// The word stored in the audit log.
    pub fn as_str(self) -> &'static str {
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
    /// The name of the person whose account it was (empty for the server).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// The name given to the device at enrollment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub device: String,
}

/// What the server's retention will remove, as coordinators see it ahead
/// (`GET /api/v1/retention`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPreview {
    /// Step notes and reports' free text are removed this many days after
    /// the trip.
    pub notes_days: i64,
    /// A child with no visit right still running and no trip for this many
    /// days is made anonymous.
    pub children_days: i64,
    /// Audit rows are deleted after this many days.
    pub audit_days: i64,
    /// What the next run removes (it runs every hour).
    pub due_now: RetentionCounts,
    /// What goes within the next 30 days, beyond that.
    pub within_30_days: RetentionCounts,
    /// The next items, soonest first (at most 100), with the day they go.
    pub next: Vec<RetentionItem>,
}

/// How many of each kind of personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionCounts {
    /// Steps with a note, reports with free text.
    pub notes: u64,
    pub children: u64,
    /// Guardians and parents (absent from servers before they were counted).
    #[serde(default)]
    pub people: u64,
    pub audit_rows: u64,
}

/// One record whose personal data goes on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionItem {
    pub kind: String,
    pub record_id: String,
    pub due: DateTime<Utc>,
}
