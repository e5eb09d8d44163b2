import type {
  ArrayNode,
  EngineDiagnostic,
  ObjectNode,
  ParsedDocument,
  PropertyNode,
  Severity,
  ValueNode,
} from './types';
import { findProperty } from './parse/tree-builder';
import { compilePath, type PathPattern } from './path-pattern';
import { pieceOrigin } from './parse/memo';

/** The node at a JSON pointer (`/spec/destinations/0`), as ajv reports instance paths. */
export function nodeAtPointer(root: ValueNode | undefined, pointer: string): ValueNode | undefined {
  if (!pointer) return root;
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) return undefined;
    if (node.type === 'object') node = findProperty(node, segment)?.value;
    else if (node.type === 'array') node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}

/** A short human name for a value: its key, or `list[2]` for an item. */
export function labelOf(node: ValueNode): string {
  if (node.property) return node.property.key;
  if (node.parentArray) {
    return `${labelOf(node.parentArray)}[${indexIn(node.parentArray, node)}]`;
  }
  return 'the document';
}

const indexes = new WeakMap<ArrayNode, Map<ValueNode, number>>();

/** A list item's index, without a linear search per call (30,000 entries times their errors). */
function indexIn(array: ArrayNode, item: ValueNode): number {
  let index = indexes.get(array);
  if (!index || index.size !== array.items.length) {
    index = new Map();
    array.items.forEach((it, i) => index!.has(it) || index!.set(it, i));
    indexes.set(array, index);
  }
  return index.get(item) ?? -1;
}

/** One step from a document root: a key of a mapping or the index of a list item. */
export type Step = string | number;

/** Keys and indexes from the document root to a node (its owners are linked in the tree). */
export function pathTo(node: ValueNode): Step[] {
  const steps: Step[] = [];
  let current: ValueNode | undefined = node;
  while (current) {
    if (current.property) {
      steps.unshift(current.property.key);
      current = current.property.parent;
    } else if (current.parentArray) {
      steps.unshift(indexIn(current.parentArray, current));
      current = current.parentArray;
    } else break;
  }
  return steps;
}

/** A dotted path for messages about deeper values: `plugins[0].env`. */
export function pathOf(node: ValueNode): string {
  return pathTo(node)
    .map((step) => (typeof step === 'number' ? `[${step}]` : step))
    .join('.')
    .replace(/\.\[/g, '[');
}

export interface Span {
  start: number;
  end: number;
}

export function keySpan(property: PropertyNode): Span {
  return { start: property.keyStart, end: property.keyEnd };
}

/** Where a problem with a value is shown: the value, or its key when the value is empty. */
export function valueSpan(node: ValueNode): Span {
  if (node.end <= node.start && node.property) return keySpan(node.property);
  return { start: node.start, end: Math.max(node.end, node.start + 1) };
}

/**
 * Where a problem with an object as a whole is shown (a missing key): the key that holds it; for
 * a list item or a document root, the first line of the object.
 */
export function ownerSpan(node: ValueNode, text: string): Span {
  if (node.property) return keySpan(node.property);
  let lineEnd = text.indexOf('\n', node.start);
  if (lineEnd > node.start && text[lineEnd - 1] === '\r') lineEnd--; // CRLF: the line ends before \r
  let end = lineEnd === -1 ? node.end : Math.min(node.end, lineEnd);
  // A block mapping's first line ends with its first pair: a trailing comment is not the node.
  const first = node.type === 'object' && node.end > end ? node.properties[0] : undefined;
  if (first && first.keyStart === node.start) end = first.value.end <= end ? first.value.end : first.keyEnd;
  return { start: node.start, end: Math.max(end, node.start + 1) };
}

/** The node when it is a mapping, else undefined: the usual first step of a rule. */
export function asObject(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.type === 'object' ? node : undefined;
}

/** A mapping's properties, in order; none when the node is absent or not a mapping. */
export function objectItems(node: ValueNode | undefined): PropertyNode[] {
  return node?.type === 'object' ? node.properties : [];
}

/** A sequence's items, in order; none when the node is absent or not a sequence. */
export function arrayItems(node: ValueNode | undefined): ValueNode[] {
  return node?.type === 'array' ? node.items : [];
}

/**
 * The nodes below `root` at a path written in the one notation of the descriptors' rows
 * (`plugins[].localPath`, `spec.destinations[]`, `services.*.plugin`; see path-pattern.ts).
 */
export function nodesAtPath(root: ValueNode | undefined, path: string | PathPattern): ValueNode[] {
  const pattern = typeof path === 'string' ? compilePath(path) : path;
  let current: ValueNode[] = root ? [root] : [];
  for (const step of pattern) {
    current = current.flatMap((node) =>
      step === null
        ? arrayItems(node)
        : objectItems(node)
            .filter((p) => step === '*' || p.key === step)
            .map((p) => p.value),
    );
  }
  return current;
}

export function* walkProperties(node: ValueNode | undefined): Generator<PropertyNode> {
  if (!node) return;
  if (node.type === 'object') {
    for (const property of node.properties) {
      yield property;
      yield* walkProperties(property.value);
    }
  } else if (node.type === 'array') {
    for (const item of node.items) yield* walkProperties(item);
  }
}

/** The property whose key starts at an offset (a diagnostic's start, for the fixes). */
export function propertyKeyedAt(root: ValueNode | undefined, offset: number): PropertyNode | undefined {
  for (const property of walkProperties(root)) if (property.keyStart === offset) return property;
  return undefined;
}

export function* walkNodes(node: ValueNode | undefined): Generator<ValueNode> {
  if (!node) return;
  yield node;
  if (node.type === 'object') for (const property of node.properties) yield* walkNodes(property.value);
  else if (node.type === 'array') for (const item of node.items) yield* walkNodes(item);
}

/** The plain JavaScript value of a tree, as the host would decode it. */
export function toValue(node: ValueNode | undefined): unknown {
  if (!node) return null;
  if (node.type === 'scalar') return node.value;
  if (node.type === 'array') return node.items.map(toValue);
  const result: Record<string, unknown> = {};
  for (const property of (node as ObjectNode).properties) result[property.key] = toValue(property.value);
  return result;
}

export function stringValue(node: ValueNode | undefined): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * The parsed document (of a multi-document file) that holds an offset: the one whose root spans it,
 * else the last one starting before it (a document's own `---` line and leading comments).
 */
export function documentAt(documents: readonly ParsedDocument[], offset: number): ParsedDocument | undefined {
  // Only the documents at the offset are asked for their trees: after an edit the section reader
  // moves a section's tree when it is first read, and one lookup must not move every section's.
  // Documents do not overlap and each tree lies within its document, so the last document with a
  // tree that starts at or before the offset is the one whose tree spans it, if one does.
  for (let i = documents.length - 1; i >= 0; i--) {
    if (documents[i].start <= offset && documents[i].root) return documents[i];
  }
  return documents.find((d) => d.root);
}

export interface Located {
  /** Keys and indexes from the document root to `node`. */
  path: Step[];
  node: ValueNode;
  /** Set when the offset is on a key rather than on a value. */
  onKey?: PropertyNode;
}

/** The innermost key or scalar at an offset, with its path. */
export function nodeAt(root: ValueNode | undefined, offset: number): Located | undefined {
  const path: Step[] = [];
  let node = root;
  while (node) {
    if (node.type === 'scalar') return { path, node };
    if (node.type === 'object') {
      const property = node.properties.find((p) => offset >= p.keyStart && offset <= p.keyEnd);
      if (property) return { path: [...path, property.key], node: property.value, onKey: property };
      const holder = node.properties.find(
        (p) => p.value.end > p.value.start && offset >= p.value.start && offset <= p.value.end,
      );
      if (!holder) return undefined;
      path.push(holder.key);
      node = holder.value;
    } else {
      const index = node.items.findIndex((item) => offset >= item.start && offset <= item.end);
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    }
  }
  return undefined;
}

/** A diagnostic over a node's span (a key, a value, anything with a start and an end). */
export function diagnosticAt(
  node: { start: number; end: number },
  code: string,
  severity: Severity,
  message: string,
): EngineDiagnostic {
  return { start: node.start, end: node.end, severity, code, message };
}

/**
 * The items whose name an earlier item already had, in order, with that name: what a rule that
 * wants unique names reports. Items without a name (undefined) are skipped.
 */
export function uniqueNames<T>(
  items: Iterable<T>,
  nameOf: (item: T) => string | undefined,
): Array<{ item: T; name: string }> {
  const seen = new Set<string>();
  const repeated: Array<{ item: T; name: string }> = [];
  for (const item of items) {
    const name = nameOf(item);
    if (name === undefined) continue;
    if (seen.has(name)) repeated.push({ item, name });
    seen.add(name);
  }
  return repeated;
}

/**
 * Renames a key in a tree (the schema pass gives a key matched ignoring case its declared
 * spelling): what was computed from trees (`treeFact`) is computed again afterwards.
 */
export function renameKey(property: PropertyNode, key: string): void {
  if (property.key === key) return;
  property.key = key;
  renames++;
}

let renames = 0;

/** How many keys have been renamed so far: what was computed from trees before a change of it may be stale. */
export const renameCount = (): number => renames;

/** A fact about a tree, kept while its keys are unchanged (see treeFact). */
export interface TreeFacts<T> {
  facts: WeakMap<ValueNode, { renames: number; value: T }>;
}

export function treeFacts<T>(): TreeFacts<T> {
  return { facts: new WeakMap() };
}

/**
 * What `compute` says of a document's tree, kept while the tree is the same object and no key was
 * renamed since. The parse memo keeps an unchanged section's tree from one version to the next
 * (moved in place), so work keyed by it is done once per section text, not once per keystroke.
 * The value may hold the tree's nodes (they carry the current offsets), never offsets themselves.
 */
export function treeFact<T>(cache: TreeFacts<T>, root: ValueNode, compute: (root: ValueNode) => T): T {
  const known = cache.facts.get(root);
  if (known && known.renames === renames) return known.value;
  const value = compute(root);
  cache.facts.set(root, { renames, value });
  return value;
}

const LIST_ITEMS = treeFacts<unknown>();

/**
 * toValue, for reading only (schema validation): an item of a list that the parse memo keeps from
 * one version to the next (a `plugins:` entry, see pieceOrigin) is converted once per tree, so a
 * keystroke in one entry converts that entry, not all of them. What it returns is shared: never
 * change it.
 */
export function keptValue(node: ValueNode | undefined): unknown {
  if (!node) return null;
  if (node.type === 'scalar') return node.value;
  if (node.type === 'array')
    return node.items.map((item) =>
      item.type !== 'scalar' && pieceOrigin(item) ? treeFact(LIST_ITEMS, item, toValue) : keptValue(item),
    );
  const result: Record<string, unknown> = {};
  for (const property of node.properties) result[property.key] = keptValue(property.value);
  return result;
}
