//! The cases of the fuzz test, and the proptest strategies that make them:
//! strange strings and numbers, any JSON, damage to a JSON tree or to its
//! bytes, and sync requests described by what they change.

use super::{MAX_BODY_BYTES, MAX_INFLATED_BYTES};
use crate::server_support::test_now;
use itinerances::protocol::PROTOCOL_VERSION;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Where a body goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Sync,
    EnrollmentCodes,
}

/// What an operation built from the network is about to change.
#[derive(Debug, Clone)]
pub struct OpPlan {
    /// put, delete, log_event, submit_report, assign.
    pub change: u8,
    /// Picks the record, trip or volunteer.
    pub pick: usize,
    /// Written as the device's own (its trip, its name) or as someone else's.
    pub own: bool,
    pub seq: Value,
    pub millis: Value,
    pub counter: Value,
}

/// A body before the damage.
#[derive(Debug, Clone)]
pub enum Base {
    Sync {
        version: Option<Value>,
        cursor: Option<Value>,
        ops: Vec<OpPlan>,
    },
    /// One operation, many times: around the limit of operations per sync.
    ManyOps { count: usize, op: OpPlan },
    /// A valid request padded with spaces to `size` bytes (gzip-compressed
    /// afterwards when asked).
    Padded { size: usize },
    Code {
        volunteer: bool,
        name: String,
        volunteer_pick: Option<usize>,
    },
}

/// A change to the JSON tree: the `at`-th node in pre-order becomes `to`.
#[derive(Debug, Clone)]
pub struct ValueMutation {
    pub at: usize,
    pub to: Replacement,
}

#[derive(Debug, Clone)]
pub enum Replacement {
    Value(Value),
    /// Removed from its object or array.
    Removed,
    /// Wrapped in this many arrays.
    Nested(usize),
}

#[derive(Debug, Clone)]
pub enum ByteMutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Truncate {
        at: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    /// A copy of `len` bytes from `from`, inserted at `to`.
    Duplicate {
        from: usize,
        len: usize,
        to: usize,
    },
    /// A field inserted after the `nth` `{`: a duplicated or contradicting key.
    Field {
        nth: usize,
        text: String,
    },
    /// The `nth` number literal replaced by `text`.
    Number {
        nth: usize,
        text: String,
    },
    /// The whole body wrapped in `depth` arrays.
    Deep {
        depth: usize,
    },
}

#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Endpoint, Vec<u8>),
    AnyJson(Endpoint, Value),
    Damaged {
        base: Base,
        values: Vec<ValueMutation>,
        bytes: Vec<ByteMutation>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Plain,
    Gzip,
    /// Says gzip, sends it plain.
    ClaimedGzip,
    /// Says identity, sends gzip.
    UnclaimedGzip,
    Unsupported,
}

#[derive(Debug, Clone)]
pub enum Token {
    Own,
    /// A volunteer device enrolled before the cases.
    Other,
    Missing,
    Garbage(String),
}

#[derive(Debug, Clone)]
pub struct Exchange {
    pub body: Body,
    pub encoding: Encoding,
    pub token: Token,
}

#[derive(Debug, Clone)]
pub struct Case {
    /// `None`: a coordinator; else the volunteer picked.
    pub volunteer: Option<usize>,
    pub exchanges: Vec<Exchange>,
}

pub fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9-]{1,12}",
        3 => any::<String>(),
        2 => "[\\x00-\\x1f\\x7f\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}a-z ]{0,12}",
        1 => Just(String::new()),
        1 => (1usize..20_000).prop_map(|n| "é".repeat(n)),
        2 => prop::sample::select(vec![
            "'; DROP TABLE records; --",
            "../../etc/passwd",
            "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2026-02-30T10:00:00Z",
            "+275760-09-13T00:00:00Z",
            "2026-11-22T12:00:00+14:00",
            "2026-11-22T12:00:00",
            "gt-000001",
            "gv-0001",
            "gp-0000",
            "coordinator",
            "volunteer",
            "put",
            "log_event",
            "trip",
            "event",
            "applied",
            "\u{1f697}",
            "\u{0}",
        ])
        .prop_map(str::to_owned),
    ]
}

pub fn nasty_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            json!(0),
            json!(-1),
            json!(1),
            json!(u32::MAX),
            json!(u64::from(u32::MAX) + 1),
            json!(i64::MAX),
            json!(i64::MAX as u64 + 1),
            json!(i64::MIN),
            json!(u64::MAX),
            json!(1e308),
            json!(-1e308),
            json!(0.5),
            json!(-0.0),
        ]),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ]
}

pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        nasty_number(),
        nasty_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        let key = prop_oneof![
            prop::sample::select(vec![
                "version", "cursor", "ops", "op", "seq", "op_id", "hlc", "at", "record", "key",
                "event", "report", "trip_id", "kind", "id", "role",
            ])
            .prop_map(str::to_owned),
            nasty_string(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

pub fn replacement() -> impl Strategy<Value = Replacement> {
    prop_oneof![
        3 => nasty_string().prop_map(|s| Replacement::Value(Value::from(s))),
        3 => nasty_number().prop_map(Replacement::Value),
        1 => Just(Replacement::Value(Value::Null)),
        1 => any::<bool>().prop_map(|b| Replacement::Value(Value::from(b))),
        1 => Just(Replacement::Value(json!([]))),
        1 => Just(Replacement::Value(json!({}))),
        1 => any_json().prop_map(Replacement::Value),
        2 => Just(Replacement::Removed),
        1 => (1usize..300).prop_map(Replacement::Nested),
    ]
}

pub fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    let big_number = prop::sample::select(vec![
        "1e400",
        "-1e400",
        "18446744073709551616",
        "99999999999999999999999999999999999999",
        "-9223372036854775809",
        "9223372036854775808",
        "1e-400",
        "NaN",
        "Infinity",
        "-0",
        "01",
        "1.",
        ".5",
        "0x10",
    ]);
    let field = prop::sample::select(vec![
        r#""version":2,"#,
        r#""version":1,"#,
        r#""version":"2","#,
        r#""ops":[],"#,
        r#""ops":null,"#,
        r#""cursor":5,"#,
        r#""cursor":-5,"#,
        r#""seq":1,"#,
        r#""seq":0,"#,
        r#""op":"put","#,
        r#""op":"delete","#,
        r#""op_id":"x","#,
        r#""hlc":{"millis":0,"counter":0,"node":""},"#,
        r#""outcome":"applied","#,
    ]);
    let inserted = prop_oneof![
        prop::sample::select(vec![
            &br"\ud800"[..],
            br"\udfff\ud800",
            br"\u0000",
            b"\\",
            b"\"",
            b",",
            b"}",
            b"]]]]",
            b"{\"",
            b"\xff\xfe",
            b"\xc0\x80",
            b"\xed\xa0\x80",
            b"\x00",
            b"\n\t",
        ])
        .prop_map(<[u8]>::to_vec),
        prop::collection::vec(any::<u8>(), 1..16),
    ];
    prop_oneof![
        3 => (any::<usize>(), 0u8..8).prop_map(|(at, bit)| ByteMutation::Flip { at, bit }),
        2 => any::<usize>().prop_map(|at| ByteMutation::Truncate { at }),
        3 => (any::<usize>(), inserted).prop_map(|(at, bytes)| ByteMutation::Insert { at, bytes }),
        1 => (any::<usize>(), 1usize..64, any::<usize>())
            .prop_map(|(from, len, to)| ByteMutation::Duplicate { from, len, to }),
        3 => (0usize..8, field).prop_map(|(nth, text)| ByteMutation::Field { nth, text: text.to_owned() }),
        3 => (0usize..16, big_number).prop_map(|(nth, text)| ByteMutation::Number { nth, text: text.to_owned() }),
        1 => (1usize..200_000).prop_map(|depth| ByteMutation::Deep { depth }),
    ]
}

pub fn op_plan() -> impl Strategy<Value = OpPlan> {
    let seq = prop_oneof![19 => (1u64..12).prop_map(Value::from), 1 => nasty_number()];
    // The server's clock stands at `test_now()`, and the network was loaded
    // then: a stamp after it wins, one before it mostly loses.
    let offset = prop_oneof![
        6 => (1i64..600_000).prop_map(|ms| Value::from(test_now().timestamp_millis() + ms)),
        3 => (-600_000i64..=0).prop_map(|ms| Value::from(test_now().timestamp_millis() + ms)),
        1 => nasty_number(),
    ];
    let counter = prop_oneof![19 => (0u32..4).prop_map(Value::from), 1 => nasty_number()];
    (
        0u8..5,
        any::<usize>(),
        prop::bool::weighted(0.8),
        seq,
        offset,
        counter,
    )
        .prop_map(|(change, pick, own, seq, millis, counter)| OpPlan {
            change,
            pick,
            own,
            seq,
            millis,
            counter,
        })
}

pub fn base() -> impl Strategy<Value = Base> {
    let version = prop_oneof![
        8 => Just(Some(Value::from(PROTOCOL_VERSION))),
        1 => Just(None),
        1 => nasty_number().prop_map(Some),
    ];
    let cursor = prop_oneof![
        3 => Just(None),
        4 => (0u64..400).prop_map(|c| Some(Value::from(c))),
        2 => nasty_number().prop_map(Some),
    ];
    prop_oneof![
        12 => (version, cursor, prop::collection::vec(op_plan(), 0..6))
            .prop_map(|(version, cursor, ops)| Base::Sync { version, cursor, ops }),
        1 => (498usize..504, op_plan()).prop_map(|(count, op)| Base::ManyOps { count, op }),
        1 => prop::sample::select(vec![
            MAX_BODY_BYTES - 1,
            MAX_BODY_BYTES,
            MAX_BODY_BYTES + 1,
            MAX_INFLATED_BYTES,
            MAX_INFLATED_BYTES + 1,
        ])
        .prop_map(|size| Base::Padded { size }),
        2 => (any::<bool>(), nasty_string(), prop::option::of(any::<usize>()))
            .prop_map(|(volunteer, name, volunteer_pick)| Base::Code { volunteer, name, volunteer_pick }),
    ]
}

pub fn endpoint() -> impl Strategy<Value = Endpoint> {
    prop_oneof![9 => Just(Endpoint::Sync), 1 => Just(Endpoint::EnrollmentCodes)]
}

pub fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        1 => (endpoint(), prop::collection::vec(any::<u8>(), 0..2_048))
            .prop_map(|(to, bytes)| Body::Bytes(to, bytes)),
        1 => (endpoint(), any_json()).prop_map(|(to, value)| Body::AnyJson(to, value)),
        14 => (
            base(),
            prop_oneof![
                2 => Just(Vec::new()),
                1 => prop::collection::vec((any::<usize>(), replacement()), 1..4),
            ],
            prop_oneof![
                2 => Just(Vec::new()),
                1 => prop::collection::vec(byte_mutation(), 1..3),
            ],
        )
            .prop_map(|(base, values, bytes)| Body::Damaged {
                base,
                values: values
                    .into_iter()
                    .map(|(at, to)| ValueMutation { at, to })
                    .collect(),
                bytes,
            }),
    ]
}

pub fn exchange() -> impl Strategy<Value = Exchange> {
    let encoding = prop_oneof![
        10 => Just(Encoding::Plain),
        6 => Just(Encoding::Gzip),
        1 => Just(Encoding::ClaimedGzip),
        1 => Just(Encoding::UnclaimedGzip),
        1 => Just(Encoding::Unsupported),
    ];
    let token = prop_oneof![
        24 => Just(Token::Own),
        1 => Just(Token::Other),
        1 => Just(Token::Missing),
        1 => nasty_string().prop_map(Token::Garbage),
    ];
    (body(), encoding, token).prop_map(|(body, encoding, token)| Exchange {
        body,
        encoding,
        token,
    })
}

pub fn case() -> impl Strategy<Value = Case> {
    (
        prop::option::weighted(0.5, any::<usize>()),
        prop::collection::vec(exchange(), 1..5),
    )
        .prop_map(|(volunteer, exchanges)| Case {
            volunteer,
            exchanges,
        })
}
