import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { makeTree, REPO_ROOT } from '../helpers/engine';
import { CLEAN, WITH_ERRORS } from '../helpers/manifests';
import { packAndInstall } from '../helpers/npm';

// The recipes in docs/ci.md marked `<!-- tested: ... -->`, run as written, except that
// `npx --yes plugin-workbench` gets `--package <the packed tarball>` (the package is not on the
// registry from here).

const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');

function block(name: string): string {
  const match = new RegExp(`<!-- tested: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  assert.ok(match, `docs/ci.md has no block marked tested: ${name}`);
  const { tarball } = packAndInstall();
  assert.match(match[1], /npx --yes plugin-workbench/);
  return match[1].split('npx --yes plugin-workbench').join(`npx --yes --package ${tarball} plugin-workbench`);
}

function sh(script: string, cwd: string) {
  // Without the global install on PATH: npx installs the tarball as it would the registry package.
  const env = { ...packAndInstall().env, PATH: process.env.PATH };
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

test('GitLab CI job: the code quality artifact is written and the job fails on errors, passes when clean', () => {
  const job = (
    parse(block('gitlab')) as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>
  )['plugin-workbench'];
  const runJob = (cwd: string) => {
    for (const line of job.script) {
      const result = sh(line, cwd);
      if (result.status !== 0) return result.status;
    }
    return 0;
  };
  const broken = makeTree({ ...WITH_ERRORS, ...CLEAN });
  assert.equal(runJob(broken), 1);
  const issues = JSON.parse(fs.readFileSync(path.join(broken, job.artifacts.reports.codequality), 'utf8')) as Array<{
    check_name: string;
    location: { path: string };
  }>;
  assert.ok(
    issues.some((i) => i.check_name === 'gatewayd.invalid-value' && i.location.path === 'gatewayd_plugins.yaml'),
    JSON.stringify(issues),
  );
  const clean = makeTree(CLEAN);
  assert.equal(runJob(clean), 0);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(clean, job.artifacts.reports.codequality), 'utf8')), []);
});

test('the shell recipe exits 1 on errors and 0 when clean', () => {
  const recipe = block('shell');
  const broken = sh(recipe, makeTree(WITH_ERRORS));
  assert.equal(broken.status, 1, broken.stderr);
  assert.match(broken.stdout, /gatewayd\.invalid-value/);
  assert.equal(sh(recipe, makeTree(CLEAN)).status, 0);
});

test('the git hook recipe blocks a real commit of a broken manifest and lets a fixed one through', () => {
  const dir = makeTree({ 'deploy/gatewayd_plugins.yaml': WITH_ERRORS['gatewayd_plugins.yaml'], 'notes.yml': 'a: 1\n' });
  const git = (...args: string[]) => sh(`git ${args.map((a) => `'${a}'`).join(' ')}`, dir);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  fs.writeFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), block('git-hook'), { mode: 0o755 });
  git('add', '.');
  const refused = git('commit', '-q', '-m', 'broken');
  assert.equal(refused.status, 1, refused.stderr);
  // git runs hooks with their stdout on stderr.
  assert.match(refused.stderr, /deploy\/gatewayd_plugins\.yaml:1:\d+: error/);
  fs.writeFileSync(path.join(dir, 'deploy', 'gatewayd_plugins.yaml'), 'defaultPolicy: passthrough\nplugins: []\n');
  git('add', '.');
  const accepted = git('commit', '-q', '-m', 'fixed');
  assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  assert.match(git('log', '--oneline').stdout, /fixed/);
});
