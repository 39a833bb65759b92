//! Sending the families' e-mail notices through the SMTP server of the
//! options (`lettre`). One task sends what is due, after each write that
//! queued an e-mail and every few seconds; a failure is written on the
//! notice (coordinators see it) and the e-mail is tried again later.

use super::super::AppState;
use super::notices;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration as StdDuration;

/// How the server reaches its SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SmtpSecurity {
    /// Plain SMTP: only for a server on the same machine or network.
    Plain,
    /// STARTTLS on the submission port (587), the usual.
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// The SMTP server notices are sent through.
#[derive(Clone)]
pub struct SmtpOptions {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `Itinérances <itinerances@example.be>`.
    pub from: String,
}

impl std::fmt::Debug for SmtpOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The password never reaches a log.
        f.debug_struct("SmtpOptions")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("from", &self.from)
            .finish()
    }
}

fn transport(options: &SmtpOptions) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    let builder = match options.security {
        SmtpSecurity::Plain => {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(options.host.as_str())
        }
        SmtpSecurity::StartTls => {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&options.host)
                .map_err(|e| format!("SMTP server {}: {e}", options.host))?
        }
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&options.host)
            .map_err(|e| format!("SMTP server {}: {e}", options.host))?,
    };
    let builder = builder
        .port(options.port)
        .timeout(Some(StdDuration::from_secs(20)));
    let builder = match (&options.username, &options.password) {
        (Some(user), Some(password)) => {
            builder.credentials(Credentials::new(user.clone(), password.clone()))
        }
        _ => builder,
    };
    Ok(builder.build())
}

async fn send_one(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), String> {
    let message = Message::builder()
        .from(
            from.parse()
                .map_err(|e| format!("the sender address {from} is not valid: {e}"))?,
        )
        .to(to.parse().map_err(|e| {
            format!("the address {to} is not valid: {e}; correct it in the family's page")
        })?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_owned())
        .map_err(|e| format!("the message could not be written: {e}"))?;
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| format!("the SMTP server did not take it: {e}"))
}

/// Sends the e-mails due now; returns how many were tried.
pub(crate) async fn send_due(state: &AppState, options: &SmtpOptions) -> usize {
    let now = state.now();
    let due = match state
        .blocking(move |db| notices::due_emails(&db.conn, now, 50).map_err(Into::into))
        .await
    {
        Ok(due) => due,
        Err(e) => {
            tracing::error!(error = ?e.error, "could not read the notices to send");
            return 0;
        }
    };
    if due.is_empty() {
        return 0;
    }
    let transport = transport(options);
    let tried = due.len();
    for notice in due {
        let outcome = match &transport {
            Ok(t) => {
                send_one(
                    t,
                    &options.from,
                    &notice.recipient,
                    &notice.subject,
                    &notice.body,
                )
                .await
            }
            Err(e) => Err(e.clone()),
        };
        if let Err(error) = &outcome {
            tracing::warn!(notice = notice.id, %error, "family notice not sent");
        }
        let now = state.now();
        let id = notice.id;
        if let Err(e) = state
            .blocking(move |db| notices::mark_sent(&db.conn, now, id, outcome).map_err(Into::into))
            .await
        {
            tracing::error!(error = ?e.error, "could not note a notice's outcome");
        }
    }
    tried
}

/// Runs for as long as the server: sends what is due when woken and every
/// `poll` otherwise.
pub(crate) async fn run(state: AppState, options: SmtpOptions, poll: StdDuration) {
    loop {
        send_due(&state, &options).await;
        tokio::select! {
            () = state.mail_wake().notified() => {}
            () = tokio::time::sleep(poll) => {}
        }
    }
}
