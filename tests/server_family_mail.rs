//! Families' e-mail notices received by a real SMTP server (Python's
//! aiosmtpd, installed by scripts/bootstrap) on 127.0.0.1: in the
//! guardian's language, and never lost when the SMTP server is down.
#![cfg(feature = "server")]
#![allow(clippy::unwrap_used)]

mod server_support;

use chrono::Duration;
use itinerances::demo::generated_network_of;
use itinerances::domain::*;
use itinerances::protocol::*;
use itinerances::server::{SmtpOptions, SmtpSecurity};
use server_support::{notices, op, test_now, TestServer};
use std::path::Path;
use std::process::{Child as Process, Command, Stdio};
use std::time::Duration as StdDuration;

const PHONE: &str = "+32 2 555 01 23";

/// A Python that has aiosmtpd: Debian's (where the bootstrap installs it)
/// or the one on PATH.
fn python() -> &'static str {
    for candidate in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return candidate;
        }
    }
    panic!("no Python with aiosmtpd: run scripts/bootstrap (it installs python3-aiosmtpd)");
}

/// An SMTP server writing what it receives into a Maildir; stopped on drop.
struct SmtpServer(Process);

impl SmtpServer {
    fn start(port: u16, maildir: &Path) -> SmtpServer {
        let server = SmtpServer(
            Command::new(python())
                .args(["-m", "aiosmtpd", "-n", "-l"])
                .arg(format!("127.0.0.1:{port}"))
                .args(["-c", "aiosmtpd.handlers.Mailbox"])
                .arg(maildir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(StdDuration::from_millis(100));
        }
        panic!("the SMTP server did not start on port {port}");
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The messages of a Maildir, decoded by Python's own e-mail parser:
/// (to, subject, body).
fn received(maildir: &Path) -> Vec<(String, String, String)> {
    let script = r#"
import json, mailbox, sys
from email.header import decode_header, make_header
out = []
for message in mailbox.Maildir(sys.argv[1], create=False):
    subject = str(make_header(decode_header(message['subject'])))
    body = message.get_payload(decode=True).decode(message.get_content_charset() or 'utf-8')
    out.append([message['to'], subject, body])
print(json.dumps(out))
"#;
    if !maildir.join("new").exists() {
        return Vec::new();
    }
    let output = Command::new(python())
        .args(["-c", script])
        .arg(maildir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Waits (up to 15 s) until the guardian's notices satisfy `done`.
async fn wait_for(
    server: &TestServer,
    token: &str,
    guardian: &GuardianId,
    done: impl Fn(&[FamilyNotice]) -> bool,
) -> Vec<FamilyNotice> {
    for _ in 0..150 {
        let list = notices(server, token, guardian).await;
        if done(&list) {
            return list;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    panic!("{:#?}", notices(server, token, guardian).await);
}

#[tokio::test]
async fn e_mail_notices_arrive_in_the_guardians_language_and_wait_while_smtp_is_down() {
    let records = generated_network_of(31, 2, 3, 6, 20, test_now().date_naive()).records;
    let trip = records
        .iter()
        .find_map(|r| match r {
            Record::Trip(t) if t.visit_start > test_now() => Some(t.clone()),
            _ => None,
        })
        .unwrap();
    let guardian = records
        .iter()
        .find_map(|r| match r {
            Record::Guardian(g) if g.id == trip.pickup.guardian_id => Some(g.clone()),
            _ => None,
        })
        .unwrap();
    let child = records
        .iter()
        .find_map(|r| match r {
            Record::Child(c) if c.id == trip.children[0] => Some(c.clone()),
            _ => None,
        })
        .unwrap();

    // A port where no SMTP server listens yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = TestServer::start_configured(records, |o| {
        o.coordination_phone = PHONE.into();
        o.mail_poll = StdDuration::from_millis(100);
        o.smtp = Some(SmtpOptions {
            host: "127.0.0.1".into(),
            port,
            security: SmtpSecurity::Plain,
            username: None,
            password: None,
            from: "Itinérances <itinerances@example.be>".into(),
        });
    })
    .await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;

    // The family now has an e-mail address and reads Dutch.
    let guardian = Guardian {
        email: "familie@example.be".into(),
        language: Some(Language::Nl),
        ..guardian
    };
    let new_trip = Trip {
        id: TripId::from("new-visit"),
        visit_start: trip.visit_start + Duration::days(3),
        visit_end: trip.visit_end + Duration::days(3),
        ..trip.clone()
    };
    server
        .sync(
            &office.token,
            None,
            vec![
                op(
                    1,
                    Change::Put {
                        record: Record::Guardian(guardian.clone()),
                    },
                ),
                op(
                    2,
                    Change::Put {
                        record: Record::Trip(new_trip.clone()),
                    },
                ),
            ],
        )
        .await;

    // The SMTP server is down: the notice is kept, shown as failed, with why.
    let list = wait_for(&server, &office.token, &guardian.id, |list| {
        list.iter().any(|n| n.status == NoticeStatus::Failed)
    })
    .await;
    let planned = list
        .iter()
        .find(|n| n.kind == NoticeKind::Planned && n.trip_id.as_ref() == Some(&new_trip.id))
        .unwrap();
    assert_eq!(planned.channel, NoticeChannel::Email);
    assert_eq!(planned.recipient, "familie@example.be");
    assert_eq!(planned.status, NoticeStatus::Failed);
    assert!(planned.last_error.as_deref().is_some_and(|e| !e.is_empty()));
    assert!(planned.attempts >= 1);

    // The SMTP server comes back; at the next try the e-mail goes.
    let maildir = tempfile::tempdir().unwrap();
    let mail_path = maildir.path().join("mail");
    let _smtp = SmtpServer::start(port, &mail_path);
    server.set_now(test_now() + Duration::hours(2));
    let list = wait_for(&server, &office.token, &guardian.id, |list| {
        list.iter()
            .any(|n| n.id == planned.id && n.status == NoticeStatus::Sent)
    })
    .await;
    assert!(list
        .iter()
        .any(|n| n.id == planned.id && n.sent_at.is_some()));
    let mails = received(&mail_path);
    let (to, subject, body) = mails
        .iter()
        .find(|(_, s, _)| s.starts_with("Nieuw bezoek op"))
        .unwrap_or_else(|| panic!("{mails:#?}"));
    assert_eq!(to, "familie@example.be");
    assert!(!subject.is_empty());
    assert!(body.contains(&child.first_name), "{body}");
    assert!(body.contains(PHONE), "{body}");
    assert!(body.contains("Rode Kruis"), "{body}");

    // Cancelled: a second e-mail, in Dutch, with the reason in family words.
    server
        .sync(
            &office.token,
            None,
            vec![op(
                3,
                Change::LogEvent {
                    event: TripEvent {
                        id: EventId::from("cancel-new"),
                        trip_id: new_trip.id.clone(),
                        kind: EventKind::Cancelled {
                            reason: CancelReason::Lockdown,
                        },
                        at: test_now() + Duration::hours(2),
                        author: Author::Coordinator("Office".into()),
                        note: String::new(),
                    },
                },
            )],
        )
        .await;
    wait_for(&server, &office.token, &guardian.id, |list| {
        list.iter()
            .any(|n| n.kind == NoticeKind::Cancelled && n.status == NoticeStatus::Sent)
    })
    .await;
    let mails = received(&mail_path);
    let (_, _, body) = mails
        .iter()
        .find(|(_, s, _)| s.contains("afgelast"))
        .unwrap_or_else(|| panic!("{mails:#?}"));
    assert!(
        body.contains("de gevangenis is die dag dicht voor bezoek"),
        "{body}"
    );
}
