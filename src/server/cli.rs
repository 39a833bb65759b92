//! The command line of the server binary: `serve` (with `--demo` for a
//! throw-away demo network) and `code` (a one-time enrollment code).

use super::demo_mode::{prepare_demo, DemoLogin, DEMO_CODE_VALIDITY};
use super::serve::{raise_open_file_limit, serve as serve_connections};
use super::{
    router, AppState, ConnectionLimits, ServerError, ServerOptions, SmtpOptions, SmtpSecurity,
};
use crate::domain::VolunteerId;
use crate::protocol::Role;
use chrono::Utc;
use chrono_tz::Europe::Brussels;
use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "itinerances",
    version,
    about = "Itinérances companion: the server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs the server (sync API and, with --web-dir, the web app).
    Serve(ServeArgs),
    /// Prints a one-time enrollment code for a coordinator or a volunteer.
    Code(CodeArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Starts on a fresh demo network (recreated at every start) and prints
    /// the codes to sign in with.
    #[arg(long)]
    demo: bool,
    /// Address to listen on. The default keeps the server on this machine;
    /// put it behind a TLS reverse proxy before opening it to phones.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Where the database lives.
    #[arg(long, default_value = "./data")]
    data_dir: PathBuf,
    /// The built web app, served for every path outside the API.
    #[arg(long)]
    web_dir: Option<PathBuf>,
    /// Most connections open at once [default: 2048, fewer when the
    /// system's limit of open files is lower]. Beyond, clients are told the
    /// server is busy.
    #[arg(long, value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    max_connections: Option<usize>,
    /// Most connections open at once from one network address [default:
    /// 64]. Behind a reverse proxy every client has the proxy's address:
    /// set it to --max-connections there and let the proxy limit clients.
    #[arg(long, value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    max_connections_per_address: Option<usize>,
    /// The coordination's phone number, shown on every family page and in
    /// every notice to families.
    #[arg(long, default_value = "")]
    coordination_phone: String,
    /// The network's name, at the head of the figures' PDF report and of
    /// volunteers' statements.
    #[arg(long, default_value = super::DEFAULT_NETWORK_NAME)]
    network_name: String,
    /// Days after a trip when its steps' notes and its report's free text
    /// are removed.
    #[arg(long, default_value_t = 730, value_parser = RangedU64ValueParser::<u64>::new().range(30..=36500))]
    keep_notes_days: u64,
    /// Days after a child's last visit right or trip when the child's name
    /// and needs are removed (the child stays counted, without a name).
    #[arg(long, default_value_t = 1095, value_parser = RangedU64ValueParser::<u64>::new().range(30..=36500))]
    keep_children_days: u64,
    /// Days the audit log keeps who read or changed what.
    #[arg(long, default_value_t = 1825, value_parser = RangedU64ValueParser::<u64>::new().range(30..=36500))]
    keep_audit_days: u64,
    /// The SMTP server that sends families their notices by e-mail (without
    /// it, notices are listed for coordinators to tell by phone). The
    /// password, if any, is read from ITINERANCES_SMTP_PASSWORD.
    #[arg(long)]
    smtp_host: Option<String>,
    #[arg(long, default_value_t = 587)]
    smtp_port: u16,
    /// starttls (port 587), tls (port 465), or plain (a relay on this machine only).
    #[arg(long, value_enum, default_value_t = SmtpSecurityArg::Starttls)]
    smtp_security: SmtpSecurityArg,
    #[arg(long)]
    smtp_user: Option<String>,
    /// The sender of the notices, e.g. "Itinérances <itinerances@example.be>".
    #[arg(long, default_value = "itinerances@localhost")]
    smtp_from: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SmtpSecurityArg {
    Starttls,
    Tls,
    Plain,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Coordinator,
    Volunteer,
}

#[derive(Debug, Args)]
struct CodeArgs {
    #[arg(long, value_enum)]
    role: RoleArg,
    /// The name of the person the code is for.
    #[arg(long)]
    name: String,
    /// For a volunteer: the id of their volunteer record.
    #[arg(long)]
    volunteer_id: Option<String>,
    #[arg(long, default_value = "./data")]
    data_dir: PathBuf,
}

/// Parses the command line and runs it; errors are printed, not panicked.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::Code(args) => print_code(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("itinerances.sqlite3")
}

async fn serve(args: ServeArgs) -> Result<(), ServerError> {
    // Before the default limits, which are sized by it.
    raise_open_file_limit();
    let defaults = ConnectionLimits::default();
    let limits = ConnectionLimits {
        max_connections: args.max_connections.unwrap_or(defaults.max_connections),
        max_per_address: args
            .max_connections_per_address
            .unwrap_or(defaults.max_per_address),
        ..defaults
    };
    let smtp = args.smtp_host.clone().map(|host| SmtpOptions {
        host,
        port: args.smtp_port,
        security: match args.smtp_security {
            SmtpSecurityArg::Starttls => SmtpSecurity::StartTls,
            SmtpSecurityArg::Tls => SmtpSecurity::Tls,
            SmtpSecurityArg::Plain => SmtpSecurity::Plain,
        },
        username: args.smtp_user.clone(),
        password: std::env::var("ITINERANCES_SMTP_PASSWORD").ok(),
        from: args.smtp_from.clone(),
    });
    let coordination_phone = if args.demo && args.coordination_phone.is_empty() {
        // A number of the fictional demo network.
        "+32 2 000 00 00".to_owned()
    } else {
        args.coordination_phone.trim().to_owned()
    };
    if coordination_phone.is_empty() {
        tracing::warn!(
            "no --coordination-phone: families' pages and notices will give no number to call"
        );
    }
    if smtp.is_none() {
        tracing::info!(
            "no --smtp-host: notices to families are listed for coordinators to tell by phone"
        );
    }
    let options = ServerOptions {
        web_dir: args.web_dir.clone(),
        connection_limits: limits,
        coordination_phone,
        smtp,
        retention: super::RetentionPolicy {
            notes: days(args.keep_notes_days),
            children: days(args.keep_children_days),
            audit: days(args.keep_audit_days),
        },
        network_name: match args.network_name.trim() {
            "" => super::DEFAULT_NETWORK_NAME.to_owned(),
            name => name.to_owned(),
        },
        ..ServerOptions::default()
    };
    let url = format!("http://{}", SocketAddr::new(args.bind, args.port));
    let state = if args.demo {
        let path = args.data_dir.join("demo.sqlite3");
        let today = Utc::now().with_timezone(&Brussels).date_naive();
        let (state, logins) = prepare_demo(&path, options, today)?;
        print_demo_banner(&url, &path, &logins);
        state
    } else {
        let state = AppState::open(&database_path(&args.data_dir), options)?;
        if !state.has_coordinator()? {
            let created = state.create_enrollment_code(Role::Coordinator, "Coordinator", None)?;
            println!(
                "First start: enroll the coordinator's device at {url} with the one-time code {} (valid until {}).\n\
                 Keep it private; it is shown only once.",
                created.code,
                created.expires_at.format("%Y-%m-%d %H:%M UTC")
            );
        }
        state
    };
    let listener = tokio::net::TcpListener::bind((args.bind, args.port)).await?;
    tracing::info!(
        %url,
        max_connections = limits.max_connections,
        max_per_address = limits.max_per_address,
        "listening"
    );
    state.spawn_mailer();
    state.spawn_retention();
    serve_connections(listener, router(state), limits, async {
        // If the signal cannot be awaited, the server runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
    .await;
    Ok(())
}

fn print_demo_banner(url: &str, path: &Path, logins: &[DemoLogin]) {
    println!("Itinérances demo server");
    println!();
    println!("Open {url} (or point the app at it) and enroll with one of these codes:");
    for login in logins {
        println!(
            "  {}   {} ({})",
            login.code,
            login.name,
            login.role.as_str()
        );
    }
    println!();
    println!(
        "Each code works once and stays valid {} days.",
        DEMO_CODE_VALIDITY.num_days()
    );
    println!("The families and volunteers are fictional. The prisons are real, but their");
    println!("rules on these sheets are EXAMPLE CONTENT, not the real rules of these prisons.");
    println!(
        "The demo database ({}) is deleted and recreated at every start.",
        path.display()
    );
}

fn print_code(args: CodeArgs) -> Result<(), ServerError> {
    let state = AppState::open(&database_path(&args.data_dir), ServerOptions::default())?;
    let role = match args.role {
        RoleArg::Coordinator => Role::Coordinator,
        RoleArg::Volunteer => Role::Volunteer,
    };
    let created =
        state.create_enrollment_code(role, &args.name, args.volunteer_id.map(VolunteerId))?;
    println!(
        "Code for {} ({}): {}  (valid until {})",
        args.name,
        role.as_str(),
        created.code,
        created.expires_at.format("%Y-%m-%d %H:%M UTC")
    );
    Ok(())
}

/// Days as a duration (the options are bounded well within its range).
fn days(n: u64) -> chrono::Duration {
    chrono::Duration::days(i64::try_from(n).unwrap_or(36500))
}
