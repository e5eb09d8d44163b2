import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Location, Position } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const POSTGRES = '# the destination\nkind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  version: v8.0.0\n  transformers: [basic]\n';
const SOURCE = [
  'kind: source',
  'spec:',
  '  name: aws',
  '  path: cloudquery/aws',
  '  version: v1.0.0',
  '  tables: ["*"]',
  '  destinations:',
  '    - postgresql',
  '    - "local-pg"',
  '  backend_options:',
  '    table_name: cq_state',
  '    connection: "@@plugins.postgresql.connection"',
  '---',
  'kind: destination',
  'spec:',
  '  name: local-pg',
  '  path: cloudquery/postgresql',
  '  version: v8.0.0',
  '',
].join('\n');

/** The position of the n-th occurrence of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 1, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + shift);
  return { line: before.split('\n').length - 1, character: index + shift - before.lastIndexOf('\n') - 1 };
}

async function definition(uri: string, position: Position): Promise<Location[] | null> {
  return client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position });
}

test('a destination name jumps to the name of its spec in a sibling file', async () => {
  const dir = makeTree({ 'postgresql.yml': POSTGRES, 'notes.yml': 'kind: something else\n' });
  const uri = client.open(path.join(dir, 'aws.yml'), SOURCE);
  await client.diagnostics(uri);
  const locations = await definition(uri, positionOf(SOURCE, '- postgresql', 4));
  assert.deepEqual(locations, [{ uri: uriOf(path.join(dir, 'postgresql.yml')), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } } }]);
});

test('a destination defined in another document of the same file, quoted or not', async () => {
  const dir = makeTree({ 'postgresql.yml': POSTGRES });
  const uri = client.open(path.join(dir, 'aws.yml'), SOURCE);
  const locations = await definition(uri, positionOf(SOURCE, '"local-pg"', 3));
  assert.deepEqual(locations, [{ uri, range: { start: { line: 15, character: 8 }, end: { line: 15, character: 16 } } }]);
});

test('@@plugins.<name>.connection jumps to that destination', async () => {
  const dir = makeTree({ 'postgresql.yml': POSTGRES });
  const uri = client.open(path.join(dir, 'aws.yml'), SOURCE);
  const locations = await definition(uri, positionOf(SOURCE, '@@plugins', 12));
  assert.deepEqual(locations?.map((l) => [l.uri, l.range.start.line]), [[uriOf(path.join(dir, 'postgresql.yml')), 3]]);
});

test('a transformer name jumps to its transformer spec', async () => {
  const dir = makeTree({ 'basic.yaml': 'kind: transformer\nspec:\n  name: basic\n  path: cloudquery/basic\n  version: v1.0.0\n' });
  const uri = client.open(path.join(dir, 'postgresql.yml'), POSTGRES);
  const locations = await definition(uri, positionOf(POSTGRES, '[basic]', 2));
  assert.deepEqual(locations, [{ uri: uriOf(path.join(dir, 'basic.yaml')), range: { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } } }]);
});

test('nothing for other values, unknown names, keys and other kinds', async () => {
  const dir = makeTree({});
  const uri = client.open(path.join(dir, 'aws.yml'), SOURCE);
  assert.equal(await definition(uri, positionOf(SOURCE, 'cloudquery/aws', 3)), null, 'path value');
  assert.equal(await definition(uri, positionOf(SOURCE, '- postgresql', 4)), null, 'no postgresql spec in this folder');
  assert.equal(await definition(uri, positionOf(SOURCE, 'destinations:', 2)), null, 'a key');
  const gw = client.open(path.join(dir, 'gatewayd_plugins.yaml'), 'plugins:\n  - name: cache\n    enabled: true\n');
  assert.equal(await definition(gw, { line: 1, character: 11 }), null);
});

test('nothing when CloudQuery is switched off', async () => {
  const local = new LspClient();
  try {
    local.settings = { cloudquery: { enable: false } };
    await local.initialize();
    const dir = makeTree({ 'postgresql.yml': POSTGRES });
    const uri = local.open(path.join(dir, 'aws.yml'), SOURCE);
    const result = await local.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(SOURCE, '- postgresql', 4) });
    assert.equal(result, null);
  } finally {
    await local.stop();
  }
});
