import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { linesPerVersion } from '../../helpers/engine';
import { DocumentVerdicts } from '../../../server/src/analysis/document-verdicts';
import type { ParsedDocument } from '../../../server/src/core';

// An edited CloudQuery file keeps each unchanged section's verdicts (schema and per-document
// rules) and moves them with the section. What a verdict reads across sections (the names the file
// defines) must still reach the sections an edit did not touch.

const source = (i: number, destination: string) =>
  `kind: source\nspec:\n  name: source-${i}\n  path: cloudquery/aws\n  version: v22.0.0\n  tables: ["*"]\n  destinations: [${destination}]`;
const destination = (name: string) =>
  `kind: destination\nspec:\n  name: ${name}\n  path: cloudquery/postgresql\n  version: v8.0.0\n  spec:\n    connection_string: x`;
const spec = (sections: string[]) => sections.join('\n---\n') + '\n';

test('per-document verdicts: a renamed destination is missed by the unchanged sections that name it, and found again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-document-verdicts-'));
  const file = path.join(dir, 'spec.yml');
  const sources = [1, 2, 3, 4].map((i) => source(i, 'pg'));
  const versions = [
    spec([destination('pg'), ...sources]),
    // the destination renamed: every source now names a missing destination
    spec([destination('pgx'), ...sources]),
    // an edit in one source only: the others keep their (error) verdicts
    spec([destination('pgx'), sources[0], source(2, 'pgx'), sources[2], sources[3]]),
    // three lines more before the sources: their verdicts move down with them
    spec([destination('pgx') + '\n  # one\n  # two\n  # three', sources[0], source(2, 'pgx'), sources[2], sources[3]]),
    // and the name back
    spec([destination('pg') + '\n  # one\n  # two\n  # three', sources[0], source(2, 'pgx'), sources[2], sources[3]]),
  ];
  const lines = await linesPerVersion(file, versions, (d) => d.code === 'cloudquery.unknown-destination');
  const line = (text: string, n: number) =>
    text.split('\n').findIndex((l) => l.includes('destinations:') && --n < 0) + 1;
  const at = (v: number, ...which: number[]) => which.map((n) => line(versions[v], n));
  assert.deepEqual(lines, [[], at(1, 0, 1, 2, 3), at(2, 0, 2, 3), at(3, 0, 2, 3), at(4, 1)]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const doc = (start: number, end: number): ParsedDocument => ({ root: undefined, start, end, broken: false });

test('DocumentVerdicts: the same documents at either end keep their verdicts, moved; new ones, the last and changed inputs are judged', () => {
  const verdicts = new DocumentVerdicts();
  const judged: number[] = [];
  // Every document but the one at 11 says something.
  const judge = (d: ParsedDocument) => {
    judged.push(d.start);
    const diagnostics =
      d.start === 11
        ? []
        : [{ start: d.start + 1, end: d.start + 2, severity: 'error' as const, code: 'x', message: '' }];
    return { diagnostics };
  };
  const starts = (run: { diagnostics: { start: number }[] }) => run.diagnostics.map((d) => d.start);
  const [a, b, c, e] = [doc(0, 10), doc(11, 20), doc(21, 30), doc(31, 40)];
  assert.deepEqual(starts(verdicts.run([a, b, c, e], [1], judge)), [1, 22, 32]);
  assert.deepEqual(judged, [0, 11, 21, 31]);
  // c replaced by a longer document: e moves by 5 in place, as the section reader moves it; the
  // last document is always judged again (a schema verdict may depend on its ending the text)
  judged.length = 0;
  const longer = doc(21, 35);
  e.start += 5;
  e.end += 5;
  assert.deepEqual(starts(verdicts.run([a, b, longer, e], [1], judge)), [1, 22, 37]);
  assert.deepEqual(judged, [21, 36]);
  // nothing changed: only the last is judged; a document with nothing to say keeps saying nothing
  judged.length = 0;
  assert.deepEqual(starts(verdicts.run([a, b, longer, e], [1], judge)), [1, 22, 37]);
  assert.deepEqual(judged, [36]);
  // an input from elsewhere changed: every document is judged again
  judged.length = 0;
  verdicts.run([a, b, longer, e], [2], judge);
  assert.deepEqual(judged, [0, 11, 21, 36]);
  // a verdict marked fresh (asked when it is made) is never kept
  judged.length = 0;
  const fresh = (d: ParsedDocument) => d === b;
  verdicts.run([a, b, longer, e], [3], judge, fresh);
  verdicts.run([a, b, longer, e], [3], judge, fresh);
  assert.deepEqual(judged, [0, 11, 21, 36, 11, 36]);
});
