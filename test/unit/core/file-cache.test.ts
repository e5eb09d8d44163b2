import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { FileCache, nodeFileAccess } from '../../../server/src/core';
import { makeTree } from '../../helpers/engine';

/** A FileCache over the real disk that counts what it reads from the disk. */
function counting(options: ConstructorParameters<typeof FileCache>[1] = {}) {
  const base = nodeFileAccess();
  const reads: string[] = [];
  const cache = new FileCache(
    {
      ...base,
      trusted: true,
      readText: (f) => (reads.push(f), base.readText(f)),
      sha256: (f) => (reads.push(`sha:${f}`), base.sha256(f)),
    },
    options,
  );
  return { cache, reads };
}

test('a text is read once per version of the file; a change of size or mtime reads it again', () => {
  const dir = makeTree({ 'a.yml': 'one\n' });
  const file = path.join(dir, 'a.yml');
  const { cache, reads } = counting();
  assert.equal(cache.readText(file), 'one\n');
  assert.equal(cache.readText(file), 'one\n');
  assert.equal(reads.length, 1);
  fs.writeFileSync(file, 'three\n');
  assert.equal(cache.readText(file), 'three\n');
  // Same size, other mtime.
  fs.writeFileSync(file, 'four!\n');
  fs.utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
  assert.equal(cache.readText(file), 'four!\n');
  assert.equal(reads.length, 3);
  fs.rmSync(file);
  assert.equal(cache.readText(file), undefined);
  assert.equal(cache.exists(file), false);
});

test('derived values are computed once per version; invalidate (a watcher event) forgets them', () => {
  const dir = makeTree({ 'a.yml': 'x' });
  const file = path.join(dir, 'a.yml');
  const { cache } = counting();
  let computed = 0;
  const length = () => cache.derive(file, 'length', (text) => (computed++, text.length));
  assert.equal(length(), 1);
  assert.equal(length(), 1);
  assert.equal(computed, 1);
  // A rewrite the stat cannot see (same size, mtime put back): only the watcher event tells.
  const { mtime } = fs.statSync(file);
  fs.writeFileSync(file, 'y');
  fs.utimesSync(file, mtime, mtime);
  cache.invalidate([file]);
  assert.equal(length(), 1);
  assert.equal(computed, 2);
  assert.equal(
    cache.derive(path.join(dir, 'missing.yml'), 'length', (t) => t.length),
    undefined,
  );
});

test('a folder value is shared, and recomputed when a member changes or a file appears', () => {
  const dir = makeTree({ 'a.yml': 'a', 'b.yml': 'bb', 'c.txt': 'ccc' });
  const { cache } = counting();
  let computed = 0;
  const total = () =>
    cache.deriveFolder(
      dir,
      'total',
      (name) => name.endsWith('.yml'),
      (files) => (computed++, files.reduce((n, f) => n + (cache.readText(f) ?? '').length, 0)),
    );
  assert.equal(total(), 3);
  assert.equal(total(), 3);
  assert.equal(computed, 1);
  fs.writeFileSync(path.join(dir, 'b.yml'), 'bbbb');
  assert.equal(total(), 5);
  fs.writeFileSync(path.join(dir, 'd.yml'), 'dd');
  assert.equal(total(), 7);
  fs.writeFileSync(path.join(dir, 'c.txt'), 'not a member');
  assert.equal(total(), 7);
  assert.equal(computed, 3);
});

test('snapshot mode (one CLI run) looks at each file once', () => {
  const dir = makeTree({ 'a.yml': 'one' });
  const file = path.join(dir, 'a.yml');
  const { cache, reads } = counting({ mode: 'snapshot' });
  assert.equal(cache.readText(file), 'one');
  fs.writeFileSync(file, 'changed');
  assert.equal(cache.readText(file), 'one');
  assert.equal(reads.length, 1);
});

test('hashes are cached by version; big binaries are hashed in the background, then reported', async () => {
  const small = Buffer.from('\x7fELF small');
  const big = Buffer.alloc(4096, 7);
  const dir = makeTree({ small, big });
  const sha = (data: Buffer) => ({ sha256: createHash('sha256').update(data).digest('hex') });
  const hashed: string[] = [];
  let wake: () => void = () => undefined;
  const notified = new Promise<void>((resolve) => (wake = resolve));
  const { cache, reads } = counting({ deferHashesLargerThan: 1024, onHashed: (f) => (hashed.push(f), wake()) });
  assert.deepEqual(await cache.sha256(path.join(dir, 'small')), sha(small));
  assert.deepEqual(await cache.sha256(path.join(dir, 'small')), sha(small));
  assert.equal(reads.filter((r) => r.startsWith('sha:')).length, 1);
  // No verdict yet for the big one, and a notice once its hash is known.
  assert.equal(await cache.sha256(path.join(dir, 'big')), undefined);
  await notified;
  assert.deepEqual(hashed, [path.join(dir, 'big')]);
  assert.deepEqual(await cache.sha256(path.join(dir, 'big')), sha(big));
  fs.writeFileSync(path.join(dir, 'small'), 'rebuilt');
  assert.deepEqual(await cache.sha256(path.join(dir, 'small')), sha(Buffer.from('rebuilt')));
});

test('an untrusted workspace gets no hash, cached or not', async () => {
  const dir = makeTree({ bin: 'binary' });
  const cache = new FileCache({ ...nodeFileAccess(), trusted: false });
  assert.equal(await cache.sha256(path.join(dir, 'bin')), undefined);
});

test('a recalled fact stands while fresh, is looked at again after freshForMs or a watcher event, and is never kept without freshForMs', async () => {
  let looks = 0;
  const look = () => ++looks;
  const fresh = new FileCache(nodeFileAccess(), { freshForMs: 60 });
  assert.equal(fresh.recall('where', look), 1);
  assert.equal(fresh.recall('where', look), 1, 'fresh: not looked at again');
  assert.equal(fresh.recall('elsewhere', look), 2, 'another key is its own fact');
  fresh.invalidate(['/any/file']);
  assert.equal(fresh.recall('where', look), 3, 'a watcher event forgets every fact');
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(fresh.recall('where', look), 4, 'stale after freshForMs');
  const live = new FileCache(nodeFileAccess());
  assert.equal(live.recall('where', look), 5);
  assert.equal(live.recall('where', look), 6, 'live without freshForMs: every use looks');
  const snapshot = new FileCache(nodeFileAccess(), { mode: 'snapshot' });
  assert.equal(snapshot.recall('where', look), 7);
  assert.equal(snapshot.recall('where', look), 7, 'snapshot: for good');
  const missing = () => (++looks, 'missing');
  assert.equal(
    fresh.recall('not yet', missing, (v) => v !== 'missing'),
    'missing',
  );
  const before = looks;
  fresh.recall('not yet', missing, (v) => v !== 'missing');
  assert.equal(looks, before + 1, 'a value keep refuses is looked for again');
  // A snapshot is one state of the disk (a CLI run): a file not there stays not there, as its
  // stamp does, and 3,000 plugins naming the same missing binary look once.
  const once = snapshot.recall('not yet', missing, (v) => v !== 'missing');
  assert.equal(once, 'missing');
  const taken = looks;
  snapshot.recall('not yet', missing, (v) => v !== 'missing');
  assert.equal(looks, taken, 'snapshot: a value keep refuses is kept too');
  const settled = await snapshot.recallSettled(
    'hash',
    async () => (++looks, 'none'),
    (v) => v !== 'none',
  );
  assert.equal(settled, 'none');
  assert.equal(
    snapshot.recallSettled(
      'hash',
      async () => (++looks, 'none'),
      (v) => v !== 'none',
    ),
    'none',
  );
  assert.equal(looks, taken + 1, 'snapshot: a settled value keep refuses is kept too, answered as it is');
});

test('past maxEntries the paths used longest ago are forgotten; a path used since is kept', () => {
  const names = Array.from({ length: 20 }, (_, i) => `f${i}.yml`);
  const dir = makeTree(Object.fromEntries(names.map((n) => [n, `${n}\n`])));
  const files = names.map((n) => path.join(dir, n));
  const { cache, reads } = counting({ maxEntries: 16 });
  for (const file of files.slice(0, 16)) cache.readText(file);
  cache.derive(files[0], 'tag', (t) => t.length); // f0 used again: the newest now
  assert.equal(reads.length, 16);
  for (const file of files.slice(16)) cache.readText(file);
  // Past 16 values the oldest paths go until 14 are left (an eighth of the limit at once); f0,
  // used again, is not among them.
  reads.length = 0;
  cache.readText(files[0]);
  for (const file of files.slice(12)) cache.readText(file);
  assert.deepEqual(reads, [], 'the newest paths are still known');
  cache.readText(files[1]);
  assert.deepEqual(reads, [files[1]], 'an old path is read again');
});

test('past maxBytes of contents the oldest texts are forgotten, derived values count nothing', () => {
  const dir = makeTree({ 'big-1.yml': 'x'.repeat(600), 'big-2.yml': 'y'.repeat(600), 'small.yml': 'z\n' });
  const [big1, big2, small] = ['big-1.yml', 'big-2.yml', 'small.yml'].map((n) => path.join(dir, n));
  const { cache, reads } = counting({ maxBytes: 1000 });
  cache.readText(big1);
  cache.derive(small, 'tag', () => 'a derived value'.repeat(100));
  cache.readText(big2); // 1,200 bytes of texts > 1,000: big-1 goes first
  reads.length = 0;
  cache.readText(big2);
  assert.deepEqual(reads, []);
  cache.readText(big1);
  assert.deepEqual(reads, [big1]);
  // A file over the whole budget alone is still kept while it is the one in use.
  const huge = path.join(dir, 'huge.yml');
  fs.writeFileSync(huge, 'h'.repeat(1500));
  reads.length = 0;
  cache.readText(huge);
  cache.readText(huge);
  assert.deepEqual(reads, [huge]);
});
