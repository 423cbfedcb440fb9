//! Attributions as a graph fragment (docs/format.md §1): new claims with slug ids,
//! new entities for speakers the graph does not know, and the edges
//! (`asserts`, `denies`, `cites`) with the sentence as `quote`; and the
//! slugs that make the ids.

use std::collections::{HashMap, HashSet};

use super::{sentences, Attribution, Stance};
use crate::model::{Claim, Edge, Entity, GraphFile, Id, Kind, Rel};

/// Longest id a fragment generates (the format allows 128 bytes).
const ID_LEN: usize = 60;
/// Longest `quote` on an edge, in characters.
const QUOTE_CHARS: usize = 300;

/// Builds the fragment for `found` (extracted from `text`).
///
/// `link` names the known entity of a cited phrase; `taken` says whether an
/// id is already used in the graph; `doc` is the document id for `in`.
pub fn build(
    text: &str,
    found: &[Attribution],
    link: &dyn Fn(&str) -> Option<String>,
    taken: &dyn Fn(&str) -> bool,
    doc: Option<&Id>,
) -> GraphFile {
    let text = &*sentences::ascii_spaces(text);
    let sentences = sentences::split(text);
    let mut fragment = Fragment::new(link, taken, doc);
    for a in found {
        let sentence = sentences
            .get(a.sentence)
            .map_or("", |s| &text[s.start..s.end]);
        fragment.add(a, sentence);
    }
    fragment.finish()
}

/// A fragment built one attribution at a time, in text order (ids are given
/// in the order names and claims first appear).
pub struct Fragment<'a> {
    taken: &'a dyn Fn(&str) -> bool,
    link: &'a dyn Fn(&str) -> Option<String>,
    doc: Option<&'a Id>,
    used: HashSet<String>,
    names: HashMap<String, Id>,
    claims: HashMap<String, Id>,
    out: GraphFile,
    edges: HashSet<(Id, Rel, Id)>,
}

impl<'a> Fragment<'a> {
    /// An empty fragment: `link`, `taken` and `doc` as for [`build`].
    pub fn new(
        link: &'a dyn Fn(&str) -> Option<String>,
        taken: &'a dyn Fn(&str) -> bool,
        doc: Option<&'a Id>,
    ) -> Self {
        Fragment {
            taken,
            link,
            doc,
            used: HashSet::new(),
            names: HashMap::new(),
            claims: HashMap::new(),
            out: GraphFile::default(),
            edges: HashSet::new(),
        }
    }

    /// Adds the claim, speaker and edges of `a`, whose sentence (as the rules
    /// read it) is `sentence`: its edges quote it.
    pub fn add(&mut self, a: &Attribution, sentence: &str) {
        let quote = trim_quote(sentence);
        let speaker = match a.entity.as_deref().and_then(|id| Id::new(id).ok()) {
            Some(id) => id,
            None => self.entity(&a.source),
        };
        let claim = self.claim(&a.claim);
        let rel = match a.rel {
            Stance::Asserts => Rel::Asserts,
            Stance::Denies => Rel::Denies,
        };
        self.edge(&speaker, rel, &claim, &quote);
        for cited in &a.cites {
            let target = self.known_or_new(cited);
            if a.relays.contains(cited) {
                self.edge(&target, Rel::Cites, &speaker, &quote);
            } else {
                self.edge(&claim, Rel::Cites, &target, &quote);
            }
        }
    }

    pub fn finish(self) -> GraphFile {
        self.out
    }
}

impl Fragment<'_> {
    /// A fresh id from `text`, unique against the graph and this fragment.
    fn fresh(&mut self, text: &str) -> Id {
        let base = slug(text, ID_LEN);
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) || (self.taken)(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        Id::new(id).expect("a slug with a numeric suffix is a valid id")
    }

    fn known_or_new(&mut self, name: &str) -> Id {
        match (self.link)(name).and_then(|id| Id::new(id).ok()) {
            Some(id) => id,
            None => self.entity(name),
        }
    }

    /// The id of a new entity for an unknown speaker, made once per name.
    fn entity(&mut self, name: &str) -> Id {
        let key = name.to_lowercase();
        if let Some(id) = self.names.get(&key) {
            return id.clone();
        }
        let id = self.fresh(name);
        let kind = if super::names::looks_like_personal_name(name) {
            Kind::Person
        } else {
            Kind::Organization
        };
        self.out.entities.push(Entity {
            id: id.clone(),
            name: name.to_string(),
            kind,
            tags: Vec::new(),
            part_of: None,
            aliases: Vec::new(),
            reliability: None,
            note: None,
        });
        self.names.insert(key, id.clone());
        id
    }

    /// The id of the claim with this text, made once per text.
    fn claim(&mut self, text: &str) -> Id {
        if let Some(id) = self.claims.get(text) {
            return id.clone();
        }
        let id = self.fresh(text);
        self.out.claims.push(Claim {
            id: id.clone(),
            text: text.to_string(),
            date: None,
            about: Vec::new(),
            topics: Vec::new(),
            found_in: self.doc.into_iter().cloned().collect(),
            credibility: None,
            review: None,
            note: None,
        });
        self.claims.insert(text.to_string(), id.clone());
        id
    }

    fn edge(&mut self, from: &Id, rel: Rel, to: &Id, quote: &str) {
        if from == to || !self.edges.insert((from.clone(), rel, to.clone())) {
            return;
        }
        self.out.edges.push(Edge {
            from: from.clone(),
            rel,
            to: to.clone(),
            date: None,
            quote: Some(quote.to_string()),
            in_doc: self.doc.cloned(),
            note: None,
        });
    }
}

/// A sentence as extraction numbers them ([`Attribution::sentence`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceText {
    /// The paragraph (or heading line) it belongs to, from 0.
    pub para: usize,
    /// Whether it is a heading: a short line without a final stop (a headline, a byline).
    pub heading: bool,
    /// The sentence on one line, cut to a quote's length.
    pub text: String,
}

/// The sentences of `text` as extraction numbers them.
pub fn sentences(text: &str) -> Vec<SentenceText> {
    let text = &*sentences::ascii_spaces(text);
    sentences::split(text)
        .iter()
        .map(|s| SentenceText {
            para: s.para,
            heading: s.kind == sentences::Kind::Heading,
            text: trim_quote(&text[s.start..s.end]),
        })
        .collect()
}

/// The sentence on one line, at most `QUOTE_CHARS` characters.
fn trim_quote(sentence: &str) -> String {
    let flat = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(QUOTE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A slug of `text` matching `^[a-z0-9][a-z0-9._-]*$`, at most `max_len`
/// bytes, cut at a word boundary when possible; "claim" when nothing is left.
pub fn slug(text: &str, max_len: usize) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '\'' | '’' => continue,
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let max_len = max_len.max(1);
    if out.len() > max_len {
        let cut = out[..=max_len]
            .rfind('-')
            .filter(|&i| i > max_len / 2)
            .unwrap_or(max_len);
        out.truncate(cut);
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "claim".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, KnownEntity};
    use super::*;

    #[test]
    fn fragment_has_claims_entities_and_edges() {
        let text = "Trade recovered, according to Beijing. Other reports suggest arms moved, citing satellite images. The Fitch analyst Anwita Basu said growth would return.";
        let known = [KnownEntity {
            id: "china".into(),
            names: vec!["Beijing".into()],
            is_person: false,
            is_organization: false,
        }];
        let found = extract(text, &known);
        let link = |n: &str| (n == "satellite images").then(|| "imagery".to_string());
        let taken = |id: &str| id == "trade-recovered";
        let doc = Id::new("doc-1").unwrap();
        let f = build(text, &found, &link, &taken, Some(&doc));
        assert_eq!(f.claims[0].id.as_str(), "trade-recovered-2");
        assert!(f
            .edges
            .iter()
            .any(|e| e.from.as_str() == "china" && e.rel == Rel::Asserts));
        assert!(f
            .edges
            .iter()
            .any(|e| e.rel == Rel::Cites && e.to.as_str() == "imagery"));
        let basu = f
            .entities
            .iter()
            .find(|e| e.name == "Anwita Basu")
            .expect("new entity");
        assert_eq!(basu.kind, Kind::Person);
        assert!(f.edges.iter().all(|e| e.in_doc.as_ref() == Some(&doc)));
    }

    #[test]
    fn slugs_fit_the_id_pattern() {
        assert_eq!(
            slug("North Korea's arms: 3.1%!", 64),
            "north-koreas-arms-3-1"
        );
        assert_eq!(slug("João Mendes", 64), "joao-mendes");
        assert_eq!(slug("???", 64), "claim");
        assert_eq!(slug("one two three four", 9), "one-two");
        assert!(slug(&"x".repeat(500), 128).len() <= 128);
    }

    #[test]
    fn quotes_are_capped() {
        let q = trim_quote(&"word ".repeat(200));
        assert!(q.chars().count() <= QUOTE_CHARS);
    }
}
