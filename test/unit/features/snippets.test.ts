import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { makeTree } from '../../helpers/engine';
import { Workbench } from '../../helpers/features';

// Manifest snippets come from the server's completion (issue #16 item 5): only in a file of their
// system's kinds, only where their keys go.
const workbench = new Workbench();

async function snippetsAt(file: string, textWithCursor: string): Promise<string[]> {
  const items: CompletionItem[] = await workbench.completionAt(path.join(makeTree({}), file), textWithCursor);
  return items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);
}

test('gatewayd_plugins.yaml: the whole-file snippet at the top of an empty file, the entry under plugins:', async () => {
  assert.deepEqual(await snippetsAt('gatewayd_plugins.yaml', 'gw|'), ['gwd-plugins-config']);
  assert.deepEqual(await snippetsAt('gatewayd_plugins.yaml', 'plugins:\n  |'), ['gwd-plugin']);
  assert.deepEqual(await snippetsAt('gatewayd_plugins.yaml', 'policies:\n  |\nplugins: []\n'), ['gwd-policy']);
  // Not at a value position, not where the file's keys already are.
  assert.deepEqual(await snippetsAt('gatewayd_plugins.yaml', 'plugins:\n  - name: a\n    enabled: |\n'), []);
  assert.deepEqual(await snippetsAt('gatewayd_plugins.yaml', 'plugins: []\n|'), []);
});

test('no snippet of ours in a YAML file that is not a manifest (docker-compose.yml)', async () => {
  const items = await workbench.completionAt(path.join(makeTree({}), 'docker-compose.yml'), 'gw|');
  assert.deepEqual(items, []);
});

test("a system's snippets stay in its own files: no GatewayD snippet in a CloudQuery spec", async () => {
  const labels = await snippetsAt('sync.yml', 'kind: source\nspec:\n  name: a\n---\n|');
  assert.ok(labels.includes('cq-sync') && labels.includes('cq-destination'), labels.join());
  assert.ok(
    labels.every((l) => l.startsWith('cq-')),
    labels.join(),
  );
  assert.deepEqual(await snippetsAt('sync.yml', 'kind: source\nspec:\n  name: a\n  |\n'), ['cq-backend']);
});

test('TOML tables at the start of a line of lgc.toml; JSON documents in an empty eKuiper metadata file', async () => {
  const toml = await snippetsAt('lgc.toml', '[core]\nworkspace = "rules"\n\n|');
  assert.deepEqual(toml.sort(), ['lgc-service', 'lgc-splunk-settings', 'lgc-state-http']);
  assert.deepEqual(await snippetsAt('lgc.toml', '[core]\nworkspace = "|"\n'), []);
  // An empty JSON file is a manifest only once associated (it has no content to recognise yet).
  const associated = new Workbench({ associations: { '**/file.json': 'ekuiper-sink-meta' } });
  const json = await associated.completionAt(path.join(makeTree({}), 'etc/sinks/file.json'), '|');
  assert.deepEqual(
    json.map((i) => i.label),
    ['ekuiper-sink-meta'],
  );
});

test('a snippet is inserted as written, relative to its line (VS Code adds the indentation)', async () => {
  const items = await workbench.completionAt(path.join(makeTree({}), 'gatewayd_plugins.yaml'), 'plugins:\n  gwd|');
  const item = items.find((i) => i.label === 'gwd-plugin');
  assert.ok(item?.textEdit && 'newText' in item.textEdit);
  assert.match(item.textEdit.newText, /^- name: \$\{1:[^}]+\}\n {2}enabled:/);
  assert.deepEqual((item.textEdit as TextEdit).range, {
    start: { line: 1, character: 2 },
    end: { line: 1, character: 5 },
  });
  assert.equal(item.insertTextMode, 2);
});
