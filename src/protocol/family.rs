//! What the coordinators' workspace asks of the server about families: their
//! links (created, listed, revoked) and the notices sent to them or left to
//! tell by phone. The families' own pages are HTML, not part of this.

use crate::domain::{GuardianId, Language, TripId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A coordinator asks for a family link for one guardian.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateFamilyLinkRequest {
    pub guardian_id: GuardianId,
    /// The language of the family's page and messages; the guardian's own
    /// when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The server address as the coordinator's app knows it: the link is
    /// built on it.
    pub server_url: String,
}

/// Where a family link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FamilyLinkState {
    Active,
    /// Taken back by a coordinator, or replaced by a newer link.
    Revoked,
    /// No visit right of the guardian's children is valid any more.
    Ended,
}

/// A family link as coordinators see it (never its token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyLinkInfo {
    pub id: String,
    pub guardian_id: GuardianId,
    pub language: Language,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_viewed: Option<DateTime<Utc>>,
    #[serde(default)]
    pub views: u64,
    pub state: FamilyLinkState,
}

/// A new link, shown once: only its hash is kept on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyLinkCreated {
    pub link: FamilyLinkInfo,
    /// The address the family opens.
    pub url: String,
    /// The text of a message to the guardian, with the address, in their language.
    pub message: String,
    /// The subject of an e-mail carrying [`message`](Self::message).
    pub subject: String,
    /// The address as a QR code, an SVG image, for a printed paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_svg: Option<String>,
}

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Planned,
    Moved,
    Cancelled,
    /// A family said they cannot come.
    CannotCome,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::Planned,
        NoticeKind::Moved,
        NoticeKind::Cancelled,
        NoticeKind::CannotCome,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Planned => "planned",
            NoticeKind::Moved => "moved",
            NoticeKind::Cancelled => "cancelled",
            NoticeKind::CannotCome => "cannot_come",
        }
    }

    pub fn parse(text: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// How a notice reaches its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeChannel {
    /// Sent by e-mail through the server's SMTP server.
    Email,
    /// The coordinator tells the family by phone or text message.
    Phone,
    /// From a family to the coordination.
    Office,
}

impl NoticeChannel {
    pub const ALL: [NoticeChannel; 3] = [
        NoticeChannel::Email,
        NoticeChannel::Phone,
        NoticeChannel::Office,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeChannel::Email => "email",
            NoticeChannel::Phone => "phone",
            NoticeChannel::Office => "office",
        }
    }

    pub fn parse(text: &str) -> Option<NoticeChannel> {
        NoticeChannel::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Where a notice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    /// Waiting for the SMTP server.
    Queued,
    Sent,
    /// The last try failed; it is tried again.
    Failed,
    /// To tell the family by phone or text message.
    ToTell,
    /// A family's message the coordination must act on.
    ToAct,
    /// Told, or acted on, by a coordinator.
    Done,
}

impl NoticeStatus {
    pub const ALL: [NoticeStatus; 6] = [
        NoticeStatus::Queued,
        NoticeStatus::Sent,
        NoticeStatus::Failed,
        NoticeStatus::ToTell,
        NoticeStatus::ToAct,
        NoticeStatus::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeStatus::Queued => "queued",
            NoticeStatus::Sent => "sent",
            NoticeStatus::Failed => "failed",
            NoticeStatus::ToTell => "to_tell",
            NoticeStatus::ToAct => "to_act",
            NoticeStatus::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<NoticeStatus> {
        NoticeStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether a coordinator still has something to do about it.
    pub fn needs_coordinator(self) -> bool {
        matches!(
            self,
            NoticeStatus::ToTell | NoticeStatus::ToAct | NoticeStatus::Failed
        )
    }
}

/// One notice, as the coordinators' screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyNotice {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub guardian_id: GuardianId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip_id: Option<TripId>,
    pub kind: NoticeKind,
    pub channel: NoticeChannel,
    /// The e-mail address or phone number it goes to (the family's, or the
    /// coordination's for a family's message).
    pub recipient: String,
    pub language: Language,
    pub subject: String,
    pub body: String,
    pub status: NoticeStatus,
    #[serde(default)]
    pub attempts: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<Utc>>,
}
