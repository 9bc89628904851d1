// When things go wrong: a malformed feed shows the error state and the page keeps working;
// when the widget cannot start (wasm blocked, no feed attribute) the fallback link stays.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { squash } from './fixtures.mjs';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';
import { repoRoot, startServer } from './server.mjs';

const HOST_BUTTON =
  '<button id="host-button" type="button">Host button</button><output id="host-count">0</output>' +
  `<script>
    document.getElementById('host-button').addEventListener('click', () => {
      const out = document.getElementById('host-count');
      out.textContent = String(Number(out.textContent) + 1);
    });
  </script>`;

// Chromium reports a failed resource load (a 404, a 500) as a console error of its own;
// where a spec causes one on purpose, that line is expected.
const RESOURCE_FAILURE = /Failed to load resource/;

// The loader starts a widget's feed request alongside the wasm's download (the feed is
// often on another origin: its connection is set up meanwhile) and cancels it once the
// wasm has failed. The feed answers without end (`endless`), so only the browser hanging
// up ends the request: exactly that one request, cancelled, and no poll after it.
async function assertFeedCancelled(server, name) {
  const deadline = Date.now() + WAIT_MS;
  while (!server.feedRequests(name)[0]?.hungUp && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 20));
  }
  const requests = server.feedRequests(name);
  assert.equal(requests.length, 1, `one request for the feed: ${requests.length}`);
  const { timeMs, closedMs, status, bytesSent, hungUp } = requests[0];
  const record = JSON.stringify({ status, bytesSent, closedAfterMs: closedMs && closedMs - timeMs });
  assert.equal(hungUp, true, `the browser cancelled the feed request when the wasm failed: ${record}`);
}

describe('errors and fallback', () => {
  let harness;
  // A second origin (another port on 127.0.0.1) for feeds served cross-origin.
  let elsewhere;
  before(async () => {
    harness = await startHarness();
    elsewhere = await startServer();
  });
  after(async () => {
    await harness?.stop();
    await elsewhere?.close();
  });

  const UNREADABLE = /^Status unavailable: the status feed sent an unreadable answer\./;

  // `notice` is what the panel must say about the failure.
  async function unavailable(name, answer, notice, { allow = [], feedServer = harness.server } = {}) {
    const { server, browser } = harness;
    feedServer.setFeed(name, answer);
    server.setPage(
      `/t/${name}.html`,
      hostPage({ body: snippet({ feed: feedServer.url(`/feeds/${name}`) }) + HOST_BUTTON }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url(`/t/${name}.html`));
    const w = widget(page);
    await w.waitForPhase('unavailable');
    assert.equal(await w.badge.getAttribute('data-tone'), 'unknown');
    assert.match(squash(await w.badgeText.textContent()), /^Status unavailable/);
    // The panel explains what happened.
    await w.badge.click();
    await w.notice.waitFor({ timeout: WAIT_MS });
    assert.match(squash(await w.notice.textContent()), notice);
    // It says so once: the notice, with why, and no second "Status unavailable" line.
    const said = squash(await w.panel.textContent()).split('Status unavailable').length - 1;
    assert.equal(said, 1, squash(await w.panel.textContent()));
    // With no status and no link to the status page, the snippet's own fallback link
    // shows in the panel: the reader still has a way to the provider's page.
    const fallback = page.getByRole('link', { name: 'System status' });
    assert.equal(await fallback.isVisible(), true);
    const inPanel = await w.panel.evaluate((panel, link) => {
      const box = (e) => e.getBoundingClientRect();
      const [p, l] = [box(panel), box(link)];
      return l.top >= p.top && l.bottom <= p.bottom && l.left >= p.left && l.right <= p.right;
    }, await fallback.elementHandle());
    assert.equal(inPanel, true, 'the fallback link sits inside the open panel');
    // The page keeps working.
    await page.locator('#host-button').click();
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-count').textContent(), '2');
    session.assertCleanConsole({ allow });
    await session.close();
  }

  test('a truncated JSON feed shows "Status unavailable" and the page keeps working', async () => {
    await unavailable('truncated', { fixture: 'bad/truncated.json' }, UNREADABLE);
  });

  test('an HTML error page instead of a feed shows "Status unavailable"', async () => {
    await unavailable('html', { fixture: 'bad/html_error_page.html' }, UNREADABLE);
  });

  test('an HTTP 503 from the feed shows "Status unavailable"', async () => {
    await unavailable(
      'down',
      { fixture: 'bad/html_error_page.html', status: 503 },
      /^Status unavailable: the status feed answered with an error \(HTTP 503\)\./,
      { allow: [RESOURCE_FAILURE] },
    );
  });

  test('a cross-origin feed with CORS headers is read, without credentials', async () => {
    const { server, browser } = harness;
    elsewhere.setFeed('cors', { fixture: 'apple/all_operational.js' });
    server.setPage('/t/cors.html', hostPage({ body: snippet({ feed: elsewhere.url('/feeds/cors') }) }));
    const session = await openPage(browser);
    await session.context.addCookies([{ name: 'host', value: 'secret', url: elsewhere.origin }]);
    await session.page.goto(server.url('/t/cors.html'));
    const w = widget(session.page);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    const [request] = elsewhere.feedRequests('cors');
    assert.equal(request.headers.cookie, undefined, 'credentials: omit');
    assert.equal(request.headers.origin, server.origin);
    session.assertCleanConsole();
    await session.close();
  });

  test('a cross-origin feed without CORS headers shows "Status unavailable"', async () => {
    // Chromium logs the CORS refusal itself; that is the browser, not the widget.
    await unavailable(
      'nocors',
      { fixture: 'apple/all_operational.js', cors: false },
      /^Status unavailable: the status feed could not be reached\./,
      { allow: [/CORS policy|Failed to load resource|net::ERR_FAILED/], feedServer: elsewhere },
    );
  });

  test('the fallback link shows until the widget renders, then gives way to it', async () => {
    const { server, browser } = harness;
    server.setFeed('slow-wasm', { fixture: 'apple/all_operational.js' });
    server.setPage('/t/slow-wasm.html', hostPage({ body: snippet({ feed: '/feeds/slow-wasm' }) }));
    const session = await openPage(browser);
    const { page } = session;
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route('**/*.wasm*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url('/t/slow-wasm.html'), { waitUntil: 'domcontentloaded' });
    const fallback = page.locator('telltale-status > a');
    await fallback.waitFor({ timeout: WAIT_MS });
    const rendered = () =>
      page.evaluate(() => !!document.querySelector('telltale-status').shadowRoot?.querySelector('[data-testid=root]'));
    assert.equal(await rendered(), false, 'no widget while its wasm is on its way');
    assert.equal(await fallback.isVisible(), true);
    release();
    await widget(page).waitForPhase('live');
    assert.equal(await rendered(), true);
    assert.equal(await fallback.isVisible(), false, 'the widget replaces the fallback');
    session.assertCleanConsole();
    await session.close();
  });

  test('the fallback link stays visible when the wasm is blocked', async () => {
    const { server, browser } = harness;
    server.setFeed('blocked', { fixture: 'apple/all_operational.js', endless: true });
    server.setPage(`/t/blocked.html`, hostPage({ body: snippet({ feed: '/feeds/blocked' }) + HOST_BUTTON }));
    const session = await openPage(browser);
    const { page } = session;
    await page.route('**/*.wasm*', (route) => route.fulfill({ status: 404, body: 'blocked' }));
    const warned = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && m.text().startsWith('[telltale]'),
      timeout: WAIT_MS,
    });
    await page.goto(server.url('/t/blocked.html'));
    // The commonest mistake, a wasm not uploaded next to the script, says so plainly.
    assert.match((await warned).text(), /^\[telltale\] could not start: \S+\/dist\/telltale_bg\.wasm\?v=\w+ answered HTTP 404$/);
    assert.equal(await page.getByRole('link', { name: 'System status' }).isVisible(), true);
    assert.equal(await widget(page).root.count(), 0);
    await assertFeedCancelled(server, 'blocked');
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-count').textContent(), '1');
    // Chromium checks the 404's body against the integrity too, and says so.
    session.assertCleanConsole({ allow: [RESOURCE_FAILURE, /integrity/] });
    await session.close();
  });

  test("a wasm from another build is refused: the script's integrity check covers it, the fallback stays", async () => {
    const { server, browser } = harness;
    const shipped = readFileSync(join(repoRoot, 'dist', 'telltale_bg.wasm'));
    // The URL names the build: the first 12 hex digits of the wasm's sha384.
    const tag = createHash('sha384').update(shipped).digest('hex').slice(0, 12);
    server.setFeed('other-build', { fixture: 'apple/all_operational.js', endless: true });
    server.setPage('/t/other-build.html', hostPage({ body: snippet({ feed: '/feeds/other-build' }) + HOST_BUTTON }));
    const session = await openPage(browser);
    const { page } = session;
    const asked = [];
    // A valid module that differs by one custom section, which the engine ignores: without
    // the check it would run as if it were the shipped one.
    const section = Buffer.concat([Buffer.from([5]), Buffer.from('other')]);
    const other = Buffer.concat([shipped, Buffer.from([0, section.length]), section]);
    await page.route('**/*.wasm*', (route) => {
      asked.push(`${route.request().method()} ${new URL(route.request().url()).search}`);
      return route.fulfill({ status: 200, contentType: 'application/wasm', body: other });
    });
    const warned = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && m.text().startsWith('[telltale]'),
      timeout: WAIT_MS,
    });
    await page.goto(server.url('/t/other-build.html'));
    const warning = (await warned).text();
    // The second request, without the check, only asks why.
    assert.deepEqual(asked, [`GET ?v=${tag}`, `HEAD ?v=${tag}`]);
    assert.equal(
      warning,
      `[telltale] could not start: ${server.url(`/dist/telltale_bg.wasm?v=${tag}`)} does not match this telltale.js ` +
        '(its SHA-384 differs, or its download broke off); serve the two files of one build together',
    );
    assert.equal(await page.getByRole('link', { name: 'System status' }).isVisible(), true);
    assert.equal(await widget(page).root.count(), 0);
    await assertFeedCancelled(server, 'other-build');
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-count').textContent(), '1');
    // Chromium says why in a console error of its own.
    session.assertCleanConsole({ allow: [/integrity/] });
    await session.close();
  });

  test('a wasm served with the wrong MIME type still starts, with the one warning the README quotes', async () => {
    // The glue's fallback for it (compile from the bytes, not the stream) is the one way
    // of starting the wasm that scripts/trim-glue.mjs keeps besides the usual one.
    const { server, browser } = harness;
    const shipped = readFileSync(join(repoRoot, 'dist', 'telltale_bg.wasm'));
    server.setFeed('wrong-type', { fixture: 'apple/all_operational.js' });
    server.setPage('/t/wrong-type.html', hostPage({ body: snippet({ feed: '/feeds/wrong-type' }) }));
    const session = await openPage(browser);
    const { page } = session;
    await page.route('**/*.wasm*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: shipped }),
    );
    await page.goto(server.url('/t/wrong-type.html'));
    await widget(page).waitForPhase('live');
    assert.equal(session.warnings.length, 1, `${session.warnings}`);
    assert.ok(
      session.warnings[0].startsWith(
        '`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate`',
      ),
      session.warnings[0],
    );
    // That warning is the glue's own, without the [telltale] prefix; nothing else.
    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.pageErrors, []);
    await session.close();
  });

  test('the fallback link stays visible and one warning names the attribute when feed is missing', async () => {
    const { server, browser } = harness;
    server.setPage(`/t/nofeed.html`, hostPage({ body: snippet({ view: 'badge' }) + HOST_BUTTON }));
    const session = await openPage(browser);
    const { page } = session;
    const warned = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && m.text().startsWith('[telltale]'),
      timeout: WAIT_MS,
    });
    await page.goto(server.url('/t/nofeed.html'));
    const warning = await warned;
    assert.match(warning.text(), /feed/);
    assert.equal(await page.getByRole('link', { name: 'System status' }).isVisible(), true);
    assert.equal(await widget(page).root.count(), 0);
    const telltaleWarnings = session.warnings.filter((w) => w.startsWith('[telltale]'));
    assert.equal(telltaleWarnings.length, 1, `one warning, got ${JSON.stringify(telltaleWarnings)}`);
    session.assertCleanConsole();
    await session.close();
  });
});
