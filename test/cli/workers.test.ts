import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';

// Worker threads must not change what `check` says: same stdout, stderr and exit code, same order.
test('check on worker threads gives the same output, order and exit code as one thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-workers-'));
  for (let folder = 0; folder < 3; folder++) {
    const sub = path.join(dir, `project-${folder}`);
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'gatewayd_plugins.yaml'), 'plugins:\n  - name: a\n    localPath: ./missing\n');
    for (let i = 0; i < 8; i++) {
      // Every third source names a destination that is in no spec of its folder: an error.
      const destination = i % 3 === 0 ? 'nowhere' : `dest-${folder}`;
      fs.writeFileSync(
        path.join(sub, `spec-${i}.yml`),
        `kind: source\nspec:\n  name: src-${i}\n  path: cloudquery/aws\n  version: v22.0.0\n  tables: ["*"]\n  destinations: [${destination}]\n`,
      );
    }
    fs.writeFileSync(
      path.join(sub, 'dest.yml'),
      `kind: destination\nspec:\n  name: dest-${folder}\n  path: cloudquery/postgresql\n  version: v8.0.0\n  spec: {}\n`,
    );
    fs.writeFileSync(path.join(sub, 'binary.yml'), Buffer.from([0, 1, 2, 255, 0]));
  }
  const run = (workers: string) =>
    runCli(['check', '--format', 'json', dir, path.join(dir, 'does-not-exist')], {
      env: { PLUGIN_WORKBENCH_WORKERS: workers },
    });
  const single = run('0');
  const threaded = run('4');
  assert.equal(single.status, 2); // the missing path
  assert.ok(JSON.parse(single.stdout).files.length >= 30, single.stdout.slice(0, 500));
  assert.equal(threaded.status, single.status);
  assert.equal(threaded.stdout, single.stdout);
  assert.equal(threaded.stderr, single.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
});
