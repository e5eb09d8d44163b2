import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, metadata } from './helpers';

const CODE = ['ekuiper.missing-en-us'];

test('missing-en-us: about.description without en_US is a warning on its key; adding en_US mends it', async () => {
  const dir = makeTree({ 'sinks/file.json': metadata({ sink: true, description: { zh_CN: '文件' } }) });
  const file = path.join(dir, 'sinks/file.json');
  // Line 7: `"description": {` inside `about`.
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file, CODE), ['ekuiper.missing-en-us@7']);
  assert.equal((await find('ekuiper-sink-meta', file, CODE[0]))?.severity, 'warning');
  assert.deepEqual(await dataOf('ekuiper-sink-meta', file, CODE[0]), [
    { keyword: 'required', key: 'en_US', pointer: '/about/description', valueType: 'string', default: '' },
  ]);

  fs.writeFileSync(file, metadata({ sink: true, description: { en_US: 'File', zh_CN: '文件' } }));
  assert.deepEqual(await codesOf('ekuiper-sink-meta', file, CODE), []);
});

test('missing-en-us: an empty en_US is flagged on its value, as no text at all', async () => {
  const dir = makeTree({ 'sinks/file.json': metadata({ sink: true, description: { en_US: ' ', zh_CN: '文件' } }) });
  const file = path.join(dir, 'sinks/file.json');
  const found = await find('ekuiper-sink-meta', file, CODE[0]);
  assert.equal(found?.severity, 'warning');
  assert.match(found!.message, /en_US is empty/);
  const line = fs.readFileSync(file, 'utf8').split('\n')[found!.line - 1];
  assert.equal(line.slice(found!.column - 1, found!.endColumn - 1), '" "');
});
