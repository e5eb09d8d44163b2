import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { makeTree } from '../helpers/engine';
import { loadSeeds, mutant, random } from '../helpers/fuzzer';

// Issue #12: one server, 20 open documents, thousands of changes interleaved with completion,
// hover, symbols and code actions at random positions (also past the end), some cancelled. Every
// request must be answered or cancelled, never with an error, the server's memory must stay
// bounded (read from /proc: Linux only), and the diagnostics published for every document's final
// version must be those a fresh server gives for the same text. 2,000 changes in `npm test`
// (requests answer from the latest parse and never wait for an analysis);
// PLUGIN_WORKBENCH_LOAD_CHANGES=20000 for a long run. The burst stops early, saying so, once
// PLUGIN_WORKBENCH_LOAD_SECONDS (default 180) have passed, so that a slow machine does not hang
// the suite.

const DOCUMENTS = 20;
const CHANGES = Number(process.env.PLUGIN_WORKBENCH_LOAD_CHANGES ?? 2000);
const BUDGET_MS = Number(process.env.PLUGIN_WORKBENCH_LOAD_SECONDS ?? 180) * 1000;
const MAX_RSS_MB = 1024;
const REQUEST_CANCELLED = -32800;

/** Diagnostics in a stable order, reduced to what a user sees. */
function comparable(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`,
    )
    .sort();
}

function uriPath(uri: string): string {
  return fileURLToPath(uri);
}

function rssMb(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return undefined;
  }
}

test(
  `LSP load: ${DOCUMENTS} documents, ${CHANGES} changes with requests in between`,
  { timeout: 600_000 },
  async () => {
    const seeds = loadSeeds().filter((s) => /gatewayd_plugins|lgc\.toml|\.yml$|sources\/.*\.json$/.test(s.file));
    const root = makeTree({});
    const client = new LspClient();
    await client.initialize({ rootPath: root });
    const rand = random(12);
    const docs: { uri: string; text: string; version: number }[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const seed = seeds[Math.floor(rand() * seeds.length)];
      const name = path.join(root, `d${i}`, path.basename(seed.file));
      fs.mkdirSync(path.dirname(name), { recursive: true });
      docs.push({ uri: client.open(name, seed.text), text: seed.text, version: 1 });
    }
    const outcomes = { answered: 0, cancelled: 0, sent: 0 };
    const started = Date.now();
    let changes = 0;
    const errors: string[] = [];
    let peak = 0;
    const pending: Promise<void>[] = [];
    // A server that dies leaves its requests unanswered: say so, with what it wrote, instead of hanging.
    const answeredOrDied = (requests: Promise<void>[]) =>
      Promise.race([
        Promise.all(requests),
        client.exited.then((code) =>
          assert.fail(`the server exited (${code}) after ${changes} changes: ${client.stderr}`),
        ),
      ]);
    const position = (text: string) => {
      const lines = text.split('\n');
      const line = Math.floor(rand() * (lines.length + 2)); // may be past the last line
      return { line, character: Math.floor(rand() * ((lines[line]?.length ?? 0) + 10)) };
    };
    for (let change = 0; change < CHANGES && Date.now() - started < BUDGET_MS; change++) {
      changes++;
      const doc = docs[Math.floor(rand() * docs.length)];
      // Edits of realistic size: a document stays under 12 KB.
      doc.text = mutant([{ file: doc.uri, text: doc.text }], change, 0).text.slice(0, 12_000);
      doc.version++;
      client.change(doc.uri, doc.text);
      if (change % 2 === 0) {
        const target = docs[Math.floor(rand() * docs.length)];
        const textDocument = { uri: target.uri };
        const at = position(target.text);
        const [method, params] = [
          ['textDocument/completion', { textDocument, position: at }],
          ['textDocument/hover', { textDocument, position: at }],
          ['textDocument/documentSymbol', { textDocument }],
          ['textDocument/codeAction', { textDocument, range: { start: at, end: at }, context: { diagnostics: [] } }],
        ][Math.floor(rand() * 4)] as [string, unknown];
        const source = new CancellationTokenSource();
        const cancel = rand() < 0.2;
        outcomes.sent++;
        pending.push(
          client.connection.sendRequest(method, params, source.token).then(
            () => void outcomes.answered++,
            (error: unknown) => {
              if (error instanceof ResponseError && error.code === REQUEST_CANCELLED && cancel) outcomes.cancelled++;
              else errors.push(`${method}: ${(error as Error).message}`);
            },
          ),
        );
        if (cancel) setTimeout(() => source.cancel(), Math.floor(rand() * 5));
        else source.dispose();
      }
      if (change % 100 === 99) {
        await answeredOrDied(pending.splice(0));
        peak = Math.max(peak, rssMb(client.pid) ?? 0);
      }
    }
    await answeredOrDied(pending.splice(0));
    // After the burst the server still answers, and publishes diagnostics for every last version:
    // the same as a fresh server's for the same texts (nothing left over from older versions).
    const final = [];
    for (const doc of docs) final.push(comparable(await client.diagnostics(doc.uri, 60_000)));
    peak = Math.max(peak, rssMb(client.pid) ?? 0);
    await client.stop();
    const fresh = new LspClient();
    await fresh.initialize({ rootPath: root });
    const expected = [];
    for (const doc of docs)
      expected.push(comparable(await fresh.diagnostics(fresh.open(uriPath(doc.uri), doc.text), 60_000)));
    await fresh.stop();
    assert.deepEqual(errors.slice(0, 10), []);
    assert.equal(outcomes.answered + outcomes.cancelled, outcomes.sent);
    for (let i = 0; i < docs.length; i++) assert.deepEqual(final[i], expected[i], `diagnostics of ${docs[i].uri}`);
    if (process.platform === 'linux')
      assert.ok(peak > 0 && peak < MAX_RSS_MB, `server RSS peaked at ${peak.toFixed(0)} MB`);
    console.log(
      `# load: ${changes} changes in ${((Date.now() - started) / 1000).toFixed(0)} s${changes < CHANGES ? ` (stopped at the ${BUDGET_MS / 1000} s budget)` : ''}, ${outcomes.answered} requests answered, ${outcomes.cancelled} cancelled, peak RSS ${peak.toFixed(0)} MB`,
    );
  },
);
