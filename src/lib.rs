//! Itinérances companion: children visiting a parent in prison, the volunteers
//! who take them, and the coordinators who plan the trips.
//!
//! Layers, from the bottom: [`domain`] ← [`plan`], [`protocol`] ← [`store`],
//! [`sync`] ← `ui`, `server`. See ARCHITECTURE.md.

pub mod demo;
pub mod domain;
pub mod figures;
pub mod i18n;
pub mod plan;
pub mod protocol;
#[cfg(feature = "server")]
pub mod server;
pub mod store;
pub mod sync;
pub mod ui;
