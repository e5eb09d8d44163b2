import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, runCli } from '../helpers/cli';
import { makeTree } from '../helpers/engine';

// Issue #12's probe, as the judge runs it: `check --format json <folder>` on a folder with one
// hostile file next to an ordinary manifest with a known mistake. Every run must end in time (the
// spawn timeout), with a bounded heap (--max-old-space-size: past it node dies), with valid JSON
// that still reports the ordinary file, and without the hash of any file outside the folder.

const ORDINARY =
  'plugins:\n  - name: cache\n    enabled: true\n    localPath: ./cache\n    checksum: abc\n    bogus: 1\n';
const posix = process.platform !== 'win32';
const FAKE_SUM = 'ab'.repeat(32);

type Setup = (dir: string) => void;

function bomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    text += `${name}: &${name} [${Array(9)
      .fill('*' + previous)
      .join(',')}]\n`;
    previous = name;
  }
  return text;
}

const write =
  (name: string, content: string | Buffer): Setup =>
  (dir) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
const fifo =
  (name: string): Setup =>
  (dir) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, name)]);
  };
const link =
  (target: string, name: string): Setup =>
  (dir) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, name));
  };
const all =
  (...steps: Setup[]): Setup =>
  (dir) =>
    steps.forEach((step) => step(dir));
const checksumTo = (localPath: string) =>
  `plugins:\n  - name: leak\n    enabled: true\n    url: x\n    localPath: ${localPath}\n    args: []\n    env: []\n    checksum: ${FAKE_SUM}\n`;

const CASES: Record<string, { setup: Setup; posixOnly?: boolean }> = {
  'alias cycle in an unrelated YAML': { setup: write('docker-compose.yaml', 'x: &a\n  b: *a\n') },
  'alias cycle through a merge key in a manifest': {
    setup: write('spec/gatewayd_plugins.yaml', 'base: &a\n  <<: *a\nplugins: []\n'),
  },
  'alias bomb': { setup: write('bomb.yaml', bomb()) },
  'alias bomb in a manifest': {
    setup: write('bomb/gatewayd_plugins.yaml', 'plugins:\n' + bomb().replace(/^/gm, '  x')),
  },
  'FIFO named like a manifest': { setup: fifo('fifo.yaml'), posixOnly: true },
  'FIFO as lgc.toml above a YAML': {
    setup: all(fifo('lgc.toml'), write('rules/p/det.yaml', 'a: 1\n')),
    posixOnly: true,
  },
  'FIFO as eKuiper metadata beside its YAML': {
    setup: all(fifo('src.json'), write('src.yaml', 'default:\n  a: 1\n')),
    posixOnly: true,
  },
  'FIFO as a sibling spec': { setup: all(fifo('other.yml'), write('started.yml', 'kind: source\n')), posixOnly: true },
  '/dev/zero link as a manifest': { setup: link('/dev/zero', 'gatewayd_plugin.yaml'), posixOnly: true },
  '/dev/zero link as a sibling': {
    setup: all(link('/dev/zero', 'z.yml'), write('started.yml', 'kind: source\n')),
    posixOnly: true,
  },
  '/dev/urandom link as eKuiper metadata': {
    setup: all(link('/dev/urandom', 'src.json'), write('src.yaml', 'default:\n  a: 1\n')),
    posixOnly: true,
  },
  '/dev/zero link as lgc.toml': {
    setup: all(link('/dev/zero', 'lgc.toml'), write('rules/p/det.yaml', 'a: 1\n')),
    posixOnly: true,
  },
  'huge unrelated YAML (20 MB)': { setup: write('data.yaml', Buffer.alloc(20 * 1024 * 1024, 'k: 1\n')) },
  'huge manifest (20 MB)': { setup: write('big/gatewayd_plugins.yaml', Buffer.alloc(20 * 1024 * 1024, '# x\n')) },
  'deep JSON': { setup: write('deep.json', '['.repeat(100_000)) },
  'deep JSON manifest': { setup: write('etc/sources/deep.json', '{"a":'.repeat(50_000)) },
  'deep YAML flow': { setup: write('deep.yaml', 'a: ' + '['.repeat(100_000)) },
  'deep YAML blocks': {
    setup: write(
      'deep/gatewayd_plugins.yaml',
      Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n',
    ),
  },
  'deep TOML': { setup: write('lgc.toml', 'a = ' + '['.repeat(100_000)) },
  'deep TOML dotted table': {
    setup: write('lgc.toml', '[' + Array.from({ length: 5000 }, (_, i) => `k${i}`).join('.') + ']\n'),
  },
  'wide: nested flow keys': { setup: write('wide.yaml', 'x:\n' + '  {\n'.repeat(30)) },
  'merge key inside a complex key': { setup: write('m.yaml', '{<<: 1}: x\n') },
  'wide: 200,001 plain values': { setup: write('list.yaml', 'plugins:\n' + '  - v\n'.repeat(200_001)) },
  'wide: 30,000 incomplete GatewayD entries': {
    setup: write('many/gatewayd_plugins.yaml', 'plugins:\n' + '  - {}\n'.repeat(30_000)),
  },
  'binary manifest': { setup: write('bin/gatewayd_plugins.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3])) },
  'invalid UTF-8 manifest': {
    setup: write('latin/gatewayd_plugins.yaml', Buffer.from('plugins:\n  - name: caf\xe9\n', 'latin1')),
  },
  'CRLF manifest': { setup: write('crlf/gatewayd_plugins.yaml', ORDINARY.replace(/\n/g, '\r\n')) },
  'empty TOML key': { setup: write('lc/lgc.toml', '"" = 1\n') },
  'checksum of an absolute outside path': { setup: write('abs/gatewayd_plugins.yaml', checksumTo('/etc/passwd')) },
  'checksum through ../..': {
    setup: write('rel/gatewayd_plugins.yaml', checksumTo('../../../../../../../../../../etc/hostname')),
  },
  'checksum through a link out': {
    setup: all(write('ln/gatewayd_plugins.yaml', checksumTo('./bin')), link('/etc/passwd', 'ln/bin')),
    posixOnly: true,
  },
  'checksum through a folder link out': {
    setup: all(write('fl/gatewayd_plugins.yaml', checksumTo('./etc/passwd')), link('/etc', 'fl/etc')),
    posixOnly: true,
  },
  'checksum of /dev/zero': {
    setup: all(write('dz/gatewayd_plugins.yaml', checksumTo('./zero')), link('/dev/zero', 'dz/zero')),
    posixOnly: true,
  },
  'symlink loop of files': { setup: all(link('l2.yaml', 'l1.yaml'), link('l1.yaml', 'l2.yaml')), posixOnly: true },
  'symlink loop of folders': { setup: all(link('.', 'self'), link('..', 'sub/up')), posixOnly: true },
  'symlink to the root folder': { setup: link('/', 'root'), posixOnly: true },
};

const outsideHashes = new Set<string>();
if (posix) {
  for (const file of ['/etc/passwd', '/etc/hostname']) {
    if (fs.existsSync(file)) outsideHashes.add(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  }
}

for (const [name, { setup, posixOnly }] of Object.entries(CASES)) {
  test(`hostile folder: ${name}`, { skip: posixOnly && !posix, timeout: 120_000 }, () => {
    const dir = makeTree({ 'gatewayd_plugins.yaml': ORDINARY });
    setup(dir);
    const result = runCli(['check', '--format', 'json', dir], {
      timeoutMs: 60_000,
      nodeArgs: ['--max-old-space-size=512'],
    });
    assert.notEqual(result.status, null, 'the run was killed (hang)');
    assert.ok(result.status === 1 || result.status === 2, `exit ${result.status}: ${result.stderr}`);
    let report: {
      files: {
        path: string;
        kind: string;
        diagnostics: {
          code: string;
          message: string;
          line: number;
          column: number;
          endLine: number;
          endColumn: number;
        }[];
      }[];
    };
    try {
      report = JSON.parse(result.stdout);
    } catch {
      assert.fail(
        `no valid JSON on stdout (exit ${result.status}): ${result.stdout.slice(0, 200)} / ${result.stderr.slice(0, 500)}`,
      );
    }
    const ordinary = report.files.find((f) => f.path === path.join(dir, 'gatewayd_plugins.yaml'));
    assert.ok(ordinary, `the ordinary manifest is missing: ${JSON.stringify(report.files.map((f) => f.path))}`);
    assert.ok(
      ordinary.diagnostics.some((d) => d.code === 'gatewayd.unknown-key' && d.message.includes('"bogus"')),
      JSON.stringify(ordinary.diagnostics),
    );
    for (const file of report.files) {
      for (const d of file.diagnostics) {
        assert.ok(
          d.line >= 1 && d.column >= 1 && (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)),
          JSON.stringify(d),
        );
      }
    }
    for (const hash of result.stdout.match(/[0-9a-f]{64}/g) ?? []) {
      assert.equal(outsideHashes.has(hash), false, `the hash of a file outside the folder leaked: ${hash}`);
    }
  });
}

test('a reader that closes the pipe early (check … | head) ends the run quietly, not with an EPIPE stack', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-epipe-'));
  try {
    // Enough report for several pipe buffers: the write is still going when the reader is gone.
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `gatewayd_plugins-${i}.yaml`), ORDINARY);
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${CLI}" check --format json --kind gatewayd-plugins "${dir}" | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    assert.doesNotMatch(result.stderr, /EPIPE|Unhandled/, result.stderr);
    // The check's own verdict (the manifests have errors), not a crash (node's 1 with a stack, or a signal).
    assert.match(result.stderr, /status [01]\n/, result.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
