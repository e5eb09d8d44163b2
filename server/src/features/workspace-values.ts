import * as path from 'node:path';
import { findProperty } from '../core/parse/tree-builder';
import { stringValue } from '../core/tree-query';
import type { KindId } from '../core/kinds';
import type { RuleContext } from '../analysis/rule';
import { visibleSpecs } from '../systems/cloudquery/rules/spec-index';
import { pluginFolder } from '../systems/logcraft/rules/missing-plugin';
import { KNOWN_PLUGINS, workspacePlugins } from '../systems/anklet/rules/unknown-plugin';
import type { PathSegment } from './schema-navigator';

/** Values known from the workspace for a place in a manifest ('*' matches any key or index). */
interface ValueSource {
  kind: KindId;
  path: string[];
  values(context: RuleContext): string[];
}

const SOURCES: ValueSource[] = [
  { kind: 'cloudquery-spec', path: ['spec', 'destinations', '*'], values: (c) => visibleSpecs(c).filter((s) => s.kind === 'destination').map((s) => s.name) },
  { kind: 'cloudquery-spec', path: ['spec', 'transformers', '*'], values: (c) => visibleSpecs(c).filter((s) => s.kind === 'transformer').map((s) => s.name) },
  {
    kind: 'logcraft-config',
    path: ['services', '*', 'plugin'],
    values: (c) => {
      const baseDir = stringValue(findProperty(findProperty(c.documents[0]?.root, 'core')?.value, 'base_dir')?.value);
      const installed = c.files.list(pluginFolder(c.path, baseDir)).filter((f) => f.endsWith('.wasm')).map((f) => path.basename(f, '.wasm'));
      return [...installed, 'splunk', 'sentinel'];
    },
  },
  { kind: 'anklet-config', path: ['plugins', '*', 'plugin'], values: (c) => [...KNOWN_PLUGINS, ...workspacePlugins(c)] },
];

export function workspaceValues(kind: KindId, at: PathSegment[], context: RuleContext): string[] {
  const values = new Set<string>();
  for (const source of SOURCES) {
    if (source.kind !== kind || source.path.length !== at.length) continue;
    if (!source.path.every((segment, i) => segment === '*' || segment === String(at[i]))) continue;
    for (const value of source.values(context)) values.add(value);
  }
  return [...values];
}
