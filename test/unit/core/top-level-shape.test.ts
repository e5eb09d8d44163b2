import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { topLevelShape, topLevelShapeAfter } from '../../../server/src/core';
import { random } from '../../helpers/fuzzer';

// topLevelShapeAfter answers the last shape without a scan when an edit changed only lines the scan
// keeps nothing of. Oracle: for every edit of seeded random sequences, it equals topLevelShape of
// the new text. Bounded and seeded.
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 7);
const EDITS = 4000;

const LINES = [
  'kind: source',
  'spec:',
  '  name: a',
  '  path: cloudquery/aws',
  '  - localPath: a',
  '    checksum: b',
  '  - name: c',
  '- item',
  '---',
  '',
  '\r',
  '# note',
  '  # note',
  '\tx: 1',
  '    deep: 1',
  '  tables: ["a", "b"]',
  'plugins:',
];
const TOKENS = ['x', ' ', '  ', '\n', '\n  ', '\n- ', '#', '-', ':', '\r', '\t', 'key: 1\n', '\n---\n', ''];

test('topLevelShapeAfter: equal to a fresh scan after every edit of random sequences', () => {
  const rand = random(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  let text = Array.from({ length: 40 }, () => pick(LINES)).join('\n') + '\n';
  let shape = topLevelShape(text);
  let kept = 0;
  for (let i = 0; i < EDITS; i++) {
    const at = Math.floor(rand() * (text.length + 1));
    const cut = rand() < 0.4 ? Math.floor(rand() * 4) : 0;
    const insert = rand() < 0.3 ? pick(LINES) + '\n' : pick(TOKENS);
    const next = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
    const after = topLevelShapeAfter(text, shape, next);
    const fresh = topLevelShape(next);
    assert.equal(after, fresh, `edit ${i} (seed ${SEED}) at ${at}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
    if (after === shape) kept++;
    // Now and then a new random text: damage does not pile up into one shape.
    text = rand() < 0.02 ? Array.from({ length: 40 }, () => pick(LINES)).join('\n') + '\n' : next;
    shape = topLevelShape(text);
  }
  // The test proves nothing if no edit kept its shape.
  assert.ok(kept > EDITS / 10, `only ${kept} of ${EDITS} edits kept the shape`);
});

test('topLevelShapeAfter: an edit deep in a section keeps the shape; under a key, in a first entry or at the margin it does not', () => {
  const text =
    'kind: source\nspec:\n  name: a\n  path: b\n  tables: [x]\n---\nplugins:\n  - a: 1\n    b: 2\n  - c: 3\n';
  const shape = topLevelShape(text);
  const kept = (next: string) => topLevelShapeAfter(text, shape, next) === shape;
  assert.ok(kept(text.replace('tables: [x]', 'tables: [y]')));
  assert.ok(kept(text.replace('c: 3', 'c: 4')));
  // the first line under a key is seen (its type), a first list entry wholly, the margin always
  assert.ok(!kept(text.replace('  name: a', '  - name: a')));
  assert.ok(!kept(text.replace('b: 2', 'bb: 2')));
  assert.ok(!kept(text.replace('kind: source', 'kind: sink')));
  assert.ok(!kept(text.replace('  path: b\n', '  path: b\nnew: 1\n')));
});
