import * as assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-protocol';

/** CloudQuery specs that name each other (destinations, a transformer, @@plugins), for the definition tests. */
export const POSTGRES =
  '# the destination\nkind: destination\nspec:\n  name: postgresql\n  path: cloudquery/postgresql\n  version: v8.0.0\n  transformers: [basic]\n';
export const SOURCE = [
  'kind: source',
  'spec:',
  '  name: aws',
  '  path: cloudquery/aws',
  '  version: v1.0.0',
  '  tables: ["*"]',
  '  destinations:',
  '    - postgresql',
  '    - "local-pg"',
  '  backend_options:',
  '    table_name: cq_state',
  '    connection: "@@plugins.postgresql.connection"',
  '---',
  'kind: destination',
  'spec:',
  '  name: local-pg',
  '  path: cloudquery/postgresql',
  '  version: v8.0.0',
  '',
].join('\n');

/** The position of the n-th occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 1, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + shift);
  return { line: before.split('\n').length - 1, character: index + shift - before.lastIndexOf('\n') - 1 };
}
