import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, metadata } from './helpers';

const CODE = ['ekuiper.so-name'];

/** A native source project: Go code at the root, metadata in etc/sources/, the build in plugins/sources/. */
function project(so: string): { dir: string; file: string } {
  const dir = makeTree({
    'go.mod': 'module example.com/random\n',
    'random.go': 'package main\n\nfunc Random() api.Source { return &random{} }\n',
    'etc/sources/random.json': metadata(),
    'etc/sources/random.yaml': 'default: {}\n',
    [`plugins/sources/${so}`]: 'so',
    'plugins/sources/Other@v2.so': 'another plugin',
  });
  return { dir, file: path.join(dir, 'etc', 'sources', 'random.json') };
}

test("so-name: a .so not named Name.so / name.so (@version) is an error on the metadata's about key; renaming mends it", async () => {
  const { dir, file } = project('random-1.0.so');
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), ['ekuiper.so-name@2']);
  const diagnostic = await find('ekuiper-source-meta', file, CODE[0]);
  assert.equal(diagnostic?.severity, 'error');
  assert.match(diagnostic!.message, /Random\.so or random\.so/);
  assert.deepEqual(await dataOf('ekuiper-source-meta', file, CODE[0]), [
    { rename: { from: '../../plugins/sources/random-1.0.so', to: '../../plugins/sources/Random@v1.0.so' } },
  ]);

  fs.renameSync(path.join(dir, 'plugins/sources/random-1.0.so'), path.join(dir, 'plugins/sources/Random@v1.0.0.so'));
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), []);
});

test('so-name: accepted and refused names', async () => {
  for (const good of ['random.so', 'Random.so', 'random@v1.so', 'Random@1.2.3.so']) {
    assert.deepEqual(await codesOf('ekuiper-source-meta', project(good).file, CODE), [], good);
  }
  for (const bad of ['RANDOM.so', 'rAndom@v1.so', 'random_v1.so', 'Random.v2.so']) {
    assert.deepEqual(await codesOf('ekuiper-source-meta', project(bad).file, CODE), ['ekuiper.so-name@2'], bad);
  }
  // Another plugin's build output is not this plugin's business.
  for (const other of ['randomizer.so', 'Other.so', 'random_sql.so']) {
    assert.deepEqual(await codesOf('ekuiper-source-meta', project(other).file, CODE), [], other);
  }
});

test('so-name: a flat plugin folder (zip root / extensions/<type>s/<name>/) and its sinks build folder', async () => {
  const dir = makeTree({
    'extensions/sinks/file/file.json': metadata({ sink: true }),
    'extensions/sinks/file/file.go': 'package main\n\nfunc File() api.Sink { return nil }\n',
    'plugins/sinks/file-v1.so': 'so',
  });
  const file = path.join(dir, 'extensions/sinks/file/file.json');
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file), ['ekuiper.so-name@2']);
  fs.renameSync(path.join(dir, 'plugins/sinks/file-v1.so'), path.join(dir, 'plugins/sinks/File@v1.so'));
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file), []);
});

test("so-name: a zip's root holds the .so beside the metadata", async () => {
  const dir = makeTree({ 'random.json': metadata(), 'random.yaml': 'default: {}\n', 'random-v1.so': 'so' });
  const file = path.join(dir, 'random.json');
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), ['ekuiper.so-name@2']);
  assert.deepEqual(await dataOf('ekuiper-source-meta', file, CODE[0]), [
    { rename: { from: 'random-v1.so', to: 'Random@v1.so' } },
  ]);
  fs.renameSync(path.join(dir, 'random-v1.so'), path.join(dir, 'random@v1.so'));
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), []);
});
