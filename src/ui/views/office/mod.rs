//! The coordinators' workspace, for wide screens (a laptop's browser or the
//! desktop app): the overview, the children and their visit rights, devices
//! and access. A volunteer's device never shows it.

mod children;
mod devices;
mod home;
mod layout;

pub use children::{ChildFile, Children};
pub use devices::Devices;
pub use home::OfficeHome;
pub use layout::Office;
