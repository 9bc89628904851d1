// What a very large feed costs the host page in a real browser, next to the native
// `cargo run --release --example large_feed`: a benchmark that prints figures, not a test.
//
// Usage: node tests/e2e/bench-large.mjs [--runs N]   (or: bash scripts/bench.sh --large)
// Needs dist/ (`bash scripts/build.sh`).
//
// For Telltale feeds of 100 to 15,000 services (each in a group of its own, one incident
// naming every service; 15,000 is just under the 2 MB body cap), as a badge and as an
// open panel, it loads a page in a fresh browser context N times (default 5) and prints
// the median time from navigation start to the first live badge painted, the main
// thread's busy time for the whole load (Chromium's TaskDuration) and the elements in
// the widget's shadow root.

import { hostPage, openPage, snippet, startHarness } from './helpers.mjs';

const SIZES = [100, 1000, 5000, 15_000];
const VIEWS = ['badge', 'panel'];

function parseRuns(argv) {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${argv[at + 1]}`);
  return runs;
}

/** `count` services, the first one down, every one named by one incident. */
function largeFeed(count) {
  const groups = Array.from({ length: count }, (_, i) => ({ id: `g${i}`, name: `Region ${i}` }));
  const components = groups.map((group, i) => ({
    id: `c${i}`,
    name: `Service ${i}`,
    level: i === 0 ? 'major_outage' : 'operational',
    group_id: group.id,
  }));
  const ids = components.map((c) => c.id);
  const incident = {
    id: 'i1',
    title: 'Everything',
    impact: 'major_outage',
    status: 'investigating',
    affected: ids,
    updates: [{ status: 'investigating', body: 'Looking.', affected: ids }],
  };
  return JSON.stringify({ telltale: 1, groups, components, incidents: [incident] });
}

const PAINTED = `<script>
  document.addEventListener('telltale:change', () => {
    requestAnimationFrame(() => { window.firstBadgeMs ??= performance.now(); });
  });
</script>`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const runs = parseRuns(process.argv.slice(2));
const harness = await startHarness();
try {
  console.log(`navigation start → first live badge, median of ${runs} loads (fresh context each)`);
  console.log('services   feed bytes  view    first badge  main thread busy  elements');
  for (const count of SIZES) {
    const body = largeFeed(count);
    harness.server.setFeed(`large-${count}`, { body });
    for (const view of VIEWS) {
      const path = `/t/large-${count}-${view}.html`;
      harness.server.setPage(
        path,
        hostPage({ head: PAINTED, body: snippet({ feed: `/feeds/large-${count}`, view }) }),
      );
      const firsts = [];
      const busy = [];
      let elements = 0;
      for (let run = 0; run < runs; run += 1) {
        const { page, context } = await openPage(harness.browser);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(harness.server.url(path));
        await page.waitForFunction(() => window.firstBadgeMs !== undefined, null, { timeout: 60_000 });
        firsts.push(await page.evaluate(() => window.firstBadgeMs));
        const { metrics } = await cdp.send('Performance.getMetrics');
        busy.push(metrics.find((m) => m.name === 'TaskDuration').value * 1000);
        elements = await page.evaluate(
          () => document.querySelector('telltale-status').shadowRoot.querySelectorAll('*').length,
        );
        await context.close();
      }
      console.log(
        `${String(count).padStart(8)}  ${String(body.length).padStart(11)}  ${view.padEnd(6)}` +
          `  ${median(firsts).toFixed(0).padStart(8)} ms  ${median(busy).toFixed(0).padStart(13)} ms` +
          `  ${String(elements).padStart(8)}`,
      );
    }
  }
} finally {
  await harness.stop();
}
