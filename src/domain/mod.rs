//! Plain types and rules of the field: prisons and their practical sheets, visit
//! rooms, children, guardians, detained parents, visit rights, volunteers, trips,
//! trip events and reports.
//!
//! This module does no I/O and depends on no other module of the crate: every
//! other layer stands on it. Validation returns readable errors, never panics.

mod ids;
mod people;
mod prison;
mod record;
mod trip;
mod validation;
mod visit_right;

pub use ids::*;
pub use people::*;
pub use prison::*;
pub use record::*;
pub use trip::*;
pub use validation::*;
pub use visit_right::*;

use serde::{Deserialize, Serialize};

/// A point on the map, in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    pub const fn new(lat: f64, lon: f64) -> Self {
        Self { lat, lon }
    }

    pub fn validate(&self, field: &'static str) -> Result<(), ValidationError> {
        if !(-90.0..=90.0).contains(&self.lat) || !(-180.0..=180.0).contains(&self.lon) {
            return Err(ValidationError::new(
                field,
                format!(
                    "coordinates {}, {} are not on Earth: latitude must be between -90 and 90, longitude between -180 and 180",
                    self.lat, self.lon
                ),
            ));
        }
        Ok(())
    }
}

/// Languages a child, a volunteer or a screen can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    Nl,
    En,
    De,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::Nl => "nl",
            Language::En => "en",
            Language::De => "de",
        }
    }
}
