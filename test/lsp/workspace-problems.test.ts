import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceProblems } from '../../server/src/lsp/workspace-problems';
import { WorkbenchService } from '../../server/src/lsp/workbench-service';
import { makeTree } from '../helpers/engine';
import { LspClient, uriOf } from '../helpers/lsp-client';

// Workspace-wide problems (issue #16): manifests that are not open get their problems published.
const BROKEN_POLICY = 'defaultPolicy: nope\nplugins: []\n';

test('over LSP: unopened manifests get problems, unrelated files none; a change on disk is checked again', async () => {
  const root = makeTree({
    'gatewayd_plugins.yaml': BROKEN_POLICY,
    'specs/sync.yml': 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: 8.0.0\n',
    'docker-compose.yml': 'services:\n  db:\n    image: postgres\n',
  });
  const client = new LspClient();
  try {
    await client.initialize({ rootPath: root, initializationOptions: { workspaceProblems: true } });
    const plugins = uriOf(path.join(root, 'gatewayd_plugins.yaml'));
    const spec = uriOf(path.join(root, 'specs/sync.yml'));
    assert.ok((await client.diagnostics(plugins)).some((d) => d.code === 'gatewayd.invalid-value'));
    assert.ok((await client.diagnostics(spec)).some((d) => d.code === 'cloudquery.version-format'));
    assert.ok(!client.publishedUris.includes(uriOf(path.join(root, 'docker-compose.yml'))));

    // Fixed on disk (by another tool): the watcher's event clears its problems.
    fs.writeFileSync(path.join(root, 'gatewayd_plugins.yaml'), 'defaultPolicy: passthrough\nplugins: []\n');
    const next = client.nextDiagnostics(plugins);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: plugins, type: 2 }] });
    assert.deepEqual(await next, []);

    // Opened, edited into a mistake, closed unsaved: the problems come from the disk again (none).
    client.open(path.join(root, 'gatewayd_plugins.yaml'), BROKEN_POLICY);
    assert.ok((await client.diagnostics(plugins)).length > 0);
    const closed = client.nextDiagnostics(plugins);
    client.notify('textDocument/didClose', { textDocument: { uri: plugins } });
    assert.deepEqual(await closed, []);
  } finally {
    await client.stop();
  }
});

/** A stand-in for the client side of the connection: records what would be sent. */
function recordingConnection() {
  const sent: PublishDiagnosticsParams[] = [];
  const messages: string[] = [];
  const progress = { begin() {}, report() {}, done() {}, token: { isCancellationRequested: false } };
  const connection = {
    sendDiagnostics: async (params: PublishDiagnosticsParams) => void sent.push(params),
    window: {
      createWorkDoneProgress: async () => progress,
      showInformationMessage: (message: string) => void messages.push(message),
    },
  } as unknown as Connection;
  return { connection, sent, messages };
}

test('the scan is bounded: beyond its cap it stops and says so; open documents are left to their own diagnostics', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 5; i++) files[`p${i}/gatewayd_plugins.yaml`] = BROKEN_POLICY;
  const root = makeTree(files);
  const { connection, sent, messages } = recordingConnection();
  const open = pathToFileURL(path.join(root, 'p0/gatewayd_plugins.yaml')).href;
  const problems = new WorkspaceProblems(
    connection,
    new WorkbenchService(),
    (uri) => uri === open,
    () => ({ jsonSyntax: false }),
    3,
  );
  const result = await problems.scan([root]);
  assert.deepEqual(result, { files: 3, manifests: 2, capped: true });
  assert.deepEqual(
    sent.map((s) => path.relative(root, new URL(s.uri).pathname)),
    ['p1/gatewayd_plugins.yaml', 'p2/gatewayd_plugins.yaml'],
  );
  assert.match(messages.join('\n'), /checked the first 3 candidate files/);
});

test('a file opened while the scan checks it keeps its own analysis; the scan goes on', async () => {
  const root = makeTree({ 'a/gatewayd_plugins.yaml': BROKEN_POLICY, 'b/gatewayd_plugins.yaml': BROKEN_POLICY });
  const { connection, sent } = recordingConnection();
  const service = new WorkbenchService();
  const file = path.join(root, 'a/gatewayd_plugins.yaml');
  const uri = pathToFileURL(file).href;
  let isOpen = false;
  const problems = new WorkspaceProblems(
    connection,
    service,
    (u) => isOpen && u === uri,
    () => ({ jsonSyntax: false }),
  );
  // The scan's analysis of the disk text starts; the editor opens the file before it ends.
  const scanned = problems.changed([file, path.join(root, 'b/gatewayd_plugins.yaml')]);
  isOpen = true;
  const opened = service.analyze(TextDocument.create(uri, 'yaml', 1, BROKEN_POLICY));
  await scanned; // before the fix: rejected (the scan's analysis was cancelled) and b was never checked
  const analysis = await opened; // before the fix: cancelled by the scan's invalidate
  assert.ok(
    analysis.diagnostics.some((d) => d.code === 'gatewayd.invalid-value'),
    JSON.stringify(analysis.diagnostics),
  );
  assert.deepEqual(
    sent.map((s) => path.relative(root, new URL(s.uri).pathname)),
    ['b/gatewayd_plugins.yaml'],
  );
});
