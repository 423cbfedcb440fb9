//! What a speaker phrase says about its speaker besides the name: a title or
//! role ("Senator", "a trade expert", "union president"), the body the speaker
//! belongs to ("of the opposition Green Party", "at the institute"), and a
//! gender when a title gives one ("Mrs.").

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::PERSON_ROLES;
use super::names::{capitalized, is_name, looks_like_personal_name, name_of, split_top_level};

/// A speaker phrase taken apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Described {
    /// The name, as `names::name_of` gives it.
    pub name: String,
    /// The role or title, lower-case unless it is capitalized in the text.
    pub role: Option<String>,
    /// The body named after "of", "at", "for" or "with".
    pub part_of: Option<String>,
    /// Female (`Some(true)`) or male, when a title says so.
    pub female: Option<bool>,
    /// A title or a role marks the speaker as a person.
    pub person: bool,
}

/// Titles before a name, with the role each stands for (empty: none).
const TITLES: &[(&str, &str)] = &[
    ("Senator", "senator"),
    ("Sen.", "senator"),
    ("Sen", "senator"),
    ("Representative", "representative"),
    ("Rep.", "representative"),
    ("Congressman", "congressman"),
    ("Congresswoman", "congresswoman"),
    ("Governor", "governor"),
    ("Gov.", "governor"),
    ("President", "president"),
    ("Vice President", "vice president"),
    ("Prime Minister", "prime minister"),
    ("Minister", "minister"),
    ("Secretary", "secretary"),
    ("Chancellor", "chancellor"),
    ("Ambassador", "ambassador"),
    ("General", "general"),
    ("Gen.", "general"),
    ("Judge", "judge"),
    ("Justice", "justice"),
    ("Mayor", "mayor"),
    ("Professor", "professor"),
    ("Prof.", "professor"),
    ("Dr.", ""),
    ("Dr", ""),
    ("Mr.", ""),
    ("Mr", ""),
    ("Mrs.", ""),
    ("Mrs", ""),
    ("Ms.", ""),
    ("Ms", ""),
];

/// "NAME of [the] [opposition] BODY": a person and the body they belong to.
static PERSON_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>.+?)\s+(?:of|from|at)\s+(?:the\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,3}(?P<body>\p{Lu}[^,;]*)$")
        .expect("person-of regex")
});

/// Takes a speaker phrase apart: name, role, body, gender.
pub fn describe(phrase: &str) -> Described {
    let flat = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let phrase = flat.trim_matches(|c: char| ",;:.".contains(c)).trim();
    let parts = split_top_level(phrase);
    let Some(&first) = parts.first() else {
        return Described::default();
    };
    // "A company spokesman, Peter Okoro": the description before the name is its role.
    let (head, appositions): (&str, Vec<&str>) = match parts.iter().skip(1).position(|p| is_name(p))
    {
        Some(i) if is_role_phrase(first) => (parts[i + 1], vec![first]),
        _ => (first, parts[1..].to_vec()),
    };
    let mut d = titled(head);
    let at = appositions.iter().position(|r| r.contains(" at "));
    let roles: Vec<&str> = match at {
        Some(k) => appositions[..=k].to_vec(),
        None => appositions
            .into_iter()
            .filter(|a| is_role_phrase(a) || (d.role.is_none() && !looks_like_personal_name(a)))
            .collect(),
    };
    // "Head of Europe, Country Risk at Fitch Solutions": "at" names the body and
    // ends the role; otherwise the first "for", "with", "of" in the first part does.
    let (role, body) = match at {
        Some(k) => {
            let (last, body) = roles[k].split_once(" at ").expect("contains at");
            let mut role = roles[..k].join(", ");
            if !last.trim().is_empty() {
                role = if role.is_empty() {
                    last.to_string()
                } else {
                    format!("{role}, {last}")
                };
            }
            (role, Some(body))
        }
        None => match roles.first() {
            Some(first) => {
                let (role, body) = split_body(first);
                (role.to_string(), body)
            }
            None => (String::new(), None),
        },
    };
    if !role.trim().is_empty() {
        d.role = d.role.or_else(|| Some(strip_article(&role).to_string()));
    }
    if let Some(body) = body {
        d.part_of = d.part_of.or_else(|| Some(body.trim().to_string()));
    }
    let personal = d.role.as_deref().is_some_and(personal_role);
    d.person = d.person || (personal && looks_like_personal_name(&d.name));
    d
}

/// Whether a role is a person's ("trade expert", "senator"), not a body's or a
/// place's ("a country of 25 million").
pub fn personal_role(role: &str) -> bool {
    role.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| PERSON_ROLES.contains(&w.to_lowercase().as_str()))
}

/// The name with its title, a lower-case role before it ("union president João
/// Mendes") and "of BODY" after it.
fn titled(head: &str) -> Described {
    let mut d = Described::default();
    let mut rest = head.trim();
    for &(title, role) in TITLES {
        if let Some(after) = rest.strip_prefix(title) {
            if after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase) {
                rest = after.trim_start();
                d.person = true;
                d.female = match title.trim_end_matches('.') {
                    "Mrs" | "Ms" | "Congresswoman" => Some(true),
                    "Mr" | "Congressman" => Some(false),
                    _ => None,
                };
                if !role.is_empty() {
                    d.role = Some(role.to_string());
                }
                break;
            }
        }
    }
    // "Farmer Joseph Banda": a role word opening the sentence before a name.
    if d.role.is_none() {
        if let Some((word, after)) = rest.split_once(' ') {
            let role = word.to_lowercase();
            if PERSON_ROLES.contains(&role.as_str()) && looks_like_personal_name(after) {
                d.role = Some(role);
                d.person = true;
                rest = after;
            }
        }
    }
    let joined = [" of ", " from ", " at "].iter().any(|w| rest.contains(w));
    if let Some(c) = joined.then(|| PERSON_OF.captures(rest)).flatten() {
        let who = c.name("who").expect("group").as_str();
        let named = looks_like_personal_name(who) || (d.person && is_name(who));
        if named && is_name(c.name("body").expect("group").as_str()) {
            d.person = true;
            d.part_of = Some(c.name("body").expect("group").as_str().trim().to_string());
            rest = who;
        }
    }
    d.name = name_of(rest);
    if d.role.is_none() {
        d.role = premodifier(rest, &d.name);
    }
    d
}

/// "union president João Mendes" -> "union president": what stands before the
/// name when it is lower-case words.
fn premodifier(phrase: &str, name: &str) -> Option<String> {
    let before = phrase.strip_suffix(name)?.trim();
    let last = before.split_whitespace().last()?;
    (last.chars().all(|c| c.is_lowercase() || c == '-') && !before.contains("'s"))
        .then(|| before.to_string())
}

/// "a spokeswoman for the ministry" -> ("a spokeswoman", "the ministry").
fn split_body(role: &str) -> (&str, Option<&str>) {
    [" for ", " with ", " of ", " from ", " in "]
        .iter()
        .filter_map(|p| role.find(p).map(|i| (i, p.len())))
        .min()
        .map_or((role, None), |(i, n)| (&role[..i], Some(&role[i + n..])))
}

fn strip_article(role: &str) -> &str {
    let role = role.trim();
    match role.split_once(' ') {
        Some((first, rest)) if ARTICLES.contains(&first.to_lowercase().as_str()) => rest,
        _ => role,
    }
}

const ARTICLES: &[&str] = &["a", "an", "the", "its", "their", "his", "her"];

/// Whether a phrase describes rather than names: "a trade expert", "chief
/// economist at Manulife", "the senator".
fn is_role_phrase(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or("");
    ARTICLES.contains(&first.to_lowercase().as_str()) || !capitalized(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(name: &str, role: Option<&str>, part_of: Option<&str>) -> Described {
        Described {
            name: name.into(),
            role: role.map(str::to_string),
            part_of: part_of.map(str::to_string),
            female: None,
            person: true,
        }
    }

    #[test]
    fn titles_and_bodies_after_of() {
        assert_eq!(
            describe("Senator Ana Ruiz of the opposition Green Party"),
            d("Ana Ruiz", Some("senator"), Some("Green Party"))
        );
        assert_eq!(
            describe("Senator Voss of the opposition Unity Party"),
            d("Voss", Some("senator"), Some("Unity Party"))
        );
        let ministry = describe("Brazil's Ministry of Ports");
        assert_eq!(ministry.name, "Brazil's Ministry of Ports");
        assert!(!ministry.person);
    }

    #[test]
    fn appositions_give_role_and_body() {
        assert_eq!(
            describe("Tom Hale, a trade expert at the institute,"),
            d("Tom Hale", Some("trade expert"), Some("the institute"))
        );
        assert_eq!(
            describe("A company spokesman, Peter Okoro"),
            d("Peter Okoro", Some("company spokesman"), None)
        );
        assert_eq!(
            describe("union president João Mendes"),
            d("João Mendes", Some("union president"), None)
        );
        let basu = describe("Anwita Basu, Head of Europe, Country Risk at Fitch Solutions,");
        assert_eq!(basu.name, "Anwita Basu");
        assert_eq!(basu.role.as_deref(), Some("Head of Europe, Country Risk"));
        assert_eq!(basu.part_of.as_deref(), Some("Fitch Solutions"));
    }

    #[test]
    fn a_role_word_before_a_name_is_its_role() {
        assert_eq!(
            describe("Farmer Joseph Banda"),
            d("Joseph Banda", Some("farmer"), None)
        );
        assert!(!describe("North Korea, a country of 25 million").person);
    }

    #[test]
    fn titles_give_gender() {
        let d = describe("Mrs. Clinton");
        assert_eq!(d.name, "Clinton");
        assert_eq!(d.female, Some(true));
        assert!(d.person);
    }
}
