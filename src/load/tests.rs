use super::*;

fn src(name: &str, text: &str) -> Source {
    Source {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn errors(sources: &[Source]) -> Vec<String> {
    from_sources(sources)
        .expect_err("should fail")
        .errors
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn files_merge_and_references_may_point_into_later_files() {
    let g = from_sources(&[
        src("a.json", r#"{"edges": [{"from": "nis", "rel": "asserts", "to": "c"}]}"#),
        src("b.json", r#"{"entities": [{"id": "nis", "name": "NIS", "kind": "organization"}], "claims": [{"id": "c", "text": "T"}]}"#),
    ])
    .unwrap();
    assert_eq!(g.edge_counts(), [1, 0, 0]);
    assert_eq!(g.files(), ["a.json", "b.json"]);
}

#[test]
fn every_error_of_a_load_is_reported_across_files() {
    let errs = errors(&[
        src(
            "a.json",
            r#"{"entities": [{"id": "A", "name": "x", "kind": "country"}]}"#,
        ),
        src(
            "b.json",
            "{\"claims\": [{\"id\": \"c\", \"text\": \"t\", \"date\": \"2024-02-30\"}]}",
        ),
        src("c.json", "{"),
    ]);
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert!(
        errs[0].starts_with("a.json:1:22: entities[0].id: bad id \"A\""),
        "{}",
        errs[0]
    );
    assert!(
        errs[1].starts_with("b.json:1:46: claims[0].date: bad date"),
        "{}",
        errs[1]
    );
    assert!(
        errs[2].starts_with("c.json:1:1: EOF while parsing an object"),
        "{}",
        errs[2]
    );
}

const ONE_CLAIM: &str = r#""documents": [{"id": "d1", "title": "One"}, {"id": "d2", "title": "Two"}],
    "entities": [{"id": "e", "name": "E", "kind": "person"}], "claims": [{"id": "c", "text": "T"}]"#;

#[test]
fn the_same_relation_in_two_documents_is_two_appearances_of_one_relation() {
    let g = from_sources(&[src(
        "a.json",
        &format!(
            r#"{{{ONE_CLAIM}, "edges": [{{"from": "e", "rel": "asserts", "to": "c", "in": "d1", "quote": "one"}},
               {{"from": "e", "rel": "asserts", "to": "c", "in": "d2", "quote": "two"}}, {{"from": "e", "rel": "asserts", "to": "c"}}]}}"#
        ),
    )])
    .unwrap();
    assert_eq!(g.edge_counts(), [3, 0, 0]);
    assert_eq!(g.relation_counts(), [1, 0, 0]);
    let (e, c) = (g.node_by_id("e").unwrap(), g.node_by_id("c").unwrap());
    assert_eq!(g.sources(c, crate::model::Rel::Asserts).count(), 1);
    let docs: Vec<Option<&str>> = g
        .appearances(e, crate::model::Rel::Asserts, c)
        .iter()
        .map(|a| g.edge_doc_id(a).map(|d| d.as_str()))
        .collect();
    assert_eq!(docs, [None, Some("d1"), Some("d2")]);
    let d2 = g.document_index("d2");
    let found = g.find_edge(e, crate::model::Rel::Asserts, c, d2).unwrap();
    assert_eq!(
        found.weight().extra.as_ref().unwrap().quote.as_deref(),
        Some("two")
    );
    assert!(g.find_edge(e, crate::model::Rel::Denies, c, d2).is_none());
}

#[test]
fn the_same_edge_in_the_same_document_twice_is_an_error_naming_the_first() {
    let errs = errors(&[
        src(
            "a.json",
            &format!(
                r#"{{{ONE_CLAIM}, "edges": [{{"from": "e", "rel": "asserts", "to": "c", "in": "d1"}},
                   {{"from": "e", "rel": "asserts", "to": "c"}}, {{"from": "e", "rel": "asserts", "to": "c", "in": "d1", "quote": "q"}},
                   {{"from": "e", "rel": "asserts", "to": "c", "in": "d1", "quote": "third"}}]}}"#
            ),
        ),
        src(
            "b.json",
            r#"{"edges": [{"from": "e", "rel": "asserts", "to": "c"}]}"#,
        ),
    ]);
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert!(
        errs[0].starts_with("a.json:3:64: edges[2]: duplicate edge \"e\" asserts \"c\" in \"d1\": already stated at edges[0]"),
        "{}",
        errs[0]
    );
    assert!(errs[1].contains("edges[3]: duplicate edge"), "{}", errs[1]);
    assert!(
        errs[2].contains("b.json:1:12: edges[0]: duplicate edge \"e\" asserts \"c\" with no document: already stated in a.json at edges[1]"),
        "{}",
        errs[2]
    );
}

#[test]
fn an_array_is_not_a_record() {
    // serde would fill a struct from an array's elements in order; the format says objects.
    let errs = errors(&[src("a.json", r#"{"entities": [["e", "E", "person"]]}"#)]);
    assert!(
        errs[0].contains("entities[0]: invalid type: sequence, expected a JSON object"),
        "{errs:?}"
    );
}

#[test]
fn duplicate_keys_are_an_error() {
    let errs = errors(&[src(
        "a.json",
        r#"{"claims": [{"id": "c", "id": "d", "text": "t"}]}"#,
    )]);
    assert!(errs[0].contains("duplicate field `id`"), "{errs:?}");
}

#[test]
fn unknown_fields_get_a_did_you_mean() {
    let errs = errors(&[src("a.json", r#"{"claims": [{"id": "c", "txt": "t"}]}"#)]);
    assert!(errs[0].contains("unknown field `txt`"), "{errs:?}");
    assert!(errs[0].ends_with("(did you mean `text`?)"), "{errs:?}");
}

#[test]
fn an_error_in_one_record_does_not_cascade_into_unknown_ids() {
    // The entity has a bad kind but its id is fine: edges to it must not also fail.
    let errs = errors(&[src(
        "a.json",
        r#"{"entities": [{"id": "e", "name": "E", "kind": "agency"}], "claims": [{"id": "c", "text": "T"}],
            "edges": [{"from": "e", "rel": "asserts", "to": "c"}]}"#,
    )]);
    assert_eq!(errs.len(), 1, "{errs:#?}");
}

#[test]
fn errors_beyond_the_cap_are_counted() {
    let claims: Vec<String> = (0..MAX_ERRORS + 50)
        .map(|i| format!("{{\"id\": \"c{i}\", \"text\": \"\"}}"))
        .collect();
    let e = from_sources(&[src(
        "a.json",
        &format!("{{\"claims\": [{}]}}", claims.join(",")),
    )])
    .unwrap_err();
    assert_eq!(e.errors.len(), MAX_ERRORS);
    assert_eq!(e.more, 50);
    assert!(e.to_string().ends_with("and 50 more errors"));
}

#[test]
fn a_document_cannot_be_an_edge_endpoint() {
    let errs = errors(&[src(
        "a.json",
        r#"{"documents": [{"id": "d", "title": "D"}], "entities": [{"id": "e", "name": "E", "kind": "person"}],
            "edges": [{"from": "e", "rel": "cites", "to": "d"}]}"#,
    )]);
    assert!(
        errs[0].contains("edges[0].to: \"d\" is a document; edges join entities and claims"),
        "{errs:?}"
    );
}

#[test]
fn ids_are_one_namespace_across_record_kinds() {
    let errs = errors(&[src(
        "a.json",
        r#"{"documents": [{"id": "x", "title": "D"}], "claims": [{"id": "x", "text": "T"}]}"#,
    )]);
    assert!(
        errs[0].contains("claims[0].id: duplicate id \"x\": already defined at documents[0]"),
        "{errs:?}"
    );
}

#[test]
fn a_duplicate_record_is_reported_once_and_its_references_are_not_checked() {
    // The second "c" is not part of the graph: its dangling `about` must not add an error.
    let errs = errors(&[src(
        "g.json",
        r#"{"entities": [{"id": "e", "name": "E", "kind": "person"}],
            "claims": [{"id": "c", "text": "one"}, {"id": "c", "text": "two", "about": ["ghost"]}],
            "edges": [{"from": "e", "rel": "asserts", "to": "c"}]}"#,
    )]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("claims[1].id: duplicate id \"c\""),
        "{errs:?}"
    );
}

/// The graph (canonical JSON) or the errors that loading `sources` gives.
fn outcome(sources: &[Source], lookups: EdgeLookups) -> Result<String, LoadError> {
    load_sources(sources, lookups).map(|g| {
        let mut out = Vec::new();
        crate::export::json::write_graph(&mut out, &g).unwrap();
        String::from_utf8(out).unwrap()
    })
}

#[test]
fn edge_ends_looked_up_on_the_parsing_thread_give_the_same_graph_and_errors() {
    let mut generated = Vec::new();
    let opts = claimgraph_gen::GenOptions {
        claims: 3000,
        seed: 7,
        shape: claimgraph_gen::Shape::Realistic,
    };
    claimgraph_gen::write_graph(&mut generated, &opts).unwrap();
    let generated = Source {
        name: "gen.json".into(),
        bytes: generated,
    };
    let people = r#""entities": [{"id": "e", "name": "E", "kind": "person"}, {"id": "f", "name": "F", "kind": "person"}]"#;
    let cases: Vec<Vec<Source>> = vec![
        vec![generated],
        // Edges before the records they name, within a file and across files.
        vec![src(
            "a.json",
            &format!(
                r#"{{"edges": [{{"from": "e", "rel": "asserts", "to": "c"}}], {people}, "claims": [{{"id": "c", "text": "T"}}]}}"#
            ),
        )],
        vec![
            src(
                "a.json",
                r#"{"edges": [{"from": "e", "rel": "asserts", "to": "c", "in": "d"}]}"#,
            ),
            src(
                "b.json",
                &format!(
                    r#"{{"documents": [{{"id": "d", "title": "D"}}], {people}, "claims": [{{"id": "c", "text": "T"}}]}}"#
                ),
            ),
        ],
        // A run of edges between records; duplicates; every kind of bad end.
        vec![src(
            "a.json",
            &format!(
                r#"{{"documents": [{{"id": "d", "title": "D"}}], {people},
                    "edges": [{{"from": "e", "rel": "cites", "to": "f", "in": "d"}}, {{"from": "e", "rel": "cites", "to": "f"}},
                              {{"from": "e", "rel": "asserts", "to": "c", "in": "d"}}],
                    "claims": [{{"id": "c", "text": "T"}}]}}"#
            ),
        )],
        vec![src(
            "a.json",
            &format!(
                r#"{{"documents": [{{"id": "d", "title": "D"}}], {people}, "claims": [{{"id": "c", "text": "T"}}],
                    "edges": [{{"from": "e", "rel": "asserts", "to": "c", "in": "d"}}, {{"from": "c", "rel": "asserts", "to": "e"}},
                              {{"from": "e", "rel": "cites", "to": "d"}}, {{"from": "e", "rel": "denies", "to": "c", "in": "e"}},
                              {{"from": "nobody", "rel": "asserts", "to": "c", "in": "nowhere"}}, {{"from": "e", "rel": "asserts", "to": "c"}}]}}"#
            ),
        )],
    ];
    for sources in &cases {
        assert_eq!(
            outcome(sources, EdgeLookups::OnParser),
            outcome(sources, EdgeLookups::WhenBuilderBehind),
            "{}",
            sources[0].name
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Ids sorted through their kept eight-byte prefixes come out as the strings sort, also
    /// when many share a prefix or one is a prefix of another.
    #[test]
    fn nodes_sort_by_id_as_strings_do(ids in proptest::collection::btree_set("(abcdefgh|abcdefg|ab)[a-c0-]{0,4}", 1..40)) {
        let entities: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id": "{id}", "name": "n", "kind": "person"}}"#))
            .collect();
        let text = format!(r#"{{"entities": [{}]}}"#, entities.join(","));
        let g = from_sources(&[src("a.json", &text)]).unwrap();
        let mut nodes: Vec<_> = g.nodes().collect();
        nodes.reverse();
        let sorted: Vec<&str> = g.sorted_by_id(nodes).into_iter().map(|ix| g.id(ix).as_str()).collect();
        let want: Vec<&str> = ids.iter().map(String::as_str).collect();
        proptest::prop_assert_eq!(sorted, want);
    }
}

#[test]
fn ids_registered_while_the_index_is_still_shared_go_into_a_copy_of_it() {
    let mut b = build::Builder::new(0);
    b.start_file("a.json");
    let held = b.share_index();
    let entity = |id: &str| values::Item::Node {
        pos: 0,
        record: crate::graph::Record::Entity(crate::model::Entity {
            id: crate::model::Id::new(id).unwrap(),
            name: id.into(),
            kind: crate::model::Kind::Person,
            tags: Vec::new(),
            part_of: None,
            aliases: Vec::new(),
            reliability: None,
            note: None,
        }),
    };
    b.add_all(&mut vec![entity("e")]);
    let (g, errors, _) = b.finish(values::Errors::default(), Vec::new());
    assert!(errors.is_empty(), "{errors:?}");
    assert!(g.node_by_id("e").is_some());
    assert!(held.is_empty(), "the reader's view did not change under it");
}
