import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { readGoMod } from './parse/go-mod';
import type { FileAccess } from './workspace';

// Small questions about where a file sits, for kinds recognised by place (core/kinds.ts).

/** The nearest folder at or above `dir` holding `name`, within a few levels. */
export function findUp(dir: string, name: string, files: FileAccess, levels = 8): string | undefined {
  let current = path.resolve(dir);
  for (let depth = 0; depth < levels; depth++) {
    if (files.exists(path.join(current, name))) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return undefined;
}

/** Does this go.mod text require (or is it) a module starting with one of the prefixes? */
export function goModRequires(text: string, prefixes: string[]): boolean {
  const mod = readGoMod(text);
  return mod.lines.some((l) => l.verb === 'require' && prefixes.some((p) => l.args[0]?.text.startsWith(p)));
}

export function goModModule(text: string): string | undefined {
  return readGoMod(text).lines.find((l) => l.verb === 'module' && !l.inBlock)?.args[0]?.text;
}

/** Member names of a zip (central directory only, nothing is inflated); undefined if not a zip. */
export function zipMembers(bytes: Uint8Array | undefined): string[] | undefined {
  if (!bytes) return undefined;
  try {
    const names: string[] = [];
    unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
    return names;
  } catch {
    return undefined;
  }
}
