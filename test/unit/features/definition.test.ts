import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Location, Position } from 'vscode-languageserver-protocol';
import { uriOf } from '../../helpers/lsp-client';
import { Workbench } from '../../helpers/features';
import { makeTree } from '../../helpers/engine';
import { positionOf, POSTGRES, SOURCE } from '../../helpers/definition-specs';

// In-process: the definition function over the real engine; test/lsp/definition.test.ts keeps the
// switched-off case over LSP (settings from the client).
const workbench = new Workbench();

const open = async (file: string, text: string) => (await workbench.openFile(file, text)).uri;

async function definition(uri: string, position: Position): Promise<Location[] | null> {
  return workbench.definitionIn(uri, position);
}

test('a destination name jumps to the name of its spec in a sibling file', async () => {
  const dir = makeTree({ 'postgresql.yml': POSTGRES, 'notes.yml': 'kind: something else\n' });
  const uri = await open(path.join(dir, 'aws.yml'), SOURCE);
  const locations = await definition(uri, positionOf(SOURCE, '- postgresql', 4));
  assert.deepEqual(locations, [
    {
      uri: uriOf(path.join(dir, 'postgresql.yml')),
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } },
    },
  ]);
});

test('a destination defined in another document of the same file, quoted or not', async () => {
  const dir = makeTree({ 'postgresql.yml': POSTGRES });
  const uri = await open(path.join(dir, 'aws.yml'), SOURCE);
  const locations = await definition(uri, positionOf(SOURCE, '"local-pg"', 3));
  assert.deepEqual(locations, [
    { uri, range: { start: { line: 15, character: 8 }, end: { line: 15, character: 16 } } },
  ]);
});

test('@@plugins.<name>.connection jumps to that destination', async () => {
  const dir = makeTree({ 'postgresql.yml': POSTGRES });
  const uri = await open(path.join(dir, 'aws.yml'), SOURCE);
  const locations = await definition(uri, positionOf(SOURCE, '@@plugins', 12));
  assert.deepEqual(
    locations?.map((l) => [l.uri, l.range.start.line]),
    [[uriOf(path.join(dir, 'postgresql.yml')), 3]],
  );
});

test('a transformer name jumps to its transformer spec', async () => {
  const dir = makeTree({
    'basic.yaml': 'kind: transformer\nspec:\n  name: basic\n  path: cloudquery/basic\n  version: v1.0.0\n',
  });
  const uri = await open(path.join(dir, 'postgresql.yml'), POSTGRES);
  const locations = await definition(uri, positionOf(POSTGRES, '[basic]', 2));
  assert.deepEqual(locations, [
    {
      uri: uriOf(path.join(dir, 'basic.yaml')),
      range: { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } },
    },
  ]);
});

test('nothing for other values, unknown names, keys and other kinds', async () => {
  const dir = makeTree({});
  const uri = await open(path.join(dir, 'aws.yml'), SOURCE);
  assert.equal(await definition(uri, positionOf(SOURCE, 'cloudquery/aws', 3)), null, 'path value');
  assert.equal(await definition(uri, positionOf(SOURCE, '- postgresql', 4)), null, 'no postgresql spec in this folder');
  assert.equal(await definition(uri, positionOf(SOURCE, 'destinations:', 2)), null, 'a key');
  const gw = await open(path.join(dir, 'gatewayd_plugins.yaml'), 'plugins:\n  - name: cache\n    enabled: true\n');
  assert.equal(await definition(gw, { line: 1, character: 11 }), null);
});
