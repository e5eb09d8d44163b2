import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DocumentLink, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const GATEWAYD =
  'defaultPolicy: passthrough\nplugins:\n  - name: cache\n    enabled: true\n    localPath: ./cache\n  - name: auth\n    enabled: false\n';

test('hover on a key shows the schema text, allowed values and a docs link; on a value, that value', async () => {
  const uri = client.open(path.join(makeTree({}), 'gatewayd_plugins.yaml'), GATEWAYD);
  await client.diagnostics(uri);
  const onKey = await client.request<Hover>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 3 },
  });
  const text = (onKey.contents as MarkupContent).value;
  assert.match(text, /\*\*defaultPolicy\*\*/);
  assert.match(text, /`passthrough`/);
  assert.match(text, /`terminate`/);
  assert.match(text, /\]\(https?:\/\//, 'a link to the host docs');
  const onValue = await client.request<Hover>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 18 },
  });
  assert.match((onValue.contents as MarkupContent).value, /defaultPolicy/);
  const nothing = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 10, character: 0 },
  });
  assert.equal(nothing, null);
});

test('outline: plugins by name, CloudQuery specs by kind and name, LogCraft services by id', async () => {
  const gw = client.open(path.join(makeTree({}), 'gatewayd_plugins.yaml'), GATEWAYD);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: gw } });
  const plugins = symbols.find((s) => s.name === 'plugins');
  assert.deepEqual(
    plugins?.children?.map((c) => c.name),
    ['cache', 'auth'],
  );
  const cq = client.open(
    path.join(makeTree({}), 'sync.yml'),
    'kind: source\nspec:\n  name: aws\n---\nkind: destination\nspec:\n  name: pg\n',
  );
  const specs = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: cq } });
  assert.deepEqual(
    specs.map((s) => s.name),
    ['source aws', 'destination pg'],
  );
  const lgc = client.open(
    path.join(makeTree({}), 'lgc.toml'),
    '[core]\nworkspace = "rules"\n\n[services.splunk-prod]\nplugin = "splunk"\n',
  );
  const services = (
    await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: lgc } })
  ).find((s) => s.name === 'services');
  assert.deepEqual(
    services?.children?.map((c) => c.name),
    ['splunk-prod'],
  );
});

test('go to definition: a destination name jumps to its spec in a sibling file', async () => {
  const dir = makeTree({
    'postgresql.yml':
      '# the destination\nkind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  version: v8.0.0\n',
  });
  const uri = client.open(
    path.join(dir, 'aws.yml'),
    'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [postgresql]\n',
  );
  await client.diagnostics(uri);
  const locations = await client.request<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: { line: 6, character: 20 },
  });
  assert.deepEqual(locations, [
    {
      uri: uriOf(path.join(dir, 'postgresql.yml')),
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } },
    },
  ]);
});

test('document links: localPath and ${file:...} point at existing files', async () => {
  const dir = makeTree({ cache: 'binary', 'creds.json': '{}' });
  const uri = client.open(path.join(dir, 'gatewayd_plugins.yaml'), GATEWAYD);
  const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
  assert.deepEqual(
    links.map((l) => [l.range.start.line, l.target]),
    [[4, uriOf(path.join(dir, 'cache'))]],
  );
  const cq = client.open(
    path.join(dir, 'sync.yml'),
    'kind: source\nspec:\n  name: x\n  spec:\n    credentials: ${file:./creds.json}\n',
  );
  const cqLinks = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: cq } });
  assert.deepEqual(
    cqLinks.map((l) => l.target),
    [uriOf(path.join(dir, 'creds.json'))],
  );
});
