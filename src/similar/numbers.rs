//! Numbers and dates as claim matching compares them: "6,700", "a million", "one million"
//! and "1 million" as values; "3.2%" and "3.2 percent" as one percentage; "2bn" as two
//! billion; years and month names as dates.

/// Words that multiply the number before them.
pub fn multiplier(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundreds" => 1e2,
        "thousand" | "thousands" | "k" => 1e3,
        "million" | "millions" | "m" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// The value of a number word ("two", "twenty", "dozen"); "a", "an" and "one" only count
/// before a multiplier ("a million"), which the caller checks.
pub fn number_word(word: &str) -> Option<f64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|w| *w == word) {
        return Some(20.0 + 10.0 * i as f64);
    }
    match word {
        "dozen" => Some(12.0),
        _ => None,
    }
}

/// The position of an ordinal word ("first" → 1, "third" → 3).
pub fn ordinal_word(word: &str) -> Option<u32> {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    ORDINALS
        .iter()
        .position(|w| *w == word)
        .map(|i| i as u32 + 1)
}

/// The month a word names (1–12). "May" and "March" count only when capitalized, since
/// they are also common words.
pub fn month(lower: &str, capital: bool) -> Option<u8> {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if matches!(lower, "may" | "march") && !capital {
        return None;
    }
    let full = MONTHS.iter().position(|m| *m == lower);
    let short = || {
        let l = lower.strip_suffix('.').unwrap_or(lower);
        (l.len() == 3 && capital && l != "may")
            .then(|| MONTHS.iter().position(|m| m.starts_with(l)))
            .flatten()
            .filter(|&i| l != "mar" || i == 2)
    };
    full.or_else(short).map(|i| i as u8 + 1)
}

/// Whether an integer written without separators reads as a year.
pub fn is_year(value: f64) -> bool {
    value.fract() == 0.0 && (1800.0..=2100.0).contains(&value)
}

/// The term of a number: `#6700`, `#3.2%`, `#1000000`.
pub fn term(value: f64, percent: bool) -> String {
    let mut s = if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{}", value as i64)
    } else {
        let s = format!("{value:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if percent {
        s.push('%');
    }
    format!("#{s}")
}

/// A number term as people write it: `#6700` → `6,700`, `#1000000` → `1 million`.
pub fn display(term: &str) -> String {
    let body = term.trim_start_matches('#');
    let (digits, percent) = match body.strip_suffix('%') {
        Some(d) => (d, "%"),
        None => (body, ""),
    };
    if let Some(n) = digits.strip_prefix("ord") {
        return format!("ordinal {n}");
    }
    if let Ok(v) = digits.parse::<i64>() {
        for (scale, word) in [
            (1_000_000_000_000, "trillion"),
            (1_000_000_000, "billion"),
            (1_000_000, "million"),
        ] {
            if v >= scale && v % (scale / 1000) == 0 {
                let x = v as f64 / scale as f64;
                let x = format!("{x:.3}");
                let x = x.trim_end_matches('0').trim_end_matches('.');
                return format!("{x} {word}{percent}");
            }
        }
        return format!("{}{percent}", grouped(v));
    }
    format!("{digits}{percent}")
}

/// `v` with thousands separators.
fn grouped(v: i64) -> String {
    let s = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_terms_are_canonical_and_display_readably() {
        assert_eq!(term(6700.0, false), "#6700");
        assert_eq!(term(3.2, true), "#3.2%");
        assert_eq!(term(2.3e9, false), "#2300000000");
        assert_eq!(display("#6700"), "6,700");
        assert_eq!(display("#2300000000"), "2.3 billion");
        assert_eq!(display("#3.2%"), "3.2%");
        assert_eq!(display("#1000000"), "1 million");
    }

    #[test]
    fn months_and_number_words() {
        assert_eq!(month("august", false), Some(8));
        assert_eq!(month("may", false), None);
        assert_eq!(month("may", true), Some(5));
        assert_eq!(month("aug", true), Some(8));
        assert_eq!(number_word("twenty"), Some(20.0));
        assert_eq!(multiplier("bn"), Some(1e9));
        assert_eq!(ordinal_word("third"), Some(3));
        assert!(is_year(2023.0) && !is_year(6700.0));
    }
}
