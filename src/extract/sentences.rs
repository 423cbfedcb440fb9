//! Sentence splitting for news text: paragraphs, headings and captions, and
//! sentence boundaries that survive abbreviations, initials, decimals and
//! quotations running over several sentences.
//!
//! Every sentence is a byte range into the input, so that attributions can
//! point back at the text they came from.

/// What kind of line a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A sentence of running text.
    Body,
    /// A long line without a final stop: an image caption, kept apart from
    /// the body but still read for attributions ("..., officials say").
    Caption,
    /// A short line without a final stop: a headline, byline, date or menu
    /// entry. Headlines paraphrase; they are not read for attributions.
    Heading,
}

/// One sentence: a byte range of the input, its kind and its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Index of the paragraph (or heading/caption line) it belongs to.
    pub para: usize,
}

/// Lines of more words than this, without a final stop, are captions.
const HEADING_MAX_WORDS: usize = 12;
/// Longer sentences are cut at whitespace so that no regex ever runs over a
/// huge haystack (text without any punctuation, binary junk).
const MAX_SENTENCE_BYTES: usize = 2_000;

/// Titles and other abbreviations after which a period never ends a sentence.
const NEVER_END: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "rev", "fr", "hon", "pres", "supt", "det", "insp", "no", "nos", "vol", "fig", "approx", "dept",
    "univ", "ave", "blvd", "vs", "e.g", "i.e", "cf", "maj", "adm", "cmdr", "gens",
];
/// Abbreviations that end a sentence only when a typical sentence opener follows.
const MAYBE_END: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "corp", "ltd", "co", "bros", "jr", "sr", "etc", "mt", "ft",
];
/// Words that open a sentence; after "U.S." or "Inc." they mark a boundary.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "One",
    "Officials",
    "Analysts",
];

/// The text as the rules read it, byte for byte as long as the input so that offsets
/// stay valid: Unicode spaces (no-break, thin, ...) become as many ASCII spaces as they
/// take bytes, and double quotation marks, curly (`“ ”`, however paired) or typed as two
/// apostrophes (`''`, as some newspapers print them), become `"` padded with spaces, so
/// that the rules need to know one kind of space and one kind of quotation mark.
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let edits = edits(text);
    if edits.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    apply(&mut out, &edits);
    std::borrow::Cow::Owned(out)
}

/// [`normalize`] without a copy: rewrites `text` where it stands and returns the byte
/// ranges of the characters of more than one byte it replaced (the offsets of
/// `text` stay those of the input, but inside these ranges the input had no
/// character boundary).
pub fn normalize_in_place(text: &mut String) -> Vec<(usize, usize)> {
    let edits = edits(text);
    apply(text, &edits);
    edits
        .iter()
        .filter(|e| e.from_multibyte)
        .map(|e| (e.at, e.at + e.with.len()))
        .collect()
}

/// One replacement [`normalize`] makes: the bytes at `at` become `with`, which is
/// ASCII and exactly as long as what it replaces.
struct Edit {
    at: usize,
    with: &'static str,
    /// Whether it replaces one character of several bytes (not two apostrophes).
    from_multibyte: bool,
}

/// The replacements that normalize `text`, in order.
fn edits(text: &str) -> Vec<Edit> {
    const SPACES: &str = "    ";
    let mut out = Vec::new();
    let unusual = !text.is_ascii()
        && text
            .chars()
            .any(|c| (c.is_whitespace() && !c.is_ascii()) || c == '“' || c == '”');
    if !unusual && !text.contains("''") {
        return out;
    }
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let with = if c.is_whitespace() && !c.is_ascii() {
            &SPACES[..c.len_utf8()]
        } else if c == '“' {
            "  \""
        } else if c == '”' {
            "\"  "
        } else if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
            chars.next();
            let before = text[..i].chars().next_back();
            let after = text[i + 2..].chars().next();
            let opens = !before.is_some_and(|b| b.is_alphanumeric() || ".,;:!?)".contains(b))
                && after.is_some_and(|a| !a.is_whitespace());
            out.push(Edit {
                at: i,
                with: if opens { " \"" } else { "\" " },
                from_multibyte: false,
            });
            continue;
        } else {
            continue;
        };
        out.push(Edit {
            at: i,
            with,
            from_multibyte: true,
        });
    }
    out
}

/// Writes `edits` over `text`: each replaces as many bytes with ASCII, so the
/// text stays as long and valid UTF-8.
fn apply(text: &mut String, edits: &[Edit]) {
    if edits.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for e in edits {
        bytes[e.at..e.at + e.with.len()].copy_from_slice(e.with.as_bytes());
    }
    *text = String::from_utf8(bytes).expect("whole characters replaced by ASCII of their length");
}

/// The text as the rules read it: see [`normalize`].
pub fn ascii_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    normalize(text)
}

/// Splits `text` into sentences, headings and captions, in order.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (para, (start, end)) in units(text).into_iter().enumerate() {
        let unit = &text[start..end];
        if ends_with_stop(unit) {
            split_paragraph(text, start, end, para, &mut out);
        } else if unit.split_whitespace().count() <= HEADING_MAX_WORDS {
            let end = start + strip_credit(unit).len();
            push_capped(text, start, end, Kind::Heading, para, &mut out);
        } else {
            // A caption, or a paragraph whose last sentence lost its stop (a
            // live blog's link, a quotation cut off): its sentences are split
            // as a paragraph's, the last without a stop read as a caption.
            let end = start + strip_credit(unit).len();
            let from = out.len();
            split_paragraph(text, start, end, para, &mut out);
            if let Some(last) = out[from..].last_mut() {
                last.kind = Kind::Caption;
            }
        }
    }
    out
}

/// Groups lines into paragraphs: blank lines separate them, and a line
/// without a final stop followed by a capitalized line stands alone.
fn units(text: &str) -> Vec<(usize, usize)> {
    let wrapped = hard_wrapped(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut lines = lines(text).peekable();
    while let Some((s, e)) = lines.next() {
        let line = text[s..e].trim();
        if line.is_empty() {
            out.extend(open.take());
            continue;
        }
        open = Some(match open {
            Some((os, _)) => (os, e),
            None => (s, e),
        });
        let next = lines.peek().map(|&(ns, ne)| text[ns..ne].trim_start());
        let wraps = next.is_some_and(|n| {
            n.starts_with(|c: char| c.is_lowercase()) || (wrapped && !n.is_empty())
        });
        if !ends_with_stop(line) && !wraps {
            out.extend(open.take());
        }
    }
    out.extend(open);
    out.into_iter()
        .map(|(s, e)| trim_range(text, s, e))
        .filter(|&(s, e)| s < e)
        .collect()
}

/// The byte range of each line of `text`, without its line break.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_inclusive('\n').scan(0, |pos, line| {
        let start = *pos;
        *pos += line.len();
        Some((start, start + line.trim_end_matches(['\n', '\r']).len()))
    })
}

/// Whether the text is hard-wrapped (plain-text wires, e-mail): most lines
/// end near one width of at most 100 columns, so a line without a final
/// stop continues on the next line even when that starts with a capital.
fn hard_wrapped(text: &str) -> bool {
    let lengths = || {
        lines(text)
            .map(|(s, e)| text[s..e].trim_end().chars().count())
            .filter(|&n| n > 0)
    };
    let Some(widest) = lengths().max() else {
        return false;
    };
    if widest > 100 {
        return false;
    }
    let (mut all, mut near) = (0usize, 0usize);
    for n in lengths() {
        all += 1;
        near += usize::from(n + 20 >= widest);
    }
    all >= 5 && near * 10 >= all * 6
}

/// True when the text ends in sentence-final punctuation, possibly followed
/// by closing quotes or brackets.
fn ends_with_stop(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(is_closer);
    t.ends_with(['.', '!', '?', '…'])
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Cuts a photo credit glued to a caption ("...officials sayImage: Reuters").
fn strip_credit(s: &str) -> &str {
    ["Image:", "Photo:", "Picture:", "Source:"]
        .iter()
        .filter_map(|m| s.find(m))
        .min()
        .map_or(s, |i| s[..i].trim_end())
}

fn trim_range(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return (s, s);
    }
    (s + lead, e - trail)
}

/// Splits one body paragraph into sentences.
fn split_paragraph(text: &str, start: usize, end: usize, para: usize, out: &mut Vec<Sentence>) {
    let p = &text[start..end];
    let guard_quotes = quotes_balanced(p);
    let mut depth = 0i32;
    let mut straight_open = false;
    let mut from = 0;
    let mut at = 0;
    while let Some(c) = p[at..].chars().next() {
        match c {
            '“' => depth += 1,
            '”' => depth = (depth - 1).max(0),
            '"' => straight_open = !straight_open,
            _ => {}
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // `after`: the byte after the stop and the closers that follow it.
            let mut after = at + c.len_utf8();
            while let Some(n) = p[after..].chars().next().filter(|&n| is_closer(n)) {
                match n {
                    '”' => depth = (depth - 1).max(0),
                    '"' => straight_open = !straight_open,
                    _ => {}
                }
                after += n.len_utf8();
            }
            let inside = guard_quotes && (depth > 0 || straight_open);
            if !inside && is_boundary(p, at, c, after) {
                push_capped(text, start + from, start + after, Kind::Body, para, out);
                from = after;
            }
            at = after;
            continue;
        }
        at += c.len_utf8();
    }
    push_capped(text, start + from, end, Kind::Body, para, out);
}

/// Whether quotation marks pair up, so that they can be trusted to hold a
/// multi-sentence quote together. An unmatched quote guards nothing.
fn quotes_balanced(p: &str) -> bool {
    let straight = p.matches('"').count();
    let open = p.matches('“').count();
    let close = p.matches('”').count();
    straight.is_multiple_of(2) && open == close
}

/// Decides whether the stop `c` at byte `at` of `p`, followed by closers up to
/// byte `after`, ends a sentence.
fn is_boundary(p: &str, at: usize, c: char, after: usize) -> bool {
    match p[after..].chars().next() {
        None => return true,
        Some(n) if !n.is_whitespace() => return false,
        Some(_) => {}
    }
    let rest = p[after..].trim_start();
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"“‘'([".contains(first)) {
        return false;
    }
    let quoted = p[at..after].contains(['"', '”']);
    if c != '.' && quoted && speaker_tag_follows(rest) {
        return false; // "Who pays?" Ruiz asked. -- the tag belongs to the quote
    }
    if c != '.' {
        return true;
    }
    let word = word_before(p, at);
    let lower = word.to_lowercase();
    let next_word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let opener = OPENERS.contains(&next_word.as_str());
    if NEVER_END.contains(&lower.as_str()) {
        return false;
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if initial || MAYBE_END.contains(&lower.as_str()) || word.contains('.') {
        return opener;
    }
    true
}

/// Verbs that close a speaker tag after a quotation.
const TAG_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "replied",
    "added",
    "wrote",
    "writes",
    "told",
    "tweeted",
    "continued",
    "explained",
    "recalled",
    "insisted",
    "declared",
    "responded",
    "noted",
    "argued",
    "exclaimed",
    "shouted",
    "quipped",
    "joked",
    "wondered",
    "countered",
    "warned",
];

/// Whether `rest`, the text after a quotation that ends in "?" or "!", opens with
/// a short speaker tag ("Ruiz said.", "said the mayor,", "the senator asked as
/// he left"): a few words, one of them a verb of saying, before any other stop.
fn speaker_tag_follows(rest: &str) -> bool {
    rest.split_whitespace()
        .take(6)
        .take_while(|w| !w.starts_with(['"', '“']))
        .map(|w| {
            let stop = w.ends_with(['.', ',', '!', '?', ';', ':']);
            (w.trim_end_matches(|c: char| !c.is_alphanumeric()), stop)
        })
        .scan(false, |ended, (w, stop)| {
            let item = (!*ended).then_some(w);
            *ended |= stop;
            item
        })
        .any(|w| TAG_VERBS.contains(&w.to_lowercase().as_str()))
}

/// The word (letters and inner dots) just before byte `at`.
fn word_before(p: &str, at: usize) -> &str {
    let head = &p[..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Pushes a trimmed sentence, cut into pieces of at most
/// `MAX_SENTENCE_BYTES` at whitespace (or any char boundary if none).
fn push_capped(text: &str, s: usize, e: usize, kind: Kind, para: usize, out: &mut Vec<Sentence>) {
    let (mut s, e) = trim_range(text, s, e);
    while s < e {
        let mut cut = e;
        if e - s > MAX_SENTENCE_BYTES {
            cut = s + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(ws) = text[s..cut].rfind(char::is_whitespace) {
                if ws > 0 {
                    cut = s + ws;
                }
            }
        }
        let (ts, te) = trim_range(text, s, cut);
        if ts < te {
            out.push(Sentence {
                start: ts,
                end: te,
                kind,
                para,
            });
        }
        s = cut.max(s + 1);
        while s < e && !text.is_char_boundary(s) {
            s += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    /// A quoted question or exclamation keeps its speaker tag; a quotation
    /// followed by a new sentence does not.
    #[test]
    fn a_speaker_tag_after_a_quoted_question_stays_with_it() {
        let t = "\"Who pays for the bridge?\" Ana Ruiz asked. The council met.";
        assert_eq!(
            texts(t),
            [
                "\"Who pays for the bridge?\" Ana Ruiz asked.",
                "The council met."
            ]
        );
        let t = "“We will win!” said the mayor as she left. Rain fell.";
        assert_eq!(texts(t).len(), 2);
        let t = "\"Who pays?\" The council has no answer. Ruiz said so.";
        assert_eq!(texts(t).len(), 3);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let t = "Mr. Kim met U.S. envoy J. R. Smith on Sept. 9. Growth was 3.1 percent, or $24.5 billion. It fell.";
        assert_eq!(
            texts(t),
            vec![
                "Mr. Kim met U.S. envoy J. R. Smith on Sept. 9.",
                "Growth was 3.1 percent, or $24.5 billion.",
                "It fell."
            ]
        );
    }

    #[test]
    fn acronym_before_an_opener_ends_the_sentence() {
        let t = "Sanctions were imposed by the U.S. The move angered Moscow.";
        assert_eq!(texts(t).len(), 2);
    }

    #[test]
    fn quotes_spanning_sentences_stay_whole() {
        let t = "\"It fell. It will rise,\" she said. \"Wait.\"";
        assert_eq!(
            texts(t),
            vec!["\"It fell. It will rise,\" she said.", "\"Wait.\""]
        );
    }

    #[test]
    fn unmatched_quote_does_not_swallow_the_paragraph() {
        let t = "Putin \"expressed his wish, KCNA reported. It would be his first.";
        assert_eq!(texts(t).len(), 2);
    }

    /// A paragraph whose last sentence lost its stop is still split into
    /// sentences; only that last one is read as a caption.
    #[test]
    fn a_paragraph_without_a_final_stop_keeps_its_sentences() {
        let t = "Ruiz spoke in the morning at the harbour. Later, Voss said the pier was unsafe. Read the whole statement here";
        let s = split(t);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(
            &t[s[1].start..s[1].end],
            "Later, Voss said the pier was unsafe."
        );
        assert_eq!(s[1].kind, Kind::Body);
        assert_eq!(s[2].kind, Kind::Caption);
    }

    #[test]
    fn headings_and_captions_stand_apart() {
        let t = "Big news today\n\nA caption line that is rather long and has no final stop at all, officials sayImage: AP\nBody text here. More.";
        let s = split(t);
        assert_eq!(s[0].kind, Kind::Heading);
        assert_eq!(s[1].kind, Kind::Caption);
        assert!(t[s[1].start..s[1].end].ends_with("officials say"));
        assert_eq!(s[2].kind, Kind::Body);
        assert_eq!(s.len(), 4);
    }

    #[test]
    fn wrapped_lines_join_one_paragraph() {
        let t = "The minister said the plan\nwould fail. Nobody agreed.";
        assert_eq!(
            texts(t),
            vec!["The minister said the plan\nwould fail.", "Nobody agreed."]
        );
    }

    #[test]
    fn unicode_spaces_keep_offsets() {
        let t = "a\u{a0}b\u{2009}c";
        let n = normalize(t);
        assert_eq!(n.len(), t.len());
        assert_eq!(n, "a  b   c");
    }

    #[test]
    fn two_apostrophes_are_a_quotation_mark() {
        let t = "Mr. Ridge said, ''Bombast fails.'' It fell.";
        let n = normalize(t);
        assert_eq!(n.len(), t.len());
        assert_eq!(n, "Mr. Ridge said,  \"Bombast fails.\"  It fell.");
        assert_eq!(texts(&n).len(), 2);
    }

    #[test]
    fn hard_wrapped_text_joins_lines_that_start_with_capitals() {
        let t = "The minister said the plan would fail in the\nNorth, officials in the capital told reporters\non Monday after a long meeting with the Prime\nMinister. They gave no details of what was said\nor who had said it to the ministers there.\n";
        let s = texts(t);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(split(t).iter().all(|x| x.kind == Kind::Body));
    }

    #[test]
    fn long_runs_are_capped_on_char_boundaries() {
        let t = "é".repeat(3_000);
        let s = split(&t);
        assert!(s.iter().all(|x| x.end - x.start <= MAX_SENTENCE_BYTES));
        assert_eq!(s.iter().map(|x| x.end - x.start).sum::<usize>(), t.len());
    }
}
