// Renames the glue's side of the wasm's imports and exports to the short names that
// `wasm-opt --minify-imports-and-exports-and-modules` gave them (scripts/build.sh).
//
// wasm-bindgen names every import after its Rust binding plus a hash
// (`__wbg_addEventListener_f2d27251d333a631`) and writes each name twice: once in the
// wasm's import section and once as a key of the glue's import object. About 160 of them
// are some 12 kB raw in the two files; the hashes do not compress. wasm-opt renames them
// in the wasm and prints the mapping; this script applies the same mapping to the glue.
//
// The glue is wasm-bindgen's own output (`--target no-modules`), so its shapes are known:
// one import object whose keys are the import names, returned under the module name, and
// every export read as `wasm.<name>`. Anything else is a new wasm-bindgen: the script then
// fails, naming what it did not find, rather than write a glue that cannot instantiate.
//
// Usage: node scripts/minify-names.mjs <glue.js> <mapping.json> <minified.wasm> <out.js>

import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, mappingPath, wasmPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node scripts/minify-names.mjs <glue.js> <mapping.json> <minified.wasm> <out.js>');
  process.exit(2);
}

function fail(message) {
  console.error(`minify-names: ${message}`);
  process.exit(1);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Not followed by another identifier character: `wasm.__wbindgen_export` is not a prefix
// of `wasm.__wbindgen_export2`.
const END = '(?![A-Za-z0-9_$])';

const mapping = JSON.parse(readFileSync(mappingPath, 'utf8'));
const module = new WebAssembly.Module(readFileSync(wasmPath));
const wasmImports = WebAssembly.Module.imports(module);
const wasmExports = new Set(WebAssembly.Module.exports(module).map((entry) => entry.name));
let glue = readFileSync(gluePath, 'utf8');

// Replaces exactly `count` matches of `pattern` (a RegExp source), or fails.
function replaceAll(pattern, replacement, what, { atLeast = 1, exactly } = {}) {
  let found = 0;
  glue = glue.replace(new RegExp(pattern, 'g'), (...groups) => {
    found += 1;
    return typeof replacement === 'function' ? replacement(...groups) : replacement;
  });
  if (exactly !== undefined ? found !== exactly : found < atLeast) {
    fail(`${what}: expected ${exactly ?? `at least ${atLeast}`} in the glue, found ${found}`);
  }
}

// The module: wasm-opt gives all of them one short name.
const modules = new Set(wasmImports.map((entry) => entry.module));
const originalModules = new Set(mapping.imports.map(([moduleName]) => moduleName));
if (modules.size !== 1 || originalModules.size !== 1) {
  fail(`expected one import module, found ${[...originalModules]} -> ${[...modules]}`);
}
const [moduleName] = originalModules;
const [shortModule] = modules;
replaceAll(`${JSON.stringify(moduleName)}:`, `${JSON.stringify(shortModule)}:`, `module ${moduleName}`, {
  exactly: 1,
});

// The imports: each a key of the import object (`name: function(...)`, one per line).
const importNames = new Set(wasmImports.map((entry) => entry.name));
for (const [, name, short] of mapping.imports) {
  if (!importNames.has(short)) fail(`import ${name}: ${short} is not an import of the wasm`);
  replaceAll(`(^|[\\s{,])${escape(name)}:`, (_, before) => `${before}${JSON.stringify(short)}:`, `import ${name}`, {
    exactly: 1,
  });
}

// The exports: every `wasm.<name>`. One the glue never reads (wasm-bindgen's own
// `__abort_handler`, say) is left alone.
for (const [name, short] of mapping.exports) {
  if (!wasmExports.has(short)) fail(`export ${name}: ${short} is not an export of the wasm`);
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(short)) fail(`export ${name}: ${short} is not an identifier`);
  if (new RegExp(`\\bwasm\\.${escape(name)}${END}`).test(glue)) {
    replaceAll(`\\bwasm\\.${escape(name)}${END}`, `wasm.${short}`, `export ${name}`);
  }
}

// Nothing of the old names may remain where the wasm is called.
const leftover = glue.match(/\bwasm\.(?:__wbg_|__wbindgen_|__wasm_bindgen_)[A-Za-z0-9_$]*/);
if (leftover) fail(`the glue still reads ${leftover[0]}`);

writeFileSync(outPath, glue);
console.error(
  `minify-names: ${mapping.imports.length} imports, ${mapping.exports.length} exports, module ${shortModule}`,
);
