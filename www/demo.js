// The demo page's own behaviour: the scenario switcher, the copy button, the SRI note and
// the "Buy" button that reacts to telltale:change. Plain DOM, no framework; the widget
// itself needs none of this.
(function () {
  "use strict";

  // Each scenario is a sample feed served by the demo (the same files the tests use).
  var scenarios = {
    operational: "tests/fixtures/apple/all_operational.js",
    itunes: "tests/fixtures/apple/itunes_partial_outage.json",
    outage: "tests/fixtures/apple/multi_service_outage.js",
    maintenance: "www/feeds/apple_maintenance.js"
  };

  var feedUrl = document.getElementById("feed-url");
  var radios = document.querySelectorAll('input[name="scenario"]');

  function selectScenario(name) {
    var feed = scenarios[name];
    if (!feed) return;
    // Setting the attribute is all a host needs to do: the widget restarts with the new feed.
    document.querySelectorAll("telltale-status[data-demo]").forEach(function (widget) {
      if (widget.getAttribute("feed") !== feed) widget.setAttribute("feed", feed);
    });
    if (feedUrl) feedUrl.textContent = feed;
  }

  radios.forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (radio.checked) {
        selectScenario(radio.value);
        if (history.replaceState) history.replaceState(null, "", "#" + radio.value);
      }
    });
  });

  // A link such as index.html#outage opens the page on that scenario.
  var initial = location.hash.replace(/^#/, "");
  if (scenarios[initial]) {
    radios.forEach(function (radio) { radio.checked = radio.value === initial; });
    selectScenario(initial);
  }

  // Copy button: the Clipboard API where the page may use it, else select the text so a
  // keyboard user can press Ctrl+C / Cmd+C.
  var copyButton = document.getElementById("copy-snippet");
  var copyStatus = document.getElementById("copy-status");
  var snippet = document.getElementById("snippet");

  function selectSnippet() {
    var range = document.createRange();
    range.selectNodeContents(snippet);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    copyStatus.textContent = "Snippet selected: press Ctrl+C (or \u2318C) to copy.";
  }

  if (copyButton && snippet) {
    copyButton.addEventListener("click", function () {
      var text = snippet.textContent;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () {
          copyStatus.textContent = "Copied to the clipboard.";
        }, selectSnippet);
      } else {
        selectSnippet();
      }
    });
  }

  // The script's Subresource Integrity hash, from the manifest the build writes.
  var sriNote = document.getElementById("sri-note");
  if (sriNote && window.fetch) {
    fetch("dist/manifest.json").then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (manifest) {
      var entry = manifest && manifest.files && manifest.files["telltale.js"];
      if (!entry || !entry.sha384) return;
      sriNote.textContent = "For Subresource Integrity, this build of telltale.js is " +
        entry.sha384 + " (from dist/manifest.json); add it as integrity=\"…\" with " +
        "crossorigin=\"anonymous\".";
    }).catch(function () { /* no manifest: nothing to show */ });
  }

  // The host reaction: hold back purchases while the iTunes Store is failing.
  var watch = document.getElementById("store-watch");
  var buy = document.getElementById("buy");
  var buyNote = document.getElementById("buy-note");
  var eventLog = document.getElementById("event-log");

  if (watch && buy) {
    watch.addEventListener("telltale:change", function (event) {
      var detail = event.detail || {};
      var components = detail.components || [];
      var store = components.filter(function (c) { return c.name === "iTunes Store"; })[0];
      var state = store ? store.state : detail.overall;
      var down = state === "partial_outage" || state === "major_outage";
      // aria-disabled, not disabled: a button that turns disabled drops the keyboard
      // focus of a reader who was on it.
      buy.setAttribute("aria-disabled", String(down));
      if (state === "major_outage") {
        buyNote.textContent = "The iTunes Store is down: purchases are paused until it is back.";
      } else if (down) {
        buyNote.textContent = "Purchases are paused while the iTunes Store has a problem. " +
          "Browsing still works; try again later.";
      } else if (state === "degraded") {
        buyNote.textContent = "The iTunes Store is slower than usual; your purchase may take a moment.";
      } else if (state === "maintenance") {
        buyNote.textContent = "The iTunes Store is under maintenance; purchases may be briefly unavailable.";
      } else {
        buyNote.textContent = "";
      }
      if (eventLog) eventLog.textContent = JSON.stringify(detail, null, 2);
    });
    // The click handler checks the state the widget reported: a held-back button says
    // why instead of buying.
    buy.addEventListener("click", function () {
      if (buy.getAttribute("aria-disabled") === "true") {
        buyNote.textContent = "Not now: purchases are paused while the iTunes Store has a problem.";
      } else {
        buyNote.textContent = "Bought (this is a demo: nothing was charged).";
      }
    });
  }
})();
