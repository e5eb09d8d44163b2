import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { referenceLenses, renameEdits, siteAt } from '../../../server/src/features/name-references';
import { cloudqueryNames } from '../../../server/src/systems/cloudquery/names';
import { logcraftNames } from '../../../server/src/systems/logcraft/names';
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
  assert.deepEqual(s3 && [s3.target, s3.declaration, SYNC.replace('|', '').slice(s3.start, s3.end)], [
    'destination',
    false,
    's3',
  ]);
  assert.ok(sites.some((s) => s.target === 'transformer' && s.name === 'basic' && !s.declaration));
  const lenses = referenceLenses(sites, FILE);
  const pg = lenses.find((l) => l.declaration.name === 'postgresql');
  assert.equal(pg?.title, 'used by 1 source', 'destinations and the backend connection are one source');
  assert.equal(pg?.uses.length, 2);
  assert.equal(lenses.find((l) => l.declaration.name === 'aws')?.title, 'not used');
});

test('LogCraft: a service id is renamed in its header, its sub-tables and dotted keys, not in values or other services', () => {
  const marked = [
    '[core]',
    'workspace = "rules"',
    '',
    '[services.spl|unk-prod]',
    'plugin = "splunk-prod"',
    '',
    '[services.splunk-prod.settings]',
    'url = "https://x"',
    '',
    '[services]',
    'splunk-prod.environment = "prod"',
    'other.plugin = "splunk"',
    '',
    '[services."sentinel"]',
    'plugin = "sentinel"',
    '',
  ].join('\n');
  const { text, offsets, parsed } = parsedAt('logcraft-config', marked);
  const sites = logcraftNames.sites(parsed, '/virtual/lgc.toml', text);
  const at = siteAt(sites, '/virtual/lgc.toml', offsets[0]);
  assert.equal(at?.name, 'splunk-prod');
  assert.equal(at?.declaration, true);
  const edits = renameEdits(sites, at!, 'splunk-dev')
    .get('/virtual/lgc.toml')!
    .sort((a, b) => b.start - a.start);
  let renamed = text;
  for (const e of edits) renamed = renamed.slice(0, e.start) + e.newText + renamed.slice(e.end);
  assert.equal(
    renamed,
    text
      .replace('[services.splunk-prod]', '[services.splunk-dev]')
      .replace('[services.splunk-prod.settings]', '[services.splunk-dev.settings]')
      .replace('splunk-prod.environment', 'splunk-dev.environment'),
  );
  const sentinel = sites.find((s) => s.name === 'sentinel');
  assert.equal(sentinel && text.slice(sentinel.start, sentinel.end), 'sentinel', 'the quotes stay outside the edit');
});
