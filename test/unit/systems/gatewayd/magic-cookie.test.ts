import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';
import { COOKIE_KEY, COOKIE_VALUE, pluginsFile } from './fixtures';

test('a missing cookie line is reported on env with the exact line to insert', async () => {
  const dir = makeTree({});
  const { diagnostics } = await checkText(
    'gatewayd-plugins',
    pluginsFile({ env: [COOKIE_KEY, 'LOG_LEVEL=info'] }),
    path.join(dir, 'gatewayd_plugins.yaml'),
  );
  const cookie = diagnostics.filter((d) => d.code === 'gatewayd.magic-cookie');
  assert.deepEqual(
    cookie.map((d) => d.line),
    [7],
  );
  assert.match(cookie[0].message, /MAGIC_COOKIE_VALUE=5712b87a/);
});

test('a wrong cookie value is reported on its own line; the mended file is clean', async () => {
  const dir = makeTree({});
  const file = path.join(dir, 'gatewayd_plugins.yaml');
  const broken = await checkText(
    'gatewayd-plugins',
    pluginsFile({ env: [COOKIE_KEY, COOKIE_VALUE.slice(0, -1) + '0'] }),
    file,
  );
  assert.deepEqual(
    codesAtLines(broken.diagnostics).filter((c) => c.startsWith('gatewayd.magic')),
    ['gatewayd.magic-cookie@9'],
  );
  const mended = await checkText('gatewayd-plugins', pluginsFile(), file);
  assert.equal(
    mended.diagnostics.some((d) => d.code === 'gatewayd.magic-cookie'),
    false,
  );
});

test('the last of duplicate lines is what the plugin sees', async () => {
  const dir = makeTree({});
  const { diagnostics } = await checkText(
    'gatewayd-plugins',
    pluginsFile({ env: [COOKIE_KEY, COOKIE_VALUE, 'MAGIC_COOKIE_KEY=OTHER'] }),
    path.join(dir, 'gatewayd_plugins.yaml'),
  );
  assert.deepEqual(
    codesAtLines(diagnostics).filter((c) => c.startsWith('gatewayd.magic')),
    ['gatewayd.magic-cookie@10'],
  );
});
