//! Text measured as a terminal or a drawing shows it: display columns per character, with
//! East Asian wide characters (Hangul, CJK) counting two.

/// Columns `c` takes: two for wide characters, none for control characters, one otherwise.
pub fn char_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD => 2,
        0..=0x1F | 0x7F..=0x9F => 0,
        _ => 1,
    }
}

/// Columns `s` takes.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
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
    }
}
