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

// Over LSP: a few smoke tests and the cases a golden file cannot hold (files beside the manifest, a
// created file, the action list, settings). The text-to-text cases are golden files run in-process:
// test/unit/features/fixes/golden.test.ts.

const COOKIE_KEY = 'MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN';
const COOKIE_VALUE = 'MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872';
const plugins = (env: string[], checksum = 'ab'.repeat(32)) =>
  [
    'plugins:',
    '  - name: cache',
    '    enabled: true',
    '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest',
    '    localPath: ./cache',
    '    args: []',
    '    env:',
    ...env.map((e) => `      - ${e}`),
    `    checksum: ${checksum}`,
    '',
  ].join('\n');
const DESTINATION = 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n';

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
}

/**
 * Opens `text`, takes the first diagnostic with `code`, applies the preferred quick fix (or the one
 * whose title matches), sends the result as a change, and returns the new text and diagnostics.
 */
async function fix(
  file: string,
  text: string,
  code: string,
  title?: RegExp,
): Promise<{ text: string; before: Diagnostic; after: Diagnostic[]; action: CodeAction; actions: CodeAction[] }> {
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

const gone = (diagnostics: Diagnostic[], code: string) =>
  assert.equal(
    diagnostics.some((d) => d.code === code),
    false,
    `${code} still there: ${JSON.stringify(diagnostics)}`,
  );

test('GatewayD: the missing cookie value is inserted exactly', async () => {
  const result = await fix(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    plugins([COOKIE_KEY]),
    'gatewayd.magic-cookie',
  );
  assert.equal(result.text, plugins([COOKIE_KEY, COOKIE_VALUE]));
  gone(result.after, 'gatewayd.magic-cookie');
});

test('GatewayD: a wrong checksum is replaced with the SHA-256 of the binary', async () => {
  const binary = Buffer.from('\x7fELF the plugin, built a minute ago');
  const dir = makeTree({ cache: binary });
  const sha = createHash('sha256').update(binary).digest('hex');
  const result = await fix(
    path.join(dir, 'gatewayd_plugins.yaml'),
    plugins([COOKIE_KEY, COOKIE_VALUE]),
    'gatewayd.checksum-mismatch',
  );
  assert.equal(result.text, plugins([COOKIE_KEY, COOKIE_VALUE], sha));
  assert.equal(result.action.isPreferred, true);
  assert.equal(
    result.after.some((d) => String(d.code).startsWith('gatewayd.checksum')),
    false,
  );
});

test('an unknown enum value: the closest allowed one is preferred, every allowed one is offered', async () => {
  const result = await fix(
    path.join(makeTree({}), 'sync.yml'),
    `${DESTINATION}  write_mode: overwite\n`,
    'cloudquery.invalid-value',
  );
  assert.equal(result.text, `${DESTINATION}  write_mode: overwrite\n`);
  assert.deepEqual(
    result.actions.map((a) => [a.title, a.isPreferred]),
    [
      ['Change to "overwrite"', true],
      ['Change to "overwrite-delete-stale"', false],
      ['Change to "append"', false],
      ['Suppress cloudquery.invalid-value on this line', undefined],
    ],
  );
  assert.deepEqual(result.after, []);
});

test('JSON: a missing key is added after the last one, with its comma; each allowed value is offered', async () => {
  const text = '{\n  "version": "v1.0.0",\n  "executable": "main.py",\n  "sources": []\n}\n';
  const result = await fix(
    path.join(makeTree({ 'main.py': '' }), 'plug.json'),
    text,
    'ekuiper.missing-key',
    /language/,
  );
  assert.equal(
    result.text,
    '{\n  "version": "v1.0.0",\n  "executable": "main.py",\n  "sources": [],\n  "language": "go"\n}\n',
  );
  assert.deepEqual(
    result.actions.filter((a) => /language/.test(a.title)).map((a) => a.title),
    ['Add "language" with "go"', 'Add "language" with "python"'],
  );
  gone(result.after, 'ekuiper.missing-key');
});

test('a comment cannot follow a removed key into a flow mapping: no move is offered', async () => {
  const commented = `${DESTINATION}  batch_size: 1000 # tuned\n  spec: {connection_string: x}\n`;
  const uri = client.open(path.join(makeTree({}), 'pg.yml'), commented);
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'cloudquery.removed-key');
  assert.ok(diagnostic);
  assert.equal(
    (await actionsFor(uri, diagnostic)).some((a) => /^Move/.test(a.title)),
    false,
  );
});

test('an eKuiper portable source without its YAML: the fix creates sources/<name>.yaml with a default block', async () => {
  const dir = makeTree({ mirror: '#!/bin/sh\n', 'requirements.txt': '' });
  const file = path.join(dir, 'mirror.json');
  const text = JSON.stringify(
    { name: 'mirror', version: 'v1.0.0', language: 'python', executable: 'mirror', sources: ['random'] },
    null,
    2,
  );
  const uri = client.open(file, text);
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'ekuiper.missing-source-config');
  assert.ok(diagnostic, 'missing-source-config reported');
  const [action] = await actionsFor(uri, diagnostic);
  const target = uriOf(path.join(dir, 'sources', 'random.yaml'));
  assert.deepEqual(action.edit?.documentChanges?.[0], {
    kind: 'create',
    uri: target,
    options: { ignoreIfExists: true },
  });
  applyWorkspaceEdit(action.edit!);
  const created = fs.readFileSync(fileURLToPath(target), 'utf8');
  assert.match(created, /^default: \{\}$/m);
  client.change(uri, text);
  gone(await client.diagnostics(uri), 'ekuiper.missing-source-config');
  // The new file is a valid eKuiper source configuration.
  const createdUri = client.open(fileURLToPath(target), created);
  assert.deepEqual(
    (await client.diagnostics(createdUri)).filter((d) => d.severity === 1),
    [],
  );
});

test('no quick fixes for a system switched off in the settings', async () => {
  const local = new LspClient();
  try {
    local.settings = { gatewayd: { enable: false } };
    await local.initialize();
    const uri = local.open(path.join(makeTree({}), 'gatewayd_plugins.yaml'), plugins([COOKIE_KEY]));
    assert.deepEqual(await local.diagnostics(uri), []);
    const diagnostic: Diagnostic = {
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } },
      message: 'x',
      source: 'plugin-workbench',
      code: 'gatewayd.magic-cookie',
      data: { insert: COOKIE_VALUE },
    };
    const actions = await local.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.equal(actions, null);
  } finally {
    await local.stop();
  }
});

test("Suppress <code> on this line: the comment goes above at the line's indentation and the problem goes away", async () => {
  const dir = makeTree({});
  const text = 'plugins:\n  - name: cache\n    enabled: true\n    checksum: abc\n';
  const {
    text: fixed,
    after,
    actions,
  } = await fix(
    path.join(dir, 'gatewayd_plugins.yaml'),
    text,
    'gatewayd.checksum-format',
    /^Suppress gatewayd\.checksum-format on this line$/,
  );
  assert.equal(actions[actions.length - 1].title, 'Suppress gatewayd.checksum-format on this line', 'last in the menu');
  assert.match(fixed, /\n {4}# plugin-workbench-disable-next-line gatewayd\.checksum-format\n {4}checksum: abc\n/);
  assert.ok(!after.some((d) => d.code === 'gatewayd.checksum-format'), JSON.stringify(after));
});

test('no suppression quick fix in JSON (its hosts refuse comments)', async () => {
  const dir = makeTree({});
  const uri = client.open(
    path.join(dir, 'etc', 'sources', 'demo.json'),
    '{\n  "about": {"trial": "x"},\n  "properties": {}\n}\n',
  );
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'ekuiper.wrong-type');
  assert.ok(diagnostic);
  const actions = await actionsFor(uri, diagnostic);
  assert.ok(!actions.some((a) => /^Suppress/.test(a.title)), actions.map((a) => a.title).join(', '));
});
