import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

async function linksOf(file: string, text: string, into = client): Promise<DocumentLink[] | null> {
  const uri = into.open(file, text);
  return into.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri } });
}

/** [line, first character, last character, target file relative to dir] per link. */
const shape = (links: DocumentLink[] | null, dir: string) =>
  (links ?? []).map((l) => [
    l.range.start.line,
    l.range.start.character,
    l.range.end.character,
    path.relative(dir, new URL(l.target!).pathname),
  ]);

test('GatewayD: localPath links to the binary when it exists, relative to the manifest', async () => {
  const dir = makeTree({ 'bin/cache': 'binary' });
  const text = 'plugins:\n  - name: cache\n    localPath: ./bin/cache\n  - name: auth\n    localPath: "./bin/auth"\n';
  assert.deepEqual(shape(await linksOf(path.join(dir, 'gatewayd_plugins.yaml'), text), dir), [
    [2, 15, 26, path.join('bin', 'cache')],
  ]);
});

test('eKuiper portable manifest: the executable and each source config', async () => {
  const dir = makeTree({ 'mirror/mirror.py': '', 'mirror/sources/random.yaml': 'default: {}\n' });
  const text =
    '{\n  "name": "mirror",\n  "version": "v1.0.0",\n  "language": "python",\n  "executable": "mirror.py",\n  "sources": ["random", "pyjson"]\n}\n';
  const links = await linksOf(path.join(dir, 'mirror', 'mirror.json'), text);
  // Quotes are not part of the link.
  assert.deepEqual(shape(links, dir), [
    [4, 17, 26, path.join('mirror', 'mirror.py')],
    [5, 15, 21, path.join('mirror', 'sources', 'random.yaml')],
  ]);
});

test("LogCraft: base_dir and each service plugin's .wasm under <base_dir>/plugins", async () => {
  const dir = makeTree({ 'lgc-home/plugins/splunk.wasm': 'wasm' });
  const text =
    '[core]\nworkspace = "rules"\nbase_dir = "lgc-home"\n\n[services.splunk-prod]\nplugin = "splunk"\n\n[services.sentinel]\nplugin = "sentinel"\n';
  assert.deepEqual(shape(await linksOf(path.join(dir, 'lgc.toml'), text), dir), [
    [2, 12, 20, 'lgc-home'],
    [5, 10, 16, path.join('lgc-home', 'plugins', 'splunk.wasm')],
  ]);
});

test('Anklet: a plugin type links to its folder in the checkout above the config', async () => {
  const dir = makeTree({
    'plugins/handlers/github/github.go': 'package github\n',
    'plugins/receivers/github/plugin.go': 'package github\n',
    'dev/.keep': '',
  });
  const text =
    '# plugin-workbench: kind=anklet-config\nplugins:\n  - name: RUNNER\n    plugin: github\n  - name: RECEIVER\n    plugin: github_receiver\n  - name: OTHER\n    plugin: gitlab\n';
  assert.deepEqual(shape(await linksOf(path.join(dir, 'dev', 'config.yml'), text), dir), [
    [3, 12, 18, path.join('plugins', 'handlers', 'github', 'github.go')],
    [5, 12, 27, path.join('plugins', 'receivers', 'github', 'plugin.go')],
  ]);
});

test("CloudQuery: ${file:PATH} placeholders and a local plugin's path", async () => {
  const dir = makeTree({ 'creds.json': '{}', 'bin/plugin': 'binary' });
  const text =
    'kind: source\nspec:\n  name: x\n  registry: local\n  path: bin/plugin\n  tables: ["*"]\n  destinations: [pg]\n  spec:\n    credentials: ${file:./creds.json}\n    missing: ${file:./nope.json}\n';
  assert.deepEqual(shape(await linksOf(path.join(dir, 'sync.yml'), text), dir), [
    [4, 8, 18, path.join('bin', 'plugin')],
    [8, 17, 37, 'creds.json'],
  ]);
  // A registry path (cloudquery/aws) is not a file.
  const remote = text.replace('registry: local', 'registry: cloudquery').replace('bin/plugin', 'cloudquery/aws');
  assert.deepEqual(
    shape(await linksOf(path.join(dir, 'other.yml'), remote), dir).map((l) => l[3]),
    ['creds.json'],
  );
});

test('no links for a disabled system', async () => {
  const local = new LspClient();
  try {
    local.settings = { gatewayd: { enable: false } };
    await local.initialize();
    const dir = makeTree({ cache: 'binary' });
    assert.equal(
      await linksOf(
        path.join(dir, 'gatewayd_plugins.yaml'),
        'plugins:\n  - name: cache\n    localPath: ./cache\n',
        local,
      ),
      null,
    );
  } finally {
    await local.stop();
  }
});
