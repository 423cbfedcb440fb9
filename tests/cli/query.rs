//! The query commands on the shipped graph: the headline answers of the seed article.

use crate::util::run;

#[test]
fn rests_only_on_intelligence_finds_exactly_the_two_intelligence_claims() {
    let r = run(&["claims", "--rests-only-on", "intelligence", "--format", "ids"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.lines(),
        ["nk-arms-transfers-since-aug-2023", "nk-ballistic-missiles-to-russia"]
    );
}
