import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { KindId } from '../core';

/** Keywords that only carry text for humans (hover, completion, messages). */
const ANNOTATIONS = [
  'markdownDescription',
  'x-docs',
  'x-code',
  'x-message',
  'x-enum-descriptions',
  'x-move-into',
  'x-suggest',
  'x-severity',
  'defaultSnippets',
];

/** Keywords whose mere presence is the problem (removed or deprecated keys). */
export const PRESENCE_KEYWORDS = { removed: 'x-removed', deprecated: 'x-deprecated-message' } as const;

export type JsonSchema = Record<string, unknown>;

/**
 * Loads our JSON schemas from `schemas/` and compiles each one once. A schema that fails to
 * load is reported once and its kind is then checked by rules only.
 */
export class SchemaStore {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction | null>();
  private readonly schemas = new Map<string, JsonSchema | null>();
  private readonly pointers = new WeakMap<object, Map<unknown, string>>();
  readonly problems: string[] = [];

  constructor(readonly directory: string = locateSchemaDirectory()) {
    this.ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: false,
      allowUnionTypes: true,
      discriminator: true,
      // Compiling is on the path of a file's first diagnostics (cloudquery-spec: 104-133 ms, 47-54
      // without these). Our own schemas are checked against their meta-schema by a test
      // (test/unit/schemas/meta-schema.test.ts), a plugin's when it is compiled (validatorForText);
      // the optimizer's pass saves ~1 ms per validation of a 10k-line file and costs ~20 ms here.
      validateSchema: false,
      code: { optimize: false },
    });
    addFormats(this.ajv);
    this.ajv.addVocabulary(ANNOTATIONS);
    for (const keyword of Object.values(PRESENCE_KEYWORDS)) {
      this.ajv.addKeyword({ keyword, schemaType: 'string', validate: () => false });
    }
  }

  schemaFor(kind: KindId | string): JsonSchema | undefined {
    if (!this.schemas.has(kind)) {
      const file = path.join(this.directory, `${kind}.schema.json`);
      try {
        this.schemas.set(kind, JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema);
      } catch (error) {
        this.schemas.set(kind, null);
        if (fs.existsSync(file)) this.problems.push(`schema ${file} could not be read: ${(error as Error).message}`);
      }
    }
    return this.schemas.get(kind) ?? undefined;
  }

  validatorFor(kind: KindId | string): ValidateFunction | undefined {
    if (!this.validators.has(kind)) {
      const schema = this.schemaFor(kind);
      this.validators.set(kind, schema ? this.compile(schema, kind) : null);
    }
    return this.validators.get(kind) ?? undefined;
  }

  /**
   * Validators for the branches of an `anyOf`/`oneOf` of a kind's schema. ajv's error paths are
   * relative to the last `$ref`, so the branch is found by identity in the schema object instead.
   */
  branchValidatorFor(kind: KindId | string): BranchValidator | undefined {
    const schema = this.schemaFor(kind);
    const id = schema?.$id;
    if (!schema || typeof id !== 'string' || !this.validatorFor(kind)) return undefined;
    let pointers: Map<unknown, string> | undefined;
    return (alternatives, index) => {
      pointers ??= pointerIndex(schema);
      const pointer = pointers.get(alternatives);
      if (pointer === undefined) return undefined;
      try {
        return this.ajv.getSchema(`${id}#${pointer}/${index}`);
      } catch {
        return undefined;
      }
    };
  }

  /** A validator for any subschema object of a kind's schema (found by identity), e.g. an `if`. */
  subschemaValidator(kind: KindId | string, subschema: unknown): ValidateFunction | undefined {
    const schema = this.schemaFor(kind);
    const id = schema?.$id;
    if (!schema || typeof id !== 'string' || !this.validatorFor(kind)) return undefined;
    let index = this.pointers.get(schema);
    if (!index) {
      index = pointerIndex(schema);
      this.pointers.set(schema, index);
    }
    const pointer = index.get(subschema);
    if (pointer === undefined) return undefined;
    try {
      return this.ajv.getSchema(`${id}#${pointer}`);
    } catch {
      return undefined;
    }
  }

  /** Compiles a schema that is not ours (a plugin's own spec schema), keyed by its text. */
  validatorForText(key: string, schemaText: string): ValidateFunction | undefined {
    const cacheKey = `text:${key}:${schemaText.length}:${hashCode(schemaText)}`;
    if (!this.validators.has(cacheKey)) {
      try {
        const schema = JSON.parse(schemaText) as JsonSchema;
        // A plugin's schema may use any draft; compile it on its own, without our $id space.
        delete schema.$id;
        this.validators.set(cacheKey, this.compile(schema, key, true));
      } catch (error) {
        this.validators.set(cacheKey, null);
        this.problems.push(`schema ${key} could not be compiled: ${(error as Error).message}`);
      }
    }
    return this.validators.get(cacheKey) ?? undefined;
  }

  /**
   * The meta-schema problems of a schema (what ajv's own check throws: "schema is invalid: ..."),
   * or undefined when it has none.
   */
  metaSchemaProblem(schema: JsonSchema): string | undefined {
    try {
      this.ajv.validateSchema(schema, true);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  private compile(schema: JsonSchema, name: string, checkMeta = false): ValidateFunction | null {
    try {
      if (checkMeta) this.ajv.validateSchema(schema, true);
      return this.ajv.compile(schema);
    } catch (error) {
      this.problems.push(`schema ${name} could not be compiled: ${(error as Error).message}`);
      return null;
    }
  }
}

export type BranchValidator = (alternatives: unknown, index: number) => ValidateFunction | undefined;

/** JSON pointer of every object and array inside a schema, keyed by identity. */
function pointerIndex(schema: unknown): Map<unknown, string> {
  const index = new Map<unknown, string>();
  const visit = (value: unknown, pointer: string) => {
    if (value === null || typeof value !== 'object' || index.has(value)) return;
    index.set(value, pointer);
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(schema, '');
  return index;
}

function hashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

/** `schemas/` beside the bundle (dist/..), or above the compiled sources when run from out/. */
export function locateSchemaDirectory(): string {
  const override = process.env.PLUGIN_WORKBENCH_SCHEMAS;
  if (override) return override;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'schemas');
    if (
      fs.existsSync(path.join(candidate, 'cloudquery-spec.schema.json')) ||
      fs.existsSync(path.join(candidate, 'README.md'))
    ) {
      return candidate;
    }
    dir = path.dirname(dir);
  }
  return path.join(__dirname, '..', 'schemas');
}
