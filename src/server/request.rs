//! Reading request bodies safely: size limits before and after gzip, and JSON
//! errors turned into messages a person (or a developer) can act on.

use super::error::ApiFailure;
use super::serve::BodyTimedOut;
use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use flate2::read::GzDecoder;
use http_body_util::LengthLimitError;
use serde::de::DeserializeOwned;
use std::io::Read;

/// Most bytes a request body may have on the wire.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Most bytes a gzip body may inflate to: a bound against decompression bombs.
pub const MAX_INFLATED_BYTES: usize = 8 * 1024 * 1024;

/// Reads a body within [`MAX_BODY_BYTES`], inflating it when it says it is gzip.
pub(crate) async fn read_body(headers: &HeaderMap, body: Body) -> Result<Vec<u8>, ApiFailure> {
    let raw = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|e| unreadable_body(&e))?;
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase());
    match encoding.as_deref() {
        None | Some("identity") => Ok(raw.to_vec()),
        Some("gzip") => inflate(&raw),
        Some(other) => Err(ApiFailure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_encoding",
            format!("The body is encoded as \"{other}\"; send it plain or gzip-compressed."),
        )),
    }
}

/// Why a body could not be read, said to the person.
fn unreadable_body(error: &axum::Error) -> ApiFailure {
    if caused_by::<BodyTimedOut>(error) {
        ApiFailure::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            "The request arrived too slowly and the server stopped waiting. Nothing was lost on your device: try again when the network is better.",
        )
    } else if caused_by::<LengthLimitError>(error) {
        ApiFailure::too_large(format!(
            "The request is larger than {} MiB. Sync again: the app sends fewer changes at a time.",
            MAX_BODY_BYTES / (1024 * 1024)
        ))
    } else {
        ApiFailure::malformed("The request arrived incomplete; send it again.")
    }
}

/// Whether `E` is `error` or one of its causes (bodies wrap their errors).
fn caused_by<E: std::error::Error + 'static>(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(current) = cause {
        if current.is::<E>() {
            return true;
        }
        cause = current.source();
    }
    false
}

fn inflate(compressed: &[u8]) -> Result<Vec<u8>, ApiFailure> {
    let limit = u64::try_from(MAX_INFLATED_BYTES).unwrap_or(u64::MAX);
    let mut out = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "beyond it".
    GzDecoder::new(compressed)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| {
            ApiFailure::malformed(format!(
                "The compressed body is incomplete or damaged ({e}); send it again."
            ))
        })?;
    if out.len() > MAX_INFLATED_BYTES {
        return Err(ApiFailure::too_large(format!(
            "The request inflates to more than {} MiB. Sync again: the app sends fewer changes at a time.",
            MAX_INFLATED_BYTES / (1024 * 1024)
        )));
    }
    Ok(out)
}

pub(crate) fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiFailure> {
    serde_json::from_slice(bytes)
        .map_err(|e| ApiFailure::malformed(format!("The request is not understood: {e}.")))
}

/// A JSON body whose every failure is an [`ApiError`](crate::protocol::ApiError).
pub(crate) struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiFailure;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ApiFailure> {
        let (parts, body) = request.into_parts();
        let bytes = read_body(&parts.headers, body).await?;
        parse_json(&bytes).map(JsonBody)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        let bomb = gzip(&vec![b' '; MAX_INFLATED_BYTES + 10]);
        assert!(bomb.len() < MAX_BODY_BYTES);
        let err = inflate(&bomb).unwrap_err();
        assert_eq!(err.error.code, "too_large");
    }

    #[test]
    fn a_truncated_body_is_malformed() {
        let data = gzip(br#"{"version":1}"#);
        let err = inflate(&data[..data.len() / 2]).unwrap_err();
        assert_eq!(err.error.code, "malformed_request");
        assert_eq!(inflate(&data).unwrap(), br#"{"version":1}"#);
    }
}
