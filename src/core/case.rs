//! Letter case for the alphabets that status feeds and our readers' languages use: Latin
//! (ASCII, Latin-1, Latin Extended-A, and Romanian's Ș and Ț), Greek and Cyrillic. Any
//! other character is left as it is.
//!
//! Written out because the standard library's `char::to_uppercase` and `str::to_lowercase`
//! bring all of Unicode's case tables into the wasm: measured on 2026-11-21, the lower-case
//! table alone cost 7.3 kB of brotli (18 kB raw), the upper-case one about 3 kB, for
//! capitalising a sentence and matching component names.

/// The capital of `c`, when `c` is a small letter of the covered alphabets.
pub(crate) fn upper(c: char) -> char {
    let code = u32::from(c);
    let capital = match code {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => {
            code - 0x20
        }
        0xFF => 0x178,
        0x131 => 0x49, // dotless ı
        // Latin Extended-A pairs: the small letter follows its capital...
        0x101..=0x137 | 0x14B..=0x177 if code % 2 == 1 => code - 1,
        // ...on odd capitals in these two runs.
        0x13A..=0x148 | 0x17A..=0x17E if code % 2 == 0 => code - 1,
        // Romanian ș and ț (Latin Extended-B), in pairs as above.
        0x219 | 0x21B => code - 1,
        0x3C2 => 0x3A3,
        0x3AC => 0x386,
        0x3AD..=0x3AF => code - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => code - 0x3F,
        0x450..=0x45F => code - 0x50,
        _ => code,
    };
    char::from_u32(capital).unwrap_or(c)
}

/// The small letter of `c`, when `c` is a capital of the covered alphabets. `İ` (whose
/// Unicode lower case is two characters) stays as it is.
pub(crate) fn lower(c: char) -> char {
    let code = u32::from(c);
    let small = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            code + 0x20
        }
        0x178 => 0xFF,
        0x130 => code, // İ
        // Latin Extended-A pairs: the capital comes first...
        0x100..=0x136 | 0x14A..=0x176 if code % 2 == 0 => code + 1,
        // ...on odd code points in these two runs.
        0x139..=0x147 | 0x179..=0x17D if code % 2 == 1 => code + 1,
        0x218 | 0x21A => code + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x400..=0x40F => code + 0x50,
        _ => code,
    };
    char::from_u32(small).unwrap_or(c)
}

/// `text` with every covered capital made small: "iTunes STORE" → "itunes store". The
/// filter folds names a character at a time with [`lower`]; this is for the tests.
#[cfg(test)]
pub(crate) fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the mapping changes, with what it becomes.
    fn changed(map: fn(char) -> char) -> Vec<(char, char)> {
        (0..0x500)
            .filter_map(char::from_u32)
            .map(|c| (c, map(c)))
            .filter(|(c, mapped)| c != mapped)
            .collect()
    }

    /// `map` agrees with `unicode` on every character it changes, changes at least
    /// `at_least` of them, changes each of `changes` and keeps each of `keeps`.
    fn assert_agrees(
        map: fn(char) -> char,
        unicode: fn(char) -> Vec<char>,
        at_least: usize,
        changes: &str,
        keeps: &str,
    ) {
        let changed = changed(map);
        for (c, ours) in &changed {
            assert_eq!(vec![*ours], unicode(*c), "{c} U+{:04X}", u32::from(*c));
        }
        assert!(changed.len() >= at_least, "{}", changed.len());
        for c in changes.chars() {
            assert_ne!(map(c), c, "{c}");
        }
        for c in keeps.chars() {
            assert_eq!(map(c), c, "{c}");
        }
    }

    #[test]
    fn upper_agrees_with_unicode_where_it_changes_a_letter() {
        // ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic small letters.
        assert_agrees(
            upper,
            |c| c.to_uppercase().collect(),
            202,
            "abzàéñöøþÿāčęłőšžșțαωςάώаяёџ",
            "AÉ1ß ɐ中ᾳ",
        );
    }

    #[test]
    fn lower_agrees_with_unicode_where_it_changes_a_letter() {
        assert_agrees(
            lower,
            |c| c.to_lowercase().collect(),
            192,
            "AZÀÉÑÖØÞŸĀČĘŁŐŠŽȘȚΑΩΆΈΊΌΏАЯЁЏ",
            "aé1ß İ中ᾼ",
        );
    }

    #[test]
    fn lower_and_upper_undo_each_other_on_covered_letters() {
        for (capital, small) in changed(lower) {
            assert_eq!(
                upper(small),
                capital,
                "{capital} U+{:04X}",
                u32::from(capital)
            );
        }
    }

    #[test]
    fn lowercase_matches_unicode_for_feed_names_in_covered_alphabets() {
        for name in [
            "iTunes Store",
            "ÉTAT DU SERVICE",
            "ΚΑΤΆΣΤΑΣΗ",
            "Сервисы iCloud",
            "Łódź",
            "ȘTIRI",
        ] {
            assert_eq!(lowercase(name), name.to_lowercase(), "{name}");
        }
    }
}
