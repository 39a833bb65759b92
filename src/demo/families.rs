//! Fictional families and volunteers of the demo network.
//!
//! Names, phone numbers (a fictional-looking +32 470 00 00 xx pattern) and
//! family situations are invented; towns are real, coordinates approximate.

use crate::domain::{
    Absence, Child, ChildId, DecidedBy, DetainedParent, GeoPoint, Guardian, GuardianId,
    GuardianKind, Language, ParentId, PrisonId, Record, Rhythm, RhythmPeriod, Transfer,
    VisitFormat, VisitRight, VisitRightId, Volunteer, VolunteerId, WeeklySlot,
};
use chrono::{Duration, NaiveDate, NaiveTime, Weekday};

/// The people of the demo, kept apart so trips can be planned from them.
pub(super) struct People {
    pub guardians: Vec<Guardian>,
    pub children: Vec<Child>,
    pub parents: Vec<DetainedParent>,
    pub rights: Vec<VisitRight>,
    pub volunteers: Vec<Volunteer>,
}

impl People {
    pub fn into_records(self) -> Vec<Record> {
        let mut records: Vec<Record> = Vec::new();
        records.extend(self.guardians.into_iter().map(Record::Guardian));
        records.extend(self.children.into_iter().map(Record::Child));
        records.extend(self.parents.into_iter().map(Record::Parent));
        records.extend(self.rights.into_iter().map(Record::VisitRight));
        records.extend(self.volunteers.into_iter().map(Record::Volunteer));
        records
    }

    pub fn guardian(&self, id: &str) -> Option<&Guardian> {
        self.guardians.iter().find(|g| g.id.as_str() == id)
    }
}

pub(super) fn phone(n: u32) -> String {
    format!("+32 470 00 00 {n:02}")
}

fn guardian(
    id: &str,
    kind: GuardianKind,
    name: &str,
    n: u32,
    address: &str,
    at: (f64, f64),
    language: Language,
) -> Guardian {
    Guardian {
        id: GuardianId::from(id),
        kind,
        name: name.to_owned(),
        phone: phone(n),
        email: String::new(),
        pickup_address: address.to_owned(),
        pickup_location: GeoPoint::new(at.0, at.1),
        language: Some(language),
        archived: false,
    }
}

fn child(id: &str, name: &str, born: i32, language: Language, needs: &str, g: &str) -> Child {
    Child {
        id: ChildId::from(id),
        first_name: name.to_owned(),
        last_name: String::new(),
        birth_year: born,
        language,
        needs: needs.to_owned(),
        guardian_id: GuardianId::from(g),
        archived: false,
    }
}

fn parent(id: &str, first: &str, last: &str, prison: &str) -> DetainedParent {
    DetainedParent {
        id: ParentId::from(id),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        prison_id: PrisonId::from(prison),
        transfers: Vec::new(),
        released_on: None,
    }
}

fn slots(days: &[Weekday], from: (u32, u32), until: (u32, u32)) -> Vec<WeeklySlot> {
    let time = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    days.iter()
        .map(|&weekday| WeeklySlot {
            weekday,
            from: time(from),
            until: time(until),
        })
        .collect()
}

pub(super) fn people(today: NaiveDate) -> People {
    use GuardianKind::*;
    use Language::{En, Fr, Nl};
    let guardians = vec![
        guardian(
            "g-martin",
            Parent,
            "Mme Sarah Martin",
            11,
            "Schaerbeek, devant la maison communale",
            (50.8676, 4.3737),
            Fr,
        ),
        guardian(
            "g-peeters",
            Grandparent,
            "Mevr. Annick Peeters (grootmoeder)",
            12,
            "Mechelen, aan de ingang van het station",
            (51.0176, 4.4830),
            Nl,
        ),
        guardian(
            "g-dubois",
            FosterFamily,
            "Famille d'accueil Dubois",
            13,
            "Jambes (Namur), devant l'église Saint-Symphorien",
            (50.4560, 4.8700),
            Fr,
        ),
        guardian(
            "g-tilleuls",
            Institution,
            "Home Les Tilleuls (éducateur de garde)",
            14,
            "Marcinelle (Charleroi), à l'accueil du home",
            (50.3900, 4.4400),
            Fr,
        ),
        guardian(
            "g-janssens",
            OtherRelative,
            "Dhr. Tom Janssens (oom)",
            15,
            "Gent, stationsplein Sint-Pieters",
            (51.0357, 3.7106),
            Nl,
        ),
        guardian(
            "g-claes",
            Parent,
            "Mevr. Sofie Claes",
            16,
            "Genk, aan het stadhuis",
            (50.9650, 5.5000),
            Nl,
        ),
        guardian(
            "g-leroy",
            Grandparent,
            "M. et Mme Leroy (grands-parents)",
            17,
            "Jemappes (Mons), devant la gare",
            (50.4520, 3.8870),
            Fr,
        ),
    ];
    let children = vec![
        child("lina", "Lina", 2016, Fr, "Emporte son doudou", "g-martin"),
        child(
            "noah",
            "Noah",
            2019,
            Fr,
            "Malade en voiture sur les longs trajets : place près de la fenêtre",
            "g-martin",
        ),
        child("lotte", "Lotte", 2014, Nl, "", "g-peeters"),
        child("wout", "Wout", 2017, Nl, "", "g-peeters"),
        child(
            "fien",
            "Fien",
            2021,
            Nl,
            "Heeft een autostoeltje nodig; luiers in de tas",
            "g-peeters",
        ),
        child(
            "emma",
            "Emma",
            2013,
            Fr,
            "Inhalateur pour l'asthme dans le sac",
            "g-dubois",
        ),
        child("louis", "Louis", 2018, Fr, "A peur des chiens", "g-dubois"),
        child("mathis", "Mathis", 2011, Fr, "", "g-tilleuls"),
        child(
            "ines",
            "Inès",
            2015,
            Fr,
            "Timide au début ; aime dessiner",
            "g-tilleuls",
        ),
        child(
            "olivia",
            "Olivia",
            2020,
            Nl,
            "Neemt haar knuffeldekentje mee",
            "g-janssens",
        ),
        child(
            "daan",
            "Daan",
            2012,
            Nl,
            "Allergisch voor pinda's",
            "g-claes",
        ),
        child(
            "liam",
            "Liam",
            2019,
            Fr,
            "A besoin d'un rehausseur",
            "g-leroy",
        ),
    ];
    let mut jens = parent("p-jens", "Jens", "Peeters", "antwerpen");
    // Moved from Ghent three months ago: older trips went to Ghent.
    jens.transfers.push(Transfer {
        from: PrisonId::from("gent"),
        to: PrisonId::from("antwerpen"),
        on: today - Duration::days(90),
    });
    let parents = vec![
        parent("p-mehdi", "Mehdi", "Benali", "haren"),
        jens,
        parent("p-julie", "Julie", "Lambert", "lantin"),
        parent("p-rachid", "Rachid", "Haddou", "jamioulx"),
        parent("p-kevin", "Kevin", "De Smet", "gent"),
        parent("p-bart", "Bart", "Claes", "hasselt"),
        parent("p-dylan", "Dylan", "Leroy", "mons"),
    ];
    let right =
        |child: &str, parent: &str, allowed: bool, by: DecidedBy, supervised: bool| VisitRight {
            id: VisitRightId(format!("vr-{child}")),
            child_id: ChildId::from(child),
            parent_id: ParentId::from(parent),
            allowed,
            decided_by: by,
            format: VisitFormat {
                collective: false,
                supervised,
            },
            rhythm: Rhythm {
                visits: if allowed { 2 } else { 1 },
                per: RhythmPeriod::Month,
            },
            valid_from: today - Duration::days(200),
            valid_until: Some(today + Duration::days(365)),
            reference: format!("DEMO/{}", child.to_uppercase()),
        };
    use DecidedBy::*;
    let rights = vec![
        right("lina", "p-mehdi", true, Agreement, false),
        right("noah", "p-mehdi", true, Agreement, false),
        right("lotte", "p-jens", true, YouthCourt, true),
        // A court may forbid visits for one sibling and allow them for the others.
        right("wout", "p-jens", false, YouthCourt, true),
        right("fien", "p-jens", true, YouthCourt, true),
        right("emma", "p-julie", true, YouthAidService, true),
        right("louis", "p-julie", true, YouthAidService, true),
        right("mathis", "p-rachid", true, YouthAidService, true),
        right("ines", "p-rachid", true, YouthAidService, true),
        right("olivia", "p-kevin", true, FamilyCourt, false),
        right("daan", "p-bart", true, FamilyCourt, false),
        right("liam", "p-dylan", true, Agreement, false),
    ];
    use Weekday::*;
    let volunteers = vec![
        Volunteer {
            id: VolunteerId::from("v-anne"),
            name: "Anne Vermeulen".to_owned(),
            phone: phone(21),
            home_area: GeoPoint::new(50.8360, 4.3890),
            has_car: true,
            languages: vec![Fr, Nl, En],
            // Retired and free most days: she is the référent of two families.
            availability: slots(&[Mon, Tue, Wed, Thu, Fri, Sat, Sun], (7, 30), (19, 0)),
            absences: Vec::new(),
            newcomer: false,
            archived: false,
        },
        Volunteer {
            id: VolunteerId::from("v-marc"),
            name: "Marc Delvaux".to_owned(),
            phone: phone(22),
            home_area: GeoPoint::new(50.4670, 4.8670),
            has_car: true,
            languages: vec![Fr],
            availability: slots(&[Tue, Thu, Sat], (8, 30), (18, 0)),
            absences: Vec::new(),
            newcomer: false,
            archived: false,
        },
        Volunteer {
            id: VolunteerId::from("v-els"),
            name: "Els Wouters".to_owned(),
            phone: phone(23),
            home_area: GeoPoint::new(51.2000, 4.4200),
            has_car: false,
            languages: vec![Nl, En],
            availability: slots(&[Wed, Sat, Sun], (9, 0), (18, 30)),
            absences: vec![Absence {
                from: today + Duration::days(24),
                until: today + Duration::days(30),
            }],
            newcomer: false,
            archived: false,
        },
        Volunteer {
            id: VolunteerId::from("v-samir"),
            name: "Samir Haddad".to_owned(),
            phone: phone(24),
            home_area: GeoPoint::new(50.6330, 5.5670),
            has_car: true,
            languages: vec![Fr, En],
            availability: slots(&[Mon, Wed, Fri], (8, 0), (18, 0)),
            absences: Vec::new(),
            // Joined this autumn: goes with an experienced volunteer first.
            newcomer: true,
            archived: false,
        },
    ];
    People {
        guardians,
        children,
        parents,
        rights,
        volunteers,
    }
}
