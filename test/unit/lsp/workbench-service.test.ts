import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkbenchService } from '../../../server/src/lsp/workbench-service';
import { makeTree } from '../../helpers/engine';

const ENTRY = (checksum: string) =>
  [
    'plugins:',
    '  - name: cache',
    '    localPath: ./cache',
    `    checksum: ${checksum}`,
    '    env:',
    '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
    '      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872',
    '',
  ].join('\n');

test('a big binary does not hold up diagnostics: no verdict at first, the mismatch once it is hashed', async () => {
  const dir = makeTree({ cache: Buffer.alloc(2 * 1024 * 1024, 3) });
  const service = new WorkbenchService();
  let notified: () => void = () => undefined;
  const hashed = new Promise<void>((resolve) => (notified = resolve));
  service.onHashed = () => notified();
  const document = TextDocument.create(
    pathToFileURL(path.join(dir, 'gatewayd_plugins.yaml')).href,
    'yaml',
    1,
    ENTRY('ab'.repeat(32)),
  );
  const codes = async () =>
    (await service.analyze(document)).diagnostics.map((d) => d.code).filter((c) => c.startsWith('gatewayd.checksum'));
  assert.deepEqual(await codes(), []);
  await hashed;
  service.invalidate(document.uri);
  assert.deepEqual(await codes(), ['gatewayd.checksum-mismatch']);
});

test('a small binary is hashed at once: the first answer has the verdict', async () => {
  const dir = makeTree({ cache: Buffer.from('\x7fELF small plugin') });
  const service = new WorkbenchService();
  const document = TextDocument.create(
    pathToFileURL(path.join(dir, 'gatewayd_plugins.yaml')).href,
    'yaml',
    1,
    ENTRY('ab'.repeat(32)),
  );
  const analysis = await service.analyze(document);
  assert.deepEqual(
    analysis.diagnostics.map((d) => d.code).filter((c) => c.startsWith('gatewayd.checksum')),
    ['gatewayd.checksum-mismatch'],
  );
});
