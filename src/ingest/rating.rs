//! A ClaimReview's rating as a verdict (docs/format.md §5). The rating's text
//! (`alternateName`, else `name`) is read first, against the scales fact-checkers use; a text
//! that says none of them falls back to the number, `ratingValue` placed on the scale from
//! `worstRating` (default 1) to `bestRating` (default 5), in fifths from `false` to `true`.

use super::located::{problem, text, Problem};
use crate::model::Verdict;
use crate::text::fold_name;
use serde_json::{Map, Value};

/// The verdict a rating gives, and how it was read.
pub fn verdict(r: &Map<String, Value>, path: &str) -> Result<(Verdict, String), Problem> {
    let written = text(r, path, "alternateName")?.or(text(r, path, "name")?);
    if let Some(w) = written {
        if let Some(v) = verdict_of_text(w) {
            return Ok((v, format!("\"{w}\" read as {v}")));
        }
    }
    let number = |key: &str| -> Result<Option<f64>, Problem> {
        match r.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| problem(path, key, format!("expected a number, not {s:?}"))),
            Some(_) => Err(problem(path, key, "expected a number")),
        }
    };
    let Some(value) = number("ratingValue")? else {
        let said = written.map_or("no rating text".to_string(), |w| {
            format!("the text {w:?} is not a verdict we know")
        });
        return Err(problem(
            path,
            "alternateName",
            format!("cannot read a verdict: {said}, and there is no ratingValue"),
        ));
    };
    let best = number("bestRating")?.unwrap_or(5.0);
    let worst = number("worstRating")?.unwrap_or(1.0);
    if best <= worst || value < worst || value > best {
        return Err(problem(
            path,
            "ratingValue",
            format!("{value} is not on the scale from worstRating {worst} to bestRating {best}"),
        ));
    }
    let r = (value - worst) / (best - worst);
    let v = match r {
        r if r < 0.2 => Verdict::False,
        r if r < 0.4 => Verdict::MostlyFalse,
        r if r < 0.6 => Verdict::Mixed,
        r if r < 0.8 => Verdict::MostlyTrue,
        _ => Verdict::True,
    };
    let shown = written.map(|w| format!("\"{w}\", ")).unwrap_or_default();
    Ok((v, format!("{shown}{value} on {worst}–{best} read as {v}")))
}

/// Rating texts and the verdict each means, the longest first: a text matches when it is
/// one of these, or holds one as whole words ("This claim is false").
const RATINGS: &[(&str, Verdict)] = &[
    ("pants on fire", Verdict::False),
    ("four pinocchios", Verdict::False),
    ("mostly false", Verdict::MostlyFalse),
    ("mostly untrue", Verdict::MostlyFalse),
    ("largely false", Verdict::MostlyFalse),
    ("mostly inaccurate", Verdict::MostlyFalse),
    ("three pinocchios", Verdict::MostlyFalse),
    ("mostly true", Verdict::MostlyTrue),
    ("mostly correct", Verdict::MostlyTrue),
    ("largely true", Verdict::MostlyTrue),
    ("largely accurate", Verdict::MostlyTrue),
    ("one pinocchio", Verdict::MostlyTrue),
    ("half true", Verdict::Mixed),
    ("half right", Verdict::Mixed),
    ("partly true", Verdict::Mixed),
    ("partly false", Verdict::Mixed),
    ("partially true", Verdict::Mixed),
    ("partially false", Verdict::Mixed),
    ("two pinocchios", Verdict::Mixed),
    ("needs context", Verdict::Mixed),
    ("missing context", Verdict::Mixed),
    ("mixture", Verdict::Mixed),
    ("mixed", Verdict::Mixed),
    ("misleading", Verdict::MostlyFalse),
    ("exaggerated", Verdict::MostlyFalse),
    ("not true", Verdict::False),
    ("not correct", Verdict::False),
    ("no evidence", Verdict::Unproven),
    ("not proven", Verdict::Unproven),
    ("unproven", Verdict::Unproven),
    ("unverified", Verdict::Unproven),
    ("unverifiable", Verdict::Unproven),
    ("unsubstantiated", Verdict::Unproven),
    ("unsupported", Verdict::Unproven),
    ("research in progress", Verdict::Unproven),
    ("false", Verdict::False),
    ("incorrect", Verdict::False),
    ("inaccurate", Verdict::False),
    ("untrue", Verdict::False),
    ("fake", Verdict::False),
    ("fabricated", Verdict::False),
    ("hoax", Verdict::False),
    ("wrong", Verdict::False),
    ("scam", Verdict::False),
    ("misattributed", Verdict::False),
    ("geppetto checkmark", Verdict::True),
    ("true", Verdict::True),
    ("correct", Verdict::True),
    ("accurate", Verdict::True),
    ("confirmed", Verdict::True),
    ("correct attribution", Verdict::True),
];

/// The verdict a rating text means, if it is one fact-checkers use.
pub fn verdict_of_text(text: &str) -> Option<Verdict> {
    let folded = fold_name(text);
    if let Some((_, v)) = RATINGS.iter().find(|(t, _)| *t == folded) {
        return Some(*v);
    }
    let padded = format!(" {folded} ");
    RATINGS
        .iter()
        .find(|(t, _)| padded.contains(&format!(" {t} ")))
        .map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_texts_and_numbers_map_to_verdicts() {
        for (t, v) in [
            ("Pants on Fire!", Verdict::False),
            ("Half True", Verdict::Mixed),
            ("Misleading", Verdict::MostlyFalse),
            ("This claim is false.", Verdict::False),
            ("Unproven", Verdict::Unproven),
            ("Mostly true", Verdict::MostlyTrue),
            ("TRUE", Verdict::True),
        ] {
            assert_eq!(verdict_of_text(t), Some(v), "{t}");
        }
        assert_eq!(verdict_of_text("Satire"), None);
        let rating = |json: &str| {
            let v: Value = serde_json::from_str(json).unwrap();
            verdict(v.as_object().unwrap(), "reviewRating")
                .map(|(v, _)| v)
                .ok()
        };
        assert_eq!(rating(r#"{"ratingValue": 1}"#), Some(Verdict::False));
        assert_eq!(rating(r#"{"ratingValue": "3"}"#), Some(Verdict::Mixed));
        assert_eq!(
            rating(r#"{"ratingValue": 10, "bestRating": 10, "worstRating": 0}"#),
            Some(Verdict::True)
        );
        assert_eq!(rating(r#"{"alternateName": "Satire"}"#), None);
        assert_eq!(rating(r#"{"ratingValue": 9}"#), None);
    }
}
