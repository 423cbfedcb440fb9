//! Between the attributions of one sentence: where one claim stops because
//! the next speaker's words begin, and which phrases are not speakers but
//! citations ("citing X") or relays ("..., according to KCNA", "..., the
//! newspaper reported").

use super::clauses::{Raw, Who};
use super::phrases::Range;

/// Ends each right-hand claim where the next attribution's own words begin.
pub fn bound_claims(s: &str, raws: &mut [(Raw, usize)]) {
    for k in 0..raws.len() {
        let limit = raws.get(k + 1).map_or(s.len(), |r| r.1);
        let raw = &mut raws[k].0;
        for piece in raw.claim.iter_mut() {
            if piece.1 > limit && piece.0 < limit {
                piece.1 = limit;
            }
        }
    }
}

/// Turns "citing X" into a citation of the neighbouring attribution, and
/// "according to X" into a relay when it frames another speaker's words
/// ("Kim said ..., according to KCNA"); otherwise X is the speaker.
pub fn attach_citations(s: &str, raws: Vec<(Raw, usize)>) -> Vec<Raw> {
    let kind = |r: &Raw| {
        let cue = s[r.cue.0..r.cue.1].to_lowercase();
        if cue.starts_with("citing") {
            2
        } else if cue.starts_with("according") {
            1
        } else {
            0
        }
    };
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
            .is_some_and(|c| c.1 >= *edge && kind(raw) > 0);
        let opens = raw.claim.first().is_some_and(|c| c.0 >= np.1);
        let next_speaker = raws.get(k + 1).is_some_and(|(r, _)| kind(r) == 0);
        let relay = kind(raw) == 1 && (prev_bounded || (opens && next_speaker));
        if kind(raw) == 2 || relay {
            match out.last_mut() {
                Some(prev) if prev_bounded || (kind(raw) == 2 && !opens) => {
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

#[cfg(test)]
mod tests {
    use super::super::clauses::analyze;

    fn show(s: &str) -> Vec<(String, String)> {
        analyze(s)
            .into_iter()
            .map(|r| {
                let who = match r.who {
                    super::Who::Phrase((a, b)) => s[a..b].to_string(),
                    super::Who::Previous => "<prev>".into(),
                };
                let claim: Vec<&str> = r.claim.iter().map(|&(a, b)| s[a..b].trim()).collect();
                (who, claim.join(" | "))
            })
            .collect()
    }

    #[test]
    fn according_to_and_citing() {
        let r = analyze("Pyongyang sent missiles, citing US satellite images.");
        assert!(r.is_empty());
        let s = "Other reports suggest Pyongyang sent missiles, citing US satellite images.";
        let r = analyze(s);
        assert_eq!(r.len(), 1);
        assert_eq!(&s[r[0].cites[0].0..r[0].cites[0].1], "US satellite images");
        let r = show("Trade recovered, according to Beijing, having dropped.");
        assert_eq!(r[0].0, "Beijing");
        assert_eq!(r[0].1, "Trade recovered");
    }

    #[test]
    fn a_speaker_after_another_speakers_words_relays_them() {
        let s =
            "Officials believe the attack was planned, the newspaper reported, citing two people.";
        let r = analyze(s);
        assert_eq!(r.len(), 1);
        let cited: Vec<&str> = r[0].cites.iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(cited, ["the newspaper", "two people"]);
        assert_eq!(r[0].relays.len(), 1);
    }
}
