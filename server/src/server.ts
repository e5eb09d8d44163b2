import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClassificationRequest, SetTrustedNotification, type ClassificationResult } from './lsp/protocol';
import { KINDS, systemById } from './systems';
import { toLspDiagnostics } from './lsp/diagnostics';
import { DEFAULT_SETTINGS, readSettings, type WorkbenchSettings } from './lsp/settings';
import { uriToPath, WorkbenchService } from './lsp/workbench-service';
import { registerFeatures } from './features';

// The LSP wiring only: everything it answers comes from the engine and the features built on it.
// `--stdio` or `--node-ipc` picks the transport (vscode-languageserver reads process.argv).
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let canReadConfiguration = false;
let jsonSyntax = false;
const settingsCache = new Map<string, Promise<WorkbenchSettings>>();

const service = new WorkbenchService((uri) => {
  if (!canReadConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'pluginWorkbench' })
      .then(readSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(uri, settings);
  }
  return settings;
});

connection.onInitialize((params): InitializeResult => {
  canReadConfiguration = params.capabilities.workspace?.configuration === true;
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean; jsonSyntax?: boolean };
  jsonSyntax = options.jsonSyntax === true;
  service.setTrusted(options.trusted !== false);
  service.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...registerFeatures.capabilities,
    },
    serverInfo: { name: 'plugin-workbench' },
  };
});

const pending = new Map<string, NodeJS.Timeout>();

function schedule(document: TextDocument, delay = 150): void {
  clearTimeout(pending.get(document.uri));
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      void validate(document);
    }, delay),
  );
}

async function validate(document: TextDocument): Promise<void> {
  try {
    const analysis = await service.analyze(document);
    if (documents.get(document.uri)?.version !== document.version) return;
    const diagnostics = analysis.kind ? toLspDiagnostics(document, analysis.diagnostics, analysis.settings, { jsonSyntax }) : [];
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    connection.console.error(`Validation of ${document.uri} failed: ${(error as Error).stack ?? error}`);
  }
}

function revalidateAll(): void {
  service.invalidate();
  for (const document of documents.all()) schedule(document, 0);
}

documents.onDidOpen((event) => schedule(event.document, 0));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  clearTimeout(pending.get(event.document.uri));
  service.invalidate(event.document.uri);
  settingsCache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});
// A file beside a manifest changed (a sibling spec, a plugin binary): results may differ.
connection.onDidChangeWatchedFiles(() => revalidateAll());
connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  revalidateAll();
});

/** Trust granted or revoked in the editor: checksums may be read from now on (or not). */
connection.onNotification(SetTrustedNotification, (params) => {
  service.setTrusted(params.trusted);
  revalidateAll();
});

/** What the status bar shows for a document. */
connection.onRequest(ClassificationRequest, async (params): Promise<ClassificationResult | null> => {
  const document = documents.get(params.uri);
  if (!document) return null;
  const analysis = await service.analyze(document);
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
});

registerFeatures({ connection, documents, service });
documents.listen(connection);
connection.listen();
