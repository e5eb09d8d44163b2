import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/engine';
import { CLEAN, WITH_ERRORS } from '../helpers/manifests';
import { packAndInstall } from '../helpers/npm';

// The pre-commit hook as pre-commit runs it on `git commit`: the package installed from its npm
// pack (here the packed tarball, installed with --omit=dev), the staged files filtered by the hook's
// types, and the entry run with them as arguments, in a real git repository.

interface Hook {
  id: string;
  entry: string;
  language: string;
  types_or?: string[];
  files?: string;
  exclude?: string;
  pass_filenames?: boolean;
}

const HOOKS = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const HOOK = HOOKS.find((h) => h.id === 'plugin-workbench-check');
// pre-commit's file types (from the `identify` library) for the extensions we care about.
const TYPES: Record<string, string[]> = { yaml: ['.yaml', '.yml'], json: ['.json'], toml: ['.toml'] };

function git(cwd: string, ...args: string[]) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-precommit-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'Test');
  write(dir, files);
  return dir;
}

function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** The files pre-commit hands the hook on commit: staged (added, copied, modified, renamed), filtered by types_or/files/exclude. */
function stagedFilesFor(hook: Hook, dir: string): string[] {
  const staged = git(dir, 'diff', '--staged', '--name-only', '--diff-filter=ACMR', '-z').split('\0').filter(Boolean);
  const extensions = (hook.types_or ?? []).flatMap((t) => TYPES[t] ?? []);
  return staged.filter(
    (file) =>
      (!hook.types_or || extensions.includes(path.extname(file))) &&
      (!hook.files || new RegExp(hook.files).test(file)) &&
      (!hook.exclude || !new RegExp(hook.exclude).test(file)),
  );
}

function runHook(dir: string) {
  assert.ok(HOOK);
  const [command, ...args] = HOOK.entry.split(/\s+/);
  const files = HOOK.pass_filenames === false ? [] : stagedFilesFor(HOOK, dir);
  const { env } = packAndInstall();
  const result = spawnSync(command, [...args, ...files], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { ...result, files };
}

test('.pre-commit-hooks.yaml declares plugin-workbench-check, a node hook whose entry is the package bin', () => {
  assert.ok(HOOK, 'no hook with id plugin-workbench-check');
  assert.equal(HOOK.language, 'node');
  const bin = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }
  ).bin;
  assert.ok(HOOK.entry.split(/\s+/)[0] in bin, `${HOOK.entry} does not start with a bin of the package`);
  assert.deepEqual(HOOK.types_or, ['yaml', 'json', 'toml']);
});

test('the hook fails on a staged broken manifest, ignores unstaged files and other YAML, and passes once fixed', () => {
  const dir = repo({
    'deploy/gatewayd_plugins.yaml': WITH_ERRORS['gatewayd_plugins.yaml'],
    'docker-compose.yml': 'services:\n  db:\n    image: postgres\n',
    'README.md': '# notes\n',
    'sync.yml': CLEAN['sync.yml'],
  });
  git(dir, 'add', 'deploy/gatewayd_plugins.yaml', 'docker-compose.yml', 'README.md');
  // Broken, but never staged: not the hook's business.
  write(dir, { 'other/gatewayd_plugins.yaml': WITH_ERRORS['gatewayd_plugins.yaml'] });

  const failing = runHook(dir);
  assert.deepEqual(failing.files.sort(), ['deploy/gatewayd_plugins.yaml', 'docker-compose.yml']);
  assert.equal(failing.status, 1, failing.stderr);
  assert.match(failing.stdout, /^deploy\/gatewayd_plugins\.yaml:1:\d+: error gatewayd\.invalid-value/m);
  assert.doesNotMatch(failing.stdout, /other\/|docker-compose/);

  // Fix and stage the manifest, stage the clean spec too: the hook passes.
  write(dir, { 'deploy/gatewayd_plugins.yaml': 'defaultPolicy: passthrough\nplugins: []\n' });
  git(dir, 'add', 'deploy/gatewayd_plugins.yaml', 'sync.yml');
  const passing = runHook(dir);
  assert.ok(passing.files.includes('sync.yml'));
  assert.equal(passing.status, 0, passing.stdout + passing.stderr);
});
