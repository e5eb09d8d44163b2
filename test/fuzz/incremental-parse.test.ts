import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../server/src/analysis';
import { ParseMemo, parseFile } from '../../server/src/core';
import { KINDS } from '../../server/src/systems';
import { REPO_ROOT } from '../helpers/engine';
import { random } from '../helpers/fuzzer';
import { snapshot } from '../helpers/tree-snapshot';

// Incremental reading (sections and regions re-read only where an edit changed them; schema
// verdicts and the content sniff kept per section) must give exactly what a read from scratch
// gives. For every edit of a seeded random sequence, the same engine fed one version after the
// other is compared with an engine that reads each text afresh: the parsed tree (offsets, values,
// owners: what the features read), the classification and every diagnostic. Bounded and seeded.
const EDITS = Number(process.env.PLUGIN_WORKBENCH_INCREMENTAL_EDITS ?? 100);
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 12);

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

function gatewaydPlugins(entries: number): string {
  const out = ['enableMetricsMerger: true', 'metricsMergerPeriod: 5s', 'reloadOnCrash: true', 'plugins:'];
  for (let i = 0; i < entries; i++) {
    out.push(
      `  - name: plugin-${i}`,
      '    enabled: true',
      `    localPath: ./plugins/plugin-${i}`,
      '    args: ["--log-level", "info"]',
      '    env:',
      '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
      `    checksum: ${'ab'.repeat(32)}`,
      '    # a comment inside an entry',
    );
  }
  out.push('timeout: 30s', 'defaultPolicy: passthrough');
  return out.join('\n') + '\n';
}

function cloudquerySpecs(): string {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'cloudquery');
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8').trimEnd())
    .join('\n---\n');
}

function fixture(system: string, name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', system, name), 'utf8');
}

const TOKENS = [
  'x',
  'name',
  // Keys the hosts match ignoring case: the schema pass renames them in trees the memo keeps.
  'Name',
  'Kind',
  'Enabled',
  ': ',
  ':',
  '-',
  '- ',
  ' ',
  '  ',
  '\n',
  '\n  - name: added\n',
  '\nnewKey: 1\n',
  '\n---\n',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '<<: *a',
  '\t',
  'true',
  'yes',
  '0x1F',
  '${ENV}',
  '%YAML 1.2\n',
  '|\n    block\n',
];

/** One random edit: insert, delete or replace a short span, often at a line start (structure). */
function edit(text: string, rand: Rand): string {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  const r = rand();
  const position =
    r < 0.4 ? pick(rand, lineStarts) : Math.floor(rand() * (text.length + 1)); /* anywhere, even mid-token */
  const removed = rand() < 0.5 ? Math.floor(rand() * 6) : 0;
  const inserted = rand() < 0.8 ? pick(rand, TOKENS) : '';
  const next = text.slice(0, position) + inserted + text.slice(Math.min(text.length, position + removed));
  return next === text ? text + pick(rand, TOKENS) : next;
}

const CASES: Array<{ file: string; text: string }> = [
  { file: 'gatewayd_plugins.yaml', text: gatewaydPlugins(12) },
  { file: 'gatewayd_plugins.yaml', text: fixture('gatewayd', 'plugins-valid-complete.yaml') },
  { file: 'gatewayd.yaml', text: fixture('gatewayd', 'config-valid-complete.yaml') },
  // Recognised by content: the sniff memo is exercised too.
  { file: 'spec.yml', text: cloudquerySpecs() },
  { file: path.join('.config', 'anklet', 'config.yml'), text: fixture('anklet', 'several-mistakes.yml') },
];

for (const [index, { file, text: base }] of CASES.entries()) {
  test(`incremental == from scratch: ${EDITS} seeded edits of ${file} (case ${index}, seed ${SEED})`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-incremental-'));
    const absolute = path.join(dir, file);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    const incremental = new Engine();
    const scratch = new Engine();
    const rand = random(SEED * 7919 + index);
    let text = base;
    const memo = new ParseMemo();
    let reused = 0;
    for (let version = 1; version <= EDITS; version++) {
      const where = `edit ${version} of ${file} (seed ${SEED}); text:\n${text}`;
      const a = await incremental.analyze({ path: absolute, text, version });
      const b = await scratch.analyze({ path: absolute, text });
      assert.deepEqual(a.classification, b.classification, `classification differs at ${where}`);
      assert.deepEqual(a.diagnostics, b.diagnostics, `diagnostics differ at ${where}`);
      const [sa, sb] = [JSON.stringify(snapshot(a.parsed)), JSON.stringify(snapshot(b.parsed))];
      if (sa !== sb) {
        let i = 0;
        while (sa[i] === sb[i]) i++;
        assert.fail(
          `parsed tree differs at ${where}\n${sa.slice(i - 300, i + 200)}\n--- from scratch:\n${sb.slice(i - 300, i + 200)}`,
        );
      }
      if (a.kind) {
        // The reader alone, with one memo across versions, against a read without any.
        const definition = KINDS[a.kind];
        const before = memo.hits;
        const read = parseFile(text, definition, memo);
        reused += memo.hits - before;
        assert.deepEqual(snapshot(read), snapshot(parseFile(text, definition)), `reader differs at ${where}`);
      }
      // A random walk that often starts again from the file as it was: damage does not pile up.
      text = edit(rand() < 0.3 ? base : text, rand);
    }
    // The test would prove nothing if every version fell back to a whole read.
    assert.ok(reused > EDITS, `only ${reused} pieces were reused over ${EDITS} edits`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
