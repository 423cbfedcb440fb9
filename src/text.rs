//! Text as people see it: display columns per character (East Asian wide characters count
//! two), values quoted for messages, text made safe to print on a terminal, and names folded
//! for comparison.

/// Columns `c` takes on a terminal, by Unicode's East Asian Width (the `unicode-width`
/// crate): two for wide and full-width characters, none for combining marks and other
/// zero-width characters, none for control characters (they are never printed raw: see
/// [`terminal_safe`]), one otherwise.
pub fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Columns `s` takes: the sum of its characters' [`char_width`], so that a string cut
/// character by character never measures more than its pieces.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` cut to at most `max` columns, ending in "…" when cut; newlines and tabs become spaces,
/// other control characters and bidi overrides are shown escaped (`\u{1b}`).
pub fn truncate(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let flat = terminal_safe(&flat).into_owned();
    if display_width(&flat) <= max {
        return flat;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in flat.chars() {
        let cw = char_width(c);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` in double quotes with JSON escaping, for messages.
pub fn quoted(s: &str) -> String {
    const MAX: usize = 80;
    if s.len() > MAX {
        let mut end = MAX;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", serde_json::to_string(&s[..end]).unwrap_or_default())
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

/// Whether printing `c` to a terminal could act on it instead of showing it: C0 and C1
/// control characters (DEL included) and the bidirectional overrides and isolates, which
/// reorder the text around them.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    matches!(c as u32, 0..=0x1F | 0x7F..=0x9F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// `s` as it may reach a terminal: every character a terminal would act on (see
/// [`is_unsafe_for_terminal`]) is shown escaped as `\u{1b}`. Newlines and tabs in the data are
/// escaped too: only the layout's own line breaks reach the terminal, so data cannot forge a
/// line of output.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_for_terminal) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// JSON text as serde_json writes it, with every character a terminal would act on (see
/// [`is_unsafe_for_terminal`]) written as a JSON `\uXXXX` escape: the same JSON value, safe
/// to print. (serde_json already escapes C0 controls inside strings; outside strings JSON
/// text holds only ASCII layout, so every other such character is inside a string.)
pub fn json_terminal_safe(json: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_in_json = |c: char| is_unsafe_for_terminal(c) && !matches!(c, '\n' | '\t' | '\r');
    if !json.chars().any(unsafe_in_json) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if unsafe_in_json(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// JSON text that can sit inside an HTML `<script>` block (JSON-LD, a page's data): `<`, `>`
/// and `&` written as JSON escapes, so that neither `</script>` nor `<!--` can appear, and
/// the JSON still parses to the same value. Outside strings JSON text has none of them.
pub fn json_script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `s` folded for comparing names: lower case, Latin accents dropped (`é` → `e`, `ø` → `o`,
/// `ß` → `ss`), apostrophes and dots removed (`U.S.` → `us`), every other run of punctuation
/// or space made one space, trimmed. Two names that fold alike name the same thing as far as
/// a duplicate guard is concerned ("Côte d'Ivoire", "cote divoire").
pub fn fold_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '\'' | '\u{2019}' | '.' | '\u{b4}' | '`') {
            continue;
        }
        if !c.is_alphanumeric() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for l in c.to_lowercase() {
            match unaccented(l) {
                Some(base) => out.push_str(base),
                None => out.push(l),
            }
        }
    }
    out
}

/// The plain letters a lower-case accented Latin letter is written with, if it is one.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("한국"), 4);
        assert_eq!(display_width("中文"), 4);
        assert_eq!(display_width("a\u{7}b"), 2);
        assert_eq!(display_width("\u{7f}\u{9b}"), 0);
        assert_eq!(display_width("ｈｅｌｌｏ"), 10, "full-width forms");
        assert_eq!(display_width("🚀"), 2);
    }

    #[test]
    fn combining_marks_and_zero_width_characters_take_no_column() {
        // "é" as e + U+0301 COMBINING ACUTE ACCENT, a Hangul syllable spelled in jamo, and a
        // zero-width space: the old hand-written table counted each mark as a column.
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("\u{1100}\u{1161}"), 2);
        assert_eq!(display_width("a\u{200b}b"), 2);
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_shown_escaped() {
        assert_eq!(terminal_safe("plain, 한국"), "plain, 한국");
        assert_eq!(terminal_safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(terminal_safe("x\ny"), "x\\u{a}y");
        assert_eq!(terminal_safe("\u{9b}\u{202e}"), "\\u{9b}\\u{202e}");
    }

    #[test]
    fn json_escapes_keep_the_value() {
        let v = serde_json::json!({"t": "a\u{9b}b\u{202e}</script>&\u{1b}\n"});
        let text = json_terminal_safe(&v.to_string()).into_owned();
        assert!(!text.chars().any(is_unsafe_for_terminal), "{text}");
        let text = json_script_safe(&text);
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn names_fold_without_case_accents_and_punctuation() {
        assert_eq!(
            fold_name("National Intelligence Service"),
            "national intelligence service"
        );
        assert_eq!(fold_name("  Côte d'Ivoire "), "cote divoire");
        assert_eq!(fold_name("U.S."), "us");
        assert_eq!(fold_name("Kim Jong-un"), fold_name("kim jong un"));
        assert_eq!(fold_name("Łódź, Straße"), "lodz strasse");
        assert_eq!(fold_name("국가정보원"), "국가정보원");
        assert_eq!(fold_name("--"), "");
    }
}
