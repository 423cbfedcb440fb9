//! Guessing what a new speaker is from the words that name and describe it: its `kind`
//! (person, organization, country) and its source-type tags (docs/format.md §3), from a
//! table of cue phrases ("spy agency" → `intelligence`, "spokesman" → `government`, "think
//! tank" → `think-tank`), and the words around a name in its sentence ("Kremlin spokesman Dmitry
//! Peskov", "CSIS, a Washington think tank,") that say more than the name itself.
//!
//! Every guess names the cue it came from, so the plan can say why.

use crate::model::{Kind, Tag};
use crate::text::fold_name;

/// Cue phrases, folded, and the tag each suggests; the first cues that match decide. A cue
/// with an empty tag stops the cues below it from matching the same words ("intelligence
/// committee" is parliament's, not a spy agency's).
const CUES: &[(&str, &str)] = &[
    ("intelligence committee", "government"),
    ("intelligence panel", "government"),
    ("state news agency", "state-media"),
    ("state media", "state-media"),
    ("state run", "state-media"),
    ("state broadcaster", "state-media"),
    ("state television", "state-media"),
    ("official news agency", "state-media"),
    ("central news agency", "state-media"),
    ("kcna", "state-media"),
    ("tass", "state-media"),
    ("xinhua", "state-media"),
    ("ria novosti", "state-media"),
    ("rodong sinmun", "state-media"),
    ("spy agency", "intelligence"),
    ("spy service", "intelligence"),
    ("spy chief", "intelligence"),
    ("intelligence", "intelligence"),
    ("espionage", "intelligence"),
    ("satellite", "imagery"),
    ("imagery", "imagery"),
    ("aerial images", "imagery"),
    ("central bank", "central-bank"),
    ("federal reserve", "central-bank"),
    ("bank of", "central-bank"),
    ("statistics", "statistics"),
    ("statistical", "statistics"),
    ("census", "statistics"),
    ("customs", "statistics"),
    ("united nations", "international-org"),
    ("un panel", "international-org"),
    ("un security council", "international-org"),
    ("panel of experts", "international-org"),
    ("security council", "international-org"),
    ("iaea", "international-org"),
    ("nato", "international-org"),
    ("world bank", "international-org"),
    ("international monetary fund", "international-org"),
    ("imf", "international-org"),
    ("european union", "international-org"),
    ("think tank", "think-tank"),
    ("institute", "think-tank"),
    ("center for", "think-tank"),
    ("centre for", "think-tank"),
    ("council on", "think-tank"),
    ("foundation", "think-tank"),
    ("research center", "think-tank"),
    ("research centre", "think-tank"),
    ("38 north", "think-tank"),
    ("news agency", "wire"),
    ("wire service", "wire"),
    ("reuters", "wire"),
    ("associated press", "wire"),
    ("agence france presse", "wire"),
    ("afp", "wire"),
    ("yonhap", "wire"),
    ("kyodo", "wire"),
    ("social media", "social-media"),
    ("telegram", "social-media"),
    ("twitter", "social-media"),
    ("facebook", "social-media"),
    ("youtube", "social-media"),
    ("blogger", "social-media"),
    ("newspaper", "media"),
    ("daily", "media"),
    ("times", "media"),
    ("post", "media"),
    ("journal", "media"),
    ("courier", "media"),
    ("herald", "media"),
    ("tribune", "media"),
    ("gazette", "media"),
    ("broadcaster", "media"),
    ("television", "media"),
    ("radio", "media"),
    ("magazine", "media"),
    ("news", "media"),
    ("outlet", "media"),
    ("blog", "media"),
    ("reporter", "media"),
    ("correspondent", "media"),
    ("editor", "media"),
    ("columnist", "media"),
    ("defense ministry", "military"),
    ("defence ministry", "military"),
    ("military", "military"),
    ("army", "military"),
    ("navy", "military"),
    ("air force", "military"),
    ("armed forces", "military"),
    ("joint chiefs", "military"),
    ("commander", "military"),
    ("ministry", "government"),
    ("minister", "government"),
    ("spokesman", "government"),
    ("spokeswoman", "government"),
    ("spokesperson", "government"),
    ("government", "government"),
    ("president", "government"),
    ("premier", "government"),
    ("kremlin", "government"),
    ("white house", "government"),
    ("state department", "government"),
    ("foreign office", "government"),
    ("cabinet", "government"),
    ("embassy", "government"),
    ("ambassador", "government"),
    ("envoy", "government"),
    ("official", "government"),
    ("officials", "government"),
    ("lawmaker", "government"),
    ("lawmakers", "government"),
    ("legislator", "government"),
    ("parliament", "government"),
    ("senator", "government"),
    ("congressman", "government"),
    ("congresswoman", "government"),
    ("mp", "government"),
    ("committee", "government"),
    ("presidential", "government"),
    ("governor", "government"),
    ("mayor", "government"),
    ("analyst", "analyst"),
    ("analysts", "analyst"),
    ("researcher", "analyst"),
    ("expert", "analyst"),
    ("experts", "analyst"),
    ("fellow", "analyst"),
    ("economist", "analyst"),
    ("strategist", "analyst"),
    ("professor", "academic"),
    ("university", "academic"),
    ("academy", "academic"),
    ("college", "academic"),
    ("lecturer", "academic"),
    ("scholar", "academic"),
    ("human rights", "ngo"),
    ("watchdog", "ngo"),
    ("charity", "ngo"),
    ("nonprofit", "ngo"),
    ("non profit", "ngo"),
    ("ngo", "ngo"),
    ("advocacy group", "ngo"),
    ("monitoring group", "ngo"),
    ("company", "company"),
    ("corporation", "company"),
    ("corp", "company"),
    ("inc", "company"),
    ("ltd", "company"),
    ("llc", "company"),
    ("plc", "company"),
    ("firm", "company"),
    ("manufacturer", "company"),
    ("conglomerate", "company"),
    ("shipping company", "company"),
    ("unnamed", "anonymous"),
    ("anonymous", "anonymous"),
    ("anonymity", "anonymous"),
    ("sources", "anonymous"),
    ("a source", "anonymous"),
    ("people familiar", "anonymous"),
    ("person familiar", "anonymous"),
];

/// Words that make a phrase an organization's name, not a person's.
const ORG_WORDS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "army",
    "association",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "command",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "courier",
    "daily",
    "department",
    "embassy",
    "forces",
    "foundation",
    "government",
    "group",
    "herald",
    "house",
    "imagery",
    "images",
    "inc",
    "institute",
    "journal",
    "kremlin",
    "ltd",
    "media",
    "ministry",
    "navy",
    "news",
    "office",
    "officials",
    "panel",
    "parliament",
    "party",
    "post",
    "press",
    "reports",
    "service",
    "sources",
    "tank",
    "times",
    "tribune",
    "union",
    "university",
];

/// What the words of a new speaker suggest it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guess {
    pub kind: Option<Kind>,
    pub tags: Vec<Tag>,
    /// The cue phrases the tags came from.
    pub cues: Vec<String>,
}

/// Guesses the kind and tags of a speaker named `name`, described by `described` (the
/// words around the name in its sentence; may be empty). `country` says the name is a
/// country's.
pub fn guess(name: &str, described: &str, country: bool) -> Guess {
    let kind = if country {
        Kind::Country
    } else if looks_like_person(name) {
        Kind::Person
    } else {
        Kind::Organization
    };
    let mut g = Guess {
        kind: Some(kind),
        ..Guess::default()
    };
    let words = format!(" {} {} ", fold_name(name), fold_name(described));
    let mut used: Vec<(usize, usize)> = Vec::new();
    for (cue, tag) in CUES {
        let needle = format!(" {cue} ");
        let Some(at) = words.find(&needle) else {
            continue;
        };
        let span = (at, at + needle.len());
        if used.iter().any(|&(a, b)| span.0 < b && a < span.1) {
            continue;
        }
        used.push(span);
        if let Ok(t) = Tag::new(*tag) {
            if !g.tags.contains(&t) && g.tags.len() < 2 {
                g.tags.push(t);
                g.cues.push((*cue).to_string());
            }
        }
    }
    g
}

/// Whether `name` reads as a person's name: two to four capitalized words, none of them a
/// word organizations are named with, and no "of", "for" or "and".
pub fn looks_like_person(name: &str) -> bool {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        let lower = fold_name(w);
        w.chars().next().is_some_and(char::is_uppercase)
            && !ORG_WORDS.contains(&lower.as_str())
            && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && !w.ends_with("'s")
            && !w.ends_with("\u{2019}s")
    })
}

/// The words around `phrase` in `sentence` that describe it: a title before it made of
/// capitalized words, possessives and role words ("China's foreign ministry spokesman Lin
/// Jian"), and an apposition after it (", a Washington think tank,").
pub fn described(sentence: &str, phrase: &str) -> String {
    let Some(at) = find_ci(sentence, phrase) else {
        return String::new();
    };
    let before = title_before(&sentence[..at]);
    let after = apposition_after(&sentence[at + phrase.len()..]);
    match (before.is_empty(), after.is_empty()) {
        (true, _) => after,
        (_, true) => before,
        _ => format!("{before}; {after}"),
    }
}

/// Byte offset of `needle` in `hay`, exactly or ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    if needle.trim().is_empty() {
        return None;
    }
    hay.find(needle).or_else(|| {
        let (h, n) = (hay.to_ascii_lowercase(), needle.to_ascii_lowercase());
        h.find(&n).filter(|&i| hay.is_char_boundary(i))
    })
}

/// Role words that may sit in a title before a name, lower-case.
const TITLE_WORDS: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "ministry",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "deputy",
    "vice",
    "chief",
    "director",
    "senior",
    "official",
    "lawmaker",
    "president",
    "secretary",
    "envoy",
    "ambassador",
    "analyst",
    "researcher",
    "fellow",
    "professor",
    "economist",
    "commander",
    "general",
    "opposition",
    "ruling",
    "party",
    "news",
    "agency",
    "state",
    "intelligence",
    "spy",
    "military",
    "army",
    "former",
    "top",
    "presidential",
    "office",
    "press",
    "government",
    "think",
    "tank",
    "expert",
];

/// Whether `word` is a title or role that may precede a name ("Lawmaker", "President",
/// "spokesman").
pub fn is_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    TITLE_WORDS.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "mr."
                | "mrs."
                | "ms."
                | "dr."
                | "senator"
                | "sen."
                | "rep."
                | "representative"
                | "prime"
                | "premier"
                | "governor"
                | "mayor"
                | "chairman"
                | "chairwoman"
                | "gen."
                | "colonel"
                | "col."
                | "captain"
        )
}

/// The title words just before a name ("Kremlin spokesman", "China's foreign ministry
/// spokesman"), stopping at punctuation or a word that is neither capitalized nor a role.
fn title_before(before: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in before.trim_end().rsplit(' ') {
        let bare = w.trim_end_matches(['\'', '\u{2019}', 's']);
        let role = TITLE_WORDS.contains(&w.to_lowercase().as_str());
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let stops = w.is_empty()
            || w.ends_with([',', ';', ':', '.', '"', '\u{201c}', '\u{201d}', ')', '('])
            || !(role || capital || bare.is_empty());
        if stops || words.len() >= 6 {
            break;
        }
        words.push(w);
    }
    words.reverse();
    // A sentence's first word ("The", "Kremlin") counts only if it is a role or a name.
    while words
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// The apposition after a name: ", a member of parliament's intelligence committee," or
/// ", who heads …", up to the next comma or the end of the sentence; empty if none.
fn apposition_after(after: &str) -> String {
    let Some(rest) = after.strip_prefix(',') else {
        return String::new();
    };
    let rest = rest.trim_start();
    let lower = rest.to_lowercase();
    let starts = [
        "a ",
        "an ",
        "the ",
        "who ",
        "which ",
        "head of ",
        "director of ",
        "chief of ",
    ];
    if !starts.iter().any(|s| lower.starts_with(s)) && !rest.starts_with(char::is_uppercase) {
        return String::new();
    }
    let end = rest
        .find([',', ';', '.', '"', '\u{201c}', '('])
        .unwrap_or(rest.len());
    let text = rest[..end].trim();
    if text.split_whitespace().count() > 14 {
        return String::new();
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(name: &str, described: &str) -> Vec<String> {
        guess(name, described, false)
            .tags
            .into_iter()
            .map(|t| t.to_string())
            .collect()
    }

    #[test]
    fn cues_suggest_tags() {
        assert_eq!(tags("South Korea's spy agency", ""), ["intelligence"]);
        assert_eq!(tags("North Korea's foreign ministry", ""), ["government"]);
        assert_eq!(tags("Yonhap News Agency", ""), ["wire"]);
        assert_eq!(
            tags("KCNA", "the North's state news agency"),
            ["state-media"]
        );
        assert_eq!(
            tags(
                "Center for Strategic and International Studies",
                "a Washington think tank"
            ),
            ["think-tank"]
        );
        assert_eq!(
            tags(
                "Lee Seong-kweun",
                "a member of parliament's intelligence committee"
            ),
            ["government"]
        );
        assert_eq!(tags("satellite imagery", ""), ["imagery"]);
        assert!(tags("Zorblax", "").is_empty());
    }

    #[test]
    fn persons_and_organizations() {
        assert!(looks_like_person("Dmitry Peskov"));
        assert!(looks_like_person("Lee Seong-kweun"));
        assert!(!looks_like_person("Daily Courier"));
        assert!(!looks_like_person("NIS"));
        assert!(!looks_like_person("South Korea's spy agency"));
        assert!(!looks_like_person("lawmakers"));
        assert_eq!(guess("Dmitry Peskov", "", false).kind, Some(Kind::Person));
    }

    #[test]
    fn descriptions_come_from_titles_and_appositions() {
        let s = "Kremlin spokesman Dmitry Peskov told reporters that it was false.";
        assert_eq!(described(s, "Dmitry Peskov"), "Kremlin spokesman");
        let s = "China's foreign ministry spokesman Lin Jian said Beijing was not aware.";
        assert_eq!(
            described(s, "Lin Jian"),
            "China's foreign ministry spokesman"
        );
        let s =
            "The Center for Strategic and International Studies, a Washington think tank, said so.";
        assert_eq!(
            described(s, "The Center for Strategic and International Studies"),
            "a Washington think tank"
        );
        assert_eq!(described("He said so.", "nobody"), "");
    }
}
