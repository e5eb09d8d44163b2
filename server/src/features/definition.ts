import { pathToFileURL } from 'node:url';
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { LineIndex } from '../core';
import { uriToPath } from '../lsp/workbench-service';
import { specsInDocuments, visibleSpecs, type SpecKind } from '../systems/cloudquery/rules/spec-index';
import { analyzedDocument } from './analyzed-document';
import type { FeatureContext } from './index';
import type { Step } from '../core/tree-query';
import { documentHolding, locate } from './node-at';

/**
 * Values that name another CloudQuery spec: where they are (path from the document root, `[]` any
 * list item) and which kind of spec they name. A value may name it inside a pattern.
 */
const REFERENCES: Array<{ path: Array<string | null>; kind: SpecKind; pattern?: RegExp }> = [
  { path: ['spec', 'destinations', null], kind: 'destination' },
  { path: ['spec', 'transformers', null], kind: 'transformer' },
  { path: ['spec', 'backend_options', 'connection'], kind: 'destination', pattern: /@@plugins\.([^.\s]+)\.connection/ },
  // `@@plugins.<name>.connection` may appear anywhere in a plugin's own spec too.
  { path: [], kind: 'destination', pattern: /@@plugins\.([^.\s]+)\.connection/ },
];

function referenceAt(path: Step[], value: string): { name: string; kind: SpecKind } | undefined {
  for (const reference of REFERENCES) {
    const exact = reference.path.length === 0 || (reference.path.length === path.length && reference.path.every((p, i) => (p === null ? typeof path[i] === 'number' : p === path[i])));
    if (!exact) continue;
    if (!reference.pattern) return { name: value, kind: reference.kind };
    const match = reference.pattern.exec(value);
    if (match) return { name: match[1], kind: reference.kind };
  }
  return undefined;
}

/** A CloudQuery destination or transformer name jumps to the `name:` of its spec, here or in a sibling file. */
export function registerDefinition(features: FeatureContext): void {
  const { connection, service } = features;
  connection.onDefinition(async (params: DefinitionParams): Promise<Location[] | null> => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed || analyzed.analysis.kind !== 'cloudquery-spec') return null;
    const { document, analysis } = analyzed;
    const offset = document.offsetAt(params.position);
    const found = locate(documentHolding(analysis.parsed.documents, offset)?.root, offset);
    if (!found || found.onKey || found.node.type !== 'scalar' || typeof found.node.value !== 'string') return null;
    const wanted = referenceAt(found.path, found.node.value);
    if (!wanted) return null;
    const file = uriToPath(document.uri);
    const here = specsInDocuments(analysis.parsed.documents, file).find((s) => s.kind === wanted.kind && s.name === wanted.name);
    if (here?.nameNode) return [{ uri: document.uri, range: { start: document.positionAt(here.nameNode.start), end: document.positionAt(here.nameNode.end) } }];
    const context = service.engine.contextFor(analysis.kind, file, document.getText(), analysis.parsed);
    const elsewhere = visibleSpecs(context).filter((s) => s.kind === wanted.kind && s.name === wanted.name && s.file !== file);
    const locations: Location[] = [];
    for (const spec of elsewhere) {
      // Sibling specs come without their name nodes: parse the file again (cached) for the offsets.
      const parsed = context.parseOther(spec.file, 'cloudquery-spec');
      const entry = parsed && specsInDocuments(parsed.documents, spec.file).find((s) => s.kind === wanted.kind && s.name === wanted.name);
      const text = context.files.readText(spec.file);
      if (!entry?.nameNode || text === undefined) continue;
      const index = new LineIndex(text);
      locations.push({ uri: pathToFileURL(spec.file).href, range: { start: index.positionAt(entry.nameNode.start), end: index.positionAt(entry.nameNode.end) } });
    }
    return locations.length ? locations : null;
  });
}
