// Makes dist/cli-main.js.cache, the V8 code cache dist/cli.js loads the CLI bundle with (see
// server/src/cli/launcher.ts): the bundle is loaded, checks the bundled examples (the five systems'
// manifests, so the functions a check runs are compiled), and its compiled code is written out.
// Run by the build after the bundles; a failure leaves no cache (the CLI then compiles as usual).
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadCli, codeCacheFile, CODE_CACHE } = require('../dist/cli.js');
rmSync(CODE_CACHE, { force: true });
const cli = loadCli(undefined);
const quiet = { stdout() {}, stderr() {} };
for (const format of ['text', 'json', 'sarif']) {
  const code = await cli.main(['check', '--format', format, 'examples'], quiet);
  if (code === 2) throw new Error(`check --format ${format} examples exited 2`);
}
writeFileSync(CODE_CACHE, codeCacheFile(cli));
