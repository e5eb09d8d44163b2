import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';

// Issue #12 item 14: when validation itself throws, the document gets one diagnostic saying so
// instead of keeping the diagnostics of an older version. The way to make it throw from outside:
// an association glob longer than minimatch accepts (it throws "pattern is too long").

test(
  '#14 a validation failure is published as one workbench.internal-error diagnostic',
  { timeout: 120_000 },
  async () => {
    const root = makeTree({});
    const client = new LspClient();
    await client.initialize({ rootPath: root });
    try {
      const uri = client.open(path.join(root, 'gatewayd_plugins.yaml'), 'plugins:\n  - name: a\n    bogus: 1\n');
      const before = await client.diagnostics(uri);
      assert.ok(
        before.some((d) => d.code === 'gatewayd.unknown-key'),
        JSON.stringify(before),
      );
      client.settings = { associations: { ['*'.repeat(70_000)]: 'gatewayd-plugins' } };
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      client.change(uri, 'plugins:\n  - name: a\n    bogus: 2\n');
      const after = await client.diagnostics(uri, 30_000);
      assert.deepEqual(
        after.map((d) => [d.code, d.severity, d.source]),
        [['workbench.internal-error', 1, 'plugin-workbench']],
      );
      assert.match(after[0].message, /could not check this file: .*pattern is too long/);
    } finally {
      await client.stop();
    }
  },
);
