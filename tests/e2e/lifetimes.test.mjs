// Lifetimes and sharing: widgets on the same feed share one poller; removing them stops
// every timer, listener and fetch (counted by the code that owns them, through the test
// hook's `stats()`); the stylesheet works under a CSP without 'unsafe-inline'; a
// `components` entry that matches nothing is named once in the console.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

const HOOKS = { timeScale: 0.005, jitter: 1 };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

describe('lifetimes', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  test('widgets on one feed share its poller; the last to leave stops it and leaves nothing running', async () => {
    const { server, browser } = harness;
    server.setFeed('shared', { fixture: 'apple/multi_service_outage.js' });
    server.setFeed('other', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/shared.html',
      hostPage({
        body:
          snippet({ id: 'a1', feed: '/feeds/shared', refresh: '30' }) +
          snippet({ id: 'a2', feed: '/feeds/shared', refresh: '60', view: 'panel' }) +
          snippet({ id: 'b1', feed: '/feeds/other', refresh: '30' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: HOOKS,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/shared.html'));
    for (const id of ['a1', 'a2', 'b1']) await widget(page, `#${id}`).waitForPhase('live');
    const stats = () => page.evaluate(() => Telltale.__test.stats());
    assert.equal((await stats()).widgets, 3);

    // Polled at the smallest refresh (30 s → 180 ms here), once for both widgets: with two
    // pollers there would be about twice as many requests as for the single-widget feed.
    const t0 = { shared: server.feedRequests('shared').length, other: server.feedRequests('other').length };
    await sleep(2000);
    const shared = server.feedRequests('shared').length - t0.shared;
    const other = server.feedRequests('other').length - t0.other;
    assert.ok(shared >= 5, `polled: ${shared}`);
    assert.ok(Math.abs(shared - other) <= 2, `one poller per feed: ${shared} vs ${other}`);
    // Requests never overlap: each starts after the previous answered.
    const spacing = server.feedRequests('shared').slice(-5);
    for (let i = 1; i < spacing.length; i += 1) {
      assert.ok(spacing[i].timeMs - spacing[i - 1].timeMs >= 170, 'interval kept');
    }

    // One leaves: the other still updates from the same poller.
    await page.evaluate(() => document.getElementById('a1').remove());
    const after1 = server.feedRequests('shared').length;
    await server.waitForFeedRequests('shared', after1 + 3, WAIT_MS);
    server.setFeed('shared', { fixture: 'apple/all_operational.js' });
    await page
      .locator('#a2 [data-testid=badge][data-tone=operational]')
      .waitFor({ timeout: WAIT_MS });

    // All leave: no more requests, and nothing left running.
    await page.evaluate(() => {
      document.getElementById('a2').remove();
      document.getElementById('b1').remove();
    });
    await page.waitForFunction(
      () => {
        const s = Telltale.__test.stats();
        return s.widgets === 0 && s.timers === 0 && s.fetches === 0 && s.listeners === 0;
      },
      null,
      { timeout: WAIT_MS },
    );
    const settled = server.feedRequests('shared').length + server.feedRequests('other').length;
    await sleep(800);
    assert.equal(
      server.feedRequests('shared').length + server.feedRequests('other').length,
      settled,
      'no request after the last widget left',
    );
    session.assertCleanConsole();
    await session.close();
  });

  test('a restarted or re-inserted widget takes over its feed: same state, no request before the planned one; forgotten after it', async () => {
    // An outage: 503 with Retry-After: 1200, the next try 1200 s · 1.2 · 0.005 = 7.2 s
    // after it. Storage is blocked, so only the kept poller can show the last status.
    const { server, browser } = harness;
    const name = 'taken-over';
    server.setFeed(name, { body: 'busy', status: 503, contentType: 'text/plain', headers: { 'retry-after': '1200' } });
    server.queueFeed(name, { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/taken-over.html',
      hostPage({
        head: `<script>
          for (const name of ['getItem', 'setItem', 'removeItem']) {
            Storage.prototype[name] = function () { throw new DOMException('blocked', 'SecurityError'); };
          }
        </script>`,
        body: snippet({ id: 'k', feed: `/feeds/${name}`, refresh: '30', view: 'panel' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { ...HOOKS, jitter: 1 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/taken-over.html'));
    const w = widget(page, '#k');
    const [, told] = await server.waitForFeedRequests(name, 2, WAIT_MS);
    await w.waitForNotice(/HTTP 503/);
    assert.equal(await w.root.getAttribute('data-phase'), 'stale');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');

    // 50 theme changes 20 ms apart, every other attribute, then out of the page and back
    // in a later task: each starts the widget again.
    const shown = await page.evaluate(async () => {
      const element = document.getElementById('k');
      const seen = new Set();
      const pause = async (ms = 20) => {
        await new Promise((done) => setTimeout(done, ms));
        const root = element.shadowRoot.querySelector('[data-testid=root]');
        seen.add(`${root?.dataset.phase} ${root?.querySelector('[data-testid=badge]')?.dataset.tone}`);
      };
      for (let i = 0; i < 50; i += 1) {
        element.setAttribute('theme', i % 2 ? 'light' : 'dark');
        await pause();
      }
      for (const [attribute, value] of [['locale', 'fr'], ['label', 'API'], ['refresh', '60'], ['locale', 'en']]) {
        element.setAttribute(attribute, value);
        await pause();
      }
      element.remove();
      await new Promise((done) => setTimeout(done, 200));
      document.body.append(element);
      await pause(100);
      return [...seen];
    });
    assert.deepEqual(shown, ['stale major_outage'], 'the kept status all along');
    await w.waitForNotice(/HTTP 503.*[Nn]ext try/);
    assert.equal(server.feedRequests(name).length, 2, 'no request before the planned one');

    // Gone for good: kept until its planned poll (7.2 s after the 503), then forgotten,
    // with nothing left running and no request.
    await page.evaluate(() => document.getElementById('k').remove());
    // One timer keeps it (the widget's own timers go with the widget).
    await page.waitForFunction(
      () => {
        const stats = Telltale.__test.stats();
        return stats.widgets === 0 && stats.timers === 1 && stats.listeners === 0 && stats.fetches === 0;
      },
      null,
      { timeout: WAIT_MS },
    );
    await page.waitForFunction(() => Telltale.__test.stats().timers === 0, null, { timeout: WAIT_MS });
    const forgotten = Date.now() - told.timeMs;
    assert.ok(forgotten >= 7_200 - 200, `kept until the planned poll: ${forgotten} ms`);
    assert.equal(server.feedRequests(name).length, 2, 'no request for a feed nobody shows');
    // A widget after that starts afresh, and asks at once (the planned time has passed).
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { id: 'again' })));
    await page.evaluate((feed) => Telltale.mount(document.getElementById('again'), { feed }), `/feeds/${name}`);
    await server.waitForFeedRequests(name, 3, WAIT_MS);
    session.assertCleanConsole({ allow: [/^Failed to load resource: /] });
    await session.close();
  });

  test("each widget's own Escape listener comes and goes with it", async () => {
    // Each widget listens for Escape on its root (the fallback link in its panel is out of
    // Yew's reach). In real time the feed's poller holds exactly one listener between
    // polls (the browser's `offline` event), so the count is exact.
    const { server, browser } = harness;
    server.setFeed('escape-listeners', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/escape-listeners.html',
      hostPage({
        body: snippet({ id: 'e1', feed: '/feeds/escape-listeners' }) + snippet({ id: 'e2', feed: '/feeds/escape-listeners' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { jitter: 1 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/escape-listeners.html'));
    for (const id of ['e1', 'e2']) await widget(page, `#${id}`).waitForPhase('live');
    const listeners = (count) =>
      page.waitForFunction((count) => Telltale.__test.stats().listeners === count, count, { timeout: WAIT_MS });
    await listeners(3); // two Escape listeners and the poller's
    await page.evaluate(() => document.getElementById('e1').remove());
    await listeners(2);
    await page.evaluate(() => document.getElementById('e2').remove());
    await listeners(0);
    session.assertCleanConsole();
    await session.close();
  });

  test('styles apply under a CSP without style-src unsafe-inline, with Trusted Types enforced', async () => {
    const { server, browser } = harness;
    server.setFeed('csp', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/csp.html',
      hostPage({
        head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'">`,
        body: snippet({ feed: '/feeds/csp' }),
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    const violations = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto(server.url('/t/csp.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    const border = await w.badge.evaluate((b) => getComputedStyle(b).borderLeftWidth);
    assert.equal(border, '4px', 'the widget stylesheet applies');
    // The panel too: the widget writes no HTML strings, so no Trusted Types sink is hit.
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    assert.deepEqual(violations, []);
    session.assertCleanConsole();
    await session.close();
  });

  test('a CSP without wasm-unsafe-eval: no wasm download, no feed request, one line saying what to add', async () => {
    const { server, browser } = harness;
    server.setFeed('csp-blocked', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/csp-blocked.html',
      hostPage({
        head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'self'">`,
        body: snippet({ feed: '/feeds/csp-blocked' }),
      }),
    );
    const seen = server.requests.length;
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/csp-blocked.html'));
    await page.waitForFunction(() => window.Telltale !== undefined);
    // The loader decides at once; give a wasm download or a prefetch time to show up.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const lines = session.warnings.filter((w) => w.startsWith('[telltale]'));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^\[telltale\] could not start: this page's Content Security Policy does not allow WebAssembly; add 'wasm-unsafe-eval' to its script-src \(CompileError: /);
    const paths = server.requests.slice(seen).map((r) => r.path);
    assert.ok(paths.includes('/dist/telltale.js'));
    assert.ok(!paths.includes('/dist/telltale_bg.wasm'), paths.join(' '));
    assert.equal(server.feedRequests('csp-blocked').length, 0);
    assert.equal(await page.getByRole('link', { name: 'System status' }).isVisible(), true);
    session.assertCleanConsole();
    await session.close();
  });

  test('a components entry that matches nothing is named once', async () => {
    const { server, browser } = harness;
    server.setFeed('unmatched', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/unmatched.html',
      hostPage({
        body: snippet({ feed: '/feeds/unmatched', components: 'App Store, Mapz' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: HOOKS,
      }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/unmatched.html'));
    await widget(session.page).waitForPhase('live');
    await server.waitForFeedRequests('unmatched', 4, WAIT_MS);
    const named = session.warnings.filter((w) => /matched nothing/.test(w));
    assert.equal(named.length, 1, `one warning: ${session.warnings}`);
    assert.match(named[0], /^\[telltale\] .*matched nothing in the feed: Mapz$/, 'spelt as the page wrote it');
    assert.doesNotMatch(named[0], /app store/i);
    session.assertCleanConsole();
    await session.close();
  });

  test('components that all match nothing say so, and fire no all-clear, during an outage', async () => {
    const { server, browser } = harness;
    server.setFeed('typo', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/typo.html',
      hostPage({
        head: `<script>
          window.events = [];
          document.addEventListener('telltale:change', (event) => window.events.push(event.detail.overall));
        </script>`,
        body: snippet({ feed: '/feeds/typo', components: 'App Stor', view: 'panel' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: HOOKS,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/typo.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    await server.waitForFeedRequests('typo', 3, WAIT_MS);
    assert.equal(await w.badge.getAttribute('data-tone'), 'unknown');
    assert.equal(await w.badgeText.textContent(), 'App Stor: not in the status feed');
    assert.equal(await w.inside('no-incidents').count(), 0, 'no "No active incidents"');
    assert.deepEqual(await page.evaluate(() => window.events), [], 'no telltale:change');
    assert.equal(session.warnings.length, 1, `one warning: ${session.warnings}`);
    session.assertCleanConsole();
    await session.close();
  });

  test('at about 250 px the badge text wraps as one run of text', async () => {
    const { server, browser } = harness;
    server.setFeed('narrow', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/narrow.html',
      hostPage({
        head: '<style>body { margin: 0; width: 250px; }</style>',
        body: snippet({ feed: '/feeds/narrow', label: 'Apple services and developer tools' }),
      }),
    );
    const session = await openPage(browser, { viewport: { width: 250, height: 700 } });
    const { page } = session;
    await page.goto(server.url('/t/narrow.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    const label = await w.badgeLabel.boundingBox();
    const text = await w.badgeText.evaluate((t) => {
      const rects = [...t.getClientRects()];
      return { first: rects[0], count: rects.length };
    });
    // Inline runs: the state text starts on the label's line or wraps under it from the
    // left edge, never as a separate column beside a wrapped label.
    const badge = await w.badge.boundingBox();
    assert.ok(badge.width <= 250, `badge fits: ${badge.width}`);
    assert.ok(text.count >= 2, `the state text wraps (${text.count} line boxes)`);
    const textLines = await w.badgeText.evaluate((t) => [...t.getClientRects()].map((r) => Math.round(r.left)));
    const labelLeft = Math.round(label.x);
    assert.ok(
      textLines.slice(1).every((left) => left <= labelLeft + 1),
      `continuation lines start at the text's left edge: ${textLines} vs label ${labelLeft}`,
    );
    session.assertCleanConsole();
    await session.close();
  });
});
