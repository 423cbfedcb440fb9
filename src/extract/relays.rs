//! Between the attributions of one sentence: where one claim stops because
//! the next speaker's words begin, and which phrases are not speakers but
//! citations ("citing X") or relays ("..., according to KCNA", "..., the
//! newspaper reported").

use super::cues::CueKind;
use super::phrases::Range;
use super::raw::{Raw, Who};

/// Ends each right-hand claim where the next attribution's own words begin,
/// unless that attribution lies inside the claim ("X said that he believed
/// Y": X's claim is "he believed Y").
pub fn bound_claims(s: &str, raws: &mut [(Raw, usize)]) {
    for k in 0..raws.len() {
        let inner = (k + 1..raws.len())
            .take_while(|&j| nested(s, &raws[k].0, &raws[j]))
            .last();
        let limit = raws.get(inner.unwrap_or(k) + 1).map_or(s.len(), |r| r.1);
        let raw = &mut raws[k].0;
        if let (Some(_), Some(last)) = (inner, raw.claim.last_mut()) {
            last.1 = last.1.max(limit);
        }
        for piece in raw.claim.iter_mut() {
            if piece.1 > limit && piece.0 < limit {
                piece.1 = limit;
            }
        }
    }
}

/// Whether `inner` is a belief or saying reported inside `outer`'s content
/// clause, by a pronoun ("said that he believed", "says she thinks") or at
/// its very start ("said Ruiz believes").
fn nested(s: &str, outer: &Raw, (inner, edge): &(Raw, usize)) -> bool {
    let Who::Phrase((a, b)) = inner.who else {
        return false;
    };
    // "..., though he conceded": a clause of its own.
    let opens = |between: &str| {
        let t = between.trim();
        t.is_empty() || t == "that" || t.ends_with(" that") || CONJUNCTIONS.contains(&t)
    };
    if !s.get(*edge..a).is_some_and(opens) {
        return false;
    }
    let starts_inside = outer
        .claim
        .first()
        .is_some_and(|c| c.0 <= a && c.0 >= outer.cue.1);
    let pronoun = matches!(
        s[a..b].to_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "i" | "it" | "you"
    );
    // "Weaver said Sanders believes X": the inner speaker's words open the
    // outer claim, which would be left with nothing of its own.
    let opens_claim = outer
        .claim
        .first()
        .is_some_and(|c| super::phrases::words(s.get(c.0..*edge).unwrap_or("")) < 2);
    outer.kind == CueKind::Verb
        && inner.kind == CueKind::Verb
        && !outer.quoted
        && starts_inside
        && (pronoun || inner.antecedent || opens_claim)
}

/// Conjunctions that open a clause inside a claim ("said he chose it because
/// he thought ...").
const CONJUNCTIONS: &[&str] = &["because", "if", "when"];

/// Turns "citing X" into a citation of the neighbouring attribution, and
/// "according to X" into a relay when it frames another speaker's words
/// ("Kim said ..., according to KCNA"); otherwise X is the speaker.
pub fn attach_citations(s: &str, raws: Vec<(Raw, usize)>) -> Vec<Raw> {
    let citing = |r: &Raw| r.kind == CueKind::Citing;
    let according = |r: &Raw| r.kind == CueKind::According;
    let speech = |r: &Raw| !citing(r) && !according(r);
    let mut out: Vec<Raw> = Vec::new();
    let mut pending: Vec<(Range, bool)> = Vec::new();
    for k in 0..raws.len() {
        let (raw, edge) = &raws[k];
        let Who::Phrase(np) = raw.who else {
            out.push(raw.clone());
            continue;
        };
        let prev_bounded = out
            .last()
            .and_then(|p| p.claim.last())
            .is_some_and(|c| c.1 >= *edge && !speech(raw));
        let opens = raw.claim.first().is_some_and(|c| c.0 >= np.1);
        let next_speaker = raws.get(k + 1).is_some_and(|(r, _)| speech(r));
        // "..., the ministry told senators, according to a senator who was
        // briefed.": nothing follows, so the senator relays the ministry.
        let closes = !out.is_empty()
            && raw.claim.iter().all(|&(a, b)| {
                s[a..b.max(a)]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty()
            });
        let prev_bounded = prev_bounded || (according(raw) && closes);
        let relay = according(raw) && (prev_bounded || (opens && next_speaker));
        if citing(raw) || relay {
            match out.last_mut() {
                Some(prev) if prev_bounded || (citing(raw) && !opens) => {
                    prev.cites.push(np);
                    if relay {
                        prev.relays.push(np);
                    }
                }
                _ => pending.push((np, relay)),
            }
            continue;
        }
        if raw.frames {
            if let Some(prev) = out.last_mut() {
                prev.cites.push(np);
                prev.relays.push(np);
                prev.cites.extend(raw.cites.iter().copied());
                continue;
            }
        }
        let mut raw = raw.clone();
        for (np, relay) in pending.drain(..) {
            raw.cites.push(np);
            if relay {
                raw.relays.push(np);
            }
        }
        out.push(raw);
    }
    if let Some(last) = out.last_mut() {
        for (np, relay) in pending {
            last.cites.push(np);
            if relay {
                last.relays.push(np);
            }
        }
    }
    out
}
