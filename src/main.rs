//! The `itinerances` binary: the server by default, the app when built with a
//! user-interface feature.

#[cfg(all(
    feature = "server",
    not(any(feature = "web", feature = "desktop", feature = "mobile"))
))]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    itinerances::server::cli::run().await
}

#[cfg(any(feature = "web", feature = "desktop", feature = "mobile"))]
fn main() {
    itinerances::ui::launch()
}

#[cfg(not(any(
    feature = "server",
    feature = "web",
    feature = "desktop",
    feature = "mobile"
)))]
fn main() {
    eprintln!("Built without a target: enable one of the features server, web, desktop, mobile.");
}
