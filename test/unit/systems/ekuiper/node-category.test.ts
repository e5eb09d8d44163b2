import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, metadata } from './helpers';

const CODE = ['ekuiper.node-category'];

test('node-category: when the kind was forced against the folder, a category the folder contradicts is a warning on the value (eKuiper never reads node)', async () => {
  const dir = makeTree({ 'sinks/file.json': metadata({ sink: true, category: 'source' }) });
  const file = path.join(dir, 'sinks/file.json');
  // Line 14: `"category": "source"` inside `node`; the file is read as source metadata (forced).
  assert.deepEqual(await codesOf('ekuiper-source-meta', file, CODE), ['ekuiper.node-category@14']);
  assert.equal((await find('ekuiper-source-meta', file, CODE[0]))?.severity, 'warning');
  assert.deepEqual(await dataOf('ekuiper-source-meta', file, CODE[0]), [{ replace: 'sink' }]);
  fs.writeFileSync(file, metadata({ sink: true }));
  assert.deepEqual(await codesOf('ekuiper-source-meta', file, CODE), []);
});

test('node-category: when kind and folder agree, only the schema reports the category (no duplicate)', async () => {
  const dir = makeTree({ 'sinks/file.json': metadata({ sink: true, category: 'source' }) });
  const file = path.join(dir, 'sinks/file.json');
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file, [...CODE, 'ekuiper.invalid-value']), [
    'ekuiper.invalid-value@14',
  ]);
  const fn = (category: string) =>
    JSON.stringify({ about: { trial: false }, functions: [{ name: 'echo', node: { category } }] }, null, 2);
  const other = makeTree({ 'plugin/echo.json': fn('sink') });
  assert.deepEqual(
    await codesOf('ekuiper-function-meta', path.join(other, 'plugin/echo.json'), CODE),
    [],
    'folders that say nothing are not judged',
  );
});
