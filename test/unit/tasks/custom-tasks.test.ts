import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { updateChecksum } from '../../../server/src/systems/gatewayd/update-checksum';
import { packageEkuiper, PackagingError } from '../../../server/src/systems/ekuiper/package-zip';
import { installWasm } from '../../../server/src/systems/logcraft/install-wasm';
import { detectProjects } from '../../../server/src/systems';
import { makeTree } from '../../helpers/engine';

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const PLUGINS = `# plugins for local development
plugins:
  - name: cache   # the cache plugin
    enabled: true
    localPath: ./bin/cache
    checksum: "0000000000000000000000000000000000000000000000000000000000000000" # old
  - name: other
    localPath: ./bin/other
    checksum: abc
  - name: fresh
    localPath: ./bin/cache
`;

test('update checksum: hashes the binary, changes only the checksum text, adds a missing one', async () => {
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3, 4, 5]);
  const dir = makeTree({ 'gatewayd_plugins.yaml': PLUGINS, 'bin/cache': binary });
  const file = path.join(dir, 'gatewayd_plugins.yaml');
  const changes = await updateChecksum(file, path.join(dir, 'bin', 'cache'));
  const hash = sha(binary);
  assert.deepEqual(
    changes.map((c) => [c.plugin, c.after]),
    [
      ['cache', hash],
      ['fresh', hash],
    ],
  );
  const expected = PLUGINS.replace('0000000000000000000000000000000000000000000000000000000000000000', hash)
    .replace('    localPath: ./bin/cache\n', '    localPath: ./bin/cache\n')
    .replace(/(  - name: fresh\n    localPath: \.\/bin\/cache)\n/, `$1\n    checksum: ${hash}\n`);
  assert.equal(fs.readFileSync(file, 'utf8'), expected);
  // Running it again changes nothing.
  assert.deepEqual(await updateChecksum(file, path.join(dir, 'bin', 'cache')), []);
  assert.equal(fs.readFileSync(file, 'utf8'), expected);
});

function nativeSource(extra: Record<string, string | Buffer> = {}) {
  return makeTree({
    'go.mod': 'module github.com/example-org/random\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n',
    'random.go': 'package main\n',
    Makefile: 'VERSION ?= 1.2.0\n',
    'etc/sources/random.json': JSON.stringify({ about: { trial: false }, properties: { default: [] } }),
    'etc/sources/random.yaml': 'default:\n  interval: 1000\n',
    ...extra,
  });
}

test('eKuiper zip: flat, with the .so, .json and .yaml, bytes unchanged', () => {
  const so = Buffer.from('ELF pretend shared object');
  const dir = nativeSource({ 'plugins/sources/Random@v1.2.0.so': so });
  const [project] = detectProjects(dir);
  assert.equal(project.kind, 'ekuiper-native');
  assert.equal(project.details.pluginType, 'source');
  assert.equal(project.details.version, '1.2.0');
  const result = packageEkuiper(project);
  const entries = unzipSync(fs.readFileSync(result.zip));
  assert.deepEqual(Object.keys(entries).sort(), ['Random@v1.2.0.so', 'random.json', 'random.yaml']);
  assert.equal(Buffer.from(entries['Random@v1.2.0.so']).toString(), so.toString());
  assert.equal(Buffer.from(entries['random.yaml']).toString(), 'default:\n  interval: 1000\n');
});

test('eKuiper zip: packaging rules are checked first and nothing is written on a problem', () => {
  const dir = nativeSource({ 'plugins/sources/random-v1.so': 'x' });
  fs.rmSync(path.join(dir, 'etc/sources/random.yaml'));
  const [project] = detectProjects(dir);
  assert.throws(
    () => packageEkuiper(project),
    (error: unknown) =>
      error instanceof PackagingError &&
      error.problems.some((p) => /random-v1\.so .* naming rule Random\.so or random\.so/.test(p)) &&
      error.problems.some((p) => /needs random\.yaml/.test(p)),
  );
  assert.equal(fs.existsSync(path.join(dir, 'dist')), false);
});

test('eKuiper portable zip: manifest, executable, sources; a missing source yaml is refused', () => {
  const dir = makeTree({
    'pysensor.json': JSON.stringify({
      version: 'v1.0.0',
      language: 'python',
      executable: 'main.py',
      sources: ['sensor'],
      functions: ['celsius'],
    }),
    'main.py': 'print(1)\n',
    'requirements.txt': 'ekuiper\n',
    'sources/sensor.yaml': 'default: {}\n',
    'sources/sensor.json': '{}',
    'functions/celsius.json': '{}',
  });
  const [project] = detectProjects(dir);
  assert.equal(project.kind, 'ekuiper-portable');
  const result = packageEkuiper(project);
  assert.deepEqual(Object.keys(unzipSync(fs.readFileSync(result.zip))).sort(), [
    'functions/celsius.json',
    'main.py',
    'pysensor.json',
    'requirements.txt',
    'sources/sensor.json',
    'sources/sensor.yaml',
  ]);
  fs.rmSync(path.join(dir, 'sources/sensor.yaml'));
  assert.throws(() => packageEkuiper(project), /source sensor needs sources\/sensor\.yaml/);
});

test('LogCraft install: the built .wasm lands in <base_dir>/plugins/<name>.wasm', () => {
  const dir = makeTree({
    'project/lgc.toml': '[core]\nworkspace = "rules"\nbase_dir = ".lgc"\n',
    'plugin/Cargo.toml': '[package]\nname = "my-splunk"\n\n[dependencies]\nwit-bindgen = "0.36"\n',
    'plugin/wit/world.wit': 'package x:y;\n',
    'plugin/target/wasm32-wasip2/release/my_splunk.wasm': Buffer.from([0, 0x61, 0x73, 0x6d]),
  });
  const projects = detectProjects(dir);
  const plugin = projects.find((p) => p.kind === 'logcraft-plugin-rust')!;
  assert.equal(plugin.name, 'my-splunk');
  const target = installWasm(plugin, path.join(plugin.dir, 'target/wasm32-wasip2/release/my_splunk.wasm'), projects);
  assert.equal(target, path.join(dir, 'project', '.lgc', 'plugins', 'my-splunk.wasm'));
  assert.deepEqual([...fs.readFileSync(target)], [0, 0x61, 0x73, 0x6d]);
  assert.throws(() => installWasm(plugin, path.join(dir, 'nope.wasm'), projects), /run the "build wasm" task first/);
  assert.throws(
    () =>
      installWasm(
        plugin,
        target,
        projects.filter((p) => p.kind !== 'logcraft-project'),
      ),
    /No LogCraft project/,
  );
});
