import type { CodeAction } from 'vscode-languageserver';
import { pathTo, propertyKeyedAt, type Step } from '../../core';
import { keepQuotes, quickFix, shortenChange, type FixBuilder, type FixInput, type OffsetEdit } from './fix';

/** Replaces the diagnostic's span (a key or a value) with `value`, keeping its quotes. */
function replaceSpan(input: FixInput, value: string, title: string, preferred: boolean): CodeAction {
  const start = input.document.offsetAt(input.diagnostic.range.start);
  const end = input.document.offsetAt(input.diagnostic.range.end);
  const edits: OffsetEdit[] = [{ start, end, newText: keepQuotes(input.text.slice(start, end), value) }];
  if (input.format === 'toml') edits.push(...otherTomlHeaders(input, start, end, value));
  return quickFix(input, title, edits, preferred);
}

/** The text a diagnostic's span holds, without its quotes. */
function current(input: FixInput): string {
  const text = input.text.slice(
    input.document.offsetAt(input.diagnostic.range.start),
    input.document.offsetAt(input.diagnostic.range.end),
  );
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/** `data.replace`: the one right text (a kebab/snake-case name, the exact cookie line, a category ...). */
export const replaceWithKnownValue: FixBuilder = (input) =>
  typeof input.data.replace === 'string'
    ? [replaceSpan(input, input.data.replace, `Change to "${shortenChange(input.data.replace, current(input))}"`, true)]
    : [];

/** `data.computed`: the SHA-256 the checksum rule computed from the binary. */
export const replaceWithComputedChecksum: FixBuilder = (input) =>
  typeof input.data.computed === 'string'
    ? [
        replaceSpan(
          input,
          input.data.computed,
          `Use the binary's SHA-256 (${input.data.computed.slice(0, 12)}...)`,
          true,
        ),
      ]
    : [];

/** `data.suggestion`: the closest allowed key (rename) or value (replace). */
export const replaceWithSuggestion: FixBuilder = (input) => {
  const suggestion = input.data.suggestion;
  if (typeof suggestion !== 'string') return [];
  const onKey = input.data.keyword === 'additionalProperties' || input.data.keyword === 'unevaluatedProperties';
  return [replaceSpan(input, suggestion, onKey ? `Rename to "${suggestion}"` : `Change to "${suggestion}"`, true)];
};

/** `data.allowed` of an enum or const: each allowed value (the suggestion is offered first, above). */
export const offerAllowedValues: FixBuilder = (input) => {
  if (input.data.keyword !== 'enum' && input.data.keyword !== 'const') return [];
  if (!Array.isArray(input.data.allowed)) return [];
  const current = input.document.getText(input.diagnostic.range).replace(/^["']|["']$/g, '');
  const actions: CodeAction[] = [];
  const allowed = input.data.allowed.filter((v) => v === null || typeof v !== 'object');
  for (const value of allowed.slice(0, 20)) {
    const text = String(value);
    if (value === input.data.suggestion || text === current) continue;
    const preferred = allowed.length === 1 && input.data.suggestion === undefined;
    // Non-strings are written bare; strings keep the quotes the document had.
    actions.push(
      typeof value === 'string'
        ? replaceSpan(input, text, `Change to "${text}"`, preferred)
        : quickFix(input, `Change to ${text}`, [spanEdit(input, text)], preferred),
    );
  }
  return actions;
};

function spanEdit(input: FixInput, newText: string): OffsetEdit {
  return {
    start: input.document.offsetAt(input.diagnostic.range.start),
    end: input.document.offsetAt(input.diagnostic.range.end),
    newText,
  };
}

/** One part of a TOML dotted key: a basic string, a literal string or a bare key. */
const KEY_PART = String.raw`"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+`;
/** A `dotted.key = ...` line, the key in group 1. */
const KEY_VALUE_LINE = new RegExp(String.raw`^[ \t]*((?:${KEY_PART})(?:[ \t]*\.[ \t]*(?:${KEY_PART}))*)[ \t]*=`);

/**
 * A TOML table is named again in every header below it (`[services.My_Id]`, `[services.My_Id.settings]`)
 * and in dotted keys (`My_Id.plugin = ...` under `[services]`): renaming its key renames it there
 * too, or the rest would land in another table.
 */
function otherTomlHeaders(input: FixInput, start: number, end: number, value: string): OffsetEdit[] {
  const table = propertyKeyedAt(input.parsed?.root, start)?.value;
  if (table?.type !== 'object' && table?.type !== 'array') return [];
  const path = pathTo(table);
  const edits: OffsetEdit[] = [];
  const rename = (segments: Array<{ name: Step; start: number; end: number }>, from: number) => {
    if (segments.length < path.length || !path.every((step, i) => segments[i].name === step)) return;
    const own = segments[path.length - 1];
    // Only a segment written on this line (a dotted key under `[services]` names `services` implicitly).
    if (path.length - 1 < from || (own.start === start && own.end === end)) return;
    edits.push({ start: own.start, end: own.end, newText: keepQuotes(input.text.slice(own.start, own.end), value) });
  };
  let current: Array<{ name: Step; start: number; end: number }> = [];
  let inMultiline = false;
  let offset = 0;
  for (const line of input.text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const quotes = (line.match(/"""|\'\'\'/g) ?? []).length;
    if (inMultiline) {
      if (quotes % 2 === 1) inMultiline = false;
      continue;
    }
    const header = /^[ \t]*\[\[?([^\]\n]*)\]\]?/.exec(line);
    if (header) {
      current = splitDottedKey(header[1], lineStart + header[0].indexOf(header[1], header[0].indexOf('[')));
      rename(current, 0);
      continue;
    }
    const keyValue = KEY_VALUE_LINE.exec(line);
    if (keyValue) {
      const own = splitDottedKey(keyValue[1], lineStart + line.indexOf(keyValue[1]));
      rename([...current, ...own], current.length);
    }
    if (quotes % 2 === 1) inMultiline = true;
  }
  return edits;
}

/** `a."b.c" . d` -> a, b.c, d with their spans (quotes included). */
function splitDottedKey(body: string, offset: number): Array<{ name: Step; start: number; end: number }> {
  const segments: Array<{ name: Step; start: number; end: number }> = [];
  const part = new RegExp(String.raw`\s*(${KEY_PART})\s*(\.|$)`, 'y');
  for (let match = part.exec(body); match && match[0]; match = part.exec(body)) {
    const raw = match[1];
    const start = offset + match.index + match[0].indexOf(raw);
    const name = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1) : raw;
    segments.push({ name, start, end: start + raw.length });
    if (!match[2]) break;
  }
  return segments;
}
