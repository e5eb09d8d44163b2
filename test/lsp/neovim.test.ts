import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree, REPO_ROOT } from '../helpers/engine';

// Another editor than VS Code: a real Neovim (Debian's `neovim`, installed by
// test/e2e/harness/setup.sh) starts `node dist/server.js --stdio` as its LSP server, shows our
// diagnostics through vim.diagnostic.get() and completes `defaultPolicy: `. In CI a missing nvim fails.

const BROKEN = [
  'enableMetricsMerger: true',
  'defaultPolicy: passthru',
  'plugins:',
  '  - name: cache',
  '    enabled: true',
  '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest',
  '    localPath: ./cache',
  '    args: ["--log-level", "info"]',
  '    env:',
  '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
  '    checksum: abc',
  '',
].join('\n');

interface NvimResult {
  filetype: string;
  got_diagnostics: boolean;
  diagnostics: Array<{ line: number; col: number; code: string; severity: number; source: string; message: string }>;
  items: string[];
  position: { line: number; character: number };
  errors: string[];
}

function nvimVersion(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : undefined;
}

test('Neovim: diagnostics of a broken gatewayd_plugins.yaml at their lines with our codes, completion of defaultPolicy', (t) => {
  const version = nvimVersion();
  if (!version) {
    if (process.env.CI) assert.fail("nvim is not installed: test/e2e/harness/setup.sh installs Debian's neovim");
    t.skip('nvim is not installed (apt-get install neovim); in CI this fails');
    return;
  }
  const dir = makeTree({ 'gatewayd_plugins.yaml': BROKEN });
  const out = path.join(dir, 'result.json');
  const run = spawnSync(
    'nvim',
    ['--headless', '--clean', '-i', 'NONE', '-u', path.join(REPO_ROOT, 'test', 'editors', 'neovim.lua')],
    {
      cwd: dir,
      env: {
        ...process.env,
        PW_SERVER: path.join(REPO_ROOT, 'dist', 'server.js'),
        PW_FILE: path.join(dir, 'gatewayd_plugins.yaml'),
        PW_OUT: out,
        XDG_STATE_HOME: dir,
        XDG_DATA_HOME: dir,
      },
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  assert.ok(fs.existsSync(out), `${version} wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.filetype, 'yaml');
  assert.ok(result.got_diagnostics, 'no diagnostics arrived in Neovim');

  // The same problems as the CLI reports for this file: lines (0-based in Neovim) and codes.
  const cli = JSON.parse(runCli(['check', '--format', 'json', 'gatewayd_plugins.yaml'], { cwd: dir }).stdout) as {
    files: Array<{ diagnostics: Array<{ line: number; column: number; code: string }> }>;
  };
  const expected = cli.files[0].diagnostics.map((d) => `${d.line - 1}:${d.column - 1} ${d.code}`).sort();
  assert.deepEqual(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`).sort(), expected);
  const at = (code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => d.line);
  assert.deepEqual(at('gatewayd.invalid-value'), [1]);
  assert.deepEqual(at('gatewayd.checksum-format'), [10]);
  assert.ok(at('gatewayd.magic-cookie').length > 0, JSON.stringify(result.diagnostics));
  assert.ok(
    result.diagnostics.some((d) => d.severity === 1),
    'errors arrive with severity Error',
  );

  assert.deepEqual(result.position, { line: 1, character: 'defaultPolicy: '.length });
  assert.ok(
    result.items.includes('passthrough') && result.items.includes('terminate'),
    `completion items: ${result.items.join(', ')}`,
  );
});
