import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Format, ParsedDocument } from '../../engine/types';

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

export type FixBuilder = (input: FixInput) => CodeAction[];

/** A replacement that keeps the quotes the original text had. */
export function keepQuotes(original: string, value: string): string {
  const quote = original.startsWith('"') || original.startsWith("'") ? original[0] : '';
  return quote ? `${quote}${value}${quote}` : value;
}

/** A scalar as it should be written in the document's format. */
export function literal(value: unknown, format: Format): string {
  if (typeof value === 'string') {
    if (format !== 'yaml') return JSON.stringify(value);
    return /^[A-Za-z_./@][\w ./@:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value) ? value : JSON.stringify(value);
  }
  if (value === null || value === undefined) return format === 'yaml' ? '""' : '""';
  if (typeof value === 'object') return format === 'toml' ? (Array.isArray(value) ? '[]' : '{}') : JSON.stringify(value);
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
