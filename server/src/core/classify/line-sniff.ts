import { BlockShape, KEY, lineValue } from '../parse/plain-block';
import type { ArrayNode, ObjectNode, ParsedDocument, PropertyNode, ScalarNode, ValueNode } from '../types';

/**
 * What a content sniff reads of a YAML text (as YAML 1.2, placeholders already replaced), found by
 * looking at its lines instead of parsing it: the documents, each root's top-level keys in order,
 * each value's type and scalar value, and the keys of a top-level list's first mapping entry. That
 * is all a content signature sees, and `check` of a folder of small specs spent a third of its
 * time parsing each file once more only to recognise it.
 *
 * Only for the plain block shape (core/parse/plain-block.ts), checked on every line, the nested ones
 * too: a broken line anywhere changes what the parser gives. Anything else gives `undefined` and the
 * caller parses: tabs, CR, a BOM, directives, `...`, an empty document, a top-level list, a
 * top-level value that is a flow collection or a block scalar, a quoted or repeated key, a number
 * written in octal or hex, `.inf`/`.nan`. Nested values are typed, not kept: a mapping below a key
 * is an empty object here, a list holds only its first mapping entry (with that entry's keys).
 * A seeded test proves the view equal to a parse's wherever this answers
 * (test/unit/core/line-sniff.test.ts).
 */
export function sniffLines(text: string): ParsedDocument[] | undefined {
  if (/[\t\r\u0085\u2028\u2029\ufeff]/.test(text)) return undefined;
  const documents: ParsedDocument[] = [];
  let shape = new BlockShape();
  let root: ObjectNode | undefined;
  let docStart = 0;
  let sawMarker = false;
  // The last top-level key whose value is on the lines below (nothing after its `:`).
  let pending: PropertyNode | undefined;
  // Inside a top-level list: its node, the dash column, and the mapping entry being read.
  let list: { node: ArrayNode; dash: number; entry?: ObjectNode; keyIndent: number; done: boolean } | undefined;
  let bareDash = false;
  // Keys seen in this document's root and in the list entry being read (a Set: a hostile file may hold
  // a hundred thousand keys).
  let rootKeys = new Set<string>();
  let entryKeys = new Set<string>();

  const close = (at: number): boolean => {
    if (!root) return !sawMarker; // nothing before the first marker is no document; an empty one is left to the parser
    documents.push({ root, start: docStart, end: at, broken: false });
    return true;
  };

  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const lineStart = start;
    start = end + 1;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (shape.inBlockScalar(indent, content)) continue;
    if (content === '' || content.startsWith('#')) continue;
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%'))) {
      if (line !== '---' || !close(lineStart)) return undefined;
      sawMarker = true;
      root = undefined;
      rootKeys = new Set();
      pending = undefined;
      list = undefined;
      shape = new BlockShape();
      docStart = start;
      continue;
    }
    if (!shape.fits(indent, content)) return undefined;
    const entry = content === '-' || content.startsWith('- ');
    if (indent === 0) {
      const match = KEY.exec(line);
      if (!match) return undefined; // a top-level list, a quoted or complex key...
      const value = lineValue(match[3] ?? '');
      if (value === undefined || value === '|' || value === '>' || value[0] === '[' || value[0] === '{')
        return undefined;
      root ??= { type: 'object', properties: [], start: lineStart, end: lineStart };
      const key = match[2];
      if (NOT_STRING_KEYS.has(key) || rootKeys.has(key)) return undefined;
      rootKeys.add(key);
      const keyEnd = lineStart + key.length;
      let node: ValueNode;
      if (value === '') node = nullScalar(keyEnd);
      else {
        const scalar = scalarValue(value);
        if (!scalar) return undefined;
        const valueStart = lineStart + line.indexOf(value, key.length + 1);
        node = { type: 'scalar', value: scalar.value, start: valueStart, end: valueStart + value.length };
        if (scalar.quoted) (node as ScalarNode).quoted = true;
      }
      const property: PropertyNode = { key, keyStart: lineStart, keyEnd, value: node, parent: root };
      node.property = property;
      root.properties.push(property);
      root.end = end;
      pending = value === '' ? property : undefined;
      list = undefined;
      continue;
    }
    if (!root) return undefined; // the top node starts indented
    root.end = end;
    if (pending) {
      // The first line under a bare key tells its value's type.
      const property = pending;
      pending = undefined;
      let node: ValueNode;
      if (entry) {
        node = { type: 'array', items: [], start: lineStart + indent, end };
        list = { node, dash: indent, keyIndent: -1, done: false };
      } else if (KEY.test(content)) node = { type: 'object', properties: [], start: lineStart + indent, end };
      else return undefined;
      node.property = property;
      property.value = node;
    }
    if (!list || list.done) continue;
    if (indent === list.dash && entry) {
      if (list.entry) {
        list.done = true; // the first mapping entry is complete: a signature reads no further
        continue;
      }
      const rest = content.slice(1).trimStart();
      bareDash = rest === '' || rest.startsWith('#');
      if (!bareDash && KEY.test(rest)) {
        list.entry = objectItem(list.node, lineStart + indent);
        entryKeys = new Set();
        list.keyIndent = indent + (content.length - rest.length);
        if (!addKey(list.entry, entryKeys, rest, lineStart + list.keyIndent)) return undefined;
      }
      continue;
    }
    if (indent < list.dash) {
      list.done = true;
      continue;
    }
    if (bareDash) {
      // `-` alone: what its first deeper line is makes the entry a mapping or not.
      bareDash = false;
      if (!entry && KEY.test(content)) {
        list.entry = objectItem(list.node, lineStart + indent);
        entryKeys = new Set();
        list.keyIndent = indent;
        if (!addKey(list.entry, entryKeys, content, lineStart + indent)) return undefined;
      }
      continue;
    }
    if (list.entry && indent === list.keyIndent && !entry) {
      if (!addKey(list.entry, entryKeys, content, lineStart + indent)) return undefined;
    } else if (list.entry && indent < list.keyIndent) list.done = true;
  }
  if (!close(text.length) || !documents.length) return undefined;
  return documents;
}

function nullScalar(at: number): ScalarNode {
  return { type: 'scalar', value: null, start: at + 1, end: at + 1 };
}

function objectItem(list: ArrayNode, at: number): ObjectNode {
  const item: ObjectNode = { type: 'object', properties: [], start: at, end: at, parentArray: list };
  list.items.push(item);
  return item;
}

/** A key of a list's first mapping entry (its value is not read: only the keys are signed). */
function addKey(item: ObjectNode, keys: Set<string>, line: string, at: number): boolean {
  const match = KEY.exec(line);
  if (!match) return true;
  const key = match[2];
  if (NOT_STRING_KEYS.has(key) || keys.has(key)) return false;
  keys.add(key);
  const value = nullScalar(at + key.length);
  const property: PropertyNode = { key, keyStart: at, keyEnd: at + key.length, value, parent: item };
  value.property = property;
  item.properties.push(property);
  return true;
}

/** Keys YAML 1.2 reads as null or a boolean, not as the word: left to the parser. */
const NOT_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * A top-level scalar as the YAML 1.2 core schema reads it, from what `lineValue` accepted; undefined
 * where the reading is not plain enough to be sure (octal, hex, infinities, NaN, huge integers).
 */
function scalarValue(value: string): { value: string | number | boolean | null; quoted?: boolean } | undefined {
  const first = value[0];
  // lineValue admits only closed quotes with no escape and no doubled quote: the text between is the value.
  if (first === '"' || first === "'") return { value: value.slice(1, -1), quoted: true };
  if (value === '~' || value === 'null' || value === 'Null' || value === 'NULL') return { value: null };
  if (value === 'true' || value === 'True' || value === 'TRUE') return { value: true };
  if (value === 'false' || value === 'False' || value === 'FALSE') return { value: false };
  if (/^[-+]?[0-9]+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? { value: n } : undefined;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(value)) return { value: Number(value) };
  if (/^[-+]?0[oxOX]|\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(value)) return undefined;
  return { value };
}
