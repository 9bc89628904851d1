//! The widget's Yew components. Props are core view-models plus callbacks: components
//! render what they are given and report what the reader did; decisions live in core.
//!
//! [`App`] is the root: it owns the feed state (core's reducer), the open/closed flag and
//! the poller; [`Badge`](badge::Badge) and [`Panel`](panel::Panel) draw the contract's DOM
//! (see the `data-testid` hooks), and [`style::CSS`] is the one stylesheet.

mod app;
mod badge;
mod icon;
mod panel;
mod poller;
mod style;

pub(crate) use app::{App, AppProps};
pub(crate) use poller::{Control, Pace};
pub(crate) use style::CSS;
