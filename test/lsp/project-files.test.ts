import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

// Project files over LSP: a go.mod and a Rust plugin source get diagnostics like manifests, and
// pluginWorkbench.ekuiper.targetVersion chooses the eKuiper release the go.mod is checked against;
// hover and completion in go.mod come from the same target.

const GO_MOD = 'module github.com/acme/random\n\ngo 1.23.4\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n';

let client: LspClient;
let root: string;

before(async () => {
  root = makeTree({ 'Cargo.toml': '[package]\nname = "x"\n' });
  client = new LspClient();
  await client.initialize({ rootPath: root });
});
after(() => client.stop());

test('go.mod: diagnostics for the default target, none once the setting names the release it matches', async () => {
  const uri = client.open(path.join(root, 'go.mod'), GO_MOD, 'go.mod');
  const first = await client.diagnostics(uri);
  const go = first.find((d) => d.code === 'ekuiper.go-version');
  assert.ok(go, JSON.stringify(first));
  assert.deepEqual(go.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 9 } });
  client.settings = { ekuiper: { targetVersion: 'v2.1.5' } };
  client.notify('workspace/didChangeConfiguration', { settings: { pluginWorkbench: client.settings } });
  client.change(uri, GO_MOD + '\n');
  assert.deepEqual(
    (await client.diagnostics(uri)).filter((d) => String(d.code).startsWith('ekuiper.')),
    [],
  );
});

test('Rust plugin source: the load() name is checked where the editor shows it', async () => {
  const text =
    'use exports::logcraft::lgc::plugin::{Guest, Metadata};\nimpl Guest for Plugin {\n    fn load() -> Metadata {\n        Metadata { name: "My_Plugin".to_string(), version: "1".into() }\n    }\n}\n';
  const uri = client.open(path.join(root, 'src', 'lib.rs'), text, 'rust');
  const found = (await client.diagnostics(uri)).find((d) => d.code === 'logcraft.plugin-name');
  assert.ok(found);
  assert.deepEqual(found.range, { start: { line: 3, character: 26 }, end: { line: 3, character: 35 } });
});

test('go.mod over LSP: hover on the contract requirement and completion after `go ` follow the target', async () => {
  const file = path.join(makeTree({}), 'go.mod');
  const text = 'module github.com/acme/random\n\ngo \n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n';
  const uri = client.open(file, text, 'go.mod');
  client.settings = { ekuiper: { targetVersion: 'v2.3.1' } };
  client.notify('workspace/didChangeConfiguration', { settings: { pluginWorkbench: client.settings } });
  client.change(uri, text);
  await client.diagnostics(uri);
  const textDocument = { uri };
  const hover = await client.request<Hover>('textDocument/hover', {
    textDocument,
    position: { line: 4, character: 50 },
  });
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /Target: eKuiper \*\*v2\.3\.1\*\* \(chosen by `pluginWorkbench\.ekuiper\.targetVersion`\)/);
  assert.match(value, /does \*\*not\*\* match: it says `v2\.0\.0`, the target needs `v2\.3\.1`/);
  assert.deepEqual(hover.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 53 } });
  const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', {
    textDocument,
    position: { line: 2, character: 3 },
  });
  const items = Array.isArray(completion) ? completion : completion.items;
  const labels = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
  assert.deepEqual(labels, ['1.24.1', '1.25.4', '1.24.5', '1.23.4', '1.23.1']);
  assert.equal(items.find((i) => i.label === '1.24.1')!.detail, 'target · eKuiper v2.3.0–v2.3.1, v2.2.0');
  // Not in the module line.
  const none = await client.request<Hover | null>('textDocument/hover', {
    textDocument,
    position: { line: 0, character: 2 },
  });
  assert.equal(none, null);
});

test('CloudQuery .gitignore: the binary not ignored is shown in the editor and goes with an unsaved edit', async () => {
  const plugin = makeTree({
    'go.mod': 'module github.com/acme/cq-source-shop\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n',
    'main.go': 'package main\n\nfunc main() { serve.Plugin(nil) }\n',
    '.gitignore': 'dist\n',
  });
  const uri = client.open(path.join(plugin, '.gitignore'), 'dist\n', 'ignore');
  const found = (await client.diagnostics(uri)).find((d) => d.code === 'cloudquery.gitignore-binary');
  assert.ok(found);
  assert.deepEqual(found.range.start, { line: 1, character: 0 });
  client.change(uri, 'dist\ncq-source-shop\n');
  assert.deepEqual(
    (await client.diagnostics(uri)).filter((d) => d.code === 'cloudquery.gitignore-binary'),
    [],
  );
});
