import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KindId } from '../../server/src/core';
import { isKindId } from '../../server/src/systems';
import { checkText, codesAtLines, REPO_ROOT } from '../helpers/engine';

// Hand-written cases per system, one schema rule each. A YAML/TOML fixture states its kind and
// expectations in leading comments (`# kind: <id>`, `# expect: <code>@<line>` or `# expect: none`);
// a JSON fixture is named `<case>.<kind-id>.json` and listed in its folder's expectations.json.
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
const DEFAULT_KIND: Record<string, KindId> = { cloudquery: 'cloudquery-spec' };

function expectationsOf(
  file: string,
  text: string,
  folderExpectations: Record<string, string[]>,
): { kind?: KindId; expected: string[] } | undefined {
  const base = path.basename(file);
  if (base in folderExpectations) {
    const kind = base.split('.').find(isKindId);
    return { kind, expected: [...folderExpectations[base]].sort() };
  }
  const header = text.split(/\r?\n/).filter((line) => line.startsWith('#'));
  const kindLine = header.map((l) => /^#\s*kind:\s*(\S+)/.exec(l)?.[1]).find(Boolean);
  const expectLines = header.map((l) => /^#\s*expect:\s*(.+)$/.exec(l)?.[1].trim()).filter((v): v is string => !!v);
  if (!expectLines.length) return undefined;
  const expected = expectLines
    .filter((e) => e !== 'none')
    .flatMap((e) => e.split(/[\s,]+/))
    .sort();
  return {
    kind: kindLine && isKindId(kindLine) ? kindLine : DEFAULT_KIND[path.basename(path.dirname(file))],
    expected,
  };
}

for (const system of fs.readdirSync(FIXTURES).sort()) {
  const dir = path.join(FIXTURES, system);
  if (!fs.statSync(dir).isDirectory()) continue;
  const expectationsFile = path.join(dir, 'expectations.json');
  const folderExpectations = fs.existsSync(expectationsFile)
    ? (JSON.parse(fs.readFileSync(expectationsFile, 'utf8')) as Record<string, string[]>)
    : {};
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name === 'expectations.json' || !fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    const expectation = expectationsOf(file, text, folderExpectations);
    if (!expectation) continue;
    test(`fixture ${system}/${name}`, async () => {
      assert.ok(expectation.kind, `no kind for ${name}`);
      const { diagnostics } = await checkText(expectation.kind, text, file);
      assert.deepEqual(
        codesAtLines(diagnostics),
        expectation.expected,
        diagnostics.map((d) => `${d.code}@${d.line}: ${d.message}`).join('\n'),
      );
    });
  }
}
