// The demo as `scripts/demo.sh` serves it (the repository root): every widget on the demo
// and partner pages starts, nothing errors, and the scenario switcher changes what they show.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, openPage, settledWidgets, startHarness } from './helpers.mjs';

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
    await page.locator('input[name=scenario][value=operational]').check();
    await everyTone('telltale-status[data-demo]', 'operational');
    const tones = await demoTones();
    assert.ok(tones.length >= 2, `the demo has its widgets: ${tones}`);
    assert.ok(tones.every((tone) => tone === 'operational'), `${tones}`);
    session.assertCleanConsole();
    await session.close();
  });
});
