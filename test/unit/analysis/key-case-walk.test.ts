import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  parseFile,
  toValue,
  type KindId,
  type ParsedDocument,
  type Step,
  type ValueNode,
} from '../../../server/src/core';
import { foldKeyCase, navigatorFor } from '../../../server/src/analysis/host-decoding';
import { SchemaStore } from '../../../server/src/schemas/schema-store';
import type { SchemaNavigator } from '../../../server/src/schemas/navigator';
import { classify, KINDS } from '../../../server/src/systems';
import { loadSeeds, mutant, random } from '../../helpers/fuzzer';

// foldKeyCase steps the schemas down the tree, one step per node, instead of looking each object's
// up from the root. Claim: the same warnings and the same renamed keys as the lookup from the root
// (the walk it replaced, kept here as the oracle), on every fixture and corpus manifest of a kind
// whose host matches keys ignoring case, and on mutants with keys' case changed.
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 7);

function oracle(document: ParsedDocument, navigator: SchemaNavigator): string[] {
  const renamed: string[] = [];
  let value = toValue(document.root);
  const visit = (node: ValueNode, path: Step[]) => {
    if (path.length > 64) return;
    if (node.type === 'object') {
      const declared = new Set<string>();
      for (const schema of navigator.at(path, value))
        for (const name of Object.keys((schema.properties as Record<string, unknown>) ?? {})) declared.add(name);
      for (const property of node.properties) {
        if (declared.has(property.key)) continue;
        const canonical = [...declared].find((name) => name.toLowerCase() === property.key.toLowerCase());
        if (!canonical) continue;
        renamed.push(`${property.keyStart}:${property.key}->${canonical}`);
        property.key = canonical;
        value = toValue(document.root);
      }
      for (const property of node.properties) visit(property.value, [...path, property.key]);
    } else if (node.type === 'array') node.items.forEach((item, i) => visit(item, [...path, i]));
  };
  if (document.root) visit(document.root, []);
  return renamed;
}

const store = new SchemaStore();

/** Both walks over fresh parses of `text` as `kind`; false when the kind does not fold keys. */
function compare(text: string, kind: KindId, where: string): boolean {
  const definition = KINDS[kind];
  const navigator = navigatorFor(store, kind);
  if (!definition.decoding?.caseInsensitiveKeys || !navigator || definition.format === 'binary') return false;
  const ours = parseFile(text, definition).documents;
  const theirs = parseFile(text, definition).documents;
  for (let i = 0; i < ours.length; i++) {
    if (!ours[i].root) continue;
    const warnings = foldKeyCase(ours[i], navigator, definition.decoding, definition.system);
    const expected = oracle(theirs[i], navigator);
    assert.deepEqual(
      warnings.map((d) => `${d.start}:${(d.data as { key: string }).key}->${(d.data as { replace: string }).replace}`),
      expected,
      where,
    );
    assert.deepEqual(toValue(ours[i].root), toValue(theirs[i].root), `${where}: the renamed tree`);
  }
  return true;
}

const seeds = loadSeeds().filter((seed) => /\.(ya?ml|json)$/i.test(seed.file));
const kindOf = (file: string, text: string) => classify({ path: file, text }).kind;

/** Each key's first letter's case flipped, at random: what the fold is for. */
function flipKeys(text: string, rand: () => number): string {
  return text.replace(/^(\s*-?\s*"?)([A-Za-z])(\w*"?\s*:)/gm, (all, lead: string, first: string, rest: string) =>
    rand() < 0.3 ? lead + (first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase()) + rest : all,
  );
}

test('stepping the schemas down gives the key-case warnings of a lookup from the root', () => {
  const rand = random(SEED * 13 + 3);
  let compared = 0;
  let warned = 0;
  for (const seed of seeds) {
    const kind = seed.kind ?? kindOf(seed.file, seed.text);
    if (!kind) continue;
    for (const text of [seed.text, flipKeys(seed.text, rand), flipKeys(seed.text, rand)]) {
      if (!compare(text, kind, seed.file)) break;
      compared++;
      const definition = KINDS[kind];
      for (const document of parseFile(text, definition).documents)
        if (document.root) warned += foldKeyCase(document, navigatorFor(store, kind)!, definition.decoding!, '').length;
    }
  }
  assert.ok(compared > 100, `compared ${compared} texts`);
  assert.ok(warned > 50, `only ${warned} keys folded: the comparison would not see the fold's path`);
});

test('seeded mutants: the same warnings as a lookup from the root', () => {
  let compared = 0;
  for (let i = 0; i < 600; i++) {
    const { seed, text, steps, rand } = mutant(seeds, SEED, i);
    const kind = seed.kind ?? kindOf(seed.file, seed.text);
    if (kind && compare(flipKeys(text, rand), kind, `${seed.file} after ${steps.join(', ')} (#${i})`)) compared++;
  }
  assert.ok(compared > 100, `compared ${compared} mutants`);
});
