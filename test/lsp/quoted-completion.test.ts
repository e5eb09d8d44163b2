import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { applyEdits } from '../helpers/apply-edits';

// Value completion inside quotes, judged as VS Code judges it: the editor keeps an item only when
// the text from the start of its edit range to the cursor matches its filterText (or label).

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const offsetAt = (text: string, p: Position) =>
  text
    .split('\n')
    .slice(0, p.line)
    .reduce((n, l) => n + l.length + 1, 0) + p.character;

/** VS Code's rule, reduced: the typed word must be a subsequence of the filter text starting at its first character. */
function keptByEditor(item: CompletionItem, text: string, cursor: number): boolean {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  if (!edit) return true;
  const word = text.slice(offsetAt(text, edit.range.start), cursor).toLowerCase();
  const filter = (item.filterText ?? item.label).toLowerCase();
  if (!word) return true;
  if (filter[0] !== word[0]) return false;
  let i = 0;
  for (const ch of filter) if (ch === word[i]) i++;
  return i === word.length;
}

async function complete(
  file: string,
  textWithCursor: string,
): Promise<{ text: string; cursor: number; items: CompletionItem[] }> {
  const cursor = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const uri = client.open(file, text);
  await client.diagnostics(uri);
  const lines = text.slice(0, cursor).split('\n');
  const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  });
  return { text, cursor, items: Array.isArray(result) ? result : (result?.items ?? []) };
}

/** The labels the editor keeps and the text after accepting `label`. */
async function accept(file: string, textWithCursor: string, label: string): Promise<{ kept: string[]; after: string }> {
  const { text, cursor, items } = await complete(file, textWithCursor);
  const kept = items.filter((i) => keptByEditor(i, text, cursor));
  const item = kept.find((i) => i.label === label);
  assert.ok(
    item,
    `${label} kept among ${kept.map((i) => i.label).join(', ')} (offered: ${items.map((i) => i.label).join(', ')})`,
  );
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  assert.ok(edit);
  return { kept: kept.map((i) => i.label), after: applyEdits(text, [{ range: edit.range, newText: edit.newText }]) };
}

const EKUIPER_SINK =
  '{\n  "about": {"trial": true, "author": {"name": "a"}, "helpUrl": {"en_US": "x"}, "description": {"en_US": "x"}},\n  "libs": [],\n  "properties": [\n    {"name": "url", "default": "", "optional": false, "control": "text", "type": "|", "hint": {"en_US": "u"}, "label": {"en_US": "URL"}}\n  ]\n}\n';

test('JSON: "type": "|" in an eKuiper sink keeps the types, accepting one fills the quotes', async () => {
  const dir = makeTree({});
  const { kept, after } = await accept(path.join(dir, 'etc', 'sinks', 'demo.json'), EKUIPER_SINK, 'string');
  assert.ok(kept.includes('int') && kept.includes('bool'), kept.join(', '));
  assert.match(after, /"type": "string", "hint"/);
});

test('JSON: a partial word inside the quotes still filters', async () => {
  const dir = makeTree({});
  const { kept, after } = await accept(
    path.join(dir, 'etc', 'sinks', 'demo.json'),
    EKUIPER_SINK.replace('"type": "|"', '"type": "li|"'),
    'list_string',
  );
  assert.ok(!kept.includes('int'), kept.join(', '));
  assert.match(after, /"type": "list_string", "hint"/);
});

test('TOML: type = "|" in lgc.toml keeps the state types', async () => {
  const dir = makeTree({});
  const { kept, after } = await accept(
    path.join(dir, 'lgc.toml'),
    '[core]\nworkspace = "rules"\n\n[state]\ntype = "|"\n',
    'local',
  );
  assert.ok(kept.includes('http'), kept.join(', '));
  assert.match(after, /^type = "local"$/m);
});

test('TOML: an opened quote without its closing one gets it', async () => {
  const dir = makeTree({});
  const { after } = await accept(
    path.join(dir, 'lgc.toml'),
    '[core]\nworkspace = "rules"\n\n[state]\ntype = "ht|\n',
    'http',
  );
  assert.match(after, /^type = "http"$/m);
});

test('YAML: defaultPolicy: "|" and \'|\' keep both policies', async () => {
  const dir = makeTree({});
  const double = await accept(
    path.join(dir, 'gatewayd_plugins.yaml'),
    'defaultPolicy: "|"\nplugins: []\n',
    'terminate',
  );
  assert.deepEqual(double.kept.slice().sort(), ['passthrough', 'terminate']);
  assert.match(double.after, /^defaultPolicy: "terminate"$/m);
  const single = await accept(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    "defaultPolicy: 'pa|'\nplugins: []\n",
    'passthrough',
  );
  assert.match(single.after, /^defaultPolicy: 'passthrough'$/m);
});

test('YAML: a boolean offered inside quotes replaces the quotes and is kept', async () => {
  const dir = makeTree({});
  const { after } = await accept(
    path.join(dir, 'gatewayd_plugins.yaml'),
    'enableMetricsMerger: "|"\nplugins: []\n',
    'true',
  );
  assert.match(after, /^enableMetricsMerger: true$/m);
});

test('a boolean whose default is false lists false first', async () => {
  const { items } = await complete(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'actionRedis:\n  enabled: |\nplugins: []\n',
  );
  const order = items
    .slice()
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
  assert.deepEqual(order.slice(0, 2), ['false', 'true']);
});
