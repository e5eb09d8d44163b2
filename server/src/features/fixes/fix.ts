import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Format, ParsedDocument, ValueNode } from '../../core';

/** What a fix builder gets: the diagnostic (with the engine's `data`) and the parsed document. */
export interface FixInput {
  document: TextDocument;
  text: string;
  diagnostic: Diagnostic;
  data: Record<string, unknown>;
  format: Format;
  /** The parsed document the diagnostic is in. */
  parsed: ParsedDocument | undefined;
  filePath: string;
}

/** A family of fixes: the code actions it can offer for one diagnostic (none when its data is missing). */
export type FixBuilder = (input: FixInput) => CodeAction[];

/** An offset-based edit, turned into an LSP TextEdit on the document. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return {
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  };
}

/** A quick fix that edits the document the diagnostic is in. */
export function quickFix(input: FixInput, title: string, edits: OffsetEdit[], isPreferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [input.diagnostic],
    isPreferred,
    edit: { changes: { [input.document.uri]: edits.map((e) => toTextEdit(input.document, e)) } },
  };
}

/** A replacement that keeps the quotes the original text had. */
export function keepQuotes(original: string, value: string): string {
  const quote = original.startsWith('"') || original.startsWith("'") ? original[0] : '';
  if (!quote) return value;
  const escaped = quote === '"' ? JSON.stringify(value).slice(1, -1) : value.replace(/'/g, "''");
  return `${quote}${escaped}${quote}`;
}

const YAML_RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const YAML_NUMBER = /^[-+]?(\.?\d|0x|0o|\.inf|\.nan)/i;

/** Whether a string can be written as a plain (unquoted) YAML scalar and read back as that string. */
function yamlPlain(value: string): boolean {
  if (!value || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value)) return false;
  if (/: |:$| #|[\n\t]|[,[\]{}]/.test(value)) return false;
  return !YAML_RESERVED.test(value) && !YAML_NUMBER.test(value);
}

/** A value as it is written in the document's format (flow style for objects and lists). */
export function literal(value: unknown, format: Format): string {
  if (typeof value === 'string') {
    if (format !== 'yaml') return JSON.stringify(value);
    return yamlPlain(value) ? value : JSON.stringify(value);
  }
  if (value === null || value === undefined) return '""';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, format)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (format === 'json') return JSON.stringify(value);
    if (!entries.length) return '{}';
    const separator = format === 'toml' ? ' = ' : ': ';
    const key = (k: string) => (format === 'toml' && !/^[A-Za-z0-9_-]+$/.test(k) ? JSON.stringify(k) : k);
    return `{ ${entries.map(([k, v]) => `${key(k)}${separator}${literal(v, format)}`).join(', ')} }`;
  }
  return String(value);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The end of the last line a node occupies (node ends may include the line break after them). */
export function lastLineEnd(text: string, node: ValueNode, keyEnd = node.start): number {
  const end = Math.max(node.end, keyEnd);
  const lastChar = end > 0 && text[end - 1] === '\n' ? end - 1 : end;
  return lineEndOf(text, Math.max(lastChar - 1, keyEnd, node.start));
}

/** Whether the text of a node opens with a flow bracket (`{`, `[`): a flow mapping or list. */
export function isFlow(text: string, node: ValueNode): boolean {
  return text[node.start] === '{' || text[node.start] === '[';
}

export function shorten(value: string, max = 48): string {
  return value.length > max ? `${value.slice(0, max - 3)}...` : value;
}

/**
 * A long replacement for a label, shortened so that where it differs from `current` stays in
 * view (a cookie that lacks its last character): its head, then the part around the change.
 */
export function shortenChange(value: string, current: string, max = 48): string {
  if (value.length <= max) return value;
  let at = 0;
  while (at < value.length && value[at] === current[at]) at++;
  if (at < max - 8) return shorten(value, max);
  const head = 20;
  const room = max - head - 6;
  const end = Math.min(value.length, at + 9);
  const start = Math.max(head, end - room);
  return `${value.slice(0, head)}...${value.slice(start, end)}${end < value.length ? '...' : ''}`;
}
