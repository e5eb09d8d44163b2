import * as fs from 'node:fs';
import * as path from 'node:path';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.toml']);
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Candidate manifest files below a folder, in a stable order; skips node_modules and dot-folders. */
export function walkManifests(dir: string): string[] {
  const found: string[] = [];
  const visit = (current: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
        visit(full);
      } else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        found.push(full);
      }
    }
  };
  visit(dir);
  return found;
}
