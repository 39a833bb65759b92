//! The coordinators' workspace, for wide screens (a laptop's browser or the
//! desktop app): the overview, the children and their visit rights, devices
//! and access. A volunteer's device never shows it.

mod child_form;
mod children;
mod devices;
mod guardian_form;
mod home;
mod import;
mod layout;
mod parents;
mod prisons;
mod right_form;
mod volunteer_form;
mod volunteers;

pub use child_form::{ChildEdit, ChildNew};
pub use children::{ChildFile, Children};
pub use devices::Devices;
pub use guardian_form::{GuardianEdit, GuardianNew};
pub use home::OfficeHome;
pub use import::VolunteerImport;
pub use layout::Office;
pub use parents::{ParentEdit, ParentNew, Parents};
pub use prisons::{PrisonEdit, Prisons};
pub use right_form::RightNew;
pub use volunteer_form::{VolunteerEdit, VolunteerNew};
pub use volunteers::Volunteers;
