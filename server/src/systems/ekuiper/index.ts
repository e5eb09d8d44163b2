import snippets from './snippets.json';
import * as path from 'node:path';
import { relativePath } from '../link-resolvers';
import { EKUIPER_HOST, EKUIPER_PROJECTS, EKUIPER_TOOLS } from './project';
import type { OutlineRow, SystemDescriptor } from '../types';
import { EKUIPER_KINDS } from './kinds';
import { EKUIPER_RULES } from './rules';
import { goModEditor } from './project/go-module-editor';
import { pluginBuildEditor } from './project/plugin-build-editor';

const TOP: OutlineRow = { path: '*', label: '{@key}', detail: '{@value}' };
const MANIFEST = 'ekuiper-portable-manifest';

export const ekuiper: SystemDescriptor = {
  id: 'ekuiper',
  name: 'eKuiper',
  label: 'eKuiper',
  kinds: EKUIPER_KINDS,
  rules: EKUIPER_RULES,
  outline: {
    'ekuiper-source-meta': [
      TOP,
      { path: 'properties.*', label: '{@key}', kind: 'namespace' },
      { path: 'properties.*[]', label: '{name|@index}', kind: 'field', detail: '{type}' },
    ],
    'ekuiper-sink-meta': [TOP, { path: 'properties[]', label: '{name|@index}', kind: 'field', detail: '{type}' }],
    'ekuiper-function-meta': [
      TOP,
      { path: 'functions[]', label: '{name|@index}', kind: 'function', detail: '{example}' },
    ],
    'ekuiper-source-config': [
      { path: '*', label: '{@key}', kind: 'namespace' },
      { path: '*.*', label: '{@key}', detail: '{@value}' },
    ],
    [MANIFEST]: [
      TOP,
      { path: 'sources[]', label: '{@value}', kind: 'event' },
      { path: 'sinks[]', label: '{@value}', kind: 'event' },
      { path: 'functions[]', label: '{@value}', kind: 'function' },
    ],
  },
  links: [
    { kind: MANIFEST, path: 'executable', resolve: relativePath },
    { kind: MANIFEST, path: 'sources[]', resolve: (v, c) => [path.join(path.dirname(c.path), 'sources', `${v}.yaml`)] },
  ],
  editors: [goModEditor, pluginBuildEditor],
  fixes: {
    'ekuiper.go-version': ['replaceWithKnownValue'],
    'ekuiper.contract-version': ['replaceWithKnownValue'],
    'ekuiper.plugin-build-flags': ['replaceWithKnownValue'],
    'ekuiper.missing-source-config': ['createMissingFile'],
    'ekuiper.missing-executable': ['replaceWithSuggestion'],
    'ekuiper.manifest-name': ['replaceWithKnownValue'],
    'ekuiper.node-category': ['replaceWithKnownValue'],
    'ekuiper.missing-en-us': ['addMissingKey'],
  },
  projects: EKUIPER_PROJECTS,
  host: EKUIPER_HOST,
  tools: EKUIPER_TOOLS,
  snippets: Object.values(snippets),
  templates: ['ekuiper-source-go', 'ekuiper-sink-go', 'ekuiper-function-go', 'ekuiper-portable-python'],
};
