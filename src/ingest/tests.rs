//! Plans of small texts against a small graph: how speakers are linked or made, which claim a
//! denial of "the report" gets, and which edges relays and evidence make.

use super::plan::{LinkedBy, Plan, Status};
use super::{plan, Input, Options};
use crate::edit::tests::files;
use crate::model::{Kind, Rel};
use crate::store::Files;

const ENTITIES: &str = r#"{"entities": [
  {"id": "nis", "name": "National Intelligence Service", "kind": "organization", "tags": ["intelligence"], "part_of": "south-korea", "aliases": ["NIS"]},
  {"id": "south-korea", "name": "South Korea", "kind": "country", "aliases": ["Seoul"]},
  {"id": "north-korea", "name": "North Korea", "kind": "country", "tags": ["government"], "aliases": ["Pyongyang"]},
  {"id": "russia", "name": "Russia", "kind": "country", "tags": ["government"], "aliases": ["Moscow"]},
  {"id": "united-kingdom", "name": "United Kingdom", "kind": "country"},
  {"id": "rusi", "name": "Royal United Services Institute", "kind": "organization", "tags": ["think-tank"], "part_of": "united-kingdom"},
  {"id": "ap", "name": "Associated Press", "kind": "organization", "tags": ["wire"], "aliases": ["AP"]}
]}"#;

fn graph() -> Files {
    files(&[("entities.json", ENTITIES)])
}

fn planned(files: &Files, text: &str) -> Plan {
    let opts = Options {
        doc: "doc-1".into(),
        ..Options::default()
    };
    plan(files, &Input::News(text.into()), &opts).expect("a plan")
}

fn edges(p: &Plan) -> Vec<String> {
    p.records
        .edges
        .iter()
        .map(|e| format!("{} {} {}", e.record.from, e.record.rel, e.record.to))
        .collect()
}

#[test]
fn a_described_speaker_links_to_the_only_entity_that_fits_and_a_named_one_does_not() {
    let f = graph();
    let p = planned(
        &f,
        "Headline\n\nNorth Korea sent 5 million shells to Russia, South Korea's spy agency said.\n\nThe Harbour Institute, a London think tank, said rail traffic had tripled.",
    );
    let spy = p
        .records
        .links
        .iter()
        .find(|l| l.phrase == "South Korea's spy agency")
        .unwrap();
    assert_eq!((spy.id.as_str(), spy.by), ("nis", LinkedBy::Description));
    assert!(spy
        .guess
        .as_deref()
        .unwrap()
        .contains("the only intelligence entity of south-korea"));
    let harbour = &p.records.entities[0];
    assert_eq!(harbour.record.name, "Harbour Institute");
    assert_eq!(
        harbour.record.part_of.as_ref().unwrap().as_str(),
        "united-kingdom"
    );
    assert_eq!(harbour.record.tags[0].as_str(), "think-tank");
    assert!(harbour
        .record
        .note
        .as_deref()
        .unwrap()
        .contains("described as \"a London think tank\""));
    assert!(
        !p.records.links.iter().any(|l| l.id.as_str() == "rusi"),
        "{:?}",
        p.records.links
    );
}

#[test]
fn the_report_is_the_leads_claim_and_an_unclear_denial_is_left_out() {
    let f = graph();
    let p = planned(
        &f,
        "Headline\n\nNorth Korea has sent 5 million shells to Russia, the NIS said.\n\nThe NIS also said factories were running day and night.\n\nPyongyang denied the report.",
    );
    let shells = &p.records.claims[0].id;
    let denial = p
        .records
        .edges
        .iter()
        .find(|e| e.record.rel == Rel::Denies)
        .unwrap();
    assert_eq!(
        (denial.record.from.as_str(), &denial.record.to),
        ("north-korea", shells)
    );
    assert!(denial
        .guess
        .as_deref()
        .unwrap()
        .contains("the article's lead claim"));
    // Without a claim in the lead paragraph, "the report" is not clear: no denial is drafted
    // (extract itself leaves out a denial whose noun names no claim it can find).
    let q = planned(
        &f,
        "Headline\n\nTrade rose in May.\n\nFactories were running at full capacity, the NIS said.\n\nPyongyang denied the report.",
    );
    assert!(
        q.records.edges.iter().all(|e| e.record.rel != Rel::Denies),
        "{:?}",
        edges(&q)
    );
}

#[test]
fn relays_and_evidence_become_cites() {
    let f = graph();
    let p = planned(
        &f,
        "Headline\n\nNorth Korea has shipped 5 million shells to Russia, the Associated Press reported, citing South Korea's National Intelligence Service.\n\nSatellite imagery showed trains at the border, the institute's director Mina Cho said.",
    );
    let e = edges(&p);
    let shells = p.records.claims[0].id.as_str();
    assert!(e.contains(&format!("ap asserts {shells}")), "{e:?}");
    assert!(e.contains(&format!("{shells} cites nis")), "{e:?}");
    let trains = p.records.claims[1].id.as_str();
    let imagery = p
        .records
        .entities
        .iter()
        .find(|x| x.record.tags.iter().any(|t| t.as_str() == "imagery"))
        .expect("the imagery is a new entity");
    assert!(
        e.contains(&format!("{trains} cites {}", imagery.record.id)),
        "{e:?}"
    );
    assert!(!imagery
        .record
        .tags
        .iter()
        .any(|t| t.as_str() == "anonymous"));
}

#[test]
fn a_surname_takes_the_full_name_the_text_gives() {
    let f = graph();
    let p = planned(
        &f,
        "Headline\n\nLawmaker Yoon Ha-jin spoke after the briefing.\n\nYoon quoted the NIS as saying factories were running at full capacity.",
    );
    let yoon = p
        .records
        .entities
        .iter()
        .find(|e| e.phrase == "Yoon Ha-jin")
        .expect("Yoon Ha-jin");
    assert_eq!(yoon.record.kind, Kind::Person);
    assert_eq!(yoon.record.id.as_str(), "yoon-ha-jin");
    assert!(
        edges(&p).contains(&"yoon-ha-jin cites nis".to_string()),
        "{:?}",
        edges(&p)
    );
}

#[test]
fn the_same_claim_twice_in_a_text_is_one_claim_and_a_second_plan_matches_it() {
    let mut f = graph();
    let text = "Headline\n\nNorth Korea has sent 5 million shells to Russia, the NIS said.\n\nPyongyang has shipped five million shells to Moscow, the AP reported.";
    let p = planned(&f, text);
    assert_eq!(p.records.claims.len(), 1, "{:?}", p.records.claims);
    assert_eq!(p.changes.total(), 1 + 1 + 2);
    super::apply(&mut f, &p).unwrap();
    f.validate().unwrap();
    let committed = files(
        &f.files
            .iter()
            .map(|x| {
                (
                    x.path.file_name().unwrap().to_str().unwrap().to_string(),
                    String::from_utf8(x.canonical()).unwrap(),
                )
            })
            .collect::<Vec<_>>()
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect::<Vec<_>>(),
    );
    let again = planned(&committed, text);
    assert_eq!(again.changes.total(), 0, "{again:#?}");
    assert_eq!(again.records.claims[0].status, Status::Matched);
    assert_eq!(again.document.status, Status::Exists);
}
