import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readYaml, sniffLines, substitutePlaceholders } from '../../../server/src/core';
import { classify } from '../../../server/src/systems';
import { checkLineMutants, loadSeeds, mutant, PLAIN_SHAPE_EDITS } from '../../helpers/fuzzer';
import { signatureView } from '../../helpers/signature-view';

// A content sniff reads the plain block shape from its lines (core/classify/line-sniff.ts) instead of
// parsing the text. Claim: wherever the line sniff answers, it gives the same view of everything a
// content signature can look at as a YAML 1.2 parse of the whole text: the documents, their roots'
// types, the top-level keys in order, each value's type and scalar value, and the keys of a
// top-level list's first mapping entry. Checked on every fixture and corpus YAML file, on the
// fuzzer's seeded mutants and on line mutations aimed at the shapes it must refuse.
const MUTANTS = Number(process.env.PLUGIN_WORKBENCH_SNIFF_MUTANTS ?? 1500);
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 7);

const substituted = (text: string) => substitutePlaceholders(text, 'yaml').text;
const parsed = (text: string) => readYaml(substituted(text), { version: '1.2' }).documents;

/** Whether the line sniff answered; asserts that its answer is the parse's. */
function check(text: string, where: string): boolean {
  const scanned = sniffLines(substituted(text));
  if (scanned === undefined) return false;
  assert.deepEqual(signatureView(scanned), signatureView(parsed(text)), where);
  return true;
}

const seeds = loadSeeds().filter((seed) => /\.ya?ml$/i.test(seed.file));

test('every fixture and corpus YAML file: the line sniff, where it answers, sees what the parse sees', () => {
  let answered = 0;
  for (const seed of seeds) if (check(seed.text, seed.file)) answered++;
  // Useless if it answered for few: most manifests have the plain shape.
  assert.ok(answered > seeds.length / 3, `answered for ${answered} of ${seeds.length} files`);
});

test('the fuzzer’s seeded mutants: wherever the line sniff answers, it agrees with the parse', () => {
  let answered = 0;
  for (let i = 0; i < MUTANTS; i++) {
    const { seed, text, steps } = mutant(seeds, SEED, i);
    if (check(text, `${seed.file} after ${steps.join(', ')} (seed ${SEED}, #${i})`)) answered++;
  }
  assert.ok(answered > MUTANTS / 20, `answered for ${answered} mutants`);
});

test('line mutations: wherever the line sniff answers, it agrees with the parse', () => {
  const { answered, runs } = checkLineMutants(seeds, PLAIN_SHAPE_EDITS, 24, SEED * 37 + 5, check);
  assert.ok(answered > runs / 10, `answered for ${answered} of ${runs}`);
});

test('every fixture and corpus YAML file is classified as before the line sniff', () => {
  // The line sniff is the first reading a content sniff tries; `whole` skips it (and the skeleton).
  for (const seed of seeds) {
    const input = { path: seed.file, text: seed.text };
    assert.deepEqual(classify(input), classify({ ...input, whole: true }), seed.file);
  }
});

test('the plain shape is read from its lines; shapes it cannot be sure of are left to the parse', () => {
  const text = [
    '# a CloudQuery spec',
    'kind: source',
    'spec:',
    '  name: aws',
    '  tables: ["*"]',
    'plugins:',
    '  - just a scalar',
    '  - name: a',
    '    localPath: x',
    '    env:',
    '      - A=1',
    '  - name: b',
    'count: 3',
    'ratio: .5',
    'off: null',
    'quoted: "a b"',
    '---',
    'kind: destination',
    'spec:',
    '  - x',
  ].join('\n');
  assert.deepEqual(signatureView(sniffLines(text)!), signatureView(parsed(text)));
  assert.deepEqual(signatureView(sniffLines(text)!), [
    [
      ['kind', 'string', 'source', undefined],
      ['spec', 'object', undefined, undefined],
      ['plugins', 'array', undefined, ['name', 'localPath', 'env']],
      ['count', 'other', 3, undefined],
      ['ratio', 'other', 0.5, undefined],
      ['off', 'null', null, undefined],
      ['quoted', 'string', 'a b', undefined],
    ],
    [
      ['kind', 'string', 'destination', undefined],
      ['spec', 'array', undefined, undefined],
    ],
  ]);
  for (const refused of [
    '{"kind": "source"}\n',
    '  kind: source\n',
    'kind: source\nkind: destination\n',
    'kind: source\r\nspec: {}\r\n',
    'kind:\tsource\n',
    '- kind: source\n',
    'kind: source\nspec: {name: x}\n',
    'kind: |\n  source\n',
    'kind: 0x1F\n',
    'a: 1\n---\n',
    '---\n---\na: 1\n',
    '%YAML 1.2\n---\na: 1\n',
    'null: x\n',
    'a: &x 1\nb: *x\n',
    'kind: source\nspec:\n  name: x\n    y\n',
    '# only a comment\n',
    '',
  ])
    assert.equal(sniffLines(refused), undefined, JSON.stringify(refused));
});
