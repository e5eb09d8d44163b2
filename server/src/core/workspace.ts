import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * What rules and the classifier may learn about the files around a manifest. Reading only:
 * nothing here runs a program. `trusted: false` (an untrusted VS Code workspace) forbids reading
 * binaries.
 */
export interface FileAccess {
  readonly trusted: boolean;
  readText(file: string): string | undefined;
  exists(file: string): boolean;
  isFile(file: string): boolean;
  isDirectory(file: string): boolean;
  list(dir: string): string[];
  /** SHA-256 of a file in hex, read as a stream; undefined when it cannot be read. */
  sha256(file: string): Promise<string | undefined>;
}

/** Files larger than this are not read as text by rules (a manifest is never this big). */
const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export function nodeFileAccess(options: { trusted?: boolean } = {}): FileAccess {
  return {
    trusted: options.trusted ?? true,
    readText(file) {
      try {
        if (fs.statSync(file).size > MAX_TEXT_BYTES) return undefined;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
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
      return new Promise((resolve) => {
        const hash = createHash('sha256');
        const stream = fs.createReadStream(file);
        stream.on('data', (chunk) => hash.update(chunk));
        stream.on('error', () => resolve(undefined));
        stream.on('end', () => resolve(hash.digest('hex')));
      });
    },
  };
}

/** Forward-slash form of a path, for the kind table's path patterns. */
export function slashPath(file: string): string {
  return file.split(path.sep).join('/');
}
