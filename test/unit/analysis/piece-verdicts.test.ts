import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { linesPerVersion } from '../../helpers/engine';

// The host-type walk keeps each unchanged `plugins:` entry's verdicts (keyed by the entry's own
// read) and moves them to where the entry is now. Edits before, inside and after a flagged entry
// must give what a fresh engine gives, on the line the entry has moved to.

function entry(i: number, url = `http://localhost:${8000 + i}`): string {
  return [
    `  - name: plugin-${i}`,
    '    enabled: true',
    `    localPath: ./plugin-${i}`,
    `    url: ${url}`,
    '    args: ["--log-level", "info"]',
    '    env:',
    '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
    `    checksum: ${'ab'.repeat(32)}`,
  ].join('\n');
}

function plugins(entries: string[]): string {
  return ['enableMetricsMerger: true', 'plugins:', ...entries, 'timeout: 30s', ''].join('\n');
}

test('an unchanged entry keeps its host-type verdict, moved with the entry; edits inside it are seen', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-piece-verdicts-'));
  const file = path.join(dir, 'gatewayd_plugins.yaml');
  const entries = [0, 1, 2, 3].map((i) => entry(i));
  // yaml.v3 reads an unquoted date as time.Time: the walk, not the schema, refuses it.
  entries[2] = entry(2, '2024-01-01');
  const versions = [
    plugins(entries),
    // two lines more before the flagged entry: its verdict moves two lines down
    plugins([entry(0) + '\n    # one\n    # two', ...entries.slice(1)]),
    // the same again: every piece as it was
    plugins([entry(0) + '\n    # one\n    # two', ...entries.slice(1)]),
    // the flagged value quoted: the verdict goes
    plugins([entry(0) + '\n    # one\n    # two', entries[1], entry(2, '"2024-01-01"'), entries[3]]),
    // and back, now with an edit after it
    plugins([entry(0) + '\n    # one\n    # two', entries[1], entries[2], entry(3, 'http://elsewhere:1')]),
    // back to where it started
    plugins(entries),
  ];
  const lines = await linesPerVersion(file, versions, (d) => /timestamp/.test(d.message));
  const flagged = versions[0].split('\n').findIndex((line) => line.includes('url: 2024-01-01')) + 1;
  assert.deepEqual(lines, [[flagged], [flagged + 2], [flagged + 2], [], [flagged + 2], [flagged]]);
  fs.rmSync(dir, { recursive: true, force: true });
});
