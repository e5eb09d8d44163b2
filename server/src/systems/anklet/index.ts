import snippets from './snippets.json';
import * as path from 'node:path';
import { absolutePathOnly } from '../link-resolvers';
import { ANKLET_HOST, ANKLET_PROJECTS } from './project';
import type { LinkResolver, SystemDescriptor } from '../types';
import { ANKLET_KINDS } from './kinds';
import { ANKLET_RULES } from './rules';
import { KNOWN_PLUGINS, workspacePlugins } from './rules/unknown-plugin';
import { dispatchedPlugins, findRunGo } from './project/dispatch';
import type { RuleContext } from '../rule';

const CONFIG = 'anklet-config';

/** An Anklet plugin's folder in the checkout above the config: its `<name>.go`, `plugin.go` or the folder. */
const pluginSource: LinkResolver = (value, context) => {
  const candidates: string[] = [];
  const names = value.endsWith('_receiver')
    ? [
        ['receivers', value.slice(0, -'_receiver'.length)],
        ['receivers', value],
      ]
    : [['handlers', value]];
  let dir = path.dirname(context.path);
  for (let depth = 0; depth < 8; depth++) {
    for (const [group, name] of names) {
      const folder = path.join(dir, 'plugins', group, name);
      candidates.push(path.join(folder, `${name}.go`), path.join(folder, 'plugin.go'), folder);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return candidates;
};

/**
 * The plugin names a config may use: in an Anklet checkout the cases of the dispatch in
 * internal/run/run.go (a folder without a case is "plugin not supported"), else the built-in ones
 * and the plugin folders around the config.
 */
async function pluginNames(context: RuleContext): Promise<string[]> {
  const runGo = findRunGo(path.dirname(context.path), context.files);
  const dispatched = runGo ? await dispatchedPlugins(runGo, context.files) : undefined;
  return dispatched ?? [...KNOWN_PLUGINS, ...workspacePlugins(context)];
}

export const anklet: SystemDescriptor = {
  id: 'anklet',
  name: 'Anklet',
  label: 'Anklet',
  kinds: ANKLET_KINDS,
  rules: ANKLET_RULES,
  outline: {
    [CONFIG]: [
      { path: '*', label: '{@key}', detail: '{@value}' },
      { path: 'plugins[]', label: '{name|@index}', kind: 'module', detail: '{plugin}' },
    ],
  },
  links: [
    { kind: CONFIG, path: 'plugins[].plugin', resolve: pluginSource },
    { kind: CONFIG, path: 'plugins_path', resolve: absolutePathOnly },
    { kind: CONFIG, path: 'plugins[].private_key', resolve: absolutePathOnly },
  ],
  workspaceValues: [{ kind: CONFIG, path: 'plugins[].plugin', values: pluginNames }],
  fixes: { 'anklet.unknown-plugin': ['replaceWithSuggestion'] },
  projects: ANKLET_PROJECTS,
  host: ANKLET_HOST,
  snippets: Object.values(snippets),
  templates: ['anklet-handler-go', 'anklet-receiver-go'],
};
