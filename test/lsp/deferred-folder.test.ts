import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { runCli } from '../helpers/cli';

// Issue #13: beside many sibling specs, an open's first diagnostics do not wait for the folder to
// be read. They leave out only the verdicts that need the folder (never a false "unknown
// destination"), and the folder's verdicts follow in a second publication, the same as the CLI's.

function destination(name: string): string {
  return [
    'kind: destination',
    'spec:',
    `  name: ${name}`,
    '  path: cloudquery/postgresql',
    '  registry: cloudquery',
    '  version: v8.0.0',
    '  spec:',
    '    connection_string: ${PG_CONNECTION_STRING}',
  ].join('\n');
}

/** A sibling file of `sections` destination specs (about 170 bytes each). */
function sibling(prefix: string, sections: number): string {
  return Array.from({ length: sections }, (_, i) => destination(`${prefix}-${i}`)).join('\n---\n') + '\n';
}

const SPEC = [
  'kind: source',
  'spec:',
  '  name: main',
  '  path: cloudquery/xkcd',
  '  registry: cloudquery',
  '  version: v1.0.0',
  '  tables: ["*"]',
  '  destinations: [far-3-7, nowhere]',
  '',
].join('\n');

let client: LspClient;
let root: string;
const publishes = new Map<string, PublishDiagnosticsParams[]>();

before(async () => {
  const tree: Record<string, string> = { 'small/spec.yml': SPEC, 'small/far.yml': sibling('far-3', 10) };
  // 12 files of 40 specs: about 80 KB of siblings, more than is read before an open's diagnostics.
  tree['big/spec.yml'] = SPEC;
  for (let f = 0; f < 12; f++) tree[`big/sibling-${f}.yml`] = sibling(`far-${f}`, 40);
  root = makeTree(tree);
  client = new LspClient();
  client.onPublish.push((params) => publishes.set(params.uri, [...(publishes.get(params.uri) ?? []), params]));
  await client.initialize({ rootPath: root });
});
after(() => client.stop());

const unknown = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code === 'cloudquery.unknown-destination').map((d) => d.message);

async function publications(uri: string, count: number): Promise<PublishDiagnosticsParams[]> {
  const deadline = Date.now() + 20_000;
  while ((publishes.get(uri)?.length ?? 0) < count && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  return publishes.get(uri) ?? [];
}

function cliUnknown(file: string): string[] {
  const result = runCli(['check', '--format', 'json', file]);
  const report = JSON.parse(result.stdout) as {
    files: Array<{ diagnostics: Array<{ code: string; message: string }> }>;
  };
  return report.files[0].diagnostics.filter((d) => d.code === 'cloudquery.unknown-destination').map((d) => d.message);
}

test('beside 80 KB of sibling specs: first diagnostics without the folder, then the folder verdicts', async () => {
  const file = path.join(root, 'big', 'spec.yml');
  const uri = client.open(file, SPEC);
  const [first, second] = await publications(uri, 2);
  assert.ok(second, 'a second publication with the folder read');
  assert.equal(first.version, 1);
  assert.equal(second.version, 1);
  // No false alarm before the folder is read: nothing said about either destination.
  assert.deepEqual(unknown(first.diagnostics), []);
  const expected = cliUnknown(file);
  assert.equal(expected.length, 1, JSON.stringify(expected));
  assert.match(expected[0], /nowhere/);
  assert.deepEqual(unknown(second.diagnostics), expected);
  // Everything else was already there.
  const others = (d: Diagnostic[]) => d.filter((x) => x.code !== 'cloudquery.unknown-destination');
  assert.deepEqual(others(first.diagnostics), others(second.diagnostics));
});

test('beside a few sibling specs: the folder is read before the first diagnostics', async () => {
  const file = path.join(root, 'small', 'spec.yml');
  const uri = client.open(file, SPEC);
  const [first] = await publications(uri, 1);
  const expected = cliUnknown(file);
  assert.equal(expected.length, 1, JSON.stringify(expected));
  assert.deepEqual(unknown(first.diagnostics), expected);
});
