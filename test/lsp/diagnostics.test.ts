import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

const GATEWAYD = [
  'defaultPolicy: passthru',
  'plugins:',
  '  - name: cache',
  '    enabled: true',
  '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest',
  '    localPath: ./cache',
  '    args: ["--log-level", "info"]',
  '    env:',
  '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
  '      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872',
  '    checksum: 3988e10aefce2cd9b30888eddd2ec93a431c9018a695aea1cea0dac46ba91cae',
  '',
].join('\n');

let client: LspClient;
let root: string;

before(async () => {
  root = makeTree({});
  client = new LspClient();
  await client.initialize({ rootPath: root });
});
after(() => client.stop());

test('diagnostics appear on the right range and vanish after an edit', async () => {
  const uri = client.open(path.join(root, 'gatewayd_plugins.yaml'), GATEWAYD);
  const diagnostics = await client.diagnostics(uri);
  const policy = diagnostics.find((d) => d.code === 'gatewayd.invalid-value');
  assert.ok(policy, JSON.stringify(diagnostics));
  assert.deepEqual(policy.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 23 } });
  assert.equal(policy.severity, 1);
  assert.equal(policy.source, 'plugin-workbench');
  client.change(uri, GATEWAYD.replace('passthru', 'passthrough'));
  const after = await client.diagnostics(uri);
  assert.equal(
    after.find((d) => d.code === 'gatewayd.invalid-value'),
    undefined,
  );
});

test('a sibling spec changed on disk: the watcher event brings new diagnostics', async () => {
  const dir = makeTree({});
  const spec =
    'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [pg]\n';
  const uri = client.open(path.join(dir, 'sync.yml'), spec);
  assert.deepEqual(
    (await client.diagnostics(uri)).map((d) => d.code),
    ['cloudquery.unknown-destination'],
  );
  const sibling = path.join(dir, 'pg.yml');
  fs.writeFileSync(sibling, 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n');
  const next = client.nextDiagnostics(uri);
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sibling).href, type: 1 }] });
  assert.deepEqual(await next, []);
});

test('a big plugin binary, hashed off the request path: its checksum verdict is published when known', async () => {
  // Inside the workspace folder: binaries outside it are not hashed at all.
  const dir = fs.mkdtempSync(path.join(root, 'big-binary-'));
  fs.writeFileSync(path.join(dir, 'cache'), Buffer.alloc(3 * 1024 * 1024, 1));
  const uri = client.open(path.join(dir, 'gatewayd_plugins.yaml'), GATEWAYD.replace('passthru', 'passthrough'));
  // Without the verdict first, unless the hash was done before the first answer.
  let codes = (await client.diagnostics(uri)).map((d) => d.code);
  if (!codes.length) codes = (await client.nextDiagnostics(uri)).map((d) => d.code);
  assert.deepEqual(codes, ['gatewayd.checksum-mismatch']);
  // Known from now on: an edit gets the verdict in its first answer.
  client.change(uri, GATEWAYD.replace('passthru', 'terminate'));
  assert.deepEqual(
    (await client.diagnostics(uri)).map((d) => d.code),
    ['gatewayd.checksum-mismatch'],
  );
});

test('an unrelated YAML file gets an empty diagnostic list', async () => {
  const uri = client.open(
    path.join(root, 'docker-compose.yml'),
    'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
  );
  assert.deepEqual(await client.diagnostics(uri), []);
});

test('the classification request answers for the status bar', async () => {
  const uri = client.open(path.join(root, 'sub', 'gatewayd_plugins.yaml'), GATEWAYD);
  await client.diagnostics(uri);
  const info = await client.request<{ kind: string; system: string; source: string; error: number }>(
    'pluginWorkbench/classification',
    { uri },
  );
  assert.equal(info.kind, 'gatewayd-plugins');
  assert.equal(info.system, 'gatewayd');
  assert.equal(info.source, 'path');
  assert.ok(info.error >= 1);
  const none = await client.request('pluginWorkbench/classification', {
    uri: client.open(path.join(root, 'x.yaml'), 'a: 1\n'),
  });
  assert.equal(none, null);
});

test('settings: severity overrides, disabled systems and associations apply without a restart', async () => {
  const uri = client.open(path.join(root, 'settings', 'gatewayd_plugins.yaml'), GATEWAYD);
  await client.diagnostics(uri);
  client.settings = { severityOverrides: { 'gatewayd.invalid-value': 'warning' } };
  client.notify('workspace/didChangeConfiguration', { settings: {} });
  client.change(uri, GATEWAYD + '\n');
  const overridden = (await client.diagnostics(uri)).find((d) => d.code === 'gatewayd.invalid-value');
  assert.equal(overridden?.severity, 2);

  client.settings = { gatewayd: { enable: false } };
  client.notify('workspace/didChangeConfiguration', { settings: {} });
  client.change(uri, GATEWAYD + '\n\n');
  assert.deepEqual(await client.diagnostics(uri), []);

  client.settings = { associations: { '**/my-plugins.yml': 'gatewayd-plugins' } };
  client.notify('workspace/didChangeConfiguration', { settings: {} });
  const associated = client.open(
    path.join(root, 'conf', 'my-plugins.yml'),
    'plugins:\n  - name: x\n    unknownKey: 1\n',
  );
  const diagnostics = await client.diagnostics(associated);
  assert.ok(
    diagnostics.some((d) => d.code === 'gatewayd.unknown-key'),
    JSON.stringify(diagnostics),
  );
  client.settings = {};
  client.notify('workspace/didChangeConfiguration', { settings: {} });
});

test('half-typed and broken documents never crash the server', async () => {
  const uri = client.open(path.join(root, 'half', 'gatewayd_plugins.yaml'), 'plugins:\n  - name: [\n');
  const diagnostics = await client.diagnostics(uri);
  assert.ok(diagnostics.some((d) => d.code === 'yaml.syntax'));
  client.change(uri, 'plugins:\n  - name: x\n    enabled: \n');
  await client.diagnostics(uri);
  assert.equal(client.stderr.includes('Error'), false, client.stderr);
});

test('a half-typed key: the schema problem stays published beside the syntax error', async () => {
  const dir = makeTree({});
  const uri = client.open(
    path.join(dir, 'gatewayd_plugins.yaml'),
    'defaultPolicy: bogus\nactionRedis:\n  enabled: true\nplugins: []\n',
  );
  await client.diagnostics(uri);
  client.change(uri, 'defaultPolicy: bogus\ncomp\nactionRedis:\n  enabled: true\nplugins: []\n');
  const diagnostics = await client.diagnostics(uri);
  assert.ok(
    diagnostics.some((d) => d.code === 'gatewayd.invalid-value'),
    JSON.stringify(diagnostics),
  );
  const syntax = diagnostics.find((d) => d.code === 'yaml.syntax');
  assert.deepEqual(syntax?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
});

test("JSON duplicate keys are left to the editor's JSON support too (the CLI keeps them)", async () => {
  const dir = makeTree({});
  const uri = client.open(
    path.join(dir, 'etc', 'sources', 'dupe.json'),
    '{\n  "about": {"trial": true},\n  "about": {"trial": "x"},\n  "properties": {}\n}\n',
  );
  const diagnostics = await client.diagnostics(uri);
  assert.ok(!diagnostics.some((d) => d.code === 'json.duplicate-key'), JSON.stringify(diagnostics));
  assert.ok(
    diagnostics.some((d) => d.code === 'ekuiper.wrong-type'),
    JSON.stringify(diagnostics),
  );
});

test("JSON syntax errors are left to the editor's JSON support; schema problems stay", async () => {
  const dir = makeTree({});
  const uri = client.open(
    path.join(dir, 'etc', 'sources', 'demo.json'),
    '{\n  "about": {"trial": "x"},\n  "\n  "properties": {}\n}\n',
  );
  const diagnostics = await client.diagnostics(uri);
  assert.ok(!diagnostics.some((d) => d.code === 'json.syntax'), JSON.stringify(diagnostics));
  assert.ok(
    diagnostics.some((d) => d.code === 'ekuiper.wrong-type'),
    JSON.stringify(diagnostics),
  );
});
