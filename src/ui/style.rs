//! The widget's one stylesheet. Where the browser supports constructable stylesheets, one
//! `CSSStyleSheet` per page is adopted by every widget's shadow root
//! (`adoptedStyleSheets`): unlike a `<style>` element it needs no `style-src
//! 'unsafe-inline'` in the host's CSP. Elsewhere it is a `<style>` inside the shadow root.
//!
//! Hosts theme it only through `--telltale-*` custom properties and `::part(badge)` /
//! `::part(panel)`. `all: initial` on the host and on the root stops the host's inherited
//! styles at the boundary: inherited properties do cross into a shadow tree, so a page
//! rule like `* { color: red !important; font-size: 40px !important }` matches the host
//! element itself and would otherwise flow into every line of the widget. Letter and
//! word spacing are the exception: a reader's text-spacing tool (WCAG 1.4.12) sets them
//! with such a rule, and they change no colour or size of the widget's, so the root
//! inherits them from the host (the badge, a `<button>`, too).
//!
//! The text is 14px at the browser's default font size and grows with the reader's own
//! (`0.875em` of the mount `<div>`'s `medium`, never below 14px). `medium` is the reader's
//! setting whatever the page does: a `rem` would follow the page's root, which a rule
//! like the one above sets too. The mount `<div>` names a proportional family because
//! `medium` is smaller for a monospace one.
//!
//! The host is `inline-flex` so that it sits on the surrounding text's baseline by the
//! badge's first line (an `inline-block` would use its last line, so an open panel would
//! drag the page's text down to its bottom).
//!
//! `--telltale-align: end` puts the badge, and a panel narrower than the host, at the
//! host's end: a badge at the right edge of a header then stays where it is when its panel
//! opens and the host grows leftwards to the panel's width.
//!
//! The panel is 380px wide where there is room (27em, as wide for as many words, once a
//! reader's larger text makes that wider) and exactly as wide as the host's box where
//! there is not. A fixed `width` would say "at least 380px" to any layout that sizes to
//! its content (an `auto` grid column, a flex item, a table cell) and push the page wider
//! than a phone; the one-column grid of `.panel-box`, `minmax(0, max(380px, 27em))`, asks
//! for that at most and nothing at least. The shadow root's mount `<div>` is the host's
//! flex item, so it too may shrink (`min-width: 0`).
//!
//! All the widget's text breaks a word only where that word is wider than the line
//! (`overflow-wrap: anywhere` on `.tt`, which unlike `break-word` also lowers the text's
//! min-content width). A service named in one long word (`AzureServiceBusMessaging…`)
//! would otherwise hold a flex header, and the page, wider than a phone. Before this
//! rule was set once for all text, each place that overflowed got it on its own: at
//! twice the default text size in a 220px box, "Em investigação" ran past the panel;
//! at four times in a 320px box, German's "Störungen" heading, the full status page's
//! link and an event's facts did (a label that cannot break takes its whole column).
//!
//! A row is a name and a state. Where both do not fit on one line the state moves under
//! the name (the row wraps) rather than the name breaking inside its words
//! (`break-word` keeps a name's min-content width whole); only a single word wider than
//! the panel is broken. A state is one line wherever it fits on one (a flex row wraps
//! before it shrinks any item), and wraps between its words where it does not: kept on
//! one line, "Performances dégradées" ran out of a 150px panel. The panel's heading lets
//! the close button wrap under it.
//!
//! An event's facts are labels beside their values, the labels' column at most 40% wide.
//! Where the event is narrower than 16em (a sidebar, or large text), the labels stand above
//! their values instead (a container query on `.event`): in a column of 40% of a narrow
//! card, "Betroffene" and "Utilisateurs" broke inside the word, and at four times the text
//! size a label word took nearly the whole card. The panel's width never depends on its
//! content (`.panel-box`), so the containment changes no size.
//!
//! Tone colours are the widely used GitHub Primer values: each passes WCAG AA (4.5:1) as
//! text on its theme's background. The panel sits in normal flow under the badge (no
//! overlay, no z-index), and motion stops under `prefers-reduced-motion`.

/// The light palette, on `.tt`.
macro_rules! light_palette {
    () => {
        r#"
  --tt-bg: var(--telltale-bg, #ffffff);
  --tt-fg: var(--telltale-fg, #1f2328);
  --tt-muted: var(--telltale-muted, #59636e);
  --tt-border: var(--telltale-border, #d1d9e0);
  --tt-hover: var(--telltale-hover, #f6f8fa);
  --tt-focus: var(--telltale-focus, #0969da);
  --tt-link: var(--telltale-link, #0969da);
  --tt-operational: var(--telltale-operational, #1a7f37);
  --tt-maintenance: var(--telltale-maintenance, #0969da);
  --tt-degraded: var(--telltale-degraded, #9a6700);
  --tt-partial_outage: var(--telltale-partial-outage, #bc4c00);
  --tt-major_outage: var(--telltale-major-outage, #d1242f);
  --tt-unknown: var(--telltale-unknown, #59636e);
  --tt-loading: var(--telltale-loading, #59636e);
"#
    };
}

/// The dark palette, once: `concat!` places it both where `theme="dark"` asks for it and
/// where `theme="auto"` meets `prefers-color-scheme: dark`, on screen only: browsers drop
/// backgrounds when printing, so a dark theme's light text would print faint on white
/// paper, and the light palette stands there.
macro_rules! dark_palette {
    () => {
        r#"
  --tt-bg: var(--telltale-bg, #0d1117);
  --tt-fg: var(--telltale-fg, #f0f6fc);
  --tt-muted: var(--telltale-muted, #9198a1);
  --tt-border: var(--telltale-border, #3d444d);
  --tt-hover: var(--telltale-hover, #151b23);
  --tt-focus: var(--telltale-focus, #4493f8);
  --tt-link: var(--telltale-link, #4493f8);
  --tt-operational: var(--telltale-operational, #3fb950);
  --tt-maintenance: var(--telltale-maintenance, #4493f8);
  --tt-degraded: var(--telltale-degraded, #d29922);
  --tt-partial_outage: var(--telltale-partial-outage, #f0883e);
  --tt-major_outage: var(--telltale-major-outage, #f85149);
  --tt-unknown: var(--telltale-unknown, #9198a1);
  --tt-loading: var(--telltale-loading, #9198a1);
"#
    };
}

/// The stylesheet.
pub(crate) const CSS: &str = concat!(
    r#"
:host { all: initial; display: inline-flex; max-width: 100%; vertical-align: baseline; }
:host([hidden]) { display: none; }
:host > div { min-width: 0; max-width: 100%; font-family: sans-serif; font-size: medium; }
.tt {
  all: initial;
  letter-spacing: inherit;
  word-spacing: inherit;
  overflow-wrap: anywhere;
  display: block;
  box-sizing: border-box;
  min-width: 0;
  max-width: 100%;
  font-family: var(--telltale-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--telltale-font-size, max(14px, 0.875em));
  line-height: 1.4;
  text-align: var(--telltale-align, start);
  --tt-radius: var(--telltale-radius, 6px);"#,
    light_palette!(),
    r#"  color: var(--tt-fg);
}
@media screen { .tt[data-theme="dark"] { "#,
    dark_palette!(),
    r#" } }
@media screen and (prefers-color-scheme: dark) { .tt[data-theme="auto"] { "#,
    dark_palette!(),
    r#" } }
.tt *, .tt *::before, .tt *::after { box-sizing: border-box; }
[data-tone="operational"] { --tt-tone: var(--tt-operational); }
[data-tone="maintenance"] { --tt-tone: var(--tt-maintenance); }
[data-tone="degraded"] { --tt-tone: var(--tt-degraded); }
[data-tone="partial_outage"] { --tt-tone: var(--tt-partial_outage); }
[data-tone="major_outage"] { --tt-tone: var(--tt-major_outage); }
[data-tone="unknown"] { --tt-tone: var(--tt-unknown); }
[data-tone="loading"] { --tt-tone: var(--tt-loading); }
.icon { flex: none; width: 1.15em; height: 1.15em; color: var(--tt-tone); vertical-align: -0.2em; }
.icon .glyph { stroke: var(--tt-bg); fill: none; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
.icon .dot { fill: var(--tt-bg); }
.badge {
  display: inline-flex; align-items: center; gap: 0.45em; max-width: 100%;
  margin: 0; padding: 0.3em 0.75em 0.3em 0.55em;
  font: inherit; color: var(--tt-fg); text-align: start; text-transform: none; letter-spacing: inherit; word-spacing: inherit;
  background: var(--tt-bg); border: 1px solid var(--tt-border); border-left: 4px solid var(--tt-tone);
  border-radius: var(--tt-radius); cursor: pointer; appearance: none; -webkit-appearance: none;
}
div.badge { cursor: default; }
button.badge:hover { background: var(--tt-hover); }
.badge:focus-visible, .close:focus-visible, a:focus-visible, .panel:focus-visible { outline: 2px solid var(--tt-focus); outline-offset: 2px; }
.badge-words { flex: 0 1 auto; min-width: 0; }
.badge-label { font-weight: 600; }
.badge-sep { color: var(--tt-muted); }
.badge-text { font-weight: 500; }
.badge-age { color: var(--tt-muted); font-size: 0.9em; }
.chevron { flex: none; width: 0.8em; height: 0.8em; color: var(--tt-muted); transition: transform 0.15s ease; }
.badge[aria-expanded="true"] .chevron { transform: rotate(180deg); }
.panel-box { display: grid; grid-template-columns: minmax(0, max(380px, 27em)); justify-content: var(--telltale-align, start); text-align: start; }
.panel {
  display: block; min-width: 0; margin: 6px 0 0; padding: 12px 14px;
  background: var(--tt-bg); color: var(--tt-fg); border: 1px solid var(--tt-border); border-radius: var(--tt-radius);
}
.panel-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
h1, h2, h3, h4, h5, h6, p, ul, ol, dl, dd { margin: 0; padding: 0; font: inherit; color: inherit; }
.title { min-width: 0; font-size: 1.05em; font-weight: 600; }
.section { margin-top: 12px; margin-bottom: 4px; font-size: 0.8em; font-weight: 600; text-transform: uppercase; color: var(--tt-muted); }
.close {
  flex: none; display: inline-flex; align-items: center; justify-content: center; width: 1.8em; height: 1.8em;
  margin: 0; padding: 0; font: inherit; color: var(--tt-muted); background: transparent;
  border: 0; border-radius: var(--tt-radius); cursor: pointer;
}
.close:hover { background: var(--tt-hover); color: var(--tt-fg); }
.close svg { width: 0.9em; height: 0.9em; stroke: currentColor; stroke-width: 2; stroke-linecap: round; }
.notice { margin-top: 8px; padding: 6px 8px; border-radius: var(--tt-radius); border-left: 3px solid var(--tt-tone, var(--tt-unknown)); background: var(--tt-hover); }
.overall { display: flex; align-items: center; gap: 0.45em; margin-top: 8px; font-weight: 600; }
.overall > span { min-width: 0; }
.announcement { margin-top: 6px; padding: 6px 8px; border: 1px solid var(--tt-border); border-radius: var(--tt-radius); white-space: pre-line; }
ul, ol { list-style: none; }
.group + .group, .rows + .group, .group + .rows { margin-top: 6px; }
.group-head, .row { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 0 12px; padding: 3px 0; }
.group-head { font-weight: 600; }
.group-head .state { font-weight: 400; }
.group .rows { padding-left: 12px; border-left: 1px solid var(--tt-border); }
.name { min-width: 0; overflow-wrap: break-word; }
.state { display: inline-flex; align-items: center; gap: 0.35em; min-width: 0; color: var(--tt-muted); font-size: 0.92em; }
.row > .state, .group-head > .state { margin-left: auto; }
.empty, .not-shown { color: var(--tt-muted); }
.not-shown { margin-top: 6px; }
.event { container-type: inline-size; margin-top: 6px; padding: 8px 10px; border: 1px solid var(--tt-border); border-left: 3px solid var(--tt-tone); border-radius: var(--tt-radius); }
.event + .event { margin-top: 8px; }
.event.resolved { border-left-color: var(--tt-border); }
.event-title { font-weight: 600; }
.event-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35em 0.6em; margin-top: 2px; color: var(--tt-muted); font-size: 0.92em; }
.facts { display: grid; grid-template-columns: fit-content(40%) minmax(0, 1fr); gap: 2px 10px; margin-top: 6px; font-size: 0.92em; }
@container (max-width: 16em) { .facts { grid-template-columns: minmax(0, 1fr); } .facts dd + dt { margin-top: 4px; } }
.facts dt { color: var(--tt-muted); }
.timeline { margin-top: 6px; }
.update { position: relative; padding: 4px 0 4px 12px; border-left: 2px solid var(--tt-border); }
.update-head, .event-meta > * { min-width: 0; }
.update-head { color: var(--tt-muted); font-size: 0.88em; }
.update-status { font-weight: 600; color: var(--tt-fg); }
.update-body { margin-top: 1px; white-space: pre-line; }
.updated { margin-top: 12px; color: var(--tt-muted); font-size: 0.88em; }
a { color: var(--tt-link); text-decoration: underline; text-underline-offset: 2px; }
.status-link { display: inline-block; margin-top: 4px; }
.fallback { margin-top: 4px; }
::slotted(a) { color: var(--tt-link); }
.details { display: inline-block; margin-top: 4px; font-size: 0.92em; }
.row > .name::after, .group-head > .name:not(:last-child)::after { content: ","; }
.visually-hidden, .row > .name::after, .group-head > .name:not(:last-child)::after {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.spin { transform-origin: 8px 8px; animation: tt-spin 1s linear infinite; }
@keyframes tt-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .spin { animation: none; }
  .chevron { transition: none; }
}
@media (forced-colors: active) {
  .badge, .panel, .event, .announcement { border-color: CanvasText; }
  .icon, .chevron { color: CanvasText; }
  .icon .glyph { stroke: Canvas; }
  .icon .dot { fill: Canvas; }
}
"#
);
