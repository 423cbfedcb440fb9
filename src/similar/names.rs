//! Entity names in claim text: every name and alias of the graph's entities, folded with
//! [`fold_name`], found in a text and replaced by the entity's id, so that "Pyongyang",
//! "North Korea" and "the North Korean" government all count as `north-korea`.
//!
//! A short built-in table adds what graphs rarely list as aliases: capitals and demonyms of
//! the countries news copy names most ("Russian", "Moscow", "the Kremlin"). They fold to the
//! graph's entity of that country when it has one, else to the country's own name, so that
//! matching works on a graph that does not know the country at all.

use crate::text::fold_name;
use rustc_hash::FxHashMap;

/// Countries with the other words news copy uses for them: capitals, seats of government
/// and demonyms (adjective and plural).
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "North Korea",
        &["Pyongyang", "DPRK", "North Korean", "North Koreans"],
    ),
    ("South Korea", &["Seoul", "South Korean", "South Koreans"]),
    ("Russia", &["Moscow", "Kremlin", "Russian", "Russians"]),
    ("China", &["Beijing", "Chinese"]),
    (
        "United States",
        &[
            "Washington",
            "US",
            "U.S.",
            "USA",
            "American",
            "Americans",
            "White House",
        ],
    ),
    ("Ukraine", &["Kyiv", "Kiev", "Ukrainian", "Ukrainians"]),
    ("Iran", &["Tehran", "Iranian", "Iranians"]),
    ("Japan", &["Tokyo", "Japanese"]),
    ("Germany", &["Berlin", "German", "Germans"]),
    (
        "United Kingdom",
        &["London", "Britain", "UK", "British", "Downing Street"],
    ),
    ("France", &["Paris", "French"]),
    ("India", &["New Delhi", "Indian", "Indians"]),
    ("Syria", &["Damascus", "Syrian", "Syrians"]),
    ("Israel", &["Jerusalem", "Israeli", "Israelis"]),
    ("Belarus", &["Minsk", "Belarusian", "Belarusians"]),
    ("Mongolia", &["Ulaanbaatar", "Mongolian"]),
    ("Vietnam", &["Hanoi", "Vietnamese"]),
    ("Türkiye", &["Turkey", "Ankara", "Turkish"]),
    ("Brazil", &["Brasilia", "Brazilian"]),
    ("Pakistan", &["Islamabad", "Pakistani"]),
    ("Poland", &["Warsaw", "Polish"]),
    ("Taiwan", &["Taipei", "Taiwanese"]),
];

/// What a folded name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// An entity of the graph, by id.
    Entity(String),
    /// A country the graph does not hold, by its folded name.
    Country(String),
    /// Several entities share the name: it folds to none of them.
    Ambiguous,
}

/// Folded names and aliases, looked up by their first word.
#[derive(Debug, Default, Clone)]
pub struct Names {
    map: FxHashMap<String, Named>,
    /// The most words any name has, per first word.
    first: FxHashMap<String, usize>,
}

impl Names {
    /// The names of `entities` — `(id, names)` with the name first, then the aliases — and
    /// of the built-in countries.
    pub fn new<'a, I, N>(entities: I) -> Names
    where
        I: IntoIterator<Item = (&'a str, N)>,
        N: IntoIterator<Item = &'a str>,
    {
        let mut names = Names::default();
        for (id, forms) in entities {
            for form in forms {
                names.insert(form, Named::Entity(id.to_string()));
            }
        }
        for (country, forms) in COUNTRIES {
            let target = match names.map.get(&fold_name(country)) {
                Some(Named::Entity(id)) => Named::Entity(id.clone()),
                Some(Named::Ambiguous) => continue,
                _ => Named::Country(fold_name(country).replace(' ', "-")),
            };
            for form in std::iter::once(country).chain(forms.iter()) {
                let key = fold_name(form);
                if !names.map.contains_key(&key) {
                    names.insert(form, target.clone());
                }
            }
        }
        names
    }

    fn insert(&mut self, form: &str, target: Named) {
        let key = fold_name(form);
        let Some(first) = key.split(' ').next().filter(|w| !w.is_empty()) else {
            return;
        };
        let words = key.split(' ').count();
        let slot = self.first.entry(first.to_string()).or_insert(0);
        *slot = (*slot).max(words);
        match self.map.get_mut(&key) {
            Some(old) if *old != target => *old = Named::Ambiguous,
            Some(_) => {}
            None => {
                self.map.insert(key, target);
            }
        }
    }

    /// Whether `name` is the name of one of the built-in countries.
    pub fn is_country_name(name: &str) -> bool {
        let key = fold_name(name);
        COUNTRIES.iter().any(|(c, _)| fold_name(c) == key)
    }

    /// The most words a name starting with the folded word `first` has (0: none does).
    pub fn longest_from(&self, first: &str) -> usize {
        self.first.get(first).copied().unwrap_or(0)
    }

    /// What the folded name `key` stands for.
    pub fn get(&self, key: &str) -> Option<&Named> {
        self.map.get(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_capitals_and_demonyms_fold_to_the_graph_entity() {
        let names = Names::new([
            ("north-korea", vec!["North Korea", "Pyongyang"]),
            ("rus", vec!["Russia"]),
        ]);
        let id = |k: &str| names.get(&fold_name(k)).cloned();
        assert_eq!(id("pyongyang"), Some(Named::Entity("north-korea".into())));
        assert_eq!(
            id("North Korean"),
            Some(Named::Entity("north-korea".into()))
        );
        assert_eq!(id("Kremlin"), Some(Named::Entity("rus".into())));
        assert_eq!(id("Beijing"), Some(Named::Country("china".into())));
        assert_eq!(names.longest_from("north"), 2);
    }

    #[test]
    fn a_name_two_entities_share_folds_to_neither() {
        let names = Names::new([("a", vec!["Lee"]), ("b", vec!["Lee"]), ("c", vec!["c"])]);
        assert_eq!(names.get("lee"), Some(&Named::Ambiguous));
    }
}
