import snippets from './snippets.json';
import { LOGCRAFT_ACTIONS } from './actions';
import * as path from 'node:path';
import { findProperty, stringValue, type ValueNode } from '../../core';
import { relativePath } from '../link-resolvers';
import { LOGCRAFT_HOST, LOGCRAFT_PROJECTS, LOGCRAFT_TOOLS } from './project';
import type { OutlineRow, SystemDescriptor } from '../types';
import { LOGCRAFT_KINDS } from './kinds';
import { LOGCRAFT_RULES } from './rules';
import { logcraftNames } from './names';
import { pluginFolder } from './rules/missing-plugin';
import { LOGCRAFT_EDITORS } from './project/plugin-source-editor';
import { policyFields } from './project/policy-fields';

const TOP: OutlineRow = { path: '*', label: '{@key}', detail: '{@value}' };
const CONFIG = 'logcraft-config';
const baseDir = (root: ValueNode | undefined) =>
  stringValue(findProperty(findProperty(root, 'core')?.value, 'base_dir')?.value);
/** The plugins lgc ships with (always available to a service). */
const BUILT_IN_PLUGINS = ['splunk', 'sentinel'];

export const logcraft: SystemDescriptor = {
  id: 'logcraft',
  name: 'LogCraft',
  label: 'LogCraft CLI',
  kinds: LOGCRAFT_KINDS,
  rules: LOGCRAFT_RULES,
  outline: {
    [CONFIG]: [
      TOP,
      { path: 'core.*', label: '{@key}', detail: '{@value}' },
      { path: 'state.*', label: '{@key}', detail: '{@value}' },
      { path: 'services.*', label: '{@key}', kind: 'module', detail: '{plugin}' },
    ],
    'logcraft-detection': [TOP],
    'logcraft-policy': [TOP],
  },
  links: [
    { kind: CONFIG, path: 'core.base_dir', resolve: relativePath },
    {
      kind: CONFIG,
      path: 'services.*.plugin',
      resolve: (v, c, root) => [path.join(pluginFolder(c.path, baseDir(root)), `${v}.wasm`)],
    },
  ],
  workspaceValues: [
    {
      kind: CONFIG,
      path: 'services.*.plugin',
      values: (c) => {
        const installed = c.files
          .list(pluginFolder(c.path, baseDir(c.documents[0]?.root)))
          .filter((f) => f.endsWith('.wasm'));
        return [...installed.map((f) => path.basename(f, '.wasm')), ...BUILT_IN_PLUGINS];
      },
    },
    { kind: 'logcraft-policy', path: 'field', values: policyFields },
  ],
  names: logcraftNames,
  editors: LOGCRAFT_EDITORS,
  fixes: {
    'logcraft.kebab-case': ['replaceWithKnownValue'],
    'logcraft.plugin-name': ['replaceWithKnownValue'],
    'logcraft.plugin-class': ['replaceWithKnownValue'],
    'logcraft.policy-constraints': ['replaceWithKnownValue'],
  },
  projects: LOGCRAFT_PROJECTS,
  host: LOGCRAFT_HOST,
  tools: LOGCRAFT_TOOLS,
  actions: LOGCRAFT_ACTIONS,
  snippets: Object.values(snippets),
  templates: ['logcraft-plugin-rust', 'logcraft-plugin-python'],
};
