import * as path from 'node:path';
import {
  MAX_MANIFEST_BYTES,
  FileCache,
  nodeFileAccess,
  parseFile,
  toValue,
  type Classification,
  type EngineDiagnostic,
  type FileAccess,
  type KindDefinition,
  type KindId,
  type ParsedDocument,
  type ParsedFile,
} from '../core';
import { mapSchemaErrors } from '../schemas/error-mapper';
import { SchemaStore } from '../schemas/schema-store';
import { ALL_RULES, classify, KINDS } from '../systems';
import { foldKeyCase, judgeTypes, navigatorFor } from './host-decoding';
import type { Rule, RuleContext } from '../systems/rule';
import { applySuppressions } from './suppression';

export interface AnalyzeInput {
  path: string;
  text: string;
  /** Document version (LSP); with `path` it keys the parse cache. */
  version?: number;
  forcedKind?: KindId;
  /** Host releases for this file (editor settings); default: the engine's. */
  targets?: Record<string, string>;
}

export interface Analysis {
  classification: Classification;
  kind?: KindId;
  parsed?: ParsedFile;
  diagnostics: EngineDiagnostic[];
}

export interface EngineOptions {
  schemas?: SchemaStore;
  files?: FileAccess;
  rules?: readonly Rule[];
  /** Host release per system the project files are checked against (default: the newest verified). */
  targets?: Record<string, string>;
}

/**
 * Parse, classify, validate. No editor or protocol dependency: the language server, the CLI and
 * the tests all drive this class.
 */
export class Engine {
  readonly schemas: SchemaStore;
  readonly files: FileAccess;
  private readonly rules: readonly Rule[];
  targets: Record<string, string>;
  private readonly parseCache = new Map<string, { key: string; parsed: ParsedFile }>();

  constructor(options: EngineOptions = {}) {
    this.schemas = options.schemas ?? new SchemaStore();
    // Files read around a manifest are cached by (path, size, mtime): a keystroke re-reads nothing.
    this.files = options.files ?? new FileCache(nodeFileAccess());
    this.rules = options.rules ?? ALL_RULES;
    this.targets = options.targets ?? {};
  }

  classify(input: AnalyzeInput): Classification {
    return classify({ path: input.path, text: input.text, forcedKind: input.forcedKind, files: this.files });
  }

  /** Parses with the host's dialect; cached per path and version (or text, without a version). */
  parse(filePath: string, text: string, kind: KindId, version?: number): ParsedFile {
    const key = `${kind}:${version ?? ''}:${text.length}:${version === undefined ? text : ''}`;
    const cached = this.parseCache.get(filePath);
    if (cached && cached.key === key) return cached.parsed;
    const parsed = parseFile(text, KINDS[kind]);
    this.parseCache.set(filePath, { key, parsed });
    if (this.parseCache.size > 500) this.parseCache.delete(this.parseCache.keys().next().value as string);
    return parsed;
  }

  forget(filePath: string): void {
    this.parseCache.delete(filePath);
  }

  /**
   * Never throws: a failure anywhere in reading or checking one file becomes one
   * `workbench.internal-error` diagnostic on it, so a folder run still reports every other file.
   */
  async analyze(input: AnalyzeInput): Promise<Analysis> {
    try {
      return await this.analyzeUnguarded(input);
    } catch (error) {
      // What we can still say without the content: the kind by name and place.
      let classification: Classification = {};
      try {
        classification = classify({ path: input.path, text: '', forcedKind: input.forcedKind });
      } catch {
        // not even the path: the file stays unrecognised
      }
      const message =
        error instanceof RangeError
          ? 'the file is too complex to check (nested or repeated too deeply)'
          : ((error as Error)?.message ?? String(error));
      return {
        classification,
        kind: classification.kind,
        diagnostics: [
          {
            start: 0,
            end: 0,
            severity: 'error',
            code: 'workbench.internal-error',
            message: `Plugin Workbench could not check this file: ${message}. Please report it.`,
          },
        ],
      };
    }
  }

  private async analyzeUnguarded(input: AnalyzeInput): Promise<Analysis> {
    // Size first: classification parses the text, and a 20 MB data file must cost nothing.
    const tooLarge = input.text.length > MAX_MANIFEST_BYTES;
    const classification = tooLarge
      ? classify({ path: input.path, text: modelineHead(input.text), forcedKind: input.forcedKind })
      : this.classify(input);
    const diagnostics: EngineDiagnostic[] = [];
    if (classification.unknownModeline) {
      const { id, offset } = classification.unknownModeline;
      diagnostics.push({
        start: offset,
        end: offset + id.length,
        severity: 'warning',
        code: 'workbench.unknown-kind',
        message: `Unknown kind "${id}" in the plugin-workbench modeline. Known kinds: ${Object.keys(KINDS).join(', ')}.`,
      });
    }
    const kind = classification.kind;
    if (!kind) return { classification, diagnostics };
    if (tooLarge) {
      diagnostics.push({
        start: 0,
        end: 0,
        severity: 'information',
        code: 'workbench.too-large',
        message: `This file is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB; it was not validated.`,
      });
      return { classification, kind, diagnostics };
    }
    const definition = KINDS[kind];
    const absolute = path.resolve(input.path);
    const parsed = this.parse(absolute, input.text, kind, input.version);
    append(diagnostics, parsed.diagnostics);
    const documents = hostDocuments(parsed, definition);
    const schema = this.validateSchema(kind, definition, documents, parsed);
    append(diagnostics, schema.diagnostics);
    const context = this.contextFor(kind, absolute, input.text, parsed, input.targets);
    for (const rule of this.rules) {
      if (!rule.kinds.includes(kind)) continue;
      try {
        append(diagnostics, await rule.check(context));
      } catch (error) {
        // A rule must never take the whole file down; say which one failed.
        diagnostics.push({
          start: 0,
          end: 0,
          severity: 'information',
          code: 'workbench.rule-failed',
          message: `Check ${rule.id} could not run: ${(error as Error).message}`,
        });
      }
    }
    diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      classification,
      kind,
      parsed,
      diagnostics: capped(applySuppressions(input.text, diagnostics), schema.truncated, input.text.length),
    };
  }

  /** What rules (and editor features built like them) see of a parsed file. */
  contextFor(
    kind: KindId,
    file: string,
    text: string,
    parsed: ParsedFile,
    targets?: Record<string, string>,
  ): RuleContext {
    const definition = KINDS[kind];
    return {
      kind,
      definition,
      path: path.resolve(file),
      text,
      file: parsed,
      documents: hostDocuments(parsed, definition),
      files: this.files,
      schemas: this.schemas,
      parseOther: (other, otherKind) => this.parseOther(other, otherKind),
      targets: { ...this.targets, ...targets },
    };
  }

  private validateSchema(
    kind: KindId,
    definition: KindDefinition,
    documents: ParsedDocument[],
    parsed: ParsedFile,
  ): { diagnostics: EngineDiagnostic[]; truncated: boolean } {
    const validate = this.schemas.validatorFor(kind);
    let truncated = false;
    if (!validate) return { diagnostics: [], truncated };
    const branchValidator = this.schemas.branchValidatorFor(kind);
    const diagnostics: EngineDiagnostic[] = [];
    const decoding = definition.decoding;
    const navigator = decoding ? navigatorFor(this.schemas, kind) : undefined;
    for (const document of documents) {
      if ((document.broken && !document.recovered) || !document.root) continue;
      if (decoding && navigator) append(diagnostics, foldKeyCase(document, navigator, decoding, definition.system));
      const valid = validate(toValue(document.root));
      // Copy: ajv reuses its error array on the next call, and mapping validates branches again.
      let errors = valid ? [] : [...(validate.errors ?? [])];
      // Mapping is costly per error and only MAX_DIAGNOSTICS_PER_FILE are shown: map a few more.
      if (errors.length > MAX_SCHEMA_ERRORS) {
        errors = errors.slice(0, MAX_SCHEMA_ERRORS);
        truncated = true;
      }
      if (decoding) {
        const judged = judgeTypes(document, errors, navigator, decoding, definition.system);
        errors = judged.errors;
        append(diagnostics, judged.diagnostics);
      }
      if (!errors.length) continue;
      append(
        diagnostics,
        mapSchemaErrors(errors, {
          system: definition.system,
          root: document.root,
          text: parsed.text,
          documentStart: document.start,
          branchValidator,
        }).map((d) =>
          decoding?.unknownKeys === 'warning' && d.code.endsWith('.unknown-key')
            ? { ...d, severity: 'warning' as const, message: `${d.message} The host ignores keys it does not know.` }
            : d,
        ),
      );
    }
    return { diagnostics, truncated };
  }

  private parseOther(file: string, kind: KindId): ParsedFile | undefined {
    const absolute = path.resolve(file);
    const text = this.files.readText(absolute);
    if (text === undefined) return undefined;
    return this.parse(absolute, text, kind);
  }
}

/** Problems reported per file at most, as editors cap them; one more line says how many were left out. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

const MAX_SCHEMA_ERRORS = 5 * MAX_DIAGNOSTICS_PER_FILE;

function capped(all: EngineDiagnostic[], truncated: boolean, length: number): EngineDiagnostic[] {
  // Every range inside the text, start before end, whatever a reader or rule computed.
  const diagnostics = all.map((d) => {
    const start = Math.max(0, Math.min(d.start, length));
    const end = Math.max(start, Math.min(d.end, length));
    return start === d.start && end === d.end ? d : { ...d, start, end };
  });
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const kept = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const next = diagnostics[MAX_DIAGNOSTICS_PER_FILE];
  const more = (diagnostics.length - MAX_DIAGNOSTICS_PER_FILE).toLocaleString('en-US');
  kept.push({
    start: next.start,
    end: next.start,
    severity: 'information',
    code: 'workbench.too-many-problems',
    message: `${truncated ? 'At least ' : ''}${more} more problems in this file are not shown (at most ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en-US')} are reported per file).`,
  });
  return kept;
}

/** push(...items) passes every item as an argument and overflows the stack on big arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The start of a too-large file, where a modeline would be: enough to classify it by its word. */
function modelineHead(text: string): string {
  const head = text.slice(0, 4096);
  return head.slice(0, head.lastIndexOf('\n') + 1);
}

/** The documents the host reads: all of them, or only the first non-empty one. */
export function hostDocuments(parsed: ParsedFile, definition: KindDefinition): ParsedDocument[] {
  if (definition.multiDocument) return parsed.documents;
  const first = parsed.documents.find((d) => d.root !== undefined || d.broken);
  return first ? [first] : [];
}
