// The demo as `scripts/demo.sh` serves it (the repository root): every widget on the demo
// and partner pages starts, nothing errors, and the scenario switcher changes what they show.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, openPage, settledWidgets, startHarness, widget } from './helpers.mjs';

describe('demo pages', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  for (const path of ['/index.html', '/www/support.html', '/www/storefront.html']) {
    test(`${path}: every widget goes live without console errors`, async () => {
      const session = await openPage(harness.browser);
      await session.page.goto(harness.server.url(path));
      const widgets = await settledWidgets(session.page);
      for (const widget of widgets) {
        assert.equal(widget.phase, 'live', `${widget.feed} on ${path}`);
      }
      session.assertCleanConsole();
      await session.close();
    });
  }

  test('the demo pages never skip a heading level, and no heading repeats the one before it', async () => {
    // With the panels' own headings, in the order a screen reader lists them.
    for (const path of ['/index.html', '/www/support.html', '/www/storefront.html']) {
      const session = await openPage(harness.browser);
      await session.page.goto(harness.server.url(path));
      await settledWidgets(session.page);
      const headings = await session.page.evaluate(() => {
        const found = [];
        const walk = (root) => {
          for (const node of root.querySelectorAll('*')) {
            if (/^H[1-6]$/.test(node.tagName) && node.checkVisibility()) {
              found.push([Number(node.tagName[1]), node.textContent.trim()]);
            }
            if (node.shadowRoot) walk(node.shadowRoot);
          }
        };
        walk(document);
        return found;
      });
      assert.equal(headings[0]?.[0], 1, `${path} starts with an h1: ${JSON.stringify(headings)}`);
      for (let i = 1; i < headings.length; i++) {
        const [[level, text], [before, textBefore]] = [headings[i], headings[i - 1]];
        assert.ok(level <= before + 1, `${path}: "${text}" (h${level}) after "${textBefore}" (h${before})`);
        assert.notEqual(text, textBefore, `${path}: "${text}" twice in a row`);
      }
      if (path === '/index.html') {
        // The open panel continues the page's outline under its section (heading="3").
        const at = headings.findIndex(([, text]) => text === 'The panel');
        assert.equal(headings[at + 1]?.[0], 3, `the panel's own heading nests: ${JSON.stringify(headings)}`);
      }
      await session.close();
    }
  });

  test('/index.html: the scenario switcher moves the demo widgets to an outage and back', async () => {
    const session = await openPage(harness.browser);
    const { page } = session;
    await page.goto(harness.server.url('/index.html'));
    await settledWidgets(page);
    // Waits until there are widgets matching `selector` and every one shows `want` live.
    const everyTone = (selector, want) =>
      page.waitForFunction(
        ([selector, want]) => {
          const hosts = [...document.querySelectorAll(selector)];
          const tone = (host) =>
            host.shadowRoot?.querySelector('[data-testid=root][data-phase=live] [data-testid=badge]')?.dataset.tone;
          return hosts.length > 0 && hosts.every((host) => tone(host) === want);
        },
        [selector, want],
        { timeout: WAIT_MS },
      );
    const demoTones = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('telltale-status[data-demo]')].map(
          (host) => host.shadowRoot?.querySelector('[data-testid=root][data-phase=live] [data-testid=badge]')?.dataset.tone,
        ),
      );
    const outage = page.locator('input[name=scenario][value=outage]');
    assert.equal(await outage.count(), 1, 'the demo page has an "outage" scenario');
    // A reader on the Buy button keeps their focus when the page holds purchases back.
    await page.focus('#buy');
    await page.evaluate(() => {
      const radio = document.querySelector('input[name=scenario][value=outage]');
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await everyTone('telltale-status[data-demo]:not([components])', 'major_outage');
    await page.waitForFunction(() => document.getElementById('buy').getAttribute('aria-disabled') === 'true', null, {
      timeout: WAIT_MS,
    });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'buy', 'the Buy button keeps the focus');
    await outage.check();
    // The sample feed depicts an outage that began at 10:38 UTC on 20 November 2026; the
    // demo serves it as beginning 1 h 22 min before now, so it reads as happening now.
    const started = await page.evaluate(() => {
      const panel = document.querySelector('telltale-status[data-demo][view=panel]').shadowRoot;
      const card = panel.querySelector('[data-testid=incident]');
      const facts = [...card.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]);
      return Object.fromEntries(facts).Started;
    });
    assert.match(started, /\(1 h ago\)$/, `the outage started ${started}`);
    const maintenance = page.locator('input[name=scenario][value=maintenance]');
    await maintenance.check();
    await everyTone('telltale-status[data-demo]:not([components])', 'maintenance');
    const window = await page.evaluate(() => {
      const panel = document.querySelector('telltale-status[data-demo][view=panel]').shadowRoot;
      const card = panel.querySelector('[data-testid=maintenance]');
      return [card.querySelector('[data-testid=maintenance-status]').textContent, card.textContent];
    });
    // In progress, and its window (21:00–05:00 UTC, shown at 23:45) is still open: the
    // update was posted as it opened, 2 h 45 min before.
    assert.equal(window[0], 'In progress');
    assert.match(window[1], /\(3 h ago\)/, window[1]);
    await page.locator('input[name=scenario][value=operational]').check();
    await everyTone('telltale-status[data-demo]', 'operational');
    const tones = await demoTones();
    assert.ok(tones.length >= 2, `the demo has its widgets: ${tones}`);
    assert.ok(tones.every((tone) => tone === 'operational'), `${tones}`);
    // The shop's widget shows the iTunes Store alone, under a label naming it: its state,
    // not "All systems operational" for services it does not show.
    const watch = await page.evaluate(() =>
      document.querySelector('#store-watch').shadowRoot.querySelector('[part~=badge]').textContent);
    assert.match(watch.replace(/\s+/g, ' '), /iTunes Store\W+Operational/, watch);
    assert.doesNotMatch(watch, /All systems/, watch);
    session.assertCleanConsole();
    await session.close();
  });

  // Widths where the header's status box is narrower than the open panel: the storefront
  // at 870px gave its panel 282px and wrapped its badge, the support page at 760px 277px.
  for (const [path, width] of [['/index.html', 640], ['/www/support.html', 760], ['/www/storefront.html', 870]]) {
    test(`${path} at ${width}px: the header's badge keeps to one line and its open panel has its full width on screen`, async () => {
      const session = await openPage(harness.browser, { viewport: { width, height: 800 } });
      const { page } = session;
      await page.goto(harness.server.url(path));
      await settledWidgets(page);
      const w = widget(page, 'header telltale-status');
      const measure = () =>
        page.evaluate(() => {
          const host = document.querySelector('header telltale-status');
          const root = host.shadowRoot;
          const box = host.getBoundingClientRect();
          const words = root.querySelector('.badge-words');
          const panel = root.querySelector('[data-testid=panel]')?.getBoundingClientRect();
          // What else the header shows (its logo and menu links) that the element covers.
          const covered = [...document.querySelectorAll('header a, header p')]
            .filter((node) => !host.contains(node) && !node.contains(host))
            .map((node) => [node.textContent.trim(), node.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top)
            .map(([text]) => text);
          return {
            position: getComputedStyle(host).position,
            lines: Math.round(words.getBoundingClientRect().height / parseFloat(getComputedStyle(words).lineHeight)),
            left: box.left,
            right: box.right,
            panel: panel ? panel.width : null,
            covered,
            viewport: document.documentElement.clientWidth,
            scroll: document.documentElement.scrollWidth,
          };
        });
      const closed = await measure();
      const at = (m) => `${path} at ${width}px: ${JSON.stringify(m)}`;
      assert.equal(closed.position, 'absolute', `the header's element is an overlay here (${at(closed)})`);
      assert.equal(closed.lines, 1, `the badge is on one line (${at(closed)})`);
      assert.deepEqual(closed.covered, [], `the badge covers nothing in the header (${at(closed)})`);
      assert.ok(closed.scroll <= closed.viewport, `closed: no horizontal scroll (${at(closed)})`);
      await w.badge.click();
      await w.panel.waitFor({ timeout: WAIT_MS });
      const open = await measure();
      assert.ok(open.panel >= 360, `the open panel has its full width (${at(open)})`);
      assert.ok(open.left >= 0 && open.right <= open.viewport, `the open panel is on screen (${at(open)})`);
      assert.ok(open.scroll <= open.viewport, `open: no horizontal scroll (${at(open)})`);
      session.assertCleanConsole();
      await session.close();
    });
  }

  test('/www/storefront.html: the panel is French throughout, its own words and the feed\'s', async () => {
    const session = await openPage(harness.browser, { locale: 'en-US' });
    const { page } = session;
    await page.goto(harness.server.url('/www/storefront.html'));
    await settledWidgets(page);
    const panel = widget(page, 'aside telltale-status');
    // The three services the shop names, out of the feed's ten.
    assert.deepEqual(
      (await panel.components.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim()),
      ['App Store Opérationnel', 'Apple Music Opérationnel', 'iTunes Store Panne partielle'],
    );
    const incident = panel.incidents.first();
    const text = (await incident.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /Panne partielle · En cours/, text);
    assert.match(text, /Utilisateurs concernés ?Certains utilisateurs sont concernés\./, text);
    assert.match(text, /les achats n’aboutissent pas/, text);
    // The reader's browser is English; the page's lang="fr" decides. No English is left,
    // neither the widget's nor the feed's.
    const whole = await panel.panel.textContent();
    assert.doesNotMatch(whole, /Operational|Started|Users|affected|Ongoing|Updated/, whole);
    session.assertCleanConsole();
    await session.close();
  });
});
