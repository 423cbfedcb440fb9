//! What a denial denies: a "that" clause, "claims by X that Y" (X asserts
//! what is denied), a plain object, or an anaphor ("the allegations", "that
//! view") whose claim is found earlier in the text.

use std::sync::LazyLock;

use regex::Regex;

use super::phrases::ADJUNCT;
use super::raw::{Counter, Raw};

static CLAIMS_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:the\s+)?(claims?|allegations?|accusations?|reports?|suggestions?|charges?|assertions?)\s+(?:(?:by|from)\s+(.{1,80}?)\s+)?that\s+")
        .expect("claims-by regex")
});
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:the|these|those|that|this|such|any|all|its|their|his|her)\s+)?(?:\w+\s+)?(?:allegations?|accusations?|claims?|reports?|findings?|view|views|interpretation|charges?|suggestions?|assertions?|criticism|remarks|account|story|it|this|that|them)\b")
        .expect("anaphor regex")
});

/// The object of a denial: a clause, "claims by X that Y", an anaphor
/// ("the allegations", "that view") or a plain noun phrase.
pub fn set_denied_object(s: &str, start: usize, end: usize, raw: &mut Raw) {
    let obj = &s[start..end];
    if let Some(c) = CLAIMS_BY.captures(obj) {
        let noun = c.get(1).expect("group");
        raw.counter = c.get(2).map(|m| Counter {
            who: (start + m.start(), start + m.end()),
            cue: (start + noun.start(), start + noun.end()),
        });
        raw.claim = vec![(start + c.get(0).expect("match").end(), end)];
        return;
    }
    let bare = obj.trim().trim_end_matches(|c: char| !c.is_alphanumeric());
    if bare.is_empty() {
        return;
    }
    if let Some(m) = ANAPHOR.find(obj) {
        let rest = &obj[m.end()..];
        let rest_bare = rest.trim().trim_matches(|c: char| !c.is_alphanumeric());
        let conjunction = matches!(rest_bare, "and" | "but" | "while");
        if rest_bare.is_empty()
            || conjunction
            || rest.trim_start().starts_with("as ")
            || ADJUNCT.is_match(rest)
            || rest.trim_start().starts_with(',')
        {
            let lead = obj.len() - obj.trim_start().len();
            raw.anaphor = Some((start + lead, start + m.end()));
            return;
        }
    }
    raw.claim = vec![(start, end)];
}

#[cfg(test)]
mod tests {
    use super::super::cues::CueKind;
    use super::super::record::Stance;
    use super::*;

    fn denied(obj: &str) -> Raw {
        let mut raw = Raw::new((0, 0), CueKind::Verb, Stance::Denies);
        set_denied_object(obj, 0, obj.len(), &mut raw);
        raw
    }

    #[test]
    fn anaphors_leave_the_claim_to_be_found_earlier() {
        for obj in [
            " that view.",
            " the accusation.",
            " the findings, saying",
            " it on Monday.",
        ] {
            let raw = denied(obj);
            assert!(raw.claim.is_empty(), "{obj}");
            assert!(raw.anaphor.is_some(), "{obj}");
        }
    }

    #[test]
    fn claims_by_someone_give_both_sides() {
        let obj = " claims by residents that fish died";
        let raw = denied(obj);
        let (a, b) = raw.counter.expect("counter speaker").who;
        assert_eq!(&obj[a..b], "residents");
        assert_eq!(&obj[raw.claim[0].0..raw.claim[0].1], "fish died");
    }

    #[test]
    fn plain_objects_are_the_claim() {
        let obj = " any involvement in the attack";
        assert_eq!(denied(obj).claim, vec![(0, obj.len())]);
    }
}
