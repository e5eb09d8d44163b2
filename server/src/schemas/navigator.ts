import type { JsonSchema, SchemaStore } from './schema-store';

export type PathSegment = string | number;

const navigators = new WeakMap<JsonSchema, Map<string, SchemaNavigator>>();

/**
 * Finds the subschemas that apply at a path of a document, the way a validator would: through
 * `$ref`, `allOf`, `if`/`then`/`else` (decided on the document's own value), `anyOf`/`oneOf`
 * (the branches that fit the value's type), properties, patternProperties, additionalProperties
 * and items.
 */
export class SchemaNavigator {
  constructor(
    private readonly store: SchemaStore,
    private readonly kind: string,
    private readonly root: JsonSchema,
  ) {}

  static for(store: SchemaStore, kind: string): SchemaNavigator | undefined {
    const root = store.schemaFor(kind);
    if (!root) return undefined;
    // One per schema (and store): its resolved $refs are kept, and stay the same objects edit after edit.
    const byKind = navigators.get(root) ?? new Map<string, SchemaNavigator>();
    navigators.set(root, byKind);
    let navigator = byKind.get(kind);
    if (!navigator || navigator.store !== store) {
      navigator = new SchemaNavigator(store, kind, root);
      byKind.set(kind, navigator);
    }
    return navigator;
  }

  /**
   * Every property name the schema declares anywhere, by its lower case, with its spellings: a key
   * can be folded to a declared name only if its lower case is here under another spelling.
   */
  spellings(): ReadonlyMap<string, ReadonlySet<string>> {
    if (this.names) return this.names;
    const names = new Map<string, Set<string>>();
    const walk = (node: unknown, depth: number) => {
      if (node === null || typeof node !== 'object' || depth > 200) return;
      if (Array.isArray(node)) {
        for (const item of node) walk(item, depth + 1);
        return;
      }
      const properties = (node as JsonSchema).properties;
      if (properties && typeof properties === 'object' && !Array.isArray(properties))
        for (const name of Object.keys(properties)) {
          const lower = name.toLowerCase();
          const known = names.get(lower) ?? new Set<string>();
          known.add(name);
          names.set(lower, known);
        }
      for (const value of Object.values(node)) walk(value, depth + 1);
    };
    walk(this.root, 0);
    return (this.names = names);
  }

  private names?: Map<string, Set<string>>;

  /** The schemas at `path`, given the document's value (to decide conditions). */
  at(path: PathSegment[], documentValue: unknown): JsonSchema[] {
    let current = this.start(documentValue);
    let value = documentValue;
    for (const segment of path) {
      value = child(value, segment);
      current = this.step(current, segment, value);
      if (!current.length) break;
    }
    return current;
  }

  /** The schemas at the document's root: `at([], documentValue)`. */
  start(documentValue: unknown): JsonSchema[] {
    return [...this.expand(this.root, documentValue)]; // a copy: an expansion may be shared (see fixed)
  }

  /**
   * One step down from the schemas at a path: those at `path + segment`, where the value is
   * `value`. A walk over a whole tree steps once per node instead of calling `at` from the root.
   */
  step(current: JsonSchema[], segment: PathSegment, value: unknown): JsonSchema[] {
    return this.stepped(current, segment, value).next;
  }

  /**
   * `step`, and whether its answer holds whatever the value: every schema stepped to expanded
   * without deciding on it (`expand` records that in `fixed` as it expands).
   */
  private stepped(
    current: JsonSchema[],
    segment: PathSegment,
    value: unknown,
  ): { next: JsonSchema[]; independent: boolean } {
    const next: JsonSchema[] = [];
    let independent = true;
    for (const schema of current) {
      for (const sub of this.childSchemas(schema, segment)) {
        next.push(...this.expand(sub, value));
        if (sub && typeof sub === 'object' && !this.fixed.get(sub)) independent = false;
      }
    }
    return { next, independent };
  }

  /**
   * `step`, for a walk that only reads the schemas (the host-type walk): where the schemas one step
   * down do not depend on the value (no `if`, `anyOf` or `oneOf` to decide), one array per
   * (`current`, `segment`), kept while `current` is, so a walk over thousands of documents of one
   * schema (a CLI run) steps each path once. Shared: never change it.
   */
  sharedStep(current: JsonSchema[], segment: PathSegment, value: unknown): JsonSchema[] {
    let bySegment = this.sharedSteps.get(current);
    const known = bySegment?.get(segment);
    if (known) return known;
    const { next, independent } = this.stepped(current, segment, value);
    // Decided on the value: not kept for the segment, but the same list is the same array, so the
    // steps below it are.
    if (!independent) return this.interned(next);
    if (!bySegment) this.sharedSteps.set(current, (bySegment = new Map()));
    // Keys are the document's (free-form maps hold any): a bounded number per array.
    if (bySegment.size < MAX_SHARED_SEGMENTS) bySegment.set(segment, next);
    return next;
  }

  private readonly sharedSteps = new WeakMap<JsonSchema[], Map<PathSegment, JsonSchema[]>>();

  /** `at`, as the array kept for these schemas (see `sharedStep`): the start of a shared walk. Never change it. */
  sharedAt(path: PathSegment[], documentValue: unknown): JsonSchema[] {
    return this.interned(this.at(path, documentValue));
  }

  /**
   * `step` to any item of an array at `current`, where that is the same for every item (no
   * `prefixItems`, items' schemas that decide nothing on the value): one array for all the items,
   * and the same array from one walk to the next while the schemas are the same (a walk over 2,000
   * list entries compares it with the last walk's by identity). Shared: never change it. Undefined
   * where the items' schemas depend on the item.
   */
  itemStep(current: JsonSchema[]): JsonSchema[] | undefined {
    const known = this.itemSteps.get(current);
    if (known !== undefined) return known ?? undefined;
    const shared = this.itemSchemas(current);
    this.itemSteps.set(current, shared);
    return shared ?? undefined;
  }

  private itemSchemas(current: JsonSchema[]): JsonSchema[] | null {
    if (current.some((schema) => schema.prefixItems !== undefined)) return null;
    const { next, independent } = this.stepped(current, 0, undefined);
    return independent ? this.interned(next) : null;
  }

  private readonly itemSteps = new WeakMap<JsonSchema[], JsonSchema[] | null>();
  /** The arrays kept, by their first schema (empty: EMPTY); a schema heads a few at most. */
  private readonly internedSteps = new WeakMap<JsonSchema, JsonSchema[][]>();
  private internedCount = 0;

  /**
   * The array kept for these schemas, the first time they were seen: one per distinct list of a
   * schema's paths, bounded (a plugin's own schema may have many).
   */
  private interned(schemas: JsonSchema[]): JsonSchema[] {
    if (!schemas.length) return EMPTY;
    const head = schemas[0];
    let lists = this.internedSteps.get(head);
    const found = lists?.find((s) => sameSchemas(s, schemas));
    if (found) return found;
    if (this.internedCount >= MAX_INTERNED || (lists && lists.length >= 16)) return schemas;
    if (!lists) this.internedSteps.set(head, (lists = []));
    lists.push(schemas);
    this.internedCount++;
    return schemas;
  }

  /** Properties offered at an object: name -> its schemas, with the required ones. */
  properties(schemas: JsonSchema[]): { properties: Map<string, JsonSchema[]>; required: Set<string> } {
    const properties = new Map<string, JsonSchema[]>();
    const required = new Set<string>();
    for (const schema of schemas) {
      for (const [name, sub] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) {
        if (typeof sub !== 'object' || sub === null || sub['x-removed'] || sub.deprecated) continue;
        const expanded = this.expand(sub, undefined);
        properties.set(name, [...(properties.get(name) ?? []), ...(expanded.length ? expanded : [sub])]);
      }
      for (const name of (schema.required as string[]) ?? []) required.add(name);
    }
    return { properties, required };
  }

  expand(schema: JsonSchema | boolean | undefined, value: unknown, depth = 0): JsonSchema[] {
    if (!schema || typeof schema !== 'object' || depth > 20) return [];
    // Most subschemas decide nothing on the value (no if, anyOf or oneOf down their allOf): their
    // expansion is made once. A walk over a tree expands the same few per node.
    if (depth === 0) {
      const known = this.fixed.get(schema);
      if (known) return known;
      if (known === undefined && this.independent(schema, 0)) {
        const expanded = this.expandWith(schema, value, 0);
        this.fixed.set(schema, expanded);
        return expanded;
      }
      if (known === undefined) this.fixed.set(schema, null);
    }
    return this.expandWith(schema, value, depth);
  }

  /** Expansions that do not depend on the value (null: this one does); see `expand`. Callers spread them, never change them. */
  private readonly fixed = new WeakMap<JsonSchema, JsonSchema[] | null>();

  /** Whether expanding `schema` gives the same whatever the value: no `if`, `anyOf` or `oneOf` at it or down its `allOf`. */
  private independent(schema: JsonSchema, depth: number): boolean {
    if (depth > 20) return false;
    const resolved = this.deref(schema);
    if (resolved.if || resolved.anyOf || resolved.oneOf) return false;
    const all = resolved.allOf;
    if (all === undefined) return true;
    if (!Array.isArray(all)) return false;
    return all.every((sub) => !sub || typeof sub !== 'object' || this.independent(sub as JsonSchema, depth + 1));
  }

  private expandWith(schema: JsonSchema, value: unknown, depth: number): JsonSchema[] {
    if (depth > 20) return [];
    const resolved = this.deref(schema);
    const result: JsonSchema[] = [resolved];
    for (const sub of (resolved.allOf as JsonSchema[]) ?? []) result.push(...this.expand(sub, value, depth + 1));
    if (resolved.if && typeof resolved.if === 'object') {
      const matches = value === undefined || value === null ? undefined : this.test(resolved.if as JsonSchema, value);
      if (matches !== false && resolved.then)
        result.push(...this.expand(resolved.then as JsonSchema, value, depth + 1));
      if (matches !== true && resolved.else) result.push(...this.expand(resolved.else as JsonSchema, value, depth + 1));
    }
    for (const key of ['anyOf', 'oneOf']) {
      for (const branch of (resolved[key] as JsonSchema[]) ?? []) {
        const expanded = this.expand(branch, value, depth + 1);
        // A value not typed yet (undefined, or null for an empty YAML value) keeps every branch.
        if (value === undefined || value === null || expanded.some((s) => fitsType(s, value))) result.push(...expanded);
      }
    }
    return result;
  }

  /** Each schema object's resolution, made once: a walk steps through the same $refs per node. */
  private readonly resolved = new WeakMap<JsonSchema, JsonSchema>();

  private deref(schema: JsonSchema): JsonSchema {
    if (typeof schema.$ref !== 'string') return schema;
    const known = this.resolved.get(schema);
    if (known) return known;
    const resolved = this.resolveRef(schema);
    this.resolved.set(schema, resolved);
    return resolved;
  }

  private resolveRef(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let i = 0; i < 10 && typeof current.$ref === 'string' && current.$ref.startsWith('#'); i++) {
      const target = pointer(this.root, current.$ref.slice(1));
      if (!target || typeof target !== 'object') break;
      const { $ref: _ref, ...rest } = current;
      current = { ...(target as JsonSchema), ...rest };
    }
    return current;
  }

  /**
   * Whether the document's value satisfies an `if`: with the compiled validator when the
   * condition is part of the kind's schema, else by its discriminating `const`/`enum` properties.
   */
  private test(condition: JsonSchema, value: unknown): boolean | undefined {
    const validate = this.store.subschemaValidator(this.kind, condition);
    if (validate) return validate(value) as boolean;
    return discriminates(condition, value);
  }

  private childSchemas(schema: JsonSchema, segment: PathSegment): JsonSchema[] {
    if (typeof segment === 'number') {
      const prefix = schema.prefixItems as JsonSchema[] | undefined;
      if (prefix && segment < prefix.length) return [prefix[segment]];
      return schema.items && typeof schema.items === 'object' ? [schema.items as JsonSchema] : [];
    }
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && segment in properties) return [properties[segment]];
    const found: JsonSchema[] = [];
    for (const [pattern, sub] of Object.entries((schema.patternProperties as Record<string, JsonSchema>) ?? {})) {
      if (new RegExp(pattern).test(segment)) found.push(sub);
    }
    if (!found.length && schema.additionalProperties && typeof schema.additionalProperties === 'object')
      found.push(schema.additionalProperties as JsonSchema);
    return found;
  }
}

const MAX_SHARED_SEGMENTS = 256;
const MAX_INTERNED = 4096;
const EMPTY: JsonSchema[] = [];

/** `if` decided on `const`/`enum`/`required` alone; undefined when it says nothing decidable. */
export function discriminates(condition: JsonSchema, value: unknown): boolean | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  let decided = false;
  for (const name of (condition.required as string[]) ?? []) {
    decided = true;
    if (!(name in record)) return false;
  }
  for (const [name, sub] of Object.entries((condition.properties as Record<string, JsonSchema>) ?? {})) {
    if (!sub || typeof sub !== 'object' || !(name in record)) continue;
    if ('const' in sub) {
      decided = true;
      if (JSON.stringify(sub.const) !== JSON.stringify(record[name])) return false;
    }
    if (Array.isArray(sub.enum)) {
      decided = true;
      if (!sub.enum.some((v) => JSON.stringify(v) === JSON.stringify(record[name]))) return false;
    }
  }
  return decided ? true : undefined;
}

function child(value: unknown, segment: PathSegment): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Record<string, unknown>)[segment as string];
}

function pointer(root: unknown, path: string): unknown {
  let node = root;
  for (const raw of path.split('/').slice(1)) {
    const key = decodeURIComponent(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The same schemas in the same order (schema objects compared by identity). */
export const sameSchemas = (a: readonly JsonSchema[], b: readonly JsonSchema[]): boolean =>
  a === b || (a.length === b.length && a.every((schema, i) => schema === b[i]));

export function typesOf(schemas: JsonSchema[]): string[] {
  const types = new Set<string>();
  for (const schema of schemas) {
    const type = schema.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) types.add(String(t));
    else if (schema.properties) types.add('object');
    else if (schema.items) types.add('array');
  }
  return [...types];
}

function fitsType(schema: JsonSchema, value: unknown): boolean {
  const types = typesOf([schema]);
  if (!types.length) return true;
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'number'
          : typeof value;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/** Allowed values offered for a value: enums, consts and booleans. */
export function allowedValues(schemas: JsonSchema[]): Array<{ value: unknown; description?: string }> {
  const values: Array<{ value: unknown; description?: string }> = [];
  const seen = new Set<string>();
  const add = (value: unknown, description?: string) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return;
    seen.add(key);
    values.push({ value, description });
  };
  for (const schema of schemas) {
    const enumValues = schema.enum as unknown[] | undefined;
    const descriptions = schema['x-enum-descriptions'] as string[] | undefined;
    // An empty string is allowed by some hosts (meaning "the default") but is no useful choice.
    enumValues?.forEach((v, i) => v !== '' && add(v, descriptions?.[i]));
    if ('const' in schema && schema.const !== '') add(schema.const);
  }
  // Booleans are choices when the value is a boolean, not when a string type also allows one
  // (YAML 1.1 hosts that take `plugin: yes` as a string, say).
  const types = typesOf(schemas);
  if (types.includes('boolean') && !types.includes('string')) {
    add(true);
    add(false);
  }
  return values;
}

/** The schemas' `examples` (scalars only), offered after the allowed values. */
export function examplesOf(schemas: JsonSchema[]): unknown[] {
  const seen = new Set<string>();
  const found: unknown[] = [];
  for (const schema of schemas) {
    for (const example of (schema.examples as unknown[]) ?? []) {
      if (example === null || typeof example === 'object' || example === '') continue;
      const key = JSON.stringify(example);
      if (!seen.has(key)) {
        seen.add(key);
        found.push(example);
      }
    }
  }
  return found;
}

export function describe(schemas: JsonSchema[]): {
  markdown?: string;
  plain?: string;
  docs?: string;
  default?: unknown;
} {
  for (const schema of schemas) {
    if (schema.markdownDescription || schema.description) {
      return {
        markdown: schema.markdownDescription as string | undefined,
        plain: schema.description as string | undefined,
        docs: schema['x-docs'] as string | undefined,
        default: schema.default,
      };
    }
  }
  return {};
}
