//! The widget's Yew view. Its pieces take core view-models plus callbacks: they render
//! what they are given and report what the reader did; decisions live in core.
//!
//! [`App`] is the root and the one component: it owns the feed state (core's reducer),
//! the open/closed flag and the poller. [`badge::badge`] and [`panel::panel`] draw the
//! contract's DOM (see the `data-testid` hooks) as plain functions returning `Html`: each
//! Yew component brings its own copy of the lifecycle code into the wasm, and these hold
//! no state of their own (making them functions cut 5.6 kB brotli). [`style::CSS`] is the
//! one stylesheet.

mod app;
mod badge;
mod icon;
mod panel;
mod poller;
mod style;

pub(crate) use app::{App, AppProps, Place};
pub(crate) use poller::{Control, Pace};
pub(crate) use style::CSS;
