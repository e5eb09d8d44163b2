import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from './engine';

export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

/**
 * A minimal LSP client over stdio for tests: it starts the real bundled server, answers its
 * `workspace/configuration` requests from `settings`, and collects published diagnostics.
 */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  /** Called with every publishDiagnostics, in the order they arrive (tests of ordering). */
  readonly onPublish: Array<(params: PublishDiagnosticsParams) => void> = [];
  settings: Record<string, unknown> = {};
  /** window/showMessage texts the server sent. */
  readonly messages: string[] = [];
  /** URIs that diagnostics were published for. */
  get publishedUris(): string[] {
    return [...this.published.keys()];
  }
  stderr = '';
  /** Settles when the server's process exits (with its exit code or signal). */
  readonly exited: Promise<string>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      for (const listener of this.onPublish) listener(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'pluginWorkbench' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', (params: { message: string }) =>
      this.messages.push(params.message),
    );
    this.connection.listen();
  }

  /** The server's process id (to read its memory use). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  async initialize(
    options: { rootPath?: string; trusted?: boolean; initializationOptions?: Record<string, unknown> } = {},
  ): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootPath ? uriOf(options.rootPath) : null,
      workspaceFolders: options.rootPath ? [{ uri: uriOf(options.rootPath), name: 'root' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          publishDiagnostics: { versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: { trusted: options.trusted ?? true, ...options.initializationOptions },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text: string, languageId = languageOf(file)): string {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    this.published.delete(uri);
    this.connection
      .sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } })
      .catch(() => undefined);
    return uri;
  }

  /** The version the last open or change gave the document. */
  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection
      .sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] })
      .catch(() => undefined);
  }

  /** The diagnostics published for the document's current version. */
  async diagnostics(uri: string, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.published.get(uri);
      if (params && (params.version === undefined || params.version === this.versions.get(uri)))
        return params.diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no diagnostics for ${uri} (server stderr: ${this.stderr})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next diagnostics published for the document (of its current version), after this call. */
  nextDiagnostics(uri: string, timeoutMs = 20_000): Promise<Diagnostic[]> {
    this.published.delete(uri);
    return this.diagnostics(uri, timeoutMs);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  /** Shuts the server down as a client should, and waits until its process has exited. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    this.connection.dispose();
    this.process.kill();
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

function languageOf(file: string): string {
  if (/\.ya?ml$/.test(file)) return 'yaml';
  if (file.endsWith('.json')) return 'json';
  if (file.endsWith('.toml')) return 'toml';
  return 'plaintext';
}
