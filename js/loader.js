// Telltale loader: the only hand-written JavaScript. build.sh appends it to the
// wasm-bindgen glue inside one function scope, so `wasm_bindgen` stays private and the
// page gains exactly one global, `Telltale`, plus the <telltale-status> element.
//
// Nothing here throws into the page: every promise ends in a catch, a wasm that cannot
// load costs one console warning, and the element's fallback children stay visible.

var VERSION = "__TELLTALE_VERSION__";
// The browser's own Promise, kept before the page can replace the global.
var NativePromise = Promise;
if (typeof NativePromise !== "function" || typeof NativePromise.resolve !== "function" ||
    typeof NativePromise.reject !== "function") {
  throw "window.Promise is not the browser's"; // build.sh's last net reports it
}
// The glue decodes every string the wasm hands over with the page's TextDecoder, and the
// widget resolves every URL with its URL: a replacement that answers wrongly without
// throwing (a stub, a shim that edits what it returns) would send the widget to the wrong
// feed and name its events wrongly, so both are asked one question first.
if (new TextDecoder().decode(new Uint8Array([195, 169])) !== "\u00e9") throw "window.TextDecoder is not the browser's";
if (new URL("b", "http://a/c").href !== "http://a/b") throw "window.URL is not the browser's";
var ELEMENT = "telltale-status";
var ATTRIBUTES = ["feed", "format", "components", "view", "theme", "locale", "refresh", "link", "label",
  "heading"];

// The wasm sits next to this script. document.currentScript is only set while this script
// first runs, so it is read now; it is null for a `type="module"` script (and for a copy
// run by another script), and then the last <script> whose file is telltale.js names the
// place. Only when none does is the wasm looked for next to the page.
function scriptUrl() {
  var current = document.currentScript;
  if (current && current.src) return current.src;
  try {
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      var src = scripts[i].src;
      if (src && /\/telltale\.js(?:[?#]|$)/.test(src)) return src;
    }
  } catch (error) {
    // A page's own replacement of these DOM functions: fall back to the page's URL.
  }
  return document.baseURI;
}
// The wasm this script was built with, named by its hash (build.sh writes both): the query
// keys every cache by build, so a browser or CDN that still holds another build's wasm
// fetches this one instead of pairing the two, and `integrity` refuses any other bytes, so
// a page that pins this script with Subresource Integrity pins the wasm as well.
var WASM_TAG = "__TELLTALE_WASM_TAG__";
var WASM_INTEGRITY = "__TELLTALE_WASM_SRI__";
var wasmUrl = new URL("telltale_bg.wasm?v=" + WASM_TAG, scriptUrl()).href;

// Feed requests started alongside the wasm's download, so a widget's first poll waits for
// neither the download nor compile, instantiate and mount: the wasm takes each one over
// (takePrefetch) for its feed's first poll. The feed is most often on another origin (the
// status page's), so its connection is set up while the wasm downloads rather than after.
// Private to this scope; nothing here is visible to the page.
var PREFETCH_TTL_MS = 10000;
var prefetches = new Map(); // resolved feed URL -> { response, controller, startedMs }
var prefetchedUrls = new Set(); // each URL is prefetched at most once per page

// Starts the feed request of `element` now, with exactly the options of the widget's own
// request (src/web/fetch.rs), unless the widget would not ask: while the wasm is not on
// its way (this copy of the script did not start it, or it could not start: no
// WebAssembly, a CSP that forbids it) or once it has failed (its requests are then
// cancelled, see wasmFailed), on a hidden page or offline (the widget does not poll
// then), or for a URL already prefetched. The other attributes are the wasm's to check:
// an element with a bad one (`view="pannel"`) costs its feed one request it never reads
// (the settings' rules live in one place, core::config).
function prefetch(element) {
  if (ready === null || loadFailed) return;
  var feed = element.isConnected && element.getAttribute("feed");
  if (!feed || document.hidden || navigator.onLine === false) return;
  var url;
  try {
    url = new URL(feed.trim(), document.baseURI);
  } catch (error) {
    return; // the widget reports a bad feed itself
  }
  // The widget leaves out the fragment, which is never sent: so does the prefetch, or
  // `x.json#top` would be fetched twice.
  url.hash = "";
  if ((url.protocol !== "http:" && url.protocol !== "https:") || prefetchedUrls.has(url.href)) return;
  var href = url.href;
  prefetchedUrls.add(href);
  var controller = typeof AbortController === "function" ? new AbortController() : undefined;
  var response;
  try {
    // A page's own `fetch` may throw, or answer with something that is not a promise.
    response = NativePromise.resolve(fetch(href, {
      method: "GET",
      mode: "cors",
      credentials: "omit",
      cache: "no-cache",
      signal: controller && controller.signal
    }));
  } catch (error) {
    return; // the widget's own request will meet the same fetch and report it
  }
  var entry = { response: response, controller: controller, startedMs: Date.now() };
  // Handled here, so a failure is never an unhandled rejection; the wasm still sees it.
  entry.response.catch(function () {});
  prefetches.set(href, entry);
  setTimeout(function () {
    if (prefetches.get(href) === entry) {
      prefetches.delete(href);
      if (controller) controller.abort();
    }
  }, PREFETCH_TTL_MS);
}

// The wasm's side: the prefetched request for `url`, handed over once.
function takePrefetch(url) {
  var entry = prefetches.get(url);
  prefetches.delete(url);
  return entry;
}

// No widget will start: the feed requests started for them are cancelled.
function wasmFailed() {
  prefetches.forEach(function (entry) {
    if (entry.controller) entry.controller.abort();
  });
  prefetches.clear();
}

// With an integrity check every failed answer is the same network error, a 404 as much
// as another build's bytes. One more request, without the check, tells an HTTP error
// from bytes that arrived and did not match (or broke off: a dropped download looks the
// same from here), so the warning says what to fix; when that one fails too (CORS, no
// network), the first error stands.
function whyNoWasm(error) {
  return NativePromise.resolve(fetch(wasmUrl, { method: "HEAD", cache: "no-store" })).then(function (answer) {
    throw {
      reason: answer && answer.ok
        ? wasmUrl + " does not match this telltale.js (its SHA-384 differs, or its download broke off); serve the two files of one build together"
        : wasmUrl + " answered HTTP " + (answer && answer.status),
    };
  }, function () {
    throw error;
  });
}

var ready = null;
var loadFailed = false;
function load() {
  if (ready === null) {
    try {
      if (typeof WebAssembly !== "object" || !WebAssembly) {
        throw new Error("this browser cannot run WebAssembly");
      }
      // Every object is then a "thenable": a promise resolved with one (a Response, the
      // instantiated module) waits on the page's function, and the start never ends.
      if (typeof Object.prototype.then === "function") {
        throw { reason: "this page defines Object.prototype.then, which makes every object look like a promise" };
      }
      cspAllowsWasm();
      // A page's own `fetch` may throw, or answer with something that is not a promise.
      var response = NativePromise.resolve(fetch(wasmUrl, { integrity: WASM_INTEGRITY })).catch(whyNoWasm);
      ready = wasm_bindgen({ module_or_path: response }).then(function () {
        return wasm_bindgen;
      });
    } catch (error) {
      ready = NativePromise.reject(error);
      loadFailed = true;
    }
    // Registered first, so it runs before any whenReady() handler sees the failure.
    ready.catch(function (error) {
      loadFailed = true;
      wasmFailed();
      console.warn("[telltale] could not start: " + ((error && error.reason) || wasmUrl + " did not load (" + error + ")"));
    });
  }
  return ready;
}

// A page whose Content Security Policy lacks 'wasm-unsafe-eval' refuses to compile any
// module, even the empty one (8 bytes, compiled in microseconds). Asking first means such
// a page downloads no wasm and requests no feed, and its author reads what to change.
// Browsers refuse with a CompileError (Chromium, Firefox, Safari) or an EvalError; any
// other failure is the page's own doing (a wrapped WebAssembly.Module, a replaced array
// iterator), says nothing about the CSP, and the real load goes on to meet it or not.
function cspAllowsWasm() {
  var empty = new Uint8Array(8); // no array literal: its copy runs the page's iterator
  empty[1] = 97;
  empty[2] = 115;
  empty[3] = 109;
  empty[4] = 1;
  try {
    new WebAssembly.Module(empty);
  } catch (error) {
    var name = error && error.name;
    if (name !== "CompileError" && name !== "EvalError") return;
    var blocked = new Error(describe(error));
    blocked.reason = "this page's Content Security Policy does not allow WebAssembly; add " +
      "'wasm-unsafe-eval' to its script-src (" + describe(error) + ")";
    throw blocked;
  }
}

// Runs `fn(exports)` once the wasm is ready. A failed load was reported once by load().
function whenReady(fn) {
  load().then(fn).catch(function (error) {
    if (!loadFailed) console.warn("[telltale] " + error);
  });
}

// Telltale.__test.refreshMs: a poll interval for our own tests, never set by partners.
function testRefreshMs() {
  var hooks = window.Telltale && window.Telltale.__test;
  var ms = hooks && hooks.refreshMs;
  return typeof ms === "number" && ms >= 50 && ms < 4294967296 ? Math.floor(ms) : undefined;
}

function release(handle) {
  if (handle) {
    try {
      handle.unmount();
      handle.free();
    } catch (error) {
      console.warn("[telltale] " + error);
    }
  }
}

// What the page threw, in words; a thrown value's own toString may throw too.
function describe(error) {
  try {
    return String(error);
  } catch (unreadable) {
    return "an unreadable error";
  }
}

// What the options are when they are no plain object (a Map, an array, URLSearchParams, a
// string), in words; null for an object whose own fields are the options (a literal, an
// instance of the page's own class) and for none at all. Copied, a Map or an array would
// be an object without `feed`, and the warning would be that `feed` is missing.
var objectTag = Object.prototype.toString;
function notPlainObject(options) {
  if (options == null) return null;
  var kind = typeof options !== "object" ? typeof options : objectTag.call(options).slice(8, -1);
  return kind === "Object" ? null : (/^[AEIO]/.test(kind) ? "an " : "a ") + kind;
}

// The options as they are now: the page may change its object before the wasm is ready.
// Reading them runs the page's getters, which may throw; the caller handles that.
function copyOptions(options) {
  // Into an object without a prototype: values the page put on `Object.prototype` are
  // not options, and no inherited setter can swallow one.
  var copy = options && typeof options === "object" ? Object.assign(Object.create(null), options) : options;
  if (copy && Array.isArray(copy.components)) {
    copy.components = copy.components.slice();
  }
  return copy;
}

// Telltale.mount(element, options): returns at once; the widget starts when wasm is ready.
function mount(element, options) {
  var state = { handle: null, gone: false, refresh: false };
  var copy;
  try {
    var kind = notPlainObject(options);
    if (kind) {
      // Nothing else is said of them: neither a missing `feed` nor unknown keys.
      console.warn("[telltale] Telltale.mount: the options must be a plain object such as { feed: url }, got " + kind);
      state.gone = true;
    } else {
      copy = copyOptions(options);
    }
  } catch (error) {
    // A throwing getter or a revoked Proxy: the options cannot be read, as with any
    // other bad option the handle stays inert.
    console.warn("[telltale] Telltale.mount: the options could not be read (" + describe(error) + ")");
    state.gone = true;
  }
  // A misspelt key would otherwise go unseen: `compnents` shows every service.
  if (copy) for (var key in copy) {
    if (ATTRIBUTES.indexOf(key) < 0) {
      console.warn("[telltale] Telltale.mount: unknown option `" + key + "` is ignored");
    }
  }
  if (!state.gone) whenReady(function (exports) {
    if (state.gone) return;
    state.handle = exports.mount_options(element, copy, testRefreshMs(), takePrefetch);
    if (state.refresh) state.handle.refresh();
  });
  return Object.freeze({
    refresh: function () {
      if (state.handle) state.handle.refresh();
      else state.refresh = true;
    },
    unmount: function () {
      state.gone = true;
      release(state.handle);
      state.handle = null;
    }
  });
}

// True when the page has a `Telltale` of its own (a function or class, an object with
// members of its own, or any other value): it is left as it is. An element with the id
// `Telltale` (which the browser exposes on window) and the tests' hook object
// (`{ __test }`) are not.
function pageHasItsOwn(existing) {
  if (existing === undefined || existing === null) return false;
  try {
    if (typeof Node === "function" && existing instanceof Node) return false;
    if (typeof existing !== "object") return true;
    return Object.keys(existing).some(function (key) { return key !== "__test"; });
  } catch (error) {
    return true; // an object that cannot even be looked at is not ours to replace
  }
}

// An earlier copy of this script set Telltale.mount, or (on a page that keeps its own
// window.Telltale) defined the element with a class that says it is Telltale's.
var defined = window.customElements && window.customElements.get(ELEMENT);
var firstCopy = !(window.Telltale && typeof window.Telltale.mount === "function") && !(defined && defined.telltale);
if (firstCopy) {
  if (pageHasItsOwn(window.Telltale)) {
    console.warn("[telltale] this page has its own window.Telltale, which is left as it is, so Telltale.mount is not available; <" + ELEMENT + "> elements still work");
  } else {
    var hooks = window.Telltale && window.Telltale.__test;
    try {
      window.Telltale = { mount: mount, version: VERSION };
      if (hooks) window.Telltale.__test = hooks;
    } catch (error) {
      // A read-only `Telltale` the page made: the elements need no global.
      console.warn("[telltale] this page's own window.Telltale cannot be replaced, so Telltale.mount is not available; <" + ELEMENT + "> elements still work (" + describe(error) + ")");
    }
  }
  // A page includes this script to show widgets: fetch and compile the wasm now, in
  // parallel with the rest of the page, not when the first element connects. A second
  // copy of the script (Telltale already defined) loads nothing.
  load();
}

// The custom element. Per-element state lives in a WeakMap, never on the element.
var widgets = new WeakMap();

function widget(element) {
  var entry = widgets.get(element);
  if (!entry) {
    entry = { handle: null, generation: 0, pending: false, dirty: true };
    widgets.set(element, entry);
  }
  return entry;
}

// (Re)mounts after the current task's attribute and connection changes have settled:
// one remount for many attribute changes, none for an element moved within the page.
function schedule(element, dirty) {
  var entry = widget(element);
  if (dirty) entry.dirty = true;
  if (entry.pending) return;
  entry.pending = true;
  NativePromise.resolve().then(function () {
    entry.pending = false;
    if (element.isConnected && entry.handle && !entry.dirty) return;
    entry.dirty = false;
    entry.generation += 1;
    var generation = entry.generation;
    if (!element.isConnected) {
      release(entry.handle);
      entry.handle = null;
      return;
    }
    whenReady(function (exports) {
      if (entry.generation !== generation || !element.isConnected) return;
      // The new widget replaces the old one in place and starts where the reader was in
      // it (an open panel, their focus). Releasing the old one afterwards does nothing
      // then; after a settings error it stops it, and the fallback shows.
      var old = entry.handle;
      entry.handle = exports.mount_element(element, testRefreshMs(), takePrefetch);
      release(old);
    });
  }).catch(function (error) {
    console.warn("[telltale] " + error);
  });
}

if (window.customElements && !window.customElements.get(ELEMENT)) {
  var TelltaleStatus = class extends HTMLElement {
    static get telltale() {
      return VERSION;
    }
    static get observedAttributes() {
      return ATTRIBUTES;
    }
    connectedCallback() {
      // Not inlined by the minifier: the prefetch tests tell its requests by this name.
      /*@__NOINLINE__*/ prefetch(this);
      schedule(this, !widget(this).handle);
    }
    disconnectedCallback() {
      schedule(this);
    }
    // Moved into another window's document (a same-origin iframe, a Picture-in-Picture
    // window): started again there, so its stylesheet is one that document may use.
    adoptedCallback() {
      schedule(this, true);
    }
    // A change made while the element is out of the page (a framework patching a
    // detached node before putting it back) restarts it when it comes back.
    attributeChangedCallback(name, before, after) {
      if (before === after) return;
      if (this.isConnected) schedule(this, true);
      else widget(this).dirty = true;
    }
  };
  try {
    window.customElements.define(ELEMENT, TelltaleStatus);
  } catch (error) {
    console.warn("[telltale] " + error);
  }
} else if (window.customElements && firstCopy) {
  // Another script owns the name: its elements are not ours to render into.
  console.warn("[telltale] <" + ELEMENT + "> is already defined by another script on this page; use Telltale.mount instead");
} else if (firstCopy) {
  // Elements already parsed, or (for a script in <head>) those parsed after it.
  var noCustomElements = function () {
    if (document.querySelector(ELEMENT)) {
      console.warn("[telltale] this browser has no custom elements (window.customElements), so <" + ELEMENT + "> keeps its fallback" +
        (window.Telltale && window.Telltale.mount === mount ? "; Telltale.mount still works" : ""));
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", noCustomElements, { once: true });
  else noCustomElements();
}
