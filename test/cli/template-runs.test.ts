import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree, REPO_ROOT } from '../helpers/engine';

// Generated artefacts run as far as this machine allows: each test scaffolds with the real CLI.
const SDK_STAND_IN = path.join(REPO_ROOT, 'test', 'helpers', 'stand-ins', 'ekuiper-python-sdk');

function scaffold(id: string, name: string, sets: string[] = []): string {
  const parent = makeTree({});
  const result = runCli(['new', id, '--name', name, '--dir', parent, ...sets.flatMap((s) => ['--set', s])]);
  assert.equal(result.status, 0, result.stderr);
  return path.join(parent, fs.readdirSync(parent)[0]);
}

test('eKuiper portable Python: main.py registers factories the SDK stand-in can start (source, sink, function)', () => {
  const dir = scaffold('ekuiper-portable-python', 'pyDemo');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'pyDemo.json'), 'utf8')) as {
    executable: string;
    sources: string[];
    sinks: string[];
    functions: string[];
  };
  const starts = [
    ...manifest.sources.map((symbolName) => ({ pluginType: 'source', symbolName, config: { interval: 10 } })),
    ...manifest.sinks.map((symbolName) => ({
      pluginType: 'sink',
      symbolName,
      config: { prefix: '> ' },
      data: [{ a: 1 }, { a: 2 }],
    })),
    ...manifest.functions.map((symbolName) => ({ pluginType: 'func', symbolName, args: ['abc'] })),
  ];
  // eKuiper runs `python -u <executable> '<json>'` in the plugin folder (docs/hosts/ekuiper.md §4).
  const run = spawnSync('python3', ['-u', manifest.executable, '{}'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      PYTHONPATH: SDK_STAND_IN,
      PYTHONDONTWRITEBYTECODE: '1',
      EKUIPER_STAND_IN_STARTS: JSON.stringify(starts),
    },
  });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    name: string;
    started: Array<Record<string, unknown>>;
  };
  assert.equal(report.name, 'pyDemo');
  const bySymbol = new Map(report.started.map((s) => [s.symbol, s]));
  assert.deepEqual(
    [...bySymbol.keys()],
    starts.map((s) => s.symbolName),
  );
  const source = bySymbol.get('pyDemo')!;
  assert.deepEqual(source.emitted, [{ count: 1 }, { count: 2 }, ...(source.emitted as unknown[]).slice(2)]);
  assert.equal(source.stopped, true, 'close() ends the source loop');
  assert.equal(bySymbol.get('pyDemoPrint')!.collected, 2);
  assert.deepEqual(
    { ...bySymbol.get('pyDemoUpper')!, symbol: undefined, type: undefined },
    { symbol: undefined, type: undefined, validate: '', exec: 'ABC', isAggregate: false },
  );
});

test('eKuiper portable Python: the stand-in refuses an instance where the SDK wants a factory', () => {
  // The stand-in calls f() like runtime/plugin.py: an instance in the map fails as it would in eKuiper.
  const dir = makeTree({
    'main.py':
      'from ekuiper import PluginConfig, Function, plugin\nclass F(Function):\n    pass\nplugin.start(PluginConfig("x", {}, {}, {"f": F()}))\n',
  });
  const run = spawnSync('python3', ['main.py'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PYTHONPATH: SDK_STAND_IN,
      PYTHONDONTWRITEBYTECODE: '1',
      EKUIPER_STAND_IN_STARTS: JSON.stringify([{ pluginType: 'func', symbolName: 'f' }]),
    },
  });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /TypeError: 'F' object is not callable/);
});

for (const [id, type, extra] of [
  ['ekuiper-source-go', 'sources', ['probe.yaml']],
  ['ekuiper-sink-go', 'sinks', []],
  ['ekuiper-function-go', 'functions', []],
] as const) {
  test(`${id}: targets the chosen eKuiper release; make package zips the .so, metadata and runtime/ as etc/`, () => {
    const dir = scaffold(id, 'probe', ['ekuiperVersion=v2.3.1']);
    const goMod = fs.readFileSync(path.join(dir, 'go.mod'), 'utf8');
    assert.match(goMod, /^go 1\.24\.1$/m);
    assert.match(goMod, /^require github\.com\/lf-edge\/ekuiper\/contract\/v2 v2\.3\.1$/m);
    const dryRun = spawnSync('make', ['-n', 'docker-build'], { cwd: dir, encoding: 'utf8' });
    assert.equal(dryRun.status, 0, dryRun.stderr);
    assert.match(
      dryRun.stdout,
      /docker run --rm .* lfedge\/ekuiper:2\.3\.1-dev go build -trimpath --buildmode=plugin -o plugins\/\w+\/Probe@v1\.0\.0\.so \./,
    );
    // The build needs the contract module from the network; a built .so stands in for it here.
    fs.mkdirSync(path.join(dir, 'plugins', type), { recursive: true });
    fs.writeFileSync(path.join(dir, 'plugins', type, 'Probe@v1.0.0.so'), 'stand-in for a built plugin');
    const pack = spawnSync('make', ['package'], { cwd: dir, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const listing = spawnSync('unzip', ['-Z1', path.join(dir, 'dist', 'probe.zip')], { encoding: 'utf8' });
    assert.equal(listing.status, 0, listing.stderr);
    const entries = listing.stdout
      .trim()
      .split('\n')
      .filter((e) => !e.endsWith('/'))
      .sort();
    assert.deepEqual(entries, ['Probe@v1.0.0.so', 'etc/README.txt', 'probe.json', ...extra].sort());
    const code = fs.readFileSync(path.join(dir, 'probe.go'), 'utf8');
    assert.match(code, new RegExp(`ctx\\.GetRootPath\\(\\), "etc", "${type}", "probe"`));
  });
}

test('eKuiper native: the newest target release is the default; an unknown one is refused with the choices', () => {
  const dir = scaffold('ekuiper-sink-go', 'probe');
  assert.match(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8'), /^go 1\.25\.4$[\s\S]*contract\/v2 v2\.3\.1$/m);
  assert.match(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8'), /^EKUIPER_IMAGE \?= lfedge\/ekuiper:2\.4\.0-dev$/m);
  const parent = makeTree({});
  const refused = runCli([
    'new',
    'ekuiper-sink-go',
    '--name',
    'probe',
    '--dir',
    parent,
    '--set',
    'ekuiperVersion=v1.0.0',
  ]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /ekuiperVersion "v1\.0\.0": one of v2\.4\.0, v2\.3\.1/);
  assert.deepEqual(fs.readdirSync(parent), []);
});

test('gatewayd-plugin-python: the SDK handshake, a checksum that matches the launcher, and a refusal without the cookie', () => {
  const dir = scaffold('gatewayd-plugin-python', 'gatewayd-plugin-py');
  const main = fs.readFileSync(path.join(dir, 'main.py'), 'utf8');
  assert.match(main, /^HANDSHAKE_KEY = "GATEWAYD_PLUGIN"$/m);
  assert.match(main, /^HANDSHAKE_VALUE = "5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872"$/m);
  const manifest = fs.readFileSync(path.join(dir, 'gatewayd_plugin.yaml'), 'utf8');
  assert.match(
    manifest,
    /- MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN\n\s+- MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872\n/,
  );
  const launcher = path.join(dir, 'gatewayd-plugin-py');
  const sha = spawnSync('sha256sum', [launcher], { encoding: 'utf8' }).stdout.split(' ')[0];
  assert.match(manifest, new RegExp(`checksum: ${sha}\\n`));
  assert.equal(spawnSync('make', ['-s', 'checksum'], { cwd: dir, encoding: 'utf8' }).stdout.trim(), sha);
  // Started by hand (no cookie): the go-plugin answer, exit 1. With the cookie but no grpcio: what to run.
  const byHand = spawnSync(launcher, [], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(byHand.status, 1);
  assert.match(byHand.stderr, /is a GatewayD plugin: GatewayD starts it/);
  const unit = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  assert.equal(unit.status, 0, unit.stderr);
  // The Makefile offers what the GatewayD tasks run.
  const makefile = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
  for (const target of ['build-dev', 'checksum', 'test', 'build-release', 'update-all'])
    assert.match(makefile, new RegExp(`^${target}:`, 'm'), target);
});

test('logcraft templates: componentize-py 0.25 world module, and a dev project that check accepts', () => {
  const py = scaffold('logcraft-plugin-python', 'my-siem');
  assert.match(
    fs.readFileSync(path.join(py, 'main.py'), 'utf8'),
    /^from wit_world\.exports import Plugin as Plugins$/m,
  );
  assert.match(fs.readFileSync(path.join(py, 'requirements.txt'), 'utf8'), /^componentize-py==0\.25\.0$/m);
  const build = spawnSync('make', ['-n', 'build', 'install'], { cwd: py, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  assert.match(
    build.stdout,
    /componentize-py --wit-path wit --world plugins --world-module wit_world componentize main -o my-siem\.wasm/,
  );
  assert.match(build.stdout, /cp my-siem\.wasm dev\/plugins\/my-siem\.wasm/);
  for (const dir of [py, scaffold('logcraft-plugin-rust', 'my-siem')]) {
    const toml = fs.readFileSync(path.join(dir, 'dev', 'lgc.toml'), 'utf8');
    assert.match(toml, /^base_dir = "\."$/m);
    assert.match(toml, /^\[services\.my-siem-dev\]\nplugin = "my-siem"$/m);
    const report = JSON.parse(runCli(['check', '--format', 'json', dir]).stdout) as {
      files: Array<{ path: string; kind: string; diagnostics: Array<{ code: string }> }>;
    };
    // The plugin's source is checked too (its load() name), and is clean.
    assert.deepEqual(report.files.map((f) => f.kind).sort(), [
      'logcraft-config',
      'logcraft-detection',
      'logcraft-plugin-source',
    ]);
    assert.deepEqual(report.files.find((f) => f.kind === 'logcraft-plugin-source')?.diagnostics, []);
  }
});
