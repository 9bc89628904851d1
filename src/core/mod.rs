//! The pure core: feed formats, the normalised model, filtering, state transitions,
//! view-models, i18n and time text. Nothing here touches the platform or reads a clock.

/// Declares a fieldless enum and its `ALL`: every variant, in the order of declaration,
/// so a new variant cannot be left out of it. The message catalogue's tables are indexed
/// by the variants' places (`i18n::Msg::index`), which takes each kind's size from `ALL`.
///
/// ```text
/// enum_with_all! {
///     /// Docs and derives of the enum.
///     pub enum Fact { Started, Ended }
///     /// Docs of `ALL`.
///     const ALL;
/// }
/// ```
macro_rules! enum_with_all {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident,)+ }
        $(#[$all_meta:meta])*
        const ALL;
    ) => {
        $(#[$meta])*
        pub enum $name { $($(#[$variant_meta])* $variant,)+ }

        impl $name {
            $(#[$all_meta])*
            pub const ALL: [$name; [$($name::$variant),+].len()] = [$($name::$variant),+];
        }
    };
}

pub mod announce;
pub(crate) mod case;
pub mod config;
pub mod diff;
pub mod feed;
pub mod filter;
pub mod i18n;
pub mod json;
pub mod model;
pub mod schedule;
pub mod state;
pub mod stray;
pub mod time;
pub mod view;
