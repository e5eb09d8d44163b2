import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

// Inside a CloudQuery spec's own `spec:`, completion and hover come from the schema the plugin
// developed in this folder publishes (the same one its diagnostics use).

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const SCHEMA = {
  type: 'object',
  properties: {
    base_url: { type: 'string', description: 'Where the books API lives.' },
    page_size: { type: 'integer', default: 100, description: 'Books per request.' },
    format: { type: 'string', enum: ['json', 'xml'] },
  },
};

function project() {
  const dir = makeTree({
    'go.mod': 'module github.com/acme/cq-source-books\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.70.0\n',
    'client/spec.go': 'package client\n\nimport _ "embed"\n\n//go:embed schema.json\nvar JSONSchema string\n',
    'client/schema.json': JSON.stringify(SCHEMA),
  });
  fs.mkdirSync(path.join(dir, 'test'));
  return path.join(dir, 'test', 'config.yml');
}

const spec = (inner: string) =>
  `kind: source\nspec:\n  name: books\n  registry: grpc\n  path: localhost:7777\n  tables: ["*"]\n  destinations: [pg]\n  spec:\n${inner}`;

async function at(file: string, marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const uri = client.open(file, text);
  await client.diagnostics(uri);
  const lines = text.slice(0, offset).split('\n');
  return { uri, position: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

test("completion inside spec: offers the plugin's own keys, and its enum values", async () => {
  const file = project();
  const keys = await at(file, spec('    base_url: https://books\n    |\n'));
  const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: keys.uri },
    position: keys.position,
  });
  const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
  assert.ok(labels.includes('page_size') && labels.includes('format'), labels.join(', '));
  assert.ok(!labels.includes('base_url') && !labels.includes('tables'), labels.join(', '));
});

test("hover on a key inside spec: shows the plugin schema's description", async () => {
  const file = project();
  const where = await at(file, spec('    page_s|ize: 10\n'));
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri: where.uri },
    position: where.position,
  });
  assert.match(JSON.stringify(hover?.contents), /Books per request/);
});

test('without a plugin project, spec: offers nothing of it', async () => {
  const file = path.join(makeTree({}), 'config.yml');
  const keys = await at(file, spec('    |\n'));
  const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: keys.uri },
    position: keys.position,
  });
  const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
  assert.ok(!labels.includes('page_size'), labels.join(', '));
});
