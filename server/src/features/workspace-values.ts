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
export async function workspaceValues(
  kind: KindId,
  at: PathSegment[],
  context: RuleContext,
): Promise<Array<{ value: string; detail: string }>> {
  const values = new Map<string, string>();
  for (const source of SOURCES) {
    if (source.kind !== kind || source.pattern.length !== at.length) continue;
    // A half-typed item may not have its index yet: `[]` and `*` take any step.
    if (!source.pattern.every((part, i) => part === null || part === '*' || part === String(at[i]))) continue;
    for (const known of await source.values(context)) {
      const [value, detail] =
        typeof known === 'string' ? [known, 'defined in this workspace'] : [known.value, known.detail];
      if (!values.has(value)) values.set(value, detail);
    }
  }
  return [...values].map(([value, detail]) => ({ value, detail }));
}
