import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { applyEdits, editsFor } from '../helpers/apply-edits';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const COOKIE_VALUE = 'MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872';
const plugins = (env: string[], checksum = 'ab'.repeat(32)) =>
  ['plugins:', '  - name: cache', '    enabled: true', '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest', '    localPath: ./cache', '    args: []', '    env:', ...env.map((e) => `      - ${e}`), `    checksum: ${checksum}`, ''].join('\n');

/**
 * Opens `text`, takes the first diagnostic with `code`, applies the preferred quick fix (or the one
 * whose title matches), re-validates, and returns the new text and diagnostics.
 */
async function fix(file: string, text: string, code: string, title?: RegExp): Promise<{ text: string; before: Diagnostic; after: Diagnostic[]; action: CodeAction }> {
  const uri = client.open(file, text);
  const diagnostics = await client.diagnostics(uri);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred);
  assert.ok(action, `a fix for ${code}: ${actions.map((a) => a.title).join(', ')}`);
  const fixed = applyEdits(text, editsFor(action.edit, uri));
  client.change(uri, fixed);
  return { text: fixed, before: diagnostic, after: await client.diagnostics(uri), action };
}

test('GatewayD: the missing cookie value is inserted exactly', async () => {
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins(['MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN']), 'gatewayd.magic-cookie');
  assert.match(result.text, new RegExp(`      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN\n      - ${COOKIE_VALUE}\n`));
  assert.equal(result.after.some((d) => d.code === 'gatewayd.magic-cookie'), false);
});

test('GatewayD: a wrong cookie value is replaced on its line', async () => {
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins(['MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN', 'MAGIC_COOKIE_VALUE=bad']), 'gatewayd.magic-cookie');
  assert.match(result.text, new RegExp(`      - ${COOKIE_VALUE}\n`));
  assert.equal(result.after.some((d) => d.code === 'gatewayd.magic-cookie'), false);
});

test('GatewayD: a wrong checksum is replaced with the SHA-256 of the binary', async () => {
  const binary = Buffer.from('\x7fELF the plugin');
  const dir = makeTree({ cache: binary });
  const sha = createHash('sha256').update(binary).digest('hex');
  const result = await fix(path.join(dir, 'gatewayd_plugins.yaml'), plugins(['MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN', COOKIE_VALUE]), 'gatewayd.checksum-mismatch');
  assert.match(result.text, new RegExp(`checksum: ${sha}\n`));
  assert.equal(result.after.some((d) => String(d.code).startsWith('gatewayd.checksum')), false);
});

test('an unknown enum value is replaced with the closest allowed one', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n  write_mode: overwite\n', 'cloudquery.invalid-value');
  assert.match(result.text, /write_mode: overwrite\n/);
  assert.deepEqual(result.after, []);
});

test('a missing required key is added with its default', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: pg\n  version: v8.0.0\n', 'cloudquery.missing-key');
  assert.match(result.text, /\n  path: /);
  assert.equal(result.after.some((d) => d.code === 'cloudquery.missing-key'), false);
});

test('a missing key in JSON is added with a comma in the right place', async () => {
  const text = '{\n  "version": "v1.0.0",\n  "executable": "main.py",\n  "sources": []\n}\n';
  const result = await fix(path.join(makeTree({ 'main.py': '' }), 'plug.json'), text, 'ekuiper.missing-key', /language/);
  assert.match(result.text, /"sources": \[\],\n  "language": "go"\n\}/);
  assert.equal(result.after.some((d) => d.code === 'ekuiper.missing-key'), false);
});

test('a non-kebab LogCraft service id is renamed to its kebab-case form', async () => {
  const result = await fix(path.join(makeTree({}), 'lgc.toml'), '[core]\nworkspace = "rules"\nbase_dir = "/opt/lgc"\n\n[services.My_Splunk]\nplugin = "splunk"\n', 'logcraft.kebab-case');
  assert.match(result.text, /\[services\.my-splunk\]/);
  assert.equal(result.after.some((d) => d.code === 'logcraft.kebab-case'), false);
});

test('an unknown key is renamed to the key it was meant to be', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n  wirte_mode: append\n', 'cloudquery.unknown-key');
  assert.match(result.text, /  write_mode: append\n/);
  assert.deepEqual(result.after, []);
});

test('a removed CloudQuery top-level key is moved into the plugin\'s spec block', async () => {
  const text = 'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [pg]\n  concurrency: 1000\n  spec:\n    regions: [us-east-1]\n---\nkind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n';
  const result = await fix(path.join(makeTree({}), 'sync.yml'), text, 'cloudquery.removed-key');
  assert.match(result.text, /  destinations: \[pg\]\n  spec:\n    regions: \[us-east-1\]\n    concurrency: 1000\n---/);
  assert.equal(result.after.some((d) => d.code === 'cloudquery.removed-key'), false);
});

test('an eKuiper portable source without its YAML gets a fix that creates sources/<name>.yaml', async () => {
  const dir = makeTree({ mirror: '' });
  const uri = client.open(path.join(dir, 'mirror.json'), JSON.stringify({ version: 'v1.0.0', language: 'python', executable: 'mirror', sources: ['random'] }, null, 2));
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'ekuiper.missing-source-config');
  assert.ok(diagnostic);
  const [action] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const target = uriOf(path.join(dir, 'sources', 'random.yaml'));
  assert.deepEqual(action.edit?.documentChanges?.[0], { kind: 'create', uri: target, options: { ignoreIfExists: true } });
  assert.match(editsFor(action.edit, target)[0].newText, /^# .*\ndefault:/m);
});
