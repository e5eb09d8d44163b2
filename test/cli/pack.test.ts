import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/engine';
import { packAndInstall, run } from '../helpers/npm';
import { assertValidSarif } from '../helpers/sarif';

// The published package as a user gets it: `npm pack`, then `npm install -g --omit=dev` of the
// tarball into an empty prefix, and the installed bin run from a folder outside the clone.

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** A folder of broken manifests outside the clone: the examples (their broken/ copies among them). */
function brokenManifests(dir: string): string {
  const target = path.join(dir, 'work', 'manifests');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), target, { recursive: true });
  return target;
}

test('the tarball holds the bundles, schemas and templates, and nothing of node_modules', () => {
  const { tarball } = packAndInstall();
  const list = run('tar', ['tzf', tarball], { cwd: path.dirname(tarball), env: process.env }).stdout.split('\n');
  for (const file of [
    'package/dist/cli.js',
    'package/dist/server.js',
    'package/schemas/gatewayd-plugins.schema.json',
    'package/dist/templates/index.json',
    'package/README.md',
    'package/LICENSE',
  ]) {
    assert.ok(list.includes(file), `${file} missing from the tarball`);
  }
  assert.ok(!list.some((f) => f.includes('node_modules/')), 'the tarball bundles node_modules');
});

test('npm install -g --omit=dev installs no dependency: the bundles need none', () => {
  const { bin } = packAndInstall();
  const installed = path.join(path.dirname(bin), '..', 'lib', 'node_modules', 'plugin-workbench');
  assert.ok(fs.existsSync(path.join(installed, 'dist', 'cli.js')));
  const deps = fs.existsSync(path.join(installed, 'node_modules'))
    ? fs.readdirSync(path.join(installed, 'node_modules'))
    : [];
  assert.deepEqual(deps, [], 'dist/*.js bundle their libraries; list these under devDependencies, not dependencies');
});

test('the installed bin checks a folder of broken manifests: SARIF 2.1.0 with problems of all five systems, exit 1', () => {
  const { bin, dir, env } = packAndInstall();
  const manifests = brokenManifests(dir);
  const result = run('plugin-workbench', ['check', '--format', 'sarif', '.'], { cwd: manifests, env });
  assert.equal(result.status, 1, result.stderr);
  assert.ok(fs.realpathSync(bin).startsWith(fs.realpathSync(dir)));
  const log = assertValidSarif(result.stdout);
  assert.equal(log.runs[0].tool.driver.version, VERSION);
  const systems = new Set(log.runs[0].results.map((r) => r.ruleId.split('.')[0]));
  assert.deepEqual([...systems].sort(), ['anklet', 'cloudquery', 'ekuiper', 'gatewayd', 'logcraft']);
  const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
  assert.ok(uris.includes('cloudquery/broken/sync.yml'), uris.join(' '));
  // Templates travel in the package too.
  const templates = run('plugin-workbench', ['new', '--list'], { cwd: manifests, env });
  assert.equal(templates.status, 0, templates.stderr);
  assert.match(templates.stdout, /gatewayd-plugin-go/);
});

test('npx --package <tarball> plugin-workbench --version runs from an empty folder', () => {
  const { dir, tarball, env } = packAndInstall();
  const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
  // Without the global install on PATH, so npx must install the tarball itself.
  const result = run('npx', ['--yes', '--package', tarball, 'plugin-workbench', '--version'], {
    cwd: empty,
    env: { ...env, PATH: process.env.PATH },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), VERSION);
});

test('the installed plugin-workbench-server bin answers an LSP initialize on stdio (what other editors start)', async () => {
  const { bin, env } = packAndInstall();
  const server = spawn(path.join(path.dirname(bin), 'plugin-workbench-server'), ['--stdio'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  try {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const response = await new Promise<{ result: { capabilities: Record<string, unknown> } }>((resolve, reject) => {
      let buffer = Buffer.alloc(0);
      server.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        // Frames: Content-Length header, blank line, body; the server may log before it answers.
        for (;;) {
          const header = buffer.indexOf('\r\n\r\n');
          const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
          if (header < 0 || buffer.length < header + 4 + length) return;
          const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
          buffer = buffer.subarray(header + 4 + length);
          if (message.id === 1) resolve(message);
        }
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    assert.ok(response.result.capabilities.completionProvider, JSON.stringify(response));
  } finally {
    server.kill();
  }
});
