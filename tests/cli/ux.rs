//! What a person meets first: the overview, `--help` with examples and exit codes, load
//! errors quoted with their line and a caret, colour only when wanted, shell completions
//! that know the graph's ids, and the manual page.

use crate::util::{cmd, graph_dir, output, run, run_on};

#[test]
fn claimgraph_alone_prints_the_overview_of_five_commands() {
    let r = run(&[]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    insta::assert_snapshot!("overview", r.transcript());
}

#[test]
fn top_level_help_is_pinned() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("help", r.stdout);
}

#[test]
fn claims_help_is_pinned() {
    let r = run(&["claims", "--help"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("claims_help", r.stdout);
}

/// Every command a person can type, as `--help` lists them.
fn subcommands() -> Vec<String> {
    let help = run(&["--help"]).stdout;
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_help_has_examples_and_exit_codes() {
    let subs = subcommands();
    assert!(subs.len() >= 10, "{subs:?}");
    for sub in subs {
        let r = run(&[&sub, "--help"]);
        assert_eq!(r.code, 0, "{sub}");
        assert!(
            r.stdout.contains("\nExamples:\n  claimgraph "),
            "{sub}:\n{}",
            r.stdout
        );
        assert!(r.stdout.contains("Exit status:\n  0  success"), "{sub}");
    }
}

#[test]
fn a_load_error_quotes_its_line_with_a_caret_and_a_hint() {
    let r = run(&["--graph", "tests/fixtures/bad/dangling-edge.json", "claims"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("load_error_dangling_edge", r.stderr);
}

#[test]
fn a_syntax_error_points_at_the_character() {
    let dir = graph_dir(&[(
        "g.json",
        "{\n  \"claims\": [\n    {\"id\": \"c\", \"text\": \"x\"},\n  ]\n}\n",
    )]);
    let r = run_on(dir.path(), &["why", "c"]);
    assert_eq!(r.code, 1);
    let stderr = r.stderr.replace(&dir.path().display().to_string(), "GRAPH");
    insta::assert_snapshot!("load_error_trailing_comma", stderr);
}

#[test]
fn many_load_errors_are_capped_with_and_n_more() {
    let edges: Vec<String> = (0..25)
        .map(|i| format!("{{\"from\": \"nobody{i}\", \"rel\": \"asserts\", \"to\": \"c\"}}"))
        .collect();
    let text = format!(
        "{{\"claims\": [{{\"id\": \"c\", \"text\": \"x\"}}],\n\"edges\": [\n{}\n]}}",
        edges.join(",\n")
    );
    let dir = graph_dir(&[("g.json", &text)]);
    let r = run_on(dir.path(), &["claims"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("the graph is invalid (25 errors)"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("  = hint:").count(), 10, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("and 15 more errors\n`claimgraph check` lists every error"),
        "{}",
        r.stderr
    );
    let check = run_on(dir.path(), &["check"]);
    assert_eq!(check.stderr.matches("unknown id \"nobody").count(), 25);
}

#[test]
fn no_colour_in_pipes_or_with_no_color_but_always_when_asked() {
    let esc = |s: &str| s.contains('\x1b');
    let args = ["claims", "--contested"];
    assert!(!esc(&run(&args).stdout), "NO_COLOR and a pipe");
    let mut c = cmd(&args);
    c.env_remove("NO_COLOR");
    assert!(!esc(&output(c).stdout), "a pipe");
    let mut c = cmd(&args);
    c.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
    assert!(esc(&output(c).stdout), "CLICOLOR_FORCE");
    let mut c = cmd(&["--color", "never", "claims", "--contested"]);
    c.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
    assert!(
        !esc(&output(c).stdout),
        "--color never beats CLICOLOR_FORCE"
    );
    let r = run(&[
        "--color",
        "always",
        "why",
        "nk-ballistic-missiles-to-russia",
    ]);
    assert!(esc(&r.stdout), "--color always beats NO_COLOR");
    assert!(
        r.stdout.contains("\x1b[33mintelligence"),
        "intelligence sources stand out: {:?}",
        r.stdout
    );
    let r = run(&["--color", "always", "claims", "--contested"]);
    assert!(
        r.stdout.contains("\x1b[31mdenied by: north-korea, russia"),
        "{:?}",
        r.stdout
    );
}

#[test]
fn completion_scripts_are_printed_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -o nospace"),
        ("zsh", "compdef"),
        ("fish", "complete --keep-order"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell}:\n{}", r.stdout);
        assert!(
            r.stdout.contains("CLAIMGRAPH_COMPLETE"),
            "{shell} calls claimgraph back"
        );
    }
}

/// What the shell gets back when it asks to complete `words` (the last one being typed).
fn complete(words: &[&str], graph: Option<&std::path::Path>) -> Vec<String> {
    let mut c = cmd(&[]);
    c.env("CLAIMGRAPH_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words);
    if let Some(g) = graph {
        c.env("CLAIMGRAPH_GRAPH", g);
    }
    let r = output(c);
    assert_eq!(r.code, 0, "{}", r.transcript());
    r.stdout.lines().map(str::to_string).collect()
}

#[test]
fn completion_offers_the_ids_of_the_current_graph() {
    let got = complete(&["claimgraph", "why", "nk-ba"], None);
    assert_eq!(got, ["nk-ballistic-missiles-to-russia"]);
    let got = complete(&["claimgraph", "claims", "--denied-by", "russ"], None);
    assert_eq!(got, ["russia"]);
    let dir = graph_dir(&[(
        "g.json",
        r#"{"claims": [{"id": "only-here", "text": "x"}]}"#,
    )]);
    let got = complete(&["claimgraph", "why", "o"], Some(dir.path()));
    assert_eq!(got, ["only-here"], "CLAIMGRAPH_GRAPH is followed");
    let got = complete(&["claimgraph", "claims", "--rests-only-on", "intel"], None);
    assert_eq!(got, ["intelligence"], "tags complete");
    let typed = dir.path().display().to_string();
    let got = complete(&["claimgraph", "--graph", &typed, "show", "on"], None);
    assert_eq!(got, ["only-here"], "--graph on the line is followed");
}

/// Every argument that takes an id, a document, a tag, a topic, a verdict or a kind
/// completes from the graph (or the closed vocabulary).
#[test]
fn completion_covers_every_argument_that_names_something() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["link", "ni"], &["nis"]),
        (&["link", "nis", "ass"], &["asserts"]),
        (
            &["link", "nis", "asserts", "nk-ba"],
            &["nk-ballistic-missiles-to-russia"],
        ),
        (
            &["link", "nis", "asserts", "x", "--in", "dw"],
            &["dw-2024-06-18"],
        ),
        (&["unlink", "nis", "cit"], &["cites"]),
        (
            &["unlink", "nis", "cites", "x", "--in", "dw"],
            &["dw-2024-06-18"],
        ),
        (&["review", "nk-ba"], &["nk-ballistic-missiles-to-russia"]),
        (
            &["review", "x", "--verdict", "mostly"],
            &["mostly-true", "mostly-false"],
        ),
        (&["review", "x", "--by", "fitch"], &["fitch-solutions"]),
        (&["rm", "nk-pov"], &["nk-poverty-60pct"]),
        (&["rm", "nk-poverty-60pct", "dw-"], &["dw-2024-06-18"]),
        (&["rename", "bank"], &["bank-of-korea"]),
        (
            &["merge", "nis", "south-korean"],
            &["south-korean-officials"],
        ),
        (&["set", "nk-pov"], &["nk-poverty-60pct"]),
        (&["set", "nis", "alia"], &["aliases"]),
        (&["set", "x", "review.v"], &["review.verdict"]),
        (&["set", "--edge", "nis", "ass"], &["asserts"]),
        (
            &["set", "--edge", "nis", "asserts", "x", "--in", "dw"],
            &["dw-2024-06-18"],
        ),
        (&["unset", "nis", "reli"], &["reliability"]),
        (&["report", "nk-gdp"], &["nk-gdp-24-5bn-2022"]),
        (&["export", "--format", "dot", "--focus", "kcn"], &["kcna"]),
        (
            &["export", "--format", "dot", "--highlight", "think"],
            &["think-tank"],
        ),
        (&["claims", "--found-in", "dw"], &["dw-2024-06-18"]),
        (&["claims", "--about", "north-k"], &["north-korea"]),
        (&["claims", "--verdict", "unrev"], &["unreviewed"]),
        (&["claims", "--topic", "ar"], &["arms"]),
        (&["entities", "--kind", "coun"], &["country"]),
        (&["add", "entity", "--kind", "org"], &["organization"]),
        (&["add", "entity", "--tag", "think"], &["think-tank"]),
        (
            &["add", "entity", "--part-of", "south-k"],
            &["south-korea", "south-korean-officials"],
        ),
        (&["add", "claim", "--found-in", "dw"], &["dw-2024-06-18"]),
        (&["add", "doc", "--publisher", "bloom"], &["bloomberg-news"]),
        (&["diff", "--tag", "state"], &["state-media"]),
    ];
    for (args, want) in cases {
        let mut words = vec!["claimgraph"];
        words.extend_from_slice(args);
        let got = complete(&words, None);
        assert_eq!(&got, want, "{args:?}");
    }
}

#[test]
fn man_pages_cover_every_command() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(".TH claimgraph 1"), "{}", r.stdout);
    let dir = tempfile::tempdir().expect("temp dir");
    let r = run(&["man", "--dir", &dir.path().display().to_string()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for sub in subcommands() {
        assert!(r.stdout.is_empty());
        let page = dir.path().join(format!("claimgraph-{sub}.1"));
        let text = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{sub}: {e}"));
        assert!(text.contains("Examples:"), "{sub}");
        let one = run(&["man", &sub]);
        assert_eq!(one.stdout, text, "man {sub} prints the same page");
    }
    let r = run(&["man", "nosuch"]);
    assert_eq!(r.code, 2);
}

/// `COMPLETE` is a common name: a user who has it set for something else must still be able
/// to run claimgraph (only `CLAIMGRAPH_COMPLETE` asks for completions).
#[test]
fn an_unrelated_complete_variable_does_not_hijack_a_run() {
    let mut c = cmd(&["claims", "--contested", "--format", "ids"]);
    c.env("COMPLETE", "1");
    let r = output(c);
    assert_eq!(r.code, 0, "{}", r.transcript());
    assert_eq!(r.stdout, "nk-covert-arms-supply-to-russia\n");
}
