import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree } from '../helpers/engine';

// Issue #12 item 18: every file the CLI cannot check is named on stderr, with the real reason.

const BROKEN = 'plugins:\n  - name: cache\n    bogus: 1\n';
const posix = process.platform !== 'win32';
// Permissions mean nothing to root: the unreadable-folder case runs as nobody.
const asNobody = posix && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

test('#18 an unreadable folder is reported and exits 2, the readable ones are still checked', { skip: !posix }, () => {
  const dir = makeTree({ 'ok/gatewayd_plugins.yaml': BROKEN, 'locked/gatewayd_plugins.yaml': BROKEN });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  for (const sub of ['ok', '']) fs.chmodSync(path.join(dir, sub), 0o755);
  fs.chmodSync(path.join(dir, 'ok', 'gatewayd_plugins.yaml'), 0o644);
  const result = runCli(['check', '--format', 'json', dir], { cwd: os.tmpdir(), ...asNobody });
  fs.chmodSync(path.join(dir, 'locked'), 0o755);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /cannot read folder .*locked: permission denied/);
  assert.deepEqual(
    JSON.parse(result.stdout).files.map((f: { path: string }) => path.relative(dir, f.path)),
    [path.join('ok', 'gatewayd_plugins.yaml')],
  );
});

test('#18 EACCES and ELOOP are named as such, not as a missing file', { skip: !posix }, () => {
  const dir = makeTree({ 'gatewayd_plugins.yaml': BROKEN });
  fs.symlinkSync('b.yaml', path.join(dir, 'a.yaml'));
  fs.symlinkSync('a.yaml', path.join(dir, 'b.yaml'));
  const loop = runCli(['check', 'a.yaml'], { cwd: dir });
  assert.equal(loop.status, 2);
  assert.match(loop.stderr, /a\.yaml: too many levels of symbolic links/);
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'gatewayd_plugins.yaml'), 0o000);
  const denied = runCli(['check', path.join(dir, 'gatewayd_plugins.yaml')], { cwd: os.tmpdir(), ...asNobody });
  assert.equal(denied.status, 2);
  assert.match(denied.stderr, /permission denied/);
  const missing = runCli(['check', 'nope.yaml'], { cwd: dir });
  assert.match(missing.stderr, /nope\.yaml: no such file or folder/);
});

test(
  '#18 binary, non-UTF-8, oversized and non-regular manifests in a walk are named on stderr and counted',
  { skip: !posix },
  () => {
    const dir = makeTree({
      'a/gatewayd_plugins.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]),
      'b/gatewayd_plugins.yaml': Buffer.from('plugins: caf\xe9\n', 'latin1'),
      'c/gatewayd_plugins.yaml': Buffer.alloc(6 * 1024 * 1024, '#\n'),
      'gatewayd_plugins.yaml': BROKEN,
    });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const result = runCli(['check', '--format', 'json', dir]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /skipped .*a\/gatewayd_plugins\.yaml: file is binary/);
    assert.match(result.stderr, /skipped .*b\/gatewayd_plugins\.yaml: file is not valid UTF-8/);
    assert.match(result.stderr, /skipped .*c\/gatewayd_plugins\.yaml: file is 6\.0 MB, larger than the 5 MB limit/);
    assert.match(result.stderr, /skipped .*zero\.yaml: not a regular file/);
    assert.match(result.stderr, /4 files skipped/);
    assert.equal(JSON.parse(result.stdout).files.length, 1);
  },
);

test('#18 a symlinked manifest is checked once, a linked folder loop is walked once', { skip: !posix }, () => {
  const dir = makeTree({ 'real/gatewayd_plugins.yaml': BROKEN });
  fs.symlinkSync('real/gatewayd_plugins.yaml', path.join(dir, 'gatewayd_plugins.yaml'));
  fs.symlinkSync('..', path.join(dir, 'real', 'up'));
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'again'));
  const result = runCli(['check', '--format', 'json', dir]);
  assert.equal(result.status, 1, result.stderr);
  const paths = JSON.parse(result.stdout).files.map((f: { path: string }) => path.relative(dir, f.path));
  // Three ways to reach one file (a file link, a folder link, the real path): reported once.
  assert.equal(paths.length, 1, JSON.stringify(paths));
});

test('#18 new --dir <file> says it is not a folder', () => {
  const dir = makeTree({ 'file.txt': 'x' });
  const result = runCli(['new', 'gatewayd-plugin-go', '--name', 'my-plugin', '--dir', path.join(dir, 'file.txt')]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /file\.txt is not a folder/);
  assert.doesNotMatch(result.stderr, /does not exist/);
});

test('#17 new with a 250-character name: a clear usage message, no stack trace', () => {
  const dir = makeTree({});
  const result = runCli(['new', 'gatewayd-plugin-go', '--name', 'a'.repeat(250), '--dir', dir]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /at most 100 characters/);
  assert.doesNotMatch(result.stderr, /internal error|ENAMETOOLONG|    at /);
  assert.deepEqual(fs.readdirSync(dir), []);
});
