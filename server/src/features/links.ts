import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import type { Engine } from '../analysis';
import { stringValue, type Step, type ValueNode } from '../core';
import { uriToPath } from './uri';
import { SYSTEMS } from '../systems';
import { relativePath } from '../systems/link-resolvers';
import type { AnalyzedDocument } from './analyzed-document';
import { comparePath, compilePath } from '../core';

const LINKS = SYSTEMS.flatMap((system) => system.links ?? []);

const COMPILED = LINKS.map((row) => ({ ...row, pattern: compilePath(row.path) }));

/** Placeholders whose body is a file (CloudQuery's `${file:PATH}`). */
const FILE_PLACEHOLDERS = new Set(['file']);

/** textDocument/documentLink: paths in manifests become links to the files that exist. */
export function links({ document, analysis }: AnalyzedDocument, engine: Engine): DocumentLink[] {
  const text = document.getText();
  const context = engine.contextFor(analysis.kind, uriToPath(document.uri), text, analysis.parsed);
  const found: DocumentLink[] = [];
  const add = (start: number, end: number, candidates: string[]) => {
    const file = candidates.find((candidate) => context.files.exists(candidate));
    if (!file || end <= start) return;
    found.push({
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      target: pathToFileURL(file).href,
      tooltip: file,
    });
  };
  const rows = COMPILED.filter((row) => row.kind === analysis.kind);
  const visit = (node: ValueNode, pathSoFar: Step[], root: ValueNode, depth: number) => {
    let deeper = false;
    for (const row of rows) {
      const match = comparePath(row.pattern, pathSoFar);
      if (match === 'prefix') deeper = true;
      const value = stringValue(node);
      if (match === 'exact' && value && !(node.type === 'scalar' && node.placeholder)) {
        const quoted = text[node.start] === '"' || text[node.start] === "'";
        add(
          quoted ? node.start + 1 : node.start,
          quoted ? node.end - 1 : node.end,
          row.resolve(value.trim(), context, root),
        );
      }
    }
    if (!deeper || depth > 12) return;
    if (node.type === 'object') for (const p of node.properties) visit(p.value, [...pathSoFar, p.key], root, depth + 1);
    else if (node.type === 'array') node.items.forEach((item, i) => visit(item, [...pathSoFar, i], root, depth + 1));
  };
  if (rows.length)
    for (const parsed of analysis.parsed.documents) if (parsed.root) visit(parsed.root, [], parsed.root, 0);
  for (const span of analysis.parsed.placeholders) {
    if (!FILE_PLACEHOLDERS.has(span.type) || !span.body.trim()) continue;
    add(span.start, span.end, relativePath(span.body.trim(), context));
  }
  return found;
}
