import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { substitutePlaceholders } from '../../../server/src/core';
import { isValidTimeExpression } from '../../../server/src/systems/cloudquery/rules/time-placeholder';
import { checkText, codesAtLines } from '../../helpers/engine';

test('stand-ins keep every offset and make the text parseable', () => {
  const text = 'destinations: [${DESTINATIONS},postgresql]\nname: "${file:./x.txt}"\n';
  const { text: out, spans } = substitutePlaceholders(text, 'yaml');
  assert.equal(out.length, text.length);
  assert.deepEqual(
    spans.map((s) => [s.type, s.body]),
    [
      ['env', 'DESTINATIONS'],
      ['file', './x.txt'],
    ],
  );
  assert.equal(out.indexOf('postgresql'), text.indexOf('postgresql'));
});

test('TOML stand-ins are valid values inside and outside quotes', () => {
  const { text } = substitutePlaceholders('port = ${PORT}\nurl = "https://${HOST}/x"\n', 'toml');
  assert.match(text, /^port = 1+$/m);
  assert.match(text, /^url = "https:\/\/x+\/x"$/m);
});

test('time expressions CloudQuery accepts', () => {
  for (const ok of [
    'now',
    '2025-01-01',
    '2025-01-01T10:00:00Z',
    '7 days ago',
    '2 hours from now',
    '-24h',
    '2025-01-01|2006-01-02',
  ]) {
    assert.ok(isValidTimeExpression(ok), ok);
  }
  for (const bad of ['brkn123', 'yesterday-ish', '2025-01-01|', '']) assert.ok(!isValidTimeExpression(bad), bad);
});

test('placeholders are never type errors, but a broken ${time:...} is', async () => {
  const spec = [
    'kind: source',
    'spec:',
    '  name: aws',
    '  path: cloudquery/aws',
    '  version: ${VERSION}',
    '  destinations: [${DESTINATIONS}, postgresql]',
    '  tables: ["*"]',
    '  spec:',
    '    since: ${time:brkn}',
    '---',
    'kind: destination',
    'spec:',
    '  name: postgresql',
    '  path: cloudquery/postgresql',
    '  version: v8.0.0',
    '  write_mode: ${WRITE_MODE}',
  ].join('\n');
  const { diagnostics } = await checkText('cloudquery-spec', spec);
  assert.deepEqual(codesAtLines(diagnostics), ['cloudquery.time-placeholder@9']);
});
