import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import { Engine } from '../../../server/src/analysis';
import { ListValidation } from '../../../server/src/analysis/list-validation';
import { SchemaStore } from '../../../server/src/schemas/schema-store';
import { random } from '../../helpers/fuzzer';

// A long `plugins:` list is validated entry by entry, each entry's errors kept with its value. The
// oracle is one validation of the whole document: the same diagnostics at every version of seeded
// sequences of edits that break entries, the list and the keys around it, analysed one version
// after the other (so kept entries' errors are reused) against an engine that never splits.
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 21);
const EDITS = 120;

function plugins(entries: number): string[] {
  const out = ['enableMetricsMerger: true', 'metricsMergerPeriod: 5s', 'plugins:'];
  for (let i = 0; i < entries; i++)
    out.push(
      `  - name: plugin-${i}`,
      '    enabled: true',
      `    url: github.com/example-org/plugin-${i}@v1.0.${i}`,
      `    localPath: ./plugins/plugin-${i}`,
      '    args: ["--log-level", "info"]',
      '    env:',
      '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
      `    checksum: ${'ab'.repeat(32)}`,
    );
  out.push('timeout: 30s', 'defaultPolicy: passthrough');
  return out;
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** Line edits that give schema errors inside entries, of entries, of the list and around it. */
const MUTATIONS: Array<(line: string) => string | string[]> = [
  (l) => l.replace(/enabled: \w+/, pick(random(1), ['enabled: maybe'])),
  (l) => (l.includes('enabled:') ? '    enabled: 12' : l),
  (l) => (l.includes('enabled:') ? '    Enabled: true' : l),
  (l) => [l, '    bogus: 1'],
  (l) => (l.startsWith('  - name:') ? '  - name: [a, b]' : l),
  (l) => (l.startsWith('  - name:') ? ['  - 5', '  - name: again'] : l),
  (l) => (l.startsWith('  - name:') ? ['  -', '  - name: after-null'] : l),
  (l) => (l.includes('checksum:') ? [] : l),
  (l) => (l.includes('args:') ? '    args: 7' : l),
  (l) => (l.startsWith('timeout:') ? 'timeout: [1]' : l),
  (l) => (l === 'plugins:' ? ['unknownBefore: 1', l] : l),
  (l) => (l.startsWith('timeout:') ? [l, 'unknownAfter: {a: 1}'] : l),
  (l) => (l.startsWith('metricsMergerPeriod') ? 'metricsMergerPeriod: [x]' : l),
  (l) => (l.includes('url:') ? '    url: 1.5' : l),
];

test('long lists validated entry by entry: the diagnostics of one whole validation at every version', async () => {
  const rand = random(SEED);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-lists-'));
  // One path for both (diagnostics name the binaries they looked for).
  const file = path.join(root, 'gatewayd_plugins.yaml');
  const split = new Engine();
  const whole = new Engine({ listValidation: false });
  const base = plugins(40);
  let lines = base;
  let withErrors = 0;
  try {
    for (let version = 1; version <= EDITS; version++) {
      const text = lines.join('\n') + '\n';
      const a = await split.analyze({ path: file, text, version });
      const b = await whole.analyze({ path: file, text });
      assert.deepEqual(a.diagnostics, b.diagnostics, `version ${version} (seed ${SEED}):\n${text}`);
      if (a.diagnostics.some((d) => d.severity === 'error')) withErrors++;
      // A few mutations at once, now and then from the start again (damage does not pile up).
      const next = rand() < 0.2 ? base : lines;
      lines = next.flatMap((line) => (rand() < 0.01 ? pick(rand, MUTATIONS)(line) : [line]));
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  // The test proves nothing unless the versions had errors to place.
  assert.ok(withErrors > EDITS / 2, `only ${withErrors} of ${EDITS} versions had errors`);
});

test('ListValidation: the errors of one validation, the list items checked once while their values are the same', () => {
  const store = new SchemaStore();
  const lists = new ListValidation(store);
  const validate = store.validatorFor('gatewayd-plugins')!;
  const entry = (i: number) => ({ name: `p${i}`, enabled: true, localPath: './p', checksum: 'ab'.repeat(32) });
  const items = Array.from({ length: 40 }, (_, i) => entry(i));
  items[3] = { ...entry(3), enabled: 'maybe' } as never;
  items[30] = 5 as never;
  // `timeout` comes before `plugins` in the schema, `verificationPolicy` after it: their errors go around the items'.
  const value = { unknownBefore: 1, plugins: items, timeout: [1], verificationPolicy: [1], unknownAfter: 2 };
  const one = (): ErrorObject[] => (validate(value) ? [] : [...(validate.errors ?? [])]);
  const key = (e: ErrorObject) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
  const wanted = one();
  const got = lists.errors('gatewayd-plugins', validate, value, 10_000);
  assert.deepEqual(got.map(key), wanted.map(key), 'same errors, in the same order');
  const at = (pointer: string) => wanted.findIndex((e) => e.instancePath.startsWith(pointer));
  assert.ok(at('/timeout') >= 0 && at('/timeout') < at('/plugins/3') && at('/plugins/30') < at('/verificationPolicy'));
  // Over the limit, or a short list: one validation as it is.
  assert.deepEqual(lists.errors('gatewayd-plugins', validate, value, 2).map(key), wanted.map(key));
  const short = { plugins: items.slice(0, 5) };
  assert.deepEqual(
    lists.errors('gatewayd-plugins', validate, short, 10_000).map(key),
    (validate(short) ? [] : [...validate.errors!]).map(key),
  );
});
