import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema, SchemaStore } from '../schemas/schema-store';

/**
 * ajv's errors for a document whose schema is an object with a long top-level list of items
 * (gatewayd's `plugins:`), with each item validated on its own and its errors kept with the item's
 * value. keptValue gives an unchanged item the same value object from one version to the next, so
 * a keystroke in one entry validates that entry and the rest of the document without its list,
 * not every entry again. Only where the split gives what one validation gives:
 * - the root schema has no keyword that looks into the list's items (no `allOf`, `if`,
 *   `unevaluatedProperties`...: see ROOT_KEYWORDS) and the list's own schema is `type: array` and
 *   `items` alone, so the document with an empty list has every error but the items' own;
 * - the items' errors are ajv's for the `items` schema, their paths put under the list, and placed
 *   where one validation puts them: after the errors of the root and of the properties before the
 *   list in the schema, before those of the properties after it.
 *
 * Anything else, a short list or more errors than `limit`, is one validation.
 */
export class ListValidation {
  private readonly splits = new WeakMap<JsonSchema, string[]>();
  private readonly items = new WeakMap<ValidateFunction, WeakMap<object, ErrorObject[]>>();

  /** `split: false`: every document validated whole (tests compare the two). */
  constructor(
    private readonly store: SchemaStore,
    private readonly split = true,
  ) {}

  /** ajv's errors for `value` (a copy: ajv reuses its array), or none when it is valid. */
  errors(kind: string, validate: ValidateFunction, value: unknown, limit: number): ErrorObject[] {
    const whole = (): ErrorObject[] => (validate(value) ? [] : [...(validate.errors ?? [])]);
    const schema = this.split ? this.store.schemaFor(kind) : undefined;
    if (!schema || value === null || typeof value !== 'object' || Array.isArray(value)) return whole();
    const record = value as Record<string, unknown>;
    const key = this.listKeys(schema).find(
      (k) => Array.isArray(record[k]) && (record[k] as unknown[]).length >= MIN_ITEMS,
    );
    if (key === undefined) return whole();
    const itemSchema = (schema.properties as Record<string, JsonSchema>)[key].items as JsonSchema;
    const validateItem = this.store.subschemaValidator(kind, itemSchema);
    if (!validateItem) return whole();
    const list = record[key] as unknown[];
    const shellValue = { ...record, [key]: [] };
    // `verbose` errors hold the value they judged: the document's own, not the stand-in.
    const shell = validate(shellValue)
      ? []
      : (validate.errors ?? []).map((e) => (e.data === shellValue ? { ...e, data: value } : e));
    let known = this.items.get(validateItem);
    if (!known) this.items.set(validateItem, (known = new WeakMap()));
    const under = `/${escapePointer(key)}/`;
    const itemErrors: ErrorObject[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      let errors = item !== null && typeof item === 'object' ? known.get(item) : undefined;
      if (!errors) {
        errors = validateItem(item) ? [] : [...(validateItem.errors ?? [])];
        if (item !== null && typeof item === 'object') known.set(item, errors);
      }
      for (const error of errors) itemErrors.push({ ...error, instancePath: `${under}${i}${error.instancePath}` });
      if (shell.length + itemErrors.length > limit) return whole();
    }
    if (!itemErrors.length) return shell;
    // One validation reports the root's own keywords, then each property in the schema's order.
    const order = Object.keys(schema.properties as object);
    const before = new Set(order.slice(0, order.indexOf(key)));
    const at = shell.findIndex((e) => e.instancePath !== '' && !before.has(topKey(e.instancePath)));
    return at === -1 ? [...shell, ...itemErrors] : [...shell.slice(0, at), ...itemErrors, ...shell.slice(at)];
  }

  /** The root properties whose lists can be validated item by item under this schema. */
  private listKeys(schema: JsonSchema): string[] {
    let keys = this.splits.get(schema);
    if (keys) return keys;
    keys = [];
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (Object.keys(schema).every(isRootKeyword) && schema.type === 'object' && properties) {
      for (const [name, sub] of Object.entries(properties)) {
        if (!sub || typeof sub !== 'object' || sub.type !== 'array') continue;
        if (!sub.items || typeof sub.items !== 'object') continue;
        if (Object.keys(sub).every((k) => k === 'type' || k === 'items' || isAnnotation(k))) keys.push(name);
      }
    }
    this.splits.set(schema, keys);
    return keys;
  }
}

/** Below this many items one validation is as cheap, and no items validator is compiled. */
const MIN_ITEMS = 32;

/** Root keywords under which a document with an empty list has every error but the items' own. */
const ROOT_KEYWORDS = new Set([
  'type',
  'properties',
  'additionalProperties',
  'required',
  'minProperties',
  'maxProperties',
  '$defs',
  'definitions',
  '$schema',
  '$id',
]);

const isAnnotation = (key: string) =>
  key.startsWith('x-') ||
  ['title', 'description', 'markdownDescription', 'default', 'examples', 'deprecated', '$comment'].includes(key);
const isRootKeyword = (key: string) => ROOT_KEYWORDS.has(key) || isAnnotation(key);

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The first step of a JSON pointer, unescaped. */
function topKey(pointer: string): string {
  const end = pointer.indexOf('/', 1);
  return (end === -1 ? pointer.slice(1) : pointer.slice(1, end)).replace(/~1/g, '/').replace(/~0/g, '~');
}
