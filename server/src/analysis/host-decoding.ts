import {
  nodeAtPointer,
  pathTo,
  renameKey,
  pieceOrigin,
  keptValue,
  shifted,
  toValue,
  type EngineDiagnostic,
  type HostDecoding,
  type ParsedDocument,
  type PropertyNode,
  type ScalarNode,
  type Step,
  type ValueNode,
} from '../core';
import type { ErrorObject } from 'ajv';
import type { JsonSchema, SchemaStore } from '../schemas/schema-store';
import { SchemaNavigator, sameSchemas } from '../schemas/navigator';

// What a host's decoder does with a value, beyond what a JSON schema can say: Go's encoding/json
// matches keys ignoring case, yaml.v2 writes any scalar into a string field, mapstructure decodes
// weakly, JSON marshalling refuses +Inf. Each system describes its decoder (HostDecoding in its
// kind definition); this pass applies it around the schema check.

/** Renames keys the host matches case-insensitively to their declared spelling (warning + fix). */
export function foldKeyCase(
  document: ParsedDocument,
  navigator: SchemaNavigator,
  decoding: HostDecoding,
  system: string,
): EngineDiagnostic[] {
  if (!decoding.caseInsensitiveKeys || !document.root) return [];
  // A tree the parse memo kept from the last version may carry this pass's renames: it is checked
  // as written, as a tree read afresh is.
  if (renamed) asWritten(document.root, 0);
  // Most documents have no key the walk below could fold: their keys are found in one pass over
  // the tree, without stepping the schemas down it.
  if (!mayFold(document.root, navigator.spellings(), 0)) return [];
  const diagnostics: EngineDiagnostic[] = [];
  // The document's value picks the schema branches; computed once (again after a key is folded),
  // not per object.
  let rootValue: unknown;
  let converted = false;
  const value = () => {
    if (!converted) [rootValue, converted] = [toValue(document.root), true];
    return rootValue;
  };
  // The schemas at each object are stepped down from its parent's (what `at` from the root gives,
  // at the cost of one step per node), until a key is folded: the document's value then differs,
  // and a condition anywhere above may read it, so from there on each object's come from the root.
  let folded = false;
  const visit = (node: ValueNode, path: Step[], depth: number, schemas: JsonSchema[], nodeValue: unknown) => {
    if (depth > 64) return;
    const here = folded ? navigator.at(path, value()) : schemas;
    const down = (item: ValueNode, segment: Step) => {
      if (item.type !== 'object' && item.type !== 'array') return;
      const itemValue = folded ? undefined : valueAt(nodeValue, [segment]);
      visit(item, [...path, segment], depth + 1, folded ? [] : navigator.step(here, segment, itemValue), itemValue);
    };
    if (node.type === 'object') {
      const declared = propertyNames(here);
      if (declared.size) {
        for (const property of node.properties) {
          if (declared.has(property.key)) continue;
          const canonical = [...declared].find((name) => name.toLowerCase() === property.key.toLowerCase());
          if (!canonical) continue;
          diagnostics.push({
            start: property.keyStart,
            end: property.keyEnd,
            severity: 'warning',
            code: `${system}.key-case`,
            message: `"${property.key}" is read as "${canonical}" (${decoding.keyMatcher ?? 'the host'} matches keys ignoring case); write it "${canonical}".`,
            data: { replace: canonical, key: property.key },
          });
          writtenAs.set(property, property.key);
          renamed = true;
          renameKey(property, canonical);
          converted = false; // deeper objects see the key as the host reads it
          folded = true;
        }
      }
      for (const property of node.properties) down(property.value, property.key);
    } else if (node.type === 'array') {
      node.items.forEach((item, i) => down(item, i));
    }
  };
  visit(document.root, [], 0, navigator.start(value()), value());
  return diagnostics;
}

/** Whether a key of the tree (as deep as foldKeyCase looks) has a declared name's lower case but another spelling. */
function mayFold(node: ValueNode, spellings: ReadonlyMap<string, ReadonlySet<string>>, depth: number): boolean {
  if (depth > 64) return false;
  if (node.type === 'object') {
    for (const property of node.properties) {
      const declared = spellings.get(property.key.toLowerCase());
      if (declared && (declared.size > 1 || !declared.has(property.key))) return true;
      if (mayFold(property.value, spellings, depth + 1)) return true;
    }
  } else if (node.type === 'array') {
    for (const item of node.items) if (mayFold(item, spellings, depth + 1)) return true;
  }
  return false;
}

/** Keys foldKeyCase renamed, as they were written (the tree's nodes outlive one analysis). */
const writtenAs = new WeakMap<PropertyNode, string>();
/** Whether foldKeyCase has renamed any key yet (until then no tree needs `asWritten`). */
let renamed = false;

/** Gives the keys foldKeyCase renamed in this tree their written spelling back (as deep as it folds). */
function asWritten(node: ValueNode, depth: number): void {
  if (depth > 65) return;
  if (node.type === 'object')
    for (const property of node.properties) {
      const written = writtenAs.get(property);
      if (written !== undefined) renameKey(property, written);
      asWritten(property.value, depth + 1);
    }
  else if (node.type === 'array') for (const item of node.items) asWritten(item, depth + 1);
}

function propertyNames(schemas: JsonSchema[]): Set<string> {
  const names = new Set<string>();
  for (const schema of schemas) {
    for (const name of Object.keys((schema.properties as Record<string, unknown>) ?? {})) names.add(name);
  }
  return names;
}

/** The JSON types the schema allows at a path (empty when it does not say). */
function typesIn(schemas: JsonSchema[]): Set<string> {
  const types = new Set<string>();
  for (const schema of schemas) {
    const type = schema.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) types.add(String(t));
  }
  return types;
}

/**
 * Ajv's type errors the host would not raise are dropped (or turned into the host's own verdict);
 * values the schema passes but the host refuses are reported. Returns the errors to map and the
 * host's own diagnostics.
 */
export function judgeTypes(
  document: ParsedDocument,
  errors: ErrorObject[],
  navigator: SchemaNavigator | undefined,
  decoding: HostDecoding,
  system: string,
): { errors: ErrorObject[]; diagnostics: EngineDiagnostic[] } {
  const diagnostics: EngineDiagnostic[] = [];
  if (!document.root) return { errors, diagnostics };
  const documentValue = keptValue(document.root);
  const judged = new Set<ValueNode>();
  const report = (
    node: ScalarNode,
    verdict: { severity: EngineDiagnostic['severity']; message: string; replace?: string },
  ) => {
    diagnostics.push({
      start: node.start,
      end: Math.max(node.end, node.start + 1),
      severity: verdict.severity,
      code: `${system}.${verdict.severity === 'error' ? 'wrong-type' : 'host-conversion'}`,
      message: verdict.message,
      data: verdict.replace !== undefined ? { replace: verdict.replace } : undefined,
    });
  };
  // Group the schema's type complaints per scalar: a plain type error, or an anyOf/oneOf whose
  // branches differ in type (ajv reports each branch's error too, at the same path).
  const byPath = new Map<string, { node: ScalarNode; expected: Set<string> }>();
  for (const error of errors) {
    if (!['type', 'anyOf', 'oneOf'].includes(error.keyword)) continue;
    const node = nodeAtPointer(document.root, error.instancePath);
    if (!node || node.type !== 'scalar') continue;
    const entry = byPath.get(error.instancePath) ?? { node, expected: new Set<string>() };
    if (error.keyword === 'type')
      for (const t of String((error.params as { type: string }).type).split(',')) entry.expected.add(t);
    else
      for (const branch of Array.isArray(error.schema) ? (error.schema as JsonSchema[]) : [])
        if (typeof branch?.type === 'string') entry.expected.add(branch.type);
    byPath.set(error.instancePath, entry);
  }
  const settled = new Set<string>();
  for (const [pointer, { node, expected }] of byPath) {
    judged.add(node);
    const verdict = decoding.judge(expected, node);
    if (verdict === 'schema') continue;
    settled.add(pointer);
    if (verdict !== 'accept') report(node, verdict);
  }
  const kept = errors.filter((error) => {
    if (settled.has(error.instancePath) && ['type', 'anyOf', 'oneOf'].includes(error.keyword)) return false;
    // Go's enum types decode `null` as the empty text: fine where "" is one of the values.
    if (error.keyword === 'enum' && decoding.nullIsEmptyText) {
      const node = nodeAtPointer(document.root, error.instancePath);
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      if (node?.type === 'scalar' && node.value === null && allowed.includes('')) return false;
    }
    return true;
  });
  if (navigator) {
    // The schemas along each path, stepped once per node (not navigated from the root per scalar);
    // the same scalars, in the same order, as `scalars` yields them.
    // The nodes above a scalar the schema complained of: their pieces are walked afresh.
    const above = new Set<ValueNode>();
    for (const node of judged) for (let up = ownerOf(node); up && !above.has(up); up = ownerOf(up)) above.add(up);
    const walk = (node: ValueNode, schemas: JsonSchema[], value: unknown, depth: number): void => {
      if (depth > 64) return;
      if (node.type === 'scalar') {
        if (judged.has(node)) return;
        const verdict = decoding.judge(sharedTypesIn(schemas), node, true);
        if (verdict !== 'accept' && verdict !== 'schema') report(node, verdict);
        return;
      }
      // A piece of the file whose text the edit did not change (an entry of `plugins:`), under the
      // same schemas: its verdicts are the last walk's, moved to where it is now.
      const origin = node === document.root || above.has(node) ? undefined : pieceOrigin(node);
      if (origin) {
        const known = walkedPieces.get(origin.node);
        if (
          known &&
          known.decoding === decoding &&
          known.system === system &&
          known.depth === depth &&
          sameSchemas(known.schemas, schemas)
        ) {
          for (const d of known.diagnostics) diagnostics.push(shifted(d, origin.delta));
          return;
        }
        const from = diagnostics.length;
        children(node, schemas, value, depth);
        walkedPieces.set(origin.node, {
          decoding,
          system,
          depth,
          schemas,
          diagnostics: diagnostics.slice(from).map((d) => shifted(d, -origin.delta)),
        });
        return;
      }
      children(node, schemas, value, depth);
    };
    const children = (node: ValueNode, schemas: JsonSchema[], value: unknown, depth: number): void => {
      if (node.type === 'scalar') return;
      // The items of a list under schemas that are the same for each: stepped once, not per item.
      const items = node.type === 'array' && schemas.length ? navigator.itemStep(schemas) : undefined;
      const down = (child: ValueNode, segment: Step) => {
        const childValue =
          value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
        const below = items ?? (schemas.length ? navigator.sharedStep(schemas, segment, childValue) : NO_SCHEMAS);
        walk(child, below, childValue, depth + 1);
      };
      if (node.type === 'array') node.items.forEach((item, i) => down(item, i));
      else {
        for (const property of node.properties) down(property.value, property.key);
        for (const property of node.shadowed ?? []) down(property.value, property.key);
      }
    };
    const start = pathTo(document.root);
    walk(document.root, navigator.sharedAt(start, documentValue), valueAt(documentValue, start), 0);
  }
  return { errors: kept, diagnostics };
}

const NO_SCHEMAS: JsonSchema[] = [];

/** typesIn, once per schemas array: the walk's arrays are shared (sharedStep), and read only. */
function sharedTypesIn(schemas: JsonSchema[]): Set<string> {
  let types = TYPES.get(schemas);
  if (!types) TYPES.set(schemas, (types = typesIn(schemas)));
  return types;
}

const TYPES = new WeakMap<JsonSchema[], Set<string>>();

/** The host-type verdicts of a piece's subtree, keyed by the piece's own node (see pieceOrigin). */
const walkedPieces = new WeakMap<
  ValueNode,
  { decoding: HostDecoding; system: string; depth: number; schemas: JsonSchema[]; diagnostics: EngineDiagnostic[] }
>();

/** The array or object a node is held by. */
function ownerOf(node: ValueNode): ValueNode | undefined {
  return node.parentArray ?? node.property?.parent;
}

function valueAt(value: unknown, path: Step[]): unknown {
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment as string];
  }
  return value;
}

/** The host's verdict on mapped schema findings (HostDecoding.schemaFinding). */
export function hostSeverity(
  diagnostics: EngineDiagnostic[],
  document: ParsedDocument,
  decoding: HostDecoding | undefined,
): EngineDiagnostic[] {
  if (!decoding?.schemaFinding) return diagnostics;
  return diagnostics.map((d) => {
    const verdict = decoding.schemaFinding!(d, document);
    if (!verdict) return d;
    return { ...d, severity: verdict.severity, message: verdict.note ? `${d.message} ${verdict.note}` : d.message };
  });
}

export function navigatorFor(store: SchemaStore, kind: string): SchemaNavigator | undefined {
  return SchemaNavigator.for(store, kind);
}

export type { JsonSchema };
