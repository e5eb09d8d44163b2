import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import type { ArrayNode, EngineDiagnostic, ObjectNode, ParsedDocument, ValueNode } from '../types';
import { addItem, addProperty, arrayNode, findProperty, objectNode, scalarNode } from './tree-builder';
import { excessiveNesting, MAX_NESTING, tooDeep, treeDepth } from './limits';

/** Reads a TOML file into one document; tables and dotted keys become nested objects. */
export function readToml(text: string): { documents: ParsedDocument[]; diagnostics: EngineDiagnostic[] } {
  const unread = (diagnostic: EngineDiagnostic) => ({
    documents: [{ root: undefined, start: 0, end: text.length, broken: true }],
    diagnostics: [diagnostic],
  });
  // toml-eslint-parser recurses per bracket level; refuse absurd nesting before it runs.
  const deep = excessiveNesting(text, 'toml');
  if (deep >= 0) return unread(tooDeep(deep, deep + 1));
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    const e = error as { message?: string; index?: number };
    const start = typeof e.index === 'number' ? e.index : 0;
    return unread({
      start,
      end: start + 1,
      severity: 'error',
      code: 'toml.syntax',
      message: e.message ?? 'TOML syntax error',
    });
  }
  const root = objectNode(0, text.length);
  const top = program.body[0];
  for (const element of top?.body ?? []) {
    if (element.type === 'TOMLKeyValue') {
      assignKeyValue(root, element, text);
      continue;
    }
    const keys = element.key.keys;
    let target: ObjectNode = root;
    const path = keys.length;
    for (let i = 0; i < path; i++) {
      const segment = keys[i];
      const name = keyName(segment);
      const isLast = i === path - 1;
      if (isLast && element.kind === 'array') {
        let property = findProperty(target, name);
        if (!property || property.value.type !== 'array') {
          property = addProperty(
            target,
            name,
            segment.range[0],
            segment.range[1],
            arrayNode(element.range[0], element.range[1]),
          );
        }
        const array = property.value as ArrayNode;
        const item = objectNode(element.range[0], element.range[1]);
        addItem(array, item);
        array.end = Math.max(array.end, element.range[1]);
        target = item;
      } else {
        target = childObject(target, name, segment.range[0], segment.range[1], element.range[0], element.range[1]);
        if (isLast) target.end = Math.max(target.end, element.range[1]);
      }
    }
    for (const keyValue of element.body) assignKeyValue(target, keyValue, text);
  }
  // Dotted keys and table headers nest without brackets: `[a.b.c. ...]` with thousands of parts.
  if (treeDepth(root) > MAX_NESTING) return unread(tooDeep(0, 1));
  return { documents: [{ root, start: 0, end: text.length, broken: false }], diagnostics: [] };
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value;
}

/** The object at `name` under `parent` (the last element when it is an array of tables). */
function childObject(
  parent: ObjectNode,
  name: string,
  keyStart: number,
  keyEnd: number,
  start: number,
  end: number,
): ObjectNode {
  const existing = findProperty(parent, name);
  if (existing?.value.type === 'object') return existing.value;
  if (existing?.value.type === 'array') {
    const last = existing.value.items[existing.value.items.length - 1];
    if (last?.type === 'object') return last;
  }
  const created = objectNode(start, end);
  addProperty(parent, name, keyStart, keyEnd, created);
  return created;
}

function assignKeyValue(parent: ObjectNode, keyValue: AST.TOMLKeyValue, text: string): void {
  const keys = keyValue.key.keys;
  let target = parent;
  for (let i = 0; i < keys.length - 1; i++) {
    target = childObject(
      target,
      keyName(keys[i]),
      keys[i].range[0],
      keys[i].range[1],
      keyValue.range[0],
      keyValue.range[1],
    );
  }
  const last = keys[keys.length - 1];
  addProperty(target, keyName(last), last.range[0], last.range[1], convertValue(keyValue.value, text));
}

function convertValue(value: AST.TOMLContentNode, text: string): ValueNode {
  const [start, end] = value.range;
  if (value.type === 'TOMLArray') {
    const array = arrayNode(start, end);
    for (const element of value.elements) addItem(array, convertValue(element, text));
    return array;
  }
  if (value.type === 'TOMLInlineTable') {
    const object = objectNode(start, end);
    for (const keyValue of value.body) assignKeyValue(object, keyValue, text);
    return object;
  }
  const raw = value.value as unknown;
  if (typeof raw === 'string' || typeof raw === 'boolean' || typeof raw === 'number')
    return scalarNode(raw, start, end);
  if (typeof raw === 'bigint') return scalarNode(Number(raw), start, end);
  // Dates and times stay as written: the host's serde types read them as strings.
  return scalarNode(text.slice(start, end), start, end);
}
