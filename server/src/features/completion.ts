import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { KINDS, type KindDefinition } from '../engine';
import type { JsonSchema } from '../schemas/schema-store';
import { cursorContext, type CursorContext } from './cursor-context';
import type { FeatureContext } from './index';
import { analyzedDocument } from './analyzed-document';
import { allowedValues, describe, SchemaNavigator, typesOf } from './schema-navigator';
import { workspaceValues } from './workspace-values';
import { uriToPath } from '../lsp/workbench-service';

export const COMPLETION_TRIGGERS = [':', ' ', '-', '"', '=', '['];

/** Keys (missing ones, required first), allowed values and workspace values at the cursor. */
export function registerCompletion(features: FeatureContext): void {
  const { connection, service } = features;
  connection.onCompletion(async (params: CompletionParams) => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    const definition = KINDS[analysis.kind];
    const text = analysis.parsed.text; // placeholders replaced by same-length stand-ins
    const offset = document.offsetAt(params.position);
    const context = cursorContext(definition.format, text, offset, definition.yamlVersion);
    const navigator = SchemaNavigator.for(service.engine.schemas, analysis.kind);
    if (!context || !navigator) return null;
    const schemas = navigator.at(context.path, context.documentValue);
    const range = { start: document.positionAt(context.replaceStart), end: params.position };
    const objectLike = schemas.some((s) => s.properties || s.additionalProperties || typesOf([s]).includes('object'));
    if (context.position === 'key' && objectLike) return { isIncomplete: false, items: keyItems(navigator, schemas, context, definition, range) };
    const ruleContext = service.engine.contextFor(analysis.kind, uriToPath(document.uri), document.getText(), analysis.parsed);
    return { isIncomplete: false, items: valueItems(schemas, context, definition, range, workspaceValues(analysis.kind, context.path, ruleContext)) };
  });
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

function keyItems(navigator: SchemaNavigator, schemas: JsonSchema[], context: CursorContext, definition: KindDefinition, range: Range): CompletionItem[] {
  const { properties, required } = navigator.properties(schemas);
  const items: CompletionItem[] = [];
  for (const [key, keySchemas] of properties) {
    if (context.existing.has(key)) continue;
    const info = describe(keySchemas);
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: [required.has(key) ? 'required' : '', typesOf(keySchemas).join(' | ')].filter(Boolean).join(' · '),
      documentation: info.markdown || info.plain ? { kind: MarkupKind.Markdown, value: info.markdown ?? info.plain ?? '' } : undefined,
      sortText: `${required.has(key) ? '0' : '1'}${key}`,
      filterText: definition.format === 'json' ? `"${key}"` : key,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: keyText(key, keySchemas, definition.format, context.indent) },
    });
  }
  return items;
}

function keyText(key: string, schemas: JsonSchema[], format: string, indent: number): string {
  const types = typesOf(schemas);
  const values = allowedValues(schemas).map((v) => v.value);
  const fallback = describe(schemas).default;
  const choice = values.length && values.length <= 20 ? `\${1|${values.map((v) => String(v).replace(/[,|]/g, '\\$&')).join(',')}|}` : undefined;
  if (format === 'json') {
    const value = types.includes('object') ? '{$0}' : types.includes('array') ? '[$0]' : choice ? (types.includes('string') || typeof values[0] === 'string' ? `"${choice}"` : choice) : types.includes('string') ? `"\${1:${fallback ?? ''}}"` : `\${1:${fallback ?? ''}}`;
    return `"${key}": ${value}`;
  }
  if (format === 'toml') {
    const value = types.includes('object') ? '{ $0 }' : types.includes('array') ? '[$0]' : choice ? (typeof values[0] === 'string' ? `"${choice}"` : choice) : types.includes('string') ? `"\${1:${fallback ?? ''}}"` : `\${1:${fallback ?? ''}}`;
    return `${key} = ${value}`;
  }
  const pad = ' '.repeat(indent + 2);
  if (types.length === 1 && types[0] === 'object') return `${key}:\n${pad}$0`;
  if (types.length === 1 && types[0] === 'array') return `${key}:\n${pad}- $0`;
  if (choice) return `${key}: ${choice}`;
  if (fallback !== undefined && typeof fallback !== 'object') return `${key}: \${1:${String(fallback)}}`;
  return `${key}: $0`;
}

function valueItems(schemas: JsonSchema[], context: CursorContext, definition: KindDefinition, range: Range, known: string[]): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, kind: CompletionItemKind, detail: string, documentation?: string) => {
    const label = String(value);
    if (seen.has(label)) return;
    seen.add(label);
    items.push({
      label,
      kind,
      detail,
      documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
      sortText: `${items.length}`.padStart(4, '0'),
      textEdit: { range, newText: valueText(value, definition.format, context.partial) },
    });
  };
  for (const { value, description } of allowedValues(schemas)) add(value, CompletionItemKind.EnumMember, 'allowed value', description);
  const fallback = describe(schemas).default;
  if (fallback !== undefined && typeof fallback !== 'object') add(fallback, CompletionItemKind.Value, 'default');
  for (const value of known) add(value, CompletionItemKind.Reference, 'defined in this workspace');
  return items;
}

function valueText(value: unknown, format: string, partial: string): string {
  if (typeof value !== 'string') return String(value);
  if (format === 'json' || format === 'toml') return partial.startsWith('"') ? `"${value}` : `"${value}"`;
  return /^[\w./@-][\w ./@:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|\d)/i.test(value) ? value : JSON.stringify(value);
}
