//! The user interface.

pub fn launch() {}
