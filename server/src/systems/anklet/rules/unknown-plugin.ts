import * as path from 'node:path';
import { findProperty, closest, type EngineDiagnostic } from '../../../core';
import type { Rule, RuleContext } from '../../rule';
import { ankletConfig, pluginType } from './plugins';
import { dispatchedPlugins, findRunGo } from '../project/dispatch';

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
        if (context.files.isDirectory(path.join(folder, name)))
          found.add(kind === 'receivers' && !name.endsWith('_receiver') ? `${name}_receiver` : name);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return [...found];
}

// Anything else ends in "plugin not supported" for that plugin. In an Anklet checkout the gate is
// the dispatch in internal/run/run.go, not the folder: a folder the switch does not name still fails.
export const unknownPlugin: Rule = {
  id: 'anklet.unknown-plugin, anklet.plugin-not-dispatched',
  kinds: ['anklet-config'],
  async check(context) {
    const { plugins } = ankletConfig(context.documents);
    const diagnostics: EngineDiagnostic[] = [];
    let known: string[] | undefined;
    let dispatched: string[] | undefined;
    let folders: string[] = [];
    for (const entry of plugins) {
      const value = findProperty(entry, 'plugin')?.value;
      const name = pluginType(entry);
      if (!value || name === undefined || name === '' || (value.type === 'scalar' && value.placeholder)) continue;
      if (!known) {
        folders = workspacePlugins(context);
        const runGo = findRunGo(path.dirname(context.path), context.files);
        dispatched = runGo ? await dispatchedPlugins(runGo, context.files) : undefined;
        known = dispatched ?? [...new Set([...KNOWN_PLUGINS, ...folders])];
      }
      if (known.includes(name)) continue;
      const suggestion = closest(name, known);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      if (dispatched && folders.includes(name)) {
        diagnostics.push({
          start: value.start,
          end: value.end,
          severity: 'error',
          code: 'anklet.plugin-not-dispatched',
          message: `The plugin folder "${name}" exists, but the switch ctxPlugin.Plugin in internal/run/run.go has no case "${name}": Anklet stops it with "plugin not supported". Add the case (calling the plugin's Run) to run.go. Dispatched: ${known.join(', ')}.`,
        });
        continue;
      }
      diagnostics.push({
        start: value.start,
        end: value.end,
        severity: 'error',
        code: 'anklet.unknown-plugin',
        message: `Anklet has no plugin "${name}" ("plugin not supported"). Known: ${known.join(', ')}.${hint}`,
        data: suggestion ? { suggestion } : undefined,
      });
    }
    return diagnostics;
  },
};
