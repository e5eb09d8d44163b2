import type { JsonSchema, SchemaStore } from '../schemas/schema-store';

export type PathSegment = string | number;

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
    return root ? new SchemaNavigator(store, kind, root) : undefined;
  }

  /** The schemas at `path`, given the document's value (to decide conditions). */
  at(path: PathSegment[], documentValue: unknown): JsonSchema[] {
    let current = this.expand(this.root, documentValue);
    let value = documentValue;
    for (const segment of path) {
      value = child(value, segment);
      const next: JsonSchema[] = [];
      for (const schema of current) {
        for (const sub of this.childSchemas(schema, segment)) next.push(...this.expand(sub, value));
      }
      current = next;
      if (!current.length) break;
    }
    return current;
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
    const resolved = this.deref(schema);
    const result: JsonSchema[] = [resolved];
    for (const sub of (resolved.allOf as JsonSchema[]) ?? []) result.push(...this.expand(sub, value, depth + 1));
    if (resolved.if && typeof resolved.if === 'object') {
      const matches = value === undefined ? undefined : this.test(resolved.if as JsonSchema, value);
      if (matches !== false && resolved.then) result.push(...this.expand(resolved.then as JsonSchema, value, depth + 1));
      if (matches !== true && resolved.else) result.push(...this.expand(resolved.else as JsonSchema, value, depth + 1));
    }
    for (const key of ['anyOf', 'oneOf']) {
      for (const branch of (resolved[key] as JsonSchema[]) ?? []) {
        const expanded = this.expand(branch, value, depth + 1);
        if (value === undefined || expanded.some((s) => fitsType(s, value))) result.push(...expanded);
      }
    }
    return result;
  }

  private deref(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let i = 0; i < 10 && typeof current.$ref === 'string' && current.$ref.startsWith('#'); i++) {
      const target = pointer(this.root, current.$ref.slice(1));
      if (!target || typeof target !== 'object') break;
      const { $ref: _ref, ...rest } = current;
      current = { ...(target as JsonSchema), ...rest };
    }
    return current;
  }

  private test(condition: JsonSchema, value: unknown): boolean | undefined {
    const validate = this.store.subschemaValidator(this.kind, condition);
    if (!validate) return undefined;
    return validate(value) as boolean;
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
    if (!found.length && schema.additionalProperties && typeof schema.additionalProperties === 'object') found.push(schema.additionalProperties as JsonSchema);
    return found;
  }
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
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
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
    enumValues?.forEach((v, i) => add(v, descriptions?.[i]));
    if ('const' in schema) add(schema.const);
    if (typesOf([schema]).includes('boolean')) {
      add(true);
      add(false);
    }
  }
  return values;
}

export function describe(schemas: JsonSchema[]): { markdown?: string; plain?: string; docs?: string; default?: unknown } {
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
