//! The user interface (Dioxus 0.7): one `Routable` enum, one file per screen
//! in `views/`, reusable pieces in `components/`.
//!
//! Depends on `domain`, `plan`, `store` and `sync`; never on the server.

use dioxus::prelude::*;

/// Starts the app on the platform chosen by the build features.
pub fn launch() {
    dioxus::launch(App);
}

/// The root component.
#[component]
pub fn App() -> Element {
    rsx! {
        main {
            h1 { "Itinérances" }
            p { lang: "fr", "Accompagner les enfants qui rendent visite à un parent en prison." }
            p { lang: "nl", "Kinderen begeleiden die een ouder in de gevangenis bezoeken." }
            p { lang: "en", "Accompanying children who visit a parent in prison." }
        }
    }
}
