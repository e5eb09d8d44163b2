import * as path from 'node:path';
import ignore from 'ignore';
import type { EngineDiagnostic, FileAccess } from '../../../core';
import type { Rule } from '../../rule';
import { binaryName, moduleLineSpan } from './plugin-project';

const CODE = 'cloudquery.gitignore-binary';

/**
 * Whether git ignores `name` in `root`: the nearest .gitignore (from the module folder up to the
 * repository's top, the folder holding .git) with a rule about it decides, as git does; `ignore`
 * reads the patterns with git's rules (`name/` matches folders only, `!name` re-includes).
 * `own`: the module .gitignore's text as the editor has it (unsaved edits count).
 */
export function gitIgnores(root: string, name: string, files: FileAccess, own?: string): boolean {
  let dir = root;
  for (let depth = 0; depth < 8; depth++) {
    const text = dir === root && own !== undefined ? own : files.readText(path.join(dir, '.gitignore'));
    if (text !== undefined) {
      const verdict = ignore()
        .add(text)
        .test(path.relative(dir, path.join(root, name)).split(path.sep).join('/'));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    const parent = path.dirname(dir);
    if (files.exists(path.join(dir, '.git')) || parent === dir) break;
    dir = parent;
  }
  return false;
}

/** The last line of the .gitignore about the binary that does not ignore it (`name/`, `!name`, `bin/name`). */
function lineAbout(text: string, name: string): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const pattern = line.trim();
    if (
      pattern &&
      !pattern.startsWith('#') &&
      pattern
        .replace(/^!?\/?|\/$/g, '')
        .split('/')
        .pop() === name
    ) {
      const start = offset + line.indexOf(pattern);
      found = { start, end: start + pattern.length };
    }
    offset += raw.length + 1;
  }
  return found;
}

/**
 * The built plugin binary must be git-ignored (CloudQuery's onboarding notes: the .gitignore holds
 * the binary name; its scaffold writes `cq-source-<name>`, its own plugins their binary's name).
 * A committed or untracked binary also leaves the tree dirty, which fails GoReleaser releases (the
 * reason given in cloudquery/cloudquery#7608 for the scaffold's .gitignore). Reported on the
 * module's .gitignore with the binary name as the fix, or on go.mod's `module` line when there is
 * no .gitignore in the module folder.
 */
export const cloudqueryGitignoreBinary: Rule = {
  id: CODE,
  kinds: ['cloudquery-go-module', 'cloudquery-gitignore'],
  check(context) {
    const root = path.dirname(context.path);
    const goMod =
      context.kind === 'cloudquery-go-module' ? context.text : context.files.readText(path.join(root, 'go.mod'));
    const name = goMod === undefined ? undefined : binaryName(root, goMod, context.files);
    const own = context.kind === 'cloudquery-gitignore' ? context.text : undefined;
    if (!name || gitIgnores(root, name, context.files, own)) return [];
    const why = `the built plugin binary "${name}" is not git-ignored: it would be committed, and an untracked binary leaves the tree dirty, which fails a GoReleaser release`;
    if (context.kind === 'cloudquery-go-module') {
      // The module's own .gitignore carries the finding (and its fix) when there is one.
      if (context.files.isFile(path.join(root, '.gitignore'))) return [];
      return [
        {
          ...moduleLineSpan(context.text),
          severity: 'warning',
          code: CODE,
          message: `No .gitignore in the plugin's folder: ${why}. Add a .gitignore holding "${name}".`,
        },
      ];
    }
    const text = context.text;
    const about = lineAbout(text, name);
    // The fix writes the binary's name: over a line that names it wrongly, else on a new last line.
    const at = about ?? { start: text.length, end: text.length };
    const replace = about || text === '' || text.endsWith('\n') ? name : `\n${name}`;
    const diagnostic: EngineDiagnostic = {
      ...at,
      severity: 'warning',
      code: CODE,
      message: `.gitignore should hold the binary's name "${name}": ${why}.`,
      data: { replace },
    };
    return [diagnostic];
  },
};
