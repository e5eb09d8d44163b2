import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, manifest, metadata } from './helpers';

const CODE = ['ekuiper.missing-symbol'];

function flat(go: string): { dir: string; file: string } {
  const dir = makeTree({ 'random.json': metadata(), 'random.yaml': 'default: {}\n', 'random.go': go });
  return { dir, file: path.join(dir, 'random.json') };
}

test('missing-symbol: no Go source exporting ucFirst(name) is a warning on about; exporting it mends it', async () => {
  const { dir, file } = flat('package main\n\nfunc NewRandom() api.Source { return nil }\n');
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), ['ekuiper.missing-symbol@2']);
  const diagnostic = await find('ekuiper-source-meta', file, CODE[0]);
  assert.equal(diagnostic?.severity, 'warning');
  assert.match(diagnostic!.message, /exports Random/);
  assert.deepEqual(await dataOf('ekuiper-source-meta', file, CODE[0]), [{ symbol: 'Random' }]);

  fs.writeFileSync(path.join(dir, 'random.go'), 'package main\n\nfunc Random() api.Source { return nil }\n');
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), []);
});

test('missing-symbol: the declarations eKuiper can look up, and those it cannot', async () => {
  const found = [
    'package main\n\nvar Random = random{}\n',
    'package main\n\nvar Random random\n',
    'package main\n\nvar (\n\tOther  other\n\tRandom random\n)\n',
    'package main\n\nfunc RandomLookup() api.LookupSource { return nil }\n',
  ];
  for (const go of found) assert.deepEqual(await codesOf('ekuiper-source-meta', flat(go).file, CODE), [], go);
  const missing = [
    'package main\n\nfunc (r *random) Random() {}\n',
    'package main\n\n// func Random() api.Source\n/* var Random = 1 */\n',
    'package main\n\nfunc Randomize() {}\n',
  ];
  for (const go of missing)
    assert.deepEqual(await codesOf('ekuiper-source-meta', flat(go).file, CODE), ['ekuiper.missing-symbol@2'], go);
});

test('missing-symbol: silent without package main Go sources, and for a portable plugin', async () => {
  assert.deepEqual(
    await codesOf('ekuiper-source-meta', makeTreeFile({ 'random.json': metadata(), 'random.yaml': '' }), CODE),
    [],
  );
  assert.deepEqual(
    await codesOf('ekuiper-source-meta', flat('package random\n\nfunc New() {}\n').file, CODE),
    [],
    'a library, not the plugin',
  );
  const pkg = makeTree({
    'mirror.json': manifest(),
    mirror: '',
    'sources/random.json': metadata(),
    'sources/random.yaml': 'default: {}\n',
    'sources/random.go': 'package main\n\nfunc main() {}\n',
  });
  assert.deepEqual(await codesOf('ekuiper-source-meta', path.join(pkg, 'sources', 'random.json'), CODE), []);
});

test('missing-symbol: a function plugin may export one symbol per function; etc/ layout reads the project root', async () => {
  const fn = JSON.stringify(
    { about: { trial: false }, functions: [{ name: 'resize' }, { name: 'thumbnail' }] },
    null,
    2,
  );
  const dir = makeTree({ 'image.json': fn, 'exports.go': 'package main\n\nvar (\n\tThumbnail thumbnail\n)\n' });
  assert.deepEqual(await codesOf('ekuiper-function-meta', path.join(dir, 'image.json'), CODE), []);
  fs.writeFileSync(path.join(dir, 'exports.go'), 'package main\n\nvar Other other\n');
  assert.deepEqual(await codesOf('ekuiper-function-meta', path.join(dir, 'image.json'), CODE), [
    'ekuiper.missing-symbol@2',
  ]);

  const project = makeTree({
    'go.mod': 'module x\n',
    'main.go': 'package main\n',
    'etc/sinks/file.json': metadata({ sink: true }),
  });
  const file = path.join(project, 'etc/sinks/file.json');
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file, CODE), ['ekuiper.missing-symbol@2']);
  fs.writeFileSync(path.join(project, 'main.go'), 'package main\n\nfunc File() api.Sink { return nil }\n');
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file, CODE), []);
});

function makeTreeFile(files: Record<string, string>): string {
  return path.join(makeTree(files), Object.keys(files)[0]);
}
