// Puts the wasm's functions in an order that brotli compresses better: each function next
// to the one whose code it most resembles (scripts/build.sh).
//
// brotli finds repeats anywhere in the file, but a repeat costs fewer bits when it is near
// and when the code around it reads alike, so the order of the code section matters:
// measured on 2026-11-22, the same 1,902 functions took 114,251 B brotli in rustc's order,
// 115,902 B sorted by use (`wasm-opt --reorder-functions`) and 111,074 B in this order.
// Only the order changes: every function, call and byte of data is the same.
//
// The order: start from the first function; next, of the functions not yet placed, take the
// one whose n-byte substrings overlap most with the last one placed (Jaccard index of the
// two sets); a function sharing none with it goes back to rustc's order. Which n compresses
// best moves with any change of code, by a few hundred bytes either way (2026-11-22, one
// build: n = 4, 5, 6 gave 114,433, 114,696 and 114,782 B; the build before, 114,520,
// 114,506 and 114,601 B), so the script orders by each of n = 4, 5 and 6 and keeps the
// smallest, as brotli -q 11 (scripts/sizes.mjs) measures it. Moving functions renumbers
// their calls, so each n's order is refined in three rounds, each ordering the bodies as
// the round before wrote them (2026-11-22: n = 4 gave 114,380, 114,150 and 114,134 B; n = 5
// 114,349, 114,231, 114,137; a fourth round was worse for both, 114,310 and 114,233). The same input gives the same
// output with the same Node.js (Map and Set iterate in insertion order; which width wins
// rests on that Node's brotli).
//
// wasm-opt does the moving: the script writes a name section that names each function by
// its place in the new order (imports keep theirs), and `wasm-opt
// --reorder-functions-by-name` sorts them and renumbers every call, export, table entry and
// the start function, then drops the names again.
//
// Usage: node scripts/order-functions.mjs <wasm-opt> <in.wasm> <out.wasm> [wasm-opt flags]

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

import { compressedSizes } from './sizes.mjs';

const [wasmOpt, inPath, outPath, ...features] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node scripts/order-functions.mjs <wasm-opt> <in.wasm> <out.wasm> [wasm-opt flags]');
  process.exit(2);
}

function fail(message) {
  console.error(`order-functions: ${message}`);
  process.exit(1);
}

const MAGIC_AND_VERSION = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * The imported functions' count and each defined function's body, read from the wasm
 * module `wasm` (read from `path`, which messages name). Fails on anything it does not
 * read exactly: a section whose parsed contents do not end where the section does.
 */
function readFunctions(wasm, path) {
  if (!wasm.subarray(0, 8).equals(MAGIC_AND_VERSION)) fail(`${path} is not a wasm module (version 1)`);
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const skipName = () => {
    const length = leb();
    const name = wasm.toString('utf8', at, at + length);
    at += length;
    return name;
  };
  const skipLimits = () => {
    const flags = wasm[at++];
    leb();
    if (flags & 1) leb();
  };
  let imported = 0;
  const bodies = [];
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    const end = at + size;
    if (id === 0 && skipName() === 'name') {
      fail(`${path} already has a name section; order the functions before names are added`);
    } else if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        skipName();
        skipName();
        const kind = wasm[at++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          at++;
          skipLimits();
        } else if (kind === 2) {
          skipLimits();
        } else if (kind === 3 && wasm[at] !== 0x63 && wasm[at] !== 0x64) {
          at += 2; // a one-byte value type (no typed reference), then mutability
        } else {
          fail(`${path}: an import of kind ${kind} (or its type), which this script does not read`);
        }
      }
    } else if (id === 10) {
      for (let count = leb(); count > 0; count--) {
        const length = leb();
        bodies.push(wasm.subarray(at, at + length));
        at += length;
      }
    }
    if ((id === 2 || id === 10) && at !== end) fail(`${path}: section ${id} was not read exactly`);
    at = end;
  }
  if (at !== wasm.length || bodies.length === 0) fail(`${path} is not a wasm module with code`);
  return { imported, bodies };
}

/** A function body's local declarations, which renumbering the calls leaves alone. */
function locals(body) {
  let at = 0;
  const leb = () => {
    let byte;
    do byte = body[at++];
    while (byte & 0x80);
  };
  let groups = 0;
  for (let shift = 0, byte = 0x80; byte & 0x80; shift += 7) {
    byte = body[at++];
    groups += (byte & 0x7f) * 2 ** shift;
  }
  for (; groups > 0; groups--) {
    leb();
    at++; // a one-byte value type, as in every module wasm-bindgen writes
  }
  return body.subarray(0, at).toString('hex');
}

/** The order to place `bodies` in, by substrings of `width` bytes: a list of their indices. */
function similarityOrder(bodies, width) {
  const grams = bodies.map((body) => {
    const set = new Set();
    for (let i = 0; i + width <= body.length; i++) set.add(body.toString('latin1', i, i + width));
    return set;
  });
  const holders = new Map();
  grams.forEach((set, index) => {
    for (const gram of set) {
      const list = holders.get(gram);
      if (list) list.push(index);
      else holders.set(gram, [index]);
    }
  });
  const placed = new Uint8Array(bodies.length);
  const order = [0];
  placed[0] = 1;
  let next = 1;
  for (let last = 0; order.length < bodies.length; ) {
    const shared = new Map();
    for (const gram of grams[last]) {
      for (const index of holders.get(gram)) {
        if (!placed[index]) shared.set(index, (shared.get(index) ?? 0) + 1);
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const [index, count] of shared) {
      const score = count / (grams[index].size + grams[last].size - count);
      if (score > bestScore) {
        bestScore = score;
        best = index;
      }
    }
    if (best < 0) {
      while (placed[next]) next++;
      best = next;
    }
    placed[best] = 1;
    order.push(best);
    last = best;
  }
  return order;
}

const uleb = (value) => {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return bytes;
};
const entry = (index, name) => [...uleb(index), ...uleb(name.length), ...Buffer.from(name)];

const wasm = readFileSync(inPath);
const { imported, bodies } = readFunctions(wasm, inPath);

/** Writes `wasm` with its functions in `order` to `path` (wasm-opt moves them). */
function writeOrdered(order, path) {
  const place = new Array(bodies.length);
  order.forEach((body, rank) => {
    place[body] = rank;
  });
  const pad = (n) => String(n).padStart(7, '0');
  const names = [...uleb(imported + bodies.length)];
  for (let i = 0; i < imported; i++) names.push(...entry(i, `a${pad(i)}`));
  for (let i = 0; i < bodies.length; i++) names.push(...entry(imported + i, `f${pad(place[i])}`));
  const payload = [...uleb(4), ...Buffer.from('name'), 1, ...uleb(names.length), ...names];
  const named = Buffer.concat([wasm, Buffer.from([0, ...uleb(payload.length), ...payload])]);
  const namedPath = `${path}.named`;
  writeFileSync(namedPath, named);
  try {
    execFileSync(wasmOpt, [namedPath, '-o', path, '--reorder-functions-by-name', '--strip-debug', ...features], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(namedPath, { force: true });
  }
  return compressedSizes(readFileSync(path)).brotli;
}

// Each width's order is refined in rounds: moving the functions renumbers their calls,
// which changes their bytes and so which functions look alike; a round orders the bodies
// as the previous round wrote them. `order` is always in terms of the input's functions.
const ROUNDS = 3;
let order;
let best = Infinity;
const tried = [];
for (const width of [4, 5, 6]) {
  let current = bodies;
  let original = [...bodies.keys()]; // the input's index of each function in `current`
  const sizes = [];
  for (let round = 0; round < ROUNDS; round++) {
    const candidate = similarityOrder(current, width).map((index) => original[index]);
    const path = `${outPath}.${width}.${round}`;
    const size = writeOrdered(candidate, path);
    sizes.push(size);
    if (size < best) {
      best = size;
      order = candidate;
      writeFileSync(outPath, readFileSync(path));
    }
    current = readFunctions(readFileSync(path), path).bodies;
    original = candidate;
    rmSync(path, { force: true });
  }
  tried.push(`${width}: ${sizes.join(' / ')} B`);
}
console.log(`order-functions: brotli by substring width (rounds 1 / 2 / 3) ${tried.join(', ')}`);

// The functions came out in the order asked for, and nothing else changed in them that
// this can see: the same counts, and each place holds the body meant for it (its local
// declarations; its calls are renumbered, so its code may differ in length).
const ordered = readFunctions(readFileSync(outPath), outPath);
if (ordered.imported !== imported || ordered.bodies.length !== bodies.length) {
  fail(`wasm-opt changed the functions: ${imported}+${bodies.length} became ${ordered.imported}+${ordered.bodies.length}`);
}
const misplaced = order.filter((body, rank) => locals(bodies[body]) !== locals(ordered.bodies[rank])).length;
if (misplaced > 0) fail(`${misplaced} of ${bodies.length} functions are not where the order put them`);
