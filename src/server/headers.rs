//! What every answer tells a browser, and what the API takes from one.
//!
//! The web app is a wasm bundle served from the same origin as the API, so
//! one policy fits both: load code, styles and data only from this server,
//! never be framed, never send a referrer. API answers hold personal data
//! and are never stored by a browser or a proxy.
//!
//! The API reads only JSON. A web page elsewhere can make a browser send a
//! form or plain text to any address without asking, but not JSON; refusing
//! everything else keeps such pages from burning an office's allowance of
//! wrong enrollment codes (see `limits`) or from reaching any other handler.
//!
//! Stands on `error` only; `serve` adds the same headers to its own refusals.

use super::error::ApiFailure;
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// What a page of this server may load and do.
///
/// `'wasm-unsafe-eval'` lets the JS glue compile the app's own wasm
/// (`WebAssembly.instantiateStreaming`) without allowing `eval` of scripts;
/// `'unsafe-inline'` for styles only, because the app sets `style`
/// attributes on its elements. No inline script is needed: the page loads
/// its glue as a module file.
const CONTENT_SECURITY_POLICY: &str = concat!(
    "default-src 'self'; ",
    "script-src 'self' 'wasm-unsafe-eval'; ",
    "style-src 'self' 'unsafe-inline'; ",
    "img-src 'self' data:; ",
    "connect-src 'self'; ",
    "frame-ancestors 'none'; ",
    "base-uri 'none'; ",
    "form-action 'self'; ",
    "object-src 'none'",
);

/// Sent with every answer, the web app's files and the refusals included.
pub(crate) static BROWSER_HEADERS: [(HeaderName, HeaderValue); 5] = [
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    ),
    (
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ),
    (
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ),
    // For browsers too old for `frame-ancestors`.
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    ),
];

/// Adds the browser headers to every answer, refuses API requests whose
/// body is not JSON, and keeps API answers out of every cache.
///
/// One exception, deliberate and narrow: a family's "we cannot come" form
/// (`/f/<token>/cannot-come`, see `family`) is a plain HTML form, so that it
/// works on any phone without a script. It takes a form and nothing else,
/// and what it can do is bounded by the link's token: a page elsewhere
/// cannot know a family's token, and an unknown token counts against its
/// address like a wrong enrollment code.
pub(crate) async fn browser_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let api = is_api(path);
    let family_form = super::family::takes_form(path);
    let refused = if family_form {
        has_body(request.method()) && !is_form(request.headers())
    } else {
        api && has_body(request.method()) && !is_json(request.headers())
    };
    let mut response = if refused && family_form {
        ApiFailure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "This address only takes the form of the family page: open the page and use its button.",
        )
        .into_response()
    } else if refused {
        not_json().into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    for (name, value) in &BROWSER_HEADERS {
        headers.insert(name.clone(), value.clone());
    }
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

fn has_body(method: &Method) -> bool {
    [Method::POST, Method::PUT, Method::PATCH].contains(method)
}

/// `application/x-www-form-urlencoded`, as an HTML form sends it.
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// `application/json`, with or without parameters such as a charset.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

fn not_json() -> ApiFailure {
    ApiFailure::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "The server only takes JSON here: send the request with the header \"Content-Type: application/json\", as the app does.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_type(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(value).expect("a header value"),
        );
        headers
    }

    #[test]
    fn json_is_recognised_with_its_parameters_and_nothing_else() {
        for json in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON;charset=UTF-8",
        ] {
            assert!(is_json(&content_type(json)), "{json}");
        }
        for other in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonp",
            "text/plain; application/json",
        ] {
            assert!(!is_json(&content_type(other)), "{other}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn only_api_paths_are_api() {
        assert!(is_api("/api/v1/sync"));
        assert!(is_api("/api"));
        assert!(!is_api("/apiary"));
        assert!(!is_api("/health"));
        assert!(!is_api("/"));
    }

    #[test]
    fn only_the_familys_form_takes_a_form() {
        let form = content_type("application/x-www-form-urlencoded");
        assert!(is_form(&form));
        assert!(!is_form(&content_type("multipart/form-data; boundary=x")));
        assert!(super::super::family::takes_form("/f/abc123/cannot-come"));
        for other in [
            "/f/abc123",
            "/f//cannot-come",
            "/f/a/b/cannot-come",
            "/api/v1/f/abc/cannot-come",
            "/api/v1/enroll",
        ] {
            assert!(!super::super::family::takes_form(other), "{other}");
        }
    }
}
