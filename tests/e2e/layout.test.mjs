// The widget fits the box the host gives it: it never makes a page wider than its
// viewport or a layout column wider than the host's design. A panel of a fixed width
// would: a grid or flex item is, by default, at least as wide as the widest thing it
// holds that cannot shrink (its min-content width).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, hostPage, launchWithFontSize, openPage, snippet, startHarness, widget } from './helpers.mjs';

/** A storefront-like layout: content and a 300px status column, as partners build it. */
const GRID = `<style>
  body { margin: 0; font-family: sans-serif; }
  .layout { display: grid; grid-template-columns: 1fr auto; gap: 16px; padding: 16px; }
  .aside { width: 300px; }
  .row { display: flex; gap: 8px; align-items: flex-start; }
</style>`;

const OUTAGE = 'apple/multi_service_outage.js';

describe('layout', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  /**
   * Serves a page with one widget (id `w`, on `/feeds/<name>` answering `fixture`, or
   * `body` when given, with `attrs`) placed by `wrap`, opens it `width` px wide and waits
   * until the widget is live. `rtl` makes the page right-to-left.
   */
  async function openLive(
    name,
    { fixture = OUTAGE, body, attrs = {}, wrap = (widgetHtml) => widgetHtml, head = '', width = 1000, rtl = false } = {},
  ) {
    const { server, browser } = harness;
    server.setFeed(name, body === undefined ? { fixture } : { body });
    const html = hostPage({ head, body: wrap(snippet({ id: 'w', feed: `/feeds/${name}`, ...attrs })) });
    server.setPage(`/t/${name}.html`, rtl ? html.replace('<html lang="en">', '<html lang="ar" dir="rtl">') : html);
    const session = await openPage(browser, { viewport: { width, height: 800 } });
    await session.page.goto(server.url(`/t/${name}.html`));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    return { session, page: session.page, w };
  }

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
    const { session, w } = await openLive('layout-grid', {
      head: GRID,
      attrs: { view: 'panel' },
      wrap: (html) => `<div class="layout"><main><p>Products.</p></main><aside class="aside">${html}</aside></div>`,
    });
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
    // Where a state fits on one line it keeps to one (it wraps only in a narrower box).
    const states = await session.page.evaluate(() => {
      const spans = [...document.querySelector('#w').shadowRoot.querySelectorAll('.state > span')];
      const wrapped = spans
        .filter((span) => {
          const range = document.createRange();
          range.selectNodeContents(span);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((span) => span.textContent);
      return { count: spans.length, wrapped };
    });
    assert.ok(states.count >= 3, `states shown (${states.count})`);
    assert.deepEqual(states.wrapped, [], 'states on one line in a 300px column');
    session.assertCleanConsole();
    await session.close();
  });

  test('on a 320px phone an open panel in a flex header never widens the page', async () => {
    const { session, w } = await openLive('layout-phone', {
      head: GRID,
      width: 320,
      attrs: { label: 'Apple services' },
      wrap: (html) => `<header class="row" style="padding: 0 12px"><strong>Acme</strong>${html}</header>`,
    });
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const m = await measure(session.page, '#w');
    assert.ok(m.scroll <= m.viewport, `no horizontal scroll (${JSON.stringify(m)})`);
    assert.ok(m.panelRight <= m.viewport, `the panel ends inside the viewport (${JSON.stringify(m)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test('on a 320px phone a service named in one long word widens neither the header nor the page', async () => {
    const name = 'AzureServiceBusMessagingNamespacesEuropeWest';
    const { session, page, w } = await openLive('layout-long-word', {
      head: GRID,
      width: 320,
      body: JSON.stringify({
        page: { id: 'p', name: 'Example', url: 'https://status.example.com' },
        components: [{ id: 'bus', name, status: 'major_outage' }],
        incidents: [],
        scheduled_maintenances: [],
      }),
      wrap: (html) => `<header class="row" style="padding: 0 12px"><strong>Acme</strong>${html}</header>`,
    });
    assert.equal(await w.badgeText.textContent(), `${name}: major outage`);
    const closed = await measure(page, '#w');
    assert.ok(closed.scroll <= closed.viewport, `closed: no horizontal scroll (${JSON.stringify(closed)})`);
    assert.ok(closed.hostRight <= closed.viewport, `closed: the badge ends inside the viewport (${JSON.stringify(closed)})`);
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const open = await measure(page, '#w');
    assert.ok(open.scroll <= open.viewport, `open: no horizontal scroll (${JSON.stringify(open)})`);
    assert.ok(open.panelRight <= open.viewport, `open: the panel ends inside the viewport (${JSON.stringify(open)})`);
    // The panel's headline wraps the word rather than running out of the panel.
    const headline = await page.evaluate(() => {
      const overall = document.querySelector('#w').shadowRoot.querySelector('[data-testid=overall]');
      return { text: overall.textContent, scroll: overall.scrollWidth, client: overall.clientWidth };
    });
    assert.equal(headline.text, `${name}: major outage`);
    assert.ok(headline.scroll <= headline.client, `the headline fits its panel (${JSON.stringify(headline)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test('in a 180px sidebar, service names wrap between words, never inside one', async () => {
    const { session } = await openLive('layout-narrow', {
      attrs: { view: 'panel' },
      wrap: (html) => `<div style="width: 180px">${html}</div>`,
    });
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

  /**
   * The elements and text runs of `#w`'s panel that run past its left or right edge
   * (text can run out of a box that stays within the panel), and the panel's edges.
   */
  const pastThePanel = (page) =>
    page.evaluate(() => {
      const panel = document.querySelector('#w').shadowRoot.querySelector('[data-testid=panel]');
      const edge = panel.getBoundingClientRect();
      const past = [];
      const check = (what, box) => {
        if (box.width === 0 && box.height === 0) return;
        if (box.right > edge.right + 0.5 || box.left < edge.left - 0.5) {
          past.push(`${what} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
      };
      for (const element of panel.querySelectorAll('*')) {
        check(`<${element.localName} class="${element.className?.baseVal ?? element.className}">`, element.getBoundingClientRect());
      }
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        check(JSON.stringify(node.textContent.trim()), range.getBoundingClientRect());
      }
      return { panel: [Math.round(edge.left), Math.round(edge.right)], past };
    });

  test("a reader's text spacing (WCAG 1.4.12) reaches the widget, and its text stays within the panel", async () => {
    // What text-spacing bookmarklets and user styles apply: a rule on every element of the
    // page, which matches the host element and reaches the shadow tree only by inheritance.
    const head = `<style>* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }</style>`;
    for (const view of ['badge', 'panel']) {
      const { session, page, w } = await openLive(`layout-text-spacing-${view}`, {
        head,
        attrs: { view, locale: 'fr' },
        wrap: (html) => `<div style="width: 300px">${html}</div>`,
      });
      if (view === 'badge') await w.badge.click();
      await w.panel.waitFor({ timeout: WAIT_MS });
      const spacing = (locator) =>
        locator.first().evaluate((element) => {
          const style = getComputedStyle(element);
          return [style.letterSpacing, style.wordSpacing];
        });
      // 0.12em and 0.16em of the host's 16px, as the host computes them.
      for (const [what, locator] of [
        ['badge', w.badgeText],
        ['component', w.inside('component-name')],
        ['section heading', w.panel.locator('h3')],
        ['update', w.updateBodies],
      ]) {
        if (view === 'panel' && what === 'badge') continue;
        assert.deepEqual(await spacing(locator), ['1.92px', '2.56px'], `${view}: ${what}`);
      }
      const out = await pastThePanel(page);
      assert.deepEqual(out.past, [], `${view}: within the panel ${JSON.stringify(out.panel)}`);
      session.assertCleanConsole();
      await session.close();
    }
  });

  test('at twice the default text size in a 220px box nothing in the panel runs past its edges', async () => {
    // QA: at 32px the close button and the stage of an update ("Investigating", "Em
    // investigação") ran past the panel's right edge. At 200px an event's facts still
    // cannot fit a label beside its value (about five letters a column).
    const { server } = harness;
    const browser = await launchWithFontSize(32);
    try {
      for (const locale of ['en', 'de', 'pt-PT']) {
        for (const fixture of ['statuspage/incidents.json', 'statuspage/summary_major_incident_no_component_change.json', 'apple/multi_service_outage.js']) {
          const name = `layout-2x-${locale}-${fixture.replace(/\W/g, '_')}`;
          server.setFeed(name, { fixture });
          server.setPage(
            `/t/${name}.html`,
            hostPage({
              body: `<div style="width: 220px">${snippet({ id: 'w', feed: `/feeds/${name}`, view: 'panel', locale })}</div>`,
            }),
          );
          const page = await browser.context.newPage();
          await page.goto(server.url(`/t/${name}.html`));
          await widget(page, '#w').waitForPhase('live');
          const out = await pastThePanel(page);
          assert.deepEqual(out.past, [], `${locale}, ${fixture}: within the panel ${JSON.stringify(out.panel)}`);
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  });

  test('at four times the default text size in a 320px box the German panel stays within its edges', async () => {
    // QA: at 64px the link to the full status page ("Vollständige Statusseite öffnen")
    // kept its first word whole and ran past the panel's right edge; so did the
    // "Störungen" heading, and an event's facts, whose labels took the whole column.
    const { server } = harness;
    const browser = await launchWithFontSize(64);
    try {
      const name = 'layout-4x-de';
      server.setFeed(name, { fixture: OUTAGE });
      server.setPage(
        `/t/${name}.html`,
        hostPage({ body: `<div style="width: 320px">${snippet({ id: 'w', feed: `/feeds/${name}`, view: 'panel', locale: 'de' })}</div>` }),
      );
      const page = await browser.context.newPage();
      await page.goto(server.url(`/t/${name}.html`));
      await widget(page, '#w').waitForPhase('live');
      const out = await pastThePanel(page);
      assert.deepEqual(out.past, [], `within the panel ${JSON.stringify(out.panel)}`);
      await page.close();
    } finally {
      await browser.close();
    }
  });

  test('in a 150px box nothing in the panel runs past its edges, in English, French, German and Portuguese', async () => {
    // A state ("Performances dégradées") was kept on one line and ran out of the panel.
    // (German's long words ran out only at four times the text size, the test above.)
    const fixtures = [OUTAGE, 'statuspage/summary_groups.json', 'statuspage/summary_maintenance.json'];
    for (const locale of ['en', 'fr', 'de', 'pt-PT']) {
      for (const fixture of fixtures) {
        const name = `layout-150-${locale}-${fixture.replace(/\W/g, '_')}`;
        const { session } = await openLive(name, {
          fixture,
          attrs: { view: 'panel', locale },
          wrap: (html) => `<div style="width: 150px">${html}</div>`,
        });
        const out = await pastThePanel(session.page);
        assert.deepEqual(out.past, [], `${locale}, ${fixture}: within the panel ${JSON.stringify(out.panel)}`);
        const m = await measure(session.page, '#w');
        assert.ok(m.panel <= 150, `${locale}, ${fixture}: the panel fits the box (${JSON.stringify(m)})`);
        session.assertCleanConsole();
        await session.close();
      }
    }
  });

  test("in a narrow column an event's labels stand above their values, their words whole", async () => {
    // French labels are long ("Utilisateurs concernés"): sized to their whole width, the
    // label column took half a 200px panel and the values wrapped word by word; capped
    // at 40% of it, "Betroffene" and "Utilisateurs" broke inside the word (QA 10).
    for (const [locale, width, fixture] of [
      ['fr', 200, OUTAGE],
      ['de', 220, 'apple/multi_service_outage.js'],
      ['fr', 220, 'apple/multi_service_outage.js'],
    ]) {
      const { session } = await openLive(`layout-facts-${locale}-${width}`, {
        fixture,
        attrs: { view: 'panel', locale },
        wrap: (html) => `<div style="width: ${width}px">${html}</div>`,
      });
      const columns = await session.page.evaluate(() =>
        [...document.querySelector('#w').shadowRoot.querySelectorAll('.facts')].map((facts) => {
          const split = [];
          for (const dt of facts.querySelectorAll('dt')) {
            const node = dt.firstChild;
            let at = 0;
            for (const word of node?.textContent.split(' ') ?? []) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + word.length);
              if (word && range.getClientRects().length > 1) split.push(word);
              at += word.length + 1;
            }
          }
          return {
            facts: facts.getBoundingClientRect().width,
            value: Math.min(...[...facts.querySelectorAll('dd')].map((dd) => dd.getBoundingClientRect().width)),
            split,
          };
        }),
      );
      assert.ok(columns.length >= 1, `${locale} ${width}: an event with facts is shown`);
      for (const { facts, value, split } of columns) {
        assert.ok(value >= facts / 2, `${locale} ${width}: the values keep at least half (${value} of ${facts}px)`);
        assert.deepEqual(split, [], `${locale} ${width}: label words broken across lines`);
      }
      session.assertCleanConsole();
      await session.close();
    }
  });

  test("with room, an event's labels and values sit side by side", async () => {
    const { session } = await openLive('layout-facts-wide', { attrs: { view: 'panel', locale: 'fr' } });
    const rows = await session.page.evaluate(() =>
      [...document.querySelector('#w').shadowRoot.querySelectorAll('.facts dt')].map((dt) => [
        dt.getBoundingClientRect().top,
        dt.nextElementSibling.getBoundingClientRect().top,
      ]),
    );
    assert.ok(rows.length >= 1, 'an event with facts is shown');
    for (const [label, value] of rows) assert.ok(Math.abs(label - value) < 1, `label ${label} and value ${value} on one line`);
    await session.close();
  });

  test("on a right-to-left page the widget keeps its left-to-right text, and sits at the page's start", async () => {
    const { session, w } = await openLive('layout-rtl', {
      attrs: { locale: 'en' },
      rtl: true,
    });
    const { page } = session;
    const edges = () =>
      page.evaluate(() => {
        const host = document.querySelector('#w');
        const root = host.shadowRoot;
        const right = (node) => node && Math.round(node.getBoundingClientRect().right);
        return {
          host: right(host),
          badge: right(root.querySelector('[data-testid=badge]')),
          panel: right(root.querySelector('[data-testid=panel]')),
          body: right(document.body),
        };
      });
    const closed = await edges();
    assert.equal(closed.badge, closed.body, `the closed badge is at the page's right (${JSON.stringify(closed)})`);
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const open = await edges();
    // The host grows to the panel's width from the page's start; the badge stays put.
    assert.equal(open.badge, closed.badge, `the badge does not move when the panel opens (${JSON.stringify(open)})`);
    assert.equal(open.panel, open.host, `the panel starts at the host's right (${JSON.stringify(open)})`);
    const directions = await page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      const dir = (selector) => getComputedStyle(root.querySelector(selector)).direction;
      return {
        page: getComputedStyle(document.body).direction,
        badge: dir('[data-testid=badge-text]'),
        overall: dir('[data-testid=overall]'),
        live: dir('[data-testid=live-region]'),
      };
    });
    assert.deepEqual(directions, { page: 'rtl', badge: 'ltr', overall: 'ltr', live: 'ltr' });
    session.assertCleanConsole();
    await session.close();
  });

  test('a right-to-left label stays before a right-to-left service name in the badge', async () => {
    // QA 8: "שירותים" and "خدمة الدفع 2" merged into one right-to-left run across the
    // separator, and the label was drawn after the name.
    const feed = {
      page: { id: 'p', name: 'P' },
      components: [{ id: 'pay', name: 'خدمة الدفع 2', status: 'major_outage' }],
    };
    const { session, page } = await openLive('layout-rtl-label', {
      body: JSON.stringify(feed),
      attrs: { label: 'שירותים', components: 'خدمة الدفع 2' },
    });
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      const label = root.querySelector('[data-testid=badge-label]').getBoundingClientRect();
      const text = [...root.querySelector('[data-testid=badge-text]').getClientRects()];
      return { labelRight: label.right, textLeft: Math.min(...text.map((r) => r.left)) };
    });
    assert.ok(boxes.labelRight <= boxes.textLeft + 1, `the label ends before the text starts: ${JSON.stringify(boxes)}`);
    session.assertCleanConsole();
    await session.close();
  });

  test('with room to spare the panel keeps its 380px', async () => {
    const { session } = await openLive('layout-wide', {
      fixture: 'apple/all_operational.js',
      attrs: { view: 'panel' },
    });
    const m = await measure(session.page, '#w');
    assert.equal(Math.round(m.panel), 380, `panel width (${JSON.stringify(m)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test('printed, a dark widget takes the light palette: browsers drop its dark background', async () => {
    const { session, page } = await openLive('layout-print', { attrs: { view: 'panel', theme: 'dark' } });
    const colours = () =>
      page.evaluate(() => {
        const root = document.querySelector('#w').shadowRoot;
        const colour = (selector) => getComputedStyle(root.querySelector(selector)).color;
        return { text: colour('[data-testid=overall]'), update: colour('[data-testid=update-body]') };
      });
    const screen = await colours();
    assert.equal(screen.text, 'rgb(240, 246, 252)', 'dark theme on screen');
    await page.emulateMedia({ media: 'print' });
    const print = await colours();
    assert.deepEqual(print, { text: 'rgb(31, 35, 40)', update: 'rgb(31, 35, 40)' });
    session.assertCleanConsole();
    await session.close();
  });

  test("the README's header recipe, pasted into a flex header, keeps the badge whole and the page its width", async () => {
    // The CSS block after "In a header, where the panel should open over the page", as
    // the README writes it: a partner pastes it, so it must work as it is.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const recipe = readme.split('In a header, where the panel')[1]?.split('```css\n')[1]?.split('```')[0];
    assert.ok(recipe?.includes('.header-status'), 'the README has the header recipe');
    // The README asks for a header that wraps: on a phone, beside a menu and with a label,
    // one that does not squeezes the badge into a sliver (93px wide, a word a line).
    const head = (wrap) => `<style>
      header { display: flex; ${wrap ? 'flex-wrap: wrap; ' : ''}justify-content: space-between; align-items: center; gap: 1rem; padding: 0.5rem 1rem; }
      ${recipe}
    </style>`;
    const cases = [
      { width: 1000, wrap: false, menu: '' },
      { width: 360, wrap: false, menu: '' },
      { width: 1000, wrap: true, menu: '<span>Menu</span>' },
      { width: 320, wrap: true, menu: '<span>Menu</span>' },
    ];
    for (const { width, wrap, menu } of cases) {
      const { session, page, w } = await openLive(`layout-recipe-${width}-${wrap}`, {
        head: head(wrap),
        width,
        attrs: menu ? { label: 'Acme services' } : {},
        wrap: (widgetHtml) => `<header><b>Acme</b>${menu}<div class="header-status">${widgetHtml}</div></header><main>Page</main>`,
      });
      const badge = async () => {
        const m = await measure(page, '#w');
        const b = await w.badge.boundingBox();
        return { ...m, badgeWidth: b.width, badgeHeight: b.height };
      };
      const closed = await badge();
      assert.ok(closed.badgeWidth >= 150, `the badge is not squeezed (${width}px: ${JSON.stringify(closed)})`);
      assert.ok(closed.badgeHeight <= 80, `the badge keeps to a line or two (${width}px: ${JSON.stringify(closed)})`);
      assert.ok(closed.scroll <= closed.viewport, `no horizontal scroll (${width}px: ${JSON.stringify(closed)})`);
      await w.badge.click();
      await w.panel.waitFor({ timeout: WAIT_MS });
      const open = await badge();
      assert.ok(open.panel >= 200, `the panel has room (${width}px: ${JSON.stringify(open)})`);
      assert.ok(open.panelRight <= open.viewport, `the panel ends on screen (${width}px: ${JSON.stringify(open)})`);
      assert.ok(open.scroll <= open.viewport, `no horizontal scroll when open (${width}px: ${JSON.stringify(open)})`);
      session.assertCleanConsole();
      await session.close();
    }
  });

  test("the README's header recipe beside a menu: the open panel keeps its 380px over the page, the closed badge keeps to its box", async () => {
    // The menu leaves the status box its min-width (18rem, 288px), less than the panel's
    // 380px; the label makes the badge longer than the box.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const recipe = readme.split('In a header, where the panel')[1]?.split('```css\n')[1]?.split('```')[0];
    const head = `<style>
      header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: 0.5rem 1rem; }
      nav { display: flex; gap: 1rem; width: 600px; }
      ${recipe}
    </style>`;
    const { session, page, w } = await openLive('layout-recipe-menu', {
      head,
      attrs: { label: 'Apple services for Acme Notes customers' },
      wrap: (widgetHtml) =>
        `<header><b>Acme</b><nav><a href="#a">Features</a><a href="#b">Pricing</a><a href="#c">Support</a></nav>` +
        `<div class="header-status">${widgetHtml}</div></header><main>Page</main>`,
    });
    const geometry = () =>
      page.evaluate(() => {
        const host = document.querySelector('#w');
        const panel = host.shadowRoot.querySelector('[data-testid=panel]');
        const badge = host.shadowRoot.querySelector('[data-testid=badge]').getBoundingClientRect();
        return {
          viewport: document.documentElement.clientWidth,
          scroll: document.documentElement.scrollWidth,
          menuRight: document.querySelector('nav').getBoundingClientRect().right,
          boxLeft: host.parentElement.getBoundingClientRect().left,
          boxWidth: host.parentElement.getBoundingClientRect().width,
          badgeLeft: badge.left,
          left: host.getBoundingClientRect().left,
          right: host.getBoundingClientRect().right,
          panel: panel ? panel.getBoundingClientRect().width : null,
        };
      });
    const closed = await geometry();
    assert.ok(closed.boxWidth < 380, `the box is narrower than the panel (${JSON.stringify(closed)})`);
    assert.ok(closed.badgeLeft >= closed.boxLeft - 0.5, `the badge keeps to its box (${JSON.stringify(closed)})`);
    assert.ok(closed.left >= closed.menuRight, `the closed element does not cover the menu (${JSON.stringify(closed)})`);
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const open = await geometry();
    assert.equal(Math.round(open.panel), 380, `the panel has its full width (${JSON.stringify(open)})`);
    assert.ok(open.left >= 0 && open.right <= open.viewport, `the panel is on screen (${JSON.stringify(open)})`);
    assert.ok(open.scroll <= open.viewport, `no horizontal scroll when open (${JSON.stringify(open)})`);
    session.assertCleanConsole();
    await session.close();
  });

  test("in a fixed header, the README's max-height keeps the panel on screen and Tab scrolls to its end", async () => {
    // The README's recipe for a header that does not scroll with the page.
    const head = `<style>
      header { position: fixed; top: 0; left: 0; right: 0; height: 3rem; background: #eee; }
      .header-status { position: absolute; top: 0.4rem; right: 1rem; }
      .header-status telltale-status::part(panel) { max-height: calc(100vh - 4rem); overflow-y: auto; }
      main { margin-top: 4rem; }
    </style>`;
    const { session, page, w } = await openLive('layout-fixed', {
      attrs: { link: 'https://status.example.com/' },
      head,
      wrap: (widgetHtml) => `<header><div class="header-status">${widgetHtml}</div></header><main>Page</main>`,
    });
    await page.setViewportSize({ width: 1000, height: 420 });
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const box = () =>
      page.evaluate(() => {
        const root = document.querySelector('#w').shadowRoot;
        const panel = root.querySelector('[data-testid=panel]').getBoundingClientRect();
        const link = root.querySelector('[data-testid=status-link]').getBoundingClientRect();
        const scroller = root.querySelector('[data-testid=panel]');
        return {
          panelBottom: panel.bottom,
          linkTop: link.top,
          linkBottom: link.bottom,
          capped: scroller.scrollHeight > scroller.clientHeight,
          focused: root.activeElement?.getAttribute('data-testid') ?? null,
        };
      });
    const before = await box();
    assert.ok(before.capped, 'the outage panel is taller than the cap here');
    assert.ok(before.panelBottom <= 420, `the panel ends on screen (${JSON.stringify(before)})`);
    assert.ok(before.linkTop > before.panelBottom, 'the status link starts out of view');
    const scrollTop = () =>
      page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('[data-testid=panel]').scrollTop);
    await page.keyboard.press('Tab');
    assert.equal((await box()).focused, 'close', 'Tab goes from the badge into the panel');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('#w').shadowRoot.querySelector('[data-testid=panel]').scrollTop > 0,
      null,
      { timeout: WAIT_MS },
    );
    assert.ok((await scrollTop()) > 0, 'the arrow keys scroll the panel');
    for (let i = 0; i < 30 && (await box()).focused !== 'status-link'; i += 1) {
      await page.keyboard.press('Tab');
    }
    const after = await box();
    assert.equal(after.focused, 'status-link', 'Tab reaches the link at the end of the panel');
    assert.ok(after.linkBottom <= after.panelBottom + 1, `and it is scrolled into view (${JSON.stringify(after)})`);
    session.assertCleanConsole();
    await session.close();
  });
});
