import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCancelled, Engine, type Analysis } from '../analysis';
import { FileCache, nodeFileAccess, type FileAccess, type KindId } from '../core';
import { isKindId, KINDS } from '../systems';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from './settings';
import { uriToPath } from '../features/uri';

export interface DocumentAnalysis extends Analysis {
  uri: string;
  version: number;
  settings: WorkbenchSettings;
}

/** Binaries up to this size are hashed while diagnostics wait (a few ms); larger ones in the background. */
const DEFER_HASH_BYTES = 1024 * 1024;
/**
 * How long where a path leads (through links) stands during editing: the client's watcher reports
 * no change to a plugin binary without an extension, so a link replaced under one is seen by the
 * first analysis after this (its content and size are looked at every time).
 */
const FRESH_FOR_MS = 2000;

/** The analysis of one version of a document, shared by everyone who asks for that version. */
interface Running {
  version: number;
  promise: Promise<DocumentAnalysis>;
  token: { isCancellationRequested: boolean };
  started: number;
  /** Finished: kept as this version's result for later callers, no longer in flight. */
  done?: boolean;
}

/**
 * The engine as the language server uses it: per-document settings and trust, one analysis per
 * document version (a newer version cancels the one in flight), the latest finished analysis per
 * document, and the latest parse of the current text for the editor features, which never wait
 * for schema validation, rules or hashing.
 */
export class WorkbenchService {
  readonly engine: Engine;
  private readonly files: FileCache;
  private trusted = true;
  private readonly running = new Map<string, Running>();
  private readonly finished = new Map<string, DocumentAnalysis>();
  private readonly durations = new Map<string, number>();
  private workspaceFolders: string[] = [];

  constructor(
    private readonly settingsFor: (uri: string) => Promise<WorkbenchSettings> = async () => DEFAULT_SETTINGS,
  ) {
    const base = nodeFileAccess();
    // Trust can change while the server runs; the file access reads it on every call.
    const isTrusted = () => this.trusted;
    const folders = () => this.workspaceFolders;
    const gated: FileAccess = {
      get trusted() {
        return isTrusted();
      },
      readText: (f) => base.readText(f),
      readBytes: (f) => base.readBytes?.(f),
      exists: (f) => base.exists(f),
      isFile: (f) => base.isFile(f),
      isDirectory: (f) => base.isDirectory(f),
      list: (d) => base.list(d),
      get roots() {
        return folders().length ? folders() : undefined;
      },
      sha256: (f) => (isTrusted() ? base.sha256(f) : Promise.resolve(undefined)),
    };
    // A big binary is hashed off the request path: diagnostics go out without its checksum
    // verdict, and `onHashed` asks for them again once the hash is known.
    this.files = new FileCache(gated, {
      deferHashesLargerThan: DEFER_HASH_BYTES,
      onHashed: () => this.onHashed?.(),
      freshForMs: FRESH_FOR_MS,
    });
    this.engine = new Engine({ files: this.files });
  }

  /** Called when a deferred hash is known: the documents that need it should be analysed again. */
  onHashed?: () => void;

  /** A file watcher saw these files change (all of them without an argument). */
  filesChanged(files?: string[]): void {
    this.files.invalidate(files);
    this.engine.forget(); // a neighbour can change how a file is classified
    this.invalidate();
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.invalidate();
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  setWorkspaceFolders(folders: string[]): void {
    this.workspaceFolders = folders;
  }

  /**
   * Results may differ from now on: the next `analyze` starts afresh, the one in flight is
   * cancelled. For one document (it was closed) its parse and its last result go too.
   */
  invalidate(uri?: string): void {
    const uris = uri ? [uri] : [...this.running.keys()];
    for (const key of uris) this.cancel(key);
    if (!uri) return;
    this.finished.delete(uri);
    this.durations.delete(uri);
    this.engine.forget(uriToPath(uri));
  }

  /** The document has a newer version: its older analysis in flight is no longer wanted. */
  supersede(uri: string, version: number): void {
    const running = this.running.get(uri);
    if (running && running.version < version) this.cancel(uri);
  }

  /** The latest finished analysis of a document (of any version), if any. */
  latest(uri: string): DocumentAnalysis | undefined {
    return this.finished.get(uri);
  }

  /**
   * How long the latest analysis of the document took, in ms (a cancelled one counts with the
   * time it had run, so that edits that keep cancelling a slow analysis make the wait longer).
   */
  lastDuration(uri: string): number | undefined {
    return this.durations.get(uri);
  }

  /**
   * The full analysis of the document's current version (schema, rules, hashes): one per version,
   * shared by every caller. Rejects with `AnalysisCancelled` when a newer version supersedes it.
   */
  analyze(document: TextDocument, options: { deferNeighbours?: boolean } = {}): Promise<DocumentAnalysis> {
    const key = document.uri;
    const version = document.version;
    const running = this.running.get(key);
    if (running?.version === version) return running.promise;
    // An older snapshot than the one in flight (a test's document): analysed on its own.
    if (running && running.version > version) return this.run(document, { isCancellationRequested: false });
    const deferNeighbours = options.deferNeighbours === true;
    if (running) this.cancel(key);
    const token = { isCancellationRequested: false };
    // The first analysis of a document reads all of it; later ones only what an edit changed, so
    // only those predict what the next edit costs.
    const first = !this.finished.has(key);
    const entry: Running = {
      version,
      token,
      started: performance.now(),
      promise: this.run(document, token, deferNeighbours),
    };
    this.running.set(key, entry);
    entry.promise.then(
      (result) => {
        // Finished: a later edit has nothing of it to cancel, and no time of it to count.
        entry.done = true;
        if (!first) this.durations.set(key, performance.now() - entry.started);
        const latest = this.finished.get(key);
        if (!latest || latest.version <= result.version) this.finished.set(key, result);
      },
      () => {
        if (this.running.get(key) === entry) this.running.delete(key);
      },
    );
    return entry.promise;
  }

  /**
   * What the editor features need, without waiting for schema validation, rules or hashes: the
   * kind and the latest parse of the document's current text (the one the analysis of the same
   * version starts from), with the diagnostics of the latest finished analysis when it is of this
   * version (else none).
   */
  async parsed(document: TextDocument): Promise<DocumentAnalysis> {
    const settings = await this.settingsFor(document.uri);
    // Read after the wait: the text the features' positions refer to.
    const text = document.getText();
    const version = document.version;
    const uri = document.uri;
    const done = this.finished.get(uri);
    if (done?.version === version && done.settings === settings) return done;
    const file = uriToPath(uri);
    const base = { uri, version, settings, diagnostics: [] };
    try {
      const prepared = this.engine.prepare({
        path: file,
        text,
        version,
        forcedKind: this.associatedKind(file, settings),
      });
      const { classification, kind, parsed } = prepared;
      if (kind && settings.disabledSystems.includes(KINDS[kind].system)) return { ...base, classification };
      return { ...base, classification, kind, parsed };
    } catch {
      // The analysis of this version reports the failure; features have nothing to offer.
      return { ...base, classification: {} };
    }
  }

  /**
   * Runs the work an analysis left for later (see AnalyzeInput.deferNeighbours) and forgets that
   * analysis as its version's result: the next `analyze` of the version is complete.
   */
  finishDeferred(uri: string, analysis: DocumentAnalysis): void {
    for (const work of analysis.deferred ?? []) {
      try {
        work();
      } catch {
        // The next analysis does the same reading itself, and reports what fails.
      }
    }
    const running = this.running.get(uri);
    if (running?.version === analysis.version && running.done) this.running.delete(uri);
  }

  private cancel(uri: string): void {
    const running = this.running.get(uri);
    if (!running) return;
    running.token.isCancellationRequested = true;
    this.running.delete(uri);
    if (running.done) return;
    const elapsed = performance.now() - running.started;
    this.durations.set(uri, Math.max(this.durations.get(uri) ?? 0, elapsed));
  }

  private async run(
    document: TextDocument,
    token: Running['token'],
    deferNeighbours = false,
  ): Promise<DocumentAnalysis> {
    // The text and version together, before any wait: the document object follows later edits.
    const text = document.getText();
    const version = document.version;
    const uri = document.uri;
    const settings = await this.settingsFor(uri);
    if (token.isCancellationRequested) throw new AnalysisCancelled();
    const file = uriToPath(uri);
    const forcedKind = this.associatedKind(file, settings);
    const analysis = await this.engine.analyze({
      path: file,
      text,
      version,
      forcedKind,
      targets: settings.targets,
      token,
      deferNeighbours,
    });
    const disabled = analysis.kind && settings.disabledSystems.includes(KINDS[analysis.kind].system);
    return disabled
      ? { classification: analysis.classification, diagnostics: [], uri, version, settings }
      : { ...analysis, uri, version, settings };
  }

  /** A user's association (glob -> kind) for a file, matched on its workspace-relative and absolute path. */
  private associatedKind(file: string, settings: WorkbenchSettings): KindId | undefined {
    const candidates = [file.split(path.sep).join('/')];
    for (const folder of this.workspaceFolders) {
      const relative = path.relative(folder, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) candidates.push(relative.split(path.sep).join('/'));
    }
    for (const [glob, kind] of Object.entries(settings.associations)) {
      if (!isKindId(kind)) continue;
      if (candidates.some((c) => minimatch(c, glob, { dot: true, matchBase: !glob.includes('/') }))) return kind;
    }
    return undefined;
  }
}

export { uriToPath };
