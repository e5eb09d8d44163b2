import * as path from 'node:path';
import type { EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { dispatchedPlugins, findRunGo } from './dispatch';

/** The name Anklet's config uses for a plugin folder: receivers carry `_receiver`. */
export function configName(folder: string): string {
  const name = path.basename(folder);
  return path.basename(path.dirname(folder)) === 'receivers' && !name.endsWith('_receiver') ? `${name}_receiver` : name;
}

/**
 * A plugin folder plugins/<handlers|receivers>/<name>/ seen from inside. The dispatch in
 * internal/run/run.go decides whether Anklet can run it (error); the files the plugin guide lists
 * (README.md, <name>.go) are a convention (warning). Reported once per folder, on its main file.
 */
export const ankletPluginFolder: Rule = {
  id: 'anklet.plugin-not-dispatched, anklet.plugin-folder-files',
  kinds: ['anklet-plugin-folder'],
  async check(context) {
    const folder = path.dirname(context.path);
    const name = path.basename(folder);
    const goFiles = context.files.list(folder).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
    const main = goFiles.includes(`${name}.go`) ? `${name}.go` : goFiles[0];
    if (path.basename(context.path) !== main) return [];
    const packageClause = /^package\s+\w+/m.exec(context.text);
    const at = packageClause
      ? { start: packageClause.index, end: packageClause.index + packageClause[0].length }
      : { start: 0, end: 0 };
    const diagnostics: EngineDiagnostic[] = [];
    const runGo = findRunGo(folder, context.files);
    const dispatched = runGo ? await dispatchedPlugins(runGo, context.files) : undefined;
    const wanted = configName(folder);
    if (dispatched && !dispatched.includes(wanted)) {
      diagnostics.push({
        ...at,
        severity: 'error',
        code: 'anklet.plugin-not-dispatched',
        message: `internal/run/run.go does not dispatch "${wanted}" (its switch ctxPlugin.Plugin knows ${dispatched.join(', ') || 'nothing'}): a config naming it stops with "plugin not supported". Add a case "${wanted}" calling this package's Run.`,
      });
    }
    const missing = ['README.md', `${name}.go`].filter((f) => !context.files.exists(path.join(folder, f)));
    if (missing.length) {
      diagnostics.push({
        ...at,
        severity: 'warning',
        code: 'anklet.plugin-folder-files',
        message: `The plugin folder ${path.basename(path.dirname(folder))}/${name} lacks ${missing.join(' and ')} (Anklet's plugins hold README.md and <name>.go).`,
      });
    }
    return diagnostics;
  },
};
