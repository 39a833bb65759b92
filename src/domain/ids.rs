//! Typed identifiers: a `TripId` can never be passed where a `ChildId` is expected.
//!
//! Do not change the serialized form: ids travel on the wire as plain strings.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// A new random id.
            pub fn random() -> Self {
                Self(uuid::Uuid::new_v4().simple().to_string())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

typed_id!(
    /// A prison and its practical sheet.
    PrisonId
);
typed_id!(
    /// A visit room inside a prison.
    RoomId
);
typed_id!(
    /// A child who visits a parent.
    ChildId
);
typed_id!(
    /// A guardian: the free parent, a grandparent, a foster family, an institution.
    GuardianId
);
typed_id!(
    /// A detained parent.
    ParentId
);
typed_id!(
    /// A visit right decided for one child and one parent.
    VisitRightId
);
typed_id!(
    /// A volunteer of the network.
    VolunteerId
);
typed_id!(
    /// A planned trip.
    TripId
);
typed_id!(
    /// A series of trips: one family's regular visits to one parent, planned
    /// month after month from the visit rights' rhythm.
    SeriesId
);
typed_id!(
    /// One step logged on a trip.
    EventId
);
typed_id!(
    /// An account on the server (coordinator or volunteer).
    AccountId
);
typed_id!(
    /// An enrolled device (a phone, a browser, a desktop).
    DeviceId
);
typed_id!(
    /// An operation recorded by a device.
    OpId
);

/// Checks that an id is usable: non-empty, short, and made of safe characters.
pub fn validate_id(field: &'static str, id: &str) -> Result<(), super::ValidationError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        // Only the start of a wrong id is repeated: the message is stored
        // and sent back, and must not carry whatever length was sent.
        let shown: String = id.chars().take(24).filter(|c| !c.is_control()).collect();
        let more = if id.chars().count() > 24 { "…" } else { "" };
        Err(super::ValidationError::new(
            field,
            format!("\"{shown}{more}\" is not a valid id: use 1 to 64 letters, digits, '-' or '_'"),
        ))
    }
}
