import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { applyEdits, editsFor } from '../helpers/apply-edits';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

const SOURCE =
  'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [postgresql]\n  backend_options:\n    table_name: cq_state\n    connection: "@@plugins.postgresql.connection"\n';
const DESTINATION = 'kind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  version: v8.0.0\n';
const OTHER_SOURCE =
  'kind: source\nspec:\n  name: gcp\n  path: cloudquery/gcp\n  version: v1.0.0\n  tables: ["*"]\n  destinations:\n    - postgresql\n';

function folder() {
  const dir = makeTree({
    'aws.yml': SOURCE,
    'postgresql.yml': DESTINATION,
    'gcp.yaml': OTHER_SOURCE,
    'notes.yml': 'destinations: [postgresql]\n',
  });
  return { dir, aws: path.join(dir, 'aws.yml'), pg: path.join(dir, 'postgresql.yml'), gcp: path.join(dir, 'gcp.yaml') };
}

test('rename of a CloudQuery destination from its spec edits every spec file of the folder that names it', async () => {
  const { aws, pg, gcp, dir } = folder();
  const uri = client.open(pg, DESTINATION);
  await client.diagnostics(uri);
  const position = { line: 2, character: 10 };
  const prepared = await client.request<{ range: unknown; placeholder: string } | null>('textDocument/prepareRename', {
    textDocument: { uri },
    position,
  });
  assert.equal(prepared?.placeholder, 'postgresql');
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri },
    position,
    newName: 'warehouse',
  });
  // Only the name: the plugin's path (cloudquery/postgresql) is no reference.
  assert.equal(
    applyEdits(DESTINATION, editsFor(edit, uri)),
    DESTINATION.replace('name: postgresql', 'name: warehouse'),
  );
  const awsAfter = applyEdits(SOURCE, editsFor(edit, uriOf(aws)));
  assert.match(awsAfter, /destinations: \[warehouse\]/);
  assert.match(awsAfter, /connection: "@@plugins\.warehouse\.connection"/);
  assert.match(applyEdits(OTHER_SOURCE, editsFor(edit, uriOf(gcp))), /- warehouse\n/);
  assert.deepEqual(editsFor(edit, uriOf(path.join(dir, 'notes.yml'))), [], 'a file that is not a spec is left alone');
});

test('rename from a use in a source gives the same edit; a name that YAML would change is refused', async () => {
  const { aws, pg } = folder();
  const uri = client.open(aws, SOURCE);
  await client.diagnostics(uri);
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri },
    position: { line: 6, character: 20 },
    newName: 'warehouse',
  });
  assert.match(applyEdits(fs.readFileSync(pg, 'utf8'), editsFor(edit, uriOf(pg))), /name: warehouse/);
  await assert.rejects(
    client.request('textDocument/rename', {
      textDocument: { uri },
      position: { line: 6, character: 20 },
      newName: 'a: b',
    }),
    /cannot be a destination name/,
  );
  const none = await client.request('textDocument/prepareRename', {
    textDocument: { uri },
    position: { line: 3, character: 12 },
  });
  assert.equal(none, null, 'the plugin path is not a name');
});

test('find references: both sources (three places), with or without the declaration', async () => {
  const { aws, pg, gcp } = folder();
  const uri = client.open(pg, DESTINATION);
  await client.diagnostics(uri);
  const refs = await client.request<Location[]>('textDocument/references', {
    textDocument: { uri },
    position: { line: 2, character: 10 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(refs.map((r) => `${path.basename(new URL(r.uri).pathname)}:${r.range.start.line}`).sort(), [
    'aws.yml:6',
    'aws.yml:9',
    'gcp.yaml:7',
  ]);
  const withDeclaration = await client.request<Location[]>('textDocument/references', {
    textDocument: { uri },
    position: { line: 2, character: 10 },
    context: { includeDeclaration: true },
  });
  assert.equal(withDeclaration.length, 4);
  assert.ok(
    withDeclaration.some((r) => r.uri === uriOf(pg)) && refs.every((r) => r.uri === uriOf(aws) || r.uri === uriOf(gcp)),
  );
});

test('the references code lens over a destination says "used by 2 sources" and runs the client\'s peek command', async () => {
  const { pg } = folder();
  const uri = client.open(pg, DESTINATION);
  await client.diagnostics(uri);
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const lens = lenses.find((l) => l.range.start.line === 2);
  assert.equal(lens?.command?.title, 'used by 2 sources');
  assert.equal(lens?.command?.command, 'pluginWorkbench.showReferences');
  assert.equal((lens?.command?.arguments?.[2] as Location[]).length, 3);
});
