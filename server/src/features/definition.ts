import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { Engine } from '../analysis';
import { documentAt, LineIndex, nodeAt, type Step } from '../core';
import { uriToPath } from './uri';
import { SYSTEMS, type ReferenceRow } from '../systems';
import type { AnalyzedDocument } from './analyzed-document';
import { comparePath, compilePath, type PathPattern } from '../core';

type CompiledRow = ReferenceRow & { at?: PathPattern };

/** The descriptors' reference providers, with their paths compiled. */
const PROVIDERS = SYSTEMS.flatMap((system) => system.references ?? []).map((provider) => ({
  ...provider,
  rows: provider.references.map((row): CompiledRow => ({
    ...row,
    at: row.path === undefined ? undefined : compilePath(row.path),
  })),
}));

/** The first row that matches the value at this path: what it names, and the name (inside a pattern). */
function referenceAt(rows: CompiledRow[], path: Step[], value: string): { name: string; target: string } | undefined {
  for (const row of rows) {
    if (row.at && comparePath(row.at, path) !== 'exact') continue;
    if (!row.pattern) return { name: value, target: row.target };
    const match = row.pattern.exec(value);
    if (match) return { name: match[1], target: row.target };
  }
  return undefined;
}

/** A value that names something declared elsewhere (a CloudQuery destination, ...) jumps to its declaration. */
export function definition(
  { document, analysis }: AnalyzedDocument,
  engine: Engine,
  offset: number,
): Location[] | null {
  const provider = PROVIDERS.find((p) => p.kind === analysis.kind);
  if (!provider) return null;
  const found = nodeAt(documentAt(analysis.parsed.documents, offset)?.root, offset);
  if (!found || found.onKey || found.node.type !== 'scalar' || typeof found.node.value !== 'string') return null;
  const wanted = referenceAt(provider.rows, found.path, found.node.value);
  if (!wanted) return null;
  const file = uriToPath(document.uri);
  const context = engine.contextFor(analysis.kind, file, document.getText(), analysis.parsed);
  const locations: Location[] = [];
  for (const declaration of provider.declarations(context, wanted.target, wanted.name)) {
    if (declaration.file === file) {
      locations.push({
        uri: document.uri,
        range: { start: document.positionAt(declaration.start), end: document.positionAt(declaration.end) },
      });
      continue;
    }
    const text = context.files.readText(declaration.file);
    if (text === undefined) continue;
    const index = new LineIndex(text);
    locations.push({
      uri: pathToFileURL(declaration.file).href,
      range: { start: index.positionAt(declaration.start), end: index.positionAt(declaration.end) },
    });
  }
  return locations.length ? locations : null;
}
