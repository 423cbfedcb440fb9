//! Names in speaker phrases: the name inside an apposition ("Anwita Basu,
//! Head of ..."), the name a description gives way to ("A company spokesman,
//! Peter Okoro"), the author of "a report by X", and whether a name looks
//! like a person's or an organization's.

use std::sync::LazyLock;

use regex::Regex;

/// Words that make a capitalized name an organization.
pub const ORG_WORDS: &[&str] = &[
    "Ministry",
    "Service",
    "Institute",
    "University",
    "Agency",
    "Bank",
    "Association",
    "Group",
    "Party",
    "Minerals",
    "Solutions",
    "News",
    "Department",
    "Division",
    "Council",
    "Court",
    "Office",
    "Commission",
    "Company",
    "Corp",
    "Inc",
    "Ltd",
    "Committee",
    "Foundation",
    "Union",
    "Administration",
    "Authority",
    "Times",
    "Post",
    "Journal",
    "Courier",
    "Reuters",
    "Press",
    "Network",
    "Centre",
    "Center",
    "Fund",
    "Organization",
    "Organisation",
    "Board",
    "Corporation",
    "Holdings",
    "Capital",
    "Partners",
    "Watch",
    "Forces",
    "Army",
    "Navy",
];
pub const CONNECTORS: &[&str] = &[
    "of", "de", "da", "do", "du", "der", "den", "von", "van", "ten", "ter", "al", "el", "bin",
    "ibn", "di", "del", "dos", "das", "and", "for", "la", "le",
];
const PREPOSITIONS: &[&str] = &[
    "at", "for", "with", "from", "of", "in", "by", "on", "to", "about",
];
const TITLES: &[&str] = &[
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Prof.",
    "Professor",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
];

static REPORT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:report|survey|study|statement|analysis|poll|assessment|review|paper|investigation|data|figures|letter|memo|document|estimate|audit|census)s?\b.*?\bby\s+(?:the\s+)?(.+)$")
        .expect("report-by regex")
});

/// Whether a name looks like a person's: two to four capitalized words
/// (titles allowed), none of them an organization word.
pub fn looks_like_personal_name(name: &str) -> bool {
    let name = strip_title(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && capitalized(words[0])
        && words
            .iter()
            .all(|w| capitalized(w) || CONNECTORS.contains(w))
        && !words.iter().any(|w| {
            ORG_WORDS.contains(w)
                || w.contains("'s")
                || w.contains(|c: char| c.is_ascii_digit())
                || *w == "The"
        })
}

/// The name in a speaker phrase: the first part of an apposition, unless
/// it is a description and a later part is a name; the author of "a report
/// by X"; the name after a lower-case title ("union president João Mendes").
pub fn name_of(phrase: &str) -> String {
    let parts = split_top_level(phrase);
    let mut name = parts.first().copied().unwrap_or(phrase);
    if is_description(name) {
        if let Some(n) = parts.iter().skip(1).find(|p| is_name(p)) {
            name = n;
        }
    }
    let name = name.trim();
    let by = name.contains(" by ");
    let name = match by.then(|| REPORT_BY.captures(name)).flatten() {
        Some(c) => c.get(1).expect("group").as_str().trim(),
        None => name,
    };
    head_name(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits on commas outside parentheses.
pub fn split_top_level(phrase: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0i32, 0);
    for (i, c) in phrase.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth <= 0 => {
                parts.push(phrase[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(phrase[from..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

fn is_description(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let article = matches!(
        first.to_lowercase().as_str(),
        "a" | "an" | "the" | "her" | "his" | "its" | "their" | "our" | "my"
    );
    (article && second.chars().next().is_some_and(char::is_lowercase))
        || first.chars().next().is_some_and(char::is_lowercase)
}

pub fn is_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && capitalized(words[0])
        && !matches!(words[0], "The" | "A" | "An")
        && words
            .iter()
            .all(|w| capitalized(w) || CONNECTORS.contains(w))
}

/// "union president João Mendes" -> "João Mendes"; "Analysts at Itaú BBA"
/// stays whole (the analysts speak, not the bank).
fn head_name(name: &str) -> &str {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let mut run = words.len();
    while run > 0 {
        let w = words[run - 1].1;
        let joins = CONNECTORS.contains(&w)
            && run >= 2
            && run < words.len()
            && capitalized(words[run - 2].1);
        if capitalized(w) || joins {
            run -= 1;
        } else {
            break;
        }
    }
    if run == 0 || run == words.len() {
        return name;
    }
    let before = words[run - 1].1;
    if PREPOSITIONS.contains(&before)
        || before.ends_with("'s")
        || !before.chars().all(|c| c.is_lowercase() || c == '-')
    {
        return name;
    }
    &name[words[run].0..]
}

pub fn capitalized(word: &str) -> bool {
    word.trim_start_matches(['(', '"', '“'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

pub fn strip_title(name: &str) -> &str {
    let name = name.trim();
    for t in TITLES {
        if let Some(rest) = name.strip_prefix(t) {
            if rest.starts_with(' ') {
                return rest.trim();
            }
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appositions_and_descriptions_give_names() {
        assert_eq!(
            name_of("Anwita Basu, Head of Europe, Country Risk at Fitch Solutions,"),
            "Anwita Basu"
        );
        assert_eq!(name_of("The operators' association, ABTP"), "ABTP");
        assert_eq!(name_of("A company spokesman, Peter Okoro"), "Peter Okoro");
        assert_eq!(name_of("union president João Mendes"), "João Mendes");
        assert_eq!(
            name_of("Manchester United manager Erik ten Hag"),
            "Erik ten Hag"
        );
        assert_eq!(name_of("the North's state news agency KCNA"), "KCNA");
        assert_eq!(name_of("Analysts at Itaú BBA"), "Analysts at Itaú BBA");
        assert_eq!(
            name_of("Brazil's Ministry of Ports"),
            "Brazil's Ministry of Ports"
        );
    }

    #[test]
    fn reports_are_named_by_their_authors() {
        assert_eq!(
            name_of("A report published in October by the Royal United Services Institute (RUSI), the oldest think tank"),
            "Royal United Services Institute (RUSI)"
        );
    }
}
