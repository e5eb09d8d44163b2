import * as path from 'node:path';
import { REPO_ROOT } from './engine';
import { run } from './fuzzer';

// `npm run fuzz -- [--count N] [--seed N] [--only I]`: long runs and single repros.
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const seed = value('--seed') ?? Date.now() % 100_000;
  const count = value('--count') ?? 10_000;
  const only = value('--only');
  const failures = path.join(REPO_ROOT, 'out', 'fuzz-failures');
  const started = Date.now();
  const result = await run({ seed, count, only, failures, log: (line) => console.log(line) });
  console.log(
    `fuzz: ${result.documents} documents, seed ${seed}, ${result.failures.length} failing (written to ${failures}), slowest ${result.slowest.toFixed(0)} ms CPU, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exitCode = result.failures.length ? 1 : 0;
}

void main();
