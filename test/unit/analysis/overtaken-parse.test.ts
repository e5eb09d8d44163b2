import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnalysisCancelled, Engine } from '../../../server/src/analysis';

// The pieces of a CloudQuery spec after an edit are moved in place (core/parse/memo.ts
// placedRead): the trees of one version are those of the next. An analysis still running on a
// parse that a later parse overtook must stop rather than report offsets of the other version;
// an older snapshot of the file (a disk read of an open file) must not move the newer trees; the
// same version and text read again is the same parse.

const section = (n: number) => `kind: source\nspec:\n  name: s${n}\n  path: cloudquery/aws\n  tables: [t${n}]`;
const spec = (names: number[]) => names.map(section).join('\n---\n') + '\n';

function setUp(): { engine: Engine; file: string; done: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-overtaken-'));
  const file = path.join(dir, 'spec.yml');
  return { engine: new Engine(), file, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('an analysis whose parse a later version overtook stops with AnalysisCancelled', async () => {
  const { engine, file, done } = setUp();
  const v1 = spec([1, 2, 3]);
  const token = { isCancellationRequested: false };
  const running = engine.analyze({ path: file, text: v1, version: 1, token });
  // While it waits between stages, the next version is parsed (completion asks for it).
  await new Promise<void>((resolve) => setImmediate(resolve));
  engine.prepare({ path: file, text: v1.replace('name: s1', 'name: s11'), version: 2 });
  await assert.rejects(running, AnalysisCancelled);
  // Not overtaken: the analysis of the latest version runs to its end.
  const v3 = spec([1, 2, 4]);
  const finished = await engine.analyze({ path: file, text: v3, version: 3, token });
  assert.equal(finished.kind, 'cloudquery-spec');
  done();
});

test('an older snapshot is read on its own, and the same version again is the same parse', () => {
  const { engine, file, done } = setUp();
  const newer = spec([1, 2, 3]).replace('name: s1', 'name: s11');
  const kind = 'cloudquery-spec';
  engine.parse(file, spec([1, 2, 3]), kind, 1);
  const parsed = engine.parse(file, newer, kind, 2);
  const offsets = JSON.stringify(parsed.documents.map((d) => [d.start, d.end, d.root?.start, d.root?.end]));
  // The file as it is on disk, version 0: its sections sit elsewhere, and must not move these.
  engine.parse(file, spec([1, 2, 3]), kind, 0);
  assert.equal(JSON.stringify(parsed.documents.map((d) => [d.start, d.end, d.root?.start, d.root?.end])), offsets);
  assert.equal(engine.parse(file, newer, kind, 2), parsed);
  done();
});
