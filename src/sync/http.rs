//! The sync transport over HTTP (reqwest), and device enrollment.
//!
//! Requests are gzip-compressed JSON; responses are read compressed when the
//! server compresses them. This is the only place the sync touches the network.

use super::{Transport, TransportError};
use crate::protocol::{ApiError, EnrollRequest, EnrollResponse, SyncRequest, SyncResponse};
use crate::store::DeviceIdentity;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{Read, Write};
use std::sync::Mutex;

/// Largest answer the app accepts once decompressed.
const MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;

/// Bytes that crossed the network in the last round trip (compressed bodies
/// plus the HTTP request line, status line and headers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExchangeStats {
    pub request_bytes: usize,
    pub response_bytes: usize,
}

/// Syncs one enrolled device with its server.
pub struct HttpTransport {
    client: reqwest::Client,
    base_url: String,
    token: String,
    last: Mutex<ExchangeStats>,
}

impl HttpTransport {
    pub fn new(base_url: &str, token: &str) -> Result<Self, TransportError> {
        Ok(Self {
            client: client()?,
            base_url: normalize_url(base_url).map_err(TransportError::Protocol)?,
            token: token.to_owned(),
            last: Mutex::new(ExchangeStats::default()),
        })
    }

    pub fn for_identity(identity: &DeviceIdentity) -> Result<Self, TransportError> {
        Self::new(&identity.server_url, &identity.token)
    }

    /// Bytes of the last round trip.
    pub fn last_exchange(&self) -> ExchangeStats {
        self.last.lock().map(|s| *s).unwrap_or_default()
    }
}

impl Transport for HttpTransport {
    async fn exchange(&self, request: &SyncRequest) -> Result<SyncResponse, TransportError> {
        let json = serde_json::to_vec(request)
            .map_err(|e| TransportError::Protocol(format!("cannot encode the request: {e}")))?;
        let body = gzip(&json).map_err(|e| TransportError::Protocol(e.to_string()))?;
        let http_request = self
            .client
            .post(format!("{}/api/v1/sync", self.base_url))
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(reqwest::header::CONTENT_ENCODING, "gzip")
            .header(reqwest::header::ACCEPT_ENCODING, "gzip")
            .body(body)
            .build()
            .map_err(|e| TransportError::Protocol(e.to_string()))?;
        let request_bytes = request_size(&http_request);
        let response = self
            .client
            .execute(http_request)
            .await
            .map_err(offline_or_protocol)?;
        let status = response.status();
        let header_bytes = response_header_size(&response);
        // A browser's fetch has already inflated the body, but still shows
        // the header.
        let gzipped = cfg!(not(target_arch = "wasm32")) && is_gzip(response.headers());
        let raw = response.bytes().await.map_err(offline_or_protocol)?;
        if let Ok(mut last) = self.last.lock() {
            *last = ExchangeStats {
                request_bytes,
                response_bytes: header_bytes + raw.len(),
            };
        }
        let bytes = if gzipped {
            gunzip(&raw).map_err(TransportError::Protocol)?
        } else {
            raw.to_vec()
        };
        if !status.is_success() {
            let error = api_error(status, &bytes);
            return Err(if status == reqwest::StatusCode::UNAUTHORIZED {
                TransportError::Unauthorized(error)
            } else {
                TransportError::Refused(error)
            });
        }
        serde_json::from_slice(&bytes)
            .map_err(|e| TransportError::Protocol(format!("unexpected answer: {e}")))
    }
}

/// Why enrollment failed, said so that the person can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrollError {
    #[error("{0}")]
    BadAddress(String),
    #[error("the server cannot be reached ({0}); check the address and that you have network")]
    Offline(String),
    /// The server refused the code (wrong, expired or already used); the
    /// `ApiError` code says which.
    #[error("{}", .0.message)]
    Refused(ApiError),
    #[error("the server's answer could not be read ({0}); check the address")]
    Protocol(String),
}

/// Enrolls this device with a one-time code from a coordinator.
pub async fn enroll(
    server_url: &str,
    code: &str,
    device_name: &str,
) -> Result<DeviceIdentity, EnrollError> {
    let base_url = normalize_url(server_url).map_err(EnrollError::BadAddress)?;
    let client = client().map_err(|e| EnrollError::Protocol(e.to_string()))?;
    let response = client
        .post(format!("{base_url}/api/v1/enroll"))
        .json(&EnrollRequest {
            code: code.trim().to_owned(),
            device_name: device_name.to_owned(),
        })
        .send()
        .await
        .map_err(|e| EnrollError::Offline(e.to_string()))?;
    let status = response.status();
    let bytes = response
        .bytes()
        .await
        .map_err(|e| EnrollError::Offline(e.to_string()))?;
    if !status.is_success() {
        return Err(EnrollError::Refused(api_error(status, &bytes)));
    }
    let answer: EnrollResponse =
        serde_json::from_slice(&bytes).map_err(|e| EnrollError::Protocol(e.to_string()))?;
    Ok(DeviceIdentity {
        server_url: base_url,
        device_id: answer.device_id,
        token: answer.token,
        account_id: answer.account_id,
        role: answer.role,
        display_name: answer.display_name,
        volunteer_id: answer.volunteer_id,
    })
}

pub(super) fn client() -> Result<reqwest::Client, TransportError> {
    let builder = reqwest::Client::builder();
    #[cfg(not(target_arch = "wasm32"))]
    let builder = builder
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(60));
    builder
        .build()
        .map_err(|e| TransportError::Protocol(format!("cannot start the network client: {e}")))
}

/// Checks and tidies a server address typed by a person.
pub fn normalize_url(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(format!(
            "\"{url}\" is not a server address: it must start with https:// (or http:// for a demo on this computer)"
        ));
    }
    reqwest::Url::parse(url)
        .map_err(|e| format!("\"{url}\" is not a valid server address ({e})"))?;
    Ok(url.to_owned())
}

pub(super) fn offline_or_protocol(error: reqwest::Error) -> TransportError {
    #[cfg(not(target_arch = "wasm32"))]
    let unreachable = error.is_connect() || error.is_timeout() || error.is_request();
    // In a browser, fetch reports every network failure the same way.
    #[cfg(target_arch = "wasm32")]
    let unreachable = error.is_request() || error.is_timeout();
    if unreachable || error.is_body() {
        TransportError::Offline(error.to_string())
    } else {
        TransportError::Protocol(error.to_string())
    }
}

pub(super) fn api_error(status: reqwest::StatusCode, body: &[u8]) -> ApiError {
    serde_json::from_slice(body).unwrap_or_else(|_| ApiError {
        code: format!("http_{}", status.as_u16()),
        message: format!("the server answered {status}"),
    })
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    encoder.finish()
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    GzDecoder::new(bytes)
        .take(MAX_RESPONSE_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| format!("the answer is damaged ({e})"))?;
    Ok(out)
}

fn is_gzip(headers: &reqwest::header::HeaderMap) -> bool {
    headers
        .get(reqwest::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("gzip"))
}

fn header_size(headers: &reqwest::header::HeaderMap) -> usize {
    headers
        .iter()
        .map(|(name, value)| name.as_str().len() + 2 + value.len() + 2)
        .sum()
}

fn request_size(request: &reqwest::Request) -> usize {
    let url = request.url();
    let request_line = request.method().as_str().len() + 1 + url.path().len() + 11;
    let host = 6 + url.host_str().map_or(0, str::len) + 8;
    let body = request
        .body()
        .and_then(|b| b.as_bytes())
        .map_or(0, <[u8]>::len);
    // content-length is added by the HTTP layer.
    request_line + host + header_size(request.headers()) + 24 + 2 + body
}

fn response_header_size(response: &reqwest::Response) -> usize {
    17 + header_size(response.headers()) + 2
}
