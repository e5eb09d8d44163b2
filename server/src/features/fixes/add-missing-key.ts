import type { CodeAction } from 'vscode-languageserver';
import { type ObjectNode, type ValueNode, nodeAtPointer, pathTo } from '../../core';
import {
  columnOf,
  isFlow,
  lastLineEnd,
  lineEndOf,
  literal,
  quickFix,
  shorten,
  type FixBuilder,
  type FixInput,
  type OffsetEdit,
} from './fix';

/** What an empty value of a schema type looks like. */
const EMPTY: Record<string, unknown> = {
  string: '',
  integer: 0,
  number: 0,
  boolean: false,
  array: [],
  object: {},
  null: null,
};
/** The schema does not say: the key is written with an empty value for the author to fill in. */
const UNKNOWN = Symbol('unknown');

/**
 * A missing required key: added at the end of its mapping with the schema's default, or each
 * allowed value, or an empty value of its type. YAML keeps the mapping's indentation, JSON its
 * commas, TOML puts the key under the table's own header (not under a sub-table).
 */
export const addMissingKey: FixBuilder = (input) => {
  const key = input.data.key;
  if (typeof key !== 'string' || typeof input.data.pointer !== 'string') return [];
  const object = nodeAtPointer(input.parsed?.root, input.data.pointer);
  if (object?.type !== 'object') return [];
  const values: unknown[] = [];
  if ('default' in input.data) values.push(input.data.default);
  else if (Array.isArray(input.data.allowed) && input.data.allowed.length)
    values.push(...input.data.allowed.slice(0, 8));
  else {
    const type = Array.isArray(input.data.valueType) ? String(input.data.valueType[0]) : input.data.valueType;
    values.push(typeof type === 'string' && type in EMPTY ? EMPTY[type] : UNKNOWN);
  }
  const actions: CodeAction[] = [];
  values.forEach((value, index) => {
    const edit = insertion(input, object, key, value);
    if (!edit) return;
    const shown =
      value === '' || value === null || value === UNKNOWN ? '' : ` with ${shorten(JSON.stringify(value), 40)}`;
    actions.push(quickFix(input, `Add "${key}"${shown}`, [edit], index === 0));
  });
  return actions;
};

function insertion(input: FixInput, object: ObjectNode, key: string, value: unknown): OffsetEdit | undefined {
  if (input.format === 'json') return jsonInsertion(input.text, object, key, value === UNKNOWN ? null : value);
  if (input.format === 'toml') return tomlInsertion(input, object, key, value === UNKNOWN ? '' : value);
  return yamlInsertion(input.text, object, key, value);
}

function yamlInsertion(text: string, object: ObjectNode, key: string, value: unknown): OffsetEdit | undefined {
  const rendered = value === UNKNOWN ? '' : literal(value, 'yaml');
  const properties = object.properties;
  if (isFlow(text, object)) {
    const close = text.lastIndexOf('}', object.end - 1);
    if (close < object.start) return undefined;
    const last = properties[properties.length - 1];
    const pair = rendered ? `${key}: ${rendered}` : `${key}:`;
    return last
      ? { start: last.value.end, end: last.value.end, newText: `, ${pair}` }
      : { start: close, end: close, newText: pair };
  }
  const first = properties[0];
  const last = properties[properties.length - 1];
  if (!first || !last) return undefined;
  const at = lastLineEnd(text, last.value, last.keyEnd);
  const indent = ' '.repeat(columnOf(text, first.keyStart));
  // A list of scalars goes in block style, as the hosts' own examples write it (GatewayD's env).
  if (Array.isArray(value) && value.length && value.every((v) => typeof v !== 'object' || v === null)) {
    const items = value.map((v) => `\n${indent}  - ${literal(v, 'yaml')}`).join('');
    return { start: at, end: at, newText: `\n${indent}${key}:${items}` };
  }
  return { start: at, end: at, newText: `\n${indent}${key}:${rendered ? ` ${rendered}` : ''}` };
}

function jsonInsertion(text: string, object: ObjectNode, key: string, value: unknown): OffsetEdit | undefined {
  const properties = object.properties;
  const rendered = `${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}`;
  const last = properties[properties.length - 1];
  if (!last) {
    const open = object.start;
    if (text[open] !== '{') return undefined;
    const close = text.lastIndexOf('}', object.end - 1);
    const inner = text.slice(open + 1, close);
    if (!inner.includes('\n')) return { start: open + 1, end: close, newText: ` ${rendered} ` };
    const indent = columnOf(text, open) + 2;
    return { start: open + 1, end: open + 1, newText: `\n${' '.repeat(indent)}${rendered}` };
  }
  const first = properties[0];
  // An object written on one line gets the pair on that line; otherwise the pair gets a line of its own.
  const sameLine = !text.slice(object.start, object.end).includes('\n');
  return {
    start: last.value.end,
    end: last.value.end,
    newText: sameLine ? `, ${rendered}` : `,\n${' '.repeat(columnOf(text, first.keyStart))}${rendered}`,
  };
}

/** Where TOML headers are: every table opened by `[...]` or `[[...]]` starts at one. */
function headerStarts(root: ValueNode | undefined, text: string, into: number[] = []): number[] {
  if (!root) return into;
  if (root.type === 'object') {
    if (text[root.start] === '[') into.push(root.start);
    for (const p of root.properties) headerStarts(p.value, text, into);
  } else if (root.type === 'array') for (const item of root.items) headerStarts(item, text, into);
  return into;
}

function tomlKey(step: string | number): string {
  return /^[A-Za-z0-9_-]+$/.test(String(step)) ? String(step) : JSON.stringify(String(step));
}

function tomlInsertion(input: FixInput, object: ObjectNode, key: string, value: unknown): OffsetEdit | undefined {
  const { text } = input;
  const root = input.parsed?.root;
  const headers = [...new Set(headerStarts(root, text))].sort((a, b) => a - b);
  const isTable = value !== null && typeof value === 'object' && !Array.isArray(value);
  const path = pathTo(object);
  if (text[object.start] === '{') {
    // An inline table: before its closing brace.
    const close = text.lastIndexOf('}', object.end - 1);
    const last = object.properties[object.properties.length - 1];
    const line = `${tomlKey(key)} = ${literal(value, 'toml')}`;
    return last
      ? { start: last.value.end, end: last.value.end, newText: `, ${line}` }
      : { start: close, end: close, newText: ` ${line} ` };
  }
  if (isTable) {
    // A missing table: a header of its own at the end of the file, with its default keys.
    const body = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `\n${tomlKey(k)} = ${literal(v, 'toml')}`)
      .join('');
    const lead = text.endsWith('\n') || text.length === 0 ? '' : '\n';
    return {
      start: text.length,
      end: text.length,
      newText: `${lead}\n[${[...path, key].map(tomlKey).join('.')}]${body}\n`,
    };
  }
  const line = `${tomlKey(key)} = ${literal(value, 'toml')}`;
  const isRoot = object === root;
  const ownHeader = isRoot ? undefined : headerOf(text, object);
  if (!isRoot && ownHeader === undefined) {
    // Defined by dotted keys or only through its sub-tables' headers: give it a header of its own,
    // unless dotted keys made it (TOML forbids a header for those).
    if (text[object.start] !== '[') return undefined;
    const lead = text.endsWith('\n') ? '' : '\n';
    return { start: text.length, end: text.length, newText: `${lead}\n[${path.map(tomlKey).join('.')}]\n${line}\n` };
  }
  const sectionStart = ownHeader === undefined ? 0 : lineEndOf(text, ownHeader);
  const sectionEnd = headers.find((h) => (ownHeader === undefined ? h >= 0 : h > ownHeader)) ?? text.length;
  const own = object.properties.filter((p) => p.keyStart >= sectionStart && p.keyStart < sectionEnd);
  const last = own[own.length - 1];
  if (last) {
    const at = lastLineEnd(text, last.value, last.keyEnd);
    return { start: at, end: at, newText: `\n${line}` };
  }
  if (ownHeader !== undefined) return { start: sectionStart, end: sectionStart, newText: `\n${line}` };
  return { start: 0, end: 0, newText: `${line}\n` };
}

/** The offset of the `[...]` header that opens this very table (not one of its sub-tables). */
function headerOf(text: string, object: ObjectNode): number | undefined {
  if (text[object.start] !== '[') return undefined;
  if (object.parentArray) return object.start; // [[array.of.tables]]
  const property = object.property;
  if (!property || property.value !== object) return undefined;
  return /^\s*\]/.test(text.slice(property.keyEnd)) ? object.start : undefined;
}
