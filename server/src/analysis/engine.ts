import * as path from 'node:path';
import {
  MAX_MANIFEST_BYTES,
  FileCache,
  nodeFileAccess,
  parseFile,
  ParseMemo,
  pieceOrigin,
  keptValue,
  renameCount,
  shifted,
  type Classification,
  type EngineDiagnostic,
  type FileAccess,
  type KindDefinition,
  type KindId,
  type ParsedDocument,
  type ParsedFile,
  type SniffMemo,
  type ValueNode,
} from '../core';
import { mapSchemaErrors } from '../schemas/error-mapper';
import { SchemaStore } from '../schemas/schema-store';
import { ALL_RULES, classify, classifyOnDisk, KINDS } from '../systems';
import { foldKeyCase, hostSeverity, judgeTypes, navigatorFor } from './host-decoding';
import type { DocumentCheck, Rule, RuleContext } from '../systems/rule';
import { DocumentVerdicts } from './document-verdicts';
import { ListValidation } from './list-validation';
import { applySuppressions } from './suppression';

export interface AnalyzeInput {
  path: string;
  text: string;
  /** Document version (LSP); with `path` it keys the parse cache. */
  version?: number;
  forcedKind?: KindId;
  /** Host releases for this file (editor settings); default: the engine's. */
  targets?: Record<string, string>;
  /**
   * Asked between stages (classification, parse, schema, each rule): once it is set, `analyze`
   * stops with an `AnalysisCancelled`. With a token the engine also yields to the event loop
   * between stages, so that the editor's next edit can arrive and cancel the work in flight.
   */
  token?: { readonly isCancellationRequested: boolean };
  /**
   * Rules may leave reading many neighbour files for after this analysis (RuleContext.defer): its
   * result then lists that work in `deferred`, to run once it is published, and the file is to be
   * analysed again. The editor asks it for a file's first analysis only.
   */
  deferNeighbours?: boolean;
}

/** Thrown by `Engine.analyze` when its input's token was cancelled: the result is no longer wanted. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

/** What the editor features need of a text: its kind and its parse, without schema or rules. */
export interface PreparedText {
  classification: Classification;
  kind?: KindId;
  /** Absent for a file over the size limit. */
  parsed?: ParsedFile;
  tooLarge: boolean;
}

export interface Analysis {
  classification: Classification;
  kind?: KindId;
  parsed?: ParsedFile;
  diagnostics: EngineDiagnostic[];
  /** Work the rules left for later (see AnalyzeInput.deferNeighbours); the result lacks what depends on it. */
  deferred?: Array<() => void>;
}

export interface EngineOptions {
  schemas?: SchemaStore;
  files?: FileAccess;
  rules?: readonly Rule[];
  /** Host release per system the project files are checked against (default: the newest verified). */
  targets?: Record<string, string>;
  /** False: every document validated whole, never list item by list item (tests compare the two). */
  listValidation?: boolean;
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
  private readonly parseCache = new Map<string, { key: string; text?: string; parsed: ParsedFile }>();
  /** The latest classification and parse per path (for a version or a text), shared by features and analysis. */
  private readonly prepared = new Map<string, { key: string; value: PreparedText }>();

  constructor(options: EngineOptions = {}) {
    this.schemas = options.schemas ?? new SchemaStore();
    // Files read around a manifest are cached by (path, size, mtime): a keystroke re-reads nothing.
    this.files = options.files ?? new FileCache(nodeFileAccess());
    this.rules = options.rules ?? ALL_RULES;
    this.targets = options.targets ?? {};
    this.lists = new ListValidation(this.schemas, options.listValidation !== false);
  }

  /** Long top-level lists validated item by item, each item's errors kept with its value. */
  private readonly lists: ListValidation;

  /**
   * Compiles the schemas of every kind (or of `kinds`) ahead of the documents that need them, off
   * the request path: one kind at a time, each only once the engine has been idle for `idleMs` (no
   * analysis running or started since), so a document opened meanwhile never waits behind the
   * warm-up, and one being edited (keystrokes a few hundred ms apart) never shares the CPU with
   * it. The language server calls it once after `initialized`; calling it again, or analysing
   * while it runs, is harmless (each schema is compiled once).
   */
  async warmUp(kinds: readonly KindId[] = Object.keys(KINDS), idleMs = 1000): Promise<void> {
    for (const kind of kinds) {
      while (this.running > 0 || Date.now() - this.lastActivity < idleMs) await sleep(idleMs / 4);
      try {
        if (this.schemas.validatorFor(kind)) navigatorFor(this.schemas, kind);
      } catch {
        // a schema that does not compile is reported when a document of its kind is checked
      }
    }
  }

  /**
   * Analyses running, and when the last one started or ended (the warm-up waits for quiet). Date.now:
   * asked twice per analysis, and a CLI run makes thousands; performance.now cost more.
   */
  private running = 0;
  private lastActivity = Date.now();

  /** Per file (LSP: per open document): the last content sniff, reused while the top level is unchanged. */
  private readonly sniffMemos = new Map<string, SniffMemo>();

  classify(input: AnalyzeInput, fresh = false): Classification {
    let memo: SniffMemo | undefined;
    // A file read from disk (the CLI): the classification a sibling's folder index made of it.
    if (
      !fresh &&
      input.version === undefined &&
      !input.forcedKind &&
      this.files.readText(path.resolve(input.path)) === input.text
    ) {
      const onDisk = classifyOnDisk(path.resolve(input.path), this.files);
      if (onDisk) return onDisk;
    }
    if (input.version !== undefined && !fresh) {
      const file = path.resolve(input.path);
      memo = this.sniffMemos.get(file);
      if (!memo) {
        memo = {};
        this.sniffMemos.set(file, memo);
        if (this.sniffMemos.size > 500) this.sniffMemos.delete(this.sniffMemos.keys().next().value as string);
      }
    }
    return classify({
      path: input.path,
      text: input.text,
      forcedKind: input.forcedKind,
      files: this.files,
      memo,
      whole: fresh,
    });
  }

  /** Parses with the host's dialect; cached per path and version (or text, without a version). */
  parse(filePath: string, text: string, kind: KindId, version?: number): ParsedFile {
    // Without a version the text itself is the key, compared apart: joined into the key, it was
    // copied on every lookup.
    const key = `${kind}:${version ?? ''}:${text.length}`;
    const keyText = version === undefined ? text : undefined;
    const cached = this.parseCache.get(filePath);
    if (cached && cached.key === key && cached.text === keyText) return cached.parsed;
    // The pieces of the previous version that this one did not change are not read again.
    // Without a version (the CLI, a file read from disk) there is no next version to share with;
    // an older version than the last (a disk snapshot of an open file) is read on its own, so that
    // it never moves the pieces of the newer one.
    const entry = version === undefined ? undefined : this.memoFor(filePath, kind);
    const memo = entry && !(entry.version !== undefined && version! < entry.version) ? entry : undefined;
    // The same version and text again (its cache entry was replaced meanwhile): the same parse.
    let parsed = memo?.version === version && memo?.text === text ? memo?.parsed : undefined;
    if (!parsed) {
      parsed = parseFile(text, KINDS[kind], memo?.memo);
      if (memo) {
        // Its pieces now belong to this parse (they move in place): the last one's trees are stale.
        if (memo.parsed) this.overtaken.add(memo.parsed);
        Object.assign(memo, { parsed, version, text });
      }
    }
    this.parseCache.delete(filePath);
    this.parseCache.set(filePath, { key, text: keyText, parsed });
    if (this.parseCache.size > 500) this.parseCache.delete(this.parseCache.keys().next().value as string);
    return parsed;
  }

  /** Per edited file: the pieces of its last version, for the next one (see ParseMemo), and that version's parse. */
  private readonly parseMemos = new Map<string, MemoEntry>();

  /**
   * Parses that a later parse of the same file overtook: their trees may have moved with it
   * (placedRead), so an analysis still running on one stops (its result is no longer wanted).
   */
  private readonly overtaken = new WeakSet<ParsedFile>();

  private memoFor(filePath: string, kind: KindId): MemoEntry {
    let entry = this.parseMemos.get(filePath);
    if (!entry || entry.kind !== kind) {
      entry = { kind, memo: new ParseMemo() };
      this.parseMemos.delete(filePath);
      this.parseMemos.set(filePath, entry);
      if (this.parseMemos.size > 100) this.parseMemos.delete(this.parseMemos.keys().next().value as string);
    }
    return entry;
  }

  /**
   * Drops what is cached for a path (its text may differ under the same version after a reopen);
   * without a path, every classification (a neighbour changed: context classification may differ).
   */
  forget(filePath?: string): void {
    if (filePath === undefined) {
      this.prepared.clear();
      return;
    }
    this.parseMemos.delete(filePath);
    this.parseMemos.delete(path.resolve(filePath));
    this.parseCache.delete(filePath);
    this.parseCache.delete(path.resolve(filePath));
    this.documentMemos.delete(path.resolve(filePath));
    this.sniffMemos.delete(path.resolve(filePath));
    this.prepared.delete(path.resolve(filePath));
  }

  /**
   * Classification and parse of a text, cached per path and version (or text): the latest parse
   * of the current text, which completion, hover and the outline answer from while the rules of
   * the same version may still run. `analyze` starts from the same value.
   */
  prepare(input: AnalyzeInput): PreparedText {
    const absolute = path.resolve(input.path);
    // Only versioned texts (the editor's) are kept: a CLI run prepares each file once.
    const key =
      input.version === undefined ? undefined : `${input.forcedKind ?? ''}:${input.version}:${input.text.length}`;
    const cached = key === undefined ? undefined : this.prepared.get(absolute);
    if (cached && cached.key === key) return cached.value;
    // Size first: classification parses the text, and a 20 MB data file must cost nothing.
    const tooLarge = input.text.length > MAX_MANIFEST_BYTES;
    let classification = tooLarge
      ? classify({ path: input.path, text: modelineHead(input.text), forcedKind: input.forcedKind })
      : this.classify(input);
    // A verdict from the memo or from the text's skeleton stands for a text that reads cleanly; a
    // broken one is sniffed again in full (its errors may hide or reveal top-level keys).
    const sniffed = classification.source === 'content' || classification.source === 'context';
    if (!tooLarge && classification.kind && (sniffed || this.sniffMemos.get(absolute)?.reused)) {
      const parsed = this.parse(absolute, input.text, classification.kind, input.version);
      if (parsed.documents.some((d) => d.broken)) classification = this.classify(input, true);
    }
    const kind = classification.kind;
    const parsed = kind && !tooLarge ? this.parse(absolute, input.text, kind, input.version) : undefined;
    const value: PreparedText = { classification, kind, parsed, tooLarge };
    if (key === undefined) return value;
    this.prepared.delete(absolute); // re-inserted last: the oldest entry goes first
    this.prepared.set(absolute, { key, value });
    if (this.prepared.size > 500) this.prepared.delete(this.prepared.keys().next().value as string);
    return value;
  }

  /**
   * Never throws: a failure anywhere in reading or checking one file becomes one
   * `workbench.internal-error` diagnostic on it, so a folder run still reports every other file.
   */
  async analyze(input: AnalyzeInput): Promise<Analysis> {
    this.running++;
    this.lastActivity = Date.now();
    try {
      return await this.analyzeUnguarded(input);
    } catch (error) {
      if (error instanceof AnalysisCancelled) throw error;
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
    } finally {
      this.running--;
      this.lastActivity = Date.now();
    }
  }

  private async analyzeUnguarded(input: AnalyzeInput): Promise<Analysis> {
    const { token } = input;
    // Without a token (the CLI) nothing can cancel: no turn of the event loop between stages.
    if (token) await checkpoint(token);
    const { classification, tooLarge, parsed: prepared } = this.prepare(input);
    if (token) await checkpoint(token);
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
    const parsed = prepared ?? this.parse(absolute, input.text, kind, input.version);
    append(diagnostics, parsed.diagnostics);
    // Between stages: stop once a later parse of the file has moved this one's trees.
    const current = () => {
      if (this.overtaken.has(parsed)) throw new AnalysisCancelled();
    };
    current();
    const documents = hostDocuments(parsed, definition);
    // An edited multi-document file (the editor's): verdicts are kept per document.
    const memo = input.version === undefined ? undefined : this.documentMemo(absolute, kind);
    const schema = this.validateSchema(kind, definition, documents, parsed, memo);
    append(diagnostics, schema.diagnostics);
    const context = this.contextFor(kind, absolute, input.text, parsed, input.targets);
    if (!input.forcedKind) context.classification = classification;
    const deferred: Array<() => void> = [];
    if (input.deferNeighbours) context.defer = (work) => deferred.push(work);
    for (const rule of this.rulesFor(kind)) {
      if (token) await checkpoint(token);
      current();
      try {
        const found =
          rule.perDocument && memo ? this.documentVerdicts(rule, rule.perDocument, context, memo) : undefined;
        const checked = found ?? rule.check(context);
        append(diagnostics, Array.isArray(checked) ? checked : await checked);
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
    current();
    diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      classification,
      kind,
      parsed,
      diagnostics: capped(applySuppressions(input.text, diagnostics), schema.truncated, input.text.length),
      ...(deferred.length ? { deferred } : {}),
    };
  }

  /** The rules of a kind, in their order: a CLI run checks thousands of files of a few kinds. */
  private rulesFor(kind: KindId): readonly Rule[] {
    let rules = this.rulesByKind.get(kind);
    if (!rules) this.rulesByKind.set(kind, (rules = this.rules.filter((rule) => rule.kinds.includes(kind))));
    return rules;
  }

  private readonly rulesByKind = new Map<KindId, readonly Rule[]>();

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

  private readonly documentMemos = new Map<string, DocumentMemo>();

  /** Schema and per-document rule verdicts of a multi-document file, kept while a section is unchanged. */
  private documentMemo(file: string, kind: KindId): DocumentMemo | undefined {
    if (!KINDS[kind].multiDocument) return undefined;
    let entry = this.documentMemos.get(file);
    if (!entry || entry.kind !== kind) {
      entry = { kind, byPiece: new WeakMap(), verdicts: new DocumentVerdicts(), rules: new Map() };
      this.documentMemos.delete(file);
      this.documentMemos.set(file, entry);
      if (this.documentMemos.size > 100) this.documentMemos.delete(this.documentMemos.keys().next().value as string);
    }
    return entry;
  }

  private validateSchema(
    kind: KindId,
    definition: KindDefinition,
    documents: ParsedDocument[],
    parsed: ParsedFile,
    memo?: DocumentMemo,
  ): { diagnostics: EngineDiagnostic[]; truncated: boolean } {
    if (!memo) return this.validateDocuments(kind, definition, documents, parsed);
    // One section's verdict depends on its own text only (offsets relative to its start): the
    // sections an edit did not touch keep theirs, the very documents of the last version first.
    // Where the text ends, without asking `parsed.text` (made on demand): the sections cover it.
    const textEnd = documents.length ? documents[documents.length - 1].end : 0;
    const validate = (document: ParsedDocument): SchemaVerdict => {
      const { start, end } = document;
      const one = () => {
        const read = this.validateDocuments(kind, definition, [document], parsed);
        return { truncated: read.truncated, diagnostics: read.diagnostics.map((d) => shifted(d, -start)) };
      };
      // A section the parse memo kept is its read's text (the memo's key), and its tree the same
      // object, moved in place, from one version to the next: that tree stands for the text,
      // without joining or hashing it again. Keyed by the tree itself, not by the piece it was
      // copied from: the schema pass renames keys in the tree it checks (foldKeyCase), and a second
      // copy of the same text (two equal sections) is checked, and renamed, on its own. A section
      // read without the memo (an older snapshot), or without a tree, is validated afresh.
      const placed = document.root && pieceOrigin(document.root)?.delta === start ? document.root : undefined;
      let verdict: SchemaVerdict;
      if (placed) {
        const flags = `${document.broken ? 'b' : ''}${document.recovered ? 'r' : ''}${end === textEnd ? 'e' : ''}`;
        let known = memo.byPiece.get(placed);
        if (!known) memo.byPiece.set(placed, (known = new Map()));
        verdict = known.get(flags) ?? one();
        known.set(flags, verdict);
      } else verdict = one();
      return { truncated: verdict.truncated, diagnostics: verdict.diagnostics.map((d) => shifted(d, start)) };
    };
    return memo.verdicts.run(documents, [this.schemas.validatorFor(kind)], validate);
  }

  /** A per-document rule's verdicts on an edited multi-document file, kept per unchanged document. */
  private documentVerdicts(
    rule: Rule,
    check: DocumentCheck,
    context: RuleContext,
    memo: DocumentMemo,
  ): EngineDiagnostic[] {
    let verdicts = memo.rules.get(rule.id);
    if (!verdicts) memo.rules.set(rule.id, (verdicts = new DocumentVerdicts()));
    // Keys renamed since (the schema pass folds their case) change what rules read of a tree; the
    // release the file is checked against changes what a rule may say.
    const across = [renameCount(), JSON.stringify(context.targets), ...(check.across?.(context) ?? [])];
    return verdicts.run(
      context.documents,
      across,
      (document) => ({ diagnostics: check.check(document, context) }),
      check.fresh,
    ).diagnostics;
  }

  private validateDocuments(
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
      // A copy: ajv reuses its error array on the next call, and mapping validates branches again.
      let errors = this.lists.errors(kind, validate, keptValue(document.root), MAX_SCHEMA_ERRORS);
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
      const mapped = mapSchemaErrors(errors, {
        system: definition.system,
        root: document.root,
        text: parsed.text,
        documentStart: document.start,
        branchValidator,
      }).map((d) =>
        decoding?.unknownKeys === 'warning' && d.code.endsWith('.unknown-key')
          ? { ...d, severity: 'warning' as const, message: `${d.message} The host ignores keys it does not know.` }
          : d,
      );
      append(diagnostics, hostSeverity(mapped, document, decoding));
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

// Unref: a warm-up never keeps a process alive.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

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

/** A file's parse memo, and the version, text and parse it last made. */
interface MemoEntry {
  kind: KindId;
  memo: ParseMemo;
  parsed?: ParsedFile;
  version?: number;
  text?: string;
}

/**
 * A multi-document file's verdicts per section: the schema's by the section's tree (a piece the
 * parse memo keeps, see placedRead) and its flags, and per document of the last version (schema,
 * and each per-document rule by id).
 */
interface DocumentMemo {
  kind: KindId;
  byPiece: WeakMap<ValueNode, Map<string, SchemaVerdict>>;
  verdicts: DocumentVerdicts;
  rules: Map<string, DocumentVerdicts>;
}

interface SchemaVerdict {
  diagnostics: EngineDiagnostic[];
  truncated: boolean;
}

/** push(...items) passes every item as an argument and overflows the stack on big arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Between two stages of a cancellable analysis: let other events run, then stop if the result is no longer wanted. */
async function checkpoint(token: AnalyzeInput['token']): Promise<void> {
  if (!token) return;
  if (!token.isCancellationRequested) await new Promise<void>((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) throw new AnalysisCancelled();
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
