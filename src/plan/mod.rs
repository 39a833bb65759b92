//! Planning decisions as pure functions.
