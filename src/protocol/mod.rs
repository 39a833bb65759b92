//! The wire format of sync: the only thing that crosses the network between a
//! device and the server. Versioned; frozen by fixed-output tests.
//!
//! Depends on `domain` only: no I/O, no UI, no server.
//!
//! Do not change the serialized form of any type here without raising
//! [`PROTOCOL_VERSION`]: phones in the field run old versions for months.

mod change;
mod family;
mod hlc;
mod messages;

pub use change::*;
pub use family::*;
pub use hlc::*;
pub use messages::*;

#[cfg(test)]
mod frozen_tests;
