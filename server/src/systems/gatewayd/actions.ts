import * as path from 'node:path';
import { findProperty, stringValue } from '../../core';
import type { ActionLensRow } from '../types';

/**
 * "Update checksum" above each plugin entry with a localPath: the update-checksum task of the
 * plugin project that builds the binary the entry points at (project.ts).
 */
export const GATEWAYD_ACTIONS: ActionLensRow[] = [
  {
    kind: 'gatewayd-plugins',
    path: 'plugins[]',
    title: 'Update checksum',
    run: 'update-checksum',
    when: (entry) => !!stringValue(findProperty(entry, 'localPath')?.value),
    near: (entry, file) => path.resolve(path.dirname(file), stringValue(findProperty(entry, 'localPath')?.value)!),
  },
];
