import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

/** Completion labels at the `|` in `text`. */
async function labelsAt(file: string, textWithCursor: string): Promise<string[]> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const uri = client.open(file, text);
  await client.diagnostics(uri);
  const before = text.slice(0, offset).split('\n');
  const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: before.length - 1, character: before[before.length - 1].length },
  });
  const items = Array.isArray(result) ? result : result?.items ?? [];
  return items.map((i) => i.label);
}

test('GatewayD: defaultPolicy: completes passthrough and terminate', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'gatewayd_plugins.yaml'), 'enableMetricsMerger: true\ndefaultPolicy: |\nplugins: []\n');
  assert.deepEqual(labels.slice().sort(), ['passthrough', 'terminate']);
});

test('CloudQuery: a new empty line inside a destination spec completes write_mode and migrate_mode, not keys already there', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  |\n  version: v8.0.0\n');
  assert.ok(labels.includes('write_mode') && labels.includes('migrate_mode'), labels.join(', '));
  assert.ok(!labels.includes('name') && !labels.includes('version'), 'present keys are not offered');
  assert.ok(!labels.includes('tables'), 'source-only keys are not offered for a destination');
});

test('CloudQuery: write_mode: with nothing after it completes the three modes', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: pg\n  write_mode: |\n');
  assert.deepEqual(labels.slice().sort(), ['append', 'overwrite', 'overwrite-delete-stale']);
});

test('CloudQuery: destinations complete from specs of the file and of sibling files', async () => {
  const dir = makeTree({ 'postgresql.yml': 'kind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  version: v8.0.0\n' });
  const labels = await labelsAt(path.join(dir, 'aws.yml'), 'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [|]\n');
  assert.ok(labels.includes('postgresql'), labels.join(', '));
});

test('GatewayD: keys of a plugin entry in a half-typed list item', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'gatewayd_plugins.yaml'), 'plugins:\n  - name: cache\n    enabled: true\n    |\n');
  for (const key of ['url', 'localPath', 'env', 'checksum']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
  assert.ok(!labels.includes('name') && !labels.includes('enabled'));
});

test('Anklet: plugin values include the known plugins and the checkout\'s plugin folders', async () => {
  const dir = makeTree({ 'plugins/handlers/buildkite/plugin.go': 'package buildkite\n' });
  const labels = await labelsAt(path.join(dir, 'config.yml'), 'plugins:\n  - name: RUNNER1\n    plugin: |\n');
  for (const value of ['github', 'github_receiver', 'buildkite']) assert.ok(labels.includes(value), `${value} in ${labels.join(', ')}`);
});

test('JSON: an eKuiper property completes its control values while half-typed', async () => {
  const text = '{\n  "about": {"trial": false},\n  "properties": {\n    "default": [\n      {"name": "interval", "control": "|"}\n    ]\n  }\n}\n';
  const labels = await labelsAt(path.join(makeTree({}), 'etc', 'sources', 'random.json'), text);
  for (const value of ['text', 'select', 'list']) assert.ok(labels.includes(value), labels.join(', '));
});

test('TOML: lgc.toml completes state types and keys of a table', async () => {
  // Each request in a fresh folder: an open document keeps its first text.
  const dir = () => makeTree({ '.lgc/plugins/my-plugin.wasm': 'x' });
  const types = await labelsAt(path.join(dir(), 'lgc.toml'), '[core]\nworkspace = "rules"\n\n[state]\ntype = "|"\n');
  assert.deepEqual(types.slice().sort(), ['http', 'local']);
  const keys = await labelsAt(path.join(dir(), 'lgc.toml'), '[core]\nworkspace = "rules"\n|\n');
  assert.ok(keys.includes('base_dir') && !keys.includes('workspace'), keys.join(', '));
  const plugins = await labelsAt(path.join(dir(), 'lgc.toml'), '[core]\nworkspace = "rules"\nbase_dir = ".lgc"\n\n[services.a]\nplugin = "|"\n');
  assert.ok(plugins.includes('my-plugin') && plugins.includes('splunk'), plugins.join(', '));
});
