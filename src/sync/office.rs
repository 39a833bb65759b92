//! The coordinators' calls that are not sync: enrollment codes and devices.
//! They need the network (a code must exist on the server before it is
//! given), so their screens say so when it is missing.

use super::http::{api_error, client, normalize_url, offline_or_protocol};
use super::TransportError;
use crate::domain::DeviceId;
use crate::protocol::{CreateCodeRequest, CreateCodeResponse, DeviceInfo};
use crate::store::DeviceIdentity;
use serde::de::DeserializeOwned;

fn url(identity: &DeviceIdentity, path: &str) -> Result<String, TransportError> {
    let base = normalize_url(&identity.server_url).map_err(TransportError::Protocol)?;
    Ok(format!("{base}{path}"))
}

async fn answer<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, TransportError> {
    let status = response.status();
    let bytes = response.bytes().await.map_err(offline_or_protocol)?;
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

/// An authenticated call to the office API: `path` with its query, and a
/// JSON body for a POST.
async fn call(
    identity: &DeviceIdentity,
    method: reqwest::Method,
    path: &str,
    body: Option<&serde_json::Value>,
) -> Result<reqwest::Response, TransportError> {
    let mut request = client()?
        .request(method, url(identity, path)?)
        .bearer_auth(&identity.token);
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.map_err(offline_or_protocol)
}

/// A GET answered with JSON.
async fn get<T: DeserializeOwned>(
    identity: &DeviceIdentity,
    path: &str,
) -> Result<T, TransportError> {
    answer(call(identity, reqwest::Method::GET, path, None).await?).await
}

/// A POST of `body`, answered with JSON.
async fn post<T: DeserializeOwned>(
    identity: &DeviceIdentity,
    path: &str,
    body: &impl serde::Serialize,
) -> Result<T, TransportError> {
    let body = serde_json::to_value(body).map_err(|e| TransportError::Protocol(e.to_string()))?;
    answer(call(identity, reqwest::Method::POST, path, Some(&body)).await?).await
}

/// A call answered with nothing but its status.
async fn done(response: reqwest::Response) -> Result<(), TransportError> {
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let bytes = response.bytes().await.map_err(offline_or_protocol)?;
    Err(TransportError::Refused(api_error(status, &bytes)))
}

/// Creates a one-time code on the server, with its link and QR code.
pub async fn create_code(
    identity: &DeviceIdentity,
    request: &CreateCodeRequest,
) -> Result<CreateCodeResponse, TransportError> {
    post(identity, "/api/v1/enrollment-codes", request).await
}

/// Every device enrolled in the network, newest first.
pub async fn devices(identity: &DeviceIdentity) -> Result<Vec<DeviceInfo>, TransportError> {
    get(identity, "/api/v1/devices").await
}

/// Takes a device's access away: its token stops working at once and the
/// device wipes what it holds at its next contact.
pub async fn revoke_device(
    identity: &DeviceIdentity,
    device: &DeviceId,
) -> Result<(), TransportError> {
    done(
        call(
            identity,
            reqwest::Method::DELETE,
            &format!("/api/v1/devices/{device}"),
            None,
        )
        .await?,
    )
    .await
}

/// A new family link for a guardian (it replaces the earlier one), with its
/// message and QR code.
pub async fn create_family_link(
    identity: &DeviceIdentity,
    request: &crate::protocol::CreateFamilyLinkRequest,
) -> Result<crate::protocol::FamilyLinkCreated, TransportError> {
    post(identity, "/api/v1/family-links", request).await
}

/// The links of one guardian, newest first.
pub async fn family_links(
    identity: &DeviceIdentity,
    guardian: &crate::domain::GuardianId,
) -> Result<Vec<crate::protocol::FamilyLinkInfo>, TransportError> {
    get(
        identity,
        &format!("/api/v1/family-links?guardian_id={guardian}"),
    )
    .await
}

/// Stops a family link at once.
pub async fn revoke_family_link(
    identity: &DeviceIdentity,
    link_id: &str,
) -> Result<(), TransportError> {
    done(
        call(
            identity,
            reqwest::Method::DELETE,
            &format!("/api/v1/family-links/{link_id}"),
            None,
        )
        .await?,
    )
    .await
}

/// The notices to families (and from them), newest first: of one family
/// when `guardian` is given.
pub async fn family_notices(
    identity: &DeviceIdentity,
    guardian: Option<&crate::domain::GuardianId>,
) -> Result<Vec<crate::protocol::FamilyNotice>, TransportError> {
    let path = match guardian {
        Some(g) => format!("/api/v1/family-notices?limit=50&guardian_id={g}"),
        None => "/api/v1/family-notices?limit=300".to_owned(),
    };
    get(identity, &path).await
}

/// Marks a notice told by phone, or acted on.
pub async fn notice_done(identity: &DeviceIdentity, id: i64) -> Result<(), TransportError> {
    let empty = serde_json::json!({});
    done(
        call(
            identity,
            reqwest::Method::POST,
            &format!("/api/v1/family-notices/{id}/done"),
            Some(&empty),
        )
        .await?,
    )
    .await
}

/// A PDF the server draws (the figures' report, a volunteer's statement):
/// `path` with its query, answered as the file's bytes.
pub async fn pdf(identity: &DeviceIdentity, path: &str) -> Result<Vec<u8>, TransportError> {
    let response = call(identity, reqwest::Method::GET, path, None).await?;
    let status = response.status();
    let bytes = response.bytes().await.map_err(offline_or_protocol)?;
    if !status.is_success() {
        let error = api_error(status, &bytes);
        return Err(if status == reqwest::StatusCode::UNAUTHORIZED {
            TransportError::Unauthorized(error)
        } else {
            TransportError::Refused(error)
        });
    }
    if !bytes.starts_with(b"%PDF-") {
        return Err(TransportError::Protocol(
            "the server's answer is not a PDF".to_owned(),
        ));
    }
    Ok(bytes.to_vec())
}

/// The address (path and query) of the figures' PDF report.
pub fn report_pdf_path(
    from: chrono::NaiveDate,
    until: chrono::NaiveDate,
    lang: crate::i18n::Lang,
) -> String {
    format!(
        "/api/v1/figures/report.pdf?from={from}&to={until}&lang={}",
        lang.code()
    )
}

/// The address (path and query) of a volunteer's statement as PDF.
pub fn statement_pdf_path(
    volunteer: &crate::domain::VolunteerId,
    from: chrono::NaiveDate,
    until: chrono::NaiveDate,
    lang: crate::i18n::Lang,
) -> String {
    let id: String = volunteer
        .as_str()
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!(
        "/api/v1/figures/statement.pdf?volunteer={id}&from={from}&to={until}&lang={}",
        lang.code()
    )
}

/// One page of the audit log, newest first; `query` is the search already
/// written as an address's query (`person=child:…&action=read…`).
pub async fn audit(
    identity: &DeviceIdentity,
    query: &str,
) -> Result<Vec<crate::protocol::AuditEntry>, TransportError> {
    get(identity, &format!("/api/v1/audit?{query}")).await
}

/// What the server's retention removes now and within 30 days.
pub async fn retention(
    identity: &DeviceIdentity,
) -> Result<crate::protocol::RetentionPreview, TransportError> {
    get(identity, "/api/v1/retention").await
}
