// The same extension-host suite under @vscode/test-electron, for machines that can download
// VS Code (this one cannot: it reaches only the npm registry and Debian's packages, so there the
// code-server harness runs it instead). Runs the "vsix" suite against this checkout.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-electron-'));
const workspace = path.join(base, 'workspace');
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
fs.writeFileSync(path.join(workspace, 'checksum-case', 'plugin-bin'), 'not the binary the checksum was computed for\n');
const results = path.join(base, 'results.json');

try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { PW_E2E_SUITE: 'vsix', PW_E2E_RESULTS: results },
  });
  const { tests } = JSON.parse(fs.readFileSync(results, 'utf8'));
  const failed = tests.filter((t) => t.state === 'failed').length;
  const skipped = tests.filter((t) => t.state === 'skipped');
  for (const t of skipped) console.log(`skipped - ${t.title} (needs the code-server harness)`);
  console.log(
    `electron e2e: ${tests.length - failed - skipped.length} passed, ${failed} failed, ${skipped.length} skipped`,
  );
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(`electron e2e could not run: ${error.message ?? error}`);
  process.exit(1);
}
