//! Who speaks: the phrase that names a speaker or a cited source, linked to an existing
//! entity (by id, name or alias; by a possessive; as a reference back to an earlier speaker;
//! by description when exactly one entity fits), or made a new entity whose kind, tags and
//! `part_of` are guessed from its words and the words around it ([`super::lexicon`]).

use super::lexicon::{self, Guess};
use super::names::{
    capitalized, entity_name, has_own_name, person_with, possessed, split_apposition,
    strip_article, NAME,
};
use super::plan::{LinkedBy, PlannedEntity, Status};
use crate::graph::{ClaimGraph, NodeIx};
use crate::model::{Entity, Id, Kind, Tag};
use crate::similar::Matcher;
use crate::text::fold_name;
use rustc_hash::FxHashMap;

/// A speaker: an entity of the graph, or one this plan adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Existing(Id),
    New(usize),
}

/// What the text says about a speaker besides its name, when extraction reads it: a person,
/// an organization or a country; a role or title ("Kremlin spokesman"); the body it belongs
/// to ("Green Party").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hint {
    pub kind: Option<Kind>,
    pub role: Option<String>,
    pub body: Option<String>,
}

/// How a phrase was resolved.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub who: Who,
    /// For a link to an existing entity: how, and why when it is a guess.
    pub link: Option<(LinkedBy, Option<String>)>,
}

/// A speaker met earlier in the text, for "the agency" and surnames.
#[derive(Debug, Clone)]
struct Recent {
    who: Who,
    /// The phrase and its description, folded.
    words: String,
    person: bool,
    tags: Vec<Tag>,
}

/// Resolves speakers against a graph and the entities the plan adds.
pub struct Speakers<'g> {
    g: &'g ClaimGraph,
    /// The whole input, where a surname's full name may be found.
    text: &'g str,
    by_name: FxHashMap<String, Vec<NodeIx>>,
    /// New entities, in the order made.
    pub new: Vec<PlannedEntity>,
    new_names: FxHashMap<String, usize>,
    /// For each new entity: the cues its tags came from and the words describing it.
    sources: Vec<(Vec<String>, String)>,
    recent: Vec<Recent>,
    doc: Id,
}

/// Head nouns of phrases that refer back to a speaker named before ("the agency").
const HEADS: &[&str] = &[
    "imagery",
    "images",
    "photos",
    "documents",
    "agency",
    "ministry",
    "service",
    "institute",
    "think tank",
    "group",
    "company",
    "firm",
    "newspaper",
    "paper",
    "outlet",
    "broadcaster",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "lawmaker",
    "legislator",
    "analyst",
    "researcher",
    "committee",
    "government",
    "center",
    "centre",
    "office",
    "bank",
    "military",
    "kremlin",
];

impl<'g> Speakers<'g> {
    pub fn new(g: &'g ClaimGraph, doc: Id, text: &'g str) -> Speakers<'g> {
        let mut by_name: FxHashMap<String, Vec<NodeIx>> = FxHashMap::default();
        for r in g.entity_refs() {
            let (ix, e) = (r.ix, r.entity);
            let forms = std::iter::once(e.id.as_str())
                .chain(std::iter::once(e.name.as_str()))
                .chain(e.aliases.iter().map(String::as_str));
            for form in forms {
                let key = fold_name(strip_article(form));
                let slot = by_name.entry(key).or_default();
                if !slot.contains(&ix) {
                    slot.push(ix);
                }
            }
        }
        Speakers {
            g,
            text,
            by_name,
            new: Vec::new(),
            new_names: FxHashMap::default(),
            sources: Vec::new(),
            recent: Vec::new(),
            doc,
        }
    }

    /// The id a speaker has (a new entity's id once [`Speakers::assign_ids`] ran).
    pub fn id(&self, who: &Who) -> Id {
        match who {
            Who::Existing(id) => id.clone(),
            Who::New(i) => self.new[*i].record.id.clone(),
        }
    }

    /// The one entity whose id, name or alias folds to `key`.
    fn named(&self, key: &str) -> Option<NodeIx> {
        match self.by_name.get(key).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }

    /// Resolves the speaker `phrase` of `sentence`; `linked` is the entity extraction
    /// already linked it to, if any.
    pub fn resolve(
        &mut self,
        m: &Matcher,
        phrase: &str,
        linked: Option<&str>,
        sentence: &str,
        hint: &Hint,
    ) -> Resolved {
        let (phrase, apposition) = split_apposition(phrase.trim());
        let mut described = lexicon::described(sentence, phrase);
        for extra in [&hint.role, &hint.body].into_iter().flatten() {
            if !described.contains(extra.as_str()) {
                described = if described.is_empty() {
                    extra.clone()
                } else {
                    format!("{described}; {extra}")
                };
            }
        }
        // "Yoon", named in full ("lawmaker Yoon Ha-jin") elsewhere in the text.
        let completed = self.full_name(phrase);
        let phrase = match &completed {
            Some((name, there)) => {
                let d = lexicon::described(there, name);
                if !d.is_empty() {
                    described = d;
                }
                name.as_str()
            }
            None => phrase,
        };
        if let Some(a) = apposition.filter(|a| !described.contains(a)) {
            described = if described.is_empty() {
                a.to_string()
            } else {
                format!("{described}; {a}")
            };
        }
        let resolved = self.find(m, phrase, linked, &described);
        let resolved = match resolved {
            Some(r) => r,
            None => Resolved {
                who: self.make(m, phrase, &described, hint.kind),
                link: None,
            },
        };
        self.remember(&resolved.who, phrase, &described);
        resolved
    }

    fn find(
        &self,
        m: &Matcher,
        phrase: &str,
        linked: Option<&str>,
        described: &str,
    ) -> Option<Resolved> {
        let existing = |ix: NodeIx, by: LinkedBy, why: Option<String>| Resolved {
            who: Who::Existing(self.g.id(ix).clone()),
            link: Some((by, why)),
        };
        let key = fold_name(strip_article(phrase));
        if let Some(ix) = self.named(&key) {
            return Some(existing(ix, LinkedBy::Name, None));
        }
        // An unnamed speaker of this document, added (or merged into another) before.
        if let Some(ix) = self
            .document_name(phrase)
            .and_then(|n| self.named(&fold_name(&n)))
        {
            return Some(existing(ix, LinkedBy::Name, None));
        }
        if let Some(&i) = self.new_names.get(&key) {
            return Some(Resolved {
                who: Who::New(i),
                link: None,
            });
        }
        if let Some(r) = self.reference(phrase) {
            return Some(r);
        }
        if let Some(owned) = possessed(phrase) {
            if let Some(ix) = self.named(&fold_name(owned)) {
                return Some(existing(ix, LinkedBy::Possessive, None));
            }
        }
        if let Some(ix) = linked.and_then(|id| self.g.node_by_id(id)) {
            return Some(existing(ix, LinkedBy::Contains, None));
        }
        self.described_entity(m, phrase, described)
    }

    /// The full name of a person the text names, for a lone capitalized word that is no
    /// known entity's name and no earlier speaker's ("Yoon" → "Yoon Ha-jin"), with the
    /// sentence that names them in full.
    fn full_name(&self, word: &str) -> Option<(String, String)> {
        let single = !word.contains(' ') && word.starts_with(char::is_uppercase);
        let key = fold_name(word);
        if !single || self.named(&key).is_some() || self.new_names.contains_key(&key) {
            return None;
        }
        let known = self
            .recent
            .iter()
            .any(|r| r.person && r.words.split(' ').any(|w| w == key));
        if known {
            return None;
        }
        let (at, name) = NAME
            .find_iter(self.text)
            .find_map(|m| person_with(m.as_str(), word).map(|n| (m.start(), n)))?;
        let start = self.text[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let end = self.text[at..]
            .find(['.', '\n'])
            .map_or(self.text.len(), |i| at + i);
        Some((name.to_string(), self.text[start..end].trim().to_string()))
    }

    /// "the agency", "the think tank", "he", a surname: the latest speaker it fits.
    fn reference(&self, phrase: &str) -> Option<Resolved> {
        let lower = phrase.to_lowercase();
        let resolved = |r: &Recent, what: &str| {
            let link = match &r.who {
                Who::Existing(_) => Some((
                    LinkedBy::Reference,
                    Some(format!("{what} refers back to the last speaker it fits")),
                )),
                Who::New(_) => None,
            };
            Resolved {
                who: r.who.clone(),
                link,
            }
        };
        if matches!(lower.as_str(), "he" | "she" | "him" | "her") {
            let r = self.recent.iter().rev().find(|r| r.person)?;
            return Some(resolved(r, &format!("\"{phrase}\"")));
        }
        if let Some(rest) = lower
            .strip_prefix("the ")
            .or_else(|| lower.strip_prefix("this "))
        {
            let head = HEADS.iter().find(|h| rest.ends_with(*h))?;
            let head_tags = lexicon::guess(head, "", false).tags;
            let r =
                self.recent.iter().rev().find(|r| {
                    r.words.contains(head) || head_tags.iter().any(|t| r.tags.contains(t))
                })?;
            return Some(resolved(r, &format!("\"{phrase}\"")));
        }
        // A single capitalized word: the surname (or given name) of a person named before.
        let single = !phrase.contains(' ') && phrase.starts_with(char::is_uppercase);
        if single {
            let folded = fold_name(phrase);
            let r = self
                .recent
                .iter()
                .rev()
                .find(|r| r.person && r.words.split(' ').any(|w| w == folded))?;
            return Some(resolved(r, &format!("\"{phrase}\"")));
        }
        None
    }

    /// "South Korea's spy agency": the only existing organization of the named country that
    /// carries the tag the words suggest. Only a description qualifies: a phrase with a
    /// proper name of its own ("the Harbour Institute") names something else.
    fn described_entity(&self, m: &Matcher, phrase: &str, described: &str) -> Option<Resolved> {
        if has_own_name(m, phrase) {
            return None;
        }
        let guess = lexicon::guess(phrase, described, false);
        if guess.kind == Some(Kind::Person) {
            return None;
        }
        let tag = guess.tags.first()?;
        let country = self.country_in(m, phrase)?;
        let mut fits = self.g.entity_refs().filter_map(|r| {
            let e = r.entity;
            (e.kind != Kind::Person && e.has_tag(tag.as_str()) && self.origin(r.ix) == country)
                .then_some(r.ix)
        });
        let (one, more) = (fits.next()?, fits.next());
        if more.is_some() {
            return None;
        }
        let why = format!(
            "the only {tag} entity of {} (guessed from \"{}\")",
            self.g.id(country),
            guess.cues.join("\", \"")
        );
        Some(Resolved {
            who: Who::Existing(self.g.id(one).clone()),
            link: Some((LinkedBy::Description, Some(why))),
        })
    }

    /// The origin of an entity (the end of its `part_of` chain).
    fn origin(&self, mut ix: NodeIx) -> NodeIx {
        let mut steps = 0;
        while let Some(p) = self.g.parent(ix) {
            ix = p;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        ix
    }

    /// The graph entities `words` name, countries last.
    fn named_in(&self, m: &Matcher, words: &str) -> Vec<NodeIx> {
        let f = m.features(words);
        let mut found: Vec<NodeIx> = m
            .entities(&f)
            .iter()
            .filter_map(|id| self.g.node_by_id(id))
            .collect();
        found.sort_by_key(|&ix| self.g.entity(ix).is_some_and(|e| e.kind == Kind::Country));
        found
    }

    /// The one country `words` name.
    fn country_in(&self, m: &Matcher, words: &str) -> Option<NodeIx> {
        let countries: Vec<NodeIx> = self
            .named_in(m, words)
            .into_iter()
            .filter(|&ix| self.g.entity(ix).is_some_and(|e| e.kind == Kind::Country))
            .collect();
        match countries.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The name an unnamed speaker (no capital letter: "a member of parliament", "commercial
    /// satellite imagery") gets: its words and this document, so that two articles' unnamed
    /// officials never become one entity, and the same article ingested again finds its own.
    fn document_name(&self, phrase: &str) -> Option<String> {
        let name = entity_name(phrase);
        let generic = !name.chars().any(char::is_uppercase);
        generic.then(|| format!("{} ({})", capitalized(&name), self.doc))
    }

    /// A new entity for `phrase`, its kind, tags and `part_of` guessed.
    fn make(&mut self, m: &Matcher, phrase: &str, described: &str, kind: Option<Kind>) -> Who {
        let name = entity_name(phrase);
        let generic = !name.chars().any(char::is_uppercase);
        let country = crate::similar::Names::is_country_name(&name);
        let mut guess: Guess = lexicon::guess(&name, described, country);
        let given = kind.is_some();
        let kind = kind.or(guess.kind).unwrap_or(Kind::Organization);
        // Unnamed people ("a senior official", "a member of parliament who attended") are
        // anonymous sources; unnamed evidence ("commercial satellite imagery") is not.
        let evidence = guess.tags.iter().any(|t| t.as_str() == "imagery");
        if generic && !evidence {
            if let Ok(t) = Tag::new("anonymous") {
                if !guess.tags.contains(&t) {
                    guess.tags.push(t);
                }
            }
        }
        let mut guessed = if given { vec![] } else { vec!["kind"] };
        if !guess.tags.is_empty() {
            guessed.push("tags");
        }
        let part_of = if kind == Kind::Country {
            None
        } else {
            self.part_of(m, &name, described, kind)
        };
        if part_of.is_some() {
            guessed.push("part_of");
        }
        self.sources
            .push((guess.cues.clone(), described.to_string()));
        let display = self.document_name(phrase).unwrap_or_else(|| name.clone());
        let i = self.new.len();
        self.new.push(PlannedEntity {
            record: Entity {
                id: Id::new("pending").expect("a valid id"),
                name: display,
                kind,
                tags: guess.tags,
                part_of,
                aliases: Vec::new(),
                reliability: None,
                note: None,
            },
            status: Status::New,
            phrase: phrase.to_string(),
            guessed,
        });
        self.new_names.insert(fold_name(strip_article(phrase)), i);
        Who::New(i)
    }

    /// The entity a new speaker is part of: for a person, an organization the words name;
    /// else the one country they name.
    fn part_of(&self, m: &Matcher, name: &str, described: &str, kind: Kind) -> Option<Id> {
        let words = format!("{name}; {described}");
        let named = self.named_in(m, &words);
        let org = named.iter().find(|&&ix| {
            self.g
                .entity(ix)
                .is_some_and(|e| e.kind == Kind::Organization)
        });
        if kind == Kind::Person {
            if let Some(&ix) = org {
                return Some(self.g.id(ix).clone());
            }
        }
        self.country_in(m, &words).map(|ix| self.g.id(ix).clone())
    }

    fn remember(&mut self, who: &Who, phrase: &str, described: &str) {
        let (person, tags) = match who {
            Who::Existing(id) => {
                let e = self
                    .g
                    .node_by_id(id.as_str())
                    .and_then(|ix| self.g.entity(ix));
                (
                    e.is_some_and(|e| e.kind == Kind::Person),
                    e.map(|e| e.tags.clone()).unwrap_or_default(),
                )
            }
            Who::New(i) => {
                let e = &self.new[*i].record;
                (e.kind == Kind::Person, e.tags.clone())
            }
        };
        let name = match who {
            Who::Existing(id) => self
                .g
                .node_by_id(id.as_str())
                .and_then(|ix| self.g.entity(ix))
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            Who::New(i) => self.new[*i].record.name.clone(),
        };
        self.recent.push(Recent {
            who: who.clone(),
            words: fold_name(&format!("{phrase} {name} {described}")),
            person,
            tags,
        });
    }

    /// Gives every new entity a readable id from its name, unique in the graph and the
    /// plan, and a note saying where it came from and what was guessed.
    pub fn assign_ids(&mut self, taken: &mut dyn FnMut(&str) -> bool) {
        for (e, (cues, described)) in self.new.iter_mut().zip(&self.sources) {
            e.record.id = super::ids::fresh(&super::ids::entity_slug(&e.record.name), taken);
            let mut note = format!(
                "Added by claimgraph ingest from \"{}\" in {}",
                e.phrase, self.doc
            );
            if !e.guessed.is_empty() {
                note.push_str(&format!("; {} guessed", e.guessed.join(", ")));
                if !cues.is_empty() && e.guessed.contains(&"tags") {
                    note.push_str(&format!(" (tags from \"{}\")", cues.join("\", \"")));
                }
            }
            if !described.is_empty() {
                note.push_str(&format!("; described as \"{described}\""));
            }
            note.push('.');
            e.record.note = Some(note);
        }
    }

    /// The name of a speaker: the graph entity's, or the new entity's.
    pub fn name(&self, who: &Who) -> Option<String> {
        match who {
            Who::Existing(id) => self
                .g
                .node_by_id(id.as_str())
                .and_then(|ix| self.g.entity(ix))
                .map(|e| e.name.clone()),
            Who::New(i) => Some(self.new[*i].record.name.clone()),
        }
    }
}
