//! Coordinators give access and take it back: a code with its link and QR
//! code, the list of devices, a revocation.
#![cfg(feature = "server")]

mod server_support;

use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use reqwest::StatusCode;
use server_support::{api_error, test_now, TestServer};

#[tokio::test]
async fn a_coordinator_gives_a_code_with_its_qr_sees_the_devices_and_revokes_one() {
    let network = generated_network(51, 1, 2, 8, test_now().date_naive());
    let volunteer = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Volunteer(v) => Some(v.id.clone()),
            _ => None,
        })
        .expect("a volunteer");
    let server = TestServer::start(network.records).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;

    let response = server
        .client
        .post(format!("{}/api/v1/enrollment-codes", server.url))
        .bearer_auth(&office.token)
        .json(&CreateCodeRequest {
            role: Role::Volunteer,
            display_name: "Marie Peeters".into(),
            volunteer_id: Some(volunteer.clone()),
            server_url: Some(format!("{}/", server.url)),
        })
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let created: CreateCodeResponse = response.json().await.expect("a code");
    let link = created.enroll_link.expect("a link");
    assert_eq!(link, format!("{}/enroll?code={}", server.url, created.code));
    let svg = created.qr_svg.expect("a QR code");
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));

    // The volunteer's phone enrolls with the code read from the link.
    let code = link.split("code=").nth(1).expect("the code in the link");
    let response = server
        .client
        .post(format!("{}/api/v1/enroll", server.url))
        .json(&EnrollRequest {
            code: code.to_owned(),
            device_name: "Marie's phone".into(),
        })
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let phone: EnrollResponse = response.json().await.expect("enrolled");
    let refused = Operation {
        op_id: OpId::from("op-1"),
        seq: 1,
        hlc: Hlc::zero("phone"),
        at: test_now(),
        change: Change::Assign {
            trip_id: TripId::from("any"),
            volunteer_id: None,
        },
    };
    server.sync(&phone.token, None, vec![refused]).await;

    // A volunteer cannot see the devices.
    let (status, _) = api_error(
        server
            .client
            .get(format!("{}/api/v1/devices", server.url))
            .bearer_auth(&phone.token)
            .send()
            .await
            .expect("the server answers"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let list = |token: String| {
        let client = server.client.clone();
        let url = format!("{}/api/v1/devices", server.url);
        async move {
            let response = client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .expect("the server answers");
            assert_eq!(response.status(), StatusCode::OK);
            response.json::<Vec<DeviceInfo>>().await.expect("devices")
        }
    };
    let devices = list(office.token.clone()).await;
    assert_eq!(devices.len(), 2);
    let marie = devices
        .iter()
        .find(|d| d.device_id == phone.device_id)
        .expect("Marie's phone is listed");
    assert_eq!(marie.person, "Marie Peeters");
    assert_eq!(marie.name, "Marie's phone");
    assert_eq!(marie.role, Role::Volunteer);
    assert_eq!(marie.volunteer_id, Some(volunteer));
    assert_eq!(marie.refused, 1);
    assert_eq!(marie.last_sync, Some(test_now()));
    assert!(marie.revoked_at.is_none());

    let response = server
        .client
        .delete(format!("{}/api/v1/devices/{}", server.url, phone.device_id))
        .bearer_auth(&office.token)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let devices = list(office.token.clone()).await;
    let marie = devices
        .iter()
        .find(|d| d.device_id == phone.device_id)
        .expect("still listed");
    assert_eq!(marie.revoked_at, Some(test_now()));
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: Vec::new(),
    };
    let (status, _) = api_error(server.sync_raw(&phone.token, &request).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
