//! ClaimReview JSON-LD expanded by pyld.

use super::*;

#[test]
fn claimreview_refuses_without_a_url_base() {
    // A missing --url-base is bad usage (docs/format.md §4.1).
    let r = run_on(
        &fixture("interop/hostile.json"),
        &["export", "--format", "claimreview"],
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("needs --url-base URL"), "{}", r.stderr);
}

#[test]
fn claimreview_json_ld_expands_with_google_required_and_recommended_fields() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.json");
    let g = fixture("interop/hostile.json");
    let args = [
        "export",
        "--format",
        "claimreview",
        "--url-base",
        "https://desk.example/checks/",
    ];
    export_to(Some(&g), &args, &file);
    let got = script(&py, "claimreview_read.py", &[&file]);
    let json = run_on(&g, &["export", "--format", "json"]).json();
    let text = |id: &str| {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["text"]
            .clone()
    };
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), 3, "one ClaimReview per reviewed claim");
    let expect = [
        (
            "c-3",
            "Mostly true",
            Value::from(4),
            Value::Null,
            vec!["https://news.example/c"],
        ),
        (
            "c.1",
            "False",
            Value::from(1),
            Value::from("2024-02-01"),
            vec!["https://news.example/a?x=1&y=\"2\""],
        ),
        (
            "c_2",
            "Unproven",
            Value::Null,
            Value::from("2023-12-01"),
            vec![
                "https://news.example/b",
                "https://news.example/a?x=1&y=\"2\"",
            ],
        ),
    ];
    for (r, (id, verdict, value, item_date, appearances)) in got.iter().zip(expect) {
        assert_eq!(r["url"], format!("https://desk.example/checks/{id}"));
        assert_eq!(r["claimReviewed"], text(id));
        assert_eq!(r["alternateName"], verdict);
        assert_eq!(r["ratingValue"], value);
        assert_eq!(
            r["item_type"],
            serde_json::json!(["http://schema.org/Claim"])
        );
        assert_eq!(r["item_datePublished"], item_date, "{id}");
        assert_eq!(r["appearances"], serde_json::json!(appearances), "{id}");
        assert_eq!(r["firstAppearance"], appearances[0], "{id}");
    }
    assert_eq!(got[1]["author"], "Desk & Co. \"Fact\" <Check>");
    assert_eq!(got[1]["datePublished"], "2024-03-01");
    assert_eq!(got[1]["item_authors"].as_array().unwrap().len(), 2);
}
