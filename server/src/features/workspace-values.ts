import type { KindId } from '../core';
import type { RuleContext } from '../systems/rule';
import { SYSTEMS } from '../systems';
import { compilePath } from '../core';
import type { PathSegment } from '../schemas/navigator';

/** Every system's sources of values known from the workspace, with their compiled paths. */
const SOURCES = SYSTEMS.flatMap((system) => system.workspaceValues ?? []).map((source) => ({
  ...source,
  pattern: compilePath(source.path),
}));

/** Values known from the workspace for a place in a manifest (`*` any key, `[]` any item). */
export async function workspaceValues(kind: KindId, at: PathSegment[], context: RuleContext): Promise<string[]> {
  const values = new Set<string>();
  for (const source of SOURCES) {
    if (source.kind !== kind || source.pattern.length !== at.length) continue;
    // A half-typed item may not have its index yet: `[]` and `*` take any step.
    if (!source.pattern.every((part, i) => part === null || part === '*' || part === String(at[i]))) continue;
    for (const value of await source.values(context)) values.add(value);
  }
  return [...values];
}
