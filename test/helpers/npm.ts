import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './engine';

export interface Packed {
  /** The temporary folder holding the tarball, the install and the npm cache. */
  dir: string;
  tarball: string;
  /** The `plugin-workbench` executable of `npm install -g --omit=dev <tarball>` into `dir/global`. */
  bin: string;
  /** The environment to run npm and the installed CLI with (isolated cache, bin on PATH). */
  env: NodeJS.ProcessEnv;
}

/** npm's own `npm_*` variables (set when tests run under `npm test`) would leak the project's config. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
) {
  const result = spawnSync(command, args, {
    ...options,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

let packed: Packed | undefined;

/**
 * `npm pack` of this checkout (its dist/ as built: --ignore-scripts skips the prepack rebuild so no
 * test rewrites dist/ under the others) and `npm install -g --omit=dev` of the tarball into a
 * temporary prefix, once per test process.
 */
export function packAndInstall(): Packed {
  if (packed) return packed;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-pack-'));
  const global = path.join(dir, 'global');
  const env = cleanEnv({
    npm_config_cache: path.join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PATH: `${path.join(global, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  });
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO_ROOT, env });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as Array<{ filename: string }>;
  const tarball = path.join(dir, filename);
  const install = run('npm', ['install', '-g', '--prefix', global, '--omit=dev', tarball], { cwd: dir, env });
  if (install.status !== 0) throw new Error(`npm install -g of the tarball failed: ${install.stderr}`);
  packed = { dir, tarball, bin: path.join(global, 'bin', 'plugin-workbench'), env };
  return packed;
}
