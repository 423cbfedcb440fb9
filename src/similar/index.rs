//! An inverted index over claim terms, so that finding the claims close to a text scores
//! only the claims that can reach the wanted score, not every claim of the graph.
//!
//! Candidates come from prefix filtering: with the query's terms sorted rarest first, a
//! claim scoring at least `floor` must share terms weighing at least
//! `floor · W(query) / (2 − floor)` (the weighted Dice bound when the claim holds only shared
//! terms). So it must share one of the rarest terms whose weight, left out, would leave too
//! little: only those terms' posting lists are read, and each candidate is scored exactly
//! from its own stored terms.
//!
//! Storage is flat, for a million claims: every claim's terms in one array, and the posting
//! lists in one array built by counting once all claims are in ([`ClaimIndex::seal`]).
//! Claims pushed after that (the claims an ingest plan adds) are few and are scored
//! directly.

use super::compare::intersection;
use super::vocab::{TermId, Vocab};
use super::Features;
use rustc_hash::FxHashSet;

/// Marks of a claim's extra terms: where something went, where it came from, a proper name.
const TO: u32 = 1 << 30;
const FROM: u32 = 2 << 30;
const NAME: u32 = 3 << 30;
const MARK: u32 = 3 << 30;

/// Terms of every indexed claim, and the claims of every term. Term ids are those of the
/// matcher whose vocabulary is passed in.
#[derive(Debug, Default)]
pub struct ClaimIndex {
    /// The term ids of claim `s` are `terms[starts[s]..starts[s + 1]]`, sorted; then, marked
    /// with [`TO`], [`FROM`] or [`NAME`], its extras.
    terms: Vec<TermId>,
    starts: Vec<u32>,
    totals: Vec<f32>,
    negated: Vec<bool>,
    /// Posting lists of the sealed claims: the claims of term `t` are
    /// `postings[offsets[t]..offsets[t + 1]]`.
    postings: Vec<u32>,
    offsets: Vec<u32>,
    /// Claims from this slot on were pushed after sealing.
    sealed: usize,
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
    pub fn push(&mut self, f: &Features, vocab: &Vocab) -> usize {
        let slot = self.totals.len();
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let total: f64 = f.terms.iter().map(|&t| vocab.weight(t)).sum();
        self.terms.extend_from_slice(&f.terms);
        for (list, mark) in [(&f.to, TO), (&f.from, FROM), (&f.names, NAME)] {
            self.terms.extend(list.iter().map(|&t| t | mark));
        }
        self.starts.push(self.terms.len() as u32);
        self.totals.push(total as f32);
        self.negated.push(f.negated);
        slot
    }

    /// Builds the posting lists of every claim pushed so far.
    pub fn seal(&mut self, vocab: &Vocab) {
        let n = self.len();
        let mut counts = vec![0u32; vocab.len() + 1];
        for slot in 0..n {
            for &t in self.plain_terms(slot) {
                counts[t as usize + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut postings = vec![0u32; counts[vocab.len()] as usize];
        for slot in 0..n {
            for &t in self.plain_terms(slot) {
                postings[fill[t as usize] as usize] = slot as u32;
                fill[t as usize] += 1;
            }
        }
        self.postings = postings;
        self.offsets = counts;
        self.sealed = n;
    }

    fn all_terms(&self, slot: usize) -> &[TermId] {
        &self.terms[self.starts[slot] as usize..self.starts[slot + 1] as usize]
    }

    /// The claim's terms, without its marked extras.
    fn plain_terms(&self, slot: usize) -> &[TermId] {
        let all = self.all_terms(slot);
        let n = all.iter().take_while(|&&t| t & MARK == 0).count();
        &all[..n]
    }

    fn posting(&self, t: TermId) -> &[u32] {
        match (
            self.offsets.get(t as usize),
            self.offsets.get(t as usize + 1),
        ) {
            (Some(&a), Some(&b)) => &self.postings[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The features of the claim in `slot`, as indexed.
    pub fn features(&self, slot: usize) -> Features {
        let all = self.all_terms(slot);
        let marked = |mark: u32| -> Vec<TermId> {
            all.iter()
                .filter(|&&t| t & MARK == mark)
                .map(|&t| t & !MARK)
                .collect()
        };
        Features {
            terms: self.plain_terms(slot).to_vec(),
            negated: self.negated[slot],
            to: marked(TO),
            from: marked(FROM),
            names: marked(NAME),
        }
    }

    /// The slots of the claims whose score against `query` is at least `floor`, with the
    /// score, best first (ties by slot).
    pub fn candidates(&self, query: &Features, floor: f64, vocab: &Vocab) -> Vec<(usize, f64)> {
        let total: f64 = query.terms.iter().map(|&t| vocab.weight(t)).sum();
        if total == 0.0 {
            return Vec::new();
        }
        let mut rarest: Vec<TermId> = query.terms.clone();
        rarest.sort_unstable_by_key(|&t| (self.posting(t).len(), t));
        let needed = floor * total / (2.0 - floor);
        let mut rest = total;
        let mut seen: FxHashSet<u32> = FxHashSet::default();
        let mut found: Vec<u32> = Vec::new();
        for &t in &rarest {
            if rest < needed - 1e-9 {
                break;
            }
            rest -= vocab.weight(t);
            for &slot in self.posting(t) {
                if seen.insert(slot) {
                    found.push(slot);
                }
            }
        }
        found.extend(self.sealed as u32..self.len() as u32);
        let mut out: Vec<(usize, f64)> = found
            .into_iter()
            .filter_map(|slot| {
                let terms = self.plain_terms(slot as usize);
                let shared: f64 = intersection(&query.terms, terms)
                    .map(|t| vocab.weight(t))
                    .sum();
                let score = 2.0 * shared / (total + self.totals[slot as usize] as f64);
                (score >= floor - 1e-9 && shared > 0.0).then_some((slot as usize, score))
            })
            .collect();
        out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::Matcher;
    use super::*;

    /// The index finds exactly the claims a full scan scoring every claim finds, whether
    /// claims were pushed before sealing or after.
    #[test]
    fn candidates_equal_a_full_scan() {
        let m = Matcher::new([("north-korea", vec!["North Korea", "Pyongyang"])]);
        let texts = [
            "North Korea shipped shells to Russia.",
            "Pyongyang sent artillery shells to Russia in August.",
            "Iran sold drones to Russia.",
            "The economy shrank by 4.5% in 2020.",
            "North Korea's economy grew in 2024.",
            "Shells were shipped by rail through Nampo.",
            "",
        ];
        let feats: Vec<Features> = texts.iter().map(|t| m.features(t)).collect();
        for sealed_at in [0, 3, feats.len()] {
            let mut ix = ClaimIndex::default();
            for (i, f) in feats.iter().enumerate() {
                if i == sealed_at {
                    ix.seal(&m.vocab.borrow());
                }
                ix.push(f, &m.vocab.borrow());
            }
            if sealed_at == feats.len() {
                ix.seal(&m.vocab.borrow());
            }
            for q in &feats {
                for floor in [0.1, 0.3, 0.6] {
                    let got: Vec<usize> = ix
                        .candidates(q, floor, &m.vocab.borrow())
                        .iter()
                        .map(|c| c.0)
                        .collect();
                    let mut want: Vec<(usize, f64)> = feats
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (i, m.compare(q, f).score))
                        .filter(|&(_, s)| s >= floor - 1e-9 && s > 0.0)
                        .collect();
                    want.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                    let want: Vec<usize> = want.into_iter().map(|w| w.0).collect();
                    assert_eq!(got, want, "{q:?} at {floor}, sealed at {sealed_at}");
                }
            }
            for (i, f) in feats.iter().enumerate() {
                assert_eq!(&ix.features(i), f);
            }
        }
    }
}
