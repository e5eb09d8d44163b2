import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, metadata } from './helpers';

const CODE = ['ekuiper.missing-source-yaml'];

test("missing-source-yaml: a source's metadata without <name>.yaml is an error on about; creating it mends it", async () => {
  const dir = makeTree({ 'etc/sources/random.json': metadata() });
  const file = path.join(dir, 'etc/sources/random.json');
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), ['ekuiper.missing-source-yaml@2']);
  assert.equal((await find('ekuiper-source-meta', file, CODE[0]))?.severity, 'error');
  assert.deepEqual(await dataOf('ekuiper-source-meta', file, CODE[0]), [{ create: 'random.yaml' }]);

  fs.writeFileSync(path.join(dir, 'etc/sources/random.yaml'), 'default: {}\n');
  assert.deepEqual(await codesOf('ekuiper-source-meta', file), []);
});

test('missing-source-yaml: found in etc/sources/ below the metadata; exact name and .yaml only; sinks need none', async () => {
  const dir = makeTree({
    'random.json': metadata(),
    'etc/sources/random.yaml': 'default: {}\n',
    'Random.yaml': '',
    'random.yml': '',
  });
  assert.deepEqual(await codesOf('ekuiper-source-meta', path.join(dir, 'random.json'), CODE), []);
  fs.rmSync(path.join(dir, 'etc'), { recursive: true });
  assert.deepEqual(await codesOf('ekuiper-source-meta', path.join(dir, 'random.json'), CODE), [
    'ekuiper.missing-source-yaml@2',
  ]);

  const sink = makeTree({ 'sinks/file.json': metadata({ sink: true }) });
  assert.deepEqual(await codesOf('ekuiper-sink-meta', path.join(sink, 'sinks/file.json'), CODE), []);
});
