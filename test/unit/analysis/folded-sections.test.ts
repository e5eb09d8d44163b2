import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../../server/src/analysis';

// CloudQuery decodes keys ignoring case: the schema pass renames `Kind:` to `kind` in the tree it
// checks (foldKeyCase), and the rules after it read the renamed tree. A section whose schema verdict
// is kept from the last version (its text unchanged) must be read by the rules as renamed too,
// wherever the edit moved it, and when the same text appears twice in the file. A kept tree that
// is checked again must be checked as written (its warnings are said again).

/** The texts as versions of one file through one engine, each against a fresh engine's analysis (returned). */
async function sameAsScratch(file: string, texts: string[]): Promise<Array<Array<{ code: string }>>> {
  const incremental = new Engine();
  const codes = (diagnostics: Array<{ code: string; start: number }>) =>
    diagnostics.map((d) => `${d.code}@${d.start}`).sort();
  const scratches = [];
  for (const [i, text] of texts.entries()) {
    const kept = await incremental.analyze({ path: file, text, version: i + 1 });
    const scratch = await new Engine().analyze({ path: file, text });
    assert.deepEqual(codes(kept.diagnostics), codes(scratch.diagnostics), `version ${i + 1}`);
    scratches.push(scratch.diagnostics);
  }
  return scratches;
}

const destination = 'kind: destination\nspec:\n  name: d\n  path: cloudquery/postgresql\n  version: v8.0.0';
const source = (name: string) =>
  `Kind: source\nSpec:\n  name: ${name}\n  path: cloudquery/aws\n  version: v22.0.0\n  tables: ["*"]\n  destinations: [nowhere]`;

test('rules read a kept section as the schema pass renamed it, after an edit moved it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-folded-'));
  const file = path.join(dir, 'spec.yml');
  const versions = [
    [destination, source('a'), source('b')],
    [destination.replace('name: d', 'name: dd'), source('a'), source('b')],
    [destination, source('a'), source('a')],
    [destination.replace('name: d', 'name: ddd'), source('a'), source('a')],
  ];
  const scratches = await sameAsScratch(
    file,
    versions.map((sections) => sections.join('\n---\n') + '\n'),
  );
  // The rule that needs `Kind`/`Spec` read as `kind`/`spec` did run on every source.
  for (const diagnostics of scratches)
    assert.equal(diagnostics.filter((d) => d.code === 'cloudquery.unknown-destination').length, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a kept top-level key of gatewayd.yaml is checked as written on every version', async () => {
  // gatewayd.yaml is read per top-level key (the region reader keeps unchanged keys' trees) and
  // its keys are matched ignoring case: `Metrics:` and `Enabled:` are folded in the kept tree.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-folded-'));
  const file = path.join(dir, 'gatewayd.yaml');
  const metrics = (key: string) => `${key}:\n  default:\n    Enabled: True\n    address: localhost:9090`;
  const loggers = (level: string) => `loggers:\n  default:\n    level: ${level}`;
  const versions = [
    [metrics('Metrics'), loggers('info')],
    [metrics('Metrics'), loggers('debug')],
    [loggers('info'), metrics('Metrics')],
    [loggers('warn'), metrics('Metrics')],
    [loggers('warn'), metrics('METRICS')],
  ];
  const scratches = await sameAsScratch(
    file,
    versions.map((keys) => keys.join('\n') + '\n'),
  );
  for (const diagnostics of scratches)
    assert.equal(diagnostics.filter((d) => d.code === 'gatewayd.key-case').length, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});
