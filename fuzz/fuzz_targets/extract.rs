//! Bytes -> extract: any text gives records, never a panic; every span is a slice of the
//! input on character boundaries, and every record names a source and a claim.
#![no_main]

use claimgraph::extract::{extract, KnownEntity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let known = [
        KnownEntity { id: "north-korea".into(), names: vec!["North Korea".into(), "Pyongyang".into()], is_person: false, is_organization: false },
        KnownEntity { id: "anwita-basu".into(), names: vec!["Anwita Basu".into(), "Basu".into()], is_person: true, is_organization: false },
        KnownEntity { id: "nis".into(), names: vec!["National Intelligence Service".into(), "NIS".into()], is_person: false, is_organization: true },
    ];
    for r in extract(&text, &known) {
        let [a, b] = r.span;
        assert!(a <= b && b <= text.len(), "span {a}..{b} out of {}", text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "span on a char boundary");
        assert!(!r.source.is_empty(), "a record names its source");
    }
});
