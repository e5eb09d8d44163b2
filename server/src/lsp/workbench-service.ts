import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, type Analysis } from '../analysis';
import { FileCache, nodeFileAccess, type FileAccess, type KindId } from '../core';
import { isKindId, KINDS } from '../systems';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from './settings';
import { uriToPath } from '../features/uri';

export interface DocumentAnalysis extends Analysis {
  uri: string;
  version: number;
  settings: WorkbenchSettings;
}

/**
 * The engine as the language server uses it: per-document settings and trust, results cached by
 * document version so that diagnostics and every feature share one parse.
 */
/** Binaries up to this size are hashed while diagnostics wait (a few ms); larger ones in the background. */
const DEFER_HASH_BYTES = 1024 * 1024;

export class WorkbenchService {
  readonly engine: Engine;
  private readonly files: FileCache;
  private trusted = true;
  private readonly cache = new Map<string, Promise<DocumentAnalysis>>();
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
    this.files = new FileCache(gated, { deferHashesLargerThan: DEFER_HASH_BYTES, onHashed: () => this.onHashed?.() });
    this.engine = new Engine({ files: this.files });
  }

  /** Called when a deferred hash is known: the documents that need it should be analysed again. */
  onHashed?: () => void;

  /** A file watcher saw these files change (all of them without an argument). */
  filesChanged(files?: string[]): void {
    this.files.invalidate(files);
    this.cache.clear();
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.cache.clear();
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  setWorkspaceFolders(folders: string[]): void {
    this.workspaceFolders = folders;
  }

  invalidate(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }

  analyze(document: TextDocument): Promise<DocumentAnalysis> {
    const key = document.uri;
    const cached = this.cache.get(key);
    const run = async (): Promise<DocumentAnalysis> => {
      const settings = await this.settingsFor(document.uri);
      const file = uriToPath(document.uri);
      const forcedKind = this.associatedKind(file, settings);
      const analysis = await this.engine.analyze({
        path: file,
        text: document.getText(),
        version: document.version,
        forcedKind,
        targets: settings.targets,
      });
      const disabled = analysis.kind && settings.disabledSystems.includes(KINDS[analysis.kind].system);
      const result: DocumentAnalysis = disabled
        ? { classification: analysis.classification, diagnostics: [], uri: key, version: document.version, settings }
        : { ...analysis, uri: key, version: document.version, settings };
      return result;
    };
    if (cached) {
      return cached.then((result) => (result.version === document.version ? result : this.store(key, run())));
    }
    return this.store(key, run());
  }

  private store(key: string, promise: Promise<DocumentAnalysis>): Promise<DocumentAnalysis> {
    this.cache.set(key, promise);
    promise.catch(() => this.cache.delete(key));
    return promise;
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
