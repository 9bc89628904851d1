// A host page with hostile global CSS and globals named like wasm-bindgen's: the widget
// stays intact, and it changes none of the host's elements, styles or globals.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, openPage, startHarness, widget } from './helpers.mjs';

describe('hostile host page', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  test('the widget is intact and the host page is untouched', async () => {
    const { server, browser } = harness;
    server.setFeed('hostile', { fixture: 'apple/multi_service_outage.js' });
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/pages/hostile.html'));
    const w = widget(page);
    await w.waitForPhase('live');

    // Readable: text present, its own size and colour, not the host's 40px red.
    assert.match(await w.badgeText.textContent(), /major outage/i);
    const style = await w.badgeText.evaluate((node) => {
      const computed = getComputedStyle(node);
      return { fontSize: computed.fontSize, color: computed.color, display: computed.display };
    });
    assert.notEqual(style.fontSize, '40px', 'font-size from the host leaked in');
    assert.notEqual(style.color, 'rgb(255, 0, 0)', 'colour from the host leaked in');
    const box = await w.badge.boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0 && box.height < 120, `badge box ${JSON.stringify(box)}`);
    // The host's `button { all: unset }` does not reach the badge: it is still a focusable button.
    await w.badge.focus();
    assert.equal(
      await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.tagName),
      'BUTTON',
    );
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });

    const { hostBefore, hostAfter } = await page.evaluate(() => ({
      hostBefore: window.hostBefore,
      hostAfter: window.hostSnapshot(),
    }));
    const added = hostAfter.keys.filter((key) => !hostBefore.keys.includes(key));
    const removed = hostBefore.keys.filter((key) => !hostAfter.keys.includes(key));
    assert.deepEqual(added, ['Telltale'], 'globals added by the widget');
    assert.deepEqual(removed, [], 'globals removed by the widget');
    assert.equal(hostAfter.html, hostBefore.html, 'light DOM changed');
    assert.deepEqual(hostAfter.sheets, hostBefore.sheets, 'document stylesheets changed');
    assert.equal(hostAfter.adopted, hostBefore.adopted, 'adopted stylesheets changed');
    assert.deepEqual(
      await page.evaluate(() => ({ init: window.init(), wasmBindgen: window.wasm_bindgen })),
      { init: 'host init', wasmBindgen: { host: true } },
      "the host's own globals keep their values",
    );

    // The host's own page still works.
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-count').textContent(), '1');
    session.assertCleanConsole();
    await session.close();
  });
});
