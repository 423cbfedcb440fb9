//! `similar`: the claims closest to a text or a claim, on the shipped graph.

use crate::util::run;

#[test]
fn a_paraphrase_finds_its_claim_with_names_folded_to_ids() {
    let r = run(&[
        "similar",
        "Pyongyang has sent weapons to Moscow many times since August 2023",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = r.lines()[1].to_string();
    assert!(
        first.contains("nk-arms-transfers-since-aug-2023"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("↳ the same claim"), "{}", r.stdout);
    assert!(r.stdout.ends_with("1 the same claim\n"), "{}", r.stdout);
}

#[test]
fn a_guard_says_why_a_close_text_is_another_claim() {
    let r = run(&[
        "similar",
        "North Korea's economy shrank by 4.5% in 2021.",
        "--format",
        "json",
    ]);
    let v = r.json();
    assert_eq!(v[0]["id"], "nk-economy-contracted-2020");
    assert_eq!(v[0]["same"], false);
    assert_eq!(v[0]["differs"]["guard"], "dates");
    assert_eq!(v[0]["differs"]["left"][0], "2021");
    assert!(v[0]["score"].as_f64().unwrap() > 0.5);
    let t = run(&["similar", "North Korea's economy shrank by 4.5% in 2021."]);
    assert!(
        t.stdout
            .contains("another claim: dates differ: 2021 / 2020"),
        "{}",
        t.stdout
    );
}

#[test]
fn a_claim_id_is_compared_by_its_text_without_itself() {
    let r = run(&[
        "similar",
        "nk-ballistic-missiles-to-russia",
        "--format",
        "ids",
    ]);
    assert_eq!(r.code, 0);
    assert!(
        !r.lines().contains(&"nk-ballistic-missiles-to-russia"),
        "{}",
        r.stdout
    );
    let limited = run(&[
        "similar",
        "North Korea Russia arms",
        "--limit",
        "1",
        "--format",
        "ids",
    ]);
    assert!(limited.lines().len() <= 1, "{}", limited.stdout);
}

#[test]
fn nothing_close_lists_nothing() {
    let r = run(&["similar", "Bananas are yellow.", "--format", "ids"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    let t = run(&["similar", "Bananas are yellow."]);
    assert!(
        t.stdout.contains("0 claims scoring 0.3 or more"),
        "{}",
        t.stdout
    );
}
