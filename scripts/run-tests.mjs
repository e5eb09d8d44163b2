// Runs every suite: unit, cli, corpus and lsp with Node's test runner over the compiled tests in
// out/test, then the end-to-end suite inside a real VS Code (test/e2e/harness). Prints one closing
// line with the totals; exits non-zero if any suite fails or cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const skipE2e = process.argv.includes('--no-e2e');
const suites = ['out/test/unit', 'out/test/cli', 'out/test/corpus', 'out/test/lsp', 'out/test/oracle', 'out/test/fuzz'];
const missing = suites.filter((dir) => !existsSync(dir));
if (missing.length) {
  console.error(`test suites missing: ${missing.join(', ')} (run npm run compile)`);
  process.exit(1);
}
// Tools the suites call (gofmt, Chromium, code-server): installed once, quick when present.
const setup = spawnSync('bash', ['test/e2e/harness/setup.sh'], { stdio: 'inherit' });
if (setup.status !== 0) {
  console.error('test setup failed: the suites need the tools test/e2e/harness/setup.sh installs');
  process.exit(1);
}
// tsc -b never deletes outputs, so a test moved or removed in the sources would still run from out/:
// run only the compiled tests whose .ts source exists.
const testFiles = suites.flatMap((dir) =>
  readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => join(dir, file))
    .filter((file) => {
      const source = relative('out', file).replace(/\.js$/, '.ts');
      if (existsSync(source)) return true;
      console.error(`skipping ${file}: its source ${source} no longer exists (stale build output)`);
      return false;
    }),
);
const tap = join(mkdtempSync(join(tmpdir(), 'pw-tests-')), 'results.tap');
const node = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...testFiles,
  ],
  { stdio: 'inherit' },
);
const tapText = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (name) => Number((tapText.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
let passed = count('pass');
let failed = count('fail');
if (node.status !== 0 && failed === 0) failed = 1; // the runner itself failed

if (!skipE2e) {
  const e2e = spawnSync(process.execPath, ['test/e2e/harness/run-code-server.mjs'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(e2e.stdout);
  const match = /e2e: (\d+) passed, (\d+) failed/.exec(e2e.stdout);
  passed += match ? Number(match[1]) : 0;
  failed += match ? Number(match[2]) : 0;
  if (e2e.status !== 0 && !(match && Number(match[2]) > 0)) failed += 1; // the harness itself failed
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
