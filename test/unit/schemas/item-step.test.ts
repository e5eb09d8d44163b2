import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseFile, toValue, type ValueNode } from '../../../server/src/core';
import { navigatorFor } from '../../../server/src/analysis/host-decoding';
import { SchemaNavigator } from '../../../server/src/schemas/navigator';
import { SchemaStore, type JsonSchema } from '../../../server/src/schemas/schema-store';
import { classify, KINDS } from '../../../server/src/systems';
import { loadSeeds } from '../../helpers/fuzzer';

// itemStep answers for all the items of a list at once. Oracle: `step` to each item with its own
// value, at every list of every fixture and corpus manifest, stepping down from the root as the
// host-type walk does.
const store = new SchemaStore();

/** Every document of every fixture and corpus manifest with a schema, with its kind's navigator. */
function* documents(): Generator<{ file: string; navigator: SchemaNavigator; root: ValueNode }> {
  for (const seed of loadSeeds().filter((s) => /\.(ya?ml|json)$/i.test(s.file))) {
    const kind = seed.kind ?? classify({ path: seed.file, text: seed.text }).kind;
    if (!kind || KINDS[kind].format === 'binary' || KINDS[kind].format === 'text') continue;
    const navigator = navigatorFor(store, kind) ?? SchemaNavigator.for(store, kind);
    if (!navigator) continue;
    for (const document of parseFile(seed.text, KINDS[kind]).documents)
      if (document.root) yield { file: seed.file, navigator, root: document.root };
  }
}

test('itemStep: what step gives for each item of every list of the fixtures and the corpus', () => {
  let lists = 0;
  let shared = 0;
  for (const { file, navigator, root } of documents()) {
    const visit = (node: ValueNode, schemas: JsonSchema[], value: unknown, depth: number) => {
      if (depth > 40 || !schemas.length || node.type === 'scalar') return;
      if (node.type === 'array') {
        lists++;
        const all = navigator.itemStep(schemas);
        if (all) shared++;
        node.items.forEach((item, i) => {
          const itemValue = (value as unknown[] | undefined)?.[i];
          const one = navigator.step(schemas, i, itemValue);
          if (all) assert.deepEqual(all, one, `${file}: item ${i}`);
          visit(item, one, itemValue, depth + 1);
        });
        if (all) assert.equal(navigator.itemStep([...schemas]), all, `${file}: the same array for the same schemas`);
        return;
      }
      for (const property of node.properties) {
        const child = (value as Record<string, unknown> | undefined)?.[property.key];
        visit(property.value, navigator.step(schemas, property.key, child), child, depth + 1);
      }
    };
    const value = toValue(root);
    visit(root, navigator.at([], value), value, 0);
  }
  assert.ok(lists > 100 && shared > 50, `${lists} lists, ${shared} answered at once`);
});

// sharedStep keeps what step gives, per (schemas, segment), where it does not depend on the value,
// and interns the rest. Oracle: step with the value, at every node of every fixture and corpus
// manifest, walked through sharedStep (so later documents step from the kept arrays).
test('sharedStep and sharedAt: what step and at give, at every node of the fixtures and the corpus', () => {
  let steps = 0;
  let kept = 0;
  for (const { file, navigator, root } of documents()) {
    const visit = (node: ValueNode, schemas: JsonSchema[], value: unknown, depth: number) => {
      if (depth > 40 || !schemas.length || node.type === 'scalar') return;
      const children: Array<[ValueNode, string | number]> =
        node.type === 'array'
          ? node.items.map((item, i) => [item, i])
          : node.properties.map((property) => [property.value, property.key]);
      for (const [child, segment] of children) {
        const childValue = (value as Record<string | number, unknown> | undefined)?.[segment];
        const shared = navigator.sharedStep(schemas, segment, childValue);
        assert.deepEqual(shared, navigator.step(schemas, segment, childValue), `${file}: ${segment}`);
        steps++;
        if (navigator.sharedStep(schemas, segment, childValue) === shared) kept++;
        visit(child, shared, childValue, depth + 1);
      }
    };
    const value = toValue(root);
    const start = navigator.sharedAt([], value);
    assert.deepEqual(start, navigator.at([], value));
    assert.equal(navigator.sharedAt([], value), start, `${file}: the same array for the same schemas`);
    visit(root, start, value, 0);
  }
  assert.ok(steps > 1000 && kept > steps / 2, `${steps} steps, ${kept} answered from what was kept`);
});

test('sharedStep: a step decided on the value is not kept for the segment', () => {
  const root = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        if: { properties: { mode: { const: 'a' } } },
        then: { properties: { a: { type: 'string' } } },
        else: { properties: { b: { type: 'number' } } },
      },
    },
  } as JsonSchema;
  const navigator = new SchemaNavigator(store, 'test-shared-step', root);
  const top = navigator.sharedAt([], {});
  const a = navigator.sharedStep(top, 'spec', { mode: 'a' });
  const b = navigator.sharedStep(top, 'spec', { mode: 'b' });
  assert.notDeepEqual(a, b, 'each value its own branch');
  assert.deepEqual(a, navigator.step(top, 'spec', { mode: 'a' }));
  assert.deepEqual(b, navigator.step(top, 'spec', { mode: 'b' }));
  assert.equal(navigator.sharedStep(top, 'spec', { mode: 'a' }), a, 'the same list: the same array (interned)');
});

test('itemStep: none where the items schemas depend on the item', () => {
  const schema = (items: Record<string, unknown>): JsonSchema =>
    ({ type: 'object', properties: { list: { type: 'array', ...items } } }) as JsonSchema;
  const at = (root: JsonSchema) => {
    const navigator = new SchemaNavigator(store, 'test-item-step', root);
    return navigator.itemStep(navigator.step(navigator.at([], {}), 'list', []));
  };
  assert.equal(at(schema({ prefixItems: [{ type: 'string' }], items: { type: 'number' } })), undefined);
  assert.equal(at(schema({ items: { if: { type: 'string' }, then: { minLength: 1 } } })), undefined);
  assert.equal(at(schema({ items: { anyOf: [{ type: 'string' }, { type: 'number' }] } })), undefined);
  assert.deepEqual(at(schema({ items: { type: 'string' } })), [{ type: 'string' }]);
});
