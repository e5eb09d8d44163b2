import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  codeActions,
  complete,
  COMPLETION_TRIGGERS,
  definition,
  hover,
  links,
  OpenDocuments,
  outline,
  foldingRanges,
  selectionRanges,
  nameScope,
  prepareRename,
  rename,
  references,
  actionLenses,
  nameLenses,
} from '../features';
import { AnalysisCancelled } from '../analysis';
import { KINDS, systemById } from '../systems';
import { toLspDiagnostics } from './diagnostics';
import {
  ClassificationRequest,
  ClassifiedNotification,
  SetTrustedNotification,
  type ClassificationResult,
  type ParamsOf,
} from './protocol';
import { DEFAULT_SETTINGS, readSettings, type WorkbenchSettings } from './settings';
import { uriToPath, WorkbenchService, type DocumentAnalysis } from './workbench-service';
import { WorkspaceProblems } from './workspace-problems';

/**
 * Adaptive debounce: a document whose last analysis took less than FAST_MS is validated at once
 * after an edit (a keystroke behind it cancels it at its next stage, so waiting first would only
 * add the wait); a slower one waits as long as its analysis took (at most MAX_DELAY_MS), so that a
 * burst of keystrokes costs one analysis, not one per key.
 */
const FAST_MS = 150;
const MAX_DELAY_MS = 500;

export function debounceFor(lastDurationMs: number | undefined): number {
  if (lastDurationMs === undefined || lastDurationMs < FAST_MS) return 0;
  return Math.min(MAX_DELAY_MS, Math.round(lastDurationMs));
}

function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Answers a request unless it is cancelled: the token is read before the work (after one turn of
 * the event loop, so that a `$/cancelRequest` sent right behind the request is seen) and after it.
 */
async function unlessCancelled<T>(token: CancellationToken, work: () => Promise<T>): Promise<T | ResponseError<void>> {
  if (!token.isCancellationRequested) await new Promise<void>((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) return requestCancelled();
  const result = await work();
  return token.isCancellationRequested ? requestCancelled() : result;
}

/** A promise that settles with `promise`, or with undefined once the token is cancelled. */
function untilCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(undefined));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}

/** The capabilities the handlers below provide. */
export const CAPABILITIES = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  hoverProvider: true,
  documentSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  definitionProvider: true,
  documentLinkProvider: { resolveProvider: false },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  renameProvider: { prepareProvider: true },
  referencesProvider: true,
  codeLensProvider: { resolveProvider: false },
} satisfies ServerCapabilities;

/** The workbench service with settings read from the client (cached per resource until they change). */
export function createService(connection: Connection): { service: WorkbenchService; settings: SettingsReader } {
  const settings = new SettingsReader(connection);
  return { service: new WorkbenchService((uri) => settings.get(uri)), settings };
}

export class SettingsReader {
  enabled = false;
  private readonly cache = new Map<string, Promise<WorkbenchSettings>>();

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<WorkbenchSettings> {
    if (!this.enabled) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'pluginWorkbench' })
        .then(readSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

/**
 * All LSP wiring in one place: initialize, diagnostics, the custom requests and every editor
 * feature (each a pure function of features/ over the analyzed document).
 */
export function registerHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: WorkbenchService,
  settings: SettingsReader,
): void {
  const open = new OpenDocuments(documents, service);
  let jsonSyntax = false;
  // Every manifest in the Problems panel without opening it, when the client asks (lsp/workspace-problems.ts).
  let problems: WorkspaceProblems | undefined;
  let folders: string[] = [];
  let classifiedNotifications = false;

  connection.onInitialize((params): InitializeResult => {
    settings.enabled = params.capabilities.workspace?.configuration === true;
    const options = (params.initializationOptions ?? {}) as {
      trusted?: boolean;
      jsonSyntax?: boolean;
      workspaceProblems?: boolean;
      classifiedNotifications?: boolean;
    };
    jsonSyntax = options.jsonSyntax === true;
    classifiedNotifications = options.classifiedNotifications === true;
    if (options.workspaceProblems === true)
      problems = new WorkspaceProblems(
        connection,
        service,
        (uri) => !!documents.get(uri),
        () => ({ jsonSyntax }),
      );
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    service.setTrusted(options.trusted !== false);
    service.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)));
    return { capabilities: CAPABILITIES, serverInfo: { name: 'plugin-workbench' } };
  });
  // Schemas compile before the first document arrives, not while it waits (Engine.warmUp).
  connection.onInitialized(() => {
    void service.engine.warmUp();
    void problems?.scan(folders);
  });

  const pending = new Map<string, NodeJS.Timeout>();

  function schedule(document: TextDocument, delay = debounceFor(service.lastDuration(document.uri))): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        void validate(document);
      }, delay),
    );
  }

  /** What the status bar shows for an analysis. */
  function classificationOf(analysis: DocumentAnalysis): ClassificationResult | null {
    if (!analysis.kind) return null;
    const kind = KINDS[analysis.kind];
    const counts = { error: 0, warning: 0 };
    for (const d of analysis.diagnostics) if (d.severity === 'error' || d.severity === 'warning') counts[d.severity]++;
    return {
      kind: kind.id,
      system: kind.system,
      systemName: systemById(kind.system)?.name ?? kind.system,
      title: kind.title,
      source: analysis.classification.source ?? '',
      trusted: service.isTrusted,
      disabled: analysis.settings.disabledSystems.includes(kind.system),
      ...counts,
    };
  }

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    try {
      // A file's first analysis may leave many neighbour files for later: its diagnostics go out
      // first, then the file is analysed again with them (see AnalyzeInput.deferNeighbours).
      const analysis = await service.analyze(document, { deferNeighbours: !service.latest(document.uri) });
      if (analysis.deferred)
        setTimeout(() => {
          service.finishDeferred(document.uri, analysis);
          if (documents.get(document.uri)) schedule(document, 0);
        }, 0);
      // A newer version arrived meanwhile: its own validation publishes.
      if (documents.get(document.uri)?.version !== analysis.version) return;
      const diagnostics = analysis.kind
        ? toLspDiagnostics(document, analysis.diagnostics, analysis.settings, { jsonSyntax })
        : [];
      await connection.sendDiagnostics({ uri: document.uri, version: analysis.version, diagnostics });
      if (classifiedNotifications)
        await connection.sendNotification(ClassifiedNotification.method, {
          uri: document.uri,
          version: analysis.version,
          classification: classificationOf(analysis),
        } satisfies ParamsOf<typeof ClassifiedNotification>);
    } catch (error) {
      // Superseded by a newer version (or the document closed): nothing to publish.
      if (error instanceof AnalysisCancelled) return;
      connection.console.error(`Validation of ${document.uri} failed: ${(error as Error).stack ?? error}`);
      // Say so on the document: stale diagnostics from an older version would be worse than one line.
      if (documents.get(document.uri)?.version !== version) return;
      const message = `Plugin Workbench could not check this file: ${(error as Error)?.message ?? error}. Details are in the Plugin Workbench output.`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      await connection
        .sendDiagnostics({
          uri: document.uri,
          version,
          diagnostics: [{ range, severity: 1, source: 'plugin-workbench', code: 'workbench.internal-error', message }],
        })
        .catch(() => undefined);
    }
  }

  function revalidateAll(): void {
    service.invalidate();
    for (const document of documents.all()) schedule(document, 0);
  }

  // TextDocuments fires onDidChangeContent right after onDidOpen: the open is validated once, at
  // once, not again after the debounce.
  const openedAt = new Map<string, number>();
  documents.onDidOpen((event) => {
    open.opened(event.document);
    openedAt.set(event.document.uri, event.document.version);
    schedule(event.document, 0);
  });
  documents.onDidChangeContent((event) => {
    if (openedAt.get(event.document.uri) === event.document.version) return;
    openedAt.delete(event.document.uri);
    // The analysis of the older version stops at its next stage; nothing is published for it.
    service.supersede(event.document.uri, event.document.version);
    schedule(event.document);
  });
  documents.onDidClose((event) => {
    open.closed(event.document.uri);
    openedAt.delete(event.document.uri);
    clearTimeout(pending.get(event.document.uri));
    service.invalidate(event.document.uri);
    settings.forget(event.document.uri);
    if (problems) void problems.closed(event.document.uri);
    else void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  // A file beside a manifest changed (a sibling spec, a plugin binary): results may differ.
  connection.onDidChangeWatchedFiles((params) => {
    service.filesChanged(params.changes.map((change) => uriToPath(change.uri)));
    revalidateAll();
    void problems?.changed(params.changes.map((change) => uriToPath(change.uri)));
  });
  // A binary hashed in the background: publish again, now with its checksum verdict.
  let hashedTimer: NodeJS.Timeout | undefined;
  service.onHashed = () => {
    clearTimeout(hashedTimer);
    hashedTimer = setTimeout(revalidateAll, 20); // several binaries finish together: one pass
  };
  connection.onDidChangeConfiguration(() => {
    settings.forget();
    revalidateAll();
    void problems?.scan(folders);
  });

  /** Trust granted or revoked in the editor: checksums may be read from now on (or not). */
  connection.onNotification(SetTrustedNotification.method, (params: ParamsOf<typeof SetTrustedNotification>) => {
    service.setTrusted(params.trusted);
    revalidateAll();
  });

  /**
   * What the status bar shows for a document, from the latest finished analysis (it may be of an
   * older version while a newer one runs); only a document never analysed yet waits for one.
   */
  connection.onRequest(
    ClassificationRequest.method,
    async (
      params: ParamsOf<typeof ClassificationRequest>,
      token: CancellationToken,
    ): Promise<ClassificationResult | null | ResponseError<void>> => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const latest = service.latest(params.uri);
      if (latest) return classificationOf(latest);
      try {
        const analysis = await untilCancelled(service.analyze(document), token);
        if (!analysis) return requestCancelled();
        return classificationOf(analysis);
      } catch (error) {
        if (!(error instanceof AnalysisCancelled)) throw error;
        const done = service.latest(params.uri);
        return done ? classificationOf(done) : null;
      }
    },
  );

  // Every feature answers from the latest parse of the current text (OpenDocuments): none waits
  // for schema validation, rules or hashing; a cancelled request gets RequestCancelled.
  const { engine } = service;
  /** Keys (missing ones, required first), allowed values and workspace values at the cursor. */
  connection.onCompletion(({ textDocument, position }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.whileTyping(textDocument.uri);
      return analyzed ? complete(analyzed, engine, analyzed.document.offsetAt(position)) : null;
    }),
  );
  /** The schema's description, type, allowed values, default and the host's docs for a key or value. */
  connection.onHover(({ textDocument, position }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.whileTyping(textDocument.uri);
      return analyzed ? hover(analyzed, engine, analyzed.document.offsetAt(position)) : null;
    }),
  );
  /** The outline of every kind, from the descriptors' rows. */
  connection.onDocumentSymbol(({ textDocument }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      if (!analyzed) return null;
      const { document, analysis } = analyzed;
      return outline(
        analysis.kind,
        analysis.parsed.documents.map((d) => d.root),
        document,
      );
    }),
  );
  /** Quick fixes for our diagnostics, from the fix registry (features/fixes/registry.ts). */
  connection.onCodeAction(({ textDocument, context }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      return analyzed ? codeActions(analyzed, context, (message) => connection.console.error(message)) : null;
    }),
  );
  /** A value that names something declared elsewhere (a CloudQuery destination, ...) jumps to its declaration. */
  connection.onDefinition(({ textDocument, position }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      return analyzed ? definition(analyzed, engine, analyzed.document.offsetAt(position)) : null;
    }),
  );
  /** Paths in manifests become links to the files that exist. */
  connection.onDocumentLinks(({ textDocument }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      return analyzed ? links(analyzed, engine) : null;
    }),
  );
  /** Folding ranges for mappings, sequences and multi-line values, in YAML, JSON and TOML. */
  connection.onFoldingRanges(({ textDocument }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      return analyzed ? foldingRanges(analyzed.analysis.parsed) : null;
    }),
  );
  /** Expand selection: the value, its entry, the enclosing mapping or sequence, the document. */
  connection.onSelectionRanges(({ textDocument, positions }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      if (!analyzed) return null;
      return selectionRanges(
        analyzed.analysis.parsed,
        positions.map((p) => analyzed.document.offsetAt(p)),
      );
    }),
  );

  // Rename, find references and the references lens, over the systems' name providers.
  const names = async (uri: string) => {
    const analyzed = await open.get(uri);
    return analyzed && nameScope(analyzed, engine, documents.all());
  };
  connection.onPrepareRename(async ({ textDocument, position }) => {
    const scope = await names(textDocument.uri);
    return scope ? prepareRename(scope, scope.document.offsetAt(position)) : null;
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    const scope = await names(textDocument.uri);
    const result = scope ? rename(scope, scope.document.offsetAt(position), newName) : null;
    if (result && 'error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
    return result;
  });
  connection.onReferences(({ textDocument, position, context }, token) =>
    unlessCancelled(token, async () => {
      const scope = await names(textDocument.uri);
      return scope ? references(scope, scope.document.offsetAt(position), context.includeDeclaration) : null;
    }),
  );
  // The references lens, and lenses that run the project's tasks or launch (features/action-lenses.ts).
  connection.onCodeLens(({ textDocument }, token) =>
    unlessCancelled(token, async () => {
      const analyzed = await open.get(textDocument.uri);
      if (!analyzed) return null;
      const scope = nameScope(analyzed, engine, documents.all());
      return [...((scope && nameLenses(scope)) ?? []), ...actionLenses(analyzed)];
    }),
  );
}
