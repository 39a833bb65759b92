//! The coordinators' workspace, for wide screens (a laptop's browser or the
//! desktop app): the overview, the children and their visit rights, devices
//! and access. A volunteer's device never shows it.

mod assign;
mod audit;
mod calendar;
mod child_form;
mod children;
mod devices;
mod entry;
mod family_link;
mod family_notices;
mod figures;
mod guardian_form;
mod home;
mod import;
mod layout;
mod parents;
mod plan_month;
mod prison_rooms;
mod prisons;
mod review;
mod right_form;
mod today;
mod trip_assign;
mod trip_draft;
mod trip_page;
mod trip_series;
mod volunteer_form;
mod volunteers;

// The router reaches the screens through `entry` only, so that the web app
// can keep them out of what a volunteer's phone downloads.
pub use entry::OfficeAudit;
pub use entry::OfficeCalendar;
pub use entry::PlanMonth;
pub use entry::{AssignMonth, TripNew, TripPage};
pub use entry::{
    ChildEdit, ChildFile, ChildNew, Children, Devices, FamiliesImport, FamilyNotices, GuardianEdit,
    GuardianNew, OfficeFigures, OfficeHome, OfficeToday, ParentEdit, ParentNew, Parents,
    PrisonEdit, PrisonNew, Prisons, RightNew, VolunteerEdit, VolunteerImport, VolunteerNew,
    Volunteers,
};
pub use layout::Office;
