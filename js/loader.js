// Telltale loader: the only hand-written JavaScript. build.sh appends it to the
// wasm-bindgen glue inside one function scope, so `wasm_bindgen` stays private and the
// page gains exactly one global, `Telltale`, plus the <telltale-status> element.
//
// Nothing here throws into the page: every promise ends in a catch, a wasm that cannot
// load costs one console warning, and the element's fallback children stay visible.

var VERSION = "__TELLTALE_VERSION__";
var ELEMENT = "telltale-status";
var ATTRIBUTES = ["feed", "format", "components", "view", "theme", "locale", "refresh", "link", "label"];

// document.currentScript is only set while this script first runs: read it now.
var script = document.currentScript;
var wasmUrl = new URL("telltale_bg.wasm", (script && script.src) || document.baseURI).href;

var ready = null;
var loadFailed = false;
function load() {
  if (ready === null) {
    ready = wasm_bindgen({ module_or_path: wasmUrl }).then(function () {
      return wasm_bindgen;
    });
    // Registered first, so it runs before any whenReady() handler sees the failure.
    ready.catch(function (error) {
      loadFailed = true;
      console.warn("[telltale] could not start: " + wasmUrl + " did not load (" + error + ")");
    });
  }
  return ready;
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

// Telltale.mount(element, options): returns at once; the widget starts when wasm is ready.
function mount(element, options) {
  var state = { handle: null, gone: false, refresh: false };
  var copy = options && typeof options === "object" ? Object.assign({}, options) : options;
  if (copy && Array.isArray(copy.components)) {
    copy.components = copy.components.slice();
  }
  whenReady(function (exports) {
    if (state.gone) return;
    state.handle = exports.mount_options(element, copy, testRefreshMs());
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

if (!(window.Telltale && typeof window.Telltale.mount === "function")) {
  var hooks = window.Telltale && window.Telltale.__test;
  window.Telltale = { mount: mount, version: VERSION };
  if (hooks) window.Telltale.__test = hooks;
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
  Promise.resolve().then(function () {
    entry.pending = false;
    if (element.isConnected && entry.handle && !entry.dirty) return;
    entry.dirty = false;
    entry.generation += 1;
    var generation = entry.generation;
    release(entry.handle);
    entry.handle = null;
    if (!element.isConnected) return;
    whenReady(function (exports) {
      if (entry.generation !== generation || !element.isConnected) return;
      entry.handle = exports.mount_element(element, testRefreshMs());
    });
  }).catch(function (error) {
    console.warn("[telltale] " + error);
  });
}

if (window.customElements && !window.customElements.get(ELEMENT)) {
  var TelltaleStatus = class extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }
    connectedCallback() {
      schedule(this, !widget(this).handle);
    }
    disconnectedCallback() {
      schedule(this);
    }
    attributeChangedCallback(name, before, after) {
      if (before !== after && this.isConnected) schedule(this, true);
    }
  };
  try {
    window.customElements.define(ELEMENT, TelltaleStatus);
  } catch (error) {
    console.warn("[telltale] " + error);
  }
}
