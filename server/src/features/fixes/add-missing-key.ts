import { CodeActionKind } from 'vscode-languageserver';
import { nodeAtPointer } from '../../engine/tree-query';
import { columnOf, lineEndOf, literal, type FixBuilder } from './fix';

const PLACEHOLDER: Record<string, unknown> = { string: '', integer: 0, number: 0, boolean: false, array: [], object: {} };

/** A missing required key: added to its object with the schema's default (or an empty value). */
export const addMissingKey: FixBuilder = (input) => {
  const key = input.data.key;
  if (input.data.keyword !== 'required' || typeof key !== 'string' || typeof input.data.pointer !== 'string') return [];
  const object = nodeAtPointer(input.parsed?.root, input.data.pointer);
  if (!object || object.type !== 'object') return [];
  const type = Array.isArray(input.data.valueType) ? String(input.data.valueType[0]) : String(input.data.valueType ?? 'string');
  const value = 'default' in input.data ? input.data.default : Array.isArray(input.data.allowed) ? input.data.allowed[0] : PLACEHOLDER[type] ?? '';
  const { text, format } = input;
  let offset: number;
  let newText: string;
  const first = object.properties[0];
  const last = object.properties[object.properties.length - 1];
  if (format === 'json') {
    if (last) {
      offset = last.value.end;
      newText = `,\n${' '.repeat(columnOf(text, first.keyStart))}"${key}": ${JSON.stringify(value)}`;
    } else {
      offset = object.start + 1;
      newText = `"${key}": ${JSON.stringify(value)}`;
    }
  } else if (format === 'toml') {
    offset = lineEndOf(text, last ? last.value.end : object.start);
    newText = `\n${key} = ${literal(value, 'toml')}`;
  } else {
    if (!last) return [];
    offset = lineEndOf(text, Math.max(last.value.end - 1, last.keyEnd));
    const rendered = typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[]' : '{}') : literal(value, 'yaml');
    newText = `\n${' '.repeat(columnOf(text, first.keyStart))}${key}: ${rendered}`;
  }
  return [
    {
      title: `Add "${key}"${value !== '' ? ` (${JSON.stringify(value)})` : ''}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [input.diagnostic],
      isPreferred: true,
      edit: { changes: { [input.document.uri]: [{ range: { start: input.document.positionAt(offset), end: input.document.positionAt(offset) }, newText }] } },
    },
  ];
};
