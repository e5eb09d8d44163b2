import { MarkupKind, type HoverParams } from 'vscode-languageserver';
import { KINDS } from '../engine';
import { toValue } from '../engine/tree-query';
import type { ParsedDocument, ValueNode } from '../engine/types';
import type { FeatureContext } from './index';
import { analyzedDocument } from './analyzed-document';
import { allowedValues, describe, SchemaNavigator, typesOf, type PathSegment } from './schema-navigator';

interface Target {
  path: PathSegment[];
  key: string;
  /** The scalar under the cursor, when it is a value. */
  value?: unknown;
  start: number;
  end: number;
}

/** The key or scalar value under an offset, with its path from the document root. */
export function targetAt(root: ValueNode | undefined, offset: number): Target | undefined {
  let node = root;
  const path: PathSegment[] = [];
  let key = '';
  while (node) {
    if (node.type === 'object') {
      const property = node.properties.find((p) => (offset >= p.keyStart && offset <= p.keyEnd) || (offset >= p.value.start && offset <= p.value.end && p.value.end > p.value.start));
      if (!property) return undefined;
      path.push(property.key);
      key = property.key;
      if (offset >= property.keyStart && offset <= property.keyEnd) return { path, key, start: property.keyStart, end: property.keyEnd };
      node = property.value;
    } else if (node.type === 'array') {
      const index = node.items.findIndex((item) => offset >= item.start && offset <= item.end);
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else {
      return { path, key, value: node.value, start: node.start, end: node.end };
    }
  }
  return undefined;
}

export function documentAt(documents: ParsedDocument[], offset: number): ParsedDocument | undefined {
  return documents.find((d) => offset >= d.start && offset <= d.end && d.root) ?? documents.find((d) => d.root);
}

/** The schema's description, type, allowed values, default and the host's docs for a key or value. */
export function registerHover(features: FeatureContext): void {
  const { connection, service } = features;
  connection.onHover(async (params: HoverParams) => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    const offset = document.offsetAt(params.position);
    const doc = documentAt(analysis.parsed.documents, offset);
    const target = targetAt(doc?.root, offset);
    const navigator = SchemaNavigator.for(service.engine.schemas, analysis.kind);
    if (!target || !navigator) return null;
    const schemas = navigator.at(target.path, toValue(doc?.root));
    const info = describe(schemas);
    if (!info.markdown && !info.plain) return null;
    const parts: string[] = [`**${target.key || KINDS[analysis.kind].title}**`, info.markdown ?? info.plain ?? ''];
    const types = typesOf(schemas);
    if (types.length) parts.push(`Type: \`${types.join(' | ')}\``);
    const allowed = allowedValues(schemas).filter((v) => typeof v.value !== 'boolean');
    if (allowed.length) {
      parts.push(`Allowed values:\n${allowed.map((v) => `- \`${String(v.value)}\`${v.description ? `: ${v.description}` : ''}`).join('\n')}`);
      const current = allowed.find((v) => target.value !== undefined && v.value === target.value);
      if (current?.description) parts.splice(1, 0, `\`${String(current.value)}\`: ${current.description}`);
    }
    if (info.default !== undefined) parts.push(`Default: \`${JSON.stringify(info.default)}\``);
    const docs = info.docs ?? KINDS[analysis.kind].docs;
    if (docs) parts.push(`[${KINDS[analysis.kind].title} documentation](${docs})`);
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
      range: { start: document.positionAt(target.start), end: document.positionAt(target.end) },
    };
  });
}
