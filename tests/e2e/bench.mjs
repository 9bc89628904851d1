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

async function timeToFirstBadge(runs) {
  const server = await startServer();
  const browser = await launchBrowser();
  server.setFeed('bench', { fixture: FEED_FIXTURE });
  server.setPage(
    '/bench.html',
    hostPage({
      title: 'Telltale benchmark',
      // Registered before anything else loads, so the first live state cannot be missed.
      head: `<script>
        // The first frame after the first live state in which the badge is live on screen.
        const painted = () => {
          const badge = document.querySelector('telltale-status')?.shadowRoot
            ?.querySelector('[data-testid=root][data-phase=live] [data-testid=badge]');
          if (badge) window.firstBadgeMs ??= performance.now();
          else requestAnimationFrame(painted);
        };
        document.addEventListener('telltale:change', () => requestAnimationFrame(painted));
      </script>`,
      body: snippet({ feed: '/feeds/bench' }),
    }),
  );
  const samples = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const failures = [];
      page.on('pageerror', (error) => failures.push(String(error)));
      await page.goto(server.url('/bench.html'));
      await page.waitForFunction(() => window.firstBadgeMs !== undefined, null, { timeout: 15_000 });
      const sample = await page.evaluate(() => {
        // When each download finished, from the Resource Timing entries (ms since navigation).
        const fetched = (pattern) =>
          performance.getEntriesByType('resource').find((entry) => pattern.test(entry.name))?.responseEnd;
        return {
          firstBadgeMs: window.firstBadgeMs,
          scriptMs: fetched(/telltale\.js$/),
          wasmMs: fetched(/\.wasm$/),
          feedMs: fetched(/\/feeds\/bench$/),
          phase: document.querySelector('telltale-status').shadowRoot?.querySelector('[data-testid=root]')
            ?.dataset.phase,
        };
      });
      if (sample.phase !== 'live') failures.push(`phase is ${sample.phase}, not live`);
      if (failures.length) throw new Error(`load ${run + 1}: ${failures.join('; ')}`);
      samples.push(sample);
      await context.close();
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

function printTimes(samples) {
  const times = samples.map((sample) => sample.firstBadgeMs).sort((a, b) => a - b);
  const ms = (value) => `${pad(value === undefined ? '-' : value.toFixed(1), 8)} ms`;
  console.log();
  console.log(
    `navigation start -> first live badge, ${samples.length} cold loads (fresh context each), ` +
      `feed ${FEED_FIXTURE} on 127.0.0.1`,
  );
  console.log(`${'median'.padEnd(8)}${ms(median(times))}`);
  console.log(`${'min'.padEnd(8)}${ms(times[0])}`);
  console.log(`${'p90'.padEnd(8)}${ms(percentile(times, 0.9))}`);
  console.log(`${'max'.padEnd(8)}${ms(times[times.length - 1])}`);
  const verdict = median(times) < BUDGET_MEDIAN_MS ? 'within' : 'OVER';
  console.log(`budget: median < ${BUDGET_MEDIAN_MS} ms: ${verdict}`);
  // Where the time goes (medians): downloads finished, then the first live badge.
  const step = (key) => {
    const values = samples.map((sample) => sample[key]).filter((value) => value !== undefined);
    return values.length ? median(values) : undefined;
  };
  console.log(
    `median milestones: script loaded ${step('scriptMs')?.toFixed(1) ?? '-'} ms, ` +
      `wasm downloaded ${step('wasmMs')?.toFixed(1) ?? '-'} ms, ` +
      `feed received ${step('feedMs')?.toFixed(1) ?? '-'} ms, ` +
      `badge live ${median(times).toFixed(1)} ms`,
  );
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)} (1 min)`);
}

const runs = parseRuns(process.argv.slice(2));
printSizes(distSizes());
printTimes(await timeToFirstBadge(runs));
