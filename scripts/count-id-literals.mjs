#!/usr/bin/env node
// Counts string literals that name a plugin system or a kind id outside the per-system folders
// (server/src/systems/<system>/, test/unit/systems/<system>/). Generic code should iterate the
// descriptors instead of naming a system; the architecture issue caps the count at 10.
// Usage: node scripts/count-id-literals.mjs [--list]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['server/src', 'client/src', 'scripts'];
const ids = '(?:cloudquery|gatewayd|ekuiper|anklet|logcraft)(?:-[a-z]+(?:-[a-z]+)*)?';
// A quoted string whose whole content is a system id or a kind id (`'gatewayd'`, "cloudquery-spec").
const literal = new RegExp(`(['"\`])${ids}\\1`, 'g');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|mts|mjs|js)$/.test(name)) yield path;
  }
}

const insideSystem = (rel) => /^(server\/src\/systems\/|test\/unit\/systems\/[^/]+\/)/.test(rel);
const hits = [];
for (const r of roots) {
  for (const file of files(join(root, r))) {
    const rel = relative(root, file).split(sep).join('/');
    if (insideSystem(rel) || rel === 'scripts/count-id-literals.mjs') continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(literal)) hits.push(`${rel}:${i + 1}: ${m[0]}`);
      });
  }
}
if (process.argv.includes('--list')) for (const h of hits) console.log(h);
console.log(hits.length);
