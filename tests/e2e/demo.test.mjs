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
    await outage.check();
    await everyTone('telltale-status[data-demo]:not([components])', 'major_outage');
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
    // In progress, and its window (21:00–05:00 UTC, shown at its middle) is still open: the
    // update posted 3 h 30 min before the middle reads "3 h ago".
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
