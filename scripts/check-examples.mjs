// The main job on the bundled examples: `plugin-workbench check examples`. The examples' broken/
// folders hold deliberate mistakes, so exit code 1 (errors found) is the expected outcome; only a
// usage error or a crash (exit 2) fails this script.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', ...process.argv.slice(2), 'examples'], {
  stdio: 'inherit',
});
if (result.status === 0 || result.status === 1) {
  console.log(
    '\nDone: the errors above are the deliberate mistakes in examples/*/broken and examples/gatewayd/gatewayd_plugins.yaml.',
  );
  process.exit(0);
}
process.exit(result.status ?? 2);
