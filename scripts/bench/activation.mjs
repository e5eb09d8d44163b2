// Client activation time: how long VS Code would spend loading dist/client.js and running its
// activate() (the language server starts in the background and is not waited for). VS Code is
// not here: `vscode` is a stand-in that answers every property, call and construction with
// itself, so only our module graph and our own work are timed. Prints the median of N runs, each
// in a fresh Node process (a module is loaded once per process).
//   node scripts/bench/activation.mjs [--runs 9]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const client = join(root, 'dist', 'client.js');

if (process.argv[2] === '--child') {
  const { default: Module } = await import('node:module');
  const stand = () => {
    const target = function () {};
    const proxy = new Proxy(target, {
      get: (_t, key) => {
        if (key === 'then' || key === Symbol.iterator || key === Symbol.asyncIterator) return undefined;
        if (key === Symbol.toPrimitive) return () => '';
        if (key === 'prototype') return target.prototype;
        return proxy;
      },
      set: () => true,
      apply: () => proxy,
      construct: () => proxy,
    });
    return proxy;
  };
  // The API's top-level names from its type declarations, each a stand-in.
  const { readFileSync } = await import('node:fs');
  const types = readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const vscode = {};
  for (const [, name] of types.matchAll(/^\s+export (?:namespace|class|enum|const|let|function) (\w+)/gm))
    vscode[name] = stand();
  vscode.version = '1.100.0';
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const { createRequire } = Module;
  const require = createRequire(import.meta.url);
  const context = {
    subscriptions: [],
    extensionPath: root,
    extensionUri: vscode,
    asAbsolutePath: (p) => join(root, p),
    globalState: vscode,
    workspaceState: vscode,
  };
  const t0 = performance.now();
  const extension = require(client);
  const t1 = performance.now();
  await extension.activate(context);
  const t2 = performance.now();
  console.log(JSON.stringify({ load: t1 - t0, activate: t2 - t1 }));
  // The stand-in client never reaches a server; leave at once.
  process.exit(0);
}

if (!existsSync(client)) {
  console.error('dist/client.js is missing: run npm run build first.');
  process.exit(1);
}
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const results = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
  results.push(JSON.parse(out.trim().split('\n').pop()));
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = median(results.map((r) => r.load));
const activate = median(results.map((r) => r.activate));
const total = median(results.map((r) => r.load + r.activate));
console.log(
  `client activation (median of ${runs}): require dist/client.js ${load.toFixed(1)} ms, activate() ${activate.toFixed(1)} ms, total ${total.toFixed(1)} ms`,
);
