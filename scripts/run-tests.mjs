// Runs every suite with node's test runner over the compiled tests in out/test. Suites that need
// a real VS Code run separately (npm run test:e2e) and are called from here when asked.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const suites = ['out/test/unit', 'out/test/cli', 'out/test/corpus', 'out/test/lsp'].filter((dir) => existsSync(dir));
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...suites], { stdio: 'inherit' });
process.exit(result.status ?? 1);
