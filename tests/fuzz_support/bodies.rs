//! From a case to bytes: operations built from the generated network for
//! the case's device, then damaged as the case says.

use super::inputs::{Base, Body, ByteMutation, Endpoint, OpPlan, Replacement};
use crate::server_support::test_now;
use flate2::write::GzEncoder;
use flate2::Compression;
use itinerances::domain::*;
use itinerances::protocol::*;
use serde_json::{json, Value};
use std::io::Write;

/// The generated network and who the case's device is.
pub struct World {
    pub records: Vec<Record>,
    pub trips: Vec<Trip>,
    pub volunteers: Vec<VolunteerId>,
}

pub struct Device<'a> {
    pub token: String,
    pub volunteer: Option<&'a VolunteerId>,
    pub name: String,
}

pub fn pick<T>(items: &[T], at: usize) -> &T {
    &items[at % items.len()]
}

pub fn operation(world: &World, device: &Device, plan: &OpPlan) -> Value {
    let own_trips: Vec<&Trip> = match device.volunteer {
        Some(v) => world
            .trips
            .iter()
            .filter(|t| t.volunteer_id.as_ref() == Some(v))
            .collect(),
        None => world.trips.iter().collect(),
    };
    let trip = match (plan.own, own_trips.is_empty()) {
        (true, false) => own_trips[plan.pick % own_trips.len()].id.clone(),
        _ => pick(&world.trips, plan.pick).id.clone(),
    };
    let author = match (plan.own, device.volunteer) {
        (true, Some(v)) => Author::Volunteer(v.clone()),
        (true, None) => Author::Coordinator(device.name.clone()),
        (false, _) => Author::Volunteer(pick(&world.volunteers, plan.pick / 7).clone()),
    };
    let change = match plan.change {
        0 => Change::Put {
            record: pick(&world.records, plan.pick).clone(),
        },
        1 => Change::Delete {
            key: pick(&world.records, plan.pick).key(),
        },
        2 => Change::LogEvent {
            event: TripEvent {
                // Now and then an id already used, by this case or another.
                id: if plan.pick.is_multiple_of(5) {
                    EventId(format!("fuzz-{}", plan.pick % 50))
                } else {
                    EventId::random()
                },
                trip_id: trip,
                kind: EventKind::STEPS[plan.pick % EventKind::STEPS.len()],
                at: test_now(),
                author,
                note: String::new(),
            },
        },
        3 => Change::SubmitReport {
            report: TripReport {
                trip_id: trip,
                author,
                mood_before: Mood::Calm,
                mood_after: Mood::Happy,
                contact: Contact::Warm,
                incidents: String::new(),
                kilometres: u32::try_from(plan.pick % 4_000).unwrap_or(0),
                text: String::new(),
                written_at: test_now(),
            },
        },
        _ => Change::Assign {
            trip_id: trip,
            volunteer_id: (!plan.pick.is_multiple_of(3))
                .then(|| pick(&world.volunteers, plan.pick).clone()),
        },
    };
    let op = Operation {
        op_id: OpId::random(),
        seq: 1,
        hlc: Hlc::zero("phone"),
        at: test_now(),
        change,
    };
    let mut value = serde_json::to_value(&op).expect("an operation serializes");
    value["seq"] = plan.seq.clone();
    value["hlc"]["millis"] = plan.millis.clone();
    value["hlc"]["counter"] = plan.counter.clone();
    value
}

pub fn base_value(world: &World, device: &Device, base: &Base) -> Value {
    match base {
        Base::Sync {
            version,
            cursor,
            ops,
        } => {
            let mut request = serde_json::Map::new();
            if let Some(version) = version {
                request.insert("version".into(), version.clone());
            }
            if let Some(cursor) = cursor {
                request.insert("cursor".into(), cursor.clone());
            }
            let ops = ops.iter().map(|op| operation(world, device, op)).collect();
            request.insert("ops".into(), Value::Array(ops));
            Value::Object(request)
        }
        Base::ManyOps { count, op } => {
            let ops: Vec<Value> = (1..=*count)
                .map(|seq| {
                    let mut op = operation(world, device, op);
                    op["seq"] = Value::from(seq);
                    op
                })
                .collect();
            json!({ "version": PROTOCOL_VERSION, "ops": ops })
        }
        Base::Padded { .. } => json!({ "version": PROTOCOL_VERSION, "ops": [] }),
        Base::Code {
            volunteer,
            name,
            volunteer_pick,
        } => {
            let mut request = json!({
                "role": if *volunteer { "volunteer" } else { "coordinator" },
                "display_name": name,
            });
            if let Some(at) = volunteer_pick {
                request["volunteer_id"] = json!(pick(&world.volunteers, *at));
            }
            request
        }
    }
}

/// Applies `mutation` to the `at`-th node of `value` (pre-order); `at` counts
/// down as nodes are passed. Returns true once applied.
pub fn mutate(value: &mut Value, at: &mut usize, to: &Replacement) -> bool {
    let children: Vec<String> = match value {
        Value::Object(map) => map.keys().cloned().collect(),
        _ => Vec::new(),
    };
    match value {
        Value::Object(map) => {
            for key in children {
                if *at == 0 {
                    match to {
                        Replacement::Removed => {
                            map.remove(&key);
                        }
                        other => replace(map.get_mut(&key), other),
                    }
                    return true;
                }
                *at -= 1;
                if map.get_mut(&key).is_some_and(|child| mutate(child, at, to)) {
                    return true;
                }
            }
            false
        }
        Value::Array(items) => {
            for i in 0..items.len() {
                if *at == 0 {
                    match to {
                        Replacement::Removed => {
                            items.remove(i);
                        }
                        other => replace(items.get_mut(i), other),
                    }
                    return true;
                }
                *at -= 1;
                if items.get_mut(i).is_some_and(|child| mutate(child, at, to)) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

pub fn replace(slot: Option<&mut Value>, to: &Replacement) {
    let Some(slot) = slot else { return };
    match to {
        Replacement::Value(v) => *slot = v.clone(),
        Replacement::Nested(depth) => {
            let mut nested = slot.take();
            for _ in 0..*depth {
                nested = Value::Array(vec![nested]);
            }
            *slot = nested;
        }
        Replacement::Removed => {}
    }
}

pub fn count_nodes(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.values().map(|v| 1 + count_nodes(v)).sum(),
        Value::Array(items) => items.iter().map(|v| 1 + count_nodes(v)).sum(),
        _ => 0,
    }
}

/// Byte offsets where number literals start.
pub fn number_starts(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
            {
                i += 1;
            }
            found.push((start, i));
            continue;
        }
        i += 1;
    }
    found
}

pub fn damage(bytes: &mut Vec<u8>, mutation: &ByteMutation) {
    let len = bytes.len();
    match mutation {
        ByteMutation::Flip { at, bit } => {
            if len > 0 {
                bytes[at % len] ^= 1 << bit;
            }
        }
        ByteMutation::Truncate { at } => bytes.truncate(at % (len + 1)),
        ByteMutation::Insert {
            at,
            bytes: inserted,
        } => {
            let at = at % (len + 1);
            bytes.splice(at..at, inserted.iter().copied());
        }
        ByteMutation::Duplicate { from, len: n, to } => {
            if len > 0 {
                let from = from % len;
                let end = (from + n).min(len);
                let copy = bytes[from..end].to_vec();
                let to = to % (len + 1);
                bytes.splice(to..to, copy);
            }
        }
        ByteMutation::Field { nth, text } => {
            let braces: Vec<usize> = (0..len).filter(|&i| bytes[i] == b'{').collect();
            if let Some(&at) = braces.get(nth % braces.len().max(1)) {
                bytes.splice(at + 1..at + 1, text.bytes());
            }
        }
        ByteMutation::Number { nth, text } => {
            let numbers = number_starts(bytes);
            if let Some(&(start, end)) = numbers.get(nth % numbers.len().max(1)) {
                bytes.splice(start..end, text.bytes());
            }
        }
        ByteMutation::Deep { depth } => {
            let mut deep = vec![b'['; *depth];
            deep.append(bytes);
            deep.extend(std::iter::repeat_n(b']', *depth));
            *bytes = deep;
        }
    }
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(data).expect("gzip");
    encoder.finish().expect("gzip")
}

/// The endpoint and the bytes of the body as meant, before any compression.
pub fn plain_body(world: &World, device: &Device, body: &Body) -> (Endpoint, Vec<u8>) {
    match body {
        Body::Bytes(to, bytes) => (*to, bytes.clone()),
        Body::AnyJson(to, value) => (*to, serde_json::to_vec(value).expect("JSON")),
        Body::Damaged {
            base,
            values,
            bytes,
        } => {
            let mut value = base_value(world, device, base);
            for mutation in values {
                let nodes = count_nodes(&value).max(1);
                let mut at = mutation.at % nodes;
                mutate(&mut value, &mut at, &mutation.to);
            }
            let mut text = serde_json::to_vec(&value).expect("JSON");
            if let Base::Padded { size } = base {
                text.resize((*size).max(text.len()), b' ');
            }
            for mutation in bytes {
                damage(&mut text, mutation);
            }
            let to = match base {
                Base::Code { .. } => Endpoint::EnrollmentCodes,
                _ => Endpoint::Sync,
            };
            (to, text)
        }
    }
}
