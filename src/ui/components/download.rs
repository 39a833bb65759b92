//! Files to download: a PDF the server draws (the figures' report, a
//! volunteer's statement) and a CSV made on the device. In the browser the
//! PDF downloads as soon as the server sent it (a `data:` address, its link
//! left on the page), the CSV from a link; on a computer or phone, a button
//! that writes it to the download folder and says where.

use crate::i18n::{t, tr};
use crate::sync::TransportError;
use crate::ui::{use_device, use_lang};
use dioxus::prelude::*;

/// `bytes` as a `data:` address of type `mime`, in base64.
pub fn data_url_base64(mime: &str, bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = format!("data:{mime};base64,");
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let index = ((n >> (18 - 6 * i)) & 63) as usize;
                out.push(ALPHABET.get(index).map_or('A', |c| *c as char));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Writes `content` as `name` in the download folder (or the home folder),
/// without replacing a file there. Returns the sentence to show.
#[cfg(not(target_arch = "wasm32"))]
pub fn save_download(
    lang: crate::i18n::Lang,
    name: &str,
    content: &[u8],
) -> Result<String, String> {
    match dirs::download_dir().or_else(dirs::home_dir) {
        Some(dir) => save_bytes(&dir, name, content)
            .map(|path| {
                tr(
                    lang,
                    "figures-saved",
                    &[("path", path.display().to_string().into())],
                )
            })
            .map_err(|e| {
                tr(
                    lang,
                    "figures-save-failed",
                    &[("reason", e.to_string().into())],
                )
            }),
        None => Err(t(lang, "figures-no-download-folder")),
    }
}

/// Writes `content` as `name` in `dir`, without replacing a file already
/// there (`name (2).pdf`...). Returns the path written.
#[cfg(not(target_arch = "wasm32"))]
pub fn save_bytes(
    dir: &std::path::Path,
    name: &str,
    content: &[u8],
) -> std::io::Result<std::path::PathBuf> {
    use std::io::Write;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "pdf"));
    for n in 1..1000 {
        let candidate = if n == 1 {
            dir.join(name)
        } else {
            dir.join(format!("{stem} ({n}).{ext}"))
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(mut file) => {
                file.write_all(content)?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "too many files of that name in the folder",
    ))
}

/// What became of a PDF asked for.
#[derive(Debug, Clone, PartialEq)]
enum PdfState {
    Idle,
    Working,
    /// In the browser: the file, ready to save with a link.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Ready(String),
    /// On a computer or phone: where the file was saved.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Said(String),
    Failed(String),
}

/// The words for a PDF the server could not give.
fn pdf_failure(lang: crate::i18n::Lang, error: &TransportError) -> String {
    match error {
        TransportError::Offline(_) => t(lang, "figures-pdf-offline"),
        TransportError::Unauthorized(e) | TransportError::Refused(e) => tr(
            lang,
            "figures-pdf-failed",
            &[("reason", e.message.clone().into())],
        ),
        TransportError::Protocol(reason) => tr(
            lang,
            "figures-pdf-failed",
            &[("reason", reason.clone().into())],
        ),
    }
}

/// A button that asks the server for a PDF (`path`: the address and its
/// query) with the device's token and saves it as `file_name`. Without the
/// server, a message says the PDF needs it.
#[component]
pub fn PdfDownload(path: String, file_name: String, label: String) -> Element {
    let lang = use_lang();
    let device = use_device();
    let mut state = use_signal(|| PdfState::Idle);
    let ask = {
        let file_name = file_name.clone();
        move |_| {
            if state() == PdfState::Working {
                return;
            }
            let Some(identity) = device.identity() else {
                state.set(PdfState::Failed(t(lang, "figures-pdf-offline")));
                return;
            };
            state.set(PdfState::Working);
            let (path, file_name) = (path.clone(), file_name.clone());
            spawn(async move {
                let result = crate::sync::office::pdf(&identity, &path).await;
                let next = match result {
                    Err(e) => PdfState::Failed(pdf_failure(lang, &e)),
                    Ok(bytes) => ready(lang, &file_name, &bytes),
                };
                state.set(next);
            });
        }
    };
    let shown = state();
    let working = shown == PdfState::Working;
    rsx! {
        button {
            class: "button",
            r#type: "button",
            disabled: working,
            onclick: ask,
            {label}
        }
        match shown {
            PdfState::Idle => rsx! {},
            PdfState::Working => rsx! { p { role: "status", {t(lang, "figures-pdf-working")} } },
            PdfState::Ready(href) => rsx! {
                p { role: "status",
                    {t(lang, "figures-pdf-ready")}
                    " "
                    a { class: "button", href: "{href}", download: "{file_name}", "{file_name}" }
                }
            },
            PdfState::Said(message) => rsx! { p { role: "status", {message} } },
            PdfState::Failed(message) => rsx! { p { class: "banner danger", role: "alert", {message} } },
        }
    }
}

/// In the browser the file is downloaded at once, as if its link were
/// clicked; the link stays on the page in case the browser did not start it.
#[cfg(target_arch = "wasm32")]
fn ready(_lang: crate::i18n::Lang, file_name: &str, bytes: &[u8]) -> PdfState {
    let href = data_url_base64("application/pdf", bytes);
    start_download(&href, file_name);
    PdfState::Ready(href)
}

/// Clicks a link to `href` that downloads as `file_name`; false when the
/// page cannot (the link on the screen is then the way).
#[cfg(target_arch = "wasm32")]
fn start_download(href: &str, file_name: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let (Ok(link), Some(body)) = (document.create_element("a"), document.body()) else {
        return false;
    };
    if link.set_attribute("href", href).is_err()
        || link.set_attribute("download", file_name).is_err()
        || body.append_child(&link).is_err()
    {
        return false;
    }
    let clicked = match link.clone().dyn_into::<web_sys::HtmlElement>() {
        Ok(element) => {
            element.click();
            true
        }
        Err(_) => false,
    };
    let _ = body.remove_child(&link);
    clicked
}

#[cfg(not(target_arch = "wasm32"))]
fn ready(lang: crate::i18n::Lang, file_name: &str, bytes: &[u8]) -> PdfState {
    match save_download(lang, file_name, bytes) {
        Ok(said) => PdfState::Said(said),
        Err(said) => PdfState::Failed(said),
    }
}

/// A CSV made on the device: a link (browser) or a button (computer, phone)
/// labelled `label`.
#[component]
pub fn CsvDownload(file_name: String, csv: String, label: String) -> Element {
    #[cfg(target_arch = "wasm32")]
    {
        let href = data_url_base64("text/csv;charset=utf-8", csv.as_bytes());
        rsx! {
            a { class: "button", href: "{href}", download: "{file_name}", {label} }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let lang = use_lang();
        let mut said = use_signal(|| None::<Result<String, String>>);
        let message = said();
        rsx! {
            button {
                class: "button",
                r#type: "button",
                onclick: move |_| said.set(Some(save_download(lang, &file_name, csv.as_bytes()))),
                {label}
            }
            if let Some(Ok(msg)) = message.clone() {
                p { role: "status", {msg} }
            }
            if let Some(Err(msg)) = message {
                p { class: "banner danger", role: "alert", {msg} }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(data_url_base64("a/b", b""), "data:a/b;base64,");
        assert_eq!(data_url_base64("a/b", b"f"), "data:a/b;base64,Zg==");
        assert_eq!(data_url_base64("a/b", b"fo"), "data:a/b;base64,Zm8=");
        assert_eq!(data_url_base64("a/b", b"foo"), "data:a/b;base64,Zm9v");
        assert_eq!(
            data_url_base64("a/b", "%PDF-é\u{0}\u{ff}".as_bytes()),
            "data:a/b;base64,JVBERi3DqQDDvw=="
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_saved_pdf_never_replaces_one_already_there() {
        let dir = tempfile::tempdir().unwrap();
        let first = save_bytes(dir.path(), "releve.pdf", b"%PDF-1").unwrap();
        let second = save_bytes(dir.path(), "releve.pdf", b"%PDF-2").unwrap();
        assert_eq!(second, dir.path().join("releve (2).pdf"));
        assert_eq!(std::fs::read(first).unwrap(), b"%PDF-1");
        assert_eq!(std::fs::read(second).unwrap(), b"%PDF-2");
    }
}
