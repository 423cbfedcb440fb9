//! Words as claim matching sees them: the stop words that carry no content, the words that
//! negate, the light stemming and synonym classes that make "shipped", "ships" and
//! "supplied" one term, and the pairs of words that say opposite things.
//!
//! Every rule here is a short table or a suffix rule, so that a person can say why two
//! words count as one: no model, no corpus statistics.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// Words that carry no content of their own: articles, pronouns, auxiliaries, prepositions,
/// conjunctions, reporting verbs, hedges, approximations and vague quantities (numbers are
/// compared on their own, so "about 6,700" and "some 6,700" agree), and light verbs whose
/// noun carries the meaning ("made transfers" = "transferred", "carried out attacks").
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "across",
    "again",
    "against",
    "ago",
    "all",
    "allegedly",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "carried",
    "carries",
    "carry",
    "carrying",
    "conduct",
    "conducted",
    "conducting",
    "conducts",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "estimated",
    "even",
    "ever",
    "every",
    "far",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "likely",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "multiple",
    "must",
    "my",
    "nearly",
    "new",
    "now",
    "numerous",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "possibly",
    "probably",
    "rather",
    "reportedly",
    "roughly",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "undertake",
    "undertaken",
    "undertook",
    "until",
    "up",
    "upon",
    "us",
    "various",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
];

/// Words that negate what a claim says. "not only" does not count.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "none", "nothing", "nobody", "nowhere", "neither", "nor", "without",
    "cannot", "deny", "denies", "denied", "denying", "fail", "fails", "failed", "unable", "refuse",
    "refuses", "refused", "false", "untrue", "baseless",
];

fn set(words: &'static [&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

static STOP: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(STOP_WORDS));
static NEGATING: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(NEGATORS));
static KEPT: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(KEEP));
static BASE: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| IRREGULAR.iter().copied().collect());
static CLASS: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| SYNONYMS.iter().copied().collect());

/// Whether `lower` is a stop word.
pub fn is_stop(lower: &str) -> bool {
    STOP.contains(lower)
}

/// Whether `lower` negates ("not", "never", "didn't", "denied"...).
pub fn is_negator(lower: &str) -> bool {
    NEGATING.contains(lower) || lower.ends_with("n't") || lower.ends_with("n\u{2019}t")
}

/// Irregular forms and their base word.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("children", "child"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fought", "fight"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("went", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("men", "man"),
    ("met", "meet"),
    ("paid", "pay"),
    ("people", "person"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shown", "show"),
    ("shrank", "shrink"),
    ("shrunk", "shrink"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("struck", "strike"),
    ("taken", "take"),
    ("took", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("told", "tell"),
    ("won", "win"),
    ("women", "woman"),
    ("wrote", "write"),
    ("written", "write"),
];

/// Words that end like an inflection but are not one.
const KEEP: &[&str] = &[
    "analysis",
    "arms",
    "bias",
    "crisis",
    "gas",
    "kingdom",
    "means",
    "news",
    "series",
    "species",
    "status",
    "thus",
    "united",
    "bus",
    "bed",
    "red",
    "need",
    "feed",
    "speed",
    "seed",
    "during",
    "nothing",
    "thing",
    "something",
    "king",
    "ring",
    "spring",
    "string",
    "wing",
    "sling",
];

/// Synonym classes: a stem on the left counts as the stem on the right. Kept small, each
/// class one idea news copy words in several ways.
const SYNONYMS: &[(&str, &str)] = &[
    ("ship", "send"),
    ("supply", "send"),
    ("deliver", "send"),
    ("delivery", "send"),
    ("transfer", "send"),
    ("provid", "send"),
    ("export", "send"),
    ("transport", "send"),
    ("arms", "weapon"),
    ("armament", "weapon"),
    ("weaponry", "weapon"),
    ("ammunition", "munition"),
    ("ammo", "munition"),
    ("shell", "munition"),
    ("increas", "rise"),
    ("ris", "rise"),
    ("grow", "rise"),
    ("growth", "rise"),
    ("climb", "rise"),
    ("jump", "rise"),
    ("surg", "rise"),
    ("decreas", "fall"),
    ("drop", "fall"),
    ("declin", "fall"),
    ("shrink", "fall"),
    ("contract", "fall"),
    ("slump", "fall"),
    ("plung", "fall"),
    ("troop", "soldier"),
    ("plant", "factory"),
    ("economic", "economy"),
    ("purchas", "buy"),
    ("acquir", "buy"),
    ("sanction", "sanction"),
    ("cooperat", "cooperation"),
    ("expand", "rise"),
    ("expansion", "rise"),
    ("defenc", "defens"),
    ("programm", "program"),
    ("centr", "center"),
    ("labour", "labor"),
    ("covert", "secret"),
    ("clandestin", "secret"),
];

/// Pairs of words that say opposite things: two texts that differ by one of these are
/// different claims however many other words they share.
const OPPOSITES: &[(&str, &str)] = &[
    ("rise", "fall"),
    ("win", "lose"),
    ("above", "below"),
    ("before", "after"),
    ("include", "exclude"),
    ("impose", "lift"),
    ("accept", "reject"),
    ("approve", "reject"),
    ("open", "close"),
    ("strengthen", "weaken"),
    ("allow", "ban"),
    ("start", "stop"),
];

/// The opposite pairs as terms.
pub fn opposites() -> &'static [(String, String)] {
    static TERMS: std::sync::LazyLock<Vec<(String, String)>> =
        std::sync::LazyLock::new(|| OPPOSITES.iter().map(|(a, b)| (term(a), term(b))).collect());
    &TERMS
}

/// The term a content word counts as: its base form (irregular table, then suffix
/// stripping: -ies/-ied → y, -es after s/x/z/ch/sh, -s, -ed, -ing, -ly (not -ply, -lly), a
/// doubled final consonant undone, a final e dropped), then its synonym class.
pub fn term(lower: &str) -> String {
    let base = stem(lower);
    match CLASS.get(base.as_str()) {
        Some(class) => class.to_string(),
        None => base,
    }
}

/// The base form of `lower` (see [`term`]).
pub fn stem(lower: &str) -> String {
    if let Some(base) = BASE.get(lower) {
        return drop_final_e(base);
    }
    if KEPT.contains(lower) || lower.chars().count() <= 3 {
        return lower.to_string();
    }
    let mut s = lower.to_string();
    if let Some(b) = s.strip_suffix("ies").or_else(|| s.strip_suffix("ied")) {
        s = format!("{b}y");
    } else if let Some(b) = s.strip_suffix("es").filter(|b| {
        b.ends_with('s')
            || b.ends_with('x')
            || b.ends_with('z')
            || b.ends_with("ch")
            || b.ends_with("sh")
    }) {
        s = b.to_string();
    } else if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
    } else if let Some(b) = s.strip_suffix("ed").filter(|b| b.len() >= 3) {
        s = undouble(b);
    } else if let Some(b) = s.strip_suffix("ing").filter(|b| b.len() >= 3) {
        s = undouble(b);
    } else if let Some(b) = s
        .strip_suffix("ly")
        .filter(|b| b.len() >= 4 && !b.ends_with(['p', 'l']))
    {
        s = b.to_string();
    }
    drop_final_e(&s)
}

/// `b` with a doubled final consonant made single ("shipp" → "ship").
fn undouble(b: &str) -> String {
    let bytes = b.as_bytes();
    let n = bytes.len();
    if n >= 4 && bytes[n - 1] == bytes[n - 2] && b"bdgmnprt".contains(&bytes[n - 1]) {
        b[..n - 1].to_string()
    } else {
        b.to_string()
    }
}

/// `s` without a final silent `e`, so that "move", "moves" and "moved" agree.
fn drop_final_e(s: &str) -> String {
    match s.strip_suffix('e') {
        Some(b) if b.len() >= 3 => b.to_string(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_known() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop("the") && is_stop("according") && !is_stop("missile"));
    }

    #[test]
    fn inflections_share_a_stem() {
        for group in [
            &["ship", "ships", "shipped", "shipping"][..],
            &["supply", "supplies", "supplied", "supplying"],
            &["move", "moves", "moved", "moving"],
            &["transfer", "transfers", "transferred"],
            &["box", "boxes"],
            &["send", "sent", "sends"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.windows(2).all(|w| w[0] == w[1]), "{stems:?}");
        }
        assert_eq!(stem("news"), "news");
        assert_eq!(stem("crisis"), "crisis");
    }

    #[test]
    fn synonyms_fold_to_one_term() {
        assert_eq!(term("shipped"), term("sent"));
        assert_eq!(term("supplies"), "send");
        assert_eq!(term("arms"), term("weapons"));
        assert_eq!(term("shells"), term("munitions"));
        assert_ne!(term("missiles"), term("shells"));
    }

    #[test]
    fn negators_are_words_and_contractions() {
        assert!(is_negator("didn't") && is_negator("never") && !is_negator("note"));
    }
}
