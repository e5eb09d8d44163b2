import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli';
import { makeTree, REPO_ROOT } from '../helpers/engine';
import { CLEAN, WITH_ERRORS, WITH_WARNING } from '../helpers/manifests';
import { packAndInstall } from '../helpers/npm';
import { assertValidSarif } from '../helpers/sarif';

// action.yml run the way a GitHub runner runs a composite action: its step's env with the
// `${{ inputs.* }}` expressions filled in (given value or the input's default), its `run` under
// `bash -eo pipefail`, GITHUB_ACTION_PATH at the action's folder, GITHUB_OUTPUT a file.

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id?: string; shell: string; env?: Record<string, string>; run: string }> };
}

const ACTION = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml;

function runAction(
  workspace: string,
  inputs: Record<string, string>,
  options: { actionPath?: string; env?: NodeJS.ProcessEnv } = {},
) {
  for (const name of Object.keys(inputs)) assert.ok(name in ACTION.inputs, `action.yml has no input ${name}`);
  const value = (name: string) => inputs[name] ?? ACTION.inputs[name].default ?? '';
  const output = path.join(fs.mkdtempSync(path.join(path.dirname(workspace), 'gh-')), 'output');
  fs.writeFileSync(output, '');
  const [step] = ACTION.runs.steps;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    GITHUB_ACTION_PATH: options.actionPath ?? REPO_ROOT,
    GITHUB_OUTPUT: output,
    GITHUB_WORKSPACE: workspace,
  };
  for (const [key, expression] of Object.entries(step.env ?? {})) {
    env[key] = expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => value(name));
  }
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
    cwd: workspace,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  const outputs = Object.fromEntries(
    fs
      .readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

test('action.yml is a composite action with the documented inputs, and one bash step running scripts/ci/check.sh', () => {
  assert.equal(ACTION.runs.using, 'composite');
  assert.deepEqual(Object.keys(ACTION.inputs).sort(), ['fail-on', 'format', 'paths', 'sarif-file', 'version']);
  assert.deepEqual(Object.keys(ACTION.outputs).sort(), ['errors', 'sarif-file', 'warnings']);
  const [step] = ACTION.runs.steps;
  assert.equal(step.shell, 'bash');
  assert.match(step.run, /scripts\/ci\/check\.sh/);
  for (const output of Object.values(ACTION.outputs))
    assert.match(output.value, new RegExp(`steps\\.${step.id}\\.outputs\\.`));
});

test('errors: exit 1 with fail-on error, a valid SARIF file with the same results as the CLI, and outputs', () => {
  const workspace = makeTree({ ...WITH_ERRORS, ...WITH_WARNING });
  const result = runAction(workspace, {});
  assert.equal(result.status, 1, result.stderr);
  const log = assertValidSarif(fs.readFileSync(path.join(workspace, 'plugin-workbench.sarif'), 'utf8'));
  const cli = JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: workspace }).stdout) as {
    files: Array<{ diagnostics: Array<{ code: string; severity: string }> }>;
  };
  const diagnostics = cli.files.flatMap((f) => f.diagnostics);
  assert.deepEqual(log.runs[0].results.map((r) => r.ruleId).sort(), diagnostics.map((d) => d.code).sort());
  assert.equal(result.outputs['errors'], String(diagnostics.filter((d) => d.severity === 'error').length));
  assert.equal(result.outputs['warnings'], '1');
  assert.equal(result.outputs['sarif-file'], 'plugin-workbench.sarif');
  // The log shows the text report (format: text).
  assert.match(result.stdout, /^gatewayd_plugins\.yaml:1:\d+: error gatewayd\.invalid-value/m);
});

test('fail-on decides the exit code: a warning fails only with fail-on warning; none never fails on findings', () => {
  const warning = makeTree(WITH_WARNING);
  assert.equal(runAction(warning, { 'fail-on': 'error' }).status, 0);
  const failed = runAction(warning, { 'fail-on': 'warning' });
  assert.equal(failed.status, 1, failed.stderr);
  assert.match(failed.stderr, /0 error\(s\), 1 warning\(s\)/);
  assert.equal(runAction(makeTree(WITH_ERRORS), { 'fail-on': 'none' }).status, 0);
  const cleanWorkspace = makeTree(CLEAN);
  const clean = runAction(cleanWorkspace, { 'fail-on': 'warning' });
  assert.equal(clean.status, 0, clean.stderr);
  assert.deepEqual(
    assertValidSarif(fs.readFileSync(path.join(cleanWorkspace, 'plugin-workbench.sarif'), 'utf8')).runs[0].results,
    [],
  );
});

test('paths (space and newline separated), format json, a custom sarif-file; an empty sarif-file writes none', () => {
  const workspace = makeTree({
    ...Object.fromEntries(Object.entries(WITH_ERRORS).map(([k, v]) => [`a/${k}`, v])),
    'b/sync.yml': WITH_WARNING['sync.yml'],
    'c/sync.yml': WITH_ERRORS['gatewayd_plugins.yaml'],
  });
  const result = runAction(workspace, {
    paths: 'a\n  b',
    format: 'json',
    'sarif-file': 'out/scan.sarif',
    'fail-on': 'warning',
  });
  assert.equal(result.status, 1, result.stderr);
  const report = JSON.parse(result.stdout) as { files: Array<{ path: string }> };
  assert.deepEqual(report.files.map((f) => f.path).sort(), ['a/gatewayd_plugins.yaml', 'b/sync.yml']);
  const log = assertValidSarif(fs.readFileSync(path.join(workspace, 'out', 'scan.sarif'), 'utf8'));
  assert.deepEqual(
    [...new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))].sort(),
    ['a/gatewayd_plugins.yaml', 'b/sync.yml'],
  );
  assert.equal(result.outputs['sarif-file'], 'out/scan.sarif');
  const none = runAction(workspace, { paths: 'b', 'sarif-file': '' });
  assert.equal(none.status, 0, none.stderr);
  assert.ok(!fs.existsSync(path.join(workspace, 'plugin-workbench.sarif')));
});

test('bad input exits 2 with a message: unknown fail-on, unknown format, a missing path', () => {
  const workspace = makeTree(CLEAN);
  const failOn = runAction(workspace, { 'fail-on': 'fatal' });
  assert.equal(failOn.status, 2);
  assert.match(failOn.stderr, /fail-on must be error, warning or none/);
  assert.equal(runAction(workspace, { format: 'xml' }).status, 2);
  const missing = runAction(workspace, { paths: 'no-such-folder' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read no-such-folder/);
});

test('without a built dist/ the action runs the npm package of its version (here the packed tarball via npx)', () => {
  // A copy of the action as GitHub checks it out: no dist/, no node_modules.
  const { tarball, env } = packAndInstall();
  const action = fs.mkdtempSync(path.join(path.dirname(tarball), 'action-'));
  fs.cpSync(path.join(REPO_ROOT, 'action.yml'), path.join(action, 'action.yml'));
  fs.cpSync(path.join(REPO_ROOT, 'package.json'), path.join(action, 'package.json'));
  fs.cpSync(path.join(REPO_ROOT, 'scripts', 'ci'), path.join(action, 'scripts', 'ci'), { recursive: true });
  const workspace = makeTree(WITH_ERRORS);
  const result = runAction(
    workspace,
    { version: tarball },
    { actionPath: action, env: { ...env, PATH: process.env.PATH } },
  );
  assert.equal(result.status, 1, result.stderr);
  assert.ok(
    assertValidSarif(fs.readFileSync(path.join(workspace, 'plugin-workbench.sarif'), 'utf8')).runs[0].results.length >
      0,
  );
});
