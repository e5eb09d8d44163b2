import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashRegularFile, readRegularFile, type HashOutcome } from './safe-fs';

/**
 * What rules and the classifier may learn about the files around a manifest. Reading only:
 * nothing here runs a program. `trusted: false` (an untrusted VS Code workspace) forbids reading
 * binaries.
 */
export interface FileAccess {
  readonly trusted: boolean;
  readText(file: string): string | undefined;
  /** Raw bytes (binary kinds such as a plugin zip); undefined when unreadable or too large. */
  readBytes?(file: string): Uint8Array | undefined;
  exists(file: string): boolean;
  isFile(file: string): boolean;
  isDirectory(file: string): boolean;
  list(dir: string): string[];
  /**
   * Folders whose files may be hashed (the workspace folders; the CLI: the paths given and the
   * current directory). Undefined: only the manifest's own folder and below.
   */
  readonly roots?: readonly string[];
  /** SHA-256 of a regular file (streamed, size-capped, cached); undefined when untrusted. */
  sha256(file: string): Promise<HashOutcome | undefined>;
}

/** Files larger than this are not read as text by rules (a manifest is never this big). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** Zips larger than this are not opened (an eKuiper plugin zip is a few tens of MB). */
export const MAX_ZIP_BYTES = 128 * 1024 * 1024;

/** Binaries larger than this are not hashed (GatewayD plugins are tens of MB). */
export const MAX_HASH_BYTES = 256 * 1024 * 1024;

export function nodeFileAccess(options: { trusted?: boolean; roots?: readonly string[] } = {}): FileAccess {
  return {
    trusted: options.trusted ?? true,
    roots: options.roots,
    readText(file) {
      // Regular files only, checked on the open handle: never a FIFO, a device or a huge file.
      const read = readRegularFile(file, MAX_TEXT_BYTES);
      return 'bytes' in read ? read.bytes.toString('utf8') : undefined;
    },
    readBytes(file) {
      // A plugin zip carries a .so of tens of MB: the same regular-file check, a larger cap.
      const read = readRegularFile(file, MAX_ZIP_BYTES);
      return 'bytes' in read ? read.bytes : undefined;
    },
    exists: (file) => fs.existsSync(file),
    isFile(file) {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    isDirectory(file) {
      try {
        return fs.statSync(file).isDirectory();
      } catch {
        return false;
      }
    },
    list(dir) {
      try {
        return fs.readdirSync(dir).sort();
      } catch {
        return [];
      }
    },
    sha256(file) {
      if (!this.trusted) return Promise.resolve(undefined);
      return hashRegularFile(file, MAX_HASH_BYTES);
    },
  };
}

/** Forward-slash form of a path, for the kind table's path patterns. */
export function slashPath(file: string): string {
  // Asked for every file a check looks at: on POSIX the path is already in that form.
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}
