import * as path from 'node:path';
import { findProperty, closest, type EngineDiagnostic } from '../../../core';
import type { Rule, RuleContext } from '../../../analysis/rule';
import { ankletConfig, pluginType } from './plugins';

/** Plugins Anklet dispatches at its current version (internal/run/run.go). */
export const KNOWN_PLUGINS = ['github', 'github_receiver'];

/** Plugin folders of an Anklet checkout above the config: plugins/handlers/<x>, plugins/receivers/<x>. */
export function workspacePlugins(context: Pick<RuleContext, 'path' | 'files'>): string[] {
  const found = new Set<string>();
  let dir = path.dirname(context.path);
  for (let depth = 0; depth < 8; depth++) {
    for (const kind of ['handlers', 'receivers']) {
      const folder = path.join(dir, 'plugins', kind);
      for (const name of context.files.list(folder)) {
        if (context.files.isDirectory(path.join(folder, name))) found.add(kind === 'receivers' && !name.endsWith('_receiver') ? `${name}_receiver` : name);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return [...found];
}

// Anything else ends in "plugin not supported" for that plugin.
export const unknownPlugin: Rule = {
  id: 'anklet.unknown-plugin',
  kinds: ['anklet-config'],
  check(context) {
    const { plugins } = ankletConfig(context.documents);
    const diagnostics: EngineDiagnostic[] = [];
    let known: string[] | undefined;
    for (const entry of plugins) {
      const value = findProperty(entry, 'plugin')?.value;
      const name = pluginType(entry);
      if (!value || name === undefined || name === '' || (value.type === 'scalar' && value.placeholder)) continue;
      known ??= [...new Set([...KNOWN_PLUGINS, ...workspacePlugins(context)])];
      if (known.includes(name)) continue;
      const suggestion = closest(name, known);
      diagnostics.push({
        start: value.start,
        end: value.end,
        severity: 'error',
        code: 'anklet.unknown-plugin',
        message: `Anklet has no plugin "${name}" ("plugin not supported"). Known: ${known.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        data: suggestion ? { suggestion } : undefined,
      });
    }
    return diagnostics;
  },
};
