// What a file costs to download: its bytes raw, gzip -9 and brotli -q 11, with Node's
// zlib, so no gzip or brotli command is needed. The one place these settings live:
// scripts/build.sh prints dist/'s sizes with it, and tests/e2e/bench.mjs imports it.
//
//   node scripts/sizes.mjs FILE...   (a table: each file, then the total)

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

/** `{ raw, gzip, brotli }`: the bytes of `body` as they are and compressed. */
export function compressedSizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const line = (name, raw, gzip, brotli) =>
    `${name.padEnd(20)} ${String(raw).padStart(9)}  ${String(gzip).padStart(8)}  ${String(brotli).padStart(8)}`;
  const total = { raw: 0, gzip: 0, brotli: 0 };
  console.log(line('dist/', 'bytes', 'gzip -9', 'brotli'));
  for (const file of process.argv.slice(2)) {
    const sizes = compressedSizes(readFileSync(file));
    for (const key of Object.keys(total)) total[key] += sizes[key];
    console.log(line(basename(file), sizes.raw, sizes.gzip, sizes.brotli));
  }
  console.log(line('total', total.raw, total.gzip, total.brotli));
}
