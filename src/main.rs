//! The `itinerances` program: the backend's command line (feature `server`
//! alone), or the app (features `web`, `desktop`, `mobile`).

#[cfg(any(feature = "web", feature = "desktop", feature = "mobile"))]
fn main() {
    itinerances::ui::launch();
}

#[cfg(not(any(feature = "web", feature = "desktop", feature = "mobile")))]
fn main() {
    eprintln!("Build with a feature: `server`, `web`, `desktop` or `mobile`.");
}
