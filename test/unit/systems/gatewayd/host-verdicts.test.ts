import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkText } from '../../../helpers/engine';
import { COOKIE_KEY, COOKIE_VALUE, pluginsFile } from './fixtures';

// What `gatewayd plugin lint` (cmd/configs.go lintConfig: the raw yaml.v3 map against the schema
// reflected from config.PluginConfig, then koanf's Unmarshal with time.ParseDuration) refuses is an
// error; formats only `gatewayd plugin install` or plugin start-up care about are warnings
// (docs/hosts/gatewayd.md).

const check = async (text: string) =>
  (await checkText('gatewayd-plugins', text, 'gatewayd_plugins.yaml')).diagnostics.filter((d) =>
    d.code.startsWith('gatewayd.'),
  );
const errorsOf = (ds: Awaited<ReturnType<typeof check>>) =>
  ds.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.line}`);
const one = (ds: Awaited<ReturnType<typeof check>>, code: string) => {
  const found = ds.filter((d) => d.code === code);
  assert.equal(found.length, 1, `${code} once: ${JSON.stringify(ds.map((d) => `${d.code}@${d.line}`))}`);
  return found[0];
};

test('url: yes, checksum: yes and an env item "- yes" load (lint checks only that they are strings): warnings', async () => {
  const url = await check(pluginsFile().replace(/url: .*/, 'url: yes'));
  assert.deepEqual(errorsOf(url), []);
  assert.equal(one(url, 'gatewayd.url-format').severity, 'warning');
  const checksum = await check(pluginsFile({ checksum: 'yes' }));
  assert.deepEqual(errorsOf(checksum), []);
  const format = one(checksum, 'gatewayd.checksum-format');
  assert.equal(format.severity, 'warning');
  assert.match(format.message, /Failed to decode checksum/);
  const env = await check(pluginsFile({ env: ['yes', COOKIE_KEY, COOKIE_VALUE] }));
  assert.deepEqual(errorsOf(env), []);
  assert.equal(one(env, 'gatewayd.invalid-format').severity, 'warning');
});

test('a 0x... checksum is a string to yaml.v3 (hex past int64 stays text): a format warning, never a type error', async () => {
  const ds = await check(pluginsFile({ checksum: '0x' + 'ab'.repeat(32) }));
  assert.deepEqual(errorsOf(ds), []);
  assert.equal(one(ds, 'gatewayd.checksum-format').severity, 'warning');
});

test('durations as time.ParseDuration reads them: -5s, +5s and -1 load; negative ones are a warning', async () => {
  const ds = await check(
    'timeout: -5s\nstartTimeout: +5s\nhealthCheckPeriod: -1\npolicyTimeout: 1_000\n' + pluginsFile(),
  );
  assert.deepEqual(errorsOf(ds), []);
  assert.deepEqual(
    ds.filter((d) => d.code === 'gatewayd.negative-duration').map((d) => `${d.severity}@${d.line}`),
    ['warning@1', 'warning@3'],
  );
});

test('a duration time.ParseDuration refuses is still an error (koanf Unmarshal fails in lint)', async () => {
  const ds = await check('timeout: 5x\nactionTimeout: "1h 30m"\n' + pluginsFile());
  assert.deepEqual(errorsOf(ds), ['gatewayd.invalid-format@1', 'gatewayd.invalid-format@2']);
});
