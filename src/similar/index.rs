//! An inverted index over claim terms, so that finding the claims close to a text scores
//! only the claims that can reach the wanted score, not every claim of the graph.
//!
//! Candidates come from prefix filtering: with the query's terms sorted rarest first, a
//! claim scoring at least `floor` must share terms weighing at least
//! `floor · W(query) / (2 − floor)` (the weighted Dice bound when the claim holds only shared
//! terms). So it must share one of the rarest terms whose weight, left out, would leave too
//! little: only those terms' posting lists are read, and each candidate is scored exactly
//! from its own stored terms.

use super::{weight, Features};
use rustc_hash::{FxHashMap, FxHashSet};

/// Terms of every indexed claim, and the claims of every term.
#[derive(Debug, Default)]
pub struct ClaimIndex {
    vocab: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    weights: Vec<f32>,
    postings: Vec<Vec<u32>>,
    /// The term ids of claim `s` are `terms[starts[s]..starts[s + 1]]`, sorted.
    terms: Vec<u32>,
    starts: Vec<u32>,
    totals: Vec<f32>,
    negated: FxHashSet<u32>,
    /// Recipients, origins and proper names of the claims that have any.
    extras: FxHashMap<u32, [Vec<String>; 3]>,
}

impl ClaimIndex {
    /// Number of claims indexed.
    pub fn len(&self) -> usize {
        self.totals.len()
    }

    /// Whether no claim is indexed.
    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }

    /// Indexes one claim; returns its slot (0, 1, 2… in the order pushed).
    pub fn push(&mut self, f: &Features) -> usize {
        let slot = self.totals.len() as u32;
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let mut ids: Vec<u32> = f.terms.iter().map(|t| self.intern(t)).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut total = 0.0;
        for &t in &ids {
            self.postings[t as usize].push(slot);
            total += self.weights[t as usize];
        }
        self.terms.extend_from_slice(&ids);
        self.starts.push(self.terms.len() as u32);
        self.totals.push(total);
        if f.negated {
            self.negated.insert(slot);
        }
        if !f.to.is_empty() || !f.from.is_empty() || !f.names.is_empty() {
            let extras = [f.to.clone(), f.from.clone(), f.names.clone()];
            self.extras.insert(slot, extras);
        }
        slot as usize
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.vocab.get(term) {
            return id;
        }
        let id = self.names.len() as u32;
        self.vocab.insert(term.into(), id);
        self.names.push(term.into());
        self.weights.push(weight(term) as f32);
        self.postings.push(Vec::new());
        id
    }

    fn slot_terms(&self, slot: usize) -> &[u32] {
        &self.terms[self.starts[slot] as usize..self.starts[slot + 1] as usize]
    }

    /// The features of the claim in `slot`, as indexed.
    pub fn features(&self, slot: usize) -> Features {
        let mut terms: Vec<String> = self
            .slot_terms(slot)
            .iter()
            .map(|&t| self.names[t as usize].to_string())
            .collect();
        terms.sort_unstable();
        let [to, from, names] = self.extras.get(&(slot as u32)).cloned().unwrap_or_default();
        Features {
            terms,
            negated: self.negated.contains(&(slot as u32)),
            to,
            from,
            names,
        }
    }

    /// The slots of the claims whose score against `query` is at least `floor`, with the
    /// score, best first (ties by slot).
    pub fn candidates(&self, query: &Features, floor: f64) -> Vec<(usize, f64)> {
        let total: f64 = query.terms.iter().map(|t| weight(t)).sum();
        if total == 0.0 {
            return Vec::new();
        }
        let mut known: Vec<(u32, f64)> = query
            .terms
            .iter()
            .filter_map(|t| self.vocab.get(t.as_str()).map(|&id| (id, weight(t))))
            .collect();
        known.sort_unstable_by_key(|&(id, _)| (self.postings[id as usize].len(), id));
        let needed = floor * total / (2.0 - floor);
        let mut rest: f64 = known.iter().map(|&(_, w)| w).sum();
        let mut seen: FxHashSet<u32> = FxHashSet::default();
        let mut found: Vec<u32> = Vec::new();
        for &(id, w) in &known {
            if rest < needed - 1e-9 {
                break;
            }
            rest -= w;
            for &slot in &self.postings[id as usize] {
                if seen.insert(slot) {
                    found.push(slot);
                }
            }
        }
        let mut query_ids: Vec<u32> = known.iter().map(|&(id, _)| id).collect();
        query_ids.sort_unstable();
        let mut out: Vec<(usize, f64)> = found
            .into_iter()
            .filter_map(|slot| {
                let shared = self.shared(&query_ids, slot as usize);
                let score = 2.0 * shared / (total + self.totals[slot as usize] as f64);
                (score >= floor - 1e-9).then_some((slot as usize, score))
            })
            .collect();
        out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// The weight of the terms `query` (sorted ids) shares with the claim in `slot`.
    fn shared(&self, query: &[u32], slot: usize) -> f64 {
        let terms = self.slot_terms(slot);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < query.len() && j < terms.len() {
            match query[i].cmp(&terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[query[i] as usize] as f64;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::super::{score, Matcher};
    use super::*;

    /// The index finds exactly the claims a full scan scoring every claim finds.
    #[test]
    fn candidates_equal_a_full_scan() {
        let m = Matcher::new([("north-korea", vec!["North Korea", "Pyongyang"])]);
        let texts = [
            "North Korea shipped shells to Russia.",
            "Pyongyang sent artillery shells to Russia in August.",
            "Iran sold drones to Russia.",
            "The economy shrank by 4.5% in 2020.",
            "North Korea's economy grew in 2024.",
            "Shells were shipped by rail.",
            "",
        ];
        let mut ix = ClaimIndex::default();
        let feats: Vec<Features> = texts.iter().map(|t| m.features(t)).collect();
        for f in &feats {
            ix.push(f);
        }
        for q in &feats {
            for floor in [0.1, 0.3, 0.6] {
                let got: Vec<usize> = ix.candidates(q, floor).iter().map(|c| c.0).collect();
                let mut want: Vec<(usize, f64)> = feats
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (i, score(&q.terms, &f.terms)))
                    .filter(|&(_, s)| s >= floor - 1e-9 && s > 0.0)
                    .collect();
                want.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                let want: Vec<usize> = want.into_iter().map(|w| w.0).collect();
                assert_eq!(got, want, "{q:?} at {floor}");
            }
        }
        assert_eq!(ix.features(1), feats[1]);
    }
}
