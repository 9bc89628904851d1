// The benchmark (not a test): what Telltale costs a partner's page.
//
// 1. Size of every file in dist/: raw, gzip (level 9) and brotli (quality 11), and the
//    total a browser downloads (the script and the wasm).
// 2. Time from navigation start to the first live badge, over N page loads (default 20) in
//    headless Chromium against a local feed on 127.0.0.1. Measured in the page: the
//    `telltale:change` event that the widget fires on its first live state, then one
//    animation frame (the badge is painted), read with performance.now() (milliseconds
//    since navigation start). Three series, measured the same way:
//    - fresh context: a new browser context per load (a new renderer process, empty
//      cache and storage);
//    - first visit: one tab reloaded N + 1 times, every file served `no-store` and
//      localStorage cleared before each load: every byte fetched and compiled anew, the
//      renderer already running, as in a real tab. The script and the wasm differ by a
//      few bytes on every load of these two series, or V8 would reuse the code it
//      compiled for the previous page of the tab;
//    - repeat visit: one tab reloaded N + 1 times with the HTTP cache on (dist/ is served
//      as a CDN would: `max-age` and an ETag) and localStorage kept.
//    The first load of each same-tab series is a warm-up and is discarded.
//
//    The same loads of two pages without Telltale (an inline script writes a badge; one
//    first fetches the feed) give the browser's own floor in each series: "baseline".
//    Loads are interleaved (every series and page once per round), so a burst of load on
//    the shared machine hits all alike. Each load starts after a pause (SETTLE_MS): the
//    previous load's aftermath (a closed context's renderer shutting down, V8 optimising
//    the previous page's hot code in the background) would otherwise run on the same two
//    cores during the next load's startup. On 2026-11-21, one run without the pause and
//    one with 400 ms gave medians of 212 / 142 / 106 ms and 173 / 128 / 86 ms (fresh /
//    first / repeat); an interleaved A/B of the pause alone, without fresh contexts,
//    moved the first visit by 4 ms (123 vs 127 ms, 30 loads each). Runs of this bench
//    differ by up to 20 ms on this machine, so read single figures with that in mind.
//
//    No DevTools domain is enabled in the measured tabs, as in a reader's browser: the
//    cache is steered by HTTP headers alone. An earlier version disabled the cache
//    through CDP (`Network.enable` + `Network.setCacheDisabled`). In an interleaved A/B
//    (2026-11-21, 30 loads each) that made no difference to a first visit (125 vs
//    127 ms) and cost a repeat visit 11 ms (91 vs 80 ms).
//
//    The bench serves its pages itself (not through server.mjs, whose files are all
//    `no-store`): pages and the feed `no-store`, dist/ with `cache-control: max-age=600`
//    and an ETag, all from one origin.
//
//    `--latency MS` answers dist/ and the feed MS milliseconds late (a remote origin's
//    round trips, which loopback lacks; the pages themselves are not delayed): the feed
//    is requested while the wasm downloads, and this shows what that saves.
//
//    `--compare NAME=DIR` (repeatable) loads another build's telltale.js and
//    telltale_bg.wasm from DIR in every round, next to Telltale's, the same way: `bash
//    scripts/bench.sh --floor` uses it for the floor of the stack (bench/floor).
//
// Usage: node tests/e2e/bench.mjs [--runs N] [--latency MS] [--compare NAME=DIR ...]
//        (or: bash scripts/bench.sh)

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { launchBrowser, hostPage, snippet } from './helpers.mjs';
import { repoRoot } from './server.mjs';
import { compressedSizes } from '../../scripts/sizes.mjs';

const BUDGET_BROTLI_BYTES = 120_000;
const BUDGET_MEDIAN_MS = 100;
// The pause before each load, so it starts on a quiet machine (see the header).
const SETTLE_MS = 500;
const FEED_FIXTURE = 'apple/all_operational.js';

// The integer after `--name` on the command line, else `fallback`; at least `min`.
function intOption(argv, name, fallback, min) {
  const at = argv.indexOf(`--${name}`);
  const text = at >= 0 ? argv[at + 1] : fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} wants an integer >= ${min}, got ${text}`);
  return value;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (text, width) => String(text).padStart(width);

function distSizes(dist = join(repoRoot, 'dist')) {
  const rows = readdirSync(dist)
    .filter((name) => statSync(join(dist, name)).isFile())
    .sort()
    .map((name) => ({
      ...compressedSizes(readFileSync(join(dist, name))),
      name,
      shipped: /\.(js|wasm)$/.test(name),
    }));
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
// after their inline script wrote a badge. It says so on the console: the bench waits for
// that message rather than polling the page with waitForFunction, whose injected script
// (tens of ms of parsing on the main thread) would run in the middle of the startup it
// measures.
const BADGE_MARK = `<script>
  const painted = () => {
    const badge = document.querySelector('telltale-status')?.shadowRoot
      ?.querySelector('[data-testid=root][data-phase=live] [data-testid=badge]')
      ?? document.querySelector('[data-testid=baseline-badge]');
    if (!badge) requestAnimationFrame(painted);
    else if (window.firstBadgeMs === undefined) {
      window.firstBadgeMs = performance.now();
      console.debug('telltale-bench: painted');
    }
  };
  document.addEventListener('telltale:change', () => requestAnimationFrame(painted));
  window.baselineBadge = (text) => {
    document.body.insertAdjacentHTML('beforeend', '<button data-testid=baseline-badge>' + text + '</button>');
    requestAnimationFrame(painted);
  };
</script>`;

// What each page is: the widget, the builds compared with it (`--compare`), and two floors
// that show what the browser itself costs (no Telltale at all): a badge written by an
// inline script, and a badge written by an inline script after it fetched the same feed.
function benchPages(compared) {
  return [
    { key: 'widget', path: '/bench.html', live: true },
    ...compared.map(({ name }) => ({ key: `compare:${name}`, path: `/bench-${name}.html`, live: true })),
    { key: 'baseline', path: '/baseline.html', live: false },
    { key: 'baselineFetch', path: '/baseline-fetch.html', live: false },
  ];
}

// The page with the snippet, loading telltale.js from `dist`: relative, so each series
// loads its own copy under its own path (see startBenchServer).
function widgetPage(dist) {
  return hostPage({
    title: 'Telltale benchmark',
    head: BADGE_MARK,
    body: snippet({ feed: '/feeds/bench' }),
    script: `<script src="${dist}/telltale.js" async></script>`,
  });
}

function pageHtml(compared) {
  return {
    '/bench.html': widgetPage('dist'),
    ...Object.fromEntries(compared.map(({ name }) => [`/bench-${name}.html`, widgetPage(`${name}/dist`)])),
    '/baseline.html': hostPage({
      title: 'Telltale benchmark',
      head: BADGE_MARK,
      script: `<script>baselineBadge('Operational');</script>`,
    }),
    '/baseline-fetch.html': hostPage({
      title: 'Telltale benchmark',
      head: BADGE_MARK,
      script: `<script>fetch('/feeds/bench').then((r) => r.text()).then((t) => baselineBadge(t.length ? 'Operational' : '?'));</script>`,
    }),
  };
}

// How long a browser may keep dist/ files before it asks again (a CDN's short max-age).
const DIST_MAX_AGE_SECS = 600;

// A copy of `body` that no earlier load has seen: V8 keeps compiled code in memory per
// renderer, keyed by the bytes (a wasm module compiled for the previous page of the tab
// is reused while it lives, and so is a script's), so a "first visit" that reloads one tab
// would otherwise measure a warm compiler. Measured on 2026-11-21 (20 loads, same tab,
// cache disabled): 108 ms median with the same bytes, 141 ms with unique ones.
// wasm: one more custom section named "bench" (ignored by the engine); JS: a comment, and
// the loader's `integrity` for the wasm rewritten to that load's bytes (a load asks for the
// script first, then the wasm).
let uniqueLoads = 0;
let uniqueWasm = null;
function sri(body) {
  return `sha384-${createHash('sha384').update(body).digest('base64')}`;
}
function unique(name, body, dist) {
  if (name.endsWith('.wasm')) {
    const wasm = uniqueWasm ?? body;
    uniqueWasm = null;
    return wasm;
  }
  uniqueLoads += 1;
  const { body: shipped, sri: shippedSri } = dist.get('/dist/telltale_bg.wasm');
  const section = Buffer.concat([Buffer.from([5]), Buffer.from('bench'), Buffer.from(String(uniqueLoads))]);
  // Section id 0 (custom), then its size as LEB128: one byte, as the section is < 128 bytes.
  uniqueWasm = Buffer.concat([shipped, Buffer.from([0, section.length]), section]);
  const script = body.toString('utf8');
  if (!script.includes(shippedSri)) throw new Error("dist/telltale.js does not carry dist/telltale_bg.wasm's sha384: rebuild dist/");
  return Buffer.from(`${script.replace(shippedSri, sri(uniqueWasm))}\n// load ${uniqueLoads}\n`);
}

// The two files of the build in `dir`, as the server answers them.
function distFiles(dir) {
  return new Map(
    ['telltale.js', 'telltale_bg.wasm'].map((name) => {
      const body = readFileSync(join(dir, name));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
      const type = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
      return [`/dist/${name}`, { name, body, etag, type, sri: sri(body) }];
    }),
  );
}

/**
 * The bench's own server on 127.0.0.1: its pages, dist/ as a CDN serves it, the feed.
 * Each series loads its pages and dist/ under its own prefix (`/<series>/bench.html`,
 * `/<series>/dist/…`); for a series with `unique: true` every dist/ answer is unique.
 */
async function startBenchServer(latencyMs, compared) {
  const pages = pageHtml(compared);
  const feed = readFileSync(join(repoRoot, 'tests', 'fixtures', FEED_FIXTURE));
  // Telltale's dist/ at `/dist/…`, each compared build's at `/<name>/dist/…`.
  const dists = new Map([
    ['', distFiles(join(repoRoot, 'dist'))],
    ...compared.map(({ name, dir }) => [name, distFiles(dir)]),
  ]);
  const server = createServer(async (req, res) => {
    const { pathname: fullPath } = new URL(req.url, 'http://127.0.0.1');
    const prefix = fullPath.match(/^\/([a-z]+)(\/.*)$/);
    const series = prefix && SERIES.find((s) => s.key === prefix[1]);
    const pathname = series ? prefix[2] : fullPath;
    const inDist = pathname.match(/^(?:\/([a-z][a-z0-9-]*))?(\/dist\/[^/]+)$/);
    const dist = series && inDist && dists.get(inDist[1] ?? '');
    const file = dist && dist.get(inDist[2]);
    if (latencyMs && (file || pathname === '/feeds/bench')) {
      await new Promise((later) => setTimeout(later, latencyMs));
    }
    if (file && series.unique) {
      const body = unique(file.name, file.body, dist);
      res.writeHead(200, {
        'content-type': file.type,
        'cache-control': 'no-store',
        'content-length': String(body.length),
      });
      res.end(body);
    } else if (file) {
      const headers = {
        'content-type': file.type,
        'cache-control': `max-age=${DIST_MAX_AGE_SECS}`,
        etag: file.etag,
      };
      if (req.headers['if-none-match'] === file.etag) {
        res.writeHead(304, headers);
        res.end();
      } else {
        res.writeHead(200, { ...headers, 'content-length': String(file.body.length) });
        res.end(file.body);
      }
    } else if (pathname === '/feeds/bench') {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
        'content-length': String(feed.length),
      });
      res.end(feed);
    } else if (series && pages[pathname]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(pages[pathname]);
    } else {
      res.writeHead(pathname === '/favicon.ico' ? 204 : 404);
      res.end();
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: (path) => origin + path,
    close() {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}

// The series, in the order they run within each round.
const SERIES = [
  {
    key: 'fresh',
    title:
      'fresh context (a new browser context per load: new renderer, empty cache and storage, ' +
      'dist/ bytes unique per load)',
    sameTab: false,
    unique: true,
  },
  {
    key: 'first',
    title:
      'first visit (one tab per page reloaded, every file no-store, localStorage ' +
      'cleared before each load, dist/ bytes unique per load so nothing compiled is reused)',
    sameTab: true,
    unique: true,
    clearStorage: true,
  },
  {
    key: 'repeat',
    title:
      `repeat visit (one tab per page reloaded, HTTP cache on, dist/ max-age=${DIST_MAX_AGE_SECS} ` +
      'with an ETag, localStorage kept)',
    sameTab: true,
    unique: false,
    clearStorage: false,
  },
];

// What one load measured, read in the page once the badge is painted.
function readSample() {
  // When each download started and finished, from Resource Timing (ms since navigation).
  const entry = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
  const span = (pattern) => {
    const found = entry(pattern);
    return found ? { start: found.startTime, end: found.responseEnd, transfer: found.transferSize } : {};
  };
  const script = span(/telltale\.js$/);
  const wasm = span(/\.wasm(?:\?[^#]*)?$/);
  const feed = span(/\/feeds\/bench$/);
  return {
    firstBadgeMs: window.firstBadgeMs,
    responseEndMs: performance.getEntriesByType('navigation')[0]?.responseEnd,
    scriptStartMs: script.start,
    scriptMs: script.end,
    wasmStartMs: wasm.start,
    wasmMs: wasm.end,
    wasmTransfer: wasm.transfer,
    feedStartMs: feed.start,
    feedMs: feed.end,
    visibility: document.visibilityState,
    phase: document.querySelector('telltale-status')?.shadowRoot?.querySelector('[data-testid=root]')
      ?.dataset.phase,
  };
}

// One load of `url` in `page`; throws on a page error, a hidden page or a widget that is not live.
async function measure(page, url, live, label) {
  const failures = [];
  const onError = (error) => failures.push(String(error));
  page.on('pageerror', onError);
  try {
    const painted = page.waitForEvent('console', {
      predicate: (message) => message.text() === 'telltale-bench: painted',
      timeout: 15_000,
    });
    await page.goto(url);
    await painted;
    const sample = await page.evaluate(readSample);
    if (live && sample.phase !== 'live') failures.push(`phase is ${sample.phase}, not live`);
    if (sample.visibility !== 'visible') failures.push(`page is ${sample.visibility}`);
    if (failures.length) throw new Error(`${label}: ${failures.join('; ')}`);
    return sample;
  } finally {
    page.off('pageerror', onError);
  }
}

async function timeToFirstBadge(runs, latencyMs, compared) {
  const PAGES = benchPages(compared);
  const server = await startBenchServer(latencyMs, compared);
  const browser = await launchBrowser();
  const samples = Object.fromEntries(
    SERIES.map((series) => [series.key, Object.fromEntries(PAGES.map((page) => [page.key, []]))]),
  );
  try {
    // One tab per same-tab series and page, each in its own context (its own cache).
    const tabs = new Map();
    for (const series of SERIES.filter((s) => s.sameTab)) {
      for (const { key } of PAGES) {
        const context = await browser.newContext();
        const page = await context.newPage();
        tabs.set(`${series.key}/${key}`, page);
      }
    }
    // Round 0 is the same-tab series' warm-up (discarded); the fresh series starts at round 1.
    for (let round = 0; round <= runs; round += 1) {
      for (const series of SERIES) {
        if (!series.sameTab && round === 0) continue;
        for (const { key, path, live } of PAGES) {
          const label = `${series.key} ${path} load ${round}`;
          let sample;
          await new Promise((settled) => setTimeout(settled, SETTLE_MS));
          if (series.sameTab) {
            const page = tabs.get(`${series.key}/${key}`);
            sample = await measure(page, server.url(`/${series.key}${path}`), live, label);
            if (series.clearStorage) await page.evaluate(() => localStorage.clear());
          } else {
            const context = await browser.newContext();
            sample = await measure(await context.newPage(), server.url(`/${series.key}${path}`), live, label);
            await context.close();
          }
          if (round > 0) samples[series.key][key].push(sample);
        }
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

const at = (value) => (value === undefined ? '-' : value.toFixed(1));

function printSeries(series, { widget, baseline, baselineFetch, ...others }) {
  const times = widget.map((sample) => sample.firstBadgeMs).sort((a, b) => a - b);
  const verdict = median(times) < BUDGET_MEDIAN_MS ? 'within' : 'OVER';
  console.log();
  console.log(`${series.title}:`);
  console.log(
    `  Telltale  median ${at(median(times))} ms, min ${at(times[0])}, p90 ${at(percentile(times, 0.9))}, ` +
      `max ${at(times[times.length - 1])} (${times.length} loads` +
      `${series.sameTab ? ' after one discarded warm-up load' : ''}); ` +
      `budget median < ${BUDGET_MEDIAN_MS} ms: ${verdict}`,
  );
  console.log(
    `  baseline  inline script writes a badge ${at(step(baseline, 'firstBadgeMs'))} ms; ` +
      `inline script fetches the feed, then writes a badge ${at(step(baselineFetch, 'firstBadgeMs'))} ms (medians)`,
  );
  // Telltale's own cost, steadier than its median when the whole machine runs slower or
  // faster from one run to the next: the load of each round minus the same round's
  // inline-badge load (the pages load one after the other, so they share the moment).
  const overhead = (samples) =>
    median(samples.map((sample, round) => sample.firstBadgeMs - baseline[round].firstBadgeMs));
  console.log(`  Telltale minus the inline badge of the same round: median ${at(overhead(widget))} ms`);
  for (const [key, samples] of Object.entries(others)) {
    const compared = samples.map((sample) => sample.firstBadgeMs).sort((a, b) => a - b);
    console.log(
      `  ${key.replace(/^compare:/, '')}  median ${at(median(compared))} ms, min ${at(compared[0])}, ` +
        `p90 ${at(percentile(compared, 0.9))}; minus the inline badge of the same round: ${at(overhead(samples))} ms`,
    );
  }
  // Where the time goes (medians, ms since navigation start): each download's start and end.
  console.log(
    `  median milestones: page received ${at(step(widget, 'responseEndMs'))}, ` +
      `script ${at(step(widget, 'scriptStartMs'))}-${at(step(widget, 'scriptMs'))}, ` +
      `wasm ${at(step(widget, 'wasmStartMs'))}-${at(step(widget, 'wasmMs'))}, ` +
      `feed ${at(step(widget, 'feedStartMs'))}-${at(step(widget, 'feedMs'))}, ` +
      `badge live ${at(median(times))} ms`,
  );
  // Ours, not the browser's: from the wasm's arrival to the feed request (the loader's
  // prefetch starts it while the wasm downloads, so this is negative), from the
  // feed's arrival to the painted badge (with the prefetch this includes waiting for
  // compile, instantiate and mount), and from the wasm's arrival to the badge (the part of
  // the critical path that is ours whichever arrives last).
  const gap = (from, to) =>
    median(widget.filter((s) => s[from] !== undefined && s[to] !== undefined).map((s) => s[to] - s[from]));
  const cached = widget.filter((s) => s.wasmTransfer === 0).length;
  console.log(
    `  median spans: wasm arrived -> feed requested ${at(gap('wasmMs', 'feedStartMs'))} ms, ` +
      `feed arrived -> badge painted ${at(gap('feedMs', 'firstBadgeMs'))} ms, ` +
      `wasm arrived -> badge painted ${at(gap('wasmMs', 'firstBadgeMs'))} ms; ` +
      `wasm from the HTTP cache in ${cached} of ${widget.length} loads`,
  );
}

function printTimes(samples, runs, latencyMs) {
  console.log();
  console.log(
    `navigation start -> first live badge (telltale:change, then one animation frame; ` +
      `performance.now()), feed ${FEED_FIXTURE} on 127.0.0.1` +
      `${latencyMs ? ` (dist/ and the feed answered ${latencyMs} ms late)` : ''}, ${runs} loads per series and page, ` +
      `interleaved, each after a ${SETTLE_MS} ms pause; the same-tab series discard their first load (warm-up)`,
  );
  for (const series of SERIES) printSeries(series, samples[series.key]);
  console.log();
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)} (1 min)`);
}

// Every `--compare NAME=DIR`: a name for the output and the folder with its build.
function comparedBuilds(argv) {
  return argv.flatMap((arg, at) => {
    if (arg !== '--compare') return [];
    const [, name, dir] = (argv[at + 1] ?? '').match(/^([a-z][a-z0-9-]*)=(.+)$/) ?? [];
    if (!name) throw new Error(`--compare wants NAME=DIR (NAME in lower case), got ${argv[at + 1]}`);
    return [{ name, dir }];
  });
}

const argv = process.argv.slice(2);
const runs = intOption(argv, 'runs', process.env.BENCH_RUNS ?? 20, 1);
const latencyMs = intOption(argv, 'latency', 0, 0);
const compared = comparedBuilds(argv);
printSizes(distSizes());
for (const { name, dir } of compared) {
  const { total } = distSizes(dir);
  console.log(`${name} (${dir}): js + wasm ${kb(total.raw)} raw, ${kb(total.brotli)} brotli`);
}
printTimes(await timeToFirstBadge(runs, latencyMs, compared), runs, latencyMs);
