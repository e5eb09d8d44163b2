import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SchemaStore } from '../../../server/src/schemas/schema-store';
import { REPO_ROOT } from '../../helpers/engine';

// The schema store compiles our own schemas without checking them against their meta-schema (the
// check was a third of the compile on a file's first diagnostics): this test is that check. A
// plugin's own schema is still checked when it is compiled.

const SCHEMAS = path.join(REPO_ROOT, 'schemas');

test('every schema in schemas/ is valid against its meta-schema', () => {
  const store = new SchemaStore(SCHEMAS);
  const files = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'));
  assert.ok(files.length > 10, `${files.length} schema files`);
  for (const file of files) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
    assert.equal(store.metaSchemaProblem(schema), undefined, file);
  }
});

test('the check sees a broken schema, and a plugin schema that breaks it is refused as before', () => {
  const store = new SchemaStore(SCHEMAS);
  const broken = { type: 'object', properties: { name: { type: 'strng' } } };
  assert.match(store.metaSchemaProblem(broken) ?? '', /^schema is invalid: /);
  assert.equal(store.validatorForText('plugin-spec', JSON.stringify(broken)), undefined);
  assert.match(store.problems.join('\n'), /schema plugin-spec could not be compiled: schema is invalid: /);
  assert.ok(store.validatorForText('plugin-spec-ok', JSON.stringify({ type: 'object' })));
});
