// Takes out of wasm-bindgen's glue the ways of starting the wasm that the loader never
// uses (scripts/build.sh). The loader starts it exactly one way: `wasm_bindgen({
// module_or_path: response })` with the `Response` of its own fetch (js/loader.js), so
// these are dead code that the minifier cannot prove dead:
//
// - `initSync` (a synchronous start from bytes or a module), and its `{ initSync }` on
//   the returned function;
// - the warning for the old, positional way of passing the module
//   ("using deprecated parameters …");
// - the default of fetching `<script>_bg.wasm` (and the `script_src` read at startup for
//   it), and fetching a path, `Request` or `URL` given instead of a response, or
//   instantiating a module or bytes given instead of one.
//
// What stays is what the loader's one way runs, including the fallback (with its
// warning) for a server that sends the wasm with the wrong MIME type. Each piece is
// matched exactly: a glue of another wasm-bindgen that does not have it fails the build,
// naming the piece, rather than leaving it in unnoticed or cutting something else.
//
// Usage: node scripts/trim-glue.mjs <glue.js> <out.js>

import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node scripts/trim-glue.mjs <glue.js> <out.js>');
  process.exit(2);
}

let glue = readFileSync(gluePath, 'utf8');
const before = glue.length;

/** Replaces the one match of `pattern` (a RegExp without the g flag) with `replacement`. */
function cut(what, pattern, replacement = '') {
  const found = glue.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (found !== 1) {
    console.error(`trim-glue: ${what}: expected exactly one in the glue, found ${found}`);
    process.exit(1);
  }
  glue = glue.replace(pattern, replacement);
}

cut(
  'script_src, read at startup',
  /\n {4}let script_src;\n {4}if \(typeof document !== 'undefined' && document\.currentScript !== null\) \{\n {8}script_src = new URL\(document\.currentScript\.src, location\.href\)\.toString\(\);\n {4}\}\n/,
  '\n',
);
cut('initSync', /\n {4}function initSync\(module\) \{\n[\s\S]*?\n {4}\}\n/, '\n');
cut('initSync on the returned function', /Object\.assign\(__wbg_init, \{ initSync \}, exports\)/, 'Object.assign(__wbg_init, exports)');
cut(
  'the positional parameter and its warning',
  /\n {8}if \(module_or_path !== undefined\) \{\n {12}if \(Object\.getPrototypeOf\(module_or_path\) === Object\.prototype\) \{\n {16}\(\{module_or_path\} = module_or_path\)\n {12}\} else \{\n {16}console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)\n {12}\}\n {8}\}\n/,
  '\n        ({module_or_path} = module_or_path);\n',
);
cut(
  'the default wasm path',
  /\n {8}if \(module_or_path === undefined && script_src !== undefined\) \{\n {12}module_or_path = script_src\.replace\(\/\\\.js\$\/, "_bg\.wasm"\);\n {8}\}\n/,
  '\n',
);
cut(
  'fetching a path, Request or URL',
  /\n {8}if \(typeof module_or_path === 'string' \|\| \(typeof Request === 'function' && module_or_path instanceof Request\) \|\| \(typeof URL === 'function' && module_or_path instanceof URL\)\) \{\n {12}module_or_path = fetch\(module_or_path\);\n {8}\}\n/,
  '\n',
);
cut(
  'instantiating a module or bytes given instead of a response',
  /\n {12}return await WebAssembly\.instantiate\(bytes, imports\);\n {8}\} else \{\n {12}const instance = await WebAssembly\.instantiate\(module, imports\);\n\n {12}if \(instance instanceof WebAssembly\.Instance\) \{\n {16}return \{ instance, module \};\n {12}\} else \{\n {16}return instance;\n {12}\}\n {8}\}\n/,
  '\n            return await WebAssembly.instantiate(bytes, imports);\n        }\n',
);
if (/\binitSync\b|\bscript_src\b|deprecated parameters/.test(glue)) {
  console.error('trim-glue: the glue still mentions initSync, script_src or deprecated parameters');
  process.exit(1);
}

writeFileSync(outPath, glue);
console.error(`trim-glue: ${before} -> ${glue.length} characters`);
