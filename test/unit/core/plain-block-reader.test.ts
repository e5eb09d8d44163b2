import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readPlainBlock, readYamlParsed, substitutePlaceholders, type YamlReadOptions } from '../../../server/src/core';
import { documentsSnapshot } from '../../helpers/tree-snapshot';
import { answeredOnMutants, checkLineMutants, loadSeeds, PLAIN_SHAPE_EDITS, random } from '../../helpers/fuzzer';

// The plain block reader (core/parse/plain-block-reader.ts) builds a text's tree from its lines.
// Claim: wherever it answers, its documents and diagnostics are the full read's (yaml's parse, then
// the converter) exactly: every node's type, offsets, value, Go type, quoting, keys and key offsets,
// and which property or list holds it. Checked with each Go dialect the kinds use, on every fixture
// and corpus YAML file, on the fuzzer's seeded mutants, on line mutations aimed at the shapes it must
// refuse, and on seeded random documents of the plain shape (nesting, lists under keys at their
// column, flow lists, quotes, comments, blank lines, empty values).
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 7);
const MUTANTS = Number(process.env.PLUGIN_WORKBENCH_PLAIN_MUTANTS ?? 1500);
const GENERATED = Number(process.env.PLUGIN_WORKBENCH_PLAIN_DOCUMENTS ?? 3000);

/** The dialects the kinds read YAML in (CloudQuery, Anklet, GatewayD). */
const DIALECTS: YamlReadOptions[] = [
  { version: '1.1', goScalars: 'v2', duplicateKeys: 'warning', keys: 'ghodss' },
  { version: '1.1', goScalars: 'v2', duplicateKeys: 'warning' },
  { version: '1.2', goScalars: 'v3', duplicateKeys: 'error' },
];

/** Whether the line reader answered for `text` in some dialect; asserts that it answered as the parse. */
function check(raw: string, where: string): boolean {
  const text = substitutePlaceholders(raw, 'yaml').text;
  let answered = false;
  for (const dialect of DIALECTS) {
    const plain = readPlainBlock(text, { goScalars: dialect.goScalars!, keys: dialect.keys });
    if (!plain) continue;
    answered = true;
    const parsed = readYamlParsed(text, dialect);
    assert.deepEqual(
      documentsSnapshot(plain.documents),
      documentsSnapshot(parsed.documents),
      `${where} (${dialect.goScalars}, ${dialect.keys ?? 'source'})`,
    );
    assert.deepEqual(plain.diagnostics, parsed.diagnostics, where);
  }
  return answered;
}

const seeds = loadSeeds().filter((seed) => /\.ya?ml$/i.test(seed.file));

test('every fixture and corpus YAML file: where the line reader answers, it reads what the parse reads', () => {
  let answered = 0;
  for (const seed of seeds) if (check(seed.text, seed.file)) answered++;
  // Useless if it answered for few: most manifests have the plain shape.
  assert.ok(answered > seeds.length / 4, `answered for ${answered} of ${seeds.length} files`);
});

test('the fuzzer’s seeded mutants: wherever the line reader answers, it agrees with the parse', () => {
  const answered = answeredOnMutants(seeds, SEED, MUTANTS, check);
  assert.ok(answered > MUTANTS / 20, `answered for ${answered} mutants`);
});

/** Beyond the shared edits: comments, empty values and flow lists, where the reader's refusals sit. */
const LINE_EDITS = [
  ...PLAIN_SHAPE_EDITS,
  (line: string) => line.replace(/: (\S+)/, ': "$1"#note'),
  (line: string) => line.replace(/: (\S+)/, ': # note'),
  (line: string) => line.replace(/: (\S+)/, ':   '),
  (line: string) => line.replace(/: (\S+)/, ': 2001-12-14'),
  (line: string) => line.replace(/: (\S+)/, ': $1]'),
  (line: string) => line.replace(/: (\S+)/, ': a, b'),
  (line: string) => line.replace(/: (\S+)/, ': ---'),
  (line: string) => line.replace(/: (\S+)/, ': [ $1 , "b" ]  # c'),
  (line: string) => line.replace(/: (\S+)/, ': [$1,]'),
  (line: string) => line.replace(/: (\S+)/, ': []'),
  (line: string) => line.replace(/: (\S+)/, ': [a: b]'),
  (line: string) => line.replace(/: (\S+)/, ': [*a]'),
  (line: string) => line.replace(/^(\s*)(\w+):/, '$1on:'),
  (line: string) => line + '\n',
  (line: string) => line + '\n# note',
  (line: string) => line + '\n  # note',
  (line: string) => line.replace(/^(\s*)/, '$1- - '),
];

test('line mutations: wherever the line reader answers, it agrees with the parse', () => {
  const { answered, runs } = checkLineMutants(seeds, LINE_EDITS, 24, SEED * 41 + 3, check);
  assert.ok(answered > runs / 10, `answered for ${answered} of ${runs}`);
});

/** A random document of the plain block shape, with the spacing, comments and blank lines it allows. */
function plainDocument(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const SCALARS = [
    'a',
    'x y',
    '1',
    '-2',
    '1.5',
    'true',
    'no',
    'on',
    '~',
    'null',
    '0x1F',
    '.inf',
    '2001-12-14',
    'v1.2.3',
    'a#b',
    'a]b',
    'http://x/y',
    '"q"',
    "'s'",
    '""',
    '"a b # c"',
    '12345678901234567890',
    '1_000',
    '0o17',
    '+1',
  ];
  const KEYS = ['name', 'kind', 'spec', 'path', 'on', 'y', 'Null', 'a_b', 'a-b', '_x', 'K'];
  const lines: string[] = [];
  const space = () => ' '.repeat(1 + Math.floor(rand() * 2));
  const tail = () => (rand() < 0.15 ? `${space()}# c` : rand() < 0.1 ? '  ' : '');
  const gap = () => {
    if (rand() < 0.1) lines.push('');
    // Mostly at the left margin: an indented comment line is left to the parse.
    if (rand() < 0.07) lines.push((rand() < 0.2 ? ' '.repeat(Math.floor(rand() * 6)) : '') + '# note');
  };
  const flow = () =>
    `[${Array.from({ length: Math.floor(rand() * 4) }, () => pick(SCALARS)).join(pick([',', ', ', ' , ']))}]`;
  const inline = () => (rand() < 0.15 ? flow() : pick(SCALARS));
  // `prefix`: what the first line starts with (an item's `- `); `column`: the keys' column.
  const mapping = (column: number, depth: number, prefix?: string) => {
    const count = 1 + Math.floor(rand() * 4);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      let key = pick(KEYS);
      if (used.has(key)) key += i;
      used.add(key);
      const head = i === 0 && prefix !== undefined ? prefix : ' '.repeat(column);
      const r = rand();
      if (depth < 4 && r < 0.3) {
        lines.push(`${head}${key}:${tail()}`);
        gap();
        if (rand() < 0.4) sequence(column + (rand() < 0.5 ? 0 : 2), depth + 1);
        else mapping(column + 1 + Math.floor(rand() * 3), depth + 1);
      } else if (r < 0.4) lines.push(`${head}${key}:${rand() < 0.9 ? '' : ' # c'}`);
      else lines.push(`${head}${key}:${space()}${inline()}${tail()}`);
      gap();
    }
  };
  const sequence = (column: number, depth: number) => {
    const count = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) {
      const dash = ' '.repeat(column) + '-';
      const r = rand();
      if (depth < 4 && r < 0.35) mapping(column + 2, depth + 1, dash + ' ');
      else if (depth < 4 && r < 0.45) {
        lines.push(dash);
        if (rand() < 0.5) mapping(column + 2, depth + 1);
        else sequence(column + 2, depth + 1);
      } else if (r < 0.5) lines.push(dash + (rand() < 0.5 ? ' ' : ''));
      else lines.push(`${dash} ${inline()}${tail()}`);
      gap();
    }
  };
  if (rand() < 0.1) lines.push('# head');
  if (rand() < 0.2) sequence(0, 0);
  else mapping(rand() < 0.1 ? 2 : 0, 0);
  const text = lines.join('\n');
  return rand() < 0.8 ? text + '\n' : text;
}

test('seeded random documents of the plain shape: the line reader reads them as the parse does', () => {
  const rand = random(SEED * 7919 + 11);
  let answered = 0;
  for (let i = 0; i < GENERATED; i++) {
    const text = plainDocument(rand);
    if (check(text, `generated #${i} (seed ${SEED}):\n${text}`)) answered++;
  }
  // About half are inside the subset; the rest (an empty value beside a comment line, an indented
  // comment line) go to the parse.
  assert.ok(answered > GENERATED / 3, `answered for ${answered} of ${GENERATED}`);
});

test('the shapes it reads and those it leaves to the parse', () => {
  const options = { goScalars: 'v2', keys: 'ghodss' } as const;
  const reads = (text: string) => readPlainBlock(text, options) !== undefined;
  for (const text of [
    'kind: source\nspec:\n  name: aws\n  tables: ["*"]\n  destinations: [pg]\n',
    'a:\n- 1\n- k: v\n  j: [x, "y"]  # c\nb: 2',
    '# head\n\nlist:\n  -\n    - 1\n  - two\n',
  ])
    assert.ok(reads(text), text);
  for (const text of [
    'a: 1\na: 2\n', // a repeated key: the parse reports it
    'a: |\n  text\n', // block scalars
    'a: &x 1\nb: *x\n', // anchors and aliases
    'a: {b: 1}\n', // flow mappings
    'a: "x\\ty"\n', // escapes
    'a: 1\n---\nb: 2\n', // several documents
    'a:\n\nb: 1\n', // an empty value before a blank line
    'a:\n  - x\n  b: 1\n', // a key among a list's items
    'a:\tb\n',
    '',
    '# only a comment\n',
  ])
    assert.ok(!reads(text), text);
});
