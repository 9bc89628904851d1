// The demo's web server (scripts/demo.sh): serves the demo pages, dist/ and the sample
// feeds from the repository root on 127.0.0.1, and nothing else.
//
// The sample feeds depict fixed moments (an outage at 10:38 UTC on 20 November 2026, a
// maintenance that night). Served as they are, a visitor would read an "ongoing" outage
// from days ago and a maintenance "in progress" whose window ended long before. So each
// sample feed's times are moved forward by the time since the moment it depicts, rounded
// to whole minutes: the demo shows every scenario as if it were happening now. The files
// themselves are not changed (the tests read them as they are).
//
//   node scripts/demo-server.mjs [port]      (PORT also works; default 8080)

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Content types by file extension (the e2e tests' server uses them too). */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** What the demo pages load, relative to the repository root. */
const SERVED = /^(index\.html$|www\/|dist\/|tests\/fixtures\/)/;

/** The moment each sample feed depicts (UTC milliseconds), by its path's prefix. */
const DEPICTS = [
  // The tests read these fixtures at 2026-11-20T12:00Z.
  ['tests/fixtures/apple/', Date.UTC(2026, 10, 20, 12, 0)],
  // The maintenance sample: inside its window (21:00–05:00 UTC), 2 h 45 min after its
  // update of 21:00, posted as the window opened, which then reads "3 h ago" well away
  // from the half hour where ages round to the next hour.
  ['www/feeds/', Date.UTC(2026, 10, 20, 23, 45)],
];

const MINUTE_MS = 60_000;
const PACIFIC = { PST: -8, PDT: -7 };

/** `MM/DD/YYYY HH:MM PST` (Apple's `datePosted`) moved by `shiftMs`, written in PST. */
function shiftPacific(text, shiftMs) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}) (PST|PDT)$/.exec(text);
  if (!m) return text;
  const [, month, day, year, hour, minute, zone] = m;
  const atMs = Date.UTC(+year, +month - 1, +day, +hour - PACIFIC[zone], +minute) + shiftMs;
  const pst = new Date(atMs + PACIFIC.PST * 3_600_000);
  const two = (n) => String(n).padStart(2, '0');
  return (
    `${two(pst.getUTCMonth() + 1)}/${two(pst.getUTCDate())}/${pst.getUTCFullYear()} ` +
    `${two(pst.getUTCHours())}:${two(pst.getUTCMinutes())} PST`
  );
}

/**
 * The body to serve for `path` (relative to the repository root): a sample feed with its
 * times moved to `nowMs`, anything else as it is.
 */
export function demoBody(path, body, nowMs = Date.now()) {
  const depicts = DEPICTS.find(([prefix]) => path.startsWith(prefix))?.[1];
  if (depicts === undefined || !/\.(js|json)$/.test(path)) return body;
  const shiftMs = Math.round((nowMs - depicts) / MINUTE_MS) * MINUTE_MS;
  const text = body
    .toString('utf8')
    .replace(/("epoch(?:Start|End)Date"\s*:\s*)(\d+)/g, (_, key, ms) => key + (Number(ms) + shiftMs))
    .replace(/("datePosted"\s*:\s*")([^"]*)"/g, (_, key, date) => `${key}${shiftPacific(date, shiftMs)}"`);
  return Buffer.from(text, 'utf8');
}

/** Resolves `rest` under the repository root, refusing anything that climbs out of it. */
function within(rest) {
  const path = normalize(join(root, rest));
  return path.startsWith(root + sep) ? path : null;
}

/** Starts the demo server on 127.0.0.1:`port` (0: any free port); resolves to the server. */
export function startDemoServer(port) {
  const server = createServer(async (req, res) => {
    let rest;
    try {
      rest = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).slice(1) || 'index.html';
    } catch {
      rest = '';
    }
    const file = SERVED.test(rest) ? within(rest) : null;
    try {
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) throw new Error('not served');
      const body = demoBody(rest, await readFile(file));
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': String(body.length),
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(rest === 'favicon.ico' ? 204 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(rest === 'favicon.ico' ? undefined : 'not found\n');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    // Bound to loopback only: the demo is for this machine, not the network.
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await startDemoServer(port).catch((error) => {
    const why = error?.code === 'EADDRINUSE' ? `port ${port} is in use; choose another with PORT=8081 bash scripts/demo.sh` : String(error);
    console.error(`Telltale demo: cannot serve on 127.0.0.1:${port}: ${why}`);
    process.exit(1);
  });
  console.log(`Telltale demo: http://127.0.0.1:${server.address().port}/  (Ctrl-C stops the server)`);
}
