import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from '../analysis';
import { documentAt, type Format, keptValue } from '../core';
import { KINDS } from '../systems';
import type { JsonSchema } from '../schemas/schema-store';
import { uriToPath } from './uri';
import { cursorContext, type CursorContext } from './cursor-context';
import type { AnalyzedDocument } from './analyzed-document';
import { allowedValues, describe, examplesOf, SchemaNavigator, typesOf } from '../schemas/navigator';
import { workspaceValues } from './workspace-values';
import { schemasAt } from './embedded-schema';
import { snippetItems } from './snippets';
import { editorCompletion } from './project-editor';

/** `:`/` ` after a YAML key, `-` for a list item, `"` for JSON keys and strings, `=` in TOML, `[` for flow lists. */
export const COMPLETION_TRIGGERS = [':', ' ', '-', '"', '=', '['];

/**
 * Keys (missing ones, required first), allowed values and workspace values at the cursor; in a
 * project file without a schema, the values its system's editor offers there.
 */
export async function complete(
  analyzed: AnalyzedDocument,
  engine: Engine,
  offset: number,
): Promise<CompletionList | null> {
  return (await editorCompletion(analyzed, engine, offset)) ?? schemaCompletion(analyzed, engine, offset);
}

async function schemaCompletion(
  { document, analysis }: AnalyzedDocument,
  engine: Engine,
  offset: number,
): Promise<CompletionList | null> {
  const definition = KINDS[analysis.kind];
  const text = analysis.parsed.text; // placeholders replaced by same-length stand-ins
  // A document that parses whole gives its value from the cached analysis (for schema conditions),
  // its kept list items converted once (shared: only read).
  const holding = documentAt(analysis.parsed.documents, offset);
  const parsedValue =
    holding && !holding.broken && holding.root && definition.format === 'yaml' ? keptValue(holding.root) : undefined;
  const context = cursorContext(definition.format, text, offset, definition.yamlVersion, parsedValue);
  if (!context) return null;
  const found = schemasAt(
    engine.schemas,
    analysis.kind,
    uriToPath(document.uri),
    engine.files,
    context.path,
    context.documentValue,
  );
  if (!found) return null;
  const { navigator, schemas } = found;
  const edit = replacement(document, text, context, offset);
  const objectLike = schemas.some((s) => s.properties || typesOf([s]).includes('object'));
  // This system's manifest snippets, where they fit (none in other files: they are not asked).
  const snippets = snippetItems(analysis.kind, context, edit.range, text.trim() === '');
  if (context.position === 'key' && objectLike) {
    const keys = keyItems(navigator, schemas, context, definition.format, edit, text, offset);
    return { isIncomplete: false, items: [...keys, ...snippets] };
  }
  const ruleContext = engine.contextFor(analysis.kind, uriToPath(document.uri), document.getText(), analysis.parsed);
  const known = await workspaceValues(analysis.kind, context.path, ruleContext);
  return { isIncomplete: false, items: [...valueItems(schemas, definition.format, edit, known), ...snippets] };
}

interface Replacement {
  /** The partial word and a closing quote the editor auto-inserted (keys, and values typed without quotes). */
  range: Range;
  /** The quote the user opened (`"` or `'`), re-inserted around the value; '' for none. */
  quote: string;
  /**
   * Inside an opened quote: the text between the quotes (a string value goes there, so that the
   * editor's filter, which reads from the range start to the cursor, sees only the typed word),
   * and whether the closing quote is already there.
   */
  inner?: Range;
  closed?: boolean;
}

/** What a completion replaces: the partial word, and a closing quote the editor auto-inserted. */
function replacement(document: TextDocument, text: string, context: CursorContext, offset: number): Replacement {
  let start = context.replaceStart;
  let end = offset;
  let quote = '';
  const opened = text[start];
  if ((opened === '"' || opened === "'") && start < offset) quote = opened;
  else if (
    start > 0 &&
    (text[start - 1] === '"' || text[start - 1] === "'") &&
    (text[offset] === text[start - 1] || opensQuote(text, start - 1))
  ) {
    // `"|"` or `"pa|`: the partial excludes the opening quote; take the quotes.
    quote = text[start - 1];
    start -= 1;
  }
  const closed = !!quote && text[end] === quote;
  const inner = quote ? { start: document.positionAt(start + 1), end: document.positionAt(end) } : undefined;
  if (closed) end += 1;
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, quote, inner, closed };
}

/** The quote at `at` opens a string: an even number of the same quote precedes it on its line. */
function opensQuote(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return line.split(text[at]).length % 2 === 1;
}

function keyItems(
  navigator: SchemaNavigator,
  schemas: JsonSchema[],
  context: CursorContext,
  format: Format,
  edit: Replacement,
  text: string,
  offset: number,
): CompletionItem[] {
  const { properties, required } = navigator.properties(schemas);
  // JSON: another member follows the cursor, so the inserted one needs its comma.
  const comma = format === 'json' && /^\s*"?\s*"/.test(text.slice(offset + (edit.quote ? 1 : 0))) ? ',' : '';
  const items: CompletionItem[] = [];
  for (const [key, keySchemas] of properties) {
    if (context.existing.has(key)) continue;
    const info = describe(keySchemas);
    const types = typesOf(keySchemas);
    items.push({
      label: key,
      kind: types.includes('object') ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: [
        required.has(key) ? 'required' : '',
        types.join(' | '),
        info.default !== undefined ? `default ${JSON.stringify(info.default)}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      documentation:
        info.markdown || info.plain
          ? { kind: MarkupKind.Markdown, value: info.markdown ?? info.plain ?? '' }
          : undefined,
      sortText: `${required.has(key) ? '0' : '1'}${key}`,
      filterText: format === 'json' ? `"${key}"` : key,
      insertTextFormat: InsertTextFormat.Snippet,
      // VS Code (and any client with adjustIndentation) prefixes each further line with the line's own
      // leading whitespace: the snippet carries only the depth beyond it.
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: {
        range: edit.range,
        newText: keyText(key, keySchemas, format, context.indent - context.lineIndent) + comma,
      },
    });
  }
  return items;
}

const escapeChoice = (value: unknown) => String(value).replace(/[,|\\$}]/g, '\\$&');
const escapePlaceholder = (value: unknown) => String(value).replace(/[\\$}]/g, '\\$&');

/**
 * `key: ` with a snippet for its value: a nested block, a list item, a choice of allowed values,
 * the default. `indent`: the key's column relative to its line's leading whitespace (2 after `- `).
 */
export function keyText(key: string, schemas: JsonSchema[], format: Format, indent: number): string {
  const types = typesOf(schemas);
  const values = allowedValues(schemas).map((v) => v.value);
  const fallback = describe(schemas).default;
  const stringy = types.includes('string') || typeof values[0] === 'string';
  const choice = values.length && values.length <= 30 ? `\${1|${values.map(escapeChoice).join(',')}|}` : undefined;
  const only = (type: string) => types.length > 0 && types.every((t) => t === type || t === 'null');
  const scalarDefault =
    fallback !== undefined && (fallback === null || typeof fallback !== 'object') ? fallback : undefined;
  if (format === 'json') {
    let value: string;
    if (only('object')) value = '{\n\t$0\n}';
    else if (only('array')) value = '[$0]';
    else if (choice) value = stringy ? `"${choice}"` : choice;
    else if (types.includes('string')) value = `"\${1:${escapePlaceholder(scalarDefault ?? '')}}"`;
    else value = `\${1:${escapePlaceholder(scalarDefault ?? '')}}`;
    return `"${key}": ${value}`;
  }
  if (format === 'toml') {
    let value: string;
    if (only('object')) value = '{ $0 }';
    else if (only('array')) value = '[$0]';
    else if (choice) value = stringy ? `"${choice}"` : choice;
    else if (types.includes('string')) value = `"\${1:${escapePlaceholder(scalarDefault ?? '')}}"`;
    else value = `\${1:${escapePlaceholder(scalarDefault ?? '')}}`;
    return `${/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)} = ${value}`;
  }
  const pad = ' '.repeat(indent + 2);
  const yamlKey = /^[\w.\/-]+$/.test(key) ? key : JSON.stringify(key);
  if (only('object')) return `${yamlKey}:\n${pad}$0`;
  if (only('array')) return `${yamlKey}:\n${pad}- $0`;
  if (choice) return `${yamlKey}: ${choice}`;
  if (scalarDefault !== undefined) return `${yamlKey}: \${1:${escapePlaceholder(scalarDefault)}}`;
  return `${yamlKey}: $0`;
}

function valueItems(
  schemas: JsonSchema[],
  format: Format,
  edit: Replacement,
  known: Array<{ value: string; detail: string }>,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const fallback = describe(schemas).default;
  const add = (value: unknown, kind: CompletionItemKind, detail: string, documentation?: string) => {
    const label = String(value);
    if (seen.has(label)) return;
    seen.add(label);
    const isDefault = fallback !== undefined && JSON.stringify(fallback) === JSON.stringify(value);
    items.push({
      label,
      kind,
      detail: isDefault && detail !== 'default' ? `${detail} · default` : detail,
      documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
      // The default first (`false` before `true` when false is the default), then in schema order.
      sortText: `${isDefault ? 0 : 1}${String(items.length).padStart(4, '0')}`,
      preselect: isDefault || undefined,
      ...valueEdit(value, format, edit),
    });
  };
  for (const { value, description } of allowedValues(schemas))
    add(value, CompletionItemKind.EnumMember, 'allowed value', description);
  if (fallback !== undefined && (fallback === null || typeof fallback !== 'object'))
    add(fallback, CompletionItemKind.Value, 'default');
  for (const { value, detail } of known) add(value, CompletionItemKind.Reference, detail);
  for (const value of examplesOf(schemas)) add(value, CompletionItemKind.Value, 'example');
  return items;
}

/**
 * The edit for one value. Inside an opened quote a string goes between the quotes (the range
 * starts after the opening one, so VS Code's filter matches the typed word); any other value
 * replaces the quotes, and its filterText starts with the quote so that the item is kept.
 */
function valueEdit(value: unknown, format: Format, edit: Replacement): Pick<CompletionItem, 'textEdit' | 'filterText'> {
  if (edit.quote && edit.inner && typeof value === 'string') {
    const body = edit.quote === "'" ? value.replace(/'/g, "''") : JSON.stringify(value).slice(1, -1);
    return { textEdit: { range: edit.inner, newText: body + (edit.closed ? '' : edit.quote) } };
  }
  const newText = valueText(value, format, edit.quote);
  return {
    textEdit: { range: edit.range, newText },
    filterText: edit.quote ? `${edit.quote}${String(value)}` : undefined,
  };
}

/** A value as the format writes it: JSON/TOML strings quoted, YAML plain unless it would change type. */
function valueText(value: unknown, format: Format, quote: string): string {
  if (typeof value !== 'string') return String(value);
  if (quote === '"' || format === 'json' || format === 'toml') return JSON.stringify(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  const plain =
    /^[\w./@-][\w ./@:-]*$/.test(value) &&
    !/: |\s$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n|~|[-+.]?\d)/i.test(value);
  return plain ? value : JSON.stringify(value);
}
