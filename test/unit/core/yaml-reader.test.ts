import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAllDocuments, visit } from 'yaml';
import { aliasTargets, readYaml, findProperty, toValue } from '../../../server/src/core';
import { loadSeeds, mutant, random } from '../../helpers/fuzzer';

test('every document of a stream is read, with exact key and value offsets', () => {
  const text = 'kind: source\nspec:\n  name: aws\n---\nkind: destination\n';
  const { documents, diagnostics } = readYaml(text, { version: '1.2' });
  assert.equal(diagnostics.length, 0);
  assert.equal(documents.length, 2);
  const spec = findProperty(documents[0].root, 'spec')!;
  const name = findProperty(spec.value, 'name')!;
  assert.equal(text.slice(name.keyStart, name.keyEnd), 'name');
  assert.equal(text.slice(name.value.start, name.value.end), 'aws');
  assert.deepEqual(toValue(documents[1].root), { kind: 'destination' });
});

test('a broken document is reported and does not hide the others', () => {
  const text = 'a: 1\n---\nb: [1, 2\n---\nc: 3\n';
  const { documents, diagnostics } = readYaml(text, { version: '1.2' });
  assert.equal(documents.length, 3);
  assert.ok(diagnostics.length >= 1);
  assert.ok(diagnostics.every((d) => d.code === 'yaml.syntax'));
  assert.equal(documents[1].broken, true);
  assert.equal(documents[0].broken, false);
  assert.deepEqual(toValue(documents[2].root), { c: 3 });
});

test('YAML 1.1 reads yes/on as booleans, YAML 1.2 keeps them as strings', () => {
  const text = 'a: yes\nb: on\nc: true\n';
  assert.deepEqual(toValue(readYaml(text, { version: '1.1' }).documents[0].root), { a: true, b: true, c: true });
  assert.deepEqual(toValue(readYaml(text, { version: '1.2' }).documents[0].root), { a: 'yes', b: 'on', c: true });
});

test('timestamps stay as written, as the Go hosts hand them to plugins', () => {
  const text = 'start: 2025-01-01\n';
  assert.deepEqual(toValue(readYaml(text, { version: '1.1' }).documents[0].root), { start: '2025-01-01' });
});

test('an empty value is an empty null right after its key', () => {
  const text = 'spec:\nname: x\n';
  const root = readYaml(text, { version: '1.2' }).documents[0].root;
  const spec = findProperty(root, 'spec')!;
  assert.equal(spec.value.type, 'scalar');
  assert.equal(spec.value.start, spec.value.end);
  assert.ok(spec.value.start >= spec.keyEnd && spec.value.start <= text.indexOf('\n'));
});

test('merge keys copy the anchored mapping without overriding local keys', () => {
  const text = 'base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n';
  assert.deepEqual(toValue(readYaml(text, { version: '1.1' }).documents[0].root), {
    base: { x: 1, y: 2 },
    item: { y: 3, x: 1 },
  });
});

// The timeout only guards against a hang; the test asserts the diagnostic.
test('an alias bomb stops with a diagnostic instead of expanding', { timeout: 60_000 }, () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  const { documents, diagnostics } = readYaml(lines.join('\n') + '\n', { version: '1.2' });
  assert.equal(documents[0].root, undefined);
  assert.equal(diagnostics[0].code, 'yaml.alias-limit');
});

test("alias targets: found in one walk, the same nodes yaml's own Alias.resolve finds", () => {
  // Every fixture and corpus YAML, their mutants (anchors and aliases spliced in), and texts where
  // anchors are redefined, nested, used before they are defined, or contain their own alias.
  const texts = [
    'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
    'a: *x\nb: &x 1\n',
    '- &a [*a]\n- &b {k: *b, j: &c 1, l: *c}\n- *b\n',
    '? &k key\n: *k\n*k : v\n',
    'base: &b {x: 1}\nderived:\n  <<: *b\n  y: &b 2\n  z: *b\n',
  ];
  const seeds = loadSeeds().filter((s) => /\.ya?ml$/i.test(s.file));
  for (const seed of seeds) texts.push(seed.text);
  for (let i = 0; i < 400; i++) texts.push(mutant(seeds, i, 7).text);
  // Random nests of maps and lists where three anchor names are defined and used anywhere.
  const rand = random(31);
  const value = (depth: number): string => {
    const anchor = rand() < 0.3 ? `&a${Math.floor(rand() * 3)} ` : '';
    const r = rand();
    if (r < 0.3) return `*a${Math.floor(rand() * 3)}`;
    if (depth > 3 || r < 0.5) return `${anchor}v${Math.floor(rand() * 9)}`;
    const items = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) =>
      r < 0.75 ? `${rand() < 0.2 ? `*a${i}` : `k${i}`}: ${value(depth + 1)}` : value(depth + 1),
    );
    return r < 0.75 ? `${anchor}{${items.join(', ')}}` : `${anchor}[${items.join(', ')}]`;
  };
  for (let i = 0; i < 300; i++) texts.push(`root: ${value(0)}\nnext: ${value(0)}\n`);
  let aliases = 0;
  for (const text of texts)
    for (const doc of parseAllDocuments(text)) {
      if (!('contents' in doc)) continue;
      const targets = aliasTargets(doc);
      visit(doc, {
        Alias(_key, alias) {
          aliases++;
          assert.equal(
            targets.get(alias),
            alias.resolve(doc),
            `*${alias.source} in ${JSON.stringify(text.slice(0, 200))}`,
          );
        },
      });
    }
  assert.ok(aliases > 500, `only ${aliases} aliases were compared`);
});
