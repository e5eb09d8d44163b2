import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { Workbench } from '../../helpers/features';
import { makeTree, REPO_ROOT } from '../../helpers/engine';

// In-process: the hover function over the real engine (test/lsp/hover-symbols-definition.test.ts is the LSP smoke test).
const workbench = new Workbench();

const schema = (kind: string) =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', `${kind}.schema.json`), 'utf8'));

/** The hover text at the `|` in `text` (null when there is none). */
async function hoverAt(file: string, textWithCursor: string): Promise<string | null> {
  const hover = await workbench.hoverAt(file, textWithCursor);
  return hover ? (hover.contents as MarkupContent).value : null;
}

test('YAML key: markdownDescription, type, docs link; values and default the description names are not repeated', async () => {
  const text = await hoverAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'default|Policy: passthrough\nplugins: []\n',
  );
  const property = schema('gatewayd-plugins').properties.defaultPolicy;
  assert.ok(text?.includes(property.markdownDescription), text ?? 'no hover');
  assert.match(text!, /Type: `string`/);
  assert.doesNotMatch(text!, /Allowed values:/);
  assert.doesNotMatch(text!, /Default: `"passthrough"`/);
  // On the value, its own description leads.
  const value = await hoverAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'defaultPolicy: term|inate\nplugins: []\n',
  );
  assert.match(value!, /`terminate`: Apply the built-in `terminate` policy/);
  assert.ok(text!.includes(`](${schema('gatewayd-plugins')['x-docs']})`), 'the schema root x-docs link');
});

test('YAML value: an enum value leads with its own description; conditions pick the destination spec', async () => {
  const text = await hoverAt(
    path.join(makeTree({}), 'sync.yml'),
    'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n  write_mode: app|end\n',
  );
  const lines = text?.split('\n\n') ?? [];
  assert.equal(lines[0], '**write_mode**');
  assert.equal(lines[1], '`append`: Insert every row; nothing is updated or deleted.');
  assert.ok(text!.includes(schema('cloudquery-spec').$defs.destination.properties.write_mode.markdownDescription));
});

test('YAML: a key in a document that does not parse still gets its hover', async () => {
  const text = await hoverAt(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'plugins:\n  - name: cache\n    local|Path: ./cache\n    env: [unclosed\n',
  );
  assert.match(text ?? '', /\*\*localPath\*\*/);
});

test('JSON key and TOML key: the schema text of the property', async () => {
  const json = await hoverAt(
    path.join(makeTree({}), 'etc', 'sources', 'random.json'),
    '{\n  "about": {"tri|al": false},\n  "properties": {}\n}\n',
  );
  assert.ok(
    json?.includes(schema('ekuiper-source-meta').$defs.about.properties.trial.markdownDescription),
    json ?? 'no hover',
  );
  assert.match(json!, /Type: `boolean`/);
  const toml = await hoverAt(
    path.join(makeTree({}), 'lgc.toml'),
    '[core]\nworkspace = "rules"\n\n[state]\nty|pe = "local"\n',
  );
  assert.ok(
    toml?.includes(schema('logcraft-config').properties.state.properties.type.markdownDescription),
    toml ?? 'no hover',
  );
  assert.match(toml!, /- `local`/);
  assert.match(toml!, /- `http`/);
});

test('no hover outside keys and values, nor in a file that is not a manifest', async () => {
  assert.equal(
    await hoverAt(path.join(makeTree({}), 'gatewayd_plugins.yaml'), 'defaultPolicy: passthrough\n\n|\n'),
    null,
  );
  assert.equal(await hoverAt(path.join(makeTree({}), 'notes.yaml'), 'ti|tle: my notes\n'), null);
});
