// Polling: a feed that goes from operational to an outage shows on the next refresh, and
// the element tells the host page through `telltale:change`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

describe('refresh', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  test('a feed switched from operational to outage shows on the next refresh', async () => {
    const { server, browser } = harness;
    server.setFeed('switch', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/refresh.html',
      hostPage({
        // The host listens before the widget starts, as a partner page would.
        head: `<script>
          window.changes = [];
          document.addEventListener('telltale:change', (event) => {
            window.changes.push({ detail: event.detail, target: event.target.id });
          });
        </script>`,
        body: snippet({ id: 'w', feed: '/feeds/switch' }),
        hooks: { refreshMs: 300 },
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    const w = widget(page);
    await page.goto(server.url('/t/refresh.html'));
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    await page.waitForFunction(() => window.changes.length === 1, null, { timeout: WAIT_MS });
    const first = await page.evaluate(() => window.changes[0]);
    assert.equal(first.target, 'w', 'the event is dispatched on the element');
    assert.equal(first.detail.overall, 'operational');
    assert.equal(first.detail.previous, null);
    assert.ok(first.detail.components.length > 0);
    for (const component of first.detail.components) {
      assert.equal(component.state, 'operational', component.name);
      assert.equal(component.previous, null);
    }

    // Identical polls: no event. Wait for two more polls, then count.
    const seen = server.feedRequests('switch').length;
    await server.waitForFeedRequests('switch', seen + 2, WAIT_MS);
    assert.equal(await page.evaluate(() => window.changes.length), 1, 'no event for identical polls');

    server.setFeed('switch', { fixture: 'apple/multi_service_outage.js' });
    const switchedAt = server.feedRequests('switch').length;
    await server.waitForFeedRequests('switch', switchedAt + 1, WAIT_MS);
    await page
      .locator('telltale-status [data-testid=badge][data-tone=major_outage]')
      .waitFor({ timeout: WAIT_MS });
    assert.match(await w.badgeText.textContent(), /major outage/i);

    await page.waitForFunction(() => window.changes.length >= 2, null, { timeout: WAIT_MS });
    const second = await page.evaluate(() => window.changes[1].detail);
    assert.equal(second.overall, 'major_outage');
    assert.equal(second.previous, 'operational');
    const appStore = second.components.find((c) => c.name === 'App Store');
    assert.ok(appStore, 'App Store is in the event');
    assert.equal(appStore.state, 'major_outage');
    assert.equal(appStore.previous, 'operational');

    // The change is announced in words for screen readers.
    await page.waitForFunction(
      () => {
        const root = document.querySelector('telltale-status').shadowRoot;
        const region = root.querySelector('[data-testid=live-region]');
        return region && /outage/i.test(region.textContent);
      },
      null,
      { timeout: WAIT_MS },
    );
    assert.equal(await w.liveRegion.getAttribute('aria-live'), 'polite');

    // The same outage again: still two events.
    const now = server.feedRequests('switch').length;
    await server.waitForFeedRequests('switch', now + 2, WAIT_MS);
    assert.equal(await page.evaluate(() => window.changes.length), 2);
    session.assertCleanConsole();
    await session.close();
  });

  /** A badge (`#a`), a panel (`#b`) and a labelled badge (`#c`), all on `feed`. */
  const threeOnOneFeed = (feed) =>
    snippet({ id: 'a', feed }) +
    snippet({ id: 'b', feed, view: 'panel' }) +
    snippet({ id: 'c', feed, label: 'Apple services' });

  /** What the live regions of `#a`, `#b` and `#c` say, in that order. */
  const liveRegions = (page) =>
    page.evaluate(() =>
      ['a', 'b', 'c'].map(
        (id) => document.getElementById(id).shadowRoot.querySelector('[data-testid=live-region]').textContent,
      ),
    );

  /** Waits until `count` of `#a`, `#b` and `#c` have said something. */
  const untilSaid = (page, count = 1) =>
    page.waitForFunction(
      (count) => {
        const said = (id) =>
          document.getElementById(id).shadowRoot.querySelector('[data-testid=live-region]').textContent;
        return ['a', 'b', 'c'].filter((id) => said(id) !== '').length >= count;
      },
      count,
      { timeout: WAIT_MS },
    );

  /** What was said, in the order `#a`, `#b`, `#c`, the silent ones left out. */
  const saidOnly = (regions) => regions.filter((text) => text !== '');

  test('a change is announced and logged once per page: a badge, a panel and a labelled badge on one feed speak once', async () => {
    const { server, browser } = harness;
    server.setFeed('said', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/said.html',
      hostPage({
        body: threeOnOneFeed('/feeds/said'),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 300 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    const logged = [];
    page.on('console', (message) => {
      if (message.type() === 'info' && message.text().startsWith('[telltale]')) logged.push(message.text());
    });
    await page.goto(server.url('/t/said.html'));
    for (const id of ['#a', '#b', '#c']) await widget(page, id).waitForPhase('live');
    server.setFeed('said', { fixture: 'apple/itunes_partial_outage.json' });
    await untilSaid(page);
    // The news is said by whichever widget came first, with its label if it has one.
    const said = saidOnly(await liveRegions(page));
    assert.equal(said.length, 1, `said once, not once per widget: ${JSON.stringify(said)}`);
    assert.match(said[0], /^(Apple services: )?iTunes Store: partial outage$/);
    // The console too gets the change once, not once per widget. Its messages reach the
    // test after the page's, so wait for the first, then for the next poll's work.
    for (let waited = 0; logged.length < 1 && waited < WAIT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await server.waitForFeedRequests('said', server.feedRequests('said').length + 1);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.deepEqual(logged, [`[telltale] ${server.url('/feeds/said')}: partial_outage (was operational)`]);
    // The same states in another order: an event (the list moved), but no console line
    // saying "partial_outage (was partial_outage)".
    const reordered = JSON.parse(readFileSync(new URL('../fixtures/apple/itunes_partial_outage.json', import.meta.url), 'utf8'));
    reordered.services.reverse();
    server.setFeed('said', { body: JSON.stringify(reordered) });
    await server.waitForFeedRequests('said', server.feedRequests('said').length + 3, WAIT_MS);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.equal(logged.length, 1, `no line for a change that left the overall state: ${logged}`);
    session.assertCleanConsole();
    await session.close();
  });

  test('widgets showing different services each say their change, though one sentence ends like the other', async () => {
    // "Public API: major outage" ends with "API: major outage", and "Acme: API: major
    // outage" too: a match on the ending (tried during QA 8) silenced all but one.
    const { server, browser } = harness;
    const summary = (status) =>
      JSON.stringify({
        page: { id: 'p', name: 'P' },
        components: [
          { id: 'api', name: 'API', status },
          { id: 'public', name: 'Public API', status },
        ],
      });
    server.setFeed('said-apis', { body: summary('operational') });
    server.setPage(
      '/t/said-apis.html',
      hostPage({
        body:
          // Labelled with their own service's name, `a` and `b` both say "Major outage"
          // after it: the services they show tell their news apart. `a` and `c` show the
          // same service, so theirs is one news, whatever their labels make them say.
          snippet({ id: 'a', feed: '/feeds/said-apis', components: 'API', label: 'API' }) +
          snippet({ id: 'b', feed: '/feeds/said-apis', components: 'Public API', label: 'Public API' }) +
          snippet({ id: 'c', feed: '/feeds/said-apis', components: 'API', label: 'Acme' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 300 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/said-apis.html'));
    for (const id of ['#a', '#b', '#c']) await widget(page, id).waitForPhase('live');
    server.setFeed('said-apis', { body: summary('major_outage') });
    await untilSaid(page, 2);
    // Past the two seconds within which a second widget keeps quiet: still one of `a`, `c`.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [a, b, c] = await liveRegions(page);
    assert.equal(b, 'Public API: Major outage');
    const apis = saidOnly([a, c]);
    assert.equal(apis.length, 1, `one news, said once: ${JSON.stringify([a, c])}`);
    assert.match(apis[0], /^(API: Major outage|Acme: API: major outage)$/);
    session.assertCleanConsole();
    await session.close();
  });

  test('an alert is said once per page too: a badge, a panel and a labelled badge on a feed that cannot be read say "unavailable" once', async () => {
    const { server, browser } = harness;
    server.setFeed('said-down', { status: 500, body: 'down' });
    server.setPage(
      '/t/said-down.html',
      hostPage({
        body: threeOnOneFeed('/feeds/said-down'),
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/said-down.html'));
    for (const id of ['#a', '#b', '#c']) await widget(page, id).waitForPhase('unavailable');
    await untilSaid(page);
    // Past the two seconds within which a second widget keeps quiet: still said once.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const said = saidOnly(await liveRegions(page));
    assert.equal(said.length, 1, `said once, not once per widget: ${JSON.stringify(said)}`);
    assert.match(said[0], /^(Apple services: )?Status unavailable — retrying$/);
    await session.close();
  });

  test('a poll that takes away the focused link hands focus to the badge, or to the panel of view=panel', async () => {
    const { server, browser } = harness;
    server.setFeed('focus', { fixture: 'statuspage/summary_major_incident_no_component_change.json' });
    server.setPage(
      '/t/focus.html',
      hostPage({
        body: snippet({ id: 'b', feed: '/feeds/focus' }) + snippet({ id: 'p', feed: '/feeds/focus', view: 'panel' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 300 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/focus.html'));
    const badge = widget(page, '#b');
    const panel = widget(page, '#p');
    await badge.waitForPhase('live');
    await panel.waitForPhase('live');
    await badge.badge.click();
    await badge.panel.waitFor({ timeout: WAIT_MS });
    const focused = (id) =>
      page.evaluate((id) => {
        const active = document.getElementById(id).shadowRoot.activeElement;
        return active ? active.getAttribute('data-testid') ?? active.className : null;
      }, id);

    // The reader is on the incident's link when the provider resolves it.
    await page.locator('#b a.details').focus();
    assert.equal(await focused('b'), 'details');
    server.setFeed('focus', { fixture: 'statuspage/summary_operational.json' });
    await page.waitForFunction(() => !document.querySelector('#b').shadowRoot.querySelector('a.details'), null, {
      timeout: WAIT_MS,
    });
    assert.equal(await focused('b'), 'badge', 'focus is on the badge, not lost to the page');

    // The same in an always-open panel, which has no badge to press.
    server.setFeed('focus', { fixture: 'statuspage/summary_major_incident_no_component_change.json' });
    await page.locator('#p a.details').waitFor({ timeout: WAIT_MS });
    // A keyboard reader's focus (a key pressed first makes it `:focus-visible`).
    await page.keyboard.press('Shift');
    await page.locator('#p a.details').focus();
    server.setFeed('focus', { fixture: 'statuspage/summary_operational.json' });
    await page.waitForFunction(() => !document.querySelector('#p').shadowRoot.querySelector('a.details'), null, {
      timeout: WAIT_MS,
    });
    assert.equal(await focused('p'), 'panel');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'p');
    // With the widget's own focus ring, as on its badge and links (QA 10 saw the
    // browser's thinner default there).
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('#p').shadowRoot.querySelector('[data-testid=panel]'));
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    assert.equal(ring, 'solid 2px');
    session.assertCleanConsole();
    await session.close();
  });

  test('a failing poll keeps the last good state and shows its age; recovery goes live again', async () => {
    const { server, browser } = harness;
    server.setFeed('flaky', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/flaky.html',
      hostPage({
        body: snippet({ feed: '/feeds/flaky' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 300 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    const w = widget(page);
    await page.goto(server.url('/t/flaky.html'));
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');

    server.setFeed('flaky', { body: 'upstream error', status: 500, contentType: 'text/plain' });
    await w.waitForPhase('stale');
    // Still the last good state, now with its age.
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.match(await w.badgeText.textContent(), /major outage/i);
    assert.ok((await w.inside('badge-age').textContent()).trim().length > 0, 'badge shows the age');
    await w.badge.click();
    await w.notice.waitFor({ timeout: WAIT_MS });

    server.setFeed('flaky', { fixture: 'apple/all_operational.js' });
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    assert.equal(await w.inside('badge-age').count(), 0);
    // Chromium reports the 500 itself as a failed resource load.
    session.assertCleanConsole({ allow: [/Failed to load resource/] });
    await session.close();
  });

  test('a maintenance window that opens between polls puts its service under maintenance, in the row and in telltale:change', async () => {
    const { server, browser } = harness;
    // The feed still says "scheduled" (feeds are often late to flip it); its window opens
    // a minute after the page loads, and the next poll is an hour away.
    const start = Date.parse('2026-11-20T12:00:00Z');
    const feed = {
      page: { id: 'p', name: 'Acme' },
      components: [
        { id: 'api', name: 'API', status: 'operational' },
        { id: 'web', name: 'Website', status: 'operational' },
      ],
      incidents: [],
      scheduled_maintenances: [{
        id: 'm1', name: 'Database upgrade', status: 'scheduled', impact: 'maintenance',
        scheduled_for: new Date(start + 60e3).toISOString(),
        scheduled_until: new Date(start + 3600e3).toISOString(),
        components: [{ id: 'api', name: 'API' }],
        incident_updates: [],
      }],
    };
    server.setFeed('window', { body: JSON.stringify(feed), contentType: 'application/json' });
    server.setPage(
      '/t/window.html',
      hostPage({
        head: `<script>
          window.changes = [];
          document.addEventListener('telltale:change', (event) => window.changes.push(event.detail));
        </script>`,
        body: snippet({ feed: '/feeds/window', view: 'panel', refresh: '3600' }),
      }),
    );
    const session = await openPage(browser, { timezoneId: 'UTC' });
    const { page } = session;
    await page.clock.install({ time: start });
    await page.goto(server.url('/t/window.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    const states = () =>
      page.evaluate(() => window.changes.map((c) => [c.overall, ...c.components.map((x) => `${x.id}:${x.state}`)]));
    assert.deepEqual(await states(), [['operational', 'api:operational', 'web:operational']]);
    // Two minutes on: the widget's own ticks, no poll.
    await page.clock.runFor(120e3);
    await page.waitForFunction(() => window.changes.length === 2, null, { timeout: WAIT_MS });
    assert.deepEqual(await states(), [
      ['operational', 'api:operational', 'web:operational'],
      ['maintenance', 'api:maintenance', 'web:operational'],
    ]);
    const rows = await w.components.allTextContents();
    assert.match(rows[0], /API\s*Maintenance/);
    assert.match(rows[1], /Website\s*Operational/);
    assert.equal(await w.badgeText.textContent(), 'API: under maintenance');
    assert.equal(server.feedRequests('window').length, 1, 'no poll in between');
    session.assertCleanConsole();
    await session.close();
  });

  test('requests carry no cookies and no cache-busting query', async () => {
    const { server, browser } = harness;
    server.setFeed('plain', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/plain.html',
      hostPage({ body: snippet({ feed: '/feeds/plain' }), hooks: { refreshMs: 200 } }),
    );
    const session = await openPage(browser);
    // The page's origin has a cookie, which a same-origin fetch would send by default.
    await session.context.addCookies([{ name: 'host', value: 'secret', url: server.origin }]);
    await session.page.goto(server.url('/t/plain.html'));
    await widget(session.page).waitForPhase('live');
    await server.waitForFeedRequests('plain', 3, WAIT_MS);
    // The control: the browser did send the cookie with the page itself.
    const pageRequests = server.requests.filter((r) => r.path === '/t/plain.html');
    assert.ok(pageRequests.length > 0);
    for (const request of pageRequests) assert.match(request.headers.cookie ?? '', /host=secret/);
    for (const request of server.feedRequests('plain')) {
      assert.equal(request.url, '/feeds/plain');
      assert.equal(request.headers.cookie, undefined);
    }
    session.assertCleanConsole();
    await session.close();
  });
});
