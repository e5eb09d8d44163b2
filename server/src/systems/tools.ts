import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ToolInfo } from './projects';

/** Programs several systems' tasks and launches run (each system names its own in its descriptor). */
export const SHARED_TOOLS: Record<string, ToolInfo> = {
  go: {
    install: 'Install Go (https://go.dev/dl/, or Debian: apt-get install golang-go) and make sure `go` is on PATH.',
  },
  make: { install: 'Install make (Debian: apt-get install make; macOS: xcode-select --install).' },
  cargo: { install: 'Install Rust with rustup (https://rustup.rs), then run `rustup target add wasm32-wasip2`.' },
  'componentize-py': { install: 'Install componentize-py: `pip install componentize-py`.' },
};

export type ToolLookup = { path: string } | { missing: string };

/**
 * Finds a tool: the configured path when there is a setting for it, else PATH. The message for a
 * missing tool names the setting or the install step.
 */
export function resolveToolWith(
  info: ToolInfo,
  tool: string,
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ToolLookup {
  if (configured) {
    if (isExecutable(configured)) return { path: configured };
    return {
      missing: `${tool} was not found at ${configured} (setting ${info.setting}). Fix the setting or clear it to use PATH.`,
    };
  }
  const found = onPath(tool, env);
  if (found) return { path: found };
  const setting = info.setting ? ` or set ${info.setting} to its path` : '';
  return { missing: `${tool} was not found on PATH. ${info.install}${setting}.` };
}

export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = path.join(dir, command + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
