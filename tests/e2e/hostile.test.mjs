// A host page with hostile global CSS and globals named like wasm-bindgen's: the widget
// stays intact, and it changes none of the host's elements, styles or globals.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WAIT_MS, hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

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

  /**
   * The computed style of every element of the open panel that shows text of its own,
   * in document order: where it is (tag and class path) and what the reader sees of it.
   */
  function panelTextStyles(page) {
    return page.evaluate(() => {
      const panel = document.querySelector('telltale-status').shadowRoot.querySelector('[data-testid=panel]');
      const path = (node) => {
        const parts = [];
        for (let n = node; n && n !== panel.parentNode; n = n.parentElement) {
          parts.unshift(n.classList.length ? `${n.localName}.${[...n.classList].join('.')}` : n.localName);
        }
        return parts.join(' > ');
      };
      return [panel, ...panel.querySelectorAll('*')]
        .filter((node) => [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.data.trim()))
        .map((node) => {
          const s = getComputedStyle(node);
          return {
            path: path(node),
            color: s.color,
            fontSize: s.fontSize,
            display: s.display,
            background: s.backgroundColor,
          };
        });
    });
  }

  test("the open panel's text keeps the widget's own colour and size; the host's elements keep the hostile style", async () => {
    const { server, browser } = harness;
    const fixture = 'apple/multi_service_outage.js';
    // The same widget on a plain page: what the panel looks like when nothing interferes.
    server.setFeed('hostile-control', { fixture });
    server.setPage('/t/hostile-control.html', hostPage({ body: snippet({ feed: '/feeds/hostile-control' }) }));
    const control = await openPage(browser);
    await control.page.goto(server.url('/t/hostile-control.html'));
    const plain = widget(control.page);
    await plain.waitForPhase('live');
    await plain.badge.click();
    await plain.panel.waitFor({ timeout: WAIT_MS });
    await control.page.mouse.move(0, 0);
    const expected = await panelTextStyles(control.page);
    control.assertCleanConsole();
    await control.close();

    server.setFeed('hostile', { fixture });
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/pages/hostile.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    await w.badge.click();
    await w.panel.waitFor({ timeout: WAIT_MS });
    await page.mouse.move(0, 0);
    const styles = await panelTextStyles(page);

    // The panel has text of every kind: headings, rows, incident facts, update bodies.
    for (const kind of ['h2.title', 'h3.section', 'h4.event-title', 'span', 'dd', 'time', 'p.update-body', 'p.updated']) {
      assert.ok(styles.some((s) => s.path.endsWith(kind)), `the panel shows a ${kind}`);
    }
    for (const s of styles) {
      assert.notEqual(s.color, 'rgb(255, 0, 0)', `colour from the host leaked into ${s.path}`);
      assert.notEqual(s.fontSize, '40px', `font-size from the host leaked into ${s.path}`);
      assert.notEqual(s.background, 'rgb(255, 255, 0)', `background from the host leaked into ${s.path}`);
    }
    assert.deepEqual(styles, expected, 'the panel looks as it does on a plain page');

    // The host's own elements, and the widget's element itself, which is the host's,
    // still have the hostile style: it reached the shadow boundary and stopped there.
    const hostStyles = await page.evaluate(() =>
      ['h1.title', 'nav a', '#intro', '#host-button', 'telltale-status'].map((selector) => {
        const s = getComputedStyle(document.querySelector(selector));
        return { selector, color: s.color, fontSize: s.fontSize };
      }),
    );
    for (const s of hostStyles) {
      assert.deepEqual(s, { selector: s.selector, color: 'rgb(255, 0, 0)', fontSize: '40px' });
    }
    session.assertCleanConsole();
    await session.close();
  });

  test('values on Object.prototype are not options', async () => {
    const { server, browser } = harness;
    server.setFeed('polluted', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/polluted.html',
      hostPage({
        head: `<script>Object.prototype.view = 'sidebar'; Object.prototype.refresh = 'soon';</script>`,
        body: '<div id="w"><a href="https://status.example.com/">System status</a></div>',
        after: `<script>Telltale.mount(document.getElementById('w'), { feed: '/feeds/polluted' });</script>`,
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/polluted.html'));
    const w = widget(session.page, '#w');
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.deepEqual(session.warnings, []);
    session.assertCleanConsole();
    await session.close();
  });

  test('a page that gives every object a `then` gets one warning saying so, and keeps its fallback', async () => {
    // Every object is then a "thenable": each promise the loader and the glue resolve with
    // an object (a Response, the instantiated module) waits on the page's function instead.
    const { server, browser } = harness;
    server.setFeed('thenable', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/thenable.html',
      hostPage({
        head: `<script>Object.defineProperty(Object.prototype, 'then', { value: function () {}, configurable: true });</script>`,
        body: snippet({ feed: '/feeds/thenable' }) + '<div id="m"><a href="https://status.example.com/">Status</a></div>',
        after: `<script>window.mounted = typeof Telltale.mount(document.getElementById('m'), { feed: '/feeds/thenable' }).unmount;</script>`,
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    const warned = page.waitForEvent('console', {
      predicate: (message) => message.type() === 'warning',
      timeout: WAIT_MS,
    });
    const seen = server.requests.length;
    await page.goto(server.url('/t/thenable.html'));
    assert.equal(
      (await warned).text(),
      '[telltale] could not start: this page defines Object.prototype.then, which makes every object look like a promise',
    );
    assert.equal(await page.evaluate(() => window.mounted), 'function', 'Telltale.mount returned a handle');
    await page.waitForTimeout(300);
    assert.equal(session.warnings.length, 1, `one warning: ${session.warnings}`);
    assert.equal(await page.locator('telltale-status > a').isVisible(), true, 'the fallback stays');
    assert.equal(await page.locator('#m > a').isVisible(), true);
    assert.equal(server.feedRequests('thenable').length, 0);
    const wasm = server.requests.slice(seen).filter((r) => r.path.startsWith('/dist/telltale_bg.wasm'));
    assert.deepEqual(wasm, [], 'no wasm is fetched');
    session.assertCleanConsole();
    await session.close();
  });

  test('a page whose fetch throws keeps working: one warning, the fallback, no exception', async () => {
    const { server, browser } = harness;
    server.setFeed('nofetch', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/nofetch.html',
      hostPage({
        head: `<script>window.fetch = function () { throw new Error('blocked by consent'); };</script>`,
        body:
          snippet({ feed: '/feeds/nofetch' }) +
          '<div id="m"><a href="https://status.example.com/">Status</a></div>',
        after: `<script>
          try {
            window.handle = Telltale.mount(document.getElementById('m'), { feed: '/feeds/nofetch' });
            window.mounted = typeof window.handle.unmount;
          } catch (error) {
            window.mounted = 'threw ' + error;
          }
        </script>`,
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/nofetch.html'));
    await page.waitForFunction(() => window.mounted !== undefined, null, { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => window.mounted), 'function', 'Telltale.mount returned a handle');
    await page.waitForTimeout(300);
    assert.equal(session.warnings.length, 1, `one warning: ${session.warnings}`);
    assert.match(session.warnings[0], /^\[telltale\] could not start: .*blocked by consent/);
    assert.equal(await page.locator('telltale-status > a').isVisible(), true, 'the fallback stays');
    assert.equal(await page.locator('#m > a').isVisible(), true);
    assert.equal(server.feedRequests('nofetch').length, 0);
    session.assertCleanConsole();
    await session.close();
  });

  test("a fetch or console the page replaces after start with one that throws: a failed poll, no exception, every widget working", async () => {
    // QA 10: a consent manager's fetch wrapper that throws for the feed went through the
    // widget uncaught and stopped that feed for good; a console shim that throws froze
    // every widget of the page.
    const { server, browser } = harness;
    server.setFeed('shim-a', { fixture: 'apple/all_operational.js' });
    server.setFeed('shim-b', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/shim.html',
      hostPage({
        body: snippet({ id: 'a', feed: '/feeds/shim-a' }) + snippet({ id: 'b', feed: '/feeds/shim-b' }),
        script: '<script src="/dist/telltale.js"></script>',
        hooks: { refreshMs: 300, timeoutMs: 1_000 },
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/shim.html'));
    await widget(page, '#a').waitForPhase('live');
    await widget(page, '#b').waitForPhase('live');
    await page.evaluate(() => {
      const fetch = window.fetch;
      window.realFetch = fetch;
      window.fetch = function (input) {
        if (String(input).includes('/feeds/shim-a')) throw new TypeError('blocked by consent manager');
        if (String(input).includes('/feeds/shim-b') && window.noPromise) return undefined;
        // A wrapper that holds the request and ignores its abort signal: never settles.
        if (String(input).includes('/feeds/shim-b') && window.hold) return new Promise(() => {});
        return fetch.apply(this, arguments);
      };
      console.info = () => {
        throw new Error('log shim bug');
      };
    });
    // `b` changes (a console line is due), `a` fails and backs off.
    server.setFeed('shim-b', { fixture: 'apple/itunes_partial_outage.json' });
    await page.waitForFunction(
      () => document.getElementById('b').shadowRoot.querySelector('[data-testid=badge]')?.dataset.tone === 'partial_outage',
      null,
      { timeout: WAIT_MS },
    );
    await widget(page, '#a').waitForPhase('stale');
    // Every widget still answers the reader.
    await widget(page, '#a').badge.click();
    await widget(page, '#a').panel.waitFor({ timeout: WAIT_MS });
    // A fetch that returns no promise is a failed poll too.
    await page.evaluate(() => (window.noPromise = true));
    await widget(page, '#b').waitForPhase('stale');
    // One that never settles times out, and the next poll is made (it used to hold the
    // feed's one request for good).
    await page.evaluate(() => {
      window.noPromise = false;
      window.hold = true;
    });
    const held = server.feedRequests('shim-b').length;
    await page.waitForTimeout(2_500);
    await page.evaluate(() => (window.hold = false));
    // A `Promise` the page swaps for one whose `resolve` throws is not used at all.
    await page.evaluate(() => {
      const Native = window.Promise;
      window.NativePromise = Native;
      window.Promise = class extends Native {
        static resolve() {
          throw new Error('polyfill resolve bug');
        }
      };
    });
    await page.waitForTimeout(1_000);
    await page.evaluate(() => (window.Promise = window.NativePromise));
    // The page's fetch back: both feeds are polled again.
    const before = server.feedRequests('shim-a').length;
    await page.evaluate(() => (window.fetch = window.realFetch));
    await server.waitForFeedRequests('shim-a', before + 1, 20_000);
    await server.waitForFeedRequests('shim-b', held + 1, 20_000);
    await widget(page, '#a').waitForPhase('live');
    await widget(page, '#b').waitForPhase('live');
    session.assertCleanConsole({ allow: [/^\[telltale\] .*(not be reached|shim-)/] });
    await session.close();
  });

  test('a page that replaced a built-in before the script gets one warning; its own scripts go on', async () => {
    // The script runs at once what these give it; without them nothing can start, and
    // nothing of the failure may reach the page as an uncaught error.
    const { server, browser } = harness;
    server.setFeed('builtins', { fixture: 'apple/all_operational.js' });
    const replaced = {
      Promise: ["window.Promise = function FakePromise() { throw new Error('no promises'); };", /\(window\.Promise is not the browser's\)$/],
      URL: ["window.URL = function () { throw new Error('host URL'); };", /\(Error: host URL\)$/],
      TextDecoder: ['delete window.TextDecoder; delete window.TextEncoder;', /\(ReferenceError: TextDecoder is not defined\)$/],
      // Replacements that answer without throwing, but wrongly: a stub, and a shim that
      // edits what the browser's own returns (it would send the widget to /FEEDS/…).
      'TextDecoder-stub': ['window.TextDecoder = function () { this.decode = function () { return "junk"; }; };', /\(window\.TextDecoder is not the browser's\)$/],
      'TextDecoder-shim': [
        'const Native = TextDecoder; window.TextDecoder = function (l, o) { const d = new Native(l, o); this.decode = (b, x) => d.decode(b, x).toUpperCase(); };',
        /\(window\.TextDecoder is not the browser's\)$/,
      ],
      'URL-stub': ['window.URL = function (u) { this.href = String(u); };', /\(window\.URL is not the browser's\)$/],
    };
    for (const [name, [change, reason]] of Object.entries(replaced)) {
      server.setPage(
        `/t/builtin-${name}.html`,
        hostPage({
          head: `<script>${change}</script>`,
          body: snippet({ feed: '/feeds/builtins' }),
          script: '<script src="/dist/telltale.js"></script>',
          // Read through the DOM: Playwright's own page scripts need the page's Promise.
          after: `<script>document.body.dataset.global = 'Telltale' in window;</script>`,
        }),
      );
      const session = await openPage(browser);
      const { page } = session;
      await page.goto(server.url(`/t/builtin-${name}.html`));
      await page.waitForTimeout(300);
      assert.equal(session.warnings.length, 1, `${name}: one warning: ${session.warnings}`);
      assert.ok(
        session.warnings[0].startsWith('[telltale] could not start: this page changed a browser built-in that Telltale needs ('),
        session.warnings[0],
      );
      assert.match(session.warnings[0], reason);
      assert.equal(await page.locator('body').getAttribute('data-global'), 'false', `${name}: the page's scripts ran, and no half-made global`);
      assert.equal(await page.locator('telltale-status > a').isVisible(), true, `${name}: the fallback stays`);
      assert.equal(server.feedRequests('builtins').length, 0);
      session.assertCleanConsole();
      await session.close();
    }
  });

  test("a page's own read-only window.Telltale: one warning, and the elements still work", async () => {
    const { server, browser } = harness;
    server.setFeed('frozen', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/frozen.html',
      hostPage({
        // Read-only and empty: nothing the page keeps in it, but it cannot be replaced.
        head: `<script>Object.defineProperty(window, 'Telltale', { value: Object.freeze({}), writable: false, configurable: false });</script>`,
        body: snippet({ feed: '/feeds/frozen' }),
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/frozen.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.deepEqual(await page.evaluate(() => window.Telltale), {});
    assert.equal(session.warnings.length, 1, `one warning: ${session.warnings}`);
    assert.match(
      session.warnings[0],
      /^\[telltale\] this page's own window\.Telltale cannot be replaced, so Telltale\.mount is not available; <telltale-status> elements still work \(TypeError: /,
    );
    session.assertCleanConsole();
    await session.close();
  });

  test("a page's own window.Telltale (an analytics object) is left as it is: one warning, and the elements still work", async () => {
    const { server, browser } = harness;
    server.setFeed('own-global', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/own-global.html',
      hostPage({
        head: `<script>window.Telltale = { track(event) { return 'tracked ' + event; } };</script>`,
        body: snippet({ feed: '/feeds/own-global' }),
        // Twice, as a CMS may include it: the second copy knows the first by the
        // element's class, with no global to tell it, and adds no warning of its own.
        script: '<script src="/dist/telltale.js"></script><script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/own-global.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.equal(await page.evaluate(() => Telltale.track('x')), 'tracked x', "the page's own object still works");
    assert.equal(await page.evaluate(() => 'mount' in Telltale), false);
    assert.deepEqual(session.warnings, [
      "[telltale] this page has its own window.Telltale, which is left as it is, so Telltale.mount is not available; <telltale-status> elements still work",
    ]);
    session.assertCleanConsole();
    await session.close();
  });

  test("a page's own Telltale function or class is left as it is, and one without custom elements is told why", async () => {
    const { server, browser } = harness;
    server.setFeed('own-function', { fixture: 'apple/multi_service_outage.js' });
    for (const [name, head, check] of [
      ['function', '<script>function Telltale(x) { return "own " + x; }</script>', () => Telltale('x')],
      ['class', '<script>window.Telltale = class { static hello() { return "own x"; } };</script>', () => Telltale.hello()],
    ]) {
      server.setPage(
        `/t/own-${name}.html`,
        hostPage({ head, body: snippet({ feed: '/feeds/own-function' }), script: '<script src="/dist/telltale.js"></script>' }),
      );
      const session = await openPage(browser);
      const { page } = session;
      await page.goto(server.url(`/t/own-${name}.html`));
      await widget(page).waitForPhase('live');
      assert.equal(await page.evaluate(check), 'own x', `${name}: the page's own still works`);
      assert.deepEqual(session.warnings, [
        "[telltale] this page has its own window.Telltale, which is left as it is, so Telltale.mount is not available; <telltale-status> elements still work",
      ]);
      session.assertCleanConsole();
      await session.close();
    }
    server.setPage(
      '/t/no-custom-elements.html',
      hostPage({
        head: '<script>Object.defineProperty(window, "customElements", { value: undefined });</script>',
        body: snippet({ feed: '/feeds/own-function' }),
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    // The same with the script in <head>, before any element is parsed: the warning
    // comes once the document is.
    server.setPage(
      '/t/no-custom-elements-head.html',
      hostPage({
        head:
          '<script>Object.defineProperty(window, "customElements", { value: undefined });</script>' +
          '<script src="/dist/telltale.js"></script>',
        body: snippet({ feed: '/feeds/own-function' }),
        script: '',
      }),
    );
    // With the page's own window.Telltale too, Telltale.mount is not there to work.
    server.setPage(
      '/t/no-custom-elements-own.html',
      hostPage({
        head:
          '<script>Object.defineProperty(window, "customElements", { value: undefined }); window.Telltale = { own: 1 };</script>',
        body: snippet({ feed: '/feeds/own-function' }),
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const noElements = '[telltale] this browser has no custom elements (window.customElements), so <telltale-status> keeps its fallback';
    for (const [path, warnings] of [
      ['/t/no-custom-elements.html', [`${noElements}; Telltale.mount still works`]],
      ['/t/no-custom-elements-head.html', [`${noElements}; Telltale.mount still works`]],
      [
        '/t/no-custom-elements-own.html',
        [
          '[telltale] this page has its own window.Telltale, which is left as it is, so Telltale.mount is not available; <telltale-status> elements still work',
          noElements,
        ],
      ],
    ]) {
      const session = await openPage(browser);
      await session.page.goto(server.url(path));
      await session.page.waitForFunction(() => typeof Telltale === 'object', null, { timeout: WAIT_MS });
      await session.page.waitForLoadState('load');
      assert.deepEqual(session.warnings, warnings, path);
      assert.equal(await session.page.locator('telltale-status > a').isVisible(), true, 'the fallback stays');
      session.assertCleanConsole();
      await session.close();
    }
  });

  test('an element with id="Telltale" is no global of the page: Telltale.mount is there', async () => {
    // The browser exposes an element's id on window; that is not the page's own object.
    const { server, browser } = harness;
    server.setFeed('named-element', { fixture: 'apple/all_operational.js' });
    server.setPage(
      '/t/named-element.html',
      hostPage({
        body: `<div id="Telltale"></div><div id="slot"></div>`,
        script: '<script src="/dist/telltale.js"></script>',
        after: `<script>Telltale.mount(document.getElementById('slot'), { feed: '/feeds/named-element' });</script>`,
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/named-element.html'));
    await widget(page, '#slot').waitForPhase('live');
    assert.deepEqual(session.warnings, []);
    session.assertCleanConsole();
    await session.close();
  });

  test('a page that wraps WebAssembly.Module is not told to fix a CSP it does not have', async () => {
    // Monitoring scripts wrap it; the widget compiles with instantiateStreaming anyway.
    const { server, browser } = harness;
    server.setFeed('wrapped', { fixture: 'apple/multi_service_outage.js' });
    server.setPage(
      '/t/wrapped-module.html',
      hostPage({
        head: `<script>WebAssembly.Module = function () { throw new TypeError('host blocked'); };</script>`,
        body: snippet({ feed: '/feeds/wrapped' }),
      }),
    );
    const session = await openPage(browser);
    const { page } = session;
    await page.goto(server.url('/t/wrapped-module.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    assert.equal(await w.badge.getAttribute('data-tone'), 'major_outage');
    assert.deepEqual(session.warnings, []);
    session.assertCleanConsole();
    await session.close();
  });

  test('an element name taken by another script is left to it, and said once', async () => {
    const { server, browser } = harness;
    server.setPage(
      '/t/taken.html',
      hostPage({
        head: `<script>customElements.define('telltale-status', class extends HTMLElement {});</script>`,
        body: snippet({ feed: '/feeds/none' }),
        script: '<script src="/dist/telltale.js"></script>',
      }),
    );
    const session = await openPage(browser);
    await session.page.goto(server.url('/t/taken.html'));
    await session.page.waitForFunction(() => typeof Telltale === 'object', null, { timeout: WAIT_MS });
    assert.equal(session.warnings.length, 1, `one warning: ${session.warnings}`);
    assert.match(session.warnings[0], /^\[telltale\] <telltale-status> is already defined by another script/);
    assert.equal(await session.page.evaluate(() => !!document.querySelector('telltale-status').shadowRoot), false);
    session.assertCleanConsole();
    await session.close();
  });
});
