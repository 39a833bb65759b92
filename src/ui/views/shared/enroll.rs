//! Enroll this device: the server address and the one-time code from the
//! coordinator.

use crate::i18n::t;
use crate::sync::{enroll, EnrollError};
use crate::ui::{platform, use_app, use_lang, use_sync_status, Action, Route};
use dioxus::prelude::*;

/// The translation key that explains an enrollment failure.
pub fn enroll_error_key(error: &EnrollError) -> &'static str {
    match error {
        EnrollError::BadAddress(_) => "enroll-bad-address",
        EnrollError::Offline(_) => "enroll-offline",
        EnrollError::Refused(api) => match api.code.as_str() {
            "invalid_code" => "enroll-invalid-code",
            "expired_code" => "enroll-expired-code",
            "used_code" => "enroll-used-code",
            "too_many_attempts" => "enroll-too-many",
            _ => "enroll-refused",
        },
        EnrollError::Protocol(_) => "enroll-protocol",
    }
}

/// The server address and the code carried by an enrollment link
/// (`https://server/enroll?code=ABCD-EFGH`, as in a coordinator's QR code),
/// when `text` is one.
pub fn parse_enroll_link(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let (server, query) = text.split_once("/enroll?")?;
    let code = query
        .split(['&', '#'])
        .find_map(|pair| pair.strip_prefix("code="))?;
    (!server.is_empty() && !code.is_empty()).then(|| (server.to_owned(), code.to_owned()))
}

/// Where a device goes once enrolled: coordinators to their workspace.
pub fn home_for(role: crate::protocol::Role) -> Route {
    match role {
        crate::protocol::Role::Coordinator => Route::OfficeHome {},
        crate::protocol::Role::Volunteer => Route::Trips {},
    }
}

/// `code` comes from the address (`/enroll?code=…`, a scanned link).
#[component]
pub fn Enroll(#[props(default)] code: String) -> Element {
    let app = use_app();
    let signed_out = use_sync_status().read().signed_out;
    let lang = use_lang();
    let mut server = use_signal(platform::default_server);
    // The cursor starts in the first field to fill: the address when the app
    // does not know it (phone, desktop), else the code.
    let address_known = !server.peek().is_empty();
    let mut code = use_signal(move || code);
    let mut error = use_signal(|| None::<&'static str>);
    let mut busy = use_signal(|| false);
    let navigator = navigator();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        if code().trim().is_empty() {
            error.set(Some("enroll-code-missing"));
            return;
        }
        busy.set(true);
        error.set(None);
        let app = app.clone();
        spawn(async move {
            let result = enroll(&server(), &code(), &platform::device_name()).await;
            busy.set(false);
            match result {
                Ok(identity) => match app.act(Action::Enrolled(identity.clone())) {
                    Ok(()) => {
                        navigator.replace(home_for(identity.role));
                    }
                    Err(_) => error.set(Some("enroll-store")),
                },
                Err(e) => error.set(Some(enroll_error_key(&e))),
            }
        });
    };

    rsx! {
        section { class: "card",
            h1 { {t(lang, "enroll-title")} }
            if let Some(key) = signed_out {
                p { class: "error", role: "alert", {t(lang, key)} }
            }
            p { {t(lang, "enroll-intro")} }
            form { novalidate: true, onsubmit: submit,
                label { r#for: "server", {t(lang, "enroll-server")} }
                input {
                    id: "server",
                    r#type: "url",
                    inputmode: "url",
                    autocomplete: "url",
                    placeholder: "https://",
                    value: "{server}",
                    oninput: move |e| server.set(e.value()),
                    onmounted: move |e| async move {
                        if !address_known {
                            let _ = e.set_focus(true).await;
                        }
                    },
                }
                label { r#for: "code", {t(lang, "enroll-code")} }
                input {
                    id: "code",
                    r#type: "text",
                    autocomplete: "one-time-code",
                    autocapitalize: "characters",
                    value: "{code}",
                    // A pasted enrollment link fills both fields.
                    oninput: move |e| match parse_enroll_link(&e.value()) {
                        Some((address, link_code)) => {
                            server.set(address);
                            code.set(link_code);
                        }
                        None => code.set(e.value()),
                    },
                    onmounted: move |e| async move {
                        if address_known {
                            let _ = e.set_focus(true).await;
                        }
                    },
                }
                if let Some(key) = error() {
                    p { class: "error", role: "alert", {t(lang, key)} }
                }
                button { r#type: "submit", class: "primary", disabled: busy(),
                    if busy() { {t(lang, "enroll-busy")} } else { {t(lang, "enroll-submit")} }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_enroll_link;

    #[test]
    fn an_enrollment_link_gives_the_address_and_the_code() {
        assert_eq!(
            parse_enroll_link(" https://itinerances.example.be/enroll?code=ABCD-EFGH "),
            Some((
                "https://itinerances.example.be".to_owned(),
                "ABCD-EFGH".to_owned()
            ))
        );
        assert_eq!(
            parse_enroll_link("http://127.0.0.1:8080/enroll?lang=nl&code=ABCD-EFGH#x"),
            Some(("http://127.0.0.1:8080".to_owned(), "ABCD-EFGH".to_owned()))
        );
        assert_eq!(parse_enroll_link("ABCD-EFGH"), None);
        assert_eq!(parse_enroll_link("https://example.be/enroll?code="), None);
    }
}
