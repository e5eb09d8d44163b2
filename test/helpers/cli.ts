import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './engine';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

let staged: string | undefined;

/**
 * The CLI another user can run. A clone may sit in a folder only its owner can enter (mktemp -d makes
 * mode 700), so a run under another uid gets a copy of the built package (dist/ and the schemas it reads
 * from ../schemas) in a world-readable temporary folder.
 */
function cliFor(uid: number | undefined): string {
  if (uid === undefined || uid === process.getuid?.()) return CLI;
  if (!staged) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cli-'));
    const skipMaps = (source: string): boolean => !source.endsWith('.map');
    fs.cpSync(path.join(REPO_ROOT, 'dist'), path.join(root, 'dist'), { recursive: true, filter: skipMaps });
    fs.cpSync(path.join(REPO_ROOT, 'schemas'), path.join(root, 'schemas'), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(root, 'package.json'));
    const open = (at: string): void => {
      const stat = fs.statSync(at);
      fs.chmodSync(at, stat.isDirectory() ? 0o755 : 0o644);
      if (stat.isDirectory()) for (const name of fs.readdirSync(at)) open(path.join(at, name));
    };
    open(root);
    process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
    staged = path.join(root, 'dist', 'cli.js');
  }
  return staged;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as a separate process, exactly as users and CI do. */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    timeoutMs?: number;
    nodeArgs?: string[];
    uid?: number;
    gid?: number;
    env?: Record<string, string>;
  } = {},
): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), cliFor(options.uid), ...args], {
    uid: options.uid,
    gid: options.gid,
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ? { ...process.env, ...options.env } : undefined,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
