import type { ErrorObject } from 'ajv';
import {
  type EngineDiagnostic,
  type Severity,
  type ValueNode,
  keySpan,
  labelOf,
  nodeAtPointer,
  ownerSpan,
  toValue,
  valueSpan,
  type Span,
  findProperty,
  closest,
  CASE_TRANSFORMS,
} from '../core';
import { PRESENCE_KEYWORDS, type BranchValidator, type JsonSchema } from './schema-store';

/** Keywords that judge a value (and may be excused when the value is a host placeholder). */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'multipleOf',
  'contains',
  'not',
  'anyOf',
  'oneOf',
  'minItems',
  'maxItems',
]);

/** Stable code suffixes per ajv keyword; the system prefix comes from the kind. */
const CODES: Record<string, string> = {
  required: 'missing-key',
  dependentRequired: 'missing-key',
  additionalProperties: 'unknown-key',
  unevaluatedProperties: 'unknown-key',
  'false schema': 'unknown-key',
  enum: 'invalid-value',
  const: 'invalid-value',
  type: 'wrong-type',
  pattern: 'invalid-format',
  format: 'invalid-format',
  propertyNames: 'invalid-format',
  minimum: 'out-of-range',
  maximum: 'out-of-range',
  exclusiveMinimum: 'out-of-range',
  exclusiveMaximum: 'out-of-range',
  minLength: 'out-of-range',
  maxLength: 'out-of-range',
  multipleOf: 'out-of-range',
  minItems: 'too-few-items',
  maxItems: 'too-many-items',
  minProperties: 'too-few-items',
  uniqueItems: 'duplicate-item',
  contains: 'invalid-value',
  not: 'invalid-value',
  anyOf: 'invalid-value',
  oneOf: 'invalid-value',
  [PRESENCE_KEYWORDS.removed]: 'removed-key',
  [PRESENCE_KEYWORDS.deprecated]: 'deprecated-key',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  null: 'empty',
};

export interface MapOptions {
  /** Code prefix: the system id. */
  system: string;
  root: ValueNode | undefined;
  text: string;
  /** Where the document starts (a missing key at the root is shown on its first line). */
  documentStart?: number;
  /** Validators for the branches of the schema's `anyOf`/`oneOf` arrays. */
  branchValidator?: BranchValidator;
}

/** Turns ajv's errors into diagnostics a plugin author can act on, on the right token. */
export function mapSchemaErrors(errors: ErrorObject[], options: MapOptions): EngineDiagnostic[] {
  const kept = normalize(errors, options);
  const diagnostics: EngineDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const diagnostic = mapError(error, options);
    if (!diagnostic) continue;
    // `x-severity` on the failing schema: a convention the host itself does not enforce (policy in
    // docs/ARCHITECTURE.md) is reported below error.
    const declared = (error.parentSchema as JsonSchema | undefined)?.['x-severity'];
    if (declared === 'warning' || declared === 'information' || declared === 'hint') diagnostic.severity = declared;
    const key = `${diagnostic.start}:${diagnostic.end}:${diagnostic.code}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return withoutMisspelledRequired(diagnostics);
}

/**
 * A misspelled required key (`localpath` for `localPath`) is one mistake: the unknown key that
 * suggests the missing one says it, with its rename fix; the missing-key twin is dropped.
 */
function withoutMisspelledRequired(diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  const suggested = new Set(
    diagnostics
      .filter((d) => d.data?.suggestion !== undefined && d.data.keyword !== 'required')
      .map((d) => `${String(d.data?.pointer)}\0${String(d.data?.suggestion)}`),
  );
  if (!suggested.size) return diagnostics;
  return diagnostics.filter(
    (d) => d.data?.keyword !== 'required' || !suggested.has(`${String(d.data.pointer)}\0${String(d.data.key)}`),
  );
}

function mapError(error: ErrorObject, options: MapOptions): EngineDiagnostic | undefined {
  const node = nodeAtPointer(options.root, error.instancePath);
  if (!node) return undefined;
  if (VALUE_KEYWORDS.has(error.keyword) && containsPlaceholder(node)) return undefined;
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  const label = labelOf(node);
  const customMessage =
    typeof parentSchema['x-message'] === 'string' ? (parentSchema['x-message'] as string) : undefined;
  const customCode = typeof parentSchema['x-code'] === 'string' ? (parentSchema['x-code'] as string) : undefined;
  const code = (suffix: string, allowCustom: boolean) => (allowCustom && customCode) || `${options.system}.${suffix}`;
  const suffix = CODES[error.keyword] ?? 'schema';
  let span: Span = valueSpan(node);
  let message: string;
  let severity: Severity = 'error';
  const data: Record<string, unknown> = { keyword: error.keyword, pointer: error.instancePath };

  // Errors inside `propertyNames` carry the offending key.
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const property = findProperty(node, propertyName);
    if (property) span = keySpan(property);
    data.key = propertyName;
    message = customMessage
      ? `"${propertyName}": ${customMessage}`
      : `"${propertyName}" is not a valid name in ${label}: ${describe(error)}`;
    message = withSuggestion(message, suggestName(parentSchema, propertyName, data));
    return { ...span, severity, code: code(CODES.propertyNames, true), message, data };
  }

  switch (error.keyword) {
    case 'required':
    case 'dependentRequired': {
      const missing = String(params.missingProperty);
      // What a quick fix needs to add the key: the schema's default and the expected type.
      const propertySchema = (parentSchema.properties as Record<string, JsonSchema> | undefined)?.[missing];
      if (propertySchema && typeof propertySchema === 'object') {
        if ('default' in propertySchema) data.default = propertySchema.default;
        if (propertySchema.type) data.valueType = propertySchema.type;
        if (Array.isArray(propertySchema.enum)) data.allowed = propertySchema.enum;
      }
      const isRoot = !node.property && !node.parentArray;
      span = ownerSpan(
        isRoot && options.documentStart !== undefined ? { ...node, start: options.documentStart } : node,
        options.text,
      );
      data.key = missing;
      const owner = node.property || node.parentArray ? `${label} is` : 'The document is';
      message = `${owner} missing the required key "${missing}".`;
      if (error.keyword === 'dependentRequired') message += ` It is needed with "${String(params.property)}".`;
      break;
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      const property = findProperty(node, key);
      if (property) span = keySpan(property);
      const allowed = allowedKeys(parentSchema);
      const suggestion = closest(key, allowed);
      data.key = key;
      if (suggestion) data.suggestion = suggestion;
      const where = node.property || node.parentArray ? ` in ${label}` : '';
      message =
        `Unknown key "${key}"${where}.` +
        (suggestion ? ` Did you mean "${suggestion}"?` : allowed.length ? ` Allowed keys: ${allowed.join(', ')}.` : '');
      break;
    }
    case 'false schema': {
      if (node.property) span = keySpan(node.property);
      data.key = node.property?.key;
      message = `"${label}" is not allowed here.`;
      break;
    }
    case PRESENCE_KEYWORDS.removed:
    case PRESENCE_KEYWORDS.deprecated: {
      if (node.property) span = keySpan(node.property);
      data.key = node.property?.key;
      // `x-move-into: spec` says which sibling mapping the key belongs in now (a quick fix moves it).
      if (typeof parentSchema['x-move-into'] === 'string') data.moveInto = parentSchema['x-move-into'];
      message = String(error.schema);
      if (error.keyword === PRESENCE_KEYWORDS.deprecated) severity = 'warning';
      break;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const actual = node.type === 'scalar' ? node.value : undefined;
      const suggestion =
        typeof actual === 'string'
          ? closest(
              actual,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      data.allowed = allowed;
      if (suggestion) data.suggestion = suggestion;
      message = customMessage ?? `${label} must be one of ${allowed.map(display).join(', ')}`;
      if (!customMessage && actual !== undefined) message += ` (got ${actual === null ? 'nothing' : display(actual)})`;
      if (suggestion) message += `. Did you mean "${suggestion}"?`;
      return { ...span, severity, code: code(suffix, true), message, data };
    }
    case 'contains':
      if (node.property) span = keySpan(node.property);
      message = customMessage ?? `${label} ${describe(error)}`;
      break;
    case 'const':
      data.allowed = [params.allowedValue];
      message = customMessage ?? `${label} must be ${display(params.allowedValue)}`;
      break;
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      message = `${label} must be ${expected.join(' or ')} (got ${actualType(node)})`;
      break;
    }
    default:
      message = customMessage ?? `${label} ${describe(error)}`;
      if (error.keyword === 'pattern' && node.type === 'scalar' && typeof node.value === 'string') {
        message = withSuggestion(message, suggestName(parentSchema, node.value, data));
      }
  }
  return { ...span, severity, code: code(suffix, VALUE_KEYWORDS.has(error.keyword)), message, data };
}

/** The forms `x-suggest` names: the name cases, and `v-prefix` (`1.4.0` -> `v1.4.0`). */
const SUGGESTIONS: Record<string, (value: string) => string> = {
  ...CASE_TRANSFORMS,
  'v-prefix': (value) => (/^\d/.test(value) ? `v${value}` : value),
};

/** `x-suggest: kebab-case` on a pattern: the name in that form, for the message and a quick fix. */
function suggestName(schema: JsonSchema, name: string, data: Record<string, unknown>): string | undefined {
  const transform = typeof schema['x-suggest'] === 'string' ? SUGGESTIONS[schema['x-suggest'] as string] : undefined;
  const replacement = transform?.(name);
  if (!replacement || replacement === name) return undefined;
  data.replace = replacement;
  return replacement;
}

function withSuggestion(message: string, replacement: string | undefined): string {
  return replacement ? `${message.replace(/\.?$/, '.')} Use "${replacement}".` : message;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'pattern':
      return `does not have the expected format (must match ${String(params.pattern)})`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'minItems':
      return `needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `allows at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'uniqueItems':
      return `has a duplicate item (items ${String(params.j)} and ${String(params.i)} are the same)`;
    case 'minProperties':
      return `needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}`;
    case 'contains':
      return 'does not contain a required item';
    case 'not':
      return 'has a value that is not allowed here';
    case 'oneOf':
      return params.passingSchemas
        ? 'matches more than one of the allowed forms'
        : 'does not match any of the allowed forms';
    case 'anyOf':
      return 'does not match any of the allowed forms';
    default:
      return error.message ?? 'is not valid';
  }
}

function allowedKeys(schema: JsonSchema): string[] {
  const properties = schema.properties as Record<string, JsonSchema | boolean> | undefined;
  if (!properties) return [];
  return Object.entries(properties)
    .filter(([, s]) => s !== false && !(typeof s === 'object' && (s[PRESENCE_KEYWORDS.removed] || s.deprecated)))
    .map(([k]) => k);
}

function containsPlaceholder(node: ValueNode): boolean {
  if (node.type === 'scalar') return node.placeholder === true;
  return false;
}

function display(value: unknown): string {
  // "(got )" says nothing: an empty string is named as one.
  if (value === '') return 'an empty string';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function actualType(node: ValueNode): string {
  if (node.type === 'object') return 'a mapping';
  if (node.type === 'array') return 'a list';
  const v = node.value;
  if (v === null) return 'nothing';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 37) + '...' : v}"`;
  return String(v);
}

/**
 * Reshapes ajv's raw error list before mapping:
 * - `anyOf`/`oneOf` report every branch's errors. Each branch is validated again on its own (by
 *   JSON pointer, which also works when a branch is a `$ref`) and only the branch the author most
 *   likely meant is kept: one whose type matches the value, with the fewest errors. When no
 *   branch fits the type, a single type error names what would.
 * - `contains` also reports each item that did not match: only the `contains` error is kept.
 * - `if` and the outer `propertyNames` errors add nothing for a human.
 * ajv emits a compound keyword's sub-errors right before it, so they are the trailing errors
 * under the same instance path.
 */
function normalize(errors: ErrorObject[], options: MapOptions): ErrorObject[] {
  const out: ErrorObject[] = [];
  const popUnder = (pointer: string, inclusive: boolean) => {
    while (out.length) {
      const last = out[out.length - 1].instancePath;
      if (last.startsWith(pointer + '/') || (inclusive && last === pointer)) out.pop();
      else break;
    }
  };
  // A value with a wrong type that must also be one of a list: the list says more (`kind: ` with
  // nothing after it gets "must be one of source, destination, transformer", not two problems).
  const listed = new Set(
    errors.filter((e) => e.keyword === 'enum' || e.keyword === 'const').map((e) => e.instancePath),
  );
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (error.keyword === 'type' && listed.has(error.instancePath)) continue;
    if (error.keyword === 'contains') {
      popUnder(error.instancePath, false);
      out.push(error);
    } else if (
      (error.keyword === 'anyOf' || error.keyword === 'oneOf') &&
      !(error.params as { passingSchemas?: unknown }).passingSchemas
    ) {
      popUnder(error.instancePath, true);
      out.push(...bestAlternative(error, options));
    } else {
      out.push(error);
    }
  }
  return out;
}

function bestAlternative(error: ErrorObject, options: MapOptions): ErrorObject[] {
  const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
  const value = toValue(nodeAtPointer(options.root, error.instancePath));
  const results: ErrorObject[][] = [];
  for (let i = 0; i < branches.length; i++) {
    const validate = options.branchValidator?.(error.schema, i);
    if (!validate) return [error];
    if (validate(value)) return []; // cannot happen when ajv failed it, but never report a passing value
    const own = (validate.errors ?? []).map((e) => ({ ...e, instancePath: error.instancePath + e.instancePath }));
    results.push(normalize(own, options));
  }
  const typeMismatch = (list: ErrorObject[]) =>
    list.some((e) => e.keyword === 'type' && e.instancePath === error.instancePath);
  const plausible = results.filter((list) => !typeMismatch(list)).sort((a, b) => a.length - b.length);
  if (plausible.length) return plausible[0];
  const types = results.flat().filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath);
  const union = [...new Set(types.flatMap((e) => String((e.params as { type: string }).type).split(',')))];
  return [{ ...error, keyword: 'type', params: { type: union.join(',') } }];
}
