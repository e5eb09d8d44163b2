import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import { readYaml, toValue, LineIndex } from '../../../server/src/core';
import { mapSchemaErrors } from '../../../server/src/schemas/error-mapper';

// The range rules, checked on a small schema so each rule is seen in isolation.
const schema = {
  $id: 'https://example.test/range.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { enum: ['source', 'destination'] },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        write_mode: { enum: ['overwrite-delete-stale', 'overwrite', 'append'] },
        migrate_mode: { type: 'string', enum: ['safe', 'forced'] },
        version: {
          type: 'string',
          pattern: '^v',
          'x-code': 'test.version-format',
          'x-message': 'version must start with v',
        },
        items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
        either: { anyOf: [{ type: 'string' }, { type: 'object', required: ['a'] }] },
        concurrency: { 'x-removed': 'concurrency moved into spec' },
      },
    },
  },
};

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
ajv.addVocabulary(['x-code', 'x-message']);
ajv.addKeyword({ keyword: 'x-removed', schemaType: 'string', validate: () => false });
const validate = ajv.compile(schema);
const branchValidator = (alternatives: unknown, index: number) =>
  alternatives === schema.properties.spec.properties.either.anyOf
    ? ajv.getSchema(`${schema.$id}#/properties/spec/properties/either/anyOf/${index}`)
    : undefined;

function check(text: string) {
  const root = readYaml(text, { version: '1.2' }).documents[0].root;
  assert.equal(validate(toValue(root)), false, 'the sample must be invalid');
  const lines = new LineIndex(text);
  return mapSchemaErrors([...(validate.errors ?? [])], {
    system: 'test',
    root,
    text,
    documentStart: 0,
    branchValidator,
  }).map((d) => ({
    ...d,
    line: lines.positionAt(d.start).line + 1,
    token: text.slice(d.start, d.end),
  }));
}

test('an unknown key is marked on the key, with a suggestion', () => {
  const [d] = check('kind: source\nspec:\n  name: x\n  wirte_mode: append\n');
  assert.equal(d.code, 'test.unknown-key');
  assert.equal(d.token, 'wirte_mode');
  assert.equal(d.line, 4);
  assert.match(d.message, /Did you mean "write_mode"\?/);
});

test('a wrong enum value is marked on the value and lists what is allowed', () => {
  const [d] = check('kind: destination\nspec:\n  name: x\n  write_mode: overwite\n');
  assert.equal(d.code, 'test.invalid-value');
  assert.equal(d.token, 'overwite');
  assert.match(d.message, /^write_mode must be one of overwrite-delete-stale, overwrite, append/);
  assert.equal(d.data?.suggestion, 'overwrite');
});

test('a missing required key is marked on the key of the object that lacks it', () => {
  const [d] = check('kind: source\nspec:\n  version: v1\n');
  assert.equal(d.code, 'test.missing-key');
  assert.equal(d.token, 'spec');
  assert.equal(d.line, 2);
  assert.match(d.message, /"name"/);
});

test("a missing key in a list item is marked on the item's first line", () => {
  const [d] = check('kind: source\nspec:\n  name: x\n  items:\n    - id: 1\n    - other: 2\n      more: 3\n');
  assert.equal(d.code, 'test.missing-key');
  assert.equal(d.line, 6);
});

test('a missing key at the root is marked on the first line of the document', () => {
  const [d] = check('spec:\n  name: x\n');
  assert.equal(d.code, 'test.missing-key');
  assert.equal(d.line, 1);
});

test('x-code and x-message replace the generic code and text', () => {
  const [d] = check('kind: source\nspec:\n  name: x\n  version: 1.2.3\n');
  assert.equal(d.code, 'test.version-format');
  assert.equal(d.message, 'version must start with v');
  assert.equal(d.token, '1.2.3');
});

test("a removed key is an error on the key with the schema's message", () => {
  const [d] = check('kind: source\nspec:\n  name: x\n  concurrency: 10\n');
  assert.equal(d.code, 'test.removed-key');
  assert.equal(d.token, 'concurrency');
  assert.equal(d.message, 'concurrency moved into spec');
});
test('a typed list value left empty is one problem that lists what is allowed, not two', () => {
  const found = check('kind: destination\nspec:\n  name: x\n  migrate_mode:\n');
  assert.deepEqual(
    found.map((d) => d.code),
    ['test.invalid-value'],
  );
  assert.equal(found[0].message, 'migrate_mode must be one of safe, forced (got nothing)');
  assert.equal(found[0].token, 'migrate_mode');
});

test('a wrong type on an empty value is marked on its key', () => {
  const [d] = check('kind: source\nspec:\n');
  assert.equal(d.code, 'test.wrong-type');
  assert.equal(d.token, 'spec');
});

test('anyOf reports the branch whose type matches the value', () => {
  const diagnostics = check('kind: source\nspec:\n  name: x\n  either:\n    b: 1\n');
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['test.missing-key'],
  );
  assert.match(diagnostics[0].message, /"a"/);
  const [typeError] = check('kind: source\nspec:\n  name: x\n  either: 12\n');
  assert.equal(typeError.code, 'test.wrong-type');
  assert.match(typeError.message, /a string or a mapping/);
});
