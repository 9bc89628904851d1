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

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, ReadableStream, ReadableStreamDefaultReader,
    ReadableStreamReadResult, RequestCache, RequestCredentials, RequestInit, RequestMode, Response,
};

use super::live::{Kind, Live};
use super::timer::Timer;
use crate::core::state::Problem;

/// How long a request may take before it is aborted, in milliseconds.
pub(crate) const TIMEOUT_MS: u32 = 10_000;
/// The largest body accepted, in bytes.
pub(crate) const BODY_CAP_BYTES: u64 = crate::core::feed::MAX_FEED_BYTES;

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
    /// The request failed before an answer: refused, DNS, CORS, offline. The browser
    /// logs the cause itself; the reader is told "unreachable" whatever it was.
    #[error("network error")]
    Network,
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
            FetchError::Network => Problem::Network,
            FetchError::TooLarge { cap_bytes } => Problem::TooLarge(cap_bytes),
        }
    }
}

/// A request the loader (`js/loader.js`) started before the wasm was ready, with exactly
/// the options [`Fetch::start`] uses. The loader hands it over once (`take(url)`), so a
/// widget's first poll reads it instead of asking the feed a second time.
pub(crate) struct Prefetched {
    /// The loader's `fetch(...)` promise (a rejection was already caught there, so it is
    /// never an unhandled one).
    response: js_sys::Promise,
    /// Its abort controller, so timeout and unmount stop it like our own request.
    controller: Option<AbortController>,
    /// When the loader started it, UTC milliseconds: the timeout counts from there.
    started_ms: f64,
}

impl Prefetched {
    /// Takes the loader's prefetched request for `url` through `take`, if it has one.
    /// Anything not shaped as the loader makes it is ignored (the poll fetches itself).
    pub(crate) fn take(take: &js_sys::Function, url: &str) -> Option<Prefetched> {
        let entry = take.call1(&JsValue::NULL, &JsValue::from_str(url)).ok()?;
        if !entry.is_object() {
            return None;
        }
        let field = |name: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(name)).ok();
        let response = field("response")?.dyn_into::<js_sys::Promise>().ok()?;
        let controller = field("controller").and_then(|c| c.dyn_into::<AbortController>().ok());
        let started_ms = field("startedMs")
            .and_then(|t| t.as_f64())
            .filter(|t| t.is_finite())
            .unwrap_or_else(js_sys::Date::now);
        Some(Prefetched {
            response,
            controller,
            started_ms,
        })
    }
}

/// One request in flight. Dropping it aborts the request and its callback never runs.
#[must_use = "a Fetch is aborted when dropped"]
pub(crate) struct Fetch {
    controller: Option<AbortController>,
    /// The callback, until it is given the outcome or the [`Fetch`] is dropped.
    done: Rc<Done>,
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
        let signal = controller.as_ref().map(AbortController::signal);
        let response = begin(url, signal.as_ref());
        let timeout = Timeout {
            after_ms: limits.timeout_ms,
            left_ms: limits.timeout_ms,
        };
        Fetch::run(response, controller, timeout, limits.cap_bytes, done)
    }

    /// Reads a request the loader already started, exactly as [`Fetch::start`] reads its
    /// own: same status, header and body-cap handling, and the same timeout counted from
    /// when the loader started it.
    pub(crate) fn adopt(
        prefetched: Prefetched,
        limits: Limits,
        done: impl FnOnce(Result<FetchedText, FetchError>) + 'static,
    ) -> Fetch {
        let elapsed_ms = (js_sys::Date::now() - prefetched.started_ms).max(0.0);
        let left_ms = (f64::from(limits.timeout_ms) - elapsed_ms).max(0.0) as u32;
        let response = Ok(prefetched.response);
        let timeout = Timeout {
            after_ms: limits.timeout_ms,
            left_ms,
        };
        Fetch::run(
            response,
            prefetched.controller,
            timeout,
            limits.cap_bytes,
            done,
        )
    }

    /// Waits for `response` under `timeout` (aborting through `controller`), reads it and
    /// gives the outcome to `done` unless the [`Fetch`] was dropped first.
    fn run(
        response: Result<js_sys::Promise, FetchError>,
        controller: Option<AbortController>,
        timeout: Timeout,
        cap_bytes: u64,
        done: impl FnOnce(Result<FetchedText, FetchError>) + 'static,
    ) -> Fetch {
        let task_controller = controller.clone();
        // Given the outcome once: by the read, or by the timer when a page's own `fetch`
        // ignores the abort and never settles (which would hold the feed's one request
        // slot for good); never once the Fetch is dropped, which takes it.
        let done: Rc<Done> = Rc::new(RefCell::new(Some(Box::new(done))));
        let task_done = Rc::clone(&done);
        wasm_bindgen_futures::spawn_local(async move {
            let _live = Live::new(Kind::Fetch);
            // At the limit the request is aborted and the outcome is a timeout at once,
            // whatever the request does after (a page's `fetch` that never settles keeps
            // only this task waiting).
            let timer = {
                let controller = task_controller.clone();
                let done = Rc::clone(&task_done);
                Timer::once(timeout.left_ms, move || {
                    if let Some(c) = controller {
                        c.abort();
                    }
                    let after_ms = timeout.after_ms;
                    finish(&done, Err(FetchError::Timeout { after_ms }));
                })
            };
            let result = match response {
                Ok(response) => read(response, cap_bytes).await,
                Err(error) => Err(error),
            };
            drop(timer);
            // Stops a body we decided not to read (too large) from downloading on.
            if let Some(c) = &task_controller {
                c.abort();
            }
            finish(&task_done, result);
        });
        Fetch { controller, done }
    }
}

/// Who is given a request's outcome, once.
type Done = RefCell<Option<Box<dyn FnOnce(Result<FetchedText, FetchError>)>>>;

/// Gives `result` to `done` unless it already has an outcome or the [`Fetch`] was dropped.
fn finish(done: &Done, result: Result<FetchedText, FetchError>) {
    let done = done.borrow_mut().take();
    if let Some(done) = done {
        done(result);
    }
}

/// How long a request may still take, and the limit it is reported against.
#[derive(Debug, Clone, Copy)]
struct Timeout {
    after_ms: u32,
    left_ms: u32,
}

impl Drop for Fetch {
    fn drop(&mut self) {
        // Its callback never runs.
        self.done.borrow_mut().take();
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

/// Starts the GET: `credentials: "omit"`, `mode: "cors"`, `cache: "no-cache"` (the
/// loader's prefetch uses exactly these; keep them in step).
fn begin(url: &str, signal: Option<&AbortSignal>) -> Result<js_sys::Promise, FetchError> {
    web_sys::window().ok_or(FetchError::Network)?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoCache);
    init.set_signal(signal);
    // The page's `fetch` may have been replaced by one that throws or returns no promise
    // (a consent manager's or a blocker's wrapper): that is a failed request, retried
    // with backoff, never an exception through the widget.
    let answer = crate::page::fetch(url, &init).map_err(|_| FetchError::Network)?;
    // A promise is read through its own `then`, so a `Promise` the page swapped since
    // does not come into it; an answer without one (`undefined`) is a failed request.
    js_sys::Reflect::get(&answer, &"then".into())
        .ok()
        .filter(JsValue::is_function)
        .map(|_| answer.unchecked_into())
        .ok_or(FetchError::Network)
}

/// Waits for the response and reads it: status, `Retry-After`, the body cap, the text.
async fn read(response: js_sys::Promise, cap_bytes: u64) -> Result<FetchedText, FetchError> {
    let response: Response = JsFuture::from(response)
        .await
        .map_err(|_| FetchError::Network)?
        .dyn_into()
        .map_err(|_| FetchError::Network)?;
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
    let body = match response.body() {
        Some(stream) => read_capped(&stream, cap_bytes).await?,
        // No body at all (e.g. a 204): an empty document, which the parser refuses.
        None => String::new(),
    };
    Ok(FetchedText { status, body })
}

/// Reads `stream` chunk by chunk and gives up, cancelling the download, as soon as it
/// holds more than `cap_bytes`: a server streaming without end (or far more than the
/// cap without a `Content-Length`) costs the page at most the cap in memory. The bytes
/// are decoded as UTF-8 like `Response.text()` would, invalid sequences replaced.
async fn read_capped(stream: &ReadableStream, cap_bytes: u64) -> Result<String, FetchError> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?
            .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        let Some(chunk) = chunk.get_value().dyn_into::<js_sys::Uint8Array>().ok() else {
            return Err(FetchError::Network);
        };
        if bytes.len() as u64 + u64::from(chunk.length()) > cap_bytes {
            // The promise settles on its own; nothing waits for it.
            let _ = reader.cancel();
            return Err(FetchError::TooLarge { cap_bytes });
        }
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
