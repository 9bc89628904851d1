//! When to poll next: the refresh interval with jitter, backoff after failures, and
//! `Retry-After`.
