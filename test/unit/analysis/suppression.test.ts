import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applySuppressions, directiveCodes } from '../../../server/src/analysis/suppression';
import { checkText, codesAtLines } from '../../helpers/engine';

const POLICY = 'defaultPolicy: bogus\nplugins: []\n';

test('a directive naming the code hides that problem on the next line only', async () => {
  const before = await checkText('gatewayd-plugins', POLICY);
  assert.deepEqual(codesAtLines(before.diagnostics), ['gatewayd.invalid-value@1']);
  const after = await checkText(
    'gatewayd-plugins',
    `# plugin-workbench-disable-next-line gatewayd.invalid-value\n${POLICY}`,
  );
  assert.deepEqual(codesAtLines(after.diagnostics), []);
  const twoBelow = await checkText(
    'gatewayd-plugins',
    `# plugin-workbench-disable-next-line gatewayd.invalid-value\n\n${POLICY}`,
  );
  assert.deepEqual(codesAtLines(twoBelow.diagnostics), ['gatewayd.invalid-value@3'], 'only the very next line');
});

test('another code, a list of codes, and no code at all', async () => {
  const other = await checkText(
    'gatewayd-plugins',
    `# plugin-workbench-disable-next-line gatewayd.checksum-format\n${POLICY}`,
  );
  assert.deepEqual(codesAtLines(other.diagnostics), ['gatewayd.invalid-value@2']);
  const list = await checkText(
    'gatewayd-plugins',
    `  # plugin-workbench-disable-next-line gatewayd.checksum-format, gatewayd.invalid-value\n${POLICY}`,
  );
  assert.deepEqual(codesAtLines(list.diagnostics), []);
  const all = await checkText('gatewayd-plugins', `# plugin-workbench-disable-next-line\n${POLICY}`);
  assert.deepEqual(codesAtLines(all.diagnostics), []);
});

test('TOML comments suppress too', async () => {
  const text = '[core]\nworkspace = "rules"\n\n[state]\n# plugin-workbench-disable-next-line\ntype = "s3"\n';
  const before = await checkText(
    'logcraft-config',
    text.replace('# plugin-workbench-disable-next-line\n', ''),
    '/nowhere/lgc.toml',
  );
  assert.ok(
    before.diagnostics.some((d) => d.line === 5 && d.severity === 'error'),
    JSON.stringify(before.diagnostics),
  );
  const after = await checkText('logcraft-config', text, '/nowhere/lgc.toml');
  assert.ok(!after.diagnostics.some((d) => d.line === 6 && d.severity === 'error'), JSON.stringify(after.diagnostics));
});

test('directive lines: only whole-line comments, with # or //', () => {
  assert.deepEqual(directiveCodes('# plugin-workbench-disable-next-line a.b,c.d'), ['a.b', 'c.d']);
  assert.deepEqual(directiveCodes('  // plugin-workbench-disable-next-line'), []);
  assert.equal(directiveCodes('key: 1 # plugin-workbench-disable-next-line a.b'), undefined);
  assert.equal(directiveCodes('# plugin-workbench-disable-next-line-x'), undefined);
  const text = 'a\n# plugin-workbench-disable-next-line x.y\nb\n';
  const kept = applySuppressions(text, [
    { start: 0, end: 1, severity: 'error', code: 'x.y', message: '' },
    { start: text.lastIndexOf('b'), end: text.lastIndexOf('b') + 1, severity: 'error', code: 'x.y', message: '' },
  ]);
  assert.deepEqual(
    kept.map((d) => d.start),
    [0],
  );
});
