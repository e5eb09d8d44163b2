import snippets from './snippets.json';
import { GATEWAYD_ACTIONS } from './actions';
import { relativePath } from '../link-resolvers';
import { GATEWAYD_HOST, GATEWAYD_PROJECTS, GATEWAYD_TOOLS } from './project';
import type { OutlineRow, SystemDescriptor } from '../types';
import { GATEWAYD_KINDS } from './kinds';
import { GATEWAYD_RULES } from './rules';
import { GATEWAYD_EDITORS } from './project/release-editor';

const TOP: OutlineRow = { path: '*', label: '{@key}', detail: '{@value}' };

export const gatewayd: SystemDescriptor = {
  id: 'gatewayd',
  name: 'GatewayD',
  label: 'GatewayD',
  kinds: GATEWAYD_KINDS,
  rules: GATEWAYD_RULES,
  outline: {
    'gatewayd-plugins': [
      TOP,
      { path: 'plugins[]', label: '{name|@index}', kind: 'module', detail: '{url|localPath}' },
      { path: 'policies[]', label: '{name|@index}', kind: 'function', detail: '{policy}' },
    ],
    'gatewayd-config': [TOP, { path: '*.*', label: '{@key}', kind: 'namespace' }],
  },
  links: [{ kind: 'gatewayd-plugins', path: 'plugins[].localPath', resolve: relativePath }],
  editors: GATEWAYD_EDITORS,
  fixes: {
    'gatewayd.release-binary': ['replaceWithKnownValue'],
    'gatewayd.release-asset-name': ['replaceWithKnownValue'],
    'gatewayd.release-checksum': ['replaceWithKnownValue'],
    'gatewayd.release-checksums-file': ['replaceWithKnownValue'],
    'gatewayd.release-tag': ['replaceWithKnownValue'],
    'gatewayd.magic-cookie': ['insertListItem', 'replaceWithKnownValue'],
    'gatewayd.checksum-mismatch': ['replaceWithComputedChecksum'],
  },
  projects: GATEWAYD_PROJECTS,
  host: GATEWAYD_HOST,
  tools: GATEWAYD_TOOLS,
  actions: GATEWAYD_ACTIONS,
  snippets: Object.values(snippets),
  templates: ['gatewayd-plugin-go', 'gatewayd-plugin-python'],
};
