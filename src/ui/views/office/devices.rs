//! Devices and access: a one-time code for a volunteer or a coordinator,
//! shown once as text, as a link and as a QR code; the devices of the
//! network, with their last sync and refused changes; taking a device's
//! access away. These need the server: offline, the screen says so.

use crate::domain::{DeviceId, Record, RecordKind, VolunteerId};
use crate::i18n::{format_date, format_day_time, local_date, t, tr, Lang};
use crate::protocol::{CreateCodeRequest, CreateCodeResponse, DeviceInfo, Role};
use crate::sync::office::{create_code, devices, revoke_device};
use crate::sync::TransportError;
use crate::ui::{use_device, use_lang};
use dioxus::prelude::*;

/// A failed call in words: offline, or the server's own message.
fn failure(lang: Lang, error: &TransportError) -> String {
    match error {
        TransportError::Offline(_) => t(lang, "office-offline"),
        TransportError::Refused(api) | TransportError::Unauthorized(api) => api.message.clone(),
        TransportError::Protocol(message) => message.clone(),
    }
}

#[component]
pub fn Devices() -> Element {
    let lang = use_lang();
    // Bumped after a code is made or a device revoked: the list reloads.
    let mut changed = use_signal(|| 0u32);
    rsx! {
        h1 { {t(lang, "office-nav-devices")} }
        NewCode { lang, on_created: move |_| changed += 1 }
        DeviceList { lang, changed: changed(), on_revoked: move |_| changed += 1 }
    }
}

#[component]
fn NewCode(lang: Lang, on_created: EventHandler<()>) -> Element {
    let device = use_device();
    let volunteers: Vec<(VolunteerId, String)> = {
        let mut list: Vec<(VolunteerId, String)> = device
            .store
            .list(RecordKind::Volunteer)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| match r {
                Record::Volunteer(v) => Some((v.id, v.name)),
                _ => None,
            })
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    };
    let mut role = use_signal(|| Role::Volunteer);
    let mut person = use_signal(String::new);
    let mut volunteer = use_signal(|| None::<VolunteerId>);
    let mut error = use_signal(|| None::<String>);
    let mut busy = use_signal(|| false);
    let mut created = use_signal(|| None::<(String, CreateCodeResponse)>);
    let names = volunteers.clone();
    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        let chosen = volunteer();
        if role() == Role::Volunteer && chosen.is_none() {
            error.set(Some(t(lang, "code-error-volunteer")));
            return;
        }
        if person().trim().is_empty() {
            error.set(Some(t(lang, "code-error-name")));
            return;
        }
        let Some(identity) = device.identity() else {
            return;
        };
        let request = CreateCodeRequest {
            role: role(),
            display_name: person().trim().to_owned(),
            volunteer_id: if role() == Role::Volunteer {
                chosen
            } else {
                None
            },
            server_url: Some(identity.server_url.clone()),
        };
        error.set(None);
        busy.set(true);
        spawn(async move {
            let result = create_code(&identity, &request).await;
            busy.set(false);
            match result {
                Ok(code) => {
                    created.set(Some((request.display_name, code)));
                    person.set(String::new());
                    volunteer.set(None);
                    on_created.call(());
                }
                Err(e) => error.set(Some(failure(lang, &e))),
            }
        });
    };
    rsx! {
        section { class: "card",
            h2 { {t(lang, "code-new")} }
            form { novalidate: true, onsubmit: submit,
                fieldset {
                    legend { {t(lang, "code-role")} }
                    for (value, key) in [(Role::Volunteer, "code-role-volunteer"), (Role::Coordinator, "code-role-coordinator")] {
                        label { class: "choice",
                            input {
                                r#type: "radio",
                                name: "code-role",
                                checked: role() == value,
                                onchange: move |_| role.set(value),
                            }
                            {t(lang, key)}
                        }
                    }
                }
                if role() == Role::Volunteer {
                    label { r#for: "code-volunteer", {t(lang, "code-volunteer")} }
                    select {
                        id: "code-volunteer",
                        onchange: move |e| {
                            let id = e.value();
                            let found = names.iter().find(|(v, _)| v.as_str() == id).cloned();
                            volunteer.set(found.as_ref().map(|(v, _)| v.clone()));
                            if let Some((_, name)) = found {
                                if person().trim().is_empty() {
                                    person.set(name);
                                }
                            }
                        },
                        option { value: "", selected: volunteer().is_none(), {t(lang, "code-volunteer-pick")} }
                        for (id, name) in volunteers {
                            option { key: "{id}", value: "{id}", selected: volunteer().as_ref() == Some(&id), "{name}" }
                        }
                    }
                }
                label { r#for: "code-person", {t(lang, "code-person")} }
                input {
                    id: "code-person",
                    r#type: "text",
                    autocomplete: "off",
                    value: "{person}",
                    oninput: move |e| person.set(e.value()),
                }
                if let Some(message) = error() {
                    p { class: "error", role: "alert", "{message}" }
                }
                button { r#type: "submit", class: "primary", disabled: busy(), {t(lang, "code-create")} }
            }
            if let Some((name, code)) = created() {
                div { class: "new-code", role: "status",
                    p { {tr(lang, "code-created", &[("name", name.into()), ("date", format_date(lang, local_date(code.expires_at)).into())])} }
                    p { class: "code", "{code.code}" }
                    if let Some(svg) = code.qr_svg.clone() {
                        div { class: "qr", role: "img", "aria-label": t(lang, "code-qr"), dangerous_inner_html: svg }
                    }
                    if let Some(link) = code.enroll_link.clone() {
                        label { r#for: "code-link", {t(lang, "code-link")} }
                        input { id: "code-link", r#type: "text", readonly: true, value: "{link}" }
                    }
                }
            }
        }
    }
}

#[component]
fn DeviceList(lang: Lang, changed: u32, on_revoked: EventHandler<()>) -> Element {
    let device = use_device();
    let identity = device.identity();
    let list = use_resource(use_reactive((&changed,), move |_| {
        let identity = identity.clone();
        async move {
            match identity {
                Some(identity) => devices(&identity).await,
                None => Ok(Vec::new()),
            }
        }
    }));
    let mut confirming = use_signal(|| None::<DeviceId>);
    let mut problem = use_signal(|| None::<String>);
    let own = device.identity().map(|i| i.device_id);
    let body = match &*list.read() {
        None => rsx! { p { class: "muted", {t(lang, "devices-loading")} } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {failure(lang, e)} } },
        Some(Ok(rows)) => {
            let rows: Vec<DeviceInfo> = rows.clone();
            rsx! {
                table { class: "records",
                    thead {
                        tr {
                            th { scope: "col", {t(lang, "device-col-person")} }
                            th { scope: "col", {t(lang, "device-col-name")} }
                            th { scope: "col", {t(lang, "device-col-last")} }
                            th { scope: "col", {t(lang, "device-col-refused")} }
                            th { scope: "col", {t(lang, "device-col-access")} }
                        }
                    }
                    tbody {
                        for row in rows {
                            tr { key: "{row.device_id}",
                                td {
                                    "{row.person}"
                                    span { class: "muted", " · " {t(lang, if row.role == Role::Coordinator { "code-role-coordinator" } else { "code-role-volunteer" })} }
                                }
                                td { "{row.name}" }
                                td { {row.last_sync.map(|at| format_day_time(lang, at)).unwrap_or_else(|| t(lang, "device-never"))} }
                                td { "{row.refused}" }
                                td {
                                    if let Some(at) = row.revoked_at {
                                        {tr(lang, "device-revoked", &[("date", format_date(lang, local_date(at)).into())])}
                                    } else if own.as_ref() == Some(&row.device_id) {
                                        {t(lang, "device-this-one")}
                                    } else if confirming().as_ref() == Some(&row.device_id) {
                                        p { {tr(lang, "device-revoke-confirm", &[("name", row.name.clone().into())])} }
                                        button {
                                            class: "danger",
                                            onclick: {
                                                let id = row.device_id.clone();
                                                let device = device.clone();
                                                move |_| {
                                                    let id = id.clone();
                                                    let Some(identity) = device.identity() else { return };
                                                    spawn(async move {
                                                        match revoke_device(&identity, &id).await {
                                                            Ok(()) => {
                                                                confirming.set(None);
                                                                problem.set(None);
                                                                on_revoked.call(());
                                                            }
                                                            Err(e) => problem.set(Some(failure(lang, &e))),
                                                        }
                                                    });
                                                }
                                            },
                                            {t(lang, "device-revoke-yes")}
                                        }
                                        button { class: "secondary", onclick: move |_| confirming.set(None), {t(lang, "device-revoke-no")} }
                                    } else {
                                        button {
                                            class: "secondary",
                                            onclick: {
                                                let id = row.device_id.clone();
                                                move |_| confirming.set(Some(id.clone()))
                                            },
                                            {t(lang, "device-revoke")}
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    rsx! {
        section {
            h2 { {t(lang, "devices-list")} }
            if let Some(message) = problem() {
                p { class: "error", role: "alert", "{message}" }
            }
            {body}
        }
    }
}
