import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

// Project files over LSP: a go.mod and a Rust plugin source get diagnostics like manifests, and
// pluginWorkbench.ekuiper.targetVersion chooses the eKuiper release the go.mod is checked against.

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
