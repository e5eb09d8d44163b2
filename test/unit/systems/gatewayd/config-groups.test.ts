import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';

const CONFIG = (withTestLogger: boolean, proxyBlock = 'writes') =>
  [
    'loggers:',
    '  default:',
    '    level: info',
    ...(withTestLogger ? ['  test:', '    level: info'] : []),
    'clients:',
    '  default:',
    '    writes:',
    '      address: localhost:5432',
    '  test:',
    '    writes:',
    '      address: localhost:5433',
    'proxies:',
    '  default:',
    `    ${proxyBlock}:`,
    '      healthCheckPeriod: 60s',
    'servers:',
    '  default:',
    '    address: 0.0.0.0:15432',
    '  test:',
    '    address: 0.0.0.0:15433',
    '',
  ].join('\n');

test('a configuration group without a logger is an error on the group key', async () => {
  const file = path.join(makeTree({}), 'gatewayd.yaml');
  const broken = await checkText('gatewayd-config', CONFIG(false), file);
  assert.deepEqual(
    codesAtLines(broken.diagnostics).filter((c) => c.includes('group')),
    ['gatewayd.logger-group@18', 'gatewayd.logger-group@8'],
  );
  const mended = await checkText('gatewayd-config', CONFIG(true), file);
  assert.equal(
    mended.diagnostics.some((d) => d.code === 'gatewayd.logger-group'),
    false,
  );
});

test('a proxy block without a matching client block is an error on the block', async () => {
  const file = path.join(makeTree({}), 'gatewayd.yaml');
  const broken = await checkText('gatewayd-config', CONFIG(true, 'reads'), file);
  assert.deepEqual(
    codesAtLines(broken.diagnostics).filter((c) => c.includes('reference')),
    ['gatewayd.group-reference@15'],
  );
});
