//! The server's addresses: which handler answers each path, the web app
//! served beside the API, the layers every answer goes through; and serving
//! until the process stops.

use super::{admin, auth, family, figures, headers, live, serve, sync, ApiFailure, AppState};
use axum::routing::{delete, get, post};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

async fn get_health() -> &'static str {
    "ok"
}

async fn not_found() -> ApiFailure {
    ApiFailure::not_found("There is nothing at this address. Check the server address in the app.")
}

/// Every address the server answers, with the web app (when a directory
/// holds it) for any other path outside `/api`.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/health", get(get_health))
        .route("/api/v1/enroll", post(auth::post_enroll))
        .route("/api/v1/sync", post(sync::post_sync))
        .route("/api/v1/events", get(live::get_events))
        .route(
            "/api/v1/enrollment-codes",
            post(admin::post_enrollment_code),
        )
        .route("/api/v1/trips/{id}", get(admin::get_trip))
        .route("/api/v1/devices", get(admin::get_devices))
        .route("/api/v1/devices/{id}", delete(admin::delete_device))
        .route("/api/v1/audit", get(admin::get_audit))
        .route("/api/v1/retention", get(admin::get_retention))
        .route(
            "/api/v1/family-links",
            post(family::post_family_link).get(family::get_family_links),
        )
        .route(
            "/api/v1/family-links/{id}",
            delete(family::delete_family_link),
        )
        .route("/api/v1/family-notices", get(family::get_family_notices))
        .route(
            "/api/v1/family-notices/{id}/done",
            post(family::post_notice_done),
        )
        .route("/f/{token}", get(family::get_family_page))
        .route("/f/{token}/calendar.ics", get(family::get_family_calendar))
        .route("/f/{token}/cannot-come", post(family::post_cannot_come))
        .route("/api/v1/figures/report.pdf", get(figures::get_report_pdf))
        .route(
            "/api/v1/figures/statement.pdf",
            get(figures::get_statement_pdf),
        )
        // An unknown API path is an error, never the web app's index page.
        .route("/api/{*rest}", axum::routing::any(not_found));
    let app = match &state.inner.options.web_dir {
        Some(dir) => api
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => api.fallback(not_found),
    };
    app.with_state(state)
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(headers::browser_headers))
        .layer(TraceLayer::new_for_http())
}

/// Serves until the process is stopped. Tests pass a listener on port 0.
pub async fn launch_with_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> std::io::Result<()> {
    let limits = state.inner.options.connection_limits;
    state.spawn_mailer();
    state.spawn_retention();
    serve::serve(listener, router(state), limits, std::future::pending()).await;
    Ok(())
}
