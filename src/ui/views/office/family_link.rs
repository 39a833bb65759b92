//! A family's link, on the family's page of the workspace: create it in the
//! guardian's language (a new one replaces the old), share it by a text
//! message ready to send, by e-mail, or on paper with its QR code; see the
//! links given and how often they were opened; stop one. These need the
//! server: offline, the panel says so.

use crate::domain::{Guardian, Language};
use crate::i18n::{format_date, format_day_time, local_date, t, tr, Lang, SCREEN_LANGUAGES};
use crate::protocol::{
    CreateFamilyLinkRequest, FamilyLinkCreated, FamilyLinkInfo, FamilyLinkState,
};
use crate::sync::office::{create_family_link, family_links, revoke_family_link};
use crate::sync::TransportError;
use crate::ui::text_keys;
use crate::ui::{use_device, use_lang};
use dioxus::prelude::*;

/// A failed call in words: offline, or the server's own message.
pub(super) fn failure(lang: Lang, error: &TransportError) -> String {
    match error {
        TransportError::Offline(_) => t(lang, "office-offline"),
        TransportError::Refused(api) | TransportError::Unauthorized(api) => api.message.clone(),
        TransportError::Protocol(message) => message.clone(),
    }
}

/// Percent-encodes a text for an `sms:` or `mailto:` address.
pub(super) fn uri_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `sms:<number>?body=<text>`: the phone's messages app, text ready.
pub(super) fn sms_link(phone: &str, text: &str) -> String {
    let number: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("sms:{number}?body={}", uri_text(text))
}

#[component]
pub fn FamilyLinkPanel(guardian: Guardian) -> Element {
    let lang = use_lang();
    let device = use_device();
    let identity = device.identity();
    let mut changed = use_signal(|| 0u32);
    let id = guardian.id.clone();
    let links = use_resource(use_reactive((&changed(),), move |_| {
        let identity = identity.clone();
        let id = id.clone();
        async move {
            match identity {
                Some(identity) => family_links(&identity, &id).await,
                None => Ok(Vec::new()),
            }
        }
    }));
    let start_language = match guardian.language {
        Some(Language::Nl) => Language::Nl,
        Some(Language::En) | Some(Language::De) => Language::En,
        _ => Language::Fr,
    };
    let mut language = use_signal(|| start_language);
    let mut busy = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let mut created = use_signal(|| None::<FamilyLinkCreated>);
    let has_active = matches!(&*links.read(), Some(Ok(list)) if list.iter().any(|l| l.state == FamilyLinkState::Active));
    let guardian_id = guardian.id.clone();
    let create_identity = device.identity();
    let create = move |_| {
        if busy() {
            return;
        }
        let Some(identity) = create_identity.clone() else {
            return;
        };
        let request = CreateFamilyLinkRequest {
            guardian_id: guardian_id.clone(),
            language: Some(language()),
            server_url: identity.server_url.clone(),
        };
        busy.set(true);
        problem.set(None);
        spawn(async move {
            let result = create_family_link(&identity, &request).await;
            busy.set(false);
            match result {
                Ok(link) => {
                    created.set(Some(link));
                    changed += 1;
                }
                Err(e) => problem.set(Some(failure(lang, &e))),
            }
        });
    };
    let revoke_identity = device.identity();
    let revoke = use_callback(move |link_id: String| {
        let Some(identity) = revoke_identity.clone() else {
            return;
        };
        spawn(async move {
            match revoke_family_link(&identity, &link_id).await {
                Ok(()) => {
                    created.set(None);
                    changed += 1;
                }
                Err(e) => problem.set(Some(failure(lang, &e))),
            }
        });
    });
    let list = match &*links.read() {
        None => rsx! { p { class: "muted", {t(lang, "family-link-loading")} } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {failure(lang, e)} } },
        Some(Ok(rows)) if rows.is_empty() => {
            rsx! { p { class: "muted", {t(lang, "family-link-none")} } }
        }
        Some(Ok(rows)) => {
            let rows: Vec<FamilyLinkInfo> = rows.clone();
            rsx! {
                table { class: "records",
                    thead {
                        tr {
                            th { scope: "col", {t(lang, "family-link-col-created")} }
                            th { scope: "col", {t(lang, "form-language")} }
                            th { scope: "col", {t(lang, "family-link-col-state")} }
                            th { scope: "col", {t(lang, "family-link-col-views")} }
                            th { scope: "col", {t(lang, "family-link-col-action")} }
                        }
                    }
                    tbody {
                        for link in rows {
                            tr { key: "{link.id}",
                                td { {format_date(lang, local_date(link.created_at))} }
                                td { {t(lang, &text_keys::language(link.language))} }
                                td { {t(lang, &text_keys::family_link_state(link.state))} }
                                td {
                                    {tr(lang, "family-link-views", &[("count", link.views.into())])}
                                    if let Some(at) = link.last_viewed {
                                        " · " {format_day_time(lang, at)}
                                    }
                                }
                                td {
                                    if link.state != FamilyLinkState::Revoked {
                                        button {
                                            class: "secondary",
                                            onclick: {
                                                let id = link.id.clone();
                                                move |_| revoke.call(id.clone())
                                            },
                                            {t(lang, "family-link-revoke")}
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
        section { class: "card family-link",
            h2 { {t(lang, "family-link-title")} }
            p { {t(lang, "family-link-explain")} }
            label { r#for: "family-link-language", {t(lang, "form-language")} }
            select {
                id: "family-link-language",
                onchange: move |e| {
                    let code = e.value();
                    if let Some(l) = SCREEN_LANGUAGES.into_iter().find(|l| l.code() == code) {
                        language.set(l);
                    }
                },
                for l in SCREEN_LANGUAGES {
                    option { key: "{l.code()}", value: l.code(), selected: language() == l, {t(lang, &text_keys::language(l))} }
                }
            }
            if has_active {
                p { class: "muted", {t(lang, "family-link-replace-warning")} }
            }
            button { class: "primary", disabled: busy(), onclick: create,
                if has_active { {t(lang, "family-link-replace")} } else { {t(lang, "family-link-create")} }
            }
            if let Some(message) = problem() {
                p { class: "error", role: "alert", "{message}" }
            }
            if let Some(link) = created() {
                div { class: "new-code", role: "status",
                    p { {t(lang, "family-link-created")} }
                    label { r#for: "family-link-url", {t(lang, "family-link-address")} }
                    input { id: "family-link-url", r#type: "text", readonly: true, value: "{link.url}" }
                    p { class: "actions",
                        a { class: "button primary", href: sms_link(&guardian.phone, &link.message), {t(lang, "family-link-sms")} }
                        if !guardian.email.trim().is_empty() {
                            a {
                                class: "button secondary",
                                href: format!("mailto:{}?subject={}&body={}", uri_text(guardian.email.trim()), uri_text(&link.subject), uri_text(&link.message)),
                                {t(lang, "family-link-email")}
                            }
                        }
                    }
                    div { class: "print-sheet",
                        p { "{link.message}" }
                        if let Some(svg) = link.qr_svg.clone() {
                            div { class: "qr", role: "img", "aria-label": t(lang, "family-link-qr"), dangerous_inner_html: svg }
                        }
                    }
                    p { class: "muted", {t(lang, "family-link-print-hint")} }
                }
            }
            {list}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_message_link_carries_the_number_and_the_whole_text() {
        let link = sms_link(
            "+32 470 00 00 01",
            "Bonjour, voici: https://x.be/f/abc & co",
        );
        assert_eq!(
            link,
            "sms:+32470000001?body=Bonjour%2C%20voici%3A%20https%3A%2F%2Fx.be%2Ff%2Fabc%20%26%20co"
        );
        assert_eq!(uri_text("é"), "%C3%A9");
    }
}
