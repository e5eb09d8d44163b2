import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree, REPO_ROOT } from '../helpers/engine';
import { planScaffold } from '../../server/src/scaffold';

// Every template through the real CLI: written, checked by our own validator, its code parsed by
// the language's own tools (Go modules and crates cannot be downloaded here: syntax is the bar),
// and a second run must change nothing.
const TEMPLATES = path.join(REPO_ROOT, 'templates');
const ids = JSON.parse(fs.readFileSync(path.join(TEMPLATES, 'index.json'), 'utf8')) as string[];

function filesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

function snapshot(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesBelow(dir)) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex');
}

function tool(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`${command} is needed to check generated code (${result.error.message}); .ci/run installs it`);
  return { status: result.status, output: result.stdout + result.stderr };
}

test('new --list prints every template id, one line each', () => {
  const result = runCli(['new', '--list']);
  assert.equal(result.status, 0, result.stderr);
  const listed = result.stdout
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[0]);
  assert.deepEqual(listed, ids);
  assert.equal(ids.length, 12);
});

for (const id of ids) {
  test(`template ${id}: written, valid, parseable, never overwritten`, { timeout: 120_000 }, () => {
    const definition = JSON.parse(fs.readFileSync(path.join(TEMPLATES, id, 'template.json'), 'utf8'));
    const name: string = definition.name.example;
    const parent = makeTree({});
    const args = [
      'new',
      id,
      '--name',
      name,
      '--dir',
      parent,
      '--set',
      'org=example-org',
      '--set',
      `module=github.com/example-org/${name}`,
    ];
    const first = runCli(args);
    assert.equal(first.status, 0, first.stderr);
    const created = fs.readdirSync(parent);
    assert.equal(created.length, 1, `one project folder: ${created}`);
    const files = filesBelow(parent);
    assert.ok(files.length > 0);

    const plan = planScaffold(
      {
        templateId: id,
        name,
        parentDir: parent,
        options: { org: 'example-org', module: `github.com/example-org/${name}` },
      },
      TEMPLATES,
    );
    for (const manifest of plan.manifests) assert.ok(fs.existsSync(manifest), `manifest ${manifest} was written`);
    const check = runCli(['check', '--format', 'json', parent]);
    const report = JSON.parse(check.stdout) as {
      files: Array<{
        path: string;
        diagnostics: Array<{ severity: string; code: string; line: number; message: string }>;
      }>;
    };
    const errors = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${f.path}:${d.line} ${d.code} ${d.message}`),
    );
    assert.deepEqual(errors, []);
    const reported = new Set(report.files.map((f) => path.resolve(f.path)));
    for (const manifest of plan.manifests) assert.ok(reported.has(manifest), `${manifest} is recognised as a manifest`);

    for (const file of files.filter((f) => f.endsWith('.go'))) {
      const result = tool('gofmt', ['-e', '-l', file]);
      assert.equal(result.status, 0, `${file}: ${result.output}`);
    }
    for (const file of files.filter((f) => f.endsWith('.py'))) {
      const result = tool('python3', ['-m', 'py_compile', file]);
      assert.equal(result.status, 0, `${file}: ${result.output}`);
    }
    for (const file of files.filter((f) => f.endsWith('.rs'))) {
      const result = tool('rustfmt', ['--check', '--edition', '2021', file]);
      assert.equal(result.status, 0, `${file}: ${result.output}`);
    }

    // Folders honour the umask like other tools (the test process runs with 022 or stricter).
    const mask = process.umask();
    for (const dir of [
      path.join(parent, created[0]),
      ...fs
        .readdirSync(parent, { recursive: true, withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(e.parentPath, e.name)),
    ]) {
      assert.equal(fs.statSync(dir).mode & 0o777, 0o777 & ~mask, `${dir} mode`);
    }

    const before = snapshot(parent);
    const second = runCli(args);
    assert.equal(second.status, 1, 'a second run refuses');
    assert.match(second.stderr, /exist/);
    assert.equal(snapshot(parent), before, 'and changes nothing');
  });
}

test('template cloudquery-source-go with premium=true: paid tables, usage client, Sentry DSN; parses and checks clean', () => {
  const parent = makeTree({});
  const result = runCli([
    'new',
    'cloudquery-source-go',
    '--name',
    'example-api',
    '--dir',
    parent,
    '--set',
    'premium=true',
  ]);
  assert.equal(result.status, 0, result.stderr);
  const dir = path.join(parent, 'example-api');
  const client = fs.readFileSync(path.join(dir, 'resources', 'plugin', 'client.go'), 'utf8');
  assert.match(client, /premium\.MakeAllTablesPaid\(tables\)/);
  assert.match(client, /premium\.NewUsageClient\(opts\.PluginMeta/);
  assert.match(client, /c\.usage\.IncreaseForTable\(/);
  assert.match(client, /return c\.usage\.Close\(\)/);
  assert.match(fs.readFileSync(path.join(dir, 'main.go'), 'utf8'), /serve\.WithPluginSentryDSN\(sentryDSN\)/);
  assert.ok(fs.existsSync(path.join(dir, 'docs', 'overview.md')) && fs.existsSync(path.join(dir, 'README.md')));
  for (const file of filesBelow(dir).filter((f) => f.endsWith('.go'))) {
    const gofmt = tool('gofmt', ['-e', '-l', file]);
    assert.equal(gofmt.status, 0, `${file}: ${gofmt.output}`);
    assert.equal(gofmt.output, '', `${file} is gofmt-formatted`);
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\{\{[#^/]?pw\./);
  }
  const check = runCli(['check', dir]);
  assert.equal(check.status, 0, check.stdout + check.stderr);
  // Without the option: no premium code at all.
  const plain = makeTree({});
  assert.equal(runCli(['new', 'cloudquery-source-go', '--name', 'example-api', '--dir', plain]).status, 0);
  assert.doesNotMatch(
    fs.readFileSync(path.join(plain, 'example-api', 'resources', 'plugin', 'client.go'), 'utf8'),
    /premium/,
  );
});

test('new: usage errors exit 2 and write nothing', () => {
  const parent = makeTree({});
  for (const args of [
    ['new'],
    ['new', 'nope', '--name', 'x', '--dir', parent],
    ['new', 'gatewayd-plugin-go', '--dir', parent],
    ['new', 'gatewayd-plugin-go', '--name', '../escape', '--dir', parent],
  ]) {
    const result = runCli(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /plugin-workbench: /);
  }
  assert.deepEqual(fs.readdirSync(parent), []);
  assert.equal(fs.existsSync(path.join(path.dirname(parent), 'escape')), false);
});
