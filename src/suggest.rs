//! "Did you mean" suggestions for ids, names and vocabulary words.

/// The candidate closest to `word`, if one is close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lowered = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&lowered, &c.to_lowercase());
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
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
        .map(|c| format!(" (did you mean {}?)", crate::model::quoted(c)))
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
}
