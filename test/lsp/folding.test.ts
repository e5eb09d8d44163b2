import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FoldingRange, SelectionRange } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

let client: LspClient;
before(async () => {
  client = new LspClient();
  const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
  assert.ok(result.capabilities.foldingRangeProvider && result.capabilities.selectionRangeProvider);
});
after(() => client.stop());

const cases: Array<[string, string, number]> = [
  ['gatewayd_plugins.yaml', 'plugins:\n  - name: cache\n    enabled: true\n', 1],
  ['etc/sources/demo.json', '{\n  "about": {\n    "trial": true\n  }\n}\n', 2],
  ['lgc.toml', '[core]\nworkspace = "rules"\n\n[state]\ntype = "local"\n', 1],
];

for (const [name, text, line] of cases) {
  test(`${name}: folding ranges and a selection range chain answer over LSP`, async () => {
    const uri = client.open(path.join(makeTree({}), name), text);
    await client.diagnostics(uri);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length > 0 && folds.every((f) => f.endLine > f.startLine), JSON.stringify(folds));
    const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line, character: 6 }],
    });
    let depth = 0;
    for (let r: SelectionRange | undefined = selection; r; r = r.parent) depth++;
    assert.ok(depth >= 3, JSON.stringify(selection));
  });
}

test('a file that is not a manifest gets no folding from us', async () => {
  const uri = client.open(path.join(makeTree({}), 'docker-compose.yml'), 'services:\n  web:\n    image: x\n');
  const folds = await client.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri } });
  assert.equal(folds, null);
});
