// A plain HTML page with the partner snippet: the badge a person sees for real feed
// fixtures, the panel a click opens, and the keyboard path through it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appleOngoingEvent, squash, statuspageLatestUpdate } from './fixtures.mjs';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

describe('badge on a plain page with the snippet', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  /** The `data-testid` of what has focus inside the widget, or the focused page element's tag. */
  const focused = (page) =>
    page.evaluate(() => {
      const host = document.activeElement;
      return host?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? host?.tagName ?? null;
    });

  async function showFeed(fixture, attrs = {}) {
    const { server, browser } = harness;
    const name = `badge-${fixture.replace(/\W/g, '_')}`;
    server.setFeed(name, { fixture });
    server.setPage(`/t/${name}.html`, hostPage({ body: snippet({ feed: `/feeds/${name}`, ...attrs }) }));
    const session = await openPage(browser);
    await session.page.goto(server.url(`/t/${name}.html`));
    const w = widget(session.page);
    await w.waitForPhase('live');
    return { session, w };
  }

  test('statuspage operational feed shows "All systems operational"', async () => {
    const { session, w } = await showFeed('statuspage/summary_operational.json');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    assert.equal(squash(await w.badgeText.textContent()), 'All systems operational');
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'false');
    assert.match(await w.badge.getAttribute('aria-label'), /all systems operational/i);
    // The badge has an icon, so the state is never told by colour alone; icons are
    // decoration for assistive technology (the text and aria-label say it in words).
    const icons = w.badge.locator('svg');
    assert.ok((await icons.count()) >= 1, 'badge has an icon');
    assert.deepEqual(
      await icons.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-hidden'))),
      Array(await icons.count()).fill('true'),
    );
    // The fallback link is no longer what shows.
    assert.equal(await session.page.getByRole('link', { name: 'System status' }).isVisible(), false);
    session.assertCleanConsole();
    await session.close();
  });

  test('loaded as a module from a page in another folder, the script still finds its wasm', async () => {
    // A module script has no document.currentScript: the wasm must still come from the
    // script's folder (/dist/), not from the page's (/t/deep/).
    const { server, browser } = harness;
    server.setFeed('badge-module', { fixture: 'statuspage/summary_operational.json' });
    server.setPage(
      '/t/deep/module.html',
      hostPage({
        body: snippet({ feed: '/feeds/badge-module' }),
        script: '<script type="module" src="/dist/telltale.js"></script>',
      }),
    );
    const seen = server.requests.length;
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/deep/module.html'));
    const w = widget(session.page);
    await w.waitForPhase('live');
    assert.equal(squash(await w.badgeText.textContent()), 'All systems operational');
    const wasm = server.requests
      .slice(seen)
      .map((r) => r.path)
      .filter((path) => path.endsWith('telltale_bg.wasm'));
    assert.deepEqual(wasm, ['/dist/telltale_bg.wasm']);
    session.assertCleanConsole();
    await session.close();
  });

  test('apple multi-service outage shows a major outage badge', async () => {
    const { session, w } = await showFeed('apple/multi_service_outage.js');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.match(squash(await w.badgeText.textContent()), /major outage/i);
    assert.match(await w.badge.getAttribute('aria-label'), /major outage/i);
    session.assertCleanConsole();
    await session.close();
  });

  test('statuspage declared incident without component change is not "operational"', async () => {
    const fixture = 'statuspage/summary_major_incident_no_component_change.json';
    const { session, w } = await showFeed(fixture);
    assert.notEqual(await w.badge.getAttribute('data-tone'), 'operational');
    assert.doesNotMatch(squash(await w.badgeText.textContent()), /all systems operational/i);

    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    const { incident, body } = statuspageLatestUpdate(fixture);
    const shown = w.inside('incident').filter({ hasText: incident.name.trim() });
    assert.equal(await shown.count(), 1, `incident "${incident.name}" is in the panel`);
    // Newest update first.
    assert.equal(squash(await shown.locator('[data-testid=update-body]').first().textContent()), squash(body));
    session.assertCleanConsole();
    await session.close();
  });

  test('click opens the panel with the incident\'s latest update; a second click closes it', async () => {
    const fixture = 'apple/multi_service_outage.js';
    const { session, w } = await showFeed(fixture);
    assert.equal(await w.panel.isVisible(), false, 'panel starts closed');
    assert.equal(await w.badge.getAttribute('aria-controls'), null, 'a closed panel is not pointed at');
    // The name says the state and what the button is for, the same open or closed:
    // aria-expanded alone says which (a name that changed too would say it twice).
    const name = await w.badge.getAttribute('aria-label');
    assert.match(name, /\. Status details$/);

    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'true');
    assert.equal(await w.badge.getAttribute('aria-label'), name);
    assert.equal(await w.badge.getAttribute('aria-controls'), await w.panel.getAttribute('id'));
    assert.equal(await w.panel.getAttribute('role'), 'region');

    const { event, services } = appleOngoingEvent(fixture);
    const bodies = (await w.updateBodies.allTextContents()).map(squash);
    assert.ok(bodies.includes(squash(event.message)), `panel shows "${event.message}"; saw ${JSON.stringify(bodies)}`);
    // One incident for the one event, however many services list it.
    assert.equal(await w.incidents.count(), 1);
    // Every service under that event is shown as not operational.
    for (const service of services) {
      const row = w.components.filter({ hasText: service });
      assert.ok((await row.count()) >= 1, `component row for ${service}`);
      assert.notEqual(await row.first().getAttribute('data-tone'), 'operational', service);
    }
    const timeAttr = await w.inside('update').first().locator('time').getAttribute('datetime');
    assert.ok(!Number.isNaN(Date.parse(timeAttr)), `update <time datetime="${timeAttr}">`);

    await w.badge.click();
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'false');
    session.assertCleanConsole();
    await session.close();
  });

  test('keyboard: Tab reaches the badge, Enter opens, Escape closes and focus returns', async () => {
    const { session, w } = await showFeed('statuspage/summary_major_incident_no_component_change.json');
    const { page } = session;
    const focusedTestId = () => focused(page);

    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(), 'badge');
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'true');

    // Into the panel: its close button comes first. Escape from inside the panel closes
    // it, and focus (which was inside what is removed) goes back to the badge.
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(), 'close', 'Tab moves into the panel');
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'false');
    assert.equal(await focusedTestId(), 'badge', 'focus returns to the badge');

    // Space toggles too (native button behaviour), both ways; so does Enter.
    await page.keyboard.press('Space');
    await w.panel.waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Space');
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    assert.equal(await focusedTestId(), 'badge');
    session.assertCleanConsole();
    await session.close();
  });

  test("a partner's language switch while the reader is in the open panel keeps it open and focus in the widget", async () => {
    const { session, w } = await showFeed('statuspage/summary_major_incident_no_component_change.json');
    const { page } = session;
    const focus = () => focused(page);
    await w.badge.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Tab');
    assert.equal(await focus(), 'close');

    await page.evaluate(() => document.querySelector('telltale-status').setAttribute('locale', 'fr'));
    await page.locator('telltale-status [data-testid=root][lang=fr]').waitFor({ timeout: WAIT_MS });
    await w.panel.filter({ hasText: /Dernière mise à jour/ }).waitFor({ timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'true', 'the panel stays open');
    assert.equal(await focus(), 'badge', 'focus stays in the widget, on its badge');

    // A closed panel stays closed, and focus on the page stays where it was.
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await page.evaluate(() => document.querySelector('h1').setAttribute('tabindex', '-1'));
    await page.evaluate(() => document.querySelector('h1').focus());
    await page.evaluate(() => document.querySelector('telltale-status').setAttribute('locale', 'de'));
    await page.locator('telltale-status [data-testid=root][lang=de]').waitFor({ timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'false');
    assert.equal(await focus(), 'H1', "the reader's focus on the page is not taken");
    session.assertCleanConsole();
    await session.close();
  });

  test('taken out of the page and put back in a later task, a widget keeps its panel open, or closed', async () => {
    // A framework that re-renders its view may detach the element and attach it again.
    const { session, w } = await showFeed('statuspage/summary_major_incident_no_component_change.json');
    const { page } = session;
    const reinsert = () =>
      page.evaluate(async () => {
        const element = document.querySelector('telltale-status');
        const parent = element.parentNode;
        element.remove();
        await new Promise((done) => setTimeout(done, 100));
        parent.append(element);
      });
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    await reinsert();
    await w.waitForPhase('live');
    await w.panel.waitFor({ timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'true', 'the panel stays open');

    await w.badge.click();
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await reinsert();
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'false', 'a closed panel stays closed');
    assert.equal(await w.panel.count(), 0);
    session.assertCleanConsole();
    await session.close();
  });

  test('a restarted view=notice widget shows its status from the first render, so focus stays on its badge', async () => {
    // A notice hides while nothing is known: started afresh it would be hidden for its
    // first render, with nothing to take the reader's focus.
    const { session, w } = await showFeed('statuspage/summary_major_incident_no_component_change.json', {
      view: 'notice',
    });
    const { page } = session;
    await w.badge.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ timeout: WAIT_MS });
    const phases = await page.evaluate(async () => {
      const element = document.querySelector('telltale-status');
      const seen = [];
      const watch = new MutationObserver(() => {
        const root = element.shadowRoot.querySelector('[data-testid=root]');
        seen.push(root ? root.getAttribute('data-phase') : 'none');
      });
      watch.observe(element.shadowRoot, { subtree: true, childList: true, attributes: true });
      element.setAttribute('locale', 'de');
      await new Promise((resolve) => setTimeout(resolve, 300));
      watch.disconnect();
      return [...new Set(seen)];
    });
    assert.ok(!phases.includes('loading'), `no loading state between the two widgets: ${phases}`);
    await page.locator('telltale-status [data-testid=root][lang=de]').waitFor({ timeout: WAIT_MS });
    assert.equal(await focused(page), 'badge');
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'true');
    session.assertCleanConsole();
    await session.close();
  });

  /**
   * Opens a page whose widget, on `/feeds/<name>` answering `fixture`, sits in a modal
   * "Need help?" dialog (a support page's), and counts in `window.escapesSeen` the
   * Escapes that reach the page's own handlers: the document's, and with
   * `onElement` the element's too. Closing on Escape is the dialog's default action,
   * which no listener of the page's would see in time to undo.
   */
  async function openInDialog(name, fixture, { onElement = false } = {}) {
    const { server, browser } = harness;
    server.setFeed(name, { fixture });
    const count = "(e) => { if (e.key === 'Escape') window.escapesSeen += 1; }";
    server.setPage(
      `/t/${name}.html`,
      hostPage({
        body: `<dialog id="help"><p>Need help?</p>${snippet({ feed: `/feeds/${name}` })}</dialog>`,
        after: `<script>document.getElementById('help').showModal();
          window.escapesSeen = 0;
          document.addEventListener('keydown', ${count});
          ${onElement ? `document.querySelector('telltale-status').addEventListener('keydown', ${count});` : ''}</script>`,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url(`/t/${name}.html`));
    const dialogOpen = () => page.evaluate(() => document.getElementById('help').open);
    return { session, page, w: widget(page), dialogOpen };
  }

  test('in a modal dialog, Escape closes the panel and leaves the dialog open; the next Escape is the dialog\'s', async () => {
    const { session, page, w, dialogOpen } = await openInDialog(
      'badge-dialog',
      'statuspage/summary_major_incident_no_component_change.json',
    );
    await w.waitForPhase('live');
    assert.equal(await dialogOpen(), true);

    await w.badge.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    assert.equal(await dialogOpen(), true, 'the dialog stays open');
    assert.equal(await page.evaluate(() => window.escapesSeen), 0, "the page's own handler did not fire");

    // With the panel closed, Escape is the page's again.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('help').open, null, { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => window.escapesSeen), 1);
    session.assertCleanConsole();
    await session.close();
  });

  test("escape on the page's fallback link at the panel's foot closes the panel, returns focus and leaves the dialog open", async () => {
    // The link is the element's own light-DOM child, shown through the panel's <slot>
    // (here because the feed cannot be read and names no status page).
    const { session, page, w, dialogOpen } = await openInDialog('badge-fallback-escape', 'bad/truncated.json', {
      onElement: true,
    });
    await w.waitForPhase('unavailable');

    await w.badge.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ timeout: WAIT_MS });
    const fallback = page.getByRole('link', { name: 'System status' });
    assert.equal(await fallback.isVisible(), true, 'the fallback link shows in the panel');
    await fallback.focus();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'A');

    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    assert.equal(await w.badge.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(page), 'badge', 'focus returns to the badge');
    assert.equal(await dialogOpen(), true, 'the dialog stays open');
    assert.equal(await page.evaluate(() => window.escapesSeen), 0, "the page's own handlers did not fire");
    session.assertCleanConsole();
    await session.close();
  });
});
