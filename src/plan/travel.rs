//! Travel estimates between two points, by car or public transport.
//!
//! A rough, offline estimate from the straight-line distance: no routing
//! service, so it works in a car park without signal. Depends on `domain` and
//! the `geo` crate only.

use crate::domain::{GeoPoint, TravelMode};
use geo::{Distance, Haversine, Point};

/// Roads are longer than the straight line. In Belgium's dense network a car
/// route is typically 20–40 % longer than the great-circle distance.
pub const CAR_ROAD_FACTOR: f64 = 1.3;
/// Buses and trains detour more than roads do (lines, changes at a station).
pub const PUBLIC_TRANSPORT_ROAD_FACTOR: f64 = 1.4;
/// Average car speed over a whole trip mixing motorway, ring roads and towns.
pub const CAR_KMH: f64 = 70.0;
/// Average door-to-door speed by bus, tram and train, changes included.
pub const PUBLIC_TRANSPORT_KMH: f64 = 30.0;
/// Parking near the prison and walking to the visitors' door.
pub const CAR_OVERHEAD_MINUTES: u32 = 10;
/// Waiting for the first connection and walking from the last stop.
pub const PUBLIC_TRANSPORT_OVERHEAD_MINUTES: u32 = 20;

/// How far and how long, one way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TravelEstimate {
    pub road_km: f64,
    pub minutes: u32,
}

/// The straight-line distance in kilometres (0 for coordinates that are not numbers).
pub(crate) fn straight_km(from: GeoPoint, to: GeoPoint) -> f64 {
    // geo points are (x = longitude, y = latitude).
    let metres = Haversine.distance(Point::new(from.lon, from.lat), Point::new(to.lon, to.lat));
    if metres.is_finite() {
        metres / 1000.0
    } else {
        0.0
    }
}

/// Estimates the road distance and travel time from `from` to `to`.
pub fn estimate_travel(from: GeoPoint, to: GeoPoint, mode: TravelMode) -> TravelEstimate {
    let (factor, kmh, overhead) = match mode {
        TravelMode::Car => (CAR_ROAD_FACTOR, CAR_KMH, CAR_OVERHEAD_MINUTES),
        TravelMode::PublicTransport => (
            PUBLIC_TRANSPORT_ROAD_FACTOR,
            PUBLIC_TRANSPORT_KMH,
            PUBLIC_TRANSPORT_OVERHEAD_MINUTES,
        ),
    };
    let road_km = straight_km(from, to) * factor;
    // Round up: being a minute early at a prison door is better than late.
    let driving = (road_km / kmh * 60.0).ceil();
    // Clamp so absurd coordinates cannot overflow; 24 hours is beyond any trip.
    let minutes = overhead + driving.clamp(0.0, 24.0 * 60.0) as u32;
    TravelEstimate { road_km, minutes }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHAERBEEK: GeoPoint = GeoPoint::new(50.8676, 4.3737);
    const HAREN: GeoPoint = GeoPoint::new(50.8895, 4.4195);
    const JAMBES: GeoPoint = GeoPoint::new(50.4560, 4.8700);
    const LANTIN: GeoPoint = GeoPoint::new(50.6855, 5.5470);
    const ANTWERPEN: GeoPoint = GeoPoint::new(51.2120, 4.3960);
    const ARLON: GeoPoint = GeoPoint::new(49.6830, 5.8150);

    #[test]
    fn estimates_match_belgian_distances() {
        use TravelMode::{Car, PublicTransport as Pt};
        // (from, to, mode) → (road km to 0.1, minutes). For scale: Jambes to
        // Lantin is about 65 km by road, Antwerp to Arlon about 250 km.
        let table = [
            (SCHAERBEEK, HAREN, Car, 5.2, 15),
            (JAMBES, LANTIN, Car, 70.5, 71),
            (JAMBES, LANTIN, Pt, 75.9, 172),
            (ANTWERPEN, ARLON, Car, 256.7, 231),
            (HAREN, HAREN, Car, 0.0, CAR_OVERHEAD_MINUTES),
            (HAREN, HAREN, Pt, 0.0, PUBLIC_TRANSPORT_OVERHEAD_MINUTES),
        ];
        for (from, to, mode, km, minutes) in table {
            let e = estimate_travel(from, to, mode);
            let got = ((e.road_km * 10.0).round() / 10.0, e.minutes);
            assert_eq!(got, (km, minutes), "{from:?} → {to:?} by {mode:?}");
        }
    }

    #[test]
    fn public_transport_is_slower_than_car() {
        let car = estimate_travel(SCHAERBEEK, ANTWERPEN, TravelMode::Car);
        let pt = estimate_travel(SCHAERBEEK, ANTWERPEN, TravelMode::PublicTransport);
        assert!(pt.minutes > car.minutes && pt.road_km > car.road_km);
    }

    #[test]
    fn coordinates_that_are_not_numbers_do_not_panic() {
        let e = estimate_travel(GeoPoint::new(f64::NAN, 4.0), HAREN, TravelMode::Car);
        assert_eq!(
            e,
            TravelEstimate {
                road_km: 0.0,
                minutes: CAR_OVERHEAD_MINUTES
            }
        );
    }
}
