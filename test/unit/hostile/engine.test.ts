import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Engine, MAX_DIAGNOSTICS_PER_FILE, type AnalyzeInput } from '../../../server/src/analysis/engine';
import { SchemaStore } from '../../../server/src/schemas/schema-store';
import { MAX_MANIFEST_BYTES, type Classification } from '../../../server/src/core';
import { checkText } from '../../helpers/engine';

test('#6 an exception while checking a file becomes one workbench.internal-error on it', async () => {
  const schemas = new SchemaStore();
  schemas.validatorFor = () => {
    throw new Error('boom in the validator');
  };
  const engine = new Engine({ schemas });
  const analysis = await engine.analyze({ path: '/x/gatewayd_plugins.yaml', text: 'plugins: []\n' });
  assert.equal(analysis.kind, 'gatewayd-plugins');
  assert.deepEqual(
    analysis.diagnostics.map((d) => [d.code, d.severity]),
    [['workbench.internal-error', 'error']],
  );
  assert.match(analysis.diagnostics[0].message, /boom in the validator/);
});

test('#7 30,000 incomplete GatewayD entries: no stack overflow, at most 1,000 problems and one summary', async () => {
  const text = 'plugins:\n' + '  - {}\n'.repeat(30_000);
  const engine = new Engine();
  const analysis = await engine.analyze({ path: '/x/gatewayd_plugins.yaml', text });
  assert.equal(analysis.diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
  const last = analysis.diagnostics[analysis.diagnostics.length - 1];
  assert.equal(last.code, 'workbench.too-many-problems');
  assert.match(last.message, /more problems in this file are not shown \(at most 1,000/);
});

test('#8 the size limit comes before classification: an oversized file is never parsed to sniff its kind', async () => {
  const seen: number[] = [];
  class Spy extends Engine {
    override classify(input: AnalyzeInput): Classification {
      seen.push(input.text.length);
      return super.classify(input);
    }
  }
  const big = 'kind: source\nspec:\n' + '  x: 1\n'.repeat(MAX_MANIFEST_BYTES / 7 + 10);
  const analysis = await new Spy().analyze({ path: '/x/data.yaml', text: big });
  assert.deepEqual(seen, [], 'classify() parsed the whole oversized text');
  assert.equal(analysis.kind, 'cloudquery-spec', 'still recognised from its first lines');
  assert.deepEqual(
    analysis.diagnostics.map((d) => d.code),
    ['workbench.too-large'],
  );
  const unrelated = await new Spy().analyze({
    path: '/x/data.yaml',
    text: 'rows:\n' + '  - 1\n'.repeat(MAX_MANIFEST_BYTES / 6 + 10),
  });
  assert.equal(unrelated.kind, undefined);
  assert.deepEqual(unrelated.diagnostics, []);
});

test('#11 CRLF files: no range ends past its line', async () => {
  const lines = ['plugins:', '  - name: x', '    enabled: true', '    bogus: 1', ''];
  const text = lines.join('\r\n');
  const { diagnostics } = await checkText('gatewayd-plugins', text, '/x/gatewayd_plugins.yaml');
  assert.ok(diagnostics.length >= 2, JSON.stringify(diagnostics));
  for (const d of diagnostics) {
    assert.ok(d.endColumn <= lines[d.endLine - 1].length + 1, `${d.code} ends at ${d.endLine}:${d.endColumn}`);
    assert.ok(d.column <= lines[d.line - 1].length + 1, `${d.code} starts at ${d.line}:${d.column}`);
  }
});
