import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KIND_IDS, KINDS } from '../../../server/src/systems';
import { REPO_ROOT } from '../../helpers/engine';

// schemas/catalog.json (SchemaStore's catalog format) is how other tools find our schemas: every
// schema file has exactly one entry under its $id, and every kind with a schema is covered. A kind
// whose file name is fixed must be matched by its entry's fileMatch, and each fileMatch pattern
// must name files the engine itself recognises by name and place.

const SCHEMAS = path.join(REPO_ROOT, 'schemas');
interface Entry {
  name: string;
  description: string;
  fileMatch?: string[];
  url: string;
}
const catalog = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'catalog.json'), 'utf8')) as {
  $schema: string;
  version: number;
  schemas: Entry[];
};
const schemaFiles = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'));
const idOf = (file: string) => (JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as { $id: string }).$id;

// A path the glob matches: a leading `**/` becomes a folder, `*` a name.
function example(glob: string): string {
  return glob
    .replace(/^\*\*\//, 'project/')
    .replace(/\/\*\*\//g, '/sub/')
    .replace(/\*/g, 'example');
}

test('the catalog is in SchemaStore catalog format', () => {
  assert.equal(catalog.$schema, 'https://json.schemastore.org/schema-catalog.json');
  assert.equal(catalog.version, 1);
  for (const entry of catalog.schemas) {
    assert.deepEqual(Object.keys(entry).sort(), ['description', 'fileMatch', 'name', 'url'], entry.name);
    assert.ok(entry.name && entry.description, entry.url);
    assert.ok(Array.isArray(entry.fileMatch), entry.name);
  }
});

test('every schema file has exactly one catalog entry, under its $id, and the $ids are stable', () => {
  for (const file of schemaFiles) {
    const id = idOf(file);
    assert.equal(
      id,
      `https://plugin-workbench.dev/schemas/${file}`,
      `${file}: $id must stay https://plugin-workbench.dev/schemas/<file>`,
    );
    const entries = catalog.schemas.filter((e) => e.url === id);
    assert.equal(
      entries.length,
      1,
      `schemas/catalog.json needs exactly one entry with url ${id} (has ${entries.length})`,
    );
  }
  const ids = new Set(schemaFiles.map(idOf));
  for (const entry of catalog.schemas)
    assert.ok(ids.has(entry.url), `catalog entry ${entry.url} names no schema file in schemas/`);
});

test('every kind with a schema is covered; kinds with a fixed file name have fileMatch patterns for it', () => {
  const byUrl = new Map(catalog.schemas.map((e) => [e.url, e]));
  for (const kind of KIND_IDS) {
    const file = `${kind}.schema.json`;
    if (!schemaFiles.includes(file)) continue;
    const entry = byUrl.get(idOf(file));
    assert.ok(entry, `kind ${kind} has a schema but no entry in schemas/catalog.json`);
    const names = KINDS[kind].paths ?? [];
    const examples = (entry.fileMatch ?? []).map(example);
    for (const pattern of names) {
      assert.ok(
        examples.some((e) => pattern.test(e)),
        `${kind}: no fileMatch pattern in schemas/catalog.json covers ${pattern}`,
      );
    }
    // Patterns name files the engine recognises by place (or, for content kinds, a folder convention).
    const places = [...names, ...(KINDS[kind].content?.paths ?? [])];
    if (places.length) {
      for (const glob of entry.fileMatch ?? []) {
        assert.ok(
          places.some((p) => p.test(example(glob))),
          `${kind}: fileMatch ${glob} names files the engine does not recognise as ${kind}`,
        );
      }
    }
  }
});

test('content-recognised kinds say how to point at the schema when no pattern applies', () => {
  for (const entry of catalog.schemas.filter((e) => e.fileMatch?.length === 0)) {
    assert.match(entry.description, /\$schema|modeline|no file of its own|lgc\.toml/, entry.name);
  }
});
