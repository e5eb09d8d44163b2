// The `plugin-workbench` command (dist/cli.js): loads the CLI bundle (dist/cli-main.js) with the V8
// code cache the build made of it (dist/cli-main.js.cache, see scripts/code-cache.mjs). A check is
// a short process that spends much of its time compiling the functions it runs for the first time;
// with the cache V8 takes their bytecode instead. A cache made by another Node version, or with
// other V8 flags, is rejected by V8 and the bundle is compiled as without one. V8 checks only the
// source's length, so the cache starts with the SHA-256 of the bundle it was made from: a bundle
// changed since (rebuilt, edited, copied over) never runs with another one's bytecode.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

export interface LoadedCli {
  main: (argv: string[], io?: { stdout(text: string): void; stderr(text: string): void }) => Promise<number>;
  run: () => void;
  /** The compiled bundle, whose `createCachedData()` the build writes after a run. */
  script: Script;
  /** Whether V8 refused the cache (another Node version or flags); undefined without one. */
  cacheRejected: boolean | undefined;
}

export const BUNDLE = path.join(__dirname, 'cli-main.js');
export const CODE_CACHE = `${BUNDLE}.cache`;

const DIGEST_BYTES = 32;

/**
 * Loads the bundle as Node would load it (CommonJS wrapper, its own module and require), with the
 * code cache file's contents when it was made from this bundle.
 */
export function loadCli(cacheFile: Buffer | undefined): LoadedCli {
  const bytes = fs.readFileSync(BUNDLE);
  const source = bytes.toString('utf8');
  const made =
    cacheFile && cacheFile.length > DIGEST_BYTES && digest(bytes).equals(cacheFile.subarray(0, DIGEST_BYTES));
  const cachedData = made ? cacheFile.subarray(DIGEST_BYTES) : undefined;
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const bundleRequire = createRequire(BUNDLE);
  compiled.call(bundle.exports, bundle.exports, bundleRequire, bundle, BUNDLE, __dirname);
  bundle.loaded = true;
  const exports = bundle.exports as Pick<LoadedCli, 'main' | 'run'>;
  return { ...exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

/** What the build writes to CODE_CACHE after a run of the bundle loaded by loadCli. */
export function codeCacheFile(cli: LoadedCli): Buffer {
  return Buffer.concat([digest(fs.readFileSync(BUNDLE)), cli.script.createCachedData()]);
}

const digest = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

function readCache(): Buffer | undefined {
  try {
    return fs.readFileSync(CODE_CACHE);
  } catch {
    return undefined; // a build without one (or a copy without it): compiled as usual
  }
}

if (require.main === module) loadCli(readCache()).run();
