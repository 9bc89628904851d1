// The end-to-end tests' web server: serves the built widget (dist/), the helper pages
// (tests/e2e/pages/), the feed fixtures (tests/fixtures/), pages a test writes on the fly,
// and scripted feed endpoints whose answers each test sets and whose requests it reads.
//
// It listens on 127.0.0.1 with an ephemeral port, so test files can run side by side.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, demoBody } from '../../scripts/demo-server.mjs';

/** The repository root. */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));


/** Static trees: URL prefix → directory (and which paths under it). Everything else is a 404. */
const STATIC_ROOTS = [
  ['/dist/', join(repoRoot, 'dist')],
  ['/pages/', join(repoRoot, 'tests', 'e2e', 'pages')],
  ['/fixtures/', join(repoRoot, 'tests', 'fixtures')],
  // The demo as `scripts/demo.sh` serves it: the repository root, but only what the demo
  // pages load.
  ['/', repoRoot, (rest) => /^(index\.html$|www\/|dist\/|tests\/fixtures\/)/.test(rest)],
];

function contentType(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Resolves `rest` under `dir`, refusing anything that climbs out of it. */
function within(dir, rest) {
  const path = normalize(join(dir, decodeURIComponent(rest)));
  return path === dir || path.startsWith(dir + sep) ? path : null;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Starts a server. Returns an object with:
 * - `url(path)`: absolute URL of a path on this server;
 * - `setFeed(name, answer)`: what `/feeds/<name>` answers from now on. `answer` is
 *   `{ fixture?: 'apple/x.js', body?: string, status?: 200, headers?: {}, delayMs?: 0,
 *   contentType?: string, cors?: true, etag?: string, truncate?: number,
 *   chunked?: false }` (`fixture` is read from tests/fixtures/). With `etag` the answer
 *   is cacheable (`cache-control: no-cache`, revalidate every time) and a request whose
 *   `If-None-Match` matches gets `304 Not Modified`. `truncate` cuts the body to that
 *   many bytes; `chunked` sends it without a `Content-Length`; `endless` sends the body
 *   and then 4 kB of spaces every 5 ms, without a `Content-Length`, until the client
 *   hangs up (the request's record then has `bytesSent`);
 * - `queueFeed(name, ...answers)`: answers for the next requests, one each, in order,
 *   before `setFeed`'s answer applies again (a script of faults);
 * - `setPage(path, html)`: serve `html` at `path` (e.g. `/t/hostile.html`);
 * - `requests`: every request received, `{ method, path, url, name, timeMs, headers,
 *   status, closedMs, hungUp }` (`status` is what it was answered, once answered;
 *   `closedMs` when the answer ended or the client hung up; `hungUp: true` when the client
 *   hung up before the answer ended, even before it began);
 * - `feedRequests(name)`: the requests for `/feeds/<name>`;
 * - `waitForFeedRequests(name, count, timeoutMs)`: resolves once that many arrived;
 * - `close()`.
 */
export async function startServer() {
  const feeds = new Map();
  const queues = new Map();
  const pages = new Map();
  const requests = [];
  const waiters = new Set();

  async function feedAnswer(name, req, res, record) {
    const queued = queues.get(name);
    const answer = queued?.length ? queued.shift() : feeds.get(name);
    if (!answer) {
      record.status = 404;
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      res.end(`no feed scripted for ${name}`);
      return;
    }
    let body =
      answer.fixture !== undefined
        ? await readFile(join(repoRoot, 'tests', 'fixtures', answer.fixture))
        : Buffer.from(answer.body ?? '', 'utf8');
    if (answer.truncate !== undefined) body = body.subarray(0, answer.truncate);
    const headers = {
      'content-type':
        answer.contentType ?? (answer.fixture ? contentType(answer.fixture) : 'application/json'),
      'cache-control': answer.etag ? 'no-cache' : 'no-store',
      ...(answer.etag ? { etag: answer.etag } : {}),
      ...(answer.cors === false ? {} : { 'access-control-allow-origin': '*' }),
      ...answer.headers,
    };
    if (answer.delayMs) await sleep(answer.delayMs);
    // The client may have hung up while the answer was read or delayed.
    if (res.destroyed || record.hungUp) return;
    if (answer.etag && req.headers['if-none-match'] === answer.etag) {
      record.status = 304;
      const { 'content-type': _, ...rest } = headers;
      res.writeHead(304, rest);
      res.end();
      return;
    }
    record.status = answer.status ?? 200;
    if (answer.endless) {
      res.writeHead(record.status, headers);
      record.bytesSent = body.length;
      res.write(body);
      const filler = Buffer.alloc(4096, ' ');
      const timer = setInterval(() => {
        if (record.hungUp) return clearInterval(timer);
        record.bytesSent += filler.length;
        res.write(filler);
      }, 5);
      return;
    }
    if (answer.chunked) {
      res.writeHead(record.status, headers);
      // Two writes: Node sends a chunked body, with no Content-Length.
      const half = Math.floor(body.length / 2);
      res.write(body.subarray(0, half));
      res.end(body.subarray(half));
      return;
    }
    res.writeHead(record.status, { ...headers, 'content-length': String(body.length) });
    res.end(body);
  }

  async function staticAnswer(path, res) {
    if (pages.has(path)) {
      res.writeHead(200, { 'content-type': contentType(path), 'cache-control': 'no-store' });
      res.end(pages.get(path));
      return;
    }
    if (path === '/') path = '/index.html';
    for (const [prefix, dir, allowed = () => true] of STATIC_ROOTS) {
      if (!path.startsWith(prefix) || !allowed(path.slice(prefix.length))) continue;
      const file = within(dir, path.slice(prefix.length));
      if (!file) break;
      try {
        let body = await readFile(file);
        // The demo's sample feeds, with their times moved to now as the demo server does.
        if (prefix === '/') body = demoBody(path.slice(1), body);
        res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    // Browsers ask for a favicon on their own; answer it quietly so no 404 reaches the console.
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const name = pathname.startsWith('/feeds/') ? pathname.slice('/feeds/'.length) : null;
    const record = {
      method: req.method,
      path: pathname,
      url: req.url,
      name,
      timeMs: Date.now(),
      headers: { ...req.headers },
      status: undefined,
      closedMs: undefined,
    };
    // When the answer was finished, or the client hung up before it was: at any point,
    // even while the answer is still being prepared (read, delayed), so registered first.
    res.on('close', () => {
      record.closedMs = Date.now();
      if (!res.writableFinished) record.hungUp = true;
    });
    requests.push(record);
    for (const waiter of waiters) waiter();
    try {
      if (name !== null && req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': '*',
        });
        res.end();
      } else if (name !== null) {
        await feedAnswer(name, req, res, record);
      } else {
        await staticAnswer(pathname, res);
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });

  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  const feedRequests = (name) => requests.filter((r) => r.name === name && r.method === 'GET');

  return {
    origin,
    requests,
    url: (path) => origin + path,
    setFeed(name, answer) {
      feeds.set(name, answer);
    },
    queueFeed(name, ...answers) {
      queues.set(name, [...(queues.get(name) ?? []), ...answers]);
    },
    setPage(path, html) {
      pages.set(path, html);
    },
    feedRequests,
    waitForFeedRequests(name, count, timeoutMs = 10_000) {
      return new Promise((done, fail) => {
        const check = () => {
          if (feedRequests(name).length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            done(feedRequests(name));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`expected ${count} requests for /feeds/${name}, got ${feedRequests(name).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    /** A URL on a port where nothing listens (connection refused). */
    async closedUrl(path) {
      const probe = createServer();
      await new Promise((ready) => probe.listen(0, '127.0.0.1', ready));
      const { port: closed } = probe.address();
      await new Promise((done) => probe.close(done));
      return `http://127.0.0.1:${closed}${path}`;
    },
    close() {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}
