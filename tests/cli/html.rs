//! The HTML dossier: one self-contained page whose filters, run in a real browser (headless
//! Chromium driven by tests/browser/dossier.mjs), show the same claims as the command line.

use crate::util::{graph_dir, output, root, run, run_on};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the browser test cannot run here, if it cannot.
fn browser_missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} not found"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node not found".into());
    }
    if !root()
        .join("tests/browser/node_modules/playwright-core")
        .exists()
    {
        return Some("playwright-core not installed (npm ci in tests/browser)".into());
    }
    None
}

fn has_dot() -> bool {
    Command::new("dot").arg("-V").output().is_ok()
}

/// Exports the dossier of `graph` (the shipped one when None) into `dir`.
fn export(graph: Option<&Path>, dir: &Path) -> PathBuf {
    let args = ["export", "--format", "html"];
    let r = match graph {
        Some(g) => run_on(g, &args),
        None => run(&args),
    };
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = dir.join("dossier.html");
    std::fs::write(&page, &r.stdout).expect("write the page");
    page
}

/// Opens `page` in Chromium, applies the filters, returns what was visible (None: skipped).
fn browse(page: &Path, screenshot: &Path) -> Option<serde_json::Value> {
    if let Some(why) = browser_missing() {
        crate::util::missing_tool(&why);
        return None;
    }
    let mut c = Command::new("node");
    c.current_dir(root().join("tests/browser"))
        .arg("dossier.mjs")
        .arg(page)
        .arg(screenshot);
    let r = output(c);
    assert_eq!(r.code, 0, "{}", r.transcript());
    Some(serde_json::from_str(&r.stdout).expect("the script prints JSON"))
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|x| x.as_str().expect("an id").to_string())
        .collect()
}

fn cli_ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["claims"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "ids"]);
    run(&all).lines().iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_dossier_is_one_page_that_loads_nothing() {
    let r = run(&["export", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = r.stdout;
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for outside in ["<script src", "<link", "<img", "@import", "url("] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    let start = page
        .find("<script type=\"application/json\" id=\"data\">")
        .unwrap();
    let json = &page[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let data: serde_json::Value = serde_json::from_str(json).expect("the data block is JSON");
    assert_eq!(data["claims"].as_array().unwrap().len(), cli_ids(&[]).len());
}

/// A claim text made to break out of the data block and run script must stay text.
const HOSTILE: &str = r#"{
  "entities": [{"id": "x", "name": "X </script><script>window.pwned=true</script>", "kind": "person"}],
  "claims": [{"id": "c", "text": "<img src=x onerror=\"window.pwned=true\"> & </script><!-- \u2028"}],
  "edges": [{"from": "x", "rel": "asserts", "to": "c"}]
}"#;

#[test]
fn hostile_text_stays_text() {
    let g = graph_dir(&[("g.json", HOSTILE)]);
    let r = run_on(g.path(), &["export", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.matches("</script>").count(),
        2,
        "only the page's own blocks close"
    );
    assert!(!r.stdout.contains("<img src=x"));
    let dir = tempfile::tempdir().expect("temp dir");
    let page = export(Some(g.path()), dir.path());
    let Some(seen) = browse(&page, &dir.path().join("hostile.png")) else {
        return;
    };
    assert_eq!(seen["pwned"], false, "no script of the graph ran");
    assert_eq!(ids(&seen["all"]), ["c"]);
    assert_eq!(seen["errors"], serde_json::json!([]));
}

#[test]
fn browser_filters_show_what_the_command_line_selects() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = export(None, dir.path());
    let shot = std::env::var_os("CLAIMGRAPH_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("dossier.png"));
    let Some(seen) = browse(&page, &shot) else {
        return;
    };
    assert_eq!(seen["requests"], serde_json::json!([]), "no network");
    assert_eq!(seen["errors"], serde_json::json!([]), "no script errors");
    assert_eq!(ids(&seen["all"]), cli_ids(&[]));
    assert_eq!(
        ids(&seen["rests_intelligence"]),
        cli_ids(&["--rests-only-on", "intelligence"])
    );
    assert_eq!(seen["rests_count"], "2 of 25 claims");
    assert_eq!(ids(&seen["contested"]), cli_ids(&["--contested"]));
    assert_eq!(
        ids(&seen["rests_and_contested"]),
        cli_ids(&["--rests-only-on", "intelligence", "--contested"])
    );
    assert_eq!(ids(&seen["ungrounded"]), cli_ids(&["--ungrounded"]));
    assert_eq!(
        ids(&seen["unreviewed"]),
        cli_ids(&["--verdict", "unreviewed"])
    );
    assert_eq!(ids(&seen["search"]), cli_ids(&["--grep", "(?i)ballistic"]));
    assert_eq!(ids(&seen["after_reset"]), cli_ids(&[]));
    let tree = seen["tree"].as_str().expect("the tree unfolds on click");
    assert!(
        tree.contains("cites nis (National Intelligence Service)"),
        "{tree}"
    );
    assert!(tree.contains("ground, origin south-korea"), "{tree}");
    if has_dot() || crate::util::tools_required() {
        assert!(
            seen["svg"].as_u64().unwrap_or(0) > 10,
            "the picture is inline"
        );
    }
    assert!(shot.exists(), "screenshot saved");
}

#[test]
fn without_graphviz_the_page_says_why_there_is_no_picture() {
    let mut c = crate::util::cmd(&["export", "--format", "html"]);
    c.env("PATH", "/nonexistent");
    let r = output(c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Graphviz is not installed"));
    assert!(!r.stdout.contains("<svg"));
}

/// The dossier's script lists, under an unfolded claim, every edge at it with the document,
/// date and words of each appearance (run in jsdom: the page's own script, a real click).
#[test]
fn an_unfolded_claim_lists_where_it_was_said() {
    let Some(node) = crate::interop::node() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = export(Some(&crate::util::fixture("appearances.json")), dir.path());
    let got = crate::interop::script(&node, "dossier_appearances.mjs", &[&page]);
    assert_eq!(got["shells"]["shown"], true);
    let rows: Vec<&str> = got["shells"]["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(rows.len(), 7, "{rows:#?}");
    assert!(rows.contains(
        &"shells cites agency — in The paper follows the wire (paper-2), 2024-06-19 “according to the agency”"
    ), "{rows:#?}");
    assert!(rows.contains(
        &"south denies shells — in Agency says shells went south (wire-1), 2024-06-18 “baseless”"
    ), "{rows:#?}");
    assert_eq!(
        got["talks"]["appearances"][0],
        "paper asserts talks — in The paper follows the wire (paper-2), 2024-06-19"
    );
}

/// Runs tests/browser/whatif.mjs on `page`, discrediting each of `sets` in turn.
fn browse_whatif(page: &Path, sets: &[&str]) -> Option<serde_json::Value> {
    if let Some(why) = browser_missing() {
        crate::util::missing_tool(&why);
        return None;
    }
    let mut c = Command::new("node");
    c.current_dir(root().join("tests/browser"))
        .arg("whatif.mjs")
        .arg(page)
        .args(sets);
    let r = output(c);
    assert_eq!(r.code, 0, "{}", r.transcript());
    Some(serde_json::from_str(&r.stdout).expect("the script prints JSON"))
}

/// Each claim's grounds and standing as `claims --discredit SET --format json` gives them.
fn cli_standing(graph: Option<&Path>, set: &str) -> serde_json::Value {
    let mut args = vec!["claims", "--format", "json"];
    if !set.is_empty() {
        args.extend(["--discredit", set]);
    }
    let r = match graph {
        Some(g) => run_on(g, &args),
        None => run(&args),
    };
    assert_eq!(r.code, 0, "{}", r.stderr);
    let claims: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let mut out = serde_json::Map::new();
    for c in claims.as_array().expect("a list") {
        let standing = if c["independent"] == true {
            "independent"
        } else if c["single_origin"] == true {
            "single-origin"
        } else {
            "ungrounded"
        };
        out.insert(
            c["id"].as_str().expect("an id").to_string(),
            serde_json::json!({"grounds": c["grounds"], "standing": standing}),
        );
    }
    serde_json::Value::Object(out)
}

/// What the page shows of each claim, without its badges.
fn page_standing(seen: &serde_json::Value) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for (id, c) in seen.as_object().expect("claims by id") {
        out.insert(
            id.clone(),
            serde_json::json!({"grounds": c["grounds"], "standing": c["standing"]}),
        );
    }
    serde_json::Value::Object(out)
}

/// Ticking sources in the dossier's what-if panel leaves each claim with the grounds and
/// standing `claims --discredit` gives it: a claim whose relay relayed only the discredited
/// source loses its grounds rather than falling back on whoever repeated it.
#[test]
fn discrediting_in_the_browser_agrees_with_the_command_line() {
    let fixture = crate::util::fixture("whatif.json");
    let dir = tempfile::tempdir().expect("temp dir");
    let page = export(Some(&fixture), dir.path());
    let sets = ["nis", "wire", "nis,pentagon", "blog,daily", "kcna"];
    let Some(seen) = browse_whatif(&page, &sets) else {
        return;
    };
    assert_eq!(seen["requests"], serde_json::json!([]), "no network");
    assert_eq!(seen["errors"], serde_json::json!([]), "no script errors");
    // The grounds claims rest on and the relays, most claims choked first; not the
    // countries nothing rests on.
    assert_eq!(
        ids(&seen["offered"]),
        ["daily", "wire", "blog", "kcna", "nis", "pentagon"]
    );
    assert_eq!(
        page_standing(&seen["before"]),
        cli_standing(Some(&fixture), "")
    );
    for set in sets {
        let got = &seen["sets"][set];
        assert_eq!(
            page_standing(&got["claims"]),
            cli_standing(Some(&fixture), set),
            "with {set} discredited"
        );
        let mut args = vec!["--ungrounded", "--discredit", set];
        args.extend(["--format", "ids"]);
        let r = run_on(&fixture, &[&["claims"][..], &args].concat());
        assert_eq!(ids(&got["ungrounded"]), r.lines(), "ungrounded with {set}");
    }
    let wire = &seen["sets"]["wire"];
    assert_eq!(
        wire["claims"]["shells-shipped"]["badges"][0],
        "loses its grounds"
    );
    let summary = wire["summary"].as_str().expect("a summary");
    assert!(
        summary.starts_with("With wire discredited: 2 claims left without grounds"),
        "{summary}"
    );
    assert_eq!(
        ids(&wire["changed"]),
        ["factory-expanded", "shells-shipped"]
    );
    assert_eq!(ids(&wire["struck"]), ["wire"]);
    let nis = &seen["sets"]["nis"];
    assert!(nis["claims"]["missiles-shipped"]["badges"]
        .as_array()
        .expect("badges")
        .contains(&serde_json::json!("no longer independent")));
    assert_eq!(
        seen["after_clear"], seen["before"],
        "the clear button undoes it"
    );
    assert!(seen["chokepoint_marks"].as_u64().unwrap_or(0) > 0);
}

/// On the shipped graph, discrediting the NIS in the page matches `claims --discredit nis`.
#[test]
fn discrediting_nis_in_the_shipped_dossier_agrees_with_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = export(None, dir.path());
    let Some(seen) = browse_whatif(&page, &["nis"]) else {
        return;
    };
    assert_eq!(seen["errors"], serde_json::json!([]), "no script errors");
    assert!(ids(&seen["offered"]).contains(&"nis".to_string()));
    assert_eq!(
        page_standing(&seen["sets"]["nis"]["claims"]),
        cli_standing(None, "nis")
    );
    assert_eq!(
        ids(&seen["sets"]["nis"]["ungrounded"]),
        cli_ids(&["--discredit", "nis", "--ungrounded"])
    );
}
