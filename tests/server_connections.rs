//! A server under attack still serves its phones: idle, half-sent and slow
//! connections are capped and cut short, a full server says so readably,
//! and browsers get the headers that keep other sites out.
#![cfg(feature = "server")]

mod server_support;

use itinerances::protocol::*;
use itinerances::server::{raise_open_file_limit, ConnectionLimits};
use itinerances::sync::{enroll, EnrollError, HttpTransport, Transport};
use reqwest::StatusCode;
use server_support::{api_error, TestServer};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// Another client than the phone, which comes from 127.0.0.1: Linux routes
/// all of 127.0.0.0/8 to this machine.
const ATTACKER: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
/// Generous beside the 1 or 2 s timeouts under test, for a loaded machine.
const WITHIN: Duration = Duration::from_secs(10);
const SHORT: Duration = Duration::from_secs(1);

/// A TCP connection to `server` from the local address `source`.
async fn connect_from(source: IpAddr, server: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().expect("a socket");
    socket
        .bind(SocketAddr::new(source, 0))
        .expect("bind the client to its address");
    socket.connect(server).await.expect("connect to the server")
}

/// An HTTP answer as a raw client reads it.
#[derive(Debug)]
struct RawAnswer {
    status: u16,
    head: String,
    body: String,
}

/// What a raw client sees next on its connection.
#[derive(Debug)]
enum Seen {
    Answer(RawAnswer),
    /// Closed (or reset) by the server without a word.
    Closed,
    /// Nothing, and the connection is still open.
    Nothing,
}

/// One whole answer at the start of `bytes`, if it has arrived.
fn parse_answer(bytes: &[u8], closed: bool) -> Option<RawAnswer> {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let length = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())?
    });
    let complete = match length {
        Some(length) => body.len() >= length,
        None => closed,
    };
    complete.then(|| RawAnswer {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    })
}

/// Reads until a whole answer arrived or the server closed, at most `limit`.
async fn next_seen(stream: &mut (impl AsyncRead + Unpin), limit: Duration) -> Seen {
    let deadline = tokio::time::Instant::now() + limit;
    let mut bytes = Vec::new();
    loop {
        if let Some(answer) = parse_answer(&bytes, false) {
            return Seen::Answer(answer);
        }
        let mut buffer = [0_u8; 4096];
        match tokio::time::timeout_at(deadline, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) if bytes.is_empty() => return Seen::Closed,
            Ok(Ok(0)) | Ok(Err(_)) => {
                return parse_answer(&bytes, true)
                    .map(Seen::Answer)
                    .unwrap_or_else(|| {
                        panic!("half an answer: {}", String::from_utf8_lossy(&bytes))
                    })
            }
            Ok(Ok(read)) => bytes.extend_from_slice(&buffer[..read]),
            Err(_) if bytes.is_empty() => return Seen::Nothing,
            Err(_) => panic!(
                "half an answer, then silence: {}",
                String::from_utf8_lossy(&bytes)
            ),
        }
    }
}

fn header<'a>(answer: &'a RawAnswer, name: &str) -> Option<&'a str> {
    answer.head.lines().find_map(|line| {
        let (found, value) = line.split_once(':')?;
        found.eq_ignore_ascii_case(name).then_some(value.trim())
    })
}

/// A phone's whole first contact, with the app's own client: enroll, sync.
async fn phone_enrolls_and_syncs(server: &TestServer, name: &str) {
    let code = server
        .state
        .create_enrollment_code(Role::Coordinator, name, None)
        .expect("a code");
    let phone = enroll(&server.url, &code.code, name)
        .await
        .unwrap_or_else(|e| panic!("{name} cannot enroll: {e}"));
    let transport = HttpTransport::for_identity(&phone).expect("a transport");
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: Vec::new(),
    };
    if let Err(e) = transport.exchange(&request).await {
        panic!("{name} cannot sync: {e}");
    }
}

#[tokio::test]
async fn a_thousand_idle_connections_from_one_address_do_not_lock_out_a_phone() {
    // This process holds both ends of every connection.
    raise_open_file_limit();
    // Room for fewer connections than the attacker opens: without the cap
    // per address, the attacker would take every place.
    let server = TestServer::start_with_limits(
        Vec::new(),
        ConnectionLimits {
            header_timeout: Duration::from_secs(2),
            max_connections: 200,
            ..ConnectionLimits::default()
        },
    )
    .await;
    let mut hanging = Vec::new();
    for _ in 0..1000 {
        hanging.push(connect_from(ATTACKER, server.addr).await);
    }

    let started = Instant::now();
    for round in 1..=3 {
        phone_enrolls_and_syncs(&server, &format!("Phone {round}")).await;
    }
    let took = started.elapsed();
    assert!(took < WITHIN, "three enrollments and syncs took {took:?}");

    let mut readers = tokio::task::JoinSet::new();
    for mut stream in hanging {
        readers.spawn(async move { next_seen(&mut stream, WITHIN).await });
    }
    let (mut told_busy, mut closed) = (0, 0);
    while let Some(seen) = readers.join_next().await {
        match seen.expect("a reader") {
            Seen::Answer(answer) => {
                assert_eq!(answer.status, 503, "{answer:?}");
                let error: ApiError = serde_json::from_str(&answer.body).expect("an ApiError");
                assert_eq!(error.code, "server_busy");
                told_busy += 1;
            }
            Seen::Closed => closed += 1,
            Seen::Nothing => panic!("a hanging connection is still open after {WITHIN:?}"),
        }
    }
    assert_eq!(told_busy + closed, 1000);
}

#[tokio::test]
async fn a_full_server_tells_the_phone_it_is_busy_then_serves_it_when_there_is_room() {
    let server = TestServer::start_with_limits(
        Vec::new(),
        ConnectionLimits {
            max_connections: 4,
            ..ConnectionLimits::default()
        },
    )
    .await;
    // Accepted in order, before the phone's connection.
    let mut taking_every_place = Vec::new();
    for _ in 0..4 {
        taking_every_place.push(connect_from(ATTACKER, server.addr).await);
    }

    let code = server
        .state
        .create_enrollment_code(Role::Coordinator, "Office", None)
        .expect("a code");
    match enroll(&server.url, &code.code, "Office").await {
        Err(EnrollError::Refused(error)) => {
            assert_eq!(error.code, "server_busy");
            assert!(
                error.message.contains("tries again by itself"),
                "{}",
                error.message
            );
        }
        other => panic!("a full server let the phone in: {other:?}"),
    }
    let busy = reqwest::Client::new()
        .get(format!("{}/health", server.url))
        .send()
        .await
        .expect("an answer");
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(busy.headers()["retry-after"], "60");
    assert_eq!(busy.headers()["x-content-type-options"], "nosniff");
    assert_eq!(api_error(busy).await.1.code, "server_busy");

    // The refused code was never seen: it still works once there is room.
    drop(taking_every_place);
    let started = Instant::now();
    loop {
        match enroll(&server.url, &code.code, "Office").await {
            Ok(_) => break,
            Err(EnrollError::Refused(error))
                if error.code == "server_busy" && started.elapsed() < WITHIN =>
            {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("the places did not come back: {e}"),
        }
    }
}

#[tokio::test]
async fn half_a_header_is_cut_off_after_the_header_timeout() {
    let server = TestServer::start_with_limits(
        Vec::new(),
        ConnectionLimits {
            header_timeout: SHORT,
            ..ConnectionLimits::default()
        },
    )
    .await;
    // The server's clock starts after this, when it accepts.
    let started = Instant::now();
    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: itinerances\r\nAcc")
        .await
        .expect("send half a header");
    let seen = next_seen(&mut stream, WITHIN).await;
    assert!(matches!(seen, Seen::Closed), "{seen:?}");
    assert!(started.elapsed() >= SHORT, "closed before its timeout");
}

#[tokio::test]
async fn a_kept_alive_connection_nobody_uses_is_closed() {
    let long = Duration::from_secs(60);
    for (which, limits) in [
        (
            "the idle timeout",
            ConnectionLimits {
                idle_timeout: SHORT,
                header_timeout: long,
                ..ConnectionLimits::default()
            },
        ),
        (
            "the header timeout, which hyper also runs between requests",
            ConnectionLimits {
                header_timeout: SHORT,
                idle_timeout: long,
                ..ConnectionLimits::default()
            },
        ),
    ] {
        let server = TestServer::start_with_limits(Vec::new(), limits).await;
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        // Both clocks start after this, once the answer is written.
        let started = Instant::now();
        stream
            .write_all(b"GET /health HTTP/1.1\r\nHost: itinerances\r\n\r\n")
            .await
            .expect("send a request");
        match next_seen(&mut stream, WITHIN).await {
            Seen::Answer(answer) => {
                assert_eq!((answer.status, answer.body.as_str()), (200, "ok"));
                assert_eq!(header(&answer, "connection"), None, "kept alive");
            }
            other => panic!("no answer: {other:?}"),
        }
        let seen = next_seen(&mut stream, WITHIN).await;
        assert!(matches!(seen, Seen::Closed), "{which}: {seen:?}");
        assert!(started.elapsed() >= SHORT, "{which}: closed too early");
    }
}

#[tokio::test]
async fn a_slow_body_gets_a_readable_408() {
    let server = TestServer::start_with_limits(
        Vec::new(),
        ConnectionLimits {
            body_timeout: SHORT,
            ..ConnectionLimits::default()
        },
    )
    .await;
    // A few bytes then nothing; or a byte now and then, which a timeout per
    // piece of body would never stop.
    for trickle in [false, true] {
        let stream = TcpStream::connect(server.addr).await.expect("connect");
        let (mut reader, mut writer) = stream.into_split();
        let started = Instant::now();
        writer
            .write_all(
                b"POST /api/v1/enroll HTTP/1.1\r\nHost: itinerances\r\n\
                  Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"code\":",
            )
            .await
            .expect("send the header and a few bytes");
        let trickler = tokio::spawn(async move {
            for _ in 0..90 {
                tokio::time::sleep(Duration::from_millis(300)).await;
                if trickle && writer.write_all(b" ").await.is_err() {
                    break;
                }
            }
            // Kept open until here: a closed side would end the body early.
            drop(writer);
        });
        match next_seen(&mut reader, WITHIN).await {
            Seen::Answer(answer) => {
                assert_eq!(answer.status, 408, "trickle {trickle}: {answer:?}");
                let error: ApiError = serde_json::from_str(&answer.body).expect("an ApiError");
                assert_eq!(error.code, "request_timeout");
                assert!(error.message.contains("try again"), "{}", error.message);
            }
            other => panic!("trickle {trickle}: no answer: {other:?}"),
        }
        assert!(started.elapsed() >= SHORT, "answered before the deadline");
        trickler.abort();
    }
    assert_eq!(server.health().await, "ok");
}

const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
    base-uri 'none'; form-action 'self'; object-src 'none'";

#[tokio::test]
async fn every_answer_carries_the_browser_headers_and_api_answers_are_never_stored() {
    let web = tempfile::tempdir().expect("temp dir");
    std::fs::write(web.path().join("index.html"), "<h1>Itinérances</h1>").expect("write");
    std::fs::write(web.path().join("app.js"), "console.log(1)").expect("write");
    let server = TestServer::start_serving(Vec::new(), Some(web.path().to_owned())).await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let url = |path: &str| format!("{}{path}", server.url);
    let client = &server.client;

    let answers = [
        ("an API answer", true, StatusCode::OK, {
            client
                .get(url("/api/v1/audit"))
                .bearer_auth(&coordinator.token)
        }),
        ("an API refusal", true, StatusCode::UNAUTHORIZED, {
            client.post(url("/api/v1/sync")).json(&SyncRequest {
                version: PROTOCOL_VERSION,
                cursor: None,
                ops: Vec::new(),
            })
        }),
        ("an API 404", true, StatusCode::NOT_FOUND, {
            client.get(url("/api/v1/nothing"))
        }),
        (
            "a request that is not JSON",
            true,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            { client.post(url("/api/v1/enroll")).body("code=x") },
        ),
        ("the page", false, StatusCode::OK, client.get(url("/"))),
        ("a file", false, StatusCode::OK, client.get(url("/app.js"))),
    ];
    for (what, api, status, request) in answers {
        let response = request.send().await.expect("an answer");
        assert_eq!(response.status(), status, "{what}");
        let headers = response.headers();
        for (name, value) in [
            ("content-security-policy", CONTENT_SECURITY_POLICY),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
            ("x-frame-options", "DENY"),
            ("cross-origin-opener-policy", "same-origin"),
        ] {
            assert_eq!(
                headers.get(name).and_then(|v| v.to_str().ok()),
                Some(value),
                "{what}: {name}"
            );
        }
        let cache = headers.get("cache-control").and_then(|v| v.to_str().ok());
        if api {
            assert_eq!(cache, Some("no-store"), "{what}");
        } else {
            assert_ne!(cache, Some("no-store"), "{what}: the app may be cached");
        }
    }
}

#[tokio::test]
async fn an_enrollment_that_is_not_json_is_refused_and_never_counts_as_a_wrong_code() {
    let server = TestServer::start(Vec::new()).await;
    let created = server
        .state
        .create_enrollment_code(Role::Coordinator, "Office", None)
        .expect("a code");
    let as_json = |code: &str| {
        serde_json::to_string(&EnrollRequest {
            code: code.to_owned(),
            device_name: "Office".into(),
        })
        .expect("JSON")
    };
    let wrong = "ABCD-EFGH2";
    // What a page of another site can make a browser send, without asking.
    let mut posts = vec![(Some("text/plain"), as_json(&created.code))];
    for _ in 0..3 {
        posts.extend([
            (Some("text/plain;charset=UTF-8"), as_json(wrong)),
            (
                Some("application/x-www-form-urlencoded"),
                format!("code={wrong}&device_name=Office"),
            ),
            (
                Some("multipart/form-data; boundary=x"),
                format!("--x\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n{wrong}\r\n--x--\r\n"),
            ),
            (None, as_json(wrong)),
        ]);
    }
    assert!(
        posts.len() > 10,
        "more than the wrong codes an address may give"
    );
    for (content_type, body) in posts {
        let mut request = server
            .client
            .post(format!("{}/api/v1/enroll", server.url))
            .body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let (status, error) = api_error(request.send().await.expect("an answer")).await;
        assert_eq!(
            (status, error.code.as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            "{content_type:?}"
        );
        assert!(
            error.message.contains("application/json"),
            "{}",
            error.message
        );
    }

    // Neither used nor counted: the code still enrolls, sent as JSON.
    let response = server
        .client
        .post(format!("{}/api/v1/enroll", server.url))
        .header("content-type", "application/json; charset=utf-8")
        .body(as_json(&created.code))
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    let enrolled: EnrollResponse = response.json().await.expect("an EnrollResponse");
    assert_eq!(enrolled.account_id, created.account_id);
}
