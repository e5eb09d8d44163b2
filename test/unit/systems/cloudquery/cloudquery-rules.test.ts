import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';

// One test per CloudQuery rule (rules/cloudquery/*.ts): broken tree on disk, then the mended one.
const source = (destinations: string, extra = '') =>
  `kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [${destinations}]\n${extra}`;
const destination = (name: string, extra = '') =>
  `kind: destination\nspec:\n  name: ${name}\n  path: cloudquery/postgresql\n  version: v8.0.0\n${extra}`;
const codes = async (text: string, file: string) =>
  codesAtLines((await checkText('cloudquery-spec', text, file)).diagnostics);

test('cloudquery.unknown-destination: names resolve in the file and in sibling spec files', async () => {
  const dir = makeTree({});
  const file = path.join(dir, 'sync.yml');
  assert.deepEqual(await codes(source('postgresql'), file), ['cloudquery.unknown-destination@7']);
  fs.writeFileSync(path.join(dir, 'postgresql.yml'), destination('postgresql'));
  assert.deepEqual(await codes(source('postgresql'), file), [], 'a destination defined in a sibling file');
  // The folder's index is cached by file versions: a renamed or removed sibling spec counts at once.
  fs.writeFileSync(path.join(dir, 'postgresql.yml'), destination('postgres-renamed'));
  assert.deepEqual(
    await codes(source('postgresql'), file),
    ['cloudquery.unknown-destination@7'],
    'renamed in the sibling',
  );
  fs.writeFileSync(path.join(dir, 'postgresql.yml'), destination('postgresql'));
  fs.writeFileSync(file, source('nothing'));
  assert.deepEqual(
    await codes(source('postgresql'), file),
    [],
    'the file itself on disk does not count, its text does',
  );
  fs.rmSync(path.join(dir, 'postgresql.yml'));
  assert.deepEqual(await codes(source('postgresql'), file), ['cloudquery.unknown-destination@7'], 'removed sibling');
  fs.writeFileSync(path.join(dir, 'postgresql.yml'), destination('postgresql'));
  assert.deepEqual(
    await codes(source('postgresql') + '---\n' + destination('postgresql'), path.join(makeTree({}), 'one.yml')),
    [],
  );
  const typo = await checkText('cloudquery-spec', source('postgres'), file);
  assert.match(typo.diagnostics[0].message, /Did you mean "postgresql"\?/);
  assert.deepEqual(
    await codes(source('${DESTINATIONS}'), path.join(makeTree({}), 'env.yml')),
    [],
    'placeholders are not names',
  );
});

test("cloudquery.unknown-transformer: a destination's transformers must name transformer specs", async () => {
  const file = path.join(makeTree({}), 'sync.yml');
  const text = source('pg') + '---\n' + destination('pg', '  transformers: [basic]\n');
  assert.deepEqual(await codes(text, file), ['cloudquery.unknown-transformer@14']);
  const mended = text + '---\nkind: transformer\nspec:\n  name: basic\n  path: cloudquery/basic\n  version: v1.0.0\n';
  assert.deepEqual(await codes(mended, file), []);
});

test('cloudquery.duplicate-name: twice the same destination name in one file; across files it is fine', async () => {
  const dir = makeTree({ 'other.yml': destination('pg') });
  const file = path.join(dir, 'sync.yml');
  assert.deepEqual(await codes(source('pg') + '---\n' + destination('pg') + '---\n' + destination('pg'), file), [
    'cloudquery.duplicate-name@17',
  ]);
  assert.deepEqual(await codes(source('pg') + '---\n' + destination('pg'), file), []);
});

test('cloudquery.unknown-backend-destination: @@plugins.<name>.connection names a destination', async () => {
  const file = path.join(makeTree({}), 'sync.yml');
  const backend = (name: string) =>
    source('pg', `  backend_options:\n    table_name: cq_state\n    connection: "@@plugins.${name}.connection"\n`) +
    '---\n' +
    destination('pg');
  assert.deepEqual(await codes(backend('state'), file), ['cloudquery.unknown-backend-destination@10']);
  assert.deepEqual(await codes(backend('pg'), file), []);
});

test('cloudquery.sync-group-id: not with overwrite-delete-stale, which is also the default', async () => {
  const file = path.join(makeTree({}), 'sync.yml');
  const withMode = (mode: string) => source('pg') + '---\n' + destination('pg', `  sync_group_id: g1\n${mode}`);
  assert.deepEqual(await codes(withMode(''), file), ['cloudquery.sync-group-id@14']);
  assert.deepEqual(await codes(withMode('  write_mode: overwrite-delete-stale\n'), file), [
    'cloudquery.sync-group-id@14',
  ]);
  assert.deepEqual(await codes(withMode('  write_mode: append\n'), file), []);
});

test('cloudquery.github-registry-deprecated: a warning on the registry', async () => {
  const file = path.join(makeTree({}), 'sync.yml');
  const { diagnostics } = await checkText(
    'cloudquery-spec',
    source('pg', '  registry: github\n') + '---\n' + destination('pg'),
    file,
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.line]),
    [['cloudquery.github-registry-deprecated', 'warning', 8]],
  );
});

test("cloudquery.spec-snake-case: the plugin's own parameters are snake_case", async () => {
  const file = path.join(makeTree({}), 'sync.yml');
  const { diagnostics } = await checkText(
    'cloudquery-spec',
    source('pg', '  spec:\n    baseURL: https://x\n    page_size: 10\n') + '---\n' + destination('pg'),
    file,
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.line]),
    [['cloudquery.spec-snake-case', 'warning', 9]],
  );
  assert.match(diagnostics[0].message, /use "base_url"/);
});

test("cloudquery.plugin-spec: a local plugin's spec is checked against the schema it publishes", async () => {
  const schema = JSON.stringify({
    type: 'object',
    additionalProperties: false,
    required: ['base_url'],
    properties: { base_url: { type: 'string' }, page_size: { type: 'integer', minimum: 1 } },
  });
  const dir = makeTree({
    'go.mod': 'module github.com/acme/cq-source-books\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.70.0\n',
    'client/spec.go': 'package client\n\nimport _ "embed"\n\n//go:embed schema.json\nvar JSONSchema string\n',
    'client/schema.json': schema,
  });
  const spec = (inner: string) =>
    `kind: source\nspec:\n  name: books\n  registry: local\n  path: ../cq-source-books\n  tables: ["*"]\n  destinations: [pg]\n  spec:\n${inner}---\n${destination('pg')}`;
  const file = path.join(dir, 'test', 'config.yml');
  fs.mkdirSync(path.dirname(file));
  const broken = await checkText(
    'cloudquery-spec',
    spec('    base_url: https://books\n    page_size: 0\n    pagesize: 10\n'),
    file,
  );
  assert.deepEqual(codesAtLines(broken.diagnostics), [
    'cloudquery.plugin-spec.out-of-range@10',
    'cloudquery.plugin-spec.unknown-key@11',
  ]);
  assert.match(broken.diagnostics[0].message, /client\/schema\.json/);
  assert.deepEqual(await codes(spec('    base_url: https://books\n    page_size: 10\n'), file), []);
  // The packaged schema (dist/spec_json_schema.json) wins when there is one.
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(
    path.join(dir, 'dist', 'spec_json_schema.json'),
    JSON.stringify({ type: 'object', required: ['token'] }),
  );
  assert.deepEqual(await codes(spec('    base_url: https://books\n'), file), ['cloudquery.plugin-spec.missing-key@8']);
});
