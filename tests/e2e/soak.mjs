// Soak benchmark (not a test; run by `bash scripts/soak.sh`): one page, four widgets on two
// feeds, 10,000 polls at a shortened interval. Prints the JS heap (after a forced garbage
// collection), the wasm memory, DOM nodes and listeners (Chromium's own counters and the
// widget's live-resource counts) at the start, along the way and at the end, and the
// requests each feed received.
//
// The feeds change every 250 polls (operational ↔ outage), so the run renders, diffs,
// stores and dispatches `telltale:change` as well as polling. Time is shortened with the
// test hook (`timeScale`), never by a page a partner could write.

import { hostPage, launchBrowser, snippet } from './helpers.mjs';
import { startServer } from './server.mjs';

const TOTAL_POLLS = Number(process.env.SOAK_POLLS ?? 10_000);
const SAMPLES = 5;
const FEEDS = ['a', 'b'];
// refresh 30 s · 0.0005 → a poll every 12–18 ms per feed.
const HOOKS = { timeScale: 0.0005 };
const FLIP_EVERY = 250;

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const feed of FEEDS) server.setFeed(feed, { fixture: 'apple/all_operational.js' });
  server.setPage(
    '/t/soak.html',
    hostPage({
      title: 'Soak',
      head: `<script>
        window.changes = 0;
        document.addEventListener('telltale:change', () => { window.changes += 1; });
      </script>`,
      body:
        snippet({ feed: '/feeds/a', refresh: '30', label: 'A badge' }) +
        snippet({ feed: '/feeds/a', refresh: '30', view: 'panel', label: 'A panel' }) +
        snippet({ feed: '/feeds/b', refresh: '30', label: 'B badge' }) +
        snippet({ feed: '/feeds/b', refresh: '30', view: 'panel', label: 'B panel' }),
      script: '<script src="/dist/telltale.js"></script>',
      hooks: HOOKS,
    }),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  await page.goto(server.url('/t/soak.html'));
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('telltale-status')].every(
        (e) => e.shadowRoot?.querySelector('[data-testid=root]')?.dataset.phase === 'live',
      ),
    null,
    { timeout: 20_000 },
  );

  const polls = () => FEEDS.reduce((n, f) => n + server.feedRequests(f).length, 0);
  async function sample(label) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const stats = await page.evaluate(() => Telltale.__test.stats?.() ?? null);
    const widgetNodes = await page.evaluate(() =>
      [...document.querySelectorAll('telltale-status')].reduce(
        (n, e) => n + e.shadowRoot.querySelectorAll('*').length,
        0,
      ),
    );
    return {
      label,
      polls: polls(),
      js_heap_used_kb: Math.round(heap.usedSize / 1024),
      wasm_memory_kb: stats ? Math.round(stats.wasm_memory_bytes / 1024) : 'n/a',
      dom_nodes: dom.nodes,
      shadow_nodes: widgetNodes,
      js_listeners: dom.jsEventListeners,
      widgets: stats?.widgets ?? 'n/a',
      timers: stats?.timers ?? 'n/a',
      fetches: stats?.fetches ?? 'n/a',
      listeners: stats?.listeners ?? 'n/a',
    };
  }

  const rows = [await sample('start')];
  const startedAt = Date.now();
  let flipped = 0;
  for (let i = 1; i <= SAMPLES; i += 1) {
    const target = Math.round((TOTAL_POLLS * i) / SAMPLES);
    while (polls() < target) {
      const due = Math.floor(polls() / FLIP_EVERY);
      if (due > flipped) {
        flipped = due;
        const fixture = flipped % 2 ? 'apple/multi_service_outage.js' : 'apple/all_operational.js';
        for (const feed of FEEDS) server.setFeed(feed, { fixture });
      }
      await new Promise((done) => setTimeout(done, 20));
      if (Date.now() - startedAt > 600_000) throw new Error(`soak too slow: ${polls()} polls in 10 min`);
    }
    rows.push(await sample(i === SAMPLES ? 'end' : `${Math.round((100 * i) / SAMPLES)}%`));
  }
  const seconds = (Date.now() - startedAt) / 1000;
  console.table(rows);
  for (const feed of FEEDS) {
    console.log(`requests to /feeds/${feed}: ${server.feedRequests(feed).length}`);
  }
  console.log(
    `${polls()} polls in ${seconds.toFixed(1)} s (${(polls() / seconds).toFixed(0)}/s), ` +
      `${await page.evaluate(() => window.changes)} telltale:change events, ` +
      `${errors.length} console errors${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
