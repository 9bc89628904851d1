//! The message catalogue: every string a reader sees, in every supported language.
//!
//! Messages are a closed enum and each language is an exhaustive `match`, so a message
//! missing from a language does not compile.

/// A language the catalogue speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English (the fallback).
    #[default]
    En,
}

impl Locale {
    /// The first supported locale among `tags` (BCP 47, best first), matching on the
    /// primary language; English when none is supported.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
        let _ = tags.into_iter();
        Locale::En
    }

    /// The BCP 47 tag, for the `lang` attribute of the widget's root.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
        }
    }
}
