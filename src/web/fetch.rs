//! Fetching a feed as text: one GET with a timeout, a body cap and no credentials.
//!
//! The request is plain on purpose: `credentials: "omit"` (a status feed is public, and a
//! partner's cookies must never travel to it) and no cache-busting, so the browser's HTTP
//! cache and the feed's CDN can do their work during an outage spike.
//!
//! `cache: "no-cache"` makes the browser revalidate what it has cached: it sends the
//! stored `ETag` / `Last-Modified` as `If-None-Match` / `If-Modified-Since` itself, and a
//! `304 Not Modified` reaches us as the cached `200`. Setting those headers by hand would
//! cost a CORS preflight per poll and bypass the cache (see core::schedule's notes).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, RequestCache, RequestCredentials, RequestInit, RequestMode,
    Response,
};

use super::live::{Kind, Live};
use super::timer::Timer;
use crate::core::state::Problem;

/// How long a request may take before it is aborted, in milliseconds.
pub(crate) const TIMEOUT_MS: u32 = 10_000;
/// The largest body accepted, in bytes: far above any real feed, far below harm.
pub(crate) const BODY_CAP_BYTES: u64 = 2 * 1024 * 1024;

/// The bounds of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Abort after this many milliseconds.
    pub timeout_ms: u32,
    /// Refuse a body larger than this many bytes.
    pub cap_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout_ms: TIMEOUT_MS,
            cap_bytes: BODY_CAP_BYTES,
        }
    }
}

/// A successful answer: the body as text and the headers the poller may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FetchedText {
    /// HTTP status (2xx).
    pub status: u16,
    /// The body, decoded as the browser decodes text.
    pub body: String,
    /// The `ETag` header, for conditional requests.
    pub etag: Option<String>,
    /// The `Last-Modified` header, for conditional requests.
    pub last_modified: Option<String>,
}

/// Why a request gave no usable body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum FetchError {
    /// The server answered with a status outside 2xx.
    #[error("HTTP {status}")]
    Http {
        /// The status.
        status: u16,
        /// The `Retry-After` header, as sent (seconds or an HTTP date).
        retry_after: Option<String>,
    },
    /// No complete answer within the time limit.
    #[error("no answer within {after_ms} ms")]
    Timeout {
        /// The limit, milliseconds.
        after_ms: u32,
    },
    /// The request failed before an answer: refused, DNS, CORS, offline.
    #[error("network error: {0}")]
    Network(String),
    /// The body is larger than the cap.
    #[error("the body is larger than {cap_bytes} bytes")]
    TooLarge {
        /// The cap, bytes.
        cap_bytes: u64,
    },
}

impl From<FetchError> for Problem {
    fn from(error: FetchError) -> Problem {
        match error {
            FetchError::Http { status, .. } => Problem::Http(status),
            FetchError::Timeout { after_ms } => Problem::Timeout(after_ms.div_ceil(1000)),
            FetchError::Network(_) => Problem::Network,
            FetchError::TooLarge { cap_bytes } => Problem::TooLarge(cap_bytes),
        }
    }
}

/// One request in flight. Dropping it aborts the request and its callback never runs.
#[must_use = "a Fetch is aborted when dropped"]
pub(crate) struct Fetch {
    controller: Option<AbortController>,
    cancelled: Rc<Cell<bool>>,
}

impl Fetch {
    /// Starts a GET of `url`; `done` receives the outcome unless the [`Fetch`] was dropped
    /// first. The request is aborted after `limits.timeout_ms`.
    pub(crate) fn start(
        url: &str,
        limits: Limits,
        done: impl FnOnce(Result<FetchedText, FetchError>) + 'static,
    ) -> Fetch {
        let controller = AbortController::new().ok();
        let cancelled = Rc::new(Cell::new(false));
        let task_controller = controller.clone();
        let task_cancelled = Rc::clone(&cancelled);
        let url = url.to_owned();
        let Limits {
            timeout_ms,
            cap_bytes,
        } = limits;
        wasm_bindgen_futures::spawn_local(async move {
            let _live = Live::new(Kind::Fetch);
            let timed_out = Rc::new(Cell::new(false));
            let timer = {
                let timed_out = Rc::clone(&timed_out);
                let controller = task_controller.clone();
                Timer::once(timeout_ms, move || {
                    timed_out.set(true);
                    if let Some(c) = controller {
                        c.abort();
                    }
                })
            };
            let signal = task_controller.as_ref().map(AbortController::signal);
            let result = request(&url, signal.as_ref(), cap_bytes).await;
            drop(timer);
            // Stops a body we decided not to read (too large) from downloading on.
            if let Some(c) = &task_controller {
                c.abort();
            }
            let result = match result {
                Err(FetchError::Network(_)) if timed_out.get() => Err(FetchError::Timeout {
                    after_ms: timeout_ms,
                }),
                other => other,
            };
            if !task_cancelled.get() {
                done(result);
            }
        });
        Fetch {
            controller,
            cancelled,
        }
    }
}

impl Drop for Fetch {
    fn drop(&mut self) {
        self.cancelled.set(true);
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

fn network(error: JsValue) -> FetchError {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "request failed".to_owned());
    FetchError::Network(message)
}

async fn request(
    url: &str,
    signal: Option<&AbortSignal>,
    cap_bytes: u64,
) -> Result<FetchedText, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".to_owned()))?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoCache);
    init.set_signal(signal);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let status = response.status();
    if !(200..300).contains(&status) {
        return Err(FetchError::Http {
            status,
            retry_after: header("retry-after"),
        });
    }
    let too_large = FetchError::TooLarge { cap_bytes };
    let declared = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|bytes| bytes > cap_bytes) {
        return Err(too_large);
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    let body = text
        .as_string()
        .ok_or_else(|| FetchError::Network("the body is not text".to_owned()))?;
    if body.len() as u64 > cap_bytes {
        return Err(too_large);
    }
    Ok(FetchedText {
        status,
        body,
        etag: header("etag"),
        last_modified: header("last-modified"),
    })
}
