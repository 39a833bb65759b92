//! What the integration tests share: a real server on a real port, devices
//! with real stores, and a small network of records.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use itinerances::domain::*;
use itinerances::protocol::Role;
use itinerances::server::{launch_with_listener, AppState, ServerOptions};
use itinerances::store::{ApplyPlan, DeviceIdentity, SledStore, Store, StoreKey};
use std::net::SocketAddr;
use std::path::PathBuf;
use tempfile::TempDir;

/// A server listening on 127.0.0.1, backed by SQLite in a temp dir.
pub struct TestServer {
    pub state: AppState,
    pub addr: SocketAddr,
    pub db_path: PathBuf,
    options: ServerOptions,
    task: Option<tokio::task::JoinHandle<()>>,
    _dir: TempDir,
}

impl TestServer {
    pub async fn start() -> TestServer {
        Self::start_with(ServerOptions::default()).await
    }

    /// A server with these options (its clock, the volunteers' scope window).
    pub async fn start_with(options: ServerOptions) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("server.sqlite3");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        let addr = listener.local_addr().expect("local addr");
        let state = AppState::open(&db_path, options.clone()).expect("open server db");
        let task = Some(spawn(listener, state.clone()));
        TestServer {
            state,
            addr,
            db_path,
            options,
            task,
            _dir: dir,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops answering: the port is closed, the database stays.
    pub async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    /// Starts again on the same port, from the same database file.
    pub async fn restart(&mut self) {
        self.stop().await;
        let listener = bind_again(self.addr).await;
        self.state = AppState::open(&self.db_path, self.options.clone()).expect("reopen server db");
        self.task = Some(spawn(listener, self.state.clone()));
    }

    /// A one-time code and enrollment of a new device for it.
    pub async fn enroll(
        &self,
        role: Role,
        name: &str,
        volunteer: Option<&VolunteerId>,
    ) -> DeviceIdentity {
        let code = self
            .state
            .create_enrollment_code(role, name, volunteer.cloned())
            .expect("enrollment code");
        itinerances::sync::enroll(&self.url(), &code.code, name)
            .await
            .expect("enrollment succeeds")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

fn spawn(listener: tokio::net::TcpListener, state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let _ = launch_with_listener(listener, state).await;
    })
}

async fn bind_again(addr: SocketAddr) -> tokio::net::TcpListener {
    for _ in 0..100 {
        if let Ok(listener) = tokio::net::TcpListener::bind(addr).await {
            return listener;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("port {addr} did not become free again");
}

/// An encrypted sled store in a temporary directory holding `records` as a
/// first sync leaves them; reopen it with the key.
pub fn filled_sled(records: &[Record], now: DateTime<Utc>) -> (TempDir, StoreKey) {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = StoreKey::generate().expect("key");
    let store = SledStore::open(dir.path(), &key).expect("open");
    let plan = ApplyPlan {
        upserts: records.to_vec(),
        reset: true,
        ..ApplyPlan::default()
    };
    store.apply(&plan, now).expect("fill");
    (dir, key)
}

/// A device: its store and its identity.
pub fn enrolled<S: Store>(store: S, identity: &DeviceIdentity) -> S {
    store.set_identity(identity).expect("store identity");
    store
}

/// A small network: one prison with a room, two volunteers, one family of
/// two children, their parent, visit rights, and one trip tomorrow, not yet
/// assigned.
pub struct Network {
    pub prison: Prison,
    pub room: VisitRoom,
    pub guardian: Guardian,
    pub children: Vec<Child>,
    pub parent: DetainedParent,
    pub volunteers: Vec<Volunteer>,
    pub trip: Trip,
}

impl Network {
    pub fn new(now: DateTime<Utc>) -> Network {
        let prison = Prison {
            id: PrisonId::from("lantin"),
            name: "Prison de Lantin".into(),
            town: "Lantin".into(),
            address: "Lantin (address to be checked)".into(),
            location: GeoPoint::new(50.69, 5.52),
            phone: "+32 4 000 00 00".into(),
            visitor_entrance: "Example: visitors' entrance on the left".into(),
            arrival_lead_minutes: 30,
            documents_adult: vec!["Example: identity card".into()],
            documents_child: vec!["Example: child's identity document".into()],
            allowed_items: vec!["Example: one bottle".into()],
            forbidden_items: vec!["Example: phones".into()],
            lockers: "Example: 1 euro coin".into(),
            status: PrisonStatus::normal(),
            last_checked: SheetCheck {
                on: now.date_naive(),
                by: "Test".into(),
            },
            example_content: true,
            sheet_language: None,
            translations: Default::default(),
            visiting_hours: Vec::new(),
        };
        let room = VisitRoom {
            id: RoomId::from("lantin-family"),
            prison_id: prison.id.clone(),
            name: "Family room".into(),
            kind: RoomKind::FamilyRoom,
            equipment: vec![Equipment::ChangingMat, Equipment::Toys],
            notes: String::new(),
        };
        let guardian = Guardian {
            id: GuardianId::from("g1"),
            kind: GuardianKind::Grandparent,
            name: "Mme Lambert".into(),
            phone: "+32 470 00 00 01".into(),
            email: String::new(),
            pickup_address: "Rue de la Gare 1, Liège".into(),
            pickup_location: GeoPoint::new(50.62, 5.57),
            language: Some(Language::Fr),
            archived: false,
        };
        let children = vec![
            Child {
                id: ChildId::from("c1"),
                first_name: "Léa".into(),
                last_name: String::new(),
                birth_year: 2018,
                language: Language::Fr,
                needs: "Brings a comfort blanket".into(),
                guardian_id: guardian.id.clone(),
                archived: false,
            },
            Child {
                id: ChildId::from("c2"),
                first_name: "Noah".into(),
                last_name: String::new(),
                birth_year: 2020,
                language: Language::Fr,
                needs: String::new(),
                guardian_id: guardian.id.clone(),
                archived: false,
            },
        ];
        let parent = DetainedParent {
            id: ParentId::from("p1"),
            first_name: "Karim".into(),
            last_name: "Lambert".into(),
            prison_id: prison.id.clone(),
            transfers: vec![],
            released_on: None,
        };
        let volunteer = |id: &str, name: &str| Volunteer {
            id: VolunteerId::from(id),
            name: name.into(),
            phone: "+32 470 00 00 99".into(),
            home_area: GeoPoint::new(50.63, 5.56),
            has_car: true,
            languages: vec![Language::Fr],
            availability: vec![],
            absences: vec![],
            newcomer: false,
            archived: false,
        };
        let visit_start = now + Duration::days(1);
        let trip = Trip {
            id: TripId::from("t1"),
            children: children.iter().map(|c| c.id.clone()).collect(),
            parent_id: parent.id.clone(),
            prison_id: prison.id.clone(),
            room_id: Some(room.id.clone()),
            visit_start,
            visit_end: visit_start + Duration::hours(1),
            pickup: Pickup {
                guardian_id: guardian.id.clone(),
                address: guardian.pickup_address.clone(),
                location: guardian.pickup_location,
            },
            pickup_time: None,
            travel_mode: TravelMode::Car,
            travel_minutes: Some(30),
            volunteer_id: None,
            status: TripStatus::Confirmed,
            series: None,
        };
        Network {
            prison,
            room,
            guardian,
            children,
            parent,
            volunteers: vec![volunteer("v1", "Anne"), volunteer("v2", "Bart")],
            trip,
        }
    }

    pub fn records(&self) -> Vec<Record> {
        let mut records = vec![
            Record::Prison(self.prison.clone()),
            Record::Room(self.room.clone()),
            Record::Guardian(self.guardian.clone()),
            Record::Parent(self.parent.clone()),
        ];
        records.extend(self.children.iter().cloned().map(Record::Child));
        records.extend(self.volunteers.iter().cloned().map(Record::Volunteer));
        records.push(Record::Trip(self.trip.clone()));
        records
    }
}
