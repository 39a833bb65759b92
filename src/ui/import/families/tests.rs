use super::*;
use crate::demo;

fn demo_records() -> Vec<Record> {
    demo::demo_network(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()).records
}

const TITLES: &str = "Famille\tQui\tTéléphone\tLangue\tAdresse\tLatitude\tLongitude\tPrénom\tNom\tNé en\tLangue enfant\tParent prénom\tParent nom\tPrison\tVisites\tDécidé par\tDepuis\tRéférence";

#[test]
fn siblings_share_one_family_and_one_parent_and_the_decision_is_read() {
    let sheet = format!(
        "{TITLES}\n\
         Mme Anna Peeters\tmère\t+32 470 12 34 56\tnl\tIxelles, place Flagey\t50,8275\t4,3725\tMila\tPeeters\t2019\t\tKoen\tPeeters\tHaren\t2 / mois\tSAJ\t2026-09-01\tSAJ 2026/114\n\
         Mme Anna Peeters\tmère\t0470 12 34 56\tnl\tIxelles, place Flagey\t50,8275\t4,3725\tLouis\tPeeters\t2021\tfr\tKoen\tPeeters\tHaren\tinterdit\ttribunal de la jeunesse\t2026-10-12\t\n\
         Home Les Tilleuls\tinstitution\t+32 71 00 00 00\tfr\tMarcinelle, rue des Tilleuls 4\t50.39\t4.43\tNoé\t\t2016\tfr\tSamir\t\tLantin\t\t\t\t\n"
    );
    let import = read_families(&sheet, &demo_records(), 2026);
    assert_eq!(import.rows.len(), 3, "the titles are skipped");
    assert_eq!(import.wrong(), 0, "{:?}", import.rows);
    assert!(import.ready());
    assert_eq!(
        import.families.len(),
        2,
        "the same name and phone is one family"
    );
    assert_eq!(
        import.parents.len(),
        2,
        "the same parent in the same prison is one"
    );
    let [mila, louis, noe] = [&import.rows[0], &import.rows[1], &import.rows[2]];
    assert_eq!(mila.child.guardian_id, louis.child.guardian_id);
    assert_eq!(
        mila.child.language,
        Language::Nl,
        "the family's language by default"
    );
    assert_eq!(louis.child.language, Language::Fr);
    assert_eq!(import.families[0].kind, GuardianKind::Parent);
    assert_eq!(import.families[1].kind, GuardianKind::Institution);
    let right = mila.right.clone().unwrap_or_else(|| panic!("Mila's right"));
    assert!(right.allowed);
    assert_eq!(right.rhythm.visits, 2);
    assert_eq!(right.rhythm.per, RhythmPeriod::Month);
    assert_eq!(right.decided_by, DecidedBy::YouthAidService);
    let forbidden = louis
        .right
        .clone()
        .unwrap_or_else(|| panic!("Louis's right"));
    assert!(!forbidden.allowed, "a forbidden visit stays forbidden");
    assert_eq!(forbidden.decided_by, DecidedBy::YouthCourt);
    assert_eq!(right.parent_id, forbidden.parent_id);
    assert!(noe.right.is_none(), "no decision given, none made up");
    assert!(noe.prison.contains("Lantin"));
    // Families and parents come before what refers to them.
    let records = import.records();
    assert_eq!(records.len(), 2 + 2 + 3 + 2);
    assert!(matches!(records[0], Record::Guardian(_)));
    assert!(matches!(records[2], Record::Parent(_)));
    assert!(matches!(records[4], Record::Child(_)));
    assert!(matches!(records[8], Record::VisitRight(_)));
}

#[test]
fn each_wrong_cell_is_named_and_nothing_is_ready() {
    let sheet = "Mme X\tvoisine\t\tkl\tQuelque part\t50,1\tquatre\tLéa\t\t1980\t\tJo\t\tNulle part\t3 fois\tle voisin\thier\t\n";
    let import = read_families(sheet, &demo_records(), 2026);
    assert_eq!(import.rows.len(), 1);
    assert!(!import.ready());
    let found: Vec<(&str, &str)> = import.rows[0]
        .problems
        .iter()
        .map(|p| (p.column, p.problem))
        .collect();
    for expected in [
        ("import-col-phone", "import-missing"),
        ("import-col-family-kind", "import-unknown-kind"),
        ("import-col-family-language", "import-unknown-language"),
        ("import-col-lon", "import-not-a-coordinate"),
        ("import-col-born", "import-not-a-year"),
        ("import-col-prison", "import-unknown-prison"),
        ("import-col-visits", "import-not-visits"),
        ("import-col-decided-by", "import-unknown-decider"),
        ("import-col-valid-from", "import-not-a-date"),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}

#[test]
fn a_child_already_in_the_records_or_twice_in_the_sheet_is_a_problem() {
    let records = demo_records();
    let (child, guardian) = records
        .iter()
        .find_map(|r| match r {
            Record::Child(c) => records.iter().find_map(|g| match g {
                Record::Guardian(g) if g.id == c.guardian_id => Some((c.clone(), g.clone())),
                _ => None,
            }),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a demo child with a family"));
    let row = format!(
        "{}\tparent\t{}\tfr\t{}\t50.8\t4.3\t{}\t{}\t{}\tfr\tJo\t\tHaren\t\t\t\t\n",
        guardian.name,
        guardian.phone,
        guardian.pickup_address,
        child.first_name,
        child.last_name,
        child.birth_year
    );
    let import = read_families(&row, &records, 2026);
    assert!(
        import.families.is_empty(),
        "the family in the records is used"
    );
    assert_eq!(import.rows[0].child.guardian_id, guardian.id);
    assert_eq!(import.rows[0].problems[0].problem, "import-child-known");

    let twice = "Mme Y\tgrand-mère\t0470\tfr\tLiège\t50.6\t5.5\tAya\t\t2018\tfr\tJo\t\tLantin\t\t\t\t\n\
                 Mme Y\tgrand-mère\t0470\tfr\tLiège, autre adresse\t50.6\t5.5\tAya\t\t2018\tfr\tJo\t\tLantin\t\t\t\t\n";
    let import = read_families(twice, &records, 2026);
    let problems: Vec<&str> = import.rows[1].problems.iter().map(|p| p.problem).collect();
    assert!(problems.contains(&"import-child-twice"), "{problems:?}");
    assert!(problems.contains(&"import-family-differs"), "{problems:?}");
}
