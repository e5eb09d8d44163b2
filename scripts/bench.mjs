// Benchmark (not a test): our language server beside yaml-language-server on the same generated
// documents, interleaved, plus the CLI against a read-and-parse floor. `npm run bench` builds first.
//
//   node scripts/bench.mjs [--quick] [--sessions N] [--edits N] [--sizes 1000,10000] [--cli-counts 2000,8000]
//                          [--no-cli] [--no-lsp] [--dist <folder with server.js and cli.js>] [--json out.json]
//
// yaml-language-server is installed with npm into .bench-cache/ (git-ignored) and gets our schemas
// through its `yaml.schemas` setting, so both servers validate the same documents against the same
// schemas. Every number is the median over sessions; each session starts both servers afresh.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cliBench } from './bench/cli-bench.mjs';
import * as gen from './bench/generate.mjs';
import { LspSession } from './bench/lsp-session.mjs';
import { median, percentile } from './bench/stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = flag('--quick');
const SESSIONS = Number(option('--sessions', quick ? 1 : 3));
const EDITS = Number(option('--edits', quick ? 8 : 20));
const COMPLETIONS = Number(option('--completions', quick ? 3 : 6));
const SIZES = option('--sizes', quick ? '1000,10000' : '1000,5000,10000,20000')
  .split(',')
  .map(Number);
const CLI_COUNTS = option('--cli-counts', quick ? '2000' : '2000,8000')
  .split(',')
  .map(Number);
/** Pause between edits (a typist's gap); the next edit never overlaps the previous answer. */
const GAP_MS = 30;

const YLS_VERSION = '1.25.0';
const cache = resolve('.bench-cache');
// Inputs outside any dot-folder: yaml-language-server's globs (picomatch) do not enter dot-folders.
const root = join(tmpdir(), 'pw-bench-inputs');
const ylsBin = join(cache, 'yls', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

function installYamlLanguageServer() {
  const installed = join(cache, 'yls', 'node_modules', 'yaml-language-server', 'package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === YLS_VERSION) return;
  mkdirSync(join(cache, 'yls'), { recursive: true });
  writeFileSync(join(cache, 'yls', 'package.json'), '{ "private": true }\n');
  console.error(`installing yaml-language-server@${YLS_VERSION} into ${join(cache, 'yls')} ...`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `yaml-language-server@${YLS_VERSION}`], {
    cwd: join(cache, 'yls'),
    stdio: 'inherit',
  });
}

const schemaUri = (kind) => pathToFileURL(resolve('schemas', `${kind}.schema.json`)).href;
const SERVERS = {
  ours: {
    name: 'ours',
    command: [option('--dist', 'dist') + '/server.js', '--stdio'],
    settings: () => ({}),
    initializationOptions: { trusted: true },
    // What the server waits before it validates a change: adaptive, 0 after an analysis under
    // 150 ms (as every edit's here is), else as long as the last analysis took.
    debounceMs: Number(process.env.BENCH_OURS_DEBOUNCE ?? 0),
  },
  yls: {
    name: 'yaml-language-server',
    command: [ylsBin, '--stdio'],
    settings: (section) =>
      section === 'yaml'
        ? {
            validate: true,
            hover: true,
            completion: true,
            format: { enable: false },
            schemaStore: { enable: false },
            maxItemsComputed: 5000,
            schemas: {
              [schemaUri('cloudquery-spec')]: ['**/spec.yml'],
              [schemaUri('gatewayd-plugins')]: ['**/gatewayd_plugins.yaml'],
            },
          }
        : {},
    debounceMs: 200, // yamlSettings.validationDelayMs in yaml-language-server 1.25
  },
};

/** The documents under test, written to disk once (siblings and binaries are real files). */
function makeCases() {
  const cases = [];
  for (const size of SIZES) {
    const cq = join(root, `cq-${size}`);
    mkdirSync(cq, { recursive: true });
    const cqText = gen.cloudquerySpec(size);
    writeFileSync(join(cq, 'spec.yml'), cqText);
    cases.push({
      id: `cloudquery ${size}`,
      dir: cq,
      file: join(cq, 'spec.yml'),
      text: cqText,
      target: gen.cloudqueryEditTarget(cqText),
    });

    const siblings = join(root, `cq-siblings-${size}`);
    mkdirSync(siblings, { recursive: true });
    writeFileSync(join(siblings, 'spec.yml'), cqText);
    for (let s = 0; s < 20; s++) writeFileSync(join(siblings, `sibling-${s}.yml`), gen.cloudquerySpec(500, `sib${s}`));
    cases.push({
      id: `cloudquery ${size} + 20 siblings`,
      dir: siblings,
      file: join(siblings, 'spec.yml'),
      text: cqText,
      target: gen.cloudqueryEditTarget(cqText),
    });

    const gw = join(root, `gw-${size}`);
    mkdirSync(gw, { recursive: true });
    const gwText = gen.gatewaydPlugins(size, gen.writeBinaries(gw));
    writeFileSync(join(gw, 'gatewayd_plugins.yaml'), gwText);
    cases.push({
      id: `gatewayd ${size}`,
      dir: gw,
      file: join(gw, 'gatewayd_plugins.yaml'),
      text: gwText,
      target: gen.gatewaydEditTarget(gwText),
    });
  }
  const unrelatedSize = SIZES.includes(10000) ? 10000 : SIZES[SIZES.length - 1];
  const other = join(root, `unrelated-${unrelatedSize}`);
  mkdirSync(other, { recursive: true });
  const otherText = gen.unrelatedYaml(unrelatedSize);
  writeFileSync(join(other, 'deployment.yaml'), otherText);
  cases.push({
    id: `unrelated YAML ${unrelatedSize}`,
    dir: other,
    file: join(other, 'deployment.yaml'),
    text: otherText,
    target: gen.unrelatedEditTarget(otherText),
  });
  return cases;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One server on one case: open, EDITS edits to diagnostics, COMPLETIONS completions behind an edit. */
async function measure(server, testCase) {
  const session = new LspSession(server);
  await session.start(pathToFileURL(testCase.dir).href);
  const uri = pathToFileURL(testCase.file).href;
  const open = await session.open(uri, 'yaml', testCase.text);
  await sleep(300); // background work of the open (checksums) is not the edits' cost
  const { line, values, completeAt } = testCase.target;
  let version = 1;
  const edits = [];
  const cpuBefore = session.cpuMs();
  const wallBefore = performance.now();
  for (let i = 0; i < EDITS; i++) {
    version++;
    edits.push((await session.editToDiagnostics(uri, version, line, values[version % 2])).ms);
    await sleep(GAP_MS);
  }
  await sleep(300);
  const cpuPerEdit = (session.cpuMs() - cpuBefore) / EDITS;
  const wall = performance.now() - wallBefore;
  const completions = [];
  let items = 0;
  for (let i = 0; i < COMPLETIONS; i++) {
    version++;
    const result = await session.completionAfterEdit(uri, version, line, values[version % 2], completeAt);
    completions.push(result.ms);
    items = result.items;
    await sleep(GAP_MS);
  }
  const rss = session.rssMb();
  await session.stop();
  return {
    open: open.ms,
    openDiagnostics: open.diagnostics.length,
    p50: percentile(edits, 50),
    p95: percentile(edits, 95),
    net50: Math.max(0, percentile(edits, 50) - server.debounceMs),
    cpuPerEdit,
    wall,
    completion: median(completions),
    completionItems: items,
    rss,
  };
}

/** yaml-language-server really applies our schema (else the comparison is meaningless). */
async function sanityCheck() {
  const dir = join(root, 'probe');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'spec.yml');
  const text = 'kind: source\nspec:\n  name: x\n  bogus: 1\n';
  writeFileSync(file, text);
  for (const server of Object.values(SERVERS)) {
    const session = new LspSession(server);
    await session.start(pathToFileURL(dir).href);
    const { diagnostics } = await session.open(pathToFileURL(file).href, 'yaml', text);
    await session.stop();
    if (!diagnostics.length)
      throw new Error(`${server.name} reports nothing on a spec without path or tables; is the schema associated?`);
  }
}

const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

async function lspBench() {
  installYamlLanguageServer();
  await sanityCheck();
  const cases = makeCases();
  const results = new Map(cases.map((c) => [c.id, { ours: [], yls: [] }]));
  for (let s = 0; s < SESSIONS; s++) {
    for (const testCase of cases) {
      const order = s % 2 === 0 ? ['ours', 'yls'] : ['yls', 'ours'];
      for (const which of order) {
        const r = await measure(SERVERS[which], testCase);
        results.get(testCase.id)[which].push(r);
        console.error(
          `session ${s + 1}/${SESSIONS} ${testCase.id} ${which}: open ${fmt(r.open)} ms, edit p50 ${fmt(r.p50)} ms, cpu/edit ${fmt(r.cpuPerEdit)} ms, completion ${fmt(r.completion, 1)} ms`,
        );
      }
    }
  }
  const rows = [];
  for (const testCase of cases) {
    const { ours, yls } = results.get(testCase.id);
    const m = (list, key) => median(list.map((r) => r[key]));
    rows.push({
      id: testCase.id,
      ours: Object.fromEntries(Object.keys(ours[0]).map((k) => [k, m(ours, k)])),
      yls: Object.fromEntries(Object.keys(yls[0]).map((k) => [k, m(yls, k)])),
    });
  }
  return rows;
}

function printLsp(rows) {
  console.log(
    `\n### Language server (medians of ${SESSIONS} session(s) × ${EDITS} edits, ${COMPLETIONS} completions; ours / yaml-language-server ${YLS_VERSION})\n`,
  );
  console.log(
    `Debounce: ours ${SERVERS.ours.debounceMs} ms (adaptive: none after an analysis under 150 ms), yaml-language-server ${SERVERS.yls.debounceMs} ms; "net" subtracts it.\n`,
  );
  console.log(
    '| document | open → diagnostics, ms | edit → diagnostics p50 | p95 | p50 net of debounce | completion after edit | CPU per edit, ms | RSS, MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { id, ours, yls } of rows) {
    const cell = (key, d = 0) => `${fmt(ours[key], d)} / ${fmt(yls[key], d)} (${ratio(ours[key], yls[key])})`;
    console.log(
      `| ${id} | ${cell('open')} | ${cell('p50')} | ${cell('p95')} | ${cell('net50')} | ${cell('completion', 1)} | ${cell('cpuPerEdit')} | ${cell('rss')} |`,
    );
  }
  // Growth of the edit cost with the file size (goal: < 1.5× from 5k to 20k lines).
  for (const family of ['cloudquery', 'gatewayd']) {
    const at = (size) => rows.find((r) => r.id === `${family} ${size}`)?.ours;
    const small = at(5000);
    const large = at(20000);
    if (small && large)
      console.log(
        `\n${family}: 5k → 20k lines, ours: edit p50 × ${(large.p50 / small.p50).toFixed(2)}, CPU per edit × ${(large.cpuPerEdit / Math.max(small.cpuPerEdit, 1)).toFixed(2)}`,
      );
  }
}

function printCli(rows) {
  console.log('\n### CLI `check` (files/second, median; floor = read and parse with `yaml` only)\n');
  console.log(
    '| manifests | layout | floor files/s | CLI files/s | CLI / floor | CLI peak RSS, MB | floor peak RSS, MB |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.count} | ${r.layout === 'one' ? 'one folder' : 'folders of 20'} | ${fmt(r.floorRate)} | ${fmt(r.cliRate)} | ${r.ratio.toFixed(2)}× | ${fmt(r.cliRss)} | ${fmt(r.floorRss)} |`,
    );
}

mkdirSync(root, { recursive: true });
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
const output = {};
if (!flag('--no-lsp')) {
  output.lsp = await lspBench();
  printLsp(output.lsp);
}
if (!flag('--no-cli')) {
  output.cli = cliBench({ root, counts: CLI_COUNTS, sessions: SESSIONS, dist: option('--dist', 'dist') });
  printCli(output.cli);
}
const jsonOut = option('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(output, null, 2));
process.exit(0);
