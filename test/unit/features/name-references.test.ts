import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { referenceLenses, renameEdits, siteAt } from '../../../server/src/features/name-references';
import { cloudqueryNames } from '../../../server/src/systems/cloudquery/names';
import { parsedAt } from '../../helpers/cursor';

const FILE = '/virtual/sync.yml';

function sitesOf(marked: string) {
  const { text, offsets, parsed } = parsedAt('cloudquery-spec', marked);
  return { text, offsets, sites: cloudqueryNames.sites(parsed, FILE, text) };
}

const SYNC = [
  'kind: source',
  'spec:',
  '  name: aws',
  '  path: cloudquery/aws',
  '  destinations: [postgresql, "s3"]',
  '  backend_options:',
  '    table_name: cq_state',
  '    connection: "@@plugins.postgresql.connection"',
  '---',
  'kind: destination',
  'spec:',
  '  name: post|gresql',
  '  path: cloudquery/postgresql',
  '  transformers:',
  '    - basic',
  '',
].join('\n');

test('CloudQuery: a destination is declared by its spec name and used in destinations and in @@plugins.<name>.connection', () => {
  const { text, offsets, sites } = sitesOf(SYNC);
  const at = siteAt(sites, FILE, offsets[0]);
  assert.equal(at?.declaration, true);
  assert.equal(at?.target, 'destination');
  const edits = renameEdits(sites, at!, 'pg')
    .get(FILE)!
    .sort((a, b) => b.start - a.start);
  let renamed = text;
  for (const e of edits) renamed = renamed.slice(0, e.start) + e.newText + renamed.slice(e.end);
  assert.match(renamed, /destinations: \[pg, "s3"\]/);
  assert.match(renamed, /connection: "@@plugins\.pg\.connection"/);
  assert.match(renamed, /name: pg\n/);
  assert.match(renamed, /name: aws/, 'the source keeps its name');
});

test('CloudQuery: quoted and transformer names; the lens counts each source once', () => {
  const { sites } = sitesOf(SYNC);
  const s3 = sites.find((s) => s.name === 's3');
  assert.deepEqual(s3 && [s3.target, s3.declaration, SYNC.replace('|', '').slice(s3.start, s3.end)], ['destination', false, 's3']);
  assert.ok(sites.some((s) => s.target === 'transformer' && s.name === 'basic' && !s.declaration));
  const lenses = referenceLenses(sites, FILE);
  const pg = lenses.find((l) => l.declaration.name === 'postgresql');
  assert.equal(pg?.title, 'used by 1 source', 'destinations and the backend connection are one source');
  assert.equal(pg?.uses.length, 2);
  assert.equal(lenses.find((l) => l.declaration.name === 'aws')?.title, 'not used');
});
