//! Enrollment links as QR codes: an SVG image the coordinator's screen shows
//! or prints, so that a volunteer's phone camera fills the enroll screen.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;

/// The link a new device enrolls with: the server's address and the code.
pub(crate) fn enroll_link(server_url: &str, code: &str) -> Option<String> {
    let base = server_url.trim().trim_end_matches('/');
    let plausible = (base.starts_with("https://") || base.starts_with("http://"))
        && base.len() <= 200
        && !base
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '?' || c == '#');
    plausible.then(|| format!("{base}/enroll?code={code}"))
}

/// `text` as a QR code in SVG, black on white, with the quiet zone the
/// standard asks for; `None` if it is too long for a QR code. Hidden from
/// screen readers: the screen that shows it names it in the person's language.
pub(crate) fn svg(text: &str) -> Option<String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let size = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + border, y + border);
            }
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" aria-hidden="true" focusable="false"><rect width="100%" height="100%" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_address_and_the_code() {
        assert_eq!(
            enroll_link("https://itinerances.example.be/", "ABCD-EFGH").as_deref(),
            Some("https://itinerances.example.be/enroll?code=ABCD-EFGH")
        );
        assert_eq!(enroll_link("javascript:alert(1)", "ABCD-EFGH"), None);
        assert_eq!(enroll_link("https://a.be/x?y=1", "ABCD-EFGH"), None);
    }

    #[test]
    fn a_link_makes_a_square_svg_with_dark_modules() {
        let image = svg("https://itinerances.example.be/enroll?code=ABCD-EFGH").unwrap();
        assert!(image.starts_with("<svg"));
        assert!(image.matches('M').count() > 100, "modules drawn");
        assert!(svg(&"x".repeat(5000)).is_none());
    }
}
