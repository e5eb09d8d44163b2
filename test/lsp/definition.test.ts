import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { positionOf, POSTGRES, SOURCE } from '../helpers/definition-specs';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.stop());

// LSP smoke test: settings sent by the client switch a system's features off (the rest of the
// definition tests run in-process: test/unit/features/definition.test.ts).

test('nothing when CloudQuery is switched off', async () => {
  const local = new LspClient();
  try {
    local.settings = { cloudquery: { enable: false } };
    await local.initialize();
    const dir = makeTree({ 'postgresql.yml': POSTGRES });
    const uri = local.open(path.join(dir, 'aws.yml'), SOURCE);
    const result = await local.request<Location[] | null>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(SOURCE, '- postgresql', 4),
    });
    assert.equal(result, null);
  } finally {
    await local.stop();
  }
});
