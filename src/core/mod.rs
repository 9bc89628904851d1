//! The pure core: feed formats, the normalised model, filtering, state transitions,
//! view-models, i18n and time text. Nothing here touches the platform or reads a clock.

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
