import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Engine } from '../analysis';
import { KINDS } from '../systems';
import { documentAt, keptValue, type Format, type ValueNode } from '../core';
import { cursorContext } from './cursor-context';
import type { AnalyzedDocument } from './analyzed-document';
import { schemasAt } from './embedded-schema';
import { editorHover } from './project-editor';
import { uriToPath } from './uri';
import { allowedValues, describe, typesOf, type PathSegment } from '../schemas/navigator';

interface Target {
  path: PathSegment[];
  key: string;
  /** The scalar under the cursor, when it is a value. */
  value?: unknown;
  /** The document's value as far as it parses, when the target was found without the parsed tree. */
  documentValue?: unknown;
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
      const property = node.properties.find(
        (p) =>
          (offset >= p.keyStart && offset <= p.keyEnd) ||
          (offset >= p.value.start && offset <= p.value.end && p.value.end > p.value.start),
      );
      if (!property) return undefined;
      path.push(property.key);
      key = property.key;
      if (offset >= property.keyStart && offset <= property.keyEnd)
        return { path, key, start: property.keyStart, end: property.keyEnd };
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

/**
 * The key under an offset on its own line, for text that does not parse: its path comes from the
 * cursor context just after its `:`/`=` (what completion would see there).
 */
function keyOnLine(format: Format, text: string, offset: number, yamlVersion?: '1.1' | '1.2'): Target | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndRaw === -1 ? text.length : lineEndRaw);
  for (const match of line.matchAll(/(["']?)([\w.$@\/-]+)\1\s*([:=])/g)) {
    const start = lineStart + match.index! + match[1].length;
    const end = start + match[2].length;
    if (offset < start || offset > end) continue;
    const context = cursorContext(format, text, lineStart + match.index! + match[0].length, yamlVersion);
    if (!context || context.position !== 'value') return undefined;
    return { path: context.path, key: match[2], start, end, documentValue: context.documentValue };
  }
  return undefined;
}

/**
 * The schema's description, type, allowed values, default and the host's docs for a key or value;
 * in a project file without a schema, what its system's editor says about the token.
 */
export async function hover(analyzed: AnalyzedDocument, engine: Engine, offset: number): Promise<Hover | null> {
  return (await editorHover(analyzed, engine, offset)) ?? schemaHover(analyzed, engine, offset);
}

function schemaHover({ document, analysis }: AnalyzedDocument, engine: Engine, offset: number): Hover | null {
  const definition = KINDS[analysis.kind];
  const doc = documentAt(analysis.parsed.documents, offset);
  const target =
    targetAt(doc?.root, offset) ?? keyOnLine(definition.format, analysis.parsed.text, offset, definition.yamlVersion);
  if (!target) return null;
  const found = schemasAt(
    engine.schemas,
    analysis.kind,
    uriToPath(document.uri),
    engine.files,
    target.path,
    'documentValue' in target ? target.documentValue : keptValue(doc?.root),
  );
  if (!found) return null;
  const { schemas } = found;
  const info = describe(schemas);
  if (!info.markdown && !info.plain) return null;
  const parts: string[] = [`**${target.key || definition.title}**`, info.markdown ?? info.plain ?? ''];
  const types = shownTypes(typesOf(schemas));
  if (types.length) parts.push(`Type: \`${types.join(' | ')}\``);
  const allowed = allowedValues(schemas).filter((v) => typeof v.value !== 'boolean');
  const description = info.markdown ?? info.plain ?? '';
  if (allowed.length) {
    // A description that already names every value is not repeated by a list of them.
    if (!allowed.every((v) => description.includes(`\`${String(v.value)}\``)))
      parts.push(
        `Allowed values:\n${allowed.map((v) => `- \`${String(v.value)}\`${v.description ? `: ${v.description}` : ''}`).join('\n')}`,
      );
    // On a value: that value's own description first.
    const current = allowed.find((v) => target.value !== undefined && v.value === target.value);
    if (current?.description) parts.splice(1, 0, `\`${String(current.value)}\`: ${current.description}`);
  }
  if (info.default !== undefined && !/\bDefault\b/i.test(description))
    parts.push(`Default: \`${JSON.stringify(info.default)}\``);
  const rootDocs = engine.schemas.schemaFor(analysis.kind)?.['x-docs'];
  const docs = info.docs ?? (typeof rootDocs === 'string' ? rootDocs : undefined) ?? definition.docs;
  // The docs link right after the description: long value lists would push it out of view.
  if (docs) parts.splice(2, 0, `[${definition.title} documentation](${docs})`);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: { start: document.positionAt(target.start), end: document.positionAt(target.end) },
  };
}

/**
 * The type a reader should see. A string key that also accepts numbers and booleans does so
 * because the host reads any scalar there as text (YAML 1.1 `yes`, `8080`): it is a string.
 */
function shownTypes(types: string[]): string[] {
  const scalars = new Set(['string', 'number', 'integer', 'boolean']);
  if (types.includes('string') && types.every((t) => scalars.has(t))) return ['string'];
  return types;
}
