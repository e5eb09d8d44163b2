import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readYaml, sniffSkeleton, substitutePlaceholders } from '../../../server/src/core';
import { loadSeeds, mutant, random } from '../../helpers/fuzzer';
import { signatureView } from '../../helpers/signature-view';

// A content sniff reads only the skeleton of a large YAML text (core/classify/sniff-skeleton.ts).
// Claim: wherever the skeleton reads cleanly and the whole text does too, both give the same view
// of everything a content signature can look at: the documents, their roots' types, the top-level
// keys in order, each value's type and scalar value, and the keys of a top-level list's first
// object entry. Checked on every fixture and corpus YAML file and on seeded mutants of them.
const MUTANTS = Number(process.env.PLUGIN_WORKBENCH_SKELETON_MUTANTS ?? 1500);
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 7);

const read = (text: string) => readYaml(substitutePlaceholders(text, 'yaml').text, { version: '1.2' });

/** undefined when the claim does not apply (no skeleton, or one of the two readings is not clean). */
function compare(text: string): { skeleton: unknown; whole: unknown } | undefined {
  const skeleton = sniffSkeleton(text);
  if (skeleton === undefined) return undefined;
  const reduced = read(skeleton);
  if (reduced.diagnostics.length) return undefined;
  const whole = read(text);
  if (whole.diagnostics.length) return undefined;
  return { skeleton: signatureView(reduced.documents), whole: signatureView(whole.documents) };
}

const seeds = loadSeeds().filter((seed) => /\.ya?ml$/i.test(seed.file));

test('the skeleton of every fixture and corpus YAML file reads as the whole file for content signatures', () => {
  let compared = 0;
  for (const seed of seeds) {
    const result = compare(seed.text);
    if (!result) continue;
    compared++;
    assert.deepEqual(result.skeleton, result.whole, seed.file);
  }
  assert.ok(compared > 50, `compared ${compared} files`);
});

test('seeded mutants: wherever skeleton and whole text read cleanly, signatures see the same', () => {
  let compared = 0;
  for (let i = 0; i < MUTANTS; i++) {
    const { seed, text, steps } = mutant(seeds, SEED, i);
    const result = compare(text);
    if (!result) continue;
    compared++;
    assert.deepEqual(result.skeleton, result.whole, `${seed.file} after ${steps.join(', ')} (seed ${SEED}, #${i})`);
  }
  assert.ok(compared > MUTANTS / 10, `compared ${compared} mutants`);
});

test('the skeleton keeps what decides a signature and drops nested detail', () => {
  const text = [
    'kind: source',
    'spec:',
    '  name: aws',
    '  tables: ["*"]',
    '  destinations:',
    '    - pg',
    'plugins:',
    '  - name: a',
    '    localPath: x',
    '    env:',
    '      - A=1',
    '  - name: b',
    '    localPath: y',
    '---',
    'kind: destination',
    'spec: {name: pg}',
  ].join('\n');
  assert.equal(
    sniffSkeleton(text),
    [
      'kind: source',
      'spec:',
      '  name: aws',
      'plugins:',
      '  - name: a',
      '    localPath: x',
      '    env:',
      '      - A=1',
      '---',
      'kind: destination',
      'spec: {name: pg}',
    ].join('\n'),
  );
  // Where cutting could change the top level, there is no skeleton: the whole text is read.
  assert.equal(sniffSkeleton('{\n  "kind": "source",\n  "spec": {}\n}\n'), undefined, 'JSON-like YAML');
  assert.equal(sniffSkeleton('  kind: source\n  spec: {}\n'), undefined, 'an indented top level');
  assert.equal(sniffSkeleton('---\n  kind: source\n'), undefined, 'indented after a marker');
  assert.equal(sniffSkeleton('base: &b\n  a: 1\n  c: 2\n<<: *b\n'), undefined, 'a merge key');
  // A random text is never made longer.
  const rand = random(SEED);
  for (const seed of seeds.slice(0, 40)) {
    const skeleton = sniffSkeleton(seed.text);
    if (skeleton !== undefined) assert.ok(skeleton.length <= seed.text.length + 1, seed.file);
    void rand;
  }
});
