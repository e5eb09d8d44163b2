import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkText } from '../../helpers/engine';

// A file being typed has a syntax error on the line being typed; the schema problems of the rest
// stay reported, and the syntax error sits on that line only.

test('YAML: a half-typed key keeps the schema problem elsewhere; the syntax error is on the key only', async () => {
  const text = 'defaultPolicy: bogus\ncomp\nactionRedis:\n  enabled: true\nplugins: []\n';
  const { diagnostics } = await checkText('gatewayd-plugins', text);
  const policy = diagnostics.find((d) => d.code === 'gatewayd.invalid-value');
  assert.ok(policy, JSON.stringify(diagnostics));
  assert.equal(policy.line, 1);
  const syntax = diagnostics.filter((d) => d.code === 'yaml.syntax');
  assert.equal(syntax.length, 1, JSON.stringify(syntax));
  assert.deepEqual([syntax[0].line, syntax[0].column, syntax[0].endLine, syntax[0].endColumn], [2, 1, 2, 5]);
});

test('JSON: an opened quote for a new key keeps the type error of another member; one syntax error, on its line', async () => {
  const text = '{\n  "about": {"trial": "x"},\n  "\n  "properties": {}\n}\n';
  const { diagnostics } = await checkText('ekuiper-source-meta', text, '/nowhere/etc/sources/demo.json');
  assert.ok(
    diagnostics.some((d) => d.code === 'ekuiper.wrong-type' && d.line === 2),
    JSON.stringify(diagnostics),
  );
  const syntax = diagnostics.filter((d) => d.code === 'json.syntax');
  assert.deepEqual(
    syntax.map((d) => d.line),
    [3],
  );
});

test('TOML: a half-typed key in lgc.toml keeps the enum problem of [state]', async () => {
  const text = '[core]\nworkspace = "rules"\nbas\n\n[state]\ntype = "s3"\n';
  const { diagnostics } = await checkText('logcraft-config', text, '/nowhere/lgc.toml');
  assert.ok(
    diagnostics.some((d) => d.code.endsWith('.syntax') && d.line === 3),
    JSON.stringify(diagnostics),
  );
  assert.ok(
    diagnostics.some((d) => d.line === 6 && d.severity === 'error' && !d.code.endsWith('.syntax')),
    JSON.stringify(diagnostics),
  );
});

test('a file broken beyond a few lines is left as it is: syntax errors only', async () => {
  const text = 'defaultPolicy: bogus\n' + 'a\nb:\n'.repeat(8) + 'plugins: []\n';
  const { diagnostics } = await checkText('gatewayd-plugins', text);
  assert.ok(
    diagnostics.every((d) => d.code.startsWith('yaml.')),
    JSON.stringify(diagnostics),
  );
});

test('an empty string is named as one in messages, never "(got )"', async () => {
  const { diagnostics } = await checkText('gatewayd-plugins', 'defaultPolicy: ""\nplugins: []\n');
  assert.ok(diagnostics.length > 0);
  assert.ok(
    diagnostics.every((d) => !d.message.includes('(got )')),
    JSON.stringify(diagnostics),
  );
  assert.ok(
    diagnostics.some((d) => d.message.includes('an empty string')),
    JSON.stringify(diagnostics),
  );
});
