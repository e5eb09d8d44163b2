import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';
import { pluginsFile } from './fixtures';

test('a second plugin with the same name is an error on its name', async () => {
  const dir = makeTree({});
  const second = pluginsFile().split('\n').slice(1).join('\n');
  const { diagnostics } = await checkText(
    'gatewayd-plugins',
    pluginsFile() + '\n' + second,
    path.join(dir, 'gatewayd_plugins.yaml'),
  );
  assert.deepEqual(
    codesAtLines(diagnostics).filter((c) => c.includes('duplicate')),
    ['gatewayd.duplicate-plugin-name@12'],
  );
  const renamed = pluginsFile() + '\n' + second.replace('name: cache', 'name: cache-2');
  const mended = await checkText('gatewayd-plugins', renamed, path.join(dir, 'gatewayd_plugins.yaml'));
  assert.equal(
    mended.diagnostics.some((d) => d.code === 'gatewayd.duplicate-plugin-name'),
    false,
  );
});
