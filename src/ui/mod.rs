//! The user interface (Dioxus 0.7): one [`Route`] enum is the map of every
//! screen, `views/` holds one file per screen, `components/` the reusable
//! pieces, `model` the plain data the screens show.
//!
//! Depends on `domain`, `plan`, `i18n`, `store` and `sync`; never on the
//! server. Platform specifics live in `platform`.

pub mod calendar;
pub mod components;
mod context;
pub mod disruption;
pub mod import;
pub mod model;
pub mod network;
mod platform;
pub mod text_keys;
pub mod today;
pub mod views;

pub use context::{
    use_app, use_app_provider, use_device, use_lang, use_screen_lang, use_sync_status,
    use_trip_memory, Action, AppContext, Boot, Clock, Device, HeldStep, ScreenLang, SyncState,
    TripMemory,
};

use crate::domain::{ChildId, GuardianId, ParentId, PrisonId, TripId, VolunteerId};
use crate::i18n::{t, Lang};
use components::Shell;
use dioxus::prelude::*;
use std::convert::Infallible;
use std::str::FromStr;
use views::MyKilometres;
use views::OfficeAudit;
use views::OfficeCalendar;
use views::PlanMonth;
use views::{AssignMonth, TripNew, TripPage};
use views::{
    ChildEdit, ChildFile, ChildNew, Children, Devices, Enroll, FamiliesImport, FamilyNotices,
    GuardianEdit, GuardianNew, NotFound, Office, OfficeFigures, OfficeHome, OfficeToday,
    ParentEdit, ParentNew, Parents, PrisonEdit, PrisonNew, PrisonSheet, Prisons, Report, RightNew,
    Settings, TripDetail, TripLog, Trips, VolunteerEdit, VolunteerImport, VolunteerNew, Volunteers,
};

const MAIN_CSS: Asset = asset!("/assets/main.css");

/// Every screen of the app, and its address: the volunteer's phone screens
/// (and those every role shares) in the phone frame, the coordinators'
/// workspace under `/office` in its wide frame, and a page for any other
/// address.
#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Trips {},
        #[route("/enroll?:code")]
        Enroll { code: String },
        #[route("/trip/:id")]
        TripDetail { id: TripId },
        #[route("/trip/:id/log")]
        TripLog { id: TripId },
        #[route("/trip/:id/report")]
        Report { id: TripId },
        #[route("/prison/:id")]
        PrisonSheet { id: PrisonId },
        #[route("/settings")]
        Settings {},
        #[route("/kilometres")]
        MyKilometres {},
    #[end_layout]
    #[nest("/office")]
        #[layout(Office)]
            #[route("/")]
            OfficeHome {},
            #[route("/today")]
            OfficeToday {},
            #[route("/children")]
            Children {},
            #[route("/children/new")]
            ChildNew {},
            #[route("/children/:id")]
            ChildFile { id: ChildId },
            #[route("/children/:id/edit")]
            ChildEdit { id: ChildId },
            #[route("/children/:id/rights/new")]
            RightNew { id: ChildId },
            #[route("/families/import")]
            FamiliesImport {},
            #[route("/families/new")]
            GuardianNew {},
            #[route("/families/:id/edit")]
            GuardianEdit { id: GuardianId },
            #[route("/prisons")]
            Prisons {},
            #[route("/prisons/new")]
            PrisonNew {},
            #[route("/prisons/:id")]
            PrisonEdit { id: PrisonId },
            #[route("/parents")]
            Parents {},
            #[route("/parents/new")]
            ParentNew {},
            #[route("/parents/:id")]
            ParentEdit { id: ParentId },
            #[route("/volunteers")]
            Volunteers {},
            #[route("/volunteers/new")]
            VolunteerNew {},
            #[route("/volunteers/import")]
            VolunteerImport {},
            #[route("/volunteers/:id")]
            VolunteerEdit { id: VolunteerId },
            #[route("/devices")]
            Devices {},
            #[route("/family-notices")]
            FamilyNotices {},
            #[route("/trips/new")]
            TripNew {},
            #[route("/trips/:id")]
            TripPage { id: TripId },
            #[route("/assign")]
            AssignMonth {},
            #[route("/plan")]
            PlanMonth {},
            #[route("/figures")]
            OfficeFigures {},
            #[route("/audit")]
            OfficeAudit {},
            #[route("/calendar")]
            OfficeCalendar {},
        #[end_layout]
    #[end_nest]
    #[route("/:..segments")]
    NotFound { segments: Vec<String> },
}

// Ids in addresses: any text parses; a wrong id shows "not on this device".
impl FromStr for TripId {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(TripId::from(s))
    }
}

impl FromStr for ChildId {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(ChildId::from(s))
    }
}

impl FromStr for GuardianId {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(GuardianId::from(s))
    }
}

impl FromStr for VolunteerId {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(VolunteerId::from(s))
    }
}

impl FromStr for ParentId {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(ParentId::from(s))
    }
}

impl FromStr for PrisonId {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(PrisonId::from(s))
    }
}

/// Starts the app on the platform chosen by the build features.
#[cfg(not(feature = "desktop"))]
pub fn launch() {
    dioxus::launch(App);
}

/// Starts the app in a desktop window shaped like the phone screens it
/// shows (they are at most 430 px wide), titled after the network.
#[cfg(feature = "desktop")]
pub fn launch() {
    use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
    let window = WindowBuilder::new()
        .with_title("Itinérances")
        .with_inner_size(LogicalSize::new(460.0, 860.0))
        .with_min_inner_size(LogicalSize::new(360.0, 480.0));
    dioxus::LaunchBuilder::desktop()
        .with_cfg(Config::new().with_window(window).with_menu(None))
        .launch(App);
}

/// The root component: opens this device's store (in a browser this takes a
/// moment: the data is read and decrypted first), provides the app's state
/// and shows the screens.
#[component]
pub fn App() -> Element {
    let opened = use_resource(platform::open_store);
    let lang = use_hook(|| platform::device_language().unwrap_or(Lang::Fr));
    let opened = opened.read();
    match &*opened {
        None => rsx! {
            document::Stylesheet { href: MAIN_CSS }
            main { class: "fatal", role: "status", lang: lang.code(),
                h1 { "Itinérances" }
                p { {t(lang, "app-opening")} }
            }
        },
        Some(Ok(opened)) => rsx! {
            if let Some(why) = &opened.not_kept {
                p { class: "banner notice store-notice", role: "alert", lang: lang.code(),
                    {t(lang, "store-not-kept")}
                    " ({why})"
                }
            }
            AppWith { boot: BootProp(Boot::new(opened.store.clone())) }
        },
        Some(Err(error)) => rsx! {
            document::Stylesheet { href: MAIN_CSS }
            main { class: "fatal",
                h1 { "Itinérances" }
                p { "{error}" }
            }
        },
    }
}

/// What [`AppWith`] starts from. Two boots are the same app when they share
/// the same store.
#[derive(Clone)]
pub struct BootProp(pub Boot);

impl PartialEq for BootProp {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0.store, &other.0.store)
    }
}

/// The app over a given store (the component tests start here too).
#[component]
pub fn AppWith(boot: BootProp) -> Element {
    use_app_provider(boot.0);
    let lang = use_lang();
    use_effect(use_reactive((&lang,), |(lang,)| {
        platform::set_document_lang(lang.code())
    }));
    rsx! {
        document::Stylesheet { href: MAIN_CSS }
        Router::<Route> {}
    }
}
