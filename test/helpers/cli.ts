import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './engine';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

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
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
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
