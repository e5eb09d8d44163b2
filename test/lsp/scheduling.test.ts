import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

// Scheduling over the real server (issue #12 item 13, issue #13): cancelled requests, superseded
// analyses, features that answer from the latest parse. Orders of messages, not timings.

const REQUEST_CANCELLED = -32800;

/** A gatewayd_plugins.yaml of `count` entries (a few hundred lines: its analysis takes a while). */
function manifest(count: number, policy = 'passthru'): string {
  const lines = [`defaultPolicy: ${policy}`, 'plugins:'];
  for (let i = 0; i < count; i++)
    lines.push(
      `  - name: plugin-${i}`,
      '    enabled: true',
      `    localPath: ./plugins/plugin-${i}`,
      '    env:',
      '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
      '      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872',
      `    checksum: ${'ab'.repeat(32)}`,
    );
  return lines.join('\n') + '\n';
}

let client: LspClient;
let root: string;

before(async () => {
  root = makeTree({});
  client = new LspClient();
  await client.initialize({ rootPath: root });
});
after(() => client.stop());

test('a request cancelled right after it was sent is answered with RequestCancelled, not with a result', async () => {
  const uri = client.open(path.join(root, 'cancel', 'gatewayd_plugins.yaml'), manifest(300));
  await client.diagnostics(uri);
  const outcomes: string[] = [];
  for (let i = 0; i < 10; i++) {
    // The server is busy with an edit's analysis when the request and its cancellation arrive.
    client.change(uri, manifest(300, i % 2 ? 'passthru' : 'passthrough'));
    const source = new CancellationTokenSource();
    const answer = client.connection.sendRequest(
      'textDocument/completion',
      { textDocument: { uri }, position: { line: 3, character: 4 } },
      source.token,
    );
    source.cancel();
    outcomes.push(
      await answer.then(
        () => 'answered',
        (error: unknown) =>
          error instanceof ResponseError && error.code === REQUEST_CANCELLED ? 'cancelled' : `${error}`,
      ),
    );
  }
  assert.deepEqual(
    outcomes.filter((o) => o !== 'answered' && o !== 'cancelled'),
    [],
  );
  assert.ok(outcomes.includes('cancelled'), outcomes.join(', '));
  // Cancelling a request cancels nothing else: the last version is still validated.
  assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'gatewayd.invalid-value'));
});

test('a new edit supersedes the analysis in flight: nothing is published for the older version', async () => {
  const uri = client.open(path.join(root, 'supersede', 'gatewayd_plugins.yaml'), manifest(300));
  await client.diagnostics(uri);
  const published: number[] = [];
  const listener = (params: { uri: string; version?: number }) => {
    if (params.uri === uri && params.version !== undefined) published.push(params.version);
  };
  client.onPublish.push(listener);
  const first = client.version(uri)!;
  for (let i = 0; i < 5; i++) client.change(uri, manifest(300 + i, 'passthrough'));
  const diagnostics = await client.diagnostics(uri);
  client.onPublish.splice(client.onPublish.indexOf(listener), 1);
  assert.deepEqual(published, [first + 5]);
  assert.ok(!diagnostics.some((d) => d.code === 'gatewayd.invalid-value'));
});

test('completion right after an edit answers before that edit is validated, from the new text', async () => {
  // 3,000 entries: the analysis of an edit that moves all of them takes several milliseconds, far
  // longer than the completion request takes to arrive after it (with 300, an analysis grown fast
  // enough sometimes finished first: the order then says nothing about waiting).
  const file = path.join(root, 'typing', 'gatewayd_plugins.yaml');
  const uri = client.open(file, manifest(3000));
  await client.diagnostics(uri);
  const events: string[] = [];
  const listener = (params: { uri: string; version?: number }) => {
    if (params.uri === uri) events.push(`diagnostics v${params.version}`);
  };
  client.onPublish.push(listener);
  // A new entry at the top, with the cursor inside it: completion must see the edited text.
  const text = manifest(3000).replace('plugins:\n', 'plugins:\n  - name: typed\n    \n');
  client.change(uri, text);
  const version = client.version(uri)!;
  const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 3, character: 4 },
  });
  events.push('completion');
  await client.diagnostics(uri);
  client.onPublish.splice(client.onPublish.indexOf(listener), 1);
  assert.deepEqual(events, ['completion', `diagnostics v${version}`]);
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  assert.ok(
    items.some((item) => item.label === 'localPath'),
    items.map((item) => item.label).join(', '),
  );
});
