import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { readToml } from '../../server/src/core/parse/toml-reader';
import type { ValueNode } from '../../server/src/core/types';
import { REPO_ROOT } from '../helpers/engine';
import type { OracleResult, Typed } from './typed';

// A differential test of our TOML reading (lgc.toml) against the Rust toml crate. Debian packages
// toml 0.5.11 (librust-toml-dev), buildable offline; lgc uses toml 0.8.20, whose parser is
// toml_edit 0.22 (a rewrite). toml 0.5.11 already reads TOML 1.0 for everything generated here
// (mixed-type arrays, dotted keys, 1.0 escapes and times), so every document must be accepted or
// refused as the crate does, with the same types and values. What this cannot show is where
// toml_edit differs from toml 0.5 (error wording and positions, for one): lgc's own errors for
// those are taken from its source (docs/hosts/logcraft.md), not from this oracle.

const project = path.join(REPO_ROOT, 'test', 'oracle', 'tomldecode');
const target = path.join(os.tmpdir(), 'pw-tomldecode-target');
const built = spawnSync('cargo', ['build', '--release', '--quiet', '--offline'], {
  cwd: project,
  env: { ...process.env, CARGO_TARGET_DIR: target },
  encoding: 'utf8',
});
if (built.status !== 0) {
  // setup.sh installs cargo and librust-toml-dev; without them this suite must fail, not skip.
  throw new Error(`cannot build the TOML oracle (cargo, librust-toml-dev): ${built.stderr || built.error}`);
}
const binary = path.join(target, 'release', 'tomldecode');

const VALUES = [
  // strings and escapes (TOML 1.0: \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX only)
  '"plain"',
  '"\\x41"',
  '"\\u0041"',
  '"\\U0001F600"',
  '"\\e"',
  '"\\z"',
  '"tab\\there"',
  "'literal \\x41'",
  '"""multi\nline"""',
  "'''raw\nlines'''",
  '"unterminated',
  '"ctrl\u0001char"',
  // integers
  '0',
  '+1',
  '-0',
  '007',
  '1_000',
  '1__000',
  '_1',
  '1_',
  '0x1F',
  '0X1F',
  '0xdead_beef',
  '-0x1F',
  '0o17',
  '0o8',
  '0b101',
  '0b102',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999',
  '0x7FFFFFFFFFFFFFFF',
  // floats
  '2.0',
  '-2.5',
  '1e5',
  '1E-5',
  '6.02e+23',
  '.5',
  '5.',
  '1.e5',
  'inf',
  '+inf',
  '-inf',
  'nan',
  '3.14_15',
  '1_000.5',
  '1e400',
  // booleans
  'true',
  'false',
  'True',
  'yes',
  // dates and times
  '1979-05-27',
  '1979-05-27T07:32:00Z',
  '1979-05-27T07:32:00-07:00',
  '1979-05-27T07:32:00.999999+01:00',
  '1979-05-27 07:32:00',
  '1979-05-27t07:32:00z',
  '07:32:00',
  '07:32:00.5',
  '07:32',
  '1979-05-27T07:32',
  // arrays and inline tables (mixed types: TOML 1.0; toml 0.5.11 accepts them too)
  '[1, "x"]',
  '[1, 2.0]',
  '[[1], ["x"]]',
  '[1, 2]',
  '[1, 2,]',
  '[\n  1,\n  2\n]',
  '[]',
  '{ b = 1 }',
  '{ b = 1, }',
  '{ b = 1,\n c = 2 }',
  '{ b.c = 1 }',
  '{}',
  // placeholders as lgc leaves them when the variable is not defined
  '${NAME}',
  '"${NAME}"',
  '${file:./x}',
];

const LAYOUTS = [
  'a = 1\na = 2',
  '[t]\nx = 1\n[t]\ny = 2',
  '[t]\nx = 1\n[t.sub]\ny = 2',
  'a.b = 1\na.c = 2',
  'a.b = 1\n[a]\nc = 2',
  '[a]\nb = 1\n[a.b]\nc = 2',
  '[[arr]]\nx = 1\n[[arr]]\nx = 2',
  'arr = [1]\n[[arr]]\nx = 1',
  '"quoted key" = 1',
  "'literal key' = 1",
  ' = 1',
  '"" = 1',
  'a = 1 # comment',
  'a = 1 b = 2',
  '[core]\nworkspace = "rules"\n\n[services.splunk-prod]\nplugin = "splunk"',
  '[services]\n[services.a]\nplugin = "x"\n[services.a.settings]\ntimeout = 30',
  '\uFEFFa = 1',
  'a = 1\r\nb = 2',
];

function documents(): string[] {
  return [...VALUES.map((v) => `a = ${v}`), ...LAYOUTS];
}

function oracle(docs: string[]): OracleResult[] {
  const run = spawnSync(binary, [], { input: docs.join('\0'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OracleResult);
}

/** Our reading in the oracle's notation. */
function ours(node: ValueNode | undefined): Typed {
  if (!node) return { t: 'table', v: {} };
  if (node.type === 'array') return { t: 'array', v: node.items.map(ours) };
  if (node.type === 'object') {
    const entries = node.properties.map((p) => [p.key, ours(p.value)] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    return { t: 'table', v: Object.fromEntries(entries) };
  }
  if (node.tag === 'date' || node.tag === 'time') return { t: 'datetime', v: undefined };
  if (node.tag === 'int') return { t: 'int', v: String(node.big ?? node.value) };
  if (node.tag === 'float') return { t: 'float', v: node.value };
  if (typeof node.value === 'boolean') return { t: 'bool', v: String(node.value) };
  return { t: 'string', v: node.value };
}

/** The crate's value with floats as numbers (Rust prints `inf`, `1e400` overflows) and dates by type. */
function theirs(value: Typed): Typed {
  if (value.t === 'datetime') return { t: 'datetime', v: undefined };
  if (value.t === 'float') {
    const text = String(value.v);
    return {
      t: 'float',
      v: text === 'nan' ? NaN : text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text),
    };
  }
  if (value.t === 'array') return { t: 'array', v: (value.v as Typed[]).map(theirs) };
  if (value.t === 'table')
    return {
      t: 'table',
      v: Object.fromEntries(Object.entries(value.v as Record<string, Typed>).map(([k, v]) => [k, theirs(v)])),
    };
  return value;
}

test('toml (Rust crate): every generated lgc.toml document is accepted or refused, and typed, as the crate does', () => {
  const docs = documents();
  const results = oracle(docs);
  assert.equal(results.length, docs.length, 'one answer per document');
  const mismatches: string[] = [];
  docs.forEach((text, i) => {
    const host = results[i];
    const read = readToml(text);
    const failed = read.diagnostics.some((d) => d.severity === 'error');
    if (!host.ok) {
      if (!failed) mismatches.push(`${JSON.stringify(text)}: toml refuses it (${host.error}), we read it`);
      return;
    }
    if (failed) {
      mismatches.push(
        `${JSON.stringify(text)}: toml reads it, we refuse: ${read.diagnostics.map((d) => d.message).join('; ')}`,
      );
      return;
    }
    const expected = theirs(host.value!);
    const actual = ours(read.documents[0]?.root);
    try {
      assert.deepEqual(actual, expected);
    } catch {
      mismatches.push(`${JSON.stringify(text)}: toml ${JSON.stringify(expected)}, we ${JSON.stringify(actual)}`);
    }
  });
  const judged = docs.length;
  console.log(`toml (LogCraft lgc.toml): ${judged - mismatches.length}/${judged} documents read as toml reads them`);
  assert.deepEqual(mismatches, [], `${mismatches.length} of ${judged} documents differ`);
});
