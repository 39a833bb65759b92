//! What the fuzz test of the server (`tests/server_fuzz.rs`) sends: the
//! shapes of its cases and their proptest strategies ([`inputs`]), and how a
//! case becomes the bytes of a request ([`bodies`]).

pub mod bodies;
pub mod inputs;

/// Mirrors of the server's limits (`server::request`), to aim just around them.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
pub const MAX_INFLATED_BYTES: usize = 8 * 1024 * 1024;
