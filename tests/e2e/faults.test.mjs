// Faults: the feed server scripts each answer (errors, Retry-After, slowness, refused
// connections, broken bodies, missing CORS, flapping, format switches), and the browser
// plays blocked storage, offline and hidden tabs. Each spec asserts what the reader sees,
// which requests reached the server and how they were spaced, and a clean console.
//
// Time is shortened through the test hook `Telltale.__test` (never set by partner pages):
// `timeScale` multiplies every planned delay (and the age at which data turns stale, two
// intervals) and `jitter` fixes the schedule's random draw at the top of its window, so
// delays are exact. With refresh 30 s, jitter 1 and scale
// 0.005: a healthy poll follows 36 s · 0.005 = 180 ms after the last answer; the n-th
// failure in a row waits min(30 s · 2ⁿ, 10 min) · 0.005 = 300, 600, 1200, 2400 … ms; an
// honoured Retry-After of R seconds waits 1.2 · R · 0.005 s. `timeoutMs` stays long (5 s)
// except in the spec about timeouts: on a busy machine a short one also times out answers
// that were on time, and a failure deep in the backoff puts the next try seconds away.
//
// Chromium itself logs failed loads ("Failed to load resource: …" for error statuses and
// refused connections, and its CORS message) to the console as errors: that is the
// browser's network log, not a script error of ours. Specs that provoke one allow exactly
// that line and nothing else; uncaught errors are never allowed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './server.mjs';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

const SCALE = 0.005;
const HOOKS = { timeScale: SCALE, jitter: 1, timeoutMs: 5_000, capBytes: 16 * 1024 };
const HEALTHY_MS = 36_000 * SCALE;
const backoffMs = (failures) => Math.min(30_000 * 2 ** failures, 600_000) * SCALE;

/** Chromium's own log line for a load that failed (error status, refused connection). */
const NETWORK_LOG = /^Failed to load resource: /;
/** Chromium's own log line for a response without CORS headers. */
const CORS_LOG = /has been blocked by CORS policy/;

const GOOD = { fixture: 'apple/all_operational.js' };
const OUTAGE = { fixture: 'apple/multi_service_outage.js' };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const gaps = (requests) => requests.slice(1).map((r, i) => r.timeMs - requests[i].timeMs);

describe('faults', () => {
  let harness;
  let server;
  let browser;
  before(async () => {
    harness = await startHarness();
    ({ server, browser } = harness);
  });
  after(async () => {
    await harness?.stop();
  });

  /** Opens a page with one widget on `/feeds/<name>` (or `feed`) and the test hooks. */
  async function open(name, { hooks = HOOKS, attrs = {}, head = '', feed } = {}) {
    server.setPage(
      `/t/${name}.html`,
      hostPage({
        head,
        body: snippet({ feed: feed ?? `/feeds/${name}`, refresh: '30', ...attrs }),
        hooks,
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url(`/t/${name}.html`));
    return { session, page: session.page, context: session.context, w: widget(session.page) };
  }

  const telltaleLines = (session) => session.warnings.filter((w) => w.startsWith('[telltale]'));

  test('HTTP 500: last good data stays, marked stale; backoff grows; one console line; recovery', async () => {
    server.setFeed('e500', OUTAGE);
    const { session, w } = await open('e500');
    await w.waitForPhase('live');
    const start = server.feedRequests('e500').length;
    server.setFeed('e500', { body: 'upstream error', status: 500, contentType: 'text/plain' });
    await w.waitForPhase('stale');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage', 'the last good state stays');
    assert.match(await w.inside('badge-age').textContent(), /^as of /);
    await server.waitForFeedRequests('e500', start + 4, WAIT_MS);
    const failing = server.feedRequests('e500').slice(start - 1, start + 4);
    const spacing = gaps(failing).slice(1);
    // After failures 1, 2, 3: 300, 600, 1200 ms (plus the request's own time).
    for (const [i, gap] of spacing.entries()) {
      const want = backoffMs(i + 1);
      assert.ok(gap >= want - 20 && gap < want + 700, `gap ${i + 1}: ${gap} ms, want ~${want}`);
    }
    assert.ok(spacing[2] > spacing[1] && spacing[1] > spacing[0], `backoff grows: ${spacing}`);
    // The panel says when the next try is.
    await w.badge.click();
    assert.match(await w.notice.textContent(), /error \(HTTP 500\)/);
    assert.match(await w.notice.textContent(), /[Nn]ext try/);
    assert.deepEqual(
      telltaleLines(session).filter((l) => /HTTP 500/.test(l)).length,
      1,
      'one console line for the failure, not one per poll',
    );
    server.setFeed('e500', GOOD);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    session.assertCleanConsole({ allow: [NETWORK_LOG] });
    await session.close();
  });

  test('a late answer: the kept data turns stale by its age while the request is under way', async () => {
    // Stale after two intervals: 2 · 30 s · 0.005 = 300 ms after the last answer. The next
    // poll starts 180 ms after it and is answered 900 ms later, inside the 5 s timeout, so
    // nothing fails: only the data's age makes it stale.
    server.setFeed('late', GOOD);
    const { session, w } = await open('late');
    await w.waitForPhase('live');
    const start = server.feedRequests('late').length;
    server.queueFeed('late', { ...GOOD, delayMs: 900 });
    await w.waitForPhase('stale');
    const pending = server.feedRequests('late');
    assert.equal(pending.length, start + 1, 'one request under way');
    assert.equal(pending[start].status, undefined, 'and not answered yet');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational', 'the last good state stays');
    assert.match(await w.inside('badge-age').textContent(), /^as of /);
    await w.waitForPhase('live');
    assert.ok(pending[start].status === 200, 'live again once the late answer arrived');
    session.assertCleanConsole();
    await session.close();
  });

  test('an endless body is cut at the cap: the widget hangs up, keeps its data and says why', async () => {
    server.setFeed('endless', OUTAGE);
    const { session, w } = await open('endless');
    await w.waitForPhase('live');
    const start = server.feedRequests('endless').length;
    server.setFeed('endless', { body: '{"services": [', endless: true });
    await w.waitForPhase('stale');
    await w.badge.click();
    // Reading to the end would never finish: the request would end in the timeout instead.
    // Waited for: the data's age can make it stale (300 ms) before the cap ends the read.
    await w.waitForNotice(/more data than allowed/);
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage', 'the last good state stays');
    const cut = server.feedRequests('endless')[start];
    const deadline = Date.now() + WAIT_MS;
    while (!cut.hungUp && Date.now() < deadline) await sleep(10);
    assert.ok(cut.hungUp, 'the widget closed the endless response');
    // The cap is 16 kB here; what the socket buffers on the way is bounded too.
    assert.ok(cut.bytesSent < 4 * 1024 * 1024, `${cut.bytesSent} bytes sent before the hang-up`);
    session.assertCleanConsole({ allow: [NETWORK_LOG] });
    await session.close();
  });

  for (const [status, retryAfterSecs] of [
    [503, 600],
    [429, 300],
  ]) {
    test(`HTTP ${status} with Retry-After: ${retryAfterSecs} is honoured`, async () => {
      const name = `e${status}`;
      server.setFeed(name, GOOD);
      const { session, w } = await open(name);
      await w.waitForPhase('live');
      const start = server.feedRequests(name).length;
      server.queueFeed(name, {
        body: 'slow down',
        status,
        contentType: 'text/plain',
        headers: { 'retry-after': String(retryAfterSecs) },
      });
      await w.waitForPhase('stale');
      await server.waitForFeedRequests(name, start + 2, WAIT_MS);
      const [told, next] = server.feedRequests(name).slice(start, start + 2);
      assert.equal(told.status, status);
      const gap = next.timeMs - told.timeMs;
      const want = retryAfterSecs * 1000 * 1.2 * SCALE;
      // Far longer than the 300 ms backoff of a first failure.
      assert.ok(gap >= want - 20 && gap < want + 800, `waited ${gap} ms, want ~${want}`);
      await w.waitForPhase('live');
      session.assertCleanConsole({ allow: [NETWORK_LOG] });
      await session.close();
    });
  }

  test('a feed on another origin: Retry-After counts only when the answer exposes it (Access-Control-Expose-Headers)', async () => {
    // What the README tells feed servers: the browser hides the header from a page on
    // another origin unless the answer names it in Access-Control-Expose-Headers.
    const elsewhere = await startServer();
    try {
      for (const [name, exposed] of [
        ['ra-exposed', true],
        ['ra-hidden', false],
      ]) {
        elsewhere.setFeed(name, GOOD);
        const { session, w } = await open(name, { feed: elsewhere.url(`/feeds/${name}`) });
        await w.waitForPhase('live');
        const start = elsewhere.feedRequests(name).length;
        elsewhere.queueFeed(name, {
          body: 'slow down',
          status: 503,
          contentType: 'text/plain',
          headers: {
            'retry-after': '600',
            ...(exposed ? { 'access-control-expose-headers': 'Retry-After' } : {}),
          },
        });
        await w.waitForPhase('stale');
        await elsewhere.waitForFeedRequests(name, start + 2, WAIT_MS);
        const [told, next] = elsewhere.feedRequests(name).slice(start, start + 2);
        const gap = next.timeMs - told.timeMs;
        if (exposed) {
          const want = 600 * 1000 * 1.2 * SCALE;
          assert.ok(gap >= want - 20 && gap < want + 800, `exposed: waited ${gap} ms, want ~${want}`);
        } else {
          // Hidden from the page: the backoff of a first failure, not the 3.6 s asked.
          assert.ok(gap < backoffMs(1) + 800, `hidden: waited ${gap} ms, want ~${backoffMs(0)}`);
        }
        session.assertCleanConsole({ allow: [NETWORK_LOG] });
        await session.close();
      }
    } finally {
      await elsewhere.close();
    }
  });

  test('a response slower than the timeout is aborted: stale, then backoff; never two at once', async () => {
    server.setFeed('slow', OUTAGE);
    const { session, w } = await open('slow', { hooks: { ...HOOKS, timeoutMs: 400 } });
    await w.waitForPhase('live');
    const start = server.feedRequests('slow').length;
    server.setFeed('slow', { ...GOOD, delayMs: 3000 });
    await w.waitForPhase('stale');
    await w.badge.click();
    // Stale by its age first (300 ms after the last answer, while the slow poll started at
    // 180 ms is under way), then for the reason once the 400 ms timeout ends that poll.
    await w.waitForNotice(/did not answer in time/);
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    await server.waitForFeedRequests('slow', start + 3, WAIT_MS);
    const slow = server.feedRequests('slow').slice(start, start + 3);
    // Each is aborted at the 400 ms timeout (the server sees the hang-up), and the next
    // comes after the backoff: 300 ms, then 600 ms. Counted from the hang-up, because a
    // request reaches a busy server some milliseconds after the widget's timer started.
    // The server notes a hang-up when its event loop gets to it: wait for that, and allow
    // 100 ms of such lag, which still tells 300 ms from none and 600 ms from 300.
    const deadline = Date.now() + WAIT_MS;
    while (slow.slice(0, 2).some((r) => r.closedMs === undefined) && Date.now() < deadline) {
      await sleep(10);
    }
    for (const request of slow.slice(0, 2)) {
      assert.equal(request.status, undefined, 'never answered: the widget hung up first');
      assert.ok(request.closedMs !== undefined, 'the widget hung up');
    }
    const retries = [1, 2].map((i) => slow[i].timeMs - slow[i - 1].closedMs);
    assert.ok(retries[0] >= backoffMs(1) - 100, `first retry ${retries[0]} ms after the hang-up`);
    assert.ok(retries[1] >= backoffMs(2) - 100, `second retry ${retries[1]} ms after the hang-up`);
    const spacing = gaps(slow);
    assert.ok(spacing[0] >= backoffMs(1) + 200, `first retry after ${spacing[0]} ms`);
    session.assertCleanConsole();
    await session.close();
  });

  test('connection refused: "Status unavailable — retrying", then backoff', async () => {
    const feed = await server.closedUrl('/feeds/refused');
    const { session, w } = await open('refused', { feed });
    await w.waitForPhase('unavailable');
    assert.equal(await w.badgeText.textContent(), 'Status unavailable — retrying');
    assert.equal(await w.badge.getAttribute('data-tone'), 'unknown');
    await w.badge.click();
    assert.match(await w.notice.textContent(), /could not be reached|[Nn]ext try/);
    session.assertCleanConsole({ allow: [NETWORK_LOG] });
    assert.ok(
      session.errors.every((e) => /ERR_CONNECTION_REFUSED/.test(e)),
      `only refused-connection network lines: ${session.errors}`,
    );
    await session.close();
  });

  for (const [index, [label, answer, says]] of [
    [
      'an HTML error page with status 200',
      { fixture: 'bad/html_error_page.html', contentType: 'text/html' },
      /unreadable answer/,
    ],
    [
      'truncated JSON',
      { fixture: 'apple/multi_service_outage.js', truncate: 900 },
      /unreadable answer/,
    ],
    [
      'a body over the cap (Content-Length)',
      { body: JSON.stringify({ services: [], pad: 'x'.repeat(20_000) }) },
      /more data than allowed/,
    ],
    [
      'a body over the cap (chunked, no Content-Length)',
      { body: JSON.stringify({ services: [], pad: 'x'.repeat(20_000) }), chunked: true },
      /more data than allowed/,
    ],
  ].entries()) {
    test(`${label}: kept data, stale, says why`, async () => {
      const name = `bad${index}`;
      server.setFeed(name, OUTAGE);
      const { session, w } = await open(name);
      await w.waitForPhase('live');
      server.setFeed(name, answer);
      await w.waitForPhase('stale');
      assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
      await w.badge.click();
      assert.match(await w.notice.textContent(), says);
      assert.ok((await w.components.count()) > 0, 'the kept components still show');
      session.assertCleanConsole();
      await session.close();
    });
  }

  test('a response without the CORS header: kept data, stale', async () => {
    const elsewhere = await startServer();
    try {
      elsewhere.setFeed('cors', OUTAGE);
      const { session, w } = await open('cors', { feed: elsewhere.url('/feeds/cors') });
      await w.waitForPhase('live');
      elsewhere.setFeed('cors', { ...GOOD, cors: false });
      await w.waitForPhase('stale');
      assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
      session.assertCleanConsole({ allow: [CORS_LOG, NETWORK_LOG] });
      await session.close();
    } finally {
      await elsewhere.close();
    }
  });

  test('flapping between good and bad: never unavailable, no repeated change event, backoff resets', async () => {
    server.setFeed('flap', GOOD);
    const { session, page, w } = await open('flap', {
      head: `<script>
        window.changes = 0;
        window.phases = new Set();
        document.addEventListener('telltale:change', () => { window.changes += 1; });
      </script>`,
    });
    await w.waitForPhase('live');
    await page.evaluate(() => {
      const root = document.querySelector('telltale-status').shadowRoot;
      new MutationObserver(() => {
        const phase = root.querySelector('[data-testid=root]')?.dataset.phase;
        if (phase) window.phases.add(phase);
      }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-phase'] });
    });
    const start = server.feedRequests('flap').length;
    const bad = { body: 'oops', status: 500, contentType: 'text/plain' };
    server.queueFeed('flap', bad, GOOD, bad, GOOD, bad, GOOD);
    await server.waitForFeedRequests('flap', start + 7, WAIT_MS);
    await w.waitForPhase('live');
    const phases = await page.evaluate(() => [...window.phases].sort());
    assert.deepEqual(phases, ['live', 'stale']);
    assert.equal(await page.evaluate(() => window.changes), 1, 'same data: only the first event');
    // Each failure is a first failure again (a success resets the count): ~300 ms each.
    const flapping = server.feedRequests('flap').slice(start, start + 7);
    for (let i = 0; i < 6; i += 2) {
      const gap = flapping[i + 1].timeMs - flapping[i].timeMs;
      assert.ok(gap < backoffMs(2), `retry after failure ${i / 2 + 1}: ${gap} ms`);
    }
    session.assertCleanConsole({ allow: [NETWORK_LOG] });
    await session.close();
  });

  test('the feed switching format once, or going empty, keeps the last good data', async () => {
    const STATUSPAGE = { fixture: 'statuspage/components.json' };
    server.setFeed('switch', STATUSPAGE);
    const { session, w } = await open('switch');
    await w.waitForPhase('live');
    await w.badge.click();
    const tone = await w.badge.getAttribute('data-tone');
    const rows = await w.components.count();
    assert.ok(rows > 0);
    // One answer in another format, then the usual one again.
    server.queueFeed('switch', GOOD);
    await w.waitForPhase('stale');
    assert.match(await w.notice.textContent(), /format|statuspage|apple/i);
    assert.equal(await w.badge.getAttribute('data-tone'), tone);
    assert.equal(await w.components.count(), rows);
    await w.waitForPhase('live');
    assert.equal(await w.components.count(), rows);
    server.setFeed('switch', {
      body: JSON.stringify({ page: { id: 'x', name: 'X' }, components: [] }),
    });
    await w.waitForPhase('stale');
    const polls = server.feedRequests('switch').length;
    await server.waitForFeedRequests('switch', polls + 2, WAIT_MS);
    assert.equal(await w.components.count(), rows, 'an empty feed never replaces the data');
    session.assertCleanConsole();
    await session.close();
  });

  test('a feed that moved to another format for good is believed on the second poll', async () => {
    server.setFeed('moved', { fixture: 'statuspage/components.json' });
    const { session, w } = await open('moved');
    await w.waitForPhase('live');
    const start = server.feedRequests('moved').length;
    server.setFeed('moved', OUTAGE);
    // Stale after the first answer in the new format (the unit tests pin "the second
    // poll"; timing here is the machine's), then live with the new feed's data.
    await w.waitForPhase('stale');
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage', 'the Apple feed now shows');
    assert.ok(server.feedRequests('moved').length >= start + 2);
    session.assertCleanConsole();
    await session.close();
  });

  test('HTTP cache: the second request is conditional, answered 304, and the widget stays live', async () => {
    server.setFeed('etag', { ...GOOD, etag: '"v1"' });
    const { session, w } = await open('etag');
    await w.waitForPhase('live');
    const requests = await server.waitForFeedRequests('etag', 3, WAIT_MS);
    assert.equal(requests[0].headers['if-none-match'], undefined);
    assert.equal(requests[0].status, 200);
    assert.equal(requests[1].headers['if-none-match'], '"v1"');
    assert.equal(requests[1].status, 304);
    assert.equal(requests[1].url, '/feeds/etag', 'no cache-busting query');
    await sleep(100);
    assert.equal(await w.root.getAttribute('data-phase'), 'live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    session.assertCleanConsole();
    await session.close();
  });

  test('localStorage: a reload shows the kept snapshot at once; blocked storage is skipped', async () => {
    server.setFeed('kept', OUTAGE);
    const { session, page, w } = await open('kept');
    await w.waitForPhase('live');
    const key = `telltale:v1:${server.url('/feeds/kept')}`;
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);
    assert.equal(stored.format, 'apple');
    assert.ok(stored.fetched_at_ms > 0 && Array.isArray(stored.snapshot.components));
    // The outage: the feed now fails slowly. The reload shows the kept data before it answers.
    server.setFeed('kept', { body: 'down', status: 503, contentType: 'text/plain', delayMs: 1500 });
    const reloadAt = Date.now();
    await page.reload();
    await page
      .locator('telltale-status [data-testid=badge][data-tone=major_outage]')
      .waitFor({ timeout: WAIT_MS });
    const since = server.feedRequests('kept').filter((r) => r.timeMs >= reloadAt);
    assert.ok(
      since.every((r) => r.status === undefined),
      'shown before the first fetch after the reload answered',
    );
    await w.waitForPhase('stale');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    // A snapshot kept for more than a day is history: not shown on the next page.
    await page.evaluate((key) => {
      const kept = JSON.parse(localStorage.getItem(key));
      kept.fetched_at_ms = Date.now() - 25 * 3600 * 1000;
      localStorage.setItem(key, JSON.stringify(kept));
    }, key);
    await page.reload();
    await w.waitForPhase('unavailable');
    assert.equal(await w.badge.getAttribute('data-tone'), 'unknown');
    session.assertCleanConsole({ allow: [NETWORK_LOG] });
    await session.close();

    // Storage that throws on every access: the widget works without it, silently.
    server.setFeed('blocked', OUTAGE);
    const blocked = await open('blocked', {
      head: `<script>
        for (const name of ['getItem', 'setItem', 'removeItem']) {
          Storage.prototype[name] = function () { throw new DOMException('blocked', 'SecurityError'); };
        }
      </script>`,
    });
    await blocked.w.waitForPhase('live');
    await server.waitForFeedRequests('blocked', 3, WAIT_MS);
    assert.equal(await blocked.w.badge.getAttribute('data-tone'), 'major_outage');
    blocked.session.assertCleanConsole();
    assert.deepEqual(telltaleLines(blocked.session), [], 'nothing to say about storage');
    await blocked.session.close();
  });

  test('offline then online: says so, no requests while offline, polls on return', async () => {
    server.setFeed('offline', OUTAGE);
    const { session, context, w } = await open('offline');
    await w.waitForPhase('live');
    await context.setOffline(true);
    await w.waitForPhase('stale');
    assert.match(await w.inside('badge-age').textContent(), /^offline — showing status as of /);
    const during = server.feedRequests('offline').length;
    await sleep(1500);
    assert.equal(server.feedRequests('offline').length, during, 'no request while offline');
    await context.setOffline(false);
    await server.waitForFeedRequests('offline', during + 1, WAIT_MS);
    await w.waitForPhase('live');
    session.assertCleanConsole();
    await session.close();
  });

  /**
   * Opens a page with one widget mounted through `Telltale.mount` on `/feeds/<name>` in
   * real time (refresh 30 s: the next healthy poll is 36 s away, far beyond any of these
   * specs) and `setHidden(hidden)` on the page, and waits until it is live.
   */
  async function openRealTime(name) {
    server.setFeed(name, OUTAGE);
    server.setPage(
      `/t/${name}.html`,
      hostPage({
        body: '<div id="slot"></div>',
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { jitter: 1 },
        after: `<script>
          window.handle = Telltale.mount(document.getElementById('slot'), {
            feed: '/feeds/${name}', refresh: 30,
          });
          window.setHidden = (hidden) => {
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
            Object.defineProperty(document, 'visibilityState', {
              configurable: true,
              get: () => (hidden ? 'hidden' : 'visible'),
            });
            document.dispatchEvent(new Event('visibilitychange'));
          };
        </script>`,
      }),
    );
    const session = await openPage(browser);
    const { page, context } = session;
    await page.goto(server.url(`/t/${name}.html`));
    const w = widget(page, '#slot');
    await w.waitForPhase('live');
    const setHidden = (hidden) => page.evaluate((hidden) => window.setHidden(hidden), hidden);
    const refresh = () => page.evaluate(() => window.handle.refresh());
    return { session, context, w, setHidden, refresh };
  }

  test('back online with fresh data: polls at once, not at the next interval', async () => {
    const { session, context, w, refresh } = await openRealTime('reconnect');
    assert.equal(await w.liveRegion.textContent(), '', 'the first live state is not announced');
    await context.setOffline(true);
    await refresh();
    await w.waitForPhase('stale');
    assert.match(await w.inside('badge-age').textContent(), /^offline — /);
    // Screen readers hear it: the state, and why it may be old.
    assert.match(await w.liveRegion.textContent(), /^Major outage \(6 services\) \(offline — /);
    const during = server.feedRequests('reconnect').length;
    await context.setOffline(false);
    await server.waitForFeedRequests('reconnect', during + 1, 5_000);
    await w.waitForPhase('live');
    assert.equal(await w.inside('badge-age').count(), 0, 'no longer says offline');
    // ...and that live status is back, although the feed did not change.
    await session.page.waitForFunction(
      () =>
        document.querySelector('#slot').shadowRoot.querySelector('[data-testid=live-region]')
          .textContent === 'Major outage (6 services)',
      null,
      { timeout: WAIT_MS },
    );
    session.assertCleanConsole();
    await session.close();
  });

  test('back online to a failing feed: the live region no longer says offline, and says it again when offline again', async () => {
    const { session, context, w, refresh } = await openRealTime('reconnect-failing');
    await context.setOffline(true);
    await refresh();
    await w.waitForPhase('stale');
    assert.match(await w.liveRegion.textContent(), /\(offline — /);
    server.setFeed('reconnect-failing', { status: 503, body: 'down' });
    const during = server.feedRequests('reconnect-failing').length;
    await context.setOffline(false);
    await server.waitForFeedRequests('reconnect-failing', during + 1, 5_000);
    // The badge still shows the kept status with its age, no longer "offline" (back online,
    // it may show it live for the moment before the 503 comes)...
    await session.page.waitForFunction(
      () => (document.querySelector('#slot').shadowRoot.querySelector('[data-testid=badge-age]')
        ?.textContent ?? '').startsWith('as of'),
      null,
      { timeout: WAIT_MS },
    );
    assert.equal(await w.root.getAttribute('data-phase'), 'stale');
    // ...and neither does the live region, which a screen reader's user can read again.
    await session.page.waitForFunction(
      () => !document.querySelector('#slot').shadowRoot.querySelector('[data-testid=live-region]')
        .textContent.includes('offline'),
      null,
      { timeout: WAIT_MS },
    );
    // Offline a second time: said again.
    await context.setOffline(true);
    await session.page.waitForFunction(
      () => document.querySelector('#slot').shadowRoot.querySelector('[data-testid=live-region]')
        .textContent.includes('(offline — '),
      null,
      { timeout: WAIT_MS },
    );
    await context.setOffline(false);
    await session.close();
  });

  test('going offline between polls says so at once, without waiting for the next poll', async () => {
    // The next poll is 36 s away: only the browser's `offline` event can tell the widget.
    const { session, context, w } = await openRealTime('goes-offline');
    const before = server.feedRequests('goes-offline').length;
    await context.setOffline(true);
    await w.waitForPhase('stale'); // within WAIT_MS, well before the planned poll
    assert.match(await w.inside('badge-age').textContent(), /^offline — showing status as of /);
    assert.equal(server.feedRequests('goes-offline').length, before, 'no request for it');
    await context.setOffline(false);
    await server.waitForFeedRequests('goes-offline', before + 1, 5_000);
    await w.waitForPhase('live');
    session.assertCleanConsole();
    await session.close();
  });

  /** The badge's age ("as of …" or "offline — …") of the widget in `page`, or null. */
  const badgeAge = (page) =>
    page.evaluate(
      () => document.querySelector('telltale-status').shadowRoot.querySelector('[data-testid=badge-age]')?.textContent ?? null,
    );
  /** Waits (at most `timeout` ms) until `predicate(badge age, live region text)` holds. */
  const waitForSpoken = (page, predicate, timeout) =>
    page.waitForFunction(
      (source) => {
        const root = document.querySelector('telltale-status').shadowRoot;
        const age = root.querySelector('[data-testid=badge-age]')?.textContent ?? null;
        const live = root.querySelector('[data-testid=live-region]')?.textContent ?? '';
        return new Function('age', 'live', `return (${source})(age, live);`)(age, live);
      },
      String(predicate),
      { timeout },
    );

  test('back online to a feed in a Retry-After: stops saying "offline" at once, and still waits for the planned poll', async () => {
    // 200, then 503 with Retry-After: 3600: the next try is 3600 s · 1.2 · 0.005 = 21.6 s away.
    const name = 'online-planned';
    server.setFeed(name, { body: 'busy', status: 503, contentType: 'text/plain', headers: { 'retry-after': '3600' } });
    server.queueFeed(name, OUTAGE);
    const { session, context, page, w } = await open(name, { attrs: { view: 'panel' } });
    await server.waitForFeedRequests(name, 2, WAIT_MS);
    await w.waitForNotice(/HTTP 503/);
    await w.waitForPhase('stale');
    assert.match(await badgeAge(page), /^as of /);
    const requests = server.feedRequests(name).length;
    await context.setOffline(true);
    await waitForSpoken(page, (age, live) => /^offline — /.test(age) && live.includes('(offline — '), WAIT_MS);
    await sleep(1000);
    await context.setOffline(false);
    // At once (well within 2 s, where the planned poll is 20 s away): the kept status with
    // its age and the feed's own problem, in the badge, the live region and the panel.
    await waitForSpoken(page, (age, live) => /^as of /.test(age) && !live.includes('offline'), 2_000);
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.match(await w.notice.textContent(), /HTTP 503/);
    assert.match(await w.notice.textContent(), /[Nn]ext try/);
    // ...and the Retry-After still stands: no request for it.
    await sleep(1000);
    assert.equal(server.feedRequests(name).length, requests, 'no request before the planned one');
    // Offline again before that poll: said at once again.
    await context.setOffline(true);
    await waitForSpoken(page, (age) => /^offline — /.test(age), 2_000);
    await context.setOffline(false);
    await waitForSpoken(page, (age) => /^as of /.test(age), 2_000);
    assert.equal(server.feedRequests(name).length, requests, 'still none');
    session.assertCleanConsole({ allow: [NETWORK_LOG] });
    await session.close();
  });

  test('going offline during a request: says "offline" at once and drops the request; no failure of the feed', async () => {
    // The second poll (180 ms after the first answer) is held open for 4 s.
    const name = 'offline-in-flight';
    server.setFeed(name, OUTAGE);
    server.queueFeed(name, OUTAGE, { ...OUTAGE, delayMs: 4000 });
    const { session, context, page, w } = await open(name, { attrs: { view: 'panel' } });
    await w.waitForPhase('live');
    const held = (await server.waitForFeedRequests(name, 2, WAIT_MS))[1];
    await sleep(300);
    assert.equal(held.status, undefined, 'the request is under way');
    await context.setOffline(true);
    // Well before the request's 5 s timeout or the held answer.
    await waitForSpoken(page, (age, live) => /^offline — /.test(age) && live.includes('(offline — '), 1_500);
    const notice = await w.notice.textContent();
    assert.match(notice, /offline/);
    assert.doesNotMatch(notice, /could not be reached|did not answer|[Nn]ext try/);
    const deadline = Date.now() + WAIT_MS;
    while (!held.hungUp && Date.now() < deadline) await sleep(10);
    assert.ok(held.hungUp, 'the widget dropped the request');
    await context.setOffline(false);
    await server.waitForFeedRequests(name, 3, WAIT_MS);
    await w.waitForPhase('live');
    assert.deepEqual(
      telltaleLines(session).filter((l) => !/offline/.test(l)),
      [],
      'no console line of a feed failure',
    );
    session.assertCleanConsole();
    await session.close();
  });

  test('a request that fails while the browser is offline says "offline", not that the feed did not answer', async () => {
    // The page swallows the `offline` event before the widget hears it (as when it comes
    // late): only the request, which times out (1 s) with `navigator.onLine` false, tells
    // the widget.
    const name = 'offline-fails';
    server.setFeed(name, OUTAGE);
    server.queueFeed(name, OUTAGE, { ...OUTAGE, delayMs: 3000 });
    const { session, context, page, w } = await open(name, {
      attrs: { view: 'panel' },
      hooks: { ...HOOKS, timeoutMs: 1000 },
      head: `<script>
        addEventListener('offline', (event) => event.stopImmediatePropagation(), true);
      </script>`,
    });
    await w.waitForPhase('live');
    // Every notice the panel shows from now on.
    await page.evaluate(() => {
      const root = document.querySelector('telltale-status').shadowRoot;
      window.notices = [];
      new MutationObserver(() => {
        const notice = root.querySelector('[data-testid=notice]')?.textContent;
        if (notice && notice !== window.notices.at(-1)) window.notices.push(notice);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const held = (await server.waitForFeedRequests(name, 2, WAIT_MS))[1];
    await sleep(200);
    await context.setOffline(true);
    await waitForSpoken(page, (age) => /^offline — /.test(age), WAIT_MS);
    assert.equal(held.status, undefined, 'never answered');
    const notices = await page.evaluate(() => window.notices);
    assert.ok(
      notices.every((notice) => !/did not answer|could not be reached/.test(notice)),
      `never a failure of the feed: ${JSON.stringify(notices)}`,
    );
    assert.deepEqual(
      telltaleLines(session).filter((l) => !/offline/.test(l)),
      [],
      'no console line of a feed failure',
    );
    const requests = server.feedRequests(name).length;
    await sleep(500);
    assert.equal(server.feedRequests(name).length, requests, 'no request while offline');
    await context.setOffline(false);
    await server.waitForFeedRequests(name, requests + 1, WAIT_MS);
    await w.waitForPhase('live');
    session.assertCleanConsole();
    await session.close();
  });

  test('back online while the tab is hidden: no request until it is shown, then at once', async () => {
    const { session, context, w, setHidden, refresh } = await openRealTime('reconnect-hidden');
    await context.setOffline(true);
    await refresh();
    await w.waitForPhase('stale');
    const during = server.feedRequests('reconnect-hidden').length;
    await setHidden(true);
    await context.setOffline(false);
    await sleep(1000);
    assert.equal(server.feedRequests('reconnect-hidden').length, during, 'no request while hidden');
    await setHidden(false);
    await server.waitForFeedRequests('reconnect-hidden', during + 1, 5_000);
    await w.waitForPhase('live');
    session.assertCleanConsole();
    await session.close();
  });

  test('shown while offline: says offline, then polls at once when back online', async () => {
    const { session, context, w, setHidden, refresh } = await openRealTime('shown-offline');
    await setHidden(true);
    await refresh();
    const during = server.feedRequests('shown-offline').length;
    await context.setOffline(true);
    await setHidden(false);
    await w.waitForPhase('stale');
    assert.match(await w.inside('badge-age').textContent(), /^offline — /);
    await context.setOffline(false);
    await server.waitForFeedRequests('shown-offline', during + 1, 5_000);
    await w.waitForPhase('live');
    session.assertCleanConsole();
    await session.close();
  });

  test('tab hidden then shown: no requests while hidden, polls on return', async () => {
    server.setFeed('hidden', GOOD);
    const { session, page, w } = await open('hidden');
    await w.waitForPhase('live');
    // The widget reads `document.hidden` and listens for `visibilitychange`.
    const setHidden = (hidden) =>
      page.evaluate((hidden) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (hidden ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    // A poll already under way may still land; after that, nothing.
    await sleep(HEALTHY_MS + 500);
    const during = server.feedRequests('hidden').length;
    await sleep(1500);
    assert.equal(server.feedRequests('hidden').length, during, 'no request while hidden');
    // Two (scaled) intervals without a poll: what it shows is old, and says so.
    assert.equal(await w.root.getAttribute('data-phase'), 'stale');
    const shownAt = Date.now();
    await setHidden(false);
    const [, back] = (await server.waitForFeedRequests('hidden', during + 1, WAIT_MS)).slice(during - 1);
    assert.ok(back.timeMs - shownAt < 1000, 'polls soon after the page is shown');
    await w.waitForPhase('live');
    session.assertCleanConsole();
    await session.close();
  });
});
