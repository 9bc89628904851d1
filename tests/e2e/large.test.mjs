// Feeds near the body cap: thousands of services, each in its own group, or thousands of
// incidents. The panel lists what is not operational and the newest events, and counts
// the rest, so the host page gets a short list, not a DOM of hundreds of thousands of
// nodes that took seconds to build and lay out.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

/** A Telltale feed of `count` services, each in a group of its own, at the given levels. */
function largeFeed(count, levels) {
  const groups = Array.from({ length: count }, (_, i) => ({ id: `g${i}`, name: `Region ${i}` }));
  const components = groups.map((group, i) => ({
    id: `c${i}`,
    name: `Service ${i}`,
    level: levels[i] ?? 'operational',
    group_id: group.id,
  }));
  return JSON.stringify({ telltale: 1, groups, components });
}

describe('a feed with thousands of services', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  // Opens a page with one widget on `/feeds/<name>` as an open panel, once it is live.
  async function openPanel(name) {
    const { server, browser } = harness;
    server.setPage(
      `/t/${name}.html`,
      hostPage({ body: snippet({ id: 'w', feed: `/feeds/${name}`, view: 'panel' }) }),
    );
    const session = await openPage(browser);
    const { page } = session;
    const w = widget(page);
    await page.goto(server.url(`/t/${name}.html`));
    await w.waitForPhase('live');
    return { session, page, w };
  }

  test('the panel lists the services that are not operational and counts the rest', async () => {
    const { server } = harness;
    const count = 15_000;
    server.setFeed('large', { body: largeFeed(count, { 40: 'degraded', 9000: 'major_outage' }) });
    const { session, page, w } = await openPanel('large');

    assert.equal(await w.badgeText.textContent(), 'Service 9000: major outage');
    assert.deepEqual(await w.inside('component-name').allTextContents(), ['Service 40', 'Service 9000']);
    assert.deepEqual(await w.inside('group-name').allTextContents(), ['Region 40', 'Region 9000']);
    assert.equal(await w.inside('not-shown').textContent(), `${count - 2} operational services not shown`);
    const nodes = await page.evaluate(
      () => document.querySelector('telltale-status').shadowRoot.querySelectorAll('*').length,
    );
    assert.ok(nodes < 200, `the shadow root holds ${nodes} elements`);
    session.assertCleanConsole();
  });

  test('the panel lists the newest 20 of a thousand incidents, each with its 10 newest updates', async () => {
    const { server } = harness;
    const count = 1000;
    const started = Date.UTC(2026, 10, 20, 8, 0, 0);
    const incidents = Array.from({ length: count }, (_, i) => ({
      id: `i${i}`,
      title: `Incident ${i}`,
      impact: 'degraded',
      status: 'investigating',
      started_at_ms: started + i * 1000,
      updates: Array.from({ length: 12 }, (_, u) => ({
        status: 'investigating',
        body: `Update ${u} of incident ${i}`,
        at_ms: started + i * 1000 + u,
      })),
    }));
    const components = [{ id: 'c', name: 'Checkout', level: 'operational' }];
    server.setFeed('many-incidents', { body: JSON.stringify({ telltale: 1, components, incidents }) });
    const { session, w } = await openPanel('many-incidents');

    assert.equal(await w.incidents.count(), 20);
    assert.match(await w.incidents.first().textContent(), /Incident 999/);
    const firstUpdates = w.incidents.first().locator('[data-testid=update-body]');
    assert.equal(await firstUpdates.count(), 10);
    assert.equal(await firstUpdates.first().textContent(), 'Update 11 of incident 999');
    const more = await w.inside('more').allTextContents();
    assert.equal(more.length, 21, 'one line per timeline, and one for the incident list');
    assert.equal(more.at(-1), `${count - 20} more on the full status page`);
    assert.ok(more.slice(0, 20).every((line) => line === '2 more on the full status page'), more.join(' | '));
    session.assertCleanConsole();
  });
});
