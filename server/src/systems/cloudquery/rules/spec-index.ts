import * as path from 'node:path';
import { classify } from '../..';
import { findProperty, stringValue, type ObjectNode, type ParsedDocument, type ScalarNode, type ValueNode } from '../../../core';
import type { RuleContext } from '../../../analysis/rule';

export type SpecKind = 'source' | 'destination' | 'transformer';

export interface SpecEntry {
  kind: SpecKind;
  name: string;
  /** The `name:` value node, when the spec is in the file being checked. */
  nameNode?: ScalarNode;
  spec: ObjectNode;
  /** The file it was found in. */
  file: string;
}

/** The `kind` and `spec` of one CloudQuery document, if it is one. */
export function specOf(document: ParsedDocument): { kind: SpecKind; spec: ObjectNode } | undefined {
  const kindNode = findProperty(document.root, 'kind')?.value;
  // No kind at all is a source to the CLI (the zero value of its Kind type).
  const kind = kindNode ? stringValue(kindNode) : 'source';
  const spec = findProperty(document.root, 'spec')?.value;
  if ((kind === 'source' || kind === 'destination' || kind === 'transformer') && spec?.type === 'object') return { kind, spec };
  return undefined;
}

export function specsInDocuments(documents: ParsedDocument[], file: string): SpecEntry[] {
  const entries: SpecEntry[] = [];
  for (const document of documents) {
    const found = specOf(document);
    if (!found) continue;
    const nameNode = findProperty(found.spec, 'name')?.value;
    const name = stringValue(nameNode);
    if (name === undefined || (nameNode as ScalarNode).placeholder) continue;
    entries.push({ kind: found.kind, name, nameNode: nameNode as ScalarNode, spec: found.spec, file });
  }
  return entries;
}

/**
 * Specs visible to a file: its own documents and those of every spec file in the same folder,
 * since `cloudquery sync <folder>` loads them all together.
 */
export function visibleSpecs(context: RuleContext): SpecEntry[] {
  const own = specsInDocuments(context.documents, context.path);
  const siblings: SpecEntry[] = [];
  for (const file of siblingSpecFiles(context)) {
    const parsed = context.parseOther(file, 'cloudquery-spec');
    if (parsed) siblings.push(...specsInDocuments(parsed.documents, file).map(({ nameNode: _n, ...rest }) => rest));
  }
  return [...own, ...siblings];
}

/** The other CloudQuery spec files of the folder (`cloudquery sync <folder>` loads them together). */
export function siblingSpecFiles(context: RuleContext): string[] {
  const dir = path.dirname(context.path);
  const files: string[] = [];
  for (const name of context.files.list(dir)) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const file = path.join(dir, name);
    if (file === context.path) continue;
    const text = context.files.readText(file);
    if (text !== undefined && classify({ path: file, text }).kind === 'cloudquery-spec') files.push(file);
  }
  return files;
}

export function isPlaceholder(node: ValueNode | undefined): boolean {
  return node?.type === 'scalar' && node.placeholder === true;
}

/** A spec of this kind whose name is a placeholder: its real name is only known at sync time. */
export function hasPlaceholderName(documents: ParsedDocument[], kind: SpecKind): boolean {
  return documents.some((document) => {
    const found = specOf(document);
    return found?.kind === kind && isPlaceholder(findProperty(found.spec, 'name')?.value);
  });
}
