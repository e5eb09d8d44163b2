import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/engine';

// dist/cli.js loads the CLI bundle with the V8 code cache the build made (server/src/cli/launcher.ts).
const DIST = path.join(REPO_ROOT, 'dist');
const node = (args: string[], cwd = REPO_ROOT) =>
  spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const cacheState = (dist: string) =>
  node([
    '-e',
    `const c = require(${JSON.stringify(path.join(dist, 'cli.js'))});
     const l = c.loadCli(require('fs').readFileSync(c.CODE_CACHE));
     process.stdout.write(String(l.cacheRejected));`,
  ]).stdout;

test('the build makes a code cache this Node takes, and the check through it says what the bundle says', () => {
  assert.ok(fs.statSync(path.join(DIST, 'cli-main.js.cache')).size > 100_000);
  assert.equal(cacheState(DIST), 'false', 'V8 accepted the cache');
  const launched = node([path.join(DIST, 'cli.js'), 'check', '--format', 'json', 'examples']);
  const direct = node([path.join(DIST, 'cli-main.js'), 'check', '--format', 'json', 'examples']);
  assert.equal(launched.status, direct.status);
  assert.ok(launched.stdout.length > 1000);
  assert.equal(launched.stdout, direct.stdout);
});

test('a bundle changed since its cache was made runs as it is now, without the cache', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-code-cache-'));
  try {
    const dist = path.join(root, 'dist');
    fs.mkdirSync(dist);
    for (const name of ['cli.js', 'cli-main.js', 'cli-main.js.cache'])
      fs.copyFileSync(path.join(DIST, name), path.join(dist, name));
    const bundle = path.join(dist, 'cli-main.js');
    const source = fs.readFileSync(bundle, 'utf8');
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    // The same length: V8 itself checks only the source's length, and would run the old bytecode.
    const changed = version.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    assert.ok(source.includes(JSON.stringify(version)));
    fs.writeFileSync(bundle, source.split(JSON.stringify(version)).join(JSON.stringify(changed)));
    assert.equal(fs.statSync(bundle).size, Buffer.byteLength(source));
    assert.equal(cacheState(dist), 'undefined', 'the cache was not given to V8');
    const run = node([path.join(dist, 'cli.js'), '--version']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), changed);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
