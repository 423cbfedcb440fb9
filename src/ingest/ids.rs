//! Readable ids for what an ingest adds: an entity's from its name, a claim's from its first
//! content words, with `-2`, `-3`… when taken.

use crate::model::Id;
use crate::similar::is_stop_word;
use crate::text::fold_name;

/// Longest id made, before a suffix.
const MAX: usize = 50;
/// Most content words in a claim's id.
const CLAIM_WORDS: usize = 7;

/// A slug of `words` (already folded words), at most [`MAX`] bytes cut at a word boundary.
fn slug_of<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        let w: String = w.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() && out.len() + 1 + w.len() > MAX {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w[..w.len().min(MAX)]);
    }
    out
}

/// The slug of an entity's name: "South Korea's spy agency" → `south-koreas-spy-agency`.
pub fn entity_slug(name: &str) -> String {
    let folded = fold_name(name);
    let s = slug_of(folded.split(' '));
    if s.is_empty() {
        "entity".into()
    } else {
        s
    }
}

/// The slug of a claim: its first content words, "6,700" as `6700`: "North Korea has shipped
/// about 6,700 containers" → `north-korea-shipped-6700-containers`.
pub fn claim_slug(text: &str) -> String {
    let joined = join_digit_groups(text);
    let folded = fold_name(&joined);
    let words = folded
        .split(' ')
        .filter(|w| !is_stop_word(w) || matches!(*w, "not" | "no" | "never"))
        .take(CLAIM_WORDS);
    let s = slug_of(words);
    if s.is_empty() {
        "claim".into()
    } else {
        s
    }
}

/// "6,700" → "6700", "3.2" → "3-2" stays two digits groups: thousands separators go.
fn join_digit_groups(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in b.iter().enumerate() {
        let between_digits =
            i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(char::is_ascii_digit);
        if c == ',' && between_digits {
            continue;
        }
        out.push(c);
    }
    out
}

/// `base` if free, else `base-2`, `base-3`…; marks the id taken.
pub fn fresh(base: &str, taken: &mut dyn FnMut(&str) -> bool) -> Id {
    let base = if base.is_empty() { "entity" } else { base };
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Id::new(candidate).expect("slugs keep the id pattern")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(
            entity_slug("South Korea's spy agency"),
            "south-koreas-spy-agency"
        );
        assert_eq!(entity_slug("Łódź Institute"), "lodz-institute");
        assert_eq!(entity_slug("국정원"), "entity");
        assert_eq!(
            claim_slug("North Korea has shipped about 6,700 containers of munitions to Russia since August last year."),
            "north-korea-shipped-6700-containers-munitions"
        );
        assert_eq!(claim_slug("It was not."), "not");
        assert!(claim_slug(&"word ".repeat(100)).len() <= MAX);
    }

    #[test]
    fn fresh_ids_never_clash() {
        let mut used = vec!["a".to_string(), "a-2".to_string()];
        let mut taken = |s: &str| {
            let t = used.iter().any(|u| u == s);
            if !t {
                used.push(s.to_string());
            }
            t
        };
        assert_eq!(fresh("a", &mut taken).as_str(), "a-3");
        assert_eq!(fresh("b", &mut taken).as_str(), "b");
        assert_eq!(fresh("b", &mut taken).as_str(), "b-2");
    }
}
