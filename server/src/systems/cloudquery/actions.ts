import { findProperty, stringValue } from '../../core';
import type { ActionLensRow } from '../types';

/**
 * "▶ Sync (dev)" above each source spec: the plugin project's dev-mode launch (project.ts) with
 * this file as its spec and this source as the entry the served plugin replaces.
 */
export const CLOUDQUERY_ACTIONS: ActionLensRow[] = [
  {
    kind: 'cloudquery-spec',
    path: '',
    title: '▶ Sync (dev)',
    run: 'launch',
    when: (root) => stringValue(findProperty(root, 'kind')?.value) === 'source',
    launch: (root) => {
      const name = stringValue(findProperty(findProperty(root, 'spec')?.value, 'name')?.value);
      return { spec: '$file', ...(name ? { plugin: name } : {}) };
    },
  },
];
