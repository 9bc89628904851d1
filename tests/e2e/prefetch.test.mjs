// The loader's feed prefetch: the loader starts each widget's feed request while the wasm
// downloads (not after the download, nor after compile, instantiate and mount), and the
// widget's first poll reads that request instead of asking again. A page with one widget
// asks its feed exactly once at start; a failed prefetch is the widget's ordinary failure,
// never an unhandled rejection; the host sees the same request (no cookies, no
// cache-busting) and nothing new.
//
// The pages wrap `window.fetch` before the loader runs, to see who called it and with what
// options: the loader's call is made from its `prefetch` function.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

// Records every fetch of a feed URL: its URL, options, and whether the loader made it.
const FETCH_SPY = `<script>
  window.feedFetches = [];
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = String(input && input.url ? input.url : input);
    if (url.includes('/feeds/') || url.includes(':1/')) {
      window.feedFetches.push({
        url,
        credentials: init && init.credentials,
        mode: init && init.mode,
        cache: init && init.cache,
        fromLoader: /\\bprefetch\\b/.test(new Error().stack),
      });
    }
    return realFetch.apply(this, arguments);
  };
</script>`;

describe('prefetch', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  test('a page with one widget requests its feed exactly once at start, through the prefetch', async () => {
    const { server, browser } = harness;
    server.setFeed('once', { fixture: 'apple/all_operational.js' });
    server.setPage('/t/once.html', hostPage({ head: FETCH_SPY, body: snippet({ feed: '/feeds/once' }) }));
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/once.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    // Both would-be requests start before the first answer (the prefetch, then the first
    // poll at mount), so by now any second one has been made.
    const fetches = await page.evaluate(() => window.feedFetches);
    assert.equal(fetches.length, 1, `one fetch of the feed: ${JSON.stringify(fetches)}`);
    assert.deepEqual(fetches[0], {
      url: server.url('/feeds/once'),
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-cache',
      fromLoader: true,
    });
    await server.waitForFeedRequests('once', 1, WAIT_MS);
    assert.equal(server.feedRequests('once').length, 1, 'one request reached the server');
    assert.equal(server.feedRequests('once')[0].headers.cookie, undefined);
    session.assertCleanConsole();
    await session.close();
  });

  test('the feed is requested while the wasm is still on its way, and that request is the one the widget reads', async () => {
    const { server, browser } = harness;
    server.setFeed('early', { fixture: 'apple/all_operational.js' });
    server.setPage('/t/early.html', hostPage({ head: FETCH_SPY, body: snippet({ feed: '/feeds/early' }) }));
    const session = await openPage(browser);
    const { page } = session;
    // The wasm is held until the feed's request has reached the server (or 5 s have
    // passed: then the assertion below fails rather than the test hanging).
    let feedWhileWasmHeld = false;
    await page.route('**/*.wasm*', async (route) => {
      feedWhileWasmHeld = await server.waitForFeedRequests('early', 1, 5_000).then(
        () => true,
        () => false,
      );
      await route.continue();
    });
    await page.goto(server.url('/t/early.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    assert.equal(feedWhileWasmHeld, true, 'the feed was requested before the wasm arrived');
    assert.equal(server.feedRequests('early').length, 1, 'and only once');
    const fetches = await page.evaluate(() => window.feedFetches);
    assert.deepEqual(fetches.map((f) => f.fromLoader), [true]);
    session.assertCleanConsole();
    await session.close();
  });

  test('widgets sharing a feed (its #fragment aside), and one added later, still make one request', async () => {
    const { server, browser } = harness;
    server.setFeed('shared-start', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/shared-start.html',
      hostPage({
        head: FETCH_SPY,
        body:
          snippet({ id: 'a', feed: '/feeds/shared-start' }) +
          // A fragment is never sent: the same feed (QA 10 found it fetched twice).
          snippet({ id: 'b', feed: '/feeds/shared-start#top', view: 'panel' }),
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/shared-start.html'));
    await widget(page, '#a').waitForPhase('live');
    await widget(page, '#b').waitForPhase('live');
    // A widget added later joins the running poller: no prefetch, no request.
    await page.evaluate(() => {
      const late = document.createElement('telltale-status');
      late.id = 'c';
      late.setAttribute('feed', '/feeds/shared-start#');
      document.body.append(late);
    });
    await widget(page, '#c').waitForPhase('live');
    const fetches = await page.evaluate(() => window.feedFetches);
    assert.equal(fetches.length, 1, `one fetch of the feed: ${JSON.stringify(fetches)}`);
    assert.equal(server.feedRequests('shared-start').length, 1);
    session.assertCleanConsole();
    await session.close();
  });

  test('a prefetch that fails is the first poll\u2019s failure, not an unhandled rejection', async () => {
    const { server, browser } = harness;
    // Port 1 on 127.0.0.1: refused at once.
    server.setPage('/t/refused.html', hostPage({ head: FETCH_SPY, body: snippet({ feed: 'http://127.0.0.1:1/feed' }) }));
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/refused.html'));
    const w = widget(page);
    await w.waitForPhase('unavailable');
    // Later polls (after a backoff) are the widget's own; the first one was the loader's.
    const fetches = await page.evaluate(() => window.feedFetches);
    assert.equal(fetches[0]?.fromLoader, true, JSON.stringify(fetches));
    // The console's network error line is the browser's; uncaught errors would fail here.
    session.assertCleanConsole({ allow: [/ERR_CONNECTION_REFUSED|Failed to load resource/] });
    await session.close();
  });

  test('no prefetch for a feed that is not http(s), nor for an element without a feed', async () => {
    const { server, browser } = harness;
    server.setFeed('plain', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/not-web.html',
      hostPage({
        head: FETCH_SPY,
        body:
          snippet({ id: 'bad', feed: 'ftp://127.0.0.1/feeds/plain' }) +
          snippet({ id: 'none', view: 'badge' }) +
          snippet({ id: 'good', feed: '/feeds/plain' }),
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/not-web.html'));
    await widget(page, '#good').waitForPhase('live');
    const fetches = await page.evaluate(() => window.feedFetches);
    assert.deepEqual(
      fetches.map((f) => f.url),
      [server.url('/feeds/plain')],
    );
    // The two elements that cannot start say so in [telltale] warnings, never errors.
    session.assertCleanConsole();
    await session.close();
  });
});
