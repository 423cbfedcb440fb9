//! Words as claim matching sees them: splitting a text into tokens, the stop words that
//! carry no content, the words that negate, and the light stemming and synonym classes that
//! make "shipped", "ships" and "supplied" one term.
//!
//! Every rule here is a short table or a suffix rule, so that a person can say why two
//! words count as one: no model, no corpus statistics.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// One token of a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// A word: its text as written (possessive `'s` removed), lower-cased, and whether it
    /// began with a capital letter.
    Word {
        raw: &'a str,
        lower: Cow<'a, str>,
        capital: bool,
    },
    /// Digits, with `,` thousands separators and one `.` decimal point; `percent` when a `%`
    /// followed, `suffix` the letters glued to it (`2m`, `152mm`, `1bn`, `3rd`).
    Number {
        value: f64,
        integer: bool,
        grouped: bool,
        percent: bool,
        suffix: String,
    },
    /// Any other character that separates phrases (`,`, `;`, `(`, a dash); spaces are not
    /// tokens.
    Break,
}

/// Splits `text` into words, numbers and phrase breaks. Bytes are scanned directly; only
/// non-ASCII characters are decoded.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || (c >= 0x80 && char_at(text, i).is_alphabetic()) {
            let start = i;
            i = word_end(text, i);
            let end = i;
            // A trailing plural possessive apostrophe ("Koreas'") belongs to the word.
            if b.get(i) == Some(&b'\'') {
                i += 1;
            } else if text[i..].starts_with('\u{2019}') {
                i += '\u{2019}'.len_utf8();
            }
            // "US$", "HK$": a currency's letters, not a word.
            if b.get(i) == Some(&b'$') {
                continue;
            }
            push_word(&mut out, &text[start..end]);
        } else if c.is_ascii_digit() {
            let (token, end) = number(text, i);
            out.push(token);
            i = end;
        } else {
            let ch = char_at(text, i);
            let separates =
                !ch.is_whitespace() && !matches!(ch, '"' | '\u{201c}' | '\u{201d}' | '$');
            if separates && !matches!(out.last(), Some(Token::Break) | None) {
                out.push(Token::Break);
            }
            i += ch.len_utf8();
        }
    }
    out
}

/// The character at byte `i` of `text` (a character boundary).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Whether a letter or digit starts at byte `i` of `text`.
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_alphanumeric(),
        None => false,
    }
}

/// Where the word starting at byte `i` ends: letters and digits, joined by an apostrophe,
/// hyphen or dot that a letter or digit follows.
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            i += 1;
        } else if c < 0x80 {
            if matches!(c, b'\'' | b'-' | b'.') && alnum_at(text, i + 1) {
                i += 1;
            } else {
                break;
            }
        } else {
            let ch = char_at(text, i);
            let len = ch.len_utf8();
            if ch.is_alphanumeric() || (ch == '\u{2019}' && alnum_at(text, i + len)) {
                i += len;
            } else {
                break;
            }
        }
    }
    i
}

/// Pushes the word(s) of `w`: a hyphenated compound is split into its parts ("large-scale"
/// → "large", "scale"; "China-North Korea" → "China", "North"), except a name's hyphen
/// before a lower-case part ("Jong-un"), which joins.
fn push_word<'a>(out: &mut Vec<Token<'a>>, w: &'a str) {
    let w = strip_possessive(w);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let joined_name = capital
        && w.split('-')
            .skip(1)
            .all(|p| p.chars().next().is_some_and(char::is_lowercase));
    if w.contains('-') && !joined_name {
        for part in w.split('-').filter(|p| !p.is_empty()) {
            push_word(out, part);
        }
        return;
    }
    let plain = w.bytes().all(|b| {
        b.is_ascii_lowercase() || b == b'-' || b == b'\'' || b == b'.' || b.is_ascii_digit()
    });
    let lower = if plain {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase().replace('\u{2019}', "'"))
    };
    out.push(Token::Word {
        raw: w,
        lower,
        capital,
    });
}

/// `w` without a possessive `'s` or `’s`.
fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if !base.is_empty() {
                return base;
            }
        }
    }
    w
}

/// The number starting at byte `start` of `text`, and where it ends.
fn number(text: &str, start: usize) -> (Token<'static>, usize) {
    let b = text.as_bytes();
    let mut end = start;
    let mut digits = String::new();
    let mut grouped = false;
    let mut integer = true;
    while end < b.len() {
        let c = b[end];
        if c.is_ascii_digit() {
            digits.push(c as char);
            end += 1;
        } else if c == b',' && end + 3 < b.len() + 1 && group_follows(b, end) {
            grouped = true;
            end += 1;
        } else if c == b'.' && integer && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            integer = false;
            digits.push('.');
            end += 1;
        } else {
            break;
        }
    }
    let mut suffix = String::new();
    let mut percent = false;
    if b.get(end) == Some(&b'%') {
        percent = true;
        end += 1;
    } else {
        while end < b.len() && b[end].is_ascii_alphabetic() {
            suffix.push(b[end].to_ascii_lowercase() as char);
            end += 1;
        }
    }
    let value = digits.parse().unwrap_or(0.0);
    let token = Token::Number {
        value,
        integer,
        grouped,
        percent,
        suffix,
    };
    (token, end)
}

/// Whether the `,` at `at` is a thousands separator: exactly three digits follow it.
fn group_follows(b: &[u8], at: usize) -> bool {
    let digits = b[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits == 3
}

/// Words that carry no content of their own: articles, pronouns, auxiliaries, prepositions,
/// conjunctions, reporting verbs, hedges and approximations (numbers are compared on their
/// own, so "about 6,700" and "some 6,700" agree).
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
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "nearly",
    "new",
    "now",
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
    "until",
    "up",
    "upon",
    "us",
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
/// stripping: -ies/-ied → y, -es after s/x/z/ch/sh, -s, -ed, -ing, a doubled final consonant
/// undone, a final e dropped), then its synonym class.
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
    fn tokens_split_words_numbers_and_breaks() {
        let t = tokens("North Korea's 6,700 containers (3.2%) large-scale, Jong-un");
        let words: Vec<&str> = t
            .iter()
            .filter_map(|t| match t {
                Token::Word { lower, .. } => Some(lower.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(
            words,
            ["north", "korea", "containers", "large", "scale", "jong-un"]
        );
        assert!(t
            .iter()
            .any(|t| matches!(t, Token::Number { value, grouped: true, .. } if *value == 6700.0)));
        assert!(t
            .iter()
            .any(|t| matches!(t, Token::Number { value, percent: true, .. } if *value == 3.2)));
        assert!(is_negator("didn't") && is_negator("never") && !is_negator("note"));
    }

    #[test]
    fn hostile_text_tokenizes() {
        for s in [
            "", "'", "9,", "1.", "1,23", "’s", "-", "é'", "5%%", "a\u{0}b", "1.2.3",
        ] {
            let _ = tokens(s);
        }
    }
}
