import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, manifest } from './helpers';

const CODE = ['ekuiper.manifest-name'];

test('manifest-name: a name other than the file name is an error on the value; the file name mends it', async () => {
  const dir = makeTree({ 'mirror.json': manifest({ name: 'other' }) });
  const file = path.join(dir, 'mirror.json');
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', file, CODE), ['ekuiper.manifest-name@2']);
  const diagnostic = await find('ekuiper-portable-manifest', file, 'ekuiper.manifest-name');
  assert.equal(diagnostic?.severity, 'error');
  assert.equal(diagnostic?.column, 11, 'on the value, not the key');
  assert.match(diagnostic!.message, /mirror\.json/);
  assert.deepEqual(await dataOf('ekuiper-portable-manifest', file, 'ekuiper.manifest-name'), [
    { replace: 'mirror', rename: 'other.json' },
  ]);

  fs.writeFileSync(file, manifest({ name: 'mirror' }));
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', file, CODE), []);
});

test('manifest-name: no name is fine (it defaults to the install name), and the check is not a package check', async () => {
  const dir = makeTree({ 'mirror.json': manifest(), 'second.json': manifest({ name: 'nope' }) });
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', path.join(dir, 'mirror.json'), CODE), []);
  // Two manifests side by side silence the file-system checks, not this one.
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', path.join(dir, 'second.json'), CODE), [
    'ekuiper.manifest-name@2',
  ]);
});
