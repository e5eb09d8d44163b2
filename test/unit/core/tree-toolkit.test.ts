import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  arrayItems,
  asObject,
  compilePath,
  comparePath,
  diagnosticAt,
  documentAt,
  nodeAt,
  nodesAtPath,
  objectItems,
  readYaml,
  renameKey,
  stringValue,
  treeFact,
  treeFacts,
  uniqueNames,
  parseFile,
  type ParsedDocument,
  type ValueNode,
} from '../../../server/src/core';
import { KINDS } from '../../../server/src/systems';
import { cursor } from '../../helpers/cursor';
import { random } from '../../helpers/fuzzer';

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

/** documentAt as it was first written, reading every tree: the oracle for the one that reads few. */
function documentAtReadingAll(documents: ParsedDocument[], offset: number): ParsedDocument | undefined {
  const withRoot = documents.filter((d) => d.root);
  return (
    withRoot.find((d) => offset >= d.root!.start && offset < d.root!.end) ??
    [...withRoot].reverse().find((d) => d.start <= offset) ??
    withRoot[0]
  );
}

test('documentAt: the same document as a search over every tree, at every offset of seeded multi-document texts', () => {
  const rand = random(Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 11));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const LINES = [
    'kind: source',
    'spec:',
    '  name: a',
    '---',
    '',
    '# c',
    '  tables: [x]',
    '...',
    '- a',
    '--- # x',
    'k: |',
    '  b',
  ];
  for (let round = 0; round < 150; round++) {
    const text = Array.from({ length: 1 + Math.floor(rand() * 14) }, () => pick(LINES)).join('\n') + pick(['', '\n']);
    // The host's sections (CloudQuery) and the YAML stream's documents (every other kind).
    for (const documents of [
      parseFile(text, KINDS['cloudquery-spec']).documents,
      readYaml(text, { version: '1.2' }).documents,
    ])
      for (let offset = 0; offset <= text.length; offset++)
        assert.equal(
          documentAt(documents, offset),
          documentAtReadingAll(documents, offset),
          `offset ${offset} of ${JSON.stringify(text)}`,
        );
  }
});

test('documentAt reads the trees of the documents at the offset only (a read may move a whole section)', () => {
  const text = Array.from({ length: 50 }, (_, i) => `kind: source\nspec:\n  name: s${i}\n`).join('---\n');
  const read: number[] = [];
  const documents = parseFile(text, KINDS['cloudquery-spec']).documents.map((d, i) => {
    const root = d.root;
    return Object.defineProperty({ ...d }, 'root', {
      get: () => (read.push(i), root),
    }) as ParsedDocument;
  });
  const offset = text.indexOf('s20');
  assert.equal(documentAt(documents, offset), documents[20]);
  assert.deepEqual(read, [20]);
});

test('objectItems, arrayItems, asObject: the children of the right shape, nothing for any other node', () => {
  const root = readYaml('a: 1\nb: [x, y]\nc: text\n', { version: '1.2' }).documents[0].root;
  assert.deepEqual(
    objectItems(root).map((p) => p.key),
    ['a', 'b', 'c'],
  );
  const b = objectItems(root)[1].value;
  assert.deepEqual(arrayItems(b).map(stringValue), ['x', 'y']);
  assert.deepEqual(objectItems(b), []);
  assert.deepEqual(arrayItems(root), []);
  assert.deepEqual(objectItems(undefined), []);
  assert.equal(asObject(root), root);
  assert.equal(asObject(b), undefined);
});

test('one path notation: compilePath/comparePath and nodesAtPath agree on keys, * and []', () => {
  const text =
    'plugins:\n  - name: a\n    localPath: ./a\n  - name: b\n  - localPath: ./c\nother: {x: {plugin: p}, y: {plugin: q}}\n';
  const root = readYaml(text, { version: '1.2' }).documents[0].root;
  assert.deepEqual(nodesAtPath(root, 'plugins[].localPath').map(stringValue), ['./a', './c']);
  assert.deepEqual(nodesAtPath(root, 'other.*.plugin').map(stringValue), ['p', 'q']);
  assert.deepEqual(nodesAtPath(root, 'plugins[]').length, 3);
  assert.deepEqual(nodesAtPath(root, '').length, 1);
  assert.deepEqual(nodesAtPath(root, 'missing[].x'), []);
  assert.deepEqual(nodesAtPath(undefined, 'plugins'), []);
  const pattern = compilePath('plugins[].localPath');
  assert.deepEqual(pattern, ['plugins', null, 'localPath']);
  assert.equal(comparePath(pattern, ['plugins', 0, 'localPath']), 'exact');
  assert.equal(comparePath(pattern, ['plugins', 0]), 'prefix');
  assert.equal(comparePath(pattern, ['plugins', 'x']), undefined);
  assert.equal(comparePath(compilePath('spec.destinations[]'), ['spec', 'destinations', 2]), 'exact');
});

test('treeFact: kept per tree object, computed again once any key was renamed', () => {
  const facts = treeFacts<string[]>();
  const root = readYaml('Kind: source\nspec: {}\n', { version: '1.2' }).documents[0].root!;
  let computed = 0;
  const keys = (node: ValueNode) => {
    computed++;
    return node.type === 'object' ? node.properties.map((p) => p.key) : [];
  };
  assert.deepEqual(treeFact(facts, root, keys), ['Kind', 'spec']);
  assert.deepEqual(treeFact(facts, root, keys), ['Kind', 'spec']);
  assert.equal(computed, 1);
  if (root.type === 'object') renameKey(root.properties[0], 'kind');
  assert.deepEqual(treeFact(facts, root, keys), ['kind', 'spec']);
  assert.equal(computed, 2);
  // Another tree (the same text read again) has facts of its own.
  treeFact(facts, readYaml('Kind: source\nspec: {}\n', { version: '1.2' }).documents[0].root!, keys);
  assert.equal(computed, 3);
});
