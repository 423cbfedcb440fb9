//! "Did you mean" suggestions for ids, names and vocabulary words.

/// The candidate closest to `word`, if one is close enough to be a plausible typo: within a
/// few edits (transpositions count once) or very similar by Jaro-Winkler.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lowered = word.to_lowercase();
    let max_edits = (lowered.chars().count() / 4).max(1);
    let mut best: Option<((usize, u64), &str)> = None;
    for c in candidates {
        let other = c.to_lowercase();
        let edits = strsim::osa_distance(&lowered, &other);
        let jw = strsim::jaro_winkler(&lowered, &other);
        if edits > max_edits && jw < 0.88 {
            continue;
        }
        // Fewer edits first, then higher similarity, then the smaller candidate: the same
        // answer in whatever order the candidates come (records in another file order).
        let key = (edits, ((1.0 - jw) * 1e9) as u64);
        if best.is_none_or(|(k, b)| (key, c) < (k, b)) {
            best = Some((key, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `"; did you mean \"x\"?"`, or an empty string when nothing is close.
pub fn did_you_mean_suffix<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    did_you_mean(word, candidates)
        .map(|c| format!(" (did you mean {}?)", crate::text::quoted(c)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let words = ["nis", "north-korea", "russia"];
        assert_eq!(did_you_mean("nsi", words), Some("nis"));
        assert_eq!(did_you_mean("north-corea", words), Some("north-korea"));
        assert_eq!(did_you_mean("zebra", words), None);
    }

    #[test]
    fn ties_go_the_same_way_in_any_order() {
        let words = ["e2", "e1", "e3"];
        assert_eq!(did_you_mean("e", words), Some("e1"));
        let reversed: Vec<&str> = words.iter().rev().copied().collect();
        assert_eq!(did_you_mean("e", reversed), Some("e1"));
    }
}
