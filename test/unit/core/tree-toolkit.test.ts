import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { diagnosticAt, documentAt, nodeAt, readYaml, uniqueNames } from '../../../server/src/core';
import { cursor } from '../../helpers/cursor';

test('uniqueNames: every later item with a name seen before, in order; unnamed items skipped', () => {
  const items = [{ n: 'a' }, { n: undefined }, { n: 'b' }, { n: 'a' }, { n: undefined }, { n: 'a' }, { n: 'b' }];
  assert.deepEqual(
    uniqueNames(items, (i) => i.n).map(({ item, name }) => [items.indexOf(item), name]),
    [
      [3, 'a'],
      [5, 'a'],
      [6, 'b'],
    ],
  );
  assert.deepEqual(
    uniqueNames([], () => 'x'),
    [],
  );
});

test('diagnosticAt: the span of the node, with code, severity and message', () => {
  assert.deepEqual(diagnosticAt({ start: 3, end: 9 }, 'x.code', 'warning', 'm'), {
    start: 3,
    end: 9,
    severity: 'warning',
    code: 'x.code',
    message: 'm',
  });
});

test('documentAt and nodeAt: the document of a multi-document file and the key or scalar under the cursor', () => {
  const at = (textWithCursor: string) => {
    const { text, offset } = cursor(textWithCursor);
    const { documents } = readYaml(text, { version: '1.2' });
    const document = documentAt(documents, offset);
    return { index: document ? documents.indexOf(document) : -1, found: nodeAt(document?.root, offset) };
  };
  const value = at('kind: source\n---\n# second\nkind: destination\nspec:\n  name: p|g\n');
  assert.equal(value.index, 1);
  assert.deepEqual(value.found?.path, ['spec', 'name']);
  assert.equal(value.found?.node.type === 'scalar' && value.found.node.value, 'pg');
  assert.equal(value.found?.onKey, undefined);
  const key = at('kind: source\nsp|ec:\n  name: x\n---\nkind: destination\n');
  assert.equal(key.index, 0);
  assert.equal(key.found?.onKey?.key, 'spec');
  assert.equal(
    at('kind: source\n---\n# the second|\nkind: destination\n').index,
    1,
    'a leading comment belongs to its document',
  );
  assert.equal(at('a: [1, 2]\n|').found, undefined);
});
