import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/engine';
import { run } from '../helpers/fuzzer';

// Bounded and seeded, so `npm test` is repeatable; `npm run fuzz -- --count 200000 --seed N` for long runs.
const COUNT = Number(process.env.PLUGIN_WORKBENCH_FUZZ_COUNT ?? 300);
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 12);

test(
  `fuzz: ${COUNT} mutated documents through the engine and the features, seed ${SEED}`,
  { timeout: 600_000 },
  async () => {
    const result = await run({ seed: SEED, count: COUNT, failures: path.join(REPO_ROOT, 'out', 'fuzz-failures') });
    assert.equal(result.documents, COUNT);
    assert.deepEqual(
      result.failures,
      [],
      `${result.failures.length} failing inputs:\n${result.failures.slice(0, 20).join('\n')}`,
    );
  },
);
