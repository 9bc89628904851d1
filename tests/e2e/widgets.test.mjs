// Several widgets on one page, the panel view with a component filter, and the JS API
// (`Telltale.mount` / `handle.refresh()` / `handle.unmount()`).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appleOngoingEvent, squash } from './fixtures.mjs';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

describe('widgets on one page', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });

  /**
   * Serves `/feeds/<name>` (answering `fixture`) and a page that mounts a widget with
   * `options` into `#slot` (holding `fallback`) right after the script ran, while the
   * wasm is still loading; opens it and waits until the widget is live.
   */
  async function openMounted(name, options, { fixture = 'apple/all_operational.js', fallback = '' } = {}) {
    const { server, browser } = harness;
    server.setFeed(name, { fixture });
    server.setPage(
      `/t/${name}.html`,
      hostPage({
        body: `<div id="slot">${fallback}</div>`,
        script: '<script src="/dist/telltale.js"></script>',
        after: `<script>
          window.handle = Telltale.mount(document.getElementById('slot'), ${JSON.stringify(options)});
        </script>`,
      }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url(`/t/${name}.html`));
    const w = widget(session.page, '#slot');
    await w.waitForPhase('live');
    return { server, session, page: session.page, w };
  }

  test('two widgets with different feeds show different states independently', async () => {
    const { server, browser } = harness;
    server.setFeed('two-a', { fixture: 'statuspage/summary_operational.json' });
    server.setFeed('two-b', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/two.html',
      hostPage({
        body:
          snippet({ id: 'a', feed: '/feeds/two-a', label: 'Platform' }) +
          '<p>Between the widgets.</p>' +
          snippet({ id: 'b', feed: '/feeds/two-b', label: 'Apple services' }),
      }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/two.html'));
    const a = widget(session.page, '#a');
    const b = widget(session.page, '#b');
    await a.waitForPhase('live');
    await b.waitForPhase('live');

    assert.equal(await a.badge.getAttribute('data-tone'), 'operational');
    assert.equal(await b.badge.getAttribute('data-tone'), 'major_outage');
    assert.equal(squash(await a.badgeLabel.textContent()), 'Platform');
    assert.equal(squash(await b.badgeLabel.textContent()), 'Apple services');
    assert.match(await b.badge.getAttribute('aria-label'), /^Apple services/);

    // Opening one leaves the other closed; their panel ids differ.
    await b.badge.click();
    await b.panel.waitFor({ timeout: WAIT_MS });
    assert.equal(await a.panel.isVisible(), false);
    assert.equal(await a.badge.getAttribute('aria-expanded'), 'false');
    await a.badge.click();
    await a.panel.waitFor({ timeout: WAIT_MS });
    assert.notEqual(await a.panel.getAttribute('id'), await b.panel.getAttribute('id'));
    assert.equal(server.feedRequests('two-a').length >= 1, true);
    assert.equal(server.feedRequests('two-b').length >= 1, true);
    session.assertCleanConsole();
    await session.close();
  });

  test("the reader's region sets the clock: a page (or a locale attribute) in en read in en-GB says 17:03, es-MX says 5:03 p.m.", async () => {
    const { server, browser } = harness;
    server.setFeed('region', { fixture: 'apple/all_operational.js' });
    // "Updated" is the time of the fetch: the reader's clock stands at 17:03 UTC, in UTC.
    const now = '2024-11-20T17:03:00Z';
    const cases = [
      // The page names the language; the browser's own list adds the region.
      { lang: 'en', browser: 'en-GB', updated: 'Updated 17:03 (just now)' },
      { lang: 'en', browser: 'en-US', updated: 'Updated 5:03 PM (just now)' },
      { lang: 'es-MX', browser: 'en-GB', updated: 'Actualizado: 5:03 p.m. (ahora mismo)' },
      { lang: 'es', browser: 'es-ES', updated: 'Actualizado: 17:03 (ahora mismo)' },
      // The attribute names the language as the page's lang does; the region still comes
      // from the page, then the browser.
      { lang: 'de', locale: 'en', browser: 'en-GB', updated: 'Updated 17:03 (just now)' },
      { lang: 'en-US', locale: 'en', browser: 'en-GB', updated: 'Updated 5:03 PM (just now)' },
      { lang: 'de', locale: 'en-US', browser: 'en-GB', updated: 'Updated 5:03 PM (just now)' },
      { lang: 'de', locale: 'fr', browser: 'fr-CA', updated: 'Dernière mise à jour : 17 h 03 (à l’instant)' },
    ];
    for (const [i, c] of cases.entries()) {
      server.setPage(
        `/t/region-${i}.html`,
        hostPage({ lang: c.lang, body: snippet({ feed: '/feeds/region', view: 'panel', ...(c.locale && { locale: c.locale }) }) }),
      );
      const session = await openPage(browser, { locale: c.browser, timezoneId: 'UTC' });
      await session.page.clock.setFixedTime(new Date(now));
      await session.page.goto(server.url(`/t/region-${i}.html`));
      const w = widget(session.page);
      await w.waitForPhase('live');
      const updated = squash(await w.inside('updated').textContent());
      assert.equal(updated, c.updated, `page ${c.lang}, locale ${c.locale}, browser ${c.browser}`);
      session.assertCleanConsole();
      await session.close();
    }
  });

  test("the widget speaks the language of the part of the page it is in: the nearest lang around it, else <html lang>, else the browser's", async () => {
    const { server, browser } = harness;
    server.setFeed('around', { fixture: 'apple/all_operational.js' });
    const cases = [
      // A French section of an English page.
      { lang: 'en', around: 'fr', root: /^fr\b/, text: 'Tous les systèmes sont opérationnels' },
      // Nested: the nearest lang wins.
      { lang: 'fr', around: 'es', inner: 'de', root: /^de\b/, text: 'Alle Systeme betriebsbereit' },
      // An empty lang is "unknown": the browser's languages decide, not <html lang>.
      { lang: 'de', around: '', root: /^en\b/, text: 'All systems operational' },
      // No lang around the widget: the page's.
      { lang: 'es', root: /^es\b/, text: 'Todos los sistemas funcionan con normalidad' },
      // Inside another component's shadow root the search stops at that root (the
      // README says so): the page's lang.
      { lang: 'en', around: 'fr', shadow: true, root: /^en\b/, text: 'All systems operational' },
    ];
    for (const [i, c] of cases.entries()) {
      let body = snippet({ feed: '/feeds/around' });
      if (c.shadow) {
        body =
          '<x-card></x-card><script>document.querySelector("x-card").attachShadow({ mode: "open" }).innerHTML = ' +
          `${JSON.stringify(body)};</script>`;
      }
      if (c.inner !== undefined) body = `<div lang="${c.inner}">${body}</div>`;
      if (c.around !== undefined) body = `<section lang="${c.around}"><p>Text</p>${body}</section>`;
      server.setPage(`/t/around-${i}.html`, hostPage({ lang: c.lang, body }));
      const session = await openPage(browser, { locale: 'en-US', timezoneId: 'UTC' });
      await session.page.goto(server.url(`/t/around-${i}.html`));
      const w = widget(session.page, c.shadow ? 'x-card telltale-status' : undefined);
      await w.waitForPhase('live');
      const where = `page ${c.lang}, around ${c.around}, inner ${c.inner}, shadow ${c.shadow}`;
      assert.match(await w.root.getAttribute('lang'), c.root, where);
      assert.equal(squash(await w.badgeText.textContent()), c.text, where);
      session.assertCleanConsole();
      await session.close();
    }
  });

  test('a page in pt-BR speaks Brazilian Portuguese; a page in pt read in pt-PT writes as Portugal does', async () => {
    const { server, browser } = harness;
    server.setFeed('portuguese', { fixture: 'apple/multi_service_outage.js' });
    const link = 'https://www.apple.com/br/support/systemstatus/';
    const now = '2026-11-20T17:03:00Z';
    const cases = [
      {
        lang: 'pt-BR',
        browser: 'en-US',
        root: 'pt-BR',
        action: 'Detalhes do status',
        link: 'Ver a página de status completa',
      },
      {
        lang: 'pt',
        browser: 'pt-PT',
        root: 'pt-PT',
        action: 'Detalhes do estado',
        link: 'Ver a página de estado completa',
      },
    ];
    for (const [i, c] of cases.entries()) {
      server.setPage(
        `/t/portuguese-${i}.html`,
        hostPage({ lang: c.lang, body: snippet({ feed: '/feeds/portuguese', link }) }),
      );
      const session = await openPage(browser, { locale: c.browser, timezoneId: 'UTC' });
      await session.page.clock.setFixedTime(new Date(now));
      await session.page.goto(server.url(`/t/portuguese-${i}.html`));
      const w = widget(session.page);
      await w.waitForPhase('live');
      const where = `page ${c.lang}, browser ${c.browser}`;
      assert.equal(await w.root.getAttribute('lang'), c.root, where);
      const text = squash(await w.badgeText.textContent());
      assert.match(text, /^Interrupção grave \(\d+ serviços\)$/, where);
      assert.equal(await w.badge.getAttribute('aria-label'), `${text}. ${c.action}`, where);
      await w.badge.click();
      await w.panel.waitFor({ timeout: WAIT_MS });
      assert.equal(squash(await w.inside('updated').textContent()), 'Última atualização: 17:03 (agora mesmo)', where);
      assert.equal(squash(await w.statusLink.textContent()), c.link, where);
      session.assertCleanConsole();
      await session.close();
    }
  });

  test('an event that ended an hour ago is listed under "Recently resolved", after the active ones', async () => {
    const { server, browser } = harness;
    const now = Date.now();
    const event = (id, status, startMs, endMs, message) => ({
      messageId: id,
      statusType: 'Outage',
      eventStatus: status,
      epochStartDate: startMs,
      epochEndDate: endMs,
      usersAffected: 'All users were affected.',
      message,
    });
    const feed = {
      services: [
        { serviceName: 'App Store', events: [event('1', 'resolved', now - 3 * 3600e3, now - 3600e3, 'Purchases failed.')] },
        { serviceName: 'iCloud Mail', events: [event('2', 'ongoing', now - 600e3, null, 'Mail is delayed.')] },
        { serviceName: 'Siri', events: [event('3', 'resolved', now - 50 * 3600e3, now - 49 * 3600e3, 'Old news.')] },
      ],
    };
    server.setFeed('resolved', { body: JSON.stringify(feed), contentType: 'application/json' });
    server.setPage('/t/resolved.html', hostPage({ body: snippet({ feed: '/feeds/resolved', view: 'panel' }) }));
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/resolved.html'));
    const w = widget(session.page);
    await w.waitForPhase('live');
    assert.deepEqual(await w.inside('incident-title').allTextContents(), ['iCloud Mail']);
    assert.deepEqual(await w.inside('resolved-title').allTextContents(), ['App Store'], 'Siri ended two days ago');
    assert.equal(await w.inside('resolved-status').textContent(), 'Resolved');
    const headings = await session.page.evaluate(() =>
      [...document.querySelector('telltale-status').shadowRoot.querySelectorAll('h3')].map((h) => h.textContent),
    );
    assert.deepEqual(headings, ['Services', 'Incidents', 'Recently resolved']);
    session.assertCleanConsole();
    await session.close();
  });

  test('--telltale-align: end keeps a badge at the right edge of a header in place when its panel opens', async () => {
    const { server, browser } = harness;
    server.setFeed('align', { fixture: 'apple/multi_service_outage.js' });
    // The README's header recipe: the element at the top end (right) of a positioned box.
    const header = (id, align) =>
      `<div style="position: relative; width: 700px; height: 40px">` +
      `<div style="position: absolute; top: 0; inset-inline-end: 0;${align}">${snippet({ id, feed: '/feeds/align', label: 'Apple' })}</div></div>`;
    const html = hostPage({ body: header('end', ' --telltale-align: end;') + header('start', '') });
    server.setPage('/t/align.html', html);
    // The same on a right-to-left page: the end is the left, and the badge stays there.
    server.setPage('/t/align-rtl.html', html.replace('<html lang="en">', '<html lang="ar" dir="rtl">'));
    /** Opens the panel of the widget `#id`: the badge's box before and after, the panel's. */
    const opened = async (page, id) => {
      const w = widget(page, `#${id}`);
      await w.waitForPhase('live');
      const closed = await w.badge.boundingBox();
      await w.badge.click();
      await w.panel.waitFor({ timeout: WAIT_MS });
      return { w, closed, open: await w.badge.boundingBox(), panel: await w.panel.boundingBox() };
    };
    {
      const session = await openPage(browser);
      await session.page.goto(server.url('/t/align-rtl.html'));
      const { closed, open, panel } = await opened(session.page, 'end');
      assert.ok(Math.abs(open.x - closed.x) < 1, `right to left: the badge stays (moved ${open.x - closed.x}px)`);
      assert.ok(Math.abs(open.x - panel.x) < 1, 'right to left: badge and panel share the left edge');
      session.assertCleanConsole();
      await session.close();
    }
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/align.html'));
    const moved = {};
    for (const id of ['end', 'start']) {
      const { w, closed, open, panel } = await opened(page, id);
      assert.ok(panel.width > closed.width + 50, `${id}: the panel (${panel.width}px) is wider than the badge`);
      moved[id] = open.x - closed.x;
      if (id === 'end') {
        assert.ok(Math.abs(open.x + open.width - (panel.x + panel.width)) < 1, 'badge and panel share the right edge');
        assert.equal(await w.panel.evaluate((el) => getComputedStyle(el).textAlign), 'start', 'the panel reads from the start');
      }
    }
    assert.ok(Math.abs(moved.end) < 1, `with end, the badge stays (moved ${moved.end}px)`);
    // Without it the element grows leftwards and takes the badge with it.
    assert.ok(moved.start < -50, `without it, the badge moves left (moved ${moved.start}px)`);
    session.assertCleanConsole();
    await session.close();
  });

  test('view=panel with components="App Store,iTunes Store" shows only those, always open', async () => {
    const { server, browser } = harness;
    const fixture = 'apple/multi_service_outage.js';
    server.setFeed('panel', { fixture });
    server.setPage(
      '/t/panel.html',
      hostPage({ body: snippet({ feed: '/feeds/panel', view: 'panel', components: 'App Store,iTunes Store' }) }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/panel.html'));
    const w = widget(session.page);
    await w.waitForPhase('live');
    await w.panel.waitFor({ timeout: WAIT_MS });

    const ids = await w.components.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
    assert.deepEqual(ids.sort(), ['App Store', 'iTunes Store']);
    for (const row of await w.components.all()) {
      assert.equal(await row.getAttribute('data-tone'), 'major_outage');
      assert.match(squash(await row.locator('[data-testid=component-state]').textContent()), /major outage/i);
    }
    const { event } = appleOngoingEvent(fixture);
    const bodies = (await w.updateBodies.allTextContents()).map(squash);
    assert.ok(bodies.includes(squash(event.message)), `panel shows the outage message; saw ${JSON.stringify(bodies)}`);
    session.assertCleanConsole();
    await session.close();
  });

  test('Telltale.mount renders into a div before the wasm loads; refresh() fetches; unmount() restores the fallback', async () => {
    // Mounted right after the script ran: the wasm is still loading, the handle queues.
    const { server, session, page, w } = await openMounted(
      'mount',
      { feed: '/feeds/mount', refresh: 120, label: 'Mounted' },
      {
        fixture: 'statuspage/summary_operational.json',
        fallback: '<a href="https://status.example.com/">Status page</a>',
      },
    );
    assert.equal(await page.evaluate(() => Telltale.version), '0.1.0');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    assert.equal(squash(await w.badgeLabel.textContent()), 'Mounted');
    assert.equal(await page.getByRole('link', { name: 'Status page' }).isVisible(), false);

    const before = server.feedRequests('mount').length;
    await page.evaluate(() => window.handle.refresh());
    await server.waitForFeedRequests('mount', before + 1, WAIT_MS);

    await page.evaluate(() => window.handle.unmount());
    await page.getByRole('link', { name: 'Status page' }).waitFor({ timeout: WAIT_MS });
    assert.equal(await w.root.count(), 0, 'nothing of the widget is left');
    // unmount() twice and refresh() after unmount are harmless.
    await page.evaluate(() => {
      window.handle.unmount();
      window.handle.refresh();
    });
    session.assertCleanConsole();
    await session.close();
  });

  test('an unmounted widget stops polling while another keeps going', async () => {
    const { server, browser } = harness;
    server.setFeed('poll-a', { fixture: 'apple/all_operational.js' });
    server.setFeed('poll-b', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/unmount.html',
      hostPage({
        body: '<div id="a"></div>' + snippet({ id: 'b', feed: '/feeds/poll-b' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 200 },
        after: `<script>
          window.handle = Telltale.mount(document.getElementById('a'), { feed: '/feeds/poll-a' });
        </script>`,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/unmount.html'));
    await widget(page, '#a').waitForPhase('live');
    await server.waitForFeedRequests('poll-a', 2, WAIT_MS);
    await page.evaluate(() => window.handle.unmount());
    const stoppedAt = server.feedRequests('poll-a').length;
    // The other widget's polls are the clock: three more of them is 600 ms or more.
    const clock = server.feedRequests('poll-b').length;
    await server.waitForFeedRequests('poll-b', clock + 3, WAIT_MS);
    // One request may have been in flight at the moment of unmount.
    assert.ok(server.feedRequests('poll-a').length <= stoppedAt + 1, 'no polling after unmount');

    // Removing the element stops it too.
    await page.evaluate(() => document.getElementById('b').remove());
    const removedAt = server.feedRequests('poll-b').length;
    server.setFeed('poll-c', { fixture: 'apple/all_operational.js' });
    await page.evaluate(() => {
      window.clock = Telltale.mount(document.getElementById('a'), { feed: '/feeds/poll-c' });
    });
    await server.waitForFeedRequests('poll-c', 3, WAIT_MS);
    assert.ok(server.feedRequests('poll-b').length <= removedAt + 1, 'no polling after removal');
    session.assertCleanConsole();
    await session.close();
  });

  test('a mounted widget whose element leaves the page stops by itself; a moved one keeps going', async () => {
    const { server, browser } = harness;
    for (const name of ['gone', 'moved', 'later']) server.setFeed(name, { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/detached.html',
      hostPage({
        body: '<div id="gone"></div><div id="moved"></div><section id="elsewhere"></section>',
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 150 },
        after: `<script>
          Telltale.mount(document.getElementById('gone'), { feed: '/feeds/gone' });
          Telltale.mount(document.getElementById('moved'), { feed: '/feeds/moved' });
          // Mounted before it is inserted: left alone until it has been in the page.
          window.later = document.createElement('div');
          Telltale.mount(window.later, { feed: '/feeds/later' });
        </script>`,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/detached.html'));
    await widget(page, '#gone').waitForPhase('live');
    await server.waitForFeedRequests('gone', 2, WAIT_MS);
    await server.waitForFeedRequests('later', 2, WAIT_MS);
    // No unmount(): the app just drops the element, and moves the other one.
    await page.evaluate(() => {
      document.getElementById('gone').remove();
      document.getElementById('elsewhere').append(document.getElementById('moved'));
      document.body.append(window.later);
    });
    const removedAt = server.feedRequests('gone').length;
    const moved = server.feedRequests('moved').length;
    await server.waitForFeedRequests('moved', moved + 6, WAIT_MS);
    // The poll that noticed may already have been sent.
    assert.ok(server.feedRequests('gone').length <= removedAt + 1, 'a removed widget stops polling');
    assert.equal(await widget(page, '#moved').root.getAttribute('data-phase'), 'live');
    const later = server.feedRequests('later').length;
    await server.waitForFeedRequests('later', later + 2, WAIT_MS);
    const live = await page.evaluate(() => Telltale.__test.stats().widgets);
    assert.equal(live, 2, 'the moved widget and the late-inserted one run; the removed one is gone');
    session.assertCleanConsole();
    await session.close();
  });

  test('a widget moved into a same-origin iframe keeps its styles and works there; mount takes an element of the iframe', async () => {
    // What a page does when it moves content into a Picture-in-Picture window or an
    // editor frame. A constructed stylesheet cannot follow a node into another document.
    const { server, browser } = harness;
    server.setFeed('framed', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/framed.html',
      hostPage({
        body:
          snippet({ feed: '/feeds/framed', label: 'Moved' }) +
          `<iframe id="f" width="500" height="400" srcdoc='<!doctype html><body><div id="inner"><a href="https://status.example.com/">Status</a></div></body>'></iframe>`,
        hooks: {},
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/framed.html'));
    await widget(page).waitForPhase('live');
    await page.evaluate(() => {
      const frame = document.getElementById('f').contentDocument;
      frame.body.append(document.querySelector('telltale-status'));
      window.handle = Telltale.mount(frame.getElementById('inner'), { feed: '/feeds/framed', label: 'Mounted' });
    });
    const frame = page.frameLocator('#f');
    for (const host of ['telltale-status', '#inner']) {
      const w = widget(frame, host);
      await w.waitForPhase('live');
      assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage', host);
      // Styled: the icon has its own small size, not an unstyled SVG's fill of the frame.
      const icon = await w.badge.locator('svg').first().boundingBox();
      assert.ok(icon && icon.width <= 24 && icon.height <= 24, `${host}: icon box ${JSON.stringify(icon)}`);
      await w.badge.click();
      await w.panel.waitFor({ state: 'visible', timeout: WAIT_MS });
      await w.badge.press('Escape');
      await w.panel.waitFor({ state: 'hidden', timeout: WAIT_MS });
    }
    assert.equal(await page.evaluate(() => Telltale.__test.stats().widgets), 2);
    assert.deepEqual(session.warnings, []);
    session.assertCleanConsole();
    await session.close();
  });

  test('widgets in an iframe the page removes stop by themselves; the page\'s own keeps going', async () => {
    // The removed frame's document keeps its elements connected to it, but no window shows
    // it any more.
    const { server, browser } = harness;
    for (const name of ['home', 'framed-el', 'framed-mount']) server.setFeed(name, { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/frame-removed.html',
      hostPage({
        body:
          snippet({ feed: '/feeds/home', id: 'home' }) +
          snippet({ feed: '/feeds/framed-el', id: 'moving' }) +
          `<iframe id="f" srcdoc='<!doctype html><body><div id="inner"></div></body>'></iframe>`,
        hooks: { refreshMs: 150 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/frame-removed.html'));
    await widget(page, '#moving').waitForPhase('live');
    await page.evaluate(() => {
      const frame = document.getElementById('f').contentDocument;
      frame.body.append(document.getElementById('moving'));
      Telltale.mount(frame.getElementById('inner'), { feed: '/feeds/framed-mount' });
    });
    for (const host of ['#moving', '#inner']) await widget(page.frameLocator('#f'), host).waitForPhase('live');
    for (const name of ['framed-el', 'framed-mount']) {
      await server.waitForFeedRequests(name, server.feedRequests(name).length + 2, WAIT_MS);
    }
    await page.evaluate(() => document.getElementById('f').remove());
    const removedAt = { el: server.feedRequests('framed-el').length, mount: server.feedRequests('framed-mount').length };
    await server.waitForFeedRequests('home', server.feedRequests('home').length + 8, WAIT_MS);
    // The poll that noticed may already have been sent.
    assert.ok(server.feedRequests('framed-el').length <= removedAt.el + 1, 'the element moved into the frame stops');
    assert.ok(server.feedRequests('framed-mount').length <= removedAt.mount + 1, 'the widget mounted in the frame stops');
    assert.equal(await page.evaluate(() => Telltale.__test.stats().widgets), 1, "only the page's own widget runs");
    assert.equal(await widget(page, '#home').root.getAttribute('data-phase'), 'live');
    session.assertCleanConsole();
    await session.close();
  });

  test('an attribute changed while the element is out of the page takes effect when it is put back', async () => {
    // What a framework does when it patches a detached node before inserting it again.
    const { server, browser } = harness;
    server.setFeed('before-detach', { fixture: 'apple/all_operational.js' });
    server.setFeed('after-detach', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/detached-attribute.html',
      hostPage({ body: snippet({ feed: '/feeds/before-detach' }) + '<div id="elsewhere"></div>', hooks: {} }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/detached-attribute.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'operational');
    await page.evaluate(() => {
      const element = document.querySelector('telltale-status');
      element.remove();
      element.setAttribute('feed', '/feeds/after-detach');
      document.getElementById('elsewhere').append(element);
    });
    await page.waitForFunction(
      () => document.querySelector('telltale-status').shadowRoot.querySelector('[data-testid=badge]')?.dataset.tone === 'major_outage',
      null,
      { timeout: WAIT_MS },
    );
    assert.equal(server.feedRequests('after-detach').length >= 1, true);
    session.assertCleanConsole();
    await session.close();
  });

  test('refresh() in a loop costs one request per 5 s, and never cuts a Retry-After short', async () => {
    const { server, session, page, w } = await openMounted('loop', { feed: '/feeds/loop' });
    assert.equal(server.feedRequests('loop').length, 1);
    // A host page calling refresh() ten times a second, for three seconds.
    await page.evaluate(async () => {
      for (let i = 0; i < 30; i++) {
        window.handle.refresh();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    assert.equal(server.feedRequests('loop').length, 1, 'nothing within 5 s of the last poll');
    await server.waitForFeedRequests('loop', 2, WAIT_MS);
    const second = server.feedRequests('loop')[1].timeMs - server.feedRequests('loop')[0].timeMs;
    assert.ok(second >= 4_500 && second < 8_000, `one poll when the gap has passed (${second} ms)`);

    // The feed sends the crowd away for 10 minutes: refresh() does not bring it back.
    server.setFeed('loop', { status: 503, body: 'busy', headers: { 'retry-after': '600' } });
    await page.waitForTimeout(5_000);
    await page.evaluate(() => window.handle.refresh());
    await server.waitForFeedRequests('loop', 3, WAIT_MS);
    await w.waitForPhase('stale');
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => window.handle.refresh());
      await page.waitForTimeout(300);
    }
    assert.equal(server.feedRequests('loop').length, 3, 'no request during Retry-After');
    session.assertCleanConsole({ allow: [/503/] });
    await session.close();
  });

  test('a widget mounted before its element is inserted stops once the element has come and gone between two polls', async () => {
    const { server, browser } = harness;
    for (const name of ['unseen', 'clock']) server.setFeed(name, { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/unseen.html',
      hostPage({
        body: '<div id="clock"></div>',
        script: '<script src="/dist/telltale.js"></script>',
        // The default refresh (60 s): no poll of its own comes while the element is in the
        // page, so only the watch for unseen elements can see it there.
        hooks: {},
        after: `<script>
          window.detached = document.createElement('div');
          Telltale.mount(window.detached, { feed: '/feeds/unseen' });
          window.clock = Telltale.mount(document.getElementById('clock'), { feed: '/feeds/clock' });
        </script>`,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/unseen.html'));
    await server.waitForFeedRequests('unseen', 1, WAIT_MS);
    await server.waitForFeedRequests('clock', 1, WAIT_MS);
    await page.evaluate(() => document.body.append(window.detached));
    await page.waitForTimeout(750);
    await page.evaluate(() => window.detached.remove());
    // Any poll on the page looks for widgets whose element has left it.
    await page.evaluate(() => window.clock.refresh());
    await server.waitForFeedRequests('clock', 2, WAIT_MS);
    await page.waitForFunction(() => Telltale.__test.stats().widgets === 1, null, { timeout: WAIT_MS });
    const stats = await page.evaluate(() => Telltale.__test.stats());
    assert.equal(stats.widgets, 1, 'the widget whose element came and went is stopped');
    assert.equal(server.feedRequests('unseen').length, 1);
    session.assertCleanConsole();
    await session.close();
  });

  test('Telltale.mount with invalid options warns once, returns an inert handle and never throws', async () => {
    const { server, browser } = harness;
    server.setPage(
      '/t/invalid.html',
      hostPage({
        body: '<div id="bad"><a href="https://status.example.com/">Status page</a></div>',
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/invalid.html'));
    const warned = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && m.text().startsWith('[telltale]'),
      timeout: WAIT_MS,
    });
    // Called at once after load: the wasm may still be loading, so the handle may queue.
    const outcome = await page.evaluate(() => {
      try {
        window.handle = Telltale.mount(document.getElementById('bad'), { feed: '/feeds/x', view: 'bogus' });
        window.handle.refresh();
        return 'ok';
      } catch (error) {
        return `threw: ${error}`;
      }
    });
    assert.equal(outcome, 'ok');
    const warning = await warned;
    assert.match(warning.text(), /view/);
    assert.equal(
      await page.evaluate(() => {
        try {
          window.handle.refresh();
          window.handle.unmount();
          return 'ok';
        } catch (error) {
          return `threw: ${error}`;
        }
      }),
      'ok',
    );
    assert.equal(await page.getByRole('link', { name: 'Status page' }).isVisible(), true);
    assert.equal(server.feedRequests('x').length, 0);
    session.assertCleanConsole();
    await session.close();
  });

  test('Telltale.mount names an option it does not know (a misspelt key) and starts with the rest', async () => {
    const { session, w } = await openMounted('unknown-key', {
      feed: '/feeds/unknown-key',
      compnents: 'iTunes Store',
      label: 'Apple',
    });
    // The misspelt filter selects nothing: the badge speaks for every service.
    assert.equal(squash(await w.badgeText.textContent()), 'All systems operational');
    const named = session.warnings.filter((text) => /unknown option/.test(text));
    assert.deepEqual(named, [
      '[telltale] Telltale.mount: unknown option `compnents` is ignored',
    ]);
    // Options that are no object get the one warning that says so, not one per character.
    const before = session.warnings.length;
    await session.page.evaluate(() => Telltale.mount(document.createElement('div'), 'feed=/x'));
    for (let waited = 0; session.warnings.length === before && waited < WAIT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(
      session.warnings.slice(before).map((text) => /must be a plain object .*, got a string$/.test(text)),
      [true],
      JSON.stringify(session.warnings.slice(before)),
    );
    await session.close();
  });

  test('Telltale.mount with a Map, an array or URLSearchParams for options says they must be a plain object, and nothing else', async () => {
    // Copied as an object, each of these has no `feed` key: the warning was that `feed`
    // is required (and for an array, that options `0`, `1` are unknown).
    const { server, browser } = harness;
    server.setFeed('not-plain-ok', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/not-plain.html',
      hostPage({
        body: ['map', 'array', 'params'].map((id) => `<div id="${id}"><a href="https://status.example.com/">Status ${id}</a></div>`).join('') +
          '<div id="ok"></div>',
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/not-plain.html'));
    const outcome = await page.evaluate(() => {
      try {
        const handles = [
          Telltale.mount(document.getElementById('map'), new Map([['feed', '/feeds/not-plain']])),
          Telltale.mount(document.getElementById('array'), [{ feed: '/feeds/not-plain' }]),
          Telltale.mount(document.getElementById('params'), new URLSearchParams('feed=/feeds/not-plain')),
        ];
        handles[0].refresh();
        // Mounted after the others: once it is live, the wasm has run every earlier call.
        Telltale.mount(document.getElementById('ok'), { feed: '/feeds/not-plain-ok' });
        return 'ok';
      } catch (error) {
        return `threw: ${error}`;
      }
    });
    assert.equal(outcome, 'ok');
    await widget(page, '#ok').waitForPhase('live');
    const ours = session.warnings.filter((w) => w.startsWith('[telltale]'));
    assert.deepEqual(ours, [
      '[telltale] Telltale.mount: the options must be a plain object such as { feed: url }, got a Map',
      '[telltale] Telltale.mount: the options must be a plain object such as { feed: url }, got an Array',
      '[telltale] Telltale.mount: the options must be a plain object such as { feed: url }, got a URLSearchParams',
    ]);
    for (const id of ['map', 'array', 'params']) {
      assert.equal(await page.getByRole('link', { name: `Status ${id}` }).isVisible(), true, `${id}: the fallback stays`);
      assert.equal(await page.locator(`#${id}`).evaluate((div) => div.shadowRoot), null, `${id}: no widget`);
    }
    assert.equal(server.feedRequests('not-plain').length, 0);
    session.assertCleanConsole();
    await session.close();
  });

  test('Telltale.mount with options that throw when read (a getter, a revoked Proxy) warns and never throws', async () => {
    const { server, browser } = harness;
    server.setPage(
      '/t/throwing-options.html',
      hostPage({
        body: '<div id="a"><a href="https://status.example.com/">Status A</a></div>' +
          '<div id="b"><a href="https://status.example.com/">Status B</a></div>',
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/throwing-options.html'));
    const outcome = await page.evaluate(() => {
      const getter = { get feed() { throw new Error('getter boom'); } };
      const { proxy, revoke } = Proxy.revocable({ feed: '/feeds/y' }, {});
      revoke();
      try {
        const handles = [Telltale.mount(document.getElementById('a'), getter),
          Telltale.mount(document.getElementById('b'), proxy)];
        for (const handle of handles) {
          handle.refresh();
          handle.unmount();
        }
        return 'ok';
      } catch (error) {
        return `threw: ${error}`;
      }
    });
    assert.equal(outcome, 'ok');
    // Console messages reach the test after the call returns.
    const ours = () => session.warnings.filter((w) => w.startsWith('[telltale]'));
    for (let waited = 0; ours().length < 2 && waited < WAIT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const warnings = ours();
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0], /options could not be read \(Error: getter boom\)/);
    assert.match(warnings[1], /options could not be read/);
    assert.equal(await page.getByRole('link', { name: 'Status A' }).isVisible(), true);
    assert.equal(await page.getByRole('link', { name: 'Status B' }).isVisible(), true);
    assert.equal(server.feedRequests('y').length, 0);
    session.assertCleanConsole();
    await session.close();
  });
});
