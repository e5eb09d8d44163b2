import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { SelectionRange } from 'vscode-languageserver';
import { foldingRanges, selectionRanges } from '../../../server/src/features/folding';
import { parsedAt } from '../../helpers/cursor';

const lines = (ranges: Array<{ startLine: number; endLine: number }>) =>
  ranges.map((r) => `${r.startLine}-${r.endLine}`);

test('YAML: a list, each item, a nested mapping and a nested list fold from their key lines', () => {
  const { parsed } = parsedAt(
    'gatewayd-plugins',
    'actionRedis:\n  enabled: true\n  address: localhost:6379\nplugins:\n  - name: cache\n    env:\n      - A=1\n      - B=2\n\n  - name: other\n    enabled: false\n',
  );
  assert.deepEqual(lines(foldingRanges(parsed)), ['0-2', '3-10', '4-7', '5-7', '9-10']);
});

test('JSON: a member folds to the line before its closing brace, which stays visible', () => {
  const { parsed } = parsedAt(
    'ekuiper-source-meta',
    '{\n  "about": {\n    "trial": true\n  },\n  "libs": [\n    "a"\n  ]\n}\n',
  );
  assert.deepEqual(lines(foldingRanges(parsed)), ['1-2', '4-5']);
});

test('TOML: each table folds from its header to its last key; a multi-line array folds too', () => {
  const { parsed } = parsedAt(
    'logcraft-config',
    '[core]\nworkspace = "rules"\n\n[services.splunk]\nplugin = "splunk"\nlist = [\n  1,\n  2,\n]\n\n[state]\ntype = "local"\n',
  );
  assert.deepEqual(lines(foldingRanges(parsed)), ['0-1', '3-8', '5-7', '10-11']);
});

test('YAML: several documents fold each as a whole', () => {
  const { parsed } = parsedAt(
    'cloudquery-spec',
    'kind: source\nspec:\n  name: a\n---\nkind: destination\nspec:\n  name: b\n',
  );
  const found = lines(foldingRanges(parsed));
  assert.ok(found.includes('1-2') && found.includes('5-6'), found.join(' '));
  assert.ok(found.includes('0-2') || found.includes('0-3'), found.join(' '));
});

function chain(range: SelectionRange | undefined, text: string): string[] {
  const out: string[] = [];
  const index = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    index.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  for (let r = range; r; r = r.parent) out.push(text.slice(offset(r.range.start), offset(r.range.end)));
  return out;
}

test('YAML: expanding from a value: the value, key: value, the mapping, the item, the list, the document', () => {
  const { text, offsets, parsed } = parsedAt('gatewayd-plugins', 'plugins:\n  - name: ca|che\n    enabled: true\n');
  const [range] = selectionRanges(parsed, offsets);
  assert.deepEqual(chain(range, text), [
    'cache',
    'name: cache',
    'name: cache\n    enabled: true',
    '- name: cache\n    enabled: true',
    'plugins:\n  - name: cache\n    enabled: true', // the whole document, without its last newline
  ]);
});

test('JSON and TOML: every range contains the one before it', () => {
  for (const [kind, marked] of [
    ['ekuiper-source-meta', '{\n  "about": {\n    "trial": tr|ue\n  }\n}\n'],
    ['logcraft-config', '[core]\nworkspace = "ru|les"\n'],
  ] as const) {
    const { text, offsets, parsed } = parsedAt(kind, marked);
    const found = chain(selectionRanges(parsed, offsets)[0], text);
    assert.ok(found.length >= 3, `${kind}: ${JSON.stringify(found)}`);
    for (let i = 1; i < found.length; i++)
      assert.ok(found[i].includes(found[i - 1]), `${kind}: ${JSON.stringify(found)}`);
  }
});
