import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkText } from '../../../helpers/engine';
import { ANKLET, cq, HOST_CASES, SOURCE } from './cases';

// Each case (cases.ts) is a file whose fate under its host's own loading code is known from the
// host's source (docs/hosts/<system>.md): `accept` = no error from us, else an error on that line.

for (const [name, kind, text, verdict, code] of HOST_CASES) {
  test(name, async () => {
    const { diagnostics } = await checkText(kind, text);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (verdict === 'accept') {
      assert.deepEqual(
        errors.map((d) => `${d.code}@${d.line}: ${d.message}`),
        [],
      );
      return;
    }
    assert.ok(
      errors.some((d) => d.line === verdict && (!code || d.code === code)),
      `want an error${code ? ` ${code}` : ''} on line ${verdict}, got ${JSON.stringify(errors.map((d) => `${d.code}@${d.line}`))}`,
    );
  });
}

test('CloudQuery: a key in another case is a warning with the canonical spelling as its fix', async () => {
  const { diagnostics } = await checkText('cloudquery-spec', cq(SOURCE.replace('tables:', 'Tables:')));
  const warning = diagnostics.find((d) => d.code === 'cloudquery.key-case');
  assert.ok(warning && warning.severity === 'warning' && warning.line === 6 && /"tables"/.test(warning.message));
});

test('Anklet: a ${VAR} value is used as written (warning)', async () => {
  const { diagnostics } = await checkText('anklet-config', ANKLET.replace('token: t', 'token: ${GITHUB_TOKEN}'));
  assert.ok(diagnostics.some((d) => d.severity === 'warning' && d.line === 5 && /does not expand/.test(d.message)));
});

test('repeated keys are a warning where the host keeps the last value', async () => {
  const { diagnostics } = await checkText('anklet-config', ANKLET + '    owner: p\n');
  assert.ok(diagnostics.some((d) => d.code === 'yaml.duplicate-key' && d.severity === 'warning' && d.line === 7));
});
