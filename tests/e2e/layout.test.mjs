// The widget fits the box the host gives it: it never makes a page wider than its
// viewport or a layout column wider than the host's design. A panel of a fixed width
// would: a grid or flex item is, by default, at least as wide as the widest thing it
// holds that cannot shrink (its min-content width).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

/** A storefront-like layout: content and a 300px status column, as partners build it. */
const GRID = `<style>
  body { margin: 0; font-family: sans-serif; }
  .layout { display: grid; grid-template-columns: 1fr auto; gap: 16px; padding: 16px; }
  .aside { width: 300px; }
  .row { display: flex; gap: 8px; align-items: flex-start; }
</style>`;

describe('layout', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  /** Widths that matter, measured in the page. */
  const measure = (page, host) =>
    page.evaluate((selector) => {
      const element = document.querySelector(selector);
      const box = (node) => node.getBoundingClientRect();
      const panel = element.shadowRoot.querySelector('[data-testid=panel]');
      return {
        viewport: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        parent: box(element.parentElement).width,
        host: box(element).width,
        hostRight: box(element).right,
        panel: panel ? box(panel).width : null,
        panelRight: panel ? box(panel).right : null,
      };
    }, host);

  test('view=panel in a 300px grid column stays within the column', async () => {
    const { server, browser } = harness;
    server.setFeed('layout-grid', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/layout-grid.html',
      hostPage({
        head: GRID,
        body:
          '<div class="layout"><main><p>Products.</p></main><aside class="aside">' +
          snippet({ id: 'w', feed: '/feeds/layout-grid', view: 'panel' }) +
          '</aside></div>',
      }),
    );
    const session = await openPage(browser, { viewport: { width: 1000, height: 800 } });
    await session.page.goto(server.url('/t/layout-grid.html'));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    await w.panel.waitFor({ timeout: WAIT_MS });
    const m = await measure(session.page, '#w');
    assert.equal(m.parent, 300, `the column keeps its 300px (${JSON.stringify(m)})`);
    assert.ok(m.panel <= 300, `the panel fits the column (${JSON.stringify(m)})`);
    assert.ok(m.panel >= 280, `the panel uses the column (${JSON.stringify(m)})`);
    assert.ok(m.scroll <= m.viewport, `no horizontal scroll (${JSON.stringify(m)})`);
    // A row's state sits at the row's end; an incident's state chip starts its line.
    const edges = await session.page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      const box = (node) => node.getBoundingClientRect();
      const row = root.querySelector('[data-testid=component]');
      const card = root.querySelector('[data-testid=incident]');
      return {
        rowEnd: box(row).right - box(row.querySelector('.state')).right,
        chipStart: box(card.querySelector('.event-meta .state')).left - box(card.querySelector('h4')).left,
      };
    });
    assert.ok(Math.abs(edges.rowEnd) < 1, `row state at the end (${JSON.stringify(edges)})`);
    assert.ok(Math.abs(edges.chipStart) < 1, `incident state at the start (${JSON.stringify(edges)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test('on a 320px phone an open panel in a flex header never widens the page', async () => {
    const { server, browser } = harness;
    server.setFeed('layout-phone', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/layout-phone.html',
      hostPage({
        head: GRID,
        body:
          '<header class="row" style="padding: 0 12px"><strong>Acme</strong>' +
          snippet({ id: 'w', feed: '/feeds/layout-phone', label: 'Apple services' }) +
          '</header>',
      }),
    );
    const session = await openPage(browser, { viewport: { width: 320, height: 640 } });
    await session.page.goto(server.url('/t/layout-phone.html'));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const m = await measure(session.page, '#w');
    assert.ok(m.scroll <= m.viewport, `no horizontal scroll (${JSON.stringify(m)})`);
    assert.ok(m.panelRight <= m.viewport, `the panel ends inside the viewport (${JSON.stringify(m)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test('in a 180px sidebar, service names wrap between words, never inside one', async () => {
    const { server, browser } = harness;
    server.setFeed('layout-narrow', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/layout-narrow.html',
      hostPage({
        body:
          '<div style="width: 180px">' +
          snippet({ id: 'w', feed: '/feeds/layout-narrow', view: 'panel' }) +
          '</div>',
      }),
    );
    const session = await openPage(browser, { viewport: { width: 1000, height: 800 } });
    await session.page.goto(server.url('/t/layout-narrow.html'));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    // A word split over two lines has two client rects.
    const broken = await session.page.evaluate(() => {
      const names = document.querySelector('#w').shadowRoot.querySelectorAll('.name');
      const split = [];
      for (const name of names) {
        const node = name.firstChild;
        if (!node) continue;
        const text = node.textContent;
        let at = 0;
        for (const word of text.split(' ')) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          if (word && range.getClientRects().length > 1) split.push(word);
          at += word.length + 1;
        }
      }
      return { split, count: names.length };
    });
    assert.ok(broken.count >= 14, `names rendered (${broken.count})`);
    assert.deepEqual(broken.split, [], 'words broken across lines');
    const m = await measure(session.page, '#w');
    assert.ok(m.panel <= 180, `the panel fits the sidebar (${JSON.stringify(m)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test('on a right-to-left page the widget keeps its left-to-right text', async () => {
    const { server, browser } = harness;
    server.setFeed('layout-rtl', { fixture: 'apple/multi_service_outage.js' });
    const page = hostPage({
      body: snippet({ id: 'w', feed: '/feeds/layout-rtl', view: 'panel', locale: 'en' }),
    }).replace('<html lang="en">', '<html lang="ar" dir="rtl">');
    server.setPage('/t/layout-rtl.html', page);
    const session = await openPage(browser, { viewport: { width: 1000, height: 800 } });
    await session.page.goto(server.url('/t/layout-rtl.html'));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    const directions = await session.page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      const dir = (selector) => getComputedStyle(root.querySelector(selector)).direction;
      return {
        page: getComputedStyle(document.body).direction,
        root: dir('[data-testid=root]'),
        overall: dir('[data-testid=overall]'),
      };
    });
    assert.deepEqual(directions, { page: 'rtl', root: 'ltr', overall: 'ltr' });
    session.assertCleanConsole();
    await session.close();
  });

  test('with room to spare the panel keeps its 380px', async () => {
    const { server, browser } = harness;
    server.setFeed('layout-wide', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/layout-wide.html',
      hostPage({ body: snippet({ id: 'w', feed: '/feeds/layout-wide', view: 'panel' }) }),
    );
    const session = await openPage(browser, { viewport: { width: 1000, height: 800 } });
    await session.page.goto(server.url('/t/layout-wide.html'));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    const m = await measure(session.page, '#w');
    assert.equal(Math.round(m.panel), 380, `panel width (${JSON.stringify(m)})`);
    session.assertCleanConsole();
    await session.close();
  });
});
