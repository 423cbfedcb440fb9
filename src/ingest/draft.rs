//! What news texts and ClaimReviews share while they are turned into a plan: speakers
//! linked or made, claims matched against the graph's (and the plan's own) or made, edges
//! between them, reviews, and what is left out. New entities get their ids at the end, once
//! every phrase naming them has been seen.

use super::ids;
use super::plan::{Drafted, LeftOut, Link, PlannedClaim, PlannedEdge, PlannedReview, Status};
use super::speakers::{Hint, Speakers, Who};
use crate::graph::{ClaimGraph, Slot};
use crate::model::{Edge, Id, Rel, Review, Verdict};
use crate::similar::GraphMatcher;
use rustc_hash::FxHashSet;

/// One end of a planned edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    Speaker(Who),
    Claim(Id),
}

/// A planned edge before new entities have ids.
struct Pending {
    from: End,
    rel: Rel,
    to: End,
    quote: String,
    guess: Option<String>,
}

/// A planned review before new entities have ids.
pub struct PendingReview {
    pub claim: Id,
    pub verdict: Verdict,
    pub by: Who,
    pub date: Option<crate::model::Date>,
    pub note: Option<String>,
    pub rating: String,
}

/// A plan being drafted against one graph.
pub struct Draft<'g> {
    pub g: &'g ClaimGraph,
    pub matcher: GraphMatcher<'g>,
    speakers: Speakers<'g>,
    pub doc: Id,
    used: FxHashSet<String>,
    claims: Vec<PlannedClaim>,
    edges: Vec<Pending>,
    reviews: Vec<PendingReview>,
    links: Vec<Link>,
    pub left_out: Vec<LeftOut>,
}

impl<'g> Draft<'g> {
    /// A draft against `g` for document `doc`; `text` is the whole input (where speakers'
    /// full names are looked up).
    pub fn new(g: &'g ClaimGraph, doc: &Id, text: &'g str) -> Draft<'g> {
        let mut used = FxHashSet::default();
        used.insert(doc.as_str().to_string());
        Draft {
            g,
            matcher: GraphMatcher::new(g),
            speakers: Speakers::new(g, doc.clone(), text),
            doc: doc.clone(),
            used,
            claims: Vec::new(),
            edges: Vec::new(),
            reviews: Vec::new(),
            links: Vec::new(),
            left_out: Vec::new(),
        }
    }

    fn taken(&mut self, id: &str) -> bool {
        let t = self.used.contains(id) || self.g.lookup(id).is_some();
        if !t {
            self.used.insert(id.to_string());
        }
        t
    }

    /// The speaker a phrase of `sentence` names; `linked` is extraction's link, if any, and
    /// `hint` what else the text says about the speaker.
    pub fn speaker(
        &mut self,
        phrase: &str,
        linked: Option<&str>,
        sentence: &str,
        hint: &Hint,
    ) -> Who {
        let r = self
            .speakers
            .resolve(self.matcher.matcher(), phrase, linked, sentence, hint);
        if let (Who::Existing(id), Some((by, guess))) = (&r.who, r.link) {
            let known = self.links.iter().any(|l| l.phrase == phrase && &l.id == id);
            if !known {
                self.links.push(Link {
                    phrase: phrase.to_string(),
                    id: id.clone(),
                    by,
                    guess,
                });
            }
        }
        r.who
    }

    /// The name of a speaker (an entity's name, or a new entity's).
    pub fn name_of(&self, who: &Who) -> Option<String> {
        self.speakers.name(who)
    }

    /// Whether `text` has a content word, a name or a number (not "it a").
    pub fn has_content(&self, text: &str) -> bool {
        !self.matcher.matcher().features(text).terms.is_empty()
    }

    /// Whether the claim `id` (existing or planned) states `text`.
    pub fn states(&self, id: &Id, text: &str) -> bool {
        let f = self.matcher.matcher().features(text);
        self.matcher.same_as(&f).is_some_and(|h| &h.id == id)
    }

    /// The existing or planned claim stating `text`, else a new planned claim.
    pub fn match_or_add(&mut self, text: &str) -> Id {
        let f = self.matcher.matcher().features(text);
        if let Some(hit) = self.matcher.same_as(&f) {
            if !self.claims.iter().any(|c| c.id == hit.id) {
                self.claims.push(PlannedClaim {
                    id: hit.id.clone(),
                    status: Status::Matched,
                    text: text.to_string(),
                    claim_text: Some(hit.text.clone()),
                    score: Some(hit.score),
                    about: Vec::new(),
                    found_in: Vec::new(),
                });
            }
            return hit.id;
        }
        let base = ids::claim_slug(text);
        let id = ids::fresh(&base, &mut |s| self.taken(s));
        let mut about: Vec<Id> = self
            .matcher
            .matcher()
            .entities(&f)
            .into_iter()
            .filter(|e| matches!(self.g.lookup(e), Some(Slot::Node(_))))
            .filter_map(|e| Id::new(e).ok())
            .collect();
        about.sort();
        about.dedup();
        self.claims.push(PlannedClaim {
            id: id.clone(),
            status: Status::New,
            text: text.to_string(),
            claim_text: None,
            score: None,
            about,
            found_in: vec![self.doc.clone()],
        });
        self.matcher.add(id.clone(), text.to_string());
        id
    }

    /// Plans the edge `from -rel-> to`, quoting `quote`; the first of equal edges is kept.
    pub fn edge(&mut self, from: End, rel: Rel, to: End, quote: &str, guess: Option<String>) {
        if from == to {
            return;
        }
        let dup = self
            .edges
            .iter()
            .any(|e| e.from == from && e.rel == rel && e.to == to);
        if !dup {
            self.edges.push(Pending {
                from,
                rel,
                to,
                quote: quote.to_string(),
                guess,
            });
        }
    }

    /// Plans a review.
    pub fn review(&mut self, r: PendingReview) {
        self.reviews.push(r);
    }

    /// Gives new entities their ids and resolves every edge and review.
    pub fn finish(mut self) -> Drafted {
        let mut used = std::mem::take(&mut self.used);
        let g = self.g;
        let mut taken = |s: &str| {
            let t = used.contains(s) || g.lookup(s).is_some();
            if !t {
                used.insert(s.to_string());
            }
            t
        };
        self.speakers.assign_ids(&mut taken);
        let end = |e: &End| match e {
            End::Speaker(w) => self.speakers.id(w),
            End::Claim(id) => id.clone(),
        };
        let edges = self
            .edges
            .iter()
            .map(|p| PlannedEdge {
                record: Edge {
                    from: end(&p.from),
                    rel: p.rel,
                    to: end(&p.to),
                    date: None,
                    quote: Some(p.quote.clone()).filter(|q| !q.is_empty()),
                    in_doc: Some(self.doc.clone()),
                    note: None,
                },
                status: Status::New,
                guess: p.guess.clone(),
            })
            .collect();
        let reviews = self
            .reviews
            .iter()
            .map(|r| self.planned_review(r))
            .collect();
        Drafted {
            entities: std::mem::take(&mut self.speakers.new),
            links: self.links,
            claims: self.claims,
            edges,
            reviews,
            left_out: self.left_out,
        }
    }

    /// A review as planned: new, or already the claim's review.
    fn planned_review(&self, r: &PendingReview) -> PlannedReview {
        let review = Review {
            verdict: r.verdict,
            by: self.speakers.id(&r.by),
            date: r.date,
            note: r.note.clone(),
        };
        let existing = self
            .g
            .node_by_id(r.claim.as_str())
            .and_then(|ix| self.g.claim(ix))
            .and_then(|c| c.review.as_deref());
        let status = if existing == Some(&review) {
            Status::Exists
        } else {
            Status::New
        };
        PlannedReview {
            claim: r.claim.clone(),
            review,
            status,
            rating: r.rating.clone(),
            previous: existing.map(|e| e.verdict),
        }
    }
}
