//! Errors of the server, and how they reach a person: every refusal is an
//! [`ApiError`] with a stable code and a message that says what to do.

use crate::protocol::ApiError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// What can go wrong inside the server (database, files, stored data).
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("the database was written by a newer version of the server (schema {found}, this server knows up to {known}); update the server")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("stored data could not be read ({0}); restore the database from a backup")]
    Corrupt(String),
    /// A request that cannot be carried out as asked, said to the person.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error("internal error: {0}")]
    Internal(String),
}

/// A refusal of a whole request: an HTTP status and an [`ApiError`] body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    pub status: StatusCode,
    pub error: ApiError,
}

impl ApiFailure {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            error: ApiError {
                code: code.to_owned(),
                message: message.into(),
            },
        }
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "This device is not signed in (its access was removed or never given): enroll this device again with a code from your coordinator.",
        )
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "malformed_request", message)
    }

    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }
}

impl From<ServerError> for ApiFailure {
    fn from(error: ServerError) -> Self {
        match error {
            ServerError::Invalid(message) => {
                Self::new(StatusCode::BAD_REQUEST, "invalid_request", message)
            }
            ServerError::NotFound(message) => Self::not_found(message),
            other => {
                // The details stay in the server's log; the person gets what to do.
                tracing::error!(error = %other, "request failed");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "server_error",
                    "The server could not complete this request. Nothing was lost on your device: try again in a few minutes, and tell your coordinator if it keeps happening.",
                )
            }
        }
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.error)).into_response();
        // A request refused for its token or its size may leave its body
        // unread, and the connection is then closed after the answer: say
        // so, or a client keeping the connection for its next request sees
        // that request fail.
        if matches!(
            self.status,
            StatusCode::UNAUTHORIZED | StatusCode::PAYLOAD_TOO_LARGE
        ) {
            response.headers_mut().insert(
                axum::http::header::CONNECTION,
                axum::http::HeaderValue::from_static("close"),
            );
        }
        response
    }
}
