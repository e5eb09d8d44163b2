import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  error?: string;
  durationMs?: number;
}

/**
 * Entry point VS Code calls in the extension host (code-server or @vscode/test-electron). Runs
 * the suite named by PW_E2E_SUITE and writes the results to PW_E2E_RESULTS for the harness.
 */
export async function run(): Promise<void> {
  const suite = process.env.PW_E2E_SUITE ?? 'vsix';
  const resultsFile = process.env.PW_E2E_RESULTS;
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false });
  const files =
    suite === 'untrusted'
      ? ['untrusted.test.js']
      : suite === 'first-run'
        ? ['first-run.test.js']
        : ['main.test.js', 'editor.test.js'];
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const tests: TestResult[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) }),
    );
    // Under the code-server harness every test must run: a skipped one counts as failed there.
    runner.on('pending', (test) =>
      tests.push(
        process.env.PW_E2E_MARKERS
          ? { title: test.fullTitle(), state: 'failed', error: 'skipped, but the code-server harness runs every test' }
          : { title: test.fullTitle(), state: 'skipped' },
      ),
    );
  });
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ suite, tests }, null, 2));
  const failed = tests.filter((t) => t.state === 'failed').length;
  if (failed) throw new Error(`${failed} e2e test(s) failed`);
}
