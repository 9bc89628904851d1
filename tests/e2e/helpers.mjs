// Shared pieces of the end-to-end specs: the browser, a page that records what its console
// says, locators into the widget's shadow root, and the partner snippet as a page.
//
// Playwright's CSS locators pierce open shadow roots, so `telltale-status
// [data-testid=badge]` finds the badge inside the widget.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, startServer } from './server.mjs';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = process.env.TELLTALE_CHROMIUM ?? '/usr/bin/chromium';

/** How long any single wait may take before the spec fails. */
export const WAIT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Headless Chromium whose reader set the default font size to `px` (Settings > Appearance
 * > Font size), in a profile of its own that `close()` removes: a persistent context, as
 * the setting lives in the profile's Preferences.
 */
export async function launchWithFontSize(px) {
  const dir = mkdtempSync(join(tmpdir(), 'telltale-font-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: px } } }));
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the server and the browser for one spec file; fails early with a clear message
 * when dist/ has not been built.
 */
export async function startHarness() {
  for (const file of ['telltale.js', 'telltale_bg.wasm']) {
    assert.ok(
      existsSync(join(repoRoot, 'dist', file)),
      `dist/${file} is missing: run \`bash scripts/build.sh\` first`,
    );
  }
  const server = await startServer();
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a fresh context and page that record console errors, `[telltale]` warnings and
 * uncaught page errors. Call `assertCleanConsole()` at the end of the spec. Options other
 * than `viewport` go to the browser context (`locale` sets `navigator.languages`,
 * `timezoneId` the reader's zone).
 */
export async function openPage(browser, { viewport = { width: 1000, height: 800 }, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const pageErrors = [];
  page.on('console', (message) => {
    const entry = `${message.text()} (${message.location().url || 'no url'})`;
    if (message.type() === 'error') errors.push(entry);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
  return {
    page,
    context,
    errors,
    warnings,
    pageErrors,
    /** No console error (except ones matching `allow`) and no uncaught error. */
    assertCleanConsole({ allow = [] } = {}) {
      const unexpected = errors.filter((e) => !allow.some((pattern) => pattern.test(e)));
      assert.deepEqual(unexpected, [], 'console errors on the page');
      assert.deepEqual(pageErrors, [], 'uncaught errors on the page');
      const foreign = warnings.filter((w) => /telltale|wasm/i.test(w) && !w.startsWith('[telltale]'));
      assert.deepEqual(foreign, [], 'widget warnings without the [telltale] prefix');
    },
    close: () => context.close(),
  };
}

/** Locators for one widget (`host` is a CSS selector for the <telltale-status> or mount div). */
export function widget(page, host = 'telltale-status') {
  const inside = (testid) => page.locator(`${host} [data-testid=${testid}]`);
  return {
    root: inside('root'),
    badge: inside('badge'),
    badgeText: inside('badge-text'),
    badgeLabel: inside('badge-label'),
    panel: inside('panel'),
    components: inside('component'),
    incidents: inside('incident'),
    updateBodies: inside('update-body'),
    notice: inside('notice'),
    statusLink: inside('status-link'),
    liveRegion: inside('live-region'),
    inside,
    /** Waits until the panel's notice matches `pattern` (it changes as polls end). */
    waitForNotice: (pattern) =>
      inside('notice').filter({ hasText: pattern }).waitFor({ timeout: WAIT_MS }),
    /**
     * Waits until the widget's root reports `phase`. A wait that times out says what the
     * widget showed instead (its phase, badge and notice), which tells a slow machine
     * from a widget stuck in another state.
     */
    waitForPhase: async (phase) => {
      try {
        await page.locator(`${host} [data-testid=root][data-phase=${phase}]`).waitFor({ timeout: WAIT_MS });
      } catch (error) {
        const shown = await page
          .locator(`${host} [data-testid=root]`)
          .first()
          .evaluate(
            (root) => ({
              phase: root.dataset.phase,
              badge: root.querySelector('[data-testid=badge]')?.textContent,
              notice: root.querySelector('[data-testid=notice]')?.textContent,
            }),
            undefined,
            { timeout: 1000 },
          )
          .catch(() => 'no widget root');
        error.message += `\n  the widget showed: ${JSON.stringify(shown)}`;
        throw error;
      }
    },
  };
}

/** Waits until every widget on the page has left `loading`; returns their phases and tones. */
export async function settledWidgets(page) {
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll('telltale-status')];
      return (
        hosts.length > 0 &&
        hosts.every((host) => {
          const phase = host.shadowRoot?.querySelector('[data-testid=root]')?.dataset.phase;
          return phase && phase !== 'loading';
        })
      );
    },
    null,
    { timeout: WAIT_MS },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('telltale-status')].map((host) => ({
      feed: host.getAttribute('feed'),
      phase: host.shadowRoot.querySelector('[data-testid=root]').dataset.phase,
      tone: host.shadowRoot.querySelector('[data-testid=badge]')?.dataset.tone ?? null,
    })),
  );
}

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** One `<telltale-status>` with the fallback link, as a partner pastes it. */
export function snippet(attrs = {}, fallback = 'System status') {
  const attributes = Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return (
    `<telltale-status${attributes}>` +
    `<a href="https://status.example.com/">${escapeHtml(fallback)}</a>` +
    `</telltale-status>`
  );
}

/**
 * A plain host page in `lang`. `body` goes before the loader; `script` is the loader tag
 * (async, as the README's snippet has it, unless overridden); `after` follows it.
 * `hooks` becomes `Telltale.__test`, set by a script before the loader's, which keeps
 * it: set afterwards, a widget that mounts first (the wasm was quick, the parser slow)
 * would start without it.
 */
export function hostPage({ title = 'Host page', lang = 'en', head = '', body = '', hooks, script, after = '' } = {}) {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
${head}
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
${hooks === undefined ? '' : `<script>window.Telltale = { __test: ${JSON.stringify(hooks)} };</script>`}
${script ?? '<script src="/dist/telltale.js" async></script>'}
${after}
</body>
</html>
`;
}
