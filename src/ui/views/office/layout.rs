//! The frame of the workspace: a top bar, a side menu, the sync bar and the
//! screen. Not enrolled: the enroll screen. A volunteer's device: the
//! "nothing here" page, as for any address it has no business with.

use crate::i18n::t;
use crate::protocol::Role;
use crate::ui::components::{GuardedLink, LeaveQuestion, LeaveRequest, SyncBar};
use crate::ui::views::{Enroll, NotFound};
use crate::ui::{use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn Office() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    use_context_provider(|| LeaveRequest(Signal::new(None)));
    match device.role() {
        None => {
            return rsx! {
                div { class: "app", lang: lang.code(),
                    header { class: "topbar", span { class: "brand", "Itinérances" } }
                    main { Enroll {} }
                }
            }
        }
        Some(Role::Volunteer) => return rsx! { NotFound { segments: Vec::<String>::new() } },
        Some(Role::Coordinator) => {}
    }
    let route = use_route::<Route>();
    // A child's file belongs to the children's part of the menu.
    let section = match &route {
        Route::ChildFile { .. }
        | Route::ChildNew {}
        | Route::ChildEdit { .. }
        | Route::RightNew { .. }
        | Route::GuardianNew {}
        | Route::FamiliesImport {}
        | Route::GuardianEdit { .. } => Route::Children {},
        Route::VolunteerNew {} | Route::VolunteerEdit { .. } | Route::VolunteerImport {} => {
            Route::Volunteers {}
        }
        Route::ParentNew {} | Route::ParentEdit { .. } => Route::Parents {},
        Route::PrisonEdit { .. } | Route::PrisonNew {} => Route::Prisons {},
        Route::TripPage { .. } | Route::TripNew {} => Route::OfficeToday {},
        other => other.clone(),
    };
    let current =
        |target: &Route| std::mem::discriminant(target) == std::mem::discriminant(&section);
    let menu = [
        (Route::OfficeHome {}, "office-nav-home"),
        (Route::OfficeToday {}, "office-nav-today"),
        (Route::OfficeCalendar {}, "office-nav-calendar"),
        (Route::PlanMonth {}, "office-nav-plan"),
        (Route::AssignMonth {}, "office-nav-assign"),
        (Route::Children {}, "office-nav-children"),
        (Route::Parents {}, "office-nav-parents"),
        (Route::Volunteers {}, "office-nav-volunteers"),
        (Route::Prisons {}, "office-nav-prisons"),
        (Route::FamilyNotices {}, "office-nav-notices"),
        (Route::OfficeFigures {}, "office-nav-figures"),
        (Route::Devices {}, "office-nav-devices"),
        (Route::OfficeAudit {}, "office-nav-audit"),
        (Route::Settings {}, "nav-settings"),
    ];
    rsx! {
        div { class: "app office", lang: lang.code(),
            header { class: "topbar",
                GuardedLink { class: "brand", to: Route::OfficeHome {}, "Itinérances" }
                span { {t(lang, "office-title")} }
            }
            div { class: "office-body",
                nav { class: "side", "aria-label": t(lang, "office-menu"),
                    for (target, key) in menu {
                        GuardedLink { current: current(&target), to: target, {t(lang, key)} }
                    }
                }
                div { class: "office-main",
                    SyncBar {}
                    LeaveQuestion {}
                    main { Outlet::<Route> {} }
                }
            }
        }
    }
}
