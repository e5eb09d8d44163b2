import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree } from '../helpers/engine';

const BROKEN_GATEWAYD = [
  'plugins:',
  '  - name: cache',
  '    enabled: true',
  '    localPath: ./cache',
  '    checksum: abc',
  '    bogus: 1',
  '',
].join('\n');

const VALID_CLOUDQUERY = [
  'kind: source',
  'spec:',
  '  name: aws',
  '  path: cloudquery/aws',
  '  version: v22.0.0',
  '  tables: ["aws_s3_buckets"]',
  '  destinations: [postgresql]',
  '---',
  'kind: destination',
  'spec:',
  '  name: postgresql',
  '  path: cloudquery/postgresql',
  '  version: v8.0.0',
  '',
].join('\n');

test('json output: one object, 1-based positions, exit 1 on errors', () => {
  const dir = makeTree({ 'gatewayd_plugins.yaml': BROKEN_GATEWAYD });
  const result = runCli(['check', '--format', 'json', path.join(dir, 'gatewayd_plugins.yaml')]);
  assert.equal(result.status, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(report), ['files']);
  assert.equal(report.files.length, 1);
  const [file] = report.files;
  assert.equal(file.kind, 'gatewayd-plugins');
  assert.equal(file.path, path.join(dir, 'gatewayd_plugins.yaml'));
  const unknown = file.diagnostics.find((d: { message: string }) => d.message.includes('"bogus"'));
  assert.ok(unknown, JSON.stringify(file.diagnostics));
  assert.deepEqual([unknown.line, unknown.column, unknown.endLine, unknown.endColumn], [6, 5, 6, 10]);
  assert.equal(unknown.severity, 'error');
  for (const d of file.diagnostics) {
    assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'line', 'message', 'severity']);
  }
});

test('text output reads like a compiler; a clean file exits 0', () => {
  const dir = makeTree({ 'gatewayd_plugins.yaml': BROKEN_GATEWAYD, 'sync.yml': VALID_CLOUDQUERY });
  const broken = runCli(['check', 'gatewayd_plugins.yaml'], { cwd: dir });
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /^gatewayd_plugins\.yaml:6:5: error gatewayd\.unknown-key: /m);
  const clean = runCli(['check', 'sync.yml'], { cwd: dir });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '');
});

test('folders are walked; node_modules, .git and dot-folders are skipped; unrelated files unreported', () => {
  const dir = makeTree({
    'specs/sync.yml': VALID_CLOUDQUERY,
    'gw/gatewayd_plugins.yaml': BROKEN_GATEWAYD,
    'node_modules/x/gatewayd_plugins.yaml': BROKEN_GATEWAYD,
    '.hidden/gatewayd_plugins.yaml': BROKEN_GATEWAYD,
    'docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
    'package.json': '{"name":"x"}',
  });
  const result = runCli(['check', '--format', 'json', dir]);
  const paths = JSON.parse(result.stdout)
    .files.map((f: { path: string }) => path.relative(dir, f.path))
    .sort();
  assert.deepEqual(paths, [path.join('gw', 'gatewayd_plugins.yaml'), path.join('specs', 'sync.yml')]);
  assert.equal(result.status, 1);
});

test('a folder with no manifests reports nothing and exits 0', () => {
  const dir = makeTree({ 'README.md': '# hi\n', 'data.json': '[1,2,3]' });
  const result = runCli(['check', '--format', 'json', dir]);
  assert.equal(result.status, 0);
  assert.deepEqual(JSON.parse(result.stdout), { files: [] });
});

test('--kind forces the kind of every given file', () => {
  const dir = makeTree({ 'plugins.yml': BROKEN_GATEWAYD });
  const unforced = runCli(['check', '--format', 'json', path.join(dir, 'plugins.yml')]);
  assert.equal(JSON.parse(unforced.stdout).files[0]?.kind, 'gatewayd-plugins', 'recognised by content');
  const forced = runCli(['check', '--format', 'json', '--kind', 'anklet-config', path.join(dir, 'plugins.yml')]);
  assert.equal(JSON.parse(forced.stdout).files[0].kind, 'anklet-config');
});

test('usage errors and unreadable input exit 2 with a message on stderr', () => {
  const dir = makeTree({ 'sync.yml': VALID_CLOUDQUERY });
  for (const args of [
    ['check'],
    ['check', '--format', 'xml', 'sync.yml'],
    ['check', '--kind', 'nope', 'sync.yml'],
    ['check', '--bogus', 'sync.yml'],
    ['frobnicate'],
  ]) {
    const result = runCli(args, { cwd: dir });
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /plugin-workbench: /);
  }
  const missing = runCli(['check', '--format', 'json', 'does-not-exist.yaml', 'sync.yml'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /does-not-exist\.yaml/);
  assert.equal(JSON.parse(missing.stdout).files.length, 1, 'the readable file is still checked');
});

test('binary, non-UTF-8, empty and oversized files get a clear message, never a crash', { timeout: 120_000 }, () => {
  const big = Buffer.alloc(20 * 1024 * 1024, 'a: 1\n');
  const dir = makeTree({
    'binary.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]),
    'latin1.yaml': Buffer.from('name: caf\xe9\n', 'latin1'),
    'empty.yaml': '',
    'big.yaml': big,
  });
  const binary = runCli(['check', '--kind', 'anklet-config', 'binary.yaml'], { cwd: dir });
  assert.equal(binary.status, 2);
  assert.match(binary.stderr, /binary/);
  const latin1 = runCli(['check', '--kind', 'anklet-config', 'latin1.yaml'], { cwd: dir });
  assert.equal(latin1.status, 2);
  assert.match(latin1.stderr, /not valid UTF-8/);
  const huge = runCli(['check', '--kind', 'gatewayd-plugins', 'big.yaml'], { cwd: dir });
  assert.equal(huge.status, 2);
  assert.match(huge.stderr, /larger than the 5 MB limit/);
  const empty = runCli(['check', '--format', 'json', '--kind', 'gatewayd-plugins', 'empty.yaml'], { cwd: dir });
  assert.ok(empty.status === 0 || empty.status === 1, empty.stderr);
  assert.equal(JSON.parse(empty.stdout).files[0].kind, 'gatewayd-plugins');
  const unclassified = runCli(['check', 'empty.yaml'], { cwd: dir });
  assert.equal(unclassified.status, 0);
  assert.match(unclassified.stderr, /not a recognised plugin manifest/);
  // In a folder walk, unreadable data files are skipped quietly.
  const walk = runCli(['check', '--format', 'json', dir]);
  assert.equal(walk.status, 0, walk.stderr);
  assert.ok(fs.existsSync(path.join(dir, 'big.yaml')));
});

test('sarif output is SARIF 2.1.0 with one result per diagnostic', () => {
  const dir = makeTree({ 'gatewayd_plugins.yaml': BROKEN_GATEWAYD });
  const result = runCli(['check', '--format', 'sarif', 'gatewayd_plugins.yaml'], { cwd: dir });
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, '2.1.0');
  const json = JSON.parse(runCli(['check', '--format', 'json', 'gatewayd_plugins.yaml'], { cwd: dir }).stdout);
  assert.equal(sarif.runs[0].results.length, json.files[0].diagnostics.length);
  assert.equal(
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine,
    json.files[0].diagnostics[0].line,
  );
});

test('the CLI keeps JSON syntax errors (the editor leaves them to VS Code) and the schema problems beside them', () => {
  const dir = makeTree({ 'etc/sources/demo.json': '{\n  "about": {"trial": "x"},\n  "\n  "properties": {}\n}\n' });
  const result = runCli(['check', '--format', 'json', dir]);
  assert.equal(result.status, 1, result.stderr);
  const codes = JSON.parse(result.stdout).files[0].diagnostics.map(
    (d: { code: string; line: number }) => `${d.code}@${d.line}`,
  );
  assert.ok(codes.includes('json.syntax@3') && codes.includes('ekuiper.wrong-type@2'), codes.join(', '));
});

test('the CLI honours # plugin-workbench-disable-next-line: the suppressed error no longer fails the run', () => {
  const text = 'plugins:\n  - name: cache\n    enabled: true\n    checksum: abc\n';
  const failing = runCli([
    'check',
    '--format',
    'json',
    path.join(makeTree({ 'gatewayd_plugins.yaml': text }), 'gatewayd_plugins.yaml'),
  ]);
  assert.equal(failing.status, 1);
  assert.ok(failing.stdout.includes('gatewayd.checksum-format'));
  const suppressed = text.replace(
    '    checksum',
    '    # plugin-workbench-disable-next-line gatewayd.checksum-format\n    checksum',
  );
  const result = runCli([
    'check',
    '--format',
    'json',
    path.join(makeTree({ 'gatewayd_plugins.yaml': suppressed }), 'gatewayd_plugins.yaml'),
  ]);
  assert.ok(!result.stdout.includes('gatewayd.checksum-format'), result.stdout);
  assert.equal(
    result.status,
    JSON.parse(result.stdout).files[0].diagnostics.some((d: { severity: string }) => d.severity === 'error') ? 1 : 0,
  );
});
