import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseFile } from '../../../../server/src/core';
import { KINDS } from '../../../../server/src/systems';
import { specsInDocuments } from '../../../../server/src/systems/cloudquery/rules/spec-index';
import { scanSpecNames } from '../../../../server/src/systems/cloudquery/spec-names-scan';
import { checkLineMutants, loadSeeds, mutant } from '../../../helpers/fuzzer';

// A folder index reads its sibling specs' kinds and names by scanning lines
// (systems/cloudquery/spec-names-scan.ts). Claim: wherever the scan gives an answer, it is what
// parsing the file as the host does gives. Checked on every fixture and corpus YAML file, on the
// fuzzer's seeded mutants and on line mutations aimed at the shapes the scan must refuse.
const MUTANTS = Number(process.env.PLUGIN_WORKBENCH_SCAN_MUTANTS ?? 1500);
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 7);

const parsed = (text: string) =>
  specsInDocuments(parseFile(text, KINDS['cloudquery-spec']).documents, 'spec.yml').map(({ kind, name }) => ({
    kind,
    name,
  }));

const seeds = loadSeeds().filter((seed) => /\.ya?ml$/i.test(seed.file));
const cloudquery = seeds.filter((seed) => /cloudquery/.test(seed.file));

function check(text: string, where: string): boolean {
  const scanned = scanSpecNames(text);
  if (scanned === undefined) return false;
  assert.deepEqual(scanned, parsed(text), where);
  return true;
}

test('every fixture and corpus YAML file: the scan, where it answers, names the specs the parse names', () => {
  let answered = 0;
  for (const seed of seeds) if (check(seed.text, seed.file)) answered++;
  // Useless if it answered for nothing: most CloudQuery specs have the plain shape.
  const plain = cloudquery.filter((seed) => scanSpecNames(seed.text)?.length).length;
  assert.ok(plain > cloudquery.length / 3, `the scan named specs in ${plain} of ${cloudquery.length} CloudQuery files`);
  assert.ok(answered > 50, `answered for ${answered} files`);
});

test('the fuzzer’s seeded mutants: wherever the scan answers, it agrees with the parse', () => {
  let answered = 0;
  for (let i = 0; i < MUTANTS; i++) {
    const { seed, text, steps } = mutant(seeds, SEED, i);
    if (check(text, `${seed.file} after ${steps.join(', ')} (seed ${SEED}, #${i})`)) answered++;
  }
  assert.ok(answered > MUTANTS / 20, `answered for ${answered} mutants`);
});

/** Line edits at the places the scan reads: indentation, quotes, case, comments, repeats, markers. */
const LINE_EDITS: Array<(line: string) => string> = [
  (line) => ' ' + line,
  (line) => line.replace(/^ /, ''),
  (line) => line.replace(/: (\S+)/, ': "$1"'),
  (line) => line.replace(/: (\S+)/, ": '$1'"),
  (line) => line.replace(/: (\S+)/, ': "$1'),
  (line) => line.replace(/: (\S+)/, ': $1 # note'),
  (line) => line.replace(/: (\S+)/, ': $1#note'),
  (line) => line.replace(/: (\S+)/, ': &a $1'),
  (line) => line.replace(/: (\S+)/, ': !!str $1'),
  (line) => line.replace(/: (\S+)/, ': yes'),
  (line) => line.replace(/: (\S+)/, ': 12'),
  (line) => line.replace(/: (\S+)/, ': $1: x'),
  (line) => line.replace(/: (\S+)/, ': [$1'),
  (line) => line.replace(/: (\S+)/, ': |'),
  (line) => line.replace(/^(\s*)(\w)/, (_, s: string, c: string) => s + c.toUpperCase()),
  (line) => line.replace(/^(\s*)(\w+):/, '$1"$2":'),
  (line) => line + '\n' + line,
  (line) => line + '\n    continued',
  (line) => line + '\n  continued',
  (line) => line + '\n---',
  (line) => '---\n' + line,
  (line) => line + '\n...',
  (line) => line.replace(/^(\s*)/, '$1- '),
  (line) => line.replace(/^(\s*)/, '$1\t'),
  (line) => line.replace(/: (\S+)/, ': ${NAME}'),
  (line) => line + '\n  - item',
  (line) => '# ' + line,
  () => '',
];

test('line mutations of the CloudQuery specs: wherever the scan answers, it agrees with the parse', () => {
  const { answered, runs } = checkLineMutants(cloudquery, LINE_EDITS, 60, SEED * 31 + 1, check);
  assert.ok(answered > runs / 10, `answered for ${answered} of ${runs}`);
});

test('the plain shape is named; shapes it cannot be sure of are left to the parse', () => {
  const plain = ['kind: source', 'spec:', '  name: aws # the source', '  path: cloudquery/aws', '  tables:', '  - "*"'];
  assert.deepEqual(scanSpecNames([...plain, '---', 'kind: destination', 'spec:', "  name: 'pg'", ''].join('\n')), [
    { kind: 'source', name: 'aws' },
    { kind: 'destination', name: 'pg' },
  ]);
  assert.deepEqual(scanSpecNames('spec:\n  name: implied\n'), [{ kind: 'source', name: 'implied' }]);
  assert.deepEqual(scanSpecNames('kind: plugin\nspec:\n  name: x\n'), []);
  // A name the host expands is not known before it runs: no name, as the parse says.
  assert.deepEqual(scanSpecNames('kind: source\nspec:\n  name: ${NAME}\n  path: "${P}" # x\n'), []);
  for (const text of [
    'kind: source\nspec: {name: x}\n',
    'kind: source\nspec:\n  name: x\n  name: y\n',
    'kind: source\nspec:\n  Name: x\n',
    'Kind: source\nspec:\n  name: x\n',
    'kind: source\nspec:\n  name: x\n    y\n',
    'kind: source\nspec:\n  name: yes\n',
    'kind: source\nspec:\n  name: &n x\n',
    'kind: source\r\nspec:\r\n  name: x\r\n',
  ])
    assert.equal(scanSpecNames(text), undefined, JSON.stringify(text));
});
