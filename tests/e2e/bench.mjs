// The benchmark (not a test): what Telltale costs a partner's page.
//
// 1. Size of every file in dist/: raw, gzip (level 9) and brotli (quality 11), and the
//    total a browser downloads (the script and the wasm).
// 2. Time from navigation start to the first live badge, over N page loads (default 20) in
//    headless Chromium, each in a fresh browser context (cold cache), against a local feed
//    on 127.0.0.1. Measured in the page: the `telltale:change` event that the widget fires
//    on its first live state, then one animation frame (the badge is painted), read with
//    performance.now() (milliseconds since navigation start).
//
//    The same loads of two pages without Telltale (an inline script writes a badge; one
//    first fetches the feed) give the browser's own floor in a fresh context: "baseline".
//
// Usage: node tests/e2e/bench.mjs [--runs N]      (or: bash scripts/bench.sh)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';
import { launchBrowser, hostPage, snippet } from './helpers.mjs';
import { repoRoot, startServer } from './server.mjs';

const BUDGET_BROTLI_BYTES = 120_000;
const BUDGET_MEDIAN_MS = 100;
const FEED_FIXTURE = 'apple/all_operational.js';

function parseRuns(argv) {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : Number(process.env.BENCH_RUNS ?? 20);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${argv[at + 1]}`);
  return runs;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (text, width) => String(text).padStart(width);

function distSizes() {
  const dist = join(repoRoot, 'dist');
  const rows = readdirSync(dist)
    .filter((name) => statSync(join(dist, name)).isFile())
    .sort()
    .map((name) => {
      const body = readFileSync(join(dist, name));
      return {
        name,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }).length,
        shipped: /\.(js|wasm)$/.test(name),
      };
    });
  const shipped = rows.filter((row) => row.shipped);
  const total = {
    name: 'total (js + wasm)',
    raw: shipped.reduce((sum, row) => sum + row.raw, 0),
    gzip: shipped.reduce((sum, row) => sum + row.gzip, 0),
    brotli: shipped.reduce((sum, row) => sum + row.brotli, 0),
  };
  return { rows, total };
}

function printSizes({ rows, total }) {
  const width = Math.max(...rows.map((row) => row.name.length), total.name.length);
  const header = ['raw bytes', 'raw', 'gzip -9', 'brotli 11'];
  const cells = (row) => [`${row.raw}`, kb(row.raw), kb(row.gzip), kb(row.brotli)];
  const line = (name, values) => `${name.padEnd(width)}${values.map((value) => pad(value, 12)).join('')}`;
  console.log('dist/ sizes (1 kB = 1000 bytes)');
  console.log(line('file', header));
  for (const row of rows) console.log(line(row.name, cells(row)));
  console.log(line(total.name, cells(total)));
  const verdict = total.brotli <= BUDGET_BROTLI_BYTES ? 'within' : 'OVER';
  console.log(`budget: brotli total <= ${kb(BUDGET_BROTLI_BYTES)}: ${verdict} (${total.brotli} bytes)`);
}

function percentile(sorted, fraction) {
  // Nearest rank: the smallest value with at least `fraction` of the samples at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1];
}

// The page that marks the first frame in which a live badge is on screen: for the widget,
// the first frame after its first `telltale:change`; for the baselines, the first frame
// after their inline script wrote a badge.
const BADGE_MARK = `<script>
  const painted = () => {
    const badge = document.querySelector('telltale-status')?.shadowRoot
      ?.querySelector('[data-testid=root][data-phase=live] [data-testid=badge]')
      ?? document.querySelector('[data-testid=baseline-badge]');
    if (badge) window.firstBadgeMs ??= performance.now();
    else requestAnimationFrame(painted);
  };
  document.addEventListener('telltale:change', () => requestAnimationFrame(painted));
  window.baselineBadge = (text) => {
    document.body.insertAdjacentHTML('beforeend', '<button data-testid=baseline-badge>' + text + '</button>');
    requestAnimationFrame(painted);
  };
</script>`;

// What each page is: the widget, and two floors that show what the browser itself costs in
// a fresh context (no Telltale at all): a badge written by an inline script, and a badge
// written by an inline script after it fetched the same feed.
function benchPages(server) {
  server.setFeed('bench', { fixture: FEED_FIXTURE });
  server.setPage(
    '/bench.html',
    hostPage({ title: 'Telltale benchmark', head: BADGE_MARK, body: snippet({ feed: '/feeds/bench' }) }),
  );
  server.setPage(
    '/baseline.html',
    hostPage({ title: 'Telltale benchmark', head: BADGE_MARK, script: `<script>baselineBadge('Operational');</script>` }),
  );
  server.setPage(
    '/baseline-fetch.html',
    hostPage({
      title: 'Telltale benchmark',
      head: BADGE_MARK,
      script: `<script>fetch('/feeds/bench').then((r) => r.text()).then((t) => baselineBadge(t.length ? 'Operational' : '?'));</script>`,
    }),
  );
  return [
    { key: 'widget', path: '/bench.html', live: true },
    { key: 'baseline', path: '/baseline.html', live: false },
    { key: 'baselineFetch', path: '/baseline-fetch.html', live: false },
  ];
}

async function timeToFirstBadge(runs) {
  const server = await startServer();
  const browser = await launchBrowser();
  const pages = benchPages(server);
  const samples = Object.fromEntries(pages.map((page) => [page.key, []]));
  try {
    // Interleaved, so a burst of load on the shared machine hits every page alike.
    for (let run = 0; run < runs; run += 1) {
      for (const { key, path, live } of pages) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const failures = [];
        page.on('pageerror', (error) => failures.push(String(error)));
        await page.goto(server.url(path));
        await page.waitForFunction(() => window.firstBadgeMs !== undefined, null, { timeout: 15_000 });
        const sample = await page.evaluate(() => {
          // When each download started and finished, from Resource Timing (ms since navigation).
          const entry = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
          const span = (pattern) => {
            const found = entry(pattern);
            return found ? { start: found.startTime, end: found.responseEnd } : {};
          };
          const script = span(/telltale\.js$/);
          const wasm = span(/\.wasm$/);
          const feed = span(/\/feeds\/bench$/);
          return {
            firstBadgeMs: window.firstBadgeMs,
            responseEndMs: performance.getEntriesByType('navigation')[0]?.responseEnd,
            scriptStartMs: script.start,
            scriptMs: script.end,
            wasmStartMs: wasm.start,
            wasmMs: wasm.end,
            feedStartMs: feed.start,
            feedMs: feed.end,
            phase: document.querySelector('telltale-status')?.shadowRoot?.querySelector('[data-testid=root]')
              ?.dataset.phase,
          };
        });
        if (live && sample.phase !== 'live') failures.push(`phase is ${sample.phase}, not live`);
        if (failures.length) throw new Error(`${path} load ${run + 1}: ${failures.join('; ')}`);
        samples[key].push(sample);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return samples;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The median of one field over the samples that have it.
function step(samples, key) {
  const values = samples.map((sample) => sample[key]).filter((value) => value !== undefined);
  return values.length ? median(values) : undefined;
}

function printTimes({ widget, baseline, baselineFetch }) {
  const times = widget.map((sample) => sample.firstBadgeMs).sort((a, b) => a - b);
  const ms = (value) => `${pad(value === undefined ? '-' : value.toFixed(1), 8)} ms`;
  const at = (value) => (value === undefined ? '-' : value.toFixed(1));
  console.log();
  console.log(
    `navigation start -> first live badge, ${widget.length} cold loads (fresh context each), ` +
      `feed ${FEED_FIXTURE} on 127.0.0.1`,
  );
  console.log(`${'median'.padEnd(8)}${ms(median(times))}`);
  console.log(`${'min'.padEnd(8)}${ms(times[0])}`);
  console.log(`${'p90'.padEnd(8)}${ms(percentile(times, 0.9))}`);
  console.log(`${'max'.padEnd(8)}${ms(times[times.length - 1])}`);
  const verdict = median(times) < BUDGET_MEDIAN_MS ? 'within' : 'OVER';
  console.log(`budget: median < ${BUDGET_MEDIAN_MS} ms: ${verdict}`);
  // Where the time goes (medians, ms since navigation start): each download's start and end.
  console.log(
    `median milestones: page received ${at(step(widget, 'responseEndMs'))}, ` +
      `script ${at(step(widget, 'scriptStartMs'))}-${at(step(widget, 'scriptMs'))}, ` +
      `wasm ${at(step(widget, 'wasmStartMs'))}-${at(step(widget, 'wasmMs'))}, ` +
      `feed ${at(step(widget, 'feedStartMs'))}-${at(step(widget, 'feedMs'))}, ` +
      `badge live ${at(median(times))} ms`,
  );
  // Ours, not the browser's: from the wasm's arrival to the feed request (the loader's
  // prefetch starts it when the wasm answers, so this is near 0 or negative), from the
  // feed's arrival to the painted badge (with the prefetch this includes waiting for
  // compile, instantiate and mount), and from the wasm's arrival to the badge (the part of
  // the critical path that is ours whichever arrives last).
  const gap = (from, to) =>
    median(widget.filter((s) => s[from] !== undefined && s[to] !== undefined).map((s) => s[to] - s[from]));
  console.log(
    `median spans: wasm arrived -> feed requested ${at(gap('wasmMs', 'feedStartMs'))} ms, ` +
      `feed arrived -> badge painted ${at(gap('feedMs', 'firstBadgeMs'))} ms, ` +
      `wasm arrived -> badge painted ${at(gap('wasmMs', 'firstBadgeMs'))} ms`,
  );
  console.log(
    `baseline (no Telltale, fresh context, median of ${baseline.length}): ` +
      `inline script writes a badge ${at(step(baseline, 'firstBadgeMs'))} ms; ` +
      `inline script fetches the feed, then writes a badge ${at(step(baselineFetch, 'firstBadgeMs'))} ms`,
  );
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)} (1 min)`);
}

const runs = parseRuns(process.argv.slice(2));
printSizes(distSizes());
printTimes(await timeToFirstBadge(runs));
