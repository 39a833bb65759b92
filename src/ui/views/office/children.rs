//! The children: a list to search (first name, family, pickup address), and
//! each child's file with the family, the visit rights per parent (what is
//! missing or about to end said in words) and the next trips.

use crate::domain::ChildId;
use crate::domain::Record;
use crate::i18n::{format_date, format_day_time, t, tr, Lang};
use crate::protocol::Change;
use crate::ui::components::CheckField;
use crate::ui::network::{child_page, children_list, ParentRights, RightState};
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Action, Route};
use dioxus::prelude::*;

#[component]
pub fn Children() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let mut query = use_signal(String::new);
    let archived = use_signal(|| false);
    let rows = match children_list(&*device.store, &query(), device.now(), archived()) {
        Ok(rows) => rows,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    rsx! {
        h1 { {t(lang, "children-title")} }
        div { class: "actions",
            Link { class: "button primary", to: Route::ChildNew {}, {t(lang, "children-new")} }
            Link { class: "button secondary", to: Route::GuardianNew {}, {t(lang, "form-new-family")} }
            Link { class: "button secondary", to: Route::FamiliesImport {}, {t(lang, "import-families-title")} }
        }
        label { r#for: "child-search", {t(lang, "children-search")} }
        input {
            id: "child-search",
            r#type: "search",
            value: "{query}",
            autocomplete: "off",
            oninput: move |e| query.set(e.value()),
        }
        CheckField { id: "child-archived", label: t(lang, "children-show-archived"), value: archived }
        p { class: "muted", role: "status", {tr(lang, "children-count", &[("count", rows.len().into())])} }
        if rows.is_empty() {
            p { {t(lang, "children-none")} }
        } else {
            table { class: "records",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "children-col-name")} }
                        th { scope: "col", {t(lang, "children-col-age")} }
                        th { scope: "col", {t(lang, "children-col-family")} }
                        th { scope: "col", {t(lang, "children-col-rights")} }
                    }
                }
                tbody {
                    for row in rows {
                        tr { key: "{row.child.id}",
                            td {
                                Link { to: Route::ChildFile { id: row.child.id.clone() }, "{row.child.first_name} {row.child.last_name}" }
                                if row.child.archived {
                                    span { class: "tag", " " {t(lang, "archived")} }
                                }
                            }
                            td { {tr(lang, "child-age", &[("age", row.age.into())])} }
                            td { {row.guardian.as_ref().map(|g| g.name.clone()).unwrap_or_default()} }
                            td {
                                if row.needs_look {
                                    span { class: "tag attention", {t(lang, "children-rights-look")} }
                                } else {
                                    span { class: "tag", {t(lang, "children-rights-ok")} }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn right_text(
    lang: Lang,
    state: RightState,
    until: Option<chrono::NaiveDate>,
    from: chrono::NaiveDate,
) -> String {
    match (state, until) {
        (RightState::Forbidden, _) => t(lang, "right-forbidden"),
        (RightState::NotYet, _) => tr(
            lang,
            "right-not-yet",
            &[("date", format_date(lang, from).into())],
        ),
        (RightState::Expired, Some(until)) => tr(
            lang,
            "right-expired",
            &[("date", format_date(lang, until).into())],
        ),
        (RightState::Expiring, Some(until)) => tr(
            lang,
            "right-expiring",
            &[("date", format_date(lang, until).into())],
        ),
        (_, Some(until)) => tr(
            lang,
            "right-valid-until",
            &[("date", format_date(lang, until).into())],
        ),
        (_, None) => t(lang, "right-valid"),
    }
}

#[component]
fn ParentBlock(lang: Lang, parent: ParentRights) -> Element {
    let name = parent
        .parent
        .as_ref()
        .map(|p| p.full_name())
        .unwrap_or_else(|| parent.parent_id.to_string());
    let missing = parent.rights.is_empty() || parent.needs_look();
    rsx! {
        section { class: "card",
            h3 { {tr(lang, "child-with-parent", &[("name", name.clone().into())])} }
            if parent.rights.is_empty() {
                p { class: "error", role: "alert", {tr(lang, "child-rights-missing", &[("name", name.into())])} }
            } else if missing && parent.trips_coming > 0 {
                p { class: "error", role: "alert", {tr(lang, "child-rights-none-valid", &[("count", parent.trips_coming.into())])} }
            }
            ul { class: "rights",
                for (right, state) in parent.rights.iter().cloned() {
                    li { key: "{right.id}", class: if matches!(state, RightState::Expiring | RightState::Expired | RightState::Forbidden) { "attention" } else { "" },
                        strong { {right_text(lang, state, right.valid_until, right.valid_from)} }
                        span { " · " {t(lang, &crate::ui::text_keys::decided_by(right.decided_by))} }
                        span { " · " {tr(lang, &crate::ui::text_keys::rhythm(right.rhythm.per), &[("count", right.rhythm.visits.into())])} }
                        if right.format.supervised {
                            span { " · " {t(lang, "right-supervised")} }
                        }
                        if !right.reference.is_empty() {
                            span { class: "muted", " · {right.reference}" }
                        }
                    }
                }
            }
        }
    }
}

#[component]
pub fn ChildFile(id: ChildId) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let page = match child_page(&*device.store, &id, device.now()) {
        Ok(Some(page)) => page,
        Ok(None) => {
            return rsx! {
                section { class: "card",
                    p { {t(lang, "child-not-found")} }
                    Link { class: "button", to: Route::Children {}, {t(lang, "children-back")} }
                }
            }
        }
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let child = &page.child;
    let app = use_app();
    let mut confirm_archive = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let flipped = {
        let mut c = child.clone();
        c.archived = !c.archived;
        c
    };
    let archive = move |_| {
        let change = Change::Put {
            record: Record::Child(flipped.clone()),
        };
        match app.act(Action::Record(Box::new(change))) {
            Ok(()) => {
                confirm_archive.set(false);
                problem.set(None);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    rsx! {
        p { Link { to: Route::Children {}, {t(lang, "children-back")} } }
        h1 { "{child.first_name} {child.last_name}"
            if child.archived {
                span { class: "tag", " " {t(lang, "archived")} }
            }
        }
        div { class: "actions",
            Link { class: "button", to: Route::ChildEdit { id: child.id.clone() }, {t(lang, "child-edit")} }
            Link { class: "button", to: Route::RightNew { id: child.id.clone() }, {t(lang, "child-add-right")} }
            if confirm_archive() || child.archived {
                if !child.archived {
                    span { {t(lang, "child-archive-confirm")} }
                }
                button { class: "secondary", onclick: archive,
                    if child.archived { {t(lang, "child-unarchive")} } else { {t(lang, "child-archive-yes")} }
                }
                if !child.archived {
                    button { class: "secondary", onclick: move |_| confirm_archive.set(false), {t(lang, "form-cancel")} }
                }
            } else {
                button { class: "secondary", onclick: move |_| confirm_archive.set(true), {t(lang, "child-archive")} }
            }
        }
        if let Some(message) = problem() {
            p { class: "error", role: "alert", "{message}" }
        }
        p { class: "lead", {tr(lang, "child-born", &[("year", child.birth_year.into()), ("age", page.age.into())])} }
        if !child.needs.is_empty() {
            p { strong { {t(lang, "child-needs")} } " {child.needs}" }
        }
        if let Some(guardian) = page.guardian.clone() {
            section { class: "card",
                h2 { {t(lang, "child-family")} }
                p { strong { "{guardian.name}" } " · " {t(lang, &crate::ui::text_keys::guardian(guardian.kind))}
                    " · " Link { to: Route::GuardianEdit { id: guardian.id.clone() }, {t(lang, "family-edit")} }
                    " · " Link { to: Route::GuardianEdit { id: guardian.id.clone() }, {t(lang, "family-link-open")} }
                }
                p { a { href: "tel:{guardian.phone}", "{guardian.phone}" } }
                p { {t(lang, "child-pickup")} " {guardian.pickup_address}" }
            }
        }
        h2 { {t(lang, "child-rights")} }
        if page.parents.is_empty() {
            p { class: "error", role: "alert", {t(lang, "child-rights-none")} }
        }
        for parent in page.parents.clone() {
            ParentBlock { key: "{parent.parent_id}", lang, parent }
        }
        h2 { {t(lang, "child-next-trips")} }
        if page.next_trips.is_empty() {
            p { class: "muted", {t(lang, "child-no-trips")} }
        }
        ul {
            for trip in page.next_trips.clone() {
                li { key: "{trip.id}",
                    Link { to: Route::TripPage { id: trip.id.clone() }, {format_day_time(lang, trip.visit_start)} }
                    if trip.volunteer_id.is_none() {
                        span { class: "tag attention", " " {t(lang, "trip-no-volunteer")} }
                    }
                }
            }
        }
    }
}
