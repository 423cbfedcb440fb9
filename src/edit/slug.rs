//! Ids made from names and texts when the user leaves the id out.

use super::find;
use crate::model::Id;
use crate::store::Files;

/// Longest slug made from a name or text, in bytes (before a uniqueness suffix).
const MAX_SLUG: usize = 60;

/// `text` as an id: ASCII letters and digits lower-cased, every other run of characters one
/// `-`, trimmed, at most 60 bytes cut at a word boundary. `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let mut s = String::with_capacity(text.len().min(2 * MAX_SLUG));
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
        if s.len() > 2 * MAX_SLUG {
            break;
        }
    }
    let mut s = s.trim_end_matches('-').to_string();
    if s.len() > MAX_SLUG {
        // Cut at the last word boundary that fits; a single over-long word is cut hard.
        let cut = s[..=MAX_SLUG]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_SLUG);
        s.truncate(cut);
        s = s.trim_end_matches('-').to_string();
    }
    (!s.is_empty()).then_some(s)
}

/// `base` if no record has it, else `base-2`, `base-3`, … (the first free one).
pub fn unique_id(files: &Files, base: &str, taken: impl Fn(&str) -> bool) -> Id {
    let free = |s: &str| find(files, s).is_none() && !taken(s);
    let mut candidate = base.to_string();
    let mut n = 2;
    while !free(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Id::new(candidate).expect("slugs and suffixes keep the id pattern")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::tests::split;

    #[test]
    fn slugs_are_lower_case_collapsed_and_trimmed() {
        assert_eq!(
            slug("  National Intelligence Service (NIS) ").unwrap(),
            "national-intelligence-service-nis"
        );
        assert_eq!(slug("Kim Jong Un's visit!").unwrap(), "kim-jong-un-s-visit");
        assert_eq!(slug("서울 --").as_deref(), None);
        assert_eq!(slug("Zürich 2024").unwrap(), "z-rich-2024");
    }

    #[test]
    fn long_slugs_are_cut_at_a_word_boundary() {
        let s = slug(
            "North Korea has supplied ballistic missiles to the Russian military since last August",
        )
        .unwrap();
        assert!(s.len() <= 60, "{s}");
        assert_eq!(
            s,
            "north-korea-has-supplied-ballistic-missiles-to-the-russian"
        );
        let long = slug(&"a".repeat(200)).unwrap();
        assert_eq!(long.len(), 60);
    }

    #[test]
    fn unique_ids_get_a_numeric_suffix() {
        let f = split();
        assert_eq!(unique_id(&f, "fresh", |_| false).as_str(), "fresh");
        assert_eq!(unique_id(&f, "nis", |_| false).as_str(), "nis-2");
        assert_eq!(unique_id(&f, "nis", |s| s == "nis-2").as_str(), "nis-3");
    }
}
