import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { applyEdits, applyWorkspaceEdit, editsFor } from '../helpers/apply-edits';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const COOKIE_KEY = 'MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN';
const COOKIE_VALUE = 'MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872';
const plugins = (env: string[], checksum = 'ab'.repeat(32)) =>
  ['plugins:', '  - name: cache', '    enabled: true', '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest', '    localPath: ./cache', '    args: []', '    env:', ...env.map((e) => `      - ${e}`), `    checksum: ${checksum}`, ''].join('\n');
const DESTINATION = 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n';

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

/**
 * Opens `text`, takes the first diagnostic with `code`, applies the preferred quick fix (or the one
 * whose title matches), sends the result as a change, and returns the new text and diagnostics.
 */
async function fix(file: string, text: string, code: string, title?: RegExp): Promise<{ text: string; before: Diagnostic; after: Diagnostic[]; action: CodeAction; actions: CodeAction[] }> {
  const uri = client.open(file, text);
  const diagnostics = await client.diagnostics(uri);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  const actions = await actionsFor(uri, diagnostic);
  const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred);
  assert.ok(action, `a fix for ${code}: ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const fixed = applyEdits(text, editsFor(action.edit, uri));
  client.change(uri, fixed);
  return { text: fixed, before: diagnostic, after: await client.diagnostics(uri), action, actions };
}

const gone = (diagnostics: Diagnostic[], code: string) => assert.equal(diagnostics.some((d) => d.code === code), false, `${code} still there: ${JSON.stringify(diagnostics)}`);

test('GatewayD: the missing cookie value is inserted exactly', async () => {
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins([COOKIE_KEY]), 'gatewayd.magic-cookie');
  assert.equal(result.text, plugins([COOKIE_KEY, COOKIE_VALUE]));
  gone(result.after, 'gatewayd.magic-cookie');
});

test('GatewayD: both missing cookie lines go into an empty flow list in one fix', async () => {
  const file = path.join(makeTree({}), 'gatewayd_plugins.yaml');
  const text = 'plugins:\n  - name: cache\n    enabled: true\n    localPath: ./cache\n    env: []\n';
  const result = await fix(file, text, 'gatewayd.magic-cookie');
  assert.equal(result.text, `plugins:\n  - name: cache\n    enabled: true\n    localPath: ./cache\n    env: [${COOKIE_KEY}, ${COOKIE_VALUE}]\n`);
  gone(result.after, 'gatewayd.magic-cookie');
});

test('GatewayD: the cookie lines go into an empty list nested in a flow mapping, inside its own brackets', async () => {
  const text = 'plugins:\n  - {name: cache, enabled: true, localPath: ./cache, env: []}\n';
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), text, 'gatewayd.magic-cookie');
  assert.equal(result.text, `plugins:\n  - {name: cache, enabled: true, localPath: ./cache, env: [${COOKIE_KEY}, ${COOKIE_VALUE}]}\n`);
  gone(result.after, 'gatewayd.magic-cookie');
});

test('GatewayD: both missing cookie lines go after the other env lines of a block list', async () => {
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins(['LOG_LEVEL=info  # keep']), 'gatewayd.magic-cookie');
  assert.equal(result.text, plugins(['LOG_LEVEL=info  # keep', COOKIE_KEY, COOKIE_VALUE]));
  assert.match(result.action.title, /MAGIC_COOKIE_KEY and MAGIC_COOKIE_VALUE/);
  gone(result.after, 'gatewayd.magic-cookie');
});

test('GatewayD: a plugin without env gets env with both cookie lines, in block style', async () => {
  const text = plugins([COOKIE_KEY, COOKIE_VALUE]).replace(/    env:\n(      - .*\n)+/, '');
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), text, 'gatewayd.missing-key', /"env"/);
  assert.equal(result.text, plugins([COOKIE_KEY, COOKIE_VALUE]).replace(/(    env:\n(      - .*\n)+)(    checksum: .*\n)/, '$3$1'));
  gone(result.after, 'gatewayd.magic-cookie');
  assert.equal(result.after.some((d) => d.message.includes('"env"')), false);
});

test('GatewayD: a wrong cookie value is replaced on its line, quotes kept', async () => {
  const result = await fix(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins([COOKIE_KEY, '"MAGIC_COOKIE_VALUE=bad" # handshake']), 'gatewayd.magic-cookie');
  assert.equal(result.text, plugins([COOKIE_KEY, `"${COOKIE_VALUE}" # handshake`]));
  gone(result.after, 'gatewayd.magic-cookie');
});

test('GatewayD: a wrong checksum is replaced with the SHA-256 of the binary', async () => {
  const binary = Buffer.from('\x7fELF the plugin, built a minute ago');
  const dir = makeTree({ cache: binary });
  const sha = createHash('sha256').update(binary).digest('hex');
  const result = await fix(path.join(dir, 'gatewayd_plugins.yaml'), plugins([COOKIE_KEY, COOKIE_VALUE]), 'gatewayd.checksum-mismatch');
  assert.equal(result.text, plugins([COOKIE_KEY, COOKIE_VALUE], sha));
  assert.equal(result.action.isPreferred, true);
  assert.equal(result.after.some((d) => String(d.code).startsWith('gatewayd.checksum')), false);
});

test('an unknown enum value: the closest allowed one is preferred, every allowed one is offered', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), `${DESTINATION}  write_mode: overwite\n`, 'cloudquery.invalid-value');
  assert.equal(result.text, `${DESTINATION}  write_mode: overwrite\n`);
  assert.deepEqual(result.actions.map((a) => [a.title, a.isPreferred]), [
    ['Change to "overwrite"', true],
    ['Change to "overwrite-delete-stale"', false],
    ['Change to "append"', false],
    ['Suppress cloudquery.invalid-value on this line', undefined],
  ]);
  assert.deepEqual(result.after, []);
});

test('an allowed value other than the closest one can be picked, and quotes stay', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), `${DESTINATION}  write_mode: "overwite"\n`, 'cloudquery.invalid-value', /append/);
  assert.equal(result.text, `${DESTINATION}  write_mode: "append"\n`);
  assert.deepEqual(result.after, []);
});

test('YAML: a missing required key is added at the mapping\'s indentation', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), 'kind: destination\nspec:\n  name: pg\n  version: v8.0.0 # pinned\n', 'cloudquery.missing-key');
  assert.equal(result.text, 'kind: destination\nspec:\n  name: pg\n  version: v8.0.0 # pinned\n  path: ""\n');
  gone(result.after, 'cloudquery.missing-key');
});

test('YAML: a missing key in a list item lines up with the item\'s keys', async () => {
  const text = 'plugins:\n  - plugin: github\n    token: t\n    owner: o\n    repo: r\n';
  const result = await fix(path.join(makeTree({}), 'config.yml'), `# plugin-workbench: kind=anklet-config\n${text}`, 'anklet.missing-key');
  assert.equal(result.text, `# plugin-workbench: kind=anklet-config\n${text}    name: ""\n`);
  gone(result.after, 'anklet.missing-key');
});

test('YAML: a key missing in the second document of a file is added to that document', async () => {
  const text = `${DESTINATION}---\n# the second one\nkind: destination\n`;
  const result = await fix(path.join(makeTree({}), 'sync.yml'), text, 'cloudquery.missing-key');
  assert.equal(result.text, `${text}spec:\n`);
  gone(result.after, 'cloudquery.missing-key');
});

test('JSON: a missing key is added after the last one, with its comma; each allowed value is offered', async () => {
  const text = '{\n  "version": "v1.0.0",\n  "executable": "main.py",\n  "sources": []\n}\n';
  const result = await fix(path.join(makeTree({ 'main.py': '' }), 'plug.json'), text, 'ekuiper.missing-key', /language/);
  assert.equal(result.text, '{\n  "version": "v1.0.0",\n  "executable": "main.py",\n  "sources": [],\n  "language": "go"\n}\n');
  assert.deepEqual(result.actions.filter((a) => /language/.test(a.title)).map((a) => a.title), ['Add "language" with "go"', 'Add "language" with "python"']);
  gone(result.after, 'ekuiper.missing-key');
});

test('TOML: a missing key goes under its own table header, not under the next table', async () => {
  const text = '[core]\nbase_dir = "/opt/lgc"\n\n[services.splunk-prod]\nplugin = "splunk"\n';
  const result = await fix(path.join(makeTree({}), 'lgc.toml'), text, 'logcraft.missing-key');
  assert.equal(result.text, '[core]\nbase_dir = "/opt/lgc"\nworkspace = "rules"\n\n[services.splunk-prod]\nplugin = "splunk"\n');
  gone(result.after, 'logcraft.missing-key');
});

test('TOML: a key missing in a table followed by its sub-table stays in the table', async () => {
  const text = '[core]\nworkspace = "rules"\nbase_dir = "/opt/lgc"\n\n[services.splunk-prod]\nenvironment = "production"\n\n[services.splunk-prod.settings]\nurl = "https://splunk:8089"\n';
  const result = await fix(path.join(makeTree({}), 'lgc.toml'), text, 'logcraft.missing-key');
  assert.equal(result.text, text.replace('environment = "production"\n', 'environment = "production"\nplugin = ""\n'));
  gone(result.after, 'logcraft.missing-key');
});

test('TOML: a non-kebab service id is renamed in every header that names it', async () => {
  const text = '[core]\nworkspace = "rules"\nbase_dir = "/opt/lgc"\n\n[services.My_Splunk]\nplugin = "splunk"\n\n[services.My_Splunk.settings]\nurl = "https://splunk:8089"\n';
  const result = await fix(path.join(makeTree({}), 'lgc.toml'), text, 'logcraft.kebab-case');
  assert.equal(result.text, text.replace(/My_Splunk/g, 'my-splunk'));
  gone(result.after, 'logcraft.kebab-case');
});

test('TOML: a non-kebab service id is renamed in dotted keys and headers alike, not in strings', async () => {
  const text = [
    '[core]', 'workspace = "rules"', 'base_dir = "/opt/lgc"', '', '[services]',
    'My_Splunk.plugin = "splunk"', '"My_Splunk" . environment = "prod"', 'other.plugin = "sentinel"', 'notes = """', 'My_Splunk.plugin = "kept"', '"""', '',
    '[services.My_Splunk.settings]', 'url = "https://splunk:8089"', '',
  ].join('\n');
  const result = await fix(path.join(makeTree({}), 'lgc.toml'), text, 'logcraft.kebab-case');
  const expected = text.replace('My_Splunk.plugin = "splunk"', 'my-splunk.plugin = "splunk"').replace('"My_Splunk" . env', '"my-splunk" . env').replace('[services.My_Splunk.settings]', '[services.my-splunk.settings]');
  assert.equal(result.text, expected);
  gone(result.after, 'logcraft.kebab-case');
});

test('a non-snake_case CloudQuery spec parameter is renamed', async () => {
  const text = 'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [pg]\n  spec:\n    maxRetries: 3\n---\n' + DESTINATION;
  const result = await fix(path.join(makeTree({}), 'sync.yml'), text, 'cloudquery.spec-snake-case');
  assert.equal(result.text, text.replace('maxRetries', 'max_retries'));
  gone(result.after, 'cloudquery.spec-snake-case');
});

test('an unknown key is renamed to the key it was meant to be', async () => {
  const result = await fix(path.join(makeTree({}), 'sync.yml'), `${DESTINATION}  wirte_mode: append\n`, 'cloudquery.unknown-key');
  assert.equal(result.text, `${DESTINATION}  write_mode: append\n`);
  assert.equal(result.action.title, 'Rename to "write_mode"');
  assert.deepEqual(result.after, []);
});

const SOURCE = 'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [pg]\n';

test("a removed CloudQuery top-level key is moved into the plugin's spec block", async () => {
  const text = `${SOURCE.replace('  destinations', '  concurrency: 1000\n  destinations')}  spec:\n    regions: [us-east-1]\n---\n${DESTINATION}`;
  const result = await fix(path.join(makeTree({}), 'sync.yml'), text, 'cloudquery.removed-key');
  assert.equal(result.text, `${SOURCE}  spec:\n    regions: [us-east-1]\n    concurrency: 1000\n---\n${DESTINATION}`);
  gone(result.after, 'cloudquery.removed-key');
});

test('a removed key is moved into a spec block created for it, nested values re-indented', async () => {
  const text = `${SOURCE}  scheduler:\n    strategy: dfs\n---\n${DESTINATION}  batch_size: 1000\n`;
  const first = await fix(path.join(makeTree({}), 'sync.yml'), text, 'cloudquery.removed-key');
  assert.equal(first.text, `${SOURCE}  spec:\n    scheduler:\n      strategy: dfs\n---\n${DESTINATION}  batch_size: 1000\n`);
  const second = await fix(path.join(makeTree({}), 'sync.yml'), first.text, 'cloudquery.removed-key');
  assert.equal(second.text, `${SOURCE}  spec:\n    scheduler:\n      strategy: dfs\n---\n${DESTINATION}  spec:\n    batch_size: 1000\n`);
  gone(second.after, 'cloudquery.removed-key');
});

test('a removed key inside a flow mapping moves into the flow spec, or into one created for it', async () => {
  const flow = (inner: string) => `kind: destination\nspec: {name: pg, path: cloudquery/postgresql, version: v8.0.0${inner}}\n`;
  const into = await fix(path.join(makeTree({}), 'pg.yml'), flow(', batch_size: 1000, spec: {connection_string: x}'), 'cloudquery.removed-key');
  assert.equal(into.text, flow(', spec: {connection_string: x, batch_size: 1000}'));
  gone(into.after, 'cloudquery.removed-key');
  const created = await fix(path.join(makeTree({}), 'pg.yml'), flow(', batch_size: 1000'), 'cloudquery.removed-key');
  assert.equal(created.text, flow(', spec: {batch_size: 1000}'));
  gone(created.after, 'cloudquery.removed-key');
  const first = 'kind: destination\nspec: {batch_size: 1000, name: pg, path: cloudquery/postgresql, version: v8.0.0, spec: {}}\n';
  const moved = await fix(path.join(makeTree({}), 'pg.yml'), first, 'cloudquery.removed-key');
  assert.equal(moved.text, 'kind: destination\nspec: {name: pg, path: cloudquery/postgresql, version: v8.0.0, spec: {batch_size: 1000}}\n');
  gone(moved.after, 'cloudquery.removed-key');
});

test('a removed block key goes into a flow spec on one line; a spec that already sets it only loses the copy', async () => {
  const into = await fix(path.join(makeTree({}), 'pg.yml'), `${DESTINATION}  batch_size: 1000\n  spec: {connection_string: x}\n`, 'cloudquery.removed-key');
  assert.equal(into.text, `${DESTINATION}  spec: {connection_string: x, batch_size: 1000}\n`);
  gone(into.after, 'cloudquery.removed-key');
  const twice = await fix(path.join(makeTree({}), 'pg.yml'), `${DESTINATION}  batch_size: 1000\n  spec:\n    batch_size: 500\n`, 'cloudquery.removed-key');
  assert.equal(twice.text, `${DESTINATION}  spec:\n    batch_size: 500\n`);
  assert.match(twice.action.title, /already sets it/);
  // A comment cannot follow the pair into a flow mapping: no move is offered.
  const commented = `${DESTINATION}  batch_size: 1000 # tuned\n  spec: {connection_string: x}\n`;
  const uri = client.open(path.join(makeTree({}), 'pg.yml'), commented);
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'cloudquery.removed-key');
  assert.ok(diagnostic);
  assert.equal((await actionsFor(uri, diagnostic)).some((a) => /^Move/.test(a.title)), false);
});

test('an eKuiper portable source without its YAML: the fix creates sources/<name>.yaml with a default block', async () => {
  const dir = makeTree({ mirror: '#!/bin/sh\n', 'requirements.txt': '' });
  const file = path.join(dir, 'mirror.json');
  const text = JSON.stringify({ name: 'mirror', version: 'v1.0.0', language: 'python', executable: 'mirror', sources: ['random'] }, null, 2);
  const uri = client.open(file, text);
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'ekuiper.missing-source-config');
  assert.ok(diagnostic, 'missing-source-config reported');
  const [action] = await actionsFor(uri, diagnostic);
  const target = uriOf(path.join(dir, 'sources', 'random.yaml'));
  assert.deepEqual(action.edit?.documentChanges?.[0], { kind: 'create', uri: target, options: { ignoreIfExists: true } });
  applyWorkspaceEdit(action.edit!);
  const created = fs.readFileSync(fileURLToPath(target), 'utf8');
  assert.match(created, /^default: \{\}$/m);
  client.change(uri, text);
  gone(await client.diagnostics(uri), 'ekuiper.missing-source-config');
  // The new file is a valid eKuiper source configuration.
  const createdUri = client.open(fileURLToPath(target), created);
  assert.deepEqual((await client.diagnostics(createdUri)).filter((d) => d.severity === 1), []);
});

test('no quick fixes for a system switched off in the settings', async () => {
  const local = new LspClient();
  try {
    local.settings = { gatewayd: { enable: false } };
    await local.initialize();
    const uri = local.open(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins([COOKIE_KEY]));
    assert.deepEqual(await local.diagnostics(uri), []);
    const diagnostic: Diagnostic = { range: { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } }, message: 'x', source: 'plugin-workbench', code: 'gatewayd.magic-cookie', data: { insert: COOKIE_VALUE } };
    const actions = await local.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.equal(actions, null);
  } finally {
    await local.stop();
  }
});

test('Suppress <code> on this line: the comment goes above at the line\'s indentation and the problem goes away', async () => {
  const dir = makeTree({});
  const text = 'plugins:\n  - name: cache\n    enabled: true\n    checksum: abc\n';
  const { text: fixed, after, actions } = await fix(path.join(dir, 'gatewayd_plugins.yaml'), text, 'gatewayd.checksum-format', /^Suppress gatewayd\.checksum-format on this line$/);
  assert.equal(actions[actions.length - 1].title, 'Suppress gatewayd.checksum-format on this line', 'last in the menu');
  assert.match(fixed, /\n {4}# plugin-workbench-disable-next-line gatewayd\.checksum-format\n {4}checksum: abc\n/);
  assert.ok(!after.some((d) => d.code === 'gatewayd.checksum-format'), JSON.stringify(after));
});

test('Suppress on a line that already has a directive adds the code to it', async () => {
  const dir = makeTree({});
  const text = 'plugins:\n  - name: cache\n    enabled: true\n    # plugin-workbench-disable-next-line gatewayd.other\n    checksum: abc\n';
  const { text: fixed } = await fix(path.join(dir, 'gatewayd_plugins.yaml'), text, 'gatewayd.checksum-format', /^Suppress/);
  assert.match(fixed, /# plugin-workbench-disable-next-line gatewayd\.other, gatewayd\.checksum-format\n {4}checksum: abc/);
});

test('no suppression quick fix in JSON (its hosts refuse comments)', async () => {
  const dir = makeTree({});
  const uri = client.open(path.join(dir, 'etc', 'sources', 'demo.json'), '{\n  "about": {"trial": "x"},\n  "properties": {}\n}\n');
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'ekuiper.wrong-type');
  assert.ok(diagnostic);
  const actions = await actionsFor(uri, diagnostic);
  assert.ok(!actions.some((a) => /^Suppress/.test(a.title)), actions.map((a) => a.title).join(', '));
});
