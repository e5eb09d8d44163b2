// Benchmark: how long the language server takes on 5,000-line manifests, one per format. Starts
// dist/server.js --stdio, opens each document, and times diagnostics (open, after an edit),
// completion, hover and the outline. Prints a markdown table (median and max of the runs).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const RUNS = 7;
const dir = mkdtempSync(join(tmpdir(), 'pw-bench-'));

function gatewayd() {
  const lines = ['enableMetricsMerger: true', 'defaultPolicy: passthrough', 'plugins:'];
  for (let i = 0; lines.length < 5000; i++) {
    lines.push(`  - name: plugin-${i}`, '    enabled: true', `    url: github.com/example-org/plugin-${i}@v1.0.${i}`, `    localPath: ./plugins/plugin-${i}`, '    args: ["--log-level", "info"]', '    env:', '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN', '      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872', `    checksum: ${'ab'.repeat(32)}`);
  }
  return { file: 'gatewayd_plugins.yaml', text: lines.join('\n') + '\n', completeAt: { line: 1, character: 'defaultPolicy: '.length }, hoverAt: { line: 1, character: 3 } };
}

function cloudquery() {
  const lines = [];
  for (let i = 0; lines.length < 5000; i++) {
    lines.push('kind: source', 'spec:', `  name: source-${i}`, '  path: cloudquery/aws', '  version: v22.0.0', '  tables: ["aws_s3_buckets"]', '  destinations: [postgresql]', '  spec:', '    regions: [us-east-1]', '---');
  }
  lines.push('kind: destination', 'spec:', '  name: postgresql', '  path: cloudquery/postgresql', '  version: v8.0.0', '  write_mode: append');
  return { file: 'sync.yml', text: lines.join('\n') + '\n', completeAt: { line: lines.length - 1, character: '  write_mode: '.length }, hoverAt: { line: 4, character: 4 } };
}

function ekuiper() {
  const functions = [];
  let count = 0;
  while (count < 5000) {
    const i = functions.length;
    functions.push({ name: `fn${i}`, example: `fn${i}(col1)`, hint: { en_US: 'hint', zh_CN: 'hint' }, aggregate: false, args: [{ name: 'col1', optional: false, control: 'field', type: 'string', hint: { en_US: 'column', zh_CN: 'column' } }], return: { type: 'string', hint: { en_US: 'result', zh_CN: 'result' } }, node: { category: 'function', icon: 'iconPath', label: { en_US: `fn${i}`, zh_CN: `fn${i}` } } });
    count = JSON.stringify({ functions }, null, 2).split('\n').length;
  }
  const text = JSON.stringify({ about: { trial: false, author: { name: 'a', email: 'a@b.c', company: '', website: '' }, helpUrl: { en_US: 'x', zh_CN: 'x' }, description: { en_US: 'x', zh_CN: 'x' } }, libs: [], name: 'bench', functions }, null, 2) + '\n';
  const lines = text.split('\n');
  const controlLine = lines.findIndex((l) => l.includes('"control"'));
  return { file: 'functions/bench.json', text, completeAt: { line: controlLine, character: lines[controlLine].indexOf('"field"') + 1 }, hoverAt: { line: controlLine, character: lines[controlLine].indexOf('control') + 2 } };
}

const server = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  const wake = waiting.get(`${p.uri}#${p.version}`);
  if (wake) wake(p.diagnostics);
});
connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
await connection.sendNotification('initialized', {});

const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
const time = async (fn) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)].toFixed(0)} / ${sorted[sorted.length - 1].toFixed(0)}`;
};

const rows = [];
for (const make of [gatewayd, cloudquery, ekuiper]) {
  const { file, text, completeAt, hoverAt } = make();
  const results = { open: [], edit: [], completion: [], hover: [], symbols: [] };
  for (let run = 0; run < RUNS; run++) {
    const path = join(dir, `run${run}`, file);
    const uri = pathToFileURL(path).href;
    results.open.push(await time(async () => {
      const done = diagnosticsFor(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: file.endsWith('.json') ? 'json' : 'yaml', version: 1, text } });
      await done;
    }));
    results.edit.push(await time(async () => {
      const done = diagnosticsFor(uri, 2);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
      await done;
    }));
    results.completion.push(await time(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: completeAt })));
    results.hover.push(await time(() => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt })));
    results.symbols.push(await time(() => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })));
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  rows.push(`| ${file} (${text.split('\n').length - 1} lines) | ${stats(results.open)} | ${stats(results.edit)} | ${stats(results.completion)} | ${stats(results.hover)} | ${stats(results.symbols)} |`);
}
await connection.sendRequest('shutdown');
server.kill();
console.log(`Language server on 5,000-line documents, ms (median / max of ${RUNS} runs; edit includes the 150 ms debounce):\n`);
console.log('| document | diagnostics after open | diagnostics after edit | completion | hover | outline |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
process.exit(0);
