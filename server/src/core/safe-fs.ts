import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

// Every read of a file the user did not open goes through here: a FIFO must not block us, a link
// to /dev/zero must not fill memory, and nothing outside the allowed folders may be learnt.

export type ReadOutcome =
  { bytes: Buffer } | { refused: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; size?: number; code?: string };

// O_NONBLOCK: opening a FIFO without a writer returns at once (fstat then says it is no file).
// Windows has no such flag and no FIFOs of this kind.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `maxBytes`; the type and size are checked on the open handle. */
export function readRegularFile(file: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { refused: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', code };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { refused: 'not-a-file' };
    if (stat.size > maxBytes) return { refused: 'too-large', size: stat.size };
    // Read at most one byte past the cap: a file that grows while we read is still bounded.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        if (length > maxBytes) return { refused: 'too-large', size: length };
        break;
      }
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { refused: 'unreadable', code: (error as NodeJS.ErrnoException).code };
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `child` is `root` or below it (both absolute, already resolved). */
export function isWithin(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export type Containment = { inside: string } | { outside: true } | { missing: true };

/**
 * Resolves `file` one component at a time below the root that holds it, following symbolic
 * links only while they stay inside a root. Nothing outside the roots is ever stat-ed, so the
 * answer for a path that leaves them is the same whether or not it exists there.
 */
export function resolveWithin(roots: readonly string[], file: string): Containment {
  const realRoots = roots.map((root) => {
    try {
      return fs.realpathSync(root);
    } catch {
      return path.resolve(root);
    }
  });
  let pending = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const root = matchRoot(roots, realRoots, pending);
    if (!root) return { outside: true };
    // Rebase a path given through the root's unresolved spelling onto its real path.
    const rebased = root.original === undefined ? pending : path.join(root.real, path.relative(root.original, pending));
    const parts = path.relative(root.real, rebased).split(path.sep).filter(Boolean);
    let current = root.real;
    let followed = false;
    for (let i = 0; i < parts.length; i++) {
      const next = path.join(current, parts[i]);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(next);
      } catch {
        return { missing: true };
      }
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.readlinkSync(next);
        } catch {
          return { missing: true };
        }
        pending = path.resolve(current, target, ...parts.slice(i + 1));
        followed = true;
        break;
      }
      current = next;
    }
    if (!followed) return { inside: current };
  }
  return { missing: true }; // a loop of links: ELOOP for the host too
}

interface RootMatch {
  real: string;
  original?: string;
}

function matchRoot(roots: readonly string[], realRoots: string[], file: string): RootMatch | undefined {
  const real = realRoots.find((r) => isWithin(r, file));
  if (real) return { real };
  for (let i = 0; i < roots.length; i++) {
    const original = path.resolve(roots[i]);
    if (isWithin(original, file)) return { real: realRoots[i], original };
  }
  return undefined;
}

export type HashOutcome = { sha256: string } | { refused: 'missing' | 'not-a-file' | 'too-large' | 'unreadable' };

/** Hashes of files by (path, size, mtime): a binary is hashed once, not on every keystroke. */
const hashCache = new Map<string, { key: string; sha256: string }>();

/** SHA-256 of a regular file of at most `maxBytes`, streamed from the handle that was checked. */
export function hashRegularFile(file: string, maxBytes: number): Promise<HashOutcome> {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return Promise.resolve({ refused: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' });
  }
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch {
    fs.closeSync(fd);
    return Promise.resolve({ refused: 'unreadable' });
  }
  if (!stat.isFile() || stat.size > maxBytes) {
    fs.closeSync(fd);
    return Promise.resolve({ refused: stat.isFile() ? 'too-large' : 'not-a-file' });
  }
  const key = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const known = hashCache.get(file);
  if (known?.key === key) {
    fs.closeSync(fd);
    return Promise.resolve({ sha256: known.sha256 });
  }
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const stream = fs.createReadStream('', { fd, autoClose: true, end: Math.max(0, maxBytes - 1) });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', () => resolve({ refused: 'unreadable' }));
    stream.on('end', () => {
      const sha256 = hash.digest('hex');
      hashCache.set(file, { key, sha256 });
      if (hashCache.size > 200) hashCache.delete(hashCache.keys().next().value as string);
      resolve({ sha256 });
    });
  });
}
