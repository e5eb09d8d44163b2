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
    // TOML 1.0, as the toml crate (0.8, toml_edit) of lgc and Cargo reads it: no `\x41` escapes,
    // no trailing commas or newlines in inline tables, seconds required in times (all TOML 1.1).
    // A byte-order mark is allowed before the first key (the toml crate skips it); a space keeps offsets.
    program = parseTOML(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, { tomlVersion: '1.0.0' });
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
  const overflows: EngineDiagnostic[] = [];
  const top = program.body[0];
  for (const element of top?.body ?? []) {
    if (element.type === 'TOMLKeyValue') {
      assignKeyValue(root, element, text, overflows);
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
    for (const keyValue of element.body) assignKeyValue(target, keyValue, text, overflows);
  }
  // Dotted keys and table headers nest without brackets: `[a.b.c. ...]` with thousands of parts.
  if (treeDepth(root) > MAX_NESTING) return unread(tooDeep(0, 1));
  return { documents: [{ root, start: 0, end: text.length, broken: false }], diagnostics: overflows };
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

function assignKeyValue(
  parent: ObjectNode,
  keyValue: AST.TOMLKeyValue,
  text: string,
  overflows: EngineDiagnostic[],
): void {
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
  addProperty(target, keyName(last), last.range[0], last.range[1], convertValue(keyValue.value, text, overflows));
}

function convertValue(value: AST.TOMLContentNode, text: string, overflows: EngineDiagnostic[]): ValueNode {
  const [start, end] = value.range;
  if (value.type === 'TOMLArray') {
    const array = arrayNode(start, end);
    for (const element of value.elements) addItem(array, convertValue(element, text, overflows));
    return array;
  }
  if (value.type === 'TOMLInlineTable') {
    const object = objectNode(start, end);
    for (const keyValue of value.body) assignKeyValue(object, keyValue, text, overflows);
    return object;
  }
  const raw = value.value as unknown;
  if (value.kind === 'integer') {
    // The parser hands back a lossy number; TOML 1.0 integers are i64 and the toml crate refuses more.
    const written = text.slice(start, end);
    const big = tomlInteger(written);
    const node = scalarNode(Number(big ?? raw), start, end);
    node.tag = 'int';
    if (big !== undefined && (big > I64_MAX || big < -I64_MAX - 1n)) {
      overflows.push({
        start,
        end,
        severity: 'error',
        code: 'toml.syntax',
        message: `${written} does not fit in a 64-bit integer: TOML 1.0 integers are i64, and the toml parser refuses larger ones.`,
      });
    } else if (big !== undefined && !Number.isSafeInteger(Number(big))) node.big = big;
    return node;
  }
  if (typeof raw === 'string' || typeof raw === 'boolean' || typeof raw === 'number') {
    const node = scalarNode(raw, start, end);
    if (value.kind === 'float') node.tag = 'float';
    // 1e400 is no binary64 number: the toml crate refuses it ("invalid number"); inf and nan are words.
    if (value.kind === 'float' && typeof raw === 'number' && !Number.isFinite(raw) && /\d/.test(text.slice(start, end)))
      overflows.push({
        start,
        end,
        severity: 'error',
        code: 'toml.syntax',
        message: `${text.slice(start, end)} does not fit in a 64-bit float: the toml parser refuses it (invalid number).`,
      });
    return node;
  }
  if (typeof raw === 'bigint') return scalarNode(Number(raw), start, end);
  // Dates and times keep their text; the tag says what they are (serde sees no string in them).
  const node = scalarNode(text.slice(start, end), start, end);
  node.tag = value.kind === 'local-date' ? 'date' : 'time';
  return node;
}

const I64_MAX = 2n ** 63n - 1n;

/** A TOML integer's exact value (decimal with sign, 0x, 0o, 0b; underscores between digits). */
function tomlInteger(written: string): bigint | undefined {
  const digits = written.replace(/_/g, '');
  try {
    if (/^[+-]?\d+$/.test(digits)) return BigInt(digits.replace(/^\+/, ''));
    if (/^0[xob][0-9a-fA-F]+$/.test(digits)) return BigInt(digits);
  } catch {
    return undefined;
  }
  return undefined;
}
