import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { Workbench } from '../../helpers/features';
import { makeTree } from '../../helpers/engine';

// In-process: the completion function over the real engine and open-documents module
// (test/lsp/quoted-completion.test.ts runs completion over LSP).
const workbench = new Workbench();

/** Completion items at the `|` in `text`; with `typedFrom`, the file is first opened with that text and then edited. */
async function itemsAt(file: string, textWithCursor: string, typedFrom?: string): Promise<CompletionItem[]> {
  return workbench.completionAt(file, textWithCursor, typedFrom);
}

/** Completion labels at the `|` in `text`. */
async function labelsAt(file: string, textWithCursor: string, typedFrom?: string): Promise<string[]> {
  return (await itemsAt(file, textWithCursor, typedFrom)).map((i) => i.label);
}

const newText = (item: CompletionItem | undefined) =>
  item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined;
const sorted = (items: CompletionItem[]) =>
  items
    .slice()
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);

test('GatewayD: defaultPolicy: completes passthrough and terminate', async () => {
  const labels = await labelsAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'enableMetricsMerger: true\ndefaultPolicy: |\nplugins: []\n',
  );
  assert.deepEqual(labels.slice().sort(), ['passthrough', 'terminate']);
});

test('CloudQuery: a new empty line inside a destination spec completes write_mode and migrate_mode, not keys already there', async () => {
  const labels = await labelsAt(
    path.join(makeTree({}), 'sync.yml'),
    'kind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  |\n  version: v8.0.0\n',
  );
  assert.ok(labels.includes('write_mode') && labels.includes('migrate_mode'), labels.join(', '));
  assert.ok(!labels.includes('name') && !labels.includes('version'), 'present keys are not offered');
  assert.ok(!labels.includes('tables'), 'source-only keys are not offered for a destination');
});

test('CloudQuery: write_mode: with nothing after it completes the three modes', async () => {
  const labels = await labelsAt(
    path.join(makeTree({}), 'sync.yml'),
    'kind: destination\nspec:\n  name: pg\n  write_mode: |\n',
  );
  assert.deepEqual(labels.slice().sort(), ['append', 'overwrite', 'overwrite-delete-stale']);
});

test('CloudQuery: a new spec file beside another completes kinds from its first line, then spec keys', async () => {
  const dir = makeTree({
    'sync.yml':
      'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [pg]\n',
  });
  const kinds = await labelsAt(path.join(dir, 'pg.yml'), 'kind: |\n', '');
  assert.deepEqual(kinds.slice().sort(), ['destination', 'source', 'transformer']);
  const keys = await labelsAt(path.join(dir, 'pg.yml'), 'kind: destination\nspec:\n  |\n', 'kind: \n');
  assert.ok(keys.includes('write_mode') && keys.includes('name'), keys.join(', '));
});

test('CloudQuery: destinations complete from specs of the file and of sibling files', async () => {
  const dir = makeTree({
    'postgresql.yml':
      'kind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  version: v8.0.0\n',
  });
  const labels = await labelsAt(
    path.join(dir, 'aws.yml'),
    'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [|]\n',
  );
  assert.ok(labels.includes('postgresql'), labels.join(', '));
});

test('GatewayD: keys of a plugin entry in a half-typed list item', async () => {
  const labels = await labelsAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'plugins:\n  - name: cache\n    enabled: true\n    |\n',
  );
  for (const key of ['url', 'localPath', 'env', 'checksum'])
    assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
  assert.ok(!labels.includes('name') && !labels.includes('enabled'));
});

test("Anklet: plugin values include the known plugins and the checkout's plugin folders", async () => {
  const dir = makeTree({ 'plugins/handlers/buildkite/plugin.go': 'package buildkite\n' });
  const labels = await labelsAt(path.join(dir, 'config.yml'), 'plugins:\n  - name: RUNNER1\n    plugin: |\n');
  for (const value of ['github', 'github_receiver', 'buildkite'])
    assert.ok(labels.includes(value), `${value} in ${labels.join(', ')}`);
});

test('JSON: an eKuiper property completes its control values while half-typed', async () => {
  const text =
    '{\n  "about": {"trial": false},\n  "properties": {\n    "default": [\n      {"name": "interval", "control": "|"}\n    ]\n  }\n}\n';
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
  const plugins = await labelsAt(
    path.join(dir(), 'lgc.toml'),
    '[core]\nworkspace = "rules"\nbase_dir = ".lgc"\n\n[services.a]\nplugin = "|"\n',
  );
  assert.ok(plugins.includes('my-plugin') && plugins.includes('splunk'), plugins.join(', '));
});

test('YAML: key snippets: an enum key offers its values as a choice, an object opens a block, a list its first item', async () => {
  const items = await itemsAt(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: pg\n  |\n');
  assert.equal(
    newText(items.find((i) => i.label === 'write_mode')),
    'write_mode: ${1|overwrite-delete-stale,overwrite,append|}',
  );
  // Relative to the line's indentation: the editor adds the line's own two spaces to each further line.
  assert.equal(newText(items.find((i) => i.label === 'spec')), 'spec:\n  $0');
  assert.equal(newText(items.find((i) => i.label === 'transformers')), 'transformers:\n  - $0');
  assert.equal(items.find((i) => i.label === 'spec')?.insertTextMode, 2, 'adjustIndentation');
  const write = items.find((i) => i.label === 'write_mode')!;
  assert.match(JSON.stringify(write.documentation), /how the destination writes rows/);
  assert.match(write.detail ?? '', /string/);
  // Required keys first.
  const order = sorted(items);
  assert.ok(order.indexOf('path') < order.indexOf('write_mode'), order.join(', '));
});

test('YAML: a block sequence at the same indentation as its key', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'gatewayd_plugins.yaml'), 'plugins:\n- name: cache\n  |\n');
  assert.ok(labels.includes('localPath') && !labels.includes('name'), labels.join(', '));
  const next = await labelsAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'plugins:\n- name: cache\n  enabled: true\n- |\n',
  );
  assert.ok(
    next.includes('name') && next.includes('enabled'),
    'a new item has none of the keys of the one above: ' + next.join(', '),
  );
});

test('YAML: an empty nested mapping offers the keys of every branch that can hold them', async () => {
  const labels = await labelsAt(
    path.join(makeTree({}), 'sync.yml'),
    'kind: source\nspec:\n  name: aws\n  backend_options:\n    |\n',
  );
  assert.deepEqual(labels.slice().sort(), ['connection', 'table_name']);
  const redis = await labelsAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'actionRedis:\n  enabled: true\n  |\nplugins: []\n',
  );
  assert.deepEqual(redis.slice().sort(), ['address', 'channel']);
});

test('YAML: a value typed in quotes goes between the quotes', async () => {
  const items = await itemsAt(path.join(makeTree({}), 'gatewayd_plugins.yaml'), 'defaultPolicy: "|"\nplugins: []\n');
  const terminate = items.find((i) => i.label === 'terminate');
  assert.equal(newText(terminate), 'terminate');
  assert.deepEqual(terminate?.textEdit && 'range' in terminate.textEdit ? terminate.textEdit.range : undefined, {
    start: { line: 0, character: 16 },
    end: { line: 0, character: 16 },
  });
  assert.match(
    JSON.stringify(terminate?.documentation),
    /stop the request/,
    'the value carries its x-enum-description',
  );
});

test('Anklet: a string that YAML 1.1 may read as a boolean is not offered true/false', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'config.yml'), 'plugins:\n  - name: RUNNER1\n    plugin: |\n');
  assert.ok(!labels.includes('true') && !labels.includes('false'), labels.join(', '));
});

test('CloudQuery: a destination in a sibling file completes a block-list item', async () => {
  const dir = makeTree({
    'dest.yaml': 'kind: destination\nspec:\n  name: bigquery\n  path: cloudquery/bigquery\n  version: v4.0.0\n',
  });
  const labels = await labelsAt(
    path.join(dir, 'source.yml'),
    'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations:\n    - |\n',
  );
  assert.deepEqual(labels, ['bigquery']);
});

test('JSON: half-typed documents keep the kind they had, keys and values complete', async () => {
  const file = () => path.join(makeTree({}), 'etc', 'sources', 'random.json');
  const valid = '{\n  "about": {"trial": false},\n  "properties": {"default": [{"name": "interval"}]}\n}\n';
  // A new key typed at the root: an empty key in quotes that the editor auto-closed.
  const root = await itemsAt(
    file(),
    '{\n  "about": {"trial": false},\n  "|"\n  "properties": {"default": [{"name": "interval"}]}\n}\n',
    valid,
  );
  const labels = root.map((i) => i.label);
  assert.ok(labels.includes('libs') && !labels.includes('about') && !labels.includes('properties'), labels.join(', '));
  assert.equal(
    newText(root.find((i) => i.label === 'libs')),
    '"libs": [$0],',
    'quoted, both quotes replaced, comma before the next member',
  );
  // A value with nothing after the colon (does not parse).
  const control = await labelsAt(
    file(),
    '{\n  "about": {"trial": false},\n  "properties": {"default": [{"name": "interval", "control": |}]}\n}\n',
    valid,
  );
  for (const value of ['text', 'select', 'list']) assert.ok(control.includes(value), control.join(', '));
  // The keys of a field in an unfinished list.
  const field = await labelsAt(
    file(),
    '{\n  "about": {"trial": false},\n  "properties": {"default": [{"name": "interval", |',
    valid,
  );
  for (const key of ['default', 'control', 'type', 'optional'])
    assert.ok(field.includes(key), `${key} in ${field.join(', ')}`);
  assert.ok(!field.includes('name'));
});

test('JSON: an eKuiper function return type completes from the schema examples', async () => {
  const valid = '{\n  "functions": [{"name": "echo", "return": {"type": "string"}}]\n}\n';
  const labels = await labelsAt(
    path.join(makeTree({}), 'functions', 'echo.json'),
    '{\n  "functions": [{"name": "echo", "return": {"type": |}}]\n}\n',
    valid,
  );
  assert.ok(labels.includes('string') && labels.includes('int'), labels.join(', '));
});

test('TOML: unquoted value position, a half-typed key and a table header without keys', async () => {
  const dir = () => makeTree({});
  const bare = await itemsAt(path.join(dir(), 'lgc.toml'), '[core]\nworkspace = "rules"\n\n[state]\ntype = |\n');
  assert.deepEqual(bare.map((i) => newText(i)).sort(), ['"http"', '"local"']);
  const keys = await itemsAt(
    path.join(dir(), 'lgc.toml'),
    '[core]\nworkspace = "rules"\n\n[services.splunk-prod]\npl|\n',
  );
  const plugin = keys.find((i) => i.label === 'plugin');
  assert.ok(plugin, keys.map((i) => i.label).join(', '));
  assert.match(newText(plugin) ?? '', /^plugin = "/);
  const root = await labelsAt(path.join(dir(), 'lgc.toml'), '[core]\nworkspace = "rules"\n\n|\n');
  assert.ok(
    root.includes('workspace') === false && root.includes('base_dir'),
    'still inside [core]: ' + root.join(', '),
  );
});

test('no completion in a file that is not a manifest', async () => {
  const labels = await labelsAt(path.join(makeTree({}), 'random.yaml'), 'foo: bar\n|\n');
  assert.deepEqual(labels, []);
});
