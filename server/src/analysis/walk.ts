import * as fs from 'node:fs';
import * as path from 'node:path';
import { isWithin, slashPath } from '../core';
import { KINDS, KIND_IDS } from '../systems';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.toml']);
const SKIPPED_FOLDERS = new Set(['node_modules']);
/** Dot-folders some kind lives in (.logcraft/policies, .github/workflows); other dot-folders are skipped. */
const ENTERED_DOT_FOLDERS = new Set(KIND_IDS.flatMap((id) => KINDS[id].dotFolders ?? []));
/** Files that are not manifests but a kind's by name (go.mod, Makefile, *.go, *.zip, ...). */
const NAMED = KIND_IDS.filter((id) => KINDS[id].format === 'text' || KINDS[id].format === 'binary').flatMap(
  (id) => KINDS[id].paths ?? [],
);
const skippedFolder = (name: string) =>
  (name.startsWith('.') && !ENTERED_DOT_FOLDERS.has(name)) || SKIPPED_FOLDERS.has(name);

export interface WalkResult {
  files: string[];
  /** What the walk could not enter or left out, one line each, for stderr. */
  notes: string[];
  /** Folders that could not be read (EACCES and the like). */
  unreadable: number;
}

/**
 * Candidate manifest files below a folder, in a stable order; skips node_modules and dot-folders.
 * Symbolic links are followed once each: to a file anywhere (it is read with the same limits as
 * any file), to a folder only while it stays inside the walked folder; link loops end the walk.
 */
export function walkManifests(dir: string): WalkResult {
  const result: WalkResult = { files: [], notes: [], unreadable: 0 };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const top = realOrSame(path.resolve(dir));
  // `real`: known for a plain file (its folder's real path and its name), looked up for a link.
  const addFile = (full: string, real = realOrSame(full)) => {
    // (a broken link is reported when it is read)
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    result.files.push(full);
  };
  const visit = (current: string) => {
    const real = realOrSame(current);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (error) {
      result.unreadable++;
      result.notes.push(`cannot read folder ${current}: ${describeError(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      const manifestName =
        MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || NAMED.some((p) => p.test(slashPath(full)));
      if (entry.isDirectory()) {
        if (skippedFolder(entry.name)) continue;
        visit(full);
      } else if (entry.isFile()) {
        if (manifestName) addFile(full, path.join(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        let stat: fs.Stats;
        try {
          stat = fs.statSync(full);
        } catch (error) {
          if (manifestName) result.notes.push(`skipped ${full}: ${describeError(error)}`);
          continue;
        }
        if (stat.isDirectory()) {
          if (skippedFolder(entry.name)) continue;
          // A link up or out of the folder would walk the whole disk (or forever).
          if (isWithin(top, realOrSame(full))) visit(full);
        } else if (manifestName) {
          if (stat.isFile()) addFile(full);
          else result.notes.push(`skipped ${full}: not a regular file (a device, FIFO or socket); not read`);
        }
      } else if (manifestName) {
        result.notes.push(`skipped ${full}: not a regular file (a device, FIFO or socket); not read`);
      }
    }
  };
  visit(dir);
  return result;
}

function realOrSame(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** An fs error in words: what went wrong, not just its code. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link loop?)';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return code ?? (error as Error)?.message ?? String(error);
  }
}
