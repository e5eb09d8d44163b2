// One language server under measurement, spoken to over stdio: open, edit, completion, and what
// the process costs (CPU from /proc/<pid>/stat, RSS from /proc/<pid>/status).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

export class LspSession {
  /** @param {{ name: string, command: string[], settings: (section: string) => unknown, initializationOptions?: unknown }} server */
  constructor(server) {
    this.server = server;
    this.process = spawn(process.execPath, server.command, {
      stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'],
    });
    this.process.stdin.on('error', () => undefined); // a server that exits first is no failure of ours
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.waiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      for (const waiter of [...this.waiters]) {
        // yaml-language-server sends no version: the first publish after the change is its answer.
        if (waiter.uri === p.uri && (p.version === undefined || p.version === waiter.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(p.diagnostics);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (p) => p.items.map((item) => server.settings(item.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async start(rootUri) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          synchronization: { didSave: true },
        },
      },
      initializationOptions: this.server.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { yaml: this.server.settings('yaml') },
    });
  }

  diagnostics(uri, version) {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Milliseconds from didOpen to the first diagnostics of version 1. */
  async open(uri, languageId, text) {
    this.texts = { ...(this.texts ?? {}), [uri]: text.split('\n') };
    const start = performance.now();
    const done = this.diagnostics(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    const diagnostics = await done;
    return { ms: performance.now() - start, diagnostics };
  }

  /** An incremental change replacing one whole line. */
  change(uri, version, line, newText) {
    const lines = this.texts[uri];
    const old = lines[line];
    lines[line] = newText;
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        { range: { start: { line, character: 0 }, end: { line, character: old.length } }, text: newText },
      ],
    });
  }

  async editToDiagnostics(uri, version, line, newText) {
    const start = performance.now();
    const done = this.diagnostics(uri, version);
    await this.change(uri, version, line, newText);
    const diagnostics = await done;
    return { ms: performance.now() - start, diagnostics };
  }

  /** Completion sent right behind an edit, before its diagnostics; waits for those before returning. */
  async completionAfterEdit(uri, version, line, newText, position) {
    const done = this.diagnostics(uri, version);
    await this.change(uri, version, line, newText);
    const start = performance.now();
    const result = await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    const ms = performance.now() - start;
    await done;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return { ms, items: items.length };
  }

  cpuMs() {
    const stat = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  }

  rssMb() {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  }

  async stop() {
    const exited = new Promise((r) => this.process.once('exit', r));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.process.kill();
    this.connection.dispose();
  }
}
