//! Linking speaker phrases to known entities by name and alias,
//! case-insensitively, through possessives ("South Korea's National
//! Intelligence Service"), parentheses ("... Institute (RUSI)") and
//! descriptive heads ("the North's state news agency KCNA").

use std::collections::HashMap;

use super::record::KnownEntity;

/// A case-insensitive index of entity names and aliases.
#[derive(Debug, Default)]
pub struct EntityIndex {
    by_name: HashMap<String, usize>,
    ids: Vec<String>,
    names: Vec<Vec<String>>,
    person: Vec<bool>,
    organization: Vec<bool>,
}

impl EntityIndex {
    /// Indexes every name and alias; a person is also found by surname when
    /// no other entity claims that word.
    pub fn new(known: &[KnownEntity]) -> Self {
        let mut index = EntityIndex::default();
        let mut surnames: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in known.iter().enumerate() {
            index.ids.push(e.id.clone());
            index.names.push(e.names.clone());
            index.person.push(e.is_person);
            index.organization.push(e.is_organization);
            for name in &e.names {
                let key = normalize(name);
                if !key.is_empty() {
                    index.by_name.entry(key).or_insert(i);
                }
                if e.is_person {
                    if let Some(last) = name.split_whitespace().last() {
                        let slot = surnames.entry(normalize(last)).or_insert(Some(i));
                        if *slot != Some(i) {
                            *slot = None;
                        }
                    }
                }
            }
        }
        for (key, slot) in surnames {
            if let Some(i) = slot {
                index.by_name.entry(key).or_insert(i);
            }
        }
        index
    }

    /// The id of the entity `phrase` names, if any.
    pub fn link(&self, phrase: &str) -> Option<&str> {
        self.find(phrase).map(|i| self.ids[i].as_str())
    }

    /// The name and aliases of the entity with this id (none if unknown).
    pub fn names(&self, id: &str) -> &[String] {
        self.ids
            .iter()
            .position(|i| i == id)
            .map_or(&[], |i| self.names[i].as_slice())
    }

    /// The id of the entity `phrase` names, and whether it is a person and
    /// whether an organization.
    pub fn lookup(&self, phrase: &str) -> Option<(&str, bool, bool)> {
        if self.ids.is_empty() {
            return None;
        }
        self.find(phrase)
            .map(|i| (self.ids[i].as_str(), self.person[i], self.organization[i]))
    }

    /// Whether `phrase` names a known person.
    pub fn is_person(&self, phrase: &str) -> bool {
        self.find(phrase).is_some_and(|i| self.person[i])
    }

    /// Whether `phrase` names a known organization.
    pub fn is_organization(&self, phrase: &str) -> bool {
        self.find(phrase).is_some_and(|i| self.organization[i])
    }

    /// Whether `phrase` names a known entity that is neither (a country).
    pub fn is_place(&self, phrase: &str) -> bool {
        self.find(phrase)
            .is_some_and(|i| !self.person[i] && !self.organization[i])
    }

    fn find(&self, phrase: &str) -> Option<usize> {
        if self.ids.is_empty() {
            return None;
        }
        let key = normalize(phrase);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_name.get(&key) {
            return Some(i);
        }
        if let Some(i) = self.find_parenthesized(&key) {
            return Some(i);
        }
        // "south korea's national intelligence service": the owned thing.
        if let Some(pos) = key.rfind("'s ") {
            if let Some(&i) = self.by_name.get(&key[pos + 3..]) {
                return Some(i);
            }
        }
        self.find_tail(&key)
    }

    /// "royal united services institute (rusi)": either part.
    fn find_parenthesized(&self, key: &str) -> Option<usize> {
        let open = key.find('(')?;
        let close = key[open..].find(')')? + open;
        let inner = key[open + 1..close].trim();
        let outer = format!("{} {}", key[..open].trim(), key[close + 1..].trim());
        self.by_name
            .get(outer.trim())
            .or_else(|| self.by_name.get(inner))
            .copied()
    }

    /// The longest known name that ends the phrase on a word boundary:
    /// "the north's state news agency kcna" ends with "kcna".
    fn find_tail(&self, key: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (pos, _) in key.match_indices(' ') {
            let tail = &key[pos + 1..];
            if let Some(&i) = self.by_name.get(tail) {
                if best.is_none_or(|(len, _)| tail.len() > len) {
                    best = Some((tail.len(), i));
                }
            }
        }
        best.map(|(_, i)| i)
    }
}

/// Lower-cases, unifies apostrophes, drops a leading article, a trailing
/// possessive and edge punctuation, and collapses whitespace.
pub fn normalize(phrase: &str) -> String {
    let lower = phrase.to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut s = words.join(" ");
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = s.strip_prefix(article) {
            s = rest.to_string();
            break;
        }
    }
    let trimmed = s.trim_matches(|c: char| !(c.is_alphanumeric() || c == ')' || c == '.'));
    let trimmed = trimmed.trim_end_matches('.');
    let trimmed = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix('\''))
        .unwrap_or(trimmed);
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, names: &[&str], person: bool, org: bool) -> KnownEntity {
        KnownEntity {
            id: id.into(),
            names: names.iter().map(|s| s.to_string()).collect(),
            is_person: person,
            is_organization: org,
        }
    }

    fn index() -> EntityIndex {
        EntityIndex::new(&[
            entity("north-korea", &["North Korea", "Pyongyang"], false, false),
            entity(
                "nis",
                &["National Intelligence Service", "NIS"],
                false,
                true,
            ),
            entity(
                "rusi",
                &["Royal United Services Institute", "RUSI"],
                false,
                true,
            ),
            entity("kcna", &["KCNA"], false, true),
            entity("anwita-basu", &["Anwita Basu"], true, false),
        ])
    }

    #[test]
    fn names_and_aliases_match_case_insensitively() {
        let ix = index();
        assert_eq!(ix.link("pyongyang"), Some("north-korea"));
        assert_eq!(ix.link("The NIS"), Some("nis"));
        assert_eq!(ix.link("Pyongyang's"), Some("north-korea"));
    }

    #[test]
    fn possessives_parentheses_and_heads_link() {
        let ix = index();
        assert_eq!(
            ix.link("South Korea's National Intelligence Service"),
            Some("nis")
        );
        assert_eq!(
            ix.link("the Royal United Services Institute (RUSI)"),
            Some("rusi")
        );
        assert_eq!(ix.link("the North's state news agency KCNA"), Some("kcna"));
    }

    #[test]
    fn persons_match_by_surname() {
        let ix = index();
        assert_eq!(ix.link("Basu"), Some("anwita-basu"));
        assert!(ix.is_person("Basu"));
        assert!(ix.is_place("Pyongyang"));
    }

    #[test]
    fn unknown_phrases_do_not_link() {
        let ix = index();
        assert_eq!(ix.link("Seoul intelligence officials"), None);
        assert_eq!(ix.link(""), None);
        assert_eq!(ix.link("'s"), None);
    }
}
