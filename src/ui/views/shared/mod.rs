//! Screens every role sees: enrollment, settings, and the page for an
//! address that leads nowhere.

mod enroll;
mod not_found;
mod settings;

pub use enroll::{enroll_error_key, parse_enroll_link, Enroll};
pub use not_found::NotFound;
pub use settings::Settings;
