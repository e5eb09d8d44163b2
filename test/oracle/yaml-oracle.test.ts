import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readYaml } from '../../server/src/core/parse/yaml-reader';
import type { ValueNode } from '../../server/src/core/types';
import { REPO_ROOT } from '../helpers/engine';
import type { OracleResult, Typed } from './typed';
import { yamlCases } from './cases';

// A differential test against the real decoders: gopkg.in/yaml.v2 (CloudQuery, Anklet) and
// gopkg.in/yaml.v3 (GatewayD) from Debian, built offline by test/oracle/yamldecode. For every
// generated document, the type (and, for scalars, the value) the project reads must be the type
// the Go library reads, and the document must fail exactly when the library fails.

const binary = path.join(os.tmpdir(), `pw-yamldecode-${process.pid}`);
const built = spawnSync('go', ['build', '-o', binary, '.'], {
  cwd: path.join(REPO_ROOT, 'test', 'oracle', 'yamldecode'),
  env: {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: '/usr/share/gocode',
    GOFLAGS: '',
    GOCACHE: process.env.GOCACHE ?? path.join(os.tmpdir(), 'pw-gocache'),
  },
  encoding: 'utf8',
});
if (built.status !== 0) {
  // setup.sh installs golang-go and the yaml packages; without them this suite must fail, not skip.
  throw new Error(
    `cannot build the YAML oracle (golang-go, golang-gopkg-yaml.v2-dev, golang-gopkg-yaml.v3-dev): ${built.stderr || built.error}`,
  );
}
process.on('exit', () => fs.rmSync(binary, { force: true }));

function oracle(decoder: 'v2' | 'v3', docs: string[]): OracleResult[] {
  const run = spawnSync(binary, [], {
    input: JSON.stringify(docs.map((text) => ({ decoder, text }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as OracleResult[];
}

/** Our reading in the oracle's notation: Go type names and values as text. */
function ours(node: ValueNode | undefined): Typed {
  if (!node) return { t: 'null', v: null };
  if (node.type === 'array') return { t: 'seq', v: node.items.map(ours) };
  if (node.type === 'object') {
    const pairs = node.properties.map((p) => [{ t: 'string', v: p.key }, ours(p.value)] as [Typed, Typed]);
    return { t: 'map', v: pairs };
  }
  const tag = node.tag ?? 'string';
  if (node.value === null) return { t: 'null', v: null };
  if (tag === 'int') return { t: 'int', v: String(node.big ?? node.value) };
  if (tag === 'float') {
    const n = node.value as number;
    return { t: 'float', v: Number.isNaN(n) ? 'NaN' : n === Infinity ? '+Inf' : n === -Infinity ? '-Inf' : formatG(n) };
  }
  if (tag === 'bool') return { t: 'bool', v: String(node.value) };
  if (tag === 'time') return { t: 'time', v: undefined };
  return { t: tag === 'binary' ? 'binary' : 'string', v: tag === 'binary' ? undefined : String(node.value) };
}

/** Go's strconv.FormatFloat(v, 'g', -1, 64): shortest digits, %e when the exponent is < -4 or >= max(digits, 6)... as Go decides it. */
function formatG(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, e] = n.toExponential().split('e');
  const exp = Number(e);
  const digits = mantissa.replace(/^-/, '').replace('.', '').length;
  let eprec = 6;
  if (eprec > digits && digits >= exp + 1) eprec = digits;
  if (exp < -4 || exp >= eprec) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** Compare the value under `v` only (keys of the generated documents are plain words). */
function comparable(value: Typed | undefined): unknown {
  if (!value) return undefined;
  if (value.t === 'time' || value.t === 'binary') return { t: value.t };
  if (value.t === 'seq') return { t: 'seq', v: (value.v as Typed[]).map(comparable) };
  if (value.t === 'map') {
    const pairs = (value.v as [Typed, Typed][]).map(([k, v]) => [String(k.v), comparable(v)] as const);
    return { t: 'map', v: Object.fromEntries(pairs) };
  }
  return value;
}

for (const [decoder, hosts] of [
  ['v2', 'CloudQuery, Anklet'],
  ['v3', 'GatewayD'],
] as const) {
  test(`yaml.${decoder} (${hosts}): every generated document is typed as the real decoder types it`, () => {
    const docs = yamlCases().filter((d) => !/^\? |yes: 1|\n---\n|%YAML|\n\.\.\.\n|\uFEFF|v: 1\nv: 2/.test(d));
    const results = oracle(decoder, docs);
    const mismatches: string[] = [];
    docs.forEach((text, i) => {
      const host = results[i];
      const read = readYaml(text, { version: decoder === 'v2' ? '1.1' : '1.2', goScalars: decoder });
      const failed = read.diagnostics.some((d) => d.severity === 'error');
      if (!host.ok) {
        if (!failed) mismatches.push(`${JSON.stringify(text)}: host fails (${host.error}), we read it`);
        return;
      }
      if (failed) {
        mismatches.push(
          `${JSON.stringify(text)}: host reads it, we fail: ${read.diagnostics.map((d) => d.message).join('; ')}`,
        );
        return;
      }
      const expected = JSON.stringify(comparable(host.value));
      const actual = JSON.stringify(comparable(ours(read.documents[0]?.root)));
      if (expected !== actual) mismatches.push(`${JSON.stringify(text)}: host ${expected}, we ${actual}`);
    });
    // Printed for `npm run agreement`: the per-decoder agreement on the generated documents.
    console.log(
      `# yaml.${decoder} (${hosts}): ${docs.length - mismatches.length}/${docs.length} documents read as the real decoder reads them`,
    );
    assert.ok(docs.length > 300, `only ${docs.length} documents generated`);
    assert.deepEqual(mismatches, [], `${mismatches.length} of ${docs.length} documents differ`);
  });
}
